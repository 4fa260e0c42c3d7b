// Process lifetime calls: fork/vfork/clone, exit and exit_group, wait4/waitid, giving up the CPU,
// futex, pause, the interval timers (alarm, setitimer, getitimer) and restart_syscall. What a
// process is (its parent, its children, their states) is the machine's (sim/machine/processes.ts);
// these handlers read and write the user structures and sleep where Linux sleeps.
import { E } from '../errno';
import { WaitQueue, type SleepRequest } from '../wait-queue';
import {
  fail,
  type ItimerValue,
  type SyscallContext,
  type SyscallDef,
  type TimerEvent,
  type WaitReport,
} from './context';
import { readItimerspec, itimerspecBytes } from './itimerspec';
import { sleepUntil } from './time';
import { registerSideTable } from '../../side-tables';

const NS = 1_000_000_000n;
const int = (v: bigint) => Number(BigInt.asIntN(32, v));

/** exit: this thread ends (the whole process when it is the only one) */
function sysExit(ctx: SyscallContext): bigint {
  ctx.exit(Number(ctx.arg(0) & 0xffn));
  return 0n;
}

/** exit_group: every thread of the process ends */
function sysExitGroup(ctx: SyscallContext): bigint {
  ctx.exit(Number(ctx.arg(0) & 0xffn), true);
  return 0n;
}

function sysSchedYield(ctx: SyscallContext): bigint {
  ctx.yieldCpu();
  return 0n;
}

// ---- fork, vfork, clone ----

export const CLONE = {
  VM: 0x100n,
  FS: 0x200n,
  FILES: 0x400n,
  SIGHAND: 0x800n,
  PIDFD: 0x1000n,
  PTRACE: 0x2000n,
  VFORK: 0x4000n,
  PARENT: 0x8000n,
  THREAD: 0x10000n,
  NEWNS: 0x20000n,
  SYSVSEM: 0x40000n,
  SETTLS: 0x80000n,
  PARENT_SETTID: 0x100000n,
  CHILD_CLEARTID: 0x200000n,
  DETACHED: 0x400000n,
  UNTRACED: 0x800000n,
  CHILD_SETTID: 0x1000000n,
  NEWCGROUP: 0x2000000n,
  NEWUTS: 0x4000000n,
  NEWIPC: 0x8000000n,
  NEWUSER: 0x10000000n,
  NEWPID: 0x20000000n,
  NEWNET: 0x40000000n,
  IO: 0x80000000n,
} as const;
const SIGCHLD = 17n;

/**
 * clone(flags, newsp, parent_tid, tls, child_tid) in powerpc's argument order (CONFIG_CLONE_BACKWARDS;
 * glibc's fork passes CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD and the thread's tid
 * field as child_tid). A vfork (CLONE_VFORK) parent sleeps until its child exits.
 */
function doClone(
  ctx: SyscallContext,
  flags: bigint,
  newsp: bigint,
  parentTid: bigint,
  tls: bigint,
  childTid: bigint,
): bigint {
  if (!ctx.process) return fail(E.ENOSYS);
  const vfork = (flags & CLONE.VFORK) !== 0n;
  const resumed = ctx.resumed?.data as { vforkChild?: number } | undefined;
  let pid: number;
  if (resumed?.vforkChild !== undefined) pid = resumed.vforkChild;
  else {
    const r = ctx.process.clone({ flags, newsp, parentTid, tls, childTid });
    if (r < 0n || !vfork) return r;
    pid = Number(r);
  }
  // wait_for_vfork_done: only the child's exit (or exec) ends it; signals do not
  const v = ctx.process.vforkChild(pid);
  if (!v.running || !ctx.block) return BigInt(pid);
  return ctx.block({ why: `vfork (child ${pid})`, queues: [v.queue], data: { vforkChild: pid } });
}

