// What the assembler knows while it works: sections and the current location, symbols, the
// deferred pieces (instruction and data values resolved once every label has an address), the line
// table and the diagnostics. Shared by the directive handlers and the instruction encoder.
import type { Diagnostic, SymbolType } from '../program';
import {
  evaluate,
  ExprError,
  UndefinedSymbol,
  type EvalContext,
  type Expr,
  type HalfOp,
  type OperandExpr,
  type Value,
} from './expression';
import { Sections, type SectionState } from './layout';
import type { Token } from './lexer';
import { TOC_SYMBOL, tocBase } from './toc-base';

/** The most bytes all of a program's sections may hold together (reservations and .bss included):
 * 256 MiB. Going over it is an error at the line that would, and assembly stops there. */
export const OUTPUT_LIMIT = 0x10000000;
/** How much `.rept` may expand in a file, nested repeats included, counted in tokens (a statement
 * weighs its length: a million `nop`s, or a quarter of a million `addi 3,3,1`s; scanning a repeat's
 * body counts too), so that a repeat of a repeat, or of a long line, cannot run for ever. */
export const EXPANSION_LIMIT = 4_000_000;
/** How many lazily defined symbols (`.set x, y+1` before y is defined) a file may evaluate, one
 * inside another included: a long chain used many times is bounded work. */
export const SYMBOL_WORK_LIMIT = 200_000;
/** How deeply `.rept` and `.if` blocks may nest, and symbol definitions refer to later ones. */
export const NESTING_LIMIT = 100;
export const SYMBOL_CHAIN_LIMIT = 1000;

/** A limit of the assembler was reached: reported at the statement, and assembly stops. */
export class AsmLimitError extends ExprError {}

export interface Sym {
  name: string;
  /** output section; undefined for absolute values */
  sec?: string;
  /** offset in the section (or the absolute value) */
  v: bigint;
  defined: boolean;
  line: number;
  col: number;
  type: SymbolType;
  global: boolean;
  size?: Deferred;
  /** `.set x, expr` whose value needs symbols defined later */
  lazy?: Deferred;
  evaluating?: boolean;
  /** after layout: what the lazy definition evaluated to, or why it failed (each is evaluated once) */
  settled?: Value | ExprError | UndefinedSymbol;
  /** `.localentry sym, expr`: branches to sym go this many bytes past it (GNU ld does so) */
  localEntry?: Deferred;
  /** defined by .set/.equ/= (may be redefined) */
  isSet?: boolean;
  /** a local numeric label instance (not listed in the symbol table) */
  local?: boolean;
}

/** An expression evaluated after layout, with the location `.` had where it was written. */
export interface Deferred {
  expr: Expr;
  sec: string;
  off: number;
  line: number;
  col: number;
}

export interface InsnFixup {
  kind: 'insn';
  sec: SectionState;
  off: number;
  line: number;
  col: number;
  mnemonic: string;
  hint?: '+' | '-';
  operands: ParsedOperand[];
}

export interface DataFixup {
  kind: 'data';
  sec: SectionState;
  off: number;
  size: number;
  expr: Expr;
  /** `.long sym@l` */
  half?: HalfOp;
  line: number;
  col: number;
}

export type Fixup = InsnFixup | DataFixup;

/** One operand as written: `expr` or `disp(base)`. */
export type ParsedOperand = { mem: false; e: OperandExpr } | { mem: true; disp: OperandExpr; base: OperandExpr };

export interface PendingLine {
  sec: SectionState;
  off: number;
  size: number;
  line: number;
  insn: boolean;
}

