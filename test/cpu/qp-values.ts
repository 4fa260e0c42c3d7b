// Operand values for the quad-precision tests: a seeded generator mixing random binary128 bit
// patterns with the edge values where rounding and exceptions live (signed zeros, infinities, quiet
// and signaling NaNs, subnormals, the extremes, values next to powers of two and rounding
// boundaries of quad and double, integers near 2^31/2^32/2^63/2^64/2^112/2^127/2^128), and the
// cases (operands x four rounding modes x clear and sticky FPSCR) built from them.
import type { Case } from './fp-harness';
import { randDouble, Rng } from './fp-values';

const BIAS = 16383n;
const FRAC = (1n << 112n) - 1n;
const SIGN = 1n << 127n;
/** a quad from sign, biased exponent, fraction */
export const q = (neg: boolean | number, e: bigint | number, f: bigint): bigint =>
  (neg ? SIGN : 0n) | (BigInt(e) << 112n) | (f & FRAC);
/** the quad of an integer (exact for |v| < 2^113) */
export function qInt(v: bigint): bigint {
  if (v === 0n) return 0n;
  const neg = v < 0n;
  const a = neg ? -v : v;
  const L = BigInt(a.toString(2).length);
  return q(neg, BIAS + L - 1n, L - 1n <= 112n ? a << (113n - L) : a >> (L - 113n));
}
/** 2^k (k in the normal range) */
const pow2 = (k: number, neg = false) => q(neg, BIAS + BigInt(k), 0n);

export const Q_EDGES: bigint[] = [
  0n,
  SIGN, // +-0
  q(0, 0x7fff, 0n),
  q(1, 0x7fff, 0n), // +-inf
  q(0, 0x7fff, 1n << 111n),
  q(1, 0x7fff, 1n << 111n),
  q(0, 0x7fff, (1n << 111n) | 1n),
  q(0, 0x7fff, FRAC), // QNaNs
  q(0, 0x7fff, 1n),
  q(1, 0x7fff, 1n << 110n),
  q(0, 0x7fff, (1n << 111n) - 1n),
  q(0, 0x7fff, 0xabcdn << 60n), // SNaNs
  q(0, 0, 1n),
  q(1, 0, 1n),
  q(0, 0, FRAC),
  q(1, 0, FRAC),
  q(0, 0, 1n << 111n),
  q(0, 0, 1n << 60n), // subnormals
  q(0, 1, 0n),
  q(1, 1, 0n),
  q(0, 1, 1n), // min normal
  q(0, 0x7ffe, FRAC),
  q(1, 0x7ffe, FRAC),
  q(0, 0x7ffe, 0n),
  q(0, 0x7ffd, FRAC), // max
  pow2(0),
  pow2(0, true),
  q(0, BIAS, 1n),
  q(0, BIAS - 1n, FRAC), // 1 and neighbours
  pow2(1),
  pow2(-1),
  q(0, BIAS - 1n, 1n),
  q(0, BIAS - 2n, FRAC), // 2, 0.5
  q(0, BIAS, 1n << 111n),
  q(0, BIAS + 1n, 1n << 110n),
  q(1, BIAS + 1n, 1n << 110n),
  q(0, BIAS, 1n << 110n), // 1.5 2.5 -2.5 1.25
  q(1, BIAS - 1n, 0n),
  q(0, BIAS - 1n, 1n << 111n),
  q(1, BIAS, 1n << 111n), // -0.5, 0.75, -1.5
  pow2(112),
  qInt((1n << 112n) + 1n),
  qInt((1n << 113n) - 1n),
  pow2(113),
  q(0, BIAS + 111n, FRAC), // integer limits
  qInt((1n << 31n) - 1n),
  pow2(31),
  pow2(31, true),
  qInt(-(1n << 31n) - 1n),
  qInt((1n << 32n) - 1n),
  pow2(32), // 2^31, 2^32
  qInt((1n << 63n) - 1n),
  pow2(63),
  pow2(63, true),
  qInt(-(1n << 63n) - 1n),
  q(0, BIAS + 62n, FRAC),
  q(1, BIAS + 63n, 1n), // 2^63
  qInt((1n << 64n) - 1n),
  pow2(64),
  q(0, BIAS + 63n, FRAC),
  q(0, BIAS + 64n, 1n), // 2^64
  q(0, BIAS + 126n, FRAC),
  pow2(127),
  pow2(127, true),
  q(1, BIAS + 127n, 1n),
  q(1, BIAS + 126n, FRAC), // 2^127
  q(0, BIAS + 127n, FRAC),
  pow2(128),
  q(0, BIAS + 128n, 1n), // 2^128
  q(0, BIAS + 1023n, FRAC),
  q(0, BIAS + 1023n, ((1n << 52n) - 1n) << 60n),
  pow2(1024),
  q(0, BIAS + 1023n, (((1n << 52n) - 1n) << 60n) | (1n << 59n)), // double max
  pow2(-1022),
  q(0, BIAS - 1023n, FRAC),
  pow2(-1074),
  pow2(-1075),
  q(0, BIAS - 1075n, 1n),
  q(1, BIAS - 1074n, 1n << 111n), // double min
  q(0, BIAS, 1n << 59n),
  q(0, BIAS, (1n << 59n) | 1n),
  q(0, BIAS, 3n << 59n),
  q(0, BIAS, (1n << 59n) - 1n), // double ties
  pow2(16383),
  q(0, 0x7ffe, 1n << 111n),
  pow2(-16382),
  pow2(-16300), // exponent extremes
];

