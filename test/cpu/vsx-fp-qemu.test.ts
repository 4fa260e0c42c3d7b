// VSX floating-point instructions (the vsx-fp family) against qemu-ppc64le -cpu power10
// (fp-harness.ts): generated cases per instruction in the four rounding modes, clear and sticky
// FPSCR; the whole target VSR, the FPSCR and the CR compared. Registers vs33/vs34/vs36 (the VMX
// half of the file) and vs3 are used, so that the AX/BX/TX bits are exercised.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fpAdd, fpDiv, fpFromInt64, fpMul, fpSqrt } from '../../sim/cpu/isa/fp-arith';
import {
  anyOf,
  crossCases,
  diffGroup,
  DOUBLE_EDGES,
  genCases,
  imzWithSnan,
  laneNegateAfterRounding,
  qemuStickyCvt,
  negateAfterRounding,
  qemuDoubleRounded,
  reciprocalZx,
  singleDenormFprf,
  vectorFiUx,
  VSX_REGS,
  type InsnTest,
  type Kind,
} from './fp-harness';

const N = 300;
const g = (asm: string, seed: number, kinds: [Kind, Kind, Kind], allow?: InsnTest['allow'], n = N): InsnTest => ({
  asm,
  cases: genCases(seed, n, kinds),
  allow,
});
function check(t: Parameters<typeof diffGroup>[0], tests: InsnTest[]) {
  const diffs = diffGroup(t, tests, VSX_REGS);
  if (diffs && diffs.length) {
    if (process.env.FP_DIFF_LOG) console.log(diffs.join('\n'));
    assert.fail(`${diffs.length} differences, the first:\n${diffs.slice(0, 6).join('\n')}`);
  }
}
const D: [Kind, Kind, Kind] = ['d', 'd', 'd'];
const SP: [Kind, Kind, Kind] = ['s', 's', 's'];
const VD: [Kind, Kind, Kind] = ['vd', 'vd', 'vd'];
const VS: [Kind, Kind, Kind] = ['vs', 'vs', 'vs'];
const single = singleDenormFprf;
/** qemu rounds the xs*sp arithmetic twice (see qemuDoubleRounded) */
const twice = qemuDoubleRounded;

test('VSX scalar arithmetic: xsadd/sub/mul/div/sqrt dp and sp', (t) => {
  check(t, [
    g('xsadddp {T},{A},{B}', 1, D),
    g('xssubdp {T},{A},{B}', 2, D),
    g('xsmuldp {T},{A},{B}', 3, D),
    g('xsdivdp {T},{A},{B}', 4, D),
    g('xssqrtdp {T},{B}', 5, D),
    g(
      'xsaddsp {T},{A},{B}',
      6,
      SP,
      anyOf(
        single,
        twice((a, b, rn) => fpAdd(a, b, rn, false)),
      ),
    ),
    g(
      'xssubsp {T},{A},{B}',
      7,
      D,
      anyOf(
        single,
        twice((a, b, rn) => fpAdd(a, -b, rn, false)),
      ),
    ),
    g(
      'xsmulsp {T},{A},{B}',
      8,
      SP,
      anyOf(
        single,
        twice((a, b, rn) => fpMul(a, b, rn, false)),
      ),
    ),
    g(
      'xsdivsp {T},{A},{B}',
      9,
      SP,
      anyOf(
        single,
        twice((a, b, rn) => fpDiv(a, b, rn, false)),
      ),
    ),
    g(
      'xssqrtsp {T},{B}',
      10,
      SP,
      anyOf(
        single,
        twice((_a, b, rn) => fpSqrt(b, rn, false)),
      ),
    ),
  ]);
});

test('VSX scalar multiply-add: a and m forms, dp and sp', (t) => {
  const names = [
    'xsmaddadp',
    'xsmaddmdp',
    'xsmsubadp',
    'xsmsubmdp',
    'xsnmaddadp',
    'xsnmaddmdp',
    'xsnmsubadp',
    'xsnmsubmdp',
  ];
  check(t, [
    ...names.map((n, i) => g(`${n} {T},{A},{B}`, 20 + i, D, negateAfterRounding(false))),
    ...names.map((n, i) =>
      g(`${n.replace('dp', 'sp')} {T},{A},{B}`, 30 + i, SP, anyOf(single, negateAfterRounding(true))),
    ),
  ]);
});

