// Vector helpers shared by the VMX and VSX executors (and the prefixed family's xxeval, xxblendv,
// xxpermx, xxsplti*): 128-bit scratch values in the register file's layout, element access by ISA
// index, saturation, permutes and the pure operations of the VSX instructions.
//
// Layout (thread-state.ts): each VSR is ONE little-endian 128-bit number. So in a Lanes value, ISA
// byte k is u8[15 - k], ISA halfword k is u16[7 - k], ISA word k is u32[3 - k], ISA doubleword k is
// u64[1 - k]. Element-wise operations ignore the order entirely; the order only matters where
// elements move (permute, merge, pack, even/odd).
//
// Pure TypeScript, no allocation per call: the scratch values are module-level.
import type { ThreadState } from '../thread-state';

/** One 128-bit value with every element view. */
export class Lanes {
  readonly buf = new ArrayBuffer(16);
  readonly u8 = new Uint8Array(this.buf);
  readonly i8 = new Int8Array(this.buf);
  readonly u16 = new Uint16Array(this.buf);
  readonly i16 = new Int16Array(this.buf);
  readonly u32 = new Uint32Array(this.buf);
  readonly i32 = new Int32Array(this.buf);
  readonly f32 = new Float32Array(this.buf);
  readonly u64 = new BigUint64Array(this.buf);
  readonly i64 = new BigInt64Array(this.buf);
}

/** Scratch operands and result (an executor reads sources into A/B/C, computes R, writes R back). */
export const VA = new Lanes();
export const VB = new Lanes();
export const VC = new Lanes();
export const VR = new Lanes();
/** a second result (paired registers) */
export const VR2 = new Lanes();

// ---- ISA element index -> storage index ------------------------------------------------------
export const bIx = (k: number) => 15 - k;
export const hIx = (k: number) => 7 - k;
export const wIx = (k: number) => 3 - k;
export const dIx = (k: number) => 1 - k;

// ---- register file <-> scratch ---------------------------------------------------------------
/** Copies VSR n into `to` (4 int32 moves). */
export function readVsr(t: ThreadState, n: number, to: Lanes): Lanes {
  const v = t.vsr,
    b = n << 2,
    d = to.i32;
  d[0] = v[b];
  d[1] = v[b + 1];
  d[2] = v[b + 2];
  d[3] = v[b + 3];
  return to;
}
/** Copies `from` into VSR n. */
export function writeVsr(t: ThreadState, n: number, from: Lanes): void {
  const v = t.vsr,
    b = n << 2,
    s = from.i32;
  v[b] = s[0];
  v[b + 1] = s[1];
  v[b + 2] = s[2];
  v[b + 3] = s[3];
}
/** A Lanes value as [doubleword 0, doubleword 1] (tests, debugging). */
export function toDwords(x: Lanes): [bigint, bigint] {
  return [x.u64[1], x.u64[0]];
}
export function fromDwords(x: Lanes, hi: bigint, lo: bigint): Lanes {
  x.u64[1] = BigInt.asUintN(64, hi);
  x.u64[0] = BigInt.asUintN(64, lo);
  return x;
}
export function toBig128(x: Lanes): bigint {
  return (x.u64[1] << 64n) | x.u64[0];
}
export function fromBig128(x: Lanes, v: bigint): Lanes {
  x.u64[0] = BigInt.asUintN(64, v);
  x.u64[1] = BigInt.asUintN(64, v >> 64n);
  return x;
}

// ---- saturation (the caller ORs `sat` into VSCR[SAT] when it is set) -------------------------
export const VSCR_SAT = 1;
export const VSCR_NJ = 0x00010000;

/** Saturation state of the current instruction: set by the sat* helpers, read and cleared by the executor. */
export const SAT = { hit: false };

export function satS(x: number, bits: number): number {
  const max = 2 ** (bits - 1) - 1,
    min = -(2 ** (bits - 1));
  if (x > max) {
    SAT.hit = true;
    return max;
  }
  if (x < min) {
    SAT.hit = true;
    return min;
  }
  return x;
}
export function satU(x: number, bits: number): number {
  const max = 2 ** bits - 1;
  if (x > max) {
    SAT.hit = true;
    return max;
  }
  if (x < 0) {
    SAT.hit = true;
    return 0;
  }
  return x;
}
export function satSBig(x: bigint, bits: number): bigint {
  const max = (1n << BigInt(bits - 1)) - 1n,
    min = -(1n << BigInt(bits - 1));
  if (x > max) {
    SAT.hit = true;
    return max;
  }
  if (x < min) {
    SAT.hit = true;
    return min;
  }
  return x;
}
export function satUBig(x: bigint, bits: number): bigint {
  const max = (1n << BigInt(bits)) - 1n;
  if (x > max) {
    SAT.hit = true;
    return max;
  }
  if (x < 0n) {
    SAT.hit = true;
    return 0n;
  }
  return x;
}

// ---- counting ---------------------------------------------------------------------------------
export function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
export function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}

// ---- permutes (the pure operations; src/dst are Lanes, any may alias only as noted) ----------

/**
 * vperm/xxperm: result byte i = byte (c[i] & 31) of the 32-byte concatenation a||b (ISA order).
 * `right` (vpermr/xxpermr): the index is 31 - (c[i] & 31). r must not alias a, b or c.
 */
