// The round-to-nearest fast paths (sim/cpu/isa/fp-fast.ts) against the general exact arithmetic
// (fp-arith.ts, itself checked against exact BigInt arithmetic and qemu): same result and the same
// FPSCR bits, FR included (qemu never computes FR, so only this test checks it on the fast path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ThreadState } from '../../sim/cpu/thread-state';
import { fpAdd, fpDiv, fpFma, fpMul, fpSqrt, fpx } from '../../sim/cpu/isa/fp-arith';
import { commitScalar, rnAdd, rnDiv, rnFma, rnMul, rnSqrt } from '../../sim/cpu/isa/fp-fast';
import { FI, FPRF, FR, fprfD, fprfS, FX, XX } from '../../sim/cpu/isa/fpscr';
import { bitsOf, fromBits, randDouble, Rng } from './fp-values';

const FRT = 4,
  FRA = 1,
  FRB = 2,
  FRC = 3;
const hex = (x: number) => '0x' + bitsOf(x).toString(16);

test('fast paths equal the general path (result, XX FI FR FPRF FX, CR1)', () => {
  const r = new Rng(11);
  let fast = 0;
  for (let i = 0; i < 40000; i++) {
    const a = fromBits(randDouble(r)),
      b = fromBits(randDouble(r)),
      c = fromBits(randDouble(r));
    if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) continue;
    const single = (i & 1) === 1;
    const rc = (i >> 1) & 1;
    const fpscr0 = i & 4 ? XX | FX : 0;
    const A = 2 * FRA + 1,
      B = 2 * FRB + 1,
      C = 2 * FRC + 1;
    const ops: [string, (F: Float64Array) => number, () => number][] = [
      ['add', (F) => rnAdd(F, A, B, false, single), () => fpAdd(a, b, 0, single)],
      ['sub', (F) => rnAdd(F, A, B, true, single), () => fpAdd(a, -b, 0, single)],
      ['mul', (F) => rnMul(F, A, C, single), () => fpMul(a, c, 0, single)],
      ['div', (F) => rnDiv(F, A, B, single), () => fpDiv(a, b, 0, single)],
      ['sqrt', (F) => rnSqrt(F, B, single), () => fpSqrt(b, 0, single)],
      ['madd', (F) => rnFma(F, A, C, B, 0, single), () => fpFma(a, c, b, 0, single)],
      ['msub', (F) => rnFma(F, A, C, B, 1, single), () => fpFma(a, c, -b, 0, single)],
      ['nmadd', (F) => rnFma(F, A, C, B, 2, single), () => -fpFma(a, c, b, 0, single)],
      ['nmsub', (F) => rnFma(F, A, C, B, 3, single), () => -fpFma(a, c, -b, 0, single)],
    ];
    for (const [name, fastFn, general] of ops) {
      const t = new ThreadState();
      t.vsrF64[2 * FRA + 1] = a;
      t.vsrF64[2 * FRB + 1] = b;
      t.vsrF64[2 * FRC + 1] = c;
      t.fpscr = fpscr0;
      const ex0 = fastFn(t.vsrF64);
      if (ex0 < 0) continue;
      commitScalar(t, FRT, ex0, rc === 1);
      fast++;
      const want = general();
      const ex = fpx.ex;
      const got = t.vsrF64[2 * FRT + 1];
      const wantF = (fpscr0 & ~(FR | FI | FPRF)) | ex | (single ? fprfS(want) : fprfD(want)) | (ex & XX ? XX | FX : 0);
      const ctx = `${name}${single ? 's' : ''}(${hex(a)}, ${hex(b)}, ${hex(c)})`;
      assert.equal(bitsOf(got), bitsOf(want), `${ctx}: result`);
      assert.equal(t.fpscr >>> 0, wantF >>> 0, `${ctx}: FPSCR`);
      assert.equal((t.crNum >>> 24) & 15, rc ? (wantF >>> 28) & 15 : 0, `${ctx}: CR1`);
      assert.equal(t.vsr[4 * FRT + 1] | t.vsr[4 * FRT], 0, `${ctx}: doubleword 1`);
    }
  }
  assert.ok(fast > 100000, `only ${fast} cases took a fast path`);
});
