// Event descriptors: eventfd (a counter other tasks add to) and epoll (an interest list of
// descriptors and the ones ready now), as fs/eventfd.c and fs/eventpoll.c answer them. epoll asks
// each watched file for its poll mask (poll.ts) and sleeps on their wait queues. Level-triggered
// items report while ready; an EPOLLET item reports when ready after a wake-up of its file since it
// last reported (new data, a new writer...); EPOLLONESHOT disarms an item once reported. An item
// goes when its open file description is released (every descriptor of it closed).
// struct epoll_event is 16 bytes on ppc64 (u32 events, 4 bytes of padding, u64 data: packed only on x86-64).
import { E } from '../errno';
import { EventfdInode, EventInode } from '../vfs/event-inode';
import { FileInode, GeneratedInode } from '../vfs/inode';
import { SignalfdInode } from '../vfs/signalfd';
import { TimerfdInode } from '../vfs/timerfd';
import { O, OpenFile } from '../vfs/open-file';
import type { WaitQueue } from '../wait-queue';
import { fail, type SyscallContext, type SyscallDef } from './context';
import { itimerspecBytes, readItimerspec } from './itimerspec';
import { pollMask } from './poll';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
const EPOLL = {
  IN: 0x1,
  OUT: 0x4,
  ERR: 0x8,
  HUP: 0x10,
  RDHUP: 0x2000,
  EXCLUSIVE: 1 << 28,
  WAKEUP: 1 << 29,
  ONESHOT: 1 << 30,
  ET: 1 << 31,
} as const;
const CTL = { ADD: 1, DEL: 2, MOD: 3 } as const;
/** EP_MAX_EVENTS: INT_MAX / sizeof(struct epoll_event) */
const MAX_EVENTS = Math.floor(0x7fffffff / 16);

interface Item {
  fd: number;
  file: OpenFile;
  events: number;
  data: bigint;
  /** EPOLLONESHOT reported: nothing more until EPOLL_CTL_MOD */
  disarmed: boolean;
  /** the file's wake-ups when the item last reported (EPOLLET) */
  seen: number;
}

const wakeups = (qs: WaitQueue[]) => qs.reduce((n, q) => n + q.generation, 0);

export class EpollInode extends EventInode {
  readonly kind = 'anon_inode:[eventpoll]';
  readonly items = new Map<number, Item>();

  /** items whose file is closed everywhere are dropped (ep_remove at the file's release) */
  private live(): Item[] {
    for (const [fd, it] of this.items) if (it.file.refs <= 0) this.items.delete(fd);
    return [...this.items.values()];
  }

  /** The items ready now, with the events to report (EPOLLERR and EPOLLHUP always count). */
  ready(): Array<{ item: Item; revents: number; queues: WaitQueue[] }> {
    const out = [];
    for (const item of this.live()) {
      if (item.disarmed) continue;
      const p = item.file.inode === this ? { mask: 0, queues: [] } : pollMask(item.file);
      const revents = p.mask & (item.events | EPOLL.ERR | EPOLL.HUP) & ~(EPOLL.ET | EPOLL.ONESHOT);
      if (revents === 0) continue;
      if (item.events & EPOLL.ET && wakeups(p.queues) === item.seen) continue;
      out.push({ item, revents, queues: p.queues });
    }
    return out;
  }
  /** the earliest time an item's readiness changes by itself (a timerfd's expiry) */
  override wakeAtNs(): bigint | undefined {
    let at: bigint | undefined;
    for (const it of this.live()) {
      if (it.disarmed || it.file.inode === this) continue;
      const w = pollMask(it.file).wakeAtNs;
      if (w !== undefined && (at === undefined || w < at)) at = w;
    }
    return at;
  }
  override wakeSignals(): bigint {
    let m = 0n;
    for (const it of this.live()) if (it.file.inode !== this) m |= pollMask(it.file).wakeMask ?? 0n;
    return m;
  }
  queuesOfItems(): WaitQueue[] {
    return this.live().flatMap((it) => (it.file.inode === this ? [] : pollMask(it.file).queues));
  }
  eventRead(): Uint8Array | number {
    return E.EINVAL;
  }
  eventWrite(): number {
    return -E.EINVAL;
  }
  pollMask(): number {
    return this.ready().length > 0 ? EPOLL.IN | 0x40 : 0;
  }
  override pollQueues(): WaitQueue[] {
    return [this.readWait, ...this.queuesOfItems()];
  }
}

function install(ctx: SyscallContext, inode: EventInode, flags: number): bigint {
  const f = new OpenFile(inode, O.RDWR | (flags & O.NONBLOCK));
  const fd = ctx.proc.fds.install(f, (flags & O.CLOEXEC) !== 0);
  return fd < 0 ? fail(-fd) : BigInt(fd);
}

