// Instruction forms and operand fields: how a value is checked and placed into a 32-bit word.
// Field layouts follow the Power ISA (and binutils' powerpc_operands); bit positions are given
// counting from the least significant bit, as a shift.
import type { RegClass } from './registers';
import { field, reg, sx, uimm, ux, type Operand, type OperandKind } from './operand';
import { FIXED_OPERANDS } from './operands-fixed';
import { FP_OPERANDS } from './operands-fp';
import { VEC_OPERANDS } from './operands-vec';
import { VSXFP_OPERANDS } from './operands-vsxfp';
import { QP_OPERANDS } from './operands-qp';
export type { Operand, OperandKind };

// ---- forms: the fixed bits of an instruction word -------------------------------------------

const u32 = (x: number) => x >>> 0;
/** D, DS-less forms and I/B/SC: just the primary opcode. */
export const OP = (op: number) => u32(op << 26);
/** DS form (ld/std): primary opcode and 2-bit extended opcode. */
export const DS = (op: number, xo: number) => u32((op << 26) | xo);
/** DQ form (lxv/stxv): primary opcode and 3-bit extended opcode. */
export const DQ = (op: number, xo: number) => u32((op << 26) | xo);
/** X form: 10-bit extended opcode in bits 1..10. */
export const X = (op: number, xo: number, rc = 0) => u32((op << 26) | (xo << 1) | rc);
/** XO form: 9-bit extended opcode in bits 1..9 (bit 10 is OE). */
export const XO = (op: number, xo: number) => u32((op << 26) | (xo << 1));
/** XL form (branch to LR/CTR, CR logic): like X. */
export const XL = X;
/** XFX form (mfspr/mtspr/mtcrf): like X. */
export const XFX = X;
/** XS form (sradi): 9-bit extended opcode in bits 2..10. */
export const XS = (op: number, xo: number) => u32((op << 26) | (xo << 2));
/** MD form (rldicl...): 3-bit extended opcode in bits 2..4. */
export const MD = (op: number, xo: number) => u32((op << 26) | (xo << 2));
/** MDS form (rldcl/rldcr): 4-bit extended opcode in bits 1..4. */
export const MDS = (op: number, xo: number) => u32((op << 26) | (xo << 1));
/** M form (rlwinm...): the primary opcode only. */
export const M = OP;
/** A form (isel): 5-bit extended opcode in bits 1..5. */
export const A = (op: number, xo: number) => u32((op << 26) | (xo << 1));
/** XX1 form (lxvd2x...): like X; the TX bit is bit 0. */
export const XX1 = X;

// ---- operand fields (operand.ts) ---------------------------------------------------------------

