// The steps of hw_breakpoint_handler that 6.5 and 6.6 share (SEMANTICS §5.3 steps 1-4, 6, 7 kernel,
// 8, 9), over one exception's working state. handler-post.ts and handler-pre.ts put them in order and
// add what differs (§5.3 step 5 and step 7 user vs §5.6).
import type { Branch, Effect } from '../decision';
import { alignUp, HW_BRK_TYPE_EXTRANEOUS_IRQ, isPtrace, PAGE_OFFSET, type Breakpoint } from './breakpoint';
import {
  dawrxNeeded,
  hex,
  isLoadType,
  isStoreType,
  WP_EXTRANEOUS,
  WP_MISS,
  wpCheckNum,
  wpCheckResult,
} from './classify';
import { DecisionRecord, reinstallEffect, SlotRecord, type InsnText } from './decision-record';
import { ExceptionRun } from './exception-run';
import type { CurrentTask, EffectSink, HwContext, InstrDetail, NotifyResult, TrapRegs } from './hw-context';

export type { ExceptionRun } from './exception-run';

/** nr_wp_slots() as far as this CPU's slot array goes. */
export function nrWpSlots(ctx: HwContext): number {
  return Math.min(ctx.model.slots, ctx.slots.bpPerReg.length);
}

/** This CPU's handler state, started for an exception or a step completion over its slots. */
export function startRun(ctx: HwContext, task: CurrentTask, regs: TrapRegs): ExceptionRun {
  const run = (ctx.run ??= new ExceptionRun());
  run.start(task, regs, nrWpSlots(ctx));
  return run;
}

export { accessOf } from './decision-record';

const SLOT_RESULTS = ['miss', 'hit', 'extraneous'] as const;
const EMULATE: Effect = Object.freeze({ kind: 'emulate' as const });

export function isExtraneous(bp: Breakpoint): boolean {
  return (bp.info.type & HW_BRK_TYPE_EXTRANEOUS_IRQ) !== 0;
}

/** perf_bp_event, its effects into `out`. */
export function perfBpEvent(ctx: HwContext, bp: Breakpoint, regs: TrapRegs, out: EffectSink): void {
  if (ctx.perfBpEventTo) ctx.perfBpEventTo(bp, regs, out);
  else for (const e of ctx.perfBpEvent(bp, regs)) out.addEffect(e);
}

/** handler_error: WARN, then perf_event_disable_inatomic (OFF, no signal even for ptrace). */
function handlerError(ctx: HwContext, run: ExceptionRun, bp: Breakpoint): void {
  ctx.kernelLog?.(
    `WARNING: Unable to handle hardware breakpoint. Breakpoint at ${hex(bp.info.address)} will be disabled.`,
  );
  for (const e of ctx.disableAsync(bp)) run.addEffect(e);
}

/**
 * Steps 1 and 2: null into every DAWR, read the instruction (the caller passes it), and for each
 * occupied slot clear EXTRANEOUS, classify, set it again when extraneous; a hit on an unreadable
 * instruction is handler_error'd and not reinstalled (err).
 */
