// Watchpoints the editor asks for (data breakpoints, data-line breakpoints, the panel's watch
// actions), each made of the kernel calls a debugger makes: a ptrace watchpoint through
// PPC_PTRACE_SETHWDEBUG on every traced task, or a perf_event_open counter. A refusal keeps the
// kernel's errno and words and adds what holds the slots, so the editor can show why in grey.
import { perfBreakpointName, ptraceBreakpointName } from '../sim/hwbp/breakpoint-name';
import type { Machine } from '../sim/machine/machine';
import type { Task } from '../sim/machine/task';
import type { Tracer } from '../sim/machine/tracer';
import { addressName, hex } from './symbols';

export type AccessType = 'read' | 'write' | 'readWrite';

export interface WatchSpec {
  addr: bigint;
  len: number;
  access: AccessType;
  /** ptrace: a watchpoint that stops the task; perf: a counter that never stops it */
  kind: 'ptrace' | 'perf';
  origin: 'data' | 'source' | 'panel';
  condition?: string;
  hitCondition?: string;
  /** a person's name for what is watched: `value` or `0x10100000` */
  label: string;
  /** for perf counters: the counter's name */
  perfName?: string;
  /** a data breakpoint set on an address (not on a symbol): it stays there whatever the program */
  byAddress?: boolean;
}

export interface Watch extends WatchSpec {
  id: number;
  hits: number;
  /** pid -> ptrace handle */
  handles: Map<number, number>;
  perfFd?: number;
  verified: boolean;
  message?: string;
  reason?: 'failed' | 'pending';
}

export const TRIGGER: Record<AccessType, 'read' | 'write' | 'rw'> = { read: 'read', write: 'write', readWrite: 'rw' };
const PERF_TYPE: Record<AccessType, 'r' | 'w' | 'rw'> = { read: 'r', write: 'w', readWrite: 'rw' };
const ACCESS_WORD: Record<AccessType, string> = { read: 'read', write: 'write', readWrite: 'access' };

/** `0x10100000/8`: a data breakpoint id that names memory, valid for the whole session. */
export function makeDataId(addr: bigint, len: number): string {
  return `${hex(addr)}/${len}`;
}

/** `sym:value/8`, `sym:table+16/8`: a data breakpoint id that names a symbol's bytes. VS Code keeps
 * data breakpoints across sessions (canPersist): one set on a symbol follows the symbol into the
 * next program (or is refused there, with why, when it has none); one set on an address stays on
 * the address. */
export function makeSymbolDataId(symbol: string, offset: number, len: number): string {
  return `sym:${symbol}${offset ? `+${offset}` : ''}/${len}`;
}

export type DataIdTarget = { addr: bigint; len: number } | { symbol: string; offset: number; len: number };

export function parseDataId(id: unknown): DataIdTarget | undefined {
  if (typeof id !== 'string') return undefined;
  const ok = (len: number) => len >= 1 && len <= 0x10000;
  const s = /^sym:([A-Za-z_.$][A-Za-z0-9_.$]*)(?:\+(\d+))?\/(\d+)$/.exec(id);
  if (s) {
    const len = Number(s[3]);
    return ok(len) ? { symbol: s[1], offset: Number(s[2] ?? 0), len } : undefined;
  }
  const m = /^(0x[0-9a-f]+)\/(\d+)$/i.exec(id);
  if (!m) return undefined;
  const len = Number(m[2]);
  return ok(len) ? { addr: BigInt(m[1]), len } : undefined;
}

export interface WatchHost {
  machine: Machine;
  tracer: Tracer;
  /** the traced tasks that are alive */
  tracedTasks(): Task[];
  /** the task perf counters of the launch watch (the first traced task) */
  mainTask(): Task | undefined;
}

export class WatchSet {
  private readonly watches = new Map<number, Watch>();

  constructor(
    private readonly host: WatchHost,
    private readonly idOf: (spec: WatchSpec) => number,
  ) {}

  all(): Watch[] {
    return [...this.watches.values()];
  }

  get(id: number): Watch | undefined {
    return this.watches.get(id);
  }

  /** Creates and installs a watch; the result says whether the kernel accepted it. */
  add(spec: WatchSpec): Watch {
    const w: Watch = { ...spec, id: this.idOf(spec), hits: 0, handles: new Map(), verified: false };
    this.watches.set(w.id, w);
    this.install(w);
    return w;
  }

  remove(w: Watch): void {
    this.uninstall(w);
    this.watches.delete(w.id);
  }

