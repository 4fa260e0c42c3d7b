// An executable as the loader maps it (ExecImage), and the Program the rest of the simulator sees
// for an ELF file: its SHF_ALLOC sections (disassembly and memory views), its .symtab symbols
// (scenario expressions, names in the debugger), no line table yet (DWARF comes later).
//
// Where a static-pie (ET_DYN without PT_INTERP) is placed: Linux (fs/binfmt_elf.c, since the
// "use ELF_ET_DYN_BASE only for PIE" change of 5.x) maps only programs with an interpreter at
// ELF_ET_DYN_BASE (0x100000000 on ppc64); a program without one is a "loader" and goes, with a load
// bias of 0 and no MAP_FIXED, where mmap puts it: top-down from mmap_base. Without randomization
// mmap_base is the stack top minus the stack gap, which is clamped to at least 128 MiB (the 8 MiB
// stack rlimit plus the 256-page guard gap is less). So the image ends at stack top - 128 MiB.
import { hex } from '../hex';
import { DEFAULT_LAYOUT, type Program, type Result, type Section, type SymbolInfo, type SymbolType } from '../program';
import { VDSO_BASE } from '../machine/signal-frame';
import {
  ELF_PAGE_SIZE,
  ET_DYN,
  PF_R,
  PF_W,
  PF_X,
  PT_DYNAMIC,
  PT_GNU_STACK,
  PT_LOAD,
  PT_PHDR,
  PT_TLS,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_TLS,
  SHT_NOBITS,
  TASK_SIZE,
  parseElf,
  printable,
  type ElfFile,
} from './elf-file';

/** The initial stack's top (SCENARIOS.md section 6; Linux's STACK_TOP with 64 KiB pages would be 0x800000000000). */
export const STACK_TOP: bigint = DEFAULT_LAYOUT.stackTop;
/** the stack mapped below STACK_TOP: the 8 MiB of the default RLIMIT_STACK */
export const STACK_SIZE = 8 * 1024 * 1024;
/** mmap_base's gap below the stack top without randomization (mm: MIN_GAP) */
export const MMAP_MIN_GAP = 128n * 1024n * 1024n;
/** Where top-down mmap starts: the highest address a static-pie image or an mmap can end at. */
export const MMAP_BASE = STACK_TOP - MMAP_MIN_GAP;
/** The most memory the segments of one executable may need: the simulator maps it all up front. */
export const MAX_IMAGE_MEMORY = 256 * 1024 * 1024;

export function pageStart(a: bigint): bigint {
  return a & ~(ELF_PAGE_SIZE - 1n);
}

export function pageAlign(a: bigint): bigint {
  return (a + ELF_PAGE_SIZE - 1n) & ~(ELF_PAGE_SIZE - 1n);
}

export interface ExecSegment {
  /** its index in the program header table */
  index: number;
  /** p_vaddr + load bias */
  vaddr: bigint;
  memsz: number;
  filesz: number;
  /** p_offset */
  offset: number;
  /** the segment's file bytes (p_filesz of them; a view of the file, not a copy) */
  bytes: Uint8Array;
  read: boolean;
  write: boolean;
  exec: boolean;
}

export interface ExecImage {
  /** ET_EXEC, or ET_DYN without an interpreter (static-pie) */
  kind: 'exec' | 'static-pie';
  /** the whole file (what /proc/self/exe reads, what segments map) */
  file: Uint8Array;
  /** the PT_LOAD segments, in file order (ascending addresses) */
  segments: ExecSegment[];
  /** e_entry + load bias */
  entry: bigint;
  /** 0 for ET_EXEC; where a static-pie's address 0 went */
  loadBias: bigint;
  /** AT_PHDR (0 when no PT_LOAD holds the program headers), AT_PHENT, AT_PHNUM */
  phdr: { addr: bigint; entsize: number; count: number };
  /** PT_TLS: the initial thread-local block the C library copies (addr biased) */
  tls?: { addr: bigint; offset: number; filesz: number; memsz: number; align: bigint; bytes: Uint8Array };
  /** PT_DYNAMIC's address (a static-pie relocates itself from it) */
  dynamic?: bigint;
  /** PT_PHDR's address, when the file has one */
  phdrSegment?: bigint;
  /** mm->start_brk: the end of the highest segment, rounded up to the 64 KiB page */
  brkStart: bigint;
  /** PT_GNU_STACK asks for an executable stack */
  execStack: boolean;
}

