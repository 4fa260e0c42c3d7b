// Finds the file-scope variable definitions of a C source (the globals a person watches), for the
// watch and count actions above them. Pure (no vscode), and deliberately a light reading of C, not a
// parser: declarations at brace depth 0 that are not functions, prototypes, typedefs or externs.
// The adapter resolves the line to the variable through DWARF (DW_AT_decl_line), so a line found
// here that is not a variable of the program is refused there, with why.
import type { DataLine } from './data-lines';

const SIZES: Record<string, number> = { char: 1, short: 2, int: 4, long: 8, float: 4, double: 8, _Bool: 1, bool: 1 };
const FIXED = /^u?int(8|16|32|64)_t$/;

/** Blanks comments, strings and character constants (keeping line breaks), so braces and ; in them do not count. */
function blank(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      out += c + ' '.repeat(Math.max(0, Math.min(j, src.length) - i - 1)) + (j < src.length ? c : '');
      i = j;
      continue;
    }
    if (c === '#' && /(^|\n)[ \t]*$/.test(out)) {
      // a preprocessor line (with its continuations)
      while (i < src.length && !(src[i] === '\n' && src[i - 1] !== '\\')) i++;
      out += '\n';
      continue;
    }
    out += c;
  }
  return out;
}

/** The size of a simple declarator's type (base types, pointers, arrays of them); 0 when unknown. */
function sizeOf(specifiers: string, declarator: string): number {
  const dims = [...declarator.matchAll(/\[\s*(\d+)\s*\]/g)].map((m) => Number(m[1]));
  const count = dims.reduce((a, b) => a * b, 1);
  if (/\[\s*\]/.test(declarator)) return 0;
  if (/^\s*\*/.test(declarator) || /\(\s*\*/.test(declarator)) return 8 * count;
  const words = specifiers
    .split(/\s+/)
    .filter(
      (w) =>
        !['static', 'const', 'volatile', 'unsigned', 'signed', '_Thread_local', '__thread', 'register'].includes(w),
    );
  if (words.some((w) => w === 'struct' || w === 'union' || w === 'enum')) return words[0] === 'enum' ? 4 * count : 0;
  const fixed = words.map((w) => FIXED.exec(w)).find((m) => m);
  if (fixed) return (Number(fixed[1]) / 8) * count;
  const base = words.find((w) => w in SIZES);
  if (base === 'long' && words.filter((w) => w === 'long').length === 2) return 8 * count;
  if (base === 'long' && words.includes('double')) return 16 * count;
  if (base) return SIZES[base] * count;
  if (words.length === 0) return 4 * count; // "unsigned x": an int
  return 0;
}

export function findCGlobals(source: string): DataLine[] {
  const text = blank(source);
  const out: DataLine[] = [];
  let depth = 0;
  let start = 0;
  let parens = 0;
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === '{') {
      // a function body or a struct/initializer at file scope: a function's body ends the statement
      if (depth === 0 && parens === 0 && /\)\s*$/.test(text.slice(start, i))) {
        let d = 1;
        let j = i + 1;
        for (; j < text.length && d > 0; j++) d += text[j] === '{' ? 1 : text[j] === '}' ? -1 : 0;
        i = j - 1;
        start = j;
        continue;
      }
      depth++;
    } else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0 && parens === 0) {
      declaration(text.slice(start, i), start);
      start = i + 1;
    }
  }
  return out;

  function declaration(stmt: string, offset: number): void {
    const s = stmt.trim();
    if (!s || /^(typedef|extern)\b/.test(s) || /^(struct|union|enum)\s+\w+\s*(\{[\s\S]*\})?$/.test(s)) return;
    // the declarators, split at top-level commas, initializers dropped, each with its offset
    const decls: Array<{ text: string; at: number }> = [];
    let d = 0;
    let cur = '';
    let curAt = -1;
    let init = false;
    const push = () => {
      if (curAt >= 0) decls.push({ text: cur, at: curAt });
      cur = '';
      curAt = -1;
      init = false;
    };
    for (let k = 0; k < stmt.length; k++) {
      const ch = stmt[k];
      if (d === 0 && ch === ',') {
        push();
        continue;
      }
      if (ch === '{' || ch === '(' || ch === '[') d++;
      else if (ch === '}' || ch === ')' || ch === ']') d--;
      if (d === 0 && ch === '=') init = true;
      if (init) continue;
      if (curAt < 0 && /\s/.test(ch)) continue;
      if (curAt < 0) curAt = k;
      cur += ch;
    }
    push();
    if (decls.length === 0) return;
    const hasInit = /=/.test(stmt.replace(/\{[\s\S]*\}/, ''));
    // the first declarator carries the specifiers: "static long counter", "struct point *cursor"
    const first = /^([\s\S]*?)([*\s(]*[A-Za-z_]\w*\s*(?:\[[^\]]*\]\s*)*)$/.exec(decls[0].text.trimEnd());
    if (!first || first[1].trim() === '') return; // "x = 3;" or a lone name: not a declaration
    const spec = first[1].replace(/\{[\s\S]*\}/, ' ');
    for (const [n, decl] of decls.entries()) {
      const declarator = n === 0 ? first[2] : decl.text;
      if (/\(\s*[^*\s]/.test(declarator) && !/\(\s*\*/.test(declarator)) return; // a prototype: int f(void)
      const name = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*$/.exec(declarator.trim())?.[1];
      if (!name || KEYWORDS.has(name)) continue;
      const at = decl.at + decl.text.lastIndexOf(name);
      out.push({
        line: lineAt(offset + at),
        symbol: name,
        section: hasInit ? '.data' : '.bss',
        len: sizeOf(spec, declarator),
      });
    }
  }
}

const KEYWORDS = new Set([
  'int',
  'long',
  'char',
  'short',
  'void',
  'unsigned',
  'signed',
  'const',
  'static',
  'volatile',
  'struct',
  'union',
  'enum',
  'float',
  'double',
]);
