// The exception side's entry points, as the machine calls them: the DAWR exception (do_break ->
// DIE_DABR_MATCH), the single-step exception (DIE_SSTEP) and signal delivery (thread_change_pc).
// Each dispatches on the kernel policy (6.6 = POST, 6.5 = PRE) and records at most one Decision.
//
// NotifyResult: 'done' from handleDawrException means do_break sends SIGTRAP TRAP_HWBKPT with
// si_addr = DAR (recorded as the decision's `signal` effect); 'done' from handleSingleStep means
// single_step_exception sends SIGTRAP TRAP_TRACE with si_addr = NIP (also recorded, when a decision
// is made: see single-step.ts). The caller sends the signals; the handler only records them.
import { hwBreakpointHandlerPost } from './handler-post';
import { hwBreakpointHandlerPre } from './handler-pre';
import type { InsnText } from './decision-record';
import type { CurrentTask, HwContext, InstrDetail, NotifyResult, TrapRegs } from './hw-context';
import { singleStepPost, singleStepPre } from './single-step';
import { threadChangePcPost, threadChangePcPre } from './thread-change-pc';

/** hw_breakpoint_handler. `regs.singleStep` may be set (MSR_SE armed) and, in kernel mode, `regs.pc`
 * advanced by emulation. */
export function handleDawrException(
  ctx: HwContext,
  task: CurrentTask,
  regs: TrapRegs,
  dar: bigint,
  detail: InstrDetail,
): NotifyResult {
  return ctx.policy === '6.5'
    ? hwBreakpointHandlerPre(ctx, task, regs, dar, detail)
    : hwBreakpointHandlerPost(ctx, task, regs, dar, detail);
}

/** single_step_dabr_instruction. `insn` (optional) is the text of the instruction that was stepped,
 * for the decision record. */
export function handleSingleStep(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText = ''): NotifyResult {
  return ctx.policy === '6.5' ? singleStepPre(ctx, task, regs, insn) : singleStepPost(ctx, task, regs, insn);
}

/** thread_change_pc: clears `regs.singleStep` when a pending perf step is cancelled. */
export function threadChangePc(ctx: HwContext, task: CurrentTask, regs: TrapRegs): void {
  if (ctx.policy === '6.5') threadChangePcPre(ctx, task, regs);
  else threadChangePcPost(ctx, task, regs);
}

export { THREAD_CHANGE_PC_SKIPS_EMPTY_SLOTS } from './thread-change-pc';
