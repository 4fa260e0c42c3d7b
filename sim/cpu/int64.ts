// 64-bit integer arithmetic on 32-bit halves (signed int32 hi/lo, as the register file stores them),
// without BigInt: the multiplications and divisions that compiled C runs in loops. Results go to
// the module-level R_HI/R_LO (no allocation); callers copy them out at once.
//
// The BigInt versions these replace are the reference of test/cpu/int64.test.ts.

/** the result of the last operation (signed 32-bit halves) */
export const R = new Int32Array(2);
const TWO32 = 4294967296;

/** The high 32 bits of the unsigned 64-bit product of two unsigned 32-bit numbers (as int32). */
export function mulhu32(a: number, b: number): number {
  const a0 = a & 0xffff,
    a1 = a >>> 16,
    b0 = b & 0xffff,
    b1 = b >>> 16;
  const p01 = a0 * b1,
    p10 = a1 * b0;
  // every term below 2^53: the sum of the middle products and the carry of the low one
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + Math.floor(mid / 65536)) | 0;
}

/** The high 32 bits of the signed 64-bit product of two signed 32-bit numbers (as int32). */
export function mulhs32(a: number, b: number): number {
  // the unsigned high word, corrected for each negative operand (subtract the other one)
  let h = mulhu32(a, b);
  if (a < 0) h = (h - b) | 0;
  if (b < 0) h = (h - a) | 0;
  return h;
}

/** The low 64 bits of a 64 x 64-bit product (either signedness): into R. */
export function mul64(ah: number, al: number, bh: number, bl: number): void {
  R[1] = Math.imul(al, bl);
  R[0] = (mulhu32(al, bl) + Math.imul(al, bh) + Math.imul(ah, bl)) | 0;
}

/** The high 64 bits of the unsigned 128-bit product of two unsigned 64-bit numbers: into R. */
export function mulhu64(ah: number, al: number, bh: number, bl: number): void {
  // 32-bit limbs: a = ah:al, b = bh:bl; the product's words w0 (lowest) .. w3
  const ll_hi = mulhu32(al, bl) >>> 0;
  const lh_lo = Math.imul(al, bh) >>> 0,
    lh_hi = mulhu32(al, bh) >>> 0;
  const hl_lo = Math.imul(ah, bl) >>> 0,
    hl_hi = mulhu32(ah, bl) >>> 0;
  const hh_lo = Math.imul(ah, bh) >>> 0,
    hh_hi = mulhu32(ah, bh) >>> 0;
  // w1 = ll_hi + lh_lo + hl_lo (carry c1 into w2)
  const s1 = ll_hi + lh_lo + hl_lo;
  const c1 = Math.floor(s1 / TWO32);
  const s2 = lh_hi + hl_hi + hh_lo + c1;
  const c2 = Math.floor(s2 / TWO32);
  R[1] = s2 | 0;
  R[0] = (hh_hi + c2) | 0;
}

/** The high 64 bits of the signed 128-bit product of two signed 64-bit numbers: into R. */
export function mulhs64(ah: number, al: number, bh: number, bl: number): void {
  mulhu64(ah, al, bh, bl);
  let h = R[0],
    l = R[1];
  // unsigned high part, minus b if a < 0 and minus a if b < 0 (mod 2^64)
  if (ah < 0) {
    const nl = (l - bl) | 0;
    h = (h - bh - (l >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
    l = nl;
  }
  if (bh < 0) {
    const nl = (l - al) | 0;
    h = (h - ah - (l >>> 0 < al >>> 0 ? 1 : 0)) | 0;
    l = nl;
  }
  R[0] = h;
  R[1] = l;
}

/** Adds hi:lo of two 64-bit values into R (mod 2^64); returns the carry out (0 or 1). */
export function add64(ah: number, al: number, bh: number, bl: number): number {
  const l = (al + bl) | 0;
  const c = l >>> 0 < al >>> 0 ? 1 : 0;
  const hs = (ah >>> 0) + (bh >>> 0) + c;
  R[0] = hs | 0;
  R[1] = l;
  return hs >= TWO32 ? 1 : 0;
}

/** A 64-bit value as a number when it is exact (|v| < 2^53), else NaN. Signed view. */
export function toNumS(h: number, l: number): number {
  // -2^21 <= h < 2^21: the value fits in 53 bits with its sign
  if (h >= -0x200000 && h < 0x200000) return h * TWO32 + (l >>> 0);
  return NaN;
}
/** Unsigned view: exact below 2^53, else NaN. */
export function toNumU(h: number, l: number): number {
  const u = h >>> 0;
  return u < 0x200000 ? u * TWO32 + (l >>> 0) : NaN;
}
/** Stores a number known to be an integer with |v| < 2^64 (two's complement) into R. */
export function fromNum(v: number): void {
  const lo = v % TWO32; // exact
  const l = lo < 0 ? lo + TWO32 : lo;
  R[1] = l | 0;
  R[0] = ((v - l) / TWO32) | 0;
}

/** Count of trailing zeros of a 32-bit value (32 for 0). */
export function ctz32(x: number): number {
  return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}
/** Population count of a 32-bit value. */
export function popcnt32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
/** Bytes of a 32-bit value reversed. */
export function bswap32(x: number): number {
  return (x << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24) | 0;
}

/**
 * Unsigned 64-bit division a / b (b != 0): the quotient into R, the remainder into REM. In numbers
 * while both are below 2^53 or the divisor is below 2^32 (long division by 16-bit pieces: every
 * step exact), else through BigInt.
 */
export const REM = new Int32Array(2);
export function divu64(ah: number, al: number, bh: number, bl: number): void {
  const ua = ah >>> 0,
    ub = bh >>> 0;
  if (ua < 0x200000 && ub < 0x200000) {
    const x = ua * TWO32 + (al >>> 0),
      y = ub * TWO32 + (bl >>> 0);
    const q = Math.floor(x / y);
    const r = x - q * y;
    R[1] = (q % TWO32) | 0;
    R[0] = Math.floor(q / TWO32) | 0;
    REM[1] = (r % TWO32) | 0;
    REM[0] = Math.floor(r / TWO32) | 0;
    return;
  }
  if (ub === 0) {
    const d = bl >>> 0;
    let cur = (ah >>> 16) & 0xffff;
    const q0 = Math.floor(cur / d);
    cur = (cur - q0 * d) * 65536 + (ah & 0xffff);
    const q1 = Math.floor(cur / d);
    cur = (cur - q1 * d) * 65536 + ((al >>> 16) & 0xffff);
    const q2 = Math.floor(cur / d);
    cur = (cur - q2 * d) * 65536 + (al & 0xffff);
    const q3 = Math.floor(cur / d);
    R[0] = (q0 << 16) | q1 | 0;
    R[1] = (q2 << 16) | q3 | 0;
    REM[0] = 0;
    REM[1] = (cur - q3 * d) | 0;
    return;
  }
  const x = (BigInt(ua) << 32n) | BigInt(al >>> 0),
    y = (BigInt(ub) << 32n) | BigInt(bl >>> 0);
  const q = x / y,
    r = x % y;
  R[0] = Number(q >> 32n) | 0;
  R[1] = Number(q & 0xffffffffn) | 0;
  REM[0] = Number(r >> 32n) | 0;
  REM[1] = Number(r & 0xffffffffn) | 0;
}

/** Negates hi:lo in place (two's complement) into R. */
export function neg64(h: number, l: number): void {
  const nl = -l | 0;
  R[1] = nl;
  R[0] = (~h + (nl === 0 ? 1 : 0)) | 0;
}
