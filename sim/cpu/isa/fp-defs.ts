// Scalar floating point: primary opcodes 59 and 63, FP loads and stores, the FPSCR instructions
// (Power ISA 3.1 Book I chapter 4). Rows are in the order of the Fp enum (their operation ids are
// FP_BASE + it). Reserved fields that qemu checks are part of the masks (a word with them set is
// no instruction: SIGILL).
import { PO, POM, type AccessInfo, type FamilyDefs, type InsnDef } from './insn-def';

export const FP_BASE = 2000;

export const enum Fp {
  // arithmetic, double (63) and single (59)
  FADD,
  FSUB,
  FMUL,
  FDIV,
  FSQRT,
  FRE,
  FRSQRTE,
  FSEL,
  FMADD,
  FMSUB,
  FNMADD,
  FNMSUB,
  FADDS,
  FSUBS,
  FMULS,
  FDIVS,
  FSQRTS,
  FRES,
  FRSQRTES,
  FMADDS,
  FMSUBS,
  FNMADDS,
  FNMSUBS,
  // moves
  FMR,
  FNEG,
  FABS,
  FNABS,
  FCPSGN,
  FMRGEW,
  FMRGOW,
  // rounding and conversion
  FRSP,
  FCTIW,
  FCTIWZ,
  FCTIWU,
  FCTIWUZ,
  FCTID,
  FCTIDZ,
  FCTIDU,
  FCTIDUZ,
  FCFID,
  FCFIDU,
  FCFIDS,
  FCFIDUS,
  FRIN,
  FRIZ,
  FRIP,
  FRIM,
  // compare and test
  FCMPU,
  FCMPO,
  FTDIV,
  FTSQRT,
  // FPSCR
  MFFS,
  MFFSCE,
  MFFSCDRN,
  MFFSCDRNI,
  MFFSCRN,
  MFFSCRNI,
  MFFSL,
  MTFSF,
  MTFSF_LW0,
  MTFSF_L,
  MTFSFI,
  MTFSFI_W0,
  MTFSB0,
  MTFSB1,
  MCRFS,
  // loads and stores
  LFS,
  LFSU,
  LFD,
  LFDU,
  STFS,
  STFSU,
  STFD,
  STFDU,
  LFSX,
  LFSUX,
  LFDX,
  LFDUX,
  STFSX,
  STFSUX,
  STFDX,
  STFDUX,
  LFIWAX,
  LFIWZX,
  STFIWX,
  LFDP,
  LFDPX,
  STFDP,
  STFDPX,
}