export const OPERANDS = {
  RT: reg('RT', 'gpr', 21),
  RS: reg('RS', 'gpr', 21),
  RA: reg('RA', 'gpr', 16),
  RB: reg('RB', 'gpr', 11),
  /** RA where the number 0 means the value 0 (addi, loads). */
  RA0: { ...reg('RA', 'gpr', 16), zeroIsZero: true },
  SI: { name: 'SI', kind: 'imm', min: -0x8000n, max: 0x7fffn, insert: field(0, 16), extract: sx(0, 16) } as Operand,
  SISIGNOPT: {
    name: 'SI',
    kind: 'imm',
    min: -0x8000n,
    max: 0xffffn,
    signopt: true,
    insert: field(0, 16),
    extract: sx(0, 16),
  } as Operand,
  UI: uimm('UI', 0, 16),
  /** subi/subis/subic: the negation of the operand goes into SI */
  NSI: {
    name: 'SI',
    kind: 'imm',
    min: -0x7fffn,
    max: 0x8000n,
    insert: (v: bigint) => field(0, 16)(-v),
    extract: (w: number) => -((w << 16) >> 16),
  } as Operand,
  D: {
    name: 'D',
    kind: 'imm',
    min: -0x8000n,
    max: 0x7fffn,
    parens: true,
    insert: field(0, 16),
    extract: sx(0, 16),
  } as Operand,
  DS: {
    name: 'DS',
    kind: 'imm',
    min: -0x8000n,
    max: 0x7fffn,
    multiple: 4,
    parens: true,
    insert: (v: bigint) => field(0, 16)(v) & 0xfffc,
    extract: (w: number) => ((w & 0xfffc) << 16) >> 16,
  } as Operand,
  DQ: {
    name: 'DQ',
    kind: 'imm',
    min: -0x8000n,
    max: 0x7fffn,
    multiple: 16,
    parens: true,
    insert: (v: bigint) => field(0, 16)(v) & 0xfff0,
    extract: (w: number) => ((w & 0xfff0) << 16) >> 16,
  } as Operand,
  SH: uimm('SH', 11, 5),
  MB: uimm('MB', 6, 5),
  ME: uimm('ME', 1, 5),
  SH6: {
    name: 'SH',
    kind: 'imm',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 0x1f) << 11) | ((Number(v) & 0x20) >> 4)),
    extract: (w: number) => ((w >>> 11) & 31) | ((w & 2) << 4),
  } as Operand,
  MB6: {
    name: 'MB',
    kind: 'imm',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 0x1f) << 6) | (Number(v) & 0x20)),
    extract: (w: number) => ((w >>> 6) & 31) | (w & 0x20),
  } as Operand,
  BO: uimm('BO', 21, 5),
  BI: reg('BI', 'crbit', 16),
  BD: {
    name: 'BD',
    kind: 'rel',
    min: -0x8000n,
    max: 0x7ffcn,
    multiple: 4,
    insert: (v: bigint) => field(0, 16)(v) & 0xfffc,
    extract: (w: number) => ((w & 0xfffc) << 16) >> 16,
  } as Operand,
  BDA: {
    name: 'BD',
    kind: 'abs',
    min: -0x8000n,
    max: 0x7ffcn,
    multiple: 4,
    insert: (v: bigint) => field(0, 16)(v) & 0xfffc,
    extract: (w: number) => ((w & 0xfffc) << 16) >> 16,
  } as Operand,
  LI: {
    name: 'LI',
    kind: 'rel',
    min: -0x2000000n,
    max: 0x1fffffcn,
    multiple: 4,
    insert: (v: bigint) => field(0, 26)(v) & 0x3fffffc,
    extract: (w: number) => ((w & 0x3fffffc) << 6) >> 6,
  } as Operand,
  LIA: {
    name: 'LI',
    kind: 'abs',
    min: -0x2000000n,
    max: 0x1fffffcn,
    multiple: 4,
    insert: (v: bigint) => field(0, 26)(v) & 0x3fffffc,
    extract: (w: number) => ((w & 0x3fffffc) << 6) >> 6,
  } as Operand,
  BH: uimm('BH', 11, 2, true),
  BF: { name: 'BF', kind: 'crf', min: 0n, max: 7n, insert: field(23, 3), extract: ux(23, 3) } as Operand,
  OBF: {
    name: 'BF',
    kind: 'crf',
    min: 0n,
    max: 7n,
    insert: field(23, 3),
    extract: ux(23, 3),
    optional: true,
  } as Operand,
  BFA: { name: 'BFA', kind: 'crf', min: 0n, max: 7n, insert: field(18, 3), extract: ux(18, 3) } as Operand,
  /** the CR field of an extended conditional branch (its bit is part of the mnemonic) */
  CR: {
    name: 'CR',
    kind: 'crf',
    min: 0n,
    max: 7n,
    insert: field(18, 3),
    extract: ux(18, 3),
    optional: true,
  } as Operand,
  L: uimm('L', 21, 1),
  BT: reg('BT', 'crbit', 21),
  BA: reg('BA', 'crbit', 16),
  BB: reg('BB', 'crbit', 11),
  SPR: {
    name: 'SPR',
    kind: 'imm',
    min: 0n,
    max: 1023n,
    insert: (v: bigint) => u32(((Number(v) & 0x1f) << 16) | ((Number(v) & 0x3e0) << 6)),
    extract: (w: number) => ((w >>> 16) & 31) | (((w >>> 11) & 31) << 5),
  } as Operand,
  /** mtcrf: with exactly one field bit GNU as (POWER4 and later) emits the mtocrf form */
  FXM: {
    name: 'FXM',
    kind: 'imm',
    min: 0n,
    max: 255n,
    insert: (v: bigint) => u32((Number(v) << 12) | (v > 0n && (v & (v - 1n)) === 0n ? 1 << 20 : 0)),
    extract: (w: number) => (w >>> 12) & 0xff,
  } as Operand,
  /** mtocrf/mfocrf: exactly one field bit */
  FXM4: { name: 'FXM', kind: 'imm', min: 1n, max: 128n, insert: field(12, 8), extract: ux(12, 8) } as Operand,
  /** mfcr's optional field mask: given, it is the mfocrf form */
  OFXM: {
    name: 'FXM',
    kind: 'imm',
    min: 1n,
    max: 128n,
    optional: true,
    insert: (v: bigint) => (v === 0n ? 0 : u32((Number(v) << 12) | (1 << 20))),
    extract: (w: number) => (w >>> 12) & 0xff,
  } as Operand,
  BC: reg('BC', 'crbit', 6),
  TO: uimm('TO', 21, 5),
  SYNCL: uimm('L', 21, 2, true),
  EH: uimm('EH', 0, 1, true),
  XT: {
    name: 'XT',
    kind: 'vsr',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 0x1f) << 21) | ((Number(v) >> 5) & 1)),
    extract: (w: number) => ((w >>> 21) & 31) | ((w & 1) << 5),
  } as Operand,
  XTQ: {
    name: 'XT',
    kind: 'vsr',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 0x1f) << 21) | (((Number(v) >> 5) & 1) << 3)),
    extract: (w: number) => ((w >>> 21) & 31) | (((w >>> 3) & 1) << 5),
  } as Operand,
  LEV: uimm('LEV', 5, 7, true),
  /** scv's level: GNU as wants it written */
  SCVLEV: uimm('LEV', 5, 7),
  CT: uimm('TH', 21, 5, true),
  DCBL: uimm('L', 21, 2, true),
  ...FIXED_OPERANDS,
  ...FP_OPERANDS,
  ...VEC_OPERANDS,
  ...VSXFP_OPERANDS,
  ...QP_OPERANDS,
} satisfies Record<string, Operand>;

export type OperandName = keyof typeof OPERANDS;

/** Register classes an operand kind accepts when written as a register name. */
export const KIND_CLASSES: Record<OperandKind, RegClass[]> = {
  gpr: ['gpr'],
  fpr: ['fpr'],
  vr: ['vr'],
  vsr: ['vsr'],
  crf: ['crf'],
  crbit: ['crbit'],
  imm: [],
  rel: [],
  abs: [],
};

/** Sets BO's "at" hint bits for `+` (likely taken) / `-` (likely not taken), POWER4 style. */
export function applyHint(word: number, hint: '+' | '-'): number | undefined {
  const bo = (word >>> 21) & 0x1f;
  let add: number;
  if ((bo & 0x14) === 0x04) add = hint === '+' ? 3 : 2;
  else if ((bo & 0x14) === 0x10) add = hint === '+' ? 9 : 8;
  else return undefined;
  return u32(word | (add << 21));
}
