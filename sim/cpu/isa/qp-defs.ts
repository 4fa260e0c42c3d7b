// VSX scalar quad-precision (IEEE binary128) instructions (primary 63, Power ISA 3.0 and 3.1 Book I
// 7.6): arithmetic with its round-to-odd `o` forms, multiply-add, compares, max/min, sign moves,
// conversions to and from double and integers, rounding, exponent and significand, data class.
// Operands are the vector registers (VSR 32-63, `v` names). Rows are in the order of the Qp enum
// (their operation ids are QP_BASE + it). Encodings and masks are GNU as's (binutils ppc-opc.c).
import { PO, type FamilyDefs, type InsnDef } from './insn-def';

export const QP_BASE = 7000;

export const enum Qp {
  XSADDQP,
  XSADDQPO,
  XSSUBQP,
  XSSUBQPO,
  XSMULQP,
  XSMULQPO,
  XSDIVQP,
  XSDIVQPO,
  XSMADDQP,
  XSMADDQPO,
  XSMSUBQP,
  XSMSUBQPO,
  XSNMADDQP,
  XSNMADDQPO,
  XSNMSUBQP,
  XSNMSUBQPO,
  XSSQRTQP,
  XSSQRTQPO,
  XSCMPUQP,
  XSCMPOQP,
  XSCMPEXPQP,
  XSCMPEQQP,
  XSCMPGEQP,
  XSCMPGTQP,
  XSMAXCQP,
  XSMINCQP,
  XSCPSGNQP,
  XSABSQP,
  XSNABSQP,
  XSNEGQP,
  XSXEXPQP,
  XSXSIGQP,
  XSIEXPQP,
  XSTSTDCQP,
  XSCVQPDP,
  XSCVQPDPO,
  XSCVDPQP,
  XSCVQPSDZ,
  XSCVQPSWZ,
  XSCVQPUDZ,
  XSCVQPUWZ,
  XSCVSDQP,
  XSCVUDQP,
  XSCVQPSQZ,
  XSCVQPUQZ,
  XSCVSQQP,
  XSCVUQQP,
  XSRQPI,
  XSRQPIX,
  XSRQPXP,
}

