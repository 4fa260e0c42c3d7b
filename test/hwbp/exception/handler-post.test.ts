// §5.3: the 6.6 hw_breakpoint_handler, one test (at least) per numbered step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HW_BRK_TYPE_EXTRANEOUS_IRQ } from '../../../sim/hwbp/breakpoint';
import { cpuModel } from '../../../sim/hwbp/cpu-model';
import { handleDawrException } from '../../../sim/hwbp/handler';
import { A, fake, insn, kernelRegs, ld, mkBp, only, st, UNREADABLE, UPC, userRegs } from './fake-context';

test('§5.3 step 1: every DAWR is nulled first; no-hit leaves them all off', () => {
  const a = mkBp('perf', A, 8);
  const b = mkBp('perf', A + 0x100n, 8);
  const f = fake([a, b]);
  handleDawrException(f.ctx, f.task, userRegs(), A + 0x40n, ld(A + 0x40n));
  assert.deepEqual(f.writes.slice(0, 2), [
    { slot: 0, bp: null },
    { slot: 1, bp: null },
  ]);
});

test('§5.3 step 2: EXTRANEOUS is cleared on entry and set again only when this access is extraneous', () => {
  const bp = mkBp('perf', A + 2n, 4);
  bp.info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ; // left over from an earlier exception
  const f = fake([bp]);
  handleDawrException(f.ctx, f.task, userRegs(), A + 2n, ld(A + 2n, 2));
  assert.equal(bp.info.type & HW_BRK_TYPE_EXTRANEOUS_IRQ, 0, 'a real hit clears it');
  const g = fake([bp]);
  bp.info.perfSingleStep = false;
  handleDawrException(g.ctx, g.task, userRegs(), A, ld(A, 2));
  assert.notEqual(bp.info.type & HW_BRK_TYPE_EXTRANEOUS_IRQ, 0, 'an extraneous hit sets it');
  assert.equal(only(g).slots[0].result, 'extraneous');
});

test(
  '§5.3 steps 2-3: unreadable instruction with the ISA 3.1 DAR rule: ' +
    'hit slot disabled with a WARN, the other reinstalled, STOP, no signal',
  () => {
    const hitBp = mkBp('ptrace', A, 8);
    const other = mkBp('perf', A + 0x100n, 8);
    const f = fake([hitBp, other]);
    const rc = handleDawrException(f.ctx, f.task, userRegs(), A + 4n, UNREADABLE);
    assert.equal(rc, 'stop');
    const d = only(f);
    assert.equal(d.branch, 'unreadable-disable');
    assert.equal(d.access, undefined);
    assert.equal('access' in d, false, 'access is absent, not undefined');
    assert.deepEqual(
      d.slots.map((s) => s.result),
      ['hit', 'miss'],
    );
    assert.deepEqual(d.effects, [
      { kind: 'disable', bp: hitBp.name },
      { kind: 'reinstall', slot: 1 },
    ]);
    assert.equal(hitBp.state, 'off');
    assert.equal(hitBp.count, 0, 'no event: ptrace is disabled without a signal');
    assert.deepEqual(f.dawr, [null, other]);
    assert.match(
      f.klog.join('\n'),
      /Unable to handle hardware breakpoint\. Breakpoint at 0x10100000 will be disabled\./,
    );
  },
);

test('§5.3 step 2: unreadable instruction on POWER8 (before ISA 3.1) disables the occupant whatever the DAR', () => {
  const bp = mkBp('perf', A, 8);
  const f = fake([bp], { model: 'power8' });
  const rc = handleDawrException(f.ctx, f.task, userRegs(), A + 0x1000n, UNREADABLE);
  assert.equal(rc, 'stop');
  assert.equal(only(f).branch, 'unreadable-disable');
  assert.equal(bp.state, 'off');
});