  /** The watch behind a decision's breakpoint name (`ptrace:TASK:HANDLE` or `perf:ID`). */
  byBpName(name: string): Watch | undefined {
    for (const w of this.watches.values()) {
      if (w.kind === 'perf' && w.perfName !== undefined && perfBreakpointName(w.perfName) === name) return w;
      for (const [pid, h] of w.handles) {
        const t = this.host.machine.taskByPid(pid);
        if (t && ptraceBreakpointName(t.name, h) === name) return w;
      }
    }
    return undefined;
  }

  /** ptrace watches of this task whose range contains addr. */
  containing(t: Task, addr: bigint): Watch[] {
    return this.all().filter(
      (w) => w.kind === 'ptrace' && w.handles.has(t.pid) && addr >= w.addr && addr < w.addr + BigInt(w.len),
    );
  }

  /** Whether the ptrace breakpoint of this watch in task t was disabled by the handler (one-shot). */
  firedAndDisabled(w: Watch, t: Task): boolean {
    const h = w.handles.get(t.pid);
    if (h === undefined) return false;
    const bp = this.host.machine.hw.ptraceBreakpoint(t.pid, h);
    return bp !== undefined && (bp.state === 'off' || bp.attr.disabled);
  }

  /**
   * GDB's re-arm: a ptrace watchpoint the handler disabled after it fired is deleted and set again
   * before the task resumes (PPC_PTRACE_DELHWDEBUG + SETHWDEBUG). Returns the watches whose state
   * changed (re-armed after being shown disabled, or refused now).
   */
  rearm(t: Task): Watch[] {
    const changed: Watch[] = [];
    for (const w of this.watches.values()) {
      if (w.kind !== 'ptrace' || !this.firedAndDisabled(w, t)) continue;
      const h = w.handles.get(t.pid) as number;
      this.withStopped(t, () => this.host.tracer.delHwDebug(t, h));
      w.handles.delete(t.pid);
      const r = this.withStopped(t, () => this.host.tracer.setHwDebug(t, this.request(w)));
      const wasShown = w.verified;
      if (r.ok) {
        w.handles.set(t.pid, r.handle);
        w.message = this.okMessage(w);
        if (!wasShown) {
          w.verified = true;
          w.reason = undefined;
          changed.push(w);
        }
      } else {
        w.verified = false;
        w.reason = 'failed';
        w.message = `re-arming failed: ${r.message}`;
        changed.push(w);
      }
    }
    return changed;
  }

  /**
   * Watches refused for want of a slot are tried again after something freed one (a counter
   * closed, a watchpoint deleted): returns those now accepted, so the editor can be told.
   */
  retryRefused(): Watch[] {
    const changed: Watch[] = [];
    for (const w of this.watches.values()) {
      if (w.verified || w.reason !== 'failed' || !/ENOSPC/.test(w.message ?? '')) continue;
      this.install(w);
      if (w.verified) changed.push(w);
    }
    return changed;
  }

  /** The task exited: the kernel freed its ptrace watchpoints (flush_ptrace_hw_breakpoint). */
  taskGone(t: Task): Watch[] {
    const changed: Watch[] = [];
    for (const w of this.watches.values()) {
      if (!w.handles.delete(t.pid)) continue;
      if (w.handles.size === 0 && w.kind === 'ptrace') {
        w.verified = false;
        w.reason = undefined;
        w.message = `${t.name} ${t.state === 'exited' ? 'exited' : 'was killed'}: the kernel freed its watchpoint slot`;
        changed.push(w);
      }
    }
    return changed;
  }

  /** Marks watches the handler disabled in t (oneshot policy): shown as not verified until reset. */
  markDisabled(t: Task): Watch[] {
    const changed: Watch[] = [];
    for (const w of this.watches.values()) {
      if (w.kind === 'ptrace' && w.verified && this.firedAndDisabled(w, t)) {
        w.verified = false;
        w.reason = undefined;
        w.message =
          `fired and was disabled by the kernel (a ptrace watchpoint is one-shot; ptraceRearm ` +
          `is "oneshot", so it stays off until it is set again)`;
        changed.push(w);
      }
    }
    return changed;
  }

  private request(w: Watch) {
    // exact for one byte, else an inclusive range of len bytes (addr2 - addr = len, as GDB sets it)
    return {
      version: 1,
      trigger: TRIGGER[w.access],
      mode: w.len === 1 ? ('exact' as const) : ('range_inclusive' as const),
      addr: w.addr,
      addr2: w.len === 1 ? 0n : w.addr + BigInt(w.len),
    };
  }

  /** ptrace calls need a stopped tracee. Not through the Tracer: while the run loop is between
   * chunks the task is as good as stopped (nothing runs until the loop goes on; GDB would interrupt
   * it, set the watchpoint and resume it, which the program cannot tell apart), so its state is
   * marked stopped for the call and restored at once. */
  private withStopped<T>(t: Task, f: () => T): T {
    if (t.state !== 'running') return f();
    t.state = 'stopped';
    try {
      return f();
    } finally {
      t.state = 'running';
    }
  }

