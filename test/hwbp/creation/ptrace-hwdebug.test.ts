// SEMANTICS §2.2 (SETHWDEBUG), §2.3 (SET/GET_DEBUGREG), §2.4 (DELHWDEBUG), §1.4 (GETHWDBGINFO).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HW_BREAKPOINT_R,
  HW_BREAKPOINT_RW,
  HW_BREAKPOINT_W,
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_USER,
  TASK_SIZE,
} from '../../../sim/hwbp/breakpoint';
import {
  PPC_BREAKPOINT_MODE_MASK,
  PPC_BREAKPOINT_MODE_RANGE_EXCLUSIVE,
  PPC_BREAKPOINT_TRIGGER_EXECUTE,
  PPC_BREAKPOINT_TRIGGER_READ,
  PPC_BREAKPOINT_TRIGGER_RW,
  PPC_BREAKPOINT_TRIGGER_WRITE,
  rangeInclusiveLen,
} from '../../../sim/hwbp/ptrace-hwdebug';
import { A, errno, exact, ok, range, rig, T0, T1 } from './helpers';

const USER_REGS = { pc: 0x10000000n, mode: 'user' as const, singleStep: false };

test('§2.2 step 1: version != 1 -> ENOTSUPP (524), before every other check', () => {
  const { hw } = rig();
  const r = hw.setHwdebug(T0, { ...range(A, 8), version: 2 });
  assert.equal(errno(r), 'ENOTSUPP');
  assert.equal(
    errno(hw.setHwdebug(T0, { ...range(TASK_SIZE, 8), triggerType: PPC_BREAKPOINT_TRIGGER_EXECUTE, version: 0 })),
    'ENOTSUPP',
  );
});

test('§2.2 step 2: trigger must be R and/or W only (EXECUTE rejected), condition NONE -> else EINVAL', () => {
  const { hw } = rig();
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8, PPC_BREAKPOINT_TRIGGER_EXECUTE))), 'EINVAL');
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8, 0))), 'EINVAL');
  assert.equal(
    errno(hw.setHwdebug(T0, range(A, 8, PPC_BREAKPOINT_TRIGGER_RW | PPC_BREAKPOINT_TRIGGER_EXECUTE))),
    'EINVAL',
  );
  assert.equal(errno(hw.setHwdebug(T0, { ...range(A, 8), conditionMode: 1 })), 'EINVAL');
  // step 2 comes before step 3
  assert.equal(errno(hw.setHwdebug(T0, range(TASK_SIZE, 8, PPC_BREAKPOINT_TRIGGER_EXECUTE))), 'EINVAL');
  assert.equal(hw.accounting().reserved.length, 0);
});

test('§2.2 step 3: addr >= TASK_SIZE -> EIO (before the mode check)', () => {
  const { hw } = rig();
  assert.equal(errno(hw.setHwdebug(T0, range(TASK_SIZE, 8))), 'EIO');
  assert.equal(
    errno(hw.setHwdebug(T0, { ...range(0xc000000000000000n, 8), addrMode: PPC_BREAKPOINT_MODE_MASK })),
    'EIO',
  );
  ok(hw.setHwdebug(T0, range(TASK_SIZE - 8n, 8)));
});

test('§2.2 step 4: RANGE_INCLUSIVE len = addr2 - addr (addr2 is an exclusive end)', () => {
  const { hw } = rig();
  ok(hw.setHwdebug(T0, range(A, 8)));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.equal(bp?.attr.bpLen, 8n);
  assert.equal(bp?.info.hwLen, 8, 'A..A+8 is one doubleword, not two');
  // addr2 == addr: len 0 -> EINVAL from the parse
  assert.equal(errno(hw.setHwdebug(T0, { ...range(A, 0) })), 'EINVAL');
});

test('§2.2 step 4: the length is an int: the difference is truncated to 32 bits and sign-extended', () => {
  assert.equal(rangeInclusiveLen(A, A + 0x100000008n), 8n);
  assert.equal(rangeInclusiveLen(A, 0n), 0xffffffffeff00000n);
  const { hw } = rig('power10');
  // addr2 = 0 (the default): len = (int)-A; its u16 truncation is 0 here, which the parse accepts (hw_len 0)
  ok(hw.setHwdebug(T0, { ...range(A, 8), addr2: 0n }));
  assert.equal(hw.ptraceBreakpoint(T0, 1)?.attr.bpLen, 0xffffffffeff00000n);
  assert.equal(hw.ptraceBreakpoint(T0, 1)?.info.len, 0);
});

