// IEEE arithmetic on doubles in any rounding mode, to a double or a single result: add, multiply,
// divide, square root, fused multiply-add, round to integral, conversions between integers and
// floating point. Operands are never NaN here (the executors propagate NaNs on their bits, see
// fp-nan.ts); an invalid operation returns NaN with its VX* bit in fpx.ex.
//
// The result is computed once from the exact value (no double rounding for single-precision
// results, one rounding for the fused multiply-add): the round-to-nearest double of the exact
// value and the sign of its residual come from error-free transformations (TwoSum, Dekker's
// TwoProduct, the remainder of a division or square root), then fp-round.ts rounds. Operands or
// results outside the comfortable range (overflow, tiny, subnormal) take the exact BigInt route.
import { FI, FR, VXCVI, VXIDI, VXIMZ, VXISI, VXSQRT, VXZDZ, XX, ZX } from './fpscr';
import {
  awayD,
  decompose,
  finishD,
  finishS,
  FMT_D,
  FMT_S,
  fpx,
  MAX_S,
  MIN_NORMAL_D,
  MIN_NORMAL_S,
  RN_AWAY,
  RN_DOWN,
  RN_NEAREST,
  RN_UP,
  RN_ZERO,
  roundExact,
  roundValue,
  towardD,
} from './fp-round';

export { fpx };

/** 2^27 + 1: Veltkamp's splitter for binary64 */
const SPLIT = 134217729;
/** operands of TwoProduct stay within 2^±500 (the split cannot overflow, the error term cannot underflow) */
const BIG = 2 ** 500;
const SMALL = 2 ** -500;
/** a product's error term is exact when the product is at least this (exponent >= -1022 + 53) */
const PROD_MIN = 2 ** -969;

const F = new Float64Array(1);
const I = new Int32Array(F.buffer);
const XX_FI = XX | FI;

/** The rounding error of s = RN(a + b): a + b - s exactly (Knuth's TwoSum). */
function sumErr(a: number, b: number, s: number): number {
  const bb = s - a;
  return a - (s - bb) + (b - bb);
}

/** The rounding error of p = RN(a * b): a * b - p exactly (Dekker), for |a|, |b| in [2^-500, 2^500] and |p| >=
 * 2^-969. */
