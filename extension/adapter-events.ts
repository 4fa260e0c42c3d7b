// Checks of what the adapter sends the extension (custom events and custom request answers): the
// panel and the gutter only ever see data of the agreed shape (debug-adapter/panel-protocol.ts), so a
// version mismatch shows up as one ignored message, not as a broken panel.
import type { Counter, CountersEvent, CpuSlots, DecisionLogResponse, DecisionsEvent, MachineInfo, PanelDecision, PerfResponse, SlotsEvent, SnapshotResponse, StoppedEventBody, TimelineResponse } from '../debug-adapter/panel-protocol';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isStr = (v: unknown): v is string => typeof v === 'string';

export function isDecision(v: unknown): v is PanelDecision {
  if (!isObj(v)) return false;
  if (!isNat(v.seq) || !isNat(v.cpu) || !isStr(v.task) || !isStr(v.pc) || !isStr(v.insn) || !isStr(v.branch)) return false;
  if (v.icount !== undefined && typeof v.icount !== 'number') return false;
  if (v.mode !== 'user' && v.mode !== 'kernel') return false;
  if (v.access !== undefined && !(isObj(v.access) && isStr(v.access.kind) && isStr(v.access.ea) && isNat(v.access.size))) return false;
  if (!Array.isArray(v.slots) || !v.slots.every((s) => isObj(s) && isNat(s.slot) && isStr(s.bp) && (s.owner === 'ptrace' || s.owner === 'perf') && isStr(s.result) && isStr(s.reason))) return false;
  if (!Array.isArray(v.effects) || !v.effects.every((e) => isObj(e) && isStr(e.kind))) return false;
  if (v.source !== undefined && !(isObj(v.source) && isStr(v.source.path) && isNat(v.source.line))) return false;
  if (v.note !== undefined && !isStr(v.note)) return false;
  return true;
}

function isMachine(v: unknown): v is MachineInfo {
  return isObj(v) && ['power7', 'power8', 'power9', 'power10'].includes(v.cpu as string) && isNat(v.cpus) && (v.kernel === '6.5' || v.kernel === '6.6') && isNat(v.slots);
}

function isCpuSlots(v: unknown): v is CpuSlots {
  if (!isObj(v) || !isNat(v.cpu) || !isObj(v.budget) || !Array.isArray(v.slots)) return false;
  const b = v.budget;
  if (!isNat(b.cpuPinned) || !isNat(b.worstTask) || !isNat(b.total)) return false;
  if (v.nextTask !== undefined && !isStr(v.nextTask)) return false;
  return v.slots.every((s) => isObj(s) && isNat(s.slot) && (s.occupant === undefined || isOccupant(s.occupant)) && (s.next === undefined || isOccupant(s.next)));
}

function isOccupant(o: unknown): boolean {
  return isObj(o) && isStr(o.bp) && (o.owner === 'ptrace' || o.owner === 'perf') && isStr(o.label) && isStr(o.addr) && isNat(o.len)
    && isStr(o.hwAddr) && isNat(o.hwLen) && isStr(o.type) && Array.isArray(o.privilege) && o.privilege.every(isStr) && isStr(o.state)
    && (o.task === undefined || isStr(o.task));
}

function isCounter(v: unknown): v is Counter {
  return isObj(v) && isStr(v.id) && typeof v.fd === 'number' && typeof v.cpu === 'number' && isStr(v.addr) && isNat(v.len) && isStr(v.type)
    && typeof v.count === 'number' && typeof v.enabled === 'boolean' && typeof v.closed === 'boolean' && (v.task === undefined || isStr(v.task));
}

export function checkSlotsEvent(v: unknown): SlotsEvent | undefined {
  return isObj(v) && isMachine(v.machine) && Array.isArray(v.cpus) && v.cpus.every(isCpuSlots) ? (v as unknown as SlotsEvent) : undefined;
}

