// The panel's timeline of a window of the machine's clock: per CPU the task running there, per
// DAWR slot what held it (installed, or scheduled out while its task was off the CPU) and where a
// perf single step was in flight, and the decisions as marks on the slots they name. The window is
// cut into `buckets` (about one per pixel): decisions that fall in one bucket of one lane are one
// mark with their count and kinds, so a million decisions make at most a few thousand marks.
// Pure: computed from the decision log and the slot history.
import type { Branch } from '../sim/decision';
import type { DecisionLog } from '../sim/hwbp/decision-log';
import { newDecisionMark } from '../sim/hwbp/decision-record';
import { occupancy, type RemovedWhy, type SlotEvent } from '../sim/hwbp/slot-history';

export interface TimelineArgs {
  /** the window [from, to) on the clock; `to` absent: up to now */
  from: number;
  to?: number;
  /** how many parts to cut it into (its width in pixels) */
  buckets: number;
}

export interface TimelineSegment {
  from: number;
  to: number;
  bp: string;
  owner: 'ptrace' | 'perf';
  label: string;
  task?: string;
  addr: string;
  len: number;
  type: string;
  /** in the slot, or out of it because its task was scheduled out (it comes back when the task runs) */
  state: 'installed' | 'scheduled-out';
  /** why it left the slot (an installed segment that ended) */
  why?: RemovedWhy;
}

export interface TimelineLane {
  cpu: number;
  slot: number;
  segments: TimelineSegment[];
  /** where a perf single step was in flight in this slot (merged at the bucket's width) */
  stepping: Array<[number, number]>;
}

export interface TimelineRun {
  cpu: number;
  from: number;
  to: number;
  task: string;
}

export interface TimelineMark {
  cpu: number;
  /** the slot the decision names (hit or extraneous); -1: none (drawn on the CPU's row) */
  slot: number;
  /** the first decision in the bucket */
  icount: number;
  seq: number;
  branch: Branch;
  task: string;
  /** how many decisions the mark stands for, their kinds, and the last one's seq */
  n: number;
  branches?: Branch[];
  lastSeq?: number;
}

export interface TimelineResponse {
  from: number;
  to: number;
  buckets: number;
  /** the clock now (the end of the history) */
  now: number;
  cpus: number;
  slots: number;
  model: string;
  lanes: TimelineLane[];
  runs: TimelineRun[];
  marks: TimelineMark[];
  /** decisions in the window */
  decisions: number;
  /** decisions before this clock were dropped from the bounded log */
  droppedBefore?: number;
}

export interface TimelineSource {
  log: DecisionLog;
  slotEvents: readonly SlotEvent[];
  now: number;
  cpus: number;
  slots: number;
  model: string;
  /** the breakpoints registered now (a scheduled-out one that still exists is out until now) */
  registered: ReadonlySet<string>;
}

export const MAX_BUCKETS = 4000;

const BRANCH_ORDER: Branch[] = [
  'ptrace-report',
  'ptrace-report-all',
  'no-hit-sigtrap',
  'larx-stcx-disable',
  'unreadable-disable',
  'emulate-fail-disable',
  'perf-emulate',
  'perf-single-step',
  'step-complete',
  'spurious-dd1',
  'step-unclaimed',
  'thread-change-pc',
];

/** Checks REQUEST_TIMELINE's arguments (they come from a webview through the host: untrusted). */
export function checkTimelineArgs(a: unknown): TimelineArgs | string {
  if (typeof a !== 'object' || a === null) return 'arguments must be { from, to?, buckets }';
  const o = a as Record<string, unknown>;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  if (!num(o.from)) return '"from" must be a clock value (a number >= 0)';
  if (o.to !== undefined && !num(o.to)) return '"to" must be a clock value (a number >= 0)';
  if (typeof o.buckets !== 'number' || !Number.isInteger(o.buckets) || o.buckets < 1 || o.buckets > MAX_BUCKETS)
    return `"buckets" must be a whole number from 1 to ${MAX_BUCKETS}`;
  return { from: o.from as number, ...(o.to !== undefined ? { to: o.to as number } : {}), buckets: o.buckets };
}

