// Expressions as GNU as parses and evaluates them, including its operator precedence (which is not
// C's: `<<` binds like `*`, and `&` `|` `^` bind tighter than `+`), 64-bit wrap-around arithmetic,
// relocatable values (a section plus an offset, so that differences within one section are constants)
// and the PowerPC `@l`/`@h`/`@ha`/`@high*`/`@higher*`/`@highest*` operators.
import type { Token } from './lexer';
import { registerByName, type Register } from './registers';

export type Expr =
  | { k: 'num'; v: bigint; col: number }
  | { k: 'sym'; name: string; col: number }
  | { k: 'dot'; col: number }
  /** d: the depth of the tree below (bounded: evaluation recurses over it) */
  | { k: 'un'; op: string; e: Expr; col: number; d?: number }
  | { k: 'bin'; op: string; l: Expr; r: Expr; col: number; d?: number };

/** How deep an expression may nest: parentheses and unary operators, and operators in a row (each
 * makes its tree one deeper). Deeper is an error at its column, not a stack overflow. */
export const EXPR_DEPTH_LIMIT = 500;

function depthOf(e: Expr): number {
  return e.k === 'un' || e.k === 'bin' ? (e.d ?? 1) : 0;
}

/** A binary node, refused when it would make the tree deeper than the limit. */
export function binNode(op: string, l: Expr, r: Expr, col: number): Expr {
  const d = 1 + Math.max(depthOf(l), depthOf(r));
  if (d > EXPR_DEPTH_LIMIT)
    throw new ExprError(`the expression is too long: more than ${EXPR_DEPTH_LIMIT} operators deep`, col);
  return { k: 'bin', op, l, r, col, d };
}

/** The PowerPC half-word operators. */
export type HalfOp = 'l' | 'h' | 'ha' | 'high' | 'higha' | 'higher' | 'highera' | 'highest' | 'highesta';
const HALF_OPS: readonly string[] = ['l', 'h', 'ha', 'high', 'higha', 'higher', 'highera', 'highest', 'highesta'];

/** An operand expression: `expr`, or `expr@op` with an optional addend after the operator. */
export interface OperandExpr {
  expr: Expr;
  half?: HalfOp;
  /** `sym@pcrel`: the value relative to the (prefixed) instruction's address */
  pcrel?: boolean;
  col: number;
}

