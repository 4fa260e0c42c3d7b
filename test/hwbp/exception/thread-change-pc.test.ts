// §6: thread_change_pc in both policies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  handleDawrException,
  handleSingleStep,
  threadChangePc,
  THREAD_CHANGE_PC_SKIPS_EMPTY_SLOTS,
} from '../../../sim/hwbp/handler';
import { A, fake, ld, mkBp, only, userRegs } from './fake-context';

const HANDLER_PC = 0x10000100n;

test(
  '§6 POST steps 1-2: a pending perf step is cancelled: ' + 'MSR_SE cleared, every slot reprogrammed, flags cleared',
  () => {
    const other = mkBp('perf', A + 0x100n, 8);
    const perf = mkBp('perf', A, 8);
    perf.info.perfSingleStep = true;
    const f = fake([perf, other]);
    const regs = { ...userRegs(HANDLER_PC), singleStep: true };
    threadChangePc(f.ctx, f.task, regs);
    assert.equal(regs.singleStep, false);
    assert.equal(perf.info.perfSingleStep, false);
    assert.deepEqual(f.writes, [
      { slot: 0, bp: perf.name },
      { slot: 1, bp: other.name },
    ]);
    const d = only(f);
    assert.equal(d.branch, 'thread-change-pc');
    assert.deepEqual(
      d.slots.map((s) => [s.result, s.reason]),
      [
        ['hit', 'pending step cancelled'],
        ['miss', 'no step pending'],
      ],
    );
    assert.deepEqual(d.effects, [
      { kind: 'reinstall', slot: 0 },
      { kind: 'reinstall', slot: 1 },
    ]);
    assert.equal(perf.count, 0, 'nothing counted');
  },
);

test('§6 POST step 1: nothing pending on this CPU -> nothing happens, no decision', () => {
  const f = fake([mkBp('perf', A, 8)]);
  const regs = { ...userRegs(HANDLER_PC), singleStep: true }; // a ptrace single-step stays armed
  threadChangePc(f.ctx, f.task, regs);
  assert.equal(regs.singleStep, true);
  assert.deepEqual(f.writes, []);
  assert.equal(f.decisions.length, 0);
});

test('§6 [UNSURE] empty slot in the reprogramming loop: the named choice skips it', () => {
  assert.equal(THREAD_CHANGE_PC_SKIPS_EMPTY_SLOTS, true);
  const perf = mkBp('perf', A, 8);
  perf.info.perfSingleStep = true;
  const f = fake([null, perf]);
  threadChangePc(f.ctx, f.task, userRegs(HANDLER_PC));
  assert.deepEqual(f.writes, [{ slot: 1, bp: perf.name }]);
  assert.deepEqual(only(f).effects, [{ kind: 'reinstall', slot: 1 }]);
});

test("§6 PRE: looks at last_hit_ubp, not at the CPU's breakpoints; clears it and reprograms every slot", () => {
  const perf = mkBp('perf', A, 8);
  perf.info.perfSingleStep = true; // 6.5 has no such flag: ignored
  const f = fake([perf], { policy: '6.5' });
  const regs = { ...userRegs(HANDLER_PC), singleStep: true };
  threadChangePc(f.ctx, f.task, regs);
  assert.equal(f.decisions.length, 0, 'no last_hit_ubp: nothing to cancel');
  assert.equal(regs.singleStep, true);
  f.task.lastHitUbp[0] = perf;
  threadChangePc(f.ctx, f.task, regs);
  assert.equal(regs.singleStep, false);
  assert.deepEqual(f.task.lastHitUbp, [null, null]);
  assert.deepEqual(f.writes, [{ slot: 0, bp: perf.name }]);
  assert.equal(only(f).branch, 'thread-change-pc');
});

test('§6 PRE: a last_hit_ubp entry whose slot is empty on this CPU is still cleared', () => {
  const away = mkBp('perf', A, 8);
  const f = fake([null, null], { policy: '6.5' });
  f.task.lastHitUbp[1] = away;
  threadChangePc(f.ctx, f.task, userRegs(HANDLER_PC));
  assert.deepEqual(f.task.lastHitUbp, [null, null]);
  assert.deepEqual(f.writes, []);
});

test('§6 rationale: after the cancel the instruction re-executes, fires again and counts exactly once', () => {
  for (const policy of ['6.6', '6.5'] as const) {
    const perf = mkBp('perf', A, 8);
    const f = fake([perf], { policy });
    const r1 = userRegs();
    handleDawrException(f.ctx, f.task, r1, A, ld(A));
    threadChangePc(f.ctx, f.task, r1); // signal delivered to a handler before the step
    assert.equal(r1.singleStep, false, policy);
    assert.equal(f.dawr[0], perf, `${policy}: DAWR armed again`);
    const r2 = userRegs();
    handleDawrException(f.ctx, f.task, r2, A, ld(A)); // the handler returned; the ld runs again
    handleSingleStep(f.ctx, f.task, userRegs(0x10000014n));
    assert.equal(perf.count, 1, policy);
    assert.deepEqual(
      f.decisions.map((d) => d.branch),
      ['perf-single-step', 'thread-change-pc', 'perf-single-step', 'step-complete'],
      policy,
    );
  }
});
