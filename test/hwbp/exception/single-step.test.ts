// §5.4 (6.6 single-step completion) and §5.6 item 3 (6.5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HW_BRK_TYPE_EXTRANEOUS_IRQ } from '../../../sim/hwbp/breakpoint';
import { handleDawrException, handleSingleStep } from '../../../sim/hwbp/handler';
import { A, fake, ld, mkBp, only, userRegs } from './fake-context';

const NEXT = 0x10000014n;

function pending(bp: ReturnType<typeof mkBp>): ReturnType<typeof mkBp> {
  bp.info.perfSingleStep = true;
  return bp;
}

test(
  '§5.4 step 1: the pending perf is counted after execute (step ' +
    'registers), flag cleared, only its slot reprogrammed (6.6)',
  () => {
    const other = mkBp('perf', A + 0x100n, 8);
    const perf = pending(mkBp('perf', A, 8));
    const f = fake([other, perf]);
    const rc = handleSingleStep(f.ctx, f.task, userRegs(NEXT), 'ld r0,0(r3)');
    assert.equal(rc, 'stop');
    const d = only(f);
    assert.equal(d.branch, 'step-complete');
    assert.equal(d.pc, '0x10000014');
    assert.equal(d.insn, 'ld r0,0(r3)');
    assert.equal('access' in d, false);
    assert.deepEqual(
      d.slots.map((s) => [s.slot, s.result]),
      [
        [0, 'miss'],
        [1, 'hit'],
      ],
    );
    assert.deepEqual(d.effects, [
      { kind: 'count', bp: perf.name, value: 1 },
      { kind: 'step-done', bp: perf.name },
      { kind: 'reinstall', slot: 1 },
    ]);
    assert.equal(perf.info.perfSingleStep, false);
    assert.deepEqual(f.writes, [{ slot: 1, bp: perf.name }], 'only the stepped slot is written (patch 4/7)');
    assert.deepEqual(f.perfCalls, [{ bp: perf.name, mode: 'user' }]);
  },
);

test('§5.4 step 1: an EXTRANEOUS pending step is completed and reprogrammed but not counted', () => {
  const perf = pending(mkBp('perf', A + 4n, 4));
  perf.info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ;
  const f = fake([perf]);
  assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'stop');
  const d = only(f);
  assert.equal(d.slots[0].result, 'extraneous');
  assert.deepEqual(d.effects, [
    { kind: 'step-done', bp: perf.name },
    { kind: 'reinstall', slot: 0 },
  ]);
  assert.equal(perf.count, 0);
});

test("§5.4 step 1: only this CPU's slots are looked at (a step pending elsewhere is not found: unclaimed)", () => {
  const elsewhere = pending(mkBp('perf', A, 8)); // sits in another CPU's slot
  const f = fake([null], { cpu: 1 });
  const rc = handleSingleStep(f.ctx, f.task, userRegs(NEXT));
  assert.equal(rc, 'done');
  assert.equal(only(f).branch, 'step-unclaimed');
  assert.equal(elsewhere.info.perfSingleStep, true, 'stays pending on CPU A');
  assert.equal(elsewhere.count, 0);
});

test('§5.4 step 2: without TIF_SINGLESTEP the step is consumed (STOP, no signal)', () => {
  const f = fake([pending(mkBp('perf', A, 8))]);
  assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'stop');
  assert.equal(
    only(f).effects.some((e) => e.kind === 'signal'),
    false,
  );
});

test('§5.4 step 2: TIF_SINGLESTEP -> DONE (one TRAP_TRACE stop, recorded)', () => {
  const perf = pending(mkBp('perf', A, 8));
  const f = fake([perf], { tifSingleStep: true });
  assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'done');
  const d = only(f);
  assert.equal(d.branch, 'step-complete');
  assert.equal(perf.count, 1);
  assert.deepEqual(d.effects.at(-1), {
    kind: 'signal',
    signal: 'SIGTRAP',
    si_code: 'TRAP_TRACE',
    si_addr: '0x10000014',
  });
});

