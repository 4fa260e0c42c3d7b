// Signal sending and delivery: kill/tkill/tgkill, rt_sigaction, rt_sigprocmask and rt_sigreturn, and
// the kernel's return-to-user path (get_signal + powerpc do_signal) that runs on every return to
// user mode and when a task is scheduled in, before its next instruction.
//
// Order of one delivery (kernel/signal.c get_signal, arch/powerpc/kernel/signal.c do_signal):
// 1. Dequeue: the signal the tracer's resume named first (it needs no new stop), then a synchronous
//    (forced) signal raised by an exception, then the lowest-numbered pending unblocked signal.
// 2. Traced: a signal-delivery stop (SIGKILL excepted); the tracer's PTRACE_CONT/SINGLESTEP data
//    decides what is delivered (0 discards it; a blocked signal is queued again).
// 3. SIG_IGN: dropped. SIG_DFL: the default action (terminate, core, stop, or ignore).
// 4. A handler: do_signal writes thread.hw_brk[] straight into the DAWRs (doSignalRearm, the
//    SEMANTICS §6 quirk), runs thread_change_pc (a pending perf step is cancelled, recorded as a
//    `thread-change-pc` decision), then handle_rt_signal64 builds the frame (signal-frame.ts) and
//    points the registers at the handler; signal_delivered blocks sa_mask (and the signal unless
//    SA_NODEFER) and, under PTRACE_SINGLESTEP, stops with SIGTRAP at the handler's first instruction.
//
// System calls interrupted by a signal (sim/os/wait-queue.ts): a call that returned -ERESTARTSYS,
// -ERESTARTNOINTR, -ERESTARTNOHAND or -ERESTART_RESTARTBLOCK is restarted (its `sc` runs again) or
// turned into EINTR here, as check_syscall_restart decides: EINTR when a handler runs (for
// ERESTARTSYS only without SA_RESTART), a restart when none does (restart_syscall for RESTARTBLOCK).
//
// Stops are reported to whoever waits for them: a ptrace stop to the process tracing the task (the
// external tracer reads `lastStop`), a group stop (SIGSTOP, untraced) to the parent; SIGCONT ends a
// group stop. kill(0) and kill(-N) signal a process group, kill(-1) every process but the caller and
// init; a zombie still counts (the signal does nothing).
//
// Simplifications (named): every signal, real-time ones included, has at most one pending instance;
// sa_restorer is ignored (powerpc returns through the vdso trampoline). An alternate signal stack
// (sigaltstack) takes the frame of an SA_ONSTACK handler when the task is not already on it (sigsp).
import { MSR_SE } from '../cpu/thread-state';
import type { DecisionLog } from '../hwbp/decision-log';
import { threadChangePc } from '../hwbp/handler';
import type { TrapRegs } from '../hwbp/hw-context';
import type { HwBreakpointSubsystem } from '../hwbp/subsystem';
import { E } from '../os/errno';
import type {
  AltStackValue,
  KillRequest,
  QueueRequest,
  SigActionValue,
  SignalCalls,
  SyscallValue,
} from '../os/syscalls/context';
import {
  copyThreadState,
  ensureVdso,
  readFrame,
  SIGINFO_OFFSET,
  SIGNAL_FRAMESIZE,
  SIGTRAMP_RT64,
  UC_MCONTEXT_OFFSET,
  writeFrame,
} from './signal-frame';
import {
  DEFAULT_ACTION,
  defaultAction,
  MINSIGSTKSZ,
  SA_NODEFER,
  SA_ONSTACK,
  SA_RESETHAND,
  SA_RESTART,
  SA_SIGINFO,
  SIG_DFL,
  SIG_IGN,
  sigBit,
  SS_AUTODISARM,
  SS_DISABLE,
  SS_ONSTACK,
  TaskSignals,
  UNBLOCKABLE,
} from './signal-state';
import { SI_CODES, SIGNALS, signalName, signalNumber, type PendingSignal } from './signals';
import type { Task } from './task';