// These errors are the assembler's flow of control (a repeat of a statement with an undefined symbol
// throws one per repeat): they are made without a stack trace, which is most of an Error's cost.
export class ExprError extends Error {
  constructor(
    message: string,
    public col: number,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** A cursor over one statement's tokens. */
export class TokenStream {
  /** parentheses and unary operators open around the token being parsed */
  depth = 0;
  constructor(
    public toks: Token[],
    public pos = 0,
    public endCol = 1,
  ) {}
  peek(o = 0): Token | undefined {
    return this.toks[this.pos + o];
  }
  next(): Token | undefined {
    return this.toks[this.pos++];
  }
  atEnd(): boolean {
    return this.pos >= this.toks.length;
  }
  isOp(text: string, o = 0): boolean {
    const t = this.peek(o);
    return t !== undefined && t.kind === 'op' && t.text === text;
  }
  col(): number {
    const t = this.peek();
    if (t) return t.col;
    const last = this.toks[this.toks.length - 1];
    return last ? last.col + last.text.length : this.endCol;
  }
}

// GNU as precedence levels (as(1) "Infix Operators"): higher number binds tighter.
const BINARY: Record<string, number> = {
  '*': 4,
  '/': 4,
  '%': 4,
  '<<': 4,
  '>>': 4,
  '|': 3,
  '&': 3,
  '^': 3,
  '!': 3,
  '+': 2,
  '-': 2,
  '==': 2,
  '!=': 2,
  '<>': 2,
  '<': 2,
  '<=': 2,
  '>': 2,
  '>=': 2,
  '&&': 1,
  '||': 1,
};

export function parseExpr(ts: TokenStream, minPrec = 1): Expr {
  let left = parseUnary(ts);
  for (;;) {
    const t = ts.peek();
    if (!t || t.kind !== 'op') break;
    const p = BINARY[t.text];
    if (p === undefined || p < minPrec) break;
    ts.next();
    const right = parseExpr(ts, p + 1);
    left = binNode(t.text, left, right, t.col);
  }
  return left;
}

function parseUnary(ts: TokenStream): Expr {
  const t = ts.next();
  if (!t) throw new ExprError('missing expression', ts.col());
  switch (t.kind) {
    case 'num':
    case 'char':
      return { k: 'num', v: t.value!, col: t.col };
    case 'ident':
      if (t.text === '.') return { k: 'dot', col: t.col };
      return { k: 'sym', name: t.text, col: t.col };
    case 'reg':
      return { k: 'sym', name: t.text, col: t.col };
    case 'localref':
      return { k: 'sym', name: t.text, col: t.col };
    case 'str':
      throw new ExprError('a string is not allowed in an expression', t.col);
    case 'op':
      if (t.text === '(' || t.text === '-' || t.text === '~' || t.text === '!' || t.text === '+') {
        if (ts.depth >= EXPR_DEPTH_LIMIT)
          throw new ExprError(
            `the expression nests too deeply (more than ${EXPR_DEPTH_LIMIT} parentheses and ` + `unary operators)`,
            t.col,
          );
        ts.depth++;
        try {
          if (t.text === '(') {
            const e = parseExpr(ts);
            if (!ts.isOp(')')) throw new ExprError("missing ')'", ts.col());
            ts.next();
            return e;
          }
          const e = parseUnary(ts);
          return { k: 'un', op: t.text, e, col: t.col, d: 1 + depthOf(e) };
        } finally {
          ts.depth--;
        }
      }
      throw new ExprError(`unexpected '${t.text}' in expression`, t.col);
  }
}

/** Parses `expr[@op[(+|-)expr]]`. */
export function parseOperandExpr(ts: TokenStream): OperandExpr {
  const col = ts.col();
  let expr = parseExpr(ts);
  let half: HalfOp | undefined;
  let pcrel = false;
  if (ts.isOp('@')) {
    const at = ts.next()!;
    const name = ts.next();
    if (!name || name.kind !== 'ident') throw new ExprError("expected an operator name after '@'", at.col + 1);
    const op = name.text.toLowerCase();
    if (['toc', 'got', 'plt', 'tocbase', 'dtprel', 'tprel', 'tls', 'notoc'].includes(op))
      throw new ExprError(
        `'@${name.text}' is not supported: this lab links statically without a TOC; address ` +
          `data with lis/addi and @ha/@l, or pla/pld with @pcrel`,
        name.col,
      );
    if (op !== 'pcrel' && !HALF_OPS.includes(op)) throw new ExprError(`unsupported operator '@${name.text}'`, name.col);
    if (op === 'pcrel') pcrel = true;
    else half = op as HalfOp;
    // GNU as allows an addend after the operator: sym@l+4 means (sym+4)@l
    while (ts.isOp('+') || ts.isOp('-')) {
      const o = ts.next()!;
      const r = parseExpr(ts, 3);
      expr = binNode(o.text, expr, r, o.col);
    }
  }
  return pcrel ? { expr, pcrel, col } : { expr, half, col };
}

/** A value: an absolute number (sec undefined) or an offset/address relative to a section. */
export interface Value {
  v: bigint;
  sec?: string;
  /** set when the expression was exactly a register name */
  reg?: Register;
}

/** Raised when an expression uses a symbol that is not (yet) defined. */
export class UndefinedSymbol extends Error {
  constructor(
    public symbol: string,
    public col: number,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`undefined symbol '${symbol}'`);
    Error.stackTraceLimit = limit;
  }
}

export interface EvalContext {
  /** the value of a symbol, or undefined when not defined (yet) */
  symbol(name: string, col: number): Value | undefined;
  /** the current location `.` */
  dot(): Value;
  /** instruction operands: register names (r3, cr1, eq, vs0) are values */
  registers: boolean;
}

const wrap = (x: bigint) => BigInt.asIntN(64, x);

export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.k) {
    case 'num':
      return { v: wrap(e.v) };
    case 'dot':
      return ctx.dot();
    case 'sym': {
      if (ctx.registers || e.name.startsWith('%')) {
        const r = registerByName(e.name);
        // no operand here takes f/v registers: a label named like one (v1, f2) is the label
        const shadowed =
          r && (r.cls === 'fpr' || r.cls === 'vr') && !e.name.startsWith('%') && ctx.symbol(e.name, e.col);
        if (shadowed) return shadowed;
        if (r && (ctx.registers || r.cls === 'gpr')) return { v: BigInt(r.num), reg: r };
        if (e.name.startsWith('%')) throw new ExprError(`bad register name '${e.name}'`, e.col);
      }
      const v = ctx.symbol(e.name, e.col);
      if (!v) throw new UndefinedSymbol(e.name, e.col);
      return v;
    }
    case 'un': {
      const a = evaluate(e.e, ctx);
      if (e.op === '+') return { v: a.v, sec: a.sec };
      if (a.sec) throw new ExprError(`unary '${e.op}' of an address is not a constant`, e.col);
      if (e.op === '-') return { v: wrap(-a.v) };
      if (e.op === '~') return { v: wrap(~a.v) };
      return { v: a.v === 0n ? 1n : 0n };
    }
    case 'bin': {
      const a = evaluate(e.l, ctx);
      const b = evaluate(e.r, ctx);
      if (e.op === '+') {
        if (a.sec && b.sec) throw new ExprError('cannot add two addresses', e.col);
        return { v: wrap(a.v + b.v), sec: a.sec ?? b.sec };
      }
      if (e.op === '-') {
        if (b.sec) {
          if (a.sec !== b.sec)
            throw new ExprError(
              a.sec
                ? `cannot subtract addresses in different sections (${a.sec} and ${b.sec})`
                : 'cannot subtract an address from a constant',
              e.col,
            );
          return { v: wrap(a.v - b.v) };
        }
        return { v: wrap(a.v - b.v), sec: a.sec };
      }
      if (a.sec || b.sec) {
        // comparisons of addresses in one section are constants in GNU as too
        if (!(a.sec === b.sec && ['==', '!=', '<>', '<', '<=', '>', '>='].includes(e.op)))
          throw new ExprError(`operator '${e.op}' needs constant operands, not addresses`, e.col);
      }
      const x = a.v,
        y = b.v;
      const ux = BigInt.asUintN(64, x);
      const t = (c: boolean) => (c ? -1n : 0n); // GNU as: true is all ones
      switch (e.op) {
        case '*':
          return { v: wrap(x * y) };
        case '/':
          if (y === 0n) throw new ExprError('division by zero', e.col);
          return { v: wrap(x / y) };
        case '%':
          if (y === 0n) throw new ExprError('division by zero', e.col);
          return { v: wrap(x % y) };
        case '<<':
          return { v: y >= 64n || y < 0n ? 0n : wrap(x << y) };
        case '>>':
          return { v: y >= 64n || y < 0n ? 0n : wrap(ux >> y) };
        case '&':
          return { v: x & y };
        case '|':
          return { v: x | y };
        case '^':
          return { v: x ^ y };
        case '!':
          return { v: wrap(x | ~y) };
        case '==':
          return { v: t(x === y) };
        case '!=':
        case '<>':
          return { v: t(x !== y) };
        case '<':
          return { v: t(x < y) };
        case '<=':
          return { v: t(x <= y) };
        case '>':
          return { v: t(x > y) };
        case '>=':
          return { v: t(x >= y) };
        case '&&':
          return { v: x !== 0n && y !== 0n ? 1n : 0n };
        case '||':
          return { v: x !== 0n || y !== 0n ? 1n : 0n };
      }
      throw new ExprError(`unknown operator '${e.op}'`, e.col);
    }
  }
}

