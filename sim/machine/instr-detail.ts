// What wp_get_instr_detail reads at NIP (SEMANTICS §5.2), and the text of a stepped instruction,
// for the exception side. The disassembly is only for the decision record, which makes its texts
// when it is read: so it is made on demand here, from the word and address kept (a perf hit reads
// two instructions and the log keeps 100k decisions, most never shown).
import { analyseInstruction } from '../cpu/analyse';
import type { AddressSpace } from '../cpu/address-space';
import { disassemble } from '../cpu/disasm';
import { fetchWord } from '../cpu/fetch';
import type { ThreadState } from '../cpu/thread-state';
import { SteppedInsn } from '../hwbp/decision-record';
import type { InstrDetail } from '../hwbp/hw-context';

/** A readable instruction: type, ea and size analysed now; `text` disassembled when asked. */
class ReadInstrDetail implements InstrDetail {
  readonly readable = true;
  readonly vsx32 = false;
  constructor(
    readonly type: InstrDetail['type'],
    readonly ea: bigint,
    readonly size: number,
    readonly word: number,
    private readonly pc: bigint,
    /** the pc as a number when below 2^53 (the decision record keeps word and pcNum) */
    readonly pcNum: number | undefined,
  ) {}
  get text(): string {
    return disassemble(this.word, this.pc);
  }
}

/** A prefixed (8-byte) instruction: the record keeps this object (its text needs both words). */
class PrefixedInstrDetail implements InstrDetail {
  readonly readable = true;
  readonly vsx32 = false;
  constructor(
    readonly type: InstrDetail['type'],
    readonly ea: bigint,
    readonly size: number,
    private readonly prefix: number,
    private readonly suffix: number,
    private readonly pc: bigint,
  ) {}
  get text(): string {
    return disassemble(this.prefix, this.pc, this.suffix);
  }
}

/** Whether an instruction word is the prefix of an 8-byte instruction (primary opcode 1). */
export function isPrefix(word: number): boolean {
  return word >>> 26 === 1;
}

const UNREADABLE: InstrDetail = Object.freeze({
  readable: false,
  type: 'unknown',
  ea: 0n,
  size: 0,
  text: '(unreadable)',
  vsx32: false,
});

const TWO52 = 1n << 52n;

/** fetchWord for a user pc (below 2^53) in doubles, without bigint arithmetic. */
export function fetchWordNum(mem: AddressSpace, pc: number): number | undefined {
  const p = mem.page(Math.floor(pc / 4096));
  if (!p || !p.read || pc % 4 !== 0) return undefined;
  return p.view.getUint32(pc % 4096, true);
}

function fetchAt(mem: AddressSpace, pc: bigint): number | undefined {
  return pc >= 0n && pc < TWO52 ? fetchWordNum(mem, Number(pc)) : fetchWord(mem, pc);
}

/** The instruction at the thread's pc, as the handler sees it. */
export function readInstrDetail(mem: AddressSpace, thread: ThreadState): InstrDetail {
  const pc = thread.pc;
  const word = fetchAt(mem, pc);
  if (word === undefined) return UNREADABLE;
  if (isPrefix(word)) {
    const next = fetchAt(mem, pc + 4n) ?? 0;
    const p = analyseInstruction(word, thread, next);
    return new PrefixedInstrDetail(p.type, p.ea, p.size, word, next, pc);
  }
  const a = analyseInstruction(word, thread);
  return new ReadInstrDetail(a.type, a.ea, a.size, word, pc, pc >= 0n && pc < TWO52 ? Number(pc) : undefined);
}

/** The step decision's instruction text: '' when nothing was stepped or the word is unreadable. */
export function steppedInsn(mem: AddressSpace, steppedPc: bigint | undefined): string | { readonly text: string } {
  if (steppedPc === undefined) return '';
  const word = fetchAt(mem, steppedPc);
  if (word === undefined) return '';
  if (isPrefix(word)) return `after ${disassemble(word, steppedPc, fetchAt(mem, steppedPc + 4n) ?? 0)}`;
  return steppedPc < TWO52 ? new SteppedInsn(word, Number(steppedPc)) : `after ${disassemble(word, steppedPc)}`;
}
