// Writes small ELF64 little-endian files for the loader's unit tests, byte by byte from the ELF
// specification (independently of sim/elf), so that each header field can be set to a good or a
// bad value.

export interface SegSpec {
  type?: number; // default PT_LOAD
  flags: number; // PF_R 4 | PF_W 2 | PF_X 1
  vaddr: bigint;
  data: Uint8Array;
  memsz?: number; // default data.length
  align?: bigint; // default 0x10000
  /** file offset; default: the next offset congruent to vaddr modulo 64 KiB (0 puts the headers inside the segment,
   * as GNU ld does) */
  offset?: number;
}

export interface SymSpec {
  name: string;
  value: bigint;
  size?: number;
  type: number; // STT_*
  bind: number; // STB_*
  /** index into `sections` + 1 (0 = UND), or 0xfff1 (ABS) */
  shndx: number;
}

export interface SecSpec {
  name: string;
  type: number; // SHT_PROGBITS 1, SHT_NOBITS 8
  flags: number; // SHF_ALLOC 2 | SHF_WRITE 1 | SHF_EXECINSTR 4
  addr: bigint;
  /** the segment (index in segs) whose bytes it covers, at addr - seg.vaddr; NOBITS: none */
  seg?: number;
  size: number;
}

export interface ElfSpec {
  class?: number; // 2
  data?: number; // 1
  type?: number; // ET_EXEC 2
  machine?: number; // 21
  flags?: number; // 2 (ELFv2)
  entry: bigint;
  segs: SegSpec[];
  /** extra program headers written as given (PT_INTERP with its string, PT_TLS, ...) */
  interp?: string;
  sections?: SecSpec[];
  symbols?: SymSpec[];
  phentsize?: number;
}

const PAGE = 0x10000;

