// Semantics per group, with results worked out from the ISA (and checked against qemu in
// qemu-diff.test.ts); these run without any external tool.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as E from './encode';
import { DATA, run, TEXT } from './harness';

const MAX = 0x7fffffffffffffffn;
const CR0 = (cr: number) => (cr >>> 28) & 15;
const LT = 8,
  GT = 4,
  EQ = 2,
  SO = 1;
const data = (...qs: bigint[]) => {
  const b = new Uint8Array(qs.length * 8);
  const v = new DataView(b.buffer);
  qs.forEach((q, i) => v.setBigUint64(8 * i, q, true));
  return b;
};
const lis1010 = E.addis(30, 0, 0x1010); // r30 = DATA

test('add: 64-bit wrap, addo sets OV/OV32/SO, add. sets CR0 from the 64-bit result', () => {
  const r = run([E.add(5, 3, 4, 1, 1), E.mfxer(6), E.add(7, 4, 4, 0, 1), E.mfcr(8)], { 3: MAX, 4: 1n });
  assert.equal(r.t.getGpr(5), 0x8000000000000000n);
  assert.equal(r.t.getGpr(6), 0xc0000000n); // SO OV, not OV32 (the low word 0xffffffff + 1 is no 32-bit overflow)
  assert.equal(CR0(Number(r.t.getGpr(8))), GT | SO);
  assert.equal(r.t.getGpr(7), 2n);
});

test('carry: addc/adde chain a 128-bit add; CA32 is the carry out of the low word', () => {
  // (2^64 - 1) + 1 = 2^64: low 0, carry into the high add
  const r = run([E.XO(10, 5, 3, 4), E.mfxer(7), E.XO(138, 6, 0, 0), E.D(12, 8, 9, 1) /* addic */, E.mfxer(10)], {
    3: -1n & 0xffffffffffffffffn,
    4: 1n,
    9: 0xffffffffn,
  });
  assert.equal(r.t.getGpr(5), 0n);
  assert.equal(r.t.getGpr(6), 1n);
  assert.equal(r.t.getGpr(7), 0x20040000n);
  assert.equal(r.t.getGpr(8), 0x100000000n);
  assert.equal(r.t.getGpr(10), 0x00040000n); // CA32 only
});

test('subf/subfc/neg: borrow is CA = no borrow; neg of the most negative number overflows', () => {
  const r = run([E.XO(8, 5, 3, 4), E.mfxer(6), E.subf(7, 4, 3), E.XO(104, 8, 9, 0, 1, 1), E.mfxer(10), E.mfcr(11)], {
    3: 5n,
    4: 3n,
    9: 1n << 63n,
  });
  assert.equal(r.t.getGpr(5), 0xfffffffffffffffen); // 3 - 5
  assert.equal(r.t.getGpr(6), 0n); // borrow: CA clear
  assert.equal(r.t.getGpr(7), 2n);
  assert.equal(r.t.getGpr(8), 1n << 63n);
  assert.equal(r.t.getGpr(10) & 0xc0000000n, 0xc0000000n);
  assert.equal(CR0(Number(r.t.getGpr(11))), LT | SO);
});

test('multiply: mullw gives the 64-bit product, mulhw the high word zero-extended, mulld/mulhdu', () => {
  const r = run([E.XO(235, 5, 3, 4), E.XO(75, 6, 3, 4), E.XO(233, 7, 8, 8), E.XO(9, 9, 8, 8)], {
    3: -7n & 0xffffffffffffffffn,
    4: 0x40000000n,
    8: 1n << 40n,
  });
  assert.equal(r.t.getGpr(5), BigInt.asUintN(64, -7n * 0x40000000n));
  assert.equal(r.t.getGpr(6), 0xfffffffen);
  assert.equal(r.t.getGpr(7), 0n);
  assert.equal(r.t.getGpr(9), 1n << 16n);
});

test('divide: truncates toward zero; divw result is zero-extended; overflow gives the dividend', () => {
  const r = run([E.XO(491, 5, 3, 4), E.XO(489, 6, 3, 4), E.XO(491, 7, 8, 9, 1), E.mfxer(10)], {
    3: BigInt.asUintN(64, -100n),
    4: 7n,
    8: 0x80000000n,
    9: BigInt.asUintN(64, -1n),
  });
  assert.equal(r.t.getGpr(5), 0xfffffff2n); // -14 in the low word
  assert.equal(r.t.getGpr(6), BigInt.asUintN(64, -14n));
  assert.equal(r.t.getGpr(7), 0x80000000n);
  assert.equal(r.t.getGpr(10), 0xc0080000n);
});

