// The ELF symbol table as a debugger uses it: the function or object that holds an address
// (frames without debug information, "<sym+off>" after a pointer), a symbol by name, and ELFv2's
// local entry points. Built from sim/elf/elf-file.ts's symbols, sorted once on first use.
import { localEntryOffset, type ElfFile, type ElfSymbol } from '../elf/elf-file';

export interface CodeSymbol {
  name: string;
  /** link-time address of the global entry point */
  start: bigint;
  /** its size (0 when the symbol has none) */
  size: bigint;
  /** the ELFv2 local entry offset (0 when the function has a single entry point) */
  localEntry: number;
  kind: 'function' | 'object' | 'other';
  global: boolean;
}

const RANK = { global: 3, weak: 2, local: 1, other: 0 } as const;

export class SymbolIndex {
  private sorted: CodeSymbol[] | undefined;
  private byName: Map<string, CodeSymbol> | undefined;

  constructor(private readonly elf: ElfFile) {}

  private build(): CodeSymbol[] {
    if (this.sorted) return this.sorted;
    const all: CodeSymbol[] = [];
    const names = new Map<string, { s: CodeSymbol; rank: number }>();
    let syms: ElfSymbol[];
    try {
      syms = this.elf.symbols;
    } catch {
      syms = [];
    }
    for (const s of syms) {
      if (s.name === '' || s.section === '*UND*' || s.type === 'section' || s.type === 'file' || s.type === 'tls')
        continue;
      if (s.section === '*ABS*') continue;
      const cs: CodeSymbol = {
        name: s.name,
        start: s.value,
        size: s.size,
        localEntry: s.type === 'function' ? localEntryOffset(s.other) : 0,
        kind: s.type === 'function' ? 'function' : s.type === 'object' ? 'object' : 'other',
        global: s.binding === 'global' || s.binding === 'weak',
      };
      // ("notype" labels inside functions, such as GCC's local labels, would split them: kept out
      // of the address index, but still found by name)
      if (s.type === 'function' || s.type === 'object' || (s.type === 'notype' && !s.name.startsWith('.')))
        all.push(cs);
      const r = RANK[s.binding];
      const had = names.get(s.name);
      if (!had || had.rank < r) names.set(s.name, { s: cs, rank: r });
    }
    // by address; at one address a function beats an object beats a label, a global beats a local
    const kindRank = (c: CodeSymbol) => (c.kind === 'function' ? 2 : c.kind === 'object' ? 1 : 0);
    all.sort((a, b) =>
      a.start < b.start ? -1 : a.start > b.start ? 1 : kindRank(b) - kindRank(a) || Number(b.global) - Number(a.global),
    );
    const dedup: CodeSymbol[] = [];
    for (const s of all) if (dedup.length === 0 || dedup[dedup.length - 1].start !== s.start) dedup.push(s);
    this.sorted = dedup;
    this.byName = new Map([...names].map(([k, v]) => [k, v.s]));
    return dedup;
  }

  /** The symbol at or before `addr` that holds it (within its size; a symbol without size holds up to the next one). */
  at(addr: bigint, kind?: 'function' | 'object'): CodeSymbol | undefined {
    const s = this.build();
    let lo = 0;
    let hi = s.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid].start <= addr) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = best; i >= 0 && i > best - 8; i--) {
      const c = s[i];
      if (kind && c.kind !== kind) continue;
      if (c.size > 0n ? addr < c.start + c.size : i === best && (c.kind !== 'object' || addr === c.start)) return c;
      if (c.size > 0n) break;
    }
    return undefined;
  }

  byNameGet(name: string): CodeSymbol | undefined {
    this.build();
    return this.byName?.get(name);
  }

  /** "name" or "name+0x10" for an address inside a symbol; undefined when none holds it. */
  describe(addr: bigint): string | undefined {
    const s = this.at(addr);
    if (!s) return undefined;
    const off = addr - s.start;
    return off === 0n ? s.name : `${s.name}+${off}`;
  }
}