const sysClone = (ctx: SyscallContext) => doClone(ctx, ctx.arg(0), ctx.arg(1), ctx.arg(2), ctx.arg(3), ctx.arg(4));
const sysFork = (ctx: SyscallContext) => doClone(ctx, SIGCHLD, 0n, 0n, 0n, 0n);
const sysVfork = (ctx: SyscallContext) => doClone(ctx, CLONE.VFORK | CLONE.VM | SIGCHLD, 0n, 0n, 0n, 0n);

// ---- wait4, waitid ----

export const W = {
  NOHANG: 1,
  UNTRACED: 2,
  STOPPED: 2,
  EXITED: 4,
  CONTINUED: 8,
  NOWAIT: 0x01000000,
  NOTHREAD: 0x20000000,
  ALL: 0x40000000,
  CLONE: 0x80000000,
} as const;

/** do_wait's loop: a report, nothing (WNOHANG), ECHILD, or a sleep until a child changes state. */
function waitFor(
  ctx: SyscallContext,
  idtype: 'all' | 'pid' | 'pgid',
  id: number,
  options: number,
  why: string,
): WaitReport | bigint | undefined {
  const p = ctx.process!;
  const r = p.wait(idtype, id, options);
  switch (r.kind) {
    case 'report':
      return r.report;
    case 'nothing':
      return undefined;
    case 'error':
      return fail(r.errno);
    case 'block':
      if (ctx.signalPending?.()) return fail(E.ERESTARTSYS);
      if (!ctx.block) return fail(E.ECHILD);
      return ctx.block({ why, queues: [r.queue] });
  }
}

/** struct rusage: the times are not counted per process here (zeros) */
const RUSAGE_SIZE = 144;

function sysWait4(ctx: SyscallContext): bigint {
  if (!ctx.process) return fail(E.ENOSYS);
  const upid = int(ctx.arg(0));
  const statusAddr = ctx.arg(1);
  const options = int(ctx.arg(2)) >>> 0;
  const ru = ctx.arg(3);
  if (options & ~(W.NOHANG | W.UNTRACED | W.CONTINUED | W.NOTHREAD | W.CLONE | W.ALL)) return fail(E.EINVAL);
  // INT_MIN would be -INT_MIN as a process group
  if (upid === -0x80000000) return fail(E.ESRCH);
  const idtype = upid === -1 ? 'all' : upid < 0 || upid === 0 ? 'pgid' : 'pid';
  const id = upid < -1 ? -upid : upid === 0 ? 0 : upid;
  const r = waitFor(ctx, idtype, id, options | W.EXITED, 'wait4');
  if (typeof r === 'bigint') return r;
  if (r === undefined) return 0n;
  if (statusAddr !== 0n) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, r.status, true);
    if (!ctx.copyToUser(statusAddr, b)) return fail(E.EFAULT);
  }
  if (ru !== 0n && !ctx.copyToUser(ru, new Uint8Array(RUSAGE_SIZE))) return fail(E.EFAULT);
  return BigInt(r.pid);
}

const P = { ALL: 0, PID: 1, PGID: 2, PIDFD: 3 } as const;

