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
import type { SleepRequest, WaitQueue } from '../wait-queue';
import type { PerfCalls } from './perf-calls';
import type { PtraceCalls } from './ptrace-calls';

/** struct sigaction for ppc64: sa_handler +0, sa_flags +8, sa_restorer +16, sa_mask +24 */
export interface SigActionValue {
  handler: bigint;
  flags: bigint;
  restorer: bigint;
  mask: bigint;
}

/** What rt_sigqueueinfo and rt_tgsigqueueinfo send: the signal and the caller's siginfo fields. */
export interface QueueRequest {
  tgid: number;
  tid?: number;
  signo: number;
  siCode: number;
  pid: number;
  value: bigint;
}

/** stack_t for ppc64: ss_sp +0, ss_flags +8 (int), ss_size +16 */
export interface AltStackValue {
  sp: bigint;
  flags: number;
  size: bigint;
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
  /** rt_sigsuspend: the blocked mask until a handler runs (restored after it, or when none runs) */
  suspendMask(mask: bigint): void;
  /** rt_sigqueueinfo (no tid) and rt_tgsigqueueinfo: 0 or an errno */
  queue(req: QueueRequest): number;
  /** sigaltstack: installs `ss` (when given), returns the stack as it was (oss) */
  sigaltstack(ss: AltStackValue | undefined): SyscallValue<AltStackValue>;
  /** rt_sigtimedwait: takes the lowest pending signal of `set` (even while blocked), or undefined */
  dequeue(set: bigint): { signo: number; siCode: number; siAddr: bigint; pid?: number; value?: bigint } | undefined;
  /** whether a signal of `set` is pending for the task (its own, or its process's), as dequeue would take */
  pendingIn(set: bigint): boolean;
}

/** What wait4 and waitid collect about one child (or tracee). */
export interface WaitReport {
  pid: number;
  /** the wait4 status word (WIFEXITED, WIFSIGNALED, WIFSTOPPED, WIFCONTINUED encodings) */
  status: number;
  /** waitid's si_code: CLD_EXITED 1, CLD_KILLED 2, CLD_DUMPED 3, CLD_TRAPPED 4, CLD_STOPPED 5, CLD_CONTINUED 6 */
  code: number;
  /** waitid's si_status: the exit code, or the signal */
  cldStatus: number;
}

export type WaitOutcome =
  | { kind: 'report'; report: WaitReport }
  /** children that may still report, none has now (WNOHANG: 0) */
  | { kind: 'nothing' }
  /** none has now: sleep on this queue (woken when a child or tracee changes state) */
  | { kind: 'block'; queue: WaitQueue }
  | { kind: 'error'; errno: number };

/** clone's arguments (powerpc's order: flags, newsp, parent_tid, tls, child_tid) */
export interface CloneRequest {
  flags: bigint;
  newsp: bigint;
  parentTid: bigint;
  tls: bigint;
  childTid: bigint;
}

/** An interval timer's setting: the time to the next expiry (0: disarmed) and the period (ns). */
export interface ItimerValue {
  valueNs: bigint;
  intervalNs: bigint;
}

/** The process calls, as the machine implements them (sim/machine/processes.ts). */
export interface ProcessCalls {
  /** fork/vfork/clone: the child's pid, or -errno */
  clone(req: CloneRequest): bigint;
  /** the queue a vfork parent sleeps on until its child exits, and whether the child still runs */
  vforkChild(pid: number): { queue: WaitQueue; running: boolean };
  /** wait4/waitid: which children (idtype all, a pid, a process group) and the options (WNOHANG...) */
  wait(idtype: 'all' | 'pid' | 'pgid', id: number, options: number): WaitOutcome;
  /** getpgid/getsid of a process (0: the caller): the id or -errno */
  getpgid(pid: number): number;
  getsid(pid: number): number;
  /** setpgid as Linux checks it: 0 or -errno */
  setpgid(pid: number, pgid: number): number;
  /** setitimer/getitimer (and alarm): the previous setting; `next` undefined only reads */
  itimer(which: number, next: ItimerValue | undefined): ItimerValue | number;
  /** POSIX timers (timer_create and the rest): the process's timer ids, or -errno */
  timerCreate?(clock: number, ev: TimerEvent | undefined): number;
  /** arms (valueNs > 0: relative to now on the monotonic clock) or disarms a timer: the old setting */
  timerSet?(id: number, next: ItimerValue | undefined): ItimerValue | number;
  timerDelete?(id: number): number;
  timerOverrun?(id: number): number;
}

/** struct sigevent as timer_create reads it */
export interface TimerEvent {
  /** SIGEV_SIGNAL 0, SIGEV_NONE 1, SIGEV_THREAD_ID 4 */
  notify: number;
  signo: number;
  value: bigint;
  /** SIGEV_THREAD_ID: the thread to signal */
  tid: number;
}

/** What ERESTART_RESTARTBLOCK leaves for restart_syscall (the kernel's restart_block). */
export type RestartBlock =
  | { kind: 'nanosleep'; deadlineNs: bigint; rmtp: bigint; clock: 'monotonic' | 'realtime'; absolute: boolean }
  | { kind: 'futex'; data: unknown };

export interface SyscallContext {
  readonly t: ThreadState;
  readonly proc: ProcessState;
  readonly kernel: Kernel;
  /** the caller's tid (its pid when it is a process's only or first thread; getpid is proc.pid) */
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
  exit(code: number, group?: boolean): void;
  /** sched_yield: give the CPU to the next runnable task */
  yieldCpu(): void;
  /** rt_sigreturn restored the registers: r3 and CR0 are not written */
  keepRegisters(): void;
  /** the sleep this call resumes: the same call runs again after a wake-up (undefined on its first try) */
  readonly resumed?: SleepRequest;
  /** puts the task to sleep (sim/os/wait-queue.ts); the handler returns what this returns (BLOCKED) */
  block?(req: SleepRequest): bigint;
  /** a signal is pending that the task would act on: an interruptible sleep ends (-ERESTART...) */
  signalPending?(): boolean;
  /** fork, wait, process groups, timers (absent where a host runs one task alone) */
  readonly process?: ProcessCalls;
  /** ptrace as a system call (the tracer's calls with the caller's identity) */
  readonly ptrace?: PtraceCalls;
  /** perf_event_open and its fd operations */
  readonly perf?: PerfCalls;
  /** ERESTART_RESTARTBLOCK: what restart_syscall will resume (set), or take it (restart_syscall) */
  setRestartBlock?(b: RestartBlock | undefined): void;
  takeRestartBlock?(): RestartBlock | undefined;
}

export type SyscallHandler = (ctx: SyscallContext) => bigint;

/** A table row: number, name, handler. */
export type SyscallDef = readonly [number, string, SyscallHandler];

/** The value -errno as the handler's result. */
export const fail = (errno: number): bigint => BigInt(-errno);
