// The debug information of one static ppc64le executable, as a source-level debugger asks for it.
// Opening reads the section table and the unit headers only (a 1 MB static glibc program opens in
// about 2 ms); line tables, DIE trees, the FDE index and the symbol table are read when a query
// first needs them, and kept. Addresses in and out are runtime addresses (a static-pie's load bias
// applied); memory and registers come through a Target (target.ts; thread-target.ts adapts a
// simulated thread). No method throws: problems are values (messages), or the query's empty answer.
//
// What a debugger calls:
//   open:             openDebugInfo(image.file, { loadBias: image.loadBias })
//   line breakpoints: breakpointLocations(file, line) -> addresses (GDB's placement) and the line
//                     to report; sourceFiles() for the files that have code
//   function bps:     functionNamed(name).breakpointAddress
//   stack frames:     stackFrames(target) -> Frame[] (name, source, pc; inline calls as frames)
//   scopes:           parameters / locals(target, frame), globals(target, frame), registers(target, frame):
//                     VariableNode trees (value text, type, children() on demand, address and size)
//   evaluate:         evaluate(target, "p->next->x", frame) -> a VariableNode and gdb's print text
//   data breakpoints: dataBreakpointInfo(node) -> the address and size to watch, or why not
//   stepping:         new LineStepper(info, 'over' | 'into' | 'out', target) (stepping.ts), then
//                     start() and next() after each instruction; stepOutTarget(frames, i) alone
//   disassembly:      lineAt(pc), functionAt(pc)
import { parseElf, type ElfFile } from '../elf/elf-file';
import { DW_AT, DW_TAG } from './constants';
import { evaluateC, pointerTo, C_TYPES, type EvalScope } from './c-eval';
import { CallFrameSection } from './cfi';
import { Dwarf } from './dwarf';
import { formatValue, variableNode, type FormatContext, type VariableNode } from './format';
import {
  frameVariables,
  sourceFrames,
  variableValue,
  type Frame,
  type ProgramModel,
  type SourcePosition,
} from './frames';
import { CuLines, pathMatch, type PcLine } from './line-table';
import { attempt } from './reader';
import { hexU64 } from '../hex';
import { blockStart, blockVariables, entryPc, nameOf, UnitScopes, type Block, type VarDecl } from './scopes';
import { debugSections, type DebugSections } from './sections';
import { SymbolIndex } from './symbols';
import type { Target } from './target';
import { TypeReader, type CType } from './types';
import type { Unit } from './units';
import { unwindStack, type UnwindContext } from './unwind';
import { CValue } from './values';

export type { Frame, SourcePosition, VariableNode, Target };

export interface SourceLine extends SourcePosition {
  /** runtime addresses of the line-table row: [start, end) */
  start: bigint;
  end: bigint;
  isStmt: boolean;
}

export interface BreakpointLocation {
  address: bigint;
  /** the line the breakpoint is reported at (GDB's: the line found, or the line after the prologue) */
  line: number;
  file: string;
  function: string | undefined;
}

export type BreakpointResult =
  { ok: true; line: number; file: string; locations: BreakpointLocation[] } | { ok: false; message: string };

export interface FunctionInfo {
  name: string;
  /** runtime addresses: the global entry point, and the end of the range holding it */
  entry: bigint;
  end: bigint;
  /** where a step into the function stops (GDB's handle_step_into_function: after the prologue, at a line start) */
  afterPrologue: bigint;
  /** where a breakpoint on the function goes (GDB's skip_prologue_sal: optimized code keeps the local entry point) */
  breakpointAddress: bigint;
  /** the function has line information (a source-level step may stop in it) */
  hasLines: boolean;
  source?: SourcePosition;
}

export type EvaluateResult = { ok: true; node: VariableNode; text: string } | { ok: false; message: string };
export type DataBreakpointInfo =
  { ok: true; address: bigint; size: number; description: string } | { ok: false; message: string };

export interface OpenOptions {
  /** where address 0 of a static-pie went (ExecImage.loadBias); 0 for ET_EXEC */
  loadBias?: bigint;
}

/** DW_LANG_Mips_Assembler: what GNU as writes for assembly with -g. */
const DW_LANG_ASM = 0x8001;

export class DebugInfo {
  readonly dwarf: Dwarf;
  readonly sections: DebugSections;
  readonly symbols: SymbolIndex;
  readonly types = new TypeReader();
  readonly bias: bigint;
  private readonly cfi: CallFrameSection[] = [];
  private readonly scopeCache = new Map<Unit, UnitScopes | string>();
  private readonly lineCache = new Map<Unit, CuLines | string>();
  private locValid = new Map<Unit, boolean>();
  private globalIndex: Map<string, VarDecl[]> | undefined;
  private functionIndex: Map<string, Block> | undefined;
  private typeIndex = new Map<Unit, Map<string, CType>>();
  /** (a line step asks for the function at every instruction) */
  private readonly functionCache = new Map<Block, FunctionInfo>();