export function checkCountersEvent(v: unknown): CountersEvent | undefined {
  return isObj(v) && Array.isArray(v.counters) && v.counters.every(isCounter) ? (v as unknown as CountersEvent) : undefined;
}

export function checkDecisionsEvent(v: unknown): DecisionsEvent | undefined {
  return isObj(v) && Array.isArray(v.decisions) && v.decisions.every(isDecision) && isNat(v.total) && isNat(v.dropped) ? (v as unknown as DecisionsEvent) : undefined;
}

export function checkSnapshot(v: unknown): SnapshotResponse | undefined {
  if (!isObj(v) || !checkSlotsEvent(v.slots) || !checkCountersEvent(v.counters) || !isNat(v.total) || !isNat(v.dropped)) return undefined;
  if (!Array.isArray(v.recent) || !v.recent.every(isDecision)) return undefined;
  return v as unknown as SnapshotResponse;
}

export function checkDecisionLog(v: unknown): DecisionLogResponse | undefined {
  return isObj(v) && Array.isArray(v.decisions) && v.decisions.every(isDecision) && isNat(v.total) && isNat(v.dropped) ? (v as unknown as DecisionLogResponse) : undefined;
}

export function checkPerfResponse(v: unknown): PerfResponse | undefined {
  return isObj(v) && typeof v.ok === 'boolean' && (v.error === undefined || isStr(v.error)) && (v.message === undefined || isStr(v.message)) ? (v as unknown as PerfResponse) : undefined;
}

const isClock = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A timeline window from the adapter (panel-timeline.ts), checked before the panel draws it. */
export function checkTimeline(v: unknown): TimelineResponse | undefined {
  if (!isObj(v) || !isClock(v.from) || !isClock(v.to) || !isNat(v.buckets) || !isClock(v.now) || !isNat(v.cpus) || !isNat(v.slots) || !isStr(v.model) || !isNat(v.decisions)) return undefined;
  if (v.droppedBefore !== undefined && !isClock(v.droppedBefore)) return undefined;
  const seg = (x: unknown) => isObj(x) && isClock(x.from) && isClock(x.to) && isStr(x.bp) && (x.owner === 'ptrace' || x.owner === 'perf') && isStr(x.label) && isStr(x.addr) && isNat(x.len) && isStr(x.type)
    && (x.state === 'installed' || x.state === 'scheduled-out') && (x.task === undefined || isStr(x.task)) && (x.why === undefined || isStr(x.why));
  const lane = (x: unknown) => isObj(x) && isNat(x.cpu) && isNat(x.slot) && Array.isArray(x.segments) && x.segments.every(seg)
    && Array.isArray(x.stepping) && x.stepping.every((p) => Array.isArray(p) && p.length === 2 && isClock(p[0]) && isClock(p[1]));
  const run = (x: unknown) => isObj(x) && isNat(x.cpu) && isClock(x.from) && isClock(x.to) && isStr(x.task);
  const mark = (x: unknown) => isObj(x) && isNat(x.cpu) && typeof x.slot === 'number' && Number.isInteger(x.slot) && x.slot >= -1 && isClock(x.icount) && isNat(x.seq) && isStr(x.branch) && isStr(x.task) && isNat(x.n)
    && (x.branches === undefined || (Array.isArray(x.branches) && x.branches.every(isStr))) && (x.lastSeq === undefined || isNat(x.lastSeq));
  if (!Array.isArray(v.lanes) || !v.lanes.every(lane) || !Array.isArray(v.runs) || !v.runs.every(run) || !Array.isArray(v.marks) || !v.marks.every(mark)) return undefined;
  return v as unknown as TimelineResponse;
}

export function checkStopped(v: unknown): StoppedEventBody | undefined {
  return isObj(v) && isNat(v.threadId) && isStr(v.task) && isStr(v.reason) && (v.description === undefined || isStr(v.description)) && (v.text === undefined || isStr(v.text)) && isClock(v.icount)
    ? (v as unknown as StoppedEventBody) : undefined;
}