test('§2.2 step 4: EXACT -> len 1; RANGE_EXCLUSIVE and MASK -> EINVAL', () => {
  const { hw } = rig();
  ok(hw.setHwdebug(T0, exact(A + 3n)));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.equal(bp?.attr.bpLen, 1n);
  assert.equal(bp?.info.hwLen, 8);
  assert.equal(errno(hw.setHwdebug(T0, { ...range(A, 8), addrMode: PPC_BREAKPOINT_MODE_RANGE_EXCLUSIVE })), 'EINVAL');
  assert.equal(errno(hw.setHwdebug(T0, { ...range(A, 8), addrMode: PPC_BREAKPOINT_MODE_MASK })), 'EINVAL');
});

test('§2.2 step 5: no free ptrace_bps entry -> ENOSPC, a per-thread limit checked before registration', () => {
  const p8 = rig('power8', '6.6', 1).hw;
  ok(p8.setHwdebug(T0, range(A, 8)));
  const r = p8.setHwdebug(T0, range(A, 0)); // would be EINVAL at parse, but step 5 comes first
  assert.equal(errno(r), 'ENOSPC');
  assert.ok(!r.ok && /per-thread limit/.test(r.message));
  const p10 = rig('power10', '6.6', 1).hw;
  assert.equal(ok(p10.setHwdebug(T0, range(A, 8))), 1);
  assert.equal(ok(p10.setHwdebug(T0, range(A, 8))), 2);
  assert.equal(errno(p10.setHwdebug(T0, range(A + 0x100n, 8))), 'ENOSPC');
  // the mode check (step 4) comes before step 5
  assert.equal(errno(p10.setHwdebug(T0, { ...range(A, 8), addrMode: PPC_BREAKPOINT_MODE_MASK })), 'EINVAL');
});

test('§2.2 step 6: per-task (cpu -1), unaligned addr, bp_type from trigger, pinned, all exclude_* 0', () => {
  const { hw } = rig();
  ok(hw.setHwdebug(T0, range(A + 3n, 2, PPC_BREAKPOINT_TRIGGER_WRITE)));
  ok(hw.setHwdebug(T0, range(A + 0x100n, 8, PPC_BREAKPOINT_TRIGGER_RW)));
  const a = hw.ptraceBreakpoint(T0, 1);
  const b = hw.ptraceBreakpoint(T0, 2);
  assert.ok(a && b);
  assert.equal(a.owner, 'ptrace');
  assert.equal(a.cpu, -1);
  assert.equal(a.target, T0);
  assert.equal(a.attr.bpAddr, A + 3n);
  assert.equal(a.attr.bpType, HW_BREAKPOINT_W);
  assert.equal(b.attr.bpType, HW_BREAKPOINT_RW);
  assert.equal(a.attr.pinned, true);
  assert.deepEqual([a.attr.excludeUser, a.attr.excludeKernel, a.attr.excludeHv], [false, false, false]);
  assert.equal(
    a.info.type & (HW_BRK_TYPE_USER | HW_BRK_TYPE_KERNEL | HW_BRK_TYPE_HYP),
    HW_BRK_TYPE_USER | HW_BRK_TYPE_KERNEL | HW_BRK_TYPE_HYP,
  );
  assert.equal(a.name, 'ptrace:t100:1');
});

test('§2.2 step 6: errors of §2.1 pass through (ENODEV on POWER9, EINVAL for a 512 crossing on POWER8, ENOSPC)', () => {
  assert.equal(errno(rig('power9').hw.setHwdebug(T0, range(A, 8))), 'ENODEV');
  assert.equal(errno(rig('power8').hw.setHwdebug(T0, range(A + 0x1f8n, 16))), 'EINVAL');
  const { hw } = rig('power8', '6.6', 1);
  ok(hw.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'r' }));
  assert.equal(errno(hw.setHwdebug(T0, range(A + 0x100n, 8))), 'ENOSPC');
  // a failed registration leaves the ptrace_bps entry free
  assert.equal(hw.thread(T0)?.ptraceBps[0], null);
});

test('§2.2 step 7: the result is index + 1; a deleted handle is reused', () => {
  const { hw } = rig('power10');
  assert.equal(ok(hw.setHwdebug(T0, range(A, 8))), 1);
  assert.equal(ok(hw.setHwdebug(T0, range(A + 8n, 8))), 2);
  ok(hw.delHwdebug(T0, 1));
  assert.equal(ok(hw.setHwdebug(T0, range(A + 16n, 8))), 1);
  assert.equal(ok(hw.setHwdebug(T1, range(A, 8))), 1, 'handles are per thread');
});

