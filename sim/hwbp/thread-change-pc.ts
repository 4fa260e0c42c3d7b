// thread_change_pc (SEMANTICS §6): on signal delivery to a user handler, a pending perf single-step
// would step the wrong instruction, so it is cancelled: MSR_SE cleared, the DAWRs reprogrammed. The
// watchpoint fires again when the original instruction is re-executed, so nothing is lost or counted
// twice. Records `thread-change-pc` only when something was pending (otherwise nothing happens).
import type { Decision, Effect, SlotVerdict } from '../decision';
import { hex } from './classify';
import type { CurrentTask, HwContext, TrapRegs } from './hw-context';
import { nrWpSlots } from './handler-steps';

/**
 * [UNSURE] (SEMANTICS §6): the kernel's reprogramming loop does not check for an empty slot; with one
 * of two slots occupied it would dereference counter_arch_bp(NULL). The simulator's named choice:
 * skip empty slots (they already hold the null breakpoint, so the hardware ends up the same). The
 * PRE loop still clears last_hit_ubp[i] for a skipped slot. Flip this to record/program the empty
 * slots as null instead.
 */
export const THREAD_CHANGE_PC_SKIPS_EMPTY_SLOTS = true;

function record(ctx: HwContext, task: CurrentTask, regs: TrapRegs, slots: SlotVerdict[], effects: Effect[]): void {
  const d: Decision = {
    seq: -1,
    icount: ctx.icount,
    cpu: ctx.slots.cpu,
    task: task.name,
    pc: hex(regs.pc),
    mode: regs.mode,
    insn: '',
    slots,
    branch: 'thread-change-pc',
    effects,
  };
  ctx.record(d);
}

function reprogram(ctx: HwContext, i: number, effects: Effect[]): boolean {
  const bp = ctx.slots.bpPerReg[i];
  if (!bp && THREAD_CHANGE_PC_SKIPS_EMPTY_SLOTS) return false;
  ctx.programSlot(ctx.slots.cpu, i, bp);
  effects.push({ kind: 'reinstall', slot: i });
  return true;
}

/** v6.6: look at the current CPU's slots for perf_single_step. */
export function threadChangePcPost(ctx: HwContext, task: CurrentTask, regs: TrapRegs): void {
  const n = nrWpSlots(ctx);
  let pending = false;
  for (let i = 0; i < n; i++) if (ctx.slots.bpPerReg[i]?.info.perfSingleStep) pending = true;
  if (!pending) return;
  regs.singleStep = false;
  const slots: SlotVerdict[] = [];
  const effects: Effect[] = [];
  for (let i = 0; i < n; i++) {
    const bp = ctx.slots.bpPerReg[i];
    if (bp)
      slots.push({
        slot: i,
        bp: bp.name,
        owner: bp.owner,
        result: bp.info.perfSingleStep ? 'hit' : 'miss',
        reason: bp.info.perfSingleStep ? 'pending step cancelled' : 'no step pending',
      });
    if (!reprogram(ctx, i, effects) || !bp) continue;
    bp.info.perfSingleStep = false;
  }
  record(ctx, task, regs, slots, effects);
}

/** v6.5: look at the thread's last_hit_ubp[] (no preempt_disable), reprogram every slot of this CPU,
 * clear last_hit_ubp. */
export function threadChangePcPre(ctx: HwContext, task: CurrentTask, regs: TrapRegs): void {
  const n = nrWpSlots(ctx);
  const pending = task.lastHitUbp.slice(0, n).filter((b) => b !== null);
  if (pending.length === 0) return;
  regs.singleStep = false;
  const slots: SlotVerdict[] = [];
  const effects: Effect[] = [];
  for (let i = 0; i < n; i++) {
    const bp = ctx.slots.bpPerReg[i];
    if (bp)
      slots.push({
        slot: i,
        bp: bp.name,
        owner: bp.owner,
        result: pending.includes(bp) ? 'hit' : 'miss',
        reason: pending.includes(bp) ? 'pending step cancelled' : 'no step pending',
      });
    reprogram(ctx, i, effects);
    task.lastHitUbp[i] = null;
  }
  record(ctx, task, regs, slots, effects);
}
