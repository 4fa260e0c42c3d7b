// The assembler's entry point: GNU as syntax for 64-bit little-endian PowerPC in, a linked Program
// (sections at their link addresses, symbols, line table) out, with every error in the file reported.
// Pass 1 reads statements, lays out bytes and defines labels; after layout gives sections their
// addresses, pass 2 evaluates the operands and data that needed labels and encodes instructions.
import type { Diagnostic, LineEntry, Program, Result, Section, SymbolInfo } from '../program';
import { defineSet, DIRECTIVES } from './directives';
import { applyHalf, ExprError, parseExpr, TokenStream, UndefinedSymbol } from './expression';
import { encodeInsn, isPrefixed, lookupMnemonic, matchOperands, parseOperands } from './instruction';
import type { ByteBuffer } from './byte-buffer';
import type { Layout } from './layout';
import { lex, type Statement, type Token } from './lexer';
import { rewriteTocPrologues } from './toc';
import { looksLikeBadRegister } from './registers';
import { AsmState, NESTING_LIMIT, undefinedMessage, type DataFixup } from './state';

export interface AssembleOptions {
  layout?: Partial<Layout>;
}

export function assemble(source: string, file: string, options?: AssembleOptions): Result<Program> {
  const st = new AsmState(file);
  try {
    return run(st, source, file, options);
  } catch (e) {
    // a bug here must reach the user as a message at the line being assembled, never a stack trace
    const message = `internal assembler error: ${e instanceof Error ? e.message : String(e)}`;
    return {
      ok: false,
      errors: [...st.diagnostics, { file, line: Math.max(1, st.line), col: 1, message, severity: 'error' }],
    };
  }
}

