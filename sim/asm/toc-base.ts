// The value of the ELFv2 TOC pointer `.TOC.` in a static, non-PIC executable as GNU ld gives it
// (toc.ts rewrites the prologues that use it). Apart from toc.ts so that the assembler's state can
// resolve `.TOC.` without importing the prologue rewriting, which reads that state.
import type { Sections } from './layout';

export const TOC_SYMBOL = '.TOC.';

/** The value of `.TOC.` after layout. */
export function tocBase(sections: Sections): bigint {
  const writable = sections.outputs.filter((o) => !o.exec && o.size > 0 && (o.name === '.data' || o.name === '.bss'));
  // no writable section: ld falls back to the start of the program (.text)
  const base = writable.length ? writable[0].addr : sections.outputs.find((o) => o.name === '.text')!.addr;
  return base + 0x8000n;
}