export function timeline(src: TimelineSource, args: TimelineArgs): TimelineResponse {
  const now = src.now;
  const to = Math.max(1, Math.min(args.to ?? now, Math.max(now, 1)));
  const from = Math.max(0, Math.min(args.from, to - 1));
  const buckets = Math.max(1, Math.min(MAX_BUCKETS, Math.floor(args.buckets)));
  const w = (to - from) / buckets;
  const occ = occupancy(src.slotEvents, now, 0);

  // lanes: what held each slot, and where it was out while its task was off the CPU
  const lanes: TimelineLane[] = [];
  const lane = (cpu: number, slot: number): TimelineLane => {
    let l = lanes.find((x) => x.cpu === cpu && x.slot === slot);
    if (!l) lanes.push((l = { cpu, slot, segments: [], stepping: [] }));
    return l;
  };
  for (let c = 0; c < src.cpus; c++) for (let s = 0; s < src.slots; s++) lane(c, s);
  const seg = (
    o: (typeof occ.slots)[number],
    state: TimelineSegment['state'],
    a: number,
    b: number,
  ): TimelineSegment => {
    const h = o.holder;
    return {
      from: a,
      to: b,
      bp: h.bp,
      owner: h.owner,
      label: h.label,
      ...(h.task ? { task: h.task } : {}),
      addr: h.addr,
      len: h.len,
      type: h.type,
      state,
      ...(state === 'installed' && o.why ? { why: o.why } : {}),
    };
  };
  // for each stay, the next stay of the same breakpoint and the next one in the same slot (sorted by start)
  const nextSame = new Array<number>(occ.slots.length).fill(-1);
  const nextHere = new Array<number>(occ.slots.length).fill(-1);
  const lastByBp = new Map<string, number>();
  const lastByLane = new Map<string, number>();
  for (let i = occ.slots.length - 1; i >= 0; i--) {
    const o = occ.slots[i];
    const lk = `${o.cpu}:${o.slot}`;
    nextSame[i] = lastByBp.get(o.holder.bp) ?? -1;
    nextHere[i] = lastByLane.get(lk) ?? -1;
    lastByBp.set(o.holder.bp, i);
    lastByLane.set(lk, i);
  }
  occ.slots.forEach((o, i) => {
    const l = lane(o.cpu, o.slot);
    if (o.to >= from && o.from <= to) l.segments.push(seg(o, 'installed', o.from, o.to));
    if (o.why !== 'sched-out') return;
    // out until it is installed again anywhere, or the slot is taken, or (still registered) now
    const again = [nextSame[i], nextHere[i]].filter((j) => j >= 0).map((j) => occ.slots[j].from);
    const back = again.length > 0 ? Math.min(...again) : src.registered.has(o.holder.bp) ? now : o.to;
    if (back > o.to && back >= from && o.to <= to) l.segments.push(seg(o, 'scheduled-out', o.to, back));
  });
  for (const l of lanes) {
    l.segments.sort((a, b) => a.from - b.from);
    l.segments = coalesce(l.segments, w, buckets * 4);
  }
  const runs = coalesceRuns(
    occ.runs
      .filter((r) => r.to >= from && r.from <= to)
      .map((r) => ({ cpu: r.cpu, from: r.from, to: r.to, task: r.task })),
    w,
  );

  // decisions: marks per (lane, bucket); single steps in flight per slot
  const log = src.log;
  const first = log.seqAtIcount(from);
  const end = log.seqAtIcount(to + 1);
  const marks = new Map<number, TimelineMark & { mask: number }>();
  // per breakpoint, its single step in flight (a breakpoint steps on one CPU at a time): reused
  // records, no allocation per hit (a perf hit arms and completes one; a million are read)
  const armed = new Map<string, { at: number; cpu: number; slot: number; on: boolean }>();
  const steps = new Map<number, Array<[number, number]>>();
  const m = newDecisionMark();
  // a step armed just before the window may complete inside it
  log.scanMarks(Math.max(log.dropped, first - 8), end, m, (d) => {
    for (let i = 0; i < d.armN; i++) {
      const a = d.arm[i];
      const p = armed.get(a.bp);
      if (p) {
        p.at = d.icount;
        p.cpu = d.cpu;
        p.slot = a.slot;
        p.on = true;
      } else armed.set(a.bp, { at: d.icount, cpu: d.cpu, slot: a.slot, on: true });
    }
    for (let i = 0; i < d.doneN; i++) {
      const a = d.done[i];
      const p = armed.get(a.bp);
      if (!p || !p.on || p.cpu !== d.cpu) continue;
      p.on = false;
      const slot = p.slot >= 0 ? p.slot : a.slot;
      if (slot < 0 || d.icount < from) continue;
      const k = p.cpu * 64 + slot;
      let list = steps.get(k);
      if (!list) steps.set(k, (list = []));
      const last = list[list.length - 1];
      if (last && p.at - last[1] <= w) last[1] = Math.max(last[1], d.icount);
      else list.push([p.at, d.icount]);
    }
    if (d.seq < first || d.icount > to) return;
    const b = Math.min(buckets - 1, Math.max(0, Math.floor((d.icount - from) / (w || 1))));
    const bi = BRANCH_ORDER.indexOf(d.branch);
    let mask = d.slotMask;
    let slot = -1;
    for (;;) {
      if (mask !== 0) {
        slot = 31 - Math.clz32(mask & -mask);
        mask &= mask - 1;
      }
      const key = (d.cpu * 33 + (slot + 1)) * (MAX_BUCKETS + 1) + b;
      const k = marks.get(key);
      if (!k)
        marks.set(key, {
          cpu: d.cpu,
          slot,
          icount: d.icount,
          seq: d.seq,
          branch: d.branch,
          task: d.task,
          n: 1,
          mask: 1 << bi,
        });
      else {
        k.n++;
        k.mask |= 1 << bi;
        k.lastSeq = d.seq;
      }
      if (mask === 0) break;
    }
  });
  for (const [k, list] of steps)
    lane(Math.floor(k / 64), k % 64).stepping = list.filter(([a, b]) => b >= from && a <= to);
  // a step still in flight now
  for (const p of armed.values()) if (p.on && p.slot >= 0 && p.at <= to) lane(p.cpu, p.slot).stepping.push([p.at, now]);
  const out: TimelineMark[] = [];
  for (const k of marks.values()) {
    const { mask, ...mark } = k;
    if (k.n > 1) mark.branches = BRANCH_ORDER.filter((_, i) => (mask & (1 << i)) !== 0);
    out.push(mark);
  }
  out.sort((a, b) => a.icount - b.icount || a.cpu - b.cpu || a.slot - b.slot);
  const dropped = log.dropped > 0 ? log.get(log.dropped)?.icount : undefined;
  return {
    from,
    to,
    buckets,
    now,
    cpus: src.cpus,
    slots: src.slots,
    model: src.model,
    lanes: lanes.sort((a, b) => a.cpu - b.cpu || a.slot - b.slot),
    runs,
    marks: out,
    decisions: Math.max(0, end - Math.max(first, log.dropped)),
    ...(dropped !== undefined ? { droppedBefore: dropped } : {}),
  };
}

/** Neighbouring segments of the same occupant and state closer than a bucket are one; past `max`, every gap under a
 * bucket closes. */
function coalesce(segs: TimelineSegment[], w: number, max: number): TimelineSegment[] {
  const out: TimelineSegment[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && last.bp === s.bp && last.state === s.state && s.from - last.to <= (segs.length > max ? w : 0)) {
      last.to = Math.max(last.to, s.to);
      if (s.why) last.why = s.why;
      continue;
    }
    out.push({ ...s });
  }
  return out;
}

function coalesceRuns(runs: TimelineRun[], w: number): TimelineRun[] {
  const out: TimelineRun[] = [];
  for (const r of runs.sort((a, b) => a.cpu - b.cpu || a.from - b.from)) {
    const last = out[out.length - 1];
    if (last && last.cpu === r.cpu && last.task === r.task && r.from - last.to <= w) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}
