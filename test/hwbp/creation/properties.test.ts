// Property tests of the accounting (SEMANTICS §3.1, §3.3, §4): random sequences of creations (all
// three kinds, ptrace and perf), modifies (SET_DEBUGREG), enable/disable, switches, one-shot fires,
// hotplug and releases, on every model and both policies. After every step:
//   * every CPU holds at most N installed breakpoints, each live, active, and on the CPU it belongs to;
//     every active event is installed; the DAWRs match the slots;
//   * the §3.1 invariant: CPU(c) + TASK(t, c) <= N for every CPU c and every task t;
//   * a creation refused by the rule really would break it, and (6.6) one it allows is never ENOSPC;
// and releasing everything returns every count to zero and empties the exclusion tables.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { HW_BREAKPOINT_RW, type Breakpoint } from '../../../sim/hwbp/breakpoint';
import { CPU_MODEL_NAMES, type KernelPolicy } from '../../../sim/hwbp/cpu-model';
import { dawrProgramOf } from '../../../sim/hwbp/dawr-program';
import { targetCpuForTest } from './target-cpu';
import { rig, type Rig } from './helpers';

const PIDS = [100, 101, 102];
const BASE = 0x10100000n;

type Cmd =
  | {
      op: 'perf';
      kind: 'task' | 'cpu' | 'taskcpu';
      pid: number;
      cpu: number;
      off: number;
      len: number;
      type: number;
      disabled: boolean;
      pinned: boolean;
      exclK: boolean;
      kernelAddr: boolean;
    }
  | { op: 'sethw'; pid: number; off: number; len: number; trig: number; exact: boolean }
  | { op: 'delhw'; pid: number; handle: number }
  | { op: 'debugreg'; pid: number; off: number; bits: number }
  | { op: 'enable' | 'disable' | 'close'; fd: number }
  | { op: 'in'; cpu: number; pid: number }
  | { op: 'out'; cpu: number }
  | { op: 'fire'; cpu: number; slot: number; user: boolean }
  | { op: 'online'; cpu: number; on: boolean }
  | { op: 'exit'; pid: number };

const pid = fc.constantFrom(...PIDS);
const cpu = fc.integer({ min: 0, max: 2 });
const off = fc.constantFrom(0, 4, 8, 16, 0x1f8, 0x200, 0x400);
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('perf' as const),
      kind: fc.constantFrom('task' as const, 'cpu' as const, 'taskcpu' as const),
      pid,
      cpu,
      off,
      len: fc.constantFrom(1, 4, 8, 16, 512, 0, 65536),
      type: fc.constantFrom(1, 2, 3, 4, 5, 0, 7),
      disabled: fc.boolean(),
      pinned: fc.boolean(),
      exclK: fc.boolean(),
      kernelAddr: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('sethw' as const),
      pid,
      off,
      len: fc.constantFrom(1, 8, 16, 0),
      trig: fc.constantFrom(2, 4, 6, 1),
      exact: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('delhw' as const), pid, handle: fc.integer({ min: 0, max: 3 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('debugreg' as const), pid, off, bits: fc.constantFrom(0, 4, 5, 6, 7, 1) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constantFrom('enable' as const, 'disable' as const, 'close' as const),
      fd: fc.integer({ min: 3, max: 8 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('in' as const), cpu, pid }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('out' as const), cpu }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('fire' as const),
      cpu,
      slot: fc.integer({ min: 0, max: 1 }),
      user: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('online' as const), cpu, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('exit' as const), pid }) },
);

/** The §3.1 rule written independently: with `extra` added, does every (CPU, task) pair fit in N? */
function fits(
  reserved: Breakpoint[],
  extra: Pick<Breakpoint, 'target' | 'cpu'> | null,
  n: number,
  cpus: number,
): boolean {
  const all: Array<Pick<Breakpoint, 'target' | 'cpu'>> = [...reserved, ...(extra ? [extra] : [])];
  for (let c = 0; c < cpus; c++) {
    const cpuPinned = all.filter((b) => b.target === undefined && b.cpu === c).length;
    for (const t of [...PIDS, -1]) {
      const task = all.filter((b) => b.target === t && (b.cpu === -1 || b.cpu === c)).length;
      if (cpuPinned + task > n) return false;
    }
  }
  return true;
}

