// The scheduling-policy calls (sim/os/syscalls/sched.ts) as sched/core.c answers them: the caller's
// policy and priority, the priority ranges of each policy, the checks of sched_setscheduler and
// sched_setparam, SCHED_RESET_ON_FORK in what sched_getscheduler reports, sched_rr_get_interval.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest } from './guest';

const NR = { setparam: 154, getparam: 155, setscheduler: 156, getscheduler: 157, max: 159, min: 160, rr: 161 };
const OTHER = 0;
const FIFO = 1;
const RR = 2;
const BATCH = 3;
const RESET_ON_FORK = 0x40000000;

function prio(g: Guest, v: number): bigint {
  const at = g.buf(4);
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, v, true);
  g.put(at, b);
  return at;
}
const i32 = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true);

test('priority ranges: 1..99 for FIFO and RR, 0..0 for the fair policies, EINVAL for an unknown one', () => {
  const g = new Guest();
  assert.deepEqual(
    [FIFO, RR, OTHER, BATCH, 5, 6].map((p) => [g.call(NR.min, p), g.call(NR.max, p)]),
    [
      [1, 99],
      [1, 99],
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
  );
  assert.equal(g.call(NR.max, 4), -E.EINVAL);
  assert.equal(g.call(NR.min, -1), -E.EINVAL);
});

test('the policy and priority set are the ones read back; bad combinations are EINVAL', () => {
  const g = new Guest();
  const out = g.buf(4);
  assert.equal(g.call(NR.getscheduler, 0), OTHER);
  assert.equal(g.call(NR.getparam, 0, out), 0);
  assert.equal(i32(g.get(out, 4)), 0);
  assert.equal(g.call(NR.setscheduler, 0, FIFO, prio(g, 0)), -E.EINVAL); // real time needs 1..99
  assert.equal(g.call(NR.setscheduler, 0, OTHER, prio(g, 5)), -E.EINVAL); // fair policies need 0
  assert.equal(g.call(NR.setscheduler, 0, 4, prio(g, 0)), -E.EINVAL);
  assert.equal(g.call(NR.setscheduler, 0, FIFO, 0), -E.EINVAL); // no param
  assert.equal(g.call(NR.setscheduler, -1, FIFO, prio(g, 1)), -E.EINVAL);
  assert.equal(g.call(NR.setscheduler, 0, RR | RESET_ON_FORK, prio(g, 42)), 0);
  assert.equal(g.call(NR.getscheduler, 0), RR | RESET_ON_FORK);
  assert.equal(g.call(NR.getparam, 0, out), 0);
  assert.equal(i32(g.get(out, 4)), 42);
  assert.equal(g.call(NR.setparam, 0, prio(g, 100)), -E.EINVAL);
  assert.equal(g.call(NR.setparam, 0, prio(g, 7)), 0);
  assert.equal(g.call(NR.getparam, 0, out), 0);
  assert.equal(i32(g.get(out, 4)), 7);
  // RR's slice is 100 ms; the fair policies report 0 (EEVDF's base slice is under a jiffy)
  const ts = g.buf(16);
  assert.equal(g.call(NR.rr, 0, ts), 0);
  const dv = new DataView(g.get(ts, 16).buffer);
  assert.deepEqual([dv.getBigInt64(0, true), dv.getBigInt64(8, true)], [0n, 100_000_000n]);
  assert.equal(g.call(NR.setscheduler, 0, BATCH, prio(g, 0)), 0);
  assert.equal(g.call(NR.rr, 0, ts), 0);
  assert.equal(new DataView(g.get(ts, 16).buffer).getBigInt64(8, true), 0n);
  // a process that does not exist
  assert.equal(g.call(NR.getscheduler, 99999), -E.ESRCH);
  assert.equal(g.call(NR.getparam, 99999, out), -E.ESRCH);
});