  constructor(
    readonly elf: ElfFile,
    opts: OpenOptions = {},
  ) {
    this.bias = opts.loadBias ?? 0n;
    this.sections = debugSections(elf);
    this.dwarf = new Dwarf(this.sections);
    this.symbols = new SymbolIndex(elf);
    if (this.sections.debugFrame) this.cfi.push(new CallFrameSection(this.sections.debugFrame, 0n, 'debug'));
    if (this.sections.ehFrame)
      this.cfi.push(new CallFrameSection(this.sections.ehFrame.bytes, this.sections.ehFrame.addr, 'eh'));
  }

  /** true when the program has DWARF (compile units); without it, frames use symbols and CFI only */
  get hasDebugInfo(): boolean {
    return this.dwarf.units.length > 0;
  }

  /** What could not be read (the rest works): corrupt units, unsupported sections. */
  get problems(): string[] {
    return [
      ...this.sections.notes,
      ...this.dwarf.problems,
      ...this.cfi.map((c) => c.problem).filter((p): p is string => p !== undefined),
    ];
  }

  /** Runs a public query: whatever goes wrong inside (a corrupt unit met on the way) gives `fallback`. */
  private guard<T>(f: () => T, fallback: T): T {
    const r = attempt(f);
    return r.ok ? r.value : fallback;
  }

  // ---- per unit, on demand ----------------------------------------------------------------

  scopesOf(u: Unit): UnitScopes | undefined {
    const had = this.scopeCache.get(u);
    if (typeof had === 'string') return undefined;
    if (had) return had;
    const r = attempt(() => new UnitScopes(u));
    this.scopeCache.set(u, r.ok ? r.value : r.message);
    return r.ok ? r.value : undefined;
  }

  linesOf(u: Unit): CuLines | undefined {
    const had = this.lineCache.get(u);
    if (typeof had === 'string') return undefined;
    if (had) return had;
    const r = attempt(() => {
      const p = this.dwarf.lineProgram(u);
      return p ? new CuLines(u, p) : undefined;
    });
    if (!r.ok || !r.value) {
      this.lineCache.set(u, r.ok ? 'no line table' : r.message);
      return undefined;
    }
    this.lineCache.set(u, r.value);
    return r.value;
  }

  private unitAt(linkPc: bigint): Unit | undefined {
    const r = attempt(() => this.dwarf.unitForPc(linkPc));
    return r.ok ? r.value : undefined;
  }

  private isAsm(u: Unit): boolean {
    const r = attempt(() => u.root().num(DW_AT.language));
    return r.ok && r.value === DW_LANG_ASM;
  }

  /** GDB's "locations valid": a GCC unit that uses location lists (optimized code) gets no prologue analysis. */
  private locationsValid(u: Unit): boolean {
    let v = this.locValid.get(u);
    if (v === undefined) {
      const r = attempt(() => {
        if (!(u.root().str(DW_AT.producer) ?? '').startsWith('GNU')) return false;
        for (const d of u.dies()) {
          const l = d.attr(DW_AT.location);
          if (l && (l.k === 'secoff' || l.k === 'loclistx')) return true;
        }
        return false;
      });
      v = r.ok && r.value;
      this.locValid.set(u, v);
    }
    return v;
  }

  // ---- lines -------------------------------------------------------------------------------

  private pcLine(pc: bigint): { u: Unit; l: PcLine; lines: CuLines } | undefined {
    const link = pc - this.bias;
    const u = this.unitAt(link);
    if (!u) return undefined;
    const lines = this.linesOf(u);
    const l = lines?.find(Number(link));
    return l && lines ? { u, l, lines } : undefined;
  }

  /** The source line of a runtime address, as GDB's find_pc_line gives it. */
  lineAt(pc: bigint): SourceLine | undefined {
    return this.guard(() => {
      const r = this.pcLine(pc);
      if (!r || !r.l.file) return undefined;
      return {
        file: r.l.file.path,
        line: r.l.entry.line,
        column: r.l.entry.column,
        start: BigInt(r.l.start) + this.bias,
        end: BigInt(r.l.end) + this.bias,
        isStmt: r.l.entry.isStmt,
      };
    }, undefined);
  }

  /** Every source file that has line information (full paths), sorted. */
  sourceFiles(): string[] {
    return this.guard(() => {
      const out = new Set<string>();
      for (const u of this.dwarf.units) {
        const cl = this.linesOf(u);
        if (!cl) continue;
        for (const f of cl.program.files) if (f) out.add(f.path);
      }
      return [...out].sort();
    }, []);
  }

