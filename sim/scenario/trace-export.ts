// A run as a Chrome trace-event JSON document (the "JSON Object Format" that Perfetto and
// chrome://tracing open): per CPU a process with a track for the task running there, one track per
// DAWR slot whose slices are the breakpoints that occupied it, beside it a track of the single
// steps a perf hit left pending in that slot, and each decision of the exception handler as an
// instant event on the slots it names, with its fields as arguments; perf counts as counter
// tracks; and for a scenario, the tracer's steps on a track of their own. The clock is the
// machine's instruction count: 1 us in the trace is one instruction (ts = icount). Slices on a
// track never overlap (Perfetto drops slices that do not nest), and a stay of no instruction is an
// instant. Pure: the caller writes the text.
import type { Branch, Decision } from '../decision';
import { branchText, effectText } from '../decision-text';
import { occupancy, type Occupancy, type SlotEvent } from '../hwbp/slot-history';
import type { RunReport } from './scenario-runner';
import { hex } from '../hex';

export interface TraceStep {
  index: number;
  line?: number;
  op: string;
  args: Record<string, string | number | boolean>;
  /** the result in words (`ok`, an errno, a stop) and its fields */
  status: string;
  result?: Record<string, string | number>;
  expect?: string;
  ok?: boolean;
  /** the clock before and after the step (they differ for a step that ran the machine) */
  from: number;
  to: number;
}

export interface TraceInput {
  /** what the trace is of: `same_watch_addr.yaml`, `Debug loops.S` */
  title: string;
  machine: { cpu: string; cpus: number; kernel: string; slots: number };
  /** the decisions, oldest first (a source line where the program has one) */
  decisions: Iterable<Decision & { source?: { path: string; line: number } }>;
  slotEvents: readonly SlotEvent[];
  /** the clock at the end of the run */
  end: number;
  /** a scenario's steps */
  steps?: readonly TraceStep[];
  /** decisions dropped from the front of the bounded log (said in the trace's metadata) */
  droppedDecisions?: number;
}

type TraceEvent = Record<string, unknown>;

const TRACER_PID = 0;
const cpuPid = (cpu: number) => cpu + 1;
const RUN_TID = 1;
const EXCEPTIONS_TID = 2;
const slotTid = (slot: number) => 10 + slot;
const stepTid = (slot: number) => 30 + slot;

/** chrome://tracing's reserved colour names, by branch (Perfetto colours by name). */
const CNAME: Record<Branch, string> = {
  'ptrace-report': 'terrible',
  'ptrace-report-all': 'bad',
  'no-hit-sigtrap': 'bad',
  'perf-single-step': 'good',
  'step-complete': 'thread_state_running',
  'perf-emulate': 'rail_animation',
  'larx-stcx-disable': 'yellow',
  'unreadable-disable': 'yellow',
  'emulate-fail-disable': 'yellow',
  'spurious-dd1': 'grey',
  'step-unclaimed': 'olive',
  'thread-change-pc': 'olive',
};

function slotName(cpuModel: string, slot: number): string {
  return cpuModel === 'power7' ? `DABR${slot ? slot : ''}` : `DAWR${slot}`;
}

function occupantName(o: Occupancy): string {
  return `${o.holder.label}${o.holder.task ? ` ${o.holder.task}` : ' cpu-wide'}`;
}

