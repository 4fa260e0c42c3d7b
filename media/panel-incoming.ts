// Checks every message the panel receives before it is rendered (the panel renders from messages
// only). Type-only imports: the panel bundle contains no extension or adapter code.
import type { Counter, CpuSlots, MachineInfo, PanelDecision, TimelineResponse } from '../debug-adapter/panel-protocol';
import type { PanelRow, ToPanel } from '../extension/panel-messages';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || isStr(v);
const arrOf = <T>(v: unknown, f: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(f);

function isMachine(v: unknown): v is MachineInfo {
  return isObj(v) && ['power7', 'power8', 'power9', 'power10'].includes(v.cpu as string) && isNat(v.cpus)
    && (v.kernel === '6.5' || v.kernel === '6.6') && isNat(v.slots) && (v.dawrForceEnable === undefined || typeof v.dawrForceEnable === 'boolean');
}

function isOccupant(o: unknown): boolean {
  return isObj(o) && isStr(o.bp) && (o.owner === 'ptrace' || o.owner === 'perf') && isStr(o.label) && optStr(o.task)
    && isStr(o.addr) && isNat(o.len) && isStr(o.hwAddr) && isNat(o.hwLen) && ['r', 'w', 'rw'].includes(o.type as string)
    && arrOf(o.privilege, isStr) && ['armed', 'disabled', 'step-pending', 'off'].includes(o.state as string);
}

function isCpuSlots(v: unknown): v is CpuSlots {
  if (!isObj(v) || !isNat(v.cpu) || !optStr(v.task) || !optStr(v.nextTask) || !isObj(v.budget)) return false;
  const b = v.budget;
  if (!isNat(b.cpuPinned) || !isNat(b.worstTask) || !isNat(b.total) || !optStr(b.worstTaskName)) return false;
  return Array.isArray(v.slots) && v.slots.every((s) => isObj(s) && isNat(s.slot) && (s.occupant === undefined || isOccupant(s.occupant)) && (s.next === undefined || isOccupant(s.next)));
}

function isCounter(v: unknown): v is Counter {
  return isObj(v) && isStr(v.id) && isNum(v.fd) && optStr(v.task) && isNum(v.cpu) && isStr(v.addr) && isNat(v.len)
    && ['r', 'w', 'rw', 'x'].includes(v.type as string) && isNum(v.count) && typeof v.enabled === 'boolean' && typeof v.closed === 'boolean';
}

function isDecision(v: unknown): v is PanelDecision {
  if (!isObj(v) || !isNat(v.seq) || !isNat(v.cpu) || !isStr(v.task) || !isStr(v.pc) || !isStr(v.insn) || !isStr(v.branch)) return false;
  if (v.mode !== 'user' && v.mode !== 'kernel') return false;
  if (v.access !== undefined && !(isObj(v.access) && isStr(v.access.kind) && isStr(v.access.ea) && isNat(v.access.size))) return false;
  if (!Array.isArray(v.slots) || !v.slots.every((s) => isObj(s) && isNat(s.slot) && isStr(s.bp) && isStr(s.owner) && isStr(s.result) && isStr(s.reason))) return false;
  if (!Array.isArray(v.effects) || !v.effects.every((e) => isObj(e) && isStr(e.kind))) return false;
  if (!optStr(v.note)) return false;
  return v.source === undefined || (isObj(v.source) && isStr(v.source.path) && isNat(v.source.line));
}

const isClock = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function isTimeline(v: unknown): v is TimelineResponse {
  if (!isObj(v) || !isClock(v.from) || !isClock(v.to) || !isNat(v.buckets) || !isClock(v.now) || !isNat(v.cpus) || !isNat(v.slots) || !isStr(v.model) || !isNat(v.decisions)) return false;
  if (v.droppedBefore !== undefined && !isClock(v.droppedBefore)) return false;
  const seg = (x: unknown): boolean => isObj(x) && isClock(x.from) && isClock(x.to) && isStr(x.bp) && (x.owner === 'ptrace' || x.owner === 'perf') && isStr(x.label) && optStr(x.task)
    && isStr(x.addr) && isNat(x.len) && isStr(x.type) && (x.state === 'installed' || x.state === 'scheduled-out') && optStr(x.why);
  const lane = (x: unknown): boolean => isObj(x) && isNat(x.cpu) && isNat(x.slot) && Array.isArray(x.segments) && x.segments.every(seg)
    && Array.isArray(x.stepping) && x.stepping.every((p) => Array.isArray(p) && p.length === 2 && isClock(p[0]) && isClock(p[1]));
  const run = (x: unknown): boolean => isObj(x) && isNat(x.cpu) && isClock(x.from) && isClock(x.to) && isStr(x.task);
  const mark = (x: unknown): boolean => isObj(x) && isNat(x.cpu) && Number.isInteger(x.slot) && (x.slot as number) >= -1 && isClock(x.icount) && isNat(x.seq) && isStr(x.branch)
    && isStr(x.task) && isNat(x.n) && (x.branches === undefined || arrOf(x.branches, isStr)) && (x.lastSeq === undefined || isNat(x.lastSeq));
  return Array.isArray(v.lanes) && v.lanes.every(lane) && Array.isArray(v.runs) && v.runs.every(run) && Array.isArray(v.marks) && v.marks.every(mark);
}

function isRow(v: unknown): v is PanelRow {
  return isObj(v) && isDecision(v.d) && isStr(v.branchText) && arrOf(v.effectTexts, isStr);
}

/** The message if it has the shape of one the host sends, else undefined. */
export function checkToPanel(m: unknown): ToPanel | undefined {
  if (!isObj(m)) return undefined;
  switch (m.type) {
    case 'session':
      return ['none', 'running', 'ended'].includes(m.state as string) && optStr(m.id) && optStr(m.name) && optStr(m.message) && (m.reset === undefined || typeof m.reset === 'boolean') ? (m as ToPanel) : undefined;
    case 'slots':
      return isMachine(m.machine) && arrOf(m.cpus, isCpuSlots) ? (m as ToPanel) : undefined;
    case 'counters':
      return arrOf(m.counters, isCounter) ? (m as ToPanel) : undefined;
    case 'decisionCount':
      return isNat(m.gen) && isNat(m.count) && typeof m.exact === 'boolean' && isNat(m.total) && isNat(m.dropped) && arrOf(m.tasks, isStr) ? (m as ToPanel) : undefined;
    case 'decisionPage':
      return isNat(m.gen) && isNat(m.start) && arrOf(m.rows, isRow) ? (m as ToPanel) : undefined;
    case 'perfResult':
      return isNat(m.reqId) && typeof m.ok === 'boolean' && optStr(m.error) && optStr(m.message) ? (m as ToPanel) : undefined;
    case 'timeline':
      return isNat(m.reqId) && (m.data === undefined || isTimeline(m.data)) && optStr(m.error) ? (m as ToPanel) : undefined;
    case 'decisionDetail':
      return isNat(m.seq) && (m.row === undefined || isRow(m.row)) ? (m as ToPanel) : undefined;
    case 'stopped':
      return isStr(m.task) && isStr(m.reason) && optStr(m.description) && optStr(m.text) && isClock(m.icount) ? (m as ToPanel) : undefined;
    default:
      return undefined;
  }
}
