// The common case of a perf counter hit, fused: a user-mode access that hits perf breakpoints only
// (no ptrace hit, no larx/stcx, a readable load or store below 2^52), and the single step that
// completes it. Each function does exactly the state transitions and writes exactly the decision
// record of the generic handler (handler-post.ts / handler-pre.ts step 7 user, single-step.ts), in
// numbers and without the intermediate objects (the run state, the instruction detail, per-slot
// arrays, effect lists). When the case is not the common one it changes nothing and returns false:
// the caller then runs the generic handler, which stays the reference (test/sim/perf-fast-path-
// sameness.test.ts runs programs both ways and compares every decision).
import { HW_BRK_TYPE_EXTRANEOUS_IRQ, HW_BRK_TYPE_READ, HW_BRK_TYPE_USER, HW_BRK_TYPE_WRITE, type Breakpoint } from './breakpoint';
import type { Effect, SlotResult } from '../decision';
import { armStepEffect, DecisionRecord, reinstallEffect, slotRecord, stepDoneEffect, type SlotRecord } from './decision-record';
import type { CurrentTask, HwContext, InstrDetail } from './hw-context';

/** The switch (on unless a test turns it off to compare with the generic path), and how many
 * exceptions and steps it has handled (tests check that a comparison went through it). */
export const perfFastPath = { enabled: true, taken: 0 };

// (local copies: imported constants are getter calls when files are transpiled one by one)
const EXTRANEOUS = HW_BRK_TYPE_EXTRANEOUS_IRQ;
const NOT_EXTRANEOUS = ~HW_BRK_TYPE_EXTRANEOUS_IRQ;
const READ = HW_BRK_TYPE_READ;
const WRITE = HW_BRK_TYPE_WRITE;
const USER = HW_BRK_TYPE_USER;
const TWO52N = 1n << 52n;
const MISS = 0;
const HIT = 1;
const EXTRA = 2;
const RESULTS = ['miss', 'hit', 'extraneous'] as const;
const recordOf = slotRecord;

// The last verdict per slot, exceptions (classified) and steps (fixed texts) apart: a perf counter hit
// on every iteration makes the same two verdicts each time. The same fields as slotRecord compares, so
// the record is one with the same content (records are never changed once made).
const lastClassified: Array<SlotRecord | null> = new Array<SlotRecord | null>(8).fill(null);
const lastFixed: Array<SlotRecord | null> = new Array<SlotRecord | null>(8).fill(null);

function verdictOf(i: number, bp: Breakpoint, result: SlotResult, reason: string | null, type: number): SlotRecord {
  const memo = reason === null ? lastClassified : lastFixed;
  const m = memo[i];
  if (m !== null && m.result === result && m.reason === reason && m.type === type && m.bp === bp.name && m.owner === bp.owner && m.len === bp.info.len && m.address === bp.info.address) return m;
  const r = recordOf(i, bp, result, reason, type);
  memo[i] = r;
  return r;
}
// The arm-step and step-done effects of the last breakpoint per slot (the same objects
// armStepEffect / stepDoneEffect give while the breakpoint's name is unchanged: no WeakMap lookup).
const lastArmBp: Array<Breakpoint | null> = new Array<Breakpoint | null>(8).fill(null);
const lastArm: Array<Effect | null> = new Array<Effect | null>(8).fill(null);
const lastDoneBp: Array<Breakpoint | null> = new Array<Breakpoint | null>(8).fill(null);
const lastDone: Array<Effect | null> = new Array<Effect | null>(8).fill(null);
const armStepOf = armStepEffect;
const stepDoneOf = stepDoneEffect;

function armStep(i: number, bp: Breakpoint): Effect {
  const e = lastArm[i];
  if (lastArmBp[i] === bp && e !== null && e.kind === 'arm-step' && e.bp === bp.name) return e;
  const made = armStepOf(bp);
  lastArmBp[i] = bp;
  lastArm[i] = made;
  return made;
}

function stepDone(i: number, bp: Breakpoint): Effect {
  const e = lastDone[i];
  if (lastDoneBp[i] === bp && e !== null && e.kind === 'step-done' && e.bp === bp.name) return e;
  const made = stepDoneOf(bp);
  lastDoneBp[i] = bp;
  lastDone[i] = made;
  return made;
}
const reinstallOf = reinstallEffect;

/**
 * wpCheckResult for a user-mode load or store (not larx/stcx/cacheop/unknown) at [ea, ea+size) below
 * 2^52 and a breakpoint address below 2^52, with the breakpoint's type bits given (EXTRANEOUS
 * cleared): steps 3-5 of SEMANTICS §5.2, with the DAWRX check of a user pc.
 */
