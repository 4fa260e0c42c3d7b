// What a system call handler is given: the calling thread's registers, its process's kernel state,
// the machine-wide kernel, and the kernel's own accesses to user memory (copy_to_user and
// copy_from_user), which the machine checks against the DAWRs as kernel-mode accesses (SCENARIOS.md
// section 6: one access per doubleword touched, in ascending order).
//
// A handler returns the value for r3: a result (>= 0, or any address), or -errno (-4095..-1), as the
// kernel's own handlers do. What a call does besides returning (exit, yield the CPU, sigreturn) it
// asks of the context.
import type { ThreadState } from '../../cpu/thread-state';
import type { Kernel } from '../kernel';
import type { ProcessState } from '../process-state';

/** struct sigaction for ppc64: sa_handler +0, sa_flags +8, sa_restorer +16, sa_mask +24 */
export interface SigActionValue {
  handler: bigint;
  flags: bigint;
  restorer: bigint;
  mask: bigint;
}

export type SyscallValue<T> = { ok: true; value: T } | { ok: false; errno: number };

export type KillRequest =
  | { kind: 'kill'; pid: number; signo: number }
  | { kind: 'tkill'; tid: number; signo: number }
  | { kind: 'tgkill'; tgid: number; tid: number; signo: number };

/** The signal calls, as the machine's signal delivery implements them. */
export interface SignalCalls {
  sigaction(signo: number, act: SigActionValue | undefined): SyscallValue<SigActionValue>;
  sigprocmask(how: number, set: bigint | undefined): SyscallValue<bigint>;
  /** 0 or an errno */
  kill(req: KillRequest): number;
  /** restores every register itself (nothing is written to r3 afterwards) */
  sigreturn(): void;
  /** rt_sigpending: the signals waiting while blocked */
  pending(): bigint;
}

export interface SyscallContext {
  readonly t: ThreadState;
  readonly proc: ProcessState;
  readonly kernel: Kernel;
  /** the caller's pid (one thread per process: also its tid) */
  readonly pid: number;
  /** the CPU it runs on */
  readonly cpu: number;
  /** argument i (r3 + i) */
  arg(i: number): bigint;
  copyToUser(ea: bigint, bytes: Uint8Array): boolean;
  copyFromUser(ea: bigint, len: number): Uint8Array | undefined;
  /** a NUL-terminated string of at most max bytes (the NUL excluded): the string, or -EFAULT / -ENAMETOOLONG */
  stringFromUser(ea: bigint, max: number): string | number;
  /** the signal calls (absent where a host has no signal delivery) */
  readonly signals: SignalCalls | undefined;
  /** exit (one thread) or exit_group: the process ends with this status */
  exit(code: number): void;
  /** sched_yield: give the CPU to the next runnable task */
  yieldCpu(): void;
  /** rt_sigreturn restored the registers: r3 and CR0 are not written */
  keepRegisters(): void;
}

export type SyscallHandler = (ctx: SyscallContext) => bigint;

/** A table row: number, name, handler. */
export type SyscallDef = readonly [number, string, SyscallHandler];

/** The value -errno as the handler's result. */
export const fail = (errno: number): bigint => BigInt(-errno);
