// The editor's breakpoint sets and what each became. The editor sends a whole set each time (one
// file's source breakpoints, all data breakpoints, all instruction breakpoints); this keeps the
// latest of each (a restart or a time travel sets them again) and diffs a new set against the
// watches the previous one made, so a watch that stays keeps its slot, its hit count and its id.
// On a data line a source breakpoint is a watch on the symbol (its mode: write, read, access or a
// perf counter); on a code line it is a code breakpoint.
import { Source } from '@vscode/debugadapter';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { Task } from '../sim/machine/task';
import { parseDataId, type AccessType, type Watch } from './data-breakpoints';
import type { WatchInfo } from './panel-protocol';
import type { CodeBreakpoint, Runtime } from './runtime';
import { hex } from './symbols';

/** The breakpoint modes of source breakpoints: what a breakpoint on a data line does. */
export const BREAKPOINT_MODES: DebugProtocol.BreakpointMode[] = [
  {
    mode: 'write',
    label: 'Watch writes',
    description:
      'On a data line: a ptrace watchpoint that stops before a store to the symbol. ' +
      'On a code line: an ordinary breakpoint.',
    appliesTo: ['source'],
  },
  {
    mode: 'read',
    label: 'Watch reads',
    description: 'On a data line: a ptrace watchpoint that stops before a load of the symbol.',
    appliesTo: ['source'],
  },
  {
    mode: 'access',
    label: 'Watch access',
    description: 'On a data line: a ptrace watchpoint that stops before any load or store of the symbol.',
    appliesTo: ['source'],
  },
  {
    mode: 'perf',
    label: 'Count with perf',
    description:
      'On a data line: a perf hardware breakpoint counter on the symbol ' +
      '(reads and writes, counted after execute; never stops).',
    appliesTo: ['source'],
  },
];

/** The editor's breakpoint requests as last sent: what a restart or a travel sets again. */
export interface BreakpointRequests {
  sources: DebugProtocol.SetBreakpointsArguments[];
  instructions?: DebugProtocol.SetInstructionBreakpointsArguments;
  data?: DebugProtocol.SetDataBreakpointsArguments;
}

/** What the sets say to the person besides the responses. */
export interface BreakpointSetsOutput {
  /** a watch the kernel refused, or a data breakpoint that cannot be set (the Debug Console) */
  say(text: string, category: 'stderr' | 'console'): void;
}

type LineWatch = { line: number; mode: string; watch: Watch };
type DataWatch = { dataId: string; access: AccessType; watch: Watch };

export class BreakpointSets {
  /** the latest requests, per file for source breakpoints */
  private sourceRequests = new Map<string, DebugProtocol.SetBreakpointsArguments>();
  private dataRequest: DebugProtocol.SetDataBreakpointsArguments | undefined;
  private instructionRequest: DebugProtocol.SetInstructionBreakpointsArguments | undefined;
  /** watches made by source breakpoints on data lines, per file */
  private lineWatches = new Map<string, LineWatch[]>();
  private dataWatches: DataWatch[] = [];

  constructor(private readonly out: BreakpointSetsOutput) {}

  /** The requests as the editor last sent them. */
  requests(): BreakpointRequests {
    return {
      sources: [...this.sourceRequests.values()],
      ...(this.instructionRequest ? { instructions: this.instructionRequest } : {}),
      ...(this.dataRequest ? { data: this.dataRequest } : {}),
    };
  }

  /** A new runtime (launch, restart): the watches of the old one are gone with its machine. */
  newMachine(): void {
    this.lineWatches = new Map();
    this.dataWatches = [];
  }

  /** A replay sends the requests again from the start: forget them too. */
  forgetRequests(): void {
    this.sourceRequests = new Map();
    this.dataRequest = this.instructionRequest = undefined;
  }

  /** The set of one file's source breakpoints (checked), recorded and applied. */
  setSource(rt: Runtime, args: DebugProtocol.SetBreakpointsArguments): DebugProtocol.Breakpoint[] {
    this.sourceRequests.set(args.source.path as string, args);
    return this.applySource(rt, args);
  }