  /**
   * Where a breakpoint on `line` of `file` goes, as GDB picks it: the statement rows of that line
   * or, when it has no code, of the first line after it that has some; one address per block
   * (the lowest), moved past the function's prologue when it falls inside it (not in assembly).
   */
  breakpointLocations(file: string, line: number): BreakpointResult {
    const r = attempt(() => this.resolveBreakpoint(file, line));
    return r.ok ? r.value : { ok: false, message: r.message };
  }

  private resolveBreakpoint(file: string, line: number): BreakpointResult {
    if (!Number.isInteger(line) || line < 1) return { ok: false, message: `invalid line number ${line}` };
    // the files that match best, per unit
    let best = 0;
    const matches: Array<{ u: Unit; lines: CuLines; files: Set<number> }> = [];
    for (const u of this.dwarf.units) {
      const lines = this.linesOf(u);
      if (!lines) continue;
      const files = new Set<number>();
      let unitBest = 0;
      lines.program.files.forEach((f, i) => {
        if (!f) return;
        const s = pathMatch(file, f.path);
        if (s === 0) return;
        if (s > unitBest) {
          unitBest = s;
          files.clear();
        }
        if (s === unitBest) files.add(i);
      });
      if (unitBest === 0) continue;
      if (unitBest > best) {
        best = unitBest;
        matches.length = 0;
      }
      if (unitBest === best) matches.push({ u, lines, files });
    }
    if (matches.length === 0)
      return { ok: false, message: `no source file named ${file} in the program's debug information` };
    // the line itself, else the first line after it with code (over every matching unit)
    let target = Infinity;
    for (const m of matches) {
      for (const e of m.lines.entries) {
        if (!e.isStmt || e.line === 0 || !m.files.has(e.file) || e.line < line) continue;
        if (e.line < target) target = e.line;
      }
    }
    if (target === Infinity)
      return { ok: false, message: `line ${line} of ${file} has no code, nor does any line after it` };
    const locations: BreakpointLocation[] = [];
    const seen = new Set<bigint>();
    let path = '';
    for (const m of matches) {
      const sc = this.scopesOf(m.u);
      const blocksSeen = new Set<Block | undefined>();
      const asm = this.isAsm(m.u);
      for (const e of m.lines.entries) {
        if (!e.isStmt || e.line !== target || !m.files.has(e.file)) continue;
        path ||= m.lines.program.files[e.file]?.path ?? file;
        let link = BigInt(e.address);
        const blocks = sc?.blocksAt(link) ?? [];
        const key = blocks[0];
        if (key && blocksSeen.has(key)) continue;
        blocksSeen.add(key);
        let reported = e.line;
        const fn = blocks[blocks.length - 1];
        if (fn && !asm) {
          const after = this.afterPrologueLink(fn, m.u);
          if (link < after) {
            link = after;
            const l = m.lines.find(Number(link));
            if (l) reported = l.entry.line;
          }
        }
        const address = link + this.bias;
        if (seen.has(address)) continue;
        seen.add(address);
        locations.push({
          address,
          line: reported,
          file: path,
          function: fn ? nameOf(fn.die) : this.symbols.at(link, 'function')?.name,
        });
      }
    }
    locations.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
    return { ok: true, line: locations[0]?.line ?? target, file: path, locations };
  }

  /** The range of the function's range holding its entry. */
  private entryRange(fn: Block): [bigint, bigint] {
    const entry = entryPc(fn);
    for (const r of fn.ranges) if (r[0] <= entry && entry < r[1]) return r;
    return fn.ranges[0] ?? [entry, entry + 4n];
  }

  /** GDB's skip_prologue_using_sal: the end of the first line (0 when the function is one line). */
  private skipPrologueUsingSal(fn: Block, u: Unit, lines: CuLines): bigint {
    const [start, end] = this.entryRange(fn);
    let sal = lines.find(Number(start));
    if (!sal) return 0n;
    if (!this.isAsm(u)) {
      // two rows at the function's first address: a prologue of no instructions
      const e = lines.entries;
      let idx = 0;
      while (idx + 1 < e.length && (e[idx].address !== sal.start || e[idx].line === 0)) idx++;
      if (idx + 1 < e.length && e[idx + 1].line !== 0 && BigInt(e[idx + 1].address) === start) return start;
    }
    if (BigInt(sal.end) >= end) return 0n;
    const sc = this.scopesOf(u);
    while (BigInt(sal.end) < end) {
      const next = lines.find(sal.end);
      if (!next) break;
      if (next.entry.line >= sal.entry.line) break;
      if (next.entry.file !== sal.entry.file) break;
      const chain = sc?.blocksAt(BigInt(sal.end)) ?? [];
      if (chain.some((b) => b.kind === 'inlined')) break;
      sal = next;
    }
    return BigInt(sal.end) < end ? BigInt(sal.end) : BigInt(sal.start);
  }

