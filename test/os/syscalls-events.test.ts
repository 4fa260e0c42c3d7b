// eventfd and epoll (sim/os/syscalls/events.ts): the counter and semaphore reads, EAGAIN and EINVAL
// cases, epoll items level-triggered, edge-triggered (again only after a new wake-up of the file) and
// one-shot (again only after EPOLL_CTL_MOD), the 16-byte struct epoll_event of ppc64, ctl errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest, NR } from './guest';

const EVENTFD2 = 314;
const EPOLL_CREATE1 = 315;
const EPOLL_CTL = 237;
const EPOLL_WAIT = 238;
const PIPE2 = 317;
const O_NONBLOCK = 0o4000;
const EFD_SEMAPHORE = 1;
const IN = 1;
const ET = 1 << 31;
const ONESHOT = 1 << 30;

function u64(v: bigint): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, v, true);
  return b;
}

test('eventfd: reads take the whole count (or 1 with EFD_SEMAPHORE); empty is EAGAIN; 8 bytes or EINVAL', () => {
  const g = new Guest();
  const fd = g.call(EVENTFD2, 3, O_NONBLOCK);
  const buf = g.buf(8);
  const val = () => new DataView(g.get(buf, 8).buffer).getBigUint64(0, true);
  assert.equal(g.call(NR.read, fd, buf, 8), 8);
  assert.equal(val(), 3n);
  assert.equal(g.call(NR.read, fd, buf, 8), -E.EAGAIN);
  g.put(buf, u64(5n));
  assert.equal(g.call(NR.write, fd, buf, 8), 8);
  assert.equal(g.call(NR.write, fd, buf, 8), 8);
  assert.equal(g.call(NR.read, fd, buf, 4), -E.EINVAL);
  assert.equal(g.call(NR.read, fd, buf, 8), 8);
  assert.equal(val(), 10n);
  g.put(buf, u64(0xffffffffffffffffn));
  assert.equal(g.call(NR.write, fd, buf, 8), -E.EINVAL);
  const sem = g.call(EVENTFD2, 2, O_NONBLOCK | EFD_SEMAPHORE);
  assert.equal(g.call(NR.read, sem, buf, 8), 8);
  assert.equal(val(), 1n);
  assert.equal(g.call(NR.read, sem, buf, 8), 8);
  assert.equal(g.call(NR.read, sem, buf, 8), -E.EAGAIN);
  assert.equal(g.call(EVENTFD2, 0, 0x40), -E.EINVAL);
});

test('epoll: level-triggered reports while ready, EPOLLET after a new wake-up, EPOLLONESHOT once until MOD', () => {
  const g = new Guest();
  const ep = g.call(EPOLL_CREATE1, 0);
  const pa = g.buf(8);
  assert.equal(g.call(PIPE2, pa, O_NONBLOCK), 0);
  const pv = new DataView(g.get(pa, 8).buffer);
  const [r1, w1] = [pv.getInt32(0, true), pv.getInt32(4, true)];
  assert.equal(g.call(PIPE2, pa, O_NONBLOCK), 0);
  const pv2 = new DataView(g.get(pa, 8).buffer);
  const [r2, w2] = [pv2.getInt32(0, true), pv2.getInt32(4, true)];
  const ev = (events: number, data: bigint) => {
    const at = g.buf(16);
    const b = new Uint8Array(16);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, events, true);
    dv.setBigUint64(8, data, true);
    g.put(at, b);
    return at;
  };
  assert.equal(g.call(EPOLL_CTL, ep, 1, r1, ev(IN, 11n)), 0);
  assert.equal(g.call(EPOLL_CTL, ep, 1, r2, ev(IN | ET, 22n)), 0);
  assert.equal(g.call(EPOLL_CTL, ep, 1, r2, ev(IN, 0n)), -E.EEXIST);
  assert.equal(g.call(EPOLL_CTL, ep, 3, w1, ev(IN, 0n)), -E.ENOENT);
  assert.equal(g.call(EPOLL_CTL, ep, 1, ep, ev(IN, 0n)), -E.EINVAL);
  const out = g.buf(64);
  const got = (n: number) => {
    const dv = new DataView(g.get(out, 16 * n).buffer);
    return Array.from({ length: n }, (_, k) => [dv.getUint32(16 * k, true), dv.getBigUint64(16 * k + 8, true)]);
  };
  assert.equal(g.call(EPOLL_WAIT, ep, out, 4, 0), 0);
  const x = g.str('ab');
  g.call(NR.write, w1, x, 2);
  g.call(NR.write, w2, x, 2);
  assert.equal(g.call(EPOLL_WAIT, ep, out, 4, 0), 2);
  assert.deepEqual(got(2), [
    [IN, 11n],
    [IN, 22n],
  ]);
  // still readable: the level item again, the edge item not until new data arrives
  assert.equal(g.call(EPOLL_WAIT, ep, out, 4, 0), 1);
  assert.deepEqual(got(1), [[IN, 11n]]);
  g.call(NR.write, w2, x, 1);
  assert.equal(g.call(EPOLL_WAIT, ep, out, 4, 0), 2);
  // one-shot: reported once, then again after EPOLL_CTL_MOD
  assert.equal(g.call(EPOLL_CTL, ep, 3, r1, ev(IN | ONESHOT, 33n)), 0);
  assert.equal(g.call(EPOLL_WAIT, ep, out, 1, 0), 1);
  assert.deepEqual(got(1), [[IN, 33n]]);
  assert.equal(g.call(EPOLL_WAIT, ep, out, 4, 0), 0);
  assert.equal(g.call(EPOLL_CTL, ep, 3, r1, ev(IN | ONESHOT, 44n)), 0);
  assert.equal(g.call(EPOLL_WAIT, ep, out, 4, 0), 1);
  // a descriptor closed everywhere leaves the set
  assert.equal(g.call(EPOLL_CTL, ep, 2, r2, 0), 0);
  g.call(NR.close, r1);
  assert.equal(g.call(EPOLL_CTL, ep, 3, r1, ev(IN, 0n)), -E.EBADF);
  assert.equal(g.call(EPOLL_WAIT, ep, out, 0, 0), -E.EINVAL);
});

