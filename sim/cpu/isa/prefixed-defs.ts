// Prefixed (8-byte, POWER10) instructions: a prefix word (primary opcode 1) and a suffix word. The
// MLS forms (prefix type 2: paddi and the D-form loads/stores with a 34-bit displacement), the 8LS
// forms (type 0: the DS/DQ/VSX ones), the 8RR forms (type 1: VSX splat immediates, xxpermx,
// xxblendv*, xxeval) and pnop (type 3). Rows are in the order of the Prefixed enum (their operation
// ids are PREFIXED_BASE + it). `match`/`mask` apply to the prefix, `suffixMatch`/`suffixMask` to
// the suffix. Operands: `insert`/`extract` address the suffix word, `insertPrefix` and the second
// argument of `extract` the prefix (sim/asm/operands-fixed.ts).
import { PO, POM, type AccessInfo, type FamilyDefs, type InsnDef } from './insn-def';

export const PREFIXED_BASE = 6000;

export const enum Prefixed {
  PADDI,
  PLI,
  PLA,
  PLA_ASM,
  PSUBI,
  PLBZ,
  PLHZ,
  PLHA,
  PLWZ,
  PLWA,
  PLD,
  PLQ,
  PSTB,
  PSTH,
  PSTW,
  PSTD,
  PSTQ,
  PLFS,
  PLFD,
  PSTFS,
  PSTFD,
  PLXSD,
  PLXSSP,
  PSTXSD,
  PSTXSSP,
  PLXV,
  PSTXV,
  PLXVP,
  PSTXVP,
  PNOP,
  XXSPLTI32DX,
  XXSPLTIDP,
  XXSPLTIW,
  XXPERMX,
  XXBLENDVB,
  XXBLENDVH,
  XXBLENDVW,
  XXBLENDVD,
  XXEVAL,
}

/** prefix types: 8LS (0), 8RR/MMIRR (1), MLS (2), pnop's (3) */
const P_8LS = 0x04000000;
const P_8RR = 0x05000000;
const P_MLS = 0x06000000;
const P_NOP = 0x07000000;
/** the fixed bits of an 8LS/MLS prefix: PO, type and bit 8 (R is an operand; qemu ignores the
 * reserved bits 9-10 and 12-13, and so do we: probed bit by bit) */
const LS_MASK = 0xff800000;
/** the fixed bits of an 8RR prefix (bits 12-15 reserved, ignored by qemu as well) */
const RR_MASK = 0xfff00000;
/** ... and with R and the suffix's RA fixed (pli: R=0 RA=0; pla: R=1 RA=0) */
const R_BIT = 0x00100000;

