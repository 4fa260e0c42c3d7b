// The bounded decision log: every decision the exception side records, numbered 0, 1, 2, ... and
// kept in a ring of `capacity` records; when full the oldest is dropped (and counted), so sequence
// numbers stay continuous and the record with seq s lives at ring[s % capacity]. The log adds
// nothing per record beyond the record object itself (the seq field is written into it).
// The exception side appends raw DecisionRecords (claim, fill, commit): their texts are made when
// first read and kept with the record (a page read twice formats once; the same object each time).
// Once the ring is full a new decision refills the record of the one it drops. With a subscriber the
// Decision is made at once, for it.
import type { Decision } from '../decision';
import { DecisionRecord, markOfDecision, type DecisionMark } from './decision-record';

export interface DecisionFilter {
  cpu?: number;
  task?: string;
  branch?: string;
}

export type DecisionListener = (d: Decision) => void;

export const DEFAULT_DECISION_LOG_CAPACITY = 100_000;

export class DecisionLog {
  readonly capacity: number;
  private readonly ring: Array<Decision | DecisionRecord> = [];
  private next = 0;
  private listeners: DecisionListener[] = [];

  constructor(capacity: number = DEFAULT_DECISION_LOG_CAPACITY) {
    this.capacity = Number.isFinite(capacity) && capacity >= 1 ? Math.floor(capacity) : DEFAULT_DECISION_LOG_CAPACITY;
  }

  /** Appends a decision (its seq is assigned here, in the same object) and tells the subscribers. */
  append(d: Omit<Decision, 'seq'>): Decision {
    const rec = d as Decision;
    const seq = this.next++;
    rec.seq = seq;
    // The ring grows by push until full (no preallocation for a large capacity), then wraps.
    if (seq < this.capacity) this.ring.push(rec);
    else this.ring[seq % this.capacity] = rec;
    const ls = this.listeners;
    if (ls.length !== 0) for (let i = 0; i < ls.length; i++) ls[i](rec);
    return rec;
  }

  /** A record to fill for the next decision: once the ring is full, the one of the decision about
   * to be dropped (nothing is allocated per decision then). Filled, it is passed to commit(). */
  claim(): DecisionRecord {
    if (this.next < this.capacity) return new DecisionRecord();
    const e = this.ring[this.next % this.capacity];
    return e instanceof DecisionRecord ? e : new DecisionRecord();
  }

  /** Appends a filled record (seq assigned into it); it becomes a Decision when read. */
  commit(r: DecisionRecord): void {
    const seq = this.next++;
    r.seq = seq;
    if (seq < this.capacity) this.ring.push(r);
    else this.ring[seq % this.capacity] = r;
    const ls = this.listeners;
    if (ls.length !== 0) {
      const d = (r.decision = r.toDecision());
      for (let i = 0; i < ls.length; i++) ls[i](d);
    }
  }

  /** The Decision at ring index i, made from its raw record the first time it is read. */
  private at(i: number): Decision {
    const e = this.ring[i];
    if (!(e instanceof DecisionRecord)) return e;
    return (e.decision ??= e.toDecision());
  }

  /** Decisions made so far (= the next seq). */
  get total(): number {
    return this.next;
  }

  /** Decisions dropped from the front. */
  get dropped(): number {
    return this.next > this.capacity ? this.next - this.capacity : 0;
  }

  /** Decisions kept. */
  get size(): number {
    return this.next - this.dropped;
  }

  /** The oldest kept seq (= total when empty). */
  get firstSeq(): number {
    return this.dropped;
  }

  /** The decision with this seq, if still kept. */
  get(seq: number): Decision | undefined {
    if (!Number.isInteger(seq) || seq < this.dropped || seq >= this.next) return undefined;
    return this.at(seq % this.capacity);
  }

