// The C source level in DAP terms, for the session to answer with when the program has DWARF:
// stack frames (names, .c source and line; glibc frames greyed, without source), the Locals /
// Globals / Registers scopes and their C values (structs and arrays expandable), evaluate of C
// expressions, and dataBreakpointInfo on a variable or an expression. Frames and variable handles
// live from one stop to the next (reset()). The session keeps its frame ids (pid and index) and
// its own scopes beside these (Watchpoints, Perf counters).
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Task } from '../../sim/machine/task';
import type { Program } from '../../sim/program';
import type { CpuModel } from '../../sim/hwbp/cpu-model';
import type { Target, VariableNode } from '../../sim/debuginfo/debug-info';
import { threadTarget } from '../../sim/debuginfo/thread-target';
import { makeDataId, makeSymbolDataId } from '../data-breakpoints';
import { dataSymbolAt, hex } from '../symbols';
import { SCOPES, dwarfProgramOf, type ScopeKind, type SourceFrame, type DwarfProgram } from './dwarf-program';
import { assignValue, type Assigned, type ValueWriter } from './set-value';
import type { WatchPlan } from './watch-plan';
import { StopHandles } from '../stop-handles';

/** Variable handles of the source level start here (the session's own start at 1000). */
export const SOURCE_HANDLE_BASE = 500_000_000;

type Ref =
  { kind: 'scope'; pid: number; index: number; scope: ScopeKind } | { kind: 'node'; pid: number; node: VariableNode };

export type DataInfo =
  | { ok: true; dataId: string; description: string; canPersist: boolean }
  /** notC: the name is no C expression here (the session may read it in the machine's own syntax) */
  | { ok: false; message: string; notC?: boolean };

export function targetOf(t: Task, read: (addr: bigint, len: number) => Uint8Array | undefined): Target {
  const base = threadTarget(t.mem, t.thread);
  return { ...base, readMemory: (a, n) => (n <= 0 ? new Uint8Array(0) : read(a, n)) };
}

export class SourceDap {
  private handles = new StopHandles<Ref>(SOURCE_HANDLE_BASE);
  private frameCache = new Map<number, SourceFrame[]>();
  /** per handle: the nodes last listed under it, by name (a dataBreakpointInfo names one) */
  private listed = new Map<number, VariableNode[]>();

  constructor(private readonly read: (t: Task, addr: bigint, len: number) => Uint8Array | undefined) {}

  /** The source model of a task's program, if it has DWARF. */
  model(t: Task): DwarfProgram | undefined {
    return dwarfProgramOf(t.program);
  }

  modelOfProgram(p: Program): DwarfProgram | undefined {
    return dwarfProgramOf(p);
  }

  target(t: Task): Target {
    return targetOf(t, (a, n) => this.read(t, a, n));
  }

  /** After every stop and resume: frames and handles are of the stop they were made at. */
  reset(): void {
    this.handles.reset();
    this.frameCache.clear();
    this.listed.clear();
  }

  owns(ref: number): boolean {
    return ref >= SOURCE_HANDLE_BASE && this.handles.get(ref) !== undefined;
  }

  frames(t: Task): SourceFrame[] {
    let f = this.frameCache.get(t.pid);
    if (!f) {
      f = this.model(t)?.frames(this.target(t)) ?? [];
      this.frameCache.set(t.pid, f);
    }
    return f;
  }

  stackFrames(t: Task, frameId: (index: number) => number): DebugProtocol.StackFrame[] {
    return this.frames(t).map((f) => {
      const sf: DebugProtocol.StackFrame = {
        id: frameId(f.index),
        name: f.name,
        line: f.line,
        column: f.file ? Math.max(1, f.column) : 0,
        instructionPointerReference: hex(f.pc),
      };
      if (f.file) sf.source = { name: f.file.replace(/^.*[\\/]/, ''), path: f.file };
      else sf.presentationHint = 'subtle';
      return sf;
    });
  }

