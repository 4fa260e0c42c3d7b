// poll, ppoll, select and pselect6 (sim/os/syscalls/poll.ts): the readiness of pipe ends (data, room,
// a closed other end), of regular files (always ready) and of bad descriptors; timeouts on the
// virtual clock; F_GETPIPE_SZ on a pipe. Each call is made alone (Guest), so a wait that nothing can
// end lets its timeout pass at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { POLL } from '../../sim/os/syscalls/poll';
import { Guest, NR, O } from './guest';

const SYS = { poll: 167, pselect6: 280, ppoll: 281, newselect: 142, pipe2: 317 } as const;

function pipe(g: Guest): [number, number] {
  const b = g.buf(8);
  assert.equal(g.call(SYS.pipe2, b, 0), 0);
  return [g.u32(b, 0), g.u32(b, 4)];
}

/** poll over [fd, events] pairs: [result, revents...] */
function poll(g: Guest, fds: [number, number][], timeoutMs: number): number[] {
  const b = g.buf(8 * fds.length);
  const bytes = new Uint8Array(8 * fds.length);
  const dv = new DataView(bytes.buffer);
  fds.forEach(([fd, ev], i) => {
    dv.setInt32(8 * i, fd, true);
    dv.setUint16(8 * i + 4, ev, true);
    dv.setUint16(8 * i + 6, 0xffff, true);
  });
  g.put(b, bytes);
  const r = g.call(SYS.poll, b, fds.length, timeoutMs);
  const out = new DataView(g.get(b, 8 * fds.length).buffer);
  return [r, ...fds.map((_, i) => out.getUint16(8 * i + 6, true))];
}

function monotonicNs(g: Guest): bigint {
  const ts = g.buf(16);
  g.call(NR.clock_gettime, 1, ts);
  return g.u64(ts, 0) * 1_000_000_000n + g.u64(ts, 8);
}

const IN = POLL.IN | POLL.RDNORM;
const OUT = POLL.OUT | POLL.WRNORM;

test('poll: an empty pipe is writable, not readable; data makes it readable; a closed writer is POLLHUP', () => {
  const g = new Guest();
  const [r, w] = pipe(g);
  assert.deepEqual(
    poll(
      g,
      [
        [r, POLL.IN],
        [w, POLL.OUT],
      ],
      0,
    ),
    [1, 0, POLL.OUT],
  );
  assert.deepEqual(poll(g, [[r, IN | POLL.OUT]], 0), [0, 0], 'the read end is never writable');
  assert.equal(g.write(w, 'abc'), 3);
  assert.deepEqual(
    poll(
      g,
      [
        [r, IN],
        [w, OUT],
      ],
      0,
    ),
    [2, IN, OUT],
  );
  assert.equal(g.call(NR.close, w), 0);
  assert.deepEqual(poll(g, [[r, POLL.IN]], 0), [1, POLL.IN | POLL.HUP], 'HUP is reported even when not asked for');
  g.read(r, 3);
  assert.deepEqual(poll(g, [[r, POLL.IN]], 0), [1, POLL.HUP]);
});

test(
  'poll: a write end whose reader closed is POLLERR; a regular ' +
    'file is always ready; a bad fd is POLLNVAL; fd -1 is skipped',
  () => {
    const g = new Guest();
    const [r, w] = pipe(g);
    g.call(NR.close, r);
    assert.deepEqual(poll(g, [[w, 0]], 0), [1, POLL.ERR]);
    const f = g.open('/tmp/x', O.CREAT | O.RDWR);
    assert.ok(f >= 0);
    assert.deepEqual(poll(g, [[f, IN | OUT | POLL.PRI]], 0), [1, IN | OUT]);
    assert.deepEqual(
      poll(
        g,
        [
          [77, POLL.IN],
          [-1, POLL.IN],
        ],
        0,
      ),
      [1, POLL.NVAL, 0],
    );
    assert.equal(g.call(SYS.poll, g.buf(8), 1 << 30, 0), -E.EINVAL, 'nfds above RLIMIT_NOFILE');
  },
);

test(
  'poll with a timeout and nothing ready returns 0 after the ' +
    'timeout on the virtual clock; -1 with data returns at once',
  () => {
    const g = new Guest();
    const [r] = pipe(g);
    const t0 = monotonicNs(g);
    assert.deepEqual(poll(g, [[r, POLL.IN]], 50), [0, 0]);
    const t1 = monotonicNs(g);
    assert.ok(t1 - t0 >= 50_000_000n, `${t1 - t0} ns passed`);
    const [r2, w2] = pipe(g);
    g.write(w2, 'x');
    assert.deepEqual(poll(g, [[r2, POLL.IN]], -1), [1, POLL.IN]);
  },
);

test('pselect6 and _newselect: the ready bits stay set, the others cleared; EBADF for a closed fd in a set', () => {
  const g = new Guest();
  const [r, w] = pipe(g);
  const set = (...fds: number[]) => {
    const b = g.buf(8);
    let v = 0n;
    for (const fd of fds) v |= 1n << BigInt(fd);
    g.put(b, new Uint8Array(new BigUint64Array([v]).buffer));
    return b;
  };
  const zeroTs = g.buf(16);
  let rs = set(r, w);
  const ws = set(r, w);
  assert.equal(g.call(SYS.pselect6, w + 1, rs, ws, 0, zeroTs, 0), 1);
  assert.equal(g.u64(rs), 0n);
  assert.equal(g.u64(ws), 1n << BigInt(w));
  g.write(w, 'data');
  rs = set(r);
  assert.equal(g.call(SYS.newselect, r + 1, rs, 0, 0, g.buf(16)), 1);
  assert.equal(g.u64(rs), 1n << BigInt(r));
  assert.equal(g.call(SYS.pselect6, 40, set(39), 0, 0, zeroTs, 0), -E.EBADF);
  const tv = g.buf(16);
  g.put(tv, new Uint8Array(new BigInt64Array([0n, 20_000n]).buffer));
  g.read(r, 4);
  const t0 = monotonicNs(g);
  assert.equal(g.call(SYS.newselect, r + 1, set(r), 0, 0, tv), 0);
  assert.ok(monotonicNs(g) - t0 >= 20_000_000n);
  assert.deepEqual([g.u64(tv, 0), g.u64(tv, 8)], [0n, 0n], 'no time left');
});

test('fcntl F_GETPIPE_SZ: 65536 for a pipe (it was EBADF), EBADF for a regular file', () => {
  const g = new Guest();
  const [r, w] = pipe(g);
  assert.equal(g.call(NR.fcntl, r, 1032), 65536);
  assert.equal(g.call(NR.fcntl, w, 1032), 65536);
  const f = g.open('/tmp/y', O.CREAT | O.RDWR);
  assert.equal(g.call(NR.fcntl, f, 1032), -E.EBADF);
});