test('§2.4 DELHWDEBUG: data < 1 or > nr_wp_slots -> EINVAL; empty -> ENOENT; twice -> ENOENT', () => {
  const p8 = rig('power8').hw;
  assert.equal(errno(p8.delHwdebug(T0, 0)), 'EINVAL');
  assert.equal(errno(p8.delHwdebug(T0, 2)), 'EINVAL');
  assert.equal(errno(p8.delHwdebug(T0, 1)), 'ENOENT');
  const p10 = rig('power10').hw;
  assert.equal(errno(p10.delHwdebug(T0, 3)), 'EINVAL');
  assert.equal(errno(p10.delHwdebug(T0, 2)), 'ENOENT');
  ok(p10.setHwdebug(T0, range(A, 8)));
  ok(p10.delHwdebug(T0, 1));
  assert.equal(errno(p10.delHwdebug(T0, 1)), 'ENOENT');
  assert.equal(p10.accounting().reserved.length, 0);
});

test('§2.4 a fired ptrace breakpoint is only disabled: it keeps its reservation and handle until DELHWDEBUG', () => {
  const { hw } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setHwdebug(T0, range(A, 8)));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  const eff = hw.hwContext(0, T0, 0, () => {}).perfBpEvent(bp, USER_REGS);
  assert.deepEqual(eff, [{ kind: 'disable', bp: 'ptrace:t100:1' }]);
  assert.equal(bp.state, 'off');
  assert.equal(bp.attr.disabled, true);
  assert.equal(hw.accounting().reserved.length, 1);
  assert.equal(errno(hw.setHwdebug(T0, range(A + 0x100n, 8))), 'ENOSPC');
  ok(hw.delHwdebug(T0, 1));
  assert.equal(hw.accounting().reserved.length, 0);
});

test('§2.3 SET_DEBUGREG: addr > 0 -> EINVAL; (data & ~7) >= TASK_SIZE -> EIO; no TRANSLATE -> EIO', () => {
  const { hw } = rig();
  assert.equal(errno(hw.setDebugreg(T0, A | 5n, 1)), 'EINVAL');
  assert.equal(errno(hw.setDebugreg(T0, TASK_SIZE | 5n)), 'EIO');
  assert.equal(errno(hw.setDebugreg(T0, A | 1n)), 'EIO');
  assert.equal(errno(hw.setDebugreg(T0, (TASK_SIZE - 8n) | 1n)), 'EIO');
  ok(hw.setDebugreg(T0, (TASK_SIZE - 8n) | 5n));
});

test('§2.3 SET_DEBUGREG: address data & ~7, length 8, type from bits 0/1 plus PRIV_ALL, on ptrace_bps[0]', () => {
  const { hw } = rig();
  ok(hw.setDebugreg(T0, (A + 0x10n) | 5n));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  assert.equal(bp.attr.bpAddr, A + 0x10n);
  assert.equal(bp.attr.bpLen, 8n);
  assert.equal(bp.attr.bpType, HW_BREAKPOINT_R);
  assert.equal(
    bp.info.type,
    HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_READ | HW_BRK_TYPE_USER | HW_BRK_TYPE_KERNEL | HW_BRK_TYPE_HYP,
  );
  assert.equal(bp.owner, 'ptrace');
  assert.equal(ok(hw.getDebugreg(T0)), (A + 0x10n) | 5n);
});

test('§2.3 SET_DEBUGREG 0 (or no R/W bit) unregisters ptrace_bps[0] but does NOT clear hw_brk[0] (quirk)', () => {
  for (const off of [0n, A | 4n]) {
    const { hw } = rig();
    ok(hw.setDebugreg(T0, A | 6n));
    ok(hw.setDebugreg(T0, off));
    assert.equal(hw.ptraceBreakpoint(T0, 1), undefined);
    assert.equal(hw.accounting().reserved.length, 0);
    assert.equal(ok(hw.getDebugreg(T0)), A | 6n, 'GET_DEBUGREG still reports the old value');
    assert.equal(hw.thread(T0)?.hwBrk[0].address, A);
  }
  // with nothing registered it is simply 0
  assert.equal(errno(rig().hw.setDebugreg(T0, 0n)), 'ok(0)');
  assert.equal(ok(rig().hw.getDebugreg(T0)), 0n);
});