function rnd128(r: Rng): bigint {
  let v = 0n;
  for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(r.u32());
  return v;
}

/** A quad bit pattern: random, near an edge, or with few significant bits. */
export function randQuad(r: Rng): bigint {
  const neg = r.int(2);
  switch (r.int(12)) {
    case 0:
    case 1:
      return r.pick(Q_EDGES);
    case 2: {
      // an edge value nudged by a few ulps
      return BigInt.asUintN(128, r.pick(Q_EDGES) + BigInt(r.int(7) - 3));
    }
    case 3:
      // around 1, random fraction
      return q(neg, BIAS - 8n + BigInt(r.int(16)), rnd128(r));
    case 4: {
      // few significant bits (exact results, ties)
      const f = BigInt(r.u32() & 0xff000000) << 80n;
      return q(neg, BIAS - 40n + BigInt(r.int(80)), f | (r.int(4) === 0 ? 1n << BigInt(r.int(112)) : 0n));
    }
    case 5: {
      // extreme exponents: tiny, huge, subnormal
      const e = r.pick([
        0,
        0,
        1,
        2,
        50,
        112,
        113,
        114,
        200,
        0x7ffe,
        0x7ffd,
        0x7ff0,
        0x7fc0,
        0x4000 + 8190,
        0x4000 - 8190,
        0x4000 + 16000,
      ]);
      return q(neg, e, r.int(2) ? rnd128(r) : rnd128(r) >> BigInt(r.int(112)));
    }
    case 6: {
      // integers and halves near conversion limits
      const base = r.pick([
        0n,
        1n,
        1n << 31n,
        1n << 32n,
        1n << 52n,
        1n << 53n,
        1n << 63n,
        1n << 64n,
        1n << 112n,
        1n << 113n,
        1n << 127n,
        1n << 128n,
        3n,
        1000000n,
      ]);
      const v = (base * 4n + BigInt(r.int(9) - 4) * r.pick([1n, 2n, 4n, 4096n])) * (r.int(3) === 0 ? -1n : 1n);
      const x = qInt(v);
      if (x === 0n) return 0n;
      return x - (2n << 112n); // v / 4
    }
    case 7: {
      // a double value widened (conversions back to double are exact), sometimes nudged
      const d = randDouble(r);
      const e = Number((d >> 52n) & 0x7ffn);
      if (e === 0 || e === 0x7ff) return q(d >> 63n === 1n, e === 0 ? 0 : 0x7fff, (d & ((1n << 52n) - 1n)) << 60n);
      const base = q(d >> 63n === 1n, BigInt(e) - 1023n + BIAS, (d & ((1n << 52n) - 1n)) << 60n);
      return BigInt.asUintN(
        128,
        base + BigInt(r.pick([0, 0, 1, -1, 1 << 30, -(1 << 30)])) + (r.int(3) === 0 ? 1n << 59n : 0n),
      );
    }
    case 8:
      // exponent anywhere
      return q(neg, BigInt(r.int(0x7fff)), rnd128(r));
    default:
      return rnd128(r);
  }
}

export type QKind = 'q' | 'd' | 'i64' | 'i128';

