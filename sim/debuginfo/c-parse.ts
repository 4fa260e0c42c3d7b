// A parser for the C expressions a person types in a Watch view or a debug console: identifiers,
// numbers (with C's suffixes), character literals, registers ($r3, $pc, $sp), member access
// (. and ->), indexing, unary * & - + ! ~, sizeof, casts to base, typedef, struct and pointer types,
// the binary operators with C's precedence, and ?:. A syntax error is a value with the position.

export type TypeSpec = { base: string; pointers: number };

export type Expr =
  | { k: 'int'; value: bigint; unsigned: boolean; long: boolean }
  | { k: 'float'; value: number; single: boolean }
  | { k: 'char'; value: bigint }
  | { k: 'ident'; name: string }
  | { k: 'register'; name: string }
  | { k: 'member'; obj: Expr; name: string; arrow: boolean }
  | { k: 'index'; arr: Expr; index: Expr }
  | { k: 'unary'; op: '-' | '+' | '!' | '~' | '*' | '&'; e: Expr }
  | { k: 'sizeof'; e?: Expr; type?: TypeSpec }
  | { k: 'cast'; type: TypeSpec; e: Expr }
  | { k: 'binary'; op: string; l: Expr; r: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'call'; fn: Expr };

type Tok = {
  t: 'num' | 'float' | 'char' | 'ident' | 'reg' | 'op' | 'str' | 'end';
  s: string;
  pos: number;
  v?: bigint;
  f?: number;
  suffix?: string;
};

export class ParseError {
  constructor(readonly message: string) {}
}

const OPS = [
  '<<=',
  '>>=',
  '...',
  '->',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '!',
  '~',
  '&',
  '|',
  '^',
  '?',
  ':',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  '=',
];

const TYPE_WORDS = new Set([
  'void',
  'char',
  'short',
  'int',
  'long',
  'float',
  'double',
  'signed',
  'unsigned',
  '_Bool',
  'struct',
  'union',
  'enum',
  'const',
  'volatile',
]);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]*\.?[0-9]*(?:[eE][+-]?[0-9]+)?)([uUlLfF]*)/.exec(src.slice(i));
      if (!m || m[1] === '') throw new ParseError(`A syntax error in expression, near \`${src.slice(i)}'.`);
      const body = m[1];
      const suffix = m[2].toLowerCase();
      i += m[0].length;
      if (/^0[xX]/.test(body) || /^0[bB]/.test(body) || (!/[.eE]/.test(body) && !suffix.includes('f'))) {
        let v: bigint;
        if (/^0[xX]/.test(body)) v = BigInt(body);
        else if (/^0[bB]/.test(body)) v = BigInt(body);
        else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
        else if (/^[0-9]+$/.test(body)) v = BigInt(body);
        else throw new ParseError(`Invalid number "${body}".`);
        if (/[^ul]/.test(suffix)) throw new ParseError(`Invalid number "${m[0]}".`);
        out.push({ t: 'num', s: m[0], pos: start, v, suffix });
      } else {
        const f = Number(body);
        if (Number.isNaN(f)) throw new ParseError(`Invalid number "${m[0]}".`);
        out.push({ t: 'float', s: m[0], pos: start, f, suffix });
      }
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'ident', s: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    if (ch === '$') {
      const m = /^\$[A-Za-z_0-9]*/.exec(src.slice(i))!;
      out.push({ t: 'reg', s: m[0].slice(1), pos: start });
      i += m[0].length;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let v: number;
      if (src[j] === '\\') {
        const e = src[j + 1];
        const simple: Record<string, number> = {
          n: 10,
          t: 9,
          r: 13,
          a: 7,
          b: 8,
          f: 12,
          v: 11,
          e: 27,
          '\\': 92,
          "'": 39,
          '"': 34,
          '?': 63,
        };
        if (e !== undefined && e in simple) {
          v = simple[e];
          j += 2;
        } else if (e === 'x') {
          const m = /^[0-9a-fA-F]+/.exec(src.slice(j + 2));
          if (!m) throw new ParseError('Invalid character escape in a character constant.');
          v = parseInt(m[0], 16) & 0xff;
          j += 2 + m[0].length;
        } else if (e !== undefined && /[0-7]/.test(e)) {
          const m = /^[0-7]{1,3}/.exec(src.slice(j + 1))!;
          v = parseInt(m[0], 8) & 0xff;
          j += 1 + m[0].length;
        } else throw new ParseError('Invalid character escape in a character constant.');
      } else {
        if (j >= src.length) throw new ParseError('Unmatched single quote.');
        v = src.charCodeAt(j) & 0xff;
        j++;
      }
      if (src[j] !== "'") throw new ParseError('Unmatched single quote.');
      out.push({ t: 'char', s: src.slice(i, j + 1), pos: start, v: BigInt(v) });
      i = j + 1;
      continue;
    }
    if (ch === '"') throw new ParseError('string literals are not supported in expressions here');
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ParseError(`Invalid character '${ch}' in expression.`);
    out.push({ t: 'op', s: op, pos: start });
    i += op.length;
  }
  out.push({ t: 'end', s: '', pos: src.length });
  return out;
}

const BINARY: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '|': 3,
  '^': 4,
  '&': 5,
  '==': 6,
  '!=': 6,
  '<': 7,
  '>': 7,
  '<=': 7,
  '>=': 7,
  '<<': 8,
  '>>': 8,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
  '%': 10,
};

