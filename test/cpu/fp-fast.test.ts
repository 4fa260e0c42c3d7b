// The round-to-nearest fast paths (sim/cpu/isa/fp-fast.ts) against the general exact arithmetic
// (fp-arith.ts, itself checked against exact BigInt arithmetic and qemu): same result and the same
// FPSCR bits, FR included (qemu never computes FR, so only this test checks it on the fast path).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ThreadState } from '../../sim/cpu/thread-state';
import { fpAdd, fpDiv, fpFma, fpMul, fpSqrt, fpx } from '../../sim/cpu/isa/fp-arith';
import { fastAdd, fastDiv, fastFma, fastMul, fastSqrt } from '../../sim/cpu/isa/fp-fast';
import { FI, FPRF, FR, fprfD, fprfS, FX, XX } from '../../sim/cpu/isa/fpscr';
import { bitsOf, fromBits, randDouble, Rng } from './fp-values';

const FRT = 4, FRA = 1, FRB = 2, FRC = 3;
const word = (rc: number) => (FRT << 21) | (FRA << 16) | (FRB << 11) | (FRC << 6) | rc;
const hex = (x: number) => '0x' + bitsOf(x).toString(16);

test('fast paths equal the general path (result, XX FI FR FPRF FX, CR1)', () => {
  const r = new Rng(11);
  let fast = 0;
  for (let i = 0; i < 40000; i++) {
    const a = fromBits(randDouble(r)), b = fromBits(randDouble(r)), c = fromBits(randDouble(r));
    if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) continue;
    const single = (i & 1) === 1;
    const rc = (i >> 1) & 1;
    const fpscr0 = i & 4 ? XX | FX : 0;
    const ops: [string, (t: ThreadState, w: number) => boolean, () => number][] = [
      ['add', (t, w) => fastAdd(t, w, false, single), () => fpAdd(a, b, 0, single)],
      ['sub', (t, w) => fastAdd(t, w, true, single), () => fpAdd(a, -b, 0, single)],
      ['mul', (t, w) => fastMul(t, w, single), () => fpMul(a, c, 0, single)],
      ['div', (t, w) => fastDiv(t, w, single), () => fpDiv(a, b, 0, single)],
      ['sqrt', (t, w) => fastSqrt(t, w, single), () => fpSqrt(b, 0, single)],
      ['madd', (t, w) => fastFma(t, w, 0, single), () => fpFma(a, c, b, 0, single)],
      ['msub', (t, w) => fastFma(t, w, 1, single), () => fpFma(a, c, -b, 0, single)],
      ['nmadd', (t, w) => fastFma(t, w, 2, single), () => -fpFma(a, c, b, 0, single)],
      ['nmsub', (t, w) => fastFma(t, w, 3, single), () => -fpFma(a, c, -b, 0, single)],
    ];
    for (const [name, fastFn, general] of ops) {
      const t = new ThreadState();
      t.vsrF64[2 * FRA + 1] = a;
      t.vsrF64[2 * FRB + 1] = b;
      t.vsrF64[2 * FRC + 1] = c;
      t.fpscr = fpscr0;
      if (!fastFn(t, word(rc))) continue;
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
