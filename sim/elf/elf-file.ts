// Reads and checks a 64-bit little-endian PowerPC ELF file (ELFv2 ABI) as the loader needs it: the
// ELF header, the program headers, the section headers and the symbol table (.symtab/.strtab).
//
// Every problem is one line of text returned as a value (never thrown), so a truncated or corrupt
// file, a file for another machine or a dynamically linked program gets a message a person can act
// on. Every loop is bounded by the file's size: a corrupt count cannot make the parser allocate or
// iterate beyond what the file holds.
//
// The checks on the program headers are those Linux makes before it maps a program
// (fs/binfmt_elf.c: load_elf_binary, elf_map; arch/powerpc/include/asm/elf.h: elf_check_arch,
// SET_PERSONALITY), plus a few that keep the simulator's memory sane (overlapping segments, a
// memory total the simulator can map up front). Linux ignores section headers; they are checked
// here because the debugger and scenario expressions use them (sections and symbols).
import { hex } from '../hex';

export const ELFCLASS32 = 1;
export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const ELFDATA2MSB = 2;

export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;
export const ET_CORE = 4;

export const EM_PPC = 20;
export const EM_PPC64 = 21;

export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_STACK = 0x6474e551;

export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;

export const SHF_WRITE = 0x1n;
export const SHF_ALLOC = 0x2n;
export const SHF_EXECINSTR = 0x4n;
export const SHF_TLS = 0x400n;

export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;
export const SHN_XINDEX = 0xffff;

export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;
export const STT_COMMON = 5;
export const STT_TLS = 6;
export const STT_GNU_IFUNC = 10;

export const EHDR_SIZE = 64;
export const PHDR_SIZE = 56;
export const SHDR_SIZE = 64;
export const SYM_SIZE = 24;

/** The page size of a ppc64 Linux kernel with 64 KiB pages: ELF_MIN_ALIGN, AT_PAGESZ. */
export const ELF_PAGE_SIZE = 0x10000n;
/** TASK_SIZE_USER64 with 64 KiB pages (arch/powerpc/include/asm/task_size_64.h): BAD_ADDR above. */
export const TASK_SIZE = 0x0010000000000000n;
/** PATH_MAX: the longest PT_INTERP Linux accepts. */
const PATH_MAX = 4096;
/** Linux: e_phnum must be at most 65536 / sizeof(struct elf_phdr). */
export const MAX_PHNUM = Math.floor(65536 / PHDR_SIZE);

export interface ElfHeader {
  type: number;
  machine: number;
  entry: bigint;
  phoff: bigint;
  shoff: bigint;
  flags: number;
  phentsize: number;
  phnum: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
  osabi: number;
}

export interface ProgramHeader {
  /** its index in the program header table */
  index: number;
  type: number;
  flags: number;
  offset: bigint;
  vaddr: bigint;
  paddr: bigint;
  filesz: bigint;
  memsz: bigint;
  align: bigint;
}

export interface SectionHeader {
  index: number;
  name: string;
  type: number;
  flags: bigint;
  addr: bigint;
  offset: bigint;
  size: bigint;
  link: number;
  info: number;
  addralign: bigint;
  entsize: bigint;
}

export type ElfSymbolType = 'function' | 'object' | 'notype' | 'section' | 'file' | 'tls' | 'other';
export type ElfSymbolBinding = 'local' | 'global' | 'weak' | 'other';

export interface ElfSymbol {
  name: string;
  value: bigint;
  size: bigint;
  type: ElfSymbolType;
  binding: ElfSymbolBinding;
  /** the section's index (st_shndx, resolved through SHN_XINDEX tables is not supported: 0xffff stays) */
  shndx: number;
  /** the section's name, "*ABS*" (SHN_ABS), "*COM*" (SHN_COMMON), "*UND*" (SHN_UNDEF) */
  section: string;
  /** st_other: the visibility, and on ppc64 ELFv2 the local entry point's offset in bits 5-7 */
  other: number;
}

/**
 * ELFv2 (ppc64): how far a function's local entry point lies past its global entry point, from
 * st_other (the ABI's PPC64_LOCAL_ENTRY_OFFSET): 0, or 4 << (n - 2) bytes for n = 2..6.
 */
export function localEntryOffset(other: number): number {
  const n = (other >> 5) & 7;
  return n >= 2 && n <= 6 ? 4 << (n - 2) : 0;
}

export interface ElfFile {
  bytes: Uint8Array;
  header: ElfHeader;
  phdrs: ProgramHeader[];
  sections: SectionHeader[];
  symbols: ElfSymbol[];
}