const rows: InsnDef[] = [];
function row(i: Qp, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`qp-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
const u32 = (x: number) => x >>> 0;
/** X form: 10-bit xo in bits 1-10, bit 0 the RO (round to odd) bit of the arithmetic */
const X63 = (xo: number, ro = 0) => u32(PO(63) | (xo << 1) | ro);
/** X form with bits 16-20 selecting the operation (xsabsqp, the conversions) */
const XVA = (xo: number, sel: number, ro = 0) => u32(X63(xo, ro) | (sel << 16));
/** X_MASK: primary opcode, xo and bit 0 */
const M_X = 0xfc0007ff;
/** XVA_MASK: and bits 16-20 */
const M_XVA = 0xfc1f07ff;
/** XBF_MASK: and the reserved bits 21-22 of a BF operand */
const M_XBF = 0xfc6007ff;
/** Z23 form (xsrqpi): 8-bit xo in bits 1-8, EX in bit 0; bits 17-20 reserved */
const Z23 = (xo: number, ex: number) => u32(PO(63) | (xo << 1) | ex);
const M_Z23 = 0xfc1e01ff;

const VVV: InsnDef['operands'] = ['VD', 'VA', 'VB'];
const VV: InsnDef['operands'] = ['VD', 'VB'];

// arithmetic: the plain form and the round-to-odd form (bit 0 set) of each
const ARITH: [Qp, string, number][] = [
  [Qp.XSADDQP, 'xsaddqp', 4],
  [Qp.XSSUBQP, 'xssubqp', 516],
  [Qp.XSMULQP, 'xsmulqp', 36],
  [Qp.XSDIVQP, 'xsdivqp', 548],
  [Qp.XSMADDQP, 'xsmaddqp', 388],
  [Qp.XSMSUBQP, 'xsmsubqp', 420],
  [Qp.XSNMADDQP, 'xsnmaddqp', 452],
  [Qp.XSNMSUBQP, 'xsnmsubqp', 484],
];
for (const [i, name, xo] of ARITH) {
  row(i, { name, match: X63(xo), mask: M_X, operands: VVV });
  row(i + 1, { name: name + 'o', match: X63(xo, 1), mask: M_X, operands: VVV });
}
row(Qp.XSSQRTQP, { name: 'xssqrtqp', match: XVA(804, 27), mask: M_XVA, operands: VV });
row(Qp.XSSQRTQPO, { name: 'xssqrtqpo', match: XVA(804, 27, 1), mask: M_XVA, operands: VV });
row(Qp.XSCMPUQP, { name: 'xscmpuqp', match: X63(644), mask: M_XBF, operands: ['BF', 'VA', 'VB'] });
row(Qp.XSCMPOQP, { name: 'xscmpoqp', match: X63(132), mask: M_XBF, operands: ['BF', 'VA', 'VB'] });
row(Qp.XSCMPEXPQP, { name: 'xscmpexpqp', match: X63(164), mask: M_XBF, operands: ['BF', 'VA', 'VB'] });
row(Qp.XSCMPEQQP, { name: 'xscmpeqqp', match: X63(68), mask: M_X, operands: VVV });
row(Qp.XSCMPGEQP, { name: 'xscmpgeqp', match: X63(196), mask: M_X, operands: VVV });
row(Qp.XSCMPGTQP, { name: 'xscmpgtqp', match: X63(228), mask: M_X, operands: VVV });
row(Qp.XSMAXCQP, { name: 'xsmaxcqp', match: X63(676), mask: M_X, operands: VVV });
row(Qp.XSMINCQP, { name: 'xsmincqp', match: X63(740), mask: M_X, operands: VVV });
row(Qp.XSCPSGNQP, { name: 'xscpsgnqp', match: X63(100), mask: M_X, operands: VVV });
row(Qp.XSABSQP, { name: 'xsabsqp', match: XVA(804, 0), mask: M_XVA, operands: VV });
row(Qp.XSNABSQP, { name: 'xsnabsqp', match: XVA(804, 8), mask: M_XVA, operands: VV });
row(Qp.XSNEGQP, { name: 'xsnegqp', match: XVA(804, 16), mask: M_XVA, operands: VV });
row(Qp.XSXEXPQP, { name: 'xsxexpqp', match: XVA(804, 2), mask: M_XVA, operands: VV });
row(Qp.XSXSIGQP, { name: 'xsxsigqp', match: XVA(804, 18), mask: M_XVA, operands: VV });
row(Qp.XSIEXPQP, { name: 'xsiexpqp', match: X63(868), mask: M_X, operands: VVV });
row(Qp.XSTSTDCQP, { name: 'xststdcqp', match: X63(708), mask: M_X, operands: ['BF', 'VB', 'DCMX'] });
// conversions: xo 836 with bits 16-20 selecting
const CVT: [Qp, string, number][] = [
  [Qp.XSCVQPDP, 'xscvqpdp', 20],
  [Qp.XSCVDPQP, 'xscvdpqp', 22],
  [Qp.XSCVQPSDZ, 'xscvqpsdz', 25],
  [Qp.XSCVQPSWZ, 'xscvqpswz', 9],
  [Qp.XSCVQPUDZ, 'xscvqpudz', 17],
  [Qp.XSCVQPUWZ, 'xscvqpuwz', 1],
  [Qp.XSCVSDQP, 'xscvsdqp', 10],
  [Qp.XSCVUDQP, 'xscvudqp', 2],
  [Qp.XSCVQPSQZ, 'xscvqpsqz', 8],
  [Qp.XSCVQPUQZ, 'xscvqpuqz', 0],
  [Qp.XSCVSQQP, 'xscvsqqp', 11],
  [Qp.XSCVUQQP, 'xscvuqqp', 3],
];
for (const [i, name, sel] of CVT) {
  row(i, { name, match: XVA(836, sel), mask: M_XVA, operands: VV });
  if (i === Qp.XSCVQPDP) row(Qp.XSCVQPDPO, { name: 'xscvqpdpo', match: XVA(836, sel, 1), mask: M_XVA, operands: VV });
}
// round to integral (R, RMC select the mode; x: report inexact) and to double-extended precision
row(Qp.XSRQPI, { name: 'xsrqpi', match: Z23(5, 0), mask: M_Z23, operands: ['QR', 'VD', 'VB', 'RMC'] });
row(Qp.XSRQPIX, { name: 'xsrqpix', match: Z23(5, 1), mask: M_Z23, operands: ['QR', 'VD', 'VB', 'RMC'] });
row(Qp.XSRQPXP, { name: 'xsrqpxp', match: Z23(37, 0), mask: M_Z23, operands: ['QR', 'VD', 'VB', 'RMC'] });

// qemu (decodetree) ignores bit 0 of these (a reserved bit in the ISA): such words execute as the
// instruction; objdump prints them as .long, so these rows are for decoding only (after the enum's
// rows, executed as the row they spell)
for (const name of [
  'xscmpeqqp',
  'xscmpgeqp',
  'xscmpgtqp',
  'xsmaxcqp',
  'xsmincqp',
  'xststdcqp',
  'xscvqpsqz',
  'xscvqpuqz',
  'xscvsqqp',
  'xscvuqqp',
  'xsrqpxp',
]) {
  const d = rows.find((r) => r.name === name)!;
  rows.push({ ...d, mask: (d.mask & ~1) >>> 0, alias: name, asmOnly: true });
}

export const QP_DEFS: FamilyDefs = { name: 'qp', base: QP_BASE, defs: rows };
