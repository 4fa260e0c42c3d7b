// SEMANTICS §3.1 "Modify" (modify_user_hw_breakpoint) and §3.2 (under 6.5 a type-changing modify
// re-runs the exclusion check with the OLD address and length).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HW_BREAKPOINT_R, HW_BREAKPOINT_W } from '../../../sim/hwbp/breakpoint';
import { A, errno, ok, rig, T0, T1 } from './helpers';

const B = A + 0x800n;

test('§3.1 modify step 1: the event is disabled (uninstalled) before it is changed, then installed again', () => {
  const { hw, writes } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setDebugreg(T0, A | 5n));
  writes.length = 0;
  ok(hw.setDebugreg(T0, B | 5n));
  assert.deepEqual(
    writes.map((w) => w.p?.start ?? null),
    [null, B],
  );
});

test('§3.1 modify step 2: a parse error keeps the old attr and re-enables (old attr not disabled)', () => {
  const { hw, dawr } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setDebugreg(T0, A | 5n));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  const r = hw.modify(bp, { bpAddr: B, bpLen: 0n, bpType: HW_BREAKPOINT_W, disabled: false });
  assert.equal(r?.errno, 'EINVAL');
  assert.equal(bp.attr.bpAddr, A);
  assert.equal(bp.attr.bpType, HW_BREAKPOINT_R);
  assert.equal(bp.state, 'active');
  assert.equal(dawr[0][0]?.start, A);
});

test('§3.1 modify step 2: a parse error on a disabled (fired) breakpoint leaves it disabled', () => {
  const { hw, dawr } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setDebugreg(T0, A | 5n));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  hw.hwContext(0, T0, 0, () => {}).perfBpEvent(bp, { pc: 0n, mode: 'user', singleStep: false });
  assert.equal(
    hw.modify(bp, { bpAddr: A + 0x1f8n, bpLen: 16n, bpType: HW_BREAKPOINT_R, disabled: false })?.errno,
    'EINVAL',
  );
  assert.equal(bp.state, 'off');
  assert.equal(bp.attr.disabled, true);
  assert.equal(dawr[0][0], null);
});

test('§3.1 modify step 2 includes the kernel-space check (EPERM without CAP_SYS_ADMIN)', () => {
  const { hw } = rig('power10', '6.6', 1, { capSysAdmin: false });
  ok(hw.setDebugreg(T0, A | 5n));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  assert.equal(
    hw.modify(bp, { bpAddr: 0xc000000000000000n, bpLen: 8n, bpType: HW_BREAKPOINT_R, disabled: false })?.errno,
    'EPERM',
  );
  assert.equal(bp.attr.bpAddr, A);
});

test('§3.1 modify step 3: a type change releases and re-reserves (same class: succeeds; counts unchanged)', () => {
  for (const pol of ['6.6', '6.5'] as const) {
    const { hw } = rig('power8', pol, 1);
    ok(hw.setDebugreg(T0, A | 5n));
    ok(hw.setDebugreg(T0, B | 6n));
    const bp = hw.ptraceBreakpoint(T0, 1);
    assert.equal(bp?.attr.bpType, HW_BREAKPOINT_W);
    assert.equal(hw.accounting().reserved.length, 1);
    assert.equal(hw.accounting().taskPinned(T0, 0), 1);
  }
});

test('§3.1 modify steps 4-5: addr/type/len/disabled copied, new arch info (perf_single_step false), enabled', () => {
  const { hw } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setDebugreg(T0, A | 5n));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  bp.info.perfSingleStep = true;
  assert.equal(hw.modify(bp, { bpAddr: B + 3n, bpLen: 2n, bpType: HW_BREAKPOINT_W, disabled: false }), null);
  assert.equal(bp.attr.bpAddr, B + 3n);
  assert.equal(bp.attr.bpLen, 2n);
  assert.equal(bp.info.address, B + 3n);
  assert.equal(bp.info.len, 2);
  assert.equal(bp.info.perfSingleStep, false);
  assert.equal(bp.state, 'active');
  assert.equal(hw.modify(bp, { bpAddr: B, bpLen: 8n, bpType: HW_BREAKPOINT_W, disabled: true }), null);
  assert.equal(bp.state, 'off');
});

test('§3.2 6.5: a type-changing modify re-runs the exclusion with the OLD addr/len -> ENOSPC; 6.6 -> ok', () => {
  for (const pol of ['6.5', '6.6'] as const) {
    const { hw } = rig('power10', pol, 1);
    ok(hw.setDebugreg(T0, A | 5n)); // ptrace on T0 at A (read)
    ok(hw.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' })); // allowed: ptrace came first
    // move T0's ptrace to B (no overlap with anything) and change R -> W
    const r = hw.setDebugreg(T0, B | 6n);
    assert.equal(errno(r), pol === '6.5' ? 'ENOSPC' : 'ok(0)', pol);
    if (pol === '6.5') {
      const bp = hw.ptraceBreakpoint(T0, 1);
      assert.equal(bp?.attr.bpAddr, A, 'old attr kept');
      assert.equal(ok(hw.getDebugreg(T0)), A | 5n, 'hw_brk[0] not updated on failure');
    }
  }
});

test('§3.2 6.5: the same move WITHOUT a type change is not re-checked (allowed)', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.setDebugreg(T0, A | 5n));
  ok(hw.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
  ok(hw.setDebugreg(T0, B | 5n));
  // and even onto the perf event's doubleword: the kernel does not look
  ok(hw.setDebugreg(T0, A | 5n));
});

test('§3.2 6.5: when the old reservation cannot be restored the breakpoint stays registered without one (WARN)', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.setDebugreg(T0, A | 5n));
  ok(hw.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
  assert.equal(errno(hw.setDebugreg(T0, B | 6n)), 'ENOSPC');
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  assert.ok(hw.breakpoints().includes(bp));
  assert.ok(!hw.accounting().reserved.includes(bp));
  assert.ok(!hw.accounting().exclusion?.taskList.includes(bp));
  assert.ok(hw.kernelLog.some((l) => /__modify_bp_slot/.test(l)));
  // releasing it later is a no-op for the counts (and a WARN)
  ok(hw.setDebugreg(T0, 0n));
  assert.ok(hw.kernelLog.some((l) => /held no slot reservation/.test(l)));
  assert.deepEqual(
    hw.accounting().reserved.map((b) => b.name),
    ['perf:3'],
  );
});
