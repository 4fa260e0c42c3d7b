// Waiting on descriptors: poll, ppoll, select (_newselect) and pselect6. Each descriptor's readiness
// is its file's poll mask (fs/pipe.c pipe_poll for a pipe, DEFAULT_POLLMASK for regular files,
// directories and devices); with nothing ready the task sleeps on the pipes' wait queues until one
// acts, its timeout passes (CLOCK_MONOTONIC), or a signal comes (-ERESTARTNOHAND: EINTR after a
// handler, a restart with the same deadline otherwise).
//
// Simplifications (named): ppoll's and pselect6's signal mask is not applied during the wait; poll's
// interruption is -ERESTARTNOHAND rather than the kernel's restart block (the same result for a
// program: EINTR after a handler, the call going on to its deadline otherwise).
import { E } from '../errno';
import { EventInode } from '../vfs/event-inode';
import { PipeInode } from '../vfs/inode';
import type { OpenFile } from '../vfs/open-file';
import { FifoInode, PIPE_CAPACITY } from '../vfs/pipe';
import { SocketInode } from '../vfs/socket';
import type { WaitQueue } from '../wait-queue';
import { fail, type SyscallContext, type SyscallDef } from './context';

export const POLL = {
  IN: 0x1,
  PRI: 0x2,
  OUT: 0x4,
  ERR: 0x8,
  HUP: 0x10,
  NVAL: 0x20,
  RDNORM: 0x40,
  RDBAND: 0x80,
  WRNORM: 0x100,
  WRBAND: 0x200,
} as const;
/** what a file without its own poll answers: always readable and writable */
const DEFAULT_POLLMASK = POLL.IN | POLL.OUT | POLL.RDNORM | POLL.WRNORM;
const NS = 1_000_000_000n;

/** The poll mask of an open file now, the queues to sleep on until it changes, and for a timer the
 * time (CLOCK_MONOTONIC ns) it changes by itself. */
export function pollMask(f: OpenFile): { mask: number; queues: WaitQueue[]; wakeAtNs?: bigint; wakeMask?: bigint } {
  const i = f.inode;
  if (i instanceof FifoInode) {
    let mask = 0;
    const queues: WaitQueue[] = [];
    if (f.readable) {
      if (i.available() > 0) mask |= POLL.IN | POLL.RDNORM;
      if (i.writers === 0) mask |= POLL.HUP;
      queues.push(i.readWait);
    }
    if (f.writable) {
      if (i.available() < PIPE_CAPACITY) mask |= POLL.OUT | POLL.WRNORM;
      if (i.readers === 0) mask |= POLL.ERR;
      queues.push(i.writeWait);
    }
    return { mask, queues };
  }
  if (i instanceof SocketInode) {
    // unix_poll: readable with data or once the peer can write no more (then also HUP); writable with room
    let mask = 0;
    if (i.rx.available() > 0 || i.rx.writers === 0 || i.shutRd) mask |= POLL.IN | POLL.RDNORM;
    if (i.rx.writers === 0 && (i.tx.readers === 0 || i.shutWr)) mask |= POLL.HUP;
    if (i.tx.readers > 0 && !i.shutWr && i.tx.available() < PIPE_CAPACITY) mask |= POLL.OUT | POLL.WRNORM;
    return { mask, queues: [i.rx.readWait, i.tx.writeWait] };
  }
  if (i instanceof PipeInode) {
    // the standard streams: input buffered or still to come from wplab's own standard input (a read
    // waits for it) is readable, else the writer has closed; the output never fills
    let mask = 0;
    if (f.readable) mask |= i.open ? POLL.IN | POLL.RDNORM : POLL.HUP;
    if (f.writable) mask |= POLL.OUT | POLL.WRNORM;
    return { mask, queues: [] };
  }
  if (i instanceof EventInode)
    return { mask: i.pollMask(), queues: i.pollQueues(), wakeAtNs: i.wakeAtNs(), wakeMask: i.wakeSignals() };
  return { mask: DEFAULT_POLLMASK, queues: [] };
}

const int = (v: bigint) => Number(BigInt.asIntN(32, v));

interface WaitData {
  deadline?: bigint;
}

/** The deadline this call keeps across its sleeps: the resumed one, or now + `timeoutNs` (undefined: none). */
function deadlineOf(ctx: SyscallContext, timeoutNs: bigint | undefined): bigint | undefined {
  const kept = ctx.resumed?.data as WaitData | undefined;
  if (ctx.resumed && kept) return kept.deadline;
  return timeoutNs === undefined ? undefined : ctx.kernel.clock.monotonicNs() + timeoutNs;
}

