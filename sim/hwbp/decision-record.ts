// A decision as the exception side records it on the hot path: the raw inputs (numbers, bigints,
// breakpoint names, the instruction detail) instead of the hex strings and reason texts of the
// public `Decision`. A perf counter that hits on every iteration makes two decisions per hit and the
// log keeps 100k of them, so the texts are built only when a decision is read (`toDecision`), from
// the same functions and the same inputs the handler had (the reason of a classified slot is
// wpCheckConstraints run again on a snapshot of the breakpoint's address, len and type).
//
// The parts that repeat from one hit to the next (a slot's verdict, the arm-step / step-done /
// reinstall effects, a count's template) are shared between records (the handler's per-CPU state
// keeps them, exception-run.ts): records are never changed once made, and toDecision copies the
// lists, so a reader never sees the sharing.
import type { Branch, Decision, Effect, SlotResult, SlotVerdict } from '../decision';
import { disassemble } from '../cpu/disasm';
import { hex, wpCheckConstraints } from './classify';
import type { CpuModel } from './cpu-model';
import type { InstrDetail, TrapRegs } from './trap';

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

const reinstalls: Effect[] = Array.from({ length: 8 }, (_, slot) =>
  Object.freeze({ kind: 'reinstall' as const, slot }),
);

export function reinstallEffect(slot: number): Effect {
  return reinstalls[slot] ?? { kind: 'reinstall', slot };
}

const TWO53 = 1n << 53n;

/** A count effect kept as (template, value): the template of breakpoint `bp` (frozen; a frozen
 * count effect in a record is always a template, its value is the record's). */
export function countTemplateOf(bp: string): Effect {
  return Object.freeze({ kind: 'count' as const, bp, value: 0 });
}

/** The parts of a record that the common decisions leave empty (a pc, EA or DAR at or above 2^53,
 * a text instead of an instruction word, a foreign instruction detail, a third slot, a fifth
 * effect): kept apart so that the ring's records stay small (100k of them are made, then refilled
 * from cold memory). */
class RecordRare {
  pcBig: bigint | null = null;
  insnText: InsnText = '';
  eaBig: bigint | null = null;
  darBig: bigint | null = null;
  detail: InstrDetail | null = null;
  slotsMore: SlotRecord[] | null = null;
  effMore: Effect[] | null = null;
  valMore: number[] | null = null;
  decision: Decision | null = null;
}

// flags: the instruction (none, an instruction word, the word of a stepped instruction: "after
// ..."), and whether the record is a DAWR exception's (site) and its instruction readable
const INSN_MASK = 3;
const INSN_WORD = 1;
const INSN_AFTER = 2;
const SITE = 4;
const READABLE = 8;

/**
 * One decision's raw inputs. The machine's log keeps one per ring entry and refills it when the
 * ring wraps, so recording allocates nothing that survives: addresses are kept as numbers when
 * below 2^53, the instruction as its word and address, effects as shared objects (a count as its
 * breakpoint's template plus the value). Every number field holds small integers only (the
 * instruction word as int32): a field that once held a larger number is a boxed double in each
 * record.
 */
export class DecisionRecord {
  seq = -1;
  icount = 0;
  cpu = 0;
  task = '';
  mode: TrapRegs['mode'] = 'user';
  branch: Branch = 'step-complete';
  private pcNum = 0;
  /** INSN_* | SITE | READABLE */
  private flags = 0;
  /** the instruction's word (| 0) and address */
  private insnWord = 0;
  private insnPc = 0;
  /** DAWR exception (SITE): the instruction detail as classified */
  private type: InstrDetail['type'] = 'unknown';
  private eaNum = 0;
  private size = 0;
  private darNum = 0;
  private model: Pick<CpuModel, 'arch31' | 'quadwordAlign16'> | null = null;
  // Slots and effects: the first few in fields of the record itself (a refill touches one object,
  // not three arrays scattered over the heap), the rest in the rare part's arrays. Filled up to
  // nSlots / nEffects.
  private slot0: SlotRecord | null = null;
  private slot1: SlotRecord | null = null;
  private nSlots = 0;
  private eff0: Effect | null = null;
  private eff1: Effect | null = null;
  private eff2: Effect | null = null;
  private val0 = 0;
  private val1 = 0;
  private val2 = 0;
  private nEffects = 0;
  /** set only by a decision that needs it (null again when the record is refilled) */
  private rare: RecordRare | null = null;