/** The image of a parsed file, or one line saying why it cannot be loaded. */
export function buildExecImage(elf: ElfFile): { ok: true; image: ExecImage } | { ok: false; message: string } {
  const loads = elf.phdrs.filter((p) => p.type === PT_LOAD);
  const first = loads[0];
  const last = loads[loads.length - 1];
  const pie = elf.header.type === ET_DYN;
  let bias = 0n;
  if (pie) {
    const total = pageAlign(last.vaddr + last.memsz - pageStart(first.vaddr));
    if (total > MMAP_BASE)
      return { ok: false, message: `the image spans ${hex(total)} bytes, more than the address space below the stack` };
    bias = MMAP_BASE - total - pageStart(first.vaddr);
  }
  let memory = 0n;
  for (const p of loads) memory += pageAlign(p.vaddr + p.memsz) - pageStart(p.vaddr);
  if (memory > BigInt(MAX_IMAGE_MEMORY)) {
    return {
      ok: false,
      message:
        `its segments need ${memory / 1048576n} MiB of memory; the simulator maps at most ` +
        `${MAX_IMAGE_MEMORY / 1048576} MiB up front`,
    };
  }
  const stackLow = STACK_TOP - BigInt(STACK_SIZE);
  const segments: ExecSegment[] = [];
  for (const p of loads) {
    const lo = pageStart(p.vaddr + bias);
    const hi = pageAlign(p.vaddr + bias + p.memsz);
    if (lo < STACK_TOP && hi > stackLow)
      return {
        ok: false,
        message:
          `segment ${p.index} (${hex(p.vaddr + bias)}-${hex(p.vaddr + bias + p.memsz)}) ` +
          `overlaps the stack (${hex(stackLow)}-${hex(STACK_TOP)})`,
      };
    if (lo <= VDSO_BASE && hi > VDSO_BASE)
      return {
        ok: false,
        message:
          `segment ${p.index} (${hex(p.vaddr + bias)}-${hex(p.vaddr + bias + p.memsz)}) ` +
          `overlaps the vdso page at ${hex(VDSO_BASE)}`,
      };
    if (hi > TASK_SIZE) return { ok: false, message: `segment ${p.index} reaches beyond the user address space` };
    segments.push({
      index: p.index,
      vaddr: p.vaddr + bias,
      memsz: Number(p.memsz),
      filesz: Number(p.filesz),
      offset: Number(p.offset),
      bytes: elf.bytes.subarray(Number(p.offset), Number(p.offset + p.filesz)),
      // a writable page is readable on Power (the hash MMU has no write-only pages)
      read: (p.flags & (PF_R | PF_W)) !== 0,
      write: (p.flags & PF_W) !== 0,
      exec: (p.flags & PF_X) !== 0,
    });
  }
  // AT_PHDR: the address where a PT_LOAD maps the program headers' file bytes (Linux 5.18+).
  const h = elf.header;
  let phdrAddr = 0n;
  for (const p of loads)
    if (p.offset <= h.phoff && h.phoff < p.offset + p.filesz) phdrAddr = h.phoff - p.offset + p.vaddr + bias;
  const tlsH = elf.phdrs.find((p) => p.type === PT_TLS);
  const dyn = elf.phdrs.find((p) => p.type === PT_DYNAMIC);
  const phdrSeg = elf.phdrs.find((p) => p.type === PT_PHDR);
  const stack = elf.phdrs.find((p) => p.type === PT_GNU_STACK);
  let brkEnd = 0n;
  for (const p of loads) if (p.vaddr + p.memsz > brkEnd) brkEnd = p.vaddr + p.memsz;
  const entry = h.entry + bias;
  if (entry >= TASK_SIZE) return { ok: false, message: `entry point ${hex(entry)} is outside the user address space` };
  return {
    ok: true,
    image: {
      kind: pie ? 'static-pie' : 'exec',
      file: elf.bytes,
      segments,
      entry,
      loadBias: bias,
      phdr: { addr: phdrAddr, entsize: h.phentsize, count: h.phnum },
      tls: tlsH
        ? {
            addr: tlsH.vaddr + bias,
            offset: Number(tlsH.offset),
            filesz: Number(tlsH.filesz),
            memsz: Number(tlsH.memsz),
            align: tlsH.align,
            bytes: elf.bytes.subarray(Number(tlsH.offset), Number(tlsH.offset + tlsH.filesz)),
          }
        : undefined,
      dynamic: dyn ? dyn.vaddr + bias : undefined,
      phdrSegment: phdrSeg ? phdrSeg.vaddr + bias : undefined,
      brkStart: pageAlign(brkEnd + bias),
      execStack: stack !== undefined && (stack.flags & PF_X) !== 0,
    },
  };
}

