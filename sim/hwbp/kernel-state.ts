// The state the creation-side functions share (what the kernel keeps in globals and per-CPU data).
// HwBreakpointSubsystem owns one; the concept files (register, modify, perf-schedule, ptrace-hwdebug,
// perf-event) are functions over it.
import type { Breakpoint } from './breakpoint';
import type { CpuModel, KernelPolicy } from './cpu-model';
import type { PtracePerfExclusion } from './exclusion';
import type { HwSlots } from './install';
import type { BpReservations } from './reserve';
import type { ThreadHw } from './thread-hw';
import type { RemovedWhy } from './slot-history';

/** Told of every change of a slot's occupant and of every task switch (the slot history). */
export interface SlotEventSink {
  installed(cpu: number, slot: number, bp: Breakpoint): void;
  removed(cpu: number, slot: number, bp: Breakpoint, why: RemovedWhy): void;
  switched(kind: 'switch-in' | 'switch-out', cpu: number, pid: number): void;
}

export interface HwbpKernel {
  readonly model: CpuModel;
  readonly policy: KernelPolicy;
  readonly cpus: number;
  /** the tracer has CAP_SYS_ADMIN (kernel-address breakpoints need it) */
  capSysAdmin: boolean;
  readonly slots: HwSlots;
  readonly reservations: BpReservations;
  /** PRE only */
  readonly exclusion: PtracePerfExclusion | null;
  readonly threads: Map<number, ThreadHw>;
  /** pid running on each CPU (current), undefined when idle */
  readonly current: Array<number | undefined>;
  /** pid that last ran on each CPU */
  readonly lastRan: Array<number | undefined>;
  readonly online: boolean[];
  /** registered breakpoints, in creation order */
  readonly live: Set<Breakpoint>;
  /** WARN / WARN_ONCE / printk lines, as the kernel log would show them */
  warn(site: string, line: string, once: boolean): void;
  /** the slot history's recorder, if the machine keeps one */
  slotEvents: SlotEventSink | null;
}