function classify(address: number, len: number, type: number, isLoad: boolean, ea: number, size: number, quad16: boolean): number {
  const passes = (isLoad ? (type & READ) !== 0 : (type & WRITE) !== 0) && (type & USER) !== 0;
  const end = ea + size;
  const uEnd = address + len;
  if (ea < uEnd && end > address) return passes ? HIT : MISS;
  const align = quad16 && size === 16 ? 16 : 8;
  const hs = address - (address % align);
  const he = uEnd + ((align - (uEnd % align)) % align);
  if (ea < he && end > hs) return passes ? EXTRA : MISS;
  return MISS;
}

// per-slot scratch of one exception (slots <= 8 on every model)
const results = new Int8Array(8);
const types = new Int32Array(8);

// The last breakpoint address seen per slot and its value as a number (Number(bigint) costs more
// than the rest of the classification; the address object is the same from one hit to the next).
const lastAddress: Array<bigint | null> = new Array<bigint | null>(8).fill(null);
const lastAddressNum = new Float64Array(8);

/** bp.info.address as a number, or -1 when it is not below 2^52. */
function addressNum(i: number, address: bigint): number {
  if (lastAddress[i] === address) return lastAddressNum[i];
  const n = address >= 0n && address < TWO52N ? Number(address) : -1;
  lastAddress[i] = address;
  lastAddressNum[i] = n;
  return n;
}

/**
 * hw_breakpoint_handler for a user-mode DAWR exception whose instruction is a plain load or store
 * (type `type`, access [ea, ea+size), all below 2^52) at user pc `pcNum`, DAR `darNum`: when every
 * hit slot holds a perf breakpoint and at least one slot hits, the "perf-single-step" outcome of 6.6
 * (perf_single_step set on each hit) or 6.5 (last_hit_ubp[i] set), recorded; true = done (NOTIFY_STOP,
 * MSR_SE to be set by the caller). false = not the common case, nothing changed.
 */
export function fastPerfException(ctx: HwContext, task: CurrentTask, pcNum: number, darNum: number, word: number, type: InstrDetail['type'], ea: number, size: number): boolean {
  if (type !== 'load' && type !== 'store' && type !== 'load_vsx' && type !== 'store_vsx') return false;
  const model = ctx.model;
  const slots = ctx.slots;
  const regs = slots.bpPerReg;
  const n = model.slots < regs.length ? model.slots : regs.length;
  if (n > 8) return false;
  const isLoad = type === 'load' || type === 'load_vsx';
  const quad16 = model.quadwordAlign16;
  // classify first (pure): bail out before any state changes
  let nrHit = 0;
  for (let i = 0; i < n; i++) {
    const bp = regs[i];
    if (bp === null) continue;
    const info = bp.info;
    const address = addressNum(i, info.address);
    if (address < 0) return false;
    const t = info.type & NOT_EXTRANEOUS;
    const c = classify(address, info.len, t, isLoad, ea, size, quad16);
    results[i] = c;
    types[i] = t;
    if (c === MISS) continue;
    if (bp.owner === 'ptrace') return false;
    nrHit++;
  }
  if (nrHit === 0) return false;

  // 1. every DAWR off; 2. the EXTRANEOUS bits as classified
  const cpu = slots.cpu;
  ctx.disableAllSlots(cpu);
  const sink = ctx.records;
  const r = sink ? sink.claim() : new DecisionRecord();
  r.beginNum(ctx.icount, cpu, task.name, pcNum, 'user');
  r.exceptionNum(word, pcNum, type, ea, size, darNum, model);
  const pre = ctx.policy === '6.5';
  for (let i = 0; i < n; i++) {
    const bp = regs[i];
    if (bp === null) continue;
    const c = results[i];
    const t = types[i];
    bp.info.type = c === EXTRA ? t | EXTRANEOUS : t;
    r.addSlot(verdictOf(i, bp, RESULTS[c], null, t));
  }
  // 7. user: the hits wait for the single step (6.6 on the breakpoint, 6.5 in last_hit_ubp)
  for (let i = 0; i < n; i++) {
    const bp = regs[i];
    if (bp === null || results[i] === MISS) continue;
    if (pre) task.lastHitUbp[i] = bp;
    else bp.info.perfSingleStep = true;
    r.addEffect(armStep(i, bp));
  }
  // 9. the others go back into their DAWRs
  for (let i = 0; i < n; i++) {
    const bp = regs[i];
    if (bp === null || results[i] !== MISS) continue;
    ctx.programSlot(cpu, i, bp);
    r.addEffect(reinstallOf(i));
  }
  r.setBranch('perf-single-step');
  if (sink) sink.commit(r);
  else ctx.record(r.toDecision());
  perfFastPath.taken++;
  return true;
}

