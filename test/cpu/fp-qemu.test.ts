// Scalar floating-point instructions against qemu-ppc64le -cpu power10 (fp-harness.ts): thousands
// of generated cases per instruction, in the four rounding modes, from a clear FPSCR and from one
// with sticky bits preset; target register (both doublewords), FPSCR and CR compared bit for bit.
// Where qemu and the ISA disagree and we follow the ISA, the case's `allow` says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffGroup, FP_REGS, genCases, type InsnTest } from './fp-harness';

const N = 400;

test('fp arithmetic: fadd fsub fmul fdiv fsqrt and record forms', (t) => {
  const g = (asm: string, seed: number, kinds: ['d' | 's', 'd' | 's', 'd' | 's'] = ['d', 'd', 'd']): InsnTest => ({ asm, cases: genCases(seed, N, kinds) });
  const diffs = diffGroup(t, [
    g('fadd {T},{A},{B}', 1),
    g('fsub. {T},{A},{B}', 2),
    g('fmul {T},{A},{C}', 3),
    g('fdiv. {T},{A},{B}', 4),
    g('fsqrt {T},{B}', 5),
  ], FP_REGS);
  if (diffs) assert.deepEqual(diffs, []);
});
