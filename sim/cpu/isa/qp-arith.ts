// IEEE binary128 (quad-precision) arithmetic on BigInt bit patterns, exactly as IEEE 754 with
// tininess detected before rounding (Power ISA 7.3): add, multiply, divide, square root, fused
// multiply-add, conversions to and from double and integers, round to integral and to 64-bit
// precision. Every result is computed exactly and rounded once, in the four FPSCR[RN] modes, round
// to nearest away (xsrqpi) or round to odd (the `o` forms).
//
// Operands are never NaN here (the executor propagates NaNs on their bits); an invalid operation
// returns the default NaN with its VX* bit. The exception bits of the last operation (XX FI FR OX
// UX ZX VX*, FPSCR positions) are left in `qx.ex`. These instructions are rare (libgcc's *kf*_hw
// routines, glibc's _Float128 paths), so clarity wins over speed: BigInt throughout.
import { FI, FR, OE, OX, UE, UX, VXCVI, VXIDI, VXIMZ, VXISI, VXSNAN, VXSQRT, VXZDZ, XX, ZX } from './fpscr';
import { bitLength } from './fp-round';

export const SIGN_Q = 1n << 127n;
export const INF_Q = 0x7fffn << 112n;
export const QUIET_Q = 1n << 111n;
export const FRAC_Q = (1n << 112n) - 1n;
/** the default quiet NaN */
export const QNAN_Q = INF_Q | QUIET_Q;
const M64 = (1n << 64n) - 1n;

/** The exception bits (FPSCR positions) raised by the last operation. */
export const qx = { ex: 0 };

export const RN_NEAREST = 0;
export const RN_ZERO = 1;
export const RN_UP = 2;
export const RN_DOWN = 3;
/** round to nearest, ties away from zero (xsrqpi with R=0 RMC=0) */
export const RN_AWAY = 4;
/** round to odd (the `o` forms): truncate, then set the last bit of an inexact result */
export const RN_ODD = 5;

/** A rounding target: precision, exponent range, the container's fields, the enabled-exception adjustment. */
export interface Fmt {
  p: number;
  emin: number;
  emax: number;
  /** the container: fraction and exponent field widths, exponent bias */
  fbits: number;
  ebits: number;
  bias: number;
  adjust: number;
}
export const QUAD: Fmt = { p: 113, emin: -16382, emax: 16383, fbits: 112, ebits: 15, bias: 16383, adjust: 24576 };
export const DOUBLE: Fmt = { p: 53, emin: -1022, emax: 1023, fbits: 52, ebits: 11, bias: 1023, adjust: 1536 };
/** xsrqpxp: 64-bit precision with the quad exponent range (the x87 double-extended format), in a quad */
export const XPREC: Fmt = { p: 64, emin: -16382, emax: 16383, fbits: 112, ebits: 15, bias: 16383, adjust: 24576 };

// ---- classification ------------------------------------------------------------------------------

export const expQ = (x: bigint): number => Number((x >> 112n) & 0x7fffn);
export const negQ = (x: bigint): boolean => x >> 127n === 1n;
export const isNaNQ = (x: bigint): boolean => (x & ~SIGN_Q) > INF_Q;
export const isSNaNQ = (x: bigint): boolean => isNaNQ(x) && (x & QUIET_Q) === 0n;
export const isInfQ = (x: bigint): boolean => (x & ~SIGN_Q) === INF_Q;
export const isZeroQ = (x: bigint): boolean => (x & ~SIGN_Q) === 0n;

/** A finite value as (-1)^neg * m * 2^e (m = 0 for zeros). */
export interface Num {
  neg: boolean;
  m: bigint;
  e: number;
}
export function unpackQ(x: bigint): Num {
  const ex = expQ(x);
  const frac = x & FRAC_Q;
  return ex === 0 ? { neg: negQ(x), m: frac, e: -16494 } : { neg: negQ(x), m: frac | (1n << 112n), e: ex - 16495 };
}
/** A finite double (64-bit pattern) as sign, significand, exponent. */
export function unpackD(d: bigint): Num {
  const ex = Number((d >> 52n) & 0x7ffn);
  const frac = d & ((1n << 52n) - 1n);
  const neg = d >> 63n === 1n;
  return ex === 0 ? { neg, m: frac, e: -1074 } : { neg, m: frac | (1n << 52n), e: ex - 1075 };
}

