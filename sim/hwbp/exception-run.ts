// The handler's working state on one CPU (hw_breakpoint_handler's locals: bp[], hit[], nr_hit, err,
// ptrace_bp; and the single-step completion's): one object per CPU, reused from one exception to the
// next, so that a perf counter hit on every iteration allocates nothing on the way. It also keeps
// what repeats from one hit to the next (a slot's verdict, its arm-step and step-done effects, a
// breakpoint's count template, its address as a number): the same shared, frozen objects as long
// as nothing in them changed. Per CPU of one machine: nothing here is shared between machines.
import type { Effect, SlotResult } from '../decision';
import type { Breakpoint } from './breakpoint';
import { countTemplateOf, SlotRecord } from './decision-record';
import type { CurrentTask, EffectSink, InstrDetail, TrapRegs } from './trap';

const TWO52 = 1n << 52n;
const TWO53 = 1n << 53n;

/** A bigint as a number when in [0, 2^53), else -1; converted again only for another bigint object. */
class NumOf {
  private big: bigint | null = null;
  private num = -1;
  of(x: bigint): number {
    if (x !== this.big) {
      this.big = x;
      this.num = x >= 0n && x < TWO53 ? Number(x) : -1;
    }
    return this.num;
  }
}

export class ExceptionRun implements EffectSink {
  task: CurrentTask | null = null;
  regs: TrapRegs | null = null;
  /** the DAR the hardware latched (an exception's) */
  dar = 0n;
  detail: InstrDetail | null = null;
  /** NIP at entry (kernel emulation advances regs.pc): as a number when below 2^53, else -1 and the
   * bigint in `pc` */
  pcNum = -1;
  pc = 0n;
  /** the DAR as a number when below 2^53, else -1 */
  darNum = -1;
  /** nr_wp_slots() as far as this CPU's slot array goes */
  n = 0;
  /** the handler's local bp[]: the occupant of each slot, null = "don't reinstall" */
  readonly bp: Array<Breakpoint | null> = [];
  readonly hit: boolean[] = [];
  nrHit = 0;
  err = false;
  ptraceSeen = false;
  /** the verdict per occupied slot, by slot (null: empty slot) */
  readonly verdicts: Array<SlotRecord | null> = [];
  /** the effects so far: effect i is effects[i] with values[i] (a count's template and its value) */
  readonly effects: Effect[] = [];
  readonly values: number[] = [];
  nEffects = 0;

  // what repeats, per slot
  private readonly classified: Array<SlotRecord | null> = [];
  private readonly fixed: Array<SlotRecord | null> = [];
  private readonly armBp: Array<Breakpoint | null> = [];
  private readonly arm: Array<Effect | null> = [];
  private readonly doneBp: Array<Breakpoint | null> = [];
  private readonly done: Array<Effect | null> = [];
  private readonly addrBig: Array<bigint | null> = [];
  private readonly addrNum: number[] = [];
  // (the machine hands the same pc and DAR objects from one hit to the next)
  private readonly pcNums = new NumOf();
  private readonly darNums = new NumOf();
  // and per breakpoint: its count template (name and template checked on use)
  private readonly counts = new WeakMap<Breakpoint, Effect>();
  private lastCountBp: Breakpoint | null = null;
  private lastCount: Effect | null = null;

  /** Starts an exception or a single-step completion over `n` slots: every per-slot entry cleared. */
  start(task: CurrentTask, regs: TrapRegs, n: number): void {
    this.task = task;
    this.regs = regs;
    const pcNum = regs.pcNum;
    if (pcNum !== undefined && pcNum >= 0) {
      // (the bigint is read only when the decision is made from a pc at or above 2^53)
      this.pcNum = pcNum;
    } else {
      this.pc = regs.pc;
      this.pcNum = this.pcNums.of(this.pc);
    }
    this.n = n;
    this.nrHit = 0;
    this.err = false;
    this.ptraceSeen = false;
    this.nEffects = 0;
    while (this.bp.length < n) this.grow();
    for (let i = 0; i < n; i++) {
      this.bp[i] = null;
      this.hit[i] = false;
      this.verdicts[i] = null;
    }
  }

  private grow(): void {
    this.bp.push(null);
    this.hit.push(false);
    this.verdicts.push(null);
    this.classified.push(null);
    this.fixed.push(null);
    this.armBp.push(null);
    this.arm.push(null);
    this.doneBp.push(null);
    this.done.push(null);
    this.addrBig.push(null);
    this.addrNum.push(-1);
  }

  /** The DAR of an exception. */
  setDar(dar: bigint): void {
    this.dar = dar;
    this.darNum = this.darNums.of(dar);
  }

  addEffect(e: Effect): void {
    const i = this.nEffects++;
    this.effects[i] = e;
    this.values[i] = 0;
  }

  addCount(bp: Breakpoint, value: number): void {
    const i = this.nEffects++;
    this.effects[i] = this.countTemplate(bp);
    this.values[i] = value;
  }

  private countTemplate(bp: Breakpoint): Effect {
    let t = this.lastCountBp === bp ? this.lastCount : this.counts.get(bp);
    if (!t || (t.kind === 'count' && t.bp !== bp.name)) this.counts.set(bp, (t = countTemplateOf(bp.name)));
    this.lastCountBp = bp;
    this.lastCount = t;
    return t;
  }

  /** Slot i's verdict: `reason` null = the classification's text (made when the decision is read). */
  verdict(i: number, bp: Breakpoint, result: SlotResult, reason: string | null, type: number): SlotRecord {
    const memo = reason === null ? this.classified : this.fixed;
    const m = memo[i];
    const info = bp.info;
    if (
      m !== null &&
      m.result === result &&
      m.reason === reason &&
      m.type === type &&
      m.address === info.address &&
      m.len === info.len &&
      m.bp === bp.name &&
      m.owner === bp.owner
    ) {
      return m;
    }
    const r = new SlotRecord(i, bp.name, bp.owner, result, reason, info.address, info.len, type);
    memo[i] = r;
    return r;
  }

  /** { kind: 'arm-step', bp } of slot i's breakpoint, shared while it is the same. */
  armStep(i: number, bp: Breakpoint): Effect {
    const e = this.arm[i];
    if (this.armBp[i] === bp && e !== null && e.kind === 'arm-step' && e.bp === bp.name) return e;
    const made: Effect = Object.freeze({ kind: 'arm-step' as const, bp: bp.name });
    this.armBp[i] = bp;
    this.arm[i] = made;
    return made;
  }

  /** { kind: 'step-done', bp } of slot i's breakpoint, shared while it is the same. */
  stepDone(i: number, bp: Breakpoint): Effect {
    const e = this.done[i];
    if (this.doneBp[i] === bp && e !== null && e.kind === 'step-done' && e.bp === bp.name) return e;
    const made: Effect = Object.freeze({ kind: 'step-done' as const, bp: bp.name });
    this.doneBp[i] = bp;
    this.done[i] = made;
    return made;
  }

  /** Slot i's breakpoint address as a number, -1 when not below 2^52 (Number() of a bigint costs
   * more than the classification: the address is the same object from one hit to the next). */
  addressNum(i: number, address: bigint): number {
    if (this.addrBig[i] === address) return this.addrNum[i];
    const n = address >= 0n && address < TWO52 ? Number(address) : -1;
    this.addrBig[i] = address;
    this.addrNum[i] = n;
    return n;
  }
}