test('rotates and masks: rlwinm with a wrapping mask fills the high word; rldicl/rldicr/sldi/srdi', () => {
  const r = run(
    [
      E.M(21, 3, 5, 8, 28, 3), // rlwinm r5,r3,8,28,3 (wraps)
      E.M(21, 3, 6, 0, 16, 31), // clrlwi r6,r3,16
      E.MD(0, 3, 7, 12, 20), // rldicl r7,r3,12,20
      E.MD(1, 3, 8, 4, 59), // sldi r8,r3,4
      E.MD(0, 3, 9, 60, 4), // srdi r9,r3,4
      E.MD(1, 3, 10, 36, 40), // rldicr r10,r3,36,40
    ],
    { 3: 0x123456789abcdef0n },
  );
  const rot32 = ((0x9abcdef0 << 8) | (0x9abcdef0 >>> 24)) >>> 0;
  const m = BigInt((0xf0000000 | (0x0fffffff >>> 0)) >>> 0); // bits 28..3 wrap: all but bits 4..27
  const mask = 0xf000000fn;
  assert.equal(r.t.getGpr(5), ((BigInt(rot32) << 32n) | BigInt(rot32)) & (0xffffffff00000000n | mask));
  assert.ok(m > 0n);
  assert.equal(r.t.getGpr(6), 0xdef0n);
  const rotl = (v: bigint, n: bigint) => ((v << n) | (v >> (64n - n))) & 0xffffffffffffffffn;
  assert.equal(r.t.getGpr(7), rotl(0x123456789abcdef0n, 12n) & ((1n << 44n) - 1n));
  assert.equal(r.t.getGpr(8), (0x123456789abcdef0n << 4n) & 0xffffffffffffffffn);
  assert.equal(r.t.getGpr(9), 0x123456789abcdef0n >> 4n);
  assert.equal(r.t.getGpr(10), rotl(0x123456789abcdef0n, 36n) & ~((1n << 23n) - 1n));
});

test('compares: signed and unsigned, word and doubleword, into any field, copying SO', () => {
  const r = run(
    [
      E.cmpd(0, 3, 4),
      E.X(32, (1 << 2) | 1, 3, 4) /* cmpld cr1 */,
      E.X(0, 2 << 2, 5, 3) /* cmpw cr2,r5,r3 */,
      E.cmpdi(3, 4, 1),
      E.mtxer(6),
      E.cmpwi(4, 4, 2),
      E.mfcr(7),
    ],
    { 3: BigInt.asUintN(64, -1n), 4: 1n, 5: 0x00000001ffffffffn, 6: 0x80000000n },
  );
  const cr = Number(r.t.getGpr(7));
  const f = (i: number) => (cr >>> (28 - 4 * i)) & 15;
  assert.deepEqual([f(0), f(1), f(2), f(3), f(4)], [LT, GT, EQ, EQ, LT | SO]);
});

test('branches: bdnz counts CTR down, bl/blr link, bcctr, bc on a CR bit, CTR is 64-bit', () => {
  const r = run([
    E.li(3, 0),
    E.li(4, 5),
    E.mtctr(4),
    E.addi(3, 3, 1),
    E.bdnz(-4), // r3 = 5
    E.b(12, 1), // bl +12 -> to the "blr target"
    E.addi(3, 3, 100), // after return
    E.b(12), // skip the subroutine
    E.mflr(9),
    E.blr(), // subroutine: r9 = return address
    E.cmpwi(0, 3, 105),
    E.beq(8),
    E.li(3, -1),
    E.li(10, 1),
  ]);
  assert.equal(r.t.getGpr(3), 105n);
  assert.equal(r.t.getGpr(9), TEXT + 24n);
  assert.equal(r.t.getGpr(10), 1n);
  assert.equal(r.t.ctr, 0n);
  // CTR = 2^32: bdnz must not see zero after one decrement of the low word
  const w = run([E.bdnz(8), E.li(3, 7), E.li(4, 1)], {}, { init: (t) => (t.ctr = 1n << 32n) });
  assert.equal(w.t.ctr, 0xffffffffn);
  assert.equal(w.t.getGpr(3), 0n);
});

test('loads: every width, algebraic, update and indexed forms, byte-reversed', () => {
  const r = run(
    [
      lis1010,
      E.D(34, 3, 30, 7) /* lbz */,
      E.D(42, 4, 30, 6) /* lha */,
      E.D(40, 5, 30, 6) /* lhz */,
      E.DS(58, 6, 30, 4, 2) /* lwa */,
      E.D(32, 7, 30, 4) /* lwz */,
      E.ld(8, 0, 30),
      E.li(11, 8),
      E.X(534, 9, 30, 11) /* lwbrx */,
      E.X(532, 10, 30, 11) /* ldbrx */,
      E.addi(12, 30, 0),
      E.D(33, 13, 12, 4) /* lwzu */,
      E.li(15, 16),
      E.X(373, 14, 12, 15) /* lwaux */,
    ],
    {},
    { data: data(0x8877665544332211n, 0x0123456789abcdefn, 0xfedcba9876543210n) },
  );
  assert.equal(r.t.getGpr(3), 0x88n);
  assert.equal(r.t.getGpr(4), 0xffffffffffff8877n);
  assert.equal(r.t.getGpr(5), 0x8877n);
  assert.equal(r.t.getGpr(6), 0xffffffff88776655n);
  assert.equal(r.t.getGpr(7), 0x88776655n);
  assert.equal(r.t.getGpr(8), 0x8877665544332211n);
  assert.equal(r.t.getGpr(9), 0xefcdab89n);
  assert.equal(r.t.getGpr(10), 0xefcdab8967452301n);
  assert.equal(r.t.getGpr(13), 0x88776655n);
  assert.equal(r.t.getGpr(12), DATA + 20n);
  assert.equal(r.t.getGpr(14), 0xfffffffffedcba98n);
});