const rows: InsnDef[] = [];
function row(i: Fp, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`fp-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
const u32 = (x: number) => x >>> 0;
/** A form: primary, 5-bit xo in bits 1-5 */
const A = (po: number, xo: number) => u32(PO(po) | (xo << 1));
/** X form: primary, 10-bit xo in bits 1-10 */
const X = (po: number, xo: number) => u32(PO(po) | (xo << 1));
const FA = 0x1f << 16; // FRA field
const FB = 0x1f << 11; // FRB field
const FC = 0x1f << 6; // FRC field
const XO5 = 0x3e;
const XO10 = 0x7fe;
const RC = 1;

const load = (size: number, ea: AccessInfo['ea'], update = false): AccessInfo => ({
  kind: 'load',
  size,
  ea,
  fp: true,
  ...(update ? { update } : {}),
});
const store = (size: number, ea: AccessInfo['ea'], update = false): AccessInfo => ({
  kind: 'store',
  size,
  ea,
  fp: true,
  ...(update ? { update } : {}),
});

// ---- arithmetic ----
for (const [po, s] of [
  [63, ''],
  [59, 's'],
] as const) {
  const base = po === 63 ? Fp.FADD : Fp.FADDS;
  const at = (i: Fp) => (po === 63 ? i : ((i - Fp.FADD + base) as Fp));
  row(at(Fp.FADD), {
    name: 'fadd' + s,
    match: A(po, 21),
    mask: POM(XO5 | FC),
    operands: ['FRT', 'FRA', 'FRB'],
    rc: true,
  });
  row(at(Fp.FSUB), {
    name: 'fsub' + s,
    match: A(po, 20),
    mask: POM(XO5 | FC),
    operands: ['FRT', 'FRA', 'FRB'],
    rc: true,
  });
  row(at(Fp.FMUL), {
    name: 'fmul' + s,
    match: A(po, 25),
    mask: POM(XO5 | FB),
    operands: ['FRT', 'FRA', 'FRC'],
    rc: true,
  });
  row(at(Fp.FDIV), {
    name: 'fdiv' + s,
    match: A(po, 18),
    mask: POM(XO5 | FC),
    operands: ['FRT', 'FRA', 'FRB'],
    rc: true,
  });
  row(at(Fp.FSQRT), {
    name: 'fsqrt' + s,
    match: A(po, 22),
    mask: POM(XO5 | FA | FC),
    operands: ['FRT', 'FRB'],
    rc: true,
  });
  row(at(Fp.FRE), { name: 'fre' + s, match: A(po, 24), mask: POM(XO5 | FA | FC), operands: ['FRT', 'FRB'], rc: true });
  row(at(Fp.FRSQRTE), {
    name: 'frsqrte' + s,
    match: A(po, 26),
    mask: POM(XO5 | FA | FC),
    operands: ['FRT', 'FRB'],
    rc: true,
  });
  if (po === 63)
    row(Fp.FSEL, { name: 'fsel', match: A(63, 23), mask: POM(XO5), operands: ['FRT', 'FRA', 'FRC', 'FRB'], rc: true });
  const madd = po === 63 ? Fp.FMADD : Fp.FMADDS;
  row(madd, { name: 'fmadd' + s, match: A(po, 29), mask: POM(XO5), operands: ['FRT', 'FRA', 'FRC', 'FRB'], rc: true });
  row((madd + 1) as Fp, {
    name: 'fmsub' + s,
    match: A(po, 28),
    mask: POM(XO5),
    operands: ['FRT', 'FRA', 'FRC', 'FRB'],
    rc: true,
  });
  row((madd + 2) as Fp, {
    name: 'fnmadd' + s,
    match: A(po, 31),
    mask: POM(XO5),
    operands: ['FRT', 'FRA', 'FRC', 'FRB'],
    rc: true,
  });
  row((madd + 3) as Fp, {
    name: 'fnmsub' + s,
    match: A(po, 30),
    mask: POM(XO5),
    operands: ['FRT', 'FRA', 'FRC', 'FRB'],
    rc: true,
  });
}

// ---- moves ----
row(Fp.FMR, { name: 'fmr', match: X(63, 72), mask: POM(XO10 | FA), operands: ['FRT', 'FRB'], rc: true });
row(Fp.FNEG, { name: 'fneg', match: X(63, 40), mask: POM(XO10 | FA), operands: ['FRT', 'FRB'], rc: true });
row(Fp.FABS, { name: 'fabs', match: X(63, 264), mask: POM(XO10 | FA), operands: ['FRT', 'FRB'], rc: true });
row(Fp.FNABS, { name: 'fnabs', match: X(63, 136), mask: POM(XO10 | FA), operands: ['FRT', 'FRB'], rc: true });
row(Fp.FCPSGN, { name: 'fcpsgn', match: X(63, 8), mask: POM(XO10), operands: ['FRT', 'FRA', 'FRB'], rc: true });
row(Fp.FMRGEW, { name: 'fmrgew', match: X(63, 966), mask: POM(XO10 | RC), operands: ['FRT', 'FRA', 'FRB'] });
row(Fp.FMRGOW, { name: 'fmrgow', match: X(63, 838), mask: POM(XO10 | RC), operands: ['FRT', 'FRA', 'FRB'] });

// ---- rounding and conversion (FRT, FRB) ----
const RB: [Fp, string, number, number][] = [
  [Fp.FRSP, 'frsp', 63, 12],
  [Fp.FCTIW, 'fctiw', 63, 14],
  [Fp.FCTIWZ, 'fctiwz', 63, 15],
  [Fp.FCTIWU, 'fctiwu', 63, 142],
  [Fp.FCTIWUZ, 'fctiwuz', 63, 143],
  [Fp.FCTID, 'fctid', 63, 814],
  [Fp.FCTIDZ, 'fctidz', 63, 815],
  [Fp.FCTIDU, 'fctidu', 63, 942],
  [Fp.FCTIDUZ, 'fctiduz', 63, 943],
  [Fp.FCFID, 'fcfid', 63, 846],
  [Fp.FCFIDU, 'fcfidu', 63, 974],
  [Fp.FCFIDS, 'fcfids', 59, 846],
  [Fp.FCFIDUS, 'fcfidus', 59, 974],
  [Fp.FRIN, 'frin', 63, 392],
  [Fp.FRIZ, 'friz', 63, 424],
  [Fp.FRIP, 'frip', 63, 456],
  [Fp.FRIM, 'frim', 63, 488],
];
for (const [i, name, po, xo] of RB)
  row(i, { name, match: X(po, xo), mask: POM(XO10 | FA), operands: ['FRT', 'FRB'], rc: true });

// ---- compare and test ----
const BF_LOW = 3 << 21; // bits 21-22 below BF
row(Fp.FCMPU, { name: 'fcmpu', match: X(63, 0), mask: POM(XO10 | RC | BF_LOW), operands: ['BF', 'FRA', 'FRB'] });
row(Fp.FCMPO, { name: 'fcmpo', match: X(63, 32), mask: POM(XO10 | RC | BF_LOW), operands: ['BF', 'FRA', 'FRB'] });
row(Fp.FTDIV, { name: 'ftdiv', match: X(63, 128), mask: POM(XO10 | RC | BF_LOW), operands: ['BF', 'FRA', 'FRB'] });
row(Fp.FTSQRT, { name: 'ftsqrt', match: X(63, 160), mask: POM(XO10 | RC | BF_LOW | FA), operands: ['BF', 'FRB'] });

// ---- FPSCR ----
// mffs and its ISA 3.0 variants share xo 583 and differ in bits 16-20
const MFFS = (sel: number) => u32(X(63, 583) | (sel << 16));
const SEL = 0x1f << 16;
row(Fp.MFFS, { name: 'mffs', match: MFFS(0), mask: POM(XO10 | SEL | FB), operands: ['FRT'], rc: true });
row(Fp.MFFSCE, { name: 'mffsce', match: MFFS(1), mask: POM(XO10 | SEL | FB | RC), operands: ['FRT'] });
row(Fp.MFFSCDRN, { name: 'mffscdrn', match: MFFS(20), mask: POM(XO10 | SEL | RC), operands: ['FRT', 'FRB'] });
row(Fp.MFFSCDRNI, {
  name: 'mffscdrni',
  match: MFFS(21),
  mask: POM(XO10 | SEL | RC | (3 << 14)),
  operands: ['FRT', 'DRM'],
});
row(Fp.MFFSCRN, { name: 'mffscrn', match: MFFS(22), mask: POM(XO10 | SEL | RC), operands: ['FRT', 'FRB'] });
row(Fp.MFFSCRNI, {
  name: 'mffscrni',
  match: MFFS(23),
  mask: POM(XO10 | SEL | RC | (7 << 13)),
  operands: ['FRT', 'RM'],
});
row(Fp.MFFSL, { name: 'mffsl', match: MFFS(24), mask: POM(XO10 | SEL | FB | RC), operands: ['FRT'] });
// mtfsf FLM,FRB[,L[,W]]: objdump leaves out a trailing L, W that are 0 (the narrower rows print that)
const MTFSF = X(63, 711);
const L25 = 1 << 25;
const W16 = 1 << 16;
row(Fp.MTFSF, { name: 'mtfsf', match: MTFSF, mask: POM(XO10), operands: ['FLM', 'FRB', 'FL', 'FW'], rc: true });
row(Fp.MTFSF_LW0, {
  name: 'mtfsf',
  match: MTFSF,
  mask: POM(XO10 | L25 | W16),
  operands: ['FLM', 'FRB'],
  rc: true,
  alias: 'mtfsf',
  disasmOnly: true,
});
row(Fp.MTFSF_L, {
  name: 'mtfsf',
  match: u32(MTFSF | L25),
  mask: POM(XO10 | L25 | W16),
  operands: ['FLM', 'FRB', 'FL'],
  rc: true,
  alias: 'mtfsf',
  disasmOnly: true,
});
// mtfsfi BF,U[,W]
const MTFSFI = X(63, 134);
const MTFSFI_RES = (3 << 21) | (0xf << 17) | (1 << 11);
row(Fp.MTFSFI, {
  name: 'mtfsfi',
  match: MTFSFI,
  mask: POM(XO10 | MTFSFI_RES),
  operands: ['FBF', 'FU', 'FW'],
  rc: true,
});
row(Fp.MTFSFI_W0, {
  name: 'mtfsfi',
  match: MTFSFI,
  mask: POM(XO10 | MTFSFI_RES | W16),
  operands: ['FBF', 'FU'],
  rc: true,
  alias: 'mtfsfi',
  disasmOnly: true,
});
row(Fp.MTFSB0, { name: 'mtfsb0', match: X(63, 70), mask: POM(XO10 | FA | FB), operands: ['FBT'], rc: true });
row(Fp.MTFSB1, { name: 'mtfsb1', match: X(63, 38), mask: POM(XO10 | FA | FB), operands: ['FBT'], rc: true });
row(Fp.MCRFS, {
  name: 'mcrfs',
  match: X(63, 64),
  mask: POM(XO10 | RC | BF_LOW | (3 << 16) | FB),
  operands: ['BF', 'BFA'],
});

// ---- loads and stores ----
const D = (po: number) => PO(po);
row(Fp.LFS, { name: 'lfs', match: D(48), mask: POM(0), operands: ['FRT', 'D', 'RA0'], access: load(4, 'D') });
row(Fp.LFSU, { name: 'lfsu', match: D(49), mask: POM(0), operands: ['FRT', 'D', 'RA0'], access: load(4, 'D', true) });
row(Fp.LFD, { name: 'lfd', match: D(50), mask: POM(0), operands: ['FRT', 'D', 'RA0'], access: load(8, 'D') });
row(Fp.LFDU, { name: 'lfdu', match: D(51), mask: POM(0), operands: ['FRT', 'D', 'RA0'], access: load(8, 'D', true) });
row(Fp.STFS, { name: 'stfs', match: D(52), mask: POM(0), operands: ['FRS', 'D', 'RA0'], access: store(4, 'D') });
row(Fp.STFSU, {
  name: 'stfsu',
  match: D(53),
  mask: POM(0),
  operands: ['FRS', 'D', 'RA0'],
  access: store(4, 'D', true),
});
row(Fp.STFD, { name: 'stfd', match: D(54), mask: POM(0), operands: ['FRS', 'D', 'RA0'], access: store(8, 'D') });
row(Fp.STFDU, {
  name: 'stfdu',
  match: D(55),
  mask: POM(0),
  operands: ['FRS', 'D', 'RA0'],
  access: store(8, 'D', true),
});
const XL: [Fp, string, number, boolean, number, boolean][] = [
  [Fp.LFSX, 'lfsx', 535, false, 4, false],
  [Fp.LFSUX, 'lfsux', 567, false, 4, true],
  [Fp.LFDX, 'lfdx', 599, false, 8, false],
  [Fp.LFDUX, 'lfdux', 631, false, 8, true],
  [Fp.STFSX, 'stfsx', 663, true, 4, false],
  [Fp.STFSUX, 'stfsux', 695, true, 4, true],
  [Fp.STFDX, 'stfdx', 727, true, 8, false],
  [Fp.STFDUX, 'stfdux', 759, true, 8, true],
];
for (const [i, name, xo, st, size, up] of XL) {
  row(i, {
    name,
    match: X(31, xo),
    mask: POM(XO10 | RC),
    operands: [st ? 'FRS' : 'FRT', 'RA0', 'RB'],
    access: st ? store(size, 'X', up) : load(size, 'X', up),
  });
}
row(Fp.LFIWAX, {
  name: 'lfiwax',
  match: X(31, 855),
  mask: POM(XO10 | RC),
  operands: ['FRT', 'RA0', 'RB'],
  access: { ...load(4, 'X'), signed: true },
});
row(Fp.LFIWZX, {
  name: 'lfiwzx',
  match: X(31, 887),
  mask: POM(XO10 | RC),
  operands: ['FRT', 'RA0', 'RB'],
  access: load(4, 'X'),
});
row(Fp.STFIWX, {
  name: 'stfiwx',
  match: X(31, 983),
  mask: POM(XO10 | RC),
  operands: ['FRS', 'RA0', 'RB'],
  access: store(4, 'X'),
});
// lfdp/stfdp (ISA 2.05, phased out): GNU as accepts them only before POWER7 (not with -mpower10)
row(Fp.LFDP, { name: 'lfdp', match: PO(57), mask: POM(3), operands: ['FRT', 'DS', 'RA0'], access: load(16, 'DS') });
row(Fp.LFDPX, {
  name: 'lfdpx',
  match: X(31, 791),
  mask: POM(XO10 | RC),
  operands: ['FRT', 'RA0', 'RB'],
  access: load(16, 'X'),
});
row(Fp.STFDP, { name: 'stfdp', match: PO(61), mask: POM(3), operands: ['FRS', 'DS', 'RA0'], access: store(16, 'DS') });
row(Fp.STFDPX, {
  name: 'stfdpx',
  match: X(31, 919),
  mask: POM(XO10 | RC),
  operands: ['FRS', 'RA0', 'RB'],
  access: store(16, 'X'),
});

export const FP_DEFS: FamilyDefs = { name: 'fp', base: FP_BASE, defs: rows };