test('VSX scalar compares, max/min, moves, tests', (t) => {
  check(t, [
    g('xscmpudp cr2,{A},{B}', 41, D),
    g('xscmpodp cr7,{A},{B}', 42, D),
    g('xscmpeqdp {T},{A},{B}', 43, D),
    g('xscmpgtdp {T},{A},{B}', 44, D),
    g('xscmpgedp {T},{A},{B}', 45, D),
    g('xscmpexpdp cr1,{A},{B}', 46, D),
    g('xsmaxdp {T},{A},{B}', 47, D),
    g('xsmindp {T},{A},{B}', 48, D),
    g('xsmaxcdp {T},{A},{B}', 49, D),
    g('xsmincdp {T},{A},{B}', 50, D),
    g('xsmaxjdp {T},{A},{B}', 51, D),
    g('xsminjdp {T},{A},{B}', 52, D),
    g('xsabsdp {T},{B}', 53, D, undefined, 50),
    g('xsnabsdp {T},{B}', 54, D, undefined, 50),
    g('xsnegdp {T},{B}', 55, D, undefined, 50),
    g('xscpsgndp {T},{A},{B}', 56, D, undefined, 50),
    g('xstdivdp cr3,{A},{B}', 57, D),
    g('xstsqrtdp cr4,{B}', 58, D),
    g('xststdcdp cr5,{B},127', 59, D),
    g('xststdcdp cr5,{B},3', 60, D),
    g('xststdcdp cr5,{B},0x44', 61, D),
    g('xststdcsp cr6,{B},127', 62, D),
    g('xststdcsp cr6,{B},3', 63, D),
    g('xststdcsp cr6,{B},0x10', 64, D),
    g('xsxexpdp 5,{B}\n\tstd 5,-16(1)\n\tstd 5,-8(1)\n\taddi 6,1,-16\n\tlxvd2x {T},0,6', 65, D, undefined, 50),
    g('xsxsigdp 5,{B}\n\tstd 5,-16(1)\n\tstd 5,-8(1)\n\taddi 6,1,-16\n\tlxvd2x {T},0,6', 66, D, undefined, 50),
    g(
      'addi 6,1,-32\n\tstxvd2x {A},0,6\n\tld 7,0(6)\n\tstxvd2x {B},0,6\n\tld 8,0(6)\n\txsiexpdp {T},7,8',
      67,
      D,
      undefined,
      50,
    ),
    g('xsredp {T},{B}', 68, D, reciprocalZx),
    g('xsresp {T},{B}', 69, D, anyOf(single, reciprocalZx)),
    g('xsrsqrtedp {T},{B}', 70, D, reciprocalZx),
    g('xsrsqrtesp {T},{B}', 71, D, anyOf(single, reciprocalZx)),
  ]);
});

/** xscvsxdsp/xscvuxdsp: qemu converts to double, then rounds to single */
const twiceInt =
  (signed: boolean) =>
  (
    c: Parameters<NonNullable<InsnTest['allow']>>[0],
    q: Parameters<NonNullable<InsnTest['allow']>>[1],
    s: Parameters<NonNullable<InsnTest['allow']>>[2],
  ) => {
    const hi = Number(c.b[0] >> 32n) | 0;
    const lo = Number(c.b[0] & 0xffffffffn) | 0;
    return qemuDoubleRounded((_a, _b, rn) => fpFromInt64(hi, lo, signed, rn, false))(c, q, s);
  };

