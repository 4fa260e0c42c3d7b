// The common case of the frequent floating-point operations, kept cheap: round to nearest, finite
// operands in a comfortable range and a normal result. Each primitive reads its operands from a
// float64 array by index and leaves the result in RES[0] (integers and arrays only cross the call:
// a double passed to or returned from a call that V8 does not inline is boxed, an allocation per
// instruction), computing the inexactness with error-free transformations written out inline. It
// returns the exception bits (XX FI FR) or -1 when the case is not a common one: the caller then
// takes the general path of fp-arith.ts, which gives the same results (checked in fp-fast.test.ts).
// The caller checks the mode: FPSCR[RN] = 0 and, for results written at once, no enabled exception.
import type { ThreadState } from '../thread-state';
import { FI, FPRF, FPRF_NNORM, FPRF_NZERO, FPRF_PNORM, FPRF_PZERO, FR, FX, XX } from './fpscr';

const MIN_D = 2.2250738585072014e-308; // 2^-1022
const MIN_S = 1.1754943508222875e-38; // 2^-126
const MAX_S = 3.4028234663852886e38;
/** TwoProduct's operands stay within 2^+-500 */
const SMALL = 3.054936363499605e-151; // 2^-500
const BIG = 3.273390607896142e150; // 2^500
/** a product's rounding error is exact above 2^-969 */
const PROD_MIN = 2.004168360008973e-292; // 2^-969
const SPLIT = 134217729;
const XX_FI = XX | FI;
/** the FPSCR bits that must be 0 for the fast paths: RN and the enables VE OE UE ZE XE */
export const NOT_FAST = 0xfb;

/** the result of the last primitive */
export const RES = new Float64Array(1);

const SCRATCH = new Float64Array(1);
const SCRATCH_W = new Int32Array(SCRATCH.buffer);

/** Rounds h (the nearest double of the exact result, l the sign of the residual) to double or single into RES[0]. */
function round(h: number, l: number, single: boolean): number {
  const ah = Math.abs(h);
  if (ah === 0) {
    // an exact zero (a zero operand, or x - x): its sign is right in round to nearest
    if (l !== 0) return -1;
    RES[0] = h;
    return 0;
  }
  if (!single) {
    if (!(ah > MIN_D && ah < Infinity)) return -1;
    RES[0] = h;
    return l === 0 ? 0 : l < 0 !== h < 0 ? XX_FI | FR : XX_FI;
  }
  if (!(ah > MIN_S && ah <= MAX_S)) return -1;
  const s = Math.fround(h);
  if (s === h) {
    RES[0] = h;
    return l === 0 ? 0 : l < 0 !== h < 0 ? XX_FI | FR : XX_FI;
  }
  // h between two singles: s, or on a tie broken by the residual the other one, s + 2d
  let r = s;
  const d = h - s;
  if (l !== 0 && l > 0 === d > 0) {
    const o = s + 2 * d;
    if (Math.fround(o) === o) r = o;
  }
  RES[0] = r;
  return Math.abs(r) > ah ? XX_FI | FR : XX_FI;
}

/** F[ia] + F[ib] (or - F[ib]) */
export function rnAdd(F: Float64Array, ia: number, ib: number, sub: boolean, single: boolean): number {
  const a = F[ia];
  const b = sub ? -F[ib] : F[ib];
  const h = a + b;
  const bb = h - a;
  return round(h, a - (h - bb) + (b - bb), single);
}

/** F[ia] * F[ic] */
export function rnMul(F: Float64Array, ia: number, ic: number, single: boolean): number {
  const a = F[ia];
  const c = F[ic];
  const aa = Math.abs(a);
  const ac = Math.abs(c);
  const h = a * c;
  if (h === 0 && (a === 0 || c === 0)) return round(h, 0, single); // a zero times a finite number
  if (!(aa >= SMALL && aa <= BIG && ac >= SMALL && ac <= BIG && Math.abs(h) >= PROD_MIN)) return -1;
  let x = SPLIT * a;
  const ah = x - (x - a);
  const al = a - ah;
  x = SPLIT * c;
  const ch = x - (x - c);
  const cl = c - ch;
  return round(h, ah * ch - h + ah * cl + al * ch + al * cl, single);
}

