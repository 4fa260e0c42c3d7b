// VSX floating point (primary 60): scalar xs* and vector xv* arithmetic, conversions, compares,
// rounding and tests (Power ISA 3.1 Book I chapter 7). Rows are in the order of the VsxFp enum (their
// operation ids are VSX_FP_BASE + it). Encodings checked against GNU as; reserved fields that qemu
// checks are part of the masks.
import { PO, POM, type FamilyDefs, type InsnDef } from './insn-def';

export const VSX_FP_BASE = 3000;

export const enum VsxFp {
  XSADDDP, XSSUBDP, XSMULDP, XSDIVDP, XSADDSP, XSSUBSP, XSMULSP, XSDIVSP,
  XSMADDADP, XSMADDMDP, XSMSUBADP, XSMSUBMDP, XSNMADDADP, XSNMADDMDP, XSNMSUBADP, XSNMSUBMDP,
  XSMADDASP, XSMADDMSP, XSMSUBASP, XSMSUBMSP, XSNMADDASP, XSNMADDMSP, XSNMSUBASP, XSNMSUBMSP,
  XSCMPEQDP, XSCMPGTDP, XSCMPGEDP, XSMAXDP, XSMINDP, XSCPSGNDP, XSMAXCDP, XSMINCDP,
  XSMAXJDP, XSMINJDP, XVADDDP, XVSUBDP, XVMULDP, XVDIVDP, XVADDSP, XVSUBSP,
  XVMULSP, XVDIVSP, XVMADDADP, XVMADDMDP, XVMSUBADP, XVMSUBMDP, XVNMADDADP, XVNMADDMDP,
  XVNMSUBADP, XVNMSUBMDP, XVMADDASP, XVMADDMSP, XVMSUBASP, XVMSUBMSP, XVNMADDASP, XVNMADDMSP,
  XVNMSUBASP, XVNMSUBMSP, XVMAXDP, XVMINDP, XVCPSGNDP, XVMAXSP, XVMINSP, XVCPSGNSP,
  XSCMPUDP, XSCMPODP, XSCMPEXPDP, XSTDIVDP, XVTDIVDP, XVTDIVSP, XVCMPEQDP, XVCMPGTDP,
  XVCMPGEDP, XVCMPEQSP, XVCMPGTSP, XVCMPGESP, XSSQRTDP, XSSQRTSP, XSCVDPSP, XSCVDPSPN,
  XSCVSPDP, XSCVSPDPN, XSCVDPSXDS, XSCVDPSXWS, XSCVDPUXDS, XSCVDPUXWS, XSCVSXDDP, XSCVUXDDP,
  XSCVSXDSP, XSCVUXDSP, XSRDPI, XSRDPIC, XSRDPIM, XSRDPIP, XSRDPIZ, XSRSP,
  XSABSDP, XSNABSDP, XSNEGDP, XSREDP, XSRESP, XSRSQRTEDP, XSRSQRTESP, XVSQRTDP,
  XVSQRTSP, XVCVDPSP, XVCVSPDP, XVCVDPSXDS, XVCVDPSXWS, XVCVDPUXDS, XVCVDPUXWS, XVCVSPSXWS,
  XVCVSPUXWS, XVCVSPSXDS, XVCVSPUXDS, XVCVSXDDP, XVCVUXDDP, XVCVSXWDP, XVCVUXWDP, XVCVSXWSP,
  XVCVUXWSP, XVCVSXDSP, XVCVUXDSP, XVRDPI, XVRDPIC, XVRDPIM, XVRDPIP, XVRDPIZ,
  XVRSPI, XVRSPIC, XVRSPIM, XVRSPIP, XVRSPIZ, XVABSDP, XVABSSP, XVNABSDP,
  XVNABSSP, XVNEGDP, XVNEGSP, XVREDP, XVRESP, XVRSQRTEDP, XVRSQRTESP, XSTSQRTDP,
  XVTSQRTDP, XVTSQRTSP, XSTSTDCDP, XSTSTDCSP, XVTSTDCDP, XVTSTDCSP, XSXEXPDP, XSXSIGDP,
  XSIEXPDP, XSCVHPDP, XSCVDPHP, XVCVHPSP, XVCVSPHP, XVMOVDP, XVMOVSP,
}

