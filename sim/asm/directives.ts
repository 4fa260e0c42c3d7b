// Assembler directives (pseudo-ops) as GNU as reads them for PowerPC ELF. Each handler reads its
// operands from the statement's tokens and emits bytes, switches sections or defines symbols.
import {
  ExprError,
  parseExpr,
  parseOperandExpr,
  startCol,
  UndefinedSymbol,
  type Expr,
  TokenStream,
} from './expression';
import { OUTPUT_LIMIT, type AsmState } from './state';

const MAX_RESERVE = BigInt(OUTPUT_LIMIT);

type Handler = (st: AsmState, ts: TokenStream, name: string, nameCol: number) => void;

/** Reads comma-separated expressions up to the end of the statement. */
function exprList(ts: TokenStream): Expr[] {
  const out: Expr[] = [];
  if (ts.atEnd()) return out;
  for (;;) {
    out.push(parseExpr(ts));
    if (ts.atEnd()) return out;
    if (!ts.isOp(',')) throw new ExprError(`expected ',' or the end of the line, found '${ts.peek()!.text}'`, ts.col());
    ts.next();
  }
}

function expectEnd(ts: TokenStream): void {
  if (!ts.atEnd()) throw new ExprError(`unexpected '${ts.peek()!.text}' at the end of the directive`, ts.col());
}

function expectComma(ts: TokenStream): void {
  if (!ts.isOp(',')) throw new ExprError("expected ','", ts.col());
  ts.next();
}

/** A string token's bytes as text (in pieces: a long string cannot be spread into one call). */
function stringOf(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.slice(i, i + 4096));
  return out;
}

function symbolName(ts: TokenStream): { name: string; col: number } {
  const t = ts.next();
  if (!t || (t.kind !== 'ident' && t.kind !== 'str'))
    throw new ExprError('expected a symbol name', t ? t.col : ts.col());
  return { name: t.kind === 'str' ? stringOf(t.bytes!) : t.text, col: t.col };
}

/** Data of `size` bytes per value; values are resolved after layout (they may be labels). */
function cons(size: number): Handler {
  return (st, ts) => {
    if (ts.atEnd()) return;
    for (;;) {
      const { expr, half, col } = parseOperandExpr(ts);
      const off = st.emit(new Array(size).fill(0), false);
      st.fixups.push({ kind: 'data', sec: st.cur, off, size, expr, half, line: st.line, col });
      if (ts.atEnd()) return;
      expectComma(ts);
    }
  };
}

function strings(zero: boolean): Handler {
  return (st, ts) => {
    for (;;) {
      const t = ts.next();
      if (!t || t.kind !== 'str') throw new ExprError('expected a string in double quotes', t ? t.col : ts.col());
      st.emit(zero ? [...t.bytes!, 0] : t.bytes!, false);
      if (ts.atEnd()) return;
      expectComma(ts);
    }
  };
}

/** `.align`/`.p2align` (power of two) and `.balign` (bytes): pads with nops in code, zeros elsewhere. */
function align(bytes: boolean): Handler {
  return (st, ts, name) => {
    const args: (Expr | undefined)[] = [];
    while (!ts.atEnd()) {
      if (ts.isOp(',')) {
        ts.next();
        args.push(undefined);
        continue;
      }
      args.push(parseExpr(ts));
      if (!ts.atEnd()) expectComma(ts);
    }
    if (!args[0]) throw new ExprError(`${name} needs an alignment`, ts.col());
    const a = st.constant(args[0], 'the alignment');
    if (a === undefined) return;
    let boundary: number;
    if (bytes) {
      if (a <= 0n || (a & (a - 1n)) !== 0n) return st.error(args[0].col, `alignment ${a} is not a power of 2`);
      if (a > MAX_RESERVE) return st.error(args[0].col, `alignment ${a} is larger than a program may be (256 MiB)`);
      boundary = Number(a);
    } else {
      if (a < 0n || a > 16n) return st.error(args[0].col, `alignment exponent ${a} is out of range (0..16)`);
      boundary = 1 << Number(a);
    }
    const fill = args[1] ? st.constant(args[1], 'the fill value') : undefined;
    const max = args[2] ? st.constant(args[2], 'the maximum skip') : undefined;
    st.cur.align = Math.max(st.cur.align, boundary);
    const count = (boundary - (st.off % boundary)) % boundary;
    if (max !== undefined && max > 0n && BigInt(count) > max) return;
    st.pad(count, fill === undefined ? undefined : [Number(fill & 0xffn)]);
  };
}

