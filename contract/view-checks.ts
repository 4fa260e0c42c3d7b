// Shape checks of what the debug adapter sends for the panel (debug-adapter/panel-protocol.ts: the
// subsystem's views, decisions, the timeline, a stop): the extension checks the adapter's events with
// them, and the panel checks again what the extension forwards. One definition, so both agree.
import type { PanelDecision, StoppedEventBody, TimelineResponse } from '../debug-adapter/panel-protocol';
import { CPU_MODEL_NAMES, KERNEL_POLICIES } from '../sim/hwbp/cpu-model';
import { PERF_BP_TYPES } from '../sim/hwbp/perf-event';
import { SLOT_STATES, type Counter, type CpuSlots, type MachineInfo, type SlotOccupant } from '../sim/hwbp/views';
import { arrOf, isBool, isClock, isNat, isNum, isObj, isStr, oneOf, optStr } from './guards';

const isOwner = (v: unknown): boolean => v === 'ptrace' || v === 'perf';

export function isMachine(v: unknown): v is MachineInfo {
  return (
    isObj(v) &&
    oneOf(CPU_MODEL_NAMES, v.cpu) &&
    isNat(v.cpus) &&
    oneOf(KERNEL_POLICIES, v.kernel) &&
    isNat(v.slots) &&
    (v.dawrForceEnable === undefined || isBool(v.dawrForceEnable))
  );
}

export function isOccupant(o: unknown): o is SlotOccupant {
  return (
    isObj(o) &&
    isStr(o.bp) &&
    isOwner(o.owner) &&
    isStr(o.label) &&
    optStr(o.task) &&
    isStr(o.addr) &&
    isNat(o.len) &&
    isStr(o.hwAddr) &&
    isNat(o.hwLen) &&
    oneOf(['r', 'w', 'rw'], o.type) &&
    arrOf(o.privilege, isStr) &&
    oneOf(SLOT_STATES, o.state) &&
    optStr(o.by)
  );
}

export function isCpuSlots(v: unknown): v is CpuSlots {
  if (!isObj(v) || !isNat(v.cpu) || !optStr(v.task) || !optStr(v.nextTask) || !isObj(v.budget)) return false;
  const b = v.budget;
  if (!isNat(b.cpuPinned) || !isNat(b.worstTask) || !isNat(b.total) || !optStr(b.worstTaskName)) return false;
  const slot = (s: unknown): boolean =>
    isObj(s) &&
    isNat(s.slot) &&
    (s.occupant === undefined || isOccupant(s.occupant)) &&
    (s.next === undefined || isOccupant(s.next));
  return Array.isArray(v.slots) && v.slots.every(slot);
}

export function isCounter(v: unknown): v is Counter {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isNum(v.fd) &&
    optStr(v.task) &&
    isNum(v.cpu) &&
    isStr(v.addr) &&
    isNat(v.len) &&
    oneOf(PERF_BP_TYPES, v.type) &&
    isNum(v.count) &&
    isBool(v.enabled) &&
    isBool(v.closed) &&
    optStr(v.by)
  );
}

export function isDecision(v: unknown): v is PanelDecision {
  if (!isObj(v) || !isNat(v.seq) || !isNat(v.cpu) || !isStr(v.task) || !isStr(v.pc) || !isStr(v.insn)) return false;
  if (!isStr(v.branch) || (v.icount !== undefined && !isNum(v.icount))) return false;
  if (v.mode !== 'user' && v.mode !== 'kernel') return false;
  if (
    v.access !== undefined &&
    !(isObj(v.access) && isStr(v.access.kind) && isStr(v.access.ea) && isNat(v.access.size))
  ) {
    return false;
  }
  const slot = (s: unknown): boolean =>
    isObj(s) && isNat(s.slot) && isStr(s.bp) && isOwner(s.owner) && isStr(s.result) && isStr(s.reason);
  if (!Array.isArray(v.slots) || !v.slots.every(slot)) return false;
  if (!Array.isArray(v.effects) || !v.effects.every((e) => isObj(e) && isStr(e.kind))) return false;
  if (!optStr(v.note)) return false;
  return v.source === undefined || (isObj(v.source) && isStr(v.source.path) && isNat(v.source.line));
}

export function isTimeline(v: unknown): v is TimelineResponse {
  if (!isObj(v) || !isClock(v.from) || !isClock(v.to) || !isNat(v.buckets) || !isClock(v.now)) return false;
  if (!isNat(v.cpus) || !isNat(v.slots) || !isStr(v.model) || !isNat(v.decisions)) return false;
  if (v.droppedBefore !== undefined && !isClock(v.droppedBefore)) return false;
  const seg = (x: unknown): boolean =>
    isObj(x) &&
    isClock(x.from) &&
    isClock(x.to) &&
    isStr(x.bp) &&
    isOwner(x.owner) &&
    isStr(x.label) &&
    optStr(x.task) &&
    isStr(x.addr) &&
    isNat(x.len) &&
    isStr(x.type) &&
    (x.state === 'installed' || x.state === 'scheduled-out') &&
    optStr(x.why);
  const span = (p: unknown): boolean => Array.isArray(p) && p.length === 2 && isClock(p[0]) && isClock(p[1]);
  const lane = (x: unknown): boolean =>
    isObj(x) &&
    isNat(x.cpu) &&
    isNat(x.slot) &&
    Array.isArray(x.segments) &&
    x.segments.every(seg) &&
    Array.isArray(x.stepping) &&
    x.stepping.every(span);
  const run = (x: unknown): boolean => isObj(x) && isNat(x.cpu) && isClock(x.from) && isClock(x.to) && isStr(x.task);
  const mark = (x: unknown): boolean =>
    isObj(x) &&
    isNat(x.cpu) &&
    Number.isInteger(x.slot) &&
    (x.slot as number) >= -1 &&
    isClock(x.icount) &&
    isNat(x.seq) &&
    isStr(x.branch) &&
    isStr(x.task) &&
    isNat(x.n) &&
    (x.branches === undefined || arrOf(x.branches, isStr)) &&
    (x.lastSeq === undefined || isNat(x.lastSeq));
  return (
    Array.isArray(v.lanes) &&
    v.lanes.every(lane) &&
    Array.isArray(v.runs) &&
    v.runs.every(run) &&
    Array.isArray(v.marks) &&
    v.marks.every(mark)
  );
}

/** A stop as the adapter tells it (EVENT_STOPPED); the panel's `stopped` message has the same fields. */
export function isStoppedFields(v: unknown): v is Omit<StoppedEventBody, 'threadId'> {
  return isObj(v) && isStr(v.task) && isStr(v.reason) && optStr(v.description) && optStr(v.text) && isClock(v.icount);
}