const signOf = (f: Fmt, neg: boolean) => (neg ? 1n << BigInt(f.fbits + f.ebits) : 0n);
const infOf = (f: Fmt, neg: boolean) => signOf(f, neg) | (((1n << BigInt(f.ebits)) - 1n) << BigInt(f.fbits));
export const zeroQ = (neg: boolean): bigint => (neg ? SIGN_Q : 0n);
export const infQ = (neg: boolean): bigint => (neg ? SIGN_Q | INF_Q : INF_Q);

/** The bits of kept * 2^q (kept < 2^p, representable in the container's range) in the format's container. */
function encode(f: Fmt, neg: boolean, kept: bigint, q: number): bigint {
  const s = signOf(f, neg);
  if (kept === 0n) return s;
  const L = bitLength(kept);
  const E = q + L - 1;
  const cmin = 1 - f.bias;
  if (E < cmin) return s | (kept << BigInt(q - (cmin - f.fbits)));
  return (
    s | (BigInt(E + f.bias) << BigInt(f.fbits)) | ((kept << BigInt(f.fbits - (L - 1))) & ((1n << BigInt(f.fbits)) - 1n))
  );
}

/**
 * Rounds (-1)^neg * (m + s) * 2^e, where s is 0 (sticky false) or some value in (0, 1) (sticky true:
 * m must then have at least p + 2 bits), to the format in the mode, and returns its bits. ctl: the
 * FPSCR (OE/UE are read when `adjust`: an enabled overflow or underflow delivers the result with its
 * exponent adjusted by the format's constant, Power ISA 7.4.3/7.4.4). m = 0 without sticky is a zero.
 */
export function roundTo(
  f: Fmt,
  neg: boolean,
  m: bigint,
  e: number,
  sticky: boolean,
  mode: number,
  ctl: number,
  adjust: boolean,
): bigint {
  if (m === 0n && !sticky) {
    qx.ex = 0;
    return signOf(f, neg);
  }
  const p = f.p;
  const E = e + bitLength(m) - 1;
  const tiny = E < f.emin;
  const ueScale = tiny && adjust && (ctl & UE) !== 0;
  let q = (tiny && !ueScale ? f.emin : E) - (p - 1);
  const shift = q - e;
  let kept: bigint;
  // 0: exact; 1: below half a unit; 2: exactly half; 3: above half
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
    switch (mode) {
      case RN_NEAREST:
        inc = rest === 3 || (rest === 2 && (kept & 1n) === 1n);
        break;
      case RN_UP:
        inc = !neg;
        break;
      case RN_DOWN:
        inc = neg;
        break;
      case RN_AWAY:
        inc = rest >= 2;
        break;
      case RN_ODD:
        inc = (kept & 1n) === 0n;
        break;
    }
  }
  if (inc) {
    kept += 1n;
    if (kept === 1n << BigInt(p)) {
      kept >>= 1n;
      q += 1;
    }
  }
  const inexact = rest !== 0;
  if (kept !== 0n && q + bitLength(kept) - 1 > f.emax) {
    if (adjust && (ctl & OE) !== 0) {
      qx.ex = OX | (inexact ? XX | FI : 0) | (inc ? FR : 0);
      return encode(f, neg, kept, q - f.adjust);
    }
    qx.ex = OX | XX | FI;
    const inf = mode === RN_NEAREST || mode === RN_AWAY || (mode === RN_UP && !neg) || (mode === RN_DOWN && neg);
    return inf ? infOf(f, neg) : encode(f, neg, (1n << BigInt(p)) - 1n, f.emax - (p - 1));
  }
  let ex = inexact ? (inc ? XX | FI | FR : XX | FI) : 0;
  if (tiny && (inexact || ueScale)) ex |= UX;
  qx.ex = ex;
  return encode(f, neg, kept, ueScale ? q + f.adjust : q);
}

