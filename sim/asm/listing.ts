// The `wplab asm --listing` view: each source line with the address and bytes it produced
// (bytes in memory order, 4 to a group, 8 to a row, as GNU as's -a listing shows them).
import type { Program } from '../program';

const hex = (v: bigint, w: number) => v.toString(16).padStart(w, '0');

function sectionBytes(program: Program, name: string, addr: bigint, size: number): Uint8Array {
  const s = program.sections.find((x) => x.name === name);
  if (!s) return new Uint8Array(size);
  const off = Number(addr - s.addr);
  return s.bytes.subarray(off, off + size);
}

function groups(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 4)
    parts.push(Array.from(bytes.subarray(i, i + 4), (b) => b.toString(16).padStart(2, '0')).join(''));
  return parts.join(' ');
}

export function formatListing(program: Program, source: string): string {
  const byLine = new Map<number, typeof program.lines>();
  for (const e of program.lines) {
    const l = byLine.get(e.line) ?? [];
    l.push(e);
    byLine.set(e.line, l);
  }
  const out: string[] = [];
  const blank = ' '.repeat(16 + 2 + 17 + 2);
  const src = source.split(/\r?\n/);
  if (src.length && src[src.length - 1] === '') src.pop();
  src.forEach((text, i) => {
    const n = i + 1;
    const num = String(n).padStart(5);
    const entries = (byLine.get(n) ?? []).slice().sort((a, b) => (a.addr < b.addr ? -1 : 1));
    if (entries.length === 0) {
      out.push(`${blank}${num}  ${text}`);
      return;
    }
    let first = true;
    for (const e of entries) {
      const bytes = sectionBytes(program, e.section, e.addr, e.size);
      // long data (.space, strings) shows its first rows and its size
      const shown = bytes.length > 32 ? 16 : bytes.length;
      for (let off = 0; off < shown; off += 8) {
        const row = groups(bytes.subarray(off, off + 8)).padEnd(17);
        const addr = hex(e.addr + BigInt(off), 16);
        out.push(`${addr}  ${row}  ${first ? `${num}  ${text}` : ''}`.trimEnd());
        first = false;
      }
      if (shown < bytes.length) out.push(`${hex(e.addr + BigInt(shown), 16)}  ... ${bytes.length - shown} more bytes`);
    }
  });
  return out.join('\n') + '\n';
}