  private okMessage(w: Watch): string {
    const what = w.byAddress
      ? `${ACCESS_WORD[w.access]} ${w.len} byte${w.len === 1 ? '' : 's'} at the address ` +
        `${hex(w.addr)}${w.label !== hex(w.addr) ? `, which is ${w.label} in this program` : ''}`
      : `${ACCESS_WORD[w.access]} ${w.label} (${w.len} byte${w.len === 1 ? '' : 's'} at ${hex(w.addr)})`;
    if (w.kind === 'perf') return `perf counter "${w.perfName}" (fd ${w.perfFd}) counting ${what}`;
    const hs = [...w.handles]
      .map(([pid, h]) => `${this.host.machine.taskByPid(pid)?.name ?? pid} handle ${h}`)
      .join(', ');
    return `ptrace watchpoint: ${what}; ${hs}`;
  }

  private install(w: Watch): void {
    const { tracer } = this.host;
    if (w.kind === 'perf') {
      const t = this.host.mainTask();
      const r = tracer.perfOpen({
        name: w.perfName ?? w.label,
        task: t,
        cpu: -1,
        addr: w.addr,
        len: BigInt(w.len),
        type: PERF_TYPE[w.access],
      });
      if (r.ok) {
        w.perfFd = r.fd;
        w.verified = true;
        w.message = this.okMessage(w);
      } else {
        w.verified = false;
        w.reason = 'failed';
        w.message = `perf_event_open: ${r.message}${this.holders(t)}`;
      }
      return;
    }
    const tasks = this.host.tracedTasks();
    if (tasks.length === 0) {
      w.verified = false;
      w.reason = 'failed';
      w.message = 'no traced task is alive to set the watchpoint on';
      return;
    }
    for (const t of tasks) {
      const r = this.withStopped(t, () => tracer.setHwDebug(t, this.request(w)));
      if (!r.ok) {
        // One refusal refuses the whole watch: the handles already set are deleted again so that
        // a refused watch holds no slot (no accounting leak).
        this.uninstall(w);
        w.verified = false;
        w.reason = 'failed';
        w.message = `PPC_PTRACE_SETHWDEBUG on ${t.name}: ${r.message}${this.holders(t)}`;
        return;
      }
      w.handles.set(t.pid, r.handle);
    }
    w.verified = true;
    w.reason = undefined;
    w.message = this.okMessage(w);
  }

  private uninstall(w: Watch): void {
    const { tracer, machine } = this.host;
    if (w.perfFd !== undefined) {
      tracer.perfClose(w.perfFd);
      w.perfFd = undefined;
    }
    for (const [pid, h] of w.handles) {
      const t = machine.taskByPid(pid);
      if (t && t.alive) this.withStopped(t, () => tracer.delHwDebug(t, h));
    }
    w.handles.clear();
  }

  /** What holds the slots of the CPUs this task may run on, and this task's ptrace handles. */
  holders(t: Task | undefined): string {
    const view = this.host.machine.hw.slotsView();
    const parts: string[] = [];
    for (const c of view.cpus) {
      if (t && t.affinity !== undefined && t.affinity !== c.cpu) continue;
      for (const s of c.slots) {
        if (!s.occupant) continue;
        const o = s.occupant;
        const w = this.byBpName(o.bp);
        const mine = w
          ? ` = ` +
            `${w.origin === 'data' ? 'data breakpoint' : w.origin === 'source' ? 'line watchpoint' : 'panel watch'} ` +
            `${w.id} on ${w.label}`
          : '';
        parts.push(
          `slot ${s.slot} of cpu${c.cpu} held by ${o.label}${o.task ? ` (${o.task})` : ''} at ` +
            `${o.addr}+${o.len}${mine}`,
        );
      }
    }
    if (t) {
      for (const w of this.watches.values()) {
        const h = w.handles.get(t.pid);
        if (
          h !== undefined &&
          !parts.some(
            (p) =>
              p.includes(`watch ${w.id} `) || p.includes(`breakpoint ${w.id} `) || p.includes(`watchpoint ${w.id} `),
          )
        ) {
          parts.push(
            `${t.name} handle ${h} = ${w.origin === 'data' ? 'data breakpoint' : 'watch'} ` +
              `${w.id} on ${w.label} (not on a CPU now)`,
          );
        }
      }
    }
    return parts.length > 0 ? `. ${parts.join('; ')}` : '';
  }

  labelFor(addr: bigint, t: Task | undefined): string {
    return t ? addressName(t.program, addr) : hex(addr);
  }
}