  scopes(t: Task, index: number): DebugProtocol.Scope[] {
    const f = this.frames(t)[index];
    if (!f) return [];
    return SCOPES.map((scope) => ({
      name: scope,
      presentationHint: scope === 'Locals' ? 'locals' : scope === 'Registers' ? 'registers' : undefined,
      variablesReference: this.handles.create({ kind: 'scope', pid: t.pid, index, scope }),
      // (Globals of a big unit: VS Code asks only when the scope is opened)
      expensive: false,
    })) as DebugProtocol.Scope[];
  }

  pidOf(ref: number): number | undefined {
    return this.handles.get(ref)?.pid;
  }

  private nodesOf(t: Task, ref: number): VariableNode[] {
    const r = this.handles.get(ref);
    if (!r) return [];
    let nodes: VariableNode[];
    if (r.kind === 'scope') {
      const f = this.frames(t)[r.index];
      const m = this.model(t);
      nodes = f && m ? m.scope(this.target(t), f.frame, r.scope) : [];
    } else nodes = r.node.children();
    this.listed.set(ref, nodes);
    return nodes;
  }

  variables(t: Task, ref: number): DebugProtocol.Variable[] {
    return this.nodesOf(t, ref).map((n) => this.variable(t, n));
  }

  private variable(t: Task, n: VariableNode): DebugProtocol.Variable {
    const v: DebugProtocol.Variable = {
      name: n.name,
      value: n.value,
      type: n.type,
      variablesReference: n.childCount > 0 ? this.handles.create({ kind: 'node', pid: t.pid, node: n }) : 0,
    };
    if (n.evaluateName) v.evaluateName = n.evaluateName;
    if (n.address !== undefined) v.memoryReference = hex(n.address);
    if (n.childCount > 0 && /\[\d+\]$/.test(n.type)) v.indexedVariables = n.childCount;
    return v;
  }

  /** A C expression in a frame: the result as the Watch view and the console show it. */
  evaluate(
    t: Task,
    expression: string,
    index: number | undefined,
  ): { ok: true; body: DebugProtocol.EvaluateResponse['body'] } | { ok: false; message: string } {
    const m = this.model(t);
    if (!m) return { ok: false, message: 'the program has no debug information' };
    const f = index !== undefined ? this.frames(t)[index] : this.frames(t)[0];
    const r = m.evaluate(this.target(t), expression, f?.frame);
    if (!r.ok) return r;
    const body: DebugProtocol.EvaluateResponse['body'] = {
      result: r.text,
      type: r.node.type,
      variablesReference: r.node.childCount > 0 ? this.handles.create({ kind: 'node', pid: t.pid, node: r.node }) : 0,
    };
    if (r.node.address !== undefined) body.memoryReference = hex(r.node.address);
    return { ok: true, body };
  }

  /**
   * Sets a C variable listed under `ref` to the value of a C expression (`42`, `x + 1`, `'a'`,
   * `&origin`, `2.5`), as GDB's `set var` does (set-value.ts: integers, chars, enums, pointers,
   * floats and doubles, bit-fields; in memory, or in the register that holds it); the new value as
   * it reads back.
   */
  setVariable(
    t: Task,
    ref: number,
    name: string,
    value: string,
    write: ValueWriter,
  ): { ok: true; variable: DebugProtocol.Variable } | { ok: false; message: string } {
    const r = this.handles.get(ref);
    const m = this.model(t);
    if (!r || !m) return { ok: false, message: `variablesReference ${ref} is not valid (any more)` };
    if (r.kind === 'scope' && r.scope === 'Registers')
      return {
        ok: false,
        message: "setting a register of a C frame is not supported: use the console's register commands",
      };
    const n = (this.listed.get(ref) ?? this.nodesOf(t, ref)).find((x) => x.name === name);
    if (!n) return { ok: false, message: `no variable ${name} here` };
    const index = r.kind === 'scope' ? r.index : 0;
    const a = this.assign(t, m, index, n, value, write);
    if (!a.ok) return a;
    const again = this.nodesOf(t, ref).find((y) => y.name === name) ?? n;
    return { ok: true, variable: this.variable(t, again) };
  }