/** perf_bp_event for a perf breakpoint in user mode: the new count, or -1 when not counted. */
function countUser(bp: Breakpoint): number {
  if (bp.state !== 'active' || bp.attr.excludeUser) return -1;
  return ++bp.count;
}

/**
 * single_step_dabr_instruction when a perf step is pending and ptrace is not single-stepping the task
 * (NOTIFY_STOP): every pending perf breakpoint counted (unless EXTRANEOUS) and reprogrammed, recorded
 * as "step-complete" with the stepped instruction (`word` at user pc `insnPc`). false = not that case
 * (nothing pending, TIF_SINGLESTEP, a pending ptrace breakpoint): nothing changed.
 */
export function fastPerfStep(ctx: HwContext, task: CurrentTask, pcNum: number, word: number, insnPc: number): boolean {
  if (task.tifSingleStep) return false;
  const slots = ctx.slots;
  const regs = slots.bpPerReg;
  const n = ctx.model.slots < regs.length ? ctx.model.slots : regs.length;
  const pre = ctx.policy === '6.5';
  const ubp = task.lastHitUbp;
  let found = false;
  for (let i = 0; i < n; i++) {
    const bp = pre ? ubp[i] : regs[i];
    if (bp === null || bp === undefined) continue;
    if (pre || bp.info.perfSingleStep) {
      if (bp.owner === 'ptrace') return false;
      found = true;
    }
  }
  if (!found) return false;

  const cpu = slots.cpu;
  const sink = ctx.records;
  const r = sink ? sink.claim() : new DecisionRecord();
  r.beginNum(ctx.icount, cpu, task.name, pcNum, 'user');
  r.steppedNum(word, insnPc);
  if (!pre) {
    // 6.6: this CPU's slots with perf_single_step, in slot order
    for (let i = 0; i < n; i++) {
      const bp = regs[i];
      if (bp === null) continue;
      const pending = bp.info.perfSingleStep;
      const type = bp.info.type;
      const extraneous = (type & EXTRANEOUS) !== 0;
      r.addSlot(!pending ? verdictOf(i, bp, 'miss', 'no step pending', type) : extraneous ? verdictOf(i, bp, 'extraneous', 'step pending; extraneous: not counted', type) : verdictOf(i, bp, 'hit', 'step pending: counted after execute', type));
    }
    for (let i = 0; i < n; i++) {
      const bp = regs[i];
      if (bp === null || !bp.info.perfSingleStep) continue;
      if ((bp.info.type & EXTRANEOUS) === 0) {
        const v = countUser(bp);
        if (v >= 0) r.addCount(bp.name, v);
      }
      bp.info.perfSingleStep = false;
      r.addEffect(stepDone(i, bp));
      ctx.programSlot(cpu, i, bp);
      r.addEffect(reinstallOf(i));
    }
  } else {
    // 6.5: the thread's last_hit_ubp[], then every occupied slot of this CPU reprogrammed
    for (let i = 0; i < n; i++) {
      const bp = regs[i];
      if (bp === null) continue;
      let pending = false;
      for (let j = 0; j < n; j++) if (ubp[j] === bp) pending = true;
      const type = bp.info.type;
      const extraneous = (type & EXTRANEOUS) !== 0;
      r.addSlot(!pending ? verdictOf(i, bp, 'miss', 'no step pending', type) : extraneous ? verdictOf(i, bp, 'extraneous', 'step pending; extraneous: not counted', type) : verdictOf(i, bp, 'hit', 'step pending: counted after execute', type));
    }
    for (let i = 0; i < n; i++) {
      const bp = ubp[i];
      if (!bp) continue;
      if ((bp.info.type & EXTRANEOUS) === 0) {
        const v = countUser(bp);
        if (v >= 0) r.addCount(bp.name, v);
      }
      ubp[i] = null;
      r.addEffect(stepDone(i, bp));
    }
    for (let i = 0; i < n; i++) {
      const bp = regs[i];
      if (bp === null) continue;
      ctx.programSlot(cpu, i, bp);
      r.addEffect(reinstallOf(i));
    }
  }
  r.setBranch('step-complete');
  if (sink) sink.commit(r);
  else ctx.record(r.toDecision());
  perfFastPath.taken++;
  return true;
}