/** eventfd2(initval, flags): EFD_SEMAPHORE 1, EFD_NONBLOCK, EFD_CLOEXEC */
function sysEventfd2(ctx: SyscallContext, flags: number): bigint {
  if (flags & ~(1 | O.NONBLOCK | O.CLOEXEC)) return fail(E.EINVAL);
  const init = ctx.arg(0) & 0xffffffffn;
  return install(ctx, new EventfdInode(init, (flags & 1) !== 0, ctx.kernel.clock.realtimeNs()), flags);
}

function sysEpollCreate1(ctx: SyscallContext, flags: number): bigint {
  if (flags & ~O.CLOEXEC) return fail(E.EINVAL);
  return install(ctx, new EpollInode(ctx.kernel.clock.realtimeNs()), flags & O.CLOEXEC);
}

function epollOf(ctx: SyscallContext, epfd: number): EpollInode | number {
  const f = ctx.proc.fds.get(epfd);
  if (!f) return E.EBADF;
  return f.inode instanceof EpollInode ? f.inode : E.EINVAL;
}

function sysEpollCtl(ctx: SyscallContext): bigint {
  const ep = epollOf(ctx, int(ctx.arg(0)));
  if (typeof ep === 'number') return fail(ep);
  const op = int(ctx.arg(1));
  const fd = int(ctx.arg(2));
  const f = ctx.proc.fds.get(fd);
  if (!f) return fail(E.EBADF);
  if (f.inode === ep) return fail(E.EINVAL);
  // regular files and directories cannot be polled (no ->poll): EPERM
  if (f.inode instanceof FileInode || f.inode instanceof GeneratedInode || f.inode.isDir()) return fail(E.EPERM);
  let events = 0;
  let data = 0n;
  if (op !== CTL.DEL) {
    const b = ctx.copyFromUser(ctx.arg(3), 16);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 16);
    events = dv.getUint32(0, true);
    data = dv.getBigUint64(8, true);
  }
  const cur = ep.items.get(fd);
  const current = cur && cur.file === f ? cur : undefined;
  switch (op) {
    case CTL.ADD:
      if (current) return fail(E.EEXIST);
      ep.items.set(fd, { fd, file: f, events, data, disarmed: false, seen: -1 });
      break;
    case CTL.MOD:
      if (!current) return fail(E.ENOENT);
      if (events & EPOLL.EXCLUSIVE || current.events & EPOLL.EXCLUSIVE) return fail(E.EINVAL);
      Object.assign(current, { events, data, disarmed: false, seen: -1 });
      break;
    case CTL.DEL:
      if (!current) return fail(E.ENOENT);
      ep.items.delete(fd);
      break;
    default:
      return fail(E.EINVAL);
  }
  ep.readWait.wakeAll();
  return 0n;
}

interface WaitData {
  deadline?: bigint;
}

/** epoll_wait / epoll_pwait (the signal mask of pwait is not applied during the wait, as poll.ts's ppoll) */
function sysEpollWait(ctx: SyscallContext): bigint {
  const ep = epollOf(ctx, int(ctx.arg(0)));
  if (typeof ep === 'number') return fail(ep);
  const max = int(ctx.arg(2));
  if (max <= 0 || max > MAX_EVENTS) return fail(E.EINVAL);
  const ms = int(ctx.arg(3));
  const clock = ctx.kernel.clock;
  const kept = ctx.resumed?.data as WaitData | undefined;
  const deadline =
    ctx.resumed && kept ? kept.deadline : ms < 0 ? undefined : clock.monotonicNs() + BigInt(ms) * 1_000_000n;
  const ready = ep.ready().slice(0, max);
  if (ready.length > 0) {
    const out = new Uint8Array(16 * ready.length);
    const dv = new DataView(out.buffer);
    ready.forEach(({ item, revents }, k) => {
      dv.setUint32(16 * k, revents, true);
      dv.setBigUint64(16 * k + 8, item.data, true);
    });
    if (!ctx.copyToUser(ctx.arg(1), out)) return fail(E.EFAULT);
    for (const { item, queues } of ready) {
      if (item.events & EPOLL.ONESHOT) item.disarmed = true;
      item.seen = wakeups(queues);
    }
    return BigInt(ready.length);
  }
  if (ms === 0 || (deadline !== undefined && clock.monotonicNs() >= deadline)) return 0n;
  if (ctx.signalPending?.()) return fail(E.EINTR);
  if (!ctx.block) return 0n;
  const wakeAt = ep.wakeAtNs();
  const sleepUntil = wakeAt !== undefined && (deadline === undefined || wakeAt < deadline) ? wakeAt : deadline;
  const wakeMask = ep.wakeSignals();
  return ctx.block({
    why: 'epoll_wait',
    queues: ep.pollQueues(),
    deadlineNs: sleepUntil,
    data: { deadline },
    wakeMask: wakeMask || undefined,
  });
}

