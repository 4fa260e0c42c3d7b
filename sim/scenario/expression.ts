// Scenario expressions: numbers (decimal, 0x hex), symbols of the task's program, and sums and
// differences of those (`value+8`, `load-4`, `data+0x10`). Parsed once; evaluated against a program.
import type { Expr, Pos } from './scenario-types';

const TERM = /^\s*([+-]?)\s*(0[xX][0-9a-fA-F_]+|0[bB][01]+|[0-9]+|[A-Za-z_.$][A-Za-z0-9_.$@]*)\s*/;

export function parseExpr(text: string, pos: Pos): Expr | { error: string; pos: Pos } {
  const terms: Expr['terms'] = [];
  let rest = text;
  let offset = 0;
  if (text.trim() === '') return { error: 'empty expression', pos };
  while (rest.length > 0) {
    const m = TERM.exec(rest);
    const here = { line: pos.line, col: pos.col + offset };
    if (!m || (terms.length > 0 && m[1] === '')) {
      return {
        error:
          `bad expression "${text}": expected a number or a ` +
          `symbol${terms.length > 0 ? ' after + or -' : ''} at "${rest.trim()}"`,
        pos: here,
      };
    }
    const sign: 1 | -1 = m[1] === '-' ? -1 : 1;
    const tok = m[2];
    if (/^[0-9]/.test(tok)) {
      terms.push({ sign, kind: 'num', value: BigInt(tok.replace(/_/g, '')) });
    } else {
      terms.push({ sign, kind: 'sym', name: tok, offset: offset + m[0].indexOf(tok) });
    }
    offset += m[0].length;
    rest = rest.slice(m[0].length);
    // the next term must start with + or -
    if (rest.length > 0 && !/^[+-]/.test(rest)) {
      return {
        error: `bad expression "${text}": expected + or - at "${rest.trim()}"`,
        pos: { line: pos.line, col: pos.col + offset },
      };
    }
  }
  return { text, terms, pos };
}

export function exprFromNumber(value: bigint, pos: Pos): Expr {
  return { text: value.toString(), terms: [{ sign: 1, kind: 'num', value }], pos };
}

/** Looks a symbol up; undefined when unknown. */
export type SymbolLookup = (name: string) => bigint | undefined;

export function evalExpr(e: Expr, lookup: SymbolLookup): { value: bigint } | { error: string; pos: Pos } {
  let v = 0n;
  for (const t of e.terms) {
    if (t.kind === 'num') v += BigInt(t.sign) * t.value;
    else {
      const s = lookup(t.name);
      if (s === undefined)
        return { error: `unknown symbol "${t.name}"`, pos: { line: e.pos.line, col: e.pos.col + t.offset } };
      v += BigInt(t.sign) * s;
    }
  }
  return { value: v };
}

/** Does the expression name any symbol? (then it needs a task's program) */
export function exprHasSymbols(e: Expr): boolean {
  return e.terms.some((t) => t.kind === 'sym');
}
