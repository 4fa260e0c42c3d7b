// Per-thread watchpoint state (SEMANTICS §1.2): thread.ptrace_bps[], thread.hw_brk[], and (PRE only)
// thread.last_hit_ubp[]. A ptrace handle is the index into ptrace_bps plus 1.
import type { Breakpoint } from './breakpoint';

export const HBP_NUM_MAX = 2;

/** The raw DABR-style copy PTRACE_SET_DEBUGREG keeps (struct arch_hw_breakpoint without hw state). */
export interface RawHwBrk {
  address: bigint;
  type: number;
  len: number;
  hwLen: number;
}

export interface ThreadHw {
  pid: number;
  name: string;
  ptraceBps: Array<Breakpoint | null>;
  hwBrk: RawHwBrk[];
  /** PRE: perf breakpoints waiting for the single-step (the handler fills it) */
  lastHitUbp: Array<Breakpoint | null>;
  exited: boolean;
}

export function newThreadHw(pid: number, name: string): ThreadHw {
  return {
    pid,
    name,
    ptraceBps: new Array<Breakpoint | null>(HBP_NUM_MAX).fill(null),
    hwBrk: Array.from({ length: HBP_NUM_MAX }, () => ({ address: 0n, type: 0, len: 0, hwLen: 0 })),
    lastHitUbp: new Array<Breakpoint | null>(HBP_NUM_MAX).fill(null),
    exited: false,
  };
}