  /** the Decision made from this record (when read), until the record is refilled */
  get decision(): Decision | null {
    return this.rare === null ? null : this.rare.decision;
  }
  set decision(d: Decision | null) {
    if (d !== null || this.rare !== null) this.rarePart().decision = d;
  }

  private rarePart(): RecordRare {
    return (this.rare ??= new RecordRare());
  }

  /** Starts a new decision in this record. */
  begin(icount: number, cpu: number, task: string, pc: bigint, mode: TrapRegs['mode']): void {
    this.beginNum(icount, cpu, task, 0, mode);
    if (pc >= 0n && pc < TWO53) this.pcNum = Number(pc);
    else this.rarePart().pcBig = pc;
  }

  /** begin() with the pc as a number (a user pc, below 2^53). */
  beginNum(icount: number, cpu: number, task: string, pcNum: number, mode: TrapRegs['mode']): void {
    this.seq = -1;
    this.icount = icount;
    this.cpu = cpu;
    this.task = task;
    this.mode = mode;
    this.pcNum = pcNum;
    this.flags = 0;
    this.model = null;
    this.nSlots = 0;
    this.nEffects = 0;
    this.rare = null;
  }

  /** stepped() with a SteppedInsn's word and address, without the object. */
  steppedNum(word: number, insnPc: number): void {
    this.flags = (this.flags & ~INSN_MASK) | INSN_AFTER;
    this.insnWord = word | 0;
    this.insnPc = insnPc;
  }

  /** A DAWR exception's instruction, DAR and model (the access and the reason texts come from them).
   * `darNum`: the DAR as a number when the caller has it (below 2^53), else -1. */
  exception(detail: InstrDetail, dar: bigint, model: Pick<CpuModel, 'arch31' | 'quadwordAlign16'>, darNum = -1): void {
    this.flags |= SITE;
    this.model = model;
    if (darNum >= 0 || (dar >= 0n && dar < TWO53)) {
      this.darNum = darNum >= 0 ? darNum : Number(dar);
      if (this.rare !== null) this.rare.darBig = null;
    } else this.rarePart().darBig = dar;
    const word = detail.word;
    const at = detail.pcNum;
    if (word === undefined || at === undefined) {
      // a detail that is not the machine's own (kernel copies, tests): kept as it is
      this.rarePart().detail = detail;
      return;
    }
    if (this.rare !== null) this.rare.detail = null;
    this.flags = (this.flags & ~(INSN_MASK | READABLE)) | INSN_WORD | (detail.readable ? READABLE : 0);
    this.insnWord = word | 0;
    this.insnPc = at;
    this.type = detail.type;
    this.size = detail.size;
    const eaNum = detail.eaNum;
    if (eaNum !== undefined) {
      this.eaNum = eaNum;
      if (this.rare !== null) this.rare.eaBig = null;
      return;
    }
    const ea = detail.ea;
    if (ea >= 0n && ea < TWO53) {
      this.eaNum = Number(ea);
      if (this.rare !== null) this.rare.eaBig = null;
    } else this.rarePart().eaBig = ea;
  }

  /** A single step's instruction: its word and address (user pc), or a text. */
  stepped(insn: InsnText): void {
    if (typeof insn !== 'string' && insn instanceof SteppedInsn) this.steppedNum(insn.word, insn.pc);
    else this.rarePart().insnText = insn;
  }

