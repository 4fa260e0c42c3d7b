// The custom events and requests between the debug adapter and the extension's panel.
// The adapter pushes events (DebugSession custom events); the panel asks for a snapshot when it opens
// or reloads, and pages through the decision log. Everything here is plain JSON.
import type { Decision } from '../sim/decision';

export const EVENT_SLOTS = 'wplab.slots';
export const EVENT_DECISIONS = 'wplab.decisions';
export const EVENT_COUNTERS = 'wplab.counters';
export const REQUEST_SNAPSHOT = 'wplab.snapshot';
export const REQUEST_DECISIONS = 'wplab.decisionLog';
export const REQUEST_PERF = 'wplab.perf';
export const REQUEST_WATCH = 'wplab.watch';

export interface MachineInfo {
  cpu: 'power7' | 'power8' | 'power9' | 'power10';
  cpus: number;
  kernel: '6.5' | '6.6';
  /** hardware slots per CPU (nr_wp_slots), 0 when no breakpoint is available (POWER9 default) */
  slots: number;
  dawrForceEnable: boolean;
}

export type SlotState = 'armed' | 'disabled' | 'step-pending' | 'off';

export interface SlotOccupant {
  /** `ptrace:TASK:HANDLE` or `perf:ID` */
  bp: string;
  owner: 'ptrace' | 'perf';
  /** a person's name for it: `ptrace #1` or `perf "writes"` */
  label: string;
  /** the task it belongs to; absent for a per-CPU perf event */
  task?: string;
  /** requested range (hex address, byte length) */
  addr: string;
  len: number;
  /** programmed range (hex address, byte length: whole doublewords) */
  hwAddr: string;
  hwLen: number;
  type: 'r' | 'w' | 'rw';
  /** privilege bits that may match: user, kernel, hyp */
  privilege: Array<'user' | 'kernel' | 'hyp'>;
  state: SlotState;
}

export interface CpuSlots {
  cpu: number;
  /** the task running on it (or last ran), if any */
  task?: string;
  /** reservation budget: per-CPU pinned + the worst task's breakpoints against the slot count */
  budget: { cpuPinned: number; worstTask: number; worstTaskName?: string; total: number };
  slots: Array<{ slot: number; occupant?: SlotOccupant }>;
}

export interface SlotsEvent {
  machine: MachineInfo;
  cpus: CpuSlots[];
}

export interface Counter {
  id: string;
  fd: number;
  task?: string;
  cpu: number;
  addr: string;
  len: number;
  type: 'r' | 'w' | 'rw' | 'x';
  count: number;
  enabled: boolean;
  closed: boolean;
}

export interface CountersEvent {
  counters: Counter[];
}

/** A decision with the source line of its instruction, when the program has one there. */
export interface PanelDecision extends Decision {
  source?: { path: string; line: number };
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
  | { action: 'add'; name: string; addr: string; len: number; type: 'r' | 'w' | 'rw'; task?: string; cpu?: number; excludeKernel?: boolean; excludeUser?: boolean; excludeHv?: boolean }
  | { action: 'enable' | 'disable' | 'reset' | 'close'; id: string };

export interface PerfResponse {
  ok: boolean;
  /** errno name and the explanation when not ok */
  error?: string;
  message?: string;
}