/** An exactly representable quad (no flags). */
function exactQ(neg: boolean, m: bigint, e: number): bigint {
  return roundTo(QUAD, neg, m, e, false, RN_NEAREST, 0, false);
}

/** The rounded sum of two finite values (either may be zero); an exact zero sum is +0 (-0 rounding down). */
function sumRound(
  n1: boolean,
  m1: bigint,
  e1: number,
  n2: boolean,
  m2: bigint,
  e2: number,
  mode: number,
  ctl: number,
): bigint {
  if (m1 === 0n && m2 === 0n) {
    qx.ex = 0;
    return zeroQ(n1 === n2 ? n1 : mode === RN_DOWN);
  }
  if (m1 === 0n) return roundTo(QUAD, n2, m2, e2, false, mode, ctl, true);
  if (m2 === 0n) return roundTo(QUAD, n1, m1, e1, false, mode, ctl, true);
  // an operand more than 400 bits below the other (whose significand has at most 226 bits) only
  // decides on which side of the larger one the sum lies: it stands in as its smallest part
  const t1 = e1 + bitLength(m1);
  const t2 = e2 + bitLength(m2);
  if (t1 - t2 > 400) {
    m2 = 1n;
    e2 = t1 - 401;
  } else if (t2 - t1 > 400) {
    m1 = 1n;
    e1 = t2 - 401;
  }
  const e = Math.min(e1, e2);
  const s1 = m1 << BigInt(e1 - e);
  const s2 = m2 << BigInt(e2 - e);
  const s = (n1 ? -s1 : s1) + (n2 ? -s2 : s2);
  if (s === 0n) {
    qx.ex = 0;
    return zeroQ(mode === RN_DOWN);
  }
  return roundTo(QUAD, s < 0n, s < 0n ? -s : s, e, false, mode, ctl, true);
}

// ---- arithmetic (operands not NaN) ----------------------------------------------------------------

export function addQ(a: bigint, b: bigint, mode: number, ctl: number): bigint {
  const ia = isInfQ(a);
  const ib = isInfQ(b);
  if (ia || ib) {
    if (ia && ib && negQ(a) !== negQ(b)) {
      qx.ex = VXISI;
      return QNAN_Q;
    }
    qx.ex = 0;
    return ia ? a : b;
  }
  const x = unpackQ(a);
  const y = unpackQ(b);
  return sumRound(x.neg, x.m, x.e, y.neg, y.m, y.e, mode, ctl);
}

export function mulQ(a: bigint, b: bigint, mode: number, ctl: number): bigint {
  const neg = negQ(a) !== negQ(b);
  if (isInfQ(a) || isInfQ(b)) {
    if (isZeroQ(a) || isZeroQ(b)) {
      qx.ex = VXIMZ;
      return QNAN_Q;
    }
    qx.ex = 0;
    return infQ(neg);
  }
  const x = unpackQ(a);
  const y = unpackQ(b);
  return roundTo(QUAD, neg, x.m * y.m, x.e + y.e, false, mode, ctl, true);
}

export function divQ(a: bigint, b: bigint, mode: number, ctl: number): bigint {
  const neg = negQ(a) !== negQ(b);
  qx.ex = 0;
  if (isInfQ(a)) {
    if (isInfQ(b)) {
      qx.ex = VXIDI;
      return QNAN_Q;
    }
    return infQ(neg);
  }
  if (isInfQ(b)) return zeroQ(neg);
  if (isZeroQ(b)) {
    if (isZeroQ(a)) {
      qx.ex = VXZDZ;
      return QNAN_Q;
    }
    qx.ex = ZX;
    return infQ(neg);
  }
  if (isZeroQ(a)) return zeroQ(neg);
  const x = unpackQ(a);
  const y = unpackQ(b);
  // a quotient of at least p + 3 bits, the remainder as the sticky bit
  const k = Math.max(0, QUAD.p + 3 - (bitLength(x.m) - bitLength(y.m)));
  const n = x.m << BigInt(k);
  const q = n / y.m;
  return roundTo(QUAD, neg, q, x.e - y.e - k, q * y.m !== n, mode, ctl, true);
}

