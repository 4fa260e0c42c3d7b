// What the exception-side code (handler, single-step completion, thread_change_pc) needs from the
// rest of the subsystem and from the machine. The creation side (slots, reservation, install,
// ptrace/perf surfaces) implements it; the machine supplies the task and register parts.
import type { Breakpoint } from './breakpoint';
import type { CpuModel, KernelPolicy } from './cpu-model';
import type { Decision, Effect } from '../decision';
import type { DecisionRecord } from './decision-record';
import type { ExceptionRun } from './exception-run';
import type { EffectSink, InstrDetail, TrapRegs } from './trap';

export type { CurrentTask, EffectSink, InstrDetail, NotifyResult, TrapRegs } from './trap';

/** Where the machine's decisions go as raw records: a record to fill (reused when the log's ring
 * wraps), then committed. The DecisionLog is one. */
export interface RecordSink {
  claim(): DecisionRecord;
  commit(r: DecisionRecord): void;
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
  /** perf_bp_event: +1 if started and not mode-excluded; for ptrace, ptrace_triggered disables it
   * (one-shot). Returns the effects. */
  perfBpEvent(bp: Breakpoint, regs: TrapRegs): Effect[];
  /** perfBpEvent with its effects added to `out` (nothing allocated for a count): the handler calls
   * this when present (the subsystem's perfBpEvent is this one, collected into a list) */
  perfBpEventTo?(bp: Breakpoint, regs: TrapRegs, out: EffectSink): void;
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
  /** this CPU's working state of the handler, reused from one exception to the next (made by the
   * handler on first use) */
  run?: ExceptionRun;
}
