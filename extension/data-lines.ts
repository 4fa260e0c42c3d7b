// Finds the data definition lines of an assembly source: labels in .data/.bss-like sections, with the
// byte length their first data directive gives. Pure (no vscode): data-line-actions.ts offers the watch
// and count actions on these lines; the adapter resolves the symbol itself.

export interface DataLine {
  line: number; // 1-based
  symbol: string;
  section: string;
  /** bytes the definition occupies (from `.size`, else its first data directive), 8 when unknown */
  len: number;
}

const DATA_SECTIONS = /^\.(data|bss|rodata|sdata|sbss|tdata|tbss)(\.|$)/;
const WIDTH: Record<string, number> = {
  '.byte': 1,
  '.short': 2,
  '.hword': 2,
  '.half': 2,
  '.2byte': 2,
  '.word': 4,
  '.long': 4,
  '.int': 4,
  '.4byte': 4,
  '.quad': 8,
  '.8byte': 8,
  '.octa': 16,
};

/** Removes comments (`#` to end of line outside strings, and `/* *\/` on one line). */
function stripComment(line: string): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inStr) {
      out += c;
      if (c === '\\') {
        out += line[i + 1] ?? '';
        i++;
      } else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') {
      inStr = true;
      out += c;
      continue;
    }
    if (c === '#') break;
    if (c === '/' && line[i + 1] === '*') {
      const end = line.indexOf('*/', i + 2);
      if (end < 0) break;
      i = end + 1;
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

function countItems(args: string): number {
  return args.split(',').filter((a) => a.trim() !== '').length || 1;
}

function directiveLength(dir: string, args: string): number | undefined {
  if (dir in WIDTH) return WIDTH[dir] * countItems(args);
  if (dir === '.space' || dir === '.skip' || dir === '.zero') {
    const n = Number(args.split(',')[0].trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }
  if (dir === '.ascii' || dir === '.asciz' || dir === '.string') {
    const m = /"((?:[^"\\]|\\.)*)"/.exec(args);
    if (!m) return undefined;
    const n = m[1].replace(/\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)/g, '_').length;
    return n + (dir === '.ascii' ? 0 : 1);
  }
  return undefined;
}

export function findDataLines(source: string): DataLine[] {
  const out: DataLine[] = [];
  const sizes = new Map<string, number>();
  let section = '.text';
  const stack: string[] = [];
  let previous = '.text';
  let pending: DataLine | undefined; // a label waiting for its first data directive
  const setSection = (s: string) => {
    previous = section;
    section = s;
  };
  const lines = source.split(/\r?\n/);
  let inBlock = false;
  for (let ln = 0; ln < lines.length; ln++) {
    let text = lines[ln];
    if (inBlock) {
      const end = text.indexOf('*/');
      if (end < 0) continue;
      text = text.slice(end + 2);
      inBlock = false;
    }
    const open = text.lastIndexOf('/*');
    if (open >= 0 && text.indexOf('*/', open) < 0 && !text.slice(0, open).includes('#')) {
      inBlock = true;
      text = text.slice(0, open);
    }
    for (let stmt of stripComment(text).split(';')) {
      stmt = stmt.trim();
      // labels (several may precede a statement)
      let m: RegExpExecArray | null;
      while ((m = /^([A-Za-z_.$][A-Za-z0-9_.$]*)\s*:(?!=)/.exec(stmt))) {
        const symbol = m[1];
        stmt = stmt.slice(m[0].length).trim();
        if (DATA_SECTIONS.test(section)) {
          pending = { line: ln + 1, symbol, section, len: 8 };
          out.push(pending);
        }
      }
      const d = /^(\.[A-Za-z0-9_]+)\s*(.*)$/.exec(stmt);
      if (!d) {
        if (stmt) pending = undefined;
        continue;
      }
      const dir = d[1].toLowerCase();
      const args = d[2];
      if (dir === '.data' || dir === '.bss' || dir === '.text' || dir === '.rodata') setSection(dir);
      else if (dir === '.section') setSection(args.split(',')[0].trim().replace(/^"|"$/g, ''));
      else if (dir === '.pushsection') {
        stack.push(section);
        setSection(args.split(',')[0].trim());
      } else if (dir === '.popsection') setSection(stack.pop() ?? '.text');
      else if (dir === '.previous') setSection(previous);
      else if (dir === '.size') {
        const [sym, n] = args.split(',').map((s) => s.trim());
        const v = Number(n);
        if (sym && Number.isInteger(v) && v > 0) sizes.set(sym, v);
      } else if (pending) {
        const len = directiveLength(dir, args);
        if (len !== undefined) {
          pending.len = len;
          pending = undefined;
        }
      }
    }
  }
  for (const l of out) {
    const s = sizes.get(l.symbol);
    if (s !== undefined) l.len = s;
  }
  return out;
}
