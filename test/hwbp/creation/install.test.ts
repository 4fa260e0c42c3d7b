// SEMANTICS §4: installation into per-CPU slots, scheduling, and the HwContext given to the
// exception side (perf_bp_event, ptrace_triggered, async disable).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuModel } from '../../../sim/hwbp/cpu-model';
import type { Breakpoint } from '../../../sim/hwbp/breakpoint';
import { HwSlots } from '../../../sim/hwbp/install';
import { A, dawrAt, errno, ok, range, rig, T0, T1 } from './helpers';

const USER = { pc: 0x10000000n, mode: 'user' as const, singleStep: false };
const KERNEL = { pc: 0xc000000000001000n, mode: 'kernel' as const, singleStep: false };

function fakeBp(name: string): Breakpoint {
  return {
    name,
    owner: 'perf',
    attr: {
      bpAddr: A,
      bpLen: 8n,
      bpType: 1,
      excludeUser: false,
      excludeKernel: false,
      excludeHv: false,
      pinned: false,
      disabled: false,
    },
    info: { address: A, len: 8, hwLen: 8, type: 0x1f, perfSingleStep: false },
    target: undefined,
    cpu: 0,
    count: 0,
    state: 'inactive',
  };
}

test('§4 install: the lowest free slot index; bp_per_reg and current_brk follow', () => {
  const { hw, dawr } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  const f1 = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  ok(hw.perfOpen({ cpu: 0, addr: A + 0x10n, len: 8n, type: 'w' }));
  assert.deepEqual(
    hw.slotOccupants(0).map((b) => b?.name),
    ['perf:3', 'perf:4'],
  );
  assert.equal(hw.currentBrk(0)[1]?.address, A + 0x10n);
  ok(hw.perfDisable(f1));
  assert.deepEqual(
    hw.slotOccupants(0).map((b) => b?.name ?? null),
    [null, 'perf:4'],
  );
  assert.equal(dawr[0][0], null, 'uninstall programs null');
  assert.equal(hw.currentBrk(0)[0], null);
  ok(hw.perfEnable(f1));
  assert.deepEqual(
    hw.slotOccupants(0).map((b) => b?.name),
    ['perf:3', 'perf:4'],
  );
  assert.equal(dawrAt(dawr, 0, 0)?.start, A);
});