function run(st: AsmState, source: string, file: string, options?: AssembleOptions): Result<Program> {
  const { statements, errors } = lex(source);
  for (const e of errors)
    st.diagnostics.push({ file, line: e.line, col: e.col, message: e.message, severity: 'error' });

  runStatements(st, statements);

  st.sections.place(options?.layout);
  st.linked = true;
  rewriteTocPrologues(st);
  for (const f of st.fixups) {
    if (f.kind === 'insn') {
      const words = encodeInsn(st, f);
      if (words !== undefined) words.forEach((w, i) => writeLE(f.sec.bytes, f.off + 4 * i, BigInt(w), 4));
    } else {
      data(st, f);
    }
  }
  const symbols = symbolTable(st);

  // a line repeated by .rept reports each distinct problem once
  const seen = new Set<string>();
  const diags = st.diagnostics
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .filter((d) => {
      const key = `${d.line}:${d.col}:${d.severity}:${d.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  const errs = diags.filter((d) => d.severity === 'error');
  if (errs.length) return { ok: false, errors: diags };
  const program = buildProgram(st, file, symbols);
  const warnings = diags.filter((d) => d.severity === 'warning');
  return warnings.length ? { ok: true, value: program, warnings } : { ok: true, value: program };
}

/** The lower-cased directive a statement starts with (ignoring labels), if any. */
function directiveOf(stmt: Statement): string | undefined {
  const t = stmt.tokens[0];
  return t &&
    t.kind === 'ident' &&
    t.text.startsWith('.') &&
    !(stmt.tokens[1]?.kind === 'op' && stmt.tokens[1].text === ':')
    ? t.text.toLowerCase()
    : undefined;
}

const CONDITIONALS = ['.if', '.ifdef', '.ifndef', '.else', '.endif', '.elseif'];

/** Runs statements in order, expanding `.rept` blocks and skipping false `.if` branches. `depth`: how
 * many `.rept` bodies this run is inside. */
function runStatements(st: AsmState, stmts: Statement[], depth = 0): void {
  // each open .if: [this branch active, some branch taken, enclosing active]
  const conds: { active: boolean; taken: boolean; outer: boolean }[] = [];
  const active = () => conds.length === 0 || conds[conds.length - 1].active;
  for (let i = 0; i < stmts.length; i++) {
    if (st.ended) return;
    const stmt = stmts[i];
    st.line = stmt.line;
    st.stmtCol = stmt.tokens[0].col;
    const d = directiveOf(stmt);
    try {
      if (d && CONDITIONALS.includes(d)) {
        const ts = new TokenStream(stmt.tokens, 1, stmt.tokens[0].col + d.length);
        const test = (): boolean => {
          if (d === '.ifdef' || d === '.ifndef') {
            const t = ts.next();
            if (!t || t.kind !== 'ident') throw new ExprError('expected a symbol name', ts.col());
            const def = st.symbols.get(t.text)?.defined === true;
            return d === '.ifdef' ? def : !def;
          }
          const v = st.constant(parseExpr(ts), 'the condition');
          return v !== undefined && v !== 0n;
        };
        if (d === '.if' || d === '.ifdef' || d === '.ifndef') {
          if (conds.length >= NESTING_LIMIT)
            throw st.limit(`.if nests more than ${NESTING_LIMIT} deep`, stmt.tokens[0].col);
          const outer = active();
          const c = outer ? test() : false;
          conds.push({ active: outer && c, taken: c, outer });
        } else {
          const top = conds[conds.length - 1];
          if (!top) {
            st.error(stmt.tokens[0].col, `${d} without .if`);
            continue;
          }
          if (d === '.endif') conds.pop();
          else if (d === '.else') {
            top.active = top.outer && !top.taken;
            top.taken = true;
          } else {
            const c = top.outer && !top.taken ? test() : false;
            top.active = c;
            top.taken ||= c;
          }
        }
        continue;
      }
      if (!active()) continue;
      if (d === '.rept') {
        // the body runs up to the matching .endr
        let nest = 1;
        let j = i + 1;
        for (; j < stmts.length; j++) {
          const dj = directiveOf(stmts[j]);
          if (dj === '.rept') nest++;
          else if (dj === '.endr' && --nest === 0) break;
        }
        // (scanning the body is work too: a repeat inside a repeat scans it every time)
        if (depth > 0) st.expand(j - i);
        let weight = 0;
        for (let k = i + 1; k < j; k++) weight += stmts[k].tokens.length;
        const ts = new TokenStream(stmt.tokens, 1, stmt.tokens[0].col + 5);
        const count = st.constant(parseExpr(ts), 'the repeat count');
        if (j >= stmts.length) {
          // GNU as: "end of file inside .rept" (the body is not run)
          st.error(stmt.tokens[0].col, '.rept without .endr');
          return;
        }
        if (depth + 1 > NESTING_LIMIT)
          throw st.limit(`.rept nests more than ${NESTING_LIMIT} deep`, stmt.tokens[0].col);
        const body = stmts.slice(i + 1, j);
        const n = count !== undefined && count > 0n ? count : 0n;
        // the whole expansion is counted before it runs (nested repeats count again as they run)
        weight = Math.max(1, weight);
        if (n > 0n)
          st.expand(
            n * BigInt(weight) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n) * weight,
            stmt.tokens[0].col,
          );
        for (let k = 0n; k < n && !st.ended; k++) runStatements(st, body, depth + 1);
        i = j;
        continue;
      }
      if (d === '.endr') {
        st.error(stmt.tokens[0].col, '.endr without .rept');
        continue;
      }
      statement(st, stmt);
    } catch (e) {
      if (e instanceof ExprError) st.error(e.col, e.message);
      else if (e instanceof UndefinedSymbol) st.error(e.col, undefinedMessage(e.symbol));
      else throw e;
    }
  }
  if (conds.length) st.error(1, `.if without .endif (${conds.length} open)`, st.line);
}

function statement(st: AsmState, stmt: Statement): void {
  // `1b`/`1f` become the numbered instance of local label 1 they refer to
  let toks: Token[] = stmt.tokens;
  // a prefixed instruction's padding nop goes before the labels on its own line (GNU as moves them)
  let k = 0;
  while (
    k + 1 < toks.length &&
    toks[k + 1].kind === 'op' &&
    toks[k + 1].text === ':' &&
    (toks[k].kind === 'ident' || toks[k].kind === 'num')
  )
    k += 2;
  if (k > 0 && k < toks.length && toks[k].kind === 'ident') {
    const found = lookupMnemonic(toks[k].text);
    if (found && isPrefixed(found.entry) && st.prefixedAllowed()) st.alignPrefixed();
  }
  // labels: `name:` (several may precede a statement) and local `1:`
  while (
    toks.length >= 2 &&
    toks[1].kind === 'op' &&
    toks[1].text === ':' &&
    (toks[0].kind === 'ident' || toks[0].kind === 'num')
  ) {
    const t = toks[0];
    if (t.kind === 'num') {
      const k = (st.localCounts.get(t.text) ?? 0) + 1;
      st.localCounts.set(t.text, k);
      st.defineLabel(`${t.text}\u00a7${k}`, t.col, true);
    } else {
      st.defineLabel(t.text, t.col);
    }
    toks = toks.slice(2);
  }
  if (toks.length === 0) return;
  // `1b`/`1f` become the numbered instance of local label 1 they refer to (after this line's labels)
  toks = toks.map((t) => (t.kind === 'localref' ? { ...t, kind: 'ident', text: st.localName(t.text) } : t));
  const first = toks[0];
  if (first.kind !== 'ident')
    throw new ExprError(`expected an instruction, directive or label, found '${first.text}'`, first.col);
  if (toks.length >= 2 && toks[1].kind === 'op' && toks[1].text === '=') {
    const ts = new TokenStream(toks, 2);
    const e = parseExpr(ts);
    if (!ts.atEnd()) throw new ExprError(`unexpected '${ts.peek()!.text}'`, ts.col());
    defineSet(st, first.text, first.col, e, false);
    return;
  }
  if (first.text.startsWith('.') && first.text.length > 1) {
    const name = first.text.toLowerCase();
    const h = DIRECTIVES[name];
    if (!h) {
      st.error(first.col, `unknown directive '${first.text}'`);
      return;
    }
    h(st, new TokenStream(toks, 1, first.col + first.text.length), name, first.col);
    return;
  }
  instruction(st, toks);
}

function instruction(st: AsmState, toks: Token[]): void {
  const first = toks[0];
  let pos = 1;
  let hint: '+' | '-' | undefined;
  const h = toks[1];
  if (h && h.kind === 'op' && (h.text === '+' || h.text === '-') && !h.spaced) {
    hint = h.text;
    pos = 2;
  }
  if (st.cur.nobits) st.error(first.col, `instructions cannot go in ${st.cur.name}`);
  else if (st.off % 4 !== 0)
    st.error(first.col, `instruction address is not a multiple of 4 (offset ${st.off} in ${st.cur.name})`);
  // reserve the word(s) first, so that later labels keep their places even when this line is wrong
  const found = lookupMnemonic(first.text);
  const prefixed = found !== undefined && isPrefixed(found.entry);
  if (prefixed && !st.prefixedAllowed()) {
    st.emit([0, 0, 0, 0], true);
    st.error(
      first.col,
      `'${first.text}' is a POWER10 prefixed instruction: the current '.machine ` +
        `${st.machine}' does not have it (use .machine power10)`,
    );
    return;
  }
  if (prefixed) st.alignPrefixed();
  const off = st.emit(prefixed ? [0, 0, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0], true);
  if (!found) {
    st.error(first.col, `unknown instruction '${first.text}'`);
    return;
  }
  if (/^(lmw|stmw|lswi|lswx|stswi|stswx)$/i.test(first.text)) {
    st.error(first.col, `'${first.text}' is invalid in little-endian mode (GNU as rejects it too)`);
    return;
  }
  const ts = new TokenStream(toks, pos, first.col + first.text.length);
  const operands = parseOperands(ts);
  const matched = matchOperands(found.entry, operands, first.text);
  if (typeof matched === 'string') {
    st.error(first.col, matched);
    return;
  }
  st.fixups.push({
    kind: 'insn',
    sec: st.cur,
    off,
    line: st.line,
    col: first.col,
    mnemonic: first.text,
    hint,
    operands,
  });
}

