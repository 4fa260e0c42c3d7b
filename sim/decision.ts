// A decision: one run of the exception handler or of the single-step completion (SEMANTICS.md §5, §6).
// This JSON-ready shape is the product's main output: `wplab run --json`, the debug adapter and the
// panel all read it (SCENARIOS.md "Decision records"). Addresses are hex strings.

export type AccessKind = 'load' | 'store' | 'larx' | 'stcx' | 'cacheop' | 'unknown';

export type SlotResult = 'hit' | 'extraneous' | 'miss';

export interface SlotVerdict {
  slot: number;
  /** `ptrace:TASK:HANDLE` or `perf:ID` */
  bp: string;
  owner: 'ptrace' | 'perf';
  result: SlotResult;
  /** a short text; for a miss, which check failed */
  reason: string;
}

/** The branches the handler and the single-step completion take: the one list (the panel's filter, the
 * colours of the timeline and of the trace export are keyed by it). */
export const BRANCHES = [
  'ptrace-report',
  'ptrace-report-all',
  'larx-stcx-disable',
  'unreadable-disable',
  'perf-single-step',
  'perf-emulate',
  'emulate-fail-disable',
  'no-hit-sigtrap',
  'spurious-dd1',
  'step-complete',
  'step-unclaimed',
  'thread-change-pc',
] as const;
export type Branch = (typeof BRANCHES)[number];

export type Effect =
  | { kind: 'signal'; signal: string; si_code: string; si_addr: string }
  | { kind: 'count'; bp: string; value: number }
  | { kind: 'disable'; bp: string }
  | { kind: 'arm-step'; bp: string }
  | { kind: 'step-done'; bp: string }
  | { kind: 'reinstall'; slot: number }
  | { kind: 'emulate' };

export interface Decision {
  seq: number;
  icount: number;
  cpu: number;
  task: string;
  pc: string;
  mode: 'user' | 'kernel';
  insn: string;
  access?: { kind: AccessKind; ea: string; size: number };
  slots: SlotVerdict[];
  branch: Branch;
  effects: Effect[];
}