function prodErr(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** x + y rounded to odd (the last bit of an inexact result is 1). */
function addOdd(x: number, y: number): number {
  const s = x + y;
  const e = sumErr(x, y, s);
  if (e === 0) return s;
  F[0] = s;
  if ((I[0] & 1) !== 0) return s;
  return e > 0 === s > 0 ? awayD(s) : towardD(s);
}

/** A number with the sign of x1 + x2 + x3 + x4 (exact: Shewchuk's expansion growth). */
function sign4(x1: number, x2: number, x3: number, x4: number): number {
  const q = x1 + x2;
  const e1 = sumErr(x1, x2, q);
  const t = x3 + e1;
  const f1 = sumErr(x3, e1, t);
  const q2 = t + q;
  const f2 = sumErr(t, q, q2);
  const u = x4 + f1;
  const g1 = sumErr(x4, f1, u);
  const u2 = u + f2;
  const g2 = sumErr(u, f2, u2);
  const u3 = u2 + q2;
  const g3 = sumErr(u2, q2, u3);
  return u3 !== 0 ? u3 : g3 !== 0 ? g3 : g2 !== 0 ? g2 : g1;
}

/** Whether h can be finished by finishD (double) or finishS (single). */
function inRange(h: number, single: boolean): boolean {
  const a = Math.abs(h);
  return single ? a > MIN_NORMAL_S && a <= MAX_S : a > MIN_NORMAL_D && a < Infinity;
}

function finish(h: number, l: number, ctl: number, single: boolean): number {
  return single ? finishS(h, l, ctl) : finishD(h, l, ctl);
}

/** The sign of an exact zero sum of two operands of opposite signs (or opposite zeros). */
function zeroSum(ctl: number): number {
  return (ctl & 3) === RN_DOWN ? -0 : 0;
}

const isNeg = (x: number) => x < 0 || (x === 0 && 1 / x < 0);

// ---- add -----------------------------------------------------------------------------------------

/** a + b (ctl: the FPSCR, for RN and the OE/UE enables of an adjusted result). */
export function fpAdd(a: number, b: number, ctl: number, single: boolean, adjust = true): number {
  const h = a + b;
  if (inRange(h, single)) return finish(h, sumErr(a, b, h), ctl, single);
  return addRare(a, b, ctl, single, adjust);
}

function addRare(a: number, b: number, ctl: number, single: boolean, adjust: boolean): number {
  const fmt = single ? FMT_S : FMT_D;
  const ia = a === Infinity || a === -Infinity;
  const ib = b === Infinity || b === -Infinity;
  if (ia || ib) {
    if (ia && ib && a !== b) {
      fpx.ex = VXISI;
      return NaN;
    }
    fpx.ex = 0;
    return ia ? a : b;
  }
  if (a === 0 && b === 0) {
    fpx.ex = 0;
    const na = isNeg(a);
    return na === isNeg(b) ? a : zeroSum(ctl);
  }
  if (a === -b) {
    fpx.ex = 0;
    return zeroSum(ctl);
  }
  if (b === 0) return roundValue(a, ctl, fmt, adjust);
  if (a === 0) return roundValue(b, ctl, fmt, adjust);
  const x = decompose(a);
  const y = decompose(b);
  const e = Math.min(x.e, y.e);
  const mx = x.m << BigInt(x.e - e);
  const my = y.m << BigInt(y.e - e);
  const s = (x.neg ? -mx : mx) + (y.neg ? -my : my);
  if (s === 0n) {
    fpx.ex = 0;
    return zeroSum(ctl);
  }
  return roundExact(s < 0n, s < 0n ? -s : s, e, false, ctl, fmt, adjust);
}

// ---- multiply ------------------------------------------------------------------------------------

export function fpMul(a: number, b: number, ctl: number, single: boolean, adjust = true): number {
  const h = a * b;
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (aa >= SMALL && aa <= BIG && ab >= SMALL && ab <= BIG && Math.abs(h) >= PROD_MIN && inRange(h, single)) {
    return finish(h, prodErr(a, b, h), ctl, single);
  }
  return mulRare(a, b, ctl, single, adjust);
}

function mulRare(a: number, b: number, ctl: number, single: boolean, adjust: boolean): number {
  const ia = a === Infinity || a === -Infinity;
  const ib = b === Infinity || b === -Infinity;
  if (ia || ib) {
    if (a === 0 || b === 0) {
      fpx.ex = VXIMZ;
      return NaN;
    }
    fpx.ex = 0;
    return isNeg(a) !== isNeg(b) ? -Infinity : Infinity;
  }
  if (a === 0 || b === 0) {
    fpx.ex = 0;
    return isNeg(a) !== isNeg(b) ? -0 : 0;
  }
  const x = decompose(a);
  const y = decompose(b);
  return roundExact(x.neg !== y.neg, x.m * y.m, x.e + y.e, false, ctl, single ? FMT_S : FMT_D, adjust);
}

// ---- divide --------------------------------------------------------------------------------------

export function fpDiv(a: number, b: number, ctl: number, single: boolean, adjust = true): number {
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (aa >= SMALL && aa <= BIG && ab >= SMALL && ab <= BIG) {
    const h = a / b;
    const ah = Math.abs(h);
    if (ah >= SMALL && ah <= BIG && inRange(h, single)) {
      // the remainder a - h*b (exact: a - p by Sterbenz, then one rounding that keeps the sign)
      const p = h * b;
      const r = a - p - prodErr(h, b, p);
      return finish(h, b > 0 ? r : -r, ctl, single);
    }
  }
  return divRare(a, b, ctl, single, adjust);
}

function divRare(a: number, b: number, ctl: number, single: boolean, adjust: boolean): number {
  const ia = a === Infinity || a === -Infinity;
  const ib = b === Infinity || b === -Infinity;
  const neg = isNeg(a) !== isNeg(b);
  if (ia && ib) {
    fpx.ex = VXIDI;
    return NaN;
  }
  if (a === 0 && b === 0) {
    fpx.ex = VXZDZ;
    return NaN;
  }
  if (ia || b === 0) {
    fpx.ex = ia ? 0 : ZX;
    return neg ? -Infinity : Infinity;
  }
  if (ib || a === 0) {
    fpx.ex = 0;
    return neg ? -0 : 0;
  }
  const fmt = single ? FMT_S : FMT_D;
  const x = decompose(a);
  const y = decompose(b);
  // a quotient of at least precision + 3 bits, the remainder as the sticky bit
  const k = Math.max(0, 56 + y.m.toString(2).length - x.m.toString(2).length);
  const n = x.m << BigInt(k);
  const q = n / y.m;
  return roundExact(neg, q, x.e - y.e - k, q * y.m !== n, ctl, fmt, adjust);
}

// ---- square root ---------------------------------------------------------------------------------

export function fpSqrt(a: number, ctl: number, single: boolean, adjust = true): number {
  if (a >= SMALL && a <= BIG) {
    const h = Math.sqrt(a);
    if (!single || inRange(h, true)) {
      const p = h * h;
      return finish(h, a - p - prodErr(h, h, p), ctl, single);
    }
  }
  return sqrtRare(a, ctl, single, adjust);
}

/** floor(sqrt(n)) for n >= 0 (Newton's iteration from above) */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

function sqrtRare(a: number, ctl: number, single: boolean, adjust: boolean): number {
  if (a === 0 || a === Infinity) {
    fpx.ex = 0;
    return a;
  }
  if (a < 0) {
    fpx.ex = VXSQRT;
    return NaN;
  }
  const x = decompose(a);
  let m = x.m;
  let e = x.e;
  if (e & 1) {
    m <<= 1n;
    e -= 1;
  }
  // at least 2 * (precision + 3) bits under the root
  const bits = m.toString(2).length;
  const k = Math.max(0, Math.ceil((112 - bits) / 2));
  m <<= BigInt(2 * k);
  const r = isqrt(m);
  return roundExact(false, r, (e - 2 * k) / 2, r * r !== m, ctl, single ? FMT_S : FMT_D, adjust);
}

// ---- fused multiply-add --------------------------------------------------------------------------

/**
 * a * c + b with a single rounding (fmadd; fmsub passes -b; fnmadd/fnmsub negate the rounded result
 * themselves, as the ISA defines them).
 */
export function fpFma(a: number, c: number, b: number, ctl: number, single: boolean, adjust = true): number {
  const p = a * c;
  const aa = Math.abs(a);
  const ac = Math.abs(c);
  const ap = Math.abs(p);
  if (aa >= SMALL && aa <= BIG && ac >= SMALL && ac <= BIG && ap >= PROD_MIN && Math.abs(b) <= BIG) {
    const pe = prodErr(a, c, p);
    const s = p + b;
    const se = sumErr(p, b, s);
    // Boldo-Melquiond: RN(s + RO(se + pe)) is the correctly rounded a*c + b
    const h = s + addOdd(se, pe);
    if (inRange(h, single)) return finish(h, sign4(s, se, pe, -h), ctl, single);
  }
  return fmaRare(a, c, b, ctl, single, adjust);
}

function fmaRare(a: number, c: number, b: number, ctl: number, single: boolean, adjust: boolean): number {
  const fmt = single ? FMT_S : FMT_D;
  const infA = a === Infinity || a === -Infinity;
  const infC = c === Infinity || c === -Infinity;
  const infB = b === Infinity || b === -Infinity;
  const pneg = isNeg(a) !== isNeg(c);
  if (infA || infC) {
    if (a === 0 || c === 0) {
      fpx.ex = VXIMZ;
      return NaN;
    }
    if (infB && isNeg(b) !== pneg) {
      fpx.ex = VXISI;
      return NaN;
    }
    fpx.ex = 0;
    return pneg ? -Infinity : Infinity;
  }
  if (infB) {
    fpx.ex = 0;
    return b;
  }
  if (a === 0 || c === 0) {
    if (b === 0) {
      fpx.ex = 0;
      return pneg === isNeg(b) ? b : zeroSum(ctl);
    }
    return roundValue(b, ctl, fmt, adjust);
  }
  const x = decompose(a);
  const y = decompose(c);
  const pm = x.m * y.m;
  const pe = x.e + y.e;
  if (b === 0) return roundExact(pneg, pm, pe, false, ctl, fmt, adjust);
  const z = decompose(b);
  const e = Math.min(pe, z.e);
  const mp = pm << BigInt(pe - e);
  const mb = z.m << BigInt(z.e - e);
  const s = (pneg ? -mp : mp) + (z.neg ? -mb : mb);
  if (s === 0n) {
    fpx.ex = 0;
    return zeroSum(ctl);
  }
  return roundExact(s < 0n, s < 0n ? -s : s, e, false, ctl, fmt, adjust);
}

// ---- round to single, to integral ----------------------------------------------------------------

/** frsp: x (not NaN) rounded to single precision. */
export function fpRoundSingle(x: number, ctl: number, adjust = true): number {
  return roundValue(x, ctl, FMT_S, adjust);
}

/** x (not NaN) rounded to an integral value in the mode (RN_* or RN_AWAY); fpx.ex: XX FI if inexact. */
export function fpRoundIntegral(x: number, mode: number): number {
  fpx.ex = 0;
  if (!(Math.abs(x) < 2 ** 52)) return x;
  const t = Math.trunc(x);
  if (t === x) return x;
  fpx.ex = XX_FI;
  switch (mode) {
    case RN_ZERO:
      return t;
    case RN_UP:
      return Math.ceil(x);
    case RN_DOWN:
      return Math.floor(x);
    case RN_AWAY:
      return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
    default: {
      const f = Math.abs(x - t);
      if (f > 0.5 || (f === 0.5 && t % 2 !== 0)) return t + Math.sign(x);
      return t;
    }
  }
}

// ---- conversions between integers and floating point ---------------------------------------------

/** integer formats of a conversion */
export const INT32 = 0;
export const UINT32 = 1;
export const INT64 = 2;
export const UINT64 = 3;

/** The integer result of fpToInt: its high and low words. */
export const intOut = { hi: 0, lo: 0 };

const TWO32 = 4294967296;

/** The 64-bit two's complement of an integral double v (|v| < 2^64) into intOut. */
function splitInt(v: number): void {
  const hi = Math.floor(v / TWO32);
  intOut.hi = hi | 0;
  intOut.lo = (v - hi * TWO32) | 0;
}

/**
 * x converted to an integer of the format, rounded in `mode` (RN_*): fpx.ex gets XX FI FR for an
 * inexact in-range result, VXCVI for a NaN, an infinity or an out-of-range value (then the
 * saturated value, or for a NaN the most negative signed / zero unsigned value, as qemu gives; the
 * caller adds VXSNAN). A 32-bit result is in intOut.lo; intOut.hi holds what qemu leaves in the
 * high word of the FPR (the sign extension of a signed result, except for a NaN).
 */
export function fpToInt(x: number, mode: number, kind: number): void {
  const signed = kind === INT32 || kind === INT64;
  const wide = kind === INT64 || kind === UINT64;
  if (x !== x) {
    fpx.ex = VXCVI;
    intOut.hi = signed && wide ? -0x80000000 : 0;
    intOut.lo = signed && !wide ? -0x80000000 : 0;
    return;
  }
  const r = fpRoundIntegral(x, mode);
  const min = !signed ? 0 : wide ? -(2 ** 63) : -(2 ** 31);
  const max = wide ? (signed ? 2 ** 63 : 2 ** 64) : signed ? 2 ** 31 : 2 ** 32; // exclusive
  if (r < min) {
    fpx.ex = VXCVI;
    if (!signed) intOut.hi = intOut.lo = 0;
    else if (wide) {
      intOut.hi = -0x80000000;
      intOut.lo = 0;
    } else {
      intOut.hi = -1;
      intOut.lo = -0x80000000;
    }
    return;
  }
  if (r >= max) {
    fpx.ex = VXCVI;
    intOut.lo = signed && !wide ? 0x7fffffff : -1;
    intOut.hi = !wide ? 0 : signed ? 0x7fffffff : -1;
    return;
  }
  if (r !== x) fpx.ex = Math.abs(r) > Math.abs(x) ? XX_FI | FR : XX_FI;
  splitInt(r);
  if (!wide && !signed) intOut.hi = 0;
}

/**
 * The 64-bit integer hi:lo (signed or unsigned) converted to double or single in the mode of ctl:
 * one rounding of the exact value (hi * 2^32 exactly, plus lo, rounded once).
 */
export function fpFromInt64(hi: number, lo: number, signed: boolean, ctl: number, single: boolean): number {
  const h = (signed ? hi | 0 : hi >>> 0) * TWO32;
  return fpAdd(h, lo >>> 0, ctl, single);
}

export { RN_NEAREST, RN_ZERO, RN_UP, RN_DOWN, RN_AWAY };
