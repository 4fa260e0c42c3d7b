// The runtime's source model (debug-adapter/source-model.ts) for programs with DWARF: line
// breakpoints in .c/.h files (and .S assembled with -g) through the line table, frames unwound
// through CFI with names and lines (glibc's without source). Assembly programs, and files no
// program was built from with -g, keep the assembly model.
import type { Task } from '../../sim/machine/task';
import type { Program } from '../../sim/program';
import { AsmSourceModel, type SourceModel } from '../source-model';
import type { Frame } from '../stack';
import { samePath } from '../paths';
import { targetOf } from './source-dap';
import { dwarfProgramOf, type DwarfProgram } from './dwarf-program';

export class CSourceModel implements SourceModel {
  private readonly asm: AsmSourceModel;

  constructor(
    private readonly programs: () => Program[],
    private readonly read: (t: Task, addr: bigint, len: number) => Uint8Array | undefined,
  ) {
    this.asm = new AsmSourceModel(programs);
  }

  /** The C model of the program built from `path` (one of its sources), if any. */
  modelFor(path: string): DwarfProgram | undefined {
    for (const p of this.programs()) {
      if (!p.image || samePath(p.file, path)) continue;
      const m = dwarfProgramOf(p);
      if (m?.hasSource(path)) return m;
    }
    return undefined;
  }

  breakpointAddresses(path: string, line: number): bigint[] | undefined {
    const a = this.asm.breakpointAddresses(path, line);
    if (a !== undefined) return a;
    const m = this.modelFor(path);
    if (!m) return undefined;
    const r = m.lineBreakpoint(path, line);
    return r.ok ? r.addrs : [];
  }

  breakpointLine(path: string, line: number): number | undefined {
    if (this.asm.breakpointAddresses(path, line) !== undefined) return undefined;
    const r = this.modelFor(path)?.lineBreakpoint(path, line);
    return r?.ok ? r.line : undefined;
  }

  frames(t: Task): Frame[] {
    const m = dwarfProgramOf(t.program);
    if (!m) return this.asm.frames(t);
    return m
      .frames(targetOf(t, (a, n) => this.read(t, a, n)))
      .map((f) => ({ index: f.index, pc: f.pc, name: f.name, file: f.file, line: f.file ? f.line : undefined }));
  }
}
