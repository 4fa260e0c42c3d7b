// Checks of what the adapter sends the extension (custom events and custom request answers): the
// panel and the gutter only ever see data of the agreed shape (debug-adapter/panel-protocol.ts, checked
// by contract/view-checks.ts), so a version mismatch shows up as one ignored message, not as a broken
// panel.
import { isBool, isNat, isObj, optStr } from '../contract/guards';
import { isCounter, isCpuSlots, isDecision, isMachine, isStoppedFields, isTimeline } from '../contract/view-checks';
import type {
  CountersEvent,
  DecisionLogResponse,
  DecisionsEvent,
  PerfResponse,
  SlotsEvent,
  SnapshotResponse,
  StoppedEventBody,
  TimelineResponse,
} from '../debug-adapter/panel-protocol';

export { isDecision } from '../contract/view-checks';

export function checkSlotsEvent(v: unknown): SlotsEvent | undefined {
  return isObj(v) && isMachine(v.machine) && Array.isArray(v.cpus) && v.cpus.every(isCpuSlots)
    ? (v as unknown as SlotsEvent)
    : undefined;
}

export function checkCountersEvent(v: unknown): CountersEvent | undefined {
  return isObj(v) && Array.isArray(v.counters) && v.counters.every(isCounter)
    ? (v as unknown as CountersEvent)
    : undefined;
}

/** A page of decisions with the log's counts (DecisionsEvent and DecisionLogResponse have this shape). */
function isDecisionPage(v: unknown): v is Record<string, unknown> {
  return isObj(v) && Array.isArray(v.decisions) && v.decisions.every(isDecision) && isNat(v.total) && isNat(v.dropped);
}

export function checkDecisionsEvent(v: unknown): DecisionsEvent | undefined {
  return isDecisionPage(v) ? (v as unknown as DecisionsEvent) : undefined;
}

export function checkSnapshot(v: unknown): SnapshotResponse | undefined {
  if (
    !isObj(v) ||
    !checkSlotsEvent(v.slots) ||
    !checkCountersEvent(v.counters) ||
    !isNat(v.total) ||
    !isNat(v.dropped)
  ) {
    return undefined;
  }
  if (!Array.isArray(v.recent) || !v.recent.every(isDecision)) return undefined;
  return v as unknown as SnapshotResponse;
}

export function checkDecisionLog(v: unknown): DecisionLogResponse | undefined {
  return isDecisionPage(v) ? (v as unknown as DecisionLogResponse) : undefined;
}

export function checkPerfResponse(v: unknown): PerfResponse | undefined {
  return isObj(v) && isBool(v.ok) && optStr(v.error) && optStr(v.message) ? (v as unknown as PerfResponse) : undefined;
}

/** A timeline window from the adapter (panel-timeline.ts), checked before the panel draws it. */
export function checkTimeline(v: unknown): TimelineResponse | undefined {
  return isTimeline(v) ? v : undefined;
}

export function checkStopped(v: unknown): StoppedEventBody | undefined {
  return isStoppedFields(v) && isNat((v as Record<string, unknown>).threadId) ? (v as StoppedEventBody) : undefined;
}