/** Every event of the trace, in no particular order (the viewers sort them). */
export function* traceEvents(input: TraceInput): Generator<TraceEvent> {
  const m = input.machine;
  const meta = (name: string, pid: number, tid: number | undefined, args: Record<string, unknown>): TraceEvent =>
    tid === undefined ? { name, ph: 'M', pid, args } : { name, ph: 'M', pid, tid, args };
  // tracks: names and order
  if (input.steps) {
    yield meta('process_name', TRACER_PID, undefined, { name: `tracer: ${input.title}` });
    yield meta('process_sort_index', TRACER_PID, undefined, { sort_index: 0 });
    yield meta('thread_name', TRACER_PID, 0, { name: 'steps' });
  }
  for (let c = 0; c < m.cpus; c++) {
    yield meta('process_name', cpuPid(c), undefined, { name: `cpu${c} (${m.cpu}, kernel ${m.kernel})` });
    yield meta('process_sort_index', cpuPid(c), undefined, { sort_index: c + 1 });
    yield meta('thread_name', cpuPid(c), RUN_TID, { name: 'task running' });
    yield meta('thread_sort_index', cpuPid(c), RUN_TID, { sort_index: 0 });
    yield meta('thread_name', cpuPid(c), EXCEPTIONS_TID, { name: 'exceptions (no slot hit)' });
    yield meta('thread_sort_index', cpuPid(c), EXCEPTIONS_TID, { sort_index: 100 });
    for (let s = 0; s < m.slots; s++) {
      yield meta('thread_name', cpuPid(c), slotTid(s), { name: slotName(m.cpu, s) });
      yield meta('thread_sort_index', cpuPid(c), slotTid(s), { sort_index: 2 * s + 1 });
      yield meta('thread_name', cpuPid(c), stepTid(s), { name: `${slotName(m.cpu, s)} single steps` });
      yield meta('thread_sort_index', cpuPid(c), stepTid(s), { sort_index: 2 * s + 2 });
    }
  }

  // the tracer's steps: a slice for those that ran the machine, an instant for the others
  for (const st of input.steps ?? []) {
    const name =
      `[${st.index}] ` +
      `${st.op}${typeof st.args.task === 'string' && st.op !== 'perf_open' ? ` ${st.args.task}` : ''} ` +
      `-> ${st.status}`;
    const args = {
      index: st.index,
      ...(st.line !== undefined ? { line: st.line } : {}),
      op: st.op,
      args: st.args,
      status: st.status,
      ...(st.result ? { result: st.result } : {}),
      ...(st.expect !== undefined ? { expect: st.expect, ok: st.ok } : {}),
    };
    if (st.to > st.from)
      yield { name, cat: 'step', ph: 'X', ts: st.from, dur: st.to - st.from, pid: TRACER_PID, tid: 0, args };
    else yield { name, cat: 'step', ph: 'i', s: 't', ts: st.from, pid: TRACER_PID, tid: 0, args };
  }

  // who ran where, and what held each slot
  const occ = occupancy(input.slotEvents, input.end);
  /** a slice, or an instant for a span of no instruction */
  const span = (
    name: string,
    cat: string,
    from: number,
    to: number,
    pid: number,
    tid: number,
    args: Record<string, unknown>,
  ): TraceEvent =>
    to > from
      ? { name, cat, ph: 'X', ts: from, dur: to - from, pid, tid, args }
      : { name: `${name} (no instruction)`, cat, ph: 'i', s: 't', ts: from, pid, tid, args };
  for (const r of occ.runs)
    yield span(r.task, 'run', r.from, r.to, cpuPid(r.cpu), RUN_TID, { task: r.task, pid: r.pid });
  // per (cpu, breakpoint), its stays in order: where a single step in flight belongs
  const byBp = new Map<string, Occupancy[]>();
  for (const o of occ.slots) {
    const key = `${o.cpu}:${o.holder.bp}`;
    const list = byBp.get(key);
    if (list) list.push(o);
    else byBp.set(key, [o]);
    const h = o.holder;
    yield span(occupantName(o), 'slot', o.from, o.to, cpuPid(o.cpu), slotTid(o.slot), {
      bp: h.bp,
      owner: h.owner,
      ...(h.task ? { task: h.task } : {}),
      range: `${h.addr}+${h.len}`,
      type: h.type.toUpperCase(),
      left: o.why ?? 'still there at the end',
      installed_at: o.from,
      ...(o.why ? { left_at: o.to } : {}),
    });
  }
  /** the stay of `bp` on `cpu` that covers `t` */
  const holding = (cpu: number, bp: string, t: number): Occupancy | undefined => {
    const list = byBp.get(`${cpu}:${bp}`);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].from <= t) lo = mid + 1;
      else hi = mid;
    }
    const o = list[lo - 1];
    return o && t <= o.to ? o : undefined;
  };

  // the decisions: instants on the slots they name; single steps in flight; perf counts
  const pending = new Map<string, { ts: number; seq: number }>();
  for (const d of input.decisions) {
    const named = d.slots.filter((s) => s.result !== 'miss');
    const args: Record<string, unknown> = {
      seq: d.seq,
      icount: d.icount,
      cpu: d.cpu,
      task: d.task,
      pc: d.pc,
      mode: d.mode,
      insn: d.insn,
      ...(d.access ? { access: `${d.access.kind} ${d.access.size} @${d.access.ea}` } : {}),
      slots: d.slots.map((s) => `slot ${s.slot} ${s.bp} ${s.result}: ${s.reason}`),
      branch: d.branch,
      why: branchText(d.branch),
      effects: d.effects.map((e) => {
        try {
          return effectText(e);
        } catch {
          return e.kind;
        }
      }),
      ...(d.source ? { source: `${d.source.path}:${d.source.line}` } : {}),
    };
    const lanes = named.length > 0 ? [...new Set(named.map((s) => s.slot))].map(slotTid) : [EXCEPTIONS_TID];
    for (const tid of lanes)
      yield {
        name: d.branch,
        cat: 'decision',
        ph: 'i',
        s: 't',
        ts: d.icount,
        pid: cpuPid(d.cpu),
        tid,
        cname: CNAME[d.branch],
        args,
      };
    for (const e of d.effects) {
      if (e.kind === 'count')
        yield {
          name: `count ${e.bp.replace(/^perf:/, 'perf ')}`,
          cat: 'counter',
          ph: 'C',
          ts: d.icount,
          pid: cpuPid(d.cpu),
          args: { count: e.value },
        };
      else if (e.kind === 'arm-step') pending.set(`${d.cpu}:${e.bp}`, { ts: d.icount, seq: d.seq });
      else if (e.kind === 'step-done') {
        const key = `${d.cpu}:${e.bp}`;
        const p = pending.get(key);
        if (!p) continue;
        pending.delete(key);
        const o = holding(d.cpu, e.bp, p.ts);
        if (!o) continue;
        // within its stay in the slot (the step of a breakpoint that left is over for that slot)
        const from = Math.max(p.ts, o.from);
        const to = Math.min(d.icount, o.to);
        if (to < from) continue;
        yield span(`${o.holder.label} single step`, 'step', from, to, cpuPid(d.cpu), stepTid(o.slot), {
          bp: e.bp,
          armed_by: p.seq,
          done_by: d.seq,
        });
      }
    }
  }
}