  /** The ELFv2 local entry point of a function (link-time). */
  private localEntry(fn: Block): bigint {
    const entry = entryPc(fn);
    const sym = this.symbols.at(entry, 'function');
    return entry + BigInt(sym && sym.start === entry ? sym.localEntry : 0);
  }

  /** GDB's rs6000_skip_prologue: after the first line of the function, never before the local entry point. */
  private archSkipPrologue(fn: Block, u: Unit, lines: CuLines): bigint {
    const local = this.localEntry(fn);
    if (this.isAsm(u)) return local;
    const post = this.skipPrologueUsingSal(fn, u, lines);
    return post !== 0n && post > local ? post : local;
  }

  /** Where a step into a function stops (link-time): GDB's handle_step_into_function. */
  private stepIntoLink(fn: Block, u: Unit): bigint {
    const lines = this.linesOf(u);
    if (!lines) return this.localEntry(fn);
    let pc = this.archSkipPrologue(fn, u, lines);
    const [, end] = this.entryRange(fn);
    const s = lines.find(Number(pc));
    if (s && s.end !== 0 && BigInt(s.start) !== pc && BigInt(s.end) < end) pc = BigInt(s.end);
    return pc;
  }

  /** The first address after a function's prologue (link-time), as GDB's skip_prologue_sal finds it. */
  private afterPrologueLink(fn: Block, u: Unit): bigint {
    const [start, end] = this.entryRange(fn);
    const entry = entryPc(fn);
    const local = this.localEntry(fn);
    const lines = this.linesOf(u);
    if (!lines) return local;
    // the compiler's own mark (DW_LNS_set_prologue_end)
    for (const e of lines.entries)
      if (e.prologueEnd && BigInt(e.address) >= start && BigInt(e.address) < end) return BigInt(e.address);
    if (this.locationsValid(u)) return local;
    let pc = this.archSkipPrologue(fn, u, lines);
    // left in the middle of a line that ends inside the function: go to the next line
    const s = lines.find(Number(pc));
    if (s && BigInt(s.start) !== pc && BigInt(s.end) >= entry && BigInt(s.end) < end) pc = BigInt(s.end);
    return pc;
  }

  /** The function holding a runtime address: from DWARF, else from the symbol table. */
  functionAt(pc: bigint): FunctionInfo | undefined {
    return this.guard(() => {
      const link = pc - this.bias;
      const u = this.unitAt(link);
      const sc = u ? this.scopesOf(u) : undefined;
      const fn = sc?.functionAt(link);
      if (fn && u) {
        const had = this.functionCache.get(fn);
        if (had) return had;
        const r = attempt(() => {
          const [, end] = this.entryRange(fn);
          const entry = entryPc(fn);
          const src = this.lineAt(entry + this.bias);
          return {
            name: nameOf(fn.die) ?? this.symbols.at(entry, 'function')?.name ?? hexU64(entry),
            entry: entry + this.bias,
            afterPrologue: this.stepIntoLink(fn, u) + this.bias,
            breakpointAddress: this.afterPrologueLink(fn, u) + this.bias,
            end: end + this.bias,
            hasLines: src !== undefined,
            source: src ? { file: src.file, line: src.line, column: src.column } : undefined,
          };
        });
        if (r.ok) {
          this.functionCache.set(fn, r.value);
          return r.value;
        }
      }
      const sym = this.symbols.at(link, 'function');
      if (!sym) return undefined;
      const entry = sym.start + this.bias;
      const local = entry + BigInt(sym.localEntry);
      return {
        name: sym.name,
        entry,
        afterPrologue: local,
        breakpointAddress: local,
        end: entry + (sym.size > 0n ? sym.size : 4n),
        hasLines: false,
      };
    }, undefined);
  }

  /** A function by name (DWARF first, then the symbol table). */
  functionNamed(name: string): FunctionInfo | undefined {
    return this.guard(() => {
      const fn = this.functions().get(name);
      if (fn) return this.functionAt(blockStart(fn) + this.bias);
      const sym = this.symbols.byNameGet(name);
      if (!sym || sym.kind !== 'function') return undefined;
      return this.functionAt(sym.start + this.bias);
    }, undefined);
  }

  /**
   * The addresses a source-level step from `pc` stays in: the line-table row of `pc` (GDB's
   * find_pc_line range; the stepper moves on to the following rows of the same line itself).
   */
  lineStepRange(pc: bigint): { start: bigint; end: bigint; line: SourceLine } | undefined {
    return this.guard(() => {
      const line = this.lineAt(pc);
      if (!line) return undefined;
      return { start: line.start, end: line.end, line };
    }, undefined);
  }

