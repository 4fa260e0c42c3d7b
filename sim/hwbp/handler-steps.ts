// The steps of hw_breakpoint_handler that 6.5 and 6.6 share (SEMANTICS §5.3 steps 1-4, 6, 7 kernel,
// 8, 9), over one exception's working state. handler-post.ts and handler-pre.ts put them in order and
// add what differs (§5.3 step 5 and step 7 user vs §5.6).
import type { Branch, Effect } from '../decision';
import { alignUp, HW_BRK_TYPE_EXTRANEOUS_IRQ, isPtrace, type Breakpoint } from './breakpoint';
import { hex, isLoadType, isStoreType, WP_EXTRANEOUS, WP_MISS, wpCheckResult, type ExceptionSite } from './classify';
import { DecisionRecord, reinstallEffect, SlotRecord, slotRecord } from './decision-record';
import type { CurrentTask, HwContext, InstrDetail, NotifyResult, TrapRegs } from './hw-context';

/** nr_wp_slots() as far as this CPU's slot array goes. */
export function nrWpSlots(ctx: HwContext): number {
  return Math.min(ctx.model.slots, ctx.slots.bpPerReg.length);
}

/** One DAWR exception in progress. */
export interface ExceptionRun {
  ctx: HwContext;
  task: CurrentTask;
  regs: TrapRegs;
  dar: bigint;
  detail: InstrDetail;
  /** NIP at entry (emulation advances regs.pc) */
  pc: bigint;
  /** the handler's local bp[]: the occupant of each slot, set to null to mean "don't reinstall" */
  bp: Array<Breakpoint | null>;
  hit: boolean[];
  nrHit: number;
  err: boolean;
  ptraceSeen: boolean;
  /** verdict per occupied slot, by slot index (texts made only when the decision is read) */
  verdicts: Array<SlotRecord | null>;
  effects: Effect[];
}

export { accessOf } from './decision-record';

const SLOT_RESULTS = ['miss', 'hit', 'extraneous'] as const;

export function isExtraneous(bp: Breakpoint): boolean {
  return (bp.info.type & HW_BRK_TYPE_EXTRANEOUS_IRQ) !== 0;
}

/** handler_error: WARN, then perf_event_disable_inatomic (OFF, no signal even for ptrace). */
function handlerError(run: ExceptionRun, bp: Breakpoint): void {
  run.ctx.kernelLog?.(`WARNING: Unable to handle hardware breakpoint. Breakpoint at ${hex(bp.info.address)} will be disabled.`);
  for (const e of run.ctx.disableAsync(bp)) run.effects.push(e);
}

/**
 * Steps 1 and 2: null into every DAWR, read the instruction (the caller passes it), and for each
 * occupied slot clear EXTRANEOUS, classify, set it again when extraneous; a hit on an unreadable
 * instruction is handler_error'd and not reinstalled (err).
 */
export function beginException(ctx: HwContext, task: CurrentTask, regs: TrapRegs, dar: bigint, detail: InstrDetail): ExceptionRun {
  ctx.disableAllSlots(ctx.slots.cpu);
  const n = nrWpSlots(ctx);
  const regsOf = ctx.slots.bpPerReg;
  // (array literals for the usual 1 or 2 slots: cheaper than slice/fill on the per-hit path)
  const run: ExceptionRun = {
    ctx,
    task,
    regs,
    dar,
    detail,
    pc: regs.pc,
    bp: n === 2 ? [regsOf[0], regsOf[1]] : n === 1 ? [regsOf[0]] : regsOf.slice(0, n),
    hit: n === 2 ? [false, false] : n === 1 ? [false] : new Array<boolean>(n).fill(false),
    nrHit: 0,
    err: false,
    ptraceSeen: false,
    verdicts: n === 2 ? [null, null] : n === 1 ? [null] : new Array<SlotRecord | null>(n).fill(null),
    effects: [],
  };
  const site: ExceptionSite = { model: ctx.model, regs, dar, detail };
  for (let i = 0; i < n; i++) {
    const bp = run.bp[i];
    if (!bp) continue;
    bp.info.type &= ~HW_BRK_TYPE_EXTRANEOUS_IRQ;
    const type = bp.info.type;
    const c = wpCheckResult(bp.info, site);
    if (c === WP_EXTRANEOUS) bp.info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ;
    run.verdicts[i] = slotRecord(i, bp, SLOT_RESULTS[c], null, type);
    if (c === WP_MISS) continue;
    if (!detail.readable) {
      handlerError(run, bp);
      run.bp[i] = null;
      run.err = true;
      continue;
    }
    if (isPtrace(bp)) run.ptraceSeen = true;
    run.hit[i] = true;
    run.nrHit++;
  }
  return run;
}

/**
 * Step 4, POWER10 DD1 only (handle_p10dd1_spurious_exception): a 32-byte VSX access that hit
 * nothing. If some installed breakpoint ends below ea in the same 1 KiB block and ea+64 crosses a
 * 2 KiB boundary, every installed breakpoint is marked hit + EXTRANEOUS (ptraceSeen stays false).
 * Returns whether it marked them.
 */
