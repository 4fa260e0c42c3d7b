// Conversions between floating-point formats that do not round, on bit patterns: the single to
// double conversion of lfs/lxssp (the ISA's DOUBLE), the double to single one of stfs (SINGLE),
// NaN classification and quieting, and the binary16 formats of xscvhpdp/xscvdphp.
import { FMT_H, fpx, roundExact, decompose } from './fp-round';

const F32 = new Float32Array(1);
const I32 = new Int32Array(F32.buffer);
const F64 = new Float64Array(1);
const I64 = new Int32Array(F64.buffer);

/** The double of a double-word hi:lo */
export function fromWords(hi: number, lo: number): number {
  I64[1] = hi;
  I64[0] = lo;
  return F64[0];
}
/** The high word of a double (not a NaN whose payload matters) */
export function hiWord(x: number): number {
  F64[0] = x;
  return I64[1];
}
export function loWord(x: number): number {
  F64[0] = x;
  return I64[0];
}

/** whether the double hi:lo is a NaN */
export const isNaNWords = (hi: number, lo: number) => (hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0;
/** whether the double hi:lo is a signaling NaN */
export const isSNaNWords = (hi: number, lo: number) => isNaNWords(hi, lo) && (hi & 0x80000) === 0;
/** whether the single w is a signaling NaN */
export const isSNaN32 = (w: number) => (w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0 && (w & 0x400000) === 0;
export const isNaN32 = (w: number) => (w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0;
/** the default quiet NaN's high word (its low word is 0) */
export const DEFAULT_NAN_HI = 0x7ff80000;
export const DEFAULT_NAN32 = 0x7fc00000;
export const QUIET_BIT_HI = 0x80000;

/** The single bits of a single value held as a double (exact). */
export function bits32(x: number): number {
  F32[0] = x;
  return I32[0];
}
/** The value of single bits (not a NaN). */
export function float32(w: number): number {
  I32[0] = w;
  return F32[0];
}

/** DOUBLE (lfs, lxssp, xscvspdpn): the double-word of a single, exact, NaNs kept signaling. */
export const dbl = { hi: 0, lo: 0 };
export function singleToDouble(w: number): void {
  if ((w & 0x7f800000) === 0x7f800000 && (w & 0x7fffff) !== 0) {
    const frac = w & 0x7fffff;
    dbl.hi = (w & 0x80000000) | 0x7ff00000 | (frac >>> 3);
    dbl.lo = (frac & 7) << 29;
    return;
  }
  I32[0] = w;
  F64[0] = F32[0];
  dbl.hi = I64[1];
  dbl.lo = I64[0];
}

/**
 * SINGLE (stfs, stxssp, xscvdpspn): the single of a double-word without rounding: the fraction is
 * truncated, a value below the single range is denormalized (truncated) and one far below it is
 * a signed zero, as qemu's helper_tosingle (the ISA leaves those undefined).
 */
export function doubleToSingle(hi: number, lo: number): number {
  const exp = (hi >>> 20) & 0x7ff;
  if (exp > 896) return (hi & 0xc0000000) | ((hi & 0x07ffffff) << 3) | (lo >>> 29);
  let r = hi & 0x80000000;
  if (exp >= 874) {
    const mant = (hi & 0xfffff) * 4294967296 + (lo >>> 0) + 2 ** 52;
    r |= Math.floor(mant / 2 ** (926 - exp));
  }
  return r | 0;
}

// ---- binary16 -----------------------------------------------------------------------------------

/** The value of half-precision bits h (exact as a double); NaNs come back as NaN. */
export function halfValue(h: number): number {
  const e = (h >>> 10) & 0x1f;
  const f = h & 0x3ff;
  const s = h & 0x8000 ? -1 : 1;
  if (e === 0x1f) return f ? NaN : s * Infinity;
  if (e === 0) return s * f * 2 ** -24;
  return s * (1024 + f) * 2 ** (e - 25);
}

/** The half-precision bits of a double x (not NaN) rounded in the mode of ctl; flags in fpx.ex. */
export function toHalf(x: number, ctl: number): number {
  const neg = x < 0 || (x === 0 && 1 / x < 0);
  const sign = neg ? 0x8000 : 0;
  if (x === 0) {
    fpx.ex = 0;
    return sign;
  }
  if (x === Infinity || x === -Infinity) {
    fpx.ex = 0;
    return sign | 0x7c00;
  }
  const d = decompose(x);
  const v = Math.abs(roundExact(d.neg, d.m, d.e, false, ctl, FMT_H));
  if (v === Infinity) return sign | 0x7c00;
  if (v === 0) return sign;
  if (v < 2 ** -14) return sign | Math.round(v * 2 ** 24);
  const e = Math.floor(Math.log2(v));
  const ee = v >= 2 ** (e + 1) ? e + 1 : v < 2 ** e ? e - 1 : e;
  return sign | ((ee + 15) << 10) | (Math.round(v / 2 ** (ee - 10)) - 1024);
}
