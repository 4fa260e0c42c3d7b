// A decision as the exception side records it on the hot path: the raw inputs (numbers, bigints,
// breakpoint names, the instruction detail) instead of the hex strings and reason texts of the
// public `Decision`. A perf counter that hits on every iteration makes two decisions per hit and the
// log keeps 100k of them, so the texts are built only when a decision is read (`toDecision`), from
// the same functions and the same inputs the handler had (the reason of a classified slot is
// wpCheckConstraints run again on a snapshot of the breakpoint's address, len and type).
//
// The parts that repeat from one hit to the next (a slot's verdict, the arm-step / step-done /
// reinstall effects, a one-slot list) are shared between records: records are never changed once
// made, and toDecision copies the lists, so a reader never sees the sharing.
import type { Branch, Decision, Effect, SlotResult, SlotVerdict } from '../decision';
import type { Breakpoint } from './breakpoint';
import { hex, wpCheckConstraints } from './classify';
import type { CpuModel } from './cpu-model';
import type { InstrDetail, TrapRegs } from './hw-context';

/** The instruction text of a decision: a string, or something that makes it when asked (the
 * machine's instruction detail disassembles only then). */
export type InsnText = string | { readonly text: string };

/** One occupied slot's verdict. `reason` null: the text is the classification's (wpCheckConstraints
 * on address/len/type and the decision's site); otherwise that fixed text. */
export class SlotRecord {
  constructor(
    readonly slot: number,
    readonly bp: string,
    readonly owner: 'ptrace' | 'perf',
    readonly result: SlotResult,
    readonly reason: string | null,
    readonly address: bigint,
    readonly len: number,
    readonly type: number,
  ) {}
}

const verdicts = new WeakMap<Breakpoint, SlotRecord>();

/** A slot's verdict, the same object as last time when nothing in it changed. */
export function slotRecord(slot: number, bp: Breakpoint, result: SlotResult, reason: string | null, type: number): SlotRecord {
  const last = verdicts.get(bp);
  const { address, len } = bp.info;
  if (last && last.slot === slot && last.result === result && last.reason === reason && last.address === address && last.len === len && last.type === type && last.bp === bp.name && last.owner === bp.owner) return last;
  const r = new SlotRecord(slot, bp.name, bp.owner, result, reason, address, len, type);
  verdicts.set(bp, r);
  return r;
}

const lists = new WeakMap<object, readonly unknown[]>();

/** A one-element list, shared per element (the record's slots or effects when there is one). */
export function listOf<T extends object>(x: T): T[] {
  let l = lists.get(x);
  if (!l) {
    l = Object.freeze([x]);
    lists.set(x, l);
  }
  return l as T[];
}

const armSteps = new WeakMap<Breakpoint, Effect>();
const stepDones = new WeakMap<Breakpoint, Effect>();
const reinstalls: Effect[] = Array.from({ length: 8 }, (_, slot) => Object.freeze({ kind: 'reinstall' as const, slot }));

export function armStepEffect(bp: Breakpoint): Effect {
  let e = armSteps.get(bp);
  if (!e || (e.kind === 'arm-step' && e.bp !== bp.name)) armSteps.set(bp, (e = Object.freeze({ kind: 'arm-step' as const, bp: bp.name })));
  return e;
}

export function stepDoneEffect(bp: Breakpoint): Effect {
  let e = stepDones.get(bp);
  if (!e || (e.kind === 'step-done' && e.bp !== bp.name)) stepDones.set(bp, (e = Object.freeze({ kind: 'step-done' as const, bp: bp.name })));
  return e;
}

export function reinstallEffect(slot: number): Effect {
  return reinstalls[slot] ?? { kind: 'reinstall', slot };
}

/** The list a record keeps: exact-sized (a list grown by push has spare room), shared when it holds one element. */
export function keptList<T extends object>(xs: T[]): T[] {
  return xs.length === 1 ? listOf(xs[0]) : xs.slice();
}

export class DecisionRecord {
  seq = -1;
  constructor(
    readonly icount: number,
    readonly cpu: number,
    readonly task: string,
    /** NIP at entry */
    readonly pc: bigint,
    readonly mode: TrapRegs['mode'],
    readonly insn: InsnText,
    /** the DAWR exception's instruction (null for a single-step decision: no access, fixed reasons) */
    readonly detail: InstrDetail | null,
    /** the DAWR exception's DAR and model (for the reason texts) */
    readonly dar: bigint,
    readonly model: Pick<CpuModel, 'arch31' | 'quadwordAlign16'> | null,
    readonly slots: SlotRecord[],
    readonly branch: Branch,
    readonly effects: Effect[],
  ) {}

  /** The public, JSON-ready shape (the same fields, in the same order, as the handler used to build). */
  toDecision(): Decision {
    const detail = this.detail;
    const model = this.model;
    const slots: SlotVerdict[] = [];
    for (const s of this.slots) {
      const reason = s.reason ?? (detail && model ? wpCheckConstraints({ address: s.address, len: s.len, type: s.type }, { model, regs: { pc: this.pc, mode: this.mode }, dar: this.dar, detail }).reason : '');
      slots.push({ slot: s.slot, bp: s.bp, owner: s.owner, result: s.result, reason });
    }
    const insn = typeof this.insn === 'string' ? this.insn : this.insn.text;
    const pc = hex(this.pc);
    // effect objects are plain data: copied, so no two decisions share one
    const effects = this.effects.map((e) => ({ ...e }));
    return detail && detail.readable
      ? { seq: this.seq, icount: this.icount, cpu: this.cpu, task: this.task, pc, mode: this.mode, insn, access: accessOf(detail), slots, branch: this.branch, effects }
      : { seq: this.seq, icount: this.icount, cpu: this.cpu, task: this.task, pc, mode: this.mode, insn, slots, branch: this.branch, effects };
  }
}

const ACCESS_KIND: Record<InstrDetail['type'], NonNullable<Decision['access']>['kind']> = {
  load: 'load',
  load_vsx: 'load',
  store: 'store',
  store_vsx: 'store',
  larx: 'larx',
  stcx: 'stcx',
  cacheop: 'cacheop',
  unknown: 'unknown',
  other: 'unknown',
};

export function accessOf(d: InstrDetail): Decision['access'] {
  return { kind: ACCESS_KIND[d.type], ea: hex(d.ea), size: d.size };
}
