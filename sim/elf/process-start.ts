// Starting a process from an ExecImage as Linux 6.x does for a static ppc64le executable
// (fs/binfmt_elf.c load_elf_binary, elf_map/elf_load, create_elf_tables; fs/exec.c
// do_execveat_common, setup_arg_pages; arch/powerpc/kernel/process.c start_thread,
// arch_align_stack; arch/powerpc/include/asm/elf.h ARCH_DLINFO, ELF_PLAT_INIT). Deterministic: no
// address randomization, AT_RANDOM from a fixed seed.
//
// Memory. The kernel has 64 KiB pages (AT_PAGESZ 65536), so each PT_LOAD maps whole 64 KiB file
// pages: from the page holding p_vaddr to the one holding p_vaddr + p_filesz, with the file's bytes
// around the segment (or zeros past the end of the file) filling those pages. A later segment
// replaces an earlier one in a page they share (MAP_FIXED). When p_memsz > p_filesz, the rest of
// the last file page is cleared (padzero: only if the segment is writable, as Linux ignores the
// fault otherwise) and anonymous zero pages follow up to p_vaddr + p_memsz: readable and
// writable, and executable if the segment is (vm_brk_flags). The break starts at the end of the
// highest segment rounded up to 64 KiB (mm->start_brk, no randomization).
//
// The stack (8 MiB below STACK_TOP), from the top down:
//   8 bytes of zeros (the kernel starts at the top minus one pointer),
//   the executable's path (AT_EXECFN points here), the environment strings, the argument strings
//   (argv[0] lowest: mm->arg_start), then, 16-byte aligned down, the AT_PLATFORM string, the
//   AT_BASE_PLATFORM string, 16 AT_RANDOM bytes, a gap, and at the 16-byte aligned stack pointer:
//   argc, argv[], NULL, envp[], NULL, the auxiliary vector (pairs, ending with AT_NULL).
// Registers: start_thread clears r1..r31 (ELF_PLAT_INIT's r2 included: on ELFv2 nothing restores
// it), then sets r1 = sp and r12 = the entry (the ELFv2 global entry point), CTR/LR/XER/CR 0 and
// MSR_USER64. Linux leaves r0 as the execve system call left it (its number, 11); the first
// process here was not started by a system call, and the contract (SCENARIOS.md) says 0.
import { AddressSpace } from '../cpu/address-space';
import { ThreadState, USER_MSR } from '../cpu/thread-state';
import type { CpuModelName } from '../hwbp/cpu-model';
import { RT_SIGFRAME_SIZE, SIGNAL_FRAMESIZE } from '../machine/signal-frame';
import { cacheGeometry, cpuFeatures } from './cpu-features';
import { ELF_PAGE_SIZE, PHDR_SIZE } from './elf-file';
import { STACK_SIZE, STACK_TOP, pageAlign, pageStart, type ExecImage } from './exec-image';

// Auxiliary vector types (include/uapi/linux/auxvec.h, arch/powerpc/include/uapi/asm/auxvec.h).
export const AT_NULL = 0;
export const AT_PHDR = 3;
export const AT_PHENT = 4;
export const AT_PHNUM = 5;
export const AT_PAGESZ = 6;
export const AT_BASE = 7;
export const AT_FLAGS = 8;
export const AT_ENTRY = 9;
export const AT_UID = 11;
export const AT_EUID = 12;
export const AT_GID = 13;
export const AT_EGID = 14;
export const AT_PLATFORM = 15;
export const AT_HWCAP = 16;
export const AT_CLKTCK = 17;
export const AT_DCACHEBSIZE = 19;
export const AT_ICACHEBSIZE = 20;
export const AT_UCACHEBSIZE = 21;
export const AT_IGNOREPPC = 22;
export const AT_SECURE = 23;
export const AT_BASE_PLATFORM = 24;
export const AT_RANDOM = 25;
export const AT_HWCAP2 = 26;
export const AT_RSEQ_FEATURE_SIZE = 27;
export const AT_RSEQ_ALIGN = 28;
export const AT_EXECFN = 31;
export const AT_SYSINFO_EHDR = 33;
export const AT_L1I_CACHESIZE = 40;
export const AT_L1I_CACHEGEOMETRY = 41;
export const AT_L1D_CACHESIZE = 42;
export const AT_L1D_CACHEGEOMETRY = 43;
export const AT_L2_CACHESIZE = 44;
export const AT_L2_CACHEGEOMETRY = 45;
export const AT_L3_CACHESIZE = 46;
export const AT_L3_CACHEGEOMETRY = 47;
export const AT_MINSIGSTKSZ = 51;