export function beginException(
  ctx: HwContext,
  task: CurrentTask,
  regs: TrapRegs,
  dar: bigint,
  detail: InstrDetail,
): ExceptionRun {
  ctx.disableAllSlots(ctx.slots.cpu);
  const run = startRun(ctx, task, regs);
  run.setDar(dar);
  run.detail = detail;
  const n = run.n;
  const regsOf = ctx.slots.bpPerReg;
  // a readable load, store or cache operation below 2^52 is classified in doubles (classify.ts)
  const numeric = detail.readable && detail.type !== 'unknown';
  const ea = !numeric ? -1 : (detail.eaNum ?? (detail.ea >= 0n && detail.ea < 1n << 52n ? Number(detail.ea) : -1));
  const align16 = ctx.model.quadwordAlign16;
  // the DAWRX bits this access needs (a pc below 2^53 is a user address, below PAGE_OFFSET)
  const need = numeric ? dawrxNeeded(detail.type, run.pcNum < 0 && run.pc >= PAGE_OFFSET, regs.mode) : 0;
  for (let i = 0; i < n; i++) {
    const bp = regsOf[i];
    run.bp[i] = bp;
    if (!bp) continue;
    const info = bp.info;
    info.type &= ~HW_BRK_TYPE_EXTRANEOUS_IRQ;
    const type = info.type;
    const address = ea < 0 ? -1 : run.addressNum(i, info.address);
    const c =
      address >= 0
        ? wpCheckNum(address, info.len, ea, detail.size, align16, (type & need) === need)
        : wpCheckResult(info, { model: ctx.model, regs, dar, detail });
    if (c === WP_EXTRANEOUS) info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ;
    run.verdicts[i] = run.verdict(i, bp, SLOT_RESULTS[c], null, type);
    if (c === WP_MISS) continue;
    if (!detail.readable) {
      handlerError(ctx, run, bp);
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
  const ea = (run.detail as InstrDetail).ea;
  let found = false;
  for (let i = 0; i < run.n; i++) {
    const bp = run.bp[i];
    if (!bp) continue;
    const hwEnd = alignUp(bp.info.address + BigInt(bp.info.len), 8n);
    if (hwEnd - 1n >= ea) continue;
    if ((hwEnd - 1n) >> 10n !== ea >> 10n) continue;
    if ((ea & 0x800n) === ((ea + 64n) & 0x800n)) continue;
    found = true;
    break;
  }
  if (!found) return false;
  for (let i = 0; i < run.n; i++) {
    const bp = run.bp[i];
    if (!bp) continue;
    run.hit[i] = true;
    run.nrHit++;
    bp.info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ;
    const why = 'P10 DD1 spurious 32-byte VSX exception: marked hit + extraneous';
    run.verdicts[i] = new SlotRecord(
      i,
      bp.name,
      bp.owner,
      'extraneous',
      why,
      bp.info.address,
      bp.info.len,
      bp.info.type,
    );
  }
  return true;
}

/** Step 6: larx/stcx cannot be single-stepped (the reservation would be lost): disable every hit. */
export function larxStcxDisable(ctx: HwContext, run: ExceptionRun): void {
  for (let i = 0; i < run.n; i++) {
    const bp = run.bp[i];
    if (!run.hit[i] || !bp) continue;
    ctx.kernelLog?.(
      `Breakpoint hit on instruction that can't be emulated. Breakpoint at ${hex(bp.info.address)} will be disabled.`,
    );
    for (const e of ctx.disableAsync(bp)) run.addEffect(e);
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
export function kernelEmulate(ctx: HwContext, run: ExceptionRun): boolean {
  const stepped = (ctx.emulateStep ?? defaultEmulateStep)(run.regs as TrapRegs, run.detail as InstrDetail);
  if (stepped !== 0) {
    run.addEffect(EMULATE);
    return true;
  }
  for (let i = 0; i < run.n; i++) {
    const bp = run.bp[i];
    if (!run.hit[i] || !bp) continue;
    handlerError(ctx, run, bp);
    run.bp[i] = null;
  }
  return false;
}

/** Step 8 (after emulation): perf_bp_event for each hit breakpoint that is not EXTRANEOUS. */
export function countHits(ctx: HwContext, run: ExceptionRun): void {
  for (let i = 0; i < run.n; i++) {
    const bp = run.bp[i];
    if (!run.hit[i] || !bp || isExtraneous(bp)) continue;
    perfBpEvent(ctx, bp, run.regs as TrapRegs, run);
  }
}

/**
 * Step 9: program again every slot whose occupant was not marked "don't reinstall". A breakpoint
 * that left its slot during the handler (uninstalled by a disable) is not written back: the kernel's
 * disables are deferred and end in the same state, a null slot.
 */
export function reinstall(ctx: HwContext, run: ExceptionRun): void {
  const regs = ctx.slots.bpPerReg;
  for (let i = 0; i < run.n; i++) {
    const bp = run.bp[i];
    if (!bp || regs[i] !== bp) continue;
    ctx.programSlot(ctx.slots.cpu, i, bp);
    run.addEffect(reinstallEffect(i));
  }
}

/** The decision of `run` recorded: slot verdicts, effects, branch; `site` = a DAWR exception's (its
 * instruction and DAR), else `insn` = the stepped instruction. */
function record(ctx: HwContext, run: ExceptionRun, branch: Branch, site: boolean, insn: InsnText): void {
  const sink = ctx.records;
  const r = sink ? sink.claim() : new DecisionRecord();
  const regs = run.regs as TrapRegs;
  const task = (run.task as CurrentTask).name;
  if (run.pcNum >= 0) r.beginNum(ctx.icount, ctx.slots.cpu, task, run.pcNum, regs.mode);
  else r.begin(ctx.icount, ctx.slots.cpu, task, run.pc, regs.mode);
  if (site) r.exception(run.detail as InstrDetail, run.dar, ctx.model, run.darNum);
  else r.stepped(insn);
  for (let i = 0; i < run.n; i++) {
    const v = run.verdicts[i];
    if (v !== null) r.addSlot(v);
  }
  for (let i = 0; i < run.nEffects; i++) r.addKept(run.effects[i], run.values[i]);
  r.setBranch(branch);
  if (sink) sink.commit(r);
  else ctx.record(r.toDecision());
}

/** Records the decision and returns rc. NOTIFY_DONE means do_break sends SIGTRAP TRAP_HWBKPT with
 * si_addr = DAR, so the signal is part of the decision. */
export function finish(ctx: HwContext, run: ExceptionRun, branch: Branch, rc: NotifyResult): NotifyResult {
  if (rc === 'done')
    run.addEffect({ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: hex(run.dar) });
  record(ctx, run, branch, true, '');
  return rc;
}

/** The single-step completion's decision (single-step.ts): recorded with the stepped instruction;
 * NOTIFY_DONE sends SIGTRAP TRAP_TRACE with si_addr = NIP, part of the decision. */
export function finishStep(
  ctx: HwContext,
  run: ExceptionRun,
  insn: InsnText,
  branch: Branch,
  rc: NotifyResult,
): NotifyResult {
  if (rc === 'done')
    run.addEffect({
      kind: 'signal',
      signal: 'SIGTRAP',
      si_code: 'TRAP_TRACE',
      si_addr: hex((run.regs as TrapRegs).pc),
    });
  record(ctx, run, branch, false, insn);
  return rc;
}