/** Nothing is ready: 0 when the deadline has passed, else sleep (or -ERESTARTNOHAND with a signal pending),
 * until `wakeAt` at the latest when a timer's readiness changes then. */
function waitMore(
  ctx: SyscallContext,
  why: string,
  deadline: bigint | undefined,
  queues: WaitQueue[],
  wakeAt?: bigint,
  wakeMask?: bigint,
): bigint {
  if (deadline !== undefined && ctx.kernel.clock.monotonicNs() >= deadline) return 0n;
  if (ctx.signalPending?.()) return fail(E.ERESTARTNOHAND);
  if (!ctx.block) {
    // a host running one call alone: nothing can change, the time passes at once
    if (deadline !== undefined) ctx.kernel.clock.advanceToMonotonic(deadline);
    return 0n;
  }
  const data: WaitData = { deadline };
  const until = wakeAt !== undefined && (deadline === undefined || wakeAt < deadline) ? wakeAt : deadline;
  return ctx.block({ why, queues, deadlineNs: until, data, wakeMask: wakeMask || undefined });
}

/** poll/ppoll over `nfds` struct pollfd {int fd; short events; short revents;} at `ea`. */
function doPoll(ctx: SyscallContext, ea: bigint, nfdsArg: bigint, timeoutNs: bigint | undefined): bigint {
  if (nfdsArg > BigInt(ctx.proc.fds.limit)) return fail(E.EINVAL);
  const nfds = Number(nfdsArg);
  const deadline = deadlineOf(ctx, timeoutNs);
  const b = nfds === 0 ? new Uint8Array(0) : ctx.copyFromUser(ea, nfds * 8);
  if (!b) return fail(E.EFAULT);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let count = 0;
  const queues: WaitQueue[] = [];
  let wakeAt: bigint | undefined;
  let wakeMask = 0n;
  for (let k = 0; k < nfds; k++) {
    const fd = dv.getInt32(8 * k, true);
    const events = dv.getUint16(8 * k + 4, true);
    let revents = 0;
    if (fd >= 0) {
      const f = ctx.proc.fds.getFile(fd);
      if (!f) revents = POLL.NVAL;
      else {
        const p = pollMask(f);
        revents = p.mask & (events | POLL.ERR | POLL.HUP);
        queues.push(...p.queues);
        if (p.wakeAtNs !== undefined && (wakeAt === undefined || p.wakeAtNs < wakeAt)) wakeAt = p.wakeAtNs;
        wakeMask |= p.wakeMask ?? 0n;
      }
    }
    dv.setUint16(8 * k + 6, revents, true);
    if (revents) count++;
  }
  if (count === 0 && timeoutNs !== 0n) {
    const r: bigint = waitMore(ctx, 'poll', deadline, queues, wakeAt, wakeMask);
    if (r !== 0n) return r;
  }
  if (nfds > 0 && !ctx.copyToUser(ea, b)) return fail(E.EFAULT);
  return BigInt(count);
}

/** poll(fds, nfds, timeout_ms): a negative timeout waits for ever. */
function sysPoll(ctx: SyscallContext): bigint {
  const ms = int(ctx.arg(2));
  return doPoll(ctx, ctx.arg(0), ctx.arg(1), ms < 0 ? undefined : BigInt(ms) * 1_000_000n);
}

/** A struct timespec argument: its nanoseconds, undefined for NULL, or an errno. */
function timespecArg(ctx: SyscallContext, ea: bigint): bigint | undefined | number {
  if (ea === 0n) return undefined;
  const t = ctx.copyFromUser(ea, 16);
  if (!t) return E.EFAULT;
  const dv = new DataView(t.buffer, t.byteOffset, 16);
  const s = dv.getBigInt64(0, true);
  const ns = dv.getBigInt64(8, true);
  if (s < 0n || ns < 0n || ns >= NS) return E.EINVAL;
  return s * NS + ns;
}

/** ppoll(fds, nfds, tsp, sigmask, sigsetsize) */
function sysPpoll(ctx: SyscallContext): bigint {
  const t = timespecArg(ctx, ctx.arg(2));
  if (typeof t === 'number') return fail(t);
  return doPoll(ctx, ctx.arg(0), ctx.arg(1), t);
}

/** select's fd_set words: bit fd of the bitmap (64-bit words, little-endian) */
function readSet(ctx: SyscallContext, ea: bigint, bytes: number): Uint8Array | undefined | null {
  if (ea === 0n) return undefined;
  return ctx.copyFromUser(ea, bytes) ?? null;
}
const bit = (set: Uint8Array, fd: number) => (set[fd >> 3] >> (fd & 7)) & 1;