  /** How many inlined calls the code at `pc` is inside (0 in a function's own code). */
  inlineDepthAt(pc: bigint): number {
    return this.guard(() => {
      const link = pc - this.bias;
      const u = this.unitAt(link);
      const sc = u ? this.scopesOf(u) : undefined;
      return sc ? sc.blocksAt(link).filter((b) => b.kind === 'inlined').length : 0;
    }, 0);
  }

  /**
   * How many of the innermost inlined calls at `pc` a stop there does not show yet (GDB's
   * skip_inline_frames): those whose code starts at `pc` (the instruction before is outside
   * them). The thread is at the call site; a step enters the inlined function.
   */
  inlineSkipAt(pc: bigint): number {
    return this.guard(() => {
      const link = pc - this.bias;
      const u = this.unitAt(link);
      const sc = u ? this.scopesOf(u) : undefined;
      if (!sc) return 0;
      const chain = sc.blocksAt(link);
      const before = new Set(sc.blocksAt(link - 1n));
      let n = 0;
      for (const b of chain) {
        if (b.kind === 'block') continue;
        if (b.kind !== 'inlined') break;
        if (before.has(b) && blockStart(b) !== link) break;
        n++;
      }
      return n;
    }, 0);
  }

  /**
   * The call site (DW_AT_call_file/line) of the outermost inlined call at `pc` that a stop there
   * does not show (see inlineSkipAt): where the thread is shown, and the line a step from there
   * starts on (GDB's find_frame_sal).
   */
  skippedCallSite(pc: bigint): SourcePosition | undefined {
    return this.guard(() => {
      const n = this.inlineSkipAt(pc);
      if (n === 0) return undefined;
      const link = pc - this.bias;
      const u = this.unitAt(link);
      const sc = u ? this.scopesOf(u) : undefined;
      const inl = sc?.blocksAt(link).filter((b) => b.kind === 'inlined') ?? [];
      const b = inl[n - 1];
      if (!b || !u) return undefined;
      const line = b.die.num(DW_AT.call_line);
      const file = b.die.num(DW_AT.call_file);
      if (line === undefined) return undefined;
      const f = file !== undefined ? this.dwarf.lineProgram(u)?.files[file] : undefined;
      return { file: f?.path ?? '', line, column: b.die.num(DW_AT.call_column) ?? 0 };
    }, undefined);
  }

  // ---- frames ------------------------------------------------------------------------------

  /** The CFA rule at `pc` when it is a register plus an offset (most code): a frame's CFA from its
   * registers, without unwinding (time travel tells a recursive call's frame from its caller's). */
  cfaRuleAt(pc: bigint): { reg: number; offset: bigint } | undefined {
    return this.guard(() => {
      for (const s of this.cfi) {
        const r = s.rowFor(pc - this.bias);
        if (r) return r.cfa.kind === 'reg' ? { reg: r.cfa.reg, offset: r.cfa.offset } : undefined;
      }
      return undefined;
    }, undefined);
  }

  private unwindContext(target: Target): UnwindContext {
    const code = this.sections.code;
    return {
      target,
      bias: this.bias,
      frames: this.cfi,
      symbols: this.symbols,
      isCode: (a: bigint) => {
        const link = a - this.bias;
        return code.some((c) => c.start <= link && link < c.end);
      },
    };
  }

  private model(target: Target): ProgramModel {
    return {
      dwarf: this.dwarf,
      bias: this.bias,
      symbols: this.symbols,
      types: this.types,
      unwind: this.unwindContext(target),
      scopesOf: (u) => this.scopesOf(u),
      linesOf: (u) => this.linesOf(u),
    };
  }

  /**
   * The stack of a stopped thread, innermost first: function names, source positions, inline
   * calls as frames of their own. (Frames remember the target: variables of a frame are read
   * through it.)
   */
  stackFrames(target: Target, maxFrames = 256, opts: { showInlineEntry?: boolean } = {}): Frame[] {
    const r = attempt(() => {
      const ctx = this.unwindContext(target);
      const phys = unwindStack(ctx, maxFrames);
      const frames = sourceFrames(this.model(target), phys);
      // at the first instruction of an inlined call, the thread is shown at the call site (GDB),
      // unless the debugger stopped there for a breakpoint in the inlined function
      const skip = opts.showInlineEntry ? 0 : this.inlineSkipAt(target.pc());
      if (
        skip > 0 &&
        frames.length > skip &&
        frames.slice(0, skip).every((f) => f.inlined && f.physical === frames[skip].physical)
      ) {
        const kept = frames.slice(skip).map((f, i) => ({ ...f, index: i }));
        const site = this.skippedCallSite(target.pc());
        if (site) kept[0].source = site;
        return kept;
      }
      return frames;
    });
    if (r.ok) return r.value;
    const pc = target.pc();
    return [
      {
        index: 0,
        pc,
        name: this.symbols.describe(pc - this.bias) ?? hexU64(pc),
        inlined: false,
        physical: {
          index: 0,
          pc,
          lookupPc: pc,
          cfa: undefined,
          reg: (n) => target.readRegister(n),
          home: (n) => ({ kind: 'register', reg: n }),
          unwinder: 'none',
          end: r.message,
        },
        blocks: [],
        end: r.message,
      },
    ];
  }