function space(st: AsmState, ts: TokenStream, name: string): void {
  const [n, fill] = exprList(ts);
  if (!n) throw new ExprError(`${name} needs a size`, ts.col());
  const count = st.constant(n, 'the size');
  if (count === undefined) return;
  if (count < 0n) return st.error(n.col, `${name} size ${count} is negative`);
  if (count > MAX_RESERVE) return st.error(n.col, `${name} size ${count} is too large (at most 256 MiB)`);
  const f = fill ? st.constant(fill, 'the fill value') : 0n;
  st.reserve(Number(count), Number((f ?? 0n) & 0xffn));
}

function fill(st: AsmState, ts: TokenStream): void {
  const [r, s, v] = exprList(ts);
  if (!r) throw new ExprError('.fill needs a repeat count', ts.col());
  const repeat = st.constant(r, 'the repeat count');
  const size = s ? st.constant(s, 'the size') : 1n;
  const value = v ? st.constant(v, 'the value') : 0n;
  if (repeat === undefined || size === undefined || value === undefined) return;
  if (repeat < 0n) return st.error(r.col, 'the repeat count is negative');
  const sz = Number(size > 8n ? 8n : size < 0n ? 0n : size);
  // GNU as: the value is at most 4 bytes; larger sizes get zeros in the high bytes
  const unit: number[] = [];
  const low = BigInt.asUintN(32, value);
  for (let i = 0; i < sz; i++) unit.push(i < 4 ? Number((low >> BigInt(8 * i)) & 0xffn) : 0);
  if (repeat * BigInt(sz) > MAX_RESERVE)
    return st.error(r.col, `.fill of ${repeat * BigInt(sz)} bytes is larger than a program may be (256 MiB)`);
  st.emitRepeated(unit, Number(repeat));
}

function org(st: AsmState, ts: TokenStream): void {
  const [e, f] = exprList(ts);
  if (!e) throw new ExprError('.org needs an address', ts.col());
  let v;
  try {
    v = st.evalNow(e);
  } catch (err) {
    if (err instanceof UndefinedSymbol)
      return st.error(err.col, `.org needs a value known here; '${err.symbol}' is not defined before this line`);
    throw err;
  }
  if (v.sec && v.sec !== st.cur.name) return st.error(e.col, `.org to an address in another section (${v.sec})`);
  if (v.v - BigInt(st.off) > MAX_RESERVE) return st.error(e.col, `.org would reserve more than 256 MiB`);
  const target = Number(v.v);
  if (target < st.off) return st.error(e.col, `.org would move the location backwards (from ${st.off} to ${target})`);
  const fv = f ? (st.constant(f, 'the fill value') ?? 0n) : 0n;
  st.reserve(target - st.off, Number(fv & 0xffn));
}

function section(st: AsmState, ts: TokenStream): void {
  const { name } = symbolName(ts);
  let flags = '';
  let type = '';
  if (ts.isOp(',')) {
    ts.next();
    const t = ts.next();
    if (t?.kind === 'str') flags = stringOf(t.bytes!);
    if (ts.isOp(',')) {
      ts.next();
      if (ts.isOp('@')) ts.next();
      const ty = ts.next();
      if (ty) type = ty.text.replace(/^%/, '');
    }
    while (!ts.atEnd()) ts.next(); // entity size, group name: no effect on the bytes
  } else if (!ts.atEnd() && ts.peek()!.kind === 'num') {
    ts.next(); // subsection number: accepted and ignored
  }
  if (name.startsWith('.note') || name === '.comment' || name.startsWith('.debug') || name.startsWith('.gnu')) {
    // not part of the loaded program; switch to a scratch section so that its contents go nowhere
    st.switchTo('\u0000' + name, {});
    return;
  }
  const isText = name === '.text' || name.startsWith('.text.');
  const isBss = name === '.bss' || name.startsWith('.bss.') || name.startsWith('.sbss') || type === 'nobits';
  st.switchTo(name, { exec: flags ? flags.includes('x') : isText, nobits: isBss });
}