/** select over n descriptors; `timeoutNs` undefined waits for ever; `remaining` gets the time left. */
function doSelect(
  ctx: SyscallContext,
  nArg: bigint,
  eas: [bigint, bigint, bigint],
  timeoutNs: bigint | undefined,
  remaining: (left: bigint) => boolean,
): bigint {
  let n = int(nArg);
  if (n < 0) return fail(E.EINVAL);
  n = Math.min(n, ctx.proc.fds.limit);
  const bytes = Math.ceil(n / 64) * 8;
  const deadline = deadlineOf(ctx, timeoutNs);
  const sets = eas.map((ea) => readSet(ctx, ea, bytes));
  if (sets.some((s) => s === null)) return fail(E.EFAULT);
  const [inp, outp, exp] = sets as (Uint8Array | undefined)[];
  const outs = [new Uint8Array(bytes), new Uint8Array(bytes), new Uint8Array(bytes)];
  let count = 0;
  const queues: WaitQueue[] = [];
  let wakeAt: bigint | undefined;
  let wakeMask = 0n;
  for (let fd = 0; fd < n; fd++) {
    const want = [inp && bit(inp, fd), outp && bit(outp, fd), exp && bit(exp, fd)];
    if (!want.some(Boolean)) continue;
    const f = ctx.proc.fds.getFile(fd);
    if (!f) return fail(E.EBADF);
    const p = pollMask(f);
    queues.push(...p.queues);
    if (p.wakeAtNs !== undefined && (wakeAt === undefined || p.wakeAtNs < wakeAt)) wakeAt = p.wakeAtNs;
    wakeMask |= p.wakeMask ?? 0n;
    const ready = [
      (p.mask & (POLL.IN | POLL.RDNORM | POLL.HUP | POLL.ERR)) !== 0,
      (p.mask & (POLL.OUT | POLL.WRNORM | POLL.ERR)) !== 0,
      (p.mask & POLL.PRI) !== 0,
    ];
    for (let k = 0; k < 3; k++) {
      if (want[k] && ready[k]) {
        outs[k][fd >> 3] |= 1 << (fd & 7);
        count++;
      }
    }
  }
  if (count === 0 && timeoutNs !== 0n) {
    const r: bigint = waitMore(ctx, 'select', deadline, queues, wakeAt, wakeMask);
    if (r !== 0n) return r;
  }
  for (let k = 0; k < 3; k++) if (eas[k] !== 0n && bytes > 0 && !ctx.copyToUser(eas[k], outs[k])) return fail(E.EFAULT);
  if (deadline !== undefined) {
    const left = deadline - ctx.kernel.clock.monotonicNs();
    if (!remaining(left > 0n ? left : 0n)) return fail(E.EFAULT);
  }
  return BigInt(count);
}

/** pselect6(n, inp, outp, exp, tsp, sig): the time left is written back to *tsp, as Linux does. */
function sysPselect6(ctx: SyscallContext): bigint {
  const tsp = ctx.arg(4);
  const t = timespecArg(ctx, tsp);
  if (typeof t === 'number') return fail(t);
  return doSelect(ctx, ctx.arg(0), [ctx.arg(1), ctx.arg(2), ctx.arg(3)], t, (left) => {
    const out = new Uint8Array(16);
    const dv = new DataView(out.buffer);
    dv.setBigInt64(0, left / NS, true);
    dv.setBigInt64(8, left % NS, true);
    return ctx.copyToUser(tsp, out);
  });
}

/** _newselect(n, inp, outp, exp, tvp): struct timeval, the time left written back. */
function sysSelect(ctx: SyscallContext): bigint {
  const tvp = ctx.arg(4);
  let t: bigint | undefined;
  if (tvp !== 0n) {
    const b = ctx.copyFromUser(tvp, 16);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 16);
    const s = dv.getBigInt64(0, true);
    const us = dv.getBigInt64(8, true);
    if (s < 0n || us < 0n) return fail(E.EINVAL);
    t = s * NS + us * 1000n;
  }
  return doSelect(ctx, ctx.arg(0), [ctx.arg(1), ctx.arg(2), ctx.arg(3)], t, (left) => {
    const out = new Uint8Array(16);
    const dv = new DataView(out.buffer);
    dv.setBigInt64(0, left / NS, true);
    dv.setBigInt64(8, (left % NS) / 1000n, true);
    return ctx.copyToUser(tvp, out);
  });
}

export const POLL_SYSCALLS: readonly SyscallDef[] = [
  [142, '_newselect', sysSelect],
  [167, 'poll', sysPoll],
  [280, 'pselect6', sysPselect6],
  [281, 'ppoll', sysPpoll],
];
