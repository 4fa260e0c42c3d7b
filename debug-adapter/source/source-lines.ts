// The source line of an address in any program: the assembler's own table for assembly, the DWARF
// line table for an ELF built with -g (C, or assembly with -g). For the panel's decisions, the
// disassembly view and stop descriptions.
import { lineForAddress } from '../../sim/asm/line-table';
import type { Program } from '../../sim/program';
import { dwarfProgramOf } from './dwarf-program';

export interface CodeLine {
  file: string;
  line: number;
  /** the line's first instruction is at this address (a new line starts here) */
  start?: bigint;
}

export function codeLineOf(p: Program, pc: bigint): CodeLine | undefined {
  const l = lineForAddress(p, pc);
  if (l) return { file: l.file, line: l.line };
  if (!p.image) return undefined;
  const s = dwarfProgramOf(p)?.lineAt(pc);
  return s && s.line > 0 ? { file: s.file, line: s.line, start: s.start } : undefined;
}
