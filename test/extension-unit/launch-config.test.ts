import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkLaunchSettings,
  configForActiveFile,
  cSourceToBuild,
  dynamicConfigs,
  looksLikeScenario,
  unknownSettings,
  withBuiltProgram,
} from '../../extension/launch-config';
import { cLaunchConfig } from '../../extension/c-build';

test('F5 on an open .S file fills program from the file', () => {
  const c = configForActiveFile('/w/examples/prog.S', 'ppc-asm');
  assert.equal(c?.type, 'ppc-watchpoint');
  assert.equal(c?.request, 'launch');
  assert.equal(c?.program, '/w/examples/prog.S');
  assert.equal(c?.scenario, undefined);
  assert.deepEqual(checkLaunchSettings(c!), []);
});

test('F5 on a scenario file fills scenario; on another file nothing', () => {
  assert.equal(configForActiveFile('/w/s.yaml', 'yaml')?.scenario, '/w/s.yaml');
  assert.equal(configForActiveFile('/w/readme.md', 'markdown'), undefined);
  assert.equal(configForActiveFile(undefined, undefined), undefined);
  // a .s file not yet recognised as ppc-asm still counts by its extension
  assert.equal(configForActiveFile('/w/a.s', 'plaintext')?.program, '/w/a.s');
});

test('a complete configuration passes', () => {
  const errs = checkLaunchSettings({
    type: 'ppc-watchpoint',
    request: 'launch',
    name: 'x',
    program: '/w/p.S',
    cpu: 'power9',
    cpus: 2,
    kernel: '6.5',
    dawrForceEnable: true,
    perf: [
      { name: 'w', symbol: 'value', len: 8, type: 'w', task: 'child' },
      { name: 'all', addr: '0x10100008', len: 4, type: 'rw', cpu: 1, excludeKernel: true },
    ],
    stopOnEntry: false,
    ptraceRearm: 'oneshot',
    stdin: 'abc',
    maxSteps: 1000,
  });
  assert.deepEqual(errs, []);
});

test('invalid settings are each named in words', () => {
  const errs = checkLaunchSettings({
    type: 'ppc-watchpoint',
    request: 'attach',
    cpu: 'power11',
    cpus: 0,
    kernel: 6.6,
    ptraceRearm: 'always',
    maxSteps: -1,
    stopOnEntry: 'yes',
  });
  const text = errs.join('\n');
  for (const needle of [
    '"request"',
    'Give "program"',
    '"cpu"',
    '"cpus"',
    '"kernel"',
    '"ptraceRearm"',
    '"maxSteps"',
    '"stopOnEntry"',
  ]) {
    assert.ok(text.includes(needle), `expected a message about ${needle} in:\n${text}`);
  }
});

test('program and scenario together are refused', () => {
  assert.match(checkLaunchSettings({ program: 'a.S', scenario: 'b.yaml' }).join(' '), /either "program" or "scenario"/);
});

test('perf entries: addr xor symbol, len, type, cpu within the machine, unknown fields', () => {
  const errs = checkLaunchSettings({
    program: 'a.S',
    cpus: 2,
    perf: [
      { name: 'a', addr: '0x10', symbol: 'v', len: 8, type: 'w', task: 't' },
      { name: 'b', len: 0, type: 'x', cpu: 2 },
      { name: '', symbol: 'v', len: 8, type: 'r', cpu: 0, bogus: 1 },
      'nope',
    ],
  });
  const t = errs.join('\n');
  assert.match(t, /perf\[0\] needs exactly one of "addr" or "symbol"/);
  assert.match(t, /perf\[1\] needs exactly one/);
  assert.match(t, /perf\[1\]\.len/);
  assert.match(t, /perf\[1\]\.type/);
  assert.match(t, /perf\[1\]\.cpu is 2 but the machine has 2 CPUs/);
  assert.match(t, /perf\[2\]\.name/);
  assert.match(t, /perf\[2\] has unknown field "bogus"/);
  assert.match(t, /perf\[3\] must be an object/);
});

test('dawrForceEnable only on power9', () => {
  assert.match(
    checkLaunchSettings({ program: 'a.S', cpu: 'power10', dawrForceEnable: true }).join(' '),
    /only means something on power9/,
  );
});

