// The standalone runner behind `wplab exec`: loads a program as Linux would for a static ELFv2
// executable (sections, a stack with argc/argv/envp/auxv, r1 and r12 as qemu-ppc64le sets them)
// and runs it alone, untraced, to its exit or fatal signal.
import { AddressSpace, PAGE_SIZE, pageNumber } from './cpu/address-space';
import { Core } from './cpu/core';
import { SIGNAL_NUMBERS } from './cpu/fault';
import { ThreadState, USER_MSR } from './cpu/thread-state';
import { doSyscall, type SyscallHost } from './os/syscalls';
import { DEFAULT_LAYOUT, type Program } from './program';
import { startProcess, type ProcessStart } from './elf/process-start';
import type { CpuModelName } from './hwbp/cpu-model';

export const STACK_SIZE = 8 * 1024 * 1024;
export const DEFAULT_MAX_STEPS = 1_000_000_000;
/** Exit status when the step limit stops a runaway program (as `timeout` reports). */
export const STEP_LIMIT_STATUS = 124;

/** How an ELF executable is started (an assembly program ignores them). */
export interface LoadOptions {
  /** default [the program's path] */
  argv?: readonly string[];
  /** default none */
  envp?: readonly string[];
  /** the CPU model whose AT_HWCAP/AT_HWCAP2/AT_PLATFORM the process sees (default power10) */
  cpu?: CpuModelName;
}

export function loadProgram(p: Program, opts: LoadOptions = {}): { mem: AddressSpace; thread: ThreadState; start?: ProcessStart } {
  // An ELF executable starts as Linux starts it (sim/elf/process-start.ts).
  if (p.image) return startProcess(p.image, { path: p.file, argv: opts.argv, envp: opts.envp, cpu: opts.cpu });
  const mem = new AddressSpace();
  // Sections may share a page: a page gets the union of the protections of what lies in it.
  const prot = new Map<number, { read: boolean; write: boolean; exec: boolean }>();
  for (const s of p.sections) {
    if (s.bytes.length === 0) continue;
    const first = pageNumber(s.addr);
    const last = pageNumber(s.addr + BigInt(s.bytes.length) - 1n);
    for (let pn = first; pn <= last; pn++) {
      const q = prot.get(pn) ?? { read: true, write: false, exec: false };
      if (s.exec) q.exec = true;
      else q.write = true;
      prot.set(pn, q);
    }
  }
  for (const [pn, q] of prot) mem.map(BigInt(pn) * BigInt(PAGE_SIZE), PAGE_SIZE, q);
  for (const s of p.sections) if (s.bytes.length > 0 && !s.nobits) mem.writeBytesAs(s.addr, s.bytes, true);

  const top = DEFAULT_LAYOUT.stackTop;
  mem.map(top - BigInt(STACK_SIZE), STACK_SIZE, { read: true, write: true, exec: false });
  // The initial stack as the kernel lays it out: argc, argv[], NULL, envp[] (none), NULL, auxv AT_NULL.
  const name = new TextEncoder().encode(baseName(p.file) + '\0');
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
  return { mem, thread };
}

function baseName(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return file.slice(i + 1) || 'a.out';
}

export interface ExecResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  exitCode: number;
  signal?: string;
  message?: string;
  icount: number;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function execProgram(p: Program, opts: { stdin?: Uint8Array; maxSteps?: number; cwd?: string } & LoadOptions = {}): ExecResult {
  const { mem, thread } = loadProgram(p, opts);
  const core = new Core({ quadwordAlign16: false, slots: 2 });
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const stdin = opts.stdin ?? new Uint8Array(0);
  let stdinPos = 0;
  const host: SyscallHost = {
    copyToUser: (ea, bytes) => mem.writeBytes(ea, bytes),
    copyFromUser: (ea, len) => mem.readBytes(ea, len),
    writeOutput: (fd, bytes) => (fd === 2 ? err : out).push(bytes.slice()),
    readInput: (_fd, max) => {
      const chunk = stdin.subarray(stdinPos, stdinPos + max);
      stdinPos += chunk.length;
      return chunk;
    },
    pid: 1000,
    cwd: opts.cwd ?? '/',
  };
  const maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
  const result = (exitCode: number, extra: Partial<ExecResult> = {}): ExecResult => ({
    stdout: concat(out),
    stderr: concat(err),
    exitCode,
    icount: core.icount,
    ...extra,
  });
  for (;;) {
    const left = maxSteps - core.icount;
    if (left <= 0) return result(STEP_LIMIT_STATUS, { message: `stopped after ${core.icount} instructions (the step limit)` });
    const stop = core.run(thread, mem, left);
    switch (stop.kind) {
      case 'syscall': {
        const o = doSyscall(thread, host);
        if (o.kind === 'exit') return result(o.code);
        break;
      }
      case 'limit':
        break;
      case 'trap':
        return result(128 + SIGNAL_NUMBERS.SIGTRAP, { signal: 'SIGTRAP', message: `trap at 0x${thread.pc.toString(16)}` });
      case 'fault':
        return result(128 + SIGNAL_NUMBERS[stop.signal], { signal: stop.signal, message: stop.message });
      case 'dawr':
      case 'single-step':
        // no watchpoint and no single-step is ever armed here
        return result(128 + SIGNAL_NUMBERS.SIGTRAP, { signal: 'SIGTRAP', message: `unexpected ${stop.kind} stop` });
    }
  }
}
