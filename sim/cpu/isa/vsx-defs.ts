// VSX non-arithmetic: logical, permute, splat, merge, GPR/VSR moves, and every VMX/VSX load and
// store (so that all vector memory operations, and the access each makes as analyse_instr sees it,
// live in one place). Rows are in the order of the Vsx enum (their operation ids are VSX_BASE + it).
// Extended mnemonics follow objdump: mffprd/mfvrd for mfvsrd, xxmr for xxlor with XA = XB, xxspltd,
// xxswapd, xxmrghd, xxmrgld for xxpermdi.
import { PO, POM, type AccessInfo, type FamilyDefs, type InsnDef } from './insn-def';

export const VSX_BASE = 5000;

export const enum Vsx {
  // VMX loads and stores (LOAD_VMX/STORE_VMX: analyse_instr aligns the address down to the size)
  LVX,
  LVXL,
  LVEBX,
  LVEHX,
  LVEWX,
  LVSL,
  LVSR,
  STVX,
  STVXL,
  STVEBX,
  STVEHX,
  STVEWX,
  // VSX vector loads and stores
  LXVD2X,
  LXVW4X,
  LXVH8X,
  LXVB16X,
  LXVDSX,
  LXVWSX,
  STXVD2X,
  STXVW4X,
  STXVH8X,
  STXVB16X,
  LXV,
  STXV,
  LXVX,
  STXVX,
  LXVL,
  LXVLL,
  STXVL,
  STXVLL,
  LXVRBX,
  LXVRHX,
  LXVRWX,
  LXVRDX,
  STXVRBX,
  STXVRHX,
  STXVRWX,
  STXVRDX,
  LXVP,
  STXVP,
  LXVPX,
  STXVPX,
  // scalar loads and stores
  LXSD,
  STXSD,
  LXSSP,
  STXSSP,
  LXSDX,
  STXSDX,
  LXSSPX,
  STXSSPX,
  LXSIWAX,
  LXSIWZX,
  STXSIWX,
  LXSIBZX,
  LXSIHZX,
  STXSIBX,
  STXSIHX,
  // GPR <-> VSR
  MFVSRD,
  MFFPRD,
  MFVRD,
  MFVSRWZ,
  MFFPRWZ,
  MFVRWZ,
  MTVSRD,
  MTFPRD,
  MTVRD,
  MTVSRWA,
  MTFPRWA,
  MTVRWA,
  MTVSRWZ,
  MTFPRWZ,
  MTVRWZ,
  MFVSRLD,
  MTVSRDD,
  MTVSRWS,
  // logical
  XXLAND,
  XXLANDC,
  XXLOR,
  XXMR,
  XXLORC,
  XXLXOR,
  XXLNOR,
  XXLNOT,
  XXLEQV,
  XXLNAND,
  XXSEL,
  // permute, merge, splat
  XXPERM,
  XXPERMR,
  XXPERMDI,
  XXMRGHD,
  XXMRGLD,
  XXSPLTD,
  XXSPLTD3,
  XXSWAPD,
  XXMRGHW,
  XXMRGLW,
  XXSPLTW,
  XXSPLTIB,
  XXSLDWI,
  XXBRH,
  XXBRW,
  XXBRD,
  XXBRQ,
  XXEXTRACTUW,
  XXINSERTW,
  XXGENPCVBM,
  XXGENPCVHM,
  XXGENPCVWM,
  XXGENPCVDM,
  LXVKQ,
}

