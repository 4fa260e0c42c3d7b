import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DecisionLogArgs, DecisionLogResponse } from '../../debug-adapter/panel-protocol';
import { DecisionPager } from '../../extension/decision-pager';
import { matchesFilter } from '../../extension/panel-messages';
import { decision } from './fixtures';

/** A fake adapter log of `total` decisions (made on demand), the oldest `dropped` gone. */
function fakeLog(total: number, dropped = 0) {
  const log = { total, dropped, requests: [] as DecisionLogArgs[] };
  const make = (seq: number) =>
    decision(seq, { cpu: seq % 3, branch: seq % 5 === 0 ? 'step-complete' : 'ptrace-report' });
  const fetch = async (a: DecisionLogArgs): Promise<DecisionLogResponse> => {
    log.requests.push(a);
    const out = [];
    for (let s = Math.max(a.start, log.dropped); s < log.total && out.length < a.count; s++) {
      const d = make(s);
      if (!a.filter || matchesFilter(d, a.filter)) out.push(d);
    }
    return { decisions: out, total: log.total, dropped: log.dropped };
  };
  return { log, fetch, make };
}

test('unfiltered: row i is seq dropped+i, any page of a million in one request', async () => {
  const { log, fetch } = fakeLog(1_000_000, 1000);
  const p = new DecisionPager(fetch);
  p.reset(1_000_000, 1000);
  assert.deepEqual(p.count(), { count: 999_000, exact: true, total: 1_000_000, dropped: 1000 });
  const rows = await p.page(998_900, 100);
  assert.equal(rows.length, 100);
  assert.equal(rows[0].seq, 999_900);
  assert.equal(rows[99].seq, 999_999);
  assert.equal(log.requests.length, 1);
  assert.equal((await p.page(998_990, 100)).length, 10, 'the end of the log gives a short page');
});

test('filtered: rows found by scanning, counted exactly once the scan reached the end', async () => {
  const { log, fetch, make } = fakeLog(5000);
  const p = new DecisionPager(fetch);
  p.reset(5000, 0);
  p.setFilter({ cpu: 1, branch: 'step-complete' }); // seq % 3 == 1 and seq % 5 == 0: every 15th from 10
  assert.equal(p.count().exact, false);
  const rows = await p.page(0, 10);
  assert.deepEqual(
    rows.map((d) => d.seq),
    [10, 25, 40, 55, 70, 85, 100, 115, 130, 145],
  );
  const expected = Array.from({ length: 5000 }, (_, s) => make(s)).filter(
    (d) => d.cpu === 1 && d.branch === 'step-complete',
  );
  // ask beyond the end: the scan completes
  const tail = await p.page(expected.length - 3, 10);
  assert.deepEqual(
    tail.map((d) => d.seq),
    expected.slice(-3).map((d) => d.seq),
  );
  assert.deepEqual(p.count(), { count: expected.length, exact: true, total: 5000, dropped: 0 });
  // a later jump back uses an anchor: one request for the page, not a new scan
  const before = log.requests.length;
  const mid = await p.page(250, 5);
  assert.deepEqual(
    mid.map((d) => d.seq),
    expected.slice(250, 255).map((d) => d.seq),
  );
  assert.ok(log.requests.length - before <= 2, `took ${log.requests.length - before} requests`);
});

test('live decisions extend a completed filtered count; dropping restarts the scan', async () => {
  const { log, fetch, make } = fakeLog(100);
  const p = new DecisionPager(fetch);
  p.reset(100, 0);
  p.setFilter({ cpu: 0 });
  await p.page(0, 500);
  const n = p.count().count;
  assert.equal(n, 34); // seq 0,3,...,99
  assert.ok(p.count().exact);
  log.total = 110;
  const changed = p.onEvent({ decisions: Array.from({ length: 10 }, (_, i) => make(100 + i)), total: 110, dropped: 0 });
  assert.ok(changed);
  assert.equal(p.count().count, 34 + 3); // 102, 105, 108
  assert.ok(p.count().exact);
  log.dropped = 50;
  p.onEvent({ decisions: [], total: 110, dropped: 50 });
  assert.equal(p.count().exact, false);
  await p.page(0, 500);
  assert.equal(p.count().count, Array.from({ length: 60 }, (_, i) => 50 + i).filter((s) => s % 3 === 0).length);
});

test('unfiltered live events move the count', () => {
  const { fetch } = fakeLog(0);
  const p = new DecisionPager(fetch);
  p.reset(0, 0);
  assert.ok(p.onEvent({ decisions: [decision(0)], total: 1, dropped: 0 }));
  assert.equal(p.count().count, 1);
  assert.ok(!p.onEvent({ decisions: [], total: 1, dropped: 0 }));
});

test('a live batch that skipped decisions makes a completed filtered count inexact until scanned', async () => {
  const { log, fetch, make } = fakeLog(30);
  const p = new DecisionPager(fetch);
  p.reset(30, 0);
  p.setFilter({ cpu: 0 });
  await p.page(0, 500);
  assert.deepEqual(p.count(), { count: 10, exact: true, total: 30, dropped: 0 });
  log.total = 1000;
  p.onEvent({ decisions: Array.from({ length: 10 }, (_, i) => make(990 + i)), total: 1000, dropped: 0 });
  assert.equal(p.count().exact, false);
  await p.page(0, 500);
  assert.deepEqual(p.count(), { count: 334, exact: true, total: 1000, dropped: 0 });
});
