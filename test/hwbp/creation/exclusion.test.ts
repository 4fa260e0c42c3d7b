// SEMANTICS §3.3: the 6.5-only ptrace/perf exclusion, step by step and every consequence (both
// orders). Each case also runs under 6.6, where none of it exists.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bpAddrRangeOverlap } from '../../../sim/hwbp/exclusion';
import { A, errno, ok, range, rig, T0, T1 } from './helpers';

const T2 = 102;
const K = 0xc000000000010000n;

test('§3.3 1a: ptrace after per-CPU perf on an online CPU -> ENOSPC (6.5), ok (6.6)', () => {
  for (const [pol, want] of [
    ['6.5', 'ENOSPC'],
    ['6.6', 'ok(1)'],
  ] as const) {
    const { hw } = rig('power10', pol, 2);
    ok(hw.perfOpen({ cpu: 1, addr: A, len: 8n, type: 'w' }));
    assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), want, pol);
  }
});

test('§3.3 1a: only ONLINE CPUs are checked: per-CPU perf on an offline CPU does not block ptrace', () => {
  const { hw } = rig('power10', '6.5', 2);
  ok(hw.perfOpen({ cpu: 1, addr: A, len: 8n, type: 'w' }));
  hw.setCpuOnline(1, false);
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), 'ok(1)');
});

test('§3.3 1a: ptrace on X after task-on-CPU perf of another task Y -> ENOSPC (through CPUTAB)', () => {
  for (const [pol, want] of [
    ['6.5', 'ENOSPC'],
    ['6.6', 'ok(1)'],
  ] as const) {
    const { hw } = rig('power10', pol, 1, { tasks: 3 });
    ok(hw.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
    assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), want, pol);
  }
});

test('§3.3 1b: ptrace after overlapping per-task perf of the same task -> ENOSPC; of another task -> ok', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), 'ENOSPC');
  assert.equal(errno(hw.setHwdebug(T1, range(A, 8))), 'ok(1)');
  // not overlapping: fine for the same task
  assert.equal(errno(hw.setHwdebug(T0, range(A + 8n, 8))), 'ok(1)');
});

test('§3.3 1c: an accepted ptrace breakpoint is appended to TASKLIST', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.setHwdebug(T0, range(A, 8)));
  const x = hw.accounting().exclusion;
  assert.ok(x);
  assert.deepEqual(
    x.taskList.map((b) => b.name),
    ['ptrace:t100:1'],
  );
  assert.ok(x.cpuTab.every((row) => row.every((e) => e === null)));
});

test('§3.3 2: a kernel-address perf breakpoint is never recorded and never conflicts', () => {
  const { hw } = rig('power10', '6.5', 1);
  const fd = ok(hw.perfOpen({ cpu: 0, addr: K, len: 8n, type: 'r' }));
  const fd2 = ok(hw.perfOpen({ pid: T0, addr: K, len: 8n, type: 'r' }));
  const x = hw.accounting().exclusion;
  assert.ok(x);
  assert.equal(x.taskList.length, 0);
  assert.ok(x.cpuTab.every((row) => row.every((e) => e === null)));
  ok(hw.perfClose(fd));
  ok(hw.perfClose(fd2));
  assert.equal(hw.accounting().reserved.length, 0);
});

test(
  '§3.3 3: per-task perf after overlapping ptrace: same ' + 'task -> ENOSPC, other task -> ok, recorded in TASKLIST',
  () => {
    const { hw } = rig('power10', '6.5', 1);
    ok(hw.setHwdebug(T0, range(A, 8)));
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: A + 4n, len: 1n, type: 'r' })), 'ENOSPC');
    ok(hw.perfOpen({ pid: T1, addr: A, len: 8n, type: 'r' }));
    assert.equal(hw.accounting().exclusion?.taskList.length, 2);
  },
);

