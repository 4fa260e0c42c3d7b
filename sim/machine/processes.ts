// Processes: fork (clone with glibc's flags), exit and what it tells the parent and the tracer
// (zombies, SIGCHLD, reparenting), wait4/waitid with Linux's status encoding, process groups and
// sessions, and the interval timer ITIMER_REAL (alarm). One thread per process: a Task is a process.
//
// Named choices (documented in the README):
// * A process whose parent exits is reparented to init (pid 1), which is not simulated: it reaps at
//   once whatever it adopts, as the real init does. getppid() then gives 1.
// * A task started from outside the machine (a scenario's task, the program of `wplab exec`) has no
//   parent here: when it exits it stays a zombie (nobody reaps it), as before.
// * Memory is copied at fork (no copy-on-write: the same semantics, the copy costs what the process
//   has touched). Every mapping is private to the process; a MAP_SHARED mapping is not shared with the
//   child (documented simplification).
// * Threads: clone with CLONE_THREAD (glibc's pthread_create: VM, FS, FILES, SIGHAND, THREAD, SYSVSEM,
//   SETTLS, PARENT_SETTID, CHILD_CLEARTID) makes a task that shares the process's memory, descriptor
//   table, memory map, limits and signal dispositions, with its own registers, TLS (r13), blocked mask,
//   rseq area and tid (its ProcessState carries the leader's pid, so getpid is the process's). A
//   chdir or umask in one thread is not seen by the others (named simplification). A thread's exit zeroes
//   its CLONE_CHILD_CLEARTID word and futex-wakes it (pthread_join); it is reaped at once (no parent is
//   told). exit_group, a fatal signal, or the leader's exit end every thread of the process. Not
//   modelled: signals aimed at the process go to the leader only (none is redirected to a thread that
//   does not block it), the leader cannot end alone (pthread_exit in main ends the process), and
//   ptrace does not follow threads. Other sharing combinations without CLONE_THREAD (CLONE_VM without
//   CLONE_VFORK, CLONE_FILES, CLONE_FS, CLONE_SIGHAND) are ENOSYS, and namespaces (CLONE_NEW*) EINVAL;
//   vfork copies memory too, the parent sleeping until the child exits.
// * RLIMIT_CORE is 0 and core_pattern the kernel's default, so no core is dumped: a child killed by
//   SIGSEGV reports WTERMSIG 11 without WCOREDUMP (CLD_KILLED, not CLD_DUMPED).
// * The machine holds at most MAX_TASKS processes (threads-max): fork beyond it is EAGAIN.
import { MSR_SE } from '../cpu/thread-state';
import { E } from '../os/errno';
import { ProcessState } from '../os/process-state';
import type { CloneRequest, ItimerValue, TimerEvent, WaitOutcome } from '../os/syscalls/context';
import { CLONE, exitRobustList, futexWake, W } from '../os/syscalls/process';
import { WaitQueue } from '../os/wait-queue';
import type { Machine } from './machine';
import { SA_NOCLDSTOP, SA_NOCLDWAIT, SIG_IGN } from './signal-state';
import { SIGNALS, signalName, signalNumber } from './signals';
import { Task } from './task';
import type { Timer } from './timers';
import type { SideTable } from '../side-tables';

/** threads-max: the most processes the machine holds at once */
export const MAX_TASKS = 4096;

/** waitid's si_code values */
export const CLD = { EXITED: 1, KILLED: 2, DUMPED: 3, TRAPPED: 4, STOPPED: 5, CONTINUED: 6 } as const;

/** PTRACE_EVENT_* (the high byte of a ptrace event stop's status) and the options that ask for them */
export const PTRACE_EVENT = {
  FORK: 1,
  VFORK: 2,
  CLONE: 3,
  EXEC: 4,
  VFORK_DONE: 5,
  EXIT: 6,
  SECCOMP: 7,
  STOP: 128,
} as const;
export const PTRACE_O = {
  TRACESYSGOOD: 1,
  TRACEFORK: 2,
  TRACEVFORK: 4,
  TRACECLONE: 8,
  TRACEEXEC: 0x10,
  TRACEVFORKDONE: 0x20,
  TRACEEXIT: 0x40,
  TRACESECCOMP: 0x80,
  EXITKILL: 0x100000,
  SUSPEND_SECCOMP: 0x200000,
  MASK: 0x3000ff,
} as const;

