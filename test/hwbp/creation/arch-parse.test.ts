// SEMANTICS §1.1 (arch type bits), §2.1 (order of checks), §2.5 (hardware range, per model).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hwBreakpointArchParse } from '../../../sim/hwbp/arch-parse';
import {
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
  type BreakpointAttr,
} from '../../../sim/hwbp/breakpoint';
import { cpuModel } from '../../../sim/hwbp/cpu-model';
import { dawrxMrd } from '../../../sim/hwbp/dawr-program';
import { hwBreakpointValidateLen, truncU16 } from '../../../sim/hwbp/validate-len';
import { A, errno, ok, rig, T0 } from './helpers';

function attr(p: Partial<BreakpointAttr>): BreakpointAttr {
  return {
    bpAddr: A,
    bpLen: 8n,
    bpType: 1,
    excludeUser: false,
    excludeKernel: false,
    excludeHv: false,
    pinned: false,
    disabled: false,
    ...p,
  };
}

test('§1.1 arch type: TRANSLATE always, READ/WRITE from bp_type, USER/KERNEL/HYP from exclude_*', () => {
  const p10 = cpuModel('power10');
  const t = (a: Partial<BreakpointAttr>) => {
    const r = hwBreakpointArchParse(attr(a), p10);
    assert.ok(r.ok);
    return r.info.type;
  };
  assert.equal(
    t({ bpType: 1 }),
    HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_READ | HW_BRK_TYPE_USER | HW_BRK_TYPE_KERNEL | HW_BRK_TYPE_HYP,
  );
  assert.equal(
    t({ bpType: 2, excludeKernel: true, excludeHv: true }),
    HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_WRITE | HW_BRK_TYPE_USER,
  );
  assert.equal(
    t({ bpType: 3, excludeUser: true }),
    HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_READ | HW_BRK_TYPE_WRITE | HW_BRK_TYPE_KERNEL | HW_BRK_TYPE_HYP,
  );
  assert.equal(t({ bpType: 5 }) & 0x7, HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_READ, 'X alongside R is silently ignored');
});

test('§1.1 the address is stored unaligned; the DAWR gets it aligned with MRD from hw_len', () => {
  const { hw, dawr } = rig('power10', '6.6', 1);
  hw.switchIn(0, T0);
  ok(hw.perfOpen({ pid: T0, addr: A + 6n, len: 6n, type: 'w' }));
  const bp = hw.breakpoints()[0];
  assert.equal(bp.info.address, A + 6n);
  assert.equal(bp.info.len, 6);
  assert.equal(bp.info.hwLen, 16);
  assert.deepEqual(dawr[0][0], { start: A, len: 16, read: false, write: true, user: true, kernel: true, hyp: true });
});

test('§2.1 step 2: bp_len 0 -> EINVAL', () => {
  const { hw } = rig();
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 0n, type: 'r' })), 'EINVAL');
});

test('§2.1 step 1: bp_type 0 (EMPTY) and 7 (INVALID) -> EINVAL from the reservation', () => {
  const { hw } = rig();
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 0 })), 'EINVAL');
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 7 })), 'EINVAL');
  assert.equal(hw.accounting().reserved.length, 0);
});

test('§2.1 step 2: X-only is TYPE_INST (0 slots) -> ENOSPC, even on an empty machine', () => {
  for (const m of ['power7', 'power8', 'power9', 'power10'] as const) {
    const { hw } = rig(m);
    assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'x' })), 'ENOSPC', m);
  }
});

test('§2.1 step 1: ENOSPC wins over EINVAL (an invalid breakpoint still gets ENOSPC when slots are full)', () => {
  const { hw } = rig('power8', '6.6', 1);
  ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 0n, type: 'r' })), 'ENOSPC', 'len 0');
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A + 0x1f8n, len: 16n, type: 'r' })), 'ENOSPC', '512 crossing');
  // With a free slot the same requests are EINVAL.
  const fresh = rig('power8', '6.6', 1).hw;
  assert.equal(errno(fresh.perfOpen({ pid: T0, addr: A, len: 0n, type: 'r' })), 'EINVAL');
  assert.equal(errno(fresh.perfOpen({ pid: T0, addr: A + 0x1f8n, len: 16n, type: 'r' })), 'EINVAL');
});

