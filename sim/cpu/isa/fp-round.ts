// Rounding an exact real result to binary64, binary32 or binary16 in the four FPSCR[RN] modes, and
// the exception bits that raises (XX FI FR OX UX, FPSCR positions), exactly as IEEE 754 with
// tininess detected before rounding (Power ISA 4.4.4).
//
// Two ways in:
// * finishD / finishS: the caller has the round-to-nearest-even double h of the exact result and
//   any number l with the sign of the residual (exact - h; 0 iff h is exact), for results well
//   inside the normal range. Number arithmetic only, no allocation: the common case.
// * roundExact: the exact value as a BigInt significand, an exponent and a sticky bit, for
//   everything else (overflow, tiny and subnormal results, enabled-exception adjustments).
//
// The exception bits of the last rounding are left in `fpx.ex`.
import { FI, FR, OE, OX, UE, UX, XX } from './fpscr';

export const RN_NEAREST = 0;
export const RN_ZERO = 1;
export const RN_UP = 2;
export const RN_DOWN = 3;
/** round to integral only (frin, xsrdpi): nearest, ties away from zero */
export const RN_AWAY = 4;

/** result formats */
export const FMT_D = 0;
export const FMT_S = 1;
export const FMT_H = 2;
const PREC = [53, 24, 11];
const EMIN = [-1022, -126, -14];
const EMAX = [1023, 127, 15];
/** the exponent adjustment of an enabled overflow/underflow (ISA 4.4.3, 4.4.4); none for half */
const ADJUST = [1536, 192, 0];

export const MIN_NORMAL_D = 2 ** -1022;
export const MIN_NORMAL_S = 2 ** -126;
export const MAX_S = 3.4028234663852886e38;
const MAX_H = 65504;

/** The exception bits (XX FI FR OX UX) raised by the last rounding. */
export const fpx = { ex: 0 };

const F = new Float64Array(1);
const I = new Int32Array(F.buffer); // I[0] the low word, I[1] the high word (little-endian host)
const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);

/** x (finite, nonzero) one unit in the last place further from zero */
export function awayD(x: number): number {
  F[0] = x;
  if (I[0] === -1) {
    I[0] = 0;
    I[1] = (I[1] + 1) | 0;
  } else I[0] = (I[0] + 1) | 0;
  return F[0];
}
/** x (finite, nonzero) one unit in the last place closer to zero */
export function towardD(x: number): number {
  F[0] = x;
  if (I[0] === 0) {
    I[0] = -1;
    I[1] = (I[1] - 1) | 0;
  } else I[0] = (I[0] - 1) | 0;
  return F[0];
}
/** x (a single, finite, nonzero) one single-precision unit further from zero */
function awayS(x: number): number {
  F32[0] = x;
  I32[0] = (I32[0] + 1) | 0;
  return F32[0];
}
/** x (a single, finite, nonzero) one single-precision unit closer to zero */
function towardS(x: number): number {
  F32[0] = x;
  I32[0] = (I32[0] - 1) | 0;
  return F32[0];
}

/** An overflow found by stepping away from zero in a directed mode (the only way finishD/S overflow). */
function steppedOverflow(neg: boolean, ctl: number, fmt: number): number {
  if ((ctl & OE) !== 0) {
    // enabled: the rounded value 2^(emax+1), its exponent adjusted
    fpx.ex = OX | XX | FI | FR;
    const m = 2 ** (EMAX[fmt] + 1 - ADJUST[fmt]);
    return neg ? -m : m;
  }
  fpx.ex = OX | XX | FI;
  return neg ? -Infinity : Infinity;
}

/**
 * Rounds to double. h: the exact result rounded to nearest-even (MIN_NORMAL_D < |h| < Infinity);
 * l: the sign of exact - h (0: exact). ctl: the FPSCR (RN and the OE enable are read).
 */
export function finishD(h: number, l: number, ctl: number): number {
  if (l === 0) {
    fpx.ex = 0;
    return h;
  }
  // |exact| < |h|
  const smaller = l < 0 !== h < 0;
  let step = 0; // 1: away from zero, -1: toward zero
  switch (ctl & 3) {
    case RN_ZERO:
      if (smaller) step = -1;
      break;
    case RN_UP:
      if (l > 0) step = h > 0 ? 1 : -1;
      break;
    case RN_DOWN:
      if (l < 0) step = h < 0 ? 1 : -1;
      break;
  }
  if (step === 0) {
    fpx.ex = smaller ? XX | FI | FR : XX | FI;
    return h;
  }
  if (step < 0) {
    fpx.ex = XX | FI;
    return towardD(h);
  }
  const r = awayD(h);
  if (r === Infinity || r === -Infinity) return steppedOverflow(h < 0, ctl, FMT_D);
  fpx.ex = XX | FI | FR;
  return r;
}

/**
 * Rounds to single (the result as a double). h: the exact result rounded to nearest-even double
 * (MIN_NORMAL_S < |h| <= MAX_S); l: the sign of exact - h (0: exact); ctl: the FPSCR.
 */
