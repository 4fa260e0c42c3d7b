// perf_event_open of breakpoint events and the fd operations (SCENARIOS §2 perf_* operations).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, errno, ok, rig, T0, T1 } from './helpers';

test('perf fds are the lowest free number from 3; a failed open takes no fd', () => {
  const { hw } = rig('power10', '6.6', 1);
  assert.equal(ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' })), 3);
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 0n, type: 'r' })), 'EINVAL');
  assert.equal(ok(hw.perfOpen({ pid: T1, addr: A, len: 8n, type: 'r' })), 4);
  ok(hw.perfClose(3));
  assert.equal(ok(hw.perfOpen({ pid: T1, addr: A, len: 8n, type: 'w' })), 3);
});

test('perf operations on a closed or unknown fd -> EBADF', () => {
  const { hw } = rig();
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  ok(hw.perfClose(fd));
  for (const r of [
    hw.perfClose(fd),
    hw.perfEnable(fd),
    hw.perfDisable(fd),
    hw.perfReset(fd),
    hw.perfRead(fd),
    hw.perfRead(42),
  ])
    assert.equal(errno(r), 'EBADF');
});

test(
  'perf_event_open generic checks: unknown pid ESRCH, pid -1 ' +
    'with cpu -1 EINVAL, cpu out of range EINVAL, offline cpu ENODEV',
  () => {
    const { hw } = rig('power10', '6.6', 2);
    assert.equal(errno(hw.perfOpen({ pid: 999, addr: A, len: 8n, type: 'r' })), 'ESRCH');
    assert.equal(errno(hw.perfOpen({ addr: A, len: 8n, type: 'r' })), 'EINVAL');
    assert.equal(errno(hw.perfOpen({ cpu: 2, addr: A, len: 8n, type: 'r' })), 'EINVAL');
    assert.equal(errno(hw.perfOpen({ pid: T0, cpu: -2, addr: A, len: 8n, type: 'r' })), 'EINVAL');
    hw.setCpuOnline(1, false);
    assert.equal(errno(hw.perfOpen({ cpu: 1, addr: A, len: 8n, type: 'r' })), 'ENODEV');
    assert.equal(hw.accounting().reserved.length, 0, 'the reservation made before the online check is released');
    ok(hw.perfOpen({ pid: T0, cpu: 1, addr: A, len: 8n, type: 'r' }));
  },
);

test('enable, disable, reset, read', () => {
  const { hw } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'rw', disabled: true }));
  const bp = hw.perfFile(fd)!.bp;
  const ctx = hw.hwContext(0, T0, 0, () => {});
  const user = { pc: 0n, mode: 'user' as const, singleStep: false };
  assert.equal(bp.state, 'off');
  assert.deepEqual(ctx.perfBpEvent(bp, user), []);
  ok(hw.perfEnable(fd));
  assert.equal(bp.state, 'active');
  ctx.perfBpEvent(bp, user);
  ctx.perfBpEvent(bp, user);
  assert.equal(ok(hw.perfRead(fd)), 2);
  ok(hw.perfDisable(fd));
  assert.equal(ok(hw.perfRead(fd)), 2, 'a disabled event keeps its count');
  ok(hw.perfReset(fd));
  assert.equal(ok(hw.perfRead(fd)), 0);
  // enable twice, disable twice: idempotent
  ok(hw.perfEnable(fd));
  ok(hw.perfEnable(fd));
  assert.equal(hw.slotOccupants(0).filter((b) => b === bp).length, 1);
  ok(hw.perfDisable(fd));
  ok(hw.perfDisable(fd));
  assert.equal(hw.slotOccupants(0).filter((b) => b === bp).length, 0);
});

test('close = uninstall + release (the budget comes back, the counter view marks it closed)', () => {
  const { hw } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  const fd = ok(hw.perfOpen({ id: 'writes', pid: T0, addr: A, len: 8n, type: 'w' }));
  assert.equal(hw.slotOccupants(0)[0]?.name, 'perf:writes');
  ok(hw.perfClose(fd));
  assert.equal(hw.slotOccupants(0)[0], null);
  assert.equal(hw.accounting().reserved.length, 0);
  const c = hw.countersView().counters;
  assert.equal(c.length, 1);
  assert.equal(c[0].id, 'writes');
  assert.equal(c[0].closed, true);
  assert.equal(c[0].enabled, false);
});

test('perf_event_open breakpoints are counting-only and not pinned by default; ptrace ones are pinned', () => {
  const { hw } = rig();
  const bp = hw.perfFile(ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' })))!.bp;
  assert.equal(bp.attr.pinned, false);
  assert.equal(bp.owner, 'perf');
});
