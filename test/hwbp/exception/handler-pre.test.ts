// §5.6: what the 6.5 handler does differently (items 1 and 2); the shared steps once under 6.5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleDawrException } from '../../../sim/hwbp/handler';
import { A, fake, insn, kernelRegs, ld, mkBp, only, st, UNREADABLE, userRegs } from './fake-context';

test('§5.6 item 1: 6.5 counts perf before execute and leaves its DAWR off (ptrace-report-all)', () => {
  const perf = mkBp('perf', A, 8);
  const p = mkBp('ptrace', A, 8);
  const f = fake([perf, p], { policy: '6.5' });
  const regs = userRegs();
  const rc = handleDawrException(f.ctx, f.task, regs, A, ld(A));
  assert.equal(rc, 'done');
  const d = only(f);
  assert.equal(d.branch, 'ptrace-report-all');
  assert.deepEqual(d.effects, [
    { kind: 'count', bp: perf.name, value: 1 },
    { kind: 'disable', bp: p.name },
    { kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: '0x10100000' },
  ]);
  assert.equal(perf.count, 1, 'counted at the ptrace stop, before the instruction');
  assert.deepEqual(f.dawr, [null, null], 'the perf DAWR stays off');
  assert.equal(perf.info.perfSingleStep, false);
  assert.equal(regs.singleStep, false);
});

test('§5.6 item 1: 6.5 counts an EXTRANEOUS perf hit at a ptrace stop', () => {
  const perf = mkBp('perf', A + 4n, 4);
  const p = mkBp('ptrace', A, 4);
  const f = fake([perf, p], { policy: '6.5' });
  handleDawrException(f.ctx, f.task, userRegs(), A, ld(A, 4));
  const d = only(f);
  assert.deepEqual(
    d.slots.map((s) => s.result),
    ['extraneous', 'hit'],
  );
  assert.equal(perf.count, 1);
  // the same exception under 6.6: perf not counted, reinstalled
  perf.count = 0;
  p.state = 'active';
  const g = fake([perf, p]);
  handleDawrException(g.ctx, g.task, userRegs(), A, ld(A, 4));
  assert.equal(perf.count, 0);
  assert.equal(g.dawr[0], perf);
});

test('§5.6 item 2: 6.5 user-mode step is kept in last_hit_ubp, not in perf_single_step', () => {
  const other = mkBp('perf', A + 0x100n, 8);
  const perf = mkBp('perf', A, 8);
  const f = fake([other, perf], { policy: '6.5' });
  const regs = userRegs();
  const rc = handleDawrException(f.ctx, f.task, regs, A, ld(A));
  assert.equal(rc, 'stop');
  const d = only(f);
  assert.equal(d.branch, 'perf-single-step');
  assert.deepEqual(f.task.lastHitUbp, [null, perf], 'indexed by slot');
  assert.equal(perf.info.perfSingleStep, false);
  assert.equal(regs.singleStep, true);
  assert.equal(perf.count, 0);
  assert.deepEqual(d.effects, [
    { kind: 'arm-step', bp: perf.name },
    { kind: 'reinstall', slot: 0 },
  ]);
});

test('§5.6: 6.5 shares steps 2-4, 6 and 7 (kernel) with 6.6', () => {
  const mk = () => mkBp('perf', A, 8, { r: true, w: true });
  const cases: Array<[string, () => { rc: string; branch: string }]> = [
    [
      'unreadable',
      () => {
        const f = fake([mk()], { policy: '6.5' });
        const rc = handleDawrException(f.ctx, f.task, userRegs(), A, UNREADABLE);
        return { rc, branch: only(f).branch };
      },
    ],
    [
      'no hit',
      () => {
        const f = fake([mk()], { policy: '6.5' });
        const rc = handleDawrException(f.ctx, f.task, userRegs(), A + 8n, ld(A + 8n));
        return { rc, branch: only(f).branch };
      },
    ],
    [
      'larx',
      () => {
        const f = fake([mk()], { policy: '6.5' });
        const rc = handleDawrException(f.ctx, f.task, userRegs(), A, insn('larx', A, 8));
        return { rc, branch: only(f).branch };
      },
    ],
    [
      'kernel emulate',
      () => {
        const f = fake([mk()], { policy: '6.5' });
        const rc = handleDawrException(f.ctx, f.task, kernelRegs(), A, st(A));
        return { rc, branch: only(f).branch };
      },
    ],
    [
      'emulate fails',
      () => {
        const f = fake([mk()], { policy: '6.5', emulateStep: () => 0 });
        const rc = handleDawrException(f.ctx, f.task, kernelRegs(), A, st(A));
        return { rc, branch: only(f).branch };
      },
    ],
  ];
  const got = cases.map(([name, run]) => [name, run()]);
  assert.deepEqual(got, [
    ['unreadable', { rc: 'stop', branch: 'unreadable-disable' }],
    ['no hit', { rc: 'done', branch: 'no-hit-sigtrap' }],
    ['larx', { rc: 'stop', branch: 'larx-stcx-disable' }],
    ['kernel emulate', { rc: 'stop', branch: 'perf-emulate' }],
    ['emulate fails', { rc: 'stop', branch: 'emulate-fail-disable' }],
  ]);
});
