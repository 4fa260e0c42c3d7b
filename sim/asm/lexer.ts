// Splits GNU as source into statements of tokens, keeping each token's 1-based line and column.
// `#` starts a comment to the end of the line (the PowerPC comment character), `/* */` comments may
// span lines, and `;` separates statements on one line, as in GNU as for PowerPC.

export type TokenKind = 'ident' | 'num' | 'str' | 'char' | 'op' | 'reg' | 'localref';

export interface Token {
  kind: TokenKind;
  text: string;
  col: number;
  /** numbers, char constants */
  value?: bigint;
  /** strings (decoded bytes) */
  bytes?: number[];
  /** true when whitespace precedes the token (distinguishes `beq+` from `beq +8`) */
  spaced: boolean;
}

export interface Statement {
  line: number;
  tokens: Token[];
}

export interface LexError {
  line: number;
  col: number;
  message: string;
}

const IDENT_START = /[A-Za-z_.$]/;
const IDENT_CHAR = /[A-Za-z0-9_.$]/;
const TWO_CHAR_OPS = ['<<', '>>', '==', '!=', '<=', '>=', '&&', '||', '<>'];

/** Decodes a backslash escape at s[i] (s[i] === '\\'); returns [byte, next index]. */
function escape(s: string, i: number): [number, number] {
  const c = s[i + 1];
  if (c === undefined) return [0x5c, i + 1];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, a: 7, '\\': 92, '"': 34, "'": 39 };
  if (c in simple) return [simple[c], i + 2];
  if (c === 'x' || c === 'X') {
    let j = i + 2;
    let v = 0;
    while (j < s.length && /[0-9a-fA-F]/.test(s[j])) v = (v * 16 + parseInt(s[j++], 16)) & 0xff;
    return [v, j];
  }
  if (/[0-7]/.test(c)) {
    let j = i + 1;
    let v = 0;
    while (j < s.length && j < i + 4 && /[0-7]/.test(s[j])) v = v * 8 + parseInt(s[j++], 8);
    return [v & 0xff, j];
  }
  return [c.charCodeAt(0) & 0xff, i + 2];
}

const ENCODER = new TextEncoder();

function utf8(ch: string): number[] {
  return Array.from(ENCODER.encode(ch));
}

