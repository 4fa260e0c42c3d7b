// What the exception-side code (handler, single-step completion, thread_change_pc) needs from the
// rest of the subsystem and from the machine. The creation side (slots, reservation, install,
// ptrace/perf surfaces) implements it; the machine supplies the task and register parts.
import type { Breakpoint } from './breakpoint';
import type { CpuModel, KernelPolicy } from './cpu-model';
import type { Decision, Effect } from '../decision';
import type { DecisionRecord } from './decision-record';

/** Where the machine's decisions go as raw records: a record to fill (reused when the log's ring
 * wraps), then committed. The DecisionLog is one. */
export interface RecordSink {
  claim(): DecisionRecord;
  commit(r: DecisionRecord): void;
}

/** The registers of the interrupted context, as the handler may read and change them. */
export interface TrapRegs {
  pc: bigint;
  /** user (MSR_PR) or kernel */
  mode: 'user' | 'kernel';
  /** MSR_SE: single-step armed */
  singleStep: boolean;
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
  /** P10 DD1 spurious check needs to know a 32-byte VSX access; always false on supported models */
  vsx32: boolean;
}

/** Per-CPU slot state: bp_per_reg[] (which breakpoint occupies slot i). */
export interface CpuSlotState {
  cpu: number;
  bpPerReg: Array<Breakpoint | null>;
}

export interface HwContext {
  model: CpuModel;
  policy: KernelPolicy;
  /** the CPU the exception happened on */
  slots: CpuSlotState;
  /** instruction count for the decision record */
  icount: number;
  /** program DAWR[i] from bp_per_reg[i] (the reinstall step), or null into it */
  programSlot(cpu: number, slot: number, bp: Breakpoint | null): void;
  /** hw_breakpoint_disable(): null into every DAWR of this CPU */
  disableAllSlots(cpu: number): void;
  /** perf_bp_event: +1 if started and not mode-excluded; for ptrace, ptrace_triggered disables it (one-shot). Returns the effects. */
  perfBpEvent(bp: Breakpoint, regs: TrapRegs): Effect[];
  /** perf_event_disable_inatomic: the event goes OFF and is uninstalled; no signal */
  disableAsync(bp: Breakpoint): Effect[];
  /** append a decision to the log (seq is assigned there) */
  record(d: Omit<Decision, 'seq'>): void;
  /** the same as raw records whose texts are made when read (the machine's log); used instead of
   * `record` when present */
  records?: RecordSink;
  /**
   * emulate_step for a kernel-mode hit: 0 = cannot emulate; otherwise done and NIP advanced (a
   * negative value also counts as done, as in the kernel). Absent: the default of handler-steps.ts
   * (loads, stores and dcbz succeed, as the kernel's own copies do). Tests inject failures here.
   */
  emulateStep?(regs: TrapRegs, detail: InstrDetail): number;
  /** the kernel log lines the handler prints (handler_error WARN, larx/stcx printk) */
  kernelLog?(line: string): void;
}

/** NOTIFY_STOP: handled, nothing more; NOTIFY_DONE: do_break / single_step_exception sends SIGTRAP */
export type NotifyResult = 'stop' | 'done';