const rows: InsnDef[] = [];
function row(i: Vsx, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`vsx-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}

// forms
const X31 = (xo: number) => (PO(31) | (xo << 1)) >>> 0;
const M_X = POM(0x7fe); // X form with the TX (or reserved) bit 0 as operand
const M_X0 = POM(0x7ff); // X form, bit 0 reserved
const XX3 = (xo: number) => (PO(60) | (xo << 3)) >>> 0;
const M_XX3 = POM(0x7f8);
const XX2 = (xo: number, a: number) => (PO(60) | (a << 16) | (xo << 2)) >>> 0;
const M_XX2 = 0xfc1f07fc;

const ld = (size: number, ea: AccessInfo['ea'], more: Partial<AccessInfo> = {}): AccessInfo => ({
  kind: 'load_vsx',
  size,
  ea,
  fp: true,
  ...more,
});
const st = (size: number, ea: AccessInfo['ea'], more: Partial<AccessInfo> = {}): AccessInfo => ({
  kind: 'store_vsx',
  size,
  ea,
  fp: true,
  ...more,
});
const vld = (size: number): AccessInfo => ({ kind: 'load', size, ea: 'X', fp: true, vmx: true });
const vst = (size: number): AccessInfo => ({ kind: 'store', size, ea: 'X', fp: true, vmx: true });

// ---- VMX loads and stores: VD, RA|0, RB
row(Vsx.LVX, { name: 'lvx', match: X31(103), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vld(16) });
row(Vsx.LVXL, { name: 'lvxl', match: X31(359), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vld(16) });
row(Vsx.LVEBX, { name: 'lvebx', match: X31(7), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vld(1) });
row(Vsx.LVEHX, { name: 'lvehx', match: X31(39), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vld(2) });
row(Vsx.LVEWX, { name: 'lvewx', match: X31(71), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vld(4) });
// lvsl/lvsr compute a permute control from the address: no access
row(Vsx.LVSL, { name: 'lvsl', match: X31(6), mask: M_X0, operands: ['VD', 'RA0', 'RB'] });
row(Vsx.LVSR, { name: 'lvsr', match: X31(38), mask: M_X0, operands: ['VD', 'RA0', 'RB'] });
row(Vsx.STVX, { name: 'stvx', match: X31(231), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vst(16) });
row(Vsx.STVXL, { name: 'stvxl', match: X31(487), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vst(16) });
row(Vsx.STVEBX, { name: 'stvebx', match: X31(135), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vst(1) });
row(Vsx.STVEHX, { name: 'stvehx', match: X31(167), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vst(2) });
row(Vsx.STVEWX, { name: 'stvewx', match: X31(199), mask: M_X0, operands: ['VD', 'RA0', 'RB'], access: vst(4) });

// ---- VSX vector loads and stores: XT, RA|0, RB
const XLS = (i: Vsx, name: string, xo: number, access: AccessInfo) =>
  row(i, { name, match: X31(xo), mask: M_X, operands: ['XT', 'RA0', 'RB'], access });
XLS(Vsx.LXVD2X, 'lxvd2x', 844, ld(16, 'X'));
XLS(Vsx.LXVW4X, 'lxvw4x', 780, ld(16, 'X'));
XLS(Vsx.LXVH8X, 'lxvh8x', 812, ld(16, 'X'));
XLS(Vsx.LXVB16X, 'lxvb16x', 876, ld(16, 'X'));
XLS(Vsx.LXVDSX, 'lxvdsx', 332, ld(8, 'X'));
XLS(Vsx.LXVWSX, 'lxvwsx', 364, ld(4, 'X'));
XLS(Vsx.STXVD2X, 'stxvd2x', 972, st(16, 'X'));
XLS(Vsx.STXVW4X, 'stxvw4x', 908, st(16, 'X'));
XLS(Vsx.STXVH8X, 'stxvh8x', 940, st(16, 'X'));
XLS(Vsx.STXVB16X, 'stxvb16x', 1004, st(16, 'X'));
row(Vsx.LXV, {
  name: 'lxv',
  match: (PO(61) | 1) >>> 0,
  mask: POM(7),
  operands: ['XTQ', 'DQ', 'RA0'],
  access: ld(16, 'DQ'),
});
row(Vsx.STXV, {
  name: 'stxv',
  match: (PO(61) | 5) >>> 0,
  mask: POM(7),
  operands: ['XTQ', 'DQ', 'RA0'],
  access: st(16, 'DQ'),
});
XLS(Vsx.LXVX, 'lxvx', 268, ld(16, 'X'));
XLS(Vsx.STXVX, 'stxvx', 396, st(16, 'X'));
// lxvl/stxvl: the length is a register's; analyse.ts has the kernel's rule (XR: the ea is RA|0)
XLS(Vsx.LXVL, 'lxvl', 269, ld(16, 'XR', { variable: true }));
XLS(Vsx.LXVLL, 'lxvll', 301, ld(16, 'XR', { variable: true }));
XLS(Vsx.STXVL, 'stxvl', 397, st(16, 'XR', { variable: true }));
XLS(Vsx.STXVLL, 'stxvll', 429, st(16, 'XR', { variable: true }));
// POWER10 rightmost-element loads/stores: analyse_instr does not know them (type UNKNOWN)
XLS(Vsx.LXVRBX, 'lxvrbx', 13, ld(1, 'X', { unknown: true }));
XLS(Vsx.LXVRHX, 'lxvrhx', 45, ld(2, 'X', { unknown: true }));
XLS(Vsx.LXVRWX, 'lxvrwx', 77, ld(4, 'X', { unknown: true }));
XLS(Vsx.LXVRDX, 'lxvrdx', 109, ld(8, 'X', { unknown: true }));
XLS(Vsx.STXVRBX, 'stxvrbx', 141, st(1, 'X', { unknown: true }));
XLS(Vsx.STXVRHX, 'stxvrhx', 173, st(2, 'X', { unknown: true }));
XLS(Vsx.STXVRWX, 'stxvrwx', 205, st(4, 'X', { unknown: true }));
XLS(Vsx.STXVRDX, 'stxvrdx', 237, st(8, 'X', { unknown: true }));
// POWER10 paired (32 bytes): lxvp/stxvp DQ form, primary 6
row(Vsx.LXVP, { name: 'lxvp', match: PO(6), mask: POM(15), operands: ['XTP', 'DQ', 'RA0'], access: ld(32, 'DQ') });
row(Vsx.STXVP, {
  name: 'stxvp',
  match: (PO(6) | 1) >>> 0,
  mask: POM(15),
  operands: ['XTP', 'DQ', 'RA0'],
  access: st(32, 'DQ'),
});
row(Vsx.LXVPX, { name: 'lxvpx', match: X31(333), mask: M_X0, operands: ['XTP', 'RA0', 'RB'], access: ld(32, 'X') });
row(Vsx.STXVPX, { name: 'stxvpx', match: X31(461), mask: M_X0, operands: ['XTP', 'RA0', 'RB'], access: st(32, 'X') });

// ---- scalar: lxsd/lxssp (DS form, primary 57), stxsd/stxssp (primary 61): VRT = VSR 32+VRT
row(Vsx.LXSD, {
  name: 'lxsd',
  match: (PO(57) | 2) >>> 0,
  mask: POM(3),
  operands: ['VRT', 'DS', 'RA0'],
  access: ld(8, 'DS'),
});
row(Vsx.STXSD, {
  name: 'stxsd',
  match: (PO(61) | 2) >>> 0,
  mask: POM(3),
  operands: ['VRT', 'DS', 'RA0'],
  access: st(8, 'DS'),
});
row(Vsx.LXSSP, {
  name: 'lxssp',
  match: (PO(57) | 3) >>> 0,
  mask: POM(3),
  operands: ['VRT', 'DS', 'RA0'],
  access: ld(4, 'DS'),
});
row(Vsx.STXSSP, {
  name: 'stxssp',
  match: (PO(61) | 3) >>> 0,
  mask: POM(3),
  operands: ['VRT', 'DS', 'RA0'],
  access: st(4, 'DS'),
});
XLS(Vsx.LXSDX, 'lxsdx', 588, ld(8, 'X'));
XLS(Vsx.STXSDX, 'stxsdx', 716, st(8, 'X'));
XLS(Vsx.LXSSPX, 'lxsspx', 524, ld(4, 'X'));
XLS(Vsx.STXSSPX, 'stxsspx', 652, st(4, 'X'));
XLS(Vsx.LXSIWAX, 'lxsiwax', 76, ld(4, 'X', { signed: true }));
XLS(Vsx.LXSIWZX, 'lxsiwzx', 12, ld(4, 'X'));
XLS(Vsx.STXSIWX, 'stxsiwx', 140, st(4, 'X'));
XLS(Vsx.LXSIBZX, 'lxsibzx', 781, ld(1, 'X'));
XLS(Vsx.LXSIHZX, 'lxsihzx', 813, ld(2, 'X'));
XLS(Vsx.STXSIBX, 'stxsibx', 909, st(1, 'X'));
XLS(Vsx.STXSIHX, 'stxsihx', 941, st(2, 'X'));

// ---- GPR <-> VSR (XX1 form). objdump spells the doubleword/word moves by register half: f (vs0-31),
// v (vs32-63), as the more specific rows below (bit 0 fixed); they execute as the base row.
const MV = (i: Vsx, name: string, xo: number, ops: InsnDef['operands'], more: Partial<InsnDef> = {}) =>
  row(i, { name, match: X31(xo), mask: POM(0xf800 | 0x7fe), operands: ops, ...more });
const MVF = (i: Vsx, name: string, xo: number, ops: InsnDef['operands'], base: string) =>
  row(i, { name, match: X31(xo), mask: POM(0xf800 | 0x7ff), operands: ops, alias: base });
const MVV = (i: Vsx, name: string, xo: number, ops: InsnDef['operands'], base: string) =>
  row(i, { name, match: (X31(xo) | 1) >>> 0, mask: POM(0xf800 | 0x7ff), operands: ops, alias: base });
MV(Vsx.MFVSRD, 'mfvsrd', 51, ['RA', 'XT']);
MVF(Vsx.MFFPRD, 'mffprd', 51, ['RA', 'FRSV'], 'mfvsrd');
MVV(Vsx.MFVRD, 'mfvrd', 51, ['RA', 'VRSV'], 'mfvsrd');
MV(Vsx.MFVSRWZ, 'mfvsrwz', 115, ['RA', 'XT']);
MVF(Vsx.MFFPRWZ, 'mffprwz', 115, ['RA', 'FRSV'], 'mfvsrwz');
MVV(Vsx.MFVRWZ, 'mfvrwz', 115, ['RA', 'VRSV'], 'mfvsrwz');
MV(Vsx.MTVSRD, 'mtvsrd', 179, ['XT', 'RA']);
MVF(Vsx.MTFPRD, 'mtfprd', 179, ['FRSV', 'RA'], 'mtvsrd');
MVV(Vsx.MTVRD, 'mtvrd', 179, ['VRSV', 'RA'], 'mtvsrd');
MV(Vsx.MTVSRWA, 'mtvsrwa', 211, ['XT', 'RA']);
MVF(Vsx.MTFPRWA, 'mtfprwa', 211, ['FRSV', 'RA'], 'mtvsrwa');
MVV(Vsx.MTVRWA, 'mtvrwa', 211, ['VRSV', 'RA'], 'mtvsrwa');
MV(Vsx.MTVSRWZ, 'mtvsrwz', 243, ['XT', 'RA']);
MVF(Vsx.MTFPRWZ, 'mtfprwz', 243, ['FRSV', 'RA'], 'mtvsrwz');
MVV(Vsx.MTVRWZ, 'mtvrwz', 243, ['VRSV', 'RA'], 'mtvsrwz');
MV(Vsx.MFVSRLD, 'mfvsrld', 307, ['RA', 'XT']);
row(Vsx.MTVSRDD, { name: 'mtvsrdd', match: X31(435), mask: M_X, operands: ['XT', 'RA0', 'RB'] });
MV(Vsx.MTVSRWS, 'mtvsrws', 403, ['XT', 'RA']);

// ---- logical (XX3)
const sameAB = (w: number) => ((w >>> 16) & 31) === ((w >>> 11) & 31) && ((w >>> 2) & 1) === ((w >>> 1) & 1);
const dupA = (v: bigint[]) => [v[0], v[1], v[1]];
const L3 = (i: Vsx, name: string, xo: number) =>
  row(i, { name, match: XX3(xo), mask: M_XX3, operands: ['XT', 'XA6', 'XB6'] });
L3(Vsx.XXLAND, 'xxland', 130);
L3(Vsx.XXLANDC, 'xxlandc', 138);
L3(Vsx.XXLOR, 'xxlor', 146);
row(Vsx.XXMR, {
  name: 'xxmr',
  match: XX3(146),
  mask: M_XX3,
  operands: ['XT', 'XA6'],
  alias: 'xxlor',
  expand: dupA,
  matches: sameAB,
});
L3(Vsx.XXLORC, 'xxlorc', 170);
L3(Vsx.XXLXOR, 'xxlxor', 154);
L3(Vsx.XXLNOR, 'xxlnor', 162);
row(Vsx.XXLNOT, {
  name: 'xxlnot',
  match: XX3(162),
  mask: M_XX3,
  operands: ['XT', 'XA6'],
  alias: 'xxlnor',
  expand: dupA,
  matches: sameAB,
});
L3(Vsx.XXLEQV, 'xxleqv', 186);
L3(Vsx.XXLNAND, 'xxlnand', 178);
row(Vsx.XXSEL, {
  name: 'xxsel',
  match: (PO(60) | (3 << 4)) >>> 0,
  mask: POM(0x30),
  operands: ['XT', 'XA6', 'XB6', 'XC6'],
});

// ---- permute, merge, splat
L3(Vsx.XXPERM, 'xxperm', 26);
L3(Vsx.XXPERMR, 'xxpermr', 58);
const M_DM = POM(0x4f8);
row(Vsx.XXPERMDI, { name: 'xxpermdi', match: XX3(10), mask: M_DM, operands: ['XT', 'XA6', 'XB6', 'DM'] });
row(Vsx.XXMRGHD, { name: 'xxmrghd', match: XX3(10), mask: M_XX3, operands: ['XT', 'XA6', 'XB6'], alias: 'xxpermdi' });
row(Vsx.XXMRGLD, {
  name: 'xxmrgld',
  match: (XX3(10) | (3 << 8)) >>> 0,
  mask: M_XX3,
  operands: ['XT', 'XA6', 'XB6'],
  alias: 'xxpermdi',
});
// xxspltd XT,XA,0|1 is DM 0|3 with XA = XB: two rows, each as specific as xxmrghd/xxmrgld (objdump
// prefers xxspltd); the second only prints
row(Vsx.XXSPLTD, {
  name: 'xxspltd',
  match: XX3(10),
  mask: M_XX3,
  operands: ['XT', 'XA6', 'UIM1'],
  alias: 'xxpermdi',
  expand: (v) => [v[0], v[1], v[1], v[2] ? 3n : 0n],
  matches: sameAB,
});
row(Vsx.XXSPLTD3, {
  name: 'xxspltd',
  match: (XX3(10) | (3 << 8)) >>> 0,
  mask: M_XX3,
  operands: ['XT', 'XA6', 'UIM1'],
  alias: 'xxpermdi',
  matches: sameAB,
  disasmOnly: true,
});
row(Vsx.XXSWAPD, {
  name: 'xxswapd',
  match: (XX3(10) | (2 << 8)) >>> 0,
  mask: M_XX3,
  operands: ['XT', 'XA6'],
  alias: 'xxpermdi',
  expand: (v) => [v[0], v[1], v[1], 2n],
  matches: sameAB,
});
L3(Vsx.XXMRGHW, 'xxmrghw', 18);
L3(Vsx.XXMRGLW, 'xxmrglw', 50);
row(Vsx.XXSPLTW, { name: 'xxspltw', match: XX2(164, 0), mask: 0xfc1c07fc, operands: ['XT', 'XB6', 'UIM2X'] });
row(Vsx.XXSPLTIB, { name: 'xxspltib', match: (PO(60) | (360 << 1)) >>> 0, mask: 0xfc1807fe, operands: ['XT', 'IMM8'] });
row(Vsx.XXSLDWI, { name: 'xxsldwi', match: XX3(2), mask: M_DM, operands: ['XT', 'XA6', 'XB6', 'SHW'] });
row(Vsx.XXBRH, { name: 'xxbrh', match: XX2(475, 7), mask: M_XX2, operands: ['XT', 'XB6'] });
row(Vsx.XXBRW, { name: 'xxbrw', match: XX2(475, 15), mask: M_XX2, operands: ['XT', 'XB6'] });
row(Vsx.XXBRD, { name: 'xxbrd', match: XX2(475, 23), mask: M_XX2, operands: ['XT', 'XB6'] });
row(Vsx.XXBRQ, { name: 'xxbrq', match: XX2(475, 31), mask: M_XX2, operands: ['XT', 'XB6'] });
row(Vsx.XXEXTRACTUW, { name: 'xxextractuw', match: XX2(165, 0), mask: 0xfc1007fc, operands: ['XT', 'XB6', 'UIM4X'] });
row(Vsx.XXINSERTW, { name: 'xxinsertw', match: XX2(181, 0), mask: 0xfc1007fc, operands: ['XT', 'XB6', 'UIM4X'] });
const GP = (i: Vsx, name: string, xo: number) =>
  row(i, { name, match: (PO(60) | (xo << 1)) >>> 0, mask: M_X, operands: ['XT', 'VB', 'IMM5A'] });
GP(Vsx.XXGENPCVBM, 'xxgenpcvbm', 916);
GP(Vsx.XXGENPCVHM, 'xxgenpcvhm', 917);
GP(Vsx.XXGENPCVWM, 'xxgenpcvwm', 948);
GP(Vsx.XXGENPCVDM, 'xxgenpcvdm', 949);
row(Vsx.LXVKQ, {
  name: 'lxvkq',
  match: (PO(60) | (31 << 16) | (360 << 1)) >>> 0,
  mask: 0xfc1f07fe,
  operands: ['XT', 'UIM5B'],
});

export const VSX_DEFS: FamilyDefs = { name: 'vsx', base: VSX_BASE, defs: rows };
