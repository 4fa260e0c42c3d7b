// The line table of one compile unit as a debugger reads it: the rows of every sequence of its
// line program, filtered as GDB records them (rows that repeat a line already seen with a
// discriminator, a file switch at the same address that is not a statement, line 0), sorted by
// address with an end marker (line 0) where each sequence ends. `find` answers GDB's
// find_pc_line: the row at or before an address (the last statement row at that address), and the
// address where the next row starts.
import type { LineFile, LineProgram } from './line-program';
import { DwarfFail } from './reader';
import type { Unit } from './units';

export interface LineEntry {
  address: number;
  /** index in the program's files */
  file: number;
  /** 0 marks the end of a sequence (no line from here) */
  line: number;
  column: number;
  isStmt: boolean;
  prologueEnd: boolean;
}

export interface PcLine {
  entry: LineEntry;
  /** the index of `entry` in CuLines.entries */
  index: number;
  /** where the row starts (entry.address) and where the next row starts */
  start: number;
  end: number;
  file: LineFile | undefined;
}

export class CuLines {
  private entriesCache: LineEntry[] | undefined;

  constructor(
    readonly unit: Unit,
    readonly program: LineProgram,
  ) {}

  /** why the rows could not be read (a corrupt line program: the unit has no lines) */
  problem: string | undefined;

  /** The rows (the line program runs on first use). */
  get entries(): LineEntry[] {
    if (!this.entriesCache) {
      try {
        this.entriesCache = this.build();
      } catch (e) {
        if (!(e instanceof DwarfFail)) throw e;
        this.problem = e.message;
        this.entriesCache = [];
      }
    }
    return this.entriesCache;
  }

  private build(): LineEntry[] {
    const program = this.program;
    const out: LineEntry[] = [];
    for (const seq of program.sequences) {
      let lastFile = -1;
      let lastLine = -1;
      let lastAddress = -1;
      let discriminated = false;
      for (const r of seq.rows) {
        if (r.endSequence) {
          // rows at the end address hold no code
          while (out.length > 0 && out[out.length - 1].address === r.address && out[out.length - 1].line !== 0)
            out.pop();
          out.push({ address: r.address, file: lastFile, line: 0, column: 0, isStmt: true, prologueEnd: false });
          break;
        }
        if (r.line !== lastLine) discriminated = r.discriminator !== 0;
        else if (r.discriminator !== 0) discriminated = true;
        const fileChanged = r.file !== lastFile;
        if (r.line === 0 || (fileChanged && r.address === lastAddress && !r.isStmt)) continue;
        if (!(r.line === lastLine && !fileChanged && discriminated)) {
          out.push({
            address: r.address,
            file: r.file,
            line: r.line,
            column: r.column,
            isStmt: r.isStmt,
            prologueEnd: r.prologueEnd,
          });
        }
        lastFile = r.file;
        lastLine = r.line;
        lastAddress = r.address;
      }
    }
    // by address, an end marker before the rows that start at the same address (stable otherwise)
    const idx = out.map((_, i) => i);
    idx.sort(
      (a, b) => out[a].address - out[b].address || (out[a].line === 0 ? 0 : 1) - (out[b].line === 0 ? 0 : 1) || a - b,
    );
    return idx.map((i) => out[i]);
  }

  fileOf(e: LineEntry): LineFile | undefined {
    return this.program.files[e.file];
  }

  /** The first index whose address is greater than `pc`. */
  upperBound(pc: number): number {
    const e = this.entries;
    let lo = 0;
    let hi = e.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (e[mid].address <= pc) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The line of `pc`: undefined when no row covers it (before the first row, or after an end marker). */
  find(pc: number): PcLine | undefined {
    const e = this.entries;
    const ub = this.upperBound(pc);
    if (ub === 0) return undefined;
    let i = ub - 1;
    if (e[i].line === 0) return undefined;
    if (!e[i].isStmt) {
      let j = i;
      while (j > 0 && e[j - 1].address === e[j].address && e[j - 1].line !== 0 && !e[j].isStmt) j--;
      if (e[j].isStmt) i = j;
    }
    const entry = e[i];
    const end = ub < e.length ? e[ub].address : entry.address;
    return { entry, index: i, start: entry.address, end, file: this.fileOf(entry) };
  }
}

function components(p: string): string[] {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out;
}

/**
 * How well a requested source path matches a line table file's path: the number of trailing path
 * components they share (0: no match). Only the base names must agree; a full path that is equal
 * scores highest. (GDB matches "a.c" by base name, and a longer path by its trailing components.)
 */
export function pathMatch(requested: string, candidate: string): number {
  const a = components(requested);
  const b = components(candidate);
  if (a.length === 0 || b.length === 0) return 0;
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  if (n === 0) return 0;
  if (n === a.length && n === b.length && requested.startsWith('/') === candidate.startsWith('/')) return 1000;
  return n;
}
