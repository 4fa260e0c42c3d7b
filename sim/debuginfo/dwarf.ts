// The DWARF of one executable: the units (headers read at open, trees on demand), abbreviation
// tables, strings, references between units, type units by signature, the index of compile units
// by address (from .debug_aranges where the compiler wrote it, else from each unit's top DIE), and
// the line program of each unit.
import { type AbbrevTable, parseAbbrevTable } from './abbrev';
import { DW_AT, DW_UT } from './constants';
import { parseLineProgram, type LineProgram } from './line-program';
import { dieRanges, type Range } from './lists';
import { Cursor, DwarfFail, fail, stringAt } from './reader';
import { hexU64 } from '../hex';
import type { DebugSections } from './sections';
import { readUnitHeaders, Unit, type AttrValue, type Die, type DwarfContext } from './units';

export interface CuRange {
  start: bigint;
  end: bigint;
  unit: Unit;
}

export class Dwarf implements DwarfContext {
  readonly units: Unit[] = [];
  readonly typeUnits = new Map<bigint, Unit>();
  /** problems met while reading headers (the rest stays usable) */
  readonly problems: string[] = [];
  private readonly abbrevs = new Map<number, AbbrevTable>();
  private cuIndex: CuRange[] | undefined;
  private readonly lines = new Map<Unit, LineProgram | string>();

  constructor(readonly sections: DebugSections) {
    for (const section of ['info', 'types'] as const) {
      const { headers, problem } = readUnitHeaders(section === 'info' ? sections.info : sections.types, section);
      if (problem) this.problems.push(problem);
      for (const h of headers) {
        const u = new Unit(this, h);
        if (h.typeSignature !== undefined && (h.unitType === DW_UT.type || section === 'types'))
          this.typeUnits.set(h.typeSignature, u);
        else if (section === 'info') this.units.push(u);
      }
    }
    // (type units live in .debug_info in DWARF 5; kept out of `units`, which are compile units)
  }

  abbrevTable(offset: number): AbbrevTable {
    let t = this.abbrevs.get(offset);
    if (!t) {
      t = parseAbbrevTable(this.sections.abbrev, offset);
      this.abbrevs.set(offset, t);
    }
    return t;
  }

  stringOf(u: Unit, v: AttrValue): string | undefined {
    try {
      switch (v.k) {
        case 'str':
          return v.v;
        case 'strp':
          return stringAt(v.line ? this.sections.lineStr : this.sections.str, v.off, u.what);
        case 'strx':
          return u.stringAtIndex(v.i);
        default:
          return undefined;
      }
    } catch (e) {
      if (e instanceof DwarfFail) return undefined;
      throw e;
    }
  }

