// The numeric core of the FP instructions (sim/cpu/isa/fp-arith.ts, fp-round.ts) against two
// references, on generated operands in the four rounding modes: round-to-nearest results equal
// JavaScript's own IEEE arithmetic; every mode equals an exact BigInt computation rounded by
// roundExact (so the fast paths built on error-free transformations agree with exact arithmetic,
// flags included). The instruction-level behaviour is checked against qemu in fp-qemu.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fpAdd, fpDiv, fpFma, fpMul, fpSqrt, fpx, isqrt } from '../../sim/cpu/isa/fp-arith';
import { decompose, FMT_D, FMT_S, roundExact, finishS } from '../../sim/cpu/isa/fp-round';
import { bitsOf, fromBits, randDouble, randSingle, from32, Rng } from './fp-values';

const hex = (x: number) => '0x' + bitsOf(x).toString(16).padStart(16, '0');
const same = (x: number, y: number) => bitsOf(x) === bitsOf(y) || (x !== x && y !== y);

interface Ex {
  neg: boolean;
  m: bigint;
  e: number;
}
const ex = (x: number): Ex => (x === 0 ? { neg: 1 / x < 0, m: 0n, e: 0 } : decompose(x));
function align(a: Ex, b: Ex): [bigint, bigint, number] {
  if (a.m === 0n) return [0n, b.neg ? -b.m : b.m, b.e];
  if (b.m === 0n) return [a.neg ? -a.m : a.m, 0n, a.e];
  const e = Math.min(a.e, b.e);
  return [(a.neg ? -a.m : a.m) << BigInt(a.e - e), (b.neg ? -b.m : b.m) << BigInt(b.e - e), e];
}
function refSum(s: bigint, e: number, ctl: number, fmt: number, zeroNeg: boolean): number {
  if (s === 0n) {
    fpx.ex = 0;
    return zeroNeg ? -0 : 0;
  }
  return roundExact(s < 0n, s < 0n ? -s : s, e, false, ctl, fmt);
}
const finite = (x: number) => Number.isFinite(x);

function refAdd(a: number, b: number, ctl: number, fmt: number): number {
  const [x, y, e] = align(ex(a), ex(b));
  const bothNegZero = a === 0 && b === 0 && 1 / a < 0 && 1 / b < 0;
  return refSum(
    x + y,
    e,
    ctl,
    fmt,
    bothNegZero ||
      (x + y === 0n && !(a === 0 && b === 0) && (ctl & 3) === 3) ||
      (a === 0 && b === 0 && 1 / a !== 1 / b && (ctl & 3) === 3),
  );
}
function refMul(a: number, b: number, ctl: number, fmt: number): number {
  const x = ex(a),
    y = ex(b);
  if (x.m === 0n || y.m === 0n) return ((fpx.ex = 0), x.neg !== y.neg ? -0 : 0);
  return roundExact(x.neg !== y.neg, x.m * y.m, x.e + y.e, false, ctl, fmt);
}
function refFma(a: number, c: number, b: number, ctl: number, fmt: number): number {
  const x = ex(a),
    y = ex(c),
    z = ex(b);
  const pneg = x.neg !== y.neg;
  const p: Ex = { neg: pneg, m: x.m * y.m, e: x.e + y.e };
  const [u, v, e] = align(p, z);
  const zeroNeg = p.m === 0n && z.m === 0n ? (pneg === z.neg ? pneg : (ctl & 3) === 3) : (ctl & 3) === 3;
  return refSum(u + v, e, ctl, fmt, zeroNeg);
}
function refDiv(a: number, b: number, ctl: number, fmt: number): number {
  const x = ex(a),
    y = ex(b);
  if (x.m === 0n) return ((fpx.ex = 0), x.neg !== y.neg ? -0 : 0);
  const k = 200;
  const n = x.m << BigInt(k);
  const q = n / y.m;
  return roundExact(x.neg !== y.neg, q, x.e - y.e - k, q * y.m !== n, ctl, fmt);
}
function refSqrt(a: number, ctl: number, fmt: number): number {
  if (a === 0) return ((fpx.ex = 0), a);
  const x = ex(a);
  let m = x.m,
    e = x.e;
  if (e & 1) {
    m <<= 1n;
    e--;
  }
  m <<= 400n;
  const r = isqrt(m);
  return roundExact(false, r, (e - 400) / 2, r * r !== m, ctl, fmt);
}

function check(name: string, got: number, gotEx: number, want: number, wantEx: number, args: number[]) {
  if (!same(got, want) || gotEx !== wantEx) {
    assert.fail(
      `${name}(${args.map(hex).join(', ')}): got ${hex(got)} ex ${gotEx.toString(16)}, ` +
        `want ${hex(want)} ex ${wantEx.toString(16)}`,
    );
  }
}