function simpleSection(name: string, opts: { exec?: boolean; nobits?: boolean }): Handler {
  return (st, ts) => {
    if (!ts.atEnd()) exprList(ts); // subsection: accepted and ignored
    st.switchTo(name, opts);
  };
}

function setSymbol(st: AsmState, ts: TokenStream, name: string): void {
  const sym = symbolName(ts);
  expectComma(ts);
  const e = parseExpr(ts);
  expectEnd(ts);
  defineSet(st, sym.name, sym.col, e, name === '.equiv');
}

/** `.set`, `.equ`, `.equiv`, `x = expr`: evaluated now if possible, else when first needed. */
export function defineSet(st: AsmState, name: string, col: number, e: Expr, once: boolean): void {
  const old = st.symbols.get(name);
  if (old && (old.defined || old.lazy) && (once || !old.isSet)) {
    return st.error(col, `symbol '${name}' is already defined (line ${old.line})`);
  }
  const sym = st.symbol(name, col);
  sym.line = st.line;
  sym.col = col;
  sym.isSet = true;
  try {
    const v = st.evalNow(e);
    sym.v = v.v;
    sym.sec = v.sec;
    sym.defined = true;
    sym.lazy = undefined;
  } catch (err) {
    if (!(err instanceof UndefinedSymbol)) throw err;
    sym.defined = false;
    sym.lazy = st.defer(e, startCol(e));
  }
}

function symbolFlags(what: 'global' | 'local'): Handler {
  return (st, ts) => {
    for (;;) {
      const s = symbolName(ts);
      st.symbol(s.name, s.col).global = what === 'global';
      if (ts.atEnd()) return;
      expectComma(ts);
    }
  };
}

function typeDirective(st: AsmState, ts: TokenStream): void {
  const s = symbolName(ts);
  expectComma(ts);
  if (ts.isOp('@')) ts.next();
  const t = ts.next();
  if (!t) throw new ExprError('expected a symbol type such as @function', ts.col());
  const raw = (t.kind === 'str' ? stringOf(t.bytes!) : t.text).replace(/^%/, '').toLowerCase();
  const types: Record<string, 'function' | 'object' | 'notype'> = {
    function: 'function',
    stt_func: 'function',
    gnu_indirect_function: 'function',
    stt_gnu_ifunc: 'function',
    object: 'object',
    stt_object: 'object',
    tls_object: 'object',
    common: 'object',
    notype: 'notype',
    stt_notype: 'notype',
  };
  const ty = types[raw];
  if (!ty) return st.error(t.col, `unknown symbol type '${raw}' (use @function or @object)`);
  st.symbol(s.name, s.col).type = ty;
}

function sizeDirective(st: AsmState, ts: TokenStream): void {
  const s = symbolName(ts);
  expectComma(ts);
  const e = parseExpr(ts);
  expectEnd(ts);
  st.symbol(s.name, s.col).size = st.defer(e, e.col);
}

function localEntry(st: AsmState, ts: TokenStream): void {
  const s = symbolName(ts);
  expectComma(ts);
  const e = parseExpr(ts);
  expectEnd(ts);
  st.symbol(s.name, s.col).localEntry = st.defer(e, startCol(e));
}

function comm(local: boolean): Handler {
  return (st, ts) => {
    const s = symbolName(ts);
    expectComma(ts);
    const [sz, al] = exprList(ts);
    if (!sz) throw new ExprError(`expected the size after ','`, ts.col());
    const size = st.constant(sz, 'the size');
    const a = al ? st.constant(al, 'the alignment') : undefined;
    if (size === undefined) return;
    if (size < 0n) return st.error(sz.col, `the size ${size} is negative`);
    if (size > MAX_RESERVE) return st.error(sz.col, `the size ${size} is larger than a program may be (256 MiB)`);
    if (a !== undefined && (a < 0n || a > MAX_RESERVE || (a & (a - 1n)) !== 0n))
      return st.error(al!.col, `alignment ${a} is not a power of 2 up to 256 MiB`);
    const saved = st.curName;
    st.switchTo('.bss', { nobits: true });
    const boundary = Number(a ?? (size >= 16n ? 16n : size >= 8n ? 8n : size >= 4n ? 4n : size >= 2n ? 2n : 1n));
    if (boundary > 0) {
      st.cur.align = Math.max(st.cur.align, boundary);
      st.pad((boundary - (st.off % boundary)) % boundary);
    }
    st.defineLabel(s.name, s.col);
    const sym = st.symbol(s.name, s.col);
    sym.type = 'object';
    sym.global = !local;
    sym.size = { expr: { k: 'num', v: size, col: s.col }, sec: '.bss', off: 0, line: st.line, col: s.col };
    st.reserve(Number(size));
    st.switchTo(saved);
  };
}

