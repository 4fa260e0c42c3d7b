// The common case of the frequent FP instructions, kept cheap: round to nearest (FPSCR[RN] = 0), no
// exception enabled, finite operands in a comfortable range and a normal result. Each function
// takes the instruction word and the thread (integers and objects only: a double passed to or
// returned from a call that V8 does not inline is boxed, an allocation per instruction), reads
// its operands from the float64 view of the FPRs, computes the result and its inexactness with
// error-free transformations written out inline, and returns false when the case is not common
// (the executor then takes the general path of fp-arith.ts, which gives the same results).
import type { ThreadState } from '../thread-state';
import { FI, FPRF, FPRF_NNORM, FPRF_PNORM, FPRF_PZERO, FR, FX, XX } from './fpscr';

const MIN_D = 2.2250738585072014e-308; // 2^-1022
const MIN_S = 1.1754943508222875e-38; // 2^-126
const MAX_S = 3.4028234663852886e38;
/** TwoProduct's operands stay within 2^+-500 */
const SMALL = 3.054936363499605e-151; // 2^-500
const BIG = 3.273390607896142e150; // 2^500
/** a product's rounding error is exact above 2^-969 */
const PROD_MIN = 2.004168360008973e-292; // 2^-969
const SPLIT = 134217729;
/** the bits of RN and the enables (VE OE UE ZE XE): the fast paths need them all 0 */
const NOT_FAST = 0xfb;
const XX_FI = XX | FI;

const SCRATCH = new Float64Array(1);
const SCRATCH_LO = new Int32Array(SCRATCH.buffer);

/** FRT = r is written (a normal number): doubleword 1 zeroed, FPSCR and CR1 updated. */
function commit(t: ThreadState, w: number, f: number, frt: number, ex: number, fprf: number): void {
  const V = t.vsr;
  V[4 * frt + 1] = 0;
  V[4 * frt] = 0;
  let nf = (f & ~(FR | FI | FPRF)) | ex | fprf;
  if ((ex & ~f & XX) !== 0) nf |= FX;
  t.fpscr = nf;
  if (w & 1) t.crNum = (t.crNum & ~0x0f000000) | (((nf >>> 28) & 15) << 24);
}

/** Rounds h (the nearest double of the exact result, residual sign l) to double or single into FRT; false: not a normal result. */
function finish(t: ThreadState, w: number, f: number, h: number, l: number, single: boolean): boolean {
  const ah = Math.abs(h);
  const frt = (w >>> 21) & 31;
  if (!single) {
    if (!(ah > MIN_D && ah < Infinity)) return false;
    t.vsrF64[2 * frt + 1] = h;
    commit(t, w, f, frt, l === 0 ? 0 : l < 0 !== h < 0 ? XX_FI | FR : XX_FI, h > 0 ? FPRF_PNORM : FPRF_NNORM);
    return true;
  }
  if (!(ah > MIN_S && ah <= MAX_S)) return false;
  const s = Math.fround(h);
  let r = s;
  let ex: number;
  if (s === h) ex = l === 0 ? 0 : l < 0 !== h < 0 ? XX_FI | FR : XX_FI;
  else {
    // h between two singles: s, or on a tie broken by the residual the other one, s + 2d
    const d = h - s;
    if (l !== 0 && l > 0 === d > 0) {
      const o = s + 2 * d;
      if (Math.fround(o) === o) r = o;
    }
    ex = Math.abs(r) > ah ? XX_FI | FR : XX_FI;
  }
  t.vsrF64[2 * frt + 1] = r;
  commit(t, w, f, frt, ex, r > 0 ? FPRF_PNORM : FPRF_NNORM);
  return true;
}

/** fadd, fsub, fadds, fsubs */
export function fastAdd(t: ThreadState, w: number, sub: boolean, single: boolean): boolean {
  const f = t.fpscr;
  if ((f & NOT_FAST) !== 0) return false;
  const F = t.vsrF64;
  const a = F[2 * ((w >>> 16) & 31) + 1];
  const b = sub ? -F[2 * ((w >>> 11) & 31) + 1] : F[2 * ((w >>> 11) & 31) + 1];
  const h = a + b;
  const bb = h - a;
  return finish(t, w, f, h, a - (h - bb) + (b - bb), single);
}

/** fmul, fmuls */
export function fastMul(t: ThreadState, w: number, single: boolean): boolean {
  const f = t.fpscr;
  if ((f & NOT_FAST) !== 0) return false;
  const F = t.vsrF64;
  const a = F[2 * ((w >>> 16) & 31) + 1];
  const c = F[2 * ((w >>> 6) & 31) + 1];
  const aa = Math.abs(a);
  const ac = Math.abs(c);
  const h = a * c;
  if (!(aa >= SMALL && aa <= BIG && ac >= SMALL && ac <= BIG && Math.abs(h) >= PROD_MIN)) return false;
  let x = SPLIT * a;
  const ah = x - (x - a);
  const al = a - ah;
  x = SPLIT * c;
  const ch = x - (x - c);
  const cl = c - ch;
  return finish(t, w, f, h, ah * ch - h + ah * cl + al * ch + al * cl, single);
}