/** Parses an expression; `isTypedef` tells a typedef name from a variable (for casts). */
export function parseExpression(src: string, isTypedef: (name: string) => boolean): Expr | ParseError {
  let toks: Tok[];
  try {
    toks = tokenize(src);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  let p = 0;
  const peek = () => toks[p];
  const near = () => {
    const rest = src.slice(peek().pos);
    return rest === '' ? "A syntax error in expression, near `'." : `A syntax error in expression, near \`${rest}'.`;
  };
  const expectOp = (s: string) => {
    if (peek().t !== 'op' || peek().s !== s) throw new ParseError(near());
    p++;
  };
  const isOp = (s: string) => peek().t === 'op' && peek().s === s;
  const startsType = (i: number) => {
    const t = toks[i];
    return t.t === 'ident' && (TYPE_WORDS.has(t.s) || isTypedef(t.s));
  };
  let depth = 0;
  const typeSpec = (): TypeSpec => {
    const words: string[] = [];
    while (
      peek().t === 'ident' &&
      (TYPE_WORDS.has(peek().s) ||
        (words.length === 0 && isTypedef(peek().s)) ||
        (words.length > 0 &&
          (words[words.length - 1] === 'struct' ||
            words[words.length - 1] === 'union' ||
            words[words.length - 1] === 'enum')))
    ) {
      const w = peek().s;
      p++;
      if (w === 'const' || w === 'volatile') continue;
      words.push(w);
      if (isTypedef(w) && !TYPE_WORDS.has(w) && words.length === 1) break;
    }
    if (words.length === 0) throw new ParseError(near());
    let pointers = 0;
    for (;;) {
      if (isOp('*')) {
        pointers++;
        p++;
      } else if (peek().t === 'ident' && (peek().s === 'const' || peek().s === 'volatile')) p++;
      else break;
    }
    return { base: words.join(' '), pointers };
  };
  const primary = (): Expr => {
    const t = peek();
    switch (t.t) {
      case 'num': {
        p++;
        return {
          k: 'int',
          value: t.v!,
          unsigned: (t.suffix ?? '').includes('u'),
          long: (t.suffix ?? '').includes('l'),
        };
      }
      case 'float':
        p++;
        return { k: 'float', value: t.f!, single: (t.suffix ?? '').includes('f') };
      case 'char':
        p++;
        return { k: 'char', value: t.v! };
      case 'ident':
        p++;
        return { k: 'ident', name: t.s };
      case 'reg':
        p++;
        return { k: 'register', name: t.s };
      case 'op':
        if (t.s === '(') {
          p++;
          const e = expr();
          expectOp(')');
          return e;
        }
        break;
      default:
        break;
    }
    throw new ParseError(near());
  };
  const postfix = (): Expr => {
    let e = primary();
    for (;;) {
      if (isOp('.') || isOp('->')) {
        const arrow = peek().s === '->';
        p++;
        const n = peek();
        if (n.t !== 'ident') throw new ParseError(near());
        p++;
        e = { k: 'member', obj: e, name: n.s, arrow };
      } else if (isOp('[')) {
        p++;
        const i = expr();
        expectOp(']');
        e = { k: 'index', arr: e, index: i };
      } else if (isOp('(')) {
        p++;
        let d = 1;
        while (d > 0 && peek().t !== 'end') {
          if (isOp('(')) d++;
          else if (isOp(')')) d--;
          p++;
        }
        e = { k: 'call', fn: e };
      } else if (isOp('++') || isOp('--'))
        throw new ParseError('increment and decrement operators change the program; they are not supported here');
      else return e;
    }
  };
  const unary = (): Expr => {
    if (++depth > 200) throw new ParseError('the expression is nested too deeply');
    try {
      const t = peek();
      if (t.t === 'op' && ['-', '+', '!', '~', '*', '&'].includes(t.s)) {
        p++;
        return { k: 'unary', op: t.s as '-', e: unary() };
      }
      if (t.t === 'op' && (t.s === '++' || t.s === '--'))
        throw new ParseError('increment and decrement operators change the program; they are not supported here');
      if (t.t === 'ident' && t.s === 'sizeof') {
        p++;
        if (isOp('(') && startsType(p + 1)) {
          p++;
          const type = typeSpec();
          expectOp(')');
          return { k: 'sizeof', type };
        }
        return { k: 'sizeof', e: unary() };
      }
      if (isOp('(') && startsType(p + 1)) {
        p++;
        const type = typeSpec();
        expectOp(')');
        return { k: 'cast', type, e: unary() };
      }
      return postfix();
    } finally {
      depth--;
    }
  };
  const binary = (minPrec: number): Expr => {
    let l = unary();
    for (;;) {
      const t = peek();
      const prec = t.t === 'op' ? BINARY[t.s] : undefined;
      if (prec === undefined || prec < minPrec) return l;
      p++;
      const r = binary(prec + 1);
      l = { k: 'binary', op: t.s, l, r };
    }
  };
  const cond = (): Expr => {
    const c = binary(1);
    if (!isOp('?')) return c;
    p++;
    const a = expr();
    expectOp(':');
    const b = cond();
    return { k: 'cond', c, a, b };
  };
  const expr = (): Expr => {
    const e = cond();
    if (peek().t === 'op' && /^[-+*/%&|^]?=$|^<<=$|^>>=$/.test(peek().s) && peek().s !== '==')
      throw new ParseError('assignments change the program; they are not supported here');
    return e;
  };
  try {
    if (peek().t === 'end') return new ParseError('an empty expression');
    const e = expr();
    if (peek().t !== 'end') {
      if (isOp(',')) throw new ParseError('the comma operator is not supported here');
      throw new ParseError(near());
    }
    return e;
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
}