test('stores: every width, update and indexed forms, byte-reversed', () => {
  const r = run(
    [
      lis1010,
      E.std(3, 0, 30),
      E.D(38, 4, 30, 8) /* stb */,
      E.D(44, 4, 30, 10) /* sth */,
      E.D(36, 4, 30, 12) /* stw */,
      E.addi(12, 30, 16),
      E.DS(62, 4, 12, 8, 1) /* stdu: r12 = DATA+24 */,
      E.li(11, 8),
      E.X(660, 3, 12, 11) /* stdbrx at +32 */,
      E.X(662, 3, 30, 11) /* stwbrx at +8 */,
      E.X(183, 3, 12, 11) /* stwux: r12 = +32 */,
    ],
    { 3: 0x0102030405060708n, 4: 0xa1a2a3a4a5a6a7a8n },
  );
  assert.equal(r.mem.read(DATA, 8), 0x0102030405060708n);
  assert.equal(r.mem.read(DATA + 8n, 4), 0x08070605n); // stwbrx over the stb/sth
  assert.equal(r.mem.read(DATA + 12n, 4), 0xa5a6a7a8n);
  assert.equal(r.mem.read(DATA + 24n, 8), 0xa1a2a3a4a5a6a7a8n);
  assert.equal(r.mem.read(DATA + 32n, 4), 0x05060708n); // stwux replaced the low word of the stdbrx
  assert.equal(r.mem.read(DATA + 36n, 4), 0x08070605n); // the high half of the byte-reversed doubleword
  assert.equal(r.t.getGpr(12), DATA + 32n);
});

test('invalid update forms (ra = 0, or ra = rt for loads) are SIGILL', () => {
  const r = run([E.D(33, 3, 0, 4)]);
  assert.equal(r.stop.kind === 'fault' && r.stop.signal, 'SIGILL');
  const r2 = run([lis1010, E.D(33, 30, 30, 4)]);
  assert.equal(r2.stop.kind === 'fault' && r2.stop.signal, 'SIGILL');
});

test('larx/stcx.: success with the reservation, failure without it or at another address', () => {
  const r = run(
    [
      lis1010,
      E.X(84, 3, 0, 30) /* ldarx */,
      E.addi(3, 3, 1),
      E.X(214, 3, 0, 30, 1) /* stdcx. ok */,
      E.mfcr(4),
      E.X(214, 3, 0, 30, 1) /* again: no reservation */,
      E.mfcr(5),
      E.X(20, 6, 0, 30) /* lwarx */,
      E.addi(7, 30, 8),
      E.X(150, 6, 0, 7, 1) /* stwcx. elsewhere */,
      E.mfcr(8),
    ],
    {},
    { data: data(41n, 5n) },
  );
  assert.equal(r.mem.read(DATA, 8), 42n);
  assert.equal(CR0(Number(r.t.getGpr(4))), EQ);
  assert.equal(CR0(Number(r.t.getGpr(5))), 0);
  assert.equal(CR0(Number(r.t.getGpr(8))), 0);
  assert.equal(r.mem.read(DATA + 8n, 8), 5n);
  assert.equal(r.t.reservation, null);
});

test('a reservation survives a store of the same value, as in qemu, and fails after another value', () => {
  const r = run(
    [lis1010, E.X(84, 3, 0, 30), E.li(9, 7), E.std(9, 0, 30), E.X(214, 3, 0, 30, 1), E.mfcr(4)],
    {},
    { data: data(41n) },
  );
  assert.equal(CR0(Number(r.t.getGpr(4))), 0);
  assert.equal(r.mem.read(DATA, 8), 7n);
});