  /** setExpression: the C lvalue `expression` in the frame takes the value of `value`; the
   * expression as it evaluates after. */
  setExpression(
    t: Task,
    expression: string,
    index: number | undefined,
    value: string,
    write: ValueWriter,
  ): { ok: true; body: DebugProtocol.EvaluateResponse['body'] } | { ok: false; message: string } {
    const m = this.model(t);
    if (!m) return { ok: false, message: 'the program has no debug information' };
    const i = index ?? 0;
    const f = this.frames(t)[i];
    const e = m.evaluate(this.target(t), expression, f?.frame);
    if (!e.ok) return { ok: false, message: `${expression}: ${e.message}` };
    const a = this.assign(t, m, i, { ...e.node, name: expression }, value, write);
    if (!a.ok) return a;
    return this.evaluate(t, expression, i);
  }

  private assign(t: Task, m: DwarfProgram, index: number, n: VariableNode, value: string, w: ValueWriter): Assigned {
    const f = this.frames(t)[index];
    const r = assignValue(m, this.target(t), f?.frame, n, value, {
      // (the frames keep the registers they were unwound with: unwound again after a write)
      memory: (addr, bytes) => {
        this.frameCache.delete(t.pid);
        return w.memory(addr, bytes);
      },
      register: (reg, v) => {
        this.frameCache.delete(t.pid);
        return w.register(reg, v);
      },
    });
    return r;
  }

  /** A breakpoint's condition or a log point's {expression} as a number, in the innermost frame as
   * it is now (a run is under way: the frames of the last stop are not these). */
  numeric(t: Task, expression: string): { ok: true; value: bigint } | { ok: false; message: string } {
    const m = this.model(t);
    if (!m) return { ok: false, message: 'the program has no debug information' };
    const target = this.target(t);
    const f = m.frames(target, 1)[0];
    const r = m.evaluate(target, `(long)(${expression})`, f?.frame);
    if (!r.ok) return r;
    try {
      return { ok: true, value: BigInt(r.text) };
    } catch {
      return { ok: false, message: `${expression} is not a number (${r.text})` };
    }
  }

  /** dataBreakpointInfo: by a variable listed under `ref`, or by an expression in a frame. */
  dataBreakpointInfo(
    t: Task,
    cpu: CpuModel,
    name: string,
    ref: number | undefined,
    index: number | undefined,
  ): DataInfo {
    const m = this.model(t);
    if (!m) return { ok: false, message: 'the program has no debug information' };
    let plan: WatchPlan;
    if (ref !== undefined && ref !== 0) {
      const r = this.handles.get(ref);
      if (!r) return { ok: false, message: `variablesReference ${ref} is not valid (any more)` };
      if (r.kind === 'scope' && r.scope === 'Registers')
        return { ok: false, message: `${name} is a register: hardware watchpoints (DAWR) watch memory, not registers` };
      const nodes = this.listed.get(ref) ?? this.nodesOf(t, ref);
      const n = nodes.find((x) => x.name === name);
      if (!n) return { ok: false, message: `no variable ${name} here` };
      plan = m.watchNode(n, cpu);
    } else {
      const f = index !== undefined ? this.frames(t)[index] : this.frames(t)[0];
      const e = m.evaluate(this.target(t), name, f?.frame);
      if (!e.ok) return { ok: false, message: `${name}: ${e.message}`, notC: true };
      plan = m.watchExpression(this.target(t), name, cpu, f?.frame);
    }
    if (!plan.ok) return plan;
    // memory of a symbol (a global, a static): the id follows the symbol into the next session;
    // a local's stack address means nothing there
    const sym = dataSymbolAt(t.program, plan.address);
    if (sym)
      return {
        ok: true,
        dataId: makeSymbolDataId(sym.sym.name, sym.offset, plan.size),
        description: plan.description,
        canPersist: true,
      };
    return { ok: true, dataId: makeDataId(plan.address, plan.size), description: plan.description, canPersist: false };
  }
}