/** F[ia] / F[ib] */
export function rnDiv(F: Float64Array, ia: number, ib: number, single: boolean): number {
  const a = F[ia];
  const b = F[ib];
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const h = a / b;
  if (h === 0 && a === 0) return round(h, 0, single); // zero over a nonzero number
  const aq = Math.abs(h);
  if (!(aa >= SMALL && aa <= BIG && ab >= SMALL && ab <= BIG && aq >= SMALL && aq <= BIG)) return -1;
  // the remainder a - h*b, exactly (h*b = p + pe; a - p is exact by Sterbenz)
  const p = h * b;
  let x = SPLIT * h;
  const hh = x - (x - h);
  const hl = h - hh;
  x = SPLIT * b;
  const bh = x - (x - b);
  const bl = b - bh;
  const r = a - p - (hh * bh - p + hh * bl + hl * bh + hl * bl);
  return round(h, b > 0 ? r : -r, single);
}

/** sqrt(F[ib]) */
export function rnSqrt(F: Float64Array, ib: number, single: boolean): number {
  const a = F[ib];
  if (a === 0) return round(a, 0, single);
  if (!(a >= SMALL && a <= BIG)) return -1;
  const h = Math.sqrt(a);
  const p = h * h;
  const x = SPLIT * h;
  const hh = x - (x - h);
  const hl = h - hh;
  return round(h, a - p - (hh * hh - p + hh * hl + hl * hh + hl * hl), single);
}

/** F[ia] * F[ic] + F[ib], one rounding; k: 0 madd, 1 msub (- F[ib]), 2 nmadd, 3 nmsub (the rounded result negated) */
export function rnFma(F: Float64Array, ia: number, ic: number, ib: number, k: number, single: boolean): number {
  const a = F[ia];
  const c = F[ic];
  const b = k & 1 ? -F[ib] : F[ib];
  const aa = Math.abs(a);
  const ac = Math.abs(c);
  const p = a * c;
  if (p === 0 && (a === 0 || c === 0)) {
    // a zero product: the result is b (rounded to single), or a zero with the sign of the sum
    const z = p + b;
    return k >= 2 ? round(-z, 0, single) : round(z, 0, single);
  }
  if (!(aa >= SMALL && aa <= BIG && ac >= SMALL && ac <= BIG && Math.abs(p) >= PROD_MIN && Math.abs(b) <= BIG))
    return -1;
  let x = SPLIT * a;
  const ah = x - (x - a);
  const al = a - ah;
  x = SPLIT * c;
  const ch = x - (x - c);
  const cl = c - ch;
  const pe = ah * ch - p + ah * cl + al * ch + al * cl; // a*c = p + pe
  const s = p + b;
  let z = s - p;
  const se = p - (s - z) + (b - z); // p + b = s + se
  // v = se + pe rounded to odd (Boldo-Melquiond: RN(s + v) is the correctly rounded fma)
  let v = se + pe;
  z = v - se;
  const ve = se - (v - z) + (pe - z);
  if (ve !== 0) {
    SCRATCH[0] = v;
    const lo = SCRATCH_W[0];
    if ((lo & 1) === 0) {
      // one unit toward ve: away from zero when ve has v's sign
      if (ve > 0 === v > 0) {
        SCRATCH_W[0] = (lo + 1) | 0;
        if (lo === -1) SCRATCH_W[1] = (SCRATCH_W[1] + 1) | 0;
      } else {
        SCRATCH_W[0] = (lo - 1) | 0;
        if (lo === 0) SCRATCH_W[1] = (SCRATCH_W[1] - 1) | 0;
      }
      v = SCRATCH[0];
    }
  }
  const h = s + v;
  // the sign of s + se + pe - h, exactly (Shewchuk's expansion growth)
  const q = s + se;
  z = q - s;
  const e1 = s - (q - z) + (se - z);
  const u = pe + e1;
  z = u - pe;
  const f1 = pe - (u - z) + (e1 - z);
  const q2 = u + q;
  z = q2 - u;
  const f2 = u - (q2 - z) + (q - z);
  const m = -h;
  const g = m + f1;
  z = g - m;
  const g1 = m - (g - z) + (f1 - z);
  const g2s = g + f2;
  z = g2s - g;
  const g2 = g - (g2s - z) + (f2 - z);
  const g3s = g2s + q2;
  z = g3s - g2s;
  const g3 = g2s - (g3s - z) + (q2 - z);
  const l = g3s !== 0 ? g3s : g3 !== 0 ? g3 : g2 !== 0 ? g2 : g1;
  // fnmadd/fnmsub: the rounded result negated
  return k >= 2 ? round(-h, -l, single) : round(h, l, single);
}

