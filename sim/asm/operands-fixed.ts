// Operand fields of the fixed-point family (isa/fixed-defs.ts) and of the prefixed family
// (isa/prefixed-defs.ts), merged into encode.ts's OPERANDS.
import { field, reg, ux, type Operand } from './operand';

const u32 = (x: number) => x >>> 0;

/** addpcis's 16-bit D, split d0 (bits 6-15 of the word: D's top 10 bits) || d1 (bits 16-20) || d2 (bit 0). */
function insertDx(v: bigint): number {
  const d = Number(BigInt.asUintN(16, v));
  return u32(((d >>> 6) << 6) | (((d >>> 1) & 31) << 16) | (d & 1));
}
function extractDx(w: number): number {
  const d = (((w >>> 6) & 0x3ff) << 6) | (((w >>> 16) & 31) << 1) | (w & 1);
  return (d << 16) >> 16;
}

/** A VSR number split in two fields: its low 5 bits at `shift`, its high bit at `xbit`. */
function vsr(name: string, shift: number, xbit: number): Operand {
  return {
    name,
    kind: 'vsr',
    min: 0n,
    max: 63n,
    insert: (v: bigint) => u32(((Number(v) & 31) << shift) | (((Number(v) >> 5) & 1) << xbit)),
    extract: (w: number) => ((w >>> shift) & 31) | (((w >>> xbit) & 1) << 5),
  };
}
/** An unsigned immediate in the low `bits` bits of a prefix word. */
function prefixImm(name: string, bits: number): Operand {
  return {
    name,
    kind: 'imm',
    min: 0n,
    max: (1n << BigInt(bits)) - 1n,
    insert: () => 0,
    insertPrefix: field(0, bits),
    extract: (_s: number, p: number) => p & ((1 << bits) - 1),
  };
}

/** The 34-bit displacement of a prefixed load/store/paddi: its high 18 bits in the prefix, low 16 in the suffix. */
function d34Of(prefix: number, suffix: number): number {
  // a signed 34-bit value as a number (exact)
  const hi18 = ((prefix & 0x3ffff) << 14) >> 14; // sign-extended high part
  return hi18 * 65536 + (suffix & 0xffff);
}

