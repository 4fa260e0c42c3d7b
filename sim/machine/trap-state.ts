// What the machine hands the exception side for a user-mode exception, per CPU and reused from one
// exception to the next: the interrupted registers (pc kept as the thread's number, its bigint made
// once per pc) and the instruction at NIP as analysed in numbers (wp_get_instr_detail, SEMANTICS
// §5.2). The handler reads them during its run only; the decision record keeps the instruction as
// its word and address (never this object), so refilling them next time changes no decision.
import { disassemble } from '../cpu/disasm';
import type { InstrDetail, TrapRegs } from '../hwbp/hw-context';

/** A bigint of a number below 2^53, made again only when the number changes. */
class BigOf {
  private num = -1;
  private big = 0n;
  of(n: number): bigint {
    if (n !== this.num) {
      this.num = n;
      this.big = BigInt(n);
    }
    return this.big;
  }
}

/** TrapRegs of a user-mode exception whose pc is below 2^53. */
export class UserTrapRegs implements TrapRegs {
  readonly mode = 'user' as const;
  singleStep = false;
  pcNum = 0;
  private readonly pcBig = new BigOf();

  get pc(): bigint {
    return this.pcBig.of(this.pcNum);
  }
  set pc(v: bigint) {
    // (only a kernel-mode emulation moves the pc: not for these registers; kept exact all the same)
    this.pcNum = Number(v);
  }

  /** Filled for the next exception. */
  at(pcNum: number, singleStep: boolean): this {
    this.pcNum = pcNum;
    this.singleStep = singleStep;
    return this;
  }
}

/** A readable, non-prefixed user instruction whose access is below 2^52, in numbers. */
export class NumInstrDetail implements InstrDetail {
  readonly readable = true;
  readonly vsx32 = false;
  type: InstrDetail['type'] = 'other';
  eaNum = 0;
  size = 0;
  word = 0;
  pcNum = 0;
  private readonly eaBig = new BigOf();

  get ea(): bigint {
    return this.eaBig.of(this.eaNum);
  }
  get text(): string {
    return disassemble(this.word >>> 0, BigInt(this.pcNum));
  }

  /** Filled for the next exception. */
  set(type: InstrDetail['type'], eaNum: number, size: number, word: number, pcNum: number): this {
    this.type = type;
    this.eaNum = eaNum;
    this.size = size;
    this.word = word;
    this.pcNum = pcNum;
    return this;
  }
}