export function permBytes(r: Lanes, a: Lanes, b: Lanes, c: Lanes, right: boolean): void {
  const ra = r.u8,
    aa = a.u8,
    bb = b.u8,
    cc = c.u8;
  for (let i = 0; i < 16; i++) {
    let k = cc[15 - i] & 31;
    if (right) k = 31 - k;
    ra[15 - i] = k < 16 ? aa[15 - k] : bb[31 - k];
  }
}

/** xxpermx (prefixed, POWER10): as xxperm, but selector bytes whose top 3 bits differ from uim give 0. */
export function permxBytes(r: Lanes, a: Lanes, b: Lanes, c: Lanes, uim: number): void {
  const ra = r.u8,
    aa = a.u8,
    bb = b.u8,
    cc = c.u8;
  for (let i = 0; i < 16; i++) {
    const s = cc[15 - i];
    if (s >>> 5 !== (uim & 7)) {
      ra[15 - i] = 0;
      continue;
    }
    const k = s & 31;
    ra[15 - i] = k < 16 ? aa[15 - k] : bb[31 - k];
  }
}

/** xxeval (prefixed, POWER10): bit i of the result is bit (a_i b_i c_i as a 3-bit number, from the
 * left) of the 8-bit truth table imm, IBM order: imm bit 0 (0x80) is the a=b=c=0 case. */
export function evalBits(r: Lanes, a: Lanes, b: Lanes, c: Lanes, imm: number): void {
  const ra = r.i32,
    aa = a.i32,
    bb = b.i32,
    cc = c.i32;
  for (let w = 0; w < 4; w++) {
    const x = aa[w],
      y = bb[w],
      z = cc[w];
    let v = 0;
    for (let k = 0; k < 8; k++) {
      if (((imm >>> (7 - k)) & 1) === 0) continue;
      const ma = k & 4 ? x : ~x,
        mb = k & 2 ? y : ~y,
        mc = k & 1 ? z : ~z;
      v |= ma & mb & mc;
    }
    ra[w] = v;
  }
}

/** xxblendvb/h/w/d (prefixed, POWER10): each element from b where c's element has its sign bit set,
 * else from a. size in bytes. */
export function blendv(r: Lanes, a: Lanes, b: Lanes, c: Lanes, size: 1 | 2 | 4 | 8): void {
  const ra = r.u8,
    aa = a.u8,
    bb = b.u8,
    cc = c.u8;
  for (let e = 0; e < 16; e += size) {
    const pick = (cc[e + size - 1] & 0x80) !== 0 ? bb : aa;
    for (let i = e; i < e + size; i++) ra[i] = pick[i];
  }
}

/** xxspltiw (prefixed): every word = imm32. */
export function spltiw(r: Lanes, imm32: number): void {
  r.i32[0] = r.i32[1] = r.i32[2] = r.i32[3] = imm32;
}
/** xxsplti32dx (prefixed): word ix (0 or 1) of each doubleword = imm32, the rest of r unchanged. */
export function splti32dx(r: Lanes, ix: number, imm32: number): void {
  // ISA words ix and ix+2: storage words 3-ix and 1-ix
  r.i32[3 - ix] = imm32;
  r.i32[1 - ix] = imm32;
}

// ---- single <-> double formats without rounding (lxsspx, stxsspx: ConvertSPtoDP_NS / DPtoSP_NS) --

/** The double-precision bits (as [hi, lo] 32-bit halves) of a single-precision value's bits, exactly
 * as the load-single conversion makes them (NaNs keep their payload, no quieting; denormals normalised). */
export function spToDpBits(sp: number, out: Int32Array): void {
  const s = sp >>> 31,
    e = (sp >>> 23) & 0xff;
  let f = sp & 0x7fffff;
  let hi: number, lo: number;
  if (e === 0xff) {
    hi = (s << 31) | 0x7ff00000 | (f >>> 3);
    lo = (f & 7) << 29;
  } else if (e !== 0) {
    const de = e - 127 + 1023;
    hi = (s << 31) | (de << 20) | (f >>> 3);
    lo = (f & 7) << 29;
  } else if (f === 0) {
    hi = s << 31;
    lo = 0;
  } else {
    // denormal: normalise
    let de = 1 - 127 + 1023;
    while ((f & 0x800000) === 0) {
      f <<= 1;
      de--;
    }
    f &= 0x7fffff;
    hi = (s << 31) | (de << 20) | (f >>> 3);
    lo = (f & 7) << 29;
  }
  out[0] = hi | 0;
  out[1] = lo | 0;
}

/** The single-precision bits of a double's bits (hi, lo), as the store-single conversion makes them:
 * no rounding (the fraction is truncated), tiny values denormalised, NaN payloads kept. */
export function dpToSpBits(hi: number, lo: number): number {
  const s = hi >>> 31,
    e = (hi >>> 20) & 0x7ff;
  if (e > 896) {
    // normal single range, or Inf/NaN (and values too large: the high bits are kept, as stfs does)
    return ((hi & 0xc0000000) | (((hi >>> 0) << 3) & 0x3ffffff8) | (lo >>> 29)) >>> 0;
  }
  if (e >= 874) {
    // denormalise: the implicit 1 and the fraction shifted right by 897 - e
    const sh = 897 - e;
    // fraction with the implicit bit: 53 bits; keep the top 24 (1 + 23) then shift
    const mantHi = (hi & 0xfffff) | 0x100000; // 21 bits
    const top24 = ((mantHi << 3) | (lo >>> 29)) >>> 0; // 24 bits
    return ((s << 31) | (top24 >>> sh)) >>> 0;
  }
  // zero, or too small: the ISA leaves it undefined; qemu gives a signed zero
  return (s << 31) >>> 0;
}