test('§2.1 step 2: a parse failure releases the slot again', () => {
  const { hw } = rig('power8', '6.6', 1);
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: A, len: 0n, type: 'r' })), 'EINVAL');
  assert.equal(hw.accounting().reserved.length, 0);
  ok(hw.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
});

test('§2.1 step 2 / §1.4: POWER9 default -> ENODEV for every perf breakpoint; forced -> accepted', () => {
  const def = rig('power9').hw;
  assert.equal(errno(def.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' })), 'ENODEV');
  assert.equal(errno(def.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'rw' })), 'ENODEV');
  assert.equal(def.accounting().reserved.length, 0, 'released after ENODEV');
  // reserve comes first: X-only is ENOSPC, type 0 EINVAL, even without hardware
  assert.equal(errno(def.perfOpen({ pid: T0, addr: A, len: 8n, type: 'x' })), 'ENOSPC');
  // ENODEV comes before the length rule
  assert.equal(errno(def.perfOpen({ pid: T0, addr: A + 1n, len: 512n, type: 'r' })), 'ENODEV');
  const forced = rig('power9', '6.6', 1, { force: true }).hw;
  ok(forced.perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
});

test('§2.1 step 3: kernel address: EINVAL with exclude_kernel, EPERM without CAP_SYS_ADMIN, ok with it', () => {
  const K = 0xc000000000001000n;
  const { hw } = rig('power10', '6.6', 1);
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: K, len: 8n, type: 'r', excludeKernel: true })), 'EINVAL');
  hw.capSysAdmin = false;
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: K, len: 8n, type: 'r' })), 'EPERM');
  assert.equal(hw.accounting().reserved.length, 0, 'released after the kernel-space check');
  hw.capSysAdmin = true;
  ok(hw.perfOpen({ pid: T0, addr: K, len: 8n, type: 'r' }));
  const noCap = rig('power10', '6.6', 1, { capSysAdmin: false }).hw;
  assert.equal(errno(noCap.perfOpen({ cpu: 0, addr: K, len: 8n, type: 'r' })), 'EPERM');
  ok(noCap.perfOpen({ cpu: 0, addr: A, len: 8n, type: 'r' }));
});

test('§2.1 step 3 comes after step 2: a kernel address on POWER9 default is ENODEV, not EPERM', () => {
  const { hw } = rig('power9', '6.6', 1, { capSysAdmin: false });
  assert.equal(errno(hw.perfOpen({ pid: T0, addr: 0xc000000000001000n, len: 8n, type: 'r' })), 'ENODEV');
});

test('§2.5 example: addr 0x1006 len 6 -> hw [0x1000, 0x1010), hw_len 16', () => {
  const v = hwBreakpointValidateLen(0x1006n, 6, cpuModel('power8'));
  assert.deepEqual(v, { ok: true, hwLen: 16, start: 0x1000n, end: 0x1010n });
});

test('§2.5 POWER8 512-byte crossing EINVAL / POWER9 forced EINVAL / POWER10 accepts', () => {
  const c = 0x10100200n; // 512-aligned
  for (const [m, force, want] of [
    ['power8', false, 'EINVAL'],
    ['power9', true, 'EINVAL'],
    ['power10', false, 'ok'],
  ] as const) {
    const { hw } = rig(m, '6.6', 1, { force });
    const r = hw.perfOpen({ pid: T0, addr: c + 8n, len: 512n, type: 'r' });
    assert.equal(r.ok ? 'ok' : r.errno, want, m);
    if (r.ok) assert.equal(hw.breakpoints()[0].info.hwLen, 512);
  }
  // not crossing: fine on POWER8
  ok(rig('power8').hw.perfOpen({ pid: T0, addr: c, len: 512n, type: 'r' }));
  assert.equal(errno(rig('power8').hw.perfOpen({ pid: T0, addr: c + 0x1f8n, len: 16n, type: 'r' })), 'EINVAL');
});