  addSlot(s: SlotRecord): void {
    const i = this.nSlots++;
    if (i === 0) this.slot0 = s;
    else if (i === 1) this.slot1 = s;
    else (this.rarePart().slotsMore ??= [])[i - 2] = s;
  }

  private slotAt(i: number): SlotRecord {
    return (i === 0 ? this.slot0 : i === 1 ? this.slot1 : (this.rare?.slotsMore as SlotRecord[])[i - 2]) as SlotRecord;
  }

  addEffect(e: Effect): void {
    this.addKept(e, 0);
  }

  /** The next effect: e with value v (a count's template and its value; 0 for the others). */
  addKept(e: Effect, v: number): void {
    const i = this.nEffects++;
    switch (i) {
      case 0:
        this.eff0 = e;
        this.val0 = v;
        break;
      case 1:
        this.eff1 = e;
        this.val1 = v;
        break;
      case 2:
        this.eff2 = e;
        this.val2 = v;
        break;
      default: {
        const rare = this.rarePart();
        (rare.effMore ??= [])[i - 3] = e;
        (rare.valMore ??= [])[i - 3] = v;
      }
    }
  }

  private effectAt(i: number): Effect {
    return (
      i === 0 ? this.eff0 : i === 1 ? this.eff1 : i === 2 ? this.eff2 : (this.rare?.effMore as Effect[])[i - 3]
    ) as Effect;
  }

  private valueAt(i: number): number {
    return i === 0 ? this.val0 : i === 1 ? this.val1 : i === 2 ? this.val2 : (this.rare?.valMore as number[])[i - 3];
  }

  setBranch(b: Branch): void {
    this.branch = b;
  }

  private get pc(): bigint {
    return this.rare?.pcBig ?? BigInt(this.pcNum);
  }

  private instrDetail(): InstrDetail | null {
    if ((this.flags & SITE) === 0) return null;
    const rare = this.rare;
    if (rare !== null && rare.detail !== null) return rare.detail;
    return {
      readable: (this.flags & READABLE) !== 0,
      type: this.type,
      ea: rare?.eaBig ?? BigInt(this.eaNum),
      size: this.size,
      text: '',
      vsx32: false,
    };
  }

  private insn(): string {
    const kind = this.flags & INSN_MASK;
    if (kind !== 0) {
      const text = disassemble(this.insnWord >>> 0, BigInt(this.insnPc));
      return kind === INSN_AFTER ? `after ${text}` : text;
    }
    const rare = this.rare;
    if (rare === null) return '';
    if (rare.detail) return rare.detail.text;
    return typeof rare.insnText === 'string' ? rare.insnText : rare.insnText.text;
  }

  /** The timeline's view of this record (no text is made): into `m`, which is reused. */
  markInto(m: DecisionMark): void {
    m.seq = this.seq;
    m.icount = this.icount;
    m.cpu = this.cpu;
    m.task = this.task;
    m.branch = this.branch;
    let mask = 0;
    for (let i = 0; i < this.nSlots; i++) {
      const s = this.slotAt(i);
      if (s.result !== 'miss') mask |= 1 << s.slot;
    }
    m.slotMask = mask;
    m.armN = 0;
    m.doneN = 0;
    for (let i = 0; i < this.nEffects; i++) {
      const e = this.effectAt(i);
      if (e.kind !== 'arm-step' && e.kind !== 'step-done') continue;
      let slot = -1;
      for (let j = 0; j < this.nSlots && slot < 0; j++) if (this.slotAt(j).bp === e.bp) slot = this.slotAt(j).slot;
      markStep(m, e.kind === 'arm-step', e.bp, slot);
    }
  }