/** What delivery needs from the machine. */
export interface SignalMachine {
  readonly hw: HwBreakpointSubsystem;
  readonly log: DecisionLog;
  readonly tasks: readonly Task[];
  /** instructions executed so far (decision records) */
  icount(): number;
  /** take the task off its CPU (it stopped or died) */
  dequeue(t: Task): void;
  /** the task dies of `signal` (event: killed); `message` says what raised it */
  terminate(t: Task, signal: string, message?: string): void;
  /** a signal arrived for a task that sleeps in a system call: it wakes if the signal concerns it */
  signalArrived?(t: Task, signo: number): void;
  /** the task entered a stop (`status`: the wait status word): its tracer or parent is told */
  stopped?(t: Task, status: number): void;
  /** SIGCONT ended the task's group stop: it runs again, and its parent is told */
  continued?(t: Task): void;
}

/** the ERESTART* codes a system call may leave (include/linux/errno.h) */
const ERESTARTSYS = 512;
const ERESTARTNOINTR = 513;
const ERESTARTNOHAND = 514;
const ERESTART_RESTARTBLOCK = 516;
const EINTR = 4;
const CR0_SO = 0x10000000;

/** Frames kept per task at most (a program that longjmps out of handlers never pops its frames). */
const MAX_FRAMES = 1024;
const SIG_BLOCK = 0;
const SIG_UNBLOCK = 1;
const SIG_SETMASK = 2;

export class SignalDelivery {
  constructor(private readonly m: SignalMachine) {}

  // ---- sending ----

  /**
   * Sends `signo` to `t` (send_signal / prepare_signal). SIGKILL kills at once, even a stopped
   * task. An ignored signal is dropped at once unless the task is traced (the tracer sees even
   * ignored signals).
   */
  send(t: Task, signo: number, info: PendingSignal): void {
    if (!t.alive) return;
    if (signo === SIGNALS.SIGKILL) {
      this.m.terminate(t, 'SIGKILL');
      return;
    }
    const s = t.sig;
    // a stop signal discards a pending SIGCONT and SIGCONT discards pending stop signals
    if (signo === SIGNALS.SIGCONT) {
      for (const x of [SIGNALS.SIGSTOP, SIGNALS.SIGTSTP, SIGNALS.SIGTTIN, SIGNALS.SIGTTOU]) s.queued.delete(x);
      // prepare_signal: SIGCONT wakes a group-stopped task, whatever its disposition
      if (t.state === 'stopped' && t.stopKind === 'group') this.m.continued?.(t);
    } else if (defaultAction(signo) === 'stop') s.queued.delete(SIGNALS.SIGCONT);
    if (!t.traced && s.ignored(signo) && (s.blocked & sigBit(signo)) === 0n) return;
    if (!s.queued.has(signo)) s.queued.set(signo, info);
    if (t.sleep) this.m.signalArrived?.(t, signo);
  }

  /** signal_pending(): something the task would act on before returning to user mode (an
   * interruptible sleep ends) */
  pendingFor(t: Task): boolean {
    return (
      t.pending !== undefined ||
      t.sig.injected !== undefined ||
      t.pendingPtraceEvent !== 0 ||
      (t.sig.queued.size > 0 && t.sig.nextDeliverable() !== undefined)
    );
  }

  /** ptrace_event after a system call (PTRACE_EVENT_FORK...): the task stops before returning to user mode. */
  ptraceEventAfterSyscall(t: Task, event: number): void {
    t.pendingPtraceEvent = event;
  }

  /** PTRACE_CONT / PTRACE_SINGLESTEP with data = signal: what the resumed task gets, with no new stop.
   * The same signal as the stop keeps its siginfo; another one reads as sent by the tracer (SI_USER). */
  inject(t: Task, signal: string): void {
    const last = t.lastSiginfo;
    t.sig.injected = last && last.signal === signal ? last : { signal, siCode: 'SI_USER', siAddr: 0n, pid: 0 };
  }

  // ---- delivery ----

  /** Whether the return to user mode has something to do (TIF_SIGPENDING). */
  hasWork(t: Task): boolean {
    return (
      t.pending !== undefined ||
      t.sig.injected !== undefined ||
      t.restart !== undefined ||
      t.sig.savedMask !== undefined ||
      t.pendingPtraceEvent !== 0 ||
      (t.sig.queued.size > 0 && t.sig.nextDeliverable() !== undefined)
    );
  }