/** Tokenizes the whole source. Errors (unterminated strings, stray characters) are collected. */
export function lex(source: string): { statements: Statement[]; errors: LexError[] } {
  const statements: Statement[] = [];
  const errors: LexError[] = [];
  const lines = source.split(/\r?\n/);
  let inBlockComment = false;
  for (let ln = 0; ln < lines.length; ln++) {
    const s = lines[ln];
    const lineNo = ln + 1;
    let toks: Token[] = [];
    let i = 0;
    let spaced = true;
    const flush = () => {
      if (toks.length) statements.push({ line: lineNo, tokens: toks });
      toks = [];
    };
    while (i < s.length) {
      if (inBlockComment) {
        const end = s.indexOf('*/', i);
        if (end < 0) {
          i = s.length;
          break;
        }
        i = end + 2;
        inBlockComment = false;
        spaced = true;
        continue;
      }
      const c = s[i];
      const col = i + 1;
      if (c === ' ' || c === '\t' || c === '\f' || c === '\v') {
        i++;
        spaced = true;
        continue;
      }
      if (c === '#') break;
      if (c === '/' && s[i + 1] === '*') {
        inBlockComment = true;
        i += 2;
        continue;
      }
      if (c === ';') {
        flush();
        i++;
        spaced = true;
        continue;
      }
      const push = (t: Omit<Token, 'spaced' | 'col'>) => {
        toks.push({ ...t, col, spaced });
        spaced = false;
      };
      if (IDENT_START.test(c)) {
        let j = i + 1;
        while (j < s.length && IDENT_CHAR.test(s[j])) j++;
        push({ kind: 'ident', text: s.slice(i, j) });
        i = j;
        continue;
      }
      if (c === '%' && i + 1 < s.length && /[A-Za-z]/.test(s[i + 1])) {
        let j = i + 1;
        while (j < s.length && /[A-Za-z0-9_]/.test(s[j])) j++;
        push({ kind: 'reg', text: s.slice(i, j) });
        i = j;
        continue;
      }
      if (/[0-9]/.test(c)) {
        let j = i;
        let value: bigint;
        if (c === '0' && /[xX]/.test(s[i + 1] ?? '')) {
          j = i + 2;
          while (j < s.length && /[0-9a-fA-F]/.test(s[j])) j++;
          if (j === i + 2) {
            errors.push({ line: lineNo, col, message: 'bad hexadecimal number' });
            toks = [];
            i = s.length;
            break;
          }
          value = BigInt('0x' + s.slice(i + 2, j));
        } else if (c === '0' && /[bB]/.test(s[i + 1] ?? '') && /[01]/.test(s[i + 2] ?? '')) {
          j = i + 2;
          while (j < s.length && /[01]/.test(s[j])) j++;
          value = BigInt('0b' + s.slice(i + 2, j));
        } else {
          while (j < s.length && /[0-9]/.test(s[j])) j++;
          const digits = s.slice(i, j);
          // `1b` / `1f`: a reference to the nearest local numeric label backward / forward
          if (/[bfBF]/.test(s[j] ?? '') && !IDENT_CHAR.test(s[j + 1] ?? '')) {
            push({ kind: 'localref', text: digits + s[j].toLowerCase() });
            i = j + 1;
            continue;
          }
          // GNU as reads a leading 0 as octal
          value =
            digits.length > 1 && digits[0] === '0' && /^[0-7]+$/.test(digits)
              ? BigInt('0o' + digits.slice(1))
              : BigInt(digits);
        }
        if (j < s.length && IDENT_CHAR.test(s[j]) && s[j] !== '.') {
          let k = j;
          while (k < s.length && IDENT_CHAR.test(s[k])) k++;
          errors.push({ line: lineNo, col, message: `bad number '${s.slice(i, k)}'` });
          toks = [];
          i = s.length;
          break;
        }
        push({ kind: 'num', text: s.slice(i, j), value });
        i = j;
        continue;
      }
      if (c === '"') {
        const bytes: number[] = [];
        let j = i + 1;
        let closed = false;
        while (j < s.length) {
          const u = s.charCodeAt(j);
          if (u === 0x22) {
            closed = true;
            j++;
            break;
          }
          if (u === 0x5c) {
            const [b, n] = escape(s, j);
            bytes.push(b);
            j = n;
            continue;
          }
          // (ASCII, the usual case: its own byte, without an encoder per character)
          if (u < 0x80) {
            bytes.push(u);
            j++;
            continue;
          }
          const cp = s.codePointAt(j)!;
          const ch = String.fromCodePoint(cp);
          bytes.push(...utf8(ch));
          j += ch.length;
        }
        if (!closed) {
          errors.push({ line: lineNo, col, message: 'unterminated string' });
          toks = [];
          i = s.length;
          break;
        }
        push({ kind: 'str', text: s.slice(i, j), bytes });
        i = j;
        continue;
      }
      if (c === "'") {
        // GNU as: 'c is a character constant; a closing quote is optional
        if (i + 1 >= s.length) {
          errors.push({ line: lineNo, col, message: 'missing character after quote' });
          i++;
          continue;
        }
        let v: number;
        let j: number;
        if (s[i + 1] === '\\') [v, j] = escape(s, i + 1);
        else {
          v = s.charCodeAt(i + 1);
          j = i + 2;
        }
        if (s[j] === "'") j++;
        push({ kind: 'char', text: s.slice(i, j), value: BigInt(v) });
        i = j;
        continue;
      }
      const two = s.slice(i, i + 2);
      if (TWO_CHAR_OPS.includes(two)) {
        push({ kind: 'op', text: two });
        i += 2;
        continue;
      }
      if ('+-*/%&|^~!()<>,:=@'.includes(c)) {
        push({ kind: 'op', text: c });
        i++;
        continue;
      }
      errors.push({ line: lineNo, col, message: `unexpected character '${c}'` });
      i++;
    }
    flush();
  }
  return { statements, errors };
}
