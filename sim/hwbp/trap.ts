// What the exception side is handed by the machine: the interrupted registers, the current task and
// the instruction at NIP, and where effects go. A leaf: the classification, the decision record and
// the handler's context all read these.
import type { Effect } from '../decision';
import type { Breakpoint } from './breakpoint';

/** The registers of the interrupted context, as the handler may read and change them. */
export interface TrapRegs {
  pc: bigint;
  /** user (MSR_PR) or kernel */
  mode: 'user' | 'kernel';
  /** MSR_SE: single-step armed */
  singleStep: boolean;
  /** the pc as a number, when the machine has it so (below 2^53): read instead of the bigint */
  readonly pcNum?: number;
}

/** The task that was running (current). */
export interface CurrentTask {
  pid: number;
  name: string;
  /** TIF_SINGLESTEP: ptrace is single-stepping it */
  tifSingleStep: boolean;
  /** PRE only: thread.last_hit_ubp[] (perf breakpoints waiting for a single-step) */
  lastHitUbp: Array<Breakpoint | null>;
}

/** What the handler reads of the instruction (wp_get_instr_detail, SEMANTICS §5.2). */
export interface InstrDetail {
  /** false when the instruction could not be read (instr == 0) */
  readable: boolean;
  type: 'load' | 'load_vsx' | 'store' | 'store_vsx' | 'larx' | 'stcx' | 'cacheop' | 'unknown' | 'other';
  ea: bigint;
  size: number;
  /** disassembly for the decision record */
  text: string;
  /** the instruction word and its address (below 2^53), when the machine read it: the decision
   * record keeps these instead of the text */
  word?: number;
  pcNum?: number;
  /** the ea as a number, when the machine analysed the instruction in numbers and it is below 2^52
   * (the classification then compares doubles: no bigint) */
  eaNum?: number;
  /** P10 DD1 spurious check needs to know a 32-byte VSX access; always false on supported models */
  vsx32: boolean;
}

/** NOTIFY_STOP: handled, nothing more; NOTIFY_DONE: do_break / single_step_exception sends SIGTRAP */
export type NotifyResult = 'stop' | 'done';

/** Where perf_bp_event's effects go: a count as the breakpoint and its new value (no object made). */
export interface EffectSink {
  addEffect(e: Effect): void;
  addCount(bp: Breakpoint, value: number): void;
}
