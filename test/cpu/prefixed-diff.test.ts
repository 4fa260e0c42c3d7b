// The prefixed family (sim/cpu/isa/prefixed-defs.ts) against qemu-ppc64le -cpu power10 on generated
// inputs (fixed seeds): every load and store at random offsets (base + 34-bit displacements with
// carries, pc-relative, negative), paddi/pli/pla/psubi, the single-precision conversions of plfs/
// pstfs/plxssp/pstxssp on edge bit patterns, the vector and vector-pair loads and stores, and the
// 8RR splats, xxpermx, xxblendv* and xxeval on random vectors. Results go through stxv/ld.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffAgainstQemu, pick, rng64, type DiffCase } from './diff-harness';

const N = 16;
const r = rng64(0x9e37_79b9_7f4a_7c15n);
const small = (n: number) => Number(r() % BigInt(n));
const SCRATCH = 'lis 10, scratch@ha\naddi 10, 10, scratch@l';
/** r4..r7 to scratch[0..31] */
const FILL = `${SCRATCH}\nstd 4, 0(10)\nstd 5, 8(10)\nstd 6, 16(10)\nstd 7, 24(10)`;

function cases(
  name: string,
  code: () => string,
  regs: () => bigint[] = () => [0n, pick(r), pick(r), pick(r), pick(r), pick(r)],
): DiffCase[] {
  return Array.from({ length: N }, () => ({ name, code: code(), regs: regs(), cr: 0, xer: 0 }));
}
const SP_EDGES = [
  0x00000000n,
  0x80000000n,
  0x00000001n,
  0x007fffffn,
  0x00400000n,
  0x80000001n,
  0x00800000n,
  0x7f7fffffn,
  0x7f800000n,
  0xff800000n,
  0x7f800001n,
  0x7fc00000n,
  0xffbfffffn,
  0x3f800000n,
  0xbf800000n,
  0x3eaaaaabn,
  0x1n << 23n,
];
const DP_EDGES = [
  0x0000000000000000n,
  0x8000000000000000n,
  0x3ff0000000000000n,
  0x47efffffe0000000n,
  0x47efffffffffffffn,
  0x47f0000000000000n,
  0x3810000000000000n,
  0x380fffffffffffffn,
  0x3800000000000000n,
  0x36a0000000000000n,
  0x36b0000000000000n,
  0x3690000000000000n,
  0x0000000000000001n,
  0x7ff0000000000000n,
  0x7ff0000000000001n,
  0x7ff8000000000000n,
  0xfff4000000000000n,
  0x3fd5555555555555n,
  0xc00921fb54442d18n,
];
const spValue = () => (small(2) ? SP_EDGES[small(SP_EDGES.length)] : r() & 0xffffffffn);
const dpValue = () => (small(2) ? DP_EDGES[small(DP_EDGES.length)] : r());
const si34 = () =>
  [0n, 1n, -1n, 0x7fffn, 0x8000n, 0xffffn, 0x10000n, -0x10000n, 0x1ffffffffn, -0x200000000n, 0x12345678n][small(11)] ??
  0n;
const rand34 = () => (small(2) ? si34() : BigInt.asIntN(34, r()));

const GPR_LOADS = ['plbz', 'plhz', 'plha', 'plwz', 'plwa', 'pld'];
const GPR_STORES = ['pstb', 'psth', 'pstw', 'pstd'];