function check(r: Rig, cpus: number, ctx: string): void {
  const { hw } = r;
  const n = hw.model.slots;
  const live = new Set(hw.breakpoints());
  const seen = new Set<Breakpoint>();
  for (let c = 0; c < cpus; c++) {
    const occ = hw.slotOccupants(c);
    assert.ok(occ.length <= n, `${ctx}: cpu${c} has more slots than N`);
    assert.ok(occ.filter((b) => b).length <= n, `${ctx}: cpu${c} over N`);
    occ.forEach((bp, s) => {
      const prog = r.dawr[c][s];
      if (!bp) {
        assert.equal(prog, null, `${ctx}: empty slot ${s} of cpu${c} is programmed`);
        return;
      }
      assert.ok(live.has(bp), `${ctx}: dead ${bp.name} installed`);
      assert.ok(!seen.has(bp), `${ctx}: ${bp.name} installed twice`);
      seen.add(bp);
      assert.equal(bp.state, 'active', `${ctx}: ${bp.name} installed but ${bp.state}`);
      assert.equal(targetCpuForTest(hw, bp), c, `${ctx}: ${bp.name} installed on the wrong CPU`);
      assert.deepEqual(
        prog,
        dawrProgramOf(bp.info, hw.model),
        `${ctx}: DAWR ${s} of cpu${c} does not match ${bp.name}`,
      );
    });
  }
  for (const bp of live)
    if (bp.state === 'active') assert.ok(seen.has(bp), `${ctx}: ${bp.name} active but not installed`);
  const acc = hw.accounting();
  assert.ok(fits(acc.reserved, null, n, cpus), `${ctx}: §3.1 invariant broken`);
  for (const bp of acc.reserved) assert.ok(live.has(bp), `${ctx}: ${bp.name} reserved but not live`);
  if (acc.exclusion) {
    for (const bp of acc.exclusion.taskList)
      assert.ok(acc.reserved.includes(bp), `${ctx}: TASKLIST holds unreserved ${bp.name}`);
    for (const row of acc.exclusion.cpuTab)
      for (const bp of row) if (bp) assert.ok(acc.reserved.includes(bp), `${ctx}: CPUTAB holds unreserved ${bp.name}`);
  }
  // EBUSY happens only after a reservation was lost (the 6.5 modify WARN)
  if (hw.kernelLog.some((l) => /Can't find any breakpoint slot/.test(l)))
    assert.ok(
      hw.kernelLog.some((l) => /__modify_bp_slot/.test(l)),
      `${ctx}: EBUSY without a lost reservation`,
    );
}

/** Runs the commands with the checks; returns every call's outcome. `separate` keeps perf ranges
 * 64 KiB away from ptrace ranges (no overlap, so the 6.5 exclusion can never fire). */
function run(
  model: (typeof CPU_MODEL_NAMES)[number],
  policy: KernelPolicy,
  cpus: number,
  cmds: Cmd[],
  separate = false,
): string[] {
  const trace: string[] = [];
  const note = (r: { ok: boolean; errno?: string }): void => {
    trace.push(r.ok ? 'ok' : (r.errno ?? '?'));
  };
  const r = rig(model, policy, cpus, { tasks: 3, force: model === 'power9' ? cmds.length % 2 === 0 : false });
  const { hw } = r;
  const n = hw.model.slots;
  const exited = new Set<number>();
  cmds.forEach((c, i) => {
    const ctx = `${model} ${policy} ${cpus}cpu step ${i} ${JSON.stringify(c)}`;
    switch (c.op) {
      case 'perf': {
        const target = c.kind === 'cpu' ? undefined : c.pid;
        const bcpu = c.kind === 'task' ? -1 : c.cpu % cpus;
        const addr = c.kernelAddr
          ? 0xc000000000000000n + BigInt(c.off)
          : BASE + BigInt(c.off) + (separate ? 0x10000n : 0n);
        const before = hw.accounting().reserved;
        const res = hw.perfOpen({
          pid: target,
          cpu: bcpu,
          addr,
          len: BigInt(c.len),
          type: c.type,
          disabled: c.disabled,
          pinned: c.pinned,
          excludeKernel: c.exclK,
        });
        note(res);
        const generic = target === undefined || !exited.has(target);
        if (generic && c.type !== 0 && c.type !== 7 && (c.type & HW_BREAKPOINT_RW) !== 0) {
          const f = fits(before, { target, cpu: bcpu }, n, cpus);
          if (!f)
            assert.equal(res.ok ? 'ok' : res.errno, 'ENOSPC', `${ctx}: the rule is broken but it was not refused`);
          if (f && policy === '6.6')
            assert.notEqual(res.ok ? 'ok' : res.errno, 'ENOSPC', `${ctx}: refused though it fits`);
        }
        if (generic && c.type === 4) assert.equal(res.ok ? 'ok' : res.errno, 'ENOSPC', ctx);
        break;
      }
      case 'sethw': {
        const base = BASE + BigInt(c.off);
        note(
          hw.setHwdebug(c.pid, {
            version: 1,
            triggerType: c.trig,
            addrMode: c.exact ? 0 : 1,
            conditionMode: 0,
            addr: base,
            addr2: base + BigInt(c.len),
          }),
        );
        break;
      }
      case 'delhw':
        note(hw.delHwdebug(c.pid, c.handle));
        break;
      case 'debugreg':
        note(hw.setDebugreg(c.pid, (BASE + BigInt(c.off)) | BigInt(c.bits)));
        break;
      case 'enable':
        note(hw.perfEnable(c.fd));
        break;
      case 'disable':
        note(hw.perfDisable(c.fd));
        break;
      case 'close':
        note(hw.perfClose(c.fd));
        break;
      case 'in': {
        const cc = c.cpu % cpus;
        // a task runs on one CPU at a time; the machine switches the old one out first
        if (exited.has(c.pid) || !r.hw.thread(c.pid)) break;
        for (let k = 0; k < cpus; k++) if (hw.currentOn(k) === c.pid) hw.switchOut(k, c.pid);
        const cur = hw.currentOn(cc);
        if (cur !== undefined) hw.switchOut(cc, cur);
        hw.switchIn(cc, c.pid);
        break;
      }
      case 'out': {
        const cc = c.cpu % cpus;
        const cur = hw.currentOn(cc);
        if (cur !== undefined) hw.switchOut(cc, cur);
        break;
      }
      case 'fire': {
        const cc = c.cpu % cpus;
        const bp = hw.slotOccupants(cc)[c.slot];
        if (bp)
          hw.hwContext(cc, hw.currentOn(cc) ?? 0, i, () => {}).perfBpEvent(bp, {
            pc: 0n,
            mode: c.user ? 'user' : 'kernel',
            singleStep: false,
          });
        break;
      }
      case 'online': {
        const cc = c.cpu % cpus;
        if (cc !== 0) hw.setCpuOnline(cc, c.on);
        break;
      }
      case 'exit':
        hw.taskExit(c.pid);
        exited.add(c.pid);
        break;
    }
    check(r, cpus, ctx);
  });
  // release everything
  for (let fd = 3; fd < 40; fd++) hw.perfClose(fd);
  for (const p of PIDS) hw.taskExit(p);
  const acc = hw.accounting();
  assert.equal(acc.reserved.length, 0, 'reservations left');
  for (let c = 0; c < cpus; c++) {
    assert.equal(acc.cpuPinned(c), 0);
    for (const p of PIDS) assert.equal(acc.taskPinned(p, c), 0);
    assert.deepEqual(
      hw.slotOccupants(c).filter((b) => b),
      [],
    );
    assert.ok(
      r.dawr[c].every((p) => p === null),
      'a DAWR still programmed',
    );
  }
  assert.equal(hw.breakpoints().length, 0);
  if (acc.exclusion) {
    assert.equal(acc.exclusion.taskList.length, 0, 'TASKLIST not empty');
    assert.ok(
      acc.exclusion.cpuTab.every((row) => row.every((e) => e === null)),
      'CPUTAB not empty',
    );
  }
  return trace;
}

for (const policy of ['6.6', '6.5'] as const) {
  test(
    `§3.1/§3.3/§4 properties under ${policy}: slots never ` + 'overfull, the invariant holds, release returns to zero',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CPU_MODEL_NAMES),
          fc.integer({ min: 1, max: 3 }),
          fc.array(cmd, { minLength: 1, maxLength: 40 }),
          (model, cpus, cmds) => {
            run(model, policy, cpus, cmds);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
}

test('§3.3 differential: with no ptrace/perf overlap, 6.5 and 6.6 give the same result for every call', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...CPU_MODEL_NAMES),
      fc.integer({ min: 1, max: 3 }),
      fc.array(cmd, { minLength: 1, maxLength: 40 }),
      (model, cpus, cmds) => {
        assert.deepEqual(run(model, '6.5', cpus, cmds, true), run(model, '6.6', cpus, cmds, true));
      },
    ),
    { numRuns: 300 },
  );
});

test(
  '§3.3 differential: with overlaps allowed, 6.5 refuses a ' +
    'superset of what 6.6 refuses (first difference is a 6.5 ENOSPC)',
  () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CPU_MODEL_NAMES),
        fc.integer({ min: 1, max: 3 }),
        fc.array(cmd, { minLength: 1, maxLength: 40 }),
        (model, cpus, cmds) => {
          const pre = run(model, '6.5', cpus, cmds);
          const post = run(model, '6.6', cpus, cmds);
          const i = pre.findIndex((r, j) => r !== post[j]);
          if (i >= 0) assert.equal(pre[i], 'ENOSPC', `first difference at call ${i}: 6.5 ${pre[i]} vs 6.6 ${post[i]}`);
        },
      ),
      { numRuns: 300 },
    );
  },
);