export function p10dd1Spurious(run: ExceptionRun): boolean {
  const ea = run.detail.ea;
  let found = false;
  for (const bp of run.bp) {
    if (!bp) continue;
    const hwEnd = alignUp(bp.info.address + BigInt(bp.info.len), 8n);
    if (hwEnd - 1n >= ea) continue;
    if ((hwEnd - 1n) >> 10n !== ea >> 10n) continue;
    if ((ea & 0x800n) === ((ea + 64n) & 0x800n)) continue;
    found = true;
    break;
  }
  if (!found) return false;
  for (let i = 0; i < run.bp.length; i++) {
    const bp = run.bp[i];
    if (!bp) continue;
    run.hit[i] = true;
    run.nrHit++;
    bp.info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ;
    run.verdicts[i] = new SlotRecord(i, bp.name, bp.owner, 'extraneous', 'P10 DD1 spurious 32-byte VSX exception: marked hit + extraneous', bp.info.address, bp.info.len, bp.info.type);
  }
  return true;
}

/** Step 6: larx/stcx cannot be single-stepped (the reservation would be lost): disable every hit. */
export function larxStcxDisable(run: ExceptionRun): void {
  for (let i = 0; i < run.bp.length; i++) {
    const bp = run.bp[i];
    if (!run.hit[i] || !bp) continue;
    run.ctx.kernelLog?.(`Breakpoint hit on instruction that can't be emulated. Breakpoint at ${hex(bp.info.address)} will be disabled.`);
    for (const e of run.ctx.disableAsync(bp)) run.effects.push(e);
    run.bp[i] = null;
  }
}

/**
 * emulate_step when the context supplies none: the kernel's own copies (loads, stores, dcbz) are
 * emulated and NIP advances; an unknown or non-memory instruction cannot be. Returns 0 on failure.
 */
export function defaultEmulateStep(regs: TrapRegs, detail: InstrDetail): number {
  if (!detail.readable) return 0;
  if (isLoadType(detail.type) || isStoreType(detail.type) || detail.type === 'cacheop') {
    regs.pc += 4n;
    return 1;
  }
  return 0;
}

/** Step 7, kernel mode: emulate in place. false = emulate_step returned 0: every hit breakpoint was
 * handler_error'd and marked "don't reinstall". */
export function kernelEmulate(run: ExceptionRun): boolean {
  const stepped = (run.ctx.emulateStep ?? defaultEmulateStep)(run.regs, run.detail);
  if (stepped !== 0) {
    run.effects.push({ kind: 'emulate' });
    return true;
  }
  for (let i = 0; i < run.bp.length; i++) {
    const bp = run.bp[i];
    if (!run.hit[i] || !bp) continue;
    handlerError(run, bp);
    run.bp[i] = null;
  }
  return false;
}

/** Step 8 (after emulation): perf_bp_event for each hit breakpoint that is not EXTRANEOUS. */
export function countHits(run: ExceptionRun): void {
  for (let i = 0; i < run.bp.length; i++) {
    const bp = run.bp[i];
    if (!run.hit[i] || !bp || isExtraneous(bp)) continue;
    for (const e of run.ctx.perfBpEvent(bp, run.regs)) run.effects.push(e);
  }
}

/**
 * Step 9: program again every slot whose occupant was not marked "don't reinstall". A breakpoint
 * that left its slot during the handler (uninstalled by a disable) is not written back: the kernel's
 * disables are deferred and end in the same state, a null slot.
 */
export function reinstall(run: ExceptionRun): void {
  const regs = run.ctx.slots.bpPerReg;
  for (let i = 0; i < run.bp.length; i++) {
    const bp = run.bp[i];
    if (!bp || regs[i] !== bp) continue;
    run.ctx.programSlot(run.ctx.slots.cpu, i, bp);
    run.effects.push(reinstallEffect(i));
  }
}

/** Records the decision and returns rc. NOTIFY_DONE means do_break sends SIGTRAP TRAP_HWBKPT with
 * si_addr = DAR, so the signal is part of the decision. */
export function finish(run: ExceptionRun, branch: Branch, rc: NotifyResult): NotifyResult {
  if (rc === 'done') run.effects.push({ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: hex(run.dar) });
  const ctx = run.ctx;
  const sink = ctx.records;
  const r = sink ? sink.claim() : new DecisionRecord();
  r.begin(ctx.icount, ctx.slots.cpu, run.task.name, run.pc, run.regs.mode);
  r.exception(run.detail, run.dar, ctx.model);
  for (const v of run.verdicts) if (v) r.addSlot(v);
  for (const e of run.effects) r.addEffect(e);
  r.setBranch(branch);
  if (sink) sink.commit(r);
  else ctx.record(r.toDecision());
  return rc;
}