  setData(
    rt: Runtime,
    args: DebugProtocol.SetDataBreakpointsArguments,
    current: () => Task,
  ): DebugProtocol.Breakpoint[] {
    this.dataRequest = args;
    return this.applyData(rt, args, current);
  }

  setInstructions(rt: Runtime, args: DebugProtocol.SetInstructionBreakpointsArguments): DebugProtocol.Breakpoint[] {
    this.instructionRequest = args;
    return rt.setInstructionBreakpoints(args.breakpoints).map(codeBreakpoint);
  }

  /** The latest requests applied to a new runtime (a restart: the same breakpoints). */
  applyAll(rt: Runtime, current: () => Task): void {
    for (const a of this.sourceRequests.values()) this.applySource(rt, a);
    if (this.instructionRequest) rt.setInstructionBreakpoints(this.instructionRequest.breakpoints);
    if (this.dataRequest) this.applyData(rt, this.dataRequest, current);
  }

  /** The debugger's watchpoints as the editor set them, with their state. */
  watchList(rt: Runtime | undefined): WatchInfo[] {
    if (!rt?.watches) return [];
    const sourceOf = new Map<Watch, { path: string; line: number; mode: string }>();
    for (const [path, ws] of this.lineWatches) {
      for (const x of ws) sourceOf.set(x.watch, { path, line: x.line, mode: x.mode });
    }
    return rt.watches.all().map((w) => {
      const src = sourceOf.get(w);
      return {
        id: w.id,
        origin: w.origin,
        kind: w.kind,
        access: w.access,
        label: w.label,
        addr: hex(w.addr),
        len: w.len,
        verified: w.verified,
        ...(w.message ? { message: w.message } : {}),
        ...(src ? { source: src } : {}),
      };
    });
  }

  private applySource(rt: Runtime, args: DebugProtocol.SetBreakpointsArguments): DebugProtocol.Breakpoint[] {
    const path = args.source.path as string;
    const list = args.breakpoints ?? [];
    const old = this.lineWatches.get(path) ?? [];
    const keep: LineWatch[] = [];
    const results: Array<DebugProtocol.Breakpoint | undefined> = new Array(list.length).fill(undefined);
    const codeIdx: number[] = [];
    // data lines first: free the watches no longer wanted, then make the new ones
    const wanted = list.map((b) => ({ b, sym: rt.dataSymbolOnLine(path, b.line), mode: b.mode ?? 'write' }));
    for (const o of old) {
      const w = wanted.find((x) => x.sym && x.b.line === o.line && x.mode === o.mode);
      if (!w) rt.removeWatch(o.watch);
    }
    wanted.forEach((x, i) => {
      if (!x.sym) {
        codeIdx.push(i);
        return;
      }
      let entry = old.find((o) => o.line === x.b.line && o.mode === x.mode);
      if (entry) {
        entry.watch.condition = x.b.condition;
        entry.watch.hitCondition = x.b.hitCondition;
      } else {
        const acc = rt.accessOfMode(x.mode);
        const len = Math.max(1, Math.min(x.sym.size, 512));
        const watch = rt.addWatch({
          addr: x.sym.addr,
          len,
          access: acc === 'perf' ? 'readWrite' : acc,
          kind: acc === 'perf' ? 'perf' : 'ptrace',
          origin: 'source',
          condition: x.b.condition,
          hitCondition: x.b.hitCondition,
          label: x.sym.name,
          perfName: acc === 'perf' ? x.sym.name : undefined,
        });
        entry = { line: x.b.line, mode: x.mode, watch };
        if (!watch.verified) this.refused(`line ${x.b.line} of ${baseName(path)} (${x.mode} ${x.sym.name})`, watch);
      }
      keep.push(entry);
      results[i] = {
        ...watchBreakpoint(entry.watch),
        line: x.b.line,
        source: new Source(baseName(path), path),
      };
    });
    this.lineWatches.set(path, keep);
    const code = rt.setCodeBreakpoints(
      path,
      codeIdx.map((i) => list[i]),
    );
    code.forEach((b, k) => {
      results[codeIdx[k]] = codeBreakpoint(b);
    });
    return results as DebugProtocol.Breakpoint[];
  }

