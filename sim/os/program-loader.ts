// Starting a process from a program: the image mapped with its protections, the memory map that
// knows it (the break after it, the stack below STACK_TOP made on first touch), the initial stack
// and the registers at entry.
//
// An assembly program (sim/asm) is laid out as GNU ld with -Ttext/-Tdata/-Tbss would, and starts as
// qemu-ppc64le starts such a static ELFv2 executable: argc, argv[0], an empty environment and
// auxiliary vector on the stack, r1 16-byte aligned, r12 = the entry point.
import { AddressSpace, PAGE_SIZE, pageNumber } from '../cpu/address-space';
import { ThreadState, USER_MSR } from '../cpu/thread-state';
import type { CpuModelName } from '../hwbp/cpu-model';
import { loadExecImage, startThread } from '../elf/process-start';
import type { ProcessStart } from '../elf/process-start';
import type { Program } from '../program';
import { MemoryMap, STACK_TOP } from './memory-map';

export interface LoadOptions {
  /** argv (default: [the program's path]; an assembly program: its base name) */
  argv?: readonly string[];
  /** the environment, as NAME=VALUE strings (default: none) */
  envp?: readonly string[];
  /** the CPU model (AT_HWCAP, AT_PLATFORM) */
  cpu?: CpuModelName;
  /** the kernel's random bytes (AT_RANDOM) */
  random?: (n: number) => Uint8Array;
}

export interface LoadedProcess {
  mem: AddressSpace;
  thread: ThreadState;
  mm: MemoryMap;
  /** an ELF program's start (the stack's layout, auxv...) */
  start?: ProcessStart;
}

export function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(i + 1) || 'a.out';
}

export function loadProgram(p: Program, opts: LoadOptions = {}): LoadedProcess {
  return p.image ? loadElf(p, opts) : loadAssembled(p, opts);
}

/** An ELF executable starts as Linux starts it (sim/elf/process-start.ts), its anonymous memory
 * (the stack, bss beyond the file) made on first touch through the memory map. */
function loadElf(p: Program, opts: LoadOptions): LoadedProcess {
  const image = p.image!;
  const mem = new AddressSpace();
  const mm = new MemoryMap(mem);
  const start = loadExecImage(image, mem, {
    path: p.file,
    argv: opts.argv,
    envp: opts.envp,
    cpu: opts.cpu,
    onImage: (lo, hi, prot) => mm.addImage(Number(lo), Number(hi), prot),
    mapAnonymous: (lo, hi, prot, kind) => {
      if (hi > lo) mm.map(Number(lo), Number(hi), prot, kind === 'stack' ? 'stack' : 'anon');
    },
  });
  mm.initBrk(Number(start.brk));
  return { mem, thread: startThread(start), mm, start };
}

function loadAssembled(p: Program, opts: LoadOptions): LoadedProcess {
  const mem = new AddressSpace();
  const mm = new MemoryMap(mem);
  // Sections may share a page: a page gets the union of the protections of what lies in it.
  // A page only .bss (nobits) reaches holds zeros: it is made on first touch, like anonymous memory.
  const prot = new Map<number, { read: boolean; write: boolean; exec: boolean; zero: boolean }>();
  let end = 0;
  for (const s of p.sections) {
    if (s.bytes.length === 0) continue;
    const first = pageNumber(s.addr);
    const last = pageNumber(s.addr + BigInt(s.bytes.length) - 1n);
    for (let pn = first; pn <= last; pn++) {
      const q = prot.get(pn) ?? { read: true, write: false, exec: false, zero: true };
      if (s.exec) q.exec = true;
      else q.write = true;
      if (!s.nobits) q.zero = false;
      prot.set(pn, q);
    }
    const e = Number(s.addr) + s.bytes.length;
    if (s.addr < 1n << 47n && e > end) end = e;
  }
  // runs of consecutive pages alike, each mapped (or recorded) at once
  const pages = [...prot.keys()].sort((a, b) => a - b);
  for (let i = 0; i < pages.length;) {
    const first = pages[i];
    const { zero, ...q } = prot.get(first)!;
    let end = first + 1;
    for (i++; i < pages.length && pages[i] === end; i++, end++) {
      const r = prot.get(end)!;
      if (r.zero !== zero || r.read !== q.read || r.write !== q.write || r.exec !== q.exec) break;
    }
    const image = end * PAGE_SIZE <= 2 ** 47;
    if (zero && image) mm.addZeroImage(first, end, q);
    else mem.map(BigInt(first) * BigInt(PAGE_SIZE), (end - first) * PAGE_SIZE, q);
    if (image) mm.addImage(first * PAGE_SIZE, end * PAGE_SIZE, q);
  }
  for (const s of p.sections) if (s.bytes.length > 0 && !s.nobits) mem.writeBytesAs(s.addr, s.bytes, true);
  mm.initBrk(end);
  mm.mapStack();

  // The initial stack as the kernel lays it out: argc, argv[], NULL, envp[] (none), NULL, auxv AT_NULL.
  const top = BigInt(STACK_TOP);
  const name = new TextEncoder().encode((opts.argv?.[0] ?? baseName(p.file)) + '\0');
  const strAt = top - 256n;
  mem.writeBytes(strAt, name.subarray(0, 255));
  const sp = (strAt - 64n) & ~15n;
  const words = [1n, strAt, 0n, 0n, 0n, 0n];
  words.forEach((v, i) => mem.write(sp + BigInt(8 * i), 8, v));

  const thread = new ThreadState();
  thread.msr = USER_MSR;
  thread.pc = p.entry;
  thread.setGpr(1, sp);
  thread.setGpr(12, p.entry); // ELFv2: r12 holds the global entry point
  return { mem, thread, mm };
}
