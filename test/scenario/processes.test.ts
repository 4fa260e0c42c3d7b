// Scenarios over programs that fork (SCENARIOS.md extended, see the README): a forked process is
// named after its parent and its pid (`main-101`) and steps may name it once it exists; the external
// tracer attaches to it (`attach`, here in the group stop it put itself in with SIGSTOP); an unknown or
// not-yet-forked name is an input error; a run where every task sleeps for good ends as `deadlock`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../bin/wplab';

function wplab(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** The parent forks (fork is system call 2), waits until the child has stopped (wait4 with
 * WUNTRACED) and traps; the child stops itself with SIGSTOP, then stores to `value` and exits 7. */
const FORKER = `    .abiversion 2
    .text
    .globl _start
_start:
    li 0, 2          # fork
    sc
    cmpdi 3, 0
    beq child
    mr 31, 3
    li 4, 0
    li 5, 2          # WUNTRACED
    li 6, 0
    li 0, 114        # wait4(pid, 0, WUNTRACED, 0)
    sc
    mr 3, 31
    trap             # the parent: r3 = the child's pid
    li 3, 0
    li 0, 1
    sc
child:
    li 0, 20         # getpid
    sc
    li 4, 19         # SIGSTOP
    li 0, 37         # kill(getpid(), SIGSTOP)
    sc
store:
    lis 9, value@ha
    li 10, 42
    std 10, value@l(9)
    li 3, 7
    li 0, 1
    sc
    .data
value: .quad 0
`;

/** The parent forks; the child pauses for good, the parent waits for it: nobody can ever run again. */
const STUCK = `    .abiversion 2
    .text
    .globl _start
_start:
    li 0, 2          # fork
    sc
    cmpdi 3, 0
    beq child
    li 4, 0
    li 5, 0
    li 6, 0
    li 0, 114        # wait4(pid, 0, 0, 0)
    sc
    li 0, 1
    sc
child:
    li 0, 29         # pause
    sc
    b child
`;

function scenario(files: Record<string, string>, yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-proc-scenario-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 's.yaml'), yaml);
  return dir;
}

test('a forked process is named PARENT-PID; the external tracer watches it once it is stopped', () => {
  const dir = scenario(
    { 'forker.S': FORKER },
    `machine: { cpu: power10, cpus: 1 }
tasks:
  - name: main
    program: forker.S
steps:
  # main waits for its child's stop; traced, it stops for the SIGCHLD that stop sends it
  - cont: main
    expect: { event: stopped, signal: SIGCHLD, si_code: CLD_STOPPED }
  - cont: main
    expect: { event: stopped, signal: SIGTRAP, si_code: TRAP_BRKPT }
  - getreg: { task: main, reg: r3 }
    expect: 101
  # the child is nobody's tracee: the script attaches to it in its stop
  - attach: main-101
    expect: { event: stopped, signal: SIGSTOP }
  - sethwdebug: { id: w, task: main-101, trigger: write, mode: exact, addr: value }
    expect: 1
  - cont: main-101
    expect: { event: stopped, signal: SIGTRAP, si_code: TRAP_HWBKPT, pc: store+8, si_addr: value }
  - peek: { task: main-101, addr: value, len: 8 }
    expect: 0
  - cont: main-101
    expect: { event: exited, exit_code: 7 }
`,
  );
  try {
    const r = wplab('run', join(dir, 's.yaml'));
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /slot 0 +ptrace:main-101:1 +hit/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'a name of a process nobody forked: an input error when the step runs; one of no ' +
    'declared task: when the file is read',
  () => {
    const dir = scenario(
      { 'forker.S': FORKER },
      `machine: { cpu: power10, cpus: 1 }
tasks:
  - name: main
    program: forker.S
steps:
  - peek: { task: main-205, addr: value, len: 8 }
`,
    );
    try {
      const r = wplab('run', join(dir, 's.yaml'));
      assert.equal(r.code, 2);
      assert.match(
        r.err,
        /s\.yaml:6:\d+: task "main-205" does not exist: no task has forked it \(yet\), or it was reaped/,
      );
      writeFileSync(
        join(dir, 's.yaml'),
        `machine: { cpu: power10, cpus: 1 }\ntasks:\n  - name: main\n    program: ` +
          `forker.S\nsteps:\n  - peek: { task: other-101, addr: value, len: 8 }\n`,
      );
      const r2 = wplab('run', join(dir, 's.yaml'));
      assert.equal(r2.code, 2);
      assert.match(
        r2.err,
        /unknown task "other-101" \(tasks: main\); a process one of them forks is named after it: NAME-PID/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

test('every task asleep for good: the cont ends with event deadlock, saying who waits for what', () => {
  const dir = scenario(
    { 'stuck.S': STUCK },
    `machine: { cpu: power10, cpus: 2 }
tasks:
  - name: main
    program: stuck.S
steps:
  - cont: main
    expect: { event: deadlock }
  - kill: main
    expect: ok
`,
  );
  try {
    const r = wplab('run', join(dir, 's.yaml'));
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(
      r.out,
      /-> deadlock pc=0x[0-9a-f]+ \(deadlock: no task can run and none waits for a time: main \(pid 100\) in wait4, main-101 \(pid 101\) in pause\)/,
    );
    const j = JSON.parse(wplab('run', join(dir, 's.yaml'), '--json').out);
    assert.equal(j.steps[0].result.status, 'deadlock');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