  /** The return-to-user path: delivers until nothing deliverable is left or the task stops or dies. */
  deliver(cpu: number, t: Task): void {
    // a task asleep in a system call acts on signals when the call has returned
    if (t.sleep) return;
    const s = t.sig;
    // a ptrace event the system call left (PTRACE_EVENT_FORK...): a stop before anything else
    if (t.pendingPtraceEvent !== 0 && t.state === 'running') {
      const event = t.pendingPtraceEvent;
      t.pendingPtraceEvent = 0;
      if (t.traced) {
        this.stop(t, { signal: 'SIGTRAP', siCode: String(SIGNALS.SIGTRAP | (event << 8)), siAddr: 0n }, false, event);
        return;
      }
    }
    this.deliverSignals(cpu, t);
    // nothing was delivered to a handler and the task runs on: a pending restart and a sigsuspend
    // mask are settled (do_signal's tail)
    if (t.state === 'running') {
      if (t.restart) this.restartSyscall(t, undefined);
      if (s.savedMask !== undefined) {
        s.blocked = s.savedMask;
        s.savedMask = undefined;
      }
    }
  }

  /**
   * check_syscall_restart: the interrupted call's -ERESTART... becomes EINTR (a handler runs: always
   * for NOHAND and RESTARTBLOCK, for ERESTARTSYS unless SA_RESTART) or a restart (the `sc` again with
   * the first argument back in r3; restart_syscall for RESTARTBLOCK).
   */
  private restartSyscall(t: Task, handler: SigActionValue | undefined): void {
    const r = t.restart;
    if (!r) return;
    t.restart = undefined;
    const th = t.thread;
    let restart: boolean;
    switch (r.code) {
      case ERESTARTNOHAND:
      case ERESTART_RESTARTBLOCK:
        restart = handler === undefined;
        break;
      case ERESTARTSYS:
        restart = handler === undefined || (handler.flags & SA_RESTART) !== 0n;
        break;
      case ERESTARTNOINTR:
      default:
        restart = true;
    }
    if (!restart) {
      t.restartBlock = undefined;
      if (r.vectored) th.setGpr(3, BigInt.asUintN(64, BigInt(-EINTR)));
      else {
        th.setGpr(3, BigInt(EINTR));
        th.cr = (th.cr | CR0_SO) >>> 0;
      }
      return;
    }
    th.pc = th.pc - 4n;
    if (r.code === ERESTART_RESTARTBLOCK) th.setGpr(0, 0n);
    else th.setGpr(3, r.r3);
  }

  private deliverSignals(cpu: number, t: Task): void {
    const s = t.sig;
    for (let guard = 0; guard < 256 && t.state === 'running'; guard++) {
      let sig: PendingSignal;
      let signo: number;
      if (s.injected) {
        sig = s.injected;
        s.injected = undefined;
        signo = signalNumber(sig.signal) ?? 0;
        if (signo === 0) continue;
        // ptrace_signal: a signal the tracer names that is now blocked is queued again
        if (signo !== SIGNALS.SIGKILL && (s.blocked & sigBit(signo)) !== 0n) {
          if (!s.queued.has(signo)) s.queued.set(signo, sig);
          continue;
        }
      } else {
        if (t.pending) {
          sig = t.pending;
          t.pending = undefined;
          signo = signalNumber(sig.signal) ?? 0;
          // force_sig_info: a blocked or ignored synchronous signal gets the default action
          if ((s.blocked & sigBit(signo)) !== 0n || s.action(signo).handler === SIG_IGN) {
            s.setAction(signo, DEFAULT_ACTION);
            s.blocked &= ~sigBit(signo);
          }
        } else {
          const q = s.nextDeliverable();
          if (q === undefined) return;
          sig = s.queued.get(q) as PendingSignal;
          s.queued.delete(q);
          signo = q;
        }
        if (t.traced && signo !== SIGNALS.SIGKILL) {
          this.stop(t, sig);
          return;
        }
      }
      this.act(cpu, t, signo, sig);
    }
  }

