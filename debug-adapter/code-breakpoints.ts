// Code breakpoints: source lines and instruction addresses where the program stops, and the traps
// that make them (software breakpoints as GDB inserts them: a `trap` written over the instruction
// while the task runs, the original word put back when it stops, memory shown without them).
import { resolve } from 'node:path';
import { fetchWord } from '../sim/cpu/fetch';
import type { Task } from '../sim/machine/task';
import type { BreakpointIds } from './breakpoint-ids';
import { samePath } from './paths';
import type { SourceModel } from './source-model';

/** ppc64 `trap` (tw 31,0,0): what GDB writes at a software breakpoint. */
const TRAP_WORD = 0x7fe00008;

export interface CodeBreakpoint {
  id: number;
  kind: 'source' | 'instruction';
  /** file path (source breakpoints) */
  path?: string;
  line?: number;
  addrs: bigint[];
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
  hits: number;
  verified: boolean;
  message?: string;
}

/** A line breakpoint as the editor asks for it. */
export interface LineBreakpointSpec {
  line: number;
  condition?: string;
  hitCondition?: string;
  logMessage?: string;
}

/** An instruction breakpoint as the editor asks for it: an address (and an offset in bytes). */
export interface InstructionBreakpointSpec {
  instructionReference: string;
  offset?: number;
  condition?: string;
  hitCondition?: string;
}

/** The code breakpoints of a session, by id (an id names the same breakpoint across machines). */
export class CodeBreakpoints {
  private readonly bps = new Map<number, CodeBreakpoint>();

  constructor(
    private readonly ids: BreakpointIds,
    private readonly source: () => SourceModel,
    private readonly threads: () => Task[],
  ) {}

  all(): CodeBreakpoint[] {
    return [...this.bps.values()];
  }

  get size(): number {
    return this.bps.size;
  }

  /** Those at an address. */
  at(addr: bigint): CodeBreakpoint[] {
    const r: CodeBreakpoint[] = [];
    for (const b of this.bps.values()) if (b.addrs.includes(addr)) r.push(b);
    return r;
  }

  /** Replaces the line breakpoints of one file (those on code: data lines are watches). */
  setLines(path: string, lines: LineBreakpointSpec[]): CodeBreakpoint[] {
    for (const [id, b] of this.bps) {
      if (b.kind === 'source' && b.path !== undefined && samePath(b.path, path)) this.bps.delete(id);
    }
    const out: CodeBreakpoint[] = [];
    const seen = new Map<number, number>();
    for (const sb of lines) {
      const nth = seen.get(sb.line) ?? 0;
      seen.set(sb.line, nth + 1);
      const found = this.source().breakpointAddresses(path, sb.line);
      const addrs = found ?? [];
      const moved = addrs.length > 0 ? this.source().breakpointLine?.(path, sb.line) : undefined;
      const b: CodeBreakpoint = {
        id: this.ids.of(`source:${resolve(path)}:${sb.line}:${nth}`),
        kind: 'source',
        path,
        line: moved ?? sb.line,
        addrs,
        condition: sb.condition,
        hitCondition: sb.hitCondition,
        logMessage: sb.logMessage,
        hits: 0,
        verified: addrs.length > 0,
      };
      if (!found) b.message = `${path} is not the program of this session`;
      else if (addrs.length === 0) b.message = `line ${sb.line} has no instruction`;
      this.bps.set(b.id, b);
      out.push(b);
    }
    return out;
  }

  /** Replaces the instruction breakpoints. */
  setInstructions(specs: InstructionBreakpointSpec[]): CodeBreakpoint[] {
    for (const [id, b] of this.bps) if (b.kind === 'instruction') this.bps.delete(id);
    const out: CodeBreakpoint[] = [];
    for (const ib of specs) {
      let addr: bigint | undefined;
      try {
        addr = BigInt(ib.instructionReference) + BigInt(ib.offset ?? 0);
      } catch {
        addr = undefined;
      }
      const a = addr;
      const ok = a !== undefined && (a & 3n) === 0n && this.threads().some((t) => fetchWord(t.mem, a) !== undefined);
      const b: CodeBreakpoint = {
        id: this.ids.of(`instruction:${ib.instructionReference}:${ib.offset ?? 0}`),
        kind: 'instruction',
        addrs: ok ? [a] : [],
        condition: ib.condition,
        hitCondition: ib.hitCondition,
        hits: 0,
        verified: ok,
      };
      if (!ok) {
        const at = `${ib.instructionReference}${ib.offset ? `+${ib.offset}` : ''}`;
        b.message = `${at} is not the address of an instruction`;
      }
      this.bps.set(b.id, b);
      out.push(b);
    }
    return out;
  }
}

/**
 * The traps in memory while a task runs. They are written straight into the task's memory through
 * its page protections (as PTRACE_POKETEXT does), not with the Tracer's poke: they are swapped while
 * the task runs between chunks (breakpoints set meanwhile) and taken out after it died (threads
 * share its memory), and poke refuses a task that is not stopped.
 */
export class Traps {
  private inserted: Array<{ t: Task; addr: bigint; word: number }> = [];

  get empty(): boolean {
    return this.inserted.length === 0;
  }

  /** A trap at each address (once per task and address; unmapped addresses are skipped). */
  insert(t: Task, addrs: Iterable<bigint>): void {
    const word = new Uint8Array(4);
    new DataView(word.buffer).setUint32(0, TRAP_WORD, true);
    for (const a of addrs) {
      const old = fetchWord(t.mem, a);
      if (old === undefined || this.inserted.some((i) => i.t === t && i.addr === a)) continue;
      if (t.mem.writeBytesAs(a, word, true)) this.inserted.push({ t, addr: a, word: old });
    }
  }

  /** Every trap out: the original words back, last inserted first. */
  remove(): void {
    for (const i of this.inserted.reverse()) {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, i.word >>> 0, true);
      i.t.mem.writeBytesAs(i.addr, b, true);
    }
    this.inserted = [];
  }

  /** `bytes` read from `t`'s memory at `addr`, with the original words where traps are. */
  hide(t: Task, addr: bigint, bytes: Uint8Array): Uint8Array {
    const len = bytes.length;
    for (const i of this.inserted) {
      if (i.t !== t) continue;
      for (let k = 0; k < 4; k++) {
        const a = i.addr + BigInt(k);
        if (a >= addr && a < addr + BigInt(len)) bytes[Number(a - addr)] = (i.word >>> (8 * k)) & 0xff;
      }
    }
    return bytes;
  }
}