export const FIXED_OPERANDS = {
  /** maddhd/maddhdu/maddld's third source (VA form, bits 6-10) */
  RC6: reg('RC', 'gpr', 6),
  /** addpcis RT,D: D is signed 16 bits (GNU as also takes 0x8000..0xffff) */
  DXD: {
    name: 'D',
    kind: 'imm',
    min: -0x8000n,
    max: 0xffffn,
    signopt: true,
    insert: insertDx,
    extract: extractDx,
  } as Operand,
  /** subpcis RT,V: addpcis with D = -V */
  NDXD: {
    name: 'D',
    kind: 'imm',
    min: -0x7fffn,
    max: 0x8000n,
    insert: (v: bigint) => insertDx(-v),
    extract: (w: number) => -extractDx(w),
  } as Operand,
  /** darn's L (2 bits at 16) */
  L2: { name: 'L', kind: 'imm', min: 0n, max: 3n, insert: field(16, 2), extract: ux(16, 2) } as Operand,
  /** cmprb's L (bit 21) */
  L21: { name: 'L', kind: 'imm', min: 0n, max: 1n, insert: field(21, 1), extract: ux(21, 1) } as Operand,
  /** addex's CY (bits 9-10) */
  CY: { name: 'CY', kind: 'imm', min: 0n, max: 3n, insert: field(9, 2), extract: ux(9, 2) } as Operand,
  /** an even register pair's first register: lq, lqarx (RTp) and stq, stqcx. (RSp) */
  RTP: { ...reg('RT', 'gpr', 21), multiple: 2 } as Operand,
  /** dcbtct/dcbtstct's TH (0-7, optional) */
  TH3: {
    name: 'TH',
    kind: 'imm',
    min: 0n,
    max: 7n,
    optional: true,
    insert: field(21, 3),
    extract: ux(21, 3),
  } as Operand,
  /** lswi/stswi's byte count (5 bits at 11; 0 means 32) */
  NB: { name: 'NB', kind: 'imm', min: 0n, max: 31n, insert: field(11, 5), extract: ux(11, 5) } as Operand,

  // ---- prefixed (8-byte) instructions (isa/prefixed-defs.ts): `insert` fills the suffix word and
  // `insertPrefix` the prefix; `extract` gets (suffix, prefix)
  /** a 34-bit signed displacement (prefix bits 0-17 high, suffix bits 0-15 low), written D(RA) */
  D34: {
    name: 'D',
    kind: 'imm',
    min: -(1n << 33n),
    max: (1n << 33n) - 1n,
    parens: true,
    insert: (v: bigint) => Number(BigInt.asUintN(16, v)),
    insertPrefix: (v: bigint) => Number(BigInt.asUintN(18, v >> 16n)),
    extract: (s: number, p: number) => d34Of(p, s),
  } as Operand,
  /** paddi/pli's 34-bit signed immediate (the same fields as D34, not in parentheses) */
  SI34: {
    name: 'SI',
    kind: 'imm',
    min: -(1n << 33n),
    max: (1n << 33n) - 1n,
    insert: (v: bigint) => Number(BigInt.asUintN(16, v)),
    insertPrefix: (v: bigint) => Number(BigInt.asUintN(18, v >> 16n)),
    extract: (s: number, p: number) => d34Of(p, s),
  } as Operand,
  /** psubi: paddi with the immediate negated */
  NSI34: {
    name: 'SI',
    kind: 'imm',
    min: -(1n << 33n) + 1n,
    max: 1n << 33n,
    insert: (v: bigint) => Number(BigInt.asUintN(16, -v)),
    insertPrefix: (v: bigint) => Number(BigInt.asUintN(18, -v >> 16n)),
    extract: (s: number, p: number) => -d34Of(p, s),
  } as Operand,
  /** the R bit (prefix bit 20): 1 = pc-relative; optional, 0 when left out after D(RA) */
  PCREL: {
    name: 'R',
    kind: 'imm',
    min: 0n,
    max: 1n,
    optional: true,
    insert: () => 0,
    insertPrefix: (v: bigint) => (v ? 1 << 20 : 0),
    extract: (_s: number, p: number) => (p >>> 20) & 1,
  } as Operand,
  /** plfs/plfd/pstfs/pstfd's FPR (suffix bits 21-25) */
  PFRT: reg('FRT', 'fpr', 21),
  /** plxsd/plxssp/pstxsd/pstxssp's VMX register (VSR 32 + VRT) */
  PVRT: reg('VRT', 'vr', 21),
  /** plxv/pstxv's XT: T in bits 21-25, TX in bit 26 (the primary opcode's low bit) */
  PXT26: vsr('XT', 21, 26),
  /** plxvp/pstxvp's XTp (an even VSR): Tp in bits 22-25, TX in bit 21 */
  PXTP: {
    name: 'XTp',
    kind: 'vsr',
    min: 0n,
    max: 62n,
    multiple: 2,
    insert: (v: bigint) => u32((((Number(v) >> 1) & 15) << 22) | (((Number(v) >> 5) & 1) << 21)),
    extract: (s: number) => ((s >>> 22) & 15) * 2 + ((s >>> 21) & 1) * 32,
  } as Operand,
  /** 8RR-D forms' XT: T in bits 21-25, TX in bit 16 */
  PXT16: vsr('XT', 21, 16),
  /** XX4 forms (xxpermx, xxblendv*, xxeval): T/A/B/C with TX bit 0, AX bit 2, BX bit 1, CX bit 3 */
  PXT0: vsr('XT', 21, 0),
  PXA2: vsr('XA', 16, 2),
  PXB1: vsr('XB', 11, 1),
  PXC3: vsr('XC', 6, 3),
  /** xxsplti32dx's word pair index (suffix bit 17) */
  IX: { name: 'IX', kind: 'imm', min: 0n, max: 1n, insert: field(17, 1), extract: ux(17, 1) } as Operand,
  /** a 32-bit immediate: high half in the prefix's bits 0-15, low half in the suffix's */
  IMM32: {
    name: 'IMM32',
    kind: 'imm',
    min: -0x80000000n,
    max: 0xffffffffn,
    signopt: true,
    insert: (v: bigint) => Number(BigInt.asUintN(16, v)),
    insertPrefix: (v: bigint) => Number(BigInt.asUintN(16, v >> 16n)),
    extract: (s: number, p: number) => (((p & 0xffff) << 16) | (s & 0xffff)) >>> 0,
  } as Operand,
  /** xxpermx's UIM (prefix bits 0-2) and xxeval's IMM (prefix bits 0-7) */
  PUIM3: prefixImm('UIM', 3),
  PIMM8: prefixImm('IMM', 8),
} satisfies Record<string, Operand>;
