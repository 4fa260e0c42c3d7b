// C programs with processes, ptrace and perf (test/c-proc/programs, MIT), built with
// powerpc64le-linux-gnu-gcc -O2 -static and run as `wplab exec` runs them, on several CPU models,
// CPU counts and both kernel policies:
// * proc_*: fork/wait, SIGCHLD, process groups, timers, ids, pipes. Each prints what it saw; the
//   output is NAME.expected under every configuration, and where qemu-ppc64le implements the same
//   (the files marked `reference: qemu`) qemu's output is that file too. proc_sigchld is not compared
//   with qemu: qemu-user does not pass SA_NOCLDSTOP and SA_NOCLDWAIT to the host.
// * trace_*, perf_*, dawr_*: a tracer and its children (ptrace watchpoints, perf counters, the POWER9
//   switch). Each checks itself against what the kernel decides for the machine it runs on (the
//   policy from uname, the slots from GETHWDBGINFO) and prints `all checks passed`.
// Every run is also run twice: the same output and the same instruction count (determinism).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execProgram } from '../../sim/exec';
import type { CpuModelName, KernelPolicy } from '../../sim/hwbp/cpu-model';
import { programFromBytes } from '../../sim/program-file';
import { INSTALL, requireTool, which } from '../helpers/tools';

const DIR = join(__dirname, 'programs');
const GCC = 'powerpc64le-linux-gnu-gcc';

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const d = join(base, 'ppc-watchpoint-lab', 'c-proc');
  mkdirSync(d, { recursive: true });
  return d;
}

/** Builds a program once per source and compiler (cached outside the repository). */
function build(name: string): string {
  const src = join(DIR, `${name}.c`);
  const gccVersion = execFileSync(GCC, ['--version'], { encoding: 'utf8' });
  const key = createHash('sha256').update(readFileSync(src)).update(gccVersion).digest('hex').slice(0, 16);
  const out = join(cacheDir(), `${name}-${key}`);
  if (!existsSync(out)) {
    execFileSync(GCC, ['-O2', '-static', '-w', '-o', `${out}.tmp`, src], { stdio: 'pipe' });
    renameSync(`${out}.tmp`, out);
  }
  return out;
}

interface Config {
  cpu: CpuModelName;
  cpus: number;
  kernel: KernelPolicy;
}

function run(binary: string, c: Config): { out: string; code: number; icount: number } {
  const p = programFromBytes(`./${binary.split('/').pop()}`, new Uint8Array(readFileSync(binary)));
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const r = execProgram(p.value, { cpu: c.cpu, cpus: c.cpus, kernel: c.kernel, maxSteps: 500_000_000 });
  const out = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
  return { out: r.message ? `${out}${r.message}\n` : out, code: r.exitCode, icount: r.icount };
}

const label = (c: Config) => `${c.cpu} ${c.cpus} CPU${c.cpus > 1 ? 's' : ''} ${c.kernel}`;

const PROC_CONFIGS: Config[] = [
  { cpu: 'power10', cpus: 2, kernel: '6.6' },
  { cpu: 'power8', cpus: 1, kernel: '6.5' },
  { cpu: 'power9', cpus: 2, kernel: '6.5' },
];
const TRACE_CONFIGS: Config[] = [
  { cpu: 'power10', cpus: 2, kernel: '6.6' },
  { cpu: 'power10', cpus: 2, kernel: '6.5' },
  { cpu: 'power10', cpus: 1, kernel: '6.5' },
  { cpu: 'power8', cpus: 2, kernel: '6.6' },
  { cpu: 'power8', cpus: 1, kernel: '6.5' },
  { cpu: 'power9', cpus: 2, kernel: '6.6' },
  { cpu: 'power7', cpus: 1, kernel: '6.6' },
];

const programs = readdirSync(DIR)
  .filter((f) => f.endsWith('.c'))
  .map((f) => f.slice(0, -2))
  .sort();

for (const name of programs) {
  const proc = name.startsWith('proc_');
  test(`c-proc ${name}`, (t) => {
    if (!requireTool(t, GCC, INSTALL.gcc)) return;
    const bin = build(name);
    const configs = proc ? PROC_CONFIGS : TRACE_CONFIGS;
    for (const c of configs) {
      const r = run(bin, c);
      if (proc) {
        const expected = readFileSync(join(DIR, `${name}.expected`), 'utf8');
        assert.equal(r.out, expected, `${name} under ${label(c)}`);
      } else {
        assert.match(r.out, /^all checks passed$/m, `${name} under ${label(c)}:\n${r.out}`);
      }
      assert.equal(r.code, 0, `${name} under ${label(c)}: exit status\n${r.out}`);
    }
    // the same run twice: the same output, the same instructions
    const c = configs[0];
    const a = run(bin, c);
    const b = run(bin, c);
    assert.equal(a.out, b.out, `${name}: two runs print the same`);
    assert.equal(a.icount, b.icount, `${name}: two runs execute the same number of instructions`);
    // qemu-ppc64le as the reference where it implements what the program uses
    const src = readFileSync(join(DIR, `${name}.c`), 'utf8');
    if (proc && /reference: qemu/.test(src) && which('qemu-ppc64le')) {
      const q = execFileSync('qemu-ppc64le', [bin], { encoding: 'utf8', env: {}, timeout: 60_000 });
      assert.equal(q, readFileSync(join(DIR, `${name}.expected`), 'utf8'), `${name}: qemu-ppc64le prints the same`);
    }
  });
}
