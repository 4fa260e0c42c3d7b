// The VMX single-precision float instructions (vaddfp... vcmpbfp), as qemu-ppc64le computes them
// with its vector float status: round to nearest even (vrfi*, vct* have their own), results below
// the normal range flushed to a signed zero while VSCR[NJ] is set (Linux runs with NJ=1), NaN
// operands propagated quiet in PowerPC order (VRA, then VRB, then VRC), invalid operations giving the
// default NaN 0x7fc00000. Values are handled as bits wherever a NaN may be involved (a JS number
// does not keep a signalling NaN's bits).
import { COLD_NEXT } from '../cold-result';
import type { ExecCore } from '../exec-core';
import type { ThreadState } from '../thread-state';
import { Vmx } from './vmx-defs';
import { Lanes, readVsr, satS, satU, SAT, VA, VB, VC, VR, VSCR_NJ, VSCR_SAT, writeVsr } from './vec-lanes';

const F = new Float32Array(1);
const U = new Uint32Array(F.buffer);
const DEFAULT_NAN = 0x7fc00000;
const MIN_NORMAL = 2 ** -126;

const isNan = (b: number) => (b & 0x7f800000) === 0x7f800000 && (b & 0x7fffff) !== 0;
const quiet = (b: number) => (b | 0x00400000) >>> 0;
const val = (b: number) => {
  U[0] = b;
  return F[0];
};
/** the float32 bits of x (rounded to nearest even); with NJ, a result below the normal range is a signed zero */
function bits(x: number, nj: boolean): number {
  if (nj && x !== 0 && Math.abs(x) < MIN_NORMAL) return x < 0 ? 0x80000000 : 0;
  F[0] = x;
  if (nj && (U[0] & 0x7f800000) === 0 && (U[0] & 0x7fffff) !== 0) return U[0] & 0x80000000;
  return U[0];
}
/** the result bits of x, or the default NaN if x is NaN (an invalid operation) */
const res = (x: number, nj: boolean) => (Number.isNaN(x) ? DEFAULT_NAN : bits(x, nj));

/** set by fma32: the exact (unrounded) result is below the normal range (qemu flushes such results) */
let fmaTiny = false;
/** the sign of fma32's exact result */
let fmaNeg = false;

/** a*c + b with one rounding to float32 (a, b, c float32 values; the product is exact in double) */
function fma32(a: number, c: number, b: number): number {
  const p = a * c;
  const s = p + b;
  fmaTiny = false;
  if (!Number.isFinite(s)) return s;
  // the rounding error of s (TwoSum): p + b = s + e exactly
  const bb = s - p;
  const e = p - (s - bb) + (b - bb);
  fmaTiny = s !== 0 && (Math.abs(s) < MIN_NORMAL || (Math.abs(s) === MIN_NORMAL && e !== 0 && e > 0 !== s > 0));
  fmaNeg = s < 0;
  if (e === 0) return Math.fround(s);
  const r = Math.fround(s);
  // double rounding matters only when s lies exactly halfway between two floats
  if (r === s) {
    // s is a float: the exact value is s + e, whose float rounding is s unless |e| reaches half an ulp,
    // which cannot happen (|e| <= ulp_double(s)/2 is far below ulp_float/2)
    return r;
  }
  const other = r > s ? nextDown(r) : nextUp(r);
  const lo = Math.min(r, other),
    hi = Math.max(r, other);
  const mid = (lo + hi) / 2;
  if (s !== mid) return r;
  // exactly halfway in double: the error decides
  return e > 0 ? hi : lo;
}
function nextUp(x: number): number {
  F[0] = x;
  if (x >= 0) U[0]++;
  else U[0]--;
  return F[0];
}
function nextDown(x: number): number {
  F[0] = x;
  if (x > 0) U[0]--;
  else if (x === 0) U[0] = 0x80000001;
  else U[0]++;
  return F[0];
}

// ---- vexptefp: qemu's float32_exp2, bit for bit -------------------------------------------------
// qemu evaluates 2^x = e^(x ln2) as the first 15 terms of its Taylor series in softfloat's internal
// format (64-bit fractions, products truncated with a sticky bit, no intermediate rounding), then
// rounds once to single precision. The series is only accurate near 0 (the ISA asks for an
// estimate), so the bits far from 0 are qemu's own; they are reproduced here.