test('unknown settings are reported separately (a warning)', () => {
  assert.deepEqual(
    unknownSettings({ type: 'ppc-watchpoint', request: 'launch', name: 'n', program: 'a', progam: 'typo' }),
    ['progam'],
  );
});

test(
  'a YAML file is a scenario only when it has top-level tasks and steps (F5 offers the ' + 'debugger for scenarios)',
  () => {
    const scenario = 'machine: { cpu: power10 }\ntasks:\n  - { name: t, program: p.S }\nsteps:\n  - cont: t\n';
    assert.equal(configForActiveFile('/w/s.yaml', 'yaml', scenario)?.scenario, '/w/s.yaml');
    assert.equal(
      configForActiveFile('/w/ci.yaml', 'yaml', 'on: push\njobs:\n  build:\n    steps:\n      - run: make\n'),
      undefined,
    );
    assert.equal(looksLikeScenario(scenario), true);
    assert.equal(looksLikeScenario('name: x\n'), false);
  },
);

test(
  'dynamic configurations: each open file once, under the folder that holds it (not ' +
    'again under the user settings)',
  () => {
    const docs = [
      { path: '/w/examples/loops.S', languageId: 'ppc-asm', text: '', untitled: false },
      { path: '/w/examples/same.yaml', languageId: 'yaml', text: 'tasks:\n  - {}\nsteps:\n  - {}\n', untitled: false },
      { path: '/w/examples/ci.yaml', languageId: 'yaml', text: 'jobs: {}\n', untitled: false },
      { path: '/tmp/elsewhere.S', languageId: 'ppc-asm', text: '', untitled: false },
      { path: 'Untitled-1', languageId: 'ppc-asm', text: '', untitled: true },
      { path: '/w/examples/loops.S', languageId: 'ppc-asm', text: '', untitled: false },
    ];
    const folders = ['/w/examples'];
    assert.deepEqual(
      dynamicConfigs(docs, folders, '/w/examples').map((c) => c.name),
      ['Debug loops.S', 'Scenario same.yaml'],
    );
    assert.deepEqual(
      dynamicConfigs(docs, folders, undefined).map((c) => c.name),
      ['Debug elsewhere.S'],
    );
    assert.deepEqual(
      dynamicConfigs(docs, [], undefined).map((c) => c.name),
      ['Debug loops.S', 'Scenario same.yaml', 'Debug elsewhere.S'],
    );
  },
);

test('dynamic configurations offer open C files: their program is the source, built when the session starts', () => {
  const docs = [
    { path: '/w/c/counter.c', languageId: 'c', text: '', untitled: false },
    { path: '/w/c/counter.h', languageId: 'c', text: '', untitled: false },
    { path: '/w/c/loops.S', languageId: 'ppc-asm', text: '', untitled: false },
    { path: '/w/c/notes.txt', languageId: 'plaintext', text: '', untitled: false },
  ];
  const cs = dynamicConfigs(docs, ['/w/c'], '/w/c');
  assert.deepEqual(
    cs.map((c) => [c.name, c.program]),
    [
      ['Build and debug counter.c', '/w/c/counter.c'],
      ['Debug loops.S', '/w/c/loops.S'],
    ],
  );
  const c = cs[0];
  assert.deepEqual(checkLaunchSettings(c), []);
  // the provider builds the source, then debugs the program the build wrote (other settings kept)
  assert.equal(cSourceToBuild(c), '/w/c/counter.c');
  assert.equal(cSourceToBuild(cs[1]), undefined);
  assert.equal(cSourceToBuild({ ...c, program: '/w/c/counter.elf' }), undefined);
  const built = withBuiltProgram({ ...c, cpu: 'power9' }, cLaunchConfig('/w/c/counter.c'));
  assert.equal(built.program, '/w/c/counter.elf');
  assert.equal(built.cpu, 'power9');
  assert.equal(built.name, 'Build and debug counter.c');
  // F5's fill for the active file (a launch.json's ${file} on a C file is built the same way)
  assert.equal(configForActiveFile('/w/c/counter.c', 'c')?.program, '/w/c/counter.c');
  assert.equal(configForActiveFile('/w/c/counter.h', 'c'), undefined);
});
