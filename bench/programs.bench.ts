// Real programs through the built CLI users run (dist/wplab.js): a static glibc "hello, world" end to
// end (Node's start included), a compute-heavy C program at -O2 (simulated instructions per second,
// beside qemu-ppc64le on the same binary), and the peak memory of a run of a 1 MB static binary.
// Needs powerpc64le-linux-gnu-gcc to build the programs (skipped with the install command otherwise).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './run';

const CLI = join(process.cwd(), 'dist', 'wplab.js');

function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** wplab exec --stats: the run's own figures (without Node's start) */
function stats(
  exe: string,
  cpu: string,
): { instrs: number; seconds: number; rssMB: number; wallMs: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'exec', exe, '--cpu', cpu, '--max-steps', '10000000000', '--stats'], {
    encoding: 'utf8',
  });
  const wallMs = performance.now() - t0;
  const m = /(\d+) instructions in ([\d.]+) s .*peak RSS (\d+) MB/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`wplab exec ${exe} failed (${r.status}): ${r.stderr.slice(0, 300)}`);
  return { instrs: Number(m[1]), seconds: Number(m[2]), rssMB: Number(m[3]), wallMs, stdout: r.stdout };
}

export function run(): BenchRow[] {
  if (!have('powerpc64le-linux-gnu-gcc')) {
    return [
      { name: 'real programs', value: 0, unit: '', note: 'skipped: sudo apt-get install gcc-powerpc64le-linux-gnu' },
    ];
  }
  const dir = mkdtempSync(join(tmpdir(), 'wplab-bench-c-'));
  try {
    const build = (name: string) => {
      const out = join(dir, name);
      execFileSync('powerpc64le-linux-gnu-gcc', [
        '-static',
        '-O2',
        '-mcpu=power9',
        '-o',
        out,
        join(process.cwd(), 'bench', 'programs', `${name}.c`),
      ]);
      return out;
    };
    const hello = build('hello');
    const compute = build('compute');
    const rows: BenchRow[] = [];

    // hello, world end to end: Node's start, loading the 1 MB binary, glibc's start-up, printf, exit
    const walls: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [CLI, 'exec', hello, '--cpu', 'power9'], { encoding: 'utf8' });
      walls.push(performance.now() - t0);
      if (r.stdout !== 'hello, world\n') throw new Error(`hello printed ${JSON.stringify(r.stdout)} ${r.stderr}`);
    }
    const hw = median(walls);
    rows.push({
      name: 'static "hello, world" via wplab exec, end to end',
      value: hw,
      unit: 'ms',
      goal: '< 250 ms',
      ok: hw < 250,
      note: 'median of 7, Node start included',
    });

    // compute-heavy -O2 program: simulated instructions per second of the run itself
    const runs = [stats(compute, 'power9'), stats(compute, 'power9'), stats(compute, 'power9')];
    const best = runs.reduce((a, b) => (a.instrs / a.seconds > b.instrs / b.seconds ? a : b));
    const ips = best.instrs / best.seconds;
    let reference: BenchRow['reference'];
    if (have('qemu-ppc64le')) {
      const qs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        const q = spawnSync('qemu-ppc64le', ['-cpu', 'power9', compute], { encoding: 'utf8', cwd: dir });
        qs.push((performance.now() - t0) / 1000);
        if (q.stdout !== best.stdout) throw new Error(`qemu printed ${q.stdout}, wplab ${best.stdout}`);
      }
      reference = { name: 'qemu-ppc64le (same binary, wall time)', value: best.instrs / Math.min(...qs) };
    }
    rows.push({
      name: 'C -O2 compute kernel (sieve, hash, sort, matmul, crc)',
      value: ips,
      unit: 'instr/s',
      goal: '>= 100M instr/s',
      ok: ips >= 100e6,
      reference,
      note: `${(best.instrs / 1e6).toFixed(0)}M instructions, best of 3`,
    });

    // peak memory of a run of a 1 MB static binary (the whole Node process)
    const rss = Math.max(...runs.map((r) => r.rssMB));
    rows.push({
      name: 'peak RSS, run of a 1 MB static binary',
      value: rss,
      unit: 'MB',
      goal: '< 100 MB',
      ok: rss < 100,
      note: 'the whole Node process',
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
