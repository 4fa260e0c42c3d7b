// Scenario files a hostile user writes (issue 12): collections nested thousands deep, and values no
// 64-bit field can hold, are input errors at line:column with a message a person understands, never
// "Maximum call stack size exceeded" nor a silently cut value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseScenario } from '../../sim/scenario/parse-scenario';
import { runScenario } from '../../sim/scenario/scenario-runner';
import { formatScenarioError } from '../../sim/scenario/scenario-types';

test('deep nesting of any kind: one error at line:column in words', () => {
  const n = fc.integer({ min: 65, max: 40000 });
  fc.assert(
    fc.property(
      fc.oneof(
        n.map((k) => `steps: ${'['.repeat(k)}${']'.repeat(k)}\n`),
        n.map((k) => `steps: ${'{a: '.repeat(k)}1${'}'.repeat(k)}\n`),
        n.map((k) => `steps: [${'{ x: ['.repeat(k)}\n`),
        n.map(
          (k) => `steps:\n${Array.from({ length: Math.min(k, 3000) }, (_, i) => `${'  '.repeat(i)}- `).join('\n')}x\n`,
        ),
        n.map(
          (k) =>
            `steps:\n${Array.from({ length: Math.min(k, 3000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
        ),
        n.map((k) => `steps:\n  ${'- '.repeat(Math.min(k, 3000))}x\n`),
      ),
      (text) => {
        const r = parseScenario(text, 'deep.yaml');
        assert.equal(r.ok, false);
        if (r.ok) return;
        for (const e of r.errors) {
          const line = formatScenarioError(e);
          assert.match(line, /^deep\.yaml:\d+:\d+: /);
          assert.doesNotMatch(line, /call stack|RangeError|undefined/i, line);
        }
      },
    ),
    { seed: 0xd33b, numRuns: 60 },
  );
  // a few levels are fine
  assert.equal(
    parseScenario(
      'machine: { cpu: power10 }\ntasks: [ { name: t, program: p.S } ]\nsteps: [ { kill: t } ]\n',
      'ok.yaml',
    ).ok,
    true,
  );
});

const PROGRAM = '\t.abiversion 2\n\t.text\n\t.globl _start\n_start:\n\ttrap\n\t.data\nvalue:\t.quad 0\n';

test('a value that does not fit in 64 bits is an input error at its position (addr2: 2^64 is no u64)', () => {
  const big = fc.oneof(
    fc.bigInt({ min: 1n << 64n, max: 1n << 80n }),
    fc.bigInt({ min: -(1n << 80n), max: -(1n << 63n) - 1n }),
  );
  const steps = [
    (v: string) => `sethwdebug: { task: t, trigger: read, mode: range_inclusive, addr: value, addr2: ${v} }`,
    (v: string) => `sethwdebug: { task: t, trigger: read, mode: exact, addr: ${v} }`,
    (v: string) => `perf_open: { id: p, task: t, addr: value, len: ${v}, type: r }`,
    (v: string) => `poke: { task: t, addr: value, len: 8, value: ${v} }`,
    (v: string) => `setreg: { task: t, reg: r3, value: ${v} }`,
    (v: string) => `set_debugreg: { task: t, value: ${v.startsWith('-') ? v : `value+${v}`} }`,
  ];
  fc.assert(
    fc.property(big, fc.integer({ min: 0, max: steps.length - 1 }), fc.boolean(), (v, k, hex) => {
      const text =
        v < 0n ? `-${hex ? '0x' + (-v).toString(16) : (-v).toString()}` : hex ? `0x${v.toString(16)}` : v.toString();
      const yaml = `tasks:\n  - { name: t, program: p.S }\nsteps:\n  - ${steps[k](text)}\n`;
      const sc = parseScenario(yaml, 's.yaml');
      assert.ok(sc.ok, sc.ok ? '' : sc.errors.map(formatScenarioError).join('\n'));
      const o = runScenario(sc.scenario, { readFile: () => PROGRAM });
      assert.equal(o.kind, 'input-error');
      if (o.kind !== 'input-error') return;
      assert.equal(o.errors.length, 1);
      assert.match(
        formatScenarioError(o.errors[0]),
        /^s\.yaml:4:\d+: ".*" is -?0x[0-9a-f]+, which does not fit in 64 bits$/,
      );
    }),
    { seed: 0x640, numRuns: 60 },
  );
  // the largest u64 and the smallest s64 are values
  for (const v of ['0xffffffffffffffff', '-0x8000000000000000']) {
    const sc = parseScenario(
      `tasks:\n  - { name: t, program: p.S }\nsteps:\n  - setreg: { task: t, reg: r3, value: ${v} }\n    expect: ok\n`,
      's.yaml',
    );
    assert.ok(sc.ok);
    const o = runScenario(sc.scenario, { readFile: () => PROGRAM });
    assert.equal(o.kind, 'report', v);
  }
});