function sysWaitid(ctx: SyscallContext): bigint {
  if (!ctx.process) return fail(E.ENOSYS);
  const which = int(ctx.arg(0));
  const upid = int(ctx.arg(1));
  const infop = ctx.arg(2);
  const options = int(ctx.arg(3)) >>> 0;
  const ru = ctx.arg(4);
  if (options & ~(W.NOHANG | W.NOWAIT | W.EXITED | W.STOPPED | W.CONTINUED | W.NOTHREAD | W.CLONE | W.ALL))
    return fail(E.EINVAL);
  if (!(options & (W.EXITED | W.STOPPED | W.CONTINUED))) return fail(E.EINVAL);
  let idtype: 'all' | 'pid' | 'pgid';
  let id = 0;
  switch (which) {
    case P.ALL:
      idtype = 'all';
      break;
    case P.PID:
      if (upid <= 0) return fail(E.EINVAL);
      idtype = 'pid';
      id = upid;
      break;
    case P.PGID:
      if (upid < 0) return fail(E.EINVAL);
      idtype = 'pgid';
      id = upid;
      break;
    default:
      // P_PIDFD: no pidfds here
      return fail(E.EINVAL);
  }
  const r = waitFor(ctx, idtype, id, options, 'waitid');
  if (typeof r === 'bigint') return r;
  if (infop !== 0n) {
    // with WNOHANG and nothing to report the whole siginfo is zero
    const out = new Uint8Array(128);
    if (r) {
      const dv = new DataView(out.buffer);
      dv.setInt32(0, 17, true); // SIGCHLD
      dv.setInt32(8, r.code, true);
      dv.setInt32(16, r.pid, true);
      dv.setUint32(20, 0, true);
      dv.setInt32(24, r.cldStatus, true);
    }
    if (!ctx.copyToUser(infop, out)) return fail(E.EFAULT);
  }
  if (ru !== 0n && !ctx.copyToUser(ru, new Uint8Array(RUSAGE_SIZE))) return fail(E.EFAULT);
  return 0n;
}

// ---- futex ----

/** The futex hash: waiters by the page their word lives in and its offset (a shared page is one key
 * for every process mapping it; a private page belongs to one process). */
// keyed by the page's bytes: the mappings of shared memory in several processes are one futex
const futexQueues = new WeakMap<object, Map<number, WaitQueue>>();
registerSideTable(futexQueues);
function futexQueue(page: { bytes: Uint8Array }, off: number): WaitQueue {
  let m = futexQueues.get(page.bytes);
  if (!m) futexQueues.set(page.bytes, (m = new Map()));
  let q = m.get(off);
  if (!q) m.set(off, (q = new WaitQueue()));
  return q;
}

/** FUTEX_WAKE of up to `n` waiters on the word at `uaddr` of a memory (a thread's clear_child_tid
 * at its exit, mm_release): the number woken. */
export function futexWake(
  mem: { page(n: number): { bytes: Uint8Array } | undefined },
  uaddr: bigint,
  n: number,
): number {
  const page = mem.page(Number((uaddr & 0xffffffffffffffffn) >> 12n));
  if (!page) return 0;
  return futexQueue(page, Number(uaddr & 0xfffn)).wakeSome(n, (req) => {
    (req.data as FutexWait).woken = true;
    return true;
  });
}

/** The memory exitRobustList reads and writes (an AddressSpace). */
interface RobustMemory {
  page(n: number): { bytes: Uint8Array } | undefined;
  read(addr: bigint, size: 4 | 8): bigint | undefined;
  write(addr: bigint, size: 4, value: bigint): boolean;
}

const FUTEX_WAITERS = 0x80000000n;
const FUTEX_OWNER_DIED = 0x40000000n;
const FUTEX_TID_MASK = 0x3fffffffn;
/** ROBUST_LIST_LIMIT: a list longer than this (or a loop) is not walked further */
const ROBUST_LIST_LIMIT = 2048;

/**
 * exit_robust_list: a thread ends holding robust mutexes. For each entry of the list it registered
 * with set_robust_list (struct robust_list_head: next +0, futex_offset +8, list_op_pending +16), a
 * futex word still holding the thread's tid gets FUTEX_OWNER_DIED (keeping FUTEX_WAITERS), and one
 * waiter is woken: the next pthread_mutex_lock returns EOWNERDEAD. The low bit of an entry marks a PI
 * futex (masked off).
 */
