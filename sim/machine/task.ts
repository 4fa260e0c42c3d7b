// A simulated task: a process with one thread, its registers, its address space and its ptrace state.
import type { AddressSpace } from '../cpu/address-space';
import type { ProcessState } from '../os/process-state';
import type { ThreadState } from '../cpu/thread-state';
import type { Program } from '../program';
import { TaskSignals } from './signal-state';
import type { RestartBlock } from '../os/syscalls/context';
import type { SleepRequest, Sleeper } from '../os/wait-queue';
import type { PendingSignal } from './signals';
import type { Timer } from './timers';

export type TaskState = 'stopped' | 'running' | 'exited' | 'killed';

/** Who traces a task: the external tracer (a scenario's script, the debugger), a process of the
 * machine (PTRACE_TRACEME, PTRACE_ATTACH), or nobody. */
export type TracerRef = 'external' | Task | undefined;

/** A system call the task sleeps in (sim/os/wait-queue.ts): what it waits for, and whether it was
 * woken (it then runs the call again when next scheduled). */
export interface TaskSleep {
  req: SleepRequest;
  woken: boolean;
  /** the sleeper the wait queues hold */
  sleeper: Sleeper;
  /** the CLOCK_MONOTONIC ns it went to sleep at */
  sinceNs: bigint;
  /** the call was made with `scv` (its result convention) */
  vectored: boolean;
  /** the deadline's timer */
  timer: Timer | undefined;
}

/** What waitpid tells the tracer (the scenario's stop result). */
export interface StopInfo {
  /** livelock: the same DAWR exception repeated at `pc` with no instruction retiring (the run could
   * never end); `message` says which slots are involved. deadlock: no task can run and none sleeps
   * with a deadline, while the target sleeps in a system call (`message` says who waits for what) */
  event: 'stopped' | 'exited' | 'killed' | 'limit' | 'livelock' | 'deadlock';
  signal?: string;
  si_code?: string;
  si_addr?: bigint;
  pc?: bigint;
  exit_code?: number;
  /** killed: what raised the signal, for a person (a fault's address and instruction); livelock: the
   * exception and the slots involved */
  message?: string;
  /** livelock: each occupied DAWR slot of the CPU, as a person reads it */
  slots?: string[];
}

export class Task {
  state: TaskState;
  /** TIF_SINGLESTEP: the tracer asked for PTRACE_SINGLESTEP */
  tifSingleStep = false;
  /** a synchronous signal an exception raised, not yet delivered (delivered on the way back to user mode) */
  pending: PendingSignal | undefined;
  /** the siginfo of the last signal-delivery stop (PTRACE_GETSIGINFO) */
  lastSiginfo: PendingSignal | undefined;
  /** the last stop or exit, for the tracer */
  lastStop: StopInfo | undefined;
  /** CPU it runs on now, or last ran on (-1: never ran) */
  cpu = -1;
  /** what the program wrote to its standard output and error, in order (when no sink was given) */
  output: Uint8Array[] = [];
  /** dispositions, blocked mask, pending set, handler frames (signal-delivery.ts) */
  sig = new TaskSignals();
  /** DAWR exceptions taken in a row at pc `stallPc` with no instruction retired in between (a
   * livelock when it reaches the machine's limit; see Machine.runSlice) */
  stallCount = 0;
  stallPc = -1;

  // ---- the process tree (sim/machine/processes.ts) ----
  /** who traces it (`traced` is whether anyone does) */
  tracer: TracerRef;
  /** the process that forked it; undefined for a task started from outside (a scenario, wplab exec)
   * or one whose parent exited (adopted by init) */
  parent: Task | undefined;
  /** started from outside the machine (Machine.addTask): nobody reaps it */
  startedOutside = false;
  /** a PTRACE_EVENT stop to make on the way back to user mode (after fork with PTRACE_O_TRACEFORK) */
  pendingPtraceEvent = 0;
  /** the signal its parent gets when it exits (clone's CSIGNAL: SIGCHLD for fork) */
  exitSignal = 17;
  /** what kind of stop it is in: a ptrace stop its tracer resumes, or a group stop (SIGSTOP
   * untraced) that SIGCONT ends */
  stopKind: 'ptrace' | 'group' | undefined;
  /** a stop not yet collected by wait4/waitid (the wait status), and a continue not yet collected */
  stopReport: number | undefined;
  continuedReport = false;
  /** the exit has been collected by the tracer (a tracer that is not the parent sees it first) */
  exitSeenByTracer = false;
  /** collected by its parent (or auto-reaped): gone from the machine */
  reaped = false;
  /** the system call it sleeps in */
  sleep: TaskSleep | undefined;
  /** a system call that returned -ERESTART...: restarted or turned into EINTR on the way to user
   * mode (signal delivery decides); `r3` is its first argument (orig_gpr3) */
  restart: { code: number; r3: bigint; vectored: boolean } | undefined;
  /** what restart_syscall resumes after -ERESTART_RESTARTBLOCK */
  restartBlock: RestartBlock | undefined;
  /** ptrace: PTRACE_SETOPTIONS bits, PTRACE_GETEVENTMSG's value, attached by PTRACE_SEIZE */
  ptraceOptions = 0;
  ptraceMsg = 0n;
  seized = false;
  /** pt_regs fields the tracer sees besides the registers: orig_gpr3, trap, dar, dsisr */
  origGpr3 = 0n;
  trap = 0n;
  dar = 0n;
  dsisr = 0n;
  /** ITIMER_REAL (alarm): the CLOCK_MONOTONIC ns of the next expiry and the period (0: one shot) */
  alarm: { atNs: bigint; intervalNs: bigint } | undefined;
  /** the CPU whose number its rseq area holds (written again when it runs elsewhere) */
  rseqCpu = -1;
  /** a thread made by clone(CLONE_THREAD): its group's leader (the process); undefined for a leader */
  leader: Task | undefined;
  /** CLONE_CHILD_CLEARTID / set_tid_address of a thread: zeroed and futex-woken when it exits */
  clearTid = 0n;

  constructor(
    readonly pid: number,
    readonly name: string,
    readonly program: Program,
    readonly mem: AddressSpace,
    readonly thread: ThreadState,
    traced: boolean,
    /** pinned CPU, or undefined for any */
    readonly affinity: number | undefined,
    readonly stdin: Uint8Array,
    /** the kernel's state of the process: file descriptors, memory map, working directory */
    readonly proc: ProcessState,
  ) {
    // A traced task starts stopped, as after PTRACE_TRACEME and raise(SIGSTOP); an untraced one runs.
    this.state = traced ? 'stopped' : 'running';
    this.tracer = traced ? 'external' : undefined;
    this.stopKind = traced ? 'ptrace' : undefined;
  }

  /** traced by the external tracer or by a process */
  get traced(): boolean {
    return this.tracer !== undefined;
  }

  get alive(): boolean {
    return this.state === 'stopped' || this.state === 'running';
  }

  /** traced by a process of the machine (its stops wake that process's wait4) */
  get guestTracer(): Task | undefined {
    return this.tracer !== undefined && this.tracer !== 'external' ? this.tracer : undefined;
  }
}
