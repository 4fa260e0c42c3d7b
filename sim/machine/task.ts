// A simulated task: a process with one thread, its registers, its address space and its ptrace state.
import type { AddressSpace } from '../cpu/address-space';
import type { ProcessState } from '../os/process-state';
import type { ThreadState } from '../cpu/thread-state';
import type { Program } from '../program';
import { TaskSignals } from './signal-state';
import type { PendingSignal } from './signals';

export type TaskState = 'stopped' | 'running' | 'exited' | 'killed';

/** What waitpid tells the tracer (the scenario's stop result). */
export interface StopInfo {
  /** livelock: the same DAWR exception repeated at `pc` with no instruction retiring (the run could
   * never end); `message` says which slots are involved */
  event: 'stopped' | 'exited' | 'killed' | 'limit' | 'livelock';
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
  readonly sig = new TaskSignals();
  /** DAWR exceptions taken in a row at pc `stallPc` with no instruction retired in between (a
   * livelock when it reaches the machine's limit; see Machine.runSlice) */
  stallCount = 0;
  stallPc = -1;

  constructor(
    readonly pid: number,
    readonly name: string,
    readonly program: Program,
    readonly mem: AddressSpace,
    readonly thread: ThreadState,
    readonly traced: boolean,
    /** pinned CPU, or undefined for any */
    readonly affinity: number | undefined,
    readonly stdin: Uint8Array,
    /** the kernel's state of the process: file descriptors, memory map, working directory */
    readonly proc: ProcessState,
  ) {
    // A traced task starts stopped, as after PTRACE_TRACEME and raise(SIGSTOP); an untraced one runs.
    this.state = traced ? 'stopped' : 'running';
  }

  get alive(): boolean {
    return this.state === 'stopped' || this.state === 'running';
  }
}