  /** A stop the tracer's waitpid sees: si_code and si_addr are shown for a signal-delivery stop
   * (si_addr only for a kernel-raised signal; kill's siginfo carries si_pid instead). A traced task's
   * stop is a ptrace stop (its tracer resumes it); an untraced one's is a group stop (SIGCONT). */
  private stop(t: Task, sig: PendingSignal, siginfoShown = true, event = 0): void {
    this.m.dequeue(t);
    t.state = 'stopped';
    t.stopKind = t.traced ? 'ptrace' : 'group';
    t.lastSiginfo = sig;
    const pc = t.thread.pc;
    if (!siginfoShown) t.lastStop = { event: 'stopped', signal: sig.signal, pc };
    else if (sig.pid !== undefined) t.lastStop = { event: 'stopped', signal: sig.signal, si_code: sig.siCode, pc };
    else t.lastStop = { event: 'stopped', signal: sig.signal, si_code: sig.siCode, si_addr: sig.siAddr, pc };
    const signo = signalNumber(sig.signal) ?? 0;
    this.m.stopped?.(t, ((event << 16) | (signo << 8) | 0x7f) >>> 0);
  }

  /** The disposition of the dequeued signal decides (get_signal after ptrace_signal). */
  private act(cpu: number, t: Task, signo: number, sig: PendingSignal): void {
    const s = t.sig;
    if (signo === SIGNALS.SIGKILL) {
      this.m.terminate(t, 'SIGKILL');
      return;
    }
    const a = signo === SIGNALS.SIGSTOP ? DEFAULT_ACTION : s.action(signo);
    if (a.handler === SIG_IGN) return;
    if (a.handler === SIG_DFL) {
      switch (defaultAction(signo)) {
        case 'ignore':
          return;
        case 'stop':
          this.stop(t, sig, false);
          return;
        default:
          this.m.terminate(t, sig.signal, sig.message);
          return;
      }
    }
    this.handle(cpu, t, signo, sig, a);
  }

  /** do_signal with a handler: the DEBUGREG re-arm, thread_change_pc, the frame, signal_delivered. */
  private handle(cpu: number, t: Task, signo: number, sig: PendingSignal, a: SigActionValue): void {
    const s = t.sig;
    const th = t.thread;
    // an interrupted system call: EINTR or restarted, before the frame saves the registers
    if (t.restart) this.restartSyscall(t, a);
    // SA_RESETHAND (SA_ONESHOT): get_signal resets the handler before delivering
    if ((a.flags & SA_RESETHAND) !== 0n) s.setAction(signo, DEFAULT_ACTION);
    this.m.hw.doSignalRearm(cpu, t.pid);
    const regs: TrapRegs = { pc: th.pc, mode: 'user', singleStep: (th.msr & MSR_SE) !== 0n };
    const ctx = this.m.hw.hwContext(cpu, t.pid, this.m.icount(), (d) => this.m.log.append(d));
    threadChangePc(ctx, this.m.hw.currentTask(t.pid, t.tifSingleStep), regs);
    th.msr = regs.singleStep ? th.msr | MSR_SE : th.msr & ~MSR_SE;

    ensureVdso(t.mem);
    const saved = th.clone();
    // "make sure signal handler doesn't get spurious FP exceptions": the FPSCR starts at 0 (no enables)
    th.fpscr = 0;
    th.fpscrDrn = 0;
    // sigsp: an SA_ONSTACK handler runs on the alternate stack unless the task is already on it;
    // __save_altstack records it in uc_stack and SS_AUTODISARM then disables it until sigreturn
    const sp = th.getGpr(1);
    const alt = s.altStack;
    const ucStack = { sp: alt.sp, flags: s.altStackFlags(sp) | alt.flags, size: alt.size };
    const onAlt = (a.flags & SA_ONSTACK) !== 0n && s.altStackFlags(sp) === 0;
    const frame = writeFrame(t.mem, th, {
      sp: onAlt ? alt.sp + alt.size : undefined,
      ucStack,
      signo,
      siCode: (SI_CODES as Record<string, number>)[sig.siCode] ?? 0,
      siAddr: sig.siAddr,
      pid: sig.pid,
      status: sig.status,
      value: sig.value,
      handler: a.handler,
      // after rt_sigsuspend the frame keeps the mask from before it (restored by sigreturn)
      oldBlocked: s.savedMask ?? s.blocked,
    });
    if (frame === undefined) {
      this.forceSigsegv(t);
      return;
    }
    if (alt.flags & SS_AUTODISARM) s.altStack = { sp: 0n, size: 0n, flags: SS_DISABLE };
    s.frames.push({ frame, regs: saved, blocked: s.savedMask ?? s.blocked, signo });
    s.savedMask = undefined;
    if (s.frames.length > MAX_FRAMES) s.frames.shift();

    th.setGpr(1, frame - SIGNAL_FRAMESIZE);
    th.setGpr(3, BigInt(signo));
    if ((a.flags & SA_SIGINFO) !== 0n) {
      th.setGpr(4, frame + SIGINFO_OFFSET);
      th.setGpr(5, frame);
      th.setGpr(6, frame);
    } else th.setGpr(4, frame + UC_MCONTEXT_OFFSET);
    // ELFv2: the handler's global entry point in r12 (and CTR)
    th.ctr = a.handler;
    th.setGpr(12, a.handler);
    th.lr = SIGTRAMP_RT64;
    th.pc = a.handler;
    th.reservation = null;

    // signal_delivered
    let blocked = s.blocked | a.mask;
    if ((a.flags & SA_NODEFER) === 0n) blocked |= sigBit(signo);
    s.blocked = blocked & ~UNBLOCKABLE;
    // under PTRACE_SINGLESTEP: ptrace_notify(SIGTRAP) at the handler's first instruction (si_code is
    // the number 5, SIGTRAP itself, which has no TRAP_* name)
    if (t.traced && t.tifSingleStep) this.stop(t, { signal: 'SIGTRAP', siCode: '5', siAddr: 0n }, false);
  }