/** USER_HZ: CLOCKS_PER_SEC, AT_CLKTCK */
export const CLOCKS_PER_SEC = 100;
/** offsetof(struct rseq, end) in 6.3+ (cpu_id_start, cpu_id, rseq_cs, flags, node_id, mm_cid) */
export const RSEQ_FEATURE_SIZE = 28;
/** __alignof__(struct rseq): aligned(4 * sizeof(u64)) */
export const RSEQ_ALIGN = 32;
/** MAX_ARG_STRLEN on ppc64 with 64 KiB pages is 32 pages; the whole of argv and envp must fit in a quarter of the 8
 * MiB stack rlimit */
export const MAX_ARG_BYTES = 2 * 1024 * 1024;
/** the AT_RANDOM bytes' seed when none is given */
export const DEFAULT_RANDOM_SEED = 0x5eed_c0de_2026_0101n;

export interface StartOptions {
  /** the path the program was executed by: AT_EXECFN's string (bprm->filename) */
  path: string;
  /** default [path]; an empty list becomes [""] as Linux 5.18+ does */
  argv?: readonly string[];
  /** default none */
  envp?: readonly string[];
  /** default power10 */
  cpu?: CpuModelName;
  /** default STACK_TOP (0x7ffffff00000) */
  stackTop?: bigint;
  /** seed of the 16 AT_RANDOM bytes */
  randomSeed?: bigint;
  /**
   * Maps anonymous memory (the stack, the bss pages beyond the file): by default at once; a process's
   * memory map (sim/os/memory-map.ts) maps it to be made on first touch instead.
   */
  mapAnonymous?: (
    lo: bigint,
    hi: bigint,
    prot: { read: boolean; write: boolean; exec: boolean },
    kind: 'stack' | 'bss',
  ) => void;
  /** records each file-backed piece of a segment (the memory map's image regions) */
  onImage?: (lo: bigint, hi: bigint, prot: { read: boolean; write: boolean; exec: boolean }) => void;
}

export interface AuxEntry {
  type: number;
  value: bigint;
}

/** What the process looks like at its first instruction (and what /proc/self/* will need). */
export interface ProcessStart {
  /** r1 */
  sp: bigint;
  /** the first instruction; also r12 */
  entry: bigint;
  /** mm->start_brk = mm->brk */
  brk: bigint;
  stackTop: bigint;
  /** the lowest mapped stack address */
  stackLow: bigint;
  /** mm->arg_start/arg_end/env_start/env_end (/proc/self/cmdline, /proc/self/environ) */
  argStart: bigint;
  argEnd: bigint;
  envStart: bigint;
  envEnd: bigint;
  argc: number;
  argvAddr: bigint;
  envpAddr: bigint;
  auxvAddr: bigint;
  /** in order, AT_NULL last (/proc/self/auxv) */
  auxv: AuxEntry[];
  execfnAddr: bigint;
  platformAddr: bigint;
  randomAddr: bigint;
}

const encoder = new TextEncoder();

/** A C string's bytes: UTF-8, cut at the first NUL (execve takes C strings), NUL-terminated. */
function cString(s: string): Uint8Array {
  const b = encoder.encode(s);
  const z = b.indexOf(0);
  const body = z < 0 ? b : b.subarray(0, z);
  const out = new Uint8Array(body.length + 1);
  out.set(body);
  return out;
}

/** Why execve would refuse these arguments (E2BIG), or undefined when they fit. */
export function checkExecArgs(argv: readonly string[], envp: readonly string[] = []): string | undefined {
  let total = 8 * (argv.length + envp.length);
  for (const s of [...argv, ...envp]) total += cString(s).length;
  if (total > MAX_ARG_BYTES)
    return `argument list too long (E2BIG): ${total} bytes of arguments and environment, at ` + `most ${MAX_ARG_BYTES}`;
  return undefined;
}

/** 16 deterministic bytes (splitmix64) standing in for get_random_bytes. */
export function randomBytes(seed: bigint): Uint8Array {
  const out = new Uint8Array(16);
  let x = BigInt.asUintN(64, seed);
  for (let i = 0; i < 2; i++) {
    x = BigInt.asUintN(64, x + 0x9e3779b97f4a7c15n);
    let z = x;
    z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
    z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
    z ^= z >> 31n;
    for (let j = 0; j < 8; j++) out[8 * i + j] = Number((z >> BigInt(8 * j)) & 0xffn);
  }
  return out;
}

/** MAP_FIXED of [lo, hi): whatever was there is gone, the new pages are zero. */
function mapFixed(
  mem: AddressSpace,
  lo: bigint,
  hi: bigint,
  prot: { read: boolean; write: boolean; exec: boolean },
): void {
  if (hi <= lo) return;
  mem.unmap(lo, Number(hi - lo));
  mem.map(lo, Number(hi - lo), prot);
}