const rows: InsnDef[] = [];
function row(i: Prefixed, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`prefixed-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
const u = (x: number) => x >>> 0;
const ld = (size: number, more: Partial<AccessInfo> = {}): AccessInfo => ({ kind: 'load', size, ea: 'P34', ...more });
const st = (size: number, more: Partial<AccessInfo> = {}): AccessInfo => ({ kind: 'store', size, ea: 'P34', ...more });
/** a load/store: prefix type, suffix primary opcode, its target operand, its access */
function ls(
  i: Prefixed,
  name: string,
  prefix: number,
  po: number,
  target: InsnDef['operands'][number],
  access: AccessInfo,
  suffixMask = POM(0),
): void {
  row(i, {
    name,
    match: prefix,
    mask: LS_MASK,
    suffixMatch: PO(po),
    suffixMask,
    operands: [target, 'D34', 'RA0', 'PCREL'],
    access,
  });
}

// paddi RT,RA,SI,R; pli RT,SI (RA=0 R=0); pla RT,D(RA),R (objdump: pla for R=1, paddi otherwise);
// psubi RT,RA,SI,R = paddi with -SI
row(Prefixed.PADDI, {
  name: 'paddi',
  match: P_MLS,
  mask: LS_MASK,
  suffixMatch: PO(14),
  suffixMask: POM(0),
  operands: ['RT', 'RA0', 'SI34', 'PCREL'],
});
row(Prefixed.PLI, {
  name: 'pli',
  match: P_MLS,
  mask: u(LS_MASK | R_BIT),
  suffixMatch: PO(14),
  suffixMask: POM(0x1f0000),
  operands: ['RT', 'SI34'],
  alias: 'paddi',
});
row(Prefixed.PLA, {
  name: 'pla',
  match: u(P_MLS | R_BIT),
  mask: u(LS_MASK | R_BIT),
  suffixMatch: PO(14),
  suffixMask: POM(0x1f0000),
  operands: ['RT', 'D34', 'RA0', 'PCREL'],
  alias: 'paddi',
  disasmOnly: true,
});
row(Prefixed.PLA_ASM, {
  name: 'pla',
  match: P_MLS,
  mask: LS_MASK,
  suffixMatch: PO(14),
  suffixMask: POM(0),
  operands: ['RT', 'D34', 'RA0', 'PCREL'],
  alias: 'paddi',
  asmOnly: true,
});
row(Prefixed.PSUBI, {
  name: 'psubi',
  match: P_MLS,
  mask: LS_MASK,
  suffixMatch: PO(14),
  suffixMask: POM(0),
  operands: ['RT', 'RA0', 'NSI34', 'PCREL'],
  alias: 'paddi',
  asmOnly: true,
});
// fixed-point loads and stores
ls(Prefixed.PLBZ, 'plbz', P_MLS, 34, 'RT', ld(1));
ls(Prefixed.PLHZ, 'plhz', P_MLS, 40, 'RT', ld(2));
ls(Prefixed.PLHA, 'plha', P_MLS, 42, 'RT', ld(2, { signed: true }));
ls(Prefixed.PLWZ, 'plwz', P_MLS, 32, 'RT', ld(4));
ls(Prefixed.PLWA, 'plwa', P_8LS, 41, 'RT', ld(4, { signed: true }));
ls(Prefixed.PLD, 'pld', P_8LS, 57, 'RT', ld(8));
ls(Prefixed.PLQ, 'plq', P_8LS, 56, 'RTP', ld(16));
ls(Prefixed.PSTB, 'pstb', P_MLS, 38, 'RS', st(1));
ls(Prefixed.PSTH, 'psth', P_MLS, 44, 'RS', st(2));
ls(Prefixed.PSTW, 'pstw', P_MLS, 36, 'RS', st(4));
ls(Prefixed.PSTD, 'pstd', P_8LS, 61, 'RS', st(8));
ls(Prefixed.PSTQ, 'pstq', P_8LS, 60, 'RTP', st(16));
// floating point
ls(Prefixed.PLFS, 'plfs', P_MLS, 48, 'PFRT', ld(4, { fp: true }));
ls(Prefixed.PLFD, 'plfd', P_MLS, 50, 'PFRT', ld(8, { fp: true }));
ls(Prefixed.PSTFS, 'pstfs', P_MLS, 52, 'PFRT', st(4, { fp: true }));
ls(Prefixed.PSTFD, 'pstfd', P_MLS, 54, 'PFRT', st(8, { fp: true }));
// VSX scalar (a VMX register: VSR 32+VRT), vector and vector pair
ls(Prefixed.PLXSD, 'plxsd', P_8LS, 42, 'PVRT', { kind: 'load_vsx', size: 8, ea: 'P34' });
ls(Prefixed.PLXSSP, 'plxssp', P_8LS, 43, 'PVRT', { kind: 'load_vsx', size: 4, ea: 'P34' });
ls(Prefixed.PSTXSD, 'pstxsd', P_8LS, 46, 'PVRT', { kind: 'store_vsx', size: 8, ea: 'P34' });
ls(Prefixed.PSTXSSP, 'pstxssp', P_8LS, 47, 'PVRT', { kind: 'store_vsx', size: 4, ea: 'P34' });
// (the primary opcode's low bit is TX: 50/51, 54/55)
ls(Prefixed.PLXV, 'plxv', P_8LS, 50, 'PXT26', { kind: 'load_vsx', size: 16, ea: 'P34' }, u(0xf8000000));
ls(Prefixed.PSTXV, 'pstxv', P_8LS, 54, 'PXT26', { kind: 'store_vsx', size: 16, ea: 'P34' }, u(0xf8000000));
ls(Prefixed.PLXVP, 'plxvp', P_8LS, 58, 'PXTP', { kind: 'load_vsx', size: 32, ea: 'P34' });
ls(Prefixed.PSTXVP, 'pstxvp', P_8LS, 62, 'PXTP', { kind: 'store_vsx', size: 32, ea: 'P34' });
// pnop: prefix type 3 with bits 8-11 and 14-31 zero (qemu ignores 12-13); the suffix is any word
row(Prefixed.PNOP, { name: 'pnop', match: P_NOP, mask: 0xfff3ffff, suffixMatch: 0, suffixMask: 0, operands: [] });
// 8RR: splat immediates (IMM32: its high half in the prefix, low half in the suffix)
row(Prefixed.XXSPLTI32DX, {
  name: 'xxsplti32dx',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: PO(32),
  suffixMask: u(0xfc1c0000),
  operands: ['PXT16', 'IX', 'IMM32'],
});
row(Prefixed.XXSPLTIDP, {
  name: 'xxspltidp',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: u(PO(32) | (2 << 17)),
  suffixMask: u(0xfc1e0000),
  operands: ['PXT16', 'IMM32'],
});
row(Prefixed.XXSPLTIW, {
  name: 'xxspltiw',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: u(PO(32) | (3 << 17)),
  suffixMask: u(0xfc1e0000),
  operands: ['PXT16', 'IMM32'],
});
// XX4 suffixes: xxpermx (UIM in the prefix), xxblendv* (xo in bits 4-5), xxeval (IMM8 in the prefix)
row(Prefixed.XXPERMX, {
  name: 'xxpermx',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: PO(34),
  suffixMask: u(0xfc000030),
  operands: ['PXT0', 'PXA2', 'PXB1', 'PXC3', 'PUIM3'],
});
row(Prefixed.XXBLENDVB, {
  name: 'xxblendvb',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: PO(33),
  suffixMask: u(0xfc000030),
  operands: ['PXT0', 'PXA2', 'PXB1', 'PXC3'],
});
row(Prefixed.XXBLENDVH, {
  name: 'xxblendvh',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: u(PO(33) | 0x10),
  suffixMask: u(0xfc000030),
  operands: ['PXT0', 'PXA2', 'PXB1', 'PXC3'],
});
row(Prefixed.XXBLENDVW, {
  name: 'xxblendvw',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: u(PO(33) | 0x20),
  suffixMask: u(0xfc000030),
  operands: ['PXT0', 'PXA2', 'PXB1', 'PXC3'],
});
row(Prefixed.XXBLENDVD, {
  name: 'xxblendvd',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: u(PO(33) | 0x30),
  suffixMask: u(0xfc000030),
  operands: ['PXT0', 'PXA2', 'PXB1', 'PXC3'],
});
row(Prefixed.XXEVAL, {
  name: 'xxeval',
  match: P_8RR,
  mask: RR_MASK,
  suffixMatch: u(PO(34) | 0x10),
  suffixMask: u(0xfc000030),
  operands: ['PXT0', 'PXA2', 'PXB1', 'PXC3', 'PIMM8'],
});

export const PREFIXED_DEFS: FamilyDefs = { name: 'prefixed', base: PREFIXED_BASE, defs: rows };