  /** force_sigsegv: the frame could not be built or read back. */
  private forceSigsegv(t: Task): void {
    t.sig.setAction(SIGNALS.SIGSEGV, DEFAULT_ACTION);
    t.sig.blocked &= ~sigBit(SIGNALS.SIGSEGV);
    t.pending = { signal: 'SIGSEGV', siCode: 'SI_KERNEL', siAddr: 0n };
  }

  /**
   * rt_sigreturn: the ucontext (the frame's start) is at r1, the trampoline having popped the
   * handler's __SIGNAL_FRAMESIZE dummy frame (sys_rt_sigreturn reads `uc = regs->gpr[1]`).
   * The kernel's saved state for that frame is restored, then the frame's user-editable registers and
   * mask; the MSR stays as it is (only LE would come from the frame). An unknown frame: SIGSEGV.
   */
  sigreturn(t: Task): void {
    const s = t.sig;
    const th = t.thread;
    const at = th.getGpr(1);
    let i = s.frames.length - 1;
    while (i >= 0 && s.frames[i].frame !== at) i--;
    const fr = i >= 0 ? readFrame(t.mem, at) : undefined;
    if (i < 0 || !fr) {
      this.forceSigsegv(t);
      return;
    }
    const saved = s.frames[i];
    s.frames.length = i;
    const msr = th.msr;
    copyThreadState(th, saved.regs);
    for (let r = 0; r < 32; r++) th.setGpr(r, fr.gpr[r]);
    th.pc = fr.nip;
    th.ctr = fr.ctr;
    th.lr = fr.lr;
    th.xer = fr.xer;
    th.cr = fr.cr;
    th.msr = msr;
    th.reservation = null;
    s.blocked = fr.sigmask & ~UNBLOCKABLE;
    // restore_altstack: errors (EPERM while still on the stack) are ignored, as the kernel does
    this.sigaltstack(t, fr.ucStack);
  }

  // ---- the system calls ----

