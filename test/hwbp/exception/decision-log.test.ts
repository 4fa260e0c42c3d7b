import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecisionLog } from '../../../sim/hwbp/decision-log';
import type { Decision } from '../../../sim/decision';

function rec(i: number): Omit<Decision, 'seq'> {
  return {
    icount: i,
    cpu: i % 2,
    task: i % 3 === 0 ? 'a' : 'b',
    pc: '0x0',
    mode: 'user',
    insn: '',
    slots: [],
    branch: i % 5 === 0 ? 'step-complete' : 'perf-single-step',
    effects: [],
  };
}

test('decision log: seq 0, 1, 2 ... assigned into the record', () => {
  const log = new DecisionLog(10);
  const a = log.append(rec(0));
  const b = log.append(rec(1));
  assert.deepEqual([a.seq, b.seq, log.total, log.dropped, log.size, log.firstSeq], [0, 1, 2, 0, 2, 0]);
  assert.equal(log.get(1), b);
  assert.equal(log.get(2), undefined);
});

test('decision log: when full the oldest are dropped, counted, and seq numbers stay continuous', () => {
  const log = new DecisionLog(4);
  for (let i = 0; i < 11; i++) log.append(rec(i));
  assert.deepEqual([log.total, log.dropped, log.size, log.firstSeq], [11, 7, 4, 7]);
  assert.deepEqual(
    log.all().map((d) => d.seq),
    [7, 8, 9, 10],
  );
  assert.deepEqual(
    log.all().map((d) => d.icount),
    [7, 8, 9, 10],
  );
  assert.equal(log.get(6), undefined, 'dropped');
  assert.equal(log.get(7)?.icount, 7);
});

test('decision log: paging by seq range, from before the first kept, with filters cpu/task/branch', () => {
  const log = new DecisionLog(100);
  for (let i = 0; i < 130; i++) log.append(rec(i));
  assert.deepEqual(
    log.page(0, 3).map((d) => d.seq),
    [30, 31, 32],
    'start before the first kept',
  );
  assert.deepEqual(
    log.page(125, 10).map((d) => d.seq),
    [125, 126, 127, 128, 129],
  );
  assert.deepEqual(
    log.page(40, 3, { cpu: 1 }).map((d) => d.seq),
    [41, 43, 45],
  );
  assert.deepEqual(
    log.page(40, 3, { task: 'a' }).map((d) => d.seq),
    [42, 45, 48],
  );
  assert.deepEqual(
    log.page(40, 3, { branch: 'step-complete' }).map((d) => d.seq),
    [40, 45, 50],
  );
  assert.deepEqual(
    log.page(40, 2, { branch: 'step-complete', cpu: 1 }).map((d) => d.seq),
    [45, 55],
  );
  assert.deepEqual(log.page(40, 0), []);
  assert.deepEqual(
    log.since(127).map((d) => d.seq),
    [127, 128, 129],
  );
  assert.deepEqual(
    log.recent(2).map((d) => d.seq),
    [128, 129],
  );
});

test('decision log: subscribers see each new decision once, until they unsubscribe', () => {
  const log = new DecisionLog(2);
  const seen: number[] = [];
  const off = log.subscribe((d) => seen.push(d.seq));
  log.append(rec(0));
  log.append(rec(1));
  off();
  log.append(rec(2));
  assert.deepEqual(seen, [0, 1]);
});

test('decision log: a capacity that is not a positive number falls back to the default', () => {
  assert.equal(new DecisionLog(0).capacity, 100_000);
  assert.equal(new DecisionLog(Number.NaN).capacity, 100_000);
  assert.equal(new DecisionLog(7.9).capacity, 7);
});

test('decision log: holds 1e6 decisions; one more drops exactly the oldest', () => {
  const log = new DecisionLog(1_000_000);
  const shared = rec(1);
  const n = 1_000_001;
  for (let i = 0; i < n; i++) log.append({ ...shared, icount: i });
  assert.deepEqual([log.total, log.size, log.dropped, log.firstSeq], [n, 1_000_000, 1, 1]);
  assert.equal(log.get(0), undefined);
  assert.equal(log.get(1)?.icount, 1);
  assert.equal(log.get(1_000_000)?.icount, 1_000_000);
  assert.deepEqual(
    log.recent(1).map((d) => d.seq),
    [1_000_000],
  );
});
