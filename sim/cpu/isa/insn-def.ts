// How an instruction family (floating point, VMX, VSX, prefixed...) describes its instructions: one
// row per instruction with the bits that identify it (match/mask), its operands by the assembler's
// operand names, and the memory access it makes. The decoder, the disassembler and the assembler are
// all derived from these rows (families.ts), so an instruction is written down once.
//
// Data only: this file and the *-defs.ts files import nothing at run time, so that ops.ts can merge
// the rows without an import cycle with the executors.
import type { OperandName } from '../../asm/encode';

/** How a memory op forms its effective address: D (ra|0)+d, DS (ra|0)+ds*4, DQ (ra|0)+dq*16,
 * X (ra|0)+rb, XR (ra|0) only, P34 (prefixed: R ? cia : (ra|0)) + d34). */
export type EaForm = 'D' | 'DS' | 'DQ' | 'X' | 'XR' | 'P34';

/** The memory access of an instruction, as analyse_instr classifies it. */
export type AccessKind = 'load' | 'store' | 'larx' | 'stcx' | 'cacheop' | 'load_vsx' | 'store_vsx';

export interface AccessInfo {
  kind: AccessKind;
  /** bytes accessed (for a variable-length access such as lxvl: the most it can access) */
  size: number;
  ea: EaForm;
  update?: boolean;
  signed?: boolean;
  reversed?: boolean;
  /** floating-point or vector register data (load_vsx/store_vsx are also vector) */
  fp?: boolean;
  /** LOAD_VMX/STORE_VMX (lvx, lvebx, stvx...): analyse_instr aligns the address down to the size */
  vmx?: boolean;
  /**
   * The size depends on a register (lxvl, stxvll...): `size` is the most; the executor and
   * analyseInstruction (which has the instruction's own rule, see analyse.ts) compute the real one.
   */
  variable?: boolean;
  /** analyse_instr does not know the instruction (lxvrbx...): the kernel sees type UNKNOWN */
  unknown?: boolean;
}

export interface InsnDef {
  /** the mnemonic without a `.` (record) or `o` (overflow) suffix */
  name: string;
  /** fixed bits of the (first) instruction word */
  match: number;
  /** which bits of the word are fixed (the others are operand fields) */
  mask: number;
  /** operands in assembly order, by the assembler's operand names (sim/asm/encode.ts OPERANDS) */
  operands: OperandName[];
  /** a record form exists, with Rc in the bit given (default bit 0, 0x1; VC forms use 0x400) */
  rc?: boolean;
  rcBit?: number;
  /** an `o` form (OE, 0x400) exists */
  oe?: boolean;
  access?: AccessInfo;
  /** prefixed (8-byte) instruction: match/mask apply to the prefix word, these to the suffix */
  suffixMatch?: number;
  suffixMask?: number;
  /**
   * An extended mnemonic: a more specific spelling of another row (`xxswapd` of `xxpermdi`). It is
   * executed as that row; the disassembler prints the most specific row that matches. When the
   * extended mnemonic's operands are not simply the base's with fixed fields (a register written once
   * that fills two fields), `expand` maps its operand values onto the base row's, and `matches`
   * tells the disassembler when a word can be printed this way.
   */
  alias?: string;
  expand?: (values: bigint[]) => bigint[];
  matches?: (word: number) => boolean;
  /** the assembler only (an alternative spelling objdump never prints) */
  asmOnly?: boolean;
  /** the disassembler only */
  disasmOnly?: boolean;
}

/** A family of instructions: its rows, in the order of its own operation enum. */
export interface FamilyDefs {
  name: string;
  /** the first operation id of the family (ids are base + row index) */
  base: number;
  defs: readonly InsnDef[];
}

// ---- small helpers for writing rows ----------------------------------------------------------

const u32 = (x: number) => x >>> 0;
/** primary opcode bits */
export const PO = (po: number) => u32(po << 26);
/** a mask of the primary opcode and the given extra bits */
export const POM = (extra: number) => u32(0xfc000000 | extra);