/**
 * Applies a half-word operator to a 64-bit value (the result is 0..0xffff). The adjusted forms
 * (@ha, @higha, @highera, @highesta) add 0x8000 first, as binutils' PPC_HA/PPC_HIGHERA do: each
 * compensates for the sign extension of the 16-bit piece below it.
 */
export function applyHalf(op: HalfOp, x: bigint): bigint {
  const u = BigInt.asUintN(64, x);
  const piece = (shift: bigint, adjust: boolean) =>
    (BigInt.asUintN(64, u + (adjust ? 0x8000n : 0n)) >> shift) & 0xffffn;
  switch (op) {
    case 'l':
      return u & 0xffffn;
    case 'h':
    case 'high':
      return piece(16n, false);
    case 'ha':
    case 'higha':
      return piece(16n, true);
    case 'higher':
      return piece(32n, false);
    case 'highera':
      return piece(32n, true);
    case 'highest':
      return piece(48n, false);
    case 'highesta':
      return piece(48n, true);
  }
}

/** Every symbol name an expression mentions (for error positions). */
export function symbolsOf(e: Expr, out: { name: string; col: number }[] = []): { name: string; col: number }[] {
  if (e.k === 'sym') out.push({ name: e.name, col: e.col });
  else if (e.k === 'un') symbolsOf(e.e, out);
  else if (e.k === 'bin') {
    symbolsOf(e.l, out);
    symbolsOf(e.r, out);
  }
  return out;
}

/** The column where an expression starts (binary nodes carry their operator's column). */
export function startCol(e: Expr): number {
  return e.k === 'bin' ? startCol(e.l) : e.col;
}