test('§5.3 step 2: unreadable instruction with the DAR outside every hw range (ISA 3.1) is a no-hit SIGTRAP', () => {
  const bp = mkBp('perf', A, 8);
  const f = fake([bp]);
  const rc = handleDawrException(f.ctx, f.task, userRegs(), A + 8n, UNREADABLE);
  assert.equal(rc, 'done');
  assert.equal(only(f).branch, 'no-hit-sigtrap');
  assert.equal(bp.state, 'active');
});

test('§5.3 step 4: no-hit SIGTRAP with all DAWRs left off (nothing reinstalled)', () => {
  const a = mkBp('perf', A, 8, { r: true, w: false });
  const b = mkBp('ptrace', A + 0x100n, 8);
  const f = fake([a, b]);
  // hardware and software disagree: a store on a read-only breakpoint
  const rc = handleDawrException(f.ctx, f.task, userRegs(), A, st(A));
  assert.equal(rc, 'done');
  const d = only(f);
  assert.equal(d.branch, 'no-hit-sigtrap');
  assert.deepEqual(
    d.slots.map((s) => [s.result, s.reason]),
    [
      ['miss', 'store but breakpoint lacks WRITE'],
      ['miss', 'access [0x10100000,0x10100008) outside hw range [0x10100100,0x10100108)'],
    ],
  );
  assert.deepEqual(d.effects, [{ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: '0x10100000' }]);
  assert.deepEqual(f.dawr, [null, null]);
  assert.equal(f.writes.filter((w) => w.bp !== null).length, 0);
});

test(
  '§5.3 step 4: DD1 spurious (PVR 0x800100 model option): all ' +
    'installed breakpoints marked hit + extraneous, stepped, not counted',
  () => {
    // watch [A+0x408, A+0x410): hw end-1 = A+0x40f < ea = A+0x7e0; same 1 KiB block; ea+64 crosses 2 KiB
    const bp = mkBp('perf', A + 0x408n, 8);
    const vsx = { ...insn('load_vsx', A + 0x7e0n, 32), text: 'lxvp vs0,0(r3)' };
    const dd1 = fake([bp], { model: { ...cpuModel('power10'), p10dd1: true } });
    const regs = userRegs();
    const rc = handleDawrException(dd1.ctx, dd1.task, regs, A + 0x7e0n, vsx);
    assert.equal(rc, 'stop');
    const d = only(dd1);
    assert.equal(d.branch, 'spurious-dd1');
    assert.deepEqual(
      d.slots.map((s) => s.result),
      ['extraneous'],
    );
    assert.notEqual(bp.info.type & HW_BRK_TYPE_EXTRANEOUS_IRQ, 0);
    assert.equal(bp.info.perfSingleStep, true);
    assert.equal(regs.singleStep, true);
    assert.deepEqual(d.effects, [{ kind: 'arm-step', bp: bp.name }]);
    // default off: the same exception is a no-hit SIGTRAP
    bp.info.perfSingleStep = false;
    const plain = fake([bp]);
    assert.equal(handleDawrException(plain.ctx, plain.task, userRegs(), A + 0x7e0n, vsx), 'done');
    assert.equal(only(plain).branch, 'no-hit-sigtrap');
  },
);

test(
  '§5.3 step 4: DD1 check that finds nothing continues ' + 'with nothing hit: MSR_SE armed, no breakpoint flagged',
  () => {
    const bp = mkBp('perf', A, 8); // ea+64 does not cross 2 KiB
    const vsx = insn('store_vsx', A + 0x40n, 32);
    const f = fake([bp], { model: { ...cpuModel('power10'), p10dd1: true } });
    const regs = userRegs();
    const rc = handleDawrException(f.ctx, f.task, regs, A + 0x40n, vsx);
    assert.equal(rc, 'stop');
    assert.equal(regs.singleStep, true);
    assert.equal(bp.info.perfSingleStep, false);
    const d = only(f);
    assert.equal(d.branch, 'spurious-dd1');
    assert.deepEqual(d.effects, [{ kind: 'reinstall', slot: 0 }]);
  },
);