const ALL: DiffCase[] = [
  // loads: base + small displacement, pc-relative, negative, and a 34-bit displacement off a far base
  ...GPR_LOADS.flatMap((m) => cases(`${m} base`, () => `${FILL}\n${m} 3, ${small(25)}(10)`)),
  ...GPR_LOADS.flatMap((m) => cases(`${m} pcrel`, () => `${FILL}\n${m} 3, scratch+${small(25)}@pcrel`)),
  ...GPR_LOADS.flatMap((m) => cases(`${m} negative`, () => `${FILL}\naddi 10, 10, 32\n${m} 3, -${1 + small(32)}(10)`)),
  ...GPR_LOADS.flatMap((m) =>
    cases(`${m} far`, () => {
      const d = BigInt.asIntN(34, r()) & ~0xffn;
      return `${FILL}\npsubi 11, 10, ${d}\n${m} 3, ${d + BigInt(small(25))}(11)`;
    }),
  ),
  ...GPR_STORES.flatMap((m) =>
    cases(
      m,
      () =>
        `${SCRATCH}\nli 11, 0\nstd 11, 32(10)\nstd 11, 40(10)\n${m} 4, ` +
        `${32 + small(8)}(10)\nld 3, 32(10)\nld 5, 40(10)`,
    ),
  ),
  ...GPR_STORES.flatMap((m) =>
    cases(
      `${m} pcrel`,
      () =>
        `${SCRATCH}\nli 11, 0\nstd 11, 32(10)\nstd 11, 40(10)\n${m} 4, ` +
        `scratch+${32 + small(8)}@pcrel\nld 3, 32(10)\nld 5, 40(10)`,
    ),
  ),
  ...cases('plq/pstq', () => `${FILL}\nplq 6, ${8 * small(3)}(10)\npstq 4, 48(10)\nld 3, 48(10)\nld 5, 56(10)`),
  ...cases('plq pcrel', () => `${FILL}\nplq 4, scratch+${small(16)}@pcrel\nmr 3, 4\nmr 8, 5`),
  // immediates and addresses
  ...cases('paddi', () => `paddi 3, 4, ${rand34()}\npli 5, ${rand34()}\npsubi 6, 7, ${rand34()}`),
  ...cases(
    'pla',
    () =>
      `pla 3, scratch@pcrel\npla 4, .+${4 * small(100)}\npla 5, 0(6)\npaddi 6, 0, ` + `${rand34()}, 1\nsubf 6, 3, 6`,
  ),
  ...cases('pnop', () => `pnop\naddi 3, 4, 1`),
  // single/double precision loads and stores (through VSR 1 and VSR 34 = v2)
  ...cases(
    'plfs',
    () =>
      `${SCRATCH}\nstw 4, 0(10)\nplfs 1, 0(10)\nstxv 1, 32(10)\nld 3, 40(10)\nplfs 2, ` +
      `scratch@pcrel\nstxv 2, 32(10)\nld 5, 40(10)`,
    () => [0n, spValue()],
  ),
  ...cases(
    'plfd',
    () => `${SCRATCH}\nstd 4, 0(10)\nplfd 1, 0(10)\nstxv 1, 32(10)\nld 3, 40(10)`,
    () => [0n, dpValue()],
  ),
  ...cases(
    'pstfs',
    () => `${SCRATCH}\nstd 4, 8(10)\nlxv 1, 0(10)\npstfs 1, 48(10)\nlwz 3, 48(10)`,
    () => [0n, dpValue()],
  ),
  ...cases(
    'pstfd',
    () => `${SCRATCH}\nstd 4, 8(10)\nlxv 1, 0(10)\npstfd 1, 48(10)\nld 3, 48(10)`,
    () => [0n, dpValue()],
  ),
  ...cases(
    'plxssp',
    () =>
      `${SCRATCH}\nstd 5, 32(10)\nstd 5, 40(10)\nlxv 34, 32(10)\nstw 4, 0(10)\nplxssp 2, ` +
      `0(10)\nstxv 34, 32(10)\nld 3, 40(10)\nld 5, 32(10)`,
    () => [0n, spValue(), r()],
  ),
  ...cases(
    'plxsd',
    () =>
      `${SCRATCH}\nstd 5, 32(10)\nstd 5, 40(10)\nlxv 34, 32(10)\nstd 4, 0(10)\nplxsd 2, ` +
      `0(10)\nstxv 34, 32(10)\nld 3, 40(10)\nld 5, 32(10)`,
    () => [0n, dpValue(), r()],
  ),
  ...cases(
    'pstxssp',
    () => `${SCRATCH}\nstd 4, 8(10)\nstd 5, 0(10)\nlxv 34, 0(10)\npstxssp 2, 48(10)\nlwz 3, ` + `48(10)`,
    () => [0n, dpValue(), r()],
  ),
  ...cases(
    'pstxsd',
    () => `${SCRATCH}\nstd 4, 8(10)\nstd 5, 0(10)\nlxv 34, 0(10)\npstxsd 2, 48(10)\nld 3, ` + `48(10)`,
    () => [0n, dpValue(), r()],
  ),
  // vectors and vector pairs
  ...cases(
    'plxv/pstxv',
    () =>
      `${FILL}\nplxv ${small(64)}, ${small(17)}(10)\npstxv ${0}, 64(10)\nplxv 0, ` +
      `${small(17)}(10)\npstxv 0, 96(10)\nld 3, 96(10)\nld 5, 104(10)`,
  ),
  ...cases('plxvp/pstxvp', () => {
    const x = 2 * small(32);
    return (
      `${FILL}\nplxvp ${x}, ${small(8)}(10)\npstxvp ${x}, 64(10)\nld 3, 64(10)\nld 4, ` +
      `72(10)\nld 5, 80(10)\nld 6, 88(10)\nstxv ${x}, 128(10)\nld 7, 128(10)\nld 8, 136(10)`
    );
  }),
  // splat immediates (vs3 first filled from memory: xxsplti32dx keeps two words)
  ...cases(
    'xxspltiw',
    () => `${FILL}\nlxv 3, 0(10)\nxxspltiw 3, ${r() & 0xffffffffn}\nstxv 3, 32(10)\nld 3, ` + `32(10)\nld 5, 40(10)`,
  ),
  ...cases(
    'xxspltidp',
    () => `${FILL}\nlxv 35, 0(10)\nxxspltidp 35, ${spValue()}\nstxv 35, 32(10)\nld 3, ` + `32(10)\nld 5, 40(10)`,
  ),
  ...cases(
    'xxsplti32dx',
    () =>
      `${FILL}\nlxv 3, 0(10)\nxxsplti32dx 3, ${small(2)}, ${r() & 0xffffffffn}\nstxv 3, ` +
      `32(10)\nld 3, 32(10)\nld 5, 40(10)`,
  ),
  // XX4: A = scratch[0..15], B = scratch[16..31], C = r8 || r3 in both halves
  ...['xxblendvb', 'xxblendvh', 'xxblendvw', 'xxblendvd'].flatMap((m) =>
    cases(
      m,
      () =>
        `${FILL}\nstd 8, 32(10)\nstd 3, 40(10)\nlxv 40, 0(10)\nlxv 41, 16(10)\nlxv 42, ` +
        `32(10)\n${m} ${small(2) ? 43 : 40}, 40, 41, 42\nstxv ${small(2) ? 43 : 40}, ` +
        `48(10)\nld 3, 48(10)\nld 5, 56(10)`,
      () => [pick(r), r(), r(), r(), r(), r()],
    ),
  ),
  ...cases(
    'xxpermx',
    () =>
      `${FILL}\nstd 8, 32(10)\nstd 3, 40(10)\nlxv 40, 0(10)\nlxv 41, 16(10)\nlxv 42, ` +
      `32(10)\nxxpermx 43, 40, 41, 42, ${small(8)}\nstxv 43, 48(10)\nld 3, 48(10)\nld 5, ` +
      `56(10)`,
    () => [
      (r() & 0x3f3f3f3f3f3f3f3fn) | (BigInt(small(8)) << 61n),
      r(),
      r(),
      r(),
      r(),
      (r() & 0x1f1f1f1f1f1f1f1fn) | (BigInt(small(8)) << 5n),
    ],
  ),
  ...cases(
    'xxeval',
    () =>
      `${FILL}\nstd 8, 32(10)\nstd 3, 40(10)\nlxv 40, 0(10)\nlxv 41, 16(10)\nlxv 42, ` +
      `32(10)\nxxeval 40, 40, 41, 42, ${small(256)}\nstxv 40, 48(10)\nld 3, 48(10)\nld 5, ` +
      `56(10)`,
    () => [r(), r(), r(), r(), r(), r()],
  ),
];

test('prefixed family: the interpreter equals qemu-ppc64le on generated inputs', (t) => {
  const diffs = diffAgainstQemu(t, ALL);
  if (diffs === undefined) return;
  assert.deepEqual(diffs.slice(0, 30), [], `${diffs.length} of ${ALL.length} cases differ`);
});
