// Pure pieces of issue 13 in the extension: a refusal says its errno once (defect 9), the messages
// the timeline adds to the webview protocol are checked before use, and so is the adapter's timeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStopped, checkTimeline } from '../../extension/adapter-events';
import { checkFromPanel, refusalText } from '../../extension/panel-messages';

test('a refusal says its errno once ("ENOSPC: ENOSPC:" was shown)', () => {
  assert.equal(
    refusalText('ENOSPC', 'ENOSPC: cpu0 has 2 and 2 are already reserved'),
    'ENOSPC: cpu0 has 2 and 2 are already reserved',
  );
  assert.equal(
    refusalText('ENOSPC', 'PPC_PTRACE_SETHWDEBUG on main: ENOSPC: cpu0 has 2'),
    'PPC_PTRACE_SETHWDEBUG on main: ENOSPC: cpu0 has 2',
  );
  assert.equal(refusalText('EBADF', 'counter already closed'), 'EBADF: counter already closed');
  assert.equal(refusalText(undefined, 'refused by the adapter'), 'refused by the adapter');
  assert.equal(refusalText('EINVAL', undefined), 'EINVAL');
  assert.equal(refusalText(undefined, undefined), 'refused');
});

test("the timeline's webview messages are checked: windows, decision numbers, nothing extra", () => {
  assert.deepEqual(checkFromPanel({ type: 'timeline', reqId: 3, from: 0, buckets: 400 }), {
    ok: true,
    msg: { type: 'timeline', reqId: 3, from: 0, buckets: 400 },
  });
  assert.deepEqual(checkFromPanel({ type: 'timeline', reqId: 3, from: 10.5, to: 99, buckets: 400 }), {
    ok: true,
    msg: { type: 'timeline', reqId: 3, from: 10.5, to: 99, buckets: 400 },
  });
  for (const bad of [
    { type: 'timeline', reqId: 3, from: -1, buckets: 400 },
    { type: 'timeline', reqId: 3, from: 0, to: Infinity, buckets: 400 },
    { type: 'timeline', reqId: 3, from: 0, buckets: 0 },
    { type: 'timeline', reqId: 3, from: 0, buckets: 5000 },
    { type: 'timeline', reqId: 3, from: 0, buckets: 40, path: '/etc/passwd' },
    { type: 'openDecision', seq: -2 },
    { type: 'decisionDetail', seq: 'x' },
    { type: 'exportTrace', path: '/tmp/x.json' },
  ])
    assert.equal(checkFromPanel(bad).ok, false, JSON.stringify(bad));
  assert.deepEqual(checkFromPanel({ type: 'openDecision', seq: 12 }), {
    ok: true,
    msg: { type: 'openDecision', seq: 12 },
  });
  assert.deepEqual(checkFromPanel({ type: 'exportTrace' }), { ok: true, msg: { type: 'exportTrace' } });
});

test("the adapter's timeline and stop events are checked before the panel gets them", () => {
  const ok = {
    from: 0,
    to: 100,
    buckets: 50,
    now: 100,
    cpus: 1,
    slots: 2,
    model: 'power10',
    decisions: 1,
    lanes: [
      {
        cpu: 0,
        slot: 0,
        segments: [
          {
            from: 0,
            to: 7,
            bp: 'ptrace:t:1',
            owner: 'ptrace',
            label: 'ptrace #1',
            task: 't',
            addr: '0x10',
            len: 8,
            type: 'w',
            state: 'installed',
            why: 'disabled',
          },
        ],
        stepping: [[3, 4]],
      },
    ],
    runs: [{ cpu: 0, from: 0, to: 7, task: 't' }],
    marks: [{ cpu: 0, slot: 0, icount: 7, seq: 0, branch: 'ptrace-report', task: 't', n: 1 }],
  };
  assert.ok(checkTimeline(ok));
  assert.equal(checkTimeline({ ...ok, marks: [{ ...ok.marks[0], slot: -2 }] }), undefined);
  assert.equal(
    checkTimeline({ ...ok, lanes: [{ ...ok.lanes[0], segments: [{ ...ok.lanes[0].segments[0], state: 'gone' }] }] }),
    undefined,
  );
  assert.equal(checkTimeline({ ...ok, runs: 'all' }), undefined);
  assert.ok(
    checkStopped({
      threadId: 100,
      task: 't',
      reason: 'data breakpoint',
      description: 'Watchpoint 1 (write value)',
      text: 'Watchpoint 1 ...',
      icount: 7,
    }),
  );
  assert.equal(checkStopped({ threadId: 100, task: 't', reason: 'step', icount: -1 }), undefined);
});