  /** The signal system calls of task `t`. */
  syscallHost(t: Task): SignalCalls {
    return {
      sigaction: (signo, act) => this.sigaction(t, signo, act),
      sigprocmask: (how, set) => this.sigprocmask(t, how, set),
      kill: (req) => this.kill(t, req),
      sigreturn: () => this.sigreturn(t),
      pending: () => {
        let set = 0n;
        for (const signo of t.sig.queued.keys()) set |= sigBit(signo);
        return set & t.sig.blocked;
      },
      sigaltstack: (ss) => this.sigaltstack(t, ss),
      queue: (req) => this.queue(t, req),
      suspendMask: (mask) => {
        if (t.sig.savedMask === undefined) t.sig.savedMask = t.sig.blocked;
        t.sig.blocked = mask & ~UNBLOCKABLE;
      },
      pendingIn: (set) => {
        const has = (from: Task, mask: bigint) => [...from.sig.queued.keys()].some((s) => (mask & sigBit(s)) !== 0n);
        return has(t, set) || (t.leader?.alive === true && has(t.leader, set & t.leader.sig.blocked));
      },
      dequeue: (set) => {
        // the thread's own pending signals, then the process's: a process-directed signal the leader
        // blocks waits on the leader's queue here, where Linux keeps it in the shared pending set
        const lowest = (from: Task, mask: bigint) => {
          let best: number | undefined;
          for (const signo of from.sig.queued.keys())
            if ((mask & sigBit(signo)) !== 0n && (best === undefined || signo < best)) best = signo;
          return best;
        };
        let from = t;
        let best = lowest(t, set);
        if (best === undefined && t.leader?.alive) {
          from = t.leader;
          best = lowest(from, set & from.sig.blocked);
        }
        if (best === undefined) return undefined;
        const sig = from.sig.queued.get(best) as PendingSignal;
        from.sig.queued.delete(best);
        return {
          signo: best,
          siCode: (SI_CODES as Record<string, number>)[sig.siCode] ?? 0,
          siAddr: sig.siAddr,
          pid: sig.pid,
          value: sig.value,
        };
      },
    };
  }

  private sigaction(t: Task, signo: number, act: SigActionValue | undefined): SyscallValue<SigActionValue> {
    if (!TaskSignals.valid(signo) || (act && (signo === SIGNALS.SIGKILL || signo === SIGNALS.SIGSTOP)))
      return { ok: false, errno: E.EINVAL };
    const old = { ...t.sig.action(signo) };
    if (act) t.sig.setAction(signo, act);
    return { ok: true, value: old };
  }

  /** do_sigaltstack: the old stack (oss) as it was; EPERM while running on it, EINVAL for an unknown
   * mode, ENOMEM below MINSIGSTKSZ; SS_DISABLE forgets the stack. */
  private sigaltstack(t: Task, ss: AltStackValue | undefined): SyscallValue<AltStackValue> {
    const s = t.sig;
    const sp = t.thread.getGpr(1);
    const a = s.altStack;
    const old: AltStackValue = { sp: a.sp, size: a.size, flags: (s.altStackFlags(sp) | a.flags) >>> 0 };
    if (ss) {
      if (s.onAltStack(sp)) return { ok: false, errno: E.EPERM };
      const mode = ss.flags & ~SS_AUTODISARM;
      if (mode !== SS_DISABLE && mode !== SS_ONSTACK && mode !== 0) return { ok: false, errno: E.EINVAL };
      if (mode === SS_DISABLE) s.altStack = { sp: 0n, size: 0n, flags: ss.flags };
      else if (ss.size < MINSIGSTKSZ) return { ok: false, errno: E.ENOMEM };
      else s.altStack = { sp: ss.sp, size: ss.size, flags: ss.flags };
    }
    return { ok: true, value: old };
  }

  private sigprocmask(t: Task, how: number, set: bigint | undefined): SyscallValue<bigint> {
    const s = t.sig;
    const old = s.blocked;
    if (set !== undefined) {
      const m = set & ~UNBLOCKABLE;
      if (how === SIG_BLOCK) s.blocked |= m;
      else if (how === SIG_UNBLOCK) s.blocked &= ~m;
      else if (how === SIG_SETMASK) s.blocked = m;
      else return { ok: false, errno: E.EINVAL };
    }
    return { ok: true, value: old };
  }