test(
  '§4 no free slot: EBUSY with WARN_ONCE "Can\'t find ' + 'any breakpoint slot"; uninstall of an absent one WARNs',
  () => {
    const log: string[] = [];
    const once = new Set<string>();
    const slots = new HwSlots(
      cpuModel('power8'),
      1,
      () => {},
      (site, line) => {
        if (!once.has(site)) log.push(line);
        once.add(site);
      },
    );
    assert.equal(slots.install(0, fakeBp('a'), false), 0);
    assert.equal(slots.install(0, fakeBp('b'), false), -1);
    assert.equal(slots.install(0, fakeBp('c'), false), -1);
    assert.equal(log.filter((l) => /Can't find any breakpoint slot/.test(l)).length, 1, 'once');
    assert.equal(slots.uninstall(0, fakeBp('d')), false);
    assert.equal(slots.installedCount(0), 1);
  },
);

test(
  '§4 EBUSY end to end (after the 6.5 modify leak): a ' +
    'flexible event stays unscheduled, a pinned one goes to error',
  () => {
    for (const pinned of [false, true]) {
      const { hw } = rig('power8', '6.5', 1);
      ok(hw.setDebugreg(T0, A | 5n));
      ok(hw.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
      assert.equal(errno(hw.setDebugreg(T0, (A + 0x800n) | 6n)), 'ENOSPC'); // T0's ptrace loses its reservation
      // T0 now looks empty to the accounting: a perf event fits
      const fd = ok(hw.perfOpen({ pid: T0, addr: A + 0x100n, len: 8n, type: 'r', pinned }));
      hw.switchIn(0, T0);
      const ptrace = hw.ptraceBreakpoint(T0, 1);
      const perf = hw.perfFile(fd)?.bp;
      assert.equal(ptrace?.state, 'active', 'created first, installed first');
      assert.equal(perf?.state, pinned ? 'error' : 'inactive');
      assert.ok(hw.kernelLog.some((l) => /Can't find any breakpoint slot/.test(l)));
      assert.equal(hw.slotOccupants(0).filter((b) => b).length, 1);
      // a flexible event is tried again at the next switch-in; a pinned one stays in error until enabled
      hw.switchOut(0, T0);
      ok(hw.setDebugreg(T0, 0n));
      hw.switchIn(0, T0);
      assert.equal(perf?.state, pinned ? 'error' : 'active');
      if (pinned) {
        ok(hw.perfEnable(fd));
        assert.equal(perf?.state, 'active');
      }
    }
  },
);

test(
  '§4 per-task events follow their task: installed on ' + 'switch-in, on the CPU it runs on; removed on switch-out',
  () => {
    const { hw, dawr } = rig('power8', '6.6', 2);
    ok(hw.setHwdebug(T0, range(A, 8)));
    assert.equal(hw.slotOccupants(0)[0], null, 'not running: not installed');
    hw.switchIn(1, T0);
    assert.equal(hw.slotOccupants(1)[0]?.name, 'ptrace:t100:1');
    assert.equal(dawr[1][0]?.start, A);
    hw.switchOut(1, T0);
    assert.equal(hw.slotOccupants(1)[0], null);
    assert.equal(dawr[1][0], null);
    hw.switchIn(0, T1);
    assert.equal(hw.slotOccupants(0)[0], null, 'another task does not bring it');
  },
);

test('§4 task-on-CPU events only when the task runs on that CPU', () => {
  const { hw } = rig('power10', '6.6', 2);
  ok(hw.perfOpen({ pid: T0, cpu: 1, addr: A, len: 8n, type: 'r' }));
  hw.switchIn(0, T0);
  assert.equal(hw.slotOccupants(0).filter((b) => b).length, 0);
  hw.switchOut(0, T0);
  hw.switchIn(1, T0);
  assert.equal(hw.slotOccupants(1)[0]?.name, 'perf:3');
});

test('§4 per-CPU events are installed when enabled and stay across task switches', () => {
  const { hw } = rig('power10', '6.6', 2);
  const fd = ok(hw.perfOpen({ cpu: 1, addr: A, len: 8n, type: 'r', disabled: true }));
  assert.equal(hw.slotOccupants(1)[0], null, 'disabled at open: not installed');
  ok(hw.perfEnable(fd));
  assert.equal(hw.slotOccupants(1)[0]?.name, 'perf:3');
  hw.switchIn(1, T0);
  hw.switchOut(1, T0);
  hw.switchIn(1, T1);
  assert.equal(hw.slotOccupants(1)[0]?.name, 'perf:3');
  ok(hw.perfClose(fd));
  assert.equal(hw.slotOccupants(1)[0], null, 'close uninstalls');
});

test('§4 POST: install takes the slot but does not program the DAWR while info.perfSingleStep is set', () => {
  const { hw, dawr } = rig('power10', '6.6', 1);
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  const other = ok(hw.perfOpen({ pid: T0, addr: A + 0x10n, len: 8n, type: 'r' }));
  const bp = hw.perfFile(fd)?.bp;
  assert.ok(bp);
  bp.info.perfSingleStep = true;
  hw.switchIn(0, T0);
  assert.equal(hw.slotOccupants(0)[0], bp);
  assert.equal(dawr[0][0], null);
  assert.equal(dawr[0][1]?.start, A + 0x10n, 'POST holds back only the pending one');
  assert.equal(hw.slotsView().cpus[0].slots[0].occupant?.state, 'step-pending');
  void other;
});

test('§4 PRE: no DAWR is programmed while ANY last_hit_ubp of the current thread is set', () => {
  const { hw, dawr } = rig('power10', '6.5', 1);
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  ok(hw.perfOpen({ pid: T0, addr: A + 0x10n, len: 8n, type: 'r' }));
  const bp = hw.perfFile(fd)?.bp;
  assert.ok(bp);
  const cur = hw.currentTask(T0, false);
  cur.lastHitUbp[0] = bp; // the handler's bookkeeping is the thread's own array
  hw.switchIn(0, T0);
  assert.equal(hw.slotOccupants(0).filter((b) => b).length, 2);
  assert.deepEqual(dawr[0], [null, null]);
  hw.switchOut(0, T0);
  cur.lastHitUbp[0] = null;
  hw.switchIn(0, T0);
  assert.equal(dawrAt(dawr, 0, 0)?.start, A);
});

test(
  '§4 PRE: unregistering a breakpoint clears it from ' + "its task's last_hit_ubp (arch_unregister_hw_breakpoint)",
  () => {
    const { hw } = rig('power10', '6.5', 1);
    const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
    const bp = hw.perfFile(fd)?.bp;
    assert.ok(bp);
    hw.thread(T0)!.lastHitUbp[1] = bp;
    ok(hw.perfClose(fd));
    assert.deepEqual(hw.thread(T0)!.lastHitUbp, [null, null]);
  },
);

test('§4 disableAllSlots programs null into every slot; programSlot reprograms from the occupant', () => {
  const { hw, dawr } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  ok(hw.perfOpen({ cpu: 0, addr: A + 0x10n, len: 8n, type: 'r' }));
  const ctx = hw.hwContext(0, T0, 5, () => {});
  ctx.disableAllSlots(0);
  assert.deepEqual(dawr[0], [null, null]);
  assert.deepEqual(hw.currentBrk(0), [null, null]);
  assert.equal(hw.slotOccupants(0).filter((b) => b).length, 2, 'slots stay occupied');
  assert.equal(hw.slotsView().cpus[0].slots[0].occupant?.state, 'off');
  ctx.programSlot(0, 1, ctx.slots.bpPerReg[1]);
  assert.equal(dawrAt(dawr, 0, 1)?.start, A + 0x10n);
  assert.equal(hw.slotsView().cpus[0].slots[1].occupant?.state, 'armed');
});

test('§4 ptrace_triggered: perf_bp_event on a ptrace breakpoint disables it and uninstalls it locally', () => {
  const { hw, dawr } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setHwdebug(T0, range(A, 8)));
  const bp = hw.ptraceBreakpoint(T0, 1)!;
  const ctx = hw.hwContext(0, T0, 0, () => {});
  assert.deepEqual(ctx.perfBpEvent(bp, USER), [{ kind: 'disable', bp: 'ptrace:t100:1' }]);
  assert.equal(bp.count, 1);
  assert.equal(ctx.slots.bpPerReg[0], null);
  assert.equal(dawr[0][0], null);
  // a disabled event is not started: no further count
  assert.deepEqual(ctx.perfBpEvent(bp, USER), []);
  assert.equal(bp.count, 1);
});

test('perf_bp_event counts only a started event that is not mode-excluded', () => {
  const { hw } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  const u = hw.perfFile(ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r', excludeKernel: true })))!.bp;
  const kk = hw.perfFile(ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r', excludeUser: true })))!.bp;
  const ctx = hw.hwContext(0, T0, 0, () => {});
  assert.deepEqual(ctx.perfBpEvent(u, USER), [{ kind: 'count', bp: 'perf:3', value: 1 }]);
  assert.deepEqual(ctx.perfBpEvent(u, KERNEL), []);
  assert.deepEqual(ctx.perfBpEvent(kk, USER), []);
  assert.deepEqual(ctx.perfBpEvent(kk, KERNEL), [{ kind: 'count', bp: 'perf:4', value: 1 }]);
  ok(hw.perfDisable(3));
  assert.deepEqual(ctx.perfBpEvent(u, USER), [], 'not started');
  assert.equal(ok(hw.perfRead(3)), 1);
});

test('disableAsync: OFF and uninstalled, without touching attr.disabled; a re-enable installs it again', () => {
  const { hw, dawr } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setHwdebug(T0, range(A, 8)));
  const bp = hw.ptraceBreakpoint(T0, 1)!;
  assert.deepEqual(hw.hwContext(0, T0, 0, () => {}).disableAsync(bp), [{ kind: 'disable', bp: 'ptrace:t100:1' }]);
  assert.equal(bp.state, 'off');
  assert.equal(bp.attr.disabled, false);
  assert.equal(dawr[0][0], null);
  ok(hw.setDebugreg(T0, A | 5n));
  assert.equal(bp.state, 'active');
});

test('taskExit switches the task out and leaves its perf events unschedulable (never installed again)', () => {
  const { hw } = rig('power10', '6.6', 1);
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  hw.switchIn(0, T0);
  hw.taskExit(T0);
  assert.equal(hw.currentOn(0), undefined);
  assert.equal(hw.slotOccupants(0)[0], null);
  hw.switchIn(0, T0);
  assert.equal(hw.slotOccupants(0)[0], null);
  assert.equal(ok(hw.perfRead(fd)), 0);
});