const NS = 1_000_000_000n;
/** CR0's SO bit: the error flag of the `sc` return convention */
const CR0_SO = 0x10000000;

/** The wait status of a stop for `signo` (with a ptrace event in bits 16..23). */
export function stopStatus(signo: number, event = 0): number {
  return ((event << 16) | (signo << 8) | 0x7f) >>> 0;
}

/** Per task, what the processes need besides Task's own fields. */
interface ProcExtra {
  /** the parent sleeps here in wait4/waitid */
  childWait: WaitQueue;
  /** a vfork parent sleeps here until the child exits */
  vforkDone: WaitQueue;
  /** the pending ITIMER_REAL expiry */
  alarmTimer: Timer | undefined;
  /** ITIMER_VIRTUAL and ITIMER_PROF: kept as set, never fire (CPU-time timers are not modelled) */
  cpuTimers: Map<number, ItimerValue>;
  /** POSIX timers (timer_create), by id */
  posixTimers: Map<number, PosixTimer>;
}

/** One POSIX timer: what it sends, and its expiry on CLOCK_MONOTONIC. */
interface PosixTimer {
  ev: TimerEvent;
  timer: Timer | undefined;
  atNs: bigint;
  intervalNs: bigint;
  overrun: number;
}

export class Processes {
  private readonly extra = new WeakMap<Task, ProcExtra>();

  constructor(private readonly m: Machine) {}

  /** a checkpoint saves each task's entry (sim/side-tables.ts) */
  checkpointSideTables(): SideTable[] {
    return [this.extra as unknown as SideTable];
  }

  private x(t: Task): ProcExtra {
    let e = this.extra.get(t);
    if (!e)
      this.extra.set(
        t,
        (e = {
          childWait: new WaitQueue(),
          vforkDone: new WaitQueue(),
          alarmTimer: undefined,
          cpuTimers: new Map(),
          posixTimers: new Map(),
        }),
      );
    return e;
  }

  /** the queue a process sleeps on in wait4 */
  childWait(t: Task): WaitQueue {
    return this.x(t).childWait;
  }

  // ---- fork ----

  /** The name a forked process gets: its parent's name and its pid (`main-101`). */
  static childName(parent: Task, pid: number): string {
    return `${parent.name}-${pid}`;
  }