export class AsmState {
  readonly sections = new Sections();
  cur: SectionState;
  curName = '.text';
  readonly sectionStack: string[] = [];
  previous = '.text';
  readonly symbols = new Map<string, Sym>();
  readonly fixups: Fixup[] = [];
  readonly lines: PendingLine[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** local numeric labels: how many times each number was defined so far */
  readonly localCounts = new Map<string, number>();
  /** the `.machine` in effect (undefined: GNU as's -mpower10 default) and the `.machine push` stack */
  machine: string | undefined = undefined;
  readonly machineStack: (string | undefined)[] = [];
  line = 0;
  /** column where the current statement starts (for errors about the whole statement) */
  stmtCol = 1;
  /** after layout, symbols evaluate to addresses; before, to section offsets */
  linked = false;
  ended = false;
  /** bytes in all sections so far (OUTPUT_LIMIT), statements .rept has run or scanned (EXPANSION_LIMIT) */
  total = 0;
  expanded = 0;
  /** lazily defined symbols being evaluated, one inside another, and evaluated in all */
  private lazyDepth = 0;
  private symbolWork = 0;

  constructor(public file: string) {
    this.cur = this.sections.map.get('.text')!;
  }

  error(col: number, message: string, line = this.line): void {
    this.diagnostics.push({ file: this.file, line, col, message, severity: 'error' });
  }
  warn(col: number, message: string, line = this.line): void {
    this.diagnostics.push({ file: this.file, line, col, message, severity: 'warning' });
  }

  get off(): number {
    return this.cur.bytes.length;
  }

  switchTo(name: string, flags: { exec?: boolean; nobits?: boolean } = {}): void {
    this.previous = this.curName;
    this.curName = name;
    this.cur = this.sections.get(name, flags);
  }

  /** A limit was reached: assembly stops after this statement (throw what this returns). */
  limit(message: string, col = this.stmtCol): AsmLimitError {
    this.ended = true;
    return new AsmLimitError(message, col);
  }

  /** Counts `n` more bytes of output: past OUTPUT_LIMIT, an error here and assembly stops. */
  grow(n: number, col = this.stmtCol): void {
    if (!(n >= 0) || this.total + n > OUTPUT_LIMIT) {
      throw this.limit(
        `this would make the program larger than 256 MiB (the limit of all sections ` +
          `together): ${this.total} bytes so far, ${n} more here`,
        col,
      );
    }
    this.total += n;
  }

  /** Counts `n` more tokens run or scanned by .rept: past EXPANSION_LIMIT, an error and assembly stops. */
  expand(n: number, col = this.stmtCol): void {
    if (!(n >= 0) || this.expanded + n > EXPANSION_LIMIT) {
      throw this.limit(
        `.rept would expand beyond the limit of a file (${EXPANSION_LIMIT} tokens of ` +
          `statements, nested repeats included)`,
        col,
      );
    }
    this.expanded += n;
  }

  emit(bytes: number[], insn: boolean): number {
    const off = this.off;
    this.grow(bytes.length);
    if (this.cur.nobits && bytes.some((b) => b !== 0)) {
      this.error(this.stmtCol, `${this.cur.name} holds no data: only zeros may be reserved there`);
    }
    this.cur.bytes.pushAll(bytes);
    if (bytes.length) this.lines.push({ sec: this.cur, off, size: bytes.length, line: this.line, insn });
    return off;
  }

  /** Appends `count` copies of a byte (.space, .org) as one data line. */
  reserve(count: number, value = 0): number {
    const off = this.off;
    this.grow(count);
    if (this.cur.nobits && value !== 0)
      this.error(this.stmtCol, `${this.cur.name} holds no data: only zeros may be reserved there`);
    this.cur.bytes.fill(count, value);
    if (count) this.lines.push({ sec: this.cur, off, size: count, line: this.line, insn: false });
    return off;
  }

  /** Appends `repeat` copies of `unit` (.fill) as one data line. */
  emitRepeated(unit: number[], repeat: number): number {
    const off = this.off;
    this.grow(unit.length * repeat);
    if (this.cur.nobits && unit.some((b) => b !== 0))
      this.error(this.stmtCol, `${this.cur.name} holds no data: only zeros may be reserved there`);
    this.cur.bytes.fillPattern(unit, repeat);
    if (unit.length * repeat)
      this.lines.push({ sec: this.cur, off, size: unit.length * repeat, line: this.line, insn: false });
    return off;
  }

  /** Pads to an alignment without a line entry (code sections get nops, as GNU as does). */
  pad(count: number, fill?: number[]): void {
    this.grow(count);
    if (fill) {
      this.cur.bytes.fillPattern(fill, count / fill.length);
    } else if (this.cur.exec && count % 4 === 0) {
      // GNU as for POWER10: more than 16 bytes of padding starts with a branch over it
      let i = 0;
      if (count > 16) {
        this.cur.bytes.push(count & 0xff, (count >> 8) & 0xff, (count >> 16) & 0xff, 0x48);
        i = 4;
      }
      this.cur.bytes.fillPattern([0x00, 0x00, 0x00, 0x60], (count - i) / 4);
    } else {
      this.cur.bytes.fill(count, 0);
    }
  }

  /** Whether the current `.machine` has the POWER10 prefixed instructions (GNU as: power10, pwr10,
   * power11, pwr11, future, any). */
  prefixedAllowed(): boolean {
    const m = this.machine;
    return m === undefined || /^(power1[01]|pwr1[01]|future|any)$/.test(m);
  }

  /**
   * Before a prefixed (8-byte) instruction, as GNU as does: the section is aligned to 64 bytes at
   * least, and a nop goes first when the instruction would otherwise cross a 64-byte boundary.
   */
  alignPrefixed(): void {
    if (!this.cur.exec) return;
    this.cur.align = Math.max(this.cur.align, 64);
    if (this.off % 64 === 60) this.pad(4);
  }

  /** Resolves `1b`/`1f` tokens to the numbered instance of a local label (`1b` before any `1:` is `1§0`). */
  localName(ref: string): string {
    const n = ref.slice(0, -1);
    const k = this.localCounts.get(n) ?? 0;
    return `${n}\u00a7${ref.endsWith('b') ? k : k + 1}`;
  }

  defineLabel(name: string, col: number, local = false): void {
    const old = this.symbols.get(name);
    if (old?.defined) {
      this.error(col, `symbol '${name}' is already defined (line ${old.line})`);
      return;
    }
    const s: Sym = old ?? { name, v: 0n, defined: false, line: this.line, col, type: 'notype', global: false };
    s.sec = this.cur.name;
    s.v = BigInt(this.off);
    s.defined = true;
    s.line = this.line;
    s.col = col;
    s.local = local;
    this.symbols.set(name, s);
  }

  /** The symbol entry, created undefined when first mentioned by .globl/.type/.size. */
  symbol(name: string, col: number): Sym {
    let s = this.symbols.get(name);
    if (!s) {
      s = { name, v: 0n, defined: false, line: this.line, col, type: 'notype', global: false };
      this.symbols.set(name, s);
    }
    return s;
  }

  defer(expr: Expr, col: number): Deferred {
    return { expr, sec: this.cur.name, off: this.off, line: this.line, col };
  }

  private secBase(sec: string): bigint {
    return this.linked ? this.sections.map.get(sec)!.addr : 0n;
  }

  /** The value of a symbol now (offsets before layout, addresses after), or undefined. */
  symbolValue(name: string, col = 0): Value | undefined {
    const s = this.symbols.get(name);
    if (!s && name === TOC_SYMBOL && this.linked) return { v: tocBase(this.sections) };
    if (!s) return undefined;
    if (s.lazy && !s.defined) {
      const settled = s.settled;
      if (settled !== undefined) {
        if (settled instanceof UndefinedSymbol) throw settled;
        if (settled instanceof ExprError) throw new ExprError(settled.message, col > 0 ? col : settled.col);
        return settled;
      }
      if (s.evaluating)
        throw new ExprError(`symbol '${name}' is defined in terms of itself (line ${s.lazy.line})`, col);
      if (this.lazyDepth >= SYMBOL_CHAIN_LIMIT)
        throw new ExprError(
          `symbol '${name}' is defined through more than ${SYMBOL_CHAIN_LIMIT} later ` +
            `definitions, one inside another`,
          col,
        );
      if (++this.symbolWork > SYMBOL_WORK_LIMIT)
        throw this.limit(
          `symbols defined in terms of later ones take too long to resolve (more than ` +
            `${SYMBOL_WORK_LIMIT} evaluations): define them in order`,
        );
      s.evaluating = true;
      this.lazyDepth++;
      try {
        const v = this.evalDeferred(s.lazy, false);
        // (after layout every value is final: a long chain of definitions is walked once, not once per use)
        if (this.linked) s.settled = v;
        return v;
      } catch (e) {
        if (this.linked && (e instanceof ExprError || e instanceof UndefinedSymbol)) s.settled = e;
        // report where the symbol is used (the definition's own line reports it there); the same
        // error object goes on up (a chain of definitions makes no new one per level)
        if (e instanceof ExprError && col > 0) {
          if (this.linked) s.settled = new ExprError(e.message, e.col);
          e.col = col;
        }
        throw e;
      } finally {
        s.evaluating = false;
        this.lazyDepth--;
      }
    }
    if (!s.defined) return undefined;
    return s.sec ? { v: BigInt.asIntN(64, this.secBase(s.sec) + s.v), sec: s.sec } : { v: s.v };
  }

  context(dot: { sec: string; off: number }, registers: boolean): EvalContext {
    return {
      registers,
      symbol: (name, col) => this.symbolValue(name, col),
      dot: () => ({ v: this.secBase(dot.sec) + BigInt(dot.off), sec: dot.sec }),
    };
  }

  /** Evaluates at the current location. Undefined symbols throw UndefinedSymbol. */
  evalNow(expr: Expr, registers = false): Value {
    return evaluate(expr, this.context({ sec: this.cur.name, off: this.off }, registers));
  }

  evalDeferred(d: Deferred, registers: boolean): Value {
    return evaluate(d.expr, this.context({ sec: d.sec, off: d.off }, registers));
  }

  /** Evaluates an expression that must be a constant now (sizes, counts, alignments); reports errors. */
  constant(expr: Expr, what: string): bigint | undefined {
    try {
      const v = this.evalNow(expr);
      if (v.sec) {
        this.error(expr.col, `${what} must be a constant, not an address`);
        return undefined;
      }
      return v.v;
    } catch (e) {
      if (e instanceof UndefinedSymbol)
        this.error(
          e.col,
          `${what} must be a constant known here; '${shownName(e.symbol)}' is not defined ` + `before this line`,
        );
      else if (e instanceof ExprError) this.error(e.col, e.message);
      else throw e;
      return undefined;
    }
  }
}

export type { Token };

/** A symbol name as the user wrote it (local label instances back to `1b`/`1f`). */
export function shownName(name: string): string {
  const m = /^(\d+)\u00a7(\d+)$/.exec(name);
  if (!m) return name;
  return m[2] === '0' ? `${m[1]}b` : `${m[1]}f`;
}

/** The message for a symbol that has no value. */
export function undefinedMessage(name: string): string {
  const m = /^(\d+)\u00a7(\d+)$/.exec(name);
  if (!m) return `undefined symbol '${name}'`;
  return m[2] === '0'
    ? `undefined local label '${m[1]}b' (no '${m[1]}:' before it)`
    : `undefined local label '${m[1]}f' (no '${m[1]}:' after it)`;
}
