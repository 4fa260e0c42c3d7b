// One task's signal state, as the kernel keeps it: the dispositions (struct k_sigaction per signal,
// set by rt_sigaction), the blocked mask, the pending set, the signal a tracer's resume injects,
// and the frames of the handlers it is running (saved register state, popped by rt_sigreturn).
import type { ThreadState } from '../cpu/thread-state';
import { NSIG, SIGNALS, type PendingSignal } from './signals';

export const SIG_DFL = 0n;
export const SIG_IGN = 1n;

/** sa_flags bits the delivery path honours (asm-generic values, which powerpc uses) */
export const SA_NOCLDSTOP = 0x1n;
export const SA_NOCLDWAIT = 0x2n;
export const SA_SIGINFO = 0x4n;
export const SA_ONSTACK = 0x08000000n;
export const SA_RESTART = 0x10000000n;
export const SA_NODEFER = 0x40000000n;
export const SA_RESETHAND = 0x80000000n;

/** stack_t ss_flags (include/uapi/linux/signal.h) and powerpc's MINSIGSTKSZ */
export const SS_ONSTACK = 1;
export const SS_DISABLE = 2;
export const SS_AUTODISARM = 0x80000000;
export const MINSIGSTKSZ = 8192n;

/** The alternate signal stack (sigaltstack): sas_ss_sp, sas_ss_size, sas_ss_flags. */
export interface AltStack {
  sp: bigint;
  size: bigint;
  flags: number;
}

/** struct sigaction for ppc64 (sa_handler +0, sa_flags +8, sa_restorer +16, sa_mask +24) */
export interface SigAction {
  handler: bigint;
  flags: bigint;
  restorer: bigint;
  mask: bigint;
}

export const DEFAULT_ACTION: SigAction = { handler: SIG_DFL, flags: 0n, restorer: 0n, mask: 0n };

/** The bit of signal `signo` in a sigset_t (bit signo-1). */
export function sigBit(signo: number): bigint {
  return 1n << BigInt(signo - 1);
}

/** SIGKILL and SIGSTOP can be neither blocked nor caught. */
export const UNBLOCKABLE = sigBit(SIGNALS.SIGKILL) | sigBit(SIGNALS.SIGSTOP);

/** What the default action (SIG_DFL) of a signal is (signal(7)). */
export type DefaultAction = 'terminate' | 'core' | 'ignore' | 'stop';

export function defaultAction(signo: number): DefaultAction {
  switch (signo) {
    case SIGNALS.SIGCHLD:
    case SIGNALS.SIGCONT:
    case SIGNALS.SIGURG:
    case SIGNALS.SIGWINCH:
      return 'ignore';
    case SIGNALS.SIGSTOP:
    case SIGNALS.SIGTSTP:
    case SIGNALS.SIGTTIN:
    case SIGNALS.SIGTTOU:
      return 'stop';
    case SIGNALS.SIGQUIT:
    case SIGNALS.SIGILL:
    case SIGNALS.SIGTRAP:
    case SIGNALS.SIGABRT:
    case SIGNALS.SIGBUS:
    case SIGNALS.SIGFPE:
    case SIGNALS.SIGSEGV:
    case SIGNALS.SIGSYS:
      return 'core';
    default:
      return 'terminate';
  }
}

/** One delivered handler's frame: where it is on the user stack and the state it interrupted. */
export interface SavedFrame {
  /** the rt_sigframe's address (r1 + __SIGNAL_FRAMESIZE while the handler runs) */
  frame: bigint;
  /** the full register state at delivery (FP/VSX included, which the simplified frame omits) */
  regs: ThreadState;
  /** the blocked mask to restore (also written into uc_sigmask) */
  blocked: bigint;
  signo: number;
}

export class TaskSignals {
  private actions = new Map<number, SigAction>();
  /** the pending set: at most one instance of each signal (standard-signal semantics for all) */
  readonly queued = new Map<number, PendingSignal>();
  /** the blocked mask (sigset_t, bit signo-1) */
  blocked = 0n;
  /** the signal the tracer's PTRACE_CONT/SINGLESTEP data names: delivered without a new stop */
  injected: PendingSignal | undefined;
  /** the handlers being run, innermost last */
  readonly frames: SavedFrame[] = [];
  /** rt_sigsuspend's saved mask (TIF_RESTORE_SIGMASK): restored after the handler, or when none runs */
  savedMask: bigint | undefined;
  /** the alternate signal stack; size 0 when there is none (SS_DISABLE) */
  altStack: AltStack = { sp: 0n, size: 0n, flags: SS_DISABLE };

  /** on_sig_stack: `sp` is inside the alternate stack (never while it is SS_AUTODISARM'ed) */
  onAltStack(sp: bigint): boolean {
    const a = this.altStack;
    if (a.flags & SS_AUTODISARM) return false;
    return sp > a.sp && sp - a.sp <= a.size;
  }

  /** sas_ss_flags: SS_DISABLE without a stack, SS_ONSTACK while running on it, else 0 */
  altStackFlags(sp: bigint): number {
    if (this.altStack.size === 0n) return SS_DISABLE;
    return this.onAltStack(sp) ? SS_ONSTACK : 0;
  }

  /** fork: the child's copy (copy_sighand, the blocked mask; nothing pending; the handler frames of
   * the copied stack go with it) */
  forkCopy(): TaskSignals {
    const c = new TaskSignals();
    for (const [k, v] of this.actions) c.actions.set(k, { ...v });
    c.blocked = this.blocked;
    c.altStack = { ...this.altStack };
    for (const f of this.frames) c.frames.push({ ...f, regs: f.regs.clone() });
    return c;
  }

  /** clone(CLONE_THREAD | CLONE_SIGHAND): the dispositions are the same object, the blocked mask is
   * copied, nothing is pending, and the alternate stack is not inherited (CLONE_VM) */
  threadCopy(): TaskSignals {
    const c = new TaskSignals();
    c.actions = this.actions;
    c.blocked = this.blocked;
    return c;
  }

  action(signo: number): SigAction {
    return this.actions.get(signo) ?? DEFAULT_ACTION;
  }

  setAction(signo: number, a: SigAction): void {
    this.actions.set(signo, { ...a, mask: a.mask & ~UNBLOCKABLE });
    // sig_handler_ignored: setting an ignoring disposition discards what is pending (do_sigaction)
    if (this.ignored(signo)) this.queued.delete(signo);
  }

  /** SIG_IGN, or SIG_DFL with a default action of ignore */
  ignored(signo: number): boolean {
    const h = this.action(signo).handler;
    return h === SIG_IGN || (h === SIG_DFL && defaultAction(signo) === 'ignore');
  }

  /** The lowest-numbered pending signal that is not blocked (dequeue_signal's order), or undefined. */
  nextDeliverable(): number | undefined {
    let best: number | undefined;
    for (const signo of this.queued.keys()) {
      if ((this.blocked & sigBit(signo)) !== 0n) continue;
      if (best === undefined || signo < best) best = signo;
    }
    return best;
  }

  static valid(signo: number): boolean {
    return Number.isInteger(signo) && signo >= 1 && signo <= NSIG;
  }
}