export type ElfResult = { ok: true; elf: ElfFile } | { ok: false; message: string };

const MACHINES: Record<number, string> = {
  2: 'SPARC',
  3: 'x86 (i386)',
  8: 'MIPS',
  20: '32-bit PowerPC',
  22: 'IBM S/390',
  40: 'ARM',
  43: 'SPARC V9',
  50: 'IA-64',
  62: 'x86-64',
  183: 'AArch64 (arm64)',
  243: 'RISC-V',
  258: 'LoongArch',
};

/** A string read from the file, made safe for a one-line message: control characters escaped, length capped. */
export function printable(s: string, max = 120): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c === 0x7f || (c >= 0x80 && c < 0xa0) || c === 0x2028 || c === 0x2029)
      out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
    if (out.length >= max) return out.slice(0, max) + '...';
  }
  return out;
}

class Fail {
  constructor(readonly message: string) {}
}

const decoder = new TextDecoder('utf-8');

/** The most symbols or sections a file may have (far above real programs; bounds the work and memory). */
export const MAX_ENTRIES = 1_000_000;
/** The longest name read (longer names are cut). */
const MAX_NAME = 4096;

/**
 * Reads NUL-terminated names from one string table ([start, end) of the file). Each name's scan is
 * bounded (MAX_NAME), repeated offsets are read once, and the total scanned is bounded, so that a
 * crafted table cannot make reading slow.
 */
class StringTable {
  private readonly cache = new Map<number, string>();
  private budget = 64 * 1024 * 1024;
  constructor(
    private readonly b: Uint8Array,
    private readonly start: number,
    private readonly end: number,
  ) {}

  name(off: number, what: string): string {
    const hit = this.cache.get(off);
    if (hit !== undefined) return hit;
    const at = this.start + off;
    if (off < 0 || at >= this.end) throw new Fail(`${what}: name offset ${off} is outside its string table`);
    const stop = Math.min(this.end, at + MAX_NAME + 1);
    const z = this.b.subarray(at, stop).indexOf(0);
    if (z < 0 && stop === this.end)
      throw new Fail(`${what}: name at offset ${off} is not terminated inside its string table`);
    const len = z < 0 ? MAX_NAME : z;
    this.budget -= len;
    if (this.budget < 0) throw new Fail('the names in a string table are too long in total (a corrupt string table?)');
    const s = decoder.decode(this.b.subarray(at, at + len));
    this.cache.set(off, s);
    return s;
  }
}

function typeName(t: number): string {
  switch (t) {
    case PT_LOAD:
      return 'LOAD';
    case PT_TLS:
      return 'TLS';
    case PT_INTERP:
      return 'INTERP';
    case PT_DYNAMIC:
      return 'DYNAMIC';
    case PT_PHDR:
      return 'PHDR';
    default:
      return `type ${hex(t)}`;
  }
}

/**
 * Parses and checks `bytes` as a ppc64le executable Linux would load. A failure is one line without
 * the file's name (the caller puts it in front).
 */
export function parseElf(bytes: Uint8Array): ElfResult {
  try {
    return { ok: true, elf: parse(bytes) };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, message: e.message };
    // A bug in the checks below must not escape as an exception either: say what happened, in one line.
    return { ok: false, message: `cannot read this ELF file (internal error: ${printable(String(e))})` };
  }
}