test('§2.5 addr c+1 len 512 -> hw_len 520 > 512 -> EINVAL everywhere', () => {
  const c = 0x10100200n;
  for (const m of ['power8', 'power10'] as const)
    assert.equal(errno(rig(m).hw.perfOpen({ pid: T0, addr: c + 1n, len: 512n, type: 'r' })), 'EINVAL', m);
  assert.equal(
    errno(rig('power9', '6.6', 1, { force: true }).hw.perfOpen({ pid: T0, addr: c + 1n, len: 512n, type: 'r' })),
    'EINVAL',
  );
  const v = hwBreakpointValidateLen(c + 1n, 512, cpuModel('power10'));
  assert.equal(v.ok, false);
  assert.equal(v.hwLen, 520);
});

test('§2.5 DABR (POWER7): max hw_len 8, no 512 rule', () => {
  const p7 = () => rig('power7').hw;
  ok(p7().perfOpen({ pid: T0, addr: A, len: 8n, type: 'r' }));
  ok(p7().perfOpen({ pid: T0, addr: A + 3n, len: 5n, type: 'r' }));
  assert.equal(errno(p7().perfOpen({ pid: T0, addr: A, len: 9n, type: 'r' })), 'EINVAL');
  assert.equal(errno(p7().perfOpen({ pid: T0, addr: A + 4n, len: 8n, type: 'r' })), 'EINVAL');
  // POWER8 takes the same 16-byte request
  ok(rig('power8').hw.perfOpen({ pid: T0, addr: A + 4n, len: 8n, type: 'r' }));
});

test('§2.5 EXACT (len 1) covers the whole doubleword containing addr', () => {
  const v = hwBreakpointValidateLen(A + 5n, 1, cpuModel('power10'));
  assert.deepEqual(v, { ok: true, hwLen: 8, start: A, end: A + 8n });
});

test(
  '§1.1 u16 truncation: bp_len 65544 becomes 8; 65536 ' + 'becomes 0 (hw_len 0, programmed as MRD 63 = 512 bytes)',
  () => {
    assert.equal(truncU16(65544n), 8);
    assert.equal(truncU16(65536n), 0);
    const { hw, dawr } = rig('power10', '6.6', 1);
    hw.switchIn(0, T0);
    ok(hw.perfOpen({ pid: T0, addr: A, len: 65544n, type: 'r' }));
    assert.equal(hw.breakpoints()[0].info.len, 8);
    assert.equal(hw.breakpoints()[0].info.hwLen, 8);
    ok(hw.perfOpen({ pid: T0, addr: A + 0x100n, len: 65536n, type: 'r' }));
    const b = hw.breakpoints()[1];
    assert.equal(b.info.len, 0);
    assert.equal(b.info.hwLen, 0);
    assert.equal(dawrxMrd(0), 63);
    assert.equal(dawr[0][1]?.len, 512);
    // without the u16 truncation 65544 would be far beyond 512
    assert.equal(
      errno(rig('power10').hw.perfOpen({ pid: T0, addr: A, len: 65544n - 65536n + 513n, type: 'r' })),
      'EINVAL',
    );
  },
);

test(
  '§2.5 hw_len 0 on POWER8: ALIGN_DOWN(end-1) falls in ' + 'the previous 512-byte block when start is 512-aligned',
  () => {
    const c = 0x10100200n;
    assert.equal(errno(rig('power8').hw.perfOpen({ pid: T0, addr: c, len: 65536n, type: 'r' })), 'EINVAL');
    ok(rig('power8').hw.perfOpen({ pid: T0, addr: c + 8n, len: 65536n, type: 'r' }));
  },
);

test('§2.5 hw_len is a u16 too: addr 1, len 65535 -> hw 65536 -> 0', () => {
  const v = hwBreakpointValidateLen(1n, 65535, cpuModel('power10'));
  assert.equal(v.hwLen, 0);
  assert.equal(v.ok, true);
});