export function exitRobustList(mem: RobustMemory, head: bigint, tid: number): void {
  if (head === 0n) return;
  const offset = mem.read(head + 8n, 8);
  const pending = mem.read(head + 16n, 8);
  if (offset === undefined || pending === undefined) return;
  const off = BigInt.asIntN(64, offset);
  const death = (entry: bigint, pendingOp: boolean) => {
    const uaddr = (entry & ~1n) + off;
    const val = mem.read(uaddr, 4);
    if (val === undefined) return;
    // a pending lock that never got the word: wake a waiter so that it retries (handle_futex_death)
    if (pendingOp && val === 0n) {
      futexWake(mem, uaddr, 1);
      return;
    }
    if ((val & FUTEX_TID_MASK) !== BigInt(tid)) return;
    mem.write(uaddr, 4, (val & FUTEX_WAITERS) | FUTEX_OWNER_DIED);
    if (val & FUTEX_WAITERS) futexWake(mem, uaddr, 1);
  };
  let entry = mem.read(head, 8);
  for (let n = 0; entry !== undefined && entry !== head && n < ROBUST_LIST_LIMIT; n++) {
    const next = mem.read(entry & ~1n, 8);
    if (entry !== pending) death(entry, false);
    entry = next;
  }
  if (pending !== 0n) death(pending, true);
}

interface FutexWait {
  bitset: number;
  woken: boolean;
  deadlineNs?: bigint;
}

/**
 * futex: FUTEX_WAIT / FUTEX_WAIT_BITSET sleep while the word holds the expected value, until a
 * FUTEX_WAKE / FUTEX_WAKE_BITSET on the same word (any process sharing the page), the timeout
 * (ETIMEDOUT), or a signal (-ERESTARTSYS, or EINTR after a timeout: restart_syscall resumes it).
 * FUTEX_WAIT's timeout is relative (CLOCK_MONOTONIC), FUTEX_WAIT_BITSET's absolute (CLOCK_MONOTONIC,
 * or CLOCK_REALTIME with FUTEX_CLOCK_REALTIME). Other operations (requeue, PI, wake_op) are ENOSYS.
 */
function sysFutex(ctx: SyscallContext): bigint {
  const uaddr = ctx.arg(0);
  const cmd = Number(ctx.arg(1) & 0x7fn); // without FUTEX_PRIVATE_FLAG (128), FUTEX_CLOCK_REALTIME (256)
  const realtime = (ctx.arg(1) & 256n) !== 0n;
  const WAIT = 0;
  const WAKE = 1;
  const WAIT_BITSET = 9;
  const WAKE_BITSET = 10;
  if (cmd !== WAIT && cmd !== WAKE && cmd !== WAIT_BITSET && cmd !== WAKE_BITSET) return fail(E.ENOSYS);
  if (realtime && cmd !== WAIT && cmd !== WAIT_BITSET) return fail(E.ENOSYS);
  const resumed = ctx.resumed?.data as FutexWait | undefined;
  const c = ctx.kernel.clock;
  if (resumed) {
    // after a wake-up: woken by FUTEX_WAKE, timed out, or a signal
    if (resumed.woken) return 0n;
    if (resumed.deadlineNs !== undefined && c.monotonicNs() >= resumed.deadlineNs) return fail(E.ETIMEDOUT);
    if (ctx.signalPending?.()) {
      if (resumed.deadlineNs === undefined) return fail(E.ERESTARTSYS);
      ctx.setRestartBlock?.({
        kind: 'futex',
        data: { uaddr, op: ctx.arg(1), val: ctx.arg(2), bitset: resumed.bitset, deadlineNs: resumed.deadlineNs },
      });
      return fail(E.ERESTART_RESTARTBLOCK);
    }
    return futexSleep(ctx, uaddr, resumed);
  }
  // the timeout is read and checked first (sys_futex), then the address (get_futex_key)
  let timeout: bigint | undefined;
  if ((cmd === WAIT || cmd === WAIT_BITSET) && ctx.arg(3) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(3), 16);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 16);
    const s = dv.getBigInt64(0, true);
    const ns = dv.getBigInt64(8, true);
    if (s < 0n || ns < 0n || ns >= NS) return fail(E.EINVAL);
    timeout = s * NS + ns;
  }
  const bitset = cmd === WAIT_BITSET || cmd === WAKE_BITSET ? Number(ctx.arg(5) & 0xffffffffn) : 0xffffffff;
  if (bitset === 0) return fail(E.EINVAL);
  if (uaddr % 4n !== 0n) return fail(E.EINVAL);
  const page = ctx.proc.mm.mem.page(Number((uaddr & 0xffffffffffffffffn) >> 12n));
  if (cmd === WAKE || cmd === WAKE_BITSET) {
    if (!page) return fail(E.EFAULT);
    const n = Number(BigInt.asIntN(32, ctx.arg(2)));
    const woken = futexQueue(page, Number(uaddr & 0xfffn)).wakeSome(n <= 0 ? 0 : n, (req) => {
      const w = req.data as FutexWait;
      if ((w.bitset & bitset) === 0) return false;
      w.woken = true;
      return true;
    });
    return BigInt(woken);
  }
  const b = ctx.copyFromUser(uaddr, 4);
  if (!b) return fail(E.EFAULT);
  const v = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
  if (v !== Number(ctx.arg(2) & 0xffffffffn)) return fail(E.EAGAIN);
  // the deadline on CLOCK_MONOTONIC
  const deadline =
    timeout === undefined
      ? undefined
      : cmd === WAIT
        ? c.monotonicNs() + timeout
        : realtime
          ? timeout - (c.realtimeNs() - c.monotonicNs())
          : timeout;
  if (deadline !== undefined && c.monotonicNs() >= deadline) return fail(E.ETIMEDOUT);
  if (!ctx.block) {
    // a host running one call alone: a timed wait passes its time, an untimed one could never end
    if (deadline === undefined) return fail(E.ENOSYS);
    c.advanceToMonotonic(deadline);
    return fail(E.ETIMEDOUT);
  }
  return futexSleep(ctx, uaddr, { bitset, woken: false, deadlineNs: deadline });
}

