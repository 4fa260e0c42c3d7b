import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentDecisions } from '../../extension/recent-decisions';
import { DecisionPager } from '../../extension/decision-pager';
import { decision } from './fixtures';

test('keeps the newest decisions, bounded, and answers pages like the adapter', async () => {
  const r = new RecentDecisions(100);
  r.add(
    Array.from({ length: 250 }, (_, i) => decision(i)),
    250,
  );
  r.add([decision(200), decision(249)]); // overlap from a snapshot: ignored
  const all = r.fetch({ start: 0, count: 500 });
  assert.equal(all.dropped, 150);
  assert.equal(all.total, 250);
  assert.deepEqual([all.decisions[0].seq, all.decisions.at(-1)!.seq, all.decisions.length], [150, 249, 100]);
  const odd = r.fetch({ start: 200, count: 3, filter: { cpu: 1 } });
  assert.deepEqual(
    odd.decisions.map((d) => d.seq),
    [201, 203, 205],
  );
  // the pager reads it after the session ended
  const p = new DecisionPager(async (a) => r.fetch(a));
  p.reset(250, 150);
  assert.deepEqual(
    (await p.page(98, 5)).map((d) => d.seq),
    [248, 249],
  );
});

test('a batch that skipped decisions restarts the held tail (rows stay contiguous)', () => {
  const r = new RecentDecisions(100);
  r.add([decision(0), decision(1), decision(2)]);
  r.add([decision(700), decision(701)], 702);
  const all = r.fetch({ start: 0, count: 10 });
  assert.deepEqual(
    all.decisions.map((d) => d.seq),
    [700, 701],
  );
  assert.equal(all.dropped, 700);
  assert.equal(all.total, 702);
});
