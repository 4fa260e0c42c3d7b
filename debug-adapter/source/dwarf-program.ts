// A program's source level as the debugger shows it, independent of DAP: C (and assembly built
// with -g) line breakpoints resolved through the line table, frames unwound through CFI with their
// function names and lines (glibc frames without source), the Locals / Globals / Registers scopes
// as C values, C expressions, and what a data breakpoint on a C lvalue would watch on this CPU.
// It reads the thread through a Target (sim/debuginfo/target.ts); the session owns the thread.
import type { Program } from '../../sim/program';
import {
  openDebugInfo,
  type DebugInfo,
  type Frame,
  type SourceLine,
  type Target,
  type VariableNode,
} from '../../sim/debuginfo/debug-info';
import { DW_AT } from '../../sim/debuginfo/constants';
import { pathMatch } from '../../sim/debuginfo/line-table';
import { attempt } from '../../sim/debuginfo/reader';
import type { CpuModel } from '../../sim/hwbp/cpu-model';
import { watchPlan, type WatchPlan } from './watch-plan';

export interface SourceFrame {
  index: number;
  /** the function's name (the ELF symbol in a function without debug information) */
  name: string;
  pc: bigint;
  /** the full path of the source file; undefined for a frame without line information (glibc) */
  file?: string;
  line: number;
  column: number;
  /** the reader's frame: what variables and registers of this frame are read through */
  frame: Frame;
}

export type ScopeKind = 'Locals' | 'Globals' | 'Registers';
export const SCOPES: readonly ScopeKind[] = ['Locals', 'Globals', 'Registers'];

export type LineBreakpoint = { ok: true; line: number; addrs: bigint[] } | { ok: false; message: string };
export type Evaluated = { ok: true; node: VariableNode; text: string } | { ok: false; message: string };

/** Source files the debugger resolves breakpoints in through DWARF (assembly without -g has the
 * assembler's own table). */
export function isSourcePath(path: string): boolean {
  return /\.(c|h|S|s|cc|cpp|cxx|hpp)$/.test(path);
}

function samePathTail(a: string, b: string): boolean {
  return a.replace(/^.*[\\/]/, '') === b.replace(/^.*[\\/]/, '');
}

/** One source model per loaded program (opened on first use, kept with the program). */
const models = new WeakMap<Program, DwarfProgram | null>();

export function dwarfProgramOf(p: Program): DwarfProgram | undefined {
  let m = models.get(p);
  if (m === undefined) {
    m = DwarfProgram.forProgram(p) ?? null;
    models.set(p, m);
  }
  return m ?? undefined;
}

export class DwarfProgram {
  private files: string[] | undefined;

  private constructor(
    readonly info: DebugInfo,
    /** the program file */
    readonly program: string,
  ) {}

  /** The source model of an ELF program with DWARF compile units; undefined for assembly or a stripped program. */
  static forProgram(p: Program): DwarfProgram | undefined {
    if (!p.image) return undefined;
    const r = openDebugInfo(p.image.file, { loadBias: p.image.loadBias });
    if (!r.ok || !r.info.hasDebugInfo) return undefined;
    return new DwarfProgram(r.info, p.file);
  }

  /** Every source file with line information (full paths). */
  sourceFiles(): string[] {
    this.files ??= this.info.sourceFiles();
    return this.files;
  }

  /** Whether the editor's `path` is one of the program's source files (by the longest matching tail). */
  hasSource(path: string): boolean {
    return this.sourceFiles().some((f) => pathMatch(path, f) > 0 && samePathTail(path, f));
  }

  /** Where a breakpoint on a line goes (GDB's placement: past the prologue, the next line with code). */
  lineBreakpoint(path: string, line: number): LineBreakpoint {
    const r = this.info.breakpointLocations(path, line);
    if (!r.ok) return r;
    if (r.locations.length === 0)
      return { ok: false, message: `line ${line} of ${path.replace(/^.*[\\/]/, '')} has no code` };
    return { ok: true, line: r.line, addrs: r.locations.map((l) => l.address) };
  }

  /** The source line of an address (for a decision in the panel, a disassembly row). */
  lineAt(pc: bigint): SourceLine | undefined {
    return this.info.lineAt(pc);
  }

  /** The frames of a stopped thread, innermost first; inlined calls are frames of their own. */
  frames(target: Target, max = 256): SourceFrame[] {
    return this.info.stackFrames(target, max).map((f) => ({
      index: f.index,
      name: f.name,
      pc: f.pc,
      file: f.source?.file,
      line: f.source?.line ?? 0,
      column: f.source?.column ?? 0,
      frame: f,
    }));
  }

  /** A scope's variables: Locals (parameters first, then the blocks' variables, innermost first),
   * Globals (the file-scope variables of the frame's compile unit: none for a frame without one),
   * Registers (as the frame sees them: callers' as unwound). */
  scope(target: Target, frame: Frame, kind: ScopeKind): VariableNode[] {
    switch (kind) {
      case 'Locals':
        return this.info.locals(target, frame);
      case 'Globals':
        return frame.unit ? this.info.globals(target, frame) : [];
      case 'Registers':
        return this.info.registers(target, frame);
    }
  }

  /** A C expression in a frame (or at file scope). */
  evaluate(target: Target, expression: string, frame?: Frame): Evaluated {
    return this.info.evaluate(target, expression, frame);
  }

  /** What a data breakpoint on a variable node watches on this CPU, or why it cannot. */
  watchNode(node: VariableNode, cpu: CpuModel): WatchPlan {
    const d = this.info.dataBreakpointInfo(node);
    if (!d.ok) return d;
    return watchPlan(d.address, d.size, node.evaluateName ?? node.name, cpu);
  }

  /** What a data breakpoint on a C expression (an lvalue) watches. */
  watchExpression(target: Target, expression: string, cpu: CpuModel, frame?: Frame): WatchPlan {
    const e = this.evaluate(target, expression, frame);
    if (!e.ok) return { ok: false, message: `${expression}: ${e.message}` };
    if (e.node.address === undefined)
      return {
        ok: false,
        message: `${expression} is not an object in memory (not an lvalue): a watchpoint watches memory`,
      };
    return this.watchNode(e.node, cpu);
  }

  /** The file-scope variable declared on `line` of `path` (DW_AT_decl_file/decl_line): the watch
   * actions above a C global's definition name it by its line, as they do a label in assembly. */
  globalDeclaredAt(path: string, line: number): string | undefined {
    const r = attempt(() => {
      for (const u of this.info.dwarf.units) {
        const sc = this.info.scopesOf(u);
        if (!sc || sc.globals.length === 0) continue;
        const files = this.info.dwarf.lineProgram(u)?.files;
        for (const g of sc.globals) {
          if (g.origin.num(DW_AT.decl_line) !== line) continue;
          const f = files?.[g.origin.num(DW_AT.decl_file) ?? -1];
          if (f && pathMatch(path, f.path) > 0 && samePathTail(path, f.path)) return g.name;
        }
      }
      return undefined;
    });
    return r.ok ? r.value : undefined;
  }

  /** A C object by name (a global, a file-scope static) for a perf counter: its address and size. */
  symbolObject(
    target: Target,
    name: string,
  ): { ok: true; address: bigint; size: number } | { ok: false; message: string } {
    const e = this.evaluate(target, name);
    if (!e.ok) return { ok: false, message: e.message };
    const d = this.info.dataBreakpointInfo(e.node);
    return d.ok ? { ok: true, address: d.address, size: d.size } : d;
  }
}
