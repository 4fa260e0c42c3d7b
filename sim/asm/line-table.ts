// Address <-> source line lookups over a Program's line table (what the debugger needs for
// stepping, breakpoints and the current-line marker).
import type { LineEntry, Program } from '../program';

/** The line entry whose bytes contain addr (lines are sorted by address), or undefined. */
export function lineForAddress(program: Program, addr: bigint): LineEntry | undefined {
  const ls = program.lines;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = ls[mid];
    if (addr < e.addr) hi = mid - 1;
    else if (addr >= e.addr + BigInt(e.size)) lo = mid + 1;
    else return e;
  }
  return undefined;
}

/** The start addresses of what a source line produced (instructions first, in address order). */
export function addressesForLine(program: Program, line: number): bigint[] {
  const hits = program.lines.filter((e) => e.line === line);
  const insns = hits.filter((e) => e.insn);
  return (insns.length ? insns : hits).map((e) => e.addr);
}
