// Single-step completion (DIE_SSTEP): the instruction a perf breakpoint stopped before has now
// executed, so the count happens here (trigger-after-execute). POST: SEMANTICS §5.4; PRE: §5.6 item 3.
//
// Records: `step-complete` when a pending step was found; `step-unclaimed` when none was and ptrace
// is not single-stepping the task (a stray SIGTRAP TRAP_TRACE). An ordinary ptrace single-step with
// nothing pending is not a decision. The signal effect is recorded whenever the result is
// NOTIFY_DONE: single_step_exception then sends SIGTRAP TRAP_TRACE with si_addr = NIP (for a ptrace
// single-step that is the tracer's one step stop).
import type { Branch, Decision, Effect, SlotVerdict } from '../decision';
import type { Breakpoint } from './breakpoint';
import { hex } from './classify';
import type { CurrentTask, HwContext, NotifyResult, TrapRegs } from './hw-context';
import { isExtraneous, nrWpSlots } from './handler-steps';

function verdict(slot: number, bp: Breakpoint, pending: boolean): SlotVerdict {
  if (!pending) return { slot, bp: bp.name, owner: bp.owner, result: 'miss', reason: 'no step pending' };
  return isExtraneous(bp)
    ? { slot, bp: bp.name, owner: bp.owner, result: 'extraneous', reason: 'step pending; extraneous: not counted' }
    : { slot, bp: bp.name, owner: bp.owner, result: 'hit', reason: 'step pending: counted after execute' };
}

function recordStep(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: string, slots: SlotVerdict[], branch: Branch, effects: Effect[], rc: NotifyResult): NotifyResult {
  if (rc === 'done') effects.push({ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_TRACE', si_addr: hex(regs.pc) });
  const d: Decision = { seq: -1, icount: ctx.icount, cpu: ctx.slots.cpu, task: task.name, pc: hex(regs.pc), mode: regs.mode, insn, slots, branch, effects };
  ctx.record(d);
  return rc;
}

function unclaimed(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: string, slots: SlotVerdict[]): NotifyResult {
  // A ptrace single-step with nothing pending is just a step: NOTIFY_DONE, no decision.
  if (task.tifSingleStep) return 'done';
  return recordStep(ctx, task, regs, insn, slots, 'step-unclaimed', [], 'done');
}

/** single_step_dabr_instruction, v6.6: only this CPU's slots with perf_single_step are completed and
 * reprogrammed (patch 4/7); `!found || TIF_SINGLESTEP` -> NOTIFY_DONE, else NOTIFY_STOP. */
export function singleStepPost(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn = ''): NotifyResult {
  const cpu = ctx.slots.cpu;
  const n = nrWpSlots(ctx);
  const slots: SlotVerdict[] = [];
  const effects: Effect[] = [];
  let found = false;
  for (let i = 0; i < n; i++) {
    const bp = ctx.slots.bpPerReg[i];
    if (!bp) continue;
    slots.push(verdict(i, bp, bp.info.perfSingleStep));
    if (!bp.info.perfSingleStep) continue;
    found = true;
    if (!isExtraneous(bp)) for (const e of ctx.perfBpEvent(bp, regs)) effects.push(e);
    bp.info.perfSingleStep = false;
    effects.push({ kind: 'step-done', bp: bp.name });
    ctx.programSlot(cpu, i, bp);
    effects.push({ kind: 'reinstall', slot: i });
  }
  if (!found) return unclaimed(ctx, task, regs, insn, slots);
  return recordStep(ctx, task, regs, insn, slots, 'step-complete', effects, task.tifSingleStep ? 'done' : 'stop');
}

/** single_step_dabr_instruction, v6.5: loop over the thread's last_hit_ubp[] (count unless
 * EXTRANEOUS, clear); none -> NOTIFY_DONE; then reprogram ALL occupied slots of this CPU;
 * TIF_SINGLESTEP -> NOTIFY_DONE, else NOTIFY_STOP. */
export function singleStepPre(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn = ''): NotifyResult {
  const cpu = ctx.slots.cpu;
  const n = nrWpSlots(ctx);
  const pending = new Set<Breakpoint>();
  for (let i = 0; i < n; i++) {
    const bp = task.lastHitUbp[i];
    if (bp) pending.add(bp);
  }
  const slots: SlotVerdict[] = [];
  for (let i = 0; i < n; i++) {
    const bp = ctx.slots.bpPerReg[i];
    if (bp) slots.push(verdict(i, bp, pending.has(bp)));
  }
  const effects: Effect[] = [];
  let found = false;
  for (let i = 0; i < n; i++) {
    const bp = task.lastHitUbp[i];
    if (!bp) continue;
    found = true;
    if (!isExtraneous(bp)) for (const e of ctx.perfBpEvent(bp, regs)) effects.push(e);
    task.lastHitUbp[i] = null;
    effects.push({ kind: 'step-done', bp: bp.name });
  }
  if (!found) return unclaimed(ctx, task, regs, insn, slots);
  for (let i = 0; i < n; i++) {
    const bp = ctx.slots.bpPerReg[i];
    if (!bp) continue;
    ctx.programSlot(cpu, i, bp);
    effects.push({ kind: 'reinstall', slot: i });
  }
  return recordStep(ctx, task, regs, insn, slots, 'step-complete', effects, task.tifSingleStep ? 'done' : 'stop');
}