  /** copy_process for fork, vfork and clone: the child's pid, or -errno. `cpu` is the parent's CPU. */
  clone(parent: Task, cpu: number, req: CloneRequest): bigint {
    const m = this.m;
    const flags = req.flags & ~0xffn;
    const exitSignal = Number(req.flags & 0xffn);
    const has = (f: bigint) => (flags & f) !== 0n;
    if ((has(CLONE.NEWNS) && has(CLONE.FS)) || (has(CLONE.NEWUSER) && has(CLONE.FS))) return fail(E.EINVAL);
    if (has(CLONE.THREAD) && !has(CLONE.SIGHAND)) return fail(E.EINVAL);
    if (has(CLONE.SIGHAND) && !has(CLONE.VM)) return fail(E.EINVAL);
    if (exitSignal > 64) return fail(E.EINVAL);
    if (
      has(
        CLONE.NEWNS |
          CLONE.NEWCGROUP |
          CLONE.NEWUTS |
          CLONE.NEWIPC |
          CLONE.NEWUSER |
          CLONE.NEWPID |
          CLONE.NEWNET |
          CLONE.PIDFD,
      )
    )
      return fail(E.EINVAL);
    if (m.tasks.filter((t) => !t.reaped).length >= MAX_TASKS) return fail(E.EAGAIN);
    if (has(CLONE.THREAD) && has(CLONE.FILES) && has(CLONE.FS) && !has(CLONE.VFORK))
      return this.cloneThread(parent, cpu, req);
    if (has(CLONE.THREAD | CLONE.SIGHAND | CLONE.FS)) return fail(E.ENOSYS);

    // alloc_pid reads pid_max; copy_process counts the new thread and the fork
    m.kernelData(cpu, parent, 'pid_max', false);
    const pid = m.allocPid();
    const name = Processes.childName(parent, pid);

    // memory: a copy of every page the parent has, with the same map; with CLONE_VM (vfork, or clone(2)
    // with a stack of its own) the parent's memory itself, as a thread has it
    const mem = has(CLONE.VM) ? parent.mem : parent.mem.clone();
    const mm = has(CLONE.VM) ? parent.proc.mm : parent.proc.mm.clone(mem);
    const th = parent.thread.clone();
    th.setGpr(3, 0n);
    th.cr = th.cr & ~CR0_SO;
    th.msr &= ~MSR_SE;
    th.reservation = null;
    if (req.newsp !== 0n) th.setGpr(1, req.newsp);
    if (has(CLONE.SETTLS)) th.setGpr(13, req.tls);

    const pp = parent.proc;
    const proc = new ProcessState(pid, mm, pp.cwd, pp.exe);
    proc.fds = has(CLONE.FILES) ? pp.fds : pp.fds.clone();
    proc.umask = pp.umask;
    proc.rlimits = pp.rlimits.map((r) => ({ ...r }));
    proc.nice = pp.nice;
    // sched_reset_on_fork: a real-time policy becomes SCHED_OTHER in the child, and the flag is not inherited
    const rt = pp.sched.policy === 1 || pp.sched.policy === 2;
    proc.sched =
      pp.sched.resetOnFork && rt ? { policy: 0, priority: 0, resetOnFork: false } : { ...pp.sched, resetOnFork: false };
    const realParent = has(CLONE.PARENT) ? parent.parent : parent;
    proc.ppid = realParent ? realParent.pid : has(CLONE.PARENT) ? pp.ppid : parent.pid;
    proc.pgid = pp.pgid;
    proc.sid = pp.sid;
    proc.clearChildTid = has(CLONE.CHILD_CLEARTID) ? req.childTid : 0n;
    // futex_init_task: no robust list; rseq_fork: the registration is inherited (no CLONE_VM)
    proc.robustList = 0n;
    proc.robustListLen = 0n;
    proc.rseq = pp.rseq;
    proc.rseqLen = pp.rseqLen;
    proc.rseqSig = pp.rseqSig;

    const child = new Task(pid, name, parent.program, mem, th, false, parent.affinity, parent.stdin, proc);
    child.parent = realParent;
    child.exitSignal = exitSignal;
    child.sig = parent.sig.forkCopy();
    m.hw.addTask(pid, name);
    // thread.hw_brk is part of the copied thread struct; ptrace_bps are not (copy_thread)
    const phw = m.hw.thread(parent.pid);
    const chw = m.hw.thread(pid);
    if (phw && chw) phw.hwBrk.forEach((h, i) => (chw.hwBrk[i] = { ...h }));
    // perf events with attr.inherit: a copy counts for the child (its reservation may fail the fork)
    const inh = m.guestPerf.inherit(parent, child);
    if (inh !== 0) {
      m.hw.taskExit(pid);
      for (const fd of proc.fds.open()) proc.fds.close(fd);
      return fail(inh);
    }
    m.kernelData(cpu, parent, 'nr_threads', false);
    m.kernelData(cpu, parent, 'nr_threads', true);
    m.kernelData(cpu, parent, 'total_forks', false);
    m.kernelData(cpu, parent, 'total_forks', true);
    m.kernel.registerProcess(proc);
    // CLONE_CHILD_SETTID: in the child's memory (schedule_tail's put_user); CLONE_PARENT_SETTID: in the parent's
    if (has(CLONE.CHILD_SETTID)) {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, pid, true);
      mem.writeBytes(req.childTid, b);
    }
    if (has(CLONE.PARENT_SETTID)) {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, pid, true);
      m.copyToUser(cpu, parent, req.parentTid, b);
    }
    m.tasks.push(child);

    // ptrace: CLONE_PTRACE, or the tracer's PTRACE_O_TRACEFORK/VFORK/CLONE, traces the child too; it
    // starts with a SIGSTOP (ptrace_init_task); the parent reports the event to its tracer
    const tracer = parent.guestTracer;
    const vfork = has(CLONE.VFORK);
    const event = vfork ? PTRACE_EVENT.VFORK : exitSignal === SIGNALS.SIGCHLD ? PTRACE_EVENT.FORK : PTRACE_EVENT.CLONE;
    const option =
      event === PTRACE_EVENT.VFORK
        ? PTRACE_O.TRACEVFORK
        : event === PTRACE_EVENT.FORK
          ? PTRACE_O.TRACEFORK
          : PTRACE_O.TRACECLONE;
    const traceChild =
      tracer !== undefined && !has(CLONE.UNTRACED) && (has(CLONE.PTRACE) || (parent.ptraceOptions & option) !== 0);
    if (traceChild) {
      child.tracer = tracer;
      child.ptraceOptions = parent.ptraceOptions;
      child.seized = parent.seized;
      m.signals.send(child, SIGNALS.SIGSTOP, { signal: 'SIGSTOP', siCode: 'SI_USER', siAddr: 0n, pid: 0 });
      if ((parent.ptraceOptions & option) !== 0) {
        parent.ptraceMsg = BigInt(pid);
        m.signals.ptraceEventAfterSyscall(parent, event);
      }
    }
    m.sched.enqueue(child);
    return BigInt(pid);
  }

  /** copy_process for a thread (CLONE_THREAD with shared memory, files, fs and handlers): its tid. */
  private cloneThread(parent: Task, cpu: number, req: CloneRequest): bigint {
    const m = this.m;
    const has = (f: bigint) => (req.flags & f) !== 0n;
    const leader = parent.leader ?? parent;
    m.kernelData(cpu, parent, 'pid_max', false);
    const tid = m.allocPid();
    const name = `${leader.name}-t${tid}`;
    const th = parent.thread.clone();
    th.setGpr(3, 0n);
    th.cr = th.cr & ~CR0_SO;
    th.msr &= ~MSR_SE;
    th.reservation = null;
    if (req.newsp !== 0n) th.setGpr(1, req.newsp);
    if (has(CLONE.SETTLS)) th.setGpr(13, req.tls);
    // the process's kernel state, shared: the same descriptor table, memory map and limits under the
    // leader's pid; per thread: the rseq area, the robust list and clear_child_tid
    const pp = parent.proc;
    const proc = new ProcessState(pp.pid, pp.mm, pp.cwd, pp.exe);
    proc.fds = pp.fds;
    proc.rlimits = pp.rlimits;
    proc.umask = pp.umask;
    proc.ppid = pp.ppid;
    proc.pgid = pp.pgid;
    proc.sid = pp.sid;
    const child = new Task(tid, name, parent.program, parent.mem, th, false, parent.affinity, parent.stdin, proc);
    m.kernel.registerThread(pp.pid, tid, proc);
    child.leader = leader;
    child.parent = undefined;
    child.exitSignal = 0;
    child.sig = parent.sig.threadCopy();
    child.clearTid = has(CLONE.CHILD_CLEARTID) ? req.childTid : 0n;
    m.hw.addTask(tid, name);
    m.kernelData(cpu, parent, 'nr_threads', false);
    m.kernelData(cpu, parent, 'nr_threads', true);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, tid, true);
    if (has(CLONE.CHILD_SETTID)) parent.mem.writeBytes(req.childTid, b);
    if (has(CLONE.PARENT_SETTID)) m.copyToUser(cpu, parent, req.parentTid, b);
    m.tasks.push(child);
    m.sched.enqueue(child);
    return BigInt(tid);
  }

  /** The other live threads of `t`'s process (its leader included when `t` is not it). */
  threadsOf(t: Task): Task[] {
    const leader = t.leader ?? t;
    return this.m.tasks.filter((x) => x !== t && x.alive && (x === leader || x.leader === leader));
  }

  /** A thread that is not its process's leader ends (exit, or its group ending): mm_release writes 0 to
   * its clear_child_tid word and wakes one futex waiter there (pthread_join); it is reaped at once. */
  threadGone(t: Task): void {
    exitRobustList(t.proc.mm.mem, t.proc.robustList, t.pid);
    if (t.clearTid !== 0n) {
      const zero = new Uint8Array(4);
      if (t.mem.writeBytes(t.clearTid, zero)) futexWake(t.proc.mm.mem, t.clearTid, 1);
    }
    const e = this.extra.get(t);
    if (e) this.m.timers.remove(e.alarmTimer);
    this.reapThread(t);
  }

  private reapThread(t: Task): void {
    if (t.reaped) return;
    t.reaped = true;
    this.m.kernel.unregisterThread(t.proc.pid, t.pid);
    const i = this.m.tasks.indexOf(t);
    if (i >= 0) this.m.tasks.splice(i, 1);
  }

  /** The queue a vfork parent sleeps on, and whether the child still runs (has not exited). */
  vforkChild(pid: number): { queue: WaitQueue; running: boolean } {
    const c = this.m.taskByPid(pid);
    if (!c) return { queue: new WaitQueue(), running: false };
    return { queue: this.x(c).vforkDone, running: c.alive };
  }

  // ---- exit ----

  /**
   * do_exit after the task has stopped running (state exited or killed, off every CPU): its files
   * are closed, its timers cancelled, its tracees detached, its children given to init, and its
   * parent (and tracer) told.
   */
  exited(t: Task, cpu: number): void {
    const m = this.m;
    const e = this.x(t);
    m.timers.remove(e.alarmTimer);
    e.alarmTimer = undefined;
    t.alarm = undefined;
    for (const pt of e.posixTimers.values()) m.timers.remove(pt.timer);
    e.posixTimers.clear();
    // exit_mm's futex release: robust mutexes the thread still holds are marked FUTEX_OWNER_DIED
    exitRobustList(t.proc.mm.mem, t.proc.robustList, t.pid);
    // exit_files: the last descriptor of a pipe end wakes the other end; a perf event goes (a table
    // another process shares through CLONE_FILES stays open, as does memory shared by CLONE_VM)
    const others = m.tasks.filter((x) => x !== t && x.alive);
    if (!others.some((x) => x.proc.fds === t.proc.fds)) for (const fd of t.proc.fds.open()) t.proc.fds.close(fd);
    // exit_mm: System V shared memory attachments end (shm_nattch)
    if (!others.some((x) => x.proc.mm === t.proc.mm)) t.proc.mm.release();
    m.guestPerf.taskExited(t);
    m.kernelData(cpu, t, 'nr_threads', false);
    m.kernelData(cpu, t, 'nr_threads', true);
    e.vforkDone.wakeAll();
    // exit_ptrace: the tracees go free (PTRACE_O_EXITKILL kills them); a stopped one resumes and
    // gets the signal of its stop, as the tracer never decided otherwise
    for (const x of [...m.tasks]) {
      if (x.guestTracer !== t) continue;
      if ((x.ptraceOptions & PTRACE_O.EXITKILL) !== 0)
        m.signals.send(x, SIGNALS.SIGKILL, { signal: 'SIGKILL', siCode: 'SI_KERNEL', siAddr: 0n });
      this.untrace(x, x.state === 'stopped' && x.stopKind === 'ptrace' ? x.lastSiginfo?.signal : undefined);
    }
    // forget_original_parent: the children go to init, which reaps the zombies among them
    for (const c of [...m.tasks]) {
      if (c.parent !== t) continue;
      c.parent = undefined;
      c.proc.ppid = 1;
      if (!c.alive && !c.reaped && !c.guestTracer) this.reap(c);
    }
    this.notifyExit(t);
  }

  /** Stops tracing `x` (the tracer exited, detached, or collected its exit); a ptrace-stopped x resumes. */
  untrace(x: Task, deliver: string | undefined): void {
    const wasStopped = x.state === 'stopped' && x.stopKind === 'ptrace';
    x.tracer = undefined;
    x.ptraceOptions = 0;
    x.seized = false;
    x.stopReport = undefined;
    if (wasStopped && x.alive) this.m.resume(x, false, deliver);
  }

  /** exit_notify: the tracer (when it is not the parent) sees the exit first; the parent gets the
   * exit signal, or init-like reaping when it ignores SIGCHLD or set SA_NOCLDWAIT. */
  notifyExit(t: Task): void {
    const tracer = t.guestTracer;
    if (tracer && tracer !== t.parent && !t.exitSeenByTracer) {
      this.x(tracer).childWait.wakeAll();
      return;
    }
    const parent = t.parent;
    if (!parent) {
      // started from outside the machine: stays a zombie; or adopted by init: reaped at once
      if (!t.startedOutside) this.reap(t);
      return;
    }
    const a = parent.sig.action(SIGNALS.SIGCHLD);
    const autoreap = t.exitSignal === SIGNALS.SIGCHLD && (a.handler === SIG_IGN || (a.flags & SA_NOCLDWAIT) !== 0n);
    if (t.exitSignal !== 0 && !(autoreap && a.handler === SIG_IGN)) {
      const { code, status } = this.exitCode(t);
      this.m.signals.send(parent, t.exitSignal, {
        signal: signalName(t.exitSignal),
        siCode: code === CLD.EXITED ? 'CLD_EXITED' : 'CLD_KILLED',
        siAddr: 0n,
        pid: t.pid,
        status,
      });
    }
    this.x(parent).childWait.wakeAll();
    if (autoreap && !tracer) this.reap(t);
  }

  /** The exit as waitid sees it: CLD_EXITED and the code, or CLD_KILLED and the signal. */
  private exitCode(t: Task): { code: number; status: number; wstatus: number } {
    const s = t.lastStop;
    if (t.state === 'exited') {
      const c = (s?.exit_code ?? 0) & 0xff;
      return { code: CLD.EXITED, status: c, wstatus: c << 8 };
    }
    const signo = signalNumber(s?.signal ?? 'SIGKILL') ?? SIGNALS.SIGKILL;
    return { code: CLD.KILLED, status: signo, wstatus: signo };
  }

  /** release_task: the zombie is gone. */
  reap(t: Task): void {
    if (t.reaped) return;
    t.reaped = true;
    const i = this.m.tasks.indexOf(t);
    if (i >= 0) this.m.tasks.splice(i, 1);
    this.m.kernel.unregisterProcess(t.pid);
  }

  // ---- stops and continues, as the parent and the tracer are told ----

  /**
   * The task entered a stop: a ptrace stop is reported to a process tracer (CLD_TRAPPED), a group
   * stop of an untraced task to its parent (CLD_STOPPED, unless SA_NOCLDSTOP). `status` is the wait
   * status word.
   */
  stopped(t: Task, status: number): void {
    const tracer = t.guestTracer;
    const signo = (status >> 8) & 0x7f;
    if (tracer) {
      t.stopReport = status;
      this.cldstop(tracer, t, CLD.TRAPPED, signo);
    } else if (t.tracer === undefined && t.stopKind === 'group') {
      t.stopReport = status;
      if (t.parent) this.cldstop(t.parent, t, CLD.STOPPED, signo);
    }
  }

  /** A group-stopped task was continued (SIGCONT): its parent is told (CLD_CONTINUED). */
  continued(t: Task): void {
    t.stopReport = undefined;
    t.continuedReport = true;
    if (t.parent) this.cldstop(t.parent, t, CLD.CONTINUED, SIGNALS.SIGCONT);
  }

  /** do_notify_parent_cldstop: SIGCHLD unless ignored or SA_NOCLDSTOP, and the waiters woken. */
  private cldstop(to: Task, t: Task, code: number, status: number): void {
    const a = to.sig.action(SIGNALS.SIGCHLD);
    if (a.handler !== SIG_IGN && (a.flags & SA_NOCLDSTOP) === 0n) {
      const name = (
        ['', 'CLD_EXITED', 'CLD_KILLED', 'CLD_DUMPED', 'CLD_TRAPPED', 'CLD_STOPPED', 'CLD_CONTINUED'] as const
      )[code];
      this.m.signals.send(to, SIGNALS.SIGCHLD, { signal: 'SIGCHLD', siCode: name, siAddr: 0n, pid: t.pid, status });
    }
    this.x(to).childWait.wakeAll();
  }

  // ---- wait4 / waitid ----

  /** do_wait for `caller`: its children and its tracees, in creation order. */
  wait(caller: Task, idtype: 'all' | 'pid' | 'pgid', id: number, options: number): WaitOutcome {
    const pgid = idtype === 'pgid' && id === 0 ? caller.proc.pgid : id;
    const matches = (t: Task) => idtype === 'all' || (idtype === 'pid' ? t.pid === id : t.proc.pgid === pgid);
    const candidates: Array<{ t: Task; ptrace: boolean }> = [];
    for (const t of this.m.tasks) {
      if (t.reaped || !matches(t)) continue;
      const traced = t.guestTracer === caller;
      if (t.parent === caller && !traced) {
        // __WCLONE selects the children whose exit signal is not SIGCHLD; __WALL all of them
        const cloneChild = t.exitSignal !== SIGNALS.SIGCHLD;
        if (!(options & W.ALL) && cloneChild !== ((options & W.CLONE) !== 0)) continue;
        candidates.push({ t, ptrace: false });
      } else if (traced) candidates.push({ t, ptrace: true });
    }
    if (candidates.length === 0) return { kind: 'error', errno: E.ECHILD };
    const keep = (options & W.NOWAIT) !== 0;
    for (const { t, ptrace } of candidates) {
      if (!t.alive) {
        // a zombie: the tracer sees it first; the real parent once no one else traces it
        if (!(options & W.EXITED)) continue;
        if (!ptrace && t.guestTracer && !t.exitSeenByTracer) continue;
        const e = this.exitCode(t);
        const report = { pid: t.pid, status: e.wstatus, code: e.code, cldStatus: e.status };
        if (!keep) {
          if (ptrace && t.parent !== caller) {
            t.exitSeenByTracer = true;
            t.tracer = undefined;
            this.notifyExit(t);
          } else this.reap(t);
        }
        return { kind: 'report', report };
      }
      if (t.state === 'stopped' && t.stopReport !== undefined && (ptrace || options & W.STOPPED)) {
        const status = t.stopReport;
        if (!keep) t.stopReport = undefined;
        return {
          kind: 'report',
          report: { pid: t.pid, status, code: ptrace ? CLD.TRAPPED : CLD.STOPPED, cldStatus: (status >> 8) & 0xff },
        };
      }
      if (t.continuedReport && options & W.CONTINUED) {
        if (!keep) t.continuedReport = false;
        return {
          kind: 'report',
          report: { pid: t.pid, status: 0xffff, code: CLD.CONTINUED, cldStatus: SIGNALS.SIGCONT },
        };
      }
    }
    if (options & W.NOHANG) return { kind: 'nothing' };
    return { kind: 'block', queue: this.x(caller).childWait };
  }

  // ---- process groups and sessions ----

  private find(caller: Task, pid: number): Task | undefined {
    if (pid === 0) return caller;
    return this.m.tasks.find((t) => t.pid === pid && !t.reaped);
  }

  getpgid(caller: Task, pid: number): number {
    const t = this.find(caller, pid);
    return t ? t.proc.pgid : -E.ESRCH;
  }

  getsid(caller: Task, pid: number): number {
    const t = this.find(caller, pid);
    return t ? t.proc.sid : -E.ESRCH;
  }

  /** setpgid as kernel/sys.c checks it: the caller or a child of it, in its session, not a session
   * leader, and into a group of the same session (or a new group named after the process). */
  setpgid(caller: Task, pid: number, pgid: number): number {
    if (pgid < 0) return -E.EINVAL;
    const t = this.find(caller, pid);
    if (!t) return -E.ESRCH;
    const target = pgid === 0 ? t.pid : pgid;
    if (t !== caller) {
      if (t.parent !== caller) return -E.ESRCH;
      if (t.proc.sid !== caller.proc.sid) return -E.EPERM;
    }
    if (t.proc.sid === t.pid) return -E.EPERM;
    if (
      target !== t.pid &&
      !this.m.tasks.some((x) => !x.reaped && x.proc.pgid === target && x.proc.sid === caller.proc.sid)
    )
      return -E.EPERM;
    t.proc.pgid = target;
    return 0;
  }

  // ---- interval timers ----

  /** setitimer/getitimer: the previous setting; ITIMER_REAL fires SIGALRM (and re-arms with its
   * interval), ITIMER_VIRTUAL and ITIMER_PROF are kept but never fire (not modelled). */
  itimer(t: Task, which: number, next: ItimerValue | undefined): ItimerValue {
    const e = this.x(t);
    if (which !== 0) {
      const old = e.cpuTimers.get(which) ?? { valueNs: 0n, intervalNs: 0n };
      if (next) e.cpuTimers.set(which, next);
      return old;
    }
    const now = this.m.kernel.clock.monotonicNs();
    const old = t.alarm
      ? { valueNs: t.alarm.atNs > now ? t.alarm.atNs - now : 1n, intervalNs: t.alarm.intervalNs }
      : { valueNs: 0n, intervalNs: 0n };
    if (next) {
      this.m.timers.remove(e.alarmTimer);
      e.alarmTimer = undefined;
      t.alarm = undefined;
      if (next.valueNs > 0n) this.armAlarm(t, now + next.valueNs, next.intervalNs);
    }
    return old;
  }

  // ---- POSIX timers (timer_create, timer_settime, timer_gettime, timer_getoverrun, timer_delete) ----
  // Kept by the process (its leader); every clock runs as CLOCK_MONOTONIC here (the CPU-time clocks
  // too: time advances with the instructions run). Expiry sends the signal with SI_TIMER, si_timerid
  // and sigev_value; SIGEV_THREAD_ID sends it to that thread; SIGEV_NONE sends nothing.

  /** `ev` undefined (a NULL sevp): SIGEV_SIGNAL with SIGALRM and the timer's id as sigev_value */
  timerCreate(t: Task, clock: number, evIn: TimerEvent | undefined): number {
    if (![0, 1, 2, 3, 4, 7].includes(clock)) return -E.EINVAL;
    const timers = this.x(t.leader ?? t).posixTimers;
    let id = 0;
    while (timers.has(id)) id++;
    const ev = evIn ?? { notify: 0, signo: SIGNALS.SIGALRM, value: BigInt(id), tid: 0 };
    if (ev.notify !== 0 && ev.notify !== 1 && ev.notify !== 4) return -E.EINVAL;
    if (ev.notify !== 1 && (ev.signo < 1 || ev.signo > 64)) return -E.EINVAL;
    if (
      ev.notify === 4 &&
      !this.m.tasks.some((x) => x.pid === ev.tid && (x.leader ?? x) === (t.leader ?? t) && x.alive)
    )
      return -E.EINVAL;
    timers.set(id, { ev, timer: undefined, atNs: 0n, intervalNs: 0n, overrun: 0 });
    return id;
  }

  timerSet(t: Task, id: number, next: ItimerValue | undefined): ItimerValue | number {
    const pt = this.x(t.leader ?? t).posixTimers.get(id);
    if (!pt) return -E.EINVAL;
    const now = this.m.kernel.clock.monotonicNs();
    const old = { valueNs: pt.timer ? (pt.atNs > now ? pt.atNs - now : 1n) : 0n, intervalNs: pt.intervalNs };
    if (next) {
      this.m.timers.remove(pt.timer);
      pt.timer = undefined;
      pt.intervalNs = next.intervalNs;
      if (next.valueNs > 0n) this.armPosix(t.leader ?? t, pt, now + next.valueNs);
    }
    return old;
  }

  timerDelete(t: Task, id: number): number {
    const timers = this.x(t.leader ?? t).posixTimers;
    const pt = timers.get(id);
    if (!pt) return -E.EINVAL;
    this.m.timers.remove(pt.timer);
    timers.delete(id);
    return 0;
  }

  timerOverrun(t: Task, id: number): number {
    const pt = this.x(t.leader ?? t).posixTimers.get(id);
    return pt ? pt.overrun : -E.EINVAL;
  }

  private armPosix(owner: Task, pt: PosixTimer, atNs: bigint): void {
    pt.atNs = atNs;
    pt.timer = this.m.timers.add(atNs, () => {
      pt.timer = undefined;
      if (!owner.alive) return;
      const id = [...this.x(owner).posixTimers].find(([, v]) => v === pt)?.[0];
      if (id === undefined) return;
      if (pt.ev.notify !== 1) {
        const to = pt.ev.notify === 4 ? this.m.tasks.find((x) => x.pid === pt.ev.tid && x.alive) : owner;
        if (to)
          this.m.signals.send(to, pt.ev.signo, {
            signal: signalName(pt.ev.signo),
            siCode: 'SI_TIMER',
            siAddr: 0n,
            pid: id,
            value: pt.ev.value,
          });
      }
      if (pt.intervalNs > 0n) {
        const now = this.m.kernel.clock.monotonicNs();
        let next = atNs + pt.intervalNs;
        if (next <= now) {
          const missed = (now - next) / pt.intervalNs + 1n;
          pt.overrun = Number(missed);
          next += missed * pt.intervalNs;
        } else pt.overrun = 0;
        this.armPosix(owner, pt, next);
      }
    });
  }

  private armAlarm(t: Task, atNs: bigint, intervalNs: bigint): void {
    const e = this.x(t);
    t.alarm = { atNs, intervalNs };
    e.alarmTimer = this.m.timers.add(atNs, () => {
      e.alarmTimer = undefined;
      t.alarm = undefined;
      if (!t.alive) return;
      this.m.signals.send(t, SIGNALS.SIGALRM, { signal: 'SIGALRM', siCode: 'SI_KERNEL', siAddr: 0n });
      if (intervalNs > 0n) {
        // hrtimer_forward: the next expiry after now, missed periods skipped
        const now = this.m.kernel.clock.monotonicNs();
        let next = atNs + intervalNs;
        if (next <= now) next += ((now - next) / intervalNs + 1n) * intervalNs;
        this.armAlarm(t, next, intervalNs);
      }
    });
  }
}

function fail(errno: number): bigint {
  return BigInt(-errno);
}

export { NS };
