// The scenario runner and `wplab run` / `wplab compare` end to end: every example holds under its
// expectations, exit statuses follow SCENARIOS.md §5, and bad files are reported at line:column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../bin/wplab';

const EXAMPLES = join(__dirname, '../../examples');

function wplab(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

test('there are examples for every case the issue names', () => {
  for (const name of [
    'same_watch_addr',
    'perf_then_ptrace',
    'dar-outside',
    'exclusion-6.5-vs-6.6',
    'slot-exhaustion-power8',
    'larx-stcx',
    'per-cpu-perf-two-tasks',
    'kernel-access',
    'extraneous',
  ]) {
    assert.ok(examples.includes(`${name}.yaml`), `${name}.yaml`);
  }
});

for (const f of examples) {
  test(`example ${f}: every expectation holds (exit 0)`, () => {
    const r = wplab('run', join(EXAMPLES, f));
    assert.equal(r.err, '');
    assert.match(r.out, / 0 failed\n$/);
    assert.doesNotMatch(r.out, /^0 passed/m);
    assert.equal(r.code, 0, r.out);
  });
}

test('§7.1 same_watch_addr under 6.5: SETHWDEBUG refused with ENOSPC, exit 1 naming the failed steps', () => {
  const r = wplab('run', join(EXAMPLES, 'same_watch_addr.yaml'), '--kernel', '6.5');
  assert.equal(r.code, 1);
  assert.match(r.out, /\[2\] line 16: sethwdebug .* -> ENOSPC\s+FAIL/);
  assert.match(r.out, /failed steps: \[2\] line 16/);
});

test('--json: one document with machine, steps, decisions with slots and branch names', () => {
  const r = wplab('run', join(EXAMPLES, 'same_watch_addr.yaml'), '--json');
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.out);
  assert.deepEqual(doc.machine, { cpu: 'power10', cpus: 1, kernel: '6.6', slots: 2, dawr_force_enable: false });
  assert.equal(doc.failed, 0);
  assert.equal(doc.steps[1].result.status, 'ok');
  assert.equal(doc.steps[1].result.fd, 3);
  const first = doc.decisions[0];
  assert.equal(first.branch, 'ptrace-report');
  assert.equal(first.insn, 'ld r0,0(r3)');
  assert.deepEqual(first.access, { kind: 'load', ea: '0x10100000', size: 8 });
  assert.deepEqual(
    first.slots.map((s: { owner: string; result: string }) => `${s.owner}:${s.result}`),
    ['ptrace:hit', 'perf:hit'],
  );
  assert.ok(
    first.effects.some((e: { kind: string; si_code?: string }) => e.kind === 'signal' && e.si_code === 'TRAP_HWBKPT'),
  );
  assert.equal(
    doc.decisions.map((d: { branch: string }) => d.branch).filter((b: string) => b === 'step-complete').length,
    3,
    'three counted single-steps (rows 2, 4, 5)',
  );
});

test('--cpu and --cpus override the file', () => {
  const r = wplab('run', join(EXAMPLES, 'same_watch_addr.yaml'), '--cpu', 'power8', '--cpus', '2');
  assert.equal(r.code, 1);
  assert.match(r.out, /power8, 2 CPUs/);
  assert.match(r.out, /gethwdbginfo .* num_data_bps=1 .*FAIL/);
});

test('compare prints where 6.5 and 6.6 differ, exit 0', () => {
  const r = wplab('compare', join(EXAMPLES, 'exclusion-6.5-vs-6.6.yaml'));
  assert.equal(r.code, 0);
  assert.match(r.out, /\[1\] line 21: sethwdebug\n {4}6\.5: ENOSPC/);
  assert.match(r.out, /6\.6: ok handle=1/);
  assert.match(r.out, /ptrace-report-all/);
  const same = wplab('compare', join(EXAMPLES, 'perf_then_ptrace.yaml'));
  assert.match(same.out, /no difference in results/);
  assert.match(same.out, /handlers took different paths/);
});

