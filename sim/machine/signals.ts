// Signal names and numbers as Linux/powerpc defines them, and the si_code values the watchpoint
// code produces (SEMANTICS.md §1.3).

export const SIGNALS = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGWINCH: 28,
  SIGSYS: 31,
} as const;
export type SignalName = keyof typeof SIGNALS;
/** the names, in number order (what a scenario's `signal:` argument accepts) */
export const SIGNAL_NAMES = Object.keys(SIGNALS) as SignalName[];
/** _NSIG on powerpc: signals are 1..64 (32..64 are real-time signals) */
export const NSIG = 64;

/** The number of a signal name (SIGRTn included); undefined for an unknown name. */
export function signalNumber(name: string): number | undefined {
  if (name in SIGNALS) return SIGNALS[name as SignalName];
  const rt = /^SIGRT(\d+)$/.exec(name);
  if (rt) return 32 + Number(rt[1]) <= NSIG ? 32 + Number(rt[1]) : undefined;
  const n = /^SIG(\d+)$/.exec(name);
  return n && Number(n[1]) >= 1 && Number(n[1]) <= NSIG ? Number(n[1]) : undefined;
}

/** The name of a signal number (real-time signals are SIGRTMIN+n, as strace writes them). */
export function signalName(signo: number): string {
  const n = SIGNAL_NAMES.find((k) => SIGNALS[k] === signo);
  if (n) return n;
  return signo >= 32 && signo <= NSIG ? `SIGRT${signo - 32}` : `SIG${signo}`;
}

export const SI_CODES = {
  TRAP_BRKPT: 1,
  TRAP_TRACE: 2,
  TRAP_HWBKPT: 4,
  SEGV_MAPERR: 1,
  SEGV_ACCERR: 2,
  ILL_ILLOPC: 1,
  SI_KERNEL: 0x80,
  SI_USER: 0,
  SI_QUEUE: -1,
  SI_TIMER: -2,
  SI_MESGQ: -3,
  SI_ASYNCIO: -4,
  SI_SIGIO: -5,
  SI_TKILL: -6,
  CLD_EXITED: 1,
  CLD_KILLED: 2,
  CLD_DUMPED: 3,
  CLD_TRAPPED: 4,
  CLD_STOPPED: 5,
  CLD_CONTINUED: 6,
  FPE_INTDIV: 1,
  FPE_INTOVF: 2,
  FPE_FLTDIV: 3,
  FPE_FLTOVF: 4,
  FPE_FLTUND: 5,
  FPE_FLTRES: 6,
  FPE_FLTINV: 7,
} as const;

/** The si_code of a floating-point enabled exception's SIGFPE, from the FPSCR (the kernel's parse_fpe:
 * the first enabled exception that occurred, in this order). */
export function fpeCode(fpscr: number): string {
  const on = (status: number, enable: number) => (fpscr & (1 << status)) !== 0 && (fpscr & (1 << enable)) !== 0;
  // FPSCR bits as 1 << (63 - ISA bit number): VX 34 / VE 56, OX 35 / OE 57, UX 36 / UE 58, ZX 37 / ZE 59, XX 38 / XE 60
  if (on(29, 7)) return 'FPE_FLTINV';
  if (on(28, 6)) return 'FPE_FLTOVF';
  if (on(27, 5)) return 'FPE_FLTUND';
  if (on(26, 4)) return 'FPE_FLTDIV';
  if (on(25, 3)) return 'FPE_FLTRES';
  return 'SI_KERNEL';
}

/** A signal queued for a task, with the siginfo the tracer would read (PTRACE_GETSIGINFO). */
export interface PendingSignal {
  /** a name of SIGNALS, or SIGRTn for a real-time signal (signalName) */
  signal: string;
  siCode: string;
  siAddr: bigint;
  /** what raised it, for a person (a fault's address and instruction); absent for a sent signal */
  message?: string;
  /** si_pid for a signal sent by kill/tkill/tgkill (or the tracer); absent for a kernel-raised one */
  pid?: number;
  /** si_value (sigqueue, a POSIX timer's sigev_value), at the same place as si_status */
  value?: bigint;
  /** si_status of a SIGCHLD: the child's exit code or signal */
  status?: number;
  /** a SIGTRAP TRAP_HWBKPT: the seq of the handler's decision that raised it (its slots say which
   * breakpoints hit); not part of the siginfo a tracer reads */
  decision?: number;
}