/** timerfd_create(clockid, flags): CLOCK_REALTIME, MONOTONIC, BOOTTIME and their _ALARM forms */
function sysTimerfdCreate(ctx: SyscallContext): bigint {
  const clockid = int(ctx.arg(0));
  const flags = int(ctx.arg(1));
  if (![0, 1, 7, 8, 9].includes(clockid)) return fail(E.EINVAL);
  if (flags & ~(O.NONBLOCK | O.CLOEXEC)) return fail(E.EINVAL);
  const realtime = clockid === 0 || clockid === 8;
  return install(ctx, new TimerfdInode(ctx.kernel.clock, realtime, ctx.kernel.clock.realtimeNs()), flags);
}

function timerfdOf(ctx: SyscallContext, fd: number): TimerfdInode | number {
  const f = ctx.proc.fds.get(fd);
  if (!f) return E.EBADF;
  return f.inode instanceof TimerfdInode ? f.inode : E.EINVAL;
}

/** timerfd_settime(fd, flags, new, old): TFD_TIMER_ABSTIME 1, TFD_TIMER_CANCEL_ON_SET 2 (accepted) */
function sysTimerfdSettime(ctx: SyscallContext): bigint {
  const flags = int(ctx.arg(1));
  if (flags & ~3) return fail(E.EINVAL);
  const next = readItimerspec(ctx, ctx.arg(2));
  if (typeof next === 'number') return fail(next);
  if (next === undefined) return fail(E.EINVAL);
  const t = timerfdOf(ctx, int(ctx.arg(0)));
  if (typeof t === 'number') return fail(t);
  const old = t.set(next.valueNs, next.intervalNs, (flags & 1) !== 0);
  if (ctx.arg(3) !== 0n && !ctx.copyToUser(ctx.arg(3), itimerspecBytes(old))) return fail(E.EFAULT);
  return 0n;
}

function sysTimerfdGettime(ctx: SyscallContext): bigint {
  const t = timerfdOf(ctx, int(ctx.arg(0)));
  if (typeof t === 'number') return fail(t);
  return ctx.copyToUser(ctx.arg(1), itimerspecBytes(t.get())) ? 0n : fail(E.EFAULT);
}

/** signalfd4(fd, mask, sizemask, flags): a new signalfd (fd -1) or a new mask for one; SFD_NONBLOCK, SFD_CLOEXEC */
function sysSignalfd4(ctx: SyscallContext, flags: number): bigint {
  const fd = int(ctx.arg(0));
  if (ctx.arg(2) !== 8n || flags & ~(O.NONBLOCK | O.CLOEXEC)) return fail(E.EINVAL);
  const b = ctx.copyFromUser(ctx.arg(1), 8);
  if (!b) return fail(E.EFAULT);
  // SIGKILL and SIGSTOP cannot be read
  const mask = new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true) & ~((1n << 8n) | (1n << 18n));
  if (fd !== -1) {
    const f = ctx.proc.fds.get(fd);
    if (!f) return fail(E.EBADF);
    if (!(f.inode instanceof SignalfdInode)) return fail(E.EINVAL);
    f.inode.mask = mask;
    return BigInt(fd);
  }
  const sig = ctx.signals;
  if (!sig) return fail(E.ENOSYS);
  return install(ctx, new SignalfdInode(mask, (set) => sig.pendingIn(set), ctx.kernel.clock.realtimeNs()), flags);
}

export const EVENT_SYSCALLS: readonly SyscallDef[] = [
  [305, 'signalfd', (c) => sysSignalfd4(c, 0)],
  [313, 'signalfd4', (c) => sysSignalfd4(c, int(c.arg(3)))],
  [306, 'timerfd_create', sysTimerfdCreate],
  [311, 'timerfd_settime', sysTimerfdSettime],
  [312, 'timerfd_gettime', sysTimerfdGettime],
  [236, 'epoll_create', (c) => (int(c.arg(0)) <= 0 ? fail(E.EINVAL) : sysEpollCreate1(c, 0))],
  [237, 'epoll_ctl', sysEpollCtl],
  [238, 'epoll_wait', sysEpollWait],
  [303, 'epoll_pwait', sysEpollWait],
  [307, 'eventfd', (c) => sysEventfd2(c, 0)],
  [314, 'eventfd2', (c) => sysEventfd2(c, int(c.arg(1)))],
  [315, 'epoll_create1', (c) => sysEpollCreate1(c, int(c.arg(0)))],
];