test('VSX scalar conversions and rounding', (t) => {
  check(t, [
    g('xscvdpsp {T},{B}', 81, D),
    g('xscvdpspn {T},{B}', 82, D),
    g('xscvspdp {T},{B}', 83, ['vs', 'vs', 'vs']),
    g('xscvspdpn {T},{B}', 84, ['vs', 'vs', 'vs']),
    g('xscvdpsxds {T},{B}', 85, D),
    g('xscvdpsxws {T},{B}', 86, D),
    g('xscvdpuxds {T},{B}', 87, D),
    g('xscvdpuxws {T},{B}', 88, D),
    g('xscvsxddp {T},{B}', 89, ['i64', 'i64', 'i64']),
    g('xscvuxddp {T},{B}', 90, ['i64', 'i64', 'i64']),
    g('xscvsxdsp {T},{B}', 91, ['i64', 'i64', 'i64'], twiceInt(true)),
    g('xscvuxdsp {T},{B}', 92, ['i64', 'i64', 'i64'], twiceInt(false)),
    g('xsrdpi {T},{B}', 93, D),
    g('xsrdpic {T},{B}', 94, D),
    g('xsrdpim {T},{B}', 95, D),
    g('xsrdpip {T},{B}', 96, D),
    g('xsrdpiz {T},{B}', 97, D),
    g('xsrsp {T},{B}', 98, D, single),
    g('xscvhpdp {T},{B}', 99, ['vh', 'vh', 'vh']),
    g('xscvdphp {T},{B}', 100, D),
  ]);
});

test('VSX vector arithmetic, dp and sp', (t) => {
  const ops = ['add', 'sub', 'mul', 'div'];
  check(t, [
    ...ops.map((o, i) => g(`xv${o}dp {T},{A},{B}`, 110 + i, VD, vectorFiUx)),
    ...ops.map((o, i) => g(`xv${o}sp {T},{A},{B}`, 120 + i, VS, vectorFiUx)),
    g('xvsqrtdp {T},{B}', 130, VD, vectorFiUx),
    g('xvsqrtsp {T},{B}', 131, VS, vectorFiUx),
    g('xvredp {T},{B}', 132, VD, anyOf(vectorFiUx, reciprocalZx)),
    g('xvresp {T},{B}', 133, VS, anyOf(vectorFiUx, reciprocalZx)),
    g('xvrsqrtedp {T},{B}', 134, VD, anyOf(vectorFiUx, reciprocalZx)),
    g('xvrsqrtesp {T},{B}', 135, VS, anyOf(vectorFiUx, reciprocalZx)),
  ]);
});

test('VSX vector multiply-add, max/min, sign moves', (t) => {
  const names = [
    'xvmaddadp',
    'xvmaddmdp',
    'xvmsubadp',
    'xvmsubmdp',
    'xvnmaddadp',
    'xvnmaddmdp',
    'xvnmsubadp',
    'xvnmsubmdp',
  ];
  check(t, [
    ...names.map((n, i) => g(`${n} {T},{A},{B}`, 140 + i, VD, anyOf(vectorFiUx, laneNegateAfterRounding(false)))),
    ...names.map((n, i) =>
      g(`${n.replace('dp', 'sp')} {T},{A},{B}`, 150 + i, VS, anyOf(vectorFiUx, laneNegateAfterRounding(true))),
    ),
    g('xvmaxdp {T},{A},{B}', 160, VD),
    g('xvmindp {T},{A},{B}', 161, VD),
    g('xvmaxsp {T},{A},{B}', 162, VS),
    g('xvminsp {T},{A},{B}', 163, VS),
    g('xvcpsgndp {T},{A},{B}', 164, VD, undefined, 50),
    g('xvcpsgnsp {T},{A},{B}', 165, VS, undefined, 50),
    g('xvmovdp {T},{B}', 166, VD, undefined, 20),
    g('xvabsdp {T},{B}', 167, VD, undefined, 50),
    g('xvnabssp {T},{B}', 168, VS, undefined, 50),
    g('xvnegdp {T},{B}', 169, VD, undefined, 50),
    g('xvnegsp {T},{B}', 170, VS, undefined, 50),
  ]);
});

test('VSX vector compares and tests', (t) => {
  check(t, [
    g('xvcmpeqdp {T},{A},{B}', 180, VD),
    g('xvcmpgtdp. {T},{A},{B}', 181, VD),
    g('xvcmpgedp {T},{A},{B}', 182, VD),
    g('xvcmpeqsp. {T},{A},{B}', 183, VS),
    g('xvcmpgtsp {T},{A},{B}', 184, VS),
    g('xvcmpgesp. {T},{A},{B}', 185, VS),
    g('xvtdivdp cr1,{A},{B}', 186, VD),
    g('xvtdivsp cr2,{A},{B}', 187, VS),
    g('xvtsqrtdp cr3,{B}', 188, VD),
    g('xvtsqrtsp cr4,{B}', 189, VS),
    g('xvtstdcdp {T},{B},127', 190, VD),
    g('xvtstdcdp {T},{B},0x23', 191, VD),
    g('xvtstdcsp {T},{B},127', 192, VS),
    g('xvtstdcsp {T},{B},0x50', 193, VS),
  ]);
});