test('§3.3 4: per-CPU perf after ptrace of ANY task -> ENOSPC; otherwise put in CPUTAB', () => {
  const { hw } = rig('power10', '6.5', 2);
  ok(hw.setHwdebug(T1, range(A, 8)));
  assert.equal(errno(hw.perfOpen({ cpu: 1, addr: A, len: 8n, type: 'w' })), 'ENOSPC');
  assert.equal(errno(hw.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'w' })), 'ENOSPC');
  ok(hw.perfOpen({ cpu: 1, addr: A + 8n, len: 8n, type: 'w' }));
  assert.deepEqual(
    hw.accounting().exclusion?.cpuTab[1].map((b) => b?.name ?? null),
    ['perf:3', null],
  );
});

test('§3.3 4/5: a full CPUTAB drops the record silently (0 returned) and the ptrace check then misses it', () => {
  // POWER8: CPUTAB[0] has one entry. T0's task-on-CPU takes it; T1's is dropped (but is in TASKLIST).
  const { hw } = rig('power8', '6.5', 1, { tasks: 3 });
  ok(hw.perfOpen({ pid: T0, cpu: 0, addr: A + 0x100n, len: 8n, type: 'r' }));
  ok(hw.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
  const x = hw.accounting().exclusion;
  assert.deepEqual(
    x?.cpuTab[0].map((b) => b?.name ?? null),
    ['perf:3'],
  );
  assert.equal(x?.taskList.length, 2);
  // ptrace on a third task overlapping T1's perf: 1a misses it (not in CPUTAB), 1b checks only T2
  assert.equal(errno(hw.setHwdebug(T2, range(A, 8))), 'ok(1)');
  // control: with the record present, the same ptrace is refused
  const c = rig('power8', '6.5', 1, { tasks: 3 }).hw;
  ok(c.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
  assert.equal(errno(c.setHwdebug(T2, range(A, 8))), 'ENOSPC');
});

test(
  '§3.3 5: task-on-CPU perf after overlapping ptrace of ' + 'the same task -> ENOSPC; recorded in CPUTAB and TASKLIST',
  () => {
    const { hw } = rig('power10', '6.5', 1);
    ok(hw.setHwdebug(T0, range(A, 8)));
    assert.equal(errno(hw.perfOpen({ pid: T0, cpu: 0, addr: A, len: 8n, type: 'r' })), 'ENOSPC');
    ok(hw.perfOpen({ pid: T0, cpu: 0, addr: A + 8n, len: 8n, type: 'r' }));
    const x = hw.accounting().exclusion;
    assert.deepEqual(
      x?.cpuTab[0].map((b) => b?.name ?? null),
      ['perf:3', null],
    );
    assert.equal(x?.taskList.filter((b) => b.name === 'perf:3').length, 1);
  },
);

test('§3.3 consequence: ptrace vs per-task perf, same task, overlapping: ENOSPC in both orders (6.5); ok (6.6)', () => {
  for (const pol of ['6.5', '6.6'] as const) {
    const want = pol === '6.5' ? 'ENOSPC' : 'ok(3)';
    const a = rig('power10', pol, 1).hw;
    ok(a.setHwdebug(T0, range(A, 8)));
    assert.equal(errno(a.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' })), want, `${pol} ptrace first`);
    const b = rig('power10', pol, 1).hw;
    ok(b.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
    assert.equal(errno(b.setHwdebug(T0, range(A, 8))), pol === '6.5' ? 'ENOSPC' : 'ok(1)', `${pol} perf first`);
  }
});

test('§3.3 consequence: ptrace vs per-task perf of a different task: allowed in both orders', () => {
  const a = rig('power10', '6.5', 1).hw;
  ok(a.setHwdebug(T0, range(A, 8)));
  ok(a.perfOpen({ pid: T1, addr: A, len: 8n, type: 'r' }));
  const b = rig('power10', '6.5', 1).hw;
  ok(b.perfOpen({ pid: T1, addr: A, len: 8n, type: 'r' }));
  ok(b.setHwdebug(T0, range(A, 8)));
});

test('§3.3 consequence: ptrace vs per-CPU perf: ENOSPC in both orders, whichever task', () => {
  for (const pid of [T0, T1]) {
    const a = rig('power10', '6.5', 1).hw;
    ok(a.setHwdebug(pid, range(A, 8)));
    assert.equal(errno(a.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'r' })), 'ENOSPC');
    const b = rig('power10', '6.5', 1).hw;
    ok(b.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'r' }));
    assert.equal(errno(b.setHwdebug(pid, range(A, 8))), 'ENOSPC');
  }
});

test(
  '§3.3 consequence: ptrace on X vs task-on-CPU perf on Y ' +
    'depends on order (perf first ENOSPC, ptrace first allowed)',
  () => {
    const perfFirst = rig('power10', '6.5', 1).hw;
    ok(perfFirst.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' }));
    assert.equal(errno(perfFirst.setHwdebug(T0, range(A, 8))), 'ENOSPC');
    const ptraceFirst = rig('power10', '6.5', 1).hw;
    ok(ptraceFirst.setHwdebug(T0, range(A, 8)));
    assert.equal(errno(ptraceFirst.perfOpen({ pid: T1, cpu: 0, addr: A, len: 8n, type: 'r' })), 'ok(3)');
  },
);

test('§3.3 consequence: two ptrace or two perf breakpoints never conflict', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.setHwdebug(T0, range(A, 8)));
  ok(hw.setHwdebug(T0, range(A, 8)));
  const p = rig('power10', '6.5', 1).hw;
  ok(p.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'r' }));
  ok(p.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
});