/**
 * Writes the trace as JSON text through `write`, a chunk at a time (a debug session's log holds up
 * to a million decisions: the text is never built whole). Returns the number of events.
 */
export function writeChromeTrace(input: TraceInput, write: (chunk: string) => void): number {
  write('{"traceEvents":[\n');
  let n = 0;
  let buf: string[] = [];
  for (const e of traceEvents(input)) {
    buf.push((n > 0 ? ',\n' : '') + JSON.stringify(e));
    n++;
    if (buf.length >= 1000) {
      write(buf.join(''));
      buf = [];
    }
  }
  if (buf.length) write(buf.join(''));
  const other = {
    title: input.title,
    machine:
      `${input.machine.cpu}, ${input.machine.cpus} ` +
      `CPU${input.machine.cpus === 1 ? '' : 's'}, kernel ${input.machine.kernel}, ` +
      `${input.machine.slots} slot${input.machine.slots === 1 ? '' : 's'} per CPU`,
    clock: "ts is the machine's instruction count (icount): 1 us in this trace = 1 instruction",
    end_icount: input.end,
    ...(input.droppedDecisions ? { dropped_decisions: input.droppedDecisions } : {}),
    generator: 'PowerPC Watchpoint Lab',
  };
  write(`\n],\n"displayTimeUnit":"ms",\n"otherData":${JSON.stringify(other)}}\n`);
  return n;
}

/** The whole trace as one string (small runs, tests). */
export function chromeTraceText(input: TraceInput): string {
  const parts: string[] = [];
  writeChromeTrace(input, (c) => parts.push(c));
  return parts.join('');
}

/** The trace of a `wplab run`: its machine, steps, decisions and slot history. */
export function traceInputOfRun(r: RunReport, scenarioName: string): TraceInput {
  return {
    title: scenarioName,
    machine: { cpu: r.machine.cpu, cpus: r.machine.cpus, kernel: r.machine.kernel, slots: r.machine.slots },
    decisions: r.decisions,
    slotEvents: r.slotHistory,
    end: r.icount,
    droppedDecisions: r.droppedDecisions,
    steps: r.steps.map((s) => {
      const result: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(s.result.fields))
        result[k] = typeof v === 'bigint' ? (v > 0xffffn || v < 0n ? hex(v) : Number(v)) : v;
      return {
        index: s.step.index,
        line: s.step.pos.line,
        op: s.step.op,
        args: s.args,
        status: s.result.status,
        ...(Object.keys(result).length ? { result } : {}),
        ...(s.step.expect ? { expect: s.step.expectText ?? '', ok: s.ok } : {}),
        from: s.icount.from,
        to: s.icount.to,
      };
    }),
  };
}