/** floor(sqrt(n)), n > 0 */
function isqrt(n: bigint): bigint {
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

export function sqrtQ(a: bigint, mode: number, ctl: number): bigint {
  qx.ex = 0;
  if (isZeroQ(a)) return a;
  if (negQ(a)) {
    qx.ex = VXSQRT;
    return QNAN_Q;
  }
  if (isInfQ(a)) return a;
  const x = unpackQ(a);
  let k = Math.max(0, 2 * (QUAD.p + 3) - bitLength(x.m));
  if (((x.e - k) & 1) !== 0) k++;
  const n = x.m << BigInt(k);
  const s = isqrt(n);
  return roundTo(QUAD, false, s, (x.e - k) / 2, s * s !== n, mode, ctl, true);
}

/** a * b + c, rounded once. */
export function fmaQ(a: bigint, b: bigint, c: bigint, mode: number, ctl: number): bigint {
  const pn = negQ(a) !== negQ(b);
  if (isInfQ(a) || isInfQ(b)) {
    if (isZeroQ(a) || isZeroQ(b)) {
      qx.ex = VXIMZ;
      return QNAN_Q;
    }
    if (isInfQ(c) && negQ(c) !== pn) {
      qx.ex = VXISI;
      return QNAN_Q;
    }
    qx.ex = 0;
    return infQ(pn);
  }
  if (isInfQ(c)) {
    qx.ex = 0;
    return c;
  }
  const x = unpackQ(a);
  const y = unpackQ(b);
  const z = unpackQ(c);
  return sumRound(pn, x.m * y.m, x.e + y.e, z.neg, z.m, z.e, mode, ctl);
}

// ---- conversions ----------------------------------------------------------------------------------

/**
 * A quad (not NaN) rounded to double: the double's 64 bits. An enabled overflow or underflow is not
 * delivered adjusted here (as the vsx-fp family's conversions; qemu never adjusts).
 */
export function qToD(a: bigint, mode: number, ctl: number): bigint {
  const neg = negQ(a);
  qx.ex = 0;
  if (isInfQ(a)) return (neg ? 1n << 63n : 0n) | (0x7ffn << 52n);
  const x = unpackQ(a);
  return roundTo(DOUBLE, neg, x.m, x.e, false, mode, ctl, false);
}
/** The quiet double NaN of a quad NaN: sign, quiet bit, the fraction's high 51 bits. */
export function qNaNToD(a: bigint): bigint {
  return (((a >> 64n) & (1n << 63n)) | (0x7ffn << 52n) | (1n << 51n) | ((a >> 60n) & ((1n << 52n) - 1n))) & M64;
}

/** A double (64 bits, not NaN) as a quad, exactly. */
export function dToQ(d: bigint): bigint {
  const neg = d >> 63n === 1n;
  if ((d & ~(1n << 63n)) === 0x7ffn << 52n) return infQ(neg);
  const x = unpackD(d);
  return exactQ(neg, x.m, x.e);
}
/** The quiet quad NaN of a double NaN: sign, quiet bit, the fraction widened. */
export function dNaNToQ(d: bigint): bigint {
  return ((d >> 63n) << 127n) | INF_Q | QUIET_Q | ((d & ((1n << 52n) - 1n)) << 60n);
}

/** An integer (any size; its value) as a quad, rounded in the mode. */
export function intToQ(v: bigint, mode: number, ctl: number): bigint {
  if (v === 0n) {
    qx.ex = 0;
    return 0n;
  }
  return roundTo(QUAD, v < 0n, v < 0n ? -v : v, 0, false, mode, ctl, true);
}

/**
 * A quad truncated to an integer of `width` bits (signed or not), saturated: the result's bits
 * (two's complement, width bits). NaNs give the most negative signed value or 0 (VXCVI, VXSNAN for a
 * signaling one), out-of-range values the nearest bound (VXCVI); an inexact result sets XX FI.
 */
export function qToInt(a: bigint, width: number, signed: boolean): bigint {
  const W = BigInt(width);
  const min = signed ? -(1n << (W - 1n)) : 0n;
  const max = signed ? (1n << (W - 1n)) - 1n : (1n << W) - 1n;
  const bits = (v: bigint) => BigInt.asUintN(width, v);
  if (isNaNQ(a)) {
    qx.ex = VXCVI | (isSNaNQ(a) ? VXSNAN : 0);
    return bits(min);
  }
  const neg = negQ(a);
  if (isInfQ(a)) {
    qx.ex = VXCVI;
    return bits(neg ? min : max);
  }
  const x = unpackQ(a);
  let v: bigint;
  let frac = false;
  if (x.e >= 0) v = x.e > 200 ? 1n << 200n : x.m << BigInt(x.e);
  else if (x.e < -200) {
    v = 0n;
    frac = x.m !== 0n;
  } else {
    v = x.m >> BigInt(-x.e);
    frac = (x.m & ((1n << BigInt(-x.e)) - 1n)) !== 0n;
  }
  if (neg) v = -v;
  if (v > max || v < min) {
    qx.ex = VXCVI;
    return bits(v > max ? max : min);
  }
  qx.ex = frac ? XX | FI : 0;
  return bits(v);
}

/**
 * A quad (not NaN) rounded to an integral value in the mode: the quad's bits. XX FI (and FR) in
 * qx.ex report inexactness (xsrqpix reports them, xsrqpi does not).
 */
export function roundIntegralQ(a: bigint, mode: number): bigint {
  qx.ex = 0;
  if (isInfQ(a) || isZeroQ(a)) return a;
  const x = unpackQ(a);
  if (x.e >= 0) return a;
  const sh = BigInt(-x.e);
  let kept = -x.e > 200 ? 0n : x.m >> sh;
  const r = -x.e > 200 ? x.m : x.m & ((1n << sh) - 1n);
  if (r === 0n) return a;
  const half = 1n << (sh - 1n);
  const rest = r < half ? 1 : r === half ? 2 : 3;
  let inc = false;
  switch (mode) {
    case RN_NEAREST:
      inc = rest === 3 || (rest === 2 && (kept & 1n) === 1n);
      break;
    case RN_UP:
      inc = !x.neg;
      break;
    case RN_DOWN:
      inc = x.neg;
      break;
    case RN_AWAY:
      inc = rest >= 2;
      break;
    case RN_ODD:
      inc = (kept & 1n) === 0n;
      break;
  }
  if (inc) kept += 1n;
  const out = exactQ(x.neg, kept, 0);
  qx.ex = inc ? XX | FI | FR : XX | FI;
  return out;
}

/** xsrqpxp: a quad (not NaN) rounded to 64-bit precision, the quad exponent range (x87 double-extended). */
export function roundXpQ(a: bigint, mode: number, ctl: number): bigint {
  qx.ex = 0;
  if (isInfQ(a) || isZeroQ(a)) return a;
  const x = unpackQ(a);
  return roundTo(XPREC, x.neg, x.m, x.e, false, mode, ctl, false);
}

/** Orders two quads (not NaN): -1, 0, 1 (-0 = +0). */
export function cmpQ(a: bigint, b: bigint): number {
  const ka = negQ(a) ? -(a & ~SIGN_Q) : a;
  const kb = negQ(b) ? -(b & ~SIGN_Q) : b;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
