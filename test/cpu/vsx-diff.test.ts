// The VSX non-floating-point register instructions of the vsx family (logical, permute, splat,
// byte-reverse, extract/insert, GPR<->VSR moves, xxgenpcv, lxvkq) against qemu-ppc64le -cpu power10
// on generated operands, with the VMX half of the register file (vs32-63) and the FPR half (vs0-31).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VSX_DEFS } from '../../sim/cpu/isa/vsx-defs';
import { rowCases, runCases, type Case } from './vec-harness';

const IMM: Record<string, Record<string, number[]>> = {
  xxgenpcvbm: { IMM5A: [0, 1, 2, 3] },
  xxgenpcvhm: { IMM5A: [0, 1, 2, 3] },
  xxgenpcvwm: { IMM5A: [0, 1, 2, 3] },
  xxgenpcvdm: { IMM5A: [0, 1, 2, 3] },
  lxvkq: { UIM5B: [1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 17, 18, 19, 20, 21, 22, 23, 24] },
};

function cases(low: boolean): Case[] {
  const out: Case[] = [];
  for (const d of VSX_DEFS.defs) {
    if (d.alias || d.access || d.name === 'lvsl' || d.name === 'lvsr') continue;
    out.push(...rowCases(d, 120, 'int', { low, imm: IMM[d.name], maxImm: 20 }));
  }
  return out;
}

/** VRSAVE (SPR 256) through mtvrsave/mfvrsave, values below 2^32 (qemu keeps 64 bits, the
 * hardware register has 32: vec-unit.test.ts checks the truncation) */
const VRSAVE: Case = {
  label: 'mtvrsave/mfvrsave',
  text: 'mtvrsave 4\n    mfvrsave 3',
  n: 64,
  kind: 'int',
  gprs: (r, _k, j) => (j === 0 ? BigInt(r() >>> 0) : undefined),
};

for (const low of [false, true]) {
  test(`VSX register instructions on ${low ? 'vs0-31' : 'vs32-63'}: same results as qemu-ppc64le -cpu power10`, (t) => {
    const out = runCases(t, [...cases(low), VRSAVE], { seed: low ? 11 : 12, regs: low ? 'vs-low' : 'v' });
    if (!out) return;
    assert.ok(out.iterations > 1000, `${out.iterations} iterations`);
    assert.deepEqual(out.diffs, []);
  });
}