function writeLE(bytes: ByteBuffer, off: number, v: bigint, size: number): void {
  const u = BigInt.asUintN(size * 8, v);
  for (let i = 0; i < size; i++) bytes.set(off + i, Number((u >> BigInt(8 * i)) & 0xffn));
}

function data(st: AsmState, f: DataFixup): void {
  let v;
  try {
    v = st.evalDeferred({ expr: f.expr, sec: f.sec.name, off: f.off, line: f.line, col: f.col }, false);
    if (f.half) v = { v: applyHalf(f.half, v.v) };
  } catch (e) {
    if (e instanceof UndefinedSymbol) {
      st.error(
        e.col,
        looksLikeBadRegister(e.symbol) ? `a register ('${e.symbol}') is not a data value` : undefinedMessage(e.symbol),
        f.line,
      );
    } else if (e instanceof ExprError) st.error(e.col, e.message, f.line);
    else throw e;
    return;
  }
  if (f.sec.nobits && v.v !== 0n) {
    st.error(f.col, `${f.sec.name} holds no data: only zeros may be reserved there`, f.line);
    return;
  }
  const bits = BigInt(f.size * 8);
  const fits = v.v >= -(1n << (bits - 1n)) && v.v < 1n << bits;
  if (!fits) {
    if (v.sec) {
      st.error(
        f.col,
        `address 0x${BigInt.asUintN(64, v.v).toString(16)} does not fit in ${f.size} ` + `byte${f.size > 1 ? 's' : ''}`,
        f.line,
      );
      return;
    }
    st.warn(
      f.col,
      `value 0x${BigInt.asUintN(64, v.v).toString(16)} truncated to ` +
        `0x${BigInt.asUintN(f.size * 8, v.v).toString(16)}`,
      f.line,
    );
  }
  writeLE(f.sec.bytes, f.off, v.v, f.size);
}

