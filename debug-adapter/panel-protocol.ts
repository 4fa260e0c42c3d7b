// The custom events and requests between the debug adapter and the extension's panel.
// The adapter pushes events (DebugSession custom events); the panel asks for a snapshot when it opens
// or reloads, and pages through the decision log. Everything here is plain JSON.
import type { Decision } from '../sim/decision';

export const EVENT_SLOTS = 'wplab.slots';
export const EVENT_DECISIONS = 'wplab.decisions';
export const EVENT_COUNTERS = 'wplab.counters';
/** the machine's history changed (a step back, a reverse continue): take a new snapshot */
export const EVENT_RESET = 'wplab.reset';
export const REQUEST_SNAPSHOT = 'wplab.snapshot';
export const REQUEST_DECISIONS = 'wplab.decisionLog';
export const REQUEST_PERF = 'wplab.perf';
export const REQUEST_WATCH = 'wplab.watch';
/** wplab compare on the session's scenario: { text } */
export const REQUEST_COMPARE = 'wplab.compare';
/** a window of the timeline (panel-timeline.ts): TimelineArgs -> TimelineResponse */
export const REQUEST_TIMELINE = 'wplab.timeline';
/** writes the session as Chrome trace-event JSON: { path } -> { path, events } */
export const REQUEST_EXPORT_TRACE = 'wplab.exportTrace';
/** the debugger's watchpoints and counters as the editor set them: -> WatchesEvent */
export const REQUEST_WATCH_LIST = 'wplab.watchList';
/** a thread stopped: why, in full (the Call Stack view shows only the short reason) */
export const EVENT_STOPPED = 'wplab.stopped';
/** the debugger's watchpoints changed (set, refused, re-armed, removed): WatchesEvent */
export const EVENT_WATCHES = 'wplab.watches';

export type {
  TimelineArgs,
  TimelineResponse,
  TimelineLane,
  TimelineMark,
  TimelineRun,
  TimelineSegment,
} from './panel-timeline';

export interface StoppedEventBody {
  threadId: number;
  task: string;
  reason: string;
  /** the short reason */
  description?: string;
  /** the whole sentence */
  text?: string;
  /** the machine's clock at the stop */
  icount: number;
}

export interface WatchInfo {
  id: number;
  /** data: a data breakpoint; source: a breakpoint on a data line (its mode); panel: the wplab.watch request */
  origin: 'data' | 'source' | 'panel';
  kind: 'ptrace' | 'perf';
  access: 'read' | 'write' | 'readWrite';
  label: string;
  addr: string;
  len: number;
  verified: boolean;
  message?: string;
  /** a source breakpoint's file, line and mode */
  source?: { path: string; line: number; mode: string };
}

export interface WatchesEvent {
  watches: WatchInfo[];
  /** the breakpoints of this file were just set (the event is sent after every setBreakpoints),
   * these lines with these modes (a line whose watch is not in the list is not a data line of the
   * session's program) */
  file?: string;
  requested?: Array<{ line: number; mode: string }>;
}

// The slot, budget and counter shapes are the watchpoint subsystem's own read-only views: one
// definition, in sim/ (which must not import from here).
export type {
  MachineInfo,
  SlotState,
  SlotOccupant,
  CpuSlots,
  SlotsEvent,
  Counter,
  CountersEvent,
} from '../sim/hwbp/views';
import type { CountersEvent, SlotsEvent } from '../sim/hwbp/views';

/** A decision with the source line of its instruction, when the program has one there, and what
 * the debugger did about it when that was more than showing the kernel's stop (`note`). */
export interface PanelDecision extends Decision {
  source?: { path: string; line: number };
  note?: string;
}

export interface DecisionsEvent {
  /** the decisions made since the last event, oldest first (a hot loop is batched) */
  decisions: PanelDecision[];
  /** decisions made so far in the session, and how many were dropped from the bounded log */
  total: number;
  dropped: number;
}

export interface SnapshotResponse {
  slots: SlotsEvent;
  counters: CountersEvent;
  total: number;
  dropped: number;
  /** the newest decisions (up to a few hundred) */
  recent: PanelDecision[];
}

export interface DecisionLogArgs {
  /** sequence number of the first decision wanted */
  start: number;
  count: number;
  filter?: { cpu?: number; task?: string; branch?: string };
}

export interface DecisionLogResponse {
  decisions: PanelDecision[];
  total: number;
  dropped: number;
}

export type PerfAction =
  | {
      action: 'add';
      name: string;
      addr: string;
      len: number;
      type: 'r' | 'w' | 'rw';
      task?: string;
      cpu?: number;
      excludeKernel?: boolean;
      excludeUser?: boolean;
      excludeHv?: boolean;
    }
  | { action: 'enable' | 'disable' | 'reset' | 'close'; id: string };

export interface PerfResponse {
  ok: boolean;
  /** errno name and the explanation when not ok */
  error?: string;
  message?: string;
}
