// Single-step completion (DIE_SSTEP): the instruction a perf breakpoint stopped before has now
// executed, so the count happens here (trigger-after-execute). POST: SEMANTICS §5.4; PRE: §5.6 item 3.
//
// Records: `step-complete` when a pending step was found; `step-unclaimed` when none was and ptrace
// is not single-stepping the task (a stray SIGTRAP TRAP_TRACE). An ordinary ptrace single-step with
// nothing pending is not a decision. The signal effect is recorded whenever the result is
// NOTIFY_DONE: single_step_exception then sends SIGTRAP TRAP_TRACE with si_addr = NIP (for a ptrace
// single-step that is the tracer's one step stop).
import type { Breakpoint } from './breakpoint';
import { reinstallEffect, type InsnText } from './decision-record';
import type { ExceptionRun } from './exception-run';
import type { CurrentTask, HwContext, NotifyResult, TrapRegs } from './hw-context';
import { finishStep, isExtraneous, perfBpEvent, startRun } from './handler-steps';

function verdict(run: ExceptionRun, slot: number, bp: Breakpoint, pending: boolean): void {
  const type = bp.info.type;
  run.verdicts[slot] = !pending
    ? run.verdict(slot, bp, 'miss', 'no step pending', type)
    : isExtraneous(bp)
      ? run.verdict(slot, bp, 'extraneous', 'step pending; extraneous: not counted', type)
      : run.verdict(slot, bp, 'hit', 'step pending: counted after execute', type);
}

function unclaimed(ctx: HwContext, task: CurrentTask, run: ExceptionRun, insn: InsnText): NotifyResult {
  // A ptrace single-step with nothing pending is just a step: NOTIFY_DONE, no decision.
  if (task.tifSingleStep) return 'done';
  run.nEffects = 0;
  return finishStep(ctx, run, insn, 'step-unclaimed', 'done');
}

/** single_step_dabr_instruction, v6.6: only this CPU's slots with perf_single_step are completed and
 * reprogrammed (patch 4/7); `!found || TIF_SINGLESTEP` -> NOTIFY_DONE, else NOTIFY_STOP. */
export function singleStepPost(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText = ''): NotifyResult {
  const cpu = ctx.slots.cpu;
  const run = startRun(ctx, task, regs);
  const n = run.n;
  const regsOf = ctx.slots.bpPerReg;
  let found = false;
  for (let i = 0; i < n; i++) {
    const bp = regsOf[i];
    if (!bp) continue;
    verdict(run, i, bp, bp.info.perfSingleStep);
    if (!bp.info.perfSingleStep) continue;
    found = true;
    if (!isExtraneous(bp)) perfBpEvent(ctx, bp, regs, run);
    bp.info.perfSingleStep = false;
    run.addEffect(run.stepDone(i, bp));
    ctx.programSlot(cpu, i, bp);
    run.addEffect(reinstallEffect(i));
  }
  if (!found) return unclaimed(ctx, task, run, insn);
  return finishStep(ctx, run, insn, 'step-complete', task.tifSingleStep ? 'done' : 'stop');
}

/** single_step_dabr_instruction, v6.5: loop over the thread's last_hit_ubp[] (count unless
 * EXTRANEOUS, clear); none -> NOTIFY_DONE; then reprogram ALL occupied slots of this CPU;
 * TIF_SINGLESTEP -> NOTIFY_DONE, else NOTIFY_STOP. */
export function singleStepPre(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText = ''): NotifyResult {
  const cpu = ctx.slots.cpu;
  const run = startRun(ctx, task, regs);
  const n = run.n;
  const regsOf = ctx.slots.bpPerReg;
  const ubp = task.lastHitUbp;
  for (let i = 0; i < n; i++) {
    const bp = regsOf[i];
    if (!bp) continue;
    // pending: among the thread's last_hit_ubp[] (looked at before any is cleared)
    let pending = false;
    for (let j = 0; j < n; j++) if (ubp[j] === bp) pending = true;
    verdict(run, i, bp, pending);
  }
  let found = false;
  for (let i = 0; i < n; i++) {
    const bp = ubp[i];
    if (!bp) continue;
    found = true;
    if (!isExtraneous(bp)) perfBpEvent(ctx, bp, regs, run);
    ubp[i] = null;
    run.addEffect(run.stepDone(i, bp));
  }
  if (!found) return unclaimed(ctx, task, run, insn);
  for (let i = 0; i < n; i++) {
    const bp = regsOf[i];
    if (!bp) continue;
    ctx.programSlot(cpu, i, bp);
    run.addEffect(reinstallEffect(i));
  }
  return finishStep(ctx, run, insn, 'step-complete', task.tifSingleStep ? 'done' : 'stop');
}
