// The interpreter's warm-up program (sim/cpu/warmup.ts) must reach every inline operation of the
// hot loop and run to its end (its sc) on every round: a case it misses, or a fault that cuts it
// short, would bring back the deoptimizations it exists to avoid (nothing else would notice).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Core } from '../../sim/cpu/core';
import { decodeOp } from '../../sim/cpu/decode';
import { Op, OP_INFO } from '../../sim/cpu/ops';
import { warmUp, warmUpProgram } from '../../sim/cpu/warmup';

test('the warm-up program has every inline operation, and prefixed ones that do not cross 64 bytes', () => {
  const words = warmUpProgram();
  const seen = new Set<number>();
  words.forEach((w, i) => {
    seen.add(decodeOp(w, words[i + 1] ?? 0));
    if (w >>> 26 === 1) assert.notEqual(i % 16, 15, `prefixed word ${i} crosses a 64-byte boundary`);
  });
  const missing: string[] = [];
  for (let op = 2; op <= Op.LAST_HOT; op++) if (!seen.has(op)) missing.push(OP_INFO[op]!.name);
  assert.deepEqual(missing, []);
});

test('every round of the warm-up ends at its sc', () => {
  const stops: string[] = [];
  // warmUp runs once per process: a fresh module state is not available here, so the rounds are
  // observed through the core it is given (if it already ran, there is nothing to observe)
  warmUp(() => {
    const c = new Core({ quadwordAlign16: false, slots: 2 });
    const run = c.run.bind(c);
    c.run = (t, m, n) => {
      const s = run(t, m, n);
      stops.push(s.kind === 'fault' ? `${s.kind} ${s.message}` : s.kind);
      return s;
    };
    return c;
  });
  if (stops.length === 0) return;
  assert.deepEqual([...new Set(stops)], ['syscall']);
});