test('§2.3 SET_DEBUGREG on an existing ptrace_bps[0] modifies it with disabled=false: a fired one is re-armed', () => {
  const { hw, dawr } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setDebugreg(T0, A | 5n));
  const bp = hw.ptraceBreakpoint(T0, 1);
  assert.ok(bp);
  assert.equal(dawr[0][0]?.start, A);
  hw.hwContext(0, T0, 0, () => {}).perfBpEvent(bp, USER_REGS);
  assert.equal(bp.state, 'off');
  assert.equal(dawr[0][0], null);
  ok(hw.setDebugreg(T0, (A + 8n) | 6n));
  assert.equal(hw.ptraceBreakpoint(T0, 1), bp, 'the same breakpoint, modified');
  assert.equal(bp.state, 'active');
  assert.equal(bp.attr.disabled, false);
  assert.equal(bp.attr.bpType, HW_BREAKPOINT_W);
  assert.deepEqual(dawr[0][0], {
    start: A + 8n,
    len: 8,
    read: false,
    write: true,
    user: true,
    kernel: true,
    hyp: true,
  });
  assert.equal(ok(hw.getDebugreg(T0)), (A + 8n) | 6n);
});

test('§2.3 SET_DEBUGREG and SETHWDEBUG share ptrace_bps[]: DEBUGREG acts on index 0 only', () => {
  const { hw } = rig('power10');
  assert.equal(ok(hw.setHwdebug(T0, range(A, 8))), 1);
  ok(hw.setDebugreg(T0, (A + 0x40n) | 5n));
  assert.equal(hw.ptraceBreakpoint(T0, 1)?.attr.bpAddr, A + 0x40n);
  assert.equal(ok(hw.setHwdebug(T0, range(A, 8))), 2);
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), 'ENOSPC');
  ok(hw.setDebugreg(T0, 0n));
  assert.equal(hw.ptraceBreakpoint(T0, 1), undefined);
  assert.equal(hw.ptraceBreakpoint(T0, 2)?.name, 'ptrace:t100:2');
});

test('§2.3 SET_DEBUGREG registration errors are returned (ENODEV on POWER9 default)', () => {
  const { hw } = rig('power9');
  assert.equal(errno(hw.setDebugreg(T0, A | 5n)), 'ENODEV');
  assert.equal(ok(hw.getDebugreg(T0)), 0n, 'hw_brk[0] is written only on success');
  assert.equal(errno(hw.getDebugreg(T0, 1)), 'EINVAL');
});

test('§1.4 GETHWDBGINFO per model', () => {
  const want = {
    power7: [1, 0x4],
    power8: [1, 0x14],
    power9: [0, 0x4],
    power10: [2, 0x34],
  } as const;
  for (const [m, [n, f]] of Object.entries(want)) {
    const info = ok(rig(m as keyof typeof want).hw.getHwdbgInfo(T0));
    assert.deepEqual(
      info,
      {
        version: 1,
        num_instruction_bps: 0,
        num_data_bps: n,
        num_condition_regs: 0,
        data_bp_alignment: 8,
        sizeof_condition: 0,
        features: f,
      },
      m,
    );
  }
  const forced = ok(rig('power9', '6.6', 1, { force: true }).hw.getHwdbgInfo(T0));
  assert.equal(forced.num_data_bps, 1);
  assert.equal(forced.features, 0x14);
  assert.equal(errno(rig().hw.getHwdbgInfo(999)), 'ESRCH');
});

test('task exit unregisters the ptrace breakpoints (flush_ptrace_hw_breakpoint); calls on it give ESRCH', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.setHwdebug(T0, range(A, 8)));
  ok(hw.setDebugreg(T1, A | 5n));
  hw.taskExit(T0);
  assert.deepEqual(
    hw.accounting().reserved.map((b) => b.name),
    ['ptrace:t101:1'],
  );
  assert.deepEqual(
    hw.accounting().exclusion?.taskList.map((b) => b.name),
    ['ptrace:t101:1'],
  );
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), 'ESRCH');
  void PPC_BREAKPOINT_TRIGGER_READ;
});

test('§6 quirk: do_signal writes a stale hw_brk[0] (SET_DEBUGREG set back to 0) straight into DAWR 0', () => {
  const { hw, dawr } = rig('power8', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.setDebugreg(T0, A | 6n));
  ok(hw.setDebugreg(T0, 0n));
  assert.equal(dawr[0][0], null);
  assert.equal(hw.slotOccupants(0)[0], null);
  hw.doSignalRearm(0, T0);
  assert.deepEqual(dawr[0][0], { start: A, len: 8, read: false, write: true, user: true, kernel: true, hyp: true });
  assert.equal(hw.slotOccupants(0)[0], null, 'bp_per_reg is not touched');
  // a task that never used SET_DEBUGREG has nothing to re-arm
  const other = rig('power8', '6.6', 1);
  other.hw.doSignalRearm(0, T0);
  assert.equal(other.writes.length, 0);
});