const M64 = (1n << 64n) - 1n;
const M128 = (1n << 128n) - 1n;
const BIT63 = 1n << 63n;
const BIT127 = 1n << 127n;
interface Parts {
  neg: boolean;
  exp: number;
  frac: bigint;
}

function f64Parts(x: number): Parts {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  const b = dv.getBigUint64(0);
  return {
    neg: b >> 63n === 1n,
    exp: Number((b >> 52n) & 0x7ffn) - 1023,
    frac: ((b & ((1n << 52n) - 1n)) | (1n << 52n)) << 11n,
  };
}
const LN2 = f64Parts(Math.LN2);
const ONE = f64Parts(1);
const COEF: Parts[] = [];
{
  let f = 1;
  for (let n = 1; n <= 15; n++) {
    f *= n;
    COEF.push(f64Parts(1 / f));
  }
}
const jam = (x: bigint, n: number, width: number): bigint =>
  n <= 0 ? x : n >= width ? (x !== 0n ? 1n : 0n) : (x >> BigInt(n)) | ((x & ((1n << BigInt(n)) - 1n)) !== 0n ? 1n : 0n);
function mulParts(a: Parts, b: Parts): Parts {
  if (a.frac === 0n || b.frac === 0n) return { neg: a.neg !== b.neg, exp: 0, frac: 0n };
  let p = a.frac * b.frac,
    exp = a.exp + b.exp + 1;
  if ((p & BIT127) === 0n) {
    p <<= 1n;
    exp--;
  }
  return { neg: a.neg !== b.neg, exp, frac: (p >> 64n) | ((p & M64) !== 0n ? 1n : 0n) };
}
/** a*b + c, one truncation with a sticky bit (softfloat's parts_muladd) */
function muladdParts(a: Parts, b: Parts, c: Parts): Parts {
  if (a.frac === 0n || b.frac === 0n) return c;
  let neg = a.neg !== b.neg;
  let p = a.frac * b.frac,
    exp = a.exp + b.exp + 1;
  if ((p & BIT127) === 0n) {
    p <<= 1n;
    exp--;
  }
  if (c.frac !== 0n) {
    let q = c.frac << 64n;
    const diff = exp - c.exp;
    if (neg === c.neg) {
      if (diff > 0) q = jam(q, diff, 128);
      else if (diff < 0) {
        p = jam(p, -diff, 128);
        exp = c.exp;
      }
      p += q;
      if (p > M128) {
        p = (p >> 1n) | (p & 1n) | BIT127;
        p &= M128;
        exp++;
      }
    } else {
      if (diff > 0) {
        q = jam(q, diff, 128);
        p -= q;
      } else if (diff < 0) {
        exp = c.exp;
        neg = !neg;
        p = q - jam(p, -diff, 128);
      } else {
        p -= q;
        if (p < 0n) {
          p = -p;
          neg = !neg;
        }
      }
      if (p === 0n) return { neg: false, exp: 0, frac: 0n };
      let sh = 0;
      while ((p & BIT127) === 0n) {
        p <<= 1n;
        sh++;
      }
      exp -= sh;
    }
  }
  return { neg, exp, frac: (p >> 64n) | ((p & M64) !== 0n ? 1n : 0n) };
}
/** softfloat's round-and-pack to float32, round to nearest even, flush-to-zero when nj */
function packF32(x: Parts, nj: boolean): number {
  const sign = x.neg ? 0x80000000 : 0;
  if (x.frac === 0n) return sign >>> 0;
  let frac = x.frac,
    e = x.exp + 127;
  const roundMask = (1n << 40n) - 1n,
    half = 1n << 39n,
    evenMask = (1n << 41n) - 1n;
  if (e > 0) {
    if (frac & roundMask) {
      frac += (frac & evenMask) !== half ? half : 0n;
      if (frac > M64) {
        frac = ((frac & M64) >> 1n) | BIT63;
        e++;
      }
      frac &= ~roundMask;
    }
    if (e >= 255) return (sign | 0x7f800000) >>> 0;
    return (sign | (e << 23) | Number((frac >> 40n) & 0x7fffffn)) >>> 0;
  }
  if (nj) return sign >>> 0;
  frac = jam(frac, 1 - e, 64);
  if (frac & roundMask) {
    frac += (frac & evenMask) !== half ? half : 0n;
    frac &= ~roundMask;
  }
  const ee = (frac & BIT63) !== 0n ? 1 : 0;
  return (sign | (ee << 23) | Number((frac >> 40n) & 0x7fffffn)) >>> 0;
}
function exp2Qemu(b: number, nj: boolean): number {
  // (b already flushed when nj; NaNs handled by the caller)
  const e = (b >>> 23) & 0xff,
    f = b & 0x7fffff,
    neg = b >>> 31 === 1;
  if (e === 0xff) return neg ? 0 : b; // infinities
  if (e === 0 && f === 0) return 0x3f800000;
  let xp: Parts;
  if (e !== 0) xp = { neg, exp: e - 127, frac: BigInt(f | 0x800000) << 40n };
  else {
    let frac = BigInt(f) << 40n,
      exp = -126;
    while ((frac & BIT63) === 0n) {
      frac <<= 1n;
      exp--;
    }
    xp = { neg, exp, frac };
  }
  xp = mulParts(xp, LN2);
  let xnp = xp,
    rp = ONE;
  for (let k = 0; k < 15; k++) {
    rp = muladdParts(COEF[k], xnp, rp);
    xnp = mulParts(xnp, xp);
  }
  return packF32(rp, nj);
}

