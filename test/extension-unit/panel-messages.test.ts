import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFromPanel, matchesFilter } from '../../extension/panel-messages';
import { checkToPanel } from '../../media/panel-incoming';
import { checkDecisionsEvent, checkSlotsEvent, checkSnapshot } from '../../extension/adapter-events';
import { decision } from './fixtures';

test('good messages from the webview pass unchanged', () => {
  const good: unknown[] = [
    { type: 'ready' },
    { type: 'refresh' },
    { type: 'setFilter', gen: 3, filter: { cpu: 1, task: 'child', branch: 'ptrace-report' } },
    { type: 'setFilter', gen: 0, filter: {} },
    { type: 'requestDecisions', gen: 3, start: 999_900, count: 100 },
    { type: 'perf', reqId: 1, action: { action: 'disable', id: 'p' } },
    {
      type: 'perf',
      reqId: 2,
      action: { action: 'add', name: 'w', addr: '0x10100000', len: 8, type: 'w', task: 'child', excludeKernel: true },
    },
    { type: 'perf', reqId: 3, action: { action: 'add', name: 'all', addr: 'value+8', len: 4, type: 'rw', cpu: 1 } },
    { type: 'openSource', path: '/w/prog.S', line: 12 },
  ];
  for (const m of good) {
    const r = checkFromPanel(m);
    assert.ok(r.ok, `rejected ${JSON.stringify(m)}: ${!r.ok ? r.error : ''}`);
    assert.deepEqual(r.msg, m);
  }
});

test('bad messages from the webview are refused with a reason', () => {
  const bad: Array<[unknown, RegExp]> = [
    [null, /not an object/],
    ['ready', /not an object/],
    [[{ type: 'ready' }], /not an object/],
    [{ type: 'launchMissiles' }, /unknown message type/],
    [{}, /unknown message type/],
    [{ type: 'ready', extra: 1 }, /unexpected field "extra"/],
    [{ type: 'requestDecisions', gen: 1, start: -1, count: 10 }, /start/],
    [{ type: 'requestDecisions', gen: 1, start: 0, count: 100000 }, /count must be from 1 to 500/],
    [{ type: 'requestDecisions', gen: 1, start: 1.5, count: 10 }, /start/],
    [{ type: 'requestDecisions', gen: '1', start: 0, count: 10 }, /gen/],
    [{ type: 'setFilter', gen: 1, filter: { cpu: -1 } }, /filter.cpu/],
    [{ type: 'setFilter', gen: 1, filter: { task: '<img src=x>' } }, /filter.task/],
    [{ type: 'setFilter', gen: 1, filter: { branch: 'x'.repeat(100) } }, /filter.branch/],
    [{ type: 'setFilter', gen: 1, filter: { where: 1 } }, /unexpected field/],
    [{ type: 'perf', reqId: 1, action: { action: 'format', id: 'p' } }, /action must be/],
    [{ type: 'perf', reqId: 1, action: { action: 'reset' } }, /id must name/],
    [
      { type: 'perf', reqId: 1, action: { action: 'add', name: 'w', addr: '0x1; rm -rf', len: 8, type: 'w', cpu: 0 } },
      /addr/,
    ],
    [{ type: 'perf', reqId: 1, action: { action: 'add', name: 'w', addr: '0x10', len: 0, type: 'w', cpu: 0 } }, /len/],
    [{ type: 'perf', reqId: 1, action: { action: 'add', name: 'w', addr: '0x10', len: 8, type: 'x', cpu: 0 } }, /type/],
    [
      { type: 'perf', reqId: 1, action: { action: 'add', name: 'w', addr: '0x10', len: 8, type: 'w' } },
      /task or a CPU/,
    ],
    [
      {
        type: 'perf',
        reqId: 1,
        action: { action: 'add', name: 'w', addr: '0x10', len: 8, type: 'w', cpu: 0, excludeHv: 'yes' },
      },
      /excludeHv/,
    ],
    [{ type: 'openSource', path: '', line: 1 }, /path/],
    [{ type: 'openSource', path: '/w/a.S', line: 0 }, /line/],
    [{ type: 'openSource', path: '/w/a.S', line: 1, command: 'x' }, /unexpected field/],
  ];
  for (const [m, why] of bad) {
    const r = checkFromPanel(m);
    assert.equal(r.ok, false, `accepted ${JSON.stringify(m)}`);
    if (!r.ok) assert.match(r.error, why, `wrong reason for ${JSON.stringify(m)}`);
  }
});