test('§3.3 overlap is doubleword-rounded on the raw attr (same doubleword conflicts, the next one does not)', () => {
  const { hw } = rig('power10', '6.5', 1);
  ok(hw.setHwdebug(T0, range(A + 1n, 1)));
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A + 7n, len: 1n, type: 'r' })), 'ENOSPC');
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A + 8n, len: 1n, type: 'r' })), 'ok(3)');
  const mk = (addr: bigint, len: bigint) => ({ attr: { bpAddr: addr, bpLen: len } }) as never;
  assert.equal(bpAddrRangeOverlap(mk(A, 8n), mk(A + 8n, 8n)), false);
  assert.equal(bpAddrRangeOverlap(mk(A, 9n), mk(A + 8n, 8n)), true);
  // the raw u64 bp_len, not the u16 arch length
  assert.equal(bpAddrRangeOverlap(mk(A, 65544n), mk(A + 0x1000n, 8n)), true);
});

test('§3.3 the exclusion ENOSPC looks exactly like a slot-exhaustion ENOSPC', () => {
  const ex = rig('power10', '6.5', 1).hw;
  ok(ex.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'r' }));
  const r = ex.setHwdebug(T0, range(A, 8));
  assert.ok(!r.ok);
  assert.equal(r.errno, 'ENOSPC');
  assert.match(r.message, /6\.5 forbids ptrace and perf/);
});

test('§3.3 release: closing the perf event removes its records; then ptrace is allowed', () => {
  const { hw } = rig('power10', '6.5', 1);
  const fd = ok(hw.perfOpen({ pid: T0, cpu: 0, addr: A, len: 8n, type: 'r' }));
  assert.equal(errno(hw.setHwdebug(T0, range(A, 8))), 'ENOSPC');
  ok(hw.perfClose(fd));
  const x = hw.accounting().exclusion;
  assert.equal(x?.taskList.length, 0);
  assert.ok(x?.cpuTab.every((row) => row.every((e) => e === null)));
  ok(hw.setHwdebug(T0, range(A, 8)));
  ok(hw.delHwdebug(T0, 1));
  assert.equal(hw.accounting().exclusion?.taskList.length, 0);
});

test('§3.3 the exclusion runs only after the generic check has passed (a slot ENOSPC records nothing)', () => {
  const { hw } = rig('power8', '6.5', 1);
  ok(hw.perfOpen({ pid: T0, addr: A + 0x100n, len: 8n, type: 'r' }));
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' })), 'ENOSPC');
  assert.equal(hw.accounting().exclusion?.taskList.length, 1);
});

test('§3.3 a record made and then refused by parse is released again (EINVAL leaves the tables as they were)', () => {
  const { hw } = rig('power8', '6.5', 1);
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A + 0x1f8n, len: 16n, type: 'r' })), 'EINVAL');
  assert.equal(hw.accounting().exclusion?.taskList.length, 0);
});