function parse(b: Uint8Array): ElfFile {
  const len = b.length;
  if (len < 4 || b[0] !== 0x7f || b[1] !== 0x45 || b[2] !== 0x4c || b[3] !== 0x46) {
    throw new Fail(
      len < 4 && b[0] === 0x7f
        ? `truncated ELF file (${len} bytes)`
        : 'not an ELF file (it does not start with \\x7fELF)',
    );
  }
  if (len < 16) throw new Fail(`truncated ELF file (${len} bytes; the ELF header alone is ${EHDR_SIZE})`);
  const cls = b[4];
  const data = b[5];
  if (cls === ELFCLASS32)
    throw new Fail(
      '32-bit ELF file (ELFCLASS32); only 64-bit little-endian PowerPC (ppc64le) ' + 'executables run here',
    );
  if (cls !== ELFCLASS64) throw new Fail(`invalid ELF class ${cls} (neither 32- nor 64-bit)`);
  if (data === ELFDATA2MSB)
    throw new Fail('big-endian ELF file; only little-endian PowerPC (ppc64le) executables run here');
  if (data !== ELFDATA2LSB) throw new Fail(`invalid ELF data encoding ${data} (neither little- nor big-endian)`);
  if (len < EHDR_SIZE) throw new Fail(`truncated ELF file (${len} bytes; the ELF header alone is ${EHDR_SIZE})`);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const h: ElfHeader = {
    type: v.getUint16(16, true),
    machine: v.getUint16(18, true),
    entry: v.getBigUint64(24, true),
    phoff: v.getBigUint64(32, true),
    shoff: v.getBigUint64(40, true),
    flags: v.getUint32(48, true),
    phentsize: v.getUint16(54, true),
    phnum: v.getUint16(56, true),
    shentsize: v.getUint16(58, true),
    shnum: v.getUint16(60, true),
    shstrndx: v.getUint16(62, true),
    osabi: b[7],
  };
  if (h.machine !== EM_PPC64) {
    const m = MACHINES[h.machine];
    throw new Fail(
      `built for ${m ?? `machine ${h.machine}`} (e_machine ${h.machine}), not 64-bit ` +
        `PowerPC (ppc64le, e_machine 21)`,
    );
  }
  if (h.type === ET_REL)
    throw new Fail(
      'a relocatable object file (.o), not an executable; link it, e.g. ' + 'powerpc64le-linux-gnu-gcc -static',
    );
  if (h.type === ET_CORE) throw new Fail('a core dump, not an executable');
  if (h.type !== ET_EXEC && h.type !== ET_DYN) throw new Fail(`not an executable (ELF type ${h.type})`);
  const abi = h.flags & 3;
  if (abi === 1)
    throw new Fail(
      'an ELFv1 executable (function descriptors, e_flags abi 1); only the ELFv2 ABI of ' + 'ppc64le is supported',
    );
  if (abi !== 2)
    throw new Fail(
      `the ELF flags (${hex(h.flags)}) do not say ELFv2 ABI (abi ${abi}); Linux would ` + `start it as ELFv1`,
    );

  // Program headers (Linux: load_elf_phdrs).
  if (h.phnum === 0) throw new Fail('no program headers: nothing to load');
  if (h.phentsize !== PHDR_SIZE) throw new Fail(`program header entries are ${h.phentsize} bytes, not ${PHDR_SIZE}`);
  if (h.phnum > MAX_PHNUM) throw new Fail(`${h.phnum} program headers (Linux accepts at most ${MAX_PHNUM})`);
  const phEnd = h.phoff + BigInt(h.phnum * PHDR_SIZE);
  if (phEnd > BigInt(len))
    throw new Fail(
      `truncated: the program headers (${hex(h.phoff)}-${hex(phEnd)}) lie beyond the end ` +
        `of the file (${len} bytes)`,
    );
  const phoff = Number(h.phoff);
  const phdrs: ProgramHeader[] = [];
  for (let i = 0; i < h.phnum; i++) {
    const o = phoff + i * PHDR_SIZE;
    phdrs.push({
      index: i,
      type: v.getUint32(o, true),
      flags: v.getUint32(o + 4, true),
      offset: v.getBigUint64(o + 8, true),
      vaddr: v.getBigUint64(o + 16, true),
      paddr: v.getBigUint64(o + 24, true),
      filesz: v.getBigUint64(o + 32, true),
      memsz: v.getBigUint64(o + 40, true),
      align: v.getBigUint64(o + 48, true),
    });
  }

  // A dynamically linked program needs its interpreter (ld64.so.2) and shared libraries, which the
  // simulated machine does not have: say so first, it is the most useful thing to know.
  for (const p of phdrs) {
    if (p.type !== PT_INTERP) continue;
    if (p.filesz < 2n || p.filesz > BigInt(PATH_MAX))
      throw new Fail(
        `dynamically linked, with an invalid interpreter entry (${p.filesz} bytes); build it ` + `with -static`,
      );
    if (p.offset + p.filesz > BigInt(len))
      throw new Fail(
        'dynamically linked, and its interpreter path lies beyond the end of the file; build ' + 'it with -static',
      );
    const raw = b.subarray(Number(p.offset), Number(p.offset + p.filesz));
    const z = raw.indexOf(0);
    const interpreter = decoder.decode(raw.subarray(0, z < 0 ? raw.length : z));
    throw new Fail(`dynamically linked (interpreter ${printable(interpreter)}); build it with -static`);
  }

  checkSegments(h, phdrs, len);

  const sections = readSections(b, v, h);
  // The symbol table's header is checked now; its entries (tens of thousands in a glibc program) are
  // read when first asked for: starting a program does not need them.
  const readAll = symbolReader(b, v, sections);
  let symbols: ElfSymbol[] | undefined;
  const elf = { bytes: b, header: h, phdrs, sections } as ElfFile;
  Object.defineProperty(elf, 'symbols', {
    enumerable: true,
    get: () => {
      if (symbols === undefined) {
        try {
          symbols = readAll();
        } catch (e) {
          if (!(e instanceof Fail)) throw e;
          symbols = []; // a corrupt name: the program still runs, without names for its addresses
        }
      }
      return symbols;
    },
  });
  return elf;
}