test('§5.4 step 2: nothing pending and no ptrace step -> step-unclaimed, DONE, stray TRAP_TRACE', () => {
  const idle = mkBp('perf', A, 8);
  const f = fake([idle]);
  assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'done');
  const d = only(f);
  assert.equal(d.branch, 'step-unclaimed');
  assert.deepEqual(d.slots, [{ slot: 0, bp: idle.name, owner: 'perf', result: 'miss', reason: 'no step pending' }]);
  assert.deepEqual(d.effects, [{ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_TRACE', si_addr: '0x10000014' }]);
  assert.deepEqual(f.writes, []);
});

test('§5.4: an ordinary ptrace single-step with nothing pending is DONE and not a decision', () => {
  for (const policy of ['6.6', '6.5'] as const) {
    const f = fake([mkBp('perf', A, 8)], { policy, tifSingleStep: true });
    assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'done', policy);
    assert.equal(f.decisions.length, 0, policy);
  }
});

test('§5.4 round trip (6.6): DAWR exception arms the step, the step counts once and re-arms the DAWR', () => {
  const perf = mkBp('perf', A, 8);
  const f = fake([perf]);
  const regs = userRegs();
  assert.equal(handleDawrException(f.ctx, f.task, regs, A, ld(A)), 'stop');
  assert.equal(f.dawr[0], null, 'off while stepping');
  assert.equal(regs.singleStep, true);
  assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'stop');
  assert.equal(perf.count, 1);
  assert.equal(f.dawr[0], perf);
  assert.deepEqual(
    f.decisions.map((d) => d.branch),
    ['perf-single-step', 'step-complete'],
  );
});

test('§5.6 item 3: PRE last_hit_ubp step completion counts, clears and reprograms ALL occupied slots', () => {
  const other = mkBp('perf', A + 0x100n, 8);
  const perf = mkBp('perf', A, 8);
  const f = fake([other, perf], { policy: '6.5' });
  f.task.lastHitUbp[1] = perf;
  const rc = handleSingleStep(f.ctx, f.task, userRegs(NEXT));
  assert.equal(rc, 'stop');
  const d = only(f);
  assert.equal(d.branch, 'step-complete');
  assert.deepEqual(d.effects, [
    { kind: 'count', bp: perf.name, value: 1 },
    { kind: 'step-done', bp: perf.name },
    { kind: 'reinstall', slot: 0 },
    { kind: 'reinstall', slot: 1 },
  ]);
  assert.deepEqual(f.writes, [
    { slot: 0, bp: other.name },
    { slot: 1, bp: perf.name },
  ]);
  assert.deepEqual(f.task.lastHitUbp, [null, null]);
  assert.deepEqual(
    d.slots.map((s) => s.result),
    ['miss', 'hit'],
  );
});

test(
  '§5.6 item 3: PRE ignores perf_single_step; counts a last_hit_ubp ' +
    'breakpoint even off this CPU; EXTRANEOUS not counted; TIF -> DONE',
  () => {
    const away = mkBp('perf', A, 8); // migrated: not in this CPU's slots
    const ext = mkBp('perf', A + 0x104n, 4);
    ext.info.type |= HW_BRK_TYPE_EXTRANEOUS_IRQ;
    const flagged = pending(mkBp('perf', A + 0x200n, 8));
    const f = fake([flagged], { policy: '6.5', tifSingleStep: true });
    f.task.lastHitUbp[0] = away;
    f.task.lastHitUbp[1] = ext;
    assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'done');
    assert.equal(away.count, 1);
    assert.equal(ext.count, 0);
    assert.equal(flagged.count, 0, 'the 6.6 flag means nothing to 6.5');
    assert.equal(only(f).effects.at(-1)?.kind, 'signal');
  },
);

test('§5.6 item 3: PRE with nothing in last_hit_ubp returns DONE without reprogramming (unclaimed)', () => {
  const f = fake([mkBp('perf', A, 8)], { policy: '6.5' });
  assert.equal(handleSingleStep(f.ctx, f.task, userRegs(NEXT)), 'done');
  assert.equal(only(f).branch, 'step-unclaimed');
  assert.deepEqual(f.writes, []);
});
