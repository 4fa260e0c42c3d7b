// The panel's read-only views: structurally identical to debug-adapter/panel-protocol.ts, and filled
// from the live state (occupants, programmed range, state, budget, counters).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as P from '../../../debug-adapter/panel-protocol';
import type * as V from '../../../sim/hwbp/views';
import { A, ok, range, rig, T0, T1 } from './helpers';

// Compile-time: each view type is assignable both ways to its panel-protocol twin.
type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
const sameTypes: [
  Same<V.SlotsEvent, P.SlotsEvent>,
  Same<V.CpuSlots, P.CpuSlots>,
  Same<V.SlotOccupant, P.SlotOccupant>,
  Same<V.Counter, P.Counter>,
  Same<V.CountersEvent, P.CountersEvent>,
  Same<V.MachineInfo, P.MachineInfo>,
] = [true, true, true, true, true, true];

test('views: the types match panel-protocol.ts', () => {
  assert.deepEqual(sameTypes, [true, true, true, true, true, true]);
});

test('views: slots, occupants, programmed range, privilege, state, budget', () => {
  const { hw } = rig('power10', '6.6', 2);
  hw.switchIn(0, T0);
  ok(hw.setHwdebug(T0, range(A + 2n, 4)));
  ok(hw.perfOpen({ id: 'all', cpu: 1, addr: A + 8n, len: 8n, type: 'w', excludeKernel: true, excludeHv: true }));
  ok(hw.perfOpen({ id: 'p', pid: T1, addr: A + 0x10n, len: 8n, type: 'r' }));
  const v = hw.slotsView();
  assert.deepEqual(v.machine, { cpu: 'power10', cpus: 2, kernel: '6.6', slots: 2, dawrForceEnable: false });
  assert.equal(v.cpus[0].task, 't100');
  assert.deepEqual(v.cpus[0].slots[0].occupant, {
    bp: 'ptrace:t100:1',
    owner: 'ptrace',
    label: 'ptrace #1',
    task: 't100',
    addr: '0x10100002',
    len: 4,
    hwAddr: '0x10100000',
    hwLen: 8,
    type: 'r',
    privilege: ['user', 'kernel', 'hyp'],
    state: 'armed',
  });
  assert.deepEqual(v.cpus[0].slots[1], { slot: 1 });
  assert.deepEqual(v.cpus[1].slots[0].occupant?.privilege, ['user']);
  assert.equal(v.cpus[1].slots[0].occupant?.label, 'perf "all"');
  assert.equal(v.cpus[1].slots[0].occupant?.task, undefined);
  // budget: cpu1 has 1 per-CPU pinned; worst task is t100 or t101 with 1
  assert.deepEqual(v.cpus[1].budget, { cpuPinned: 1, worstTask: 1, worstTaskName: 't100', total: 2 });
  assert.deepEqual(v.cpus[0].budget, { cpuPinned: 0, worstTask: 1, worstTaskName: 't100', total: 2 });
});

test(
  'views: a fired ptrace breakpoint leaves its slot; POWER9 ' + 'default shows 0 slots; forced shows dawrForceEnable',
  () => {
    const { hw } = rig('power10', '6.6', 1);
    hw.switchIn(0, T0);
    ok(hw.setHwdebug(T0, range(A, 8)));
    hw.hwContext(0, T0, 0, () => {}).perfBpEvent(hw.ptraceBreakpoint(T0, 1)!, {
      pc: 0n,
      mode: 'user',
      singleStep: false,
    });
    assert.deepEqual(hw.slotsView().cpus[0].slots[0], { slot: 0 });
    assert.equal(rig('power9').hw.slotsView().machine.slots, 0);
    assert.equal(rig('power9', '6.6', 1, { force: true }).hw.slotsView().machine.dawrForceEnable, true);
  },
);

test('views: counters with live counts', () => {
  const { hw } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  const fd = ok(hw.perfOpen({ id: 'x', pid: T0, addr: A, len: 8n, type: 'rw' }));
  hw.hwContext(0, T0, 0, () => {}).perfBpEvent(hw.perfFile(fd)!.bp, { pc: 0n, mode: 'user', singleStep: false });
  assert.deepEqual(hw.countersView().counters, [
    {
      id: 'x',
      fd: 3,
      task: 't100',
      cpu: -1,
      addr: '0x10100000',
      len: 8,
      type: 'rw',
      count: 1,
      enabled: true,
      closed: false,
    },
  ]);
});