function symbolTable(st: AsmState): Map<string, SymbolInfo> {
  const out = new Map<string, SymbolInfo>();
  for (const s of st.symbols.values()) {
    if (s.local) continue;
    let value: bigint;
    let section: string;
    try {
      const v = st.symbolValue(s.name, s.lazy?.col ?? s.col);
      if (!v) continue; // only named by .globl/.type: not defined here
      value = v.v;
      section = v.sec ? st.sections.map.get(v.sec)!.output : '*ABS*';
    } catch (e) {
      if (e instanceof UndefinedSymbol)
        st.error(e.col, `${undefinedMessage(e.symbol)} (in the value of '${s.name}')`, s.lazy?.line ?? s.line);
      else if (e instanceof ExprError) st.error(e.col, e.message, s.lazy?.line ?? s.line);
      else throw e;
      continue;
    }
    if (section.startsWith('\u0000')) continue;
    let size = 0;
    if (s.size) {
      try {
        const v = st.evalDeferred(s.size, false);
        if (v.sec) st.error(s.size.col, `the size of '${s.name}' must be a constant`, s.size.line);
        else size = Number(v.v);
      } catch (e) {
        if (e instanceof UndefinedSymbol) st.error(e.col, undefinedMessage(e.symbol), s.size.line);
        else if (e instanceof ExprError) st.error(e.col, e.message, s.size.line);
        else throw e;
      }
    }
    out.set(s.name, { name: s.name, value, size, section, type: s.type, global: s.global, line: s.line });
  }
  return out;
}

const NOP_BYTES = [0x00, 0x00, 0x00, 0x60];

function buildProgram(st: AsmState, file: string, symbols: Map<string, SymbolInfo>): Program {
  const sections: Section[] = [];
  for (const o of st.sections.outputs) {
    if (o.name.startsWith('\u0000')) continue;
    const bytes = new Uint8Array(o.size);
    // GNU ld fills the gaps between input sections of code with nops (their alignment padding)
    if (o.exec) for (let i = 0; i + 4 <= o.size; i += 4) bytes.set(NOP_BYTES, i);
    for (const s of o.inputs) bytes.set(s.bytes.view(), Number(s.addr - o.addr));
    sections.push({ name: o.name, addr: o.addr, bytes, exec: o.exec, nobits: o.nobits });
  }
  const lines: LineEntry[] = st.lines
    .filter((l) => !l.sec.name.startsWith('\u0000'))
    .map((l) => ({
      addr: l.sec.addr + BigInt(l.off),
      size: l.size,
      file,
      line: l.line,
      section: l.sec.output,
      insn: l.insn,
    }))
    .sort((a, b) => (a.addr < b.addr ? -1 : a.addr > b.addr ? 1 : 0));
  const start = symbols.get('_start');
  const entry = start ? start.value : st.sections.map.get('.text')!.addr;
  return { file, sections, symbols, lines, entry };
}

export type { Diagnostic };