function segName(p: ProgramHeader): string {
  return `segment ${p.index} (${typeName(p.type)})`;
}

function checkSegments(h: ElfHeader, phdrs: ProgramHeader[], len: number): void {
  const file = BigInt(len);
  const loads = phdrs.filter((p) => p.type === PT_LOAD);
  if (loads.length === 0) throw new Fail('no loadable (PT_LOAD) segment: nothing to run');
  for (const p of phdrs) {
    if (p.type !== PT_LOAD && p.type !== PT_TLS) continue;
    const what = segName(p);
    if (p.filesz > p.memsz)
      throw new Fail(`${what}: its file size ${hex(p.filesz)} exceeds its memory size ${hex(p.memsz)}`);
    if (p.offset + p.filesz > file)
      throw new Fail(
        `${what}: its file bytes ${hex(p.offset)}-${hex(p.offset + p.filesz)} lie beyond the ` +
          `end of the file (${len} bytes)`,
      );
    if (p.type !== PT_LOAD) continue;
    const end = p.vaddr + p.memsz;
    if (p.vaddr >= TASK_SIZE || p.memsz > TASK_SIZE || end > TASK_SIZE) {
      throw new Fail(
        `${what}: ${hex(p.vaddr)}-${hex(end)} reaches beyond the user address space (it ends ` +
          `at ${hex(TASK_SIZE)}; kernel addresses are above)`,
      );
    }
    // elf_map maps the file from p_offset - (p_vaddr % page): mmap refuses an offset that is not page aligned.
    if (p.filesz > 0n && p.offset % ELF_PAGE_SIZE !== p.vaddr % ELF_PAGE_SIZE) {
      throw new Fail(
        `${what}: file offset ${hex(p.offset)} and address ${hex(p.vaddr)} differ modulo the ` +
          `64 KiB page size, so Linux with 64 KiB pages cannot map it (link with -z ` +
          `max-page-size=0x10000)`,
      );
    }
  }
  for (let i = 1; i < loads.length; i++) {
    const a = loads[i - 1];
    const c = loads[i];
    if (c.vaddr < a.vaddr)
      throw new Fail(
        `${segName(c)} at ${hex(c.vaddr)} comes after ${segName(a)} at ${hex(a.vaddr)}: ` +
          `loadable segments must be in ascending address order`,
      );
    if (c.vaddr < a.vaddr + a.memsz) {
      throw new Fail(
        `${segName(c)} (${hex(c.vaddr)}-${hex(c.vaddr + c.memsz)}) overlaps ${segName(a)} ` +
          `(${hex(a.vaddr)}-${hex(a.vaddr + a.memsz)})`,
      );
    }
  }
  if (h.type === ET_EXEC && h.entry >= TASK_SIZE)
    throw new Fail(`entry point ${hex(h.entry)} is outside the user address space`);
  if (h.type === ET_DYN && h.entry === 0n) throw new Fail('a shared library (no entry point), not an executable');
}

