// hw_breakpoint_handler as of v6.6 (SEMANTICS §5.3), step by step. The shared steps live in
// handler-steps.ts; what is 6.6's own is step 5 (only ptrace hits reported, perf hits ignored and
// reinstalled: patch 5/7) and step 7 user (perf_single_step on the breakpoint: patch 3/7).
import type { Branch } from '../decision';
import { isPtrace } from './breakpoint';
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

export function hwBreakpointHandlerPost(
  ctx: HwContext,
  task: CurrentTask,
  regs: TrapRegs,
  dar: bigint,
  detail: InstrDetail,
): NotifyResult {
  // 1-2. disable all, classify; unreadable hits are handler_error'd.
  const run = beginException(ctx, task, regs, dar, detail);

  // 3. err: reinstall the others, no events, no signal.
  if (run.err) {
    reinstall(ctx, run);
    return finish(ctx, run, 'unreadable-disable', 'stop');
  }

  // 4. nothing hit: DD1 spurious check, else SIGTRAP with every DAWR left off (no reinstall).
  let dd1: Branch | undefined;
  if (run.nrHit === 0) {
    if (ctx.model.p10dd1 && isOctwordVsx(detail)) {
      p10dd1Spurious(run);
      dd1 = 'spurious-dd1';
    } else {
      return finish(ctx, run, 'no-hit-sigtrap', 'done');
    }
  }

  // 5. ptrace: report the ptrace hits (one-shot disable), even extraneous ones; perf hits in the same
  //    exception are not counted, not stepped, and reinstalled.
  if (run.ptraceSeen) {
    for (let i = 0; i < run.n; i++) {
      const bp = run.bp[i];
      if (!run.hit[i] || !bp || !isPtrace(bp)) continue;
      perfBpEvent(ctx, bp, regs, run);
      run.bp[i] = null;
    }
    reinstall(ctx, run);
    return finish(ctx, run, 'ptrace-report', 'done');
  }

  // 6. larx/stcx: disable every hit.
  if (isLarxStcx(detail.type)) {
    larxStcxDisable(ctx, run);
    reinstall(ctx, run);
    return finish(ctx, run, 'larx-stcx-disable', 'stop');
  }

  // 7. user mode: step the instruction; the count comes after it executes (single-step.ts).
  if (regs.mode === 'user') {
    for (let i = 0; i < run.n; i++) {
      const bp = run.bp[i];
      if (!run.hit[i] || !bp) continue;
      bp.info.perfSingleStep = true;
      run.addEffect(run.armStep(i, bp));
      run.bp[i] = null;
    }
    regs.singleStep = true;
    reinstall(ctx, run);
    return finish(ctx, run, dd1 ?? 'perf-single-step', 'stop');
  }

  //    kernel mode: emulate in place.
  if (!kernelEmulate(ctx, run)) {
    reinstall(ctx, run);
    return finish(ctx, run, 'emulate-fail-disable', 'stop');
  }

  // 8. count (after execute) unless extraneous; 9. reinstall.
  countHits(ctx, run);
  reinstall(ctx, run);
  return finish(ctx, run, dd1 ?? 'perf-emulate', 'stop');
}
