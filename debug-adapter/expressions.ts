// Expressions of the debug console, watch view, conditions and log points. GDB's reading: a data
// symbol is its contents (of its width), `&sym` its address, a code symbol its address; registers
// by name (r3, $r3, pc, lr, ctr, cr, xer, msr, sp); memory as `*E` (8 bytes), `u8[E]`, `u16[E]`,
// `u32[E]`, `u64[E]`; C operators. Console command arguments use the scenario reading instead
// (every symbol is its address), chosen with `symbolsAreAddresses`.
import { getRegister } from '../sim/machine/registers-by-name';
import type { Task } from '../sim/machine/task';
import { dataSymbols } from './symbols';

export type EvalResult =
  | {
      ok: true;
      value: bigint;
      /** the address when the value came from memory or names one */ addr?: bigint;
      size?: number;
    }
  | { ok: false; message: string };

const REGS = /^(?:\$?(r(?:[12]?\d|3[01]))|\$?(pc|lr|ctr|cr|xer|msr|sp))$/;

interface Tok {
  kind: 'num' | 'id' | 'op' | 'end';
  text: string;
  pos: number;
}

function lex(s: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = s.slice(i);
    let m = /^(0x[0-9a-fA-F]+|0b[01]+|\d+)/.exec(rest);
    if (m) {
      out.push({ kind: 'num', text: m[1], pos: i });
      i += m[1].length;
      continue;
    }
    m = /^\$?[A-Za-z_.][A-Za-z0-9_.$]*/.exec(rest);
    if (m) {
      out.push({ kind: 'id', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    m = /^(<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!()<>[\]])/.exec(rest);
    if (m) {
      out.push({ kind: 'op', text: m[1], pos: i });
      i += m[1].length;
      continue;
    }
    return `unexpected "${c}" at column ${i + 1}`;
  }
  out.push({ kind: 'end', text: '', pos: s.length });
  return out;
}

const BINARY: Array<string[]> = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

class Fail extends Error {}

export interface EvalContext {
  task: Task;
  /** reads memory as the program sees it (debugger traps hidden) */
  read(addr: bigint, size: 1 | 2 | 4 | 8): bigint | undefined;
  symbolsAreAddresses?: boolean;
}

/** How long an expression may be, and how deeply it may nest (parentheses, brackets, unary
 * operators): beyond, a message, not a stack overflow. */
export const MAX_EXPRESSION_LENGTH = 10_000;
export const MAX_EXPRESSION_DEPTH = 200;
const M64_END = 1n << 64n;

export function evaluateExpression(text: string, ctx: EvalContext): EvalResult {
  if (text.length > MAX_EXPRESSION_LENGTH)
    return {
      ok: false,
      message: `the expression is ${text.length} characters long (at most ${MAX_EXPRESSION_LENGTH})`,
    };
  const toks = lex(text);
  if (typeof toks === 'string') return { ok: false, message: toks };
  if (toks.length === 1) return { ok: false, message: 'empty expression' };
  let p = 0;
  let depth = 0;
  let last: { addr?: bigint; size?: number } = {};
  /** runs f one level deeper (a parenthesis, a bracket, a unary operator) */
  const nested = <T>(at: Tok, f: () => T): T => {
    if (++depth > MAX_EXPRESSION_DEPTH)
      fail(`the expression nests more than ${MAX_EXPRESSION_DEPTH} deep at column ${at.pos + 1}`);
    try {
      return f();
    } finally {
      depth--;
    }
  };
  const peek = () => toks[p];
  const fail = (m: string): never => {
    throw new Fail(m);
  };
  const M64 = (1n << 64n) - 1n;
  const mem = (addr: bigint, size: number): bigint => {
    const v = ctx.read(addr & M64, size as 1 | 2 | 4 | 8);
    if (v === undefined) fail(`cannot read ${size} bytes at 0x${(addr & M64).toString(16)} (not mapped)`);
    last = { addr: addr & M64, size };
    return v as bigint;
  };
  const binary = (level: number): bigint => {
    if (level >= BINARY.length) return unary();
    let v = binary(level + 1);
    while (peek().kind === 'op' && BINARY[level].includes(peek().text)) {
      const op = toks[p++].text;
      const r = binary(level + 1);
      last = {};
      switch (op) {
        case '||':
          v = v !== 0n || r !== 0n ? 1n : 0n;
          break;
        case '&&':
          v = v !== 0n && r !== 0n ? 1n : 0n;
          break;
        case '|':
          v |= r;
          break;
        case '^':
          v ^= r;
          break;
        case '&':
          v &= r;
          break;
        case '==':
          v = BigInt.asUintN(64, v) === BigInt.asUintN(64, r) ? 1n : 0n;
          break;
        case '!=':
          v = BigInt.asUintN(64, v) !== BigInt.asUintN(64, r) ? 1n : 0n;
          break;
        case '<':
          v = BigInt.asIntN(64, v) < BigInt.asIntN(64, r) ? 1n : 0n;
          break;
        case '>':
          v = BigInt.asIntN(64, v) > BigInt.asIntN(64, r) ? 1n : 0n;
          break;
        case '<=':
          v = BigInt.asIntN(64, v) <= BigInt.asIntN(64, r) ? 1n : 0n;
          break;
        case '>=':
          v = BigInt.asIntN(64, v) >= BigInt.asIntN(64, r) ? 1n : 0n;
          break;
        case '<<':
          v <<= r & 63n;
          break;
        case '>>':
          v = BigInt.asUintN(64, v) >> (r & 63n);
          break;
        case '+':
          v += r;
          break;
        case '-':
          v -= r;
          break;
        case '*':
          v *= r;
          break;
        case '/':
          if (r === 0n) fail('division by zero');
          v /= r;
          break;
        case '%':
          if (r === 0n) fail('division by zero');
          v %= r;
          break;
      }
    }
    return v;
  };
  const unary = (): bigint => {
    const t = peek();
    if (t.kind === 'op') {
      if (t.text === '-') {
        p++;
        const v = -nested(t, unary);
        last = {};
        return v;
      }
      if (t.text === '~') {
        p++;
        const v = ~nested(t, unary);
        last = {};
        return v;
      }
      if (t.text === '!') {
        p++;
        const v = nested(t, unary) === 0n ? 1n : 0n;
        last = {};
        return v;
      }
      if (t.text === '*') {
        p++;
        return mem(nested(t, unary), 8);
      }
      if (t.text === '&') {
        p++;
        const id = toks[p];
        if (id.kind !== 'id') fail(`"&" needs a symbol at column ${id.pos + 1}`);
        p++;
        const s = ctx.task.program.symbols.get(id.text);
        if (!s) fail(`no symbol "${id.text}"`);
        last = {};
        return (s as { value: bigint }).value;
      }
    }
    return primary();
  };
  const primary = (): bigint => {
    const t = toks[p++];
    if (t.kind === 'num') {
      last = {};
      const v = BigInt(t.text);
      if (v >= M64_END) fail(`${t.text} does not fit in 64 bits (column ${t.pos + 1})`);
      return v;
    }
    if (t.kind === 'op' && t.text === '(') {
      const v = nested(t, () => binary(0));
      expect(')');
      return v;
    }
    if (t.kind === 'op' && t.text === '[') {
      const a = nested(t, () => binary(0));
      expect(']');
      return mem(a, 8);
    }
    if (t.kind === 'id') {
      const w = /^u(8|16|32|64)$/.exec(t.text);
      if (w && peek().kind === 'op' && peek().text === '[') {
        p++;
        const a = nested(t, () => binary(0));
        expect(']');
        return mem(a, Number(w[1]) / 8);
      }
      const r = REGS.exec(t.text);
      if (r) {
        const name = r[1] ?? (r[2] === 'sp' ? 'r1' : r[2]);
        last = {};
        return getRegister(ctx.task.thread, name) as bigint;
      }
      const s = ctx.task.program.symbols.get(t.text.replace(/^\$/, ''));
      if (!s) fail(`no register or symbol "${t.text}"`);
      const sym = s as { value: bigint; name: string };
      if (ctx.symbolsAreAddresses) {
        last = {};
        return sym.value;
      }
      const d = dataSymbols(ctx.task.program).find((x) => x.name === sym.name);
      if (!d) {
        last = {};
        return sym.value;
      }
      const size = d.size >= 8 ? 8 : d.size >= 4 ? 4 : d.size >= 2 ? 2 : 1;
      return mem(d.addr, size);
    }
    return fail(t.kind === 'end' ? 'the expression ends too early' : `unexpected "${t.text}" at column ${t.pos + 1}`);
  };
  const expect = (op: string): void => {
    const t = toks[p++];
    if (t.kind !== 'op' || t.text !== op) fail(`expected "${op}" at column ${t.pos + 1}`);
  };
  try {
    const v = binary(0);
    if (peek().kind !== 'end') fail(`unexpected "${peek().text}" at column ${peek().pos + 1}`);
    return { ok: true, value: BigInt.asUintN(64, v), ...last };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, message: e.message };
    throw e;
  }
}