  /** The public, JSON-ready shape (the same fields, in the same order, as the handler used to build). */
  toDecision(): Decision {
    const detail = this.instrDetail();
    const model = this.model;
    const pcBig = this.pc;
    const slots: SlotVerdict[] = [];
    for (let i = 0; i < this.nSlots; i++) {
      const s = this.slotAt(i);
      const reason =
        s.reason ??
        (detail && model
          ? wpCheckConstraints(
              { address: s.address, len: s.len, type: s.type },
              { model, regs: { pc: pcBig, mode: this.mode }, dar: this.rare?.darBig ?? BigInt(this.darNum), detail },
            ).reason
          : '');
      slots.push({ slot: s.slot, bp: s.bp, owner: s.owner, result: s.result, reason });
    }
    const insn = this.insn();
    const pc = hex(pcBig);
    // effect objects are plain data: copied, so no two decisions share one
    const effects: Effect[] = [];
    for (let i = 0; i < this.nEffects; i++) {
      const e = this.effectAt(i);
      effects.push(
        e.kind === 'count' && Object.isFrozen(e) ? { kind: 'count', bp: e.bp, value: this.valueAt(i) } : { ...e },
      );
    }
    return detail && detail.readable
      ? {
          seq: this.seq,
          icount: this.icount,
          cpu: this.cpu,
          task: this.task,
          pc,
          mode: this.mode,
          insn,
          access: accessOf(detail),
          slots,
          branch: this.branch,
          effects,
        }
      : {
          seq: this.seq,
          icount: this.icount,
          cpu: this.cpu,
          task: this.task,
          pc,
          mode: this.mode,
          insn,
          slots,
          branch: this.branch,
          effects,
        };
  }
}

/** What the timeline reads of a decision: where and when, the slots it names (bit i: slot i was hit
 * or extraneous), and the single steps it arms or completes (with the slot of that breakpoint in
 * the decision, -1 when the decision does not list it): the first `armN` of `arm` and `doneN` of
 * `done` (their entries are reused from one decision to the next: a million are read at a time). */
export interface DecisionMark {
  seq: number;
  icount: number;
  cpu: number;
  task: string;
  branch: Branch;
  slotMask: number;
  arm: Array<{ bp: string; slot: number }>;
  armN: number;
  done: Array<{ bp: string; slot: number }>;
  doneN: number;
}

export function newDecisionMark(): DecisionMark {
  return {
    seq: -1,
    icount: 0,
    cpu: 0,
    task: '',
    branch: 'step-complete',
    slotMask: 0,
    arm: [],
    armN: 0,
    done: [],
    doneN: 0,
  };
}

function markStep(m: DecisionMark, arm: boolean, bp: string, slot: number): void {
  const list = arm ? m.arm : m.done;
  const i = arm ? m.armN++ : m.doneN++;
  const e = list[i];
  if (e) {
    e.bp = bp;
    e.slot = slot;
  } else list[i] = { bp, slot };
}

/** markInto for a decision kept as a Decision (appended whole, not as a raw record). */
export function markOfDecision(d: Decision, m: DecisionMark): void {
  m.seq = d.seq;
  m.icount = d.icount;
  m.cpu = d.cpu;
  m.task = d.task;
  m.branch = d.branch;
  let mask = 0;
  for (const s of d.slots) if (s.result !== 'miss') mask |= 1 << s.slot;
  m.slotMask = mask;
  m.armN = 0;
  m.doneN = 0;
  for (const e of d.effects) {
    if (e.kind !== 'arm-step' && e.kind !== 'step-done') continue;
    markStep(m, e.kind === 'arm-step', e.bp, d.slots.find((s) => s.bp === e.bp)?.slot ?? -1);
  }
}

/** `after <disassembly>` of the instruction a single step executed (user pc), made when asked. A
 * record keeps the word and pc, never this object: the machine refills one per CPU (`set`). */
export class SteppedInsn {
  constructor(
    public word: number,
    public pc: number,
  ) {}
  get text(): string {
    return `after ${disassemble(this.word >>> 0, BigInt(this.pc))}`;
  }
  /** (the word as an int32: a small integer, not a heap number) */
  set(word: number, pc: number): this {
    this.word = word;
    this.pc = pc;
    return this;
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