function tmpScenario(yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-'));
  copyFileSync(join(EXAMPLES, 'ptrace-perf-asm.S'), join(dir, 'ptrace-perf-asm.S'));
  const p = join(dir, 's.yaml');
  writeFileSync(p, yaml);
  return p;
}

const TASK = 'tasks:\n  - name: child\n    program: ptrace-perf-asm.S\n    entry: same_watch_addr_child\n';

test('input errors exit 2 at line:column: unknown key, bad expression, unknown symbol, unknown task', () => {
  const p = tmpScenario(
    `${TASK}    regs: { r3: valu }\nsteps:\n  - perf_open: { id: p, task: child, addr: ` +
      `nosuch+8, len: 8, type: r }\n`,
  );
  const r = wplab('run', p);
  assert.equal(r.code, 2);
  assert.match(r.err, /s\.yaml:5:17: unknown symbol "valu"/);
  const p2 = tmpScenario(`${TASK}steps:\n  - perf_open: { id: p, task: child, addr: nosuch+8, len: 8, type: r }\n`);
  const r2 = wplab('run', p2);
  assert.equal(r2.code, 2);
  assert.match(r2.err, /s\.yaml:6:44: unknown symbol "nosuch"/);
  const p3 = tmpScenario(`${TASK}steps:\n  - cont: adult\n  - perf_read: { id: p, extra: 1 }\n`);
  const r3 = wplab('run', p3);
  assert.equal(r3.code, 2);
  assert.match(r3.err, /s\.yaml:6:11: unknown task "adult"/);
  assert.match(r3.err, /unknown key "extra" in perf_read/);
});

test('a program with assembler errors: exit 2 with FILE:LINE:COL from the assembler', () => {
  const p = tmpScenario('tasks:\n  - name: c\n    program: bad.S\nsteps: []\n');
  writeFileSync(join(p, '../bad.S'), '\t.text\n\tfrob 1,2\n');
  const r = wplab('run', p);
  assert.equal(r.code, 2);
  assert.match(r.err, /bad\.S:2:2: .*frob/);
});

test('a runaway program is stopped by --max-steps (event: limit)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-'));
  writeFileSync(join(dir, 'loop.S'), '\t.abiversion 2\n\t.text\n\t.globl _start\n_start:\n\tb _start\n');
  writeFileSync(
    join(dir, 's.yaml'),
    'tasks:\n  - name: c\n    program: loop.S\nsteps:\n  - cont: c\n    expect: { event: ' + 'limit, pc: _start }\n',
  );
  const r = wplab('run', join(dir, 's.yaml'), '--max-steps', '1000');
  assert.equal(r.code, 0, r.out);
});

test('using an id whose creation failed is an input error (exit 2)', () => {
  const p = tmpScenario(
    `machine: { cpu: power9 }\n${TASK}steps:\n  - perf_open: { id: p, task: child, addr: ` +
      `value, len: 8, type: r }\n    expect: ENODEV\n  - perf_read: p\n`,
  );
  const r = wplab('run', p);
  assert.equal(r.code, 2);
  assert.match(r.err, /s\.yaml:9:16: id "p" is not bound/);
  void readFileSync;
});

test('§6 ptrace single-step over sc: the tracer stops right after the system call (TRAP_TRACE)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-'));
  writeFileSync(
    join(dir, 'sc.S'),
    '\t.abiversion 2\n\t.text\n\t.globl _start\n_start:\n\tli ' + '0,20\n\tsc\nafter:\n\tnop\n\ttrap\n',
  );
  writeFileSync(
    join(dir, 's.yaml'),
    'tasks:\n  - name: c\n    program: sc.S\nsteps:\n  - singlestep: c\n    expect: { ' +
      'si_code: TRAP_TRACE, pc: _start+4 }\n  - singlestep: c\n    expect: { si_code: ' +
      'TRAP_TRACE, pc: after }\n  - getreg: { task: c, reg: r3 }\n    expect: 100\n  - ' +
      'singlestep: c\n    expect: { pc: after+4 }\n',
  );
  const r = wplab('run', join(dir, 's.yaml'));
  assert.equal(r.code, 0, r.out);
});