test('VSX: lxv loads the quadword little-endian, lxvd2x doubleword 0 first; stxv/stxvd2x mirror them', () => {
  const lxv = (xt: number, dq: number, ra: number) =>
    ((61 << 26) | ((xt & 31) << 21) | (ra << 16) | (dq & 0xfff0) | ((xt >> 5) << 3) | 1) >>> 0;
  const stxv = (xs: number, dq: number, ra: number) =>
    ((61 << 26) | ((xs & 31) << 21) | (ra << 16) | (dq & 0xfff0) | ((xs >> 5) << 3) | 5) >>> 0;
  const r = run(
    [
      lis1010,
      lxv(0, 0, 30),
      E.li(4, 0),
      E.X(844, 1, 30, 4) /* lxvd2x vs1 */,
      E.addi(5, 30, 64),
      E.X(972, 0, 0, 5) /* stxvd2x vs0 at +64 */,
      stxv(1, 96, 30) /* stxv vs1 at +96 */,
      lxv(34, 0, 30),
      stxv(34, 128, 30),
    ],
    {},
    { data: data(0x1111111111111111n, 0x2222222222222222n) },
  );
  assert.deepEqual(r.t.getVsr(0), [0x2222222222222222n, 0x1111111111111111n]);
  assert.deepEqual(r.t.getVsr(1), [0x1111111111111111n, 0x2222222222222222n]);
  assert.equal(r.mem.read(DATA + 64n, 8), 0x2222222222222222n);
  assert.equal(r.mem.read(DATA + 72n, 8), 0x1111111111111111n);
  assert.equal(r.mem.read(DATA + 96n, 8), 0x2222222222222222n);
  assert.equal(r.mem.read(DATA + 104n, 8), 0x1111111111111111n);
  assert.deepEqual(r.t.getVsr(34), r.t.getVsr(0));
  assert.equal(r.mem.read(DATA + 128n, 8), 0x1111111111111111n);
});

test('dcbz clears the whole aligned 128-byte line and nothing else', () => {
  const fill = new Uint8Array(512).fill(0xff);
  const r = run([lis1010, E.addi(3, 30, 128 + 77), E.X(1014, 0, 0, 3)], {}, { data: fill });
  assert.equal(r.mem.read(DATA + 127n, 1), 0xffn);
  for (let o = 128n; o < 256n; o += 8n) assert.equal(r.mem.read(DATA + o, 8), 0n);
  assert.equal(r.mem.read(DATA + 256n, 1), 0xffn);
});

test('traps: tw/td/twi/tdi conditions, signed and unsigned', () => {
  const cases: [number, boolean][] = [
    [E.X(4, 16, 3, 4), true], // twlt -1 < 1
    [E.X(4, 2, 3, 4), false], // twllt: 0xffffffff < 1 unsigned: no
    [E.X(68, 1, 3, 4), true], // tdlgt
    [E.X(68, 4, 3, 3), true], // tdeq
    [E.D(3, 8, 4, 0), true], // twgti 1 > 0
    [E.D(2, 24, 4, 1), false], // tdnei 1 != 1
  ];
  for (const [w, taken] of cases) {
    const r = run([w, E.li(5, 1)], { 3: BigInt.asUintN(64, -1n), 4: 1n });
    assert.equal(r.t.pc === TEXT, taken, `0x${w.toString(16)}`);
    assert.equal(r.stop.kind, 'trap');
  }
});

test('mtcrf/mfcr/mfocrf and the CR logical ops', () => {
  const r = run(
    [
      E.X(144, 4, 0, 0) | (0xff << 12) /* mtcr r4 */,
      E.XL(193, 0, 3, 2) /* crxor 0,3,2 */,
      E.mfcr(5),
      (E.X(19, 6, 0, 0) | (1 << 20) | (0x40 << 12)) >>> 0 /* mfocrf r6,0x40 */,
      E.XL(0, 7 << 2, 0, 0) /* mcrf cr7,cr0 */,
      E.mfcr(7),
    ],
    { 4: 0x12345678n },
  );
  assert.equal(r.t.getGpr(5), 0x92345678n);
  assert.equal(r.t.getGpr(6), 0x02000000n);
  assert.equal(r.t.getGpr(7), 0x92345679n);
});

test('unaligned accesses, also across a page boundary, read and write every byte', () => {
  // DATA has two pages: the doubleword at 4092 straddles them
  const r = run([
    lis1010,
    E.ori(3, 30, 4092),
    E.li(4, -2),
    E.std(4, 0, 3),
    E.ld(5, 0, 3),
    E.D(32, 6, 3, 2) /* lwz at 4094 */,
    E.D(40, 7, 30, 4095) /* lhz at 4095 */,
  ]);
  assert.equal(r.stop.kind, 'trap');
  assert.equal(r.t.getGpr(5), 0xfffffffffffffffen);
  assert.equal(r.t.getGpr(6), 0xffffffffn);
  assert.equal(r.t.getGpr(7), 0xffffn);
  assert.equal(r.mem.read(DATA + 4092n, 1), 0xfen);
  assert.equal(r.mem.read(DATA + 4099n, 1), 0xffn);
});