  private applyData(
    rt: Runtime,
    args: DebugProtocol.SetDataBreakpointsArguments,
    current: () => Task,
  ): DebugProtocol.Breakpoint[] {
    const want = args.breakpoints.map((b) => ({ b, access: (b.accessType ?? 'write') as AccessType }));
    // Free first what is no longer wanted, so the new set can use its slots.
    const kept: DataWatch[] = [];
    for (const d of this.dataWatches) {
      if (want.some((x) => x.b.dataId === d.dataId && x.access === d.access) && d.watch.verified) kept.push(d);
      else rt.removeWatch(d.watch);
    }
    const used: DataWatch[] = [];
    const out = want.map(({ b, access }): DebugProtocol.Breakpoint => {
      let entry = kept.find((d) => d.dataId === b.dataId && d.access === access && !used.includes(d));
      if (!entry) {
        const id = parseDataId(b.dataId);
        if (!id) {
          const message = `"${b.dataId}" is not a data breakpoint id of this debugger`;
          return { id: rt.ids.fresh(), verified: false, reason: 'failed', message };
        }
        let addr: bigint;
        let label: string;
        if ('symbol' in id) {
          // a data breakpoint on a symbol follows the symbol (VS Code keeps it from an earlier session)
          const owner = rt.threads.map((t) => t.program).find((p) => p.symbols.has(id.symbol));
          if (!owner) {
            const progs = [...new Set(rt.threads.map((t) => baseName(t.program.file)))].join(', ');
            const message =
              `no symbol "${id.symbol}" in ${progs || 'the program'}: this data breakpoint was set on ` +
              `${id.symbol} and follows the symbol, so it is not set here`;
            const bp = {
              id: rt.ids.of(`data:${b.dataId}:${access}`),
              verified: false,
              reason: 'failed' as const,
              message,
            };
            this.out.say(`data breakpoint on ${id.symbol} not set: ${bp.message}\n`, 'console');
            return bp;
          }
          addr = (owner.symbols.get(id.symbol)?.value as bigint) + BigInt(id.offset);
          label = `${id.symbol}${id.offset ? `+${id.offset}` : ''}`;
        } else {
          addr = id.addr;
          label = rt.watches.labelFor(id.addr, current());
        }
        const watch = rt.addWatch({
          addr,
          len: id.len,
          access,
          kind: 'ptrace',
          origin: 'data',
          condition: b.condition,
          hitCondition: b.hitCondition,
          label,
          ...('symbol' in id ? {} : { byAddress: true }),
        });
        entry = { dataId: b.dataId, access, watch };
        if (!watch.verified) {
          this.refused(`data breakpoint ${watch.id} (${access === 'readWrite' ? 'access' : access} ${label})`, watch);
        }
      }
      entry.watch.condition = b.condition;
      entry.watch.hitCondition = b.hitCondition;
      used.push(entry);
      return watchBreakpoint(entry.watch);
    });
    this.dataWatches = used;
    for (const d of kept) if (!used.includes(d)) rt.removeWatch(d.watch);
    return out;
  }

  /** A watchpoint the kernel refused: said in the Debug Console too (not only in a hover). */
  private refused(what: string, w: Watch): void {
    this.out.say(`${what} not set: ${w.message ?? 'refused'}\n`, 'stderr');
  }
}

/** A watch as the editor sees it (a refusal: verified false, with the kernel's words). */
export function watchBreakpoint(w: Watch): DebugProtocol.Breakpoint {
  const bp: DebugProtocol.Breakpoint = { id: w.id, verified: w.verified };
  if (w.message) bp.message = w.message;
  if (!w.verified && w.reason) bp.reason = w.reason;
  return bp;
}

/** A software or instruction breakpoint as the editor sees it. */
export function codeBreakpoint(b: CodeBreakpoint): DebugProtocol.Breakpoint {
  const bp: DebugProtocol.Breakpoint = { id: b.id, verified: b.verified };
  if (b.path !== undefined) {
    bp.line = b.line;
    bp.source = new Source(baseName(b.path), b.path);
  }
  if (b.addrs.length > 0) bp.instructionReference = hex(b.addrs[0]);
  if (b.message) {
    bp.message = b.message;
    if (!b.verified) bp.reason = 'failed';
  }
  return bp;
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}
