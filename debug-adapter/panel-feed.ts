// The panel's data, pushed as custom events (debug-adapter/panel-protocol.ts): slot occupancy of
// every CPU, new decisions and counter values. Decisions are batched: at most one event every
// BATCH_MS while the program runs and one at every stop, each with at most MAX_BATCH of the newest
// (the panel pages through the rest), so a hot loop cannot flood the client. Slots and counters are
// sent only when they changed.
import type { Decision } from '../sim/decision';
import {
  EVENT_COUNTERS,
  EVENT_DECISIONS,
  EVENT_SLOTS,
  type CountersEvent,
  type DecisionLogArgs,
  type DecisionLogResponse,
  type DecisionsEvent,
  type PanelDecision,
  type SlotsEvent,
  type SnapshotResponse,
} from './panel-protocol';
import type { Runtime } from './runtime';
import { timeline, type TimelineArgs, type TimelineResponse } from './panel-timeline';
import { writeChromeTrace } from '../sim/scenario/trace-export';
import { codeLineOf } from './source/source-lines';

export const BATCH_MS = 50;
export const MAX_BATCH = 500;
const SNAPSHOT_RECENT = 300;
const MAX_PAGE = 5000;

export class PanelFeed {
  private sentSeq = 0;
  private lastSlots = '';
  private lastCounters = '';
  private lastFlush = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly rt: Runtime,
    private readonly send: (event: string, body: unknown) => void,
  ) {}

  withSource(d: Decision): PanelDecision {
    const note = this.rt.notes.get(d.seq);
    const noted: PanelDecision = note !== undefined ? { ...d, note } : d;
    const t = this.rt.machine.task(d.task);
    if (!t) return noted;
    let pc: bigint;
    try {
      pc = BigInt(d.pc);
    } catch {
      return noted;
    }
    // (a C program: the line of the C statement whose access the kernel decided on)
    const l = codeLineOf(t.program, pc);
    return l ? { ...noted, source: { path: l.file, line: l.line } } : noted;
  }

  /** Everything that changed, now (a stop, a breakpoint change, a perf operation). */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.lastFlush = Date.now();
    this.flushSlots();
    this.flushCounters();
    this.flushDecisions();
  }

  /** The machine ran a chunk: flush if the last flush is older than BATCH_MS, else schedule one. */
  tick(): void {
    const now = Date.now();
    if (now - this.lastFlush >= BATCH_MS) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), BATCH_MS - (now - this.lastFlush));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The machine went back in time in place (a checkpoint restored): its decision log was cut back,
   * so the feed goes on from where the log now ends, and sends slots and counters again. */
  rewind(): void {
    this.sentSeq = Math.min(this.sentSeq, this.rt.machine.log.total);
    this.lastSlots = this.lastCounters = '';
  }

  private flushSlots(): void {
    const s: SlotsEvent = this.rt.machine.slotsView();
    const j = JSON.stringify(s);
    if (j === this.lastSlots) return;
    this.lastSlots = j;
    this.send(EVENT_SLOTS, s);
  }

  private flushCounters(): void {
    const c: CountersEvent = this.rt.machine.hw.countersView();
    const j = JSON.stringify(c);
    if (j === this.lastCounters) return;
    this.lastCounters = j;
    this.send(EVENT_COUNTERS, c);
  }

  private flushDecisions(): void {
    const log = this.rt.machine.log;
    const total = log.total;
    if (total <= this.sentSeq) return;
    const start = Math.max(this.sentSeq, total - MAX_BATCH, log.dropped);
    const body: DecisionsEvent = {
      decisions: log.page(start, MAX_BATCH).map((d) => this.withSource(d)),
      total,
      dropped: log.dropped,
    };
    this.sentSeq = total;
    this.send(EVENT_DECISIONS, body);
  }

  snapshot(): SnapshotResponse {
    const log = this.rt.machine.log;
    return {
      slots: this.rt.machine.slotsView(),
      counters: this.rt.machine.hw.countersView(),
      total: log.total,
      dropped: log.dropped,
      recent: log.recent(SNAPSHOT_RECENT).map((d) => this.withSource(d)),
    };
  }

  /** A window of the timeline (REQUEST_TIMELINE). */
  timeline(args: TimelineArgs): TimelineResponse {
    const m = this.rt.machine;
    const v = m.hw.slotsView();
    return timeline(
      {
        log: m.log,
        slotEvents: m.slotHistory.all(),
        now: m.icount,
        cpus: v.machine.cpus,
        slots: v.machine.slots,
        model: v.machine.cpu,
        registered: new Set(m.hw.breakpoints().map((b) => b.name)),
      },
      args,
    );
  }

  /** The session so far as Chrome trace-event JSON, written through `write` (REQUEST_EXPORT_TRACE). */
  exportTrace(title: string, write: (chunk: string) => void): number {
    const m = this.rt.machine;
    const log = m.log;
    const withSource = (d: Decision): PanelDecision => this.withSource(d);
    const v = m.hw.slotsView();
    return writeChromeTrace(
      {
        title,
        machine: { cpu: v.machine.cpu, cpus: v.machine.cpus, kernel: v.machine.kernel, slots: v.machine.slots },
        decisions: (function* () {
          // a page at a time: the log may hold a million
          for (let s = log.dropped; s < log.total; s += 5000) for (const d of log.page(s, 5000)) yield withSource(d);
        })(),
        slotEvents: m.slotHistory.all(),
        end: m.icount,
        droppedDecisions: log.dropped,
      },
      write,
    );
  }

  decisionLog(args: DecisionLogArgs): DecisionLogResponse {
    const log = this.rt.machine.log;
    const count = Math.min(MAX_PAGE, Math.max(0, Math.floor(args.count)));
    return {
      decisions: log.page(args.start, count, args.filter).map((d) => this.withSource(d)),
      total: log.total,
      dropped: log.dropped,
    };
  }
}

/** Checks the arguments of REQUEST_DECISIONS (they come from a webview: untrusted). */
export function checkDecisionLogArgs(a: unknown): DecisionLogArgs | string {
  if (typeof a !== 'object' || a === null) return 'arguments must be { start, count, filter? }';
  const o = a as Record<string, unknown>;
  if (typeof o.start !== 'number' || !Number.isInteger(o.start) || o.start < 0)
    return '"start" must be a sequence number (a whole number >= 0)';
  if (typeof o.count !== 'number' || !Number.isInteger(o.count) || o.count < 0)
    return '"count" must be a whole number >= 0';
  if (o.filter !== undefined) {
    if (typeof o.filter !== 'object' || o.filter === null) return '"filter" must be an object { cpu?, task?, branch? }';
    const f = o.filter as Record<string, unknown>;
    if (f.cpu !== undefined && (typeof f.cpu !== 'number' || !Number.isInteger(f.cpu)))
      return '"filter.cpu" must be a CPU number';
    if (f.task !== undefined && typeof f.task !== 'string') return '"filter.task" must be a task name';
    if (f.branch !== undefined && typeof f.branch !== 'string') return '"filter.branch" must be a branch name';
  }
  return o as unknown as DecisionLogArgs;
}
