// The exception side against the real creation side (HwBreakpointSubsystem.hwContext): the kernel
// selftest ptrace-perf-hwbreak.c same_watch_addr (SEMANTICS §7.1), rows 1-4, at the handler level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Decision } from '../../../sim/decision';
import { cpuModel } from '../../../sim/hwbp/cpu-model';
import { DecisionLog } from '../../../sim/hwbp/decision-log';
import { handleDawrException, handleSingleStep } from '../../../sim/hwbp/handler';
import type { TrapRegs } from '../../../sim/hwbp/hw-context';
import { PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE, PPC_BREAKPOINT_TRIGGER_READ } from '../../../sim/hwbp/ptrace-hwdebug';
import { HwBreakpointSubsystem } from '../../../sim/hwbp/subsystem';
import { ld } from './fake-context';

const V = 0x7ffffffeff00n; // the stack variable `value`
const LOAD = 0x10000004n;
const PID = 100;

function ok<T>(r: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!r.ok) assert.fail(r.message);
  return r.value;
}

function machine() {
  const log = new DecisionLog(1000);
  const hw = new HwBreakpointSubsystem({ model: cpuModel('power10'), policy: '6.6', cpus: 1, programDawr: () => {} });
  hw.addTask(PID, 'child');
  hw.switchIn(0, PID);
  const fd = ok(
    hw.perfOpen({ id: 'value', pid: PID, addr: V, len: 8n, type: 'r', excludeKernel: true, excludeHv: true }),
  );
  const setPtrace = () =>
    ok(
      hw.setHwdebug(PID, {
        version: 1,
        triggerType: PPC_BREAKPOINT_TRIGGER_READ,
        addrMode: PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE,
        conditionMode: 0,
        addr: V,
        addr2: V + 8n,
      }),
    );
  let handle = setPtrace();
  let tif = false;
  /** run the `ld` at LOAD once: DAWR exceptions while a DAWR matches, then the step if armed */
  const runLoad = (): { rc: string; stopped: boolean; decisions: Decision[] } => {
    const before = log.total;
    const ctx = () => hw.hwContext(0, PID, 0, (d) => log.append(d));
    const task = () => hw.currentTask(PID, tif);
    const regs: TrapRegs = { pc: LOAD, mode: 'user', singleStep: tif };
    const armed = hw.currentBrk(0).some((b) => b !== null && b.address === V);
    if (armed) {
      const rc = handleDawrException(ctx(), task(), regs, V, ld(V));
      if (rc === 'done') return { rc, stopped: true, decisions: log.since(before) };
    }
    if (regs.singleStep) {
      const rc = handleSingleStep(ctx(), task(), { pc: LOAD + 4n, mode: 'user', singleStep: false }, 'ld r0,0(r3)');
      return { rc, stopped: rc === 'done', decisions: log.since(before) };
    }
    return { rc: 'none', stopped: false, decisions: log.since(before) };
  };
  return {
    hw,
    log,
    fd,
    runLoad,
    count: () => ok(hw.perfRead(fd)),
    singleStep: (on: boolean) => {
      tif = on;
    },
    rearm: () => {
      ok(hw.delHwdebug(PID, handle));
      handle = setPtrace();
    },
  };
}

test(
  '§7.1 same_watch_addr row 1 (6.6): both DAWRs match; ptrace ' +
    'reported and one-shot disabled; perf ignored, reinstalled',
  () => {
    const m = machine();
    const r = m.runLoad();
    assert.equal(r.stopped, true);
    assert.deepEqual(
      r.decisions.map((d) => d.branch),
      ['ptrace-report'],
    );
    assert.equal(m.count(), 0);
    const occupants = m.hw.slotOccupants(0).filter((b) => b !== null);
    assert.deepEqual(
      occupants.map((b) => b?.owner),
      ['perf'],
      'ptrace uninstalled (disabled), perf still installed',
    );
    assert.equal(m.hw.currentBrk(0).filter((b) => b !== null).length, 1, 'perf DAWR programmed again');
    assert.deepEqual(r.decisions[0].effects.at(-1), {
      kind: 'signal',
      signal: 'SIGTRAP',
      si_code: 'TRAP_HWBKPT',
      si_addr: `0x${V.toString(16)}`,
    });
  },
);

test(
  '§7.1 same_watch_addr rows 2-4 (6.6): single-step counts 1 with ' +
    'one TRAP_TRACE stop; re-armed ptrace stops again; CONT counts 2',
  () => {
    const m = machine();
    m.runLoad(); // row 1
    // row 2: PTRACE_SINGLESTEP
    m.singleStep(true);
    const r2 = m.runLoad();
    assert.deepEqual(
      r2.decisions.map((d) => d.branch),
      ['perf-single-step', 'step-complete'],
    );
    assert.equal(r2.stopped, true, 'TIF_SINGLESTEP: the step is reported');
    assert.equal(m.count(), 1);
    // row 3: DELHWDEBUG + SETHWDEBUG, PC back to load, CONT
    m.singleStep(false);
    m.rearm();
    const r3 = m.runLoad();
    assert.deepEqual(
      r3.decisions.map((d) => d.branch),
      ['ptrace-report'],
    );
    assert.equal(m.count(), 1);
    // row 4: CONT: only perf fires; stepped, counted, step consumed
    const r4 = m.runLoad();
    assert.deepEqual(
      r4.decisions.map((d) => d.branch),
      ['perf-single-step', 'step-complete'],
    );
    assert.equal(r4.stopped, false);
    assert.equal(m.count(), 2);
  },
);

test("§5.4 with the creation side: install holds a stepping perf breakpoint's DAWR until the step completes", () => {
  const m = machine();
  ok(m.hw.delHwdebug(PID, 1)); // perf alone
  const ctx = m.hw.hwContext(0, PID, 0, (d) => m.log.append(d));
  const regs: TrapRegs = { pc: LOAD, mode: 'user', singleStep: false };
  handleDawrException(ctx, m.hw.currentTask(PID, false), regs, V, ld(V));
  assert.equal(regs.singleStep, true);
  // a context switch out and in while the step is pending: installed again, but not programmed
  m.hw.switchOut(0, PID);
  m.hw.switchIn(0, PID);
  assert.equal(m.hw.slotOccupants(0).filter((b) => b !== null).length, 1);
  assert.equal(m.hw.currentBrk(0).filter((b) => b !== null).length, 0, 'DAWR held off');
  handleSingleStep(
    m.hw.hwContext(0, PID, 0, (d) => m.log.append(d)),
    m.hw.currentTask(PID, false),
    { pc: LOAD + 4n, mode: 'user', singleStep: false },
  );
  assert.equal(m.count(), 1);
  assert.equal(m.hw.currentBrk(0).filter((b) => b !== null).length, 1);
});