function readSections(b: Uint8Array, v: DataView, h: ElfHeader): SectionHeader[] {
  const len = b.length;
  if (h.shoff === 0n) return [];
  if (h.shentsize !== SHDR_SIZE) throw new Fail(`section header entries are ${h.shentsize} bytes, not ${SHDR_SIZE}`);
  if (h.shoff + BigInt(SHDR_SIZE) > BigInt(len))
    throw new Fail(
      `truncated: the section headers at ${hex(h.shoff)} lie beyond the end of the file ` + `(${len} bytes)`,
    );
  const shoff = Number(h.shoff);
  let shnum = h.shnum;
  let shstrndx = h.shstrndx;
  // Extended numbering: e_shnum 0 means the count is in section 0's sh_size, e_shstrndx SHN_XINDEX in its sh_link.
  if (shnum === 0) {
    const n = v.getBigUint64(shoff + 32, true);
    if (n === 0n) return [];
    if (n > BigInt(len)) throw new Fail(`section count ${n} (extended numbering) is larger than the file`);
    shnum = Number(n);
  }
  if (shstrndx === SHN_XINDEX) shstrndx = v.getUint32(shoff + 40, true);
  if (shnum > MAX_ENTRIES) throw new Fail(`${shnum} sections (at most ${MAX_ENTRIES} are read)`);
  const end = h.shoff + BigInt(shnum) * BigInt(SHDR_SIZE);
  if (end > BigInt(len))
    throw new Fail(
      `truncated: the ${shnum} section headers (${hex(h.shoff)}-${hex(end)}) lie beyond ` +
        `the end of the file (${len} bytes)`,
    );
  const raw: Array<Omit<SectionHeader, 'name'> & { nameOff: number }> = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * SHDR_SIZE;
    raw.push({
      index: i,
      nameOff: v.getUint32(o, true),
      type: v.getUint32(o + 4, true),
      flags: v.getBigUint64(o + 8, true),
      addr: v.getBigUint64(o + 16, true),
      offset: v.getBigUint64(o + 24, true),
      size: v.getBigUint64(o + 32, true),
      link: v.getUint32(o + 40, true),
      info: v.getUint32(o + 44, true),
      addralign: v.getBigUint64(o + 48, true),
      entsize: v.getBigUint64(o + 56, true),
    });
  }
  for (const s of raw) {
    if (s.type === SHT_NOBITS || s.type === SHT_NULL) continue;
    if (s.offset + s.size > BigInt(len))
      throw new Fail(
        `section ${s.index}: its bytes ${hex(s.offset)}-${hex(s.offset + s.size)} lie beyond ` +
          `the end of the file (${len} bytes)`,
      );
  }
  let names: StringTable | undefined;
  if (shstrndx !== SHN_UNDEF) {
    if (shstrndx >= shnum)
      throw new Fail(`the section name table index ${shstrndx} is not a section (there are ${shnum})`);
    const st = raw[shstrndx];
    if (st.type !== SHT_STRTAB) throw new Fail(`the section name table (section ${shstrndx}) is not a string table`);
    names = new StringTable(b, Number(st.offset), Number(st.offset + st.size));
  }
  return raw.map(({ nameOff, ...s }) => ({
    ...s,
    name: names ? names.name(nameOff, `section ${s.index}`) : '',
  }));
}

const SYM_TYPES: Record<number, ElfSymbolType> = {
  [STT_NOTYPE]: 'notype',
  [STT_OBJECT]: 'object',
  [STT_FUNC]: 'function',
  [STT_SECTION]: 'section',
  [STT_FILE]: 'file',
  [STT_COMMON]: 'object',
  [STT_TLS]: 'tls',
  [STT_GNU_IFUNC]: 'function',
};

function symbolReader(b: Uint8Array, v: DataView, sections: SectionHeader[]): () => ElfSymbol[] {
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (!symtab) return () => [];
  const what = `the symbol table (section ${symtab.index})`;
  if (symtab.entsize !== BigInt(SYM_SIZE))
    throw new Fail(`${what}: entries are ${symtab.entsize} bytes, not ${SYM_SIZE}`);
  if (symtab.size % BigInt(SYM_SIZE) !== 0n)
    throw new Fail(`${what}: its size ${symtab.size} is not a whole number of entries`);
  if (symtab.link === 0 || symtab.link >= sections.length || sections[symtab.link].type !== SHT_STRTAB) {
    throw new Fail(`${what}: its string table (section ${symtab.link}) is not a string table`);
  }
  const str = sections[symtab.link];
  const names = new StringTable(b, Number(str.offset), Number(str.offset + str.size));
  const count = Number(symtab.size) / SYM_SIZE;
  if (count > MAX_ENTRIES) throw new Fail(`${what}: ${count} symbols (at most ${MAX_ENTRIES} are read)`);
  const base = Number(symtab.offset);
  return () => {
    const out: ElfSymbol[] = [];
    for (let i = 1; i < count; i++) {
      const o = base + i * SYM_SIZE;
      const nameOff = v.getUint32(o, true);
      const info = b[o + 4];
      const shndx = v.getUint16(o + 6, true);
      const t = info & 0xf;
      const bind = info >> 4;
      const section =
        shndx === SHN_UNDEF
          ? '*UND*'
          : shndx === SHN_ABS
            ? '*ABS*'
            : shndx === SHN_COMMON
              ? '*COM*'
              : shndx < sections.length
                ? sections[shndx].name
                : '';
      out.push({
        name: nameOff === 0 ? '' : names.name(nameOff, `symbol ${i}`),
        value: v.getBigUint64(o + 8, true),
        size: v.getBigUint64(o + 16, true),
        type: SYM_TYPES[t] ?? 'other',
        binding: bind === STB_LOCAL ? 'local' : bind === STB_GLOBAL ? 'global' : bind === STB_WEAK ? 'weak' : 'other',
        shndx,
        section,
        other: b[o + 5],
      });
    }
    return out;
  };
}