test('§5.3 step 5: ptrace hit -> SIGTRAP (si_addr = DAR), one-shot disable, not reinstalled', () => {
  const p = mkBp('ptrace', A, 8);
  const f = fake([p]);
  const rc = handleDawrException(f.ctx, f.task, userRegs(), A + 4n, ld(A + 4n, 4));
  assert.equal(rc, 'done');
  const d = only(f);
  assert.equal(d.branch, 'ptrace-report');
  assert.deepEqual(d.effects, [
    { kind: 'disable', bp: p.name },
    { kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: '0x10100004' },
  ]);
  assert.equal(p.state, 'off');
  assert.equal(f.dawr[0], null);
});

test('§5.3 step 5: ptrace+perf hit -> perf ignored and reinstalled (6.6)', () => {
  const perf = mkBp('perf', A, 8);
  const p = mkBp('ptrace', A, 8);
  const f = fake([perf, p]);
  const regs = userRegs();
  const rc = handleDawrException(f.ctx, f.task, regs, A, ld(A));
  assert.equal(rc, 'done');
  const d = only(f);
  assert.equal(d.branch, 'ptrace-report');
  assert.deepEqual(
    d.slots.map((s) => s.result),
    ['hit', 'hit'],
  );
  assert.deepEqual(
    d.effects.map((e) => e.kind),
    ['disable', 'reinstall', 'signal'],
  );
  assert.deepEqual(d.effects[1], { kind: 'reinstall', slot: 0 });
  assert.equal(perf.count, 0, 'perf not counted');
  assert.equal(perf.info.perfSingleStep, false, 'perf not stepped');
  assert.equal(perf.state, 'active', 'perf not disabled');
  assert.equal(regs.singleStep, false);
  assert.deepEqual(f.dawr, [perf, null]);
  assert.deepEqual(
    f.perfCalls.map((c) => c.bp),
    [p.name],
    'perf_bp_event only for the ptrace breakpoint',
  );
});

test('§5.3 step 5: an EXTRANEOUS ptrace hit is reported all the same', () => {
  const p = mkBp('ptrace', A + 4n, 4);
  const f = fake([p]);
  const rc = handleDawrException(f.ctx, f.task, userRegs(), A, ld(A, 4));
  assert.equal(rc, 'done');
  const d = only(f);
  assert.equal(d.slots[0].result, 'extraneous');
  assert.equal(d.branch, 'ptrace-report');
  assert.equal(p.state, 'off');
});

