// Address <-> symbol lookups over a program's symbol table, for names in stack frames, stop
// descriptions and the Data scope.
import { hexU64 as hex } from '../sim/hex';
import type { Program, SymbolInfo } from '../sim/program';

export interface DataSymbol {
  name: string;
  addr: bigint;
  /** from .size, else up to the next symbol in its section (at most 8 bytes), else 8 */
  size: number;
  section: string;
  line: number;
}

const cache = new WeakMap<Program, { data: DataSymbol[]; code: SymbolInfo[] }>();

function tables(p: Program): { data: DataSymbol[]; code: SymbolInfo[] } {
  let t = cache.get(p);
  if (t) return t;
  const all = [...p.symbols.values()].filter((s) => s.section !== '*ABS*' && !s.name.startsWith('.L'));
  const execOf = new Map(p.sections.map((s) => [s.name, s]));
  const code = all
    .filter((s) => execOf.get(s.section)?.exec)
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const dataSyms = all
    .filter((s) => {
      const sec = execOf.get(s.section);
      return sec !== undefined && !sec.exec;
    })
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const data = dataSyms.map((s, i) => {
    const sec = execOf.get(s.section);
    const secEnd = sec ? sec.addr + BigInt(sec.bytes.length) : s.value + 8n;
    let next = secEnd;
    for (let j = i + 1; j < dataSyms.length; j++)
      if (dataSyms[j].section === s.section && dataSyms[j].value > s.value) {
        next = dataSyms[j].value;
        break;
      }
    const gap = Number(next - s.value);
    const size = s.size > 0 ? s.size : Math.max(1, Math.min(8, gap > 0 ? gap : 8));
    return { name: s.name, addr: s.value, size, section: s.section, line: s.line };
  });
  t = { data, code };
  cache.set(p, t);
  return t;
}

export function dataSymbols(p: Program): DataSymbol[] {
  return tables(p).data;
}

/** The data symbol whose bytes contain addr, with the offset into it. */
export function dataSymbolAt(p: Program, addr: bigint): { sym: DataSymbol; offset: number } | undefined {
  for (const s of tables(p).data)
    if (addr >= s.addr && addr < s.addr + BigInt(s.size)) return { sym: s, offset: Number(addr - s.addr) };
  return undefined;
}

/** The nearest code symbol at or below addr: `name` or `name+0x10`. */
export function codeName(p: Program, addr: bigint): string | undefined {
  let best: SymbolInfo | undefined;
  for (const s of tables(p).code)
    if (s.value <= addr) best = s;
    else break;
  if (!best) return undefined;
  const off = addr - best.value;
  return off === 0n ? best.name : `${best.name}+0x${off.toString(16)}`;
}

/** `value`, `value+4`, or the hex address when no data symbol covers it. */
export function addressName(p: Program, addr: bigint): string {
  const d = dataSymbolAt(p, addr);
  if (d) return d.offset === 0 ? d.sym.name : `${d.sym.name}+${d.offset}`;
  return codeName(p, addr) ?? hex(addr);
}

/** Addresses and register values as the debugger shows them (64-bit, two's complement). */
export { hex };