/** Maps the PT_LOAD segments as elf_map/elf_load and set_brk do, with 64 KiB pages. */
export function mapSegments(
  image: ExecImage,
  mem: AddressSpace,
  opts: Pick<StartOptions, 'mapAnonymous' | 'onImage'> = {},
): void {
  const file = image.file;
  const anon = opts.mapAnonymous ?? ((lo, hi, prot) => mapFixed(mem, lo, hi, prot));
  for (const s of image.segments) {
    const prot = { read: s.read, write: s.write, exec: s.exec };
    const vaddr = s.vaddr;
    let zeroFrom: bigint;
    if (s.filesz > 0) {
      const lo = pageStart(vaddr);
      const hi = pageAlign(vaddr + BigInt(s.filesz));
      mapFixed(mem, lo, hi, prot);
      opts.onImage?.(lo, hi, prot);
      // the file pages: from the page-aligned file offset, zeros past the end of the file
      const fileLo = s.offset - Number(vaddr - lo);
      const fileHi = Math.min(file.length, fileLo + Number(hi - lo));
      mem.writeBytesAs(lo, file.subarray(fileLo, fileHi), true);
      zeroFrom = vaddr + BigInt(s.filesz);
      if (s.memsz > s.filesz && s.write) {
        // padzero: the rest of the last file page
        const end = pageAlign(zeroFrom);
        if (end > zeroFrom) mem.writeBytesAs(zeroFrom, new Uint8Array(Number(end - zeroFrom)), true);
      }
    } else {
      zeroFrom = pageStart(vaddr);
    }
    if (s.memsz > s.filesz) {
      // anonymous pages (vm_brk_flags): read/write, exec if the segment is
      anon(pageAlign(zeroFrom), pageAlign(vaddr + BigInt(s.memsz)), { read: true, write: true, exec: s.exec }, 'bss');
    }
  }
}

/**
 * Maps the image and the stack into `mem` and lays out the initial stack as create_elf_tables does.
 * The arguments must pass checkExecArgs (an argument list that is too long is a RangeError here).
 */