function randInt128(r: Rng): bigint {
  switch (r.int(4)) {
    case 0:
      return BigInt.asUintN(
        128,
        r.pick([
          0n,
          1n,
          -1n,
          (1n << 127n) - 1n,
          -(1n << 127n),
          (1n << 113n) + 1n,
          (1n << 113n) - 1n,
          (1n << 114n) + 2n,
          (1n << 114n) + 6n,
          (1n << 126n) + 1n,
          (1n << 63n) - 1n,
          -(1n << 63n),
          (1n << 64n) - 1n,
          (1n << 112n) + 1n,
          ((1n << 113n) - 1n) << 10n,
          (((1n << 112n) + 1n) << 14n) + (1n << 13n),
        ]),
      );
    case 1: {
      const bits = 1 + r.int(128);
      const x = rnd128(r) >> BigInt(128 - bits);
      return BigInt.asUintN(128, r.int(2) ? x : -x);
    }
    case 2: {
      // a few set bits spread out: ties and near-ties when rounded to 113 bits
      let v = 1n << BigInt(r.int(128));
      for (let k = r.int(4); k > 0; k--) v |= 1n << BigInt(r.int(128));
      return BigInt.asUintN(128, r.int(3) === 0 ? -v : v);
    }
    default:
      return rnd128(r);
  }
}
function randInt64(r: Rng): bigint {
  const v = randInt128(r);
  return r.int(2) ? v & ((1n << 64n) - 1n) : BigInt.asUintN(64, BigInt.asIntN(128, v) >> 64n);
}

/** An operand register value of a kind: [doubleword 0, doubleword 1]. */
function operand(r: Rng, kind: QKind): [bigint, bigint] {
  const split = (v: bigint): [bigint, bigint] => [v >> 64n, v & ((1n << 64n) - 1n)];
  const rnd64 = () => rnd128(r) >> 64n;
  switch (kind) {
    case 'q':
      return split(randQuad(r));
    case 'd':
      return [randDouble(r), rnd64()];
    case 'i64':
      return [randInt64(r), rnd64()];
    case 'i128':
      return split(randInt128(r));
  }
}

/** FPSCR bits a case may start with (no enables: they would raise SIGFPE under qemu-user) */
const STICKY = [
  1n << 28n,
  1n << 27n,
  1n << 26n,
  1n << 25n,
  1n << 24n,
  1n << 23n,
  1n << 22n,
  1n << 21n,
  1n << 20n,
  1n << 19n,
  1n << 10n,
  1n << 9n,
  1n << 8n,
];

/**
 * `n` operand sets (A, B and the target, which the multiply-adds add), each run in the four rounding
 * modes from a clear FPSCR and from one with sticky bits, FR/FI/FPRF and DRN preset: 8n cases.
 * `related`: B is often A nudged or A's exponent with another fraction (cancellation, near-ties).
 */
export function genQCases(seed: number, n: number, kinds: [QKind, QKind, QKind], related = true): Case[] {
  const r = new Rng(seed);
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const a = operand(r, kinds[0]);
    let b = operand(r, kinds[1]);
    if (related && kinds[0] === 'q' && kinds[1] === 'q' && r.int(4) === 0) {
      const av = (a[0] << 64n) | a[1];
      const bv = r.int(2)
        ? BigInt.asUintN(128, (av ^ (r.int(2) ? SIGN : 0n)) + BigInt(r.int(5) - 2))
        : (av & ~FRAC) ^ (rnd128(r) & FRAC) ^ (r.int(2) ? SIGN : 0n);
      b = [bv >> 64n, bv & ((1n << 64n) - 1n)];
    }
    const c = operand(r, kinds[2]);
    const cr = r.u32() | 0;
    for (let rn = 0n; rn < 4n; rn++) {
      out.push({ fpscr: rn, cr, a, b, c, t: c });
      let f = rn | (BigInt(r.int(8)) << 32n);
      for (const bit of STICKY) if (r.int(3) === 0) f |= bit;
      if (f & 0xfff80700n) f |= 1n << 31n;
      f |= BigInt(r.u32() & 0x7f000);
      out.push({ fpscr: f, cr, a, b, c, t: c });
    }
  }
  return out;
}

/** The edge values crossed in pairs (A, B; the target: the third of a rotating list), four modes, clear FPSCR. */
export function crossQCases(values: bigint[] = Q_EDGES): Case[] {
  const split = (v: bigint): [bigint, bigint] => [v >> 64n, v & ((1n << 64n) - 1n)];
  const out: Case[] = [];
  let k = 0;
  for (const a of values) {
    for (const b of values) {
      const t = split(values[k++ % values.length]);
      for (let rn = 0n; rn < 4n; rn++) out.push({ fpscr: rn, cr: 0, a: split(a), b: split(b), c: t, t });
    }
  }
  return out;
}
