// What the ptrace system call asks of the machine: the tracer's calls (sim/machine/tracer.ts) made
// with the calling process as the tracer. The system call (ptrace.ts) reads and writes the uapi
// structures in user memory; these calls take and give plain values and -errno.
import type { ThreadState } from '../../cpu/thread-state';
import type { SyscallValue } from './context';

/** struct pt_regs (uapi, ppc64): gpr[32], nip, msr, orig_gpr3, ctr, link, xer, ccr, softe, trap, dar,
 * dsisr, result: 44 doublewords */
export interface PtraceRegs {
  gpr: bigint[];
  nip: bigint;
  msr: bigint;
  origGpr3: bigint;
  ctr: bigint;
  link: bigint;
  xer: bigint;
  ccr: bigint;
  softe: bigint;
  trap: bigint;
  dar: bigint;
  dsisr: bigint;
  result: bigint;
}

/** The siginfo of a stop (PTRACE_GETSIGINFO). */
export interface PtraceSiginfo {
  signo: number;
  errno: number;
  code: number;
  /** si_addr (a fault or trap) */
  addr?: bigint;
  /** si_pid, si_uid (a signal sent by a process) */
  pid?: number;
  uid?: number;
  /** si_status (SIGCHLD) */
  status?: number;
}

/** struct ppc_hw_breakpoint as the kernel reads it */
export interface PtraceHwBreakpoint {
  version: number;
  triggerType: number;
  addrMode: number;
  conditionMode: number;
  addr: bigint;
  addr2: bigint;
  conditionValue: bigint;
}

/** struct ppc_debug_info */
export interface PtraceDebugInfo {
  version: number;
  numInstructionBps: number;
  numDataBps: number;
  numConditionRegs: number;
  dataBpAlignment: number;
  sizeofCondition: number;
  features: bigint;
}

export type ResumeHow = 'cont' | 'singlestep' | 'syscall' | 'singleblock';

export interface PtraceCalls {
  /** PTRACE_TRACEME: the parent becomes the caller's tracer */
  traceme(): number;
  /** PTRACE_ATTACH (a SIGSTOP is sent) or PTRACE_SEIZE (none; `options` set) */
  attach(pid: number, seize: boolean, options: number): number;
  /** ptrace_check_attach: 0 when `pid` is traced by the caller and (unless ignoreState) in a ptrace-stop */
  check(pid: number, ignoreState: boolean): number;
  resume(pid: number, how: ResumeHow, signo: number): number;
  detach(pid: number, signo: number): number;
  kill(pid: number): number;
  interrupt(pid: number): number;
  listen(pid: number): number;
  setOptions(pid: number, options: number): number;
  getEventMsg(pid: number): SyscallValue<bigint>;
  getRegs(pid: number): SyscallValue<PtraceRegs>;
  setRegs(pid: number, regs: PtraceRegs): number;
  /** the tracee's registers, for the FP, VMX and VSX requests (after the same checks) */
  thread(pid: number): SyscallValue<ThreadState>;
  /** PTRACE_GETSIGMASK / SETSIGMASK: the blocked mask before the change */
  sigmask(pid: number, next: bigint | undefined): SyscallValue<bigint>;
  /** one doubleword of the tracee's memory (PEEKTEXT/PEEKDATA), written through its protections by POKE */
  peek(pid: number, addr: bigint): SyscallValue<bigint>;
  poke(pid: number, addr: bigint, value: bigint): number;
  getSiginfo(pid: number): SyscallValue<PtraceSiginfo>;
  setSiginfo(pid: number, si: PtraceSiginfo): number;
  getHwDbgInfo(pid: number): SyscallValue<PtraceDebugInfo>;
  /** the handle (1 or 2), or -errno */
  setHwDebug(pid: number, bp: PtraceHwBreakpoint): number;
  delHwDebug(pid: number, handle: number): number;
  getDebugreg(pid: number, index: number): SyscallValue<bigint>;
  setDebugreg(pid: number, index: number, value: bigint): number;
}