  /** Up to `count` decisions with seq >= start that pass the filter, oldest first. */
  page(start: number, count: number, filter?: DecisionFilter): Decision[] {
    const out: Decision[] = [];
    if (!(count > 0)) return out;
    let s = Math.max(Number.isFinite(start) ? Math.floor(start) : 0, this.dropped);
    const f =
      filter && (filter.cpu !== undefined || filter.task !== undefined || filter.branch !== undefined)
        ? filter
        : undefined;
    for (; s < this.next && out.length < count; s++) {
      const i = s % this.capacity;
      if (f && !matches(this.ring[i], f)) continue;
      out.push(this.at(i));
    }
    return out;
  }

  /**
   * Calls fn with each kept decision of seq in [start, end), oldest first, without keeping the
   * Decisions it makes (a raw record's texts are made for the call and dropped after): reading a
   * million decisions out costs one at a time, not a million.
   */
  forEach(start: number, end: number, fn: (d: Decision) => void): void {
    const last = Math.min(end, this.next);
    for (let s = Math.max(Math.floor(start), this.dropped); s < last; s++) {
      const e = this.ring[s % this.capacity];
      fn(e instanceof DecisionRecord ? (e.decision ?? e.toDecision()) : e);
    }
  }

  /** How many decisions of seq in [start, end) are still kept. */
  keptIn(start: number, end: number): number {
    return Math.max(0, Math.min(end, this.next) - Math.max(start, this.dropped));
  }

  /** Every kept decision with seq >= start (scenario steps take the decisions they caused). */
  since(start: number): Decision[] {
    return this.page(start, Number.MAX_SAFE_INTEGER);
  }

  /** Every kept decision, oldest first. */
  all(): Decision[] {
    return this.since(0);
  }

  /** The newest `n` kept decisions, oldest first. */
  recent(n: number): Decision[] {
    return this.page(this.next - Math.max(0, Math.floor(n)), Math.max(0, Math.floor(n)));
  }

  /** The first kept seq whose decision happened at or after `icount` (= total when none did).
   * Decisions are recorded in clock order, so this is a binary search. */
  seqAtIcount(icount: number): number {
    let lo = this.dropped;
    let hi = this.next;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ring[mid % this.capacity].icount < icount) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visits the decisions with seq in [start, end) through `m` (filled anew for each, no text made:
   * the timeline reads a million decisions this way). */
  scanMarks(start: number, end: number, m: DecisionMark, visit: (m: DecisionMark) => void): void {
    const lo = Math.max(this.dropped, Math.floor(start));
    const hi = Math.min(this.next, Math.floor(end));
    for (let s = lo; s < hi; s++) {
      const e = this.ring[s % this.capacity];
      if (e instanceof DecisionRecord) e.markInto(m);
      else markOfDecision(e, m);
      visit(m);
    }
  }

  /** Called with every decision appended from now on; returns the unsubscribe function. */
  subscribe(fn: DecisionListener): () => void {
    this.listeners = [...this.listeners, fn];
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }
}

function matches(d: Pick<Decision, 'cpu' | 'task' | 'branch'>, f: DecisionFilter): boolean {
  return (
    (f.cpu === undefined || d.cpu === f.cpu) &&
    (f.task === undefined || d.task === f.task) &&
    (f.branch === undefined || d.branch === f.branch)
  );
}

/** The decision log's part of a machine checkpoint (sim/machine/checkpoint.ts): its position and
 * the records in its ring. Records are never refilled while checkpoints exist (see there). */
export interface DecisionLogState {
  next: number;
  ring: ReadonlyArray<Decision | DecisionRecord>;
}

/** Saves the log's position and ring (the record objects, shared with the log). */
export function saveDecisionLog(log: DecisionLog): DecisionLogState {
  const l = log as unknown as { next: number; ring: Array<Decision | DecisionRecord> };
  return { next: l.next, ring: l.ring.slice() };
}

/** Truncates the log back to a saved position: the decisions made since are gone. */
export function restoreDecisionLog(log: DecisionLog, s: DecisionLogState): void {
  const l = log as unknown as { next: number; ring: Array<Decision | DecisionRecord> };
  l.next = s.next;
  l.ring.length = s.ring.length;
  for (let i = 0; i < s.ring.length; i++) if (l.ring[i] !== s.ring[i]) l.ring[i] = s.ring[i];
}