function futexSleep(ctx: SyscallContext, uaddr: bigint, w: FutexWait): bigint {
  const page = ctx.proc.mm.mem.page(Number((uaddr & 0xffffffffffffffffn) >> 12n));
  if (!page) return fail(E.EFAULT);
  const req: SleepRequest = {
    why: 'futex',
    queues: [futexQueue(page, Number(uaddr & 0xfffn))],
    deadlineNs: w.deadlineNs,
    data: w,
  };
  return ctx.block!(req);
}

// ---- pause, timers, restart_syscall ----

/** pause: sleeps until a signal is delivered (-ERESTARTNOHAND: EINTR after a handler, restarted if none runs) */
function sysPause(ctx: SyscallContext): bigint {
  if (!ctx.block) return fail(E.ENOSYS);
  if (ctx.signalPending?.()) return fail(E.ERESTARTNOHAND);
  return ctx.block({ why: 'pause' });
}

const ITIMER_REAL = 0;
const ITIMER_PROF = 2;

/** struct itimerval: it_interval then it_value, each a struct timeval (seconds, microseconds) */
function itimervalBytes(v: ItimerValue): Uint8Array {
  const out = new Uint8Array(32);
  const dv = new DataView(out.buffer);
  const tv = (off: number, ns: bigint) => {
    // a running timer never shows 0: the kernel rounds its remaining time up to a microsecond
    const us = (ns + 999n) / 1000n;
    dv.setBigInt64(off, us / 1_000_000n, true);
    dv.setBigInt64(off + 8, us % 1_000_000n, true);
  };
  tv(0, v.intervalNs);
  tv(16, v.valueNs);
  return out;
}

function sysGetitimer(ctx: SyscallContext): bigint {
  if (!ctx.process) return fail(E.ENOSYS);
  const which = int(ctx.arg(0));
  if (which < ITIMER_REAL || which > ITIMER_PROF) return fail(E.EINVAL);
  const r = ctx.process.itimer(which, undefined);
  if (typeof r === 'number') return fail(r);
  return ctx.copyToUser(ctx.arg(1), itimervalBytes(r)) ? 0n : fail(E.EFAULT);
}