const rows: InsnDef[] = [];
function row(i: VsxFp, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`vsx-fp-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
const u32 = (x: number) => x >>> 0;
/** XX3 form: 8-bit xo in bits 3-10 (AX BX TX in bits 2, 1, 0) */
const XX3 = (xo: number) => u32(PO(60) | (xo << 3));
/** XX2 form: 9-bit xo in bits 2-10 (BX TX in bits 1, 0), bits 16-20 select a variant */
const XX2 = (xo: number, sel = 0) => u32(PO(60) | (xo << 2) | (sel << 16));
const M_XX3 = POM(0x7f8);
const M_XX3_BF = POM(0x6007f9); // BF: bits 21-22 and bit 0 reserved
const M_XX3_RC = POM(0x3f8); // Rc in bit 10
const M_XX2 = POM(0x1f07fc);
const M_XX2_BF = POM(0x7f07fd);

const XX3_ROWS: [VsxFp, string, number][] = [
  [VsxFp.XSADDDP, 'xsadddp', 0x20], [VsxFp.XSSUBDP, 'xssubdp', 0x28], [VsxFp.XSMULDP, 'xsmuldp', 0x30],
  [VsxFp.XSDIVDP, 'xsdivdp', 0x38], [VsxFp.XSADDSP, 'xsaddsp', 0x0], [VsxFp.XSSUBSP, 'xssubsp', 0x8],
  [VsxFp.XSMULSP, 'xsmulsp', 0x10], [VsxFp.XSDIVSP, 'xsdivsp', 0x18], [VsxFp.XSMADDADP, 'xsmaddadp', 0x21],
  [VsxFp.XSMADDMDP, 'xsmaddmdp', 0x29], [VsxFp.XSMSUBADP, 'xsmsubadp', 0x31], [VsxFp.XSMSUBMDP, 'xsmsubmdp', 0x39],
  [VsxFp.XSNMADDADP, 'xsnmaddadp', 0xa1], [VsxFp.XSNMADDMDP, 'xsnmaddmdp', 0xa9], [VsxFp.XSNMSUBADP, 'xsnmsubadp', 0xb1],
  [VsxFp.XSNMSUBMDP, 'xsnmsubmdp', 0xb9], [VsxFp.XSMADDASP, 'xsmaddasp', 0x1], [VsxFp.XSMADDMSP, 'xsmaddmsp', 0x9],
  [VsxFp.XSMSUBASP, 'xsmsubasp', 0x11], [VsxFp.XSMSUBMSP, 'xsmsubmsp', 0x19], [VsxFp.XSNMADDASP, 'xsnmaddasp', 0x81],
  [VsxFp.XSNMADDMSP, 'xsnmaddmsp', 0x89], [VsxFp.XSNMSUBASP, 'xsnmsubasp', 0x91], [VsxFp.XSNMSUBMSP, 'xsnmsubmsp', 0x99],
  [VsxFp.XSCMPEQDP, 'xscmpeqdp', 0x3], [VsxFp.XSCMPGTDP, 'xscmpgtdp', 0xb], [VsxFp.XSCMPGEDP, 'xscmpgedp', 0x13],
  [VsxFp.XSMAXDP, 'xsmaxdp', 0xa0], [VsxFp.XSMINDP, 'xsmindp', 0xa8], [VsxFp.XSCPSGNDP, 'xscpsgndp', 0xb0],
  [VsxFp.XSMAXCDP, 'xsmaxcdp', 0x80], [VsxFp.XSMINCDP, 'xsmincdp', 0x88], [VsxFp.XSMAXJDP, 'xsmaxjdp', 0x90],
  [VsxFp.XSMINJDP, 'xsminjdp', 0x98], [VsxFp.XVADDDP, 'xvadddp', 0x60], [VsxFp.XVSUBDP, 'xvsubdp', 0x68],
  [VsxFp.XVMULDP, 'xvmuldp', 0x70], [VsxFp.XVDIVDP, 'xvdivdp', 0x78], [VsxFp.XVADDSP, 'xvaddsp', 0x40],
  [VsxFp.XVSUBSP, 'xvsubsp', 0x48], [VsxFp.XVMULSP, 'xvmulsp', 0x50], [VsxFp.XVDIVSP, 'xvdivsp', 0x58],
  [VsxFp.XVMADDADP, 'xvmaddadp', 0x61], [VsxFp.XVMADDMDP, 'xvmaddmdp', 0x69], [VsxFp.XVMSUBADP, 'xvmsubadp', 0x71],
  [VsxFp.XVMSUBMDP, 'xvmsubmdp', 0x79], [VsxFp.XVNMADDADP, 'xvnmaddadp', 0xe1], [VsxFp.XVNMADDMDP, 'xvnmaddmdp', 0xe9],
  [VsxFp.XVNMSUBADP, 'xvnmsubadp', 0xf1], [VsxFp.XVNMSUBMDP, 'xvnmsubmdp', 0xf9], [VsxFp.XVMADDASP, 'xvmaddasp', 0x41],
  [VsxFp.XVMADDMSP, 'xvmaddmsp', 0x49], [VsxFp.XVMSUBASP, 'xvmsubasp', 0x51], [VsxFp.XVMSUBMSP, 'xvmsubmsp', 0x59],
  [VsxFp.XVNMADDASP, 'xvnmaddasp', 0xc1], [VsxFp.XVNMADDMSP, 'xvnmaddmsp', 0xc9], [VsxFp.XVNMSUBASP, 'xvnmsubasp', 0xd1],
  [VsxFp.XVNMSUBMSP, 'xvnmsubmsp', 0xd9], [VsxFp.XVMAXDP, 'xvmaxdp', 0xe0], [VsxFp.XVMINDP, 'xvmindp', 0xe8],
  [VsxFp.XVCPSGNDP, 'xvcpsgndp', 0xf0], [VsxFp.XVMAXSP, 'xvmaxsp', 0xc0], [VsxFp.XVMINSP, 'xvminsp', 0xc8],
  [VsxFp.XVCPSGNSP, 'xvcpsgnsp', 0xd0],
];
const BF3_ROWS: [VsxFp, string, number][] = [
  [VsxFp.XSCMPUDP, 'xscmpudp', 0x23], [VsxFp.XSCMPODP, 'xscmpodp', 0x2b], [VsxFp.XSCMPEXPDP, 'xscmpexpdp', 0x3b],
  [VsxFp.XSTDIVDP, 'xstdivdp', 0x3d], [VsxFp.XVTDIVDP, 'xvtdivdp', 0x7d], [VsxFp.XVTDIVSP, 'xvtdivsp', 0x5d],
];
const RC3_ROWS: [VsxFp, string, number][] = [
  [VsxFp.XVCMPEQDP, 'xvcmpeqdp', 0x63], [VsxFp.XVCMPGTDP, 'xvcmpgtdp', 0x6b], [VsxFp.XVCMPGEDP, 'xvcmpgedp', 0x73],
  [VsxFp.XVCMPEQSP, 'xvcmpeqsp', 0x43], [VsxFp.XVCMPGTSP, 'xvcmpgtsp', 0x4b], [VsxFp.XVCMPGESP, 'xvcmpgesp', 0x53],
];
const XX2_ROWS: [VsxFp, string, number][] = [
  [VsxFp.XSSQRTDP, 'xssqrtdp', 0x4b], [VsxFp.XSSQRTSP, 'xssqrtsp', 0xb], [VsxFp.XSCVDPSP, 'xscvdpsp', 0x109],
  [VsxFp.XSCVDPSPN, 'xscvdpspn', 0x10b], [VsxFp.XSCVSPDP, 'xscvspdp', 0x149], [VsxFp.XSCVSPDPN, 'xscvspdpn', 0x14b],
  [VsxFp.XSCVDPSXDS, 'xscvdpsxds', 0x158], [VsxFp.XSCVDPSXWS, 'xscvdpsxws', 0x58], [VsxFp.XSCVDPUXDS, 'xscvdpuxds', 0x148],
  [VsxFp.XSCVDPUXWS, 'xscvdpuxws', 0x48], [VsxFp.XSCVSXDDP, 'xscvsxddp', 0x178], [VsxFp.XSCVUXDDP, 'xscvuxddp', 0x168],
  [VsxFp.XSCVSXDSP, 'xscvsxdsp', 0x138], [VsxFp.XSCVUXDSP, 'xscvuxdsp', 0x128], [VsxFp.XSRDPI, 'xsrdpi', 0x49],
  [VsxFp.XSRDPIC, 'xsrdpic', 0x6b], [VsxFp.XSRDPIM, 'xsrdpim', 0x79], [VsxFp.XSRDPIP, 'xsrdpip', 0x69],
  [VsxFp.XSRDPIZ, 'xsrdpiz', 0x59], [VsxFp.XSRSP, 'xsrsp', 0x119], [VsxFp.XSABSDP, 'xsabsdp', 0x159],
  [VsxFp.XSNABSDP, 'xsnabsdp', 0x169], [VsxFp.XSNEGDP, 'xsnegdp', 0x179], [VsxFp.XSREDP, 'xsredp', 0x5a],
  [VsxFp.XSRESP, 'xsresp', 0x1a], [VsxFp.XSRSQRTEDP, 'xsrsqrtedp', 0x4a], [VsxFp.XSRSQRTESP, 'xsrsqrtesp', 0xa],
  [VsxFp.XVSQRTDP, 'xvsqrtdp', 0xcb], [VsxFp.XVSQRTSP, 'xvsqrtsp', 0x8b], [VsxFp.XVCVDPSP, 'xvcvdpsp', 0x189],
  [VsxFp.XVCVSPDP, 'xvcvspdp', 0x1c9], [VsxFp.XVCVDPSXDS, 'xvcvdpsxds', 0x1d8], [VsxFp.XVCVDPSXWS, 'xvcvdpsxws', 0xd8],
  [VsxFp.XVCVDPUXDS, 'xvcvdpuxds', 0x1c8], [VsxFp.XVCVDPUXWS, 'xvcvdpuxws', 0xc8], [VsxFp.XVCVSPSXWS, 'xvcvspsxws', 0x98],
  [VsxFp.XVCVSPUXWS, 'xvcvspuxws', 0x88], [VsxFp.XVCVSPSXDS, 'xvcvspsxds', 0x198], [VsxFp.XVCVSPUXDS, 'xvcvspuxds', 0x188],
  [VsxFp.XVCVSXDDP, 'xvcvsxddp', 0x1f8], [VsxFp.XVCVUXDDP, 'xvcvuxddp', 0x1e8], [VsxFp.XVCVSXWDP, 'xvcvsxwdp', 0xf8],
  [VsxFp.XVCVUXWDP, 'xvcvuxwdp', 0xe8], [VsxFp.XVCVSXWSP, 'xvcvsxwsp', 0xb8], [VsxFp.XVCVUXWSP, 'xvcvuxwsp', 0xa8],
  [VsxFp.XVCVSXDSP, 'xvcvsxdsp', 0x1b8], [VsxFp.XVCVUXDSP, 'xvcvuxdsp', 0x1a8], [VsxFp.XVRDPI, 'xvrdpi', 0xc9],
  [VsxFp.XVRDPIC, 'xvrdpic', 0xeb], [VsxFp.XVRDPIM, 'xvrdpim', 0xf9], [VsxFp.XVRDPIP, 'xvrdpip', 0xe9],
  [VsxFp.XVRDPIZ, 'xvrdpiz', 0xd9], [VsxFp.XVRSPI, 'xvrspi', 0x89], [VsxFp.XVRSPIC, 'xvrspic', 0xab],
  [VsxFp.XVRSPIM, 'xvrspim', 0xb9], [VsxFp.XVRSPIP, 'xvrspip', 0xa9], [VsxFp.XVRSPIZ, 'xvrspiz', 0x99],
  [VsxFp.XVABSDP, 'xvabsdp', 0x1d9], [VsxFp.XVABSSP, 'xvabssp', 0x199], [VsxFp.XVNABSDP, 'xvnabsdp', 0x1e9],
  [VsxFp.XVNABSSP, 'xvnabssp', 0x1a9], [VsxFp.XVNEGDP, 'xvnegdp', 0x1f9], [VsxFp.XVNEGSP, 'xvnegsp', 0x1b9],
  [VsxFp.XVREDP, 'xvredp', 0xda], [VsxFp.XVRESP, 'xvresp', 0x9a], [VsxFp.XVRSQRTEDP, 'xvrsqrtedp', 0xca],
  [VsxFp.XVRSQRTESP, 'xvrsqrtesp', 0x8a],
];
const BF2_ROWS: [VsxFp, string, number][] = [
  [VsxFp.XSTSQRTDP, 'xstsqrtdp', 0x6a], [VsxFp.XVTSQRTDP, 'xvtsqrtdp', 0xea], [VsxFp.XVTSQRTSP, 'xvtsqrtsp', 0xaa],
];

for (const [i, name, xo] of XX3_ROWS) row(i, { name, match: XX3(xo), mask: M_XX3, operands: ['XT', 'XA', 'XB'] });
for (const [i, name, xo] of BF3_ROWS) row(i, { name, match: XX3(xo), mask: M_XX3_BF, operands: ['BF', 'XA', 'XB'] });
for (const [i, name, xo] of RC3_ROWS) row(i, { name, match: XX3(xo), mask: M_XX3_RC, operands: ['XT', 'XA', 'XB'], rc: true, rcBit: 0x400 });
for (const [i, name, xo] of XX2_ROWS) row(i, { name, match: XX2(xo), mask: M_XX2, operands: ['XT', 'XB'] });
for (const [i, name, xo] of BF2_ROWS) row(i, { name, match: XX2(xo), mask: M_XX2_BF, operands: ['BF', 'XB'] });
// test data class: DCMX in bits 16-22 (scalar), split over bits 16-20, 2 and 6 (vector)
row(VsxFp.XSTSTDCDP, { name: 'xststdcdp', match: XX2(0x16a), mask: POM(0x7fd), operands: ['BF', 'XB', 'DCMX'] });
row(VsxFp.XSTSTDCSP, { name: 'xststdcsp', match: XX2(0x12a), mask: POM(0x7fd), operands: ['BF', 'XB', 'DCMX'] });
row(VsxFp.XVTSTDCDP, { name: 'xvtstdcdp', match: 0xf00007a8, mask: POM(0x7b8), operands: ['XT', 'XB', 'DCMXV'] });
row(VsxFp.XVTSTDCSP, { name: 'xvtstdcsp', match: 0xf00006a8, mask: POM(0x7b8), operands: ['XT', 'XB', 'DCMXV'] });
// exponent and significand, half precision: xo 347 (scalar) / 475 (vector) with bits 16-20 selecting
row(VsxFp.XSXEXPDP, { name: 'xsxexpdp', match: XX2(0x15b, 0), mask: POM(0x1f07fd), operands: ['RT', 'XB'] });
row(VsxFp.XSXSIGDP, { name: 'xsxsigdp', match: XX2(0x15b, 1), mask: POM(0x1f07fd), operands: ['RT', 'XB'] });
row(VsxFp.XSIEXPDP, { name: 'xsiexpdp', match: u32(PO(60) | (918 << 1)), mask: POM(0x7fe), operands: ['XT', 'RA', 'RB'] });
row(VsxFp.XSCVHPDP, { name: 'xscvhpdp', match: XX2(0x15b, 16), mask: M_XX2, operands: ['XT', 'XB'] });
row(VsxFp.XSCVDPHP, { name: 'xscvdphp', match: XX2(0x15b, 17), mask: M_XX2, operands: ['XT', 'XB'] });
row(VsxFp.XVCVHPSP, { name: 'xvcvhpsp', match: XX2(0x1db, 24), mask: M_XX2, operands: ['XT', 'XB'] });
row(VsxFp.XVCVSPHP, { name: 'xvcvsphp', match: XX2(0x1db, 25), mask: M_XX2, operands: ['XT', 'XB'] });
// xvmovdp/xvmovsp XT,XB: xvcpsgndp/sp XT,XB,XB (objdump prints them when XA = XB)
const sameAB = (w: number) => ((w >>> 16) & 31) === ((w >>> 11) & 31) && ((w >>> 2) & 1) === ((w >>> 1) & 1);
const movAB = (v: bigint[]) => [v[0], v[1], v[1]];
row(VsxFp.XVMOVDP, { name: 'xvmovdp', match: XX3(0xf0), mask: M_XX3, operands: ['XT', 'XB'], alias: 'xvcpsgndp', expand: movAB, matches: sameAB });
row(VsxFp.XVMOVSP, { name: 'xvmovsp', match: XX3(0xd0), mask: M_XX3, operands: ['XT', 'XB'], alias: 'xvcpsgnsp', expand: movAB, matches: sameAB });

export const VSX_FP_DEFS: FamilyDefs = { name: 'vsx-fp', base: VSX_FP_BASE, defs: rows };