test('timerfd: expirations counted from the clock, periodic ones in whole intervals; gettime; disarm', () => {
  const g = new Guest();
  const TIMERFD_CREATE = 306;
  const SETTIME = 311;
  const GETTIME = 312;
  const fd = g.call(TIMERFD_CREATE, 1, O_NONBLOCK); // CLOCK_MONOTONIC
  const its = g.buf(32);
  const put = (valueNs: bigint, intervalNs: bigint) => {
    const b = new Uint8Array(32);
    const dv = new DataView(b.buffer);
    dv.setBigInt64(0, intervalNs / 1_000_000_000n, true);
    dv.setBigInt64(8, intervalNs % 1_000_000_000n, true);
    dv.setBigInt64(16, valueNs / 1_000_000_000n, true);
    dv.setBigInt64(24, valueNs % 1_000_000_000n, true);
    g.put(its, b);
  };
  const buf = g.buf(8);
  const count = () => new DataView(g.get(buf, 8).buffer).getBigUint64(0, true);
  const clock = g.m.kernel.clock;
  put(10_000_000n, 4_000_000n); // first in 10 ms, then every 4 ms
  assert.equal(g.call(SETTIME, fd, 0, its, 0), 0);
  assert.equal(g.call(NR.read, fd, buf, 8), -E.EAGAIN);
  clock.advanceToMonotonic(clock.monotonicNs() + 19_000_000n); // 10, 14, 18: three expirations
  assert.equal(g.call(NR.read, fd, buf, 8), 8);
  assert.equal(count(), 3n);
  assert.equal(g.call(NR.read, fd, buf, 8), -E.EAGAIN);
  const out = g.buf(32);
  assert.equal(g.call(GETTIME, fd, out), 0);
  const dv = new DataView(g.get(out, 32).buffer);
  assert.equal(dv.getBigInt64(8, true), 4_000_000n); // the interval
  const left = dv.getBigInt64(24, true);
  assert.ok(left > 0n && left <= 4_000_000n, `${left}`);
  put(0n, 0n);
  assert.equal(g.call(SETTIME, fd, 0, its, 0), 0);
  clock.advanceToMonotonic(clock.monotonicNs() + 100_000_000n);
  assert.equal(g.call(NR.read, fd, buf, 8), -E.EAGAIN);
  assert.equal(g.call(TIMERFD_CREATE, 2, 0), -E.EINVAL); // CLOCK_PROCESS_CPUTIME_ID
});

test('signalfd: pending signals of its set read as signalfd_siginfo, lowest first; others stay pending', () => {
  const g = new Guest();
  const RT_SIGPROCMASK = 174;
  const KILL = 37;
  const SIGNALFD4 = 313;
  const SIGUSR1 = 10;
  const SIGUSR2 = 12;
  const bit = (s: number) => 1n << BigInt(s - 1);
  const set = g.buf(8);
  g.put(set, u64(bit(SIGUSR1) | bit(SIGUSR2)));
  assert.equal(g.call(RT_SIGPROCMASK, 0, set, 0, 8), 0); // SIG_BLOCK
  const only1 = g.buf(8);
  g.put(only1, u64(bit(SIGUSR1)));
  const fd = g.call(SIGNALFD4, -1, only1, 8, O_NONBLOCK);
  assert.ok(fd >= 0);
  const buf = g.buf(256);
  assert.equal(g.call(NR.read, fd, buf, 256), -E.EAGAIN);
  const pid = g.call(NR.getpid);
  assert.equal(g.call(KILL, pid, SIGUSR2), 0);
  assert.equal(g.call(KILL, pid, SIGUSR1), 0);
  assert.equal(g.call(NR.read, fd, buf, 100), -E.EINVAL);
  assert.equal(g.call(NR.read, fd, buf, 256), 128); // SIGUSR2 is not in its set
  const dv = new DataView(g.get(buf, 128).buffer);
  assert.deepEqual([dv.getUint32(0, true), dv.getInt32(8, true), dv.getUint32(12, true)], [SIGUSR1, 0, pid]);
  // a new mask for the same descriptor: now SIGUSR2 is read
  assert.equal(g.call(SIGNALFD4, fd, set, 8, 0), fd);
  assert.equal(g.call(NR.read, fd, buf, 256), 128);
  assert.equal(new DataView(g.get(buf, 4).buffer).getUint32(0, true), SIGUSR2);
  assert.equal(g.call(SIGNALFD4, -1, set, 4, 0), -E.EINVAL); // sizemask must be 8
});