  /** The unit whose bytes hold `offset` (a DIE reference), or undefined. */
  unitAt(section: 'info' | 'types', offset: number): Unit | undefined {
    const list =
      section === 'info' ? this.allInfoUnits() : [...this.typeUnits.values()].filter((u) => u.section === 'types');
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = list[mid].header;
      if (offset < h.offset) hi = mid - 1;
      else if (offset >= h.end) lo = mid + 1;
      else return list[mid];
    }
    return undefined;
  }

  private infoUnitsSorted: Unit[] | undefined;
  private allInfoUnits(): Unit[] {
    if (!this.infoUnitsSorted) {
      const all = [...this.units, ...[...this.typeUnits.values()].filter((u) => u.section === 'info')];
      all.sort((a, b) => a.header.offset - b.header.offset);
      this.infoUnitsSorted = all;
    }
    return this.infoUnitsSorted;
  }

  dieAt(section: 'info' | 'types', offset: number): Die | undefined {
    const u = this.unitAt(section, offset);
    return u?.dieAt(offset);
  }

  typeUnitDie(sig: bigint): Die | undefined {
    const u = this.typeUnits.get(sig);
    if (!u || u.header.typeOffset === undefined) return undefined;
    return u.dieAt(u.header.typeOffset);
  }

  // ---- compile units by address ------------------------------------------------------------

  /** Sorted, non-overlapping-as-written address ranges of the compile units. */
  cuRanges(): CuRange[] {
    if (this.cuIndex) return this.cuIndex;
    const out: CuRange[] = [];
    const covered = new Set<Unit>();
    const ar = this.sections.aranges;
    if (ar) {
      try {
        readAranges(ar, (cuOffset, start, len) => {
          const u = this.unitAt('info', cuOffset);
          if (!u || u.header.offset !== cuOffset) return;
          covered.add(u);
          if (len > 0n && start !== 0n) out.push({ start, end: start + len, unit: u });
        });
      } catch (e) {
        if (!(e instanceof DwarfFail)) throw e;
        this.problems.push(e.message);
      }
    }
    for (const u of this.units) {
      if (covered.has(u)) continue;
      let ranges: Range[] = [];
      try {
        ranges = dieRanges(u.root());
      } catch (e) {
        if (!(e instanceof DwarfFail)) throw e;
        this.problems.push(e.message);
      }
      for (const [s, e] of ranges) if (e > s && s !== 0n) out.push({ start: s, end: e, unit: u });
    }
    out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.cuIndex = out;
    return out;
  }

  /** The compile unit whose code holds `pc` (link-time address). */
  unitForPc(pc: bigint): Unit | undefined {
    const r = this.cuRanges();
    let lo = 0;
    let hi = r.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid].start <= pc) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // ranges may nest or overlap (a unit's hole filled by another): look back a little
    for (let i = best; i >= 0 && i > best - 64; i--) if (r[i].start <= pc && pc < r[i].end) return r[i].unit;
    return undefined;
  }

  // ---- line programs -----------------------------------------------------------------------

  /** The unit's line program, parsed once; undefined when it has none; a DwarfFail when corrupt. */
  lineProgram(u: Unit): LineProgram | undefined {
    const had = this.lines.get(u);
    if (typeof had === 'string') fail(had);
    if (had) return had;
    const root = u.root();
    const off = root.attr(DW_AT.stmt_list);
    if (!off || (off.k !== 'secoff' && off.k !== 'const')) return undefined;
    try {
      const p = parseLineProgram(this.sections, Number(off.v), root.str(DW_AT.comp_dir) ?? '', root.name ?? '');
      this.lines.set(u, p);
      return p;
    } catch (e) {
      if (e instanceof DwarfFail) this.lines.set(u, e.message);
      throw e;
    }
  }
}

/** Calls `f(cuOffset, start, length)` for each range of .debug_aranges. */
function readAranges(sec: Uint8Array, f: (cuOffset: number, start: bigint, len: bigint) => void): void {
  let pos = 0;
  while (pos < sec.length) {
    const tableStart = pos;
    const c0 = new Cursor(sec, pos, sec.length, `the address range table at ${hexU64(pos)} (.debug_aranges)`);
    const { length, offsetSize } = c0.initialLength();
    const c = c0.sub(length);
    pos = c.end;
    const version = c.u16();
    if (version !== 2) fail(`${c.what}: version ${version} (2 expected)`);
    const cuOffset = c.offset(offsetSize);
    const addressSize = c.u8();
    const segSize = c.u8();
    if (addressSize !== 4 && addressSize !== 8) fail(`${c.what}: address size ${addressSize}`);
    // tuples start at a multiple of their size from the table's start
    const tuple = addressSize * 2 + segSize;
    const rel = c.pos - tableStart;
    const pad = (tuple - (rel % tuple)) % tuple;
    c.skip(Math.min(pad, c.left));
    while (c.left >= tuple) {
      if (segSize) c.skip(segSize);
      const s = c.address(addressSize);
      const l = c.address(addressSize);
      if (s === 0n && l === 0n) break;
      f(cuOffset, s, l);
    }
  }
}
