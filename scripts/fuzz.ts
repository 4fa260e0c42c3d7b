// `npm run fuzz`: the long run of the fuzz targets (test/fuzz/targets). Each target runs in a child
// process (test/fuzz/worker.ts) that reports every input as it starts and ends; an input that
// does not end in time is a hang: its process is killed and the run goes on after it. Prints, per
// target, the inputs tried and the crashes, hangs and internal-error messages seen (each distinct
// message once, with how many inputs gave it and one of them).
// Usage: node --import tsx scripts/fuzz.ts [TARGET...] [--count N | --scale X] [--seed S]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { emptyStats, formatStats, inputs, record, type Finding, type TargetStats } from '../test/fuzz/harness';
import { LONG, SEED, SHORT, TARGETS } from '../test/fuzz/targets';

const ROOT = join(__dirname, '..');
const WORKER = join(ROOT, 'test', 'fuzz', 'worker.ts');

function args(): { names: string[]; count?: number; scale: number; seed: number } {
  const a = process.argv.slice(2);
  const out = { names: [] as string[], count: undefined as number | undefined, scale: 1, seed: SEED + 1 };
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '--count') out.count = Number(a[++i]);
    else if (a[i] === '--scale') out.scale = Number(a[++i]);
    else if (a[i] === '--seed') out.seed = Number(a[++i]);
    else if (TARGETS[a[i]]) out.names.push(a[i]);
    else {
      console.error(`fuzz: unknown argument ${a[i]} (targets: ${Object.keys(TARGETS).join(', ')})`);
      process.exit(2);
    }
  }
  if (out.names.length === 0) out.names = Object.keys(TARGETS);
  return out;
}

/** Runs inputs [start, end) of a target in a child; resolves with where it stopped (a hang kills
 * it, and the next run starts after the hanging input). `seen`: the inputs already recorded. */
function runChild(
  name: string,
  seed: number,
  start: number,
  end: number,
  stats: TargetStats,
  seen: Set<number>,
  hangMs: number,
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--max-old-space-size=4096', WORKER, name, String(seed), String(start), String(end - start)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let next = start;
    let running: number | undefined;
    let buf = '';
    const findings = new Map<number, Finding[]>();
    let timer: NodeJS.Timeout | undefined;
    const add = (i: number, f: Finding[]) => findings.set(i, [...(findings.get(i) ?? []), ...f]);
    const finish = (i: number) => {
      running = undefined;
      next = Math.max(next, i + 1);
      if (seen.has(i)) return;
      seen.add(i);
      stats.tried++;
      const f = findings.get(i) ?? [];
      // (the input's text is made again only when there is something to show)
      record(stats, f, f.length === 0 ? '' : TARGETS[name].show(inputs(TARGETS[name], seed, i + 1)[i] as never));
    };
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        // no word for too long: the input being run hangs
        const i = running ?? next;
        add(i, [{ kind: 'hang', message: `no end after ${hangMs} ms (the process was killed)` }]);
        finish(i);
        child.kill('SIGKILL');
      }, hangMs);
    };
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^(start|done) (-?\d+)(?: (.*))?$/.exec(line);
        if (!m) continue;
        const i = Number(m[2]);
        arm();
        if (m[1] === 'start') {
          running = i;
          continue;
        }
        if (i < 0) continue;
        add(i, JSON.parse(m[3] ?? '[]') as Finding[]);
        if (running === i) finish(i);
      }
    });
    child.stderr.on('data', () => undefined);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      // died while an input ran (out of memory, a crash of the process): that input is a crash
      if (running !== undefined) {
        add(running, [{ kind: 'crash', message: `the process died (exit ${code})` }]);
        finish(running);
      }
      resolve(next);
    });
    arm();
  });
}

async function main(): Promise<void> {
  const a = args();
  const all: TargetStats[] = [];
  for (const name of a.names) {
    const t = TARGETS[name];
    const count = a.count ?? Math.round(LONG[name] * a.scale);
    const stats = emptyStats(name);
    const t0 = Date.now();
    // (the long run's inputs come after the short run's: other inputs than npm test tries)
    const first = a.seed === SEED ? SHORT[name] : 0;
    const seen = new Set<number>();
    let at = first;
    const hangMs = Number(process.env.WPLAB_FUZZ_HANG_MS) || Math.max(30_000, t.hangMs * 3);
    while (at < first + count) at = await runChild(name, a.seed, at, first + count, stats, seen, hangMs);
    stats.ms = Date.now() - t0;
    all.push(stats);
    console.log(formatStats(stats));
  }
  console.log('\nper target: inputs tried; crashes, hangs, internal errors');
  for (const s of all)
    console.log(
      `  ${s.name.padEnd(9)} ${String(s.tried).padStart(6)} tried; ${s.crashes} crashes, ` +
        `${s.hangs} hangs, ${s.internal} internal errors (${(s.ms / 1000).toFixed(0)} s)`,
    );
  const bad = all.some((s) => s.crashes + s.hangs + s.internal > 0);
  process.exitCode = bad ? 1 : 0;
}

void main();