export function loadExecImage(image: ExecImage, mem: AddressSpace, opts: StartOptions): ProcessStart {
  const argv = opts.argv === undefined ? [opts.path] : opts.argv.length === 0 ? [''] : opts.argv;
  const envp = opts.envp ?? [];
  const tooLong = checkExecArgs(argv, envp);
  if (tooLong) throw new RangeError(tooLong);
  const features = cpuFeatures(opts.cpu ?? 'power10');
  const top = opts.stackTop ?? STACK_TOP;

  mapSegments(image, mem, opts);
  const stackLow = top - BigInt(STACK_SIZE);
  const stackProt = { read: true, write: true, exec: image.execStack };
  if (opts.mapAnonymous) opts.mapAnonymous(stackLow, top, stackProt, 'stack');
  else mapFixed(mem, stackLow, top, stackProt);

  const put = (addr: bigint, bytes: Uint8Array): void => {
    mem.writeBytesAs(addr, bytes, true);
  };
  const putWord = (addr: bigint, v: bigint): void => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
    put(addr, b);
  };

  // fs/exec.c: the strings, from the top minus one pointer: the filename, then envp, then argv (each copied last to
  // first).
  let p = top - 8n;
  const execfn = cString(opts.path);
  p -= BigInt(execfn.length);
  put(p, execfn);
  const execfnAddr = p;
  const envStrings = envp.map(cString);
  const argStrings = argv.map(cString);
  const envAddrs: bigint[] = new Array<bigint>(envp.length);
  for (let i = envStrings.length - 1; i >= 0; i--) {
    p -= BigInt(envStrings[i].length);
    put(p, envStrings[i]);
    envAddrs[i] = p;
  }
  const envEnd = execfnAddr;
  const argAddrs: bigint[] = new Array<bigint>(argv.length);
  for (let i = argStrings.length - 1; i >= 0; i--) {
    p -= BigInt(argStrings[i].length);
    put(p, argStrings[i]);
    argAddrs[i] = p;
  }
  const argStart = p;
  const argEnd = envStrings.length > 0 ? envAddrs[0] : envEnd;

  // create_elf_tables
  p &= ~15n; // arch_align_stack without randomization
  const platform = cString(features.platform);
  p -= BigInt(platform.length);
  put(p, platform);
  const platformAddr = p;
  p -= BigInt(platform.length); // ELF_BASE_PLATFORM: the same string (no compatibility mode)
  put(p, platform);
  const basePlatformAddr = p;
  p -= 16n;
  const randomAddr = p;
  put(p, randomBytes(opts.randomSeed ?? DEFAULT_RANDOM_SEED));

  const f = features;
  const aux: Array<[number, bigint]> = [
    // ARCH_DLINFO (first, "so PPC can do its special alignment"): the glibc compatibility pair,
    // cache block sizes, (no AT_SYSINFO_EHDR: there is no vDSO at exec), cache geometry, AT_MINSIGSTKSZ
    [AT_IGNOREPPC, BigInt(AT_IGNOREPPC)],
    [AT_IGNOREPPC, BigInt(AT_IGNOREPPC)],
    [AT_DCACHEBSIZE, BigInt(f.dcacheBsize)],
    [AT_ICACHEBSIZE, BigInt(f.icacheBsize)],
    [AT_UCACHEBSIZE, BigInt(f.ucacheBsize)],
    [AT_L1I_CACHESIZE, BigInt(f.l1i.size)],
    [AT_L1I_CACHEGEOMETRY, BigInt(cacheGeometry(f.l1i))],
    [AT_L1D_CACHESIZE, BigInt(f.l1d.size)],
    [AT_L1D_CACHEGEOMETRY, BigInt(cacheGeometry(f.l1d))],
    [AT_L2_CACHESIZE, BigInt(f.l2.size)],
    [AT_L2_CACHEGEOMETRY, BigInt(cacheGeometry(f.l2))],
    [AT_L3_CACHESIZE, BigInt(f.l3.size)],
    [AT_L3_CACHEGEOMETRY, BigInt(cacheGeometry(f.l3))],
    // get_min_sigframe_size(): the simulated kernel's rt_sigframe plus __SIGNAL_FRAMESIZE
    [AT_MINSIGSTKSZ, RT_SIGFRAME_SIZE + SIGNAL_FRAMESIZE],
    [AT_HWCAP, BigInt(f.hwcap)],
    [AT_PAGESZ, ELF_PAGE_SIZE],
    [AT_CLKTCK, BigInt(CLOCKS_PER_SEC)],
    [AT_PHDR, image.phdr.addr],
    [AT_PHENT, BigInt(PHDR_SIZE)],
    [AT_PHNUM, BigInt(image.phdr.count)],
    [AT_BASE, 0n],
    [AT_FLAGS, 0n],
    [AT_ENTRY, image.entry],
    [AT_UID, 0n],
    [AT_EUID, 0n],
    [AT_GID, 0n],
    [AT_EGID, 0n],
    [AT_SECURE, 0n],
    [AT_RANDOM, randomAddr],
    [AT_HWCAP2, BigInt(f.hwcap2)],
    [AT_EXECFN, execfnAddr],
    [AT_PLATFORM, platformAddr],
    [AT_BASE_PLATFORM, basePlatformAddr],
    [AT_RSEQ_FEATURE_SIZE, BigInt(RSEQ_FEATURE_SIZE)],
    [AT_RSEQ_ALIGN, BigInt(RSEQ_ALIGN)],
    [AT_NULL, 0n],
  ];
  const eiIndex = 2 * aux.length;
  const items = argv.length + 1 + (envp.length + 1) + 1;
  const sp = (p - 8n * BigInt(eiIndex) - 8n * BigInt(items)) & ~15n; // STACK_ADD then STACK_ROUND
  let w = sp;
  putWord(w, BigInt(argv.length));
  w += 8n;
  const argvAddr = w;
  for (const a of argAddrs) {
    putWord(w, a);
    w += 8n;
  }
  putWord(w, 0n);
  w += 8n;
  const envpAddr = w;
  for (const e of envAddrs) {
    putWord(w, e);
    w += 8n;
  }
  putWord(w, 0n);
  w += 8n;
  const auxvAddr = w;
  for (const [t, v] of aux) {
    putWord(w, BigInt(t));
    putWord(w + 8n, v);
    w += 16n;
  }

  return {
    sp,
    entry: image.entry,
    brk: image.brkStart,
    stackTop: top,
    stackLow,
    argStart,
    argEnd,
    envStart: argEnd,
    envEnd,
    argc: argv.length,
    argvAddr,
    envpAddr,
    auxvAddr,
    auxv: aux.map(([type, value]) => ({ type, value })),
    execfnAddr,
    platformAddr,
    randomAddr,
  };
}

/** The registers at the first instruction (start_thread for an ELFv2 64-bit task). */
export function startThread(start: ProcessStart, thread: ThreadState = new ThreadState()): ThreadState {
  thread.hi.fill(0); // r0..r31, LR, CTR
  thread.lo.fill(0);
  thread.vsr.fill(0);
  thread.crNum = 0;
  thread.xerNum = 0;
  thread.reservation = null;
  thread.msr = USER_MSR;
  thread.pc = start.entry;
  thread.setGpr(1, start.sp);
  thread.setGpr(12, start.entry);
  return thread;
}

/** loadProgram's ELF branch: a fresh address space with the image and stack, and the first thread. */
export function startProcess(
  image: ExecImage,
  opts: StartOptions,
): { mem: AddressSpace; thread: ThreadState; start: ProcessStart } {
  const mem = new AddressSpace();
  const start = loadExecImage(image, mem, opts);
  return { mem, thread: startThread(start), start };
}
