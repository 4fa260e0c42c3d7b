// An operand field of an instruction: how its value is checked, placed into the word (the
// assembler) and read back out of it (the disassembler). Bit positions count from the least
// significant bit, as a shift. The operand tables: encode.ts (the core set) and operands-*.ts (the
// instruction families), merged into encode.ts's OPERANDS.

const u32 = (x: number) => x >>> 0;

export type OperandKind = 'gpr' | 'fpr' | 'vr' | 'vsr' | 'crf' | 'crbit' | 'imm' | 'rel' | 'abs';

export interface Operand {
  name: string;
  kind: OperandKind;
  min: bigint;
  max: bigint;
  /** the value must be a multiple of this (DS: 4, DQ: 16, branches: 4) */
  multiple?: number;
  /** may be left out (then it is 0) when fewer operands are written */
  optional?: boolean;
  /** written as `disp(reg)`: the following operand sits in parentheses */
  parens?: boolean;
  /** a signed field that also accepts the unsigned range (lis 3,0xffff) */
  signopt?: boolean;
  /** RA-like: the register number 0 means the value 0 (printed as 0 by the disassembler) */
  zeroIsZero?: boolean;
  /** the field value from the checked operand value (for a prefixed instruction's operand that
   * lives in the prefix, insertPrefix) */
  insert: (v: bigint) => number;
  insertPrefix?: (v: bigint) => number;
  /** the operand's value from an instruction word (the disassembler); `next` is a prefixed
   * instruction's second word */
  extract?: (w: number, next: number) => number;
}

/** inserter: the low `bits` bits of the value at `shift` */
export const field = (shift: number, bits: number) => (v: bigint) => u32(Number(BigInt.asUintN(bits, v)) << shift);
/** extractors: an unsigned / sign-extended field of `bits` bits at `shift` */
export const ux = (shift: number, bits: number) => (w: number) => (w >>> shift) & (bits >= 32 ? -1 : (1 << bits) - 1);
export const sx = (shift: number, bits: number) => (w: number) => ((w >>> shift) << (32 - bits)) >> (32 - bits);

/** a 5-bit register field at `shift` */
export function reg(name: string, kind: OperandKind, shift: number, max = 31, optional = false): Operand {
  return { name, kind, min: 0n, max: BigInt(max), insert: field(shift, 5), extract: ux(shift, 5), optional };
}
/** an unsigned immediate of `bits` bits at `shift` */
export function uimm(name: string, shift: number, bits: number, optional = false): Operand {
  return {
    name,
    kind: 'imm',
    min: 0n,
    max: (1n << BigInt(bits)) - 1n,
    insert: field(shift, bits),
    extract: ux(shift, bits),
    optional,
  };
}
/** a signed immediate of `bits` bits at `shift` */
export function simm(name: string, shift: number, bits: number, optional = false): Operand {
  const half = 1n << BigInt(bits - 1);
  return {
    name,
    kind: 'imm',
    min: -half,
    max: half - 1n,
    insert: field(shift, bits),
    extract: sx(shift, bits),
    optional,
  };
}
