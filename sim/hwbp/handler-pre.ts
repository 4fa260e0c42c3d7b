// hw_breakpoint_handler as of v6.5 (SEMANTICS §5.6): the 6.6 steps except
//  * item 1, step 5: the ptrace branch runs perf_bp_event on EVERY hit breakpoint (perf ones too,
//    even EXTRANEOUS ones: counted before execute) and reinstalls none of them (`ptrace-report-all`);
//  * item 2, step 7 user: the pending step is kept in the thread's last_hit_ubp[slot], not on the
//    breakpoint (the creation side's install reads it: item 4).
// Item 7 (the info[] array next to bp[]) made no behavioural difference.
import type { Branch } from '../decision';
import { isLarxStcx, isOctwordVsx } from './classify';
import type { CurrentTask, HwContext, InstrDetail, NotifyResult, TrapRegs } from './hw-context';
import {
  beginException,
  countHits,
  finish,
  kernelEmulate,
  larxStcxDisable,
  p10dd1Spurious,
  perfBpEvent,
  reinstall,
} from './handler-steps';

export function hwBreakpointHandlerPre(
  ctx: HwContext,
  task: CurrentTask,
  regs: TrapRegs,
  dar: bigint,
  detail: InstrDetail,
): NotifyResult {
  const run = beginException(ctx, task, regs, dar, detail);

  if (run.err) {
    reinstall(ctx, run);
    return finish(ctx, run, 'unreadable-disable', 'stop');
  }

  let dd1: Branch | undefined;
  if (run.nrHit === 0) {
    if (ctx.model.p10dd1 && isOctwordVsx(detail)) {
      p10dd1Spurious(run);
      dd1 = 'spurious-dd1';
    } else {
      return finish(ctx, run, 'no-hit-sigtrap', 'done');
    }
  }

  // §5.6 item 1: every hit breakpoint is reported, none reinstalled.
  if (run.ptraceSeen) {
    for (let i = 0; i < run.n; i++) {
      const bp = run.bp[i];
      if (!run.hit[i] || !bp) continue;
      perfBpEvent(ctx, bp, regs, run);
      run.bp[i] = null;
    }
    reinstall(ctx, run);
    return finish(ctx, run, 'ptrace-report-all', 'done');
  }

  if (isLarxStcx(detail.type)) {
    larxStcxDisable(ctx, run);
    reinstall(ctx, run);
    return finish(ctx, run, 'larx-stcx-disable', 'stop');
  }

  // §5.6 item 2: current->thread.last_hit_ubp[i] = bp[i].
  if (regs.mode === 'user') {
    for (let i = 0; i < run.n; i++) {
      const bp = run.bp[i];
      if (!run.hit[i] || !bp) continue;
      task.lastHitUbp[i] = bp;
      run.addEffect(run.armStep(i, bp));
      run.bp[i] = null;
    }
    regs.singleStep = true;
    reinstall(ctx, run);
    return finish(ctx, run, dd1 ?? 'perf-single-step', 'stop');
  }

  if (!kernelEmulate(ctx, run)) {
    reinstall(ctx, run);
    return finish(ctx, run, 'emulate-fail-disable', 'stop');
  }

  countHits(ctx, run);
  reinstall(ctx, run);
  return finish(ctx, run, dd1 ?? 'perf-emulate', 'stop');
}
