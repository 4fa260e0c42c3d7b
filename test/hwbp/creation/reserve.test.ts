// SEMANTICS §3.1: the generic slot accounting (the ENOSPC rule), the same under 6.5 and 6.6.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { A, errno, ok, range, rig, T0, T1 } from './helpers';

const B = A + 0x100n; // never overlapping A, so the 6.5 exclusion stays out of these tests
const policies = ['6.6', '6.5'] as const;

for (const pol of policies) {
  test(`§3.1 per-task B: TASK(t0) + max_c CPU(c) + 1 <= N; another task has its own budget (${pol})`, () => {
    const { hw } = rig('power8', pol, 2);
    ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'r' })), 'ENOSPC');
    ok(hw.perfOpen({ pid: T1, addr: B, len: 8n, type: 'r' }));
  });

  test(`§3.1 disabled breakpoints count: reservation is not tied to enable (${pol})`, () => {
    const { hw } = rig('power8', pol, 1);
    const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r', disabled: true }));
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'r' })), 'ENOSPC');
    ok(hw.perfDisable(fd));
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'r' })), 'ENOSPC');
    ok(hw.perfClose(fd));
    ok(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'r' }));
  });

  test(`§3.1 per-CPU B on c0: CPU(c0) + max over tasks TASK(t,c0) + 1 <= N (${pol})`, () => {
    const { hw } = rig('power10', pol, 2);
    ok(hw.perfOpen({ pid: T1, addr: A, len: 8n, type: 'r' }));
    ok(hw.perfOpen({ cpu: 0, addr: B, len: 8n, type: 'r' }));
    // CPU(0) = 1, max_t TASK(t, 0) = 1 -> a second per-CPU event on cpu0 does not fit
    assert.equal(errno(hw.perfOpen({ cpu: 0, addr: B, len: 8n, type: 'w' })), 'ENOSPC');
    // cpu1: CPU(1) = 0, TASK(T1, 1) = 1 -> fits once
    ok(hw.perfOpen({ cpu: 1, addr: B, len: 8n, type: 'w' }));
    assert.equal(errno(hw.perfOpen({ cpu: 1, addr: B, len: 8n, type: 'w' })), 'ENOSPC');
    // and now no task may add a per-task breakpoint: max_c CPU(c) = 1, plus T1's own 1 -> full for T1
    assert.equal(errno(hw.perfOpen({ pid: T1, addr: B, len: 8n, type: 'r' })), 'ENOSPC');
    ok(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'r' }));
  });

  test(`§3.1 per-task B: the max is over every CPU; a per-CPU breakpoint on any CPU counts (${pol})`, () => {
    const { hw } = rig('power8', pol, 2);
    ok(hw.perfOpen({ cpu: 1, addr: B, len: 8n, type: 'r' }));
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' })), 'ENOSPC');
    assert.equal(errno(hw.setHwdebug(T1, range(A, 8))), 'ENOSPC', 'ptrace is per-task too');
  });

  test(`§3.1 "all CPUs" means possible CPUs: a per-CPU breakpoint on an offline CPU still counts (${pol})`, () => {
    const { hw } = rig('power8', pol, 2);
    ok(hw.perfOpen({ cpu: 1, addr: B, len: 8n, type: 'r' }));
    hw.setCpuOnline(1, false);
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: A + 0x800n, len: 8n, type: 'r' })), 'ENOSPC');
  });

  test(`§3.1 task-on-CPU B (t0,c0): CPU(c0) + TASK(t0,c0) + 1 <= N (${pol})`, () => {
    const { hw } = rig('power8', pol, 2);
    ok(hw.perfOpen({ pid: T0, cpu: 1, addr: A, len: 8n, type: 'r' }));
    // TASK(T0, 0) = 0 -> another task-on-CPU for cpu0 fits
    ok(hw.perfOpen({ pid: T0, cpu: 0, addr: B, len: 8n, type: 'r' }));
    assert.equal(errno(hw.perfOpen({ pid: T0, cpu: 0, addr: B, len: 8n, type: 'w' })), 'ENOSPC');
    // per-task for T0: max over c of TASK(T0,c) = 1 -> full
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'w' })), 'ENOSPC');
    // per-CPU cpu1: max_t TASK(t,1) = 1 -> full; other task on cpu1: fits
    assert.equal(errno(hw.perfOpen({ cpu: 1, addr: B, len: 8n, type: 'w' })), 'ENOSPC');
    ok(hw.perfOpen({ pid: T1, cpu: 1, addr: B, len: 8n, type: 'w' }));
  });

  test(`§3.1 ptrace breakpoints are per-task (cpu -1) and share the budget with perf (${pol})`, () => {
    const { hw } = rig('power10', pol, 1);
    ok(hw.perfOpen({ pid: T0, addr: B, len: 8n, type: 'r' }));
    assert.equal(ok(hw.setHwdebug(T0, range(B + 0x100n, 8))), 1);
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: B + 0x200n, len: 8n, type: 'r' })), 'ENOSPC');
    assert.equal(errno(hw.perfOpen({ cpu: 0, addr: B + 0x200n, len: 8n, type: 'r' })), 'ENOSPC');
    ok(hw.delHwdebug(T0, 1));
    ok(hw.perfOpen({ cpu: 0, addr: B + 0x200n, len: 8n, type: 'r' }));
  });

  test(`§3.1 POWER10 has N = 2, POWER8 N = 1, POWER7 N = 1 (${pol})`, () => {
    for (const [m, n] of [
      ['power7', 1],
      ['power8', 1],
      ['power10', 2],
    ] as const) {
      const { hw } = rig(m, pol, 1);
      for (let i = 0; i < n; i++) ok(hw.perfOpen({ pid: T0, addr: B + BigInt(i) * 0x100n, len: 8n, type: 'w' }));
      assert.equal(errno(hw.perfOpen({ pid: T0, addr: B + 0x400n, len: 8n, type: 'w' })), 'ENOSPC', m);
    }
  });

  test(`§3.1 every ENOSPC message names the CPU and what holds its slots (${pol})`, () => {
    const { hw } = rig('power8', pol, 1);
    ok(hw.perfOpen({ id: 'writes', cpu: 0, addr: B, len: 8n, type: 'w' }));
    const r = hw.setHwdebug(T0, range(B + 0x100n, 8));
    assert.ok(!r.ok);
    assert.match(r.message, /^ENOSPC: cpu0 .*perf:writes/);
  });
}

test('§3.1 release at destruction: closing, DELHWDEBUG and task exit give the budget back', () => {
  const { hw } = rig('power10', '6.6', 1);
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  ok(hw.setHwdebug(T0, range(B, 8)));
  assert.equal(hw.accounting().taskPinned(T0, 0), 2);
  ok(hw.perfClose(fd));
  assert.equal(hw.accounting().taskPinned(T0, 0), 1);
  hw.taskExit(T0);
  assert.equal(hw.accounting().taskPinned(T0, 0), 0);
  assert.equal(hw.accounting().reserved.length, 0);
});

test('§3.1 a perf event on an exited task keeps its reservation until close', () => {
  const { hw } = rig('power8', '6.6', 1);
  const fd = ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  hw.taskExit(T0);
  assert.equal(hw.accounting().reserved.length, 1);
  assert.equal(errno(hw.perfOpen({ cpu: 0, addr: B, len: 8n, type: 'r' })), 'ENOSPC');
  ok(hw.perfClose(fd));
  ok(hw.perfOpen({ cpu: 0, addr: B, len: 8n, type: 'r' }));
});
