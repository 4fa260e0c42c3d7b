// Operand values for the floating-point tests: a seeded generator mixing random bit patterns with
// the edge values where rounding and exceptions live (signed zeros, infinities, quiet and signaling
// NaNs, denormals, the extremes of each format, values next to rounding boundaries and powers of
// two, integers near 2^31/2^32/2^63/2^64). Fixed seeds: every run tests the same values.

/** xorshift128+ on two 32-bit halves: deterministic, no BigInt */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  constructor(seed: number) {
    this.s0 = seed | 0 || 1;
    this.s1 = (seed * 7919) | 0 || 2;
    this.s2 = (seed * 104729) | 0 || 3;
    this.s3 = (seed * 1299709) | 0 || 4;
    for (let i = 0; i < 20; i++) this.u32();
  }
  /** a uniformly random unsigned 32-bit value (xoshiro128**) */
  u32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }
  /** an integer in [0, n) */
  int(n: number): number {
    return Math.floor((this.u32() / 4294967296) * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
}
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

export const bitsOf = (x: number): bigint => ((F64[0] = x), U64[0]);
export const fromBits = (b: bigint): number => ((U64[0] = BigInt.asUintN(64, b)), F64[0]);
export const bits32Of = (x: number): number => ((F32[0] = x), U32[0]);
export const from32 = (b: number): number => ((U32[0] = b >>> 0), F32[0]);

/** special double bit patterns */
export const D_EDGES: bigint[] = [
  0x0000000000000000n,
  0x8000000000000000n, // +-0
  0x7ff0000000000000n,
  0xfff0000000000000n, // +-inf
  0x7ff8000000000000n,
  0xfff8000000000000n,
  0x7ff8000000000001n,
  0x7fffffffffffffffn, // QNaNs
  0x7ff0000000000001n,
  0xfff4000000000000n,
  0x7ff7ffffffffffffn,
  0x7ff00000e0000000n, // SNaNs
  0x0000000000000001n,
  0x8000000000000001n,
  0x000fffffffffffffn,
  0x800fffffffffffffn, // denormals
  0x0008000000000000n,
  0x0000000080000000n,
  0x0010000000000000n,
  0x8010000000000000n,
  0x0010000000000001n, // min normal
  0x7fefffffffffffffn,
  0xffefffffffffffffn,
  0x7fe0000000000000n, // max
  0x3ff0000000000000n,
  0xbff0000000000000n,
  0x3ff0000000000001n,
  0x3fefffffffffffffn, // 1 and neighbours
  0x4000000000000000n,
  0x3fe0000000000000n,
  0x3fe0000000000001n,
  0x3fdfffffffffffffn, // 2, 0.5
  0x3ff8000000000000n,
  0x4004000000000000n,
  0xc004000000000000n,
  0x3ff4000000000000n, // 1.5 2.5 -2.5 1.25
  0x4330000000000000n,
  0x4330000000000001n,
  0x433fffffffffffffn,
  0x4340000000000000n, // 2^52, 2^53
  0x41dfffffffc00000n,
  0x41e0000000000000n,
  0xc1e0000000000000n,
  0xc1e0000000200000n, // 2^31-1, +-2^31
  0x41efffffffe00000n,
  0x41f0000000000000n,
  0x41dfffffffffffffn,
  0x41efffffffffffffn, // 2^32-1, 2^32
  0x43dfffffffffffffn,
  0x43e0000000000000n,
  0xc3e0000000000000n,
  0xc3e0000000000001n, // 2^63
  0x43efffffffffffffn,
  0x43f0000000000000n,
  0xbfe0000000000000n,
  0xbfefffffffffffffn, // 2^64, -0.5, -1+
  0x36a0000000000000n,
  0x3690000000000000n,
  0x36a0000000000001n,
  0x380fffffe0000000n, // single denormal range
  0x3810000000000000n,
  0x380ffffff0000000n,
  0x47efffffe0000000n,
  0x47efffffefffffffn, // single min normal, max
  0x47effffff0000000n,
  0x47f0000000000000n,
  0x3ff0000010000000n,
  0x3ff0000030000000n, // single ties
  0x3ff0000010000001n,
  0x3ff000000fffffffn,
];

/** special single bit patterns */
export const S_EDGES: number[] = [
  0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7fc00001, 0x7fffffff, 0x7f800001,
  0xff800001, 0x7fbfffff, 0x00000001, 0x80000001, 0x007fffff, 0x807fffff, 0x00400000, 0x00800000, 0x80800000,
  0x00800001, 0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000, 0x3f800001, 0x3f7fffff, 0x3f000000, 0x3fc00000,
  0x40200000, 0xc0200000, 0x4b000000, 0x4b7fffff, 0x4b800000, 0x4effffff, 0x4f000000, 0xcf000000, 0xcf000001,
  0x4f7fffff, 0x4f800000, 0x5effffff, 0x5f000000, 0xdf000000, 0x5f7fffff, 0x5f800000, 0xbf000000, 0x477fe000,
  0x477ff000, 0x38800000, 0x33800000,
];

/** A double bit pattern: random, near an edge, or with few significant bits. */
export function randDouble(r: Rng): bigint {
  const hi = () => BigInt(r.u32());
  const lo = () => BigInt(r.u32());
  switch (r.int(10)) {
    case 0:
    case 1:
      return r.pick(D_EDGES);
    case 2: {
      // an edge value nudged by a few ulps
      const b = r.pick(D_EDGES);
      return BigInt.asUintN(64, b + BigInt(r.int(7) - 3));
    }
    case 3: {
      // exponent near 0 (values around 1), random fraction
      const e = BigInt(1023 - 8 + r.int(16));
      return (BigInt(r.int(2)) << 63n) | (e << 52n) | (((hi() << 32n) | lo()) & 0xfffffffffffffn);
    }
    case 4: {
      // few significant bits (exact sums and products, ties)
      const e = BigInt(1023 - 30 + r.int(60));
      const f = BigInt((r.u32() & 0xff000000) >>> 0) << 20n;
      return (BigInt(r.int(2)) << 63n) | (e << 52n) | f;
    }
    case 5: {
      // a single-precision value (fraction low 29 bits clear), in range
      const e = BigInt(1023 - 126 + r.int(254));
      return (BigInt(r.int(2)) << 63n) | (e << 52n) | (BigInt(r.u32() & 0x7fffff) << 29n);
    }
    case 6: {
      // extreme exponents: tiny, huge, denormal
      const e = BigInt(r.pick([0, 1, 2, 30, 60, 1990, 2000, 2045, 2046, 890, 896, 897, 870, 1150, 1151, 1152]));
      return (BigInt(r.int(2)) << 63n) | (e << 52n) | (((hi() << 32n) | lo()) & 0xfffffffffffffn);
    }
    case 7: {
      // integers and halves near conversion limits
      const base = r.pick([0, 1, 2 ** 31, 2 ** 32, 2 ** 52, 2 ** 53, 2 ** 63, 2 ** 64, 1e6, 3]);
      const v = (base + (r.int(9) - 4) * r.pick([0.25, 0.5, 1, 1024, 2048])) * (r.int(3) === 0 ? -1 : 1);
      return bitsOf(v);
    }
    default:
      return (hi() << 32n) | lo();
  }
}

/** A single bit pattern: random, near an edge, or simple. */
export function randSingle(r: Rng): number {
  switch (r.int(8)) {
    case 0:
    case 1:
      return r.pick(S_EDGES);
    case 2:
      return (r.pick(S_EDGES) + r.int(5) - 2) >>> 0;
    case 3:
      return ((r.int(2) << 31) | ((127 - 6 + r.int(12)) << 23) | (r.u32() & 0x7fffff)) >>> 0;
    case 4:
      return ((r.int(2) << 31) | ((127 - 20 + r.int(40)) << 23) | (r.u32() & 0x7f0000)) >>> 0;
    case 5:
      return ((r.int(2) << 31) | (r.pick([0, 1, 2, 20, 230, 250, 253, 254]) << 23) | (r.u32() & 0x7fffff)) >>> 0;
    default:
      return r.u32();
  }
}