  /**
   * Where "step out" of `frames[index]` stops: the return address in the caller and the stack
   * pointer the caller has there (a recursive call returns to the same address with a smaller one).
   */
  stepOutTarget(
    frames: Frame[],
    index: number,
  ): { ok: true; address: bigint; stackPointer: bigint } | { ok: false; message: string } {
    const r = attempt(() => this.stepOutInner(frames, index));
    return r.ok ? r.value : { ok: false, message: r.message };
  }

  private stepOutInner(
    frames: Frame[],
    index: number,
  ): { ok: true; address: bigint; stackPointer: bigint } | { ok: false; message: string } {
    const f = frames[index];
    if (!f) return { ok: false, message: `no frame ${index}` };
    // an inline frame returns into the same physical frame: its caller's frame is the next one out
    let i = index + 1;
    while (i < frames.length && frames[i].physical === f.physical) i++;
    const caller = frames[i];
    if (!caller) return { ok: false, message: `"finish" is not meaningful in the outermost frame (${f.name})` };
    const sp = caller.physical.reg(1);
    if (sp === undefined) return { ok: false, message: "the caller's stack pointer is not known" };
    return { ok: true, address: caller.pc, stackPointer: sp };
  }

  // ---- variables ---------------------------------------------------------------------------

  private formatContext(target: Target): FormatContext {
    return {
      readMemory: (a, s) => target.readMemory(a, s),
      symbolize: (a) => {
        const link = a - this.bias;
        const s = this.symbols.at(link);
        if (!s) return undefined;
        const off = link - s.start;
        return off === 0n ? s.name : `${s.name}+${off}`;
      },
    };
  }

  /** The variables of a frame: its parameters and locals (innermost blocks first). */
  locals(target: Target, frame: Frame): VariableNode[] {
    const m = this.model(target);
    const fc = this.formatContext(target);
    const r = attempt(() =>
      frameVariables(frame).map((v) => variableNode(v.name, variableValue(m, v, frame), fc, v.name)),
    );
    return r.ok ? r.value : [];
  }

  /** The parameters of a frame alone (GDB's "args"). */
  parameters(target: Target, frame: Frame): VariableNode[] {
    const m = this.model(target);
    const fc = this.formatContext(target);
    const fnBlock = frame.blocks[frame.blocks.length - 1];
    if (!fnBlock) return [];
    const r = attempt(() =>
      blockVariables(fnBlock)
        .filter((v) => v.isParam)
        .map((v) => variableNode(v.name, variableValue(m, v, frame), fc, v.name)),
    );
    return r.ok ? r.value : [];
  }

  /** The file-scope variables of a frame's compile unit (all units' without a frame). */
  globals(target: Target, frame?: Frame): VariableNode[] {
    return this.guard(() => {
      const m = this.model(target);
      const fc = this.formatContext(target);
      const units = frame?.unit ? [frame.unit] : this.dwarf.units;
      const out: VariableNode[] = [];
      const seen = new Set<string>();
      for (const u of units) {
        const sc = this.scopesOf(u);
        if (!sc) continue;
        for (const g of sc.globals) {
          if (seen.has(g.name)) continue;
          seen.add(g.name);
          const r = attempt(() => variableNode(g.name, variableValue(m, g, undefined), fc, g.name));
          if (r.ok) out.push(r.value);
        }
      }
      return out;
    }, []);
  }

