import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GutterModel, decisionKind, markerHover } from '../../extension/gutter-model';
import { decision, perfHit } from './fixtures';

test('ptrace and perf decisions are told apart', () => {
  assert.equal(decisionKind(decision(0)), 'ptrace');
  assert.equal(decisionKind(perfHit(1, 5)), 'perf');
  assert.equal(
    decisionKind(
      decision(2, { branch: 'step-complete', slots: [], effects: [{ kind: 'count', bp: 'perf:p', value: 1 }] }),
    ),
    'perf',
  );
  assert.equal(decisionKind(decision(3, { branch: 'step-unclaimed', slots: [] })), undefined);
  assert.equal(decisionKind(decision(4, { branch: 'thread-change-pc', slots: [] })), undefined);
  // 6.6: both hit, ptrace wins the stop
  assert.equal(
    decisionKind(
      decision(5, {
        slots: [
          { slot: 0, bp: 'perf:p', owner: 'perf', result: 'hit', reason: '' },
          { slot: 1, bp: 'ptrace:child:1', owner: 'ptrace', result: 'hit', reason: '' },
        ],
      }),
    ),
    'ptrace',
  );
});

test('markers per line: counts, kind, latest decision; decisions without a source are skipped', () => {
  const m = new GutterModel();
  const changed = m.add([
    decision(0, { source: { path: '/w/prog.S', line: 12 } }),
    perfHit(1, 12),
    perfHit(2, 14),
    perfHit(3, 14),
    decision(4, { source: undefined }),
  ]);
  assert.deepEqual([...changed], ['/w/prog.S']);
  const ms = m.markersFor('/w/prog.S');
  assert.deepEqual(
    ms.map((x) => [x.line, x.kind, x.ptrace, x.perf]),
    [
      [12, 'ptrace', 1, 1],
      [14, 'perf', 0, 2],
    ],
  );
  assert.equal(ms[1].lastPerf?.seq, 3);
  assert.deepEqual(m.markersFor('/w/other.S'), []);
});

test('the hover shows the decision in the words of the command line', () => {
  const m = new GutterModel();
  m.add([decision(7, { source: { path: '/w/prog.S', line: 3 } })]);
  const hover = markerHover(m.markersFor('/w/prog.S')[0]);
  assert.match(hover, /1 ptrace stop\b/);
  assert.match(hover, /#7 cpu1 worker 0x10000010 ld r0,0\(r3\)/);
  assert.match(hover, /ptrace wins: SIGTRAP before execute/);
  assert.match(hover, /SIGTRAP TRAP_HWBKPT si_addr=0x10100000/);
});

test('Windows paths compare equal whatever the drive letter case and slashes', () => {
  const m = new GutterModel();
  m.add([decision(0, { source: { path: 'C:\\w\\prog.S', line: 2 } })]);
  assert.equal(m.markersFor('c:/w/prog.S').length, 1);
});

test('memory stays bounded: a million hits on one line keep one marker', () => {
  const m = new GutterModel();
  const batch = Array.from({ length: 1000 }, (_, i) => perfHit(i, 9));
  for (let k = 0; k < 1000; k++) m.add(batch);
  const ms = m.markersFor('/w/prog.S');
  assert.equal(ms.length, 1);
  assert.equal(ms[0].perf, 1_000_000);
  m.clear();
  assert.deepEqual(m.markersFor('/w/prog.S'), []);
});