function sysSetitimer(ctx: SyscallContext): bigint {
  if (!ctx.process) return fail(E.ENOSYS);
  const which = int(ctx.arg(0));
  let next: ItimerValue = { valueNs: 0n, intervalNs: 0n };
  if (ctx.arg(1) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(1), 32);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 32);
    const tv = (off: number): bigint | undefined => {
      const s = dv.getBigInt64(off, true);
      const us = dv.getBigInt64(off + 8, true);
      return s < 0n || us < 0n || us >= 1_000_000n ? undefined : s * NS + us * 1000n;
    };
    const interval = tv(0);
    const value = tv(16);
    if (interval === undefined || value === undefined) return fail(E.EINVAL);
    next = { intervalNs: interval, valueNs: value };
  }
  if (which < ITIMER_REAL || which > ITIMER_PROF) return fail(E.EINVAL);
  const r = ctx.process.itimer(which, next);
  if (typeof r === 'number') return fail(r);
  if (ctx.arg(2) !== 0n && !ctx.copyToUser(ctx.arg(2), itimervalBytes(r))) return fail(E.EFAULT);
  return 0n;
}

// ---- POSIX timers ----

/** timer_create(clockid, sevp, timerid): sevp NULL is SIGEV_SIGNAL with SIGALRM and the id as value */
function sysTimerCreate(ctx: SyscallContext): bigint {
  const p = ctx.process;
  if (!p?.timerCreate) return fail(E.ENOSYS);
  let ev: TimerEvent | undefined;
  if (ctx.arg(1) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(1), 64);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 64);
    ev = {
      value: dv.getBigUint64(0, true),
      signo: dv.getInt32(8, true),
      notify: dv.getInt32(12, true),
      tid: dv.getInt32(16, true),
    };
  }
  const id = p.timerCreate(int(ctx.arg(0)), ev);
  if (id < 0) return fail(-id);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, id, true);
  if (!ctx.copyToUser(ctx.arg(2), out)) {
    p.timerDelete?.(id);
    return fail(E.EFAULT);
  }
  return 0n;
}

/** timer_settime(id, flags, new, old): with TIMER_ABSTIME (1) it_value is a time on the timer's clock,
 * read here on CLOCK_MONOTONIC (every timer runs on it; the simplification is named in processes.ts) */
function sysTimerSettime(ctx: SyscallContext): bigint {
  const p = ctx.process;
  if (!p?.timerSet) return fail(E.ENOSYS);
  const v = readItimerspec(ctx, ctx.arg(2));
  if (typeof v === 'number') return fail(v);
  if (v === undefined) return fail(E.EINVAL);
  if (int(ctx.arg(1)) & 1 && v.valueNs > 0n) {
    const now = ctx.kernel.clock.monotonicNs();
    v.valueNs = v.valueNs > now ? v.valueNs - now : 1n;
  }
  const r = p.timerSet(int(ctx.arg(0)), v);
  if (typeof r === 'number') return fail(-r);
  if (ctx.arg(3) !== 0n && !ctx.copyToUser(ctx.arg(3), itimerspecBytes(r))) return fail(E.EFAULT);
  return 0n;
}

function sysTimerGettime(ctx: SyscallContext): bigint {
  const p = ctx.process;
  if (!p?.timerSet) return fail(E.ENOSYS);
  const r = p.timerSet(int(ctx.arg(0)), undefined);
  if (typeof r === 'number') return fail(-r);
  return ctx.copyToUser(ctx.arg(1), itimerspecBytes(r)) ? 0n : fail(E.EFAULT);
}

