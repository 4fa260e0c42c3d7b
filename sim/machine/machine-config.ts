// How a simulated machine is set up: model, CPUs, kernel policy (SCENARIOS.md §1 `machine`).
import type { CpuModelName, KernelPolicy } from '../hwbp/cpu-model';

export interface MachineConfig {
  cpu: CpuModelName;
  cpus: number;
  kernel: KernelPolicy;
  /** POWER9 only: /sys/kernel/debug/powerpc/dawr_enable_dangerous */
  dawrForceEnable: boolean;
  /** what getcwd reports */
  cwd: string;
  /** decisions kept in the log before the oldest are dropped */
  logCapacity: number;
  /** instructions a CPU runs before the scheduler looks at the next CPU (deterministic interleaving) */
  slice: number;
  /** instructions a task runs before it yields its CPU to another runnable task (time slice) */
  quantum: number;
  /** the same DAWR exception this many times in a row at one PC, with no instruction retired in
   * between, is a livelock: the task stops with event `livelock` (the run could never end) */
  livelockRepeats: number;
}

/** The step limit of one resume by default, for `wplab exec`, a scenario and the debugger alike
 * (SCENARIOS.md section 2: 100 million instructions or watchpoint exceptions). */
export const DEFAULT_MAX_STEPS = 100_000_000;

export const DEFAULT_MACHINE: MachineConfig = {
  cpu: 'power10',
  cpus: 1,
  kernel: '6.6',
  dawrForceEnable: false,
  cwd: '/',
  logCapacity: 100_000,
  slice: 1000,
  quantum: 100_000,
  livelockRepeats: 16,
};

/** Where the kernel's own copy routine lives: the PC of a kernel-mode access (decision records). */
export const KERNEL_COPY_PC = 0xc000000000a1c0e0n;