  /** The registers of a frame (frame 0: the thread's; callers: as unwound, "<not saved>" when the callee did not
   * preserve them). */
  registers(target: Target, frame: Frame): VariableNode[] {
    return this.guard(() => {
      const fc = this.formatContext(target);
      const out: VariableNode[] = [];
      const p = frame.physical;
      const add = (name: string, n: number | 'pc', type: CType) => {
        const v = n === 'pc' ? p.pc : p.reg(n);
        const cv =
          v === undefined
            ? new CValue(type, { kind: 'error', message: 'not saved' })
            : new CValue(type, { kind: 'bytes', bytes: le8(v) });
        const node = variableNode(name, cv, fc, `$${name}`);
        if (v === undefined) node.value = '<not saved>';
        else if (name !== 'pc' && type !== C_TYPES.double) node.value = `0x${v.toString(16)}`;
        out.push(node);
      };
      add(
        'pc',
        'pc',
        pointerTo({ kind: 'function', returns: C_TYPES.void, params: [], varargs: false, prototyped: false }),
      );
      for (let i = 0; i < 32; i++) add(`r${i}`, i, C_TYPES.long);
      add('lr', 65, C_TYPES.ulong);
      add('ctr', 66, C_TYPES.ulong);
      add('cr', 64, C_TYPES.uint);
      add('xer', 76, C_TYPES.uint);
      for (let i = 0; i < 32; i++) add(`f${i}`, 32 + i, C_TYPES.double);
      return out;
    }, []);
  }

  // ---- names for expressions ---------------------------------------------------------------

  private globalsByName(): Map<string, VarDecl[]> {
    if (this.globalIndex) return this.globalIndex;
    const m = new Map<string, VarDecl[]>();
    for (const u of this.dwarf.units) {
      const sc = this.scopesOf(u);
      if (!sc) continue;
      for (const g of sc.globals) {
        const list = m.get(g.name) ?? [];
        list.push(g);
        m.set(g.name, list);
      }
    }
    this.globalIndex = m;
    return m;
  }

  private functions(): Map<string, Block> {
    if (this.functionIndex) return this.functionIndex;
    const m = new Map<string, Block>();
    for (const u of this.dwarf.units) {
      const sc = this.scopesOf(u);
      if (!sc) continue;
      for (const f of sc.functions) {
        const n = nameOf(f.die);
        if (n && !m.has(n)) m.set(n, f);
      }
    }
    this.functionIndex = m;
    return m;
  }

  /** Named types of a unit: typedefs, base types, "struct X", "union X", "enum X"; and enumerators. */
  private typesOf(u: Unit): Map<string, CType> {
    let m = this.typeIndex.get(u);
    if (m) return m;
    m = new Map();
    const r = attempt(() => u.dies());
    if (r.ok) {
      for (const d of r.value) {
        const n = d.name;
        // (a declaration is skipped, unless it names its definition in a type unit)
        if (!n || (d.flag(DW_AT.declaration) && !d.has(DW_AT.signature))) continue;
        const key =
          d.tag === DW_TAG.typedef || d.tag === DW_TAG.base_type
            ? n
            : d.tag === DW_TAG.structure_type
              ? `struct ${n}`
              : d.tag === DW_TAG.union_type
                ? `union ${n}`
                : d.tag === DW_TAG.enumeration_type
                  ? `enum ${n}`
                  : undefined;
        if (key && !m.has(key)) {
          const t = attempt(() => this.types.read(d));
          if (t.ok) m.set(key, t.value);
        }
      }
    }
    this.typeIndex.set(u, m);
    return m;
  }

  private enumerator(u: Unit, name: string): CValue | undefined {
    for (const t of this.typesOf(u).values()) {
      if (t.kind !== 'enum') continue;
      const e = t.enumerators.find((x) => x.name === name);
      if (e) return new CValue(t, { kind: 'bytes', bytes: le8(e.value).subarray(0, t.size) });
    }
    return undefined;
  }