  /** rt_sigqueueinfo / rt_tgsigqueueinfo: the sender's siginfo as given (si_code, si_pid, si_value),
   * except that only the kernel may claim a non-negative si_code or SI_TKILL for another process. */
  private queue(sender: Task, req: QueueRequest): number {
    const self = sender.proc.pid;
    if ((req.siCode >= 0 || req.siCode === SI_CODES.SI_TKILL) && req.tgid !== self) return E.EPERM;
    if (req.tgid <= 0 || (req.tid !== undefined && req.tid <= 0)) return E.EINVAL;
    const x =
      req.tid === undefined
        ? this.m.tasks.find((y) => y.pid === req.tgid && !y.leader)
        : this.m.tasks.find((y) => y.pid === req.tid && (y.leader?.pid ?? y.pid) === req.tgid);
    if (!x || x.reaped) return E.ESRCH;
    if (!TaskSignals.valid(req.signo)) return E.EINVAL;
    const to = req.tid === undefined ? this.threadFor(x, req.signo) : x;
    const code = Object.entries(SI_CODES).find(([k, v]) => v === req.siCode && k.startsWith('SI_'))?.[0] ?? 'SI_QUEUE';
    this.send(to, req.signo, {
      signal: signalName(req.signo),
      siCode: code,
      siAddr: 0n,
      pid: req.pid,
      value: req.value,
    });
    return 0;
  }

  private kill(sender: Task, req: KillRequest): number {
    let targets: Task[];
    let siCode: string;
    const live = (pid: number) => this.m.tasks.find((x) => x.pid === pid);
    // a process-directed signal goes to the process (its leader), never once per thread
    const proc = (pid: number) => this.m.tasks.find((x) => x.pid === pid && !x.leader);
    if (req.kind === 'kill') {
      siCode = 'SI_USER';
      // a process, the caller's group (0), every process but the caller (-1), the group -pid;
      // zombies count (kill succeeds, the signal does nothing)
      const group = (pgid: number) => this.m.tasks.filter((x) => !x.reaped && !x.leader && x.proc.pgid === pgid);
      if (req.pid > 0) targets = [proc(req.pid)].filter((x): x is Task => x !== undefined && !x.reaped);
      else if (req.pid === 0) targets = group(sender.proc.pgid);
      else if (req.pid === -1)
        targets = this.m.tasks.filter(
          (x) => x !== sender && x !== sender.leader && !x.leader && x.alive && x.proc.pid !== sender.proc.pid,
        );
      else if (req.pid === -0x80000000) return E.ESRCH;
      else targets = group(-req.pid);
    } else {
      siCode = 'SI_TKILL';
      const tid = req.tid;
      if (tid <= 0 || (req.kind === 'tgkill' && req.tgid <= 0)) return E.EINVAL;
      // a thread of the process tgid (the leader's pid)
      const x = live(tid);
      targets = x && !x.reaped && x.alive && (req.kind === 'tkill' || req.tgid === (x.leader?.pid ?? x.pid)) ? [x] : [];
    }
    if (targets.length === 0) return E.ESRCH;
    if (req.signo !== 0 && !TaskSignals.valid(req.signo)) return E.EINVAL;
    if (req.signo === 0) return 0;
    const name = signalName(req.signo);
    for (const x of targets) {
      const to = req.kind === 'kill' ? this.threadFor(x, req.signo) : x;
      this.send(to, req.signo, { signal: name, siCode, siAddr: 0n, pid: sender.proc.pid });
    }
    return 0;
  }

  /**
   * complete_signal's choice for a process-directed signal: the leader if it wants the signal, else
   * the first other thread that does (wants_signal: not blocked, which a thread in rt_sigtimedwait for
   * it is not, as it unblocks its set while it waits); else the leader, where it stays pending.
   */
  private threadFor(leader: Task, signo: number): Task {
    const bit = sigBit(signo);
    const wants = (t: Task) =>
      t.alive &&
      ((t.sig.blocked & bit) === 0n || (t.sleep?.req.wakeMask !== undefined && (t.sleep.req.wakeMask & bit) !== 0n));
    if (wants(leader)) return leader;
    return this.m.tasks.find((t) => t.leader === leader && wants(t)) ?? leader;
  }
}
