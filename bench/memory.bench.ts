// Memory of `wplab run` on long runs and many tasks (issue 12), measured on the built CLI users run
// (dist/wplab.js) as the peak RSS of its whole Node process: a run of 10^7 perf hits (2*10^7 handler
// decisions, the log keeping the newest 10^6) in each output mode, written to a pipe that is read and
// dropped, and a scenario of 1 000 tasks that all run. The goal is the same whatever the run's length:
// memory follows the log's capacity and the pages the tasks use, not the number of decisions.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from './run';

const CLI = join(process.cwd(), 'dist', 'wplab.js');

/** A perf counter on `v`, hit by every iteration of a loop of r4 loads. */
const HITS_S = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,v@ha
	addi 9,9,v@l
	mtctr 4
1:	ld 6,0(9)
	bdnz 1b
	.globl done
done:	trap
	.data
	.balign 8
v:	.quad 0
`;

const hitsYaml = (n: number) => `machine: { cpu: power10 }
tasks:
  - { name: child, program: hits.S, regs: { r4: ${n} } }
steps:
  - perf_open: { id: p, task: child, addr: v, len: 8, type: r, exclude_kernel: true, exclude_hv: true }
  - cont: child
    expect: { pc: done }
  - perf_read: p
    expect: ${n}
`;

/** Each task writes a word on each of 16 pages of its 1 MB .bss, then exits. */
const TASK_S = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,buf@ha
	addi 9,9,buf@l
	li 5,16
	mtctr 5
1:	std 5,0(9)
	addi 9,9,4096
	bdnz 1b
	li 0,1
	li 3,0
	sc
	.lcomm buf, 1048576
`;

const tasksYaml = (n: number) => `machine: { cpu: power10, cpus: 2 }
tasks:
${Array.from({ length: n }, (_, i) => `  - { name: t${i}, program: task.S, traced: ${i === n - 1} }`).join('\n')}
steps:
  - cont: t${n - 1}
    expect: { event: exited, exit_code: 0 }
`;

/** Runs the CLI with a preload that reports the process's peak RSS at exit; stdout is read and
 * dropped (counted). */
function measure(
  dir: string,
  args: string[],
): Promise<{ rssMB: number; seconds: number; outBytes: number; status: number | null; stderr: string }> {
  const preload = join(dir, 'rss.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => process.stderr.write(`\\nWPLAB_MAXRSS " + '${process.resourceUsage().maxRSS}\\n`));\n',
  );
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--require', preload, CLI, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let outBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (outBytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => {
      const m = /WPLAB_MAXRSS (\d+)/.exec(stderr);
      resolve({
        rssMB: m ? Number(m[1]) / 1024 : NaN,
        seconds: (performance.now() - t0) / 1000,
        outBytes,
        status,
        stderr: stderr.replace(/\nWPLAB_MAXRSS \d+\n/, ''),
      });
    });
  });
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-bench-mem-'));
  try {
    writeFileSync(join(dir, 'hits.S'), HITS_S);
    writeFileSync(join(dir, 'hits.yaml'), hitsYaml(10_000_000));
    writeFileSync(join(dir, 'task.S'), TASK_S);
    writeFileSync(join(dir, 'tasks.yaml'), tasksYaml(1000));
    const rows: BenchRow[] = [];
    for (const mode of ['text', 'json'] as const) {
      const r = await measure(dir, ['run', 'hits.yaml', ...(mode === 'json' ? ['--json'] : [])]);
      if (r.status !== 0)
        throw new Error(`wplab run hits.yaml (${mode}) exited ${r.status}: ${r.stderr.slice(0, 300)}`);
      rows.push({
        name: `peak RSS, wplab run: 10^7 perf hits, ${mode === 'text' ? 'text log' : '--json'}`,
        value: r.rssMB,
        unit: 'MB',
        goal: '< 500 MB',
        ok: r.rssMB < 500,
        note:
          `2*10^7 decisions (the log keeps 10^6), ${(r.outBytes / 1e6).toFixed(0)} MB written ` +
          `in ${r.seconds.toFixed(1)} s`,
      });
    }
    const t = await measure(dir, ['run', 'tasks.yaml']);
    if (t.status !== 0) throw new Error(`wplab run tasks.yaml exited ${t.status}: ${t.stderr.slice(0, 300)}`);
    rows.push({
      name: 'peak RSS, wplab run: 1 000 tasks (1 MB .bss each, 16 pages touched)',
      value: t.rssMB,
      unit: 'MB',
      goal: '< 500 MB',
      ok: t.rssMB < 500,
      note: `2 CPUs, all run to exit, ${t.seconds.toFixed(1)} s`,
    });
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