  private scope(target: Target, frame: Frame | undefined): EvalScope {
    const m = this.model(target);
    const fc = this.formatContext(target);
    const units = (): Unit[] =>
      frame?.unit ? [frame.unit, ...this.dwarf.units.filter((u) => u !== frame.unit)] : this.dwarf.units;
    return {
      ...fc,
      lookup: (name) => {
        if (frame) {
          const v = frameVariables(frame).find((x) => x.name === name);
          if (v) return variableValue(m, v, frame);
        }
        if (frame?.unit) {
          const sc = this.scopesOf(frame.unit);
          const g = sc?.globals.find((x) => x.name === name);
          if (g) return variableValue(m, g, undefined);
        }
        const gl = this.globalsByName().get(name);
        if (gl && gl.length > 0) {
          // a definition with a location beats an extern declaration
          const def = gl.find((g) => g.die.has(DW_AT.location)) ?? gl[0];
          return variableValue(m, def, undefined);
        }
        const fn = this.functions().get(name);
        if (fn) {
          return new CValue(functionType(this, fn), { kind: 'memory', addr: entryPc(fn) + this.bias });
        }
        for (const u of units()) {
          const e = this.enumerator(u, name);
          if (e) return e;
        }
        const sym = this.symbols.byNameGet(name);
        if (sym) {
          if (sym.kind === 'function')
            return new CValue(
              { kind: 'function', returns: C_TYPES.int, params: [], varargs: false, prototyped: false },
              { kind: 'memory', addr: sym.start + this.bias },
            );
          return { error: `'${name}' has unknown type; cast it to its declared type` };
        }
        return undefined;
      },
      lookupType: (name) => {
        for (const u of units()) {
          const t = this.typesOf(u).get(name);
          if (t) return t;
        }
        return undefined;
      },
      register: (name) => {
        const p = frame?.physical;
        const reg = (n: number) => (p ? p.reg(n) : target.readRegister(n));
        let v: bigint | undefined;
        let type: CType = C_TYPES.long;
        if (name === 'pc') {
          v = p ? p.pc : target.pc();
          type = pointerTo({ kind: 'function', returns: C_TYPES.void, params: [], varargs: false, prototyped: false });
        } else if (name === 'sp') {
          v = reg(1);
          type = pointerTo(C_TYPES.void);
        } else if (name === 'lr') v = reg(65);
        else if (name === 'ctr') v = reg(66);
        else if (/^r([0-9]|[12][0-9]|3[01])$/.test(name)) v = reg(Number(name.slice(1)));
        else if (/^f([0-9]|[12][0-9]|3[01])$/.test(name)) {
          v = reg(32 + Number(name.slice(1)));
          type = C_TYPES.double;
        } else return undefined;
        if (v === undefined) return new CValue(type, { kind: 'error', message: 'not saved in this frame' });
        return new CValue(type, { kind: 'bytes', bytes: le8(v) });
      },
    };
  }

  /** Evaluates a C expression in a frame (or over the globals alone). */
  evaluate(target: Target, expression: string, frame?: Frame): EvaluateResult {
    const r = attempt(() => {
      const scope = this.scope(target, frame);
      const v = evaluateC(expression, scope);
      if (!v.ok) return v;
      const node = variableNode(expression, v.value, scope, expression);
      return { ok: true as const, node, text: formatValue(v.value, scope, { typePrefix: true }) };
    });
    return r.ok ? r.value : { ok: false, message: r.message };
  }

  /** Where a data breakpoint on a value would watch: its address and size, or why it cannot be watched. */
  dataBreakpointInfo(node: VariableNode): DataBreakpointInfo {
    const r = attempt(() => this.dataBreakpointInner(node));
    return r.ok ? r.value : { ok: false, message: r.message };
  }

  private dataBreakpointInner(node: VariableNode): DataBreakpointInfo {
    const v = node.value_;
    const what = node.evaluateName ?? node.name;
    switch (v.data.kind) {
      case 'memory': {
        const size = node.size ?? v.size;
        if (size <= 0) return { ok: false, message: `${what} has no size (an incomplete type)` };
        return {
          ok: true,
          address: v.data.addr,
          size,
          description: `${what} (${size} byte${size === 1 ? '' : 's'} at ${hexU64(v.data.addr)})`,
        };
      }
      case 'bytes':
        return {
          ok: false,
          message:
            v.data.register !== undefined
              ? `${what} lives in a register here, not in memory: a watchpoint cannot watch it`
              : `${what} is not in memory (a computed value): a watchpoint cannot watch it`,
        };
      case 'optimized-out':
        return { ok: false, message: `${what} is optimized out here` };
      case 'synthetic-pointer':
        return { ok: false, message: `${what} is a pointer the compiler optimized away` };
      case 'error':
        return { ok: false, message: `${what}: ${v.data.message}` };
    }
  }
}

function functionType(di: DebugInfo, fn: Block): CType {
  const d = fn.die.ref(DW_AT.abstract_origin) ?? fn.die;
  const r = attempt((): CType => {
    const returns = di.types.typeOf(d);
    const params: CType[] = [];
    let varargs = false;
    for (const c of d.children) {
      if (c.tag === DW_TAG.formal_parameter) params.push(di.types.typeOf(c));
      else if (c.tag === DW_TAG.unspecified_parameters) varargs = true;
    }
    return { kind: 'function', returns, params, varargs, prototyped: d.flag(DW_AT.prototyped) };
  });
  return r.ok ? r.value : { kind: 'function', returns: C_TYPES.int, params: [], varargs: false, prototyped: false };
}

function le8(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  let x = BigInt.asUintN(64, v);
  for (let i = 0; i < 8; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

/** Opens the debug information of an ELF file's bytes. */
export function openDebugInfo(
  bytes: Uint8Array,
  opts: OpenOptions = {},
): { ok: true; info: DebugInfo } | { ok: false; message: string } {
  const e = parseElf(bytes);
  if (!e.ok) return e;
  const r = attempt(() => new DebugInfo(e.elf, opts));
  return r.ok ? { ok: true, info: r.value } : { ok: false, message: r.message };
}