/**
 * A scalar result in RES[0] (a normal number) into doubleword 0 of VSR rt (doubleword 1 zeroed),
 * with its exception bits ex (XX FI FR) and FPRF; CR1 when rec. FPSCR[RN] = 0 and no enables.
 */
export function commitScalar(t: ThreadState, rt: number, ex: number, rec: boolean): void {
  const r = RES[0];
  t.vsrF64[2 * rt + 1] = r;
  const V = t.vsr;
  V[4 * rt + 1] = 0;
  V[4 * rt] = 0;
  const f = t.fpscr;
  let nf =
    (f & ~(FR | FI | FPRF)) | ex | (r > 0 ? FPRF_PNORM : r < 0 ? FPRF_NNORM : 1 / r > 0 ? FPRF_PZERO : FPRF_NZERO);
  if ((ex & ~f & XX) !== 0) nf |= FX;
  t.fpscr = nf;
  if (rec) t.crNum = (t.crNum & ~0x0f000000) | (((nf >>> 28) & 15) << 24);
}

/** fctiw (round to nearest) and fctiwz (toward zero) of a value well inside the int32 range into FPR rt; false: not
 * that case */
export function fastCtiw(t: ThreadState, rt: number, rb: number, toZero: boolean, rec: boolean): boolean {
  const f = t.fpscr;
  if ((f & (toZero ? 0xf8 : NOT_FAST)) !== 0) return false;
  const b = t.vsrF64[2 * rb + 1];
  if (!(b > -2147483648 && b < 2147483647)) return false;
  // 2^52 + 2^51 forces rounding to an integer, to nearest even, below 2^51
  const r = toZero ? Math.trunc(b) : b + 6755399441055744 - 6755399441055744;
  const V = t.vsr;
  V[4 * rt + 3] = r < 0 ? -1 : 0;
  V[4 * rt + 2] = r | 0;
  V[4 * rt + 1] = 0;
  V[4 * rt] = 0;
  let nf = f & ~(FR | FI);
  if (r !== b) {
    nf |= XX_FI | (Math.abs(r) > Math.abs(b) ? FR : 0);
    if ((f & XX) === 0) nf |= FX;
  }
  t.fpscr = nf;
  if (rec) t.crNum = (t.crNum & ~0x0f000000) | (((nf >>> 28) & 15) << 24);
  return true;
}

/** fcfid of an integer below 2^53 in magnitude (exact) into FPR rt; false: not that case */
export function fastCfid(t: ThreadState, rt: number, rb: number, rec: boolean): boolean {
  const V = t.vsr;
  const hi = V[4 * rb + 3];
  if (hi < -0x200000 || hi >= 0x200000) return false;
  const r = hi * 4294967296 + (V[4 * rb + 2] >>> 0);
  t.vsrF64[2 * rt + 1] = r;
  V[4 * rt + 1] = 0;
  V[4 * rt] = 0;
  const nf = (t.fpscr & ~(FR | FI | FPRF)) | (r > 0 ? FPRF_PNORM : r < 0 ? FPRF_NNORM : FPRF_PZERO);
  t.fpscr = nf;
  if (rec) t.crNum = (t.crNum & ~0x0f000000) | (((nf >>> 28) & 15) << 24);
  return true;
}
