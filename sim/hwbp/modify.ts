// modify_user_hw_breakpoint (SEMANTICS §3.1 "Modify", §3.2): what ptrace uses to re-arm, move or
// one-shot-disable its breakpoint.
//   1. disable the event;
//   2. re-parse the new attr; on error keep the old attr and re-enable unless the old one was disabled;
//   3. a changed bp_type releases and re-reserves the slot (under 6.5 that re-runs the exclusion
//      check with the OLD bp_addr/bp_len, because the attr is copied only in step 4);
//   4. copy bp_addr, bp_type, bp_len, disabled, and the new arch info (perf_single_step starts false);
//   5. enable unless disabled.
import type { Breakpoint, BreakpointAttr } from './breakpoint';
import type { Refusal } from './errno';
import type { HwbpKernel } from './kernel-state';
import { eventDisable, eventEnable } from './perf-schedule';
import { hwBreakpointParse } from './register';

export interface ModifyAttr {
  bpAddr: bigint;
  bpLen: bigint;
  bpType: number;
  disabled: boolean;
}

export function modifyUserHwBreakpoint(k: HwbpKernel, bp: Breakpoint, next: ModifyAttr): Refusal | null {
  eventDisable(k, bp);
  const attr: BreakpointAttr = { ...bp.attr, ...next };
  const parsed = hwBreakpointParse(k, attr);
  const reenable = (): void => {
    if (!bp.attr.disabled) eventEnable(k, bp);
  };
  if (!parsed.ok) {
    reenable();
    return parsed;
  }
  if (bp.attr.bpType !== next.bpType) {
    const m = k.reservations.modify(bp, bp.attr.bpType, next.bpType);
    if (m.refusal) {
      if (!m.restored) {
        k.warn(
          'modify',
          `WARNING: __modify_bp_slot: ${bp.name} could not get its old reservation back; it now holds none`,
          false,
        );
      }
      reenable();
      return m.refusal;
    }
  }
  bp.attr = attr;
  bp.info = parsed.info;
  if (!bp.attr.disabled) eventEnable(k, bp);
  return null;
}