test('round to nearest double equals JavaScript arithmetic', () => {
  const r = new Rng(1);
  for (let i = 0; i < 20000; i++) {
    const a = fromBits(randDouble(r)),
      b = fromBits(randDouble(r));
    if (a !== a || b !== b) continue;
    const pairs: [string, number, number][] = [
      ['add', fpAdd(a, b, 0, false), a + b],
      ['mul', fpMul(a, b, 0, false), a * b],
      ['div', fpDiv(a, b, 0, false), a / b],
      ['sqrt', fpSqrt(Math.abs(a), 0, false), Math.sqrt(Math.abs(a))],
    ];
    for (const [n, got, want] of pairs)
      if (!same(got, want)) assert.fail(`${n}(${hex(a)}, ${hex(b)}): ${hex(got)} != ${hex(want)}`);
  }
});

test('round to nearest single of single operands equals fround of the double result', () => {
  const r = new Rng(2);
  for (let i = 0; i < 20000; i++) {
    const a = from32(randSingle(r)),
      b = from32(randSingle(r));
    if (a !== a || b !== b) continue;
    const pairs: [string, number, number][] = [
      ['adds', fpAdd(a, b, 0, true), Math.fround(a + b)],
      ['muls', fpMul(a, b, 0, true), Math.fround(a * b)],
      ['divs', fpDiv(a, b, 0, true), Math.fround(a / b)],
      ['sqrts', fpSqrt(Math.abs(a), 0, true), Math.fround(Math.sqrt(Math.abs(a)))],
    ];
    for (const [n, got, want] of pairs)
      if (!same(got, want)) assert.fail(`${n}(${hex(a)}, ${hex(b)}): ${hex(got)} != ${hex(want)}`);
  }
});

test('every mode, double and single: results and exception bits equal exact arithmetic', () => {
  const r = new Rng(3);
  for (let i = 0; i < 6000; i++) {
    const a = fromBits(randDouble(r)),
      b = fromBits(randDouble(r)),
      c = fromBits(randDouble(r));
    if (!finite(a) || !finite(b) || !finite(c)) continue;
    for (let ctl = 0; ctl < 4; ctl++) {
      for (const fmt of [FMT_D, FMT_S]) {
        const s = fmt === FMT_S;
        let got = fpAdd(a, b, ctl, s),
          gx = fpx.ex;
        let want = refAdd(a, b, ctl, fmt);
        check(`add rn${ctl} ${s ? 's' : 'd'}`, got, gx, want, fpx.ex, [a, b]);
        got = fpMul(a, b, ctl, s);
        gx = fpx.ex;
        want = refMul(a, b, ctl, fmt);
        check(`mul rn${ctl} ${s ? 's' : 'd'}`, got, gx, want, fpx.ex, [a, b]);
        if (b !== 0) {
          got = fpDiv(a, b, ctl, s);
          gx = fpx.ex;
          want = refDiv(a, b, ctl, fmt);
          check(`div rn${ctl} ${s ? 's' : 'd'}`, got, gx, want, fpx.ex, [a, b]);
        }
        got = fpSqrt(Math.abs(a), ctl, s);
        gx = fpx.ex;
        want = refSqrt(Math.abs(a), ctl, fmt);
        check(`sqrt rn${ctl} ${s ? 's' : 'd'}`, got, gx, want, fpx.ex, [Math.abs(a)]);
        got = fpFma(a, c, b, ctl, s);
        gx = fpx.ex;
        want = refFma(a, c, b, ctl, fmt);
        check(`fma rn${ctl} ${s ? 's' : 'd'}`, got, gx, want, fpx.ex, [a, c, b]);
      }
    }
  }
});

test('fused multiply-add near cancellation and ties, every mode', () => {
  const r = new Rng(4);
  for (let i = 0; i < 20000; i++) {
    // a*c close to -b: products of values near 1 minus their rounded product
    const a = 1 + (r.u32() / 2 ** 32) * 2 ** -r.int(30);
    const c = 1 + (r.u32() / 2 ** 32) * 2 ** -r.int(30);
    const b = -(a * c) * (1 + (r.int(5) - 2) * 2 ** -52) + (r.int(3) - 1) * 2 ** (-60 - r.int(40));
    for (let ctl = 0; ctl < 4; ctl++) {
      for (const fmt of [FMT_D, FMT_S]) {
        const got = fpFma(a, c, b, ctl, fmt === FMT_S),
          gx = fpx.ex;
        const want = refFma(a, c, b, ctl, fmt);
        check(`fma rn${ctl}`, got, gx, want, fpx.ex, [a, c, b]);
      }
    }
  }
});

test('finishS breaks a double-precision tie between two singles by the residual', () => {
  // 1 + 2^-24 is halfway between the singles 1 and 1 + 2^-23
  const h = 1 + 2 ** -24;
  assert.equal(finishS(h, 0, 0), 1); // tie to even
  assert.equal(finishS(h, 1, 0), 1 + 2 ** -23); // above the tie
  assert.equal(finishS(h, -1, 0), 1);
  assert.equal(finishS(h, -1, 2), 1 + 2 ** -23); // RP: up regardless
  assert.equal(finishS(-h, 1, 3), -1 - 2 ** -23); // RM on a negative value
});
