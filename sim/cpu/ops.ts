// The operations the interpreter knows, and for each its encoding and the memory access it makes.
// decode.ts builds its lookup tables from OPS; analyse.ts and disasm.ts read the same entries, so the
// encoding of an instruction is written down exactly once.

import { FAMILIES } from './isa/families';
import type { AccessKind, EaForm, AccessInfo } from './isa/insn-def';
export type { AccessKind, EaForm };

/* The first ids (up to LAST_HOT) are executed inline by the hot loop in execute.ts, which repeats
   them as a file-local const enum (so esbuild turns the switch into literal cases) and checks at
   load time that both lists agree. */
export const enum Op {
  NONE = 0, // not decoded yet
  ILLEGAL,
  ADDI,
  ADDIS,
  ADD,
  SUBF,
  NEG,
  ORI,
  OR,
  AND,
  XOR,
  ANDI_RC,
  EXTSW,
  CMPI,
  CMP,
  CMPLI,
  CMPL,
  B,
  BC,
  BCLR,
  BCCTR,
  LBZ,
  LHZ,
  LWZ,
  LD,
  STB,
  STH,
  STW,
  STD,
  LDX,
  STDX,
  LWZX,
  STWX,
  RLWINM,
  RLDICL,
  RLDICR,
  MFSPR,
  MTSPR,
  SC,
  // (the hot loop's second set: loads and stores of every width and form, carrying arithmetic,
  // multiplies, logic, shifts, rotates and CR moves that compiled C runs in loops)
  LHA,
  LWA,
  LBZX,
  LHZX,
  LHAX,
  LWAX,
  LBZU,
  LHZU,
  LHAU,
  LWZU,
  LDU,
  LBZUX,
  LHZUX,
  LHAUX,
  LWZUX,
  LWAUX,
  LDUX,
  STBX,
  STHX,
  STBU,
  STHU,
  STWU,
  STDU,
  STBUX,
  STHUX,
  STWUX,
  STDUX,
  ADDIC,
  ADDIC_RC,
  SUBFIC,
  MULLI,
  ADDC,
  ADDE,
  ADDZE,
  ADDME,
  SUBFC,
  SUBFE,
  SUBFZE,
  SUBFME,
  MULLW,
  MULLD,
  ORIS,
  XORI,
  XORIS,
  ANDIS_RC,
  ANDC,
  ORC,
  NAND,
  NOR,
  EQV,
  EXTSB,
  EXTSH,
  CNTLZW,
  CNTLZD,
  SLW,
  SRW,
  SRAW,
  SRAWI,
  SLD,
  SRD,
  SRAD,
  SRADI,
  RLWIMI,
  RLWNM,
  RLDIC,
  RLDIMI,
  RLDCL,
  RLDCR,
  MFCR,
  MFOCRF,
  MTCRF,
  MTOCRF,
  LAST_HOT = MTOCRF,
  // arithmetic
  MULHW,
  MULHWU,
  MULHD,
  MULHDU,
  DIVW,
  DIVWU,
  DIVD,
  DIVDU,
  // logic
  POPCNTB,
  POPCNTW,
  POPCNTD,
  CMPB,
  // condition register
  MCRF,
  CRAND,
  CROR,
  CRXOR,
  CRNAND,
  CRNOR,
  CREQV,
  CRANDC,
  CRORC,
  // traps and system
  TW,
  TD,
  TWI,
  TDI,
  ISYNC,
  SYNC,
  EIEIO,
  // loads and stores
  LMW,
  STMW,
  LHBRX,
  LWBRX,
  LDBRX,
  STHBRX,
  STWBRX,
  STDBRX,
  LWARX,
  LDARX,
  STWCX,
  STDCX,
  DCBZ,
  DCBF,
  DCBST,
  DCBT,
  DCBTST,
  ICBI,
  COUNT,
}

/** How the extended opcode is found below the primary opcode. */
export type XoKind =
  | 'none' // the primary opcode alone
  | 'x10' // bits 21-30 (X, XL, XFX forms)
  | 'xo9' // bits 22-30 with OE in bit 21 (XO form): both OE values map here
  | 'xs9' // bits 21-29 (sradi): both values of sh5 map here
  | 'ds2' // bits 30-31 (DS form)
  | 'dq3' // bits 29-31 (DQ form)
  | 'md3' // bits 27-29 (MD form)
  | 'mds4' // bits 27-30 (MDS form)
  | 'mask'; // a family row (isa/families.ts): matched by its mask