test(
  '§5.3 step 6: larx/stcx -> every hit breakpoint disabled ' + 'with a printk, no count, non-hits reinstalled, STOP',
  () => {
    const perf = mkBp('perf', A, 8, { r: true, w: true });
    const other = mkBp('perf', A + 0x100n, 8);
    for (const type of ['larx', 'stcx'] as const) {
      perf.state = 'active';
      const f = fake([perf, other]);
      const regs = userRegs();
      const rc = handleDawrException(f.ctx, f.task, regs, A, insn(type, A, 8));
      assert.equal(rc, 'stop', type);
      const d = only(f);
      assert.equal(d.branch, 'larx-stcx-disable');
      assert.equal(d.access?.kind, type);
      assert.deepEqual(d.effects, [
        { kind: 'disable', bp: perf.name },
        { kind: 'reinstall', slot: 1 },
      ]);
      assert.equal(perf.state, 'off');
      assert.equal(perf.count, 0);
      assert.equal(regs.singleStep, false, 'not stepped');
      assert.match(f.klog.join('\n'), /can't be emulated\. Breakpoint at 0x10100000 will be disabled/);
    }
  },
);

test('§5.3 step 7 (user): perf_single_step set, MSR_SE armed, DAWR left off, STOP, no count yet', () => {
  const perf = mkBp('perf', A, 8);
  const other = mkBp('perf', A + 0x100n, 8);
  const f = fake([perf, other]);
  const regs = userRegs();
  const rc = handleDawrException(f.ctx, f.task, regs, A, ld(A));
  assert.equal(rc, 'stop');
  const d = only(f);
  assert.equal(d.branch, 'perf-single-step');
  assert.deepEqual(d.effects, [
    { kind: 'arm-step', bp: perf.name },
    { kind: 'reinstall', slot: 1 },
  ]);
  assert.equal(perf.info.perfSingleStep, true);
  assert.equal(regs.singleStep, true);
  assert.equal(perf.count, 0);
  assert.deepEqual(f.dawr, [null, other]);
  assert.equal(
    f.task.lastHitUbp.every((b) => b === null),
    true,
    '6.6 does not use last_hit_ubp',
  );
});

test('§5.3 step 7 (kernel) + step 8: kernel-mode emulate and count, reinstalled, STOP', () => {
  const perf = mkBp('perf', A, 8, { r: false, w: true });
  const f = fake([perf]);
  const regs = kernelRegs();
  const pc = regs.pc;
  const rc = handleDawrException(f.ctx, f.task, regs, A, { ...st(A), text: 'std r9,0(r3)' });
  assert.equal(rc, 'stop');
  const d = only(f);
  assert.equal(d.branch, 'perf-emulate');
  assert.equal(d.mode, 'kernel');
  assert.equal(d.pc, `0x${pc.toString(16)}`, 'the PC of the exception, not the advanced one');
  assert.deepEqual(d.effects, [
    { kind: 'emulate' },
    { kind: 'count', bp: perf.name, value: 1 },
    { kind: 'reinstall', slot: 0 },
  ]);
  assert.equal(regs.pc, pc + 4n, 'emulation advanced NIP');
  assert.equal(regs.singleStep, false);
  assert.equal(f.dawr[0], perf);
});

test('§5.3 step 7 (kernel): emulate failure -> handler_error for every hit, not reinstalled, STOP', () => {
  const perf = mkBp('perf', A, 8, { r: false, w: true });
  const other = mkBp('perf', A + 0x100n, 8);
  const f = fake([perf, other], { emulateStep: () => 0 });
  const rc = handleDawrException(f.ctx, f.task, kernelRegs(), A, st(A));
  assert.equal(rc, 'stop');
  const d = only(f);
  assert.equal(d.branch, 'emulate-fail-disable');
  assert.deepEqual(d.effects, [
    { kind: 'disable', bp: perf.name },
    { kind: 'reinstall', slot: 1 },
  ]);
  assert.equal(perf.state, 'off');
  assert.equal(perf.count, 0);
  assert.match(f.klog.join('\n'), /Unable to handle hardware breakpoint/);
});

test(
  '§5.3 step 7 (kernel): the default emulate_step cannot ' + 'emulate an UNKNOWN instruction (ISA 3.1, DAR in range)',
  () => {
    const perf = mkBp('perf', A, 8);
    const f = fake([perf]);
    const rc = handleDawrException(f.ctx, f.task, kernelRegs(), A, insn('unknown', 0n, 0));
    assert.equal(rc, 'stop');
    assert.equal(only(f).branch, 'emulate-fail-disable');
    assert.equal(only(f).access?.kind, 'unknown');
    assert.equal(perf.state, 'off');
  },
);

test('§5.3 step 7 (kernel): a negative emulate_step result counts as success', () => {
  const perf = mkBp('perf', A, 8, { r: false, w: true });
  const f = fake([perf], { emulateStep: () => -1 });
  handleDawrException(f.ctx, f.task, kernelRegs(), A, st(A));
  assert.equal(only(f).branch, 'perf-emulate');
  assert.equal(perf.count, 1);
});

test('§5.3 step 8: a kernel-mode EXTRANEOUS hit is emulated but not counted', () => {
  const perf = mkBp('perf', A + 4n, 4, { r: false, w: true });
  const f = fake([perf]);
  handleDawrException(f.ctx, f.task, kernelRegs(), A, st(A, 4));
  const d = only(f);
  assert.equal(d.slots[0].result, 'extraneous');
  assert.deepEqual(d.effects, [{ kind: 'emulate' }, { kind: 'reinstall', slot: 0 }]);
  assert.equal(perf.count, 0);
  assert.deepEqual(f.perfCalls, []);
});

test(
  '§5.3 step 8: mode exclusion at count time: perf_bp_event ' +
    'gets the kernel registers and an excluded event does not count',
  () => {
    // KERNEL in the arch type (so dawrx_ok passes) but exclude_kernel in the attr: only perf_bp_event's
    // own check (with the registers at that moment) can refuse the count.
    const perf = mkBp('perf', A, 8, { r: false, w: true });
    perf.attr.excludeKernel = true;
    const f = fake([perf]);
    handleDawrException(f.ctx, f.task, kernelRegs(), A, st(A));
    const d = only(f);
    assert.equal(d.branch, 'perf-emulate');
    assert.deepEqual(f.perfCalls, [{ bp: perf.name, mode: 'kernel' }]);
    assert.equal(perf.count, 0);
    assert.deepEqual(d.effects, [{ kind: 'emulate' }, { kind: 'reinstall', slot: 0 }]);
  },
);

test(
  '§5.3 step 9: breakpoints not hit are reinstalled after ' + 'a perf step; a stopped (OFF) occupant is not counted',
  () => {
    const a = mkBp('perf', A, 8);
    const b = mkBp('perf', A + 0x200n, 8);
    const f = fake([a, b]);
    handleDawrException(f.ctx, f.task, kernelRegs(), A + 0x200n, ld(A + 0x200n));
    assert.deepEqual(only(f).effects, [
      { kind: 'emulate' },
      { kind: 'count', bp: b.name, value: 1 },
      { kind: 'reinstall', slot: 0 },
      { kind: 'reinstall', slot: 1 },
    ]);
    assert.deepEqual(f.dawr, [a, b]);
  },
);

test('§5.3 kernel-mode ptrace hit (copy_to_user into a watched buffer): SIGTRAP DONE, no emulation', () => {
  const p = mkBp('ptrace', A, 8, { r: false, w: true });
  const f = fake([p]);
  const regs = kernelRegs();
  const rc = handleDawrException(f.ctx, f.task, regs, A, st(A));
  assert.equal(rc, 'done');
  const d = only(f);
  assert.equal(d.branch, 'ptrace-report');
  assert.equal(
    d.effects.some((e) => e.kind === 'emulate'),
    false,
  );
  assert.equal(d.effects.at(-1)?.kind, 'signal');
});

test('decision record: where, what, every occupied slot, effects in order', () => {
  const perf = mkBp('perf', A, 8);
  const f = fake([null, perf], { cpu: 3 });
  handleDawrException(f.ctx, f.task, userRegs(UPC), A + 2n, ld(A + 2n, 2));
  const d = only(f);
  assert.deepEqual(
    { icount: d.icount, cpu: d.cpu, task: d.task, pc: d.pc, mode: d.mode, insn: d.insn, access: d.access },
    {
      icount: 1234,
      cpu: 3,
      task: 't',
      pc: '0x10000010',
      mode: 'user',
      insn: 'ld r0,0(r3)',
      access: { kind: 'load', ea: '0x10100002', size: 2 },
    },
  );
  assert.deepEqual(d.slots, [
    {
      slot: 1,
      bp: perf.name,
      owner: 'perf',
      result: 'hit',
      reason: 'access [0x10100002,0x10100004) overlaps user range [0x10100000,0x10100008)',
    },
  ]);
  assert.doesNotThrow(() => JSON.stringify(d), 'JSON-ready (no bigint)');
});