export function isVmxFloat(i: number): boolean {
  return (i >= Vmx.VADDFP && i <= Vmx.VCTSXS) || (i >= Vmx.VCMPEQFP && i <= Vmx.VCMPBFP);
}

/** with NJ a denormal operand is a signed zero (qemu flushes inputs as well as results) */
const flushIn = (b: number, nj: boolean) => (nj && (b & 0x7f800000) === 0 ? (b & 0x80000000) >>> 0 : b);

function two(op: number, a: number, b: number, nj: boolean): number {
  a = flushIn(a, nj);
  b = flushIn(b, nj);
  if (isNan(a)) return quiet(a);
  if (isNan(b)) return quiet(b);
  const x = val(a),
    y = val(b);
  switch (op) {
    case Vmx.VADDFP:
      return res(x + y, nj);
    case Vmx.VSUBFP:
      return res(x - y, nj);
    case Vmx.VMAXFP:
      return x > y || (x === y && (a & 0x80000000) === 0) ? a : b;
    default:
      return x < y || (x === y && (a & 0x80000000) !== 0) ? a : b; // VMINFP
  }
}

function one(op: number, b: number, nj: boolean): number {
  b = flushIn(b, nj);
  if (isNan(b)) return quiet(b);
  const x = val(b);
  switch (op) {
    case Vmx.VREFP:
      return res(1 / x, nj);
    case Vmx.VRSQRTEFP: {
      if (x < 0) return DEFAULT_NAN;
      const s = Math.fround(Math.sqrt(x));
      return res(1 / s, nj);
    }
    case Vmx.VEXPTEFP:
      return exp2Qemu(b, nj);
    case Vmx.VLOGEFP:
      return x < 0 ? DEFAULT_NAN : res(Math.log2(x), nj);
    case Vmx.VRFIN:
    case Vmx.VRFIZ:
    case Vmx.VRFIP:
    case Vmx.VRFIM: {
      if (!Number.isFinite(x)) return b;
      let r: number;
      if (op === Vmx.VRFIZ) r = Math.trunc(x);
      else if (op === Vmx.VRFIP) r = Math.ceil(x);
      else if (op === Vmx.VRFIM) r = Math.floor(x);
      else {
        r = Math.round(x);
        if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
      }
      if (r === 0) return (b & 0x80000000) >>> 0; // keeps the sign of the operand
      return bits(r, false);
    }
  }
  return DEFAULT_NAN;
}

function setCr6(t: ThreadState, v: number): void {
  t.crNum = (t.crNum & ~0xf0) | (v << 4);
}