function sysTimerGetoverrun(ctx: SyscallContext): bigint {
  const r = ctx.process?.timerOverrun?.(int(ctx.arg(0)));
  if (r === undefined) return fail(E.ENOSYS);
  return r < 0 ? fail(-r) : BigInt(r);
}

function sysTimerDelete(ctx: SyscallContext): bigint {
  const r = ctx.process?.timerDelete?.(int(ctx.arg(0)));
  if (r === undefined) return fail(E.ENOSYS);
  return r < 0 ? fail(-r) : 0n;
}

/** alarm(seconds): ITIMER_REAL without interval; the seconds that were left (rounded as alarm_setitimer) */
function sysAlarm(ctx: SyscallContext): bigint {
  if (!ctx.process) return fail(E.ENOSYS);
  const secs = ctx.arg(0) & 0xffffffffn;
  const r = ctx.process.itimer(ITIMER_REAL, { valueNs: secs * NS, intervalNs: 0n });
  if (typeof r === 'number') return fail(r);
  const us = (r.valueNs + 999n) / 1000n;
  let left = us / 1_000_000n;
  // a remainder of half a second or more, or any remainder of less than a second, counts as one
  if ((left === 0n && us % 1_000_000n !== 0n) || us % 1_000_000n >= 500_000n) left++;
  return left;
}

/** restart_syscall: resumes what an interrupted call left (nanosleep, a timed futex wait); -EINTR with nothing */
function sysRestartSyscall(ctx: SyscallContext): bigint {
  const b = ctx.resumed
    ? (ctx.resumed.data as { restart?: ReturnType<NonNullable<SyscallContext['takeRestartBlock']>> })?.restart
    : ctx.takeRestartBlock?.();
  if (!b) return fail(E.EINTR);
  if (b.kind === 'nanosleep') return sleepUntil(ctx, b.deadlineNs, b.rmtp, b.absolute, { restart: b });
  // a timed futex wait goes on to its deadline
  const f = b.data as { uaddr: bigint; bitset: number; deadlineNs: bigint };
  if (ctx.resumed) {
    const w = ctx.resumed.data as FutexWait & { restart: unknown };
    if (w.woken) return 0n;
    if (ctx.kernel.clock.monotonicNs() >= f.deadlineNs) return fail(E.ETIMEDOUT);
    if (ctx.signalPending?.()) {
      ctx.setRestartBlock?.(b);
      return fail(E.ERESTART_RESTARTBLOCK);
    }
    return futexSleepRestart(ctx, f.uaddr, w);
  }
  return futexSleepRestart(ctx, f.uaddr, {
    bitset: f.bitset,
    woken: false,
    deadlineNs: f.deadlineNs,
    restart: b,
  } as FutexWait & { restart: unknown });
}

function futexSleepRestart(ctx: SyscallContext, uaddr: bigint, w: FutexWait): bigint {
  if (!ctx.block) return fail(E.EINTR);
  return futexSleep(ctx, uaddr, w);
}

export const PROCESS_SYSCALLS: readonly SyscallDef[] = [
  [0, 'restart_syscall', sysRestartSyscall],
  [1, 'exit', sysExit],
  [2, 'fork', sysFork],
  [27, 'alarm', sysAlarm],
  [29, 'pause', sysPause],
  [104, 'setitimer', sysSetitimer],
  [105, 'getitimer', sysGetitimer],
  [114, 'wait4', sysWait4],
  [120, 'clone', sysClone],
  [158, 'sched_yield', sysSchedYield],
  [189, 'vfork', sysVfork],
  [221, 'futex', sysFutex],
  [234, 'exit_group', sysExitGroup],
  [240, 'timer_create', sysTimerCreate],
  [241, 'timer_settime', sysTimerSettime],
  [242, 'timer_gettime', sysTimerGettime],
  [243, 'timer_getoverrun', sysTimerGetoverrun],
  [244, 'timer_delete', sysTimerDelete],
  [272, 'waitid', sysWaitid],
];