test('VSX vector conversions and rounding', (t) => {
  check(t, [
    g('xvcvdpsp {T},{B}', 200, VD, vectorFiUx),
    g('xvcvspdp {T},{B}', 201, VS, vectorFiUx),
    g('xvcvdpsxds {T},{B}', 202, VD, anyOf(vectorFiUx, qemuStickyCvt(2, 'd', 'dw'))),
    g('xvcvdpsxws {T},{B}', 203, VD, anyOf(vectorFiUx, qemuStickyCvt(0, 'd', 'w2'))),
    g('xvcvdpuxds {T},{B}', 204, VD, anyOf(vectorFiUx, qemuStickyCvt(3, 'd', 'dw'))),
    g('xvcvdpuxws {T},{B}', 205, VD, anyOf(vectorFiUx, qemuStickyCvt(1, 'd', 'w2'))),
    g('xvcvspsxws {T},{B}', 206, VS, anyOf(vectorFiUx, qemuStickyCvt(0, 's', 'w'))),
    g('xvcvspuxws {T},{B}', 207, VS, anyOf(vectorFiUx, qemuStickyCvt(1, 's', 'w'))),
    g('xvcvspsxds {T},{B}', 208, VS, anyOf(vectorFiUx, qemuStickyCvt(2, 's', 'dw'))),
    g('xvcvspuxds {T},{B}', 209, VS, anyOf(vectorFiUx, qemuStickyCvt(3, 's', 'dw'))),
    g('xvcvsxddp {T},{B}', 210, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvuxddp {T},{B}', 211, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvsxwdp {T},{B}', 212, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvuxwdp {T},{B}', 213, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvsxwsp {T},{B}', 214, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvuxwsp {T},{B}', 215, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvsxdsp {T},{B}', 216, ['vw', 'vw', 'vw'], vectorFiUx),
    g('xvcvuxdsp {T},{B}', 217, ['vw', 'vw', 'vw'], vectorFiUx),
    ...['', 'c', 'm', 'p', 'z'].map((m, i) => g(`xvrdpi${m} {T},{B}`, 220 + i, VD, vectorFiUx)),
    ...['', 'c', 'm', 'p', 'z'].map((m, i) => g(`xvrspi${m} {T},{B}`, 230 + i, VS, vectorFiUx)),
    g('xvcvhpsp {T},{B}', 240, ['vh', 'vh', 'vh'], vectorFiUx),
    g('xvcvsphp {T},{B}', 241, VS, vectorFiUx),
  ]);
});

test('VSX edge values crossed: max/min variants, compares, conversions', (t) => {
  const e = DOUBLE_EDGES;
  check(t, [
    ...[
      'xsmaxdp',
      'xsmindp',
      'xsmaxcdp',
      'xsmincdp',
      'xsmaxjdp',
      'xsminjdp',
      'xscmpgedp',
      'xscmpeqdp',
      'xvmaxdp',
      'xvmindp',
    ].map((n) => ({ asm: `${n} {T},{A},{B}`, cases: crossCases(e) })),
    { asm: 'xscmpodp cr1,{A},{B}', cases: crossCases(e) },
    { asm: 'xvcmpgtdp. {T},{A},{B}', cases: crossCases(e), allow: vectorFiUx },
    { asm: 'xsmaddadp {T},{A},{B}', cases: crossCases(e).map((c) => ({ ...c, t: c.a })), allow: imzWithSnan },
    { asm: 'xscvdpsp {T},{B}', cases: crossCases([[0n, 0n]], e) },
    { asm: 'xscvdpsxws {T},{B}', cases: crossCases([[0n, 0n]], e) },
  ]);
});