export function execVmxFloat(_core: ExecCore, t: ThreadState, i: number, w: number, _pc: number): number {
  const A = readVsr(t, 32 + ((w >>> 16) & 31), VA),
    B = readVsr(t, 32 + ((w >>> 11) & 31), VB),
    R: Lanes = VR;
  const nj = (t.vscr & VSCR_NJ) !== 0;
  const a = A.u32,
    b = B.u32,
    r = R.u32;
  SAT.hit = false;
  switch (i) {
    case Vmx.VADDFP:
    case Vmx.VSUBFP:
    case Vmx.VMAXFP:
    case Vmx.VMINFP:
      for (let k = 0; k < 4; k++) r[k] = two(i, a[k], b[k], nj);
      break;
    case Vmx.VMADDFP:
    case Vmx.VNMSUBFP: {
      const c = readVsr(t, 32 + ((w >>> 6) & 31), VC).u32;
      for (let k = 0; k < 4; k++) {
        a[k] = flushIn(a[k], nj);
        b[k] = flushIn(b[k], nj);
        c[k] = flushIn(c[k], nj);
        // (VRA * VRC) + VRB; vnmsubfp = -((VRA * VRC) - VRB)
        if (isNan(a[k])) r[k] = quiet(a[k]);
        else if (isNan(b[k])) r[k] = quiet(b[k]);
        else if (isNan(c[k])) r[k] = quiet(c[k]);
        else {
          const x = val(a[k]),
            z = val(c[k]),
            y = val(b[k]);
          const neg = i === Vmx.VNMSUBFP;
          const s = fma32(x, z, neg ? -y : y);
          if (Number.isNaN(s)) r[k] = DEFAULT_NAN;
          else if (nj && fmaTiny) r[k] = fmaNeg !== neg ? 0x80000000 : 0;
          else r[k] = bits(neg ? -s : s, nj);
        }
      }
      break;
    }
    case Vmx.VREFP:
    case Vmx.VRSQRTEFP:
    case Vmx.VEXPTEFP:
    case Vmx.VLOGEFP:
    case Vmx.VRFIN:
    case Vmx.VRFIZ:
    case Vmx.VRFIP:
    case Vmx.VRFIM:
      for (let k = 0; k < 4; k++) r[k] = one(i, b[k], nj);
      break;
    case Vmx.VCFUX:
    case Vmx.VCFSX: {
      const sc = 2 ** -((w >>> 16) & 31);
      for (let k = 0; k < 4; k++) r[k] = bits((i === Vmx.VCFUX ? b[k] : B.i32[k]) * sc, nj);
      break;
    }
    case Vmx.VCTUXS:
    case Vmx.VCTSXS: {
      const sc = 2 ** ((w >>> 16) & 31);
      for (let k = 0; k < 4; k++) {
        b[k] = flushIn(b[k], nj);
        if (isNan(b[k])) {
          r[k] = 0;
          continue;
        }
        const x = Math.trunc(val(b[k]) * sc);
        if (i === Vmx.VCTUXS) r[k] = satU(x, 32);
        else R.i32[k] = satS(x, 32);
      }
      break;
    }
    case Vmx.VCMPEQFP:
    case Vmx.VCMPGTFP:
    case Vmx.VCMPGEFP:
    case Vmx.VCMPBFP: {
      let all = true,
        none = true;
      for (let k = 0; k < 4; k++) {
        a[k] = flushIn(a[k], nj);
        b[k] = flushIn(b[k], nj);
        const nan = isNan(a[k]) || isNan(b[k]);
        const x = val(a[k]),
          y = val(b[k]);
        let v: number;
        if (i === Vmx.VCMPBFP) {
          v = nan ? 0xc0000000 : ((x <= y ? 0 : 0x80000000) | (x >= -y ? 0 : 0x40000000)) >>> 0;
          if (v !== 0) all = false;
        } else {
          const ok = !nan && (i === Vmx.VCMPEQFP ? x === y : i === Vmx.VCMPGTFP ? x > y : x >= y);
          v = ok ? 0xffffffff : 0;
          if (ok) none = false;
          else all = false;
        }
        r[k] = v;
      }
      if (w & 0x400) setCr6(t, i === Vmx.VCMPBFP ? (all ? 2 : 0) : (all ? 8 : 0) | (none ? 2 : 0));
      break;
    }
  }
  if (SAT.hit) t.vscr |= VSCR_SAT;
  writeVsr(t, 32 + ((w >>> 21) & 31), R);
  return COLD_NEXT;
}
