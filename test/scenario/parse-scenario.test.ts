// Scenario files: bad input is reported at line:column, all of it, never as a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario } from '../../sim/scenario/parse-scenario';
import { formatScenarioError } from '../../sim/scenario/scenario-types';

function errorsOf(text: string): string[] {
  const r = parseScenario(text, 's.yaml');
  assert.equal(r.ok, false, 'expected errors');
  return r.ok ? [] : r.errors.map(formatScenarioError);
}

const TASKS = 'tasks:\n  - name: child\n    program: p.S\n';

test('a valid scenario parses with defaults', () => {
  const r = parseScenario(`${TASKS}steps:\n  - cont: child\n    expect: { pc: load+4 }\n`, 's.yaml');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(r.scenario.machine, { cpu: 'power10', cpus: 1, kernel: '6.6', dawrForceEnable: false, cwd: '/' });
  assert.equal(r.scenario.tasks[0].traced, true);
  assert.equal(r.scenario.steps[0].op, 'cont');
  assert.equal(r.scenario.steps[0].expect?.kind, 'map');
});

test('unknown key at top level, in machine, in a task and in a step: each at its line:column', () => {
  const errs = errorsOf(
    `machin: {}\nmachine:\n  cpu: power10\n  cpuz: 2\ntasks:\n  - name: child\n    ` +
      `program: p.S\n    prio: 3\nsteps:\n  - perf_open: { id: p, task: child, addr: 0, ` +
      `len: 8, type: r, colour: red }\n`,
  );
  assert.deepEqual(
    errs.map((e) => e.split(': ')[0]),
    ['s.yaml:1:1', 's.yaml:4:3', 's.yaml:8:5', 's.yaml:10:64'],
  );
  assert.match(errs[0], /unknown key "machin"/);
  assert.match(errs[3], /unknown key "colour" in perf_open/);
});

test('bad expression is reported at the bad term', () => {
  const errs = errorsOf(`${TASKS}steps:\n  - perf_open: { id: p, task: child, addr: value*2, len: 8, type: r }\n`);
  assert.equal(errs.length, 1);
  assert.match(errs[0], /^s\.yaml:5:49: perf_open\.addr: bad expression "value\*2": expected \+ or -/);
});

test('unknown task and unknown id are errors with their positions', () => {
  const errs = errorsOf(`${TASKS}steps:\n  - cont: kid\n  - perf_read: nope\n`);
  assert.equal(errs.length, 2);
  assert.match(errs[0], /^s\.yaml:5:11: unknown task "kid" \(tasks: child\)/);
  assert.match(errs[1], /^s\.yaml:6:16: unknown id "nope"/);
});

test('unknown operation, two operations in one step, bad enum, bad machine values', () => {
  const errs = errorsOf(
    `machine: { cpu: power11, kernel: "6.4", cpus: 0 }\n${TASKS}steps:\n  - frobnicate: ` +
      `child\n  - cont: child\n    kill: child\n  - perf_open: { task: child, addr: 0, ` +
      `len: 8, type: q }\n`,
  );
  assert.equal(errs.length, 6);
  assert.match(errs.join('\n'), /unknown CPU model "power11"/);
  assert.match(errs.join('\n'), /machine\.kernel: expected "6\.5" or "6\.6"/);
  assert.match(errs.join('\n'), /machine\.cpus: must be between 1 and 64/);
  assert.match(errs.join('\n'), /unknown operation "frobnicate"/);
  assert.match(errs.join('\n'), /more than one operation/);
  assert.match(errs.join('\n'), /perf_open\.type: "q" is not one of r, w, rw, x/);
});

test('missing required arguments are named', () => {
  const errs = errorsOf(`${TASKS}steps:\n  - sethwdebug: { task: child, trigger: read }\n`);
  assert.deepEqual(
    errs.map((e) => /missing "(\w+)"/.exec(e)?.[1]),
    ['mode', 'addr'],
  );
});

test('YAML syntax errors are reported at their position', () => {
  const errs = errorsOf('machine: { cpu: power10\ntasks: [\n');
  assert.ok(errs.length >= 1);
  assert.match(errs[0], /^s\.yaml:\d+:\d+: YAML: /);
});

test('expectations: ok, errno, number, range, map with names and expressions', () => {
  const r = parseScenario(
    `${TASKS}steps:\n  - cont: child\n    expect: ENOSPC\n  - cont: child\n    expect: ` +
      `3\n  - cont: child\n    expect: [value, value+7]\n  - cont: child\n    expect: { ` +
      `signal: SIGTRAP, si_addr: [value, value+7], pc: load }\n`,
    's.yaml',
  );
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(
    r.scenario.steps.map((s) => s.expect?.kind),
    ['status', 'number', 'range', 'map'],
  );
});

test('task args: a list of strings (numbers kept as written); anything else at its line:column', () => {
  const r = parseScenario(
    'tasks:\n  - name: t\n    program: prog\n    args: [ "-v", 0x10, two words ]\nsteps: ' + '[]\n',
    's.yaml',
  );
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual(r.scenario.tasks[0].args, ['-v', '0x10', 'two words']);
  const none = parseScenario(`${TASKS}steps: []\n`, 's.yaml');
  assert.ok(none.ok && none.scenario.tasks[0].args.length === 0);
  assert.deepEqual(errorsOf('tasks:\n  - name: t\n    program: prog\n    args: -v\nsteps: []\n'), [
    's.yaml:4:11: task.args: expected a list of strings (argv[1..])',
  ]);
  assert.deepEqual(errorsOf('tasks:\n  - name: t\n    program: prog\n    args: [ { a: 1 } ]\nsteps: []\n'), [
    's.yaml:4:13: task.args: each argument is a string',
  ]);
});
