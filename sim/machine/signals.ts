// Signal names and numbers as Linux/powerpc defines them, and the si_code values the watchpoint
// code produces (SEMANTICS.md §1.3).

export const SIGNALS = { SIGILL: 4, SIGTRAP: 5, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGSEGV: 11 } as const;
export type SignalName = keyof typeof SIGNALS;

export const SI_CODES = { TRAP_BRKPT: 1, TRAP_TRACE: 2, TRAP_HWBKPT: 4, SEGV_MAPERR: 1, ILL_ILLOPC: 1, SI_KERNEL: 0x80 } as const;

/** A signal queued for a task, with the siginfo the tracer would read (PTRACE_GETSIGINFO). */
export interface PendingSignal {
  signal: SignalName;
  siCode: string;
  siAddr: bigint;
}