export function buildElf(spec: ElfSpec): Uint8Array {
  const phnum = spec.segs.length + (spec.interp !== undefined ? 1 : 0);
  const phoff = 64;
  let off = phoff + 56 * phnum;
  const chunks: Array<{ at: number; bytes: Uint8Array }> = [];
  const place = (bytes: Uint8Array, align = 8): number => {
    off = Math.ceil(off / align) * align;
    const at = off;
    chunks.push({ at, bytes });
    off += bytes.length;
    return at;
  };
  let interpAt = 0;
  let interpBytes = new Uint8Array(0);
  if (spec.interp !== undefined) {
    interpBytes = new TextEncoder().encode(spec.interp + '\0');
    interpAt = place(interpBytes, 1);
  }
  const segOffsets: number[] = [];
  for (const s of spec.segs) {
    let at: number;
    if (s.offset !== undefined) at = s.offset;
    else {
      const want = Number(s.vaddr % BigInt(PAGE));
      at = off - (off % PAGE) + want;
      if (at < off) at += PAGE;
    }
    chunks.push({ at, bytes: s.data });
    off = Math.max(off, at + s.data.length);
    segOffsets.push(at);
  }
  // section headers, string tables, symbols
  let shoff = 0;
  let shnum = 0;
  let shstrndx = 0;
  const shdrs: Uint8Array[] = [];
  if (spec.sections) {
    const shstr: number[] = [0];
    const addName = (tab: number[], n: string): number => {
      const at = tab.length;
      for (const b of new TextEncoder().encode(n)) tab.push(b);
      tab.push(0);
      return at;
    };
    const strtab: number[] = [0];
    const syms: Uint8Array[] = [new Uint8Array(24)];
    let firstGlobal = 1;
    const sorted = [...(spec.symbols ?? [])].sort((a, b) => (a.bind === 0 ? 0 : 1) - (b.bind === 0 ? 0 : 1));
    for (const s of sorted) {
      const e = new Uint8Array(24);
      const v = new DataView(e.buffer);
      v.setUint32(0, addName(strtab, s.name), true);
      e[4] = (s.bind << 4) | s.type;
      v.setUint16(6, s.shndx, true);
      v.setBigUint64(8, s.value, true);
      v.setBigUint64(16, BigInt(s.size ?? 0), true);
      syms.push(e);
      if (s.bind === 0) firstGlobal = syms.length;
    }
    const symBytes = new Uint8Array(24 * syms.length);
    syms.forEach((e, i) => symBytes.set(e, 24 * i));
    const symAt = place(symBytes, 8);
    const strBytes = new Uint8Array(strtab);
    const strAt = place(strBytes, 1);
    const nSec = spec.sections.length;
    const entries: Array<{
      name: number;
      type: number;
      flags: number;
      addr: bigint;
      offset: number;
      size: number;
      link: number;
      info: number;
      align: number;
      entsize: number;
    }> = [];
    entries.push({ name: 0, type: 0, flags: 0, addr: 0n, offset: 0, size: 0, link: 0, info: 0, align: 0, entsize: 0 });
    for (const s of spec.sections) {
      const offset = s.seg !== undefined ? segOffsets[s.seg] + Number(s.addr - spec.segs[s.seg].vaddr) : off;
      entries.push({
        name: addName(shstr, s.name),
        type: s.type,
        flags: s.flags,
        addr: s.addr,
        offset,
        size: s.size,
        link: 0,
        info: 0,
        align: 1,
        entsize: 0,
      });
    }
    const symtabIdx = nSec + 1;
    const strtabIdx = nSec + 2;
    shstrndx = nSec + 3;
    entries.push({
      name: addName(shstr, '.symtab'),
      type: 2,
      flags: 0,
      addr: 0n,
      offset: symAt,
      size: symBytes.length,
      link: strtabIdx,
      info: firstGlobal,
      align: 8,
      entsize: 24,
    });
    entries.push({
      name: addName(shstr, '.strtab'),
      type: 3,
      flags: 0,
      addr: 0n,
      offset: strAt,
      size: strBytes.length,
      link: 0,
      info: 0,
      align: 1,
      entsize: 0,
    });
    const shstrName = addName(shstr, '.shstrtab');
    const shstrBytes = new Uint8Array(shstr);
    const shstrAt = place(shstrBytes, 1);
    entries.push({
      name: shstrName,
      type: 3,
      flags: 0,
      addr: 0n,
      offset: shstrAt,
      size: shstrBytes.length,
      link: 0,
      info: 0,
      align: 1,
      entsize: 0,
    });
    void symtabIdx;
    for (const e of entries) {
      const h = new Uint8Array(64);
      const v = new DataView(h.buffer);
      v.setUint32(0, e.name, true);
      v.setUint32(4, e.type, true);
      v.setBigUint64(8, BigInt(e.flags), true);
      v.setBigUint64(16, e.addr, true);
      v.setBigUint64(24, BigInt(e.offset), true);
      v.setBigUint64(32, BigInt(e.size), true);
      v.setUint32(40, e.link, true);
      v.setUint32(44, e.info, true);
      v.setBigUint64(48, BigInt(e.align), true);
      v.setBigUint64(56, BigInt(e.entsize), true);
      shdrs.push(h);
    }
    shnum = shdrs.length;
    const all = new Uint8Array(64 * shnum);
    shdrs.forEach((h, i) => all.set(h, 64 * i));
    shoff = place(all, 8);
  }
  const out = new Uint8Array(off);
  for (const c of chunks) out.set(c.bytes, c.at); // first: a segment at offset 0 holds the headers written next
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, spec.class ?? 2, spec.data ?? 1, 1, 0]);
  v.setUint16(16, spec.type ?? 2, true);
  v.setUint16(18, spec.machine ?? 21, true);
  v.setUint32(20, 1, true);
  v.setBigUint64(24, spec.entry, true);
  v.setBigUint64(32, BigInt(phoff), true);
  v.setBigUint64(40, BigInt(shoff), true);
  v.setUint32(48, spec.flags ?? 2, true);
  v.setUint16(52, 64, true);
  v.setUint16(54, spec.phentsize ?? 56, true);
  v.setUint16(56, phnum, true);
  v.setUint16(58, spec.sections ? 64 : 0, true);
  v.setUint16(60, shnum, true);
  v.setUint16(62, shstrndx, true);
  let ph = phoff;
  const writePh = (
    type: number,
    flags: number,
    offset: number,
    vaddr: bigint,
    filesz: number,
    memsz: number,
    align: bigint,
  ): void => {
    v.setUint32(ph, type, true);
    v.setUint32(ph + 4, flags, true);
    v.setBigUint64(ph + 8, BigInt(offset), true);
    v.setBigUint64(ph + 16, vaddr, true);
    v.setBigUint64(ph + 24, vaddr, true);
    v.setBigUint64(ph + 32, BigInt(filesz), true);
    v.setBigUint64(ph + 40, BigInt(memsz), true);
    v.setBigUint64(ph + 48, align, true);
    ph += 56;
  };
  if (spec.interp !== undefined) writePh(3, 4, interpAt, 0x10000200n, interpBytes.length, interpBytes.length, 1n);
  spec.segs.forEach((s, i) =>
    writePh(s.type ?? 1, s.flags, segOffsets[i], s.vaddr, s.data.length, s.memsz ?? s.data.length, s.align ?? 0x10000n),
  );
  return out;
}

/** Little-endian instruction words as bytes. */
export function words(...ws: number[]): Uint8Array {
  const b = new Uint8Array(4 * ws.length);
  const v = new DataView(b.buffer);
  ws.forEach((w, i) => v.setUint32(4 * i, w >>> 0, true));
  return b;
}