/** fdiv, fdivs */
export function fastDiv(t: ThreadState, w: number, single: boolean): boolean {
  const f = t.fpscr;
  if ((f & NOT_FAST) !== 0) return false;
  const F = t.vsrF64;
  const a = F[2 * ((w >>> 16) & 31) + 1];
  const b = F[2 * ((w >>> 11) & 31) + 1];
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const h = a / b;
  const ahq = Math.abs(h);
  if (!(aa >= SMALL && aa <= BIG && ab >= SMALL && ab <= BIG && ahq >= SMALL && ahq <= BIG)) return false;
  // the remainder a - h*b, exactly (h*b = p + pe; a - p is exact by Sterbenz)
  const p = h * b;
  let x = SPLIT * h;
  const hh = x - (x - h);
  const hl = h - hh;
  x = SPLIT * b;
  const bh = x - (x - b);
  const bl = b - bh;
  const pe = hh * bh - p + hh * bl + hl * bh + hl * bl;
  const r = a - p - pe;
  return finish(t, w, f, h, b > 0 ? r : -r, single);
}

/** fsqrt, fsqrts */
export function fastSqrt(t: ThreadState, w: number, single: boolean): boolean {
  const f = t.fpscr;
  if ((f & NOT_FAST) !== 0) return false;
  const a = t.vsrF64[2 * ((w >>> 11) & 31) + 1];
  if (!(a >= SMALL && a <= BIG)) return false;
  const h = Math.sqrt(a);
  const p = h * h;
  const x = SPLIT * h;
  const hh = x - (x - h);
  const hl = h - hh;
  const pe = hh * hh - p + hh * hl + hl * hh + hl * hl;
  return finish(t, w, f, h, a - p - pe, single);
}

/** fmadd fmsub fnmadd fnmsub (k 0..3) and their single forms: a*c +- b, one rounding */
export function fastFma(t: ThreadState, w: number, k: number, single: boolean): boolean {
  const f = t.fpscr;
  if ((f & NOT_FAST) !== 0) return false;
  const F = t.vsrF64;
  const a = F[2 * ((w >>> 16) & 31) + 1];
  const c = F[2 * ((w >>> 6) & 31) + 1];
  const b = k & 1 ? -F[2 * ((w >>> 11) & 31) + 1] : F[2 * ((w >>> 11) & 31) + 1];
  const aa = Math.abs(a);
  const ac = Math.abs(c);
  const p = a * c;
  if (!(aa >= SMALL && aa <= BIG && ac >= SMALL && ac <= BIG && Math.abs(p) >= PROD_MIN && Math.abs(b) <= BIG)) return false;
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
    if ((SCRATCH_LO[0] & 1) === 0) {
      // step v one unit toward ve (away from zero if ve has v's sign)
      const lo = SCRATCH_LO[0];
      if (ve > 0 === v > 0) {
        SCRATCH_LO[0] = (lo + 1) | 0;
        if (lo === -1) SCRATCH_LO[1] = (SCRATCH_LO[1] + 1) | 0;
      } else {
        SCRATCH_LO[0] = (lo - 1) | 0;
        if (lo === 0) SCRATCH_LO[1] = (SCRATCH_LO[1] - 1) | 0;
      }
      v = SCRATCH[0];
    }
  }
  let h = s + v;
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
  let l = g3s !== 0 ? g3s : g3 !== 0 ? g3 : g2 !== 0 ? g2 : g1;
  if (k >= 2) {
    // fnmadd/fnmsub: the negated rounded result
    h = -h;
    l = -l;
  }
  return finish(t, w, f, h, l, single);
}

/** fctiw (round to nearest) and fctiwz (toward zero) of a value well inside the int32 range */
export function fastCtiw(t: ThreadState, w: number, toZero: boolean): boolean {
  const f = t.fpscr;
  if ((f & (toZero ? 0xf8 : NOT_FAST)) !== 0) return false;
  const b = t.vsrF64[2 * ((w >>> 11) & 31) + 1];
  if (!(b > -2147483648 && b < 2147483647)) return false;
  // 2^52 + 2^51 forces rounding to an integer, to nearest even, below 2^51
  const r = toZero ? Math.trunc(b) : b + 6755399441055744 - 6755399441055744;
  const frt = (w >>> 21) & 31;
  const V = t.vsr;
  V[4 * frt + 3] = r < 0 ? -1 : 0;
  V[4 * frt + 2] = r | 0;
  V[4 * frt + 1] = 0;
  V[4 * frt] = 0;
  let nf = f & ~(FR | FI);
  if (r !== b) {
    nf |= XX_FI | (Math.abs(r) > Math.abs(b) ? FR : 0);
    if ((f & XX) === 0) nf |= FX;
  }
  t.fpscr = nf;
  if (w & 1) t.crNum = (t.crNum & ~0x0f000000) | (((nf >>> 28) & 15) << 24);
  return true;
}

/** fcfid of an integer below 2^53 in magnitude (exact) */
export function fastCfid(t: ThreadState, w: number): boolean {
  const V = t.vsr;
  const b = (w >>> 11) & 31;
  const hi = V[4 * b + 3];
  if (hi < -0x200000 || hi >= 0x200000) return false;
  const r = hi * 4294967296 + (V[4 * b + 2] >>> 0);
  const frt = (w >>> 21) & 31;
  t.vsrF64[2 * frt + 1] = r;
  const f = t.fpscr;
  commit(t, w, f, frt, 0, r > 0 ? FPRF_PNORM : r < 0 ? FPRF_NNORM : FPRF_PZERO);
  return true;
}