const RANK = { global: 3, weak: 2, other: 1, local: 0 } as const;

function symbolsOf(elf: ElfFile, bias: bigint): Map<string, SymbolInfo> {
  const out = new Map<string, SymbolInfo>();
  const rank = new Map<string, number>();
  for (const s of elf.symbols) {
    // names of addresses only: no file/section markers, no undefined symbols, no TLS offsets
    if (s.name === '' || s.type === 'section' || s.type === 'file' || s.type === 'tls' || s.section === '*UND*')
      continue;
    const r = RANK[s.binding];
    const had = rank.get(s.name);
    if (had !== undefined && had >= r) continue; // a global beats a local of the same name; else the first stays
    rank.set(s.name, r);
    const type: SymbolType = s.type === 'function' || s.type === 'object' ? s.type : 'notype';
    out.set(s.name, {
      name: s.name,
      value: s.section === '*ABS*' ? s.value : BigInt.asUintN(64, s.value + bias),
      size: s.size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(s.size),
      section: s.section,
      type,
      global: s.binding !== 'local',
      line: 0,
    });
  }
  return out;
}

function sectionsOf(elf: ElfFile, bias: bigint): Section[] | string {
  const out: Section[] = [];
  let zeros = 0n;
  for (const s of elf.sections) {
    if ((s.flags & SHF_ALLOC) === 0n || s.size === 0n) continue;
    const nobits = s.type === SHT_NOBITS;
    if (nobits && (s.flags & SHF_TLS) !== 0n) continue; // .tbss takes no address space (its image is per thread)
    if (nobits) {
      zeros += s.size;
      if (zeros > BigInt(MAX_IMAGE_MEMORY))
        return (
          `section ${s.index} (${printable(s.name)}): ${hex(s.size)} bytes of zeros, more than ` +
          `the ${MAX_IMAGE_MEMORY / 1048576} MiB the simulator maps`
        );
    }
    const size = Number(s.size);
    out.push({
      name: s.name,
      addr: s.addr + bias,
      bytes: nobits ? new Uint8Array(size) : elf.bytes.subarray(Number(s.offset), Number(s.offset) + size),
      exec: (s.flags & SHF_EXECINSTR) !== 0n,
      nobits,
    });
  }
  return out;
}

function failure(path: string, message: string): Result<Program> {
  return { ok: false, errors: [{ file: path, line: 0, col: 0, message, severity: 'error' }] };
}

/**
 * The Program of an ELF executable's bytes. A failure is one Diagnostic with line 0 (it is about the
 * whole file): formatDiagnostic prints it as `path: message`.
 */
export function programFromElf(path: string, bytes: Uint8Array): Result<Program> {
  const parsed = parseElf(bytes);
  if (!parsed.ok) return failure(path, parsed.message);
  const built = buildExecImage(parsed.elf);
  if (!built.ok) return failure(path, built.message);
  const image = built.image;
  const sections = sectionsOf(parsed.elf, image.loadBias);
  if (typeof sections === 'string') return failure(path, sections);
  let symbols: Map<string, SymbolInfo> | undefined;
  const program = { file: path, sections, lines: [], entry: image.entry, image } as unknown as Program;
  // (read when first used: a scenario expression or the debugger asks, starting a program does not)
  Object.defineProperty(program, 'symbols', {
    enumerable: true,
    get: () => (symbols ??= symbolsOf(parsed.elf, image.loadBias)),
  });
  return { ok: true, value: program };
}
