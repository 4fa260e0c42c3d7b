// The history of the DAWR slots, on the machine's clock (icount: instructions executed so far, the
// clock decisions are stamped with): every time a breakpoint is installed in a slot of a CPU
// (arch_install_hw_breakpoint) or leaves it (arch_uninstall_hw_breakpoint, with why: the task was
// scheduled out, the event was disabled, closed, or its CPU went offline), and every task switch.
// The panel's timeline and the trace export read it; the decisions say the rest (each exception,
// and the single steps a perf hit arms and completes). Bounded: a ring of `capacity` events, the
// oldest dropped (and counted), as the decision log does. An event is recorded only when a slot or
// a CPU changes hands, never on the per-hit path.

export type RemovedWhy = 'sched-out' | 'disabled' | 'closed' | 'offline';

/** What held a slot: the same words the slot view uses. */
export interface SlotHolder {
  /** `ptrace:TASK:HANDLE` or `perf:ID` (the decisions' name) */
  bp: string;
  owner: 'ptrace' | 'perf';
  /** `ptrace #1` or `perf "writes"` */
  label: string;
  /** the target task, absent for a per-CPU event */
  task?: string;
  addr: string;
  len: number;
  type: 'r' | 'w' | 'rw' | 'x';
  /** the process that set it (`pid 101 (main)`), absent when the external tracer did */
  by?: string;
}

export type SlotEvent =
  | { kind: 'install'; icount: number; cpu: number; slot: number; holder: SlotHolder }
  | { kind: 'uninstall'; icount: number; cpu: number; slot: number; holder: SlotHolder; why: RemovedWhy }
  | { kind: 'switch-in' | 'switch-out'; icount: number; cpu: number; pid: number; task: string };

export type SlotEventInput = SlotEvent extends infer E ? (E extends SlotEvent ? Omit<E, 'icount'> : never) : never;

export const DEFAULT_SLOT_HISTORY_CAPACITY = 200_000;

export class SlotHistory {
  readonly capacity: number;
  private readonly ring: SlotEvent[] = [];
  private next = 0;

  constructor(
    private readonly clock: () => number,
    capacity = DEFAULT_SLOT_HISTORY_CAPACITY,
  ) {
    this.capacity = Number.isFinite(capacity) && capacity >= 1 ? Math.floor(capacity) : DEFAULT_SLOT_HISTORY_CAPACITY;
  }

  record(e: SlotEventInput): void {
    const ev = { ...e, icount: this.clock() } as SlotEvent;
    const i = this.next++;
    if (i < this.capacity) this.ring.push(ev);
    else this.ring[i % this.capacity] = ev;
  }

  /** Events recorded so far. */
  get total(): number {
    return this.next;
  }

  /** Events dropped from the front. */
  get dropped(): number {
    return this.next > this.capacity ? this.next - this.capacity : 0;
  }

  /** Every kept event, oldest first (in the order they happened). */
  all(): SlotEvent[] {
    if (this.next <= this.capacity) return this.ring.slice();
    const at = this.next % this.capacity;
    return [...this.ring.slice(at), ...this.ring.slice(0, at)];
  }
}

/** One breakpoint's stay in one slot, [from, to) on the clock. */
export interface Occupancy {
  cpu: number;
  slot: number;
  from: number;
  /** when it left; `end` (the clock now) while it is still there */
  to: number;
  holder: SlotHolder;
  /** why it left; absent while it is still there */
  why?: RemovedWhy;
}

/** A task's turn on a CPU, [from, to). */
export interface RunSpan {
  cpu: number;
  from: number;
  to: number;
  task: string;
  pid: number;
}

/**
 * The slots' occupancy and the CPUs' turns, from the events, up to `end` (the clock now). History
 * that was dropped shows as spans starting at the first kept event (`start`): an uninstall or a
 * switch-out whose beginning is gone starts there.
 */
export function occupancy(
  events: readonly SlotEvent[],
  end: number,
  start = events.length > 0 ? events[0].icount : 0,
): { slots: Occupancy[]; runs: RunSpan[] } {
  const slots: Occupancy[] = [];
  const runs: RunSpan[] = [];
  const open = new Map<string, Occupancy>();
  const running = new Map<number, RunSpan>();
  const seen = new Set<string>();
  for (const e of events) {
    if (e.kind === 'install') {
      const key = `${e.cpu}:${e.slot}`;
      seen.add(key);
      const was = open.get(key);
      if (was) was.to = e.icount; // never happens (an install takes a free slot); closed anyway
      const o: Occupancy = { cpu: e.cpu, slot: e.slot, from: e.icount, to: end, holder: e.holder };
      open.set(key, o);
      slots.push(o);
    } else if (e.kind === 'uninstall') {
      const key = `${e.cpu}:${e.slot}`;
      let o = open.get(key);
      if (!o && !seen.has(key)) {
        // installed before the history that is kept
        o = { cpu: e.cpu, slot: e.slot, from: start, to: end, holder: e.holder };
        slots.push(o);
      }
      seen.add(key);
      if (!o) continue;
      o.to = e.icount;
      o.why = e.why;
      open.delete(key);
    } else if (e.kind === 'switch-in') {
      const was = running.get(e.cpu);
      if (was) was.to = e.icount;
      const r: RunSpan = { cpu: e.cpu, from: e.icount, to: end, task: e.task, pid: e.pid };
      running.set(e.cpu, r);
      runs.push(r);
    } else {
      let r = running.get(e.cpu);
      if (!r && !runs.some((x) => x.cpu === e.cpu)) {
        r = { cpu: e.cpu, from: start, to: end, task: e.task, pid: e.pid };
        runs.push(r);
      }
      if (!r) continue;
      r.to = e.icount;
      running.delete(e.cpu);
    }
  }
  // (sorted by start: the uninstalls of dropped history were added where they were met)
  slots.sort((a, b) => a.from - b.from || a.cpu - b.cpu || a.slot - b.slot);
  runs.sort((a, b) => a.from - b.from || a.cpu - b.cpu);
  return { slots, runs };
}

/** The slot history's part of a machine checkpoint (sim/machine/checkpoint.ts). */
export interface SlotHistoryState {
  next: number;
  ring: readonly SlotEvent[];
}

/** Saves the history's position and events (events are never changed once recorded: shared). */
export function saveSlotHistory(h: SlotHistory): SlotHistoryState {
  const x = h as unknown as { next: number; ring: SlotEvent[] };
  return { next: x.next, ring: x.ring.slice() };
}

/** Truncates the history back to a saved position. */
export function restoreSlotHistory(h: SlotHistory, s: SlotHistoryState): void {
  const x = h as unknown as { next: number; ring: SlotEvent[] };
  x.next = s.next;
  x.ring.length = s.ring.length;
  for (let i = 0; i < s.ring.length; i++) if (x.ring[i] !== s.ring[i]) x.ring[i] = s.ring[i];
}
