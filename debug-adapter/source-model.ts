// What a source file means to the debugger: where a line breakpoint stops and what the stack's
// frames are. The runtime asks its source model and knows nothing of the language; assembly is the
// model here (the assembler's line table, the ELFv2 back chain); a model for C (DWARF line tables,
// CFI unwinding) plugs in with Runtime.useSourceModel and may fall back to this one.
import { addressesForLine, lineForAddress } from '../sim/asm/line-table';
import type { Task } from '../sim/machine/task';
import type { Program } from '../sim/program';
import { stackFrames, type Frame } from './stack';
import { samePath } from './paths';

export interface SourceModel {
  /** The instructions a breakpoint on `line` of `path` stops at (empty: the line has none);
   * undefined: the file is no program's this model knows. */
  breakpointAddresses(path: string, line: number): bigint[] | undefined;
  /** The task's frames, innermost first (the Call Stack view; Step Out runs to frame 1's pc). */
  frames(t: Task): Frame[];
  /** The line a breakpoint on `line` is reported at when it moved (C: to the next line with code). */
  breakpointLine?(path: string, line: number): number | undefined;
}

/** Assembly programs: a line's instructions from the line table, frames from LR and the back chain. */
export class AsmSourceModel implements SourceModel {
  constructor(private readonly programs: () => Program[]) {}

  breakpointAddresses(path: string, line: number): bigint[] | undefined {
    const p = this.programs().find((x) => samePath(x.file, path));
    if (!p) return undefined;
    return addressesForLine(p, line).filter((a) => lineForAddress(p, a)?.insn);
  }

  frames(t: Task): Frame[] {
    return stackFrames(t);
  }
}