export function finishS(h: number, l: number, ctl: number): number {
  const s = Math.fround(h);
  const mode = ctl & 3;
  if (s === h) {
    // h is a single: the exact value is within half a double ulp of it
    if (l === 0) {
      fpx.ex = 0;
      return h;
    }
    const smaller = l < 0 !== h < 0;
    let step = 0;
    if (mode === RN_ZERO) step = smaller ? -1 : 0;
    else if (mode === RN_UP) step = l > 0 ? (h > 0 ? 1 : -1) : 0;
    else if (mode === RN_DOWN) step = l < 0 ? (h < 0 ? 1 : -1) : 0;
    if (step === 0) {
      fpx.ex = smaller ? XX | FI | FR : XX | FI;
      return h;
    }
    if (step < 0) {
      fpx.ex = XX | FI;
      return towardS(h);
    }
    const r = awayS(h);
    if (r === Infinity || r === -Infinity) return steppedOverflow(h < 0, ctl, FMT_S);
    fpx.ex = XX | FI | FR;
    return r;
  }
  // h lies strictly between two singles, s and o; so does the exact value
  const o = Math.abs(s) < Math.abs(h) ? awayS(s) : towardS(s);
  let r: number;
  switch (mode) {
    case RN_NEAREST:
      r = s;
      // a tie between s and o in double is broken by the residual
      if (l !== 0 && h === (s + o) / 2 && l > 0 === o > s) r = o;
      break;
    case RN_ZERO:
      r = Math.abs(s) < Math.abs(o) ? s : o;
      break;
    case RN_UP:
      r = s > o ? s : o;
      break;
    default:
      r = s < o ? s : o;
  }
  if (r === Infinity || r === -Infinity) return steppedOverflow(h < 0, ctl, FMT_S);
  fpx.ex = Math.abs(r) > Math.abs(h) ? XX | FI | FR : XX | FI;
  return r;
}

// ---- exact values ------------------------------------------------------------------------------

/** The number of significant bits of m (m >= 0). */
export function bitLength(m: bigint): number {
  if (m === 0n) return 0;
  const s = m.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0], 16)));
}

/** A finite nonzero double as sign, significand and exponent: x = (-1)^neg * m * 2^e. */
export interface Exact {
  neg: boolean;
  m: bigint;
  e: number;
}
export function decompose(x: number): Exact {
  F[0] = x;
  const hi = I[1];
  const lo = I[0];
  const bexp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo >>> 0);
  return bexp === 0 ? { neg: hi < 0, m: frac, e: -1074 } : { neg: hi < 0, m: frac | (1n << 52n), e: bexp - 1075 };
}

/**
 * Rounds (-1)^neg * (m + s) * 2^e, where s is 0 (sticky false) or some value in (0, 1) (sticky
 * true), to the format: when sticky, m must have at least precision + 2 bits. ctl: the FPSCR (RN,
 * and with `adjust` the OE/UE enables: an enabled overflow or underflow delivers the result with
 * its exponent adjusted, as the classic FP instructions do). m = 0 without sticky is an exact zero.
 */
export function roundExact(
  neg: boolean,
  m: bigint,
  e: number,
  sticky: boolean,
  ctl: number,
  fmt: number,
  adjust = false,
): number {
  if (m === 0n && !sticky) {
    fpx.ex = 0;
    return neg ? -0 : 0;
  }
  const p = PREC[fmt];
  const emin = EMIN[fmt];
  const emax = EMAX[fmt];
  const mode = ctl & 3;
  const L = bitLength(m);
  const E = e + L - 1;
  const tiny = E < emin;
  const ueScale = tiny && adjust && (ctl & UE) !== 0;
  let q = (tiny && !ueScale ? emin : E) - (p - 1);
  const shift = q - e;
  let kept: bigint;
  // 0: exact; 1: below half an ulp; 2: exactly half; 3: above half
  let rest: number;
  if (shift <= 0) {
    kept = m << BigInt(-shift);
    rest = sticky ? 1 : 0;
  } else {
    const sh = BigInt(shift);
    kept = m >> sh;
    const r = m & ((1n << sh) - 1n);
    const half = 1n << (sh - 1n);
    rest = r === 0n ? (sticky ? 1 : 0) : r < half ? 1 : r === half ? (sticky ? 3 : 2) : 3;
  }
  let inc = false;
  if (rest !== 0) {
    if (mode === RN_NEAREST) inc = rest === 3 || (rest === 2 && (kept & 1n) === 1n);
    else if (mode === RN_UP) inc = !neg;
    else if (mode === RN_DOWN) inc = neg;
  }
  if (inc) {
    kept += 1n;
    if (kept === 1n << BigInt(p)) {
      kept >>= 1n;
      q += 1;
    }
  }
  const inexact = rest !== 0;
  if (kept !== 0n && q + bitLength(kept) - 1 > emax) {
    if (adjust && (ctl & OE) !== 0 && ADJUST[fmt] !== 0) {
      fpx.ex = OX | (inexact ? XX | FI : 0) | (inc ? FR : 0);
      const v = Number(kept) * 2 ** (q - ADJUST[fmt]);
      return neg ? -v : v;
    }
    fpx.ex = OX | XX | FI;
    const inf = mode === RN_NEAREST || (mode === RN_UP && !neg) || (mode === RN_DOWN && neg);
    const v = inf ? Infinity : fmt === FMT_D ? Number.MAX_VALUE : fmt === FMT_S ? MAX_S : MAX_H;
    return neg ? -v : v;
  }
  let ex = inexact ? (inc ? XX | FI | FR : XX | FI) : 0;
  if (tiny && (inexact || ueScale)) ex |= UX;
  fpx.ex = ex;
  const v = Number(kept) * 2 ** (ueScale ? q + ADJUST[fmt] : q);
  return neg ? -v : v;
}

/** Rounds a double (not NaN) to the format: exact for double; single and half may round. */
export function roundValue(x: number, ctl: number, fmt: number, adjust = false): number {
  const a = Math.abs(x);
  if (a === 0 || a === Infinity) {
    fpx.ex = 0;
    return x;
  }
  if (fmt === FMT_D && a >= MIN_NORMAL_D) {
    fpx.ex = 0;
    return x;
  }
  if (fmt === FMT_S && a > MIN_NORMAL_S && a <= MAX_S) return finishS(x, 0, ctl);
  const d = decompose(x);
  return roundExact(d.neg, d.m, d.e, false, ctl, fmt, adjust);
}
