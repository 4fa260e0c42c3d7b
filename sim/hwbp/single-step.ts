// Single-step completion (DIE_SSTEP): the instruction a perf breakpoint stopped before has now
// executed, so the count happens here (trigger-after-execute). POST: SEMANTICS §5.4; PRE: §5.6 item 3.
//
// Records: `step-complete` when a pending step was found; `step-unclaimed` when none was and ptrace
// is not single-stepping the task (a stray SIGTRAP TRAP_TRACE). An ordinary ptrace single-step with
// nothing pending is not a decision. The signal effect is recorded whenever the result is
// NOTIFY_DONE: single_step_exception then sends SIGTRAP TRAP_TRACE with si_addr = NIP (for a ptrace
// single-step that is the tracer's one step stop).
import type { Branch, Effect } from '../decision';
import type { Breakpoint } from './breakpoint';
import { hex } from './classify';
import { DecisionRecord, reinstallEffect, slotRecord, stepDoneEffect, type InsnText, type SlotRecord } from './decision-record';
import type { CurrentTask, HwContext, NotifyResult, TrapRegs } from './hw-context';
import { isExtraneous, nrWpSlots } from './handler-steps';

function verdict(slot: number, bp: Breakpoint, pending: boolean): SlotRecord {
  const type = bp.info.type;
  if (!pending) return slotRecord(slot, bp, 'miss', 'no step pending', type);
  return isExtraneous(bp) ? slotRecord(slot, bp, 'extraneous', 'step pending; extraneous: not counted', type) : slotRecord(slot, bp, 'hit', 'step pending: counted after execute', type);
}

function recordStep(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText, slots: SlotRecord[], branch: Branch, effects: Effect[], rc: NotifyResult): NotifyResult {
  if (rc === 'done') effects.push({ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_TRACE', si_addr: hex(regs.pc) });
  const sink = ctx.records;
  const r = sink ? sink.claim() : new DecisionRecord();
  r.begin(ctx.icount, ctx.slots.cpu, task.name, regs.pc, regs.mode);
  r.stepped(insn);
  for (const s of slots) r.addSlot(s);
  for (const e of effects) r.addEffect(e);
  r.setBranch(branch);
  if (sink) sink.commit(r);
  else ctx.record(r.toDecision());
  return rc;
}

function unclaimed(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText, slots: SlotRecord[]): NotifyResult {
  // A ptrace single-step with nothing pending is just a step: NOTIFY_DONE, no decision.
  if (task.tifSingleStep) return 'done';
  return recordStep(ctx, task, regs, insn, slots, 'step-unclaimed', [], 'done');
}

/** single_step_dabr_instruction, v6.6: only this CPU's slots with perf_single_step are completed and
 * reprogrammed (patch 4/7); `!found || TIF_SINGLESTEP` -> NOTIFY_DONE, else NOTIFY_STOP. */
export function singleStepPost(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText = ''): NotifyResult {
  const cpu = ctx.slots.cpu;
  const n = nrWpSlots(ctx);
  const slots: SlotRecord[] = [];
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
    effects.push(stepDoneEffect(bp));
    ctx.programSlot(cpu, i, bp);
    effects.push(reinstallEffect(i));
  }
  if (!found) return unclaimed(ctx, task, regs, insn, slots);
  return recordStep(ctx, task, regs, insn, slots, 'step-complete', effects, task.tifSingleStep ? 'done' : 'stop');
}

/** single_step_dabr_instruction, v6.5: loop over the thread's last_hit_ubp[] (count unless
 * EXTRANEOUS, clear); none -> NOTIFY_DONE; then reprogram ALL occupied slots of this CPU;
 * TIF_SINGLESTEP -> NOTIFY_DONE, else NOTIFY_STOP. */
export function singleStepPre(ctx: HwContext, task: CurrentTask, regs: TrapRegs, insn: InsnText = ''): NotifyResult {
  const cpu = ctx.slots.cpu;
  const n = nrWpSlots(ctx);
  const pending = new Set<Breakpoint>();
  for (let i = 0; i < n; i++) {
    const bp = task.lastHitUbp[i];
    if (bp) pending.add(bp);
  }
  const slots: SlotRecord[] = [];
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
    effects.push(stepDoneEffect(bp));
  }
  if (!found) return unclaimed(ctx, task, regs, insn, slots);
  for (let i = 0; i < n; i++) {
    const bp = ctx.slots.bpPerReg[i];
    if (!bp) continue;
    ctx.programSlot(cpu, i, bp);
    effects.push(reinstallEffect(i));
  }
  return recordStep(ctx, task, regs, insn, slots, 'step-complete', effects, task.tifSingleStep ? 'done' : 'stop');
}