const ignore: Handler = (_st, ts) => {
  while (!ts.atEnd()) ts.next();
};

/** `.machine NAME|"NAME"|push|pop`: only whether prefixed (POWER10) instructions are allowed matters here. */
const machine: Handler = (st, ts) => {
  const t = ts.next();
  const text = t === undefined ? '' : t.kind === 'str' ? String.fromCharCode(...(t.bytes ?? [])) : t.text;
  while (!ts.atEnd()) ts.next();
  const name = text.toLowerCase();
  if (name === 'push') st.machineStack.push(st.machine);
  else if (name === 'pop') st.machine = st.machineStack.pop();
  else st.machine = name;
};

export const DIRECTIVES: Record<string, Handler> = {
  '.text': simpleSection('.text', { exec: true }),
  '.data': simpleSection('.data', {}),
  '.bss': simpleSection('.bss', { nobits: true }),
  '.rodata': simpleSection('.rodata', {}),
  '.section': section,
  '.pushsection': (st, ts, n, c) => {
    st.sectionStack.push(st.curName);
    section(st, ts);
    void n;
    void c;
  },
  '.popsection': (st, _ts, _n, col) => {
    const s = st.sectionStack.pop();
    if (s === undefined) return st.error(col, '.popsection without .pushsection');
    st.switchTo(s);
  },
  '.previous': (st) => st.switchTo(st.previous),
  '.byte': cons(1),
  '.short': cons(2),
  '.hword': cons(2),
  '.2byte': cons(2),
  '.half': cons(2),
  '.long': cons(4),
  '.int': cons(4),
  '.4byte': cons(4),
  '.word': cons(2),
  '.quad': cons(8),
  '.8byte': cons(8),
  '.llong': cons(8),
  '.ascii': strings(false),
  '.asciz': strings(true),
  '.string': strings(true),
  '.align': align(false),
  '.p2align': align(false),
  '.balign': align(true),
  '.space': space,
  '.skip': space,
  '.zero': space,
  '.fill': fill,
  '.org': org,
  '.set': setSymbol,
  '.equ': setSymbol,
  '.equiv': setSymbol,
  '.globl': symbolFlags('global'),
  '.global': symbolFlags('global'),
  '.weak': symbolFlags('global'),
  '.local': symbolFlags('local'),
  '.type': typeDirective,
  '.size': sizeDirective,
  '.comm': comm(false),
  '.lcomm': comm(true),
  '.end': (st) => {
    st.ended = true;
  },
  '.macro': (st, _ts, n, col) => st.error(col, `${n} is not supported (write the instructions out, or use .rept)`),
  '.include': (st, _ts, n, col) => st.error(col, `${n} is not supported: a program is one file`),
  '.incbin': (st, _ts, n, col) => st.error(col, `${n} is not supported: a program is one file`),
  // accepted without effect on the bytes
  '.abiversion': ignore,
  '.machine': machine,
  '.file': ignore,
  '.ident': ignore,
  '.localentry': localEntry,
  '.hidden': ignore,
  '.protected': ignore,
  '.internal': ignore,
  '.gnu_attribute': ignore,
  '.loc': ignore,
  '.cfi_startproc': ignore,
  '.cfi_endproc': ignore,
  '.cfi_def_cfa_offset': ignore,
  '.cfi_offset': ignore,
  '.cfi_def_cfa': ignore,
  '.cfi_register': ignore,
  '.cfi_restore': ignore,
  '.cfi_sections': ignore,
  '.cfi_def_cfa_register': ignore,
  '.option': ignore,
  '.attribute': ignore,
};
