// The output of the assembler and the input of the loader: what a debugger needs to know of a program.
// Addresses are bigint because PowerPC addresses are 64-bit (kernel addresses do not fit a double).
import type { ExecImage } from './elf/exec-image';

/** One output section with its link address and contents (`.bss` has bytes of zeros). */
export interface Section {
  name: string; // ".text", ".data", ".bss", or another ".section" name
  addr: bigint;
  bytes: Uint8Array;
  /** true for .text-like sections (executable). */
  exec: boolean;
  /** true for .bss-like sections (no file contents; zero filled). */
  nobits: boolean;
}

export type SymbolType = 'function' | 'object' | 'notype';

export interface SymbolInfo {
  name: string;
  value: bigint;
  /** from `.size`; 0 when not given */
  size: number;
  /** the section name, or "*ABS*" for `.set`/`.equ` constants */
  section: string;
  type: SymbolType;
  global: boolean;
  /** where it was defined (1-based) */
  line: number;
}

/** Maps an address to the source line that produced the bytes there. */
export interface LineEntry {
  addr: bigint;
  /** byte length of what that line produced at addr */
  size: number;
  file: string;
  line: number; // 1-based
  section: string;
  /** true when the line is an instruction (not data) */
  insn: boolean;
}

export interface Program {
  file: string;
  sections: Section[];
  symbols: Map<string, SymbolInfo>;
  /** sorted by addr */
  lines: LineEntry[];
  /** the address of `_start` if defined, else the start of .text; an ELF's e_entry (+ load bias) */
  entry: bigint;
  /** an ELF executable: what the loader maps (segments, stack layout inputs); absent for assembly */
  image?: ExecImage;
}

/** A message for a person, with its position in a file. Errors are values, never thrown at users. */
export interface Diagnostic {
  file: string;
  line: number; // 1-based; 0 when it is about the whole file (a binary file, an ELF executable)
  col: number; // 1-based
  message: string;
  severity: 'error' | 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  const at = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  return `${at}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`;
}

export type Result<T> = { ok: true; value: T; warnings?: Diagnostic[] } | { ok: false; errors: Diagnostic[] };

/** Default link addresses (SCENARIOS.md section 6); GNU ld: -Ttext=0x10000000 -Tdata=0x10100000 -Tbss=0x10200000 */
export const DEFAULT_LAYOUT = {
  text: 0x10000000n,
  data: 0x10100000n,
  bss: 0x10200000n,
  stackTop: 0x7ffffff00000n,
  kernelBase: 0xc000000000000000n,
} as const;