export interface OpInfo {
  op: Op;
  name: string;
  primary: number;
  xoKind: XoKind;
  xo: number;
  access?: AccessInfo;
}

const T: OpInfo[] = [];
function def(op: Op, name: string, primary: number, xoKind: XoKind = 'none', xo = 0, access?: OpInfo['access']): void {
  T.push({ op, name, primary, xoKind, xo, access });
}
const ld = (size: number, ea: EaForm, more: Partial<NonNullable<OpInfo['access']>> = {}) => ({
  kind: 'load' as const,
  size,
  ea,
  ...more,
});
const st = (size: number, ea: EaForm, more: Partial<NonNullable<OpInfo['access']>> = {}) => ({
  kind: 'store' as const,
  size,
  ea,
  ...more,
});

// D-form and friends
def(Op.TDI, 'tdi', 2);
def(Op.TWI, 'twi', 3);
def(Op.MULLI, 'mulli', 7);
def(Op.SUBFIC, 'subfic', 8);
def(Op.CMPLI, 'cmpli', 10);
def(Op.CMPI, 'cmpi', 11);
def(Op.ADDIC, 'addic', 12);
def(Op.ADDIC_RC, 'addic.', 13);
def(Op.ADDI, 'addi', 14);
def(Op.ADDIS, 'addis', 15);
def(Op.BC, 'bc', 16);
def(Op.SC, 'sc', 17);
def(Op.B, 'b', 18);
def(Op.RLWIMI, 'rlwimi', 20);
def(Op.RLWINM, 'rlwinm', 21);
def(Op.RLWNM, 'rlwnm', 23);
def(Op.ORI, 'ori', 24);
def(Op.ORIS, 'oris', 25);
def(Op.XORI, 'xori', 26);
def(Op.XORIS, 'xoris', 27);
def(Op.ANDI_RC, 'andi.', 28);
def(Op.ANDIS_RC, 'andis.', 29);
def(Op.LWZ, 'lwz', 32, 'none', 0, ld(4, 'D'));
def(Op.LWZU, 'lwzu', 33, 'none', 0, ld(4, 'D', { update: true }));
def(Op.LBZ, 'lbz', 34, 'none', 0, ld(1, 'D'));
def(Op.LBZU, 'lbzu', 35, 'none', 0, ld(1, 'D', { update: true }));
def(Op.STW, 'stw', 36, 'none', 0, st(4, 'D'));
def(Op.STWU, 'stwu', 37, 'none', 0, st(4, 'D', { update: true }));
def(Op.STB, 'stb', 38, 'none', 0, st(1, 'D'));
def(Op.STBU, 'stbu', 39, 'none', 0, st(1, 'D', { update: true }));
def(Op.LHZ, 'lhz', 40, 'none', 0, ld(2, 'D'));
def(Op.LHZU, 'lhzu', 41, 'none', 0, ld(2, 'D', { update: true }));
def(Op.LHA, 'lha', 42, 'none', 0, ld(2, 'D', { signed: true }));
def(Op.LHAU, 'lhau', 43, 'none', 0, ld(2, 'D', { signed: true, update: true }));
def(Op.STH, 'sth', 44, 'none', 0, st(2, 'D'));
def(Op.STHU, 'sthu', 45, 'none', 0, st(2, 'D', { update: true }));
def(Op.LMW, 'lmw', 46, 'none', 0, ld(4, 'D'));
def(Op.STMW, 'stmw', 47, 'none', 0, st(4, 'D'));
def(Op.LD, 'ld', 58, 'ds2', 0, ld(8, 'DS'));
def(Op.LDU, 'ldu', 58, 'ds2', 1, ld(8, 'DS', { update: true }));
def(Op.LWA, 'lwa', 58, 'ds2', 2, ld(4, 'DS', { signed: true }));
def(Op.STD, 'std', 62, 'ds2', 0, st(8, 'DS'));
def(Op.STDU, 'stdu', 62, 'ds2', 1, st(8, 'DS', { update: true }));
// primary 19
def(Op.MCRF, 'mcrf', 19, 'x10', 0);
def(Op.BCLR, 'bclr', 19, 'x10', 16);
def(Op.BCCTR, 'bcctr', 19, 'x10', 528);
def(Op.ISYNC, 'isync', 19, 'x10', 150);
def(Op.CRAND, 'crand', 19, 'x10', 257);
def(Op.CROR, 'cror', 19, 'x10', 449);
def(Op.CRXOR, 'crxor', 19, 'x10', 193);
def(Op.CRNAND, 'crnand', 19, 'x10', 225);
def(Op.CRNOR, 'crnor', 19, 'x10', 33);
def(Op.CREQV, 'creqv', 19, 'x10', 289);
def(Op.CRANDC, 'crandc', 19, 'x10', 129);
def(Op.CRORC, 'crorc', 19, 'x10', 417);
// primary 30
def(Op.RLDICL, 'rldicl', 30, 'md3', 0);
def(Op.RLDICR, 'rldicr', 30, 'md3', 1);
def(Op.RLDIC, 'rldic', 30, 'md3', 2);
def(Op.RLDIMI, 'rldimi', 30, 'md3', 3);
def(Op.RLDCL, 'rldcl', 30, 'mds4', 8);
def(Op.RLDCR, 'rldcr', 30, 'mds4', 9);
// primary 31
const x = (op: Op, name: string, xo: number, access?: OpInfo['access']) => def(op, name, 31, 'x10', xo, access);
const xo = (op: Op, name: string, n: number) => def(op, name, 31, 'xo9', n);
x(Op.CMP, 'cmp', 0);
x(Op.CMPL, 'cmpl', 32);
x(Op.TW, 'tw', 4);
x(Op.TD, 'td', 68);
xo(Op.ADD, 'add', 266);
xo(Op.ADDC, 'addc', 10);
xo(Op.ADDE, 'adde', 138);
xo(Op.ADDZE, 'addze', 202);
xo(Op.ADDME, 'addme', 234);
xo(Op.SUBF, 'subf', 40);
xo(Op.SUBFC, 'subfc', 8);
xo(Op.SUBFE, 'subfe', 136);
xo(Op.SUBFZE, 'subfze', 200);
xo(Op.SUBFME, 'subfme', 232);
xo(Op.NEG, 'neg', 104);
xo(Op.MULLW, 'mullw', 235);
xo(Op.MULHW, 'mulhw', 75);
xo(Op.MULHWU, 'mulhwu', 11);
xo(Op.MULLD, 'mulld', 233);
xo(Op.MULHD, 'mulhd', 73);
xo(Op.MULHDU, 'mulhdu', 9);
xo(Op.DIVW, 'divw', 491);
xo(Op.DIVWU, 'divwu', 459);
xo(Op.DIVD, 'divd', 489);
xo(Op.DIVDU, 'divdu', 457);
x(Op.AND, 'and', 28);
x(Op.ANDC, 'andc', 60);
x(Op.OR, 'or', 444);
x(Op.ORC, 'orc', 412);
x(Op.XOR, 'xor', 316);
x(Op.NAND, 'nand', 476);
x(Op.NOR, 'nor', 124);
x(Op.EQV, 'eqv', 284);
x(Op.EXTSB, 'extsb', 954);
x(Op.EXTSH, 'extsh', 922);
x(Op.EXTSW, 'extsw', 986);
x(Op.CNTLZW, 'cntlzw', 26);
x(Op.CNTLZD, 'cntlzd', 58);
x(Op.POPCNTB, 'popcntb', 122);
x(Op.POPCNTW, 'popcntw', 378);
x(Op.POPCNTD, 'popcntd', 506);
x(Op.CMPB, 'cmpb', 508);
x(Op.SLW, 'slw', 24);
x(Op.SRW, 'srw', 536);
x(Op.SRAW, 'sraw', 792);
x(Op.SRAWI, 'srawi', 824);
x(Op.SLD, 'sld', 27);
x(Op.SRD, 'srd', 539);
x(Op.SRAD, 'srad', 794);
def(Op.SRADI, 'sradi', 31, 'xs9', 413);
x(Op.LWZX, 'lwzx', 23, ld(4, 'X'));
x(Op.LWZUX, 'lwzux', 55, ld(4, 'X', { update: true }));
x(Op.LBZX, 'lbzx', 87, ld(1, 'X'));
x(Op.LBZUX, 'lbzux', 119, ld(1, 'X', { update: true }));
x(Op.LHZX, 'lhzx', 279, ld(2, 'X'));
x(Op.LHZUX, 'lhzux', 311, ld(2, 'X', { update: true }));
x(Op.LHAX, 'lhax', 343, ld(2, 'X', { signed: true }));
x(Op.LHAUX, 'lhaux', 375, ld(2, 'X', { signed: true, update: true }));
x(Op.LWAX, 'lwax', 341, ld(4, 'X', { signed: true }));
x(Op.LWAUX, 'lwaux', 373, ld(4, 'X', { signed: true, update: true }));
x(Op.LDX, 'ldx', 21, ld(8, 'X'));
x(Op.LDUX, 'ldux', 53, ld(8, 'X', { update: true }));
x(Op.STWX, 'stwx', 151, st(4, 'X'));
x(Op.STWUX, 'stwux', 183, st(4, 'X', { update: true }));
x(Op.STBX, 'stbx', 215, st(1, 'X'));
x(Op.STBUX, 'stbux', 247, st(1, 'X', { update: true }));
x(Op.STHX, 'sthx', 407, st(2, 'X'));
x(Op.STHUX, 'sthux', 439, st(2, 'X', { update: true }));
x(Op.STDX, 'stdx', 149, st(8, 'X'));
x(Op.STDUX, 'stdux', 181, st(8, 'X', { update: true }));
x(Op.LHBRX, 'lhbrx', 790, ld(2, 'X', { reversed: true }));
x(Op.LWBRX, 'lwbrx', 534, ld(4, 'X', { reversed: true }));
x(Op.LDBRX, 'ldbrx', 532, ld(8, 'X', { reversed: true }));
x(Op.STHBRX, 'sthbrx', 918, st(2, 'X', { reversed: true }));
x(Op.STWBRX, 'stwbrx', 662, st(4, 'X', { reversed: true }));
x(Op.STDBRX, 'stdbrx', 660, st(8, 'X', { reversed: true }));
x(Op.LWARX, 'lwarx', 20, { kind: 'larx', size: 4, ea: 'X' });
x(Op.LDARX, 'ldarx', 84, { kind: 'larx', size: 8, ea: 'X' });
x(Op.STWCX, 'stwcx.', 150, { kind: 'stcx', size: 4, ea: 'X' });
x(Op.STDCX, 'stdcx.', 214, { kind: 'stcx', size: 8, ea: 'X' });
x(Op.DCBZ, 'dcbz', 1014, { kind: 'cacheop', size: 128, ea: 'X' });
x(Op.DCBF, 'dcbf', 86, { kind: 'cacheop', size: 128, ea: 'X' });
x(Op.DCBST, 'dcbst', 54, { kind: 'cacheop', size: 128, ea: 'X' });
x(Op.DCBT, 'dcbt', 278);
x(Op.DCBTST, 'dcbtst', 246);
x(Op.ICBI, 'icbi', 982);
x(Op.SYNC, 'sync', 598);
x(Op.EIEIO, 'eieio', 854);
x(Op.MFSPR, 'mfspr', 339);
x(Op.MTSPR, 'mtspr', 467);
x(Op.MFCR, 'mfcr', 19);
x(Op.MTCRF, 'mtcrf', 144);

export const OPS: readonly OpInfo[] = T;

/** OpInfo by op id (MFOCRF/MTOCRF share mfcr/mtcrf's encoding and are told apart by bit 11). */
export const OP_INFO: (OpInfo | undefined)[] = [];
for (const i of T) OP_INFO[i.op] = i;
OP_INFO[Op.MFOCRF] = { op: Op.MFOCRF, name: 'mfocrf', primary: 31, xoKind: 'x10', xo: 19 };
OP_INFO[Op.MTOCRF] = { op: Op.MTOCRF, name: 'mtocrf', primary: 31, xoKind: 'x10', xo: 144 };
OP_INFO[Op.ILLEGAL] = { op: Op.ILLEGAL, name: '.long', primary: -1, xoKind: 'none', xo: 0 };
// the families' rows (ids from isa/families.ts FAMILY_BASE up)
for (const fam of FAMILIES) {
  fam.defs.forEach((d, i) => {
    OP_INFO[fam.base + i] = {
      op: (fam.base + i) as Op,
      name: d.name,
      primary: d.match >>> 26,
      xoKind: 'mask',
      xo: 0,
      access: d.access,
    };
  });
}
/** One past the highest operation id (core set and families). */
export const OP_LIMIT = OP_INFO.length;