test('the host filter matches cpu, task and kind', () => {
  const d = decision(1); // cpu1 worker ptrace-report
  assert.ok(matchesFilter(d, {}));
  assert.ok(matchesFilter(d, { cpu: 1, task: 'worker', branch: 'ptrace-report' }));
  assert.ok(!matchesFilter(d, { cpu: 0 }));
  assert.ok(!matchesFilter(d, { task: 'child' }));
  assert.ok(!matchesFilter(d, { branch: 'step-complete' }));
});

test('the webview accepts the host messages and refuses malformed ones', () => {
  const row = { d: decision(0), branchText: 'x', effectTexts: ['y'] };
  const good: unknown[] = [
    { type: 'session', state: 'running', id: 's', name: 'n' },
    { type: 'session', state: 'running', id: 's', name: 'n', reset: true },
    {
      type: 'counters',
      counters: [
        {
          id: 'p',
          fd: 3,
          cpu: -1,
          task: 'child',
          addr: '0x1',
          len: 8,
          type: 'r',
          count: 3,
          enabled: true,
          closed: false,
        },
      ],
    },
    { type: 'decisionCount', gen: 1, count: 10, exact: true, total: 10, dropped: 0, tasks: ['child'] },
    { type: 'decisionPage', gen: 1, start: 0, rows: [row] },
    { type: 'perfResult', reqId: 1, ok: false, error: 'ENOSPC', message: 'slot held' },
    {
      type: 'slots',
      machine: { cpu: 'power10', cpus: 1, kernel: '6.6', slots: 2, dawrForceEnable: false },
      cpus: [
        {
          cpu: 0,
          budget: { cpuPinned: 0, worstTask: 1, total: 2 },
          slots: [
            { slot: 0 },
            {
              slot: 1,
              occupant: {
                bp: 'ptrace:c:1',
                owner: 'ptrace',
                label: 'ptrace #1',
                task: 'c',
                addr: '0x1',
                len: 8,
                hwAddr: '0x0',
                hwLen: 16,
                type: 'rw',
                privilege: ['user'],
                state: 'armed',
              },
            },
          ],
        },
      ],
    },
  ];
  for (const m of good) assert.deepEqual(checkToPanel(m), m, JSON.stringify(m));
  const bad: unknown[] = [
    undefined,
    42,
    { type: 'eval', code: 'alert(1)' },
    { type: 'session', state: 'exploded' },
    { type: 'session', state: 'running', id: 's', reset: 'yes' },
    {
      type: 'decisionPage',
      gen: 1,
      start: 0,
      rows: [{ d: { ...decision(0), seq: -1 }, branchText: 'x', effectTexts: [] }],
    },
    { type: 'decisionPage', gen: 1, start: 0, rows: [{ d: decision(0), branchText: 5, effectTexts: [] }] },
    { type: 'decisionCount', gen: 1, count: '10', exact: true, total: 10, dropped: 0, tasks: [] },
    { type: 'counters', counters: [{ id: 'p' }] },
    { type: 'slots', machine: { cpu: 'x86', cpus: 1, kernel: '6.6', slots: 2 }, cpus: [] },
    {
      type: 'slots',
      machine: { cpu: 'power8', cpus: 1, kernel: '6.6', slots: 1 },
      cpus: [
        { cpu: 0, budget: { cpuPinned: 0, worstTask: 0, total: 1 }, slots: [{ slot: 0, occupant: { owner: 'gdb' } }] },
      ],
    },
    { type: 'perfResult', reqId: 'a', ok: true },
  ];
  for (const m of bad) assert.equal(checkToPanel(m), undefined, JSON.stringify(m));
});

test('adapter events are checked before use', () => {
  assert.ok(checkDecisionsEvent({ decisions: [decision(0)], total: 1, dropped: 0 }));
  assert.equal(checkDecisionsEvent({ decisions: [{ seq: 0 }], total: 1, dropped: 0 }), undefined);
  assert.equal(checkDecisionsEvent({ decisions: [], total: -1, dropped: 0 }), undefined);
  assert.equal(checkSlotsEvent({ machine: { cpu: 'power10', cpus: 1, kernel: '6.7', slots: 2 }, cpus: [] }), undefined);
  const slots = { machine: { cpu: 'power10', cpus: 1, kernel: '6.6', slots: 2, dawrForceEnable: false }, cpus: [] };
  assert.ok(checkSnapshot({ slots, counters: { counters: [] }, total: 0, dropped: 0, recent: [] }));
  assert.equal(checkSnapshot({ slots, counters: { counters: [] }, total: 0, dropped: 0 }), undefined);
});
