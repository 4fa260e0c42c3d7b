import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_TRANSLATE,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
} from '../../../sim/hwbp/breakpoint';
import {
  dawrMatches,
  dawrxCheck,
  matchingSlots,
  slotResultOf,
  wpCheckConstraints,
  type ExceptionSite,
  type HwAccess,
} from '../../../sim/hwbp/classify';
import { cpuModel } from '../../../sim/hwbp/cpu-model';
import { dawrProgramOf } from '../../../sim/hwbp/dawr-program';
import type { InstrDetail } from '../../../sim/hwbp/hw-context';
import { A, insn, KPC, ld, mkBp, st, UNREADABLE, UPC } from './fake-context';

const P10 = cpuModel('power10');
const P8 = cpuModel('power8');

function site(
  detail: InstrDetail,
  o: { model?: typeof P10; dar?: bigint; mode?: 'user' | 'kernel'; pc?: bigint } = {},
): ExceptionSite {
  const mode = o.mode ?? 'user';
  return {
    model: o.model ?? P10,
    regs: { pc: o.pc ?? (mode === 'user' ? UPC : KPC), mode },
    dar: o.dar ?? detail.ea,
    detail,
  };
}

test('§5.2 step 3: an access overlapping the user range is a hit when dawrx_ok', () => {
  const bp = mkBp('perf', A + 2n, 4, { r: true, w: true });
  const c = wpCheckConstraints(bp.info, site(ld(A + 4n, 2)));
  assert.deepEqual([c.hit, c.extraneous, slotResultOf(c)], [true, false, 'hit']);
  assert.match(c.reason, /overlaps user range \[0x10100002,0x10100006\)/);
});

test('§5.2 dawr_ok: each failing check is a miss that names the check', () => {
  const rOnly = mkBp('perf', A, 8, { r: true, w: false });
  const wOnly = mkBp('perf', A, 8, { r: false, w: true });
  const noUser = mkBp('perf', A, 8, { r: true, w: true, excludeUser: true });
  const noKernel = mkBp('perf', A, 8, { r: true, w: true, excludeKernel: true });
  const rows: Array<[string, ReturnType<typeof mkBp>, InstrDetail, 'user' | 'kernel', RegExp]> = [
    ['store on R-only', rOnly, st(A), 'user', /^store but breakpoint lacks WRITE$/],
    ['stcx on R-only', rOnly, insn('stcx', A, 8), 'user', /stcx \(store\) but breakpoint lacks WRITE/],
    ['dcbz on R-only', rOnly, insn('cacheop', A, 128), 'user', /dcbz \(store\) but breakpoint lacks WRITE/],
    ['load on W-only', wOnly, ld(A), 'user', /^load but breakpoint lacks READ$/],
    ['larx on W-only', wOnly, insn('larx', A, 8), 'user', /larx \(load\) but breakpoint lacks READ/],
    ['vsx load on W-only', wOnly, insn('load_vsx', A, 16), 'user', /load but breakpoint lacks READ/],
    ['user access, no USER', noUser, ld(A), 'user', /^user mode but breakpoint lacks USER$/],
    ['kernel NIP, no KERNEL', noKernel, ld(A), 'kernel', /^kernel NIP but breakpoint lacks KERNEL$/],
  ];
  for (const [name, bp, d, mode, re] of rows) {
    const c = wpCheckConstraints(bp.info, site(d, { mode }));
    assert.equal(c.hit, false, name);
    assert.match(c.reason, re, name);
  }
  // the positive twins hit
  assert.equal(wpCheckConstraints(wOnly.info, site(st(A))).hit, true);
  assert.equal(wpCheckConstraints(noUser.info, site(ld(A), { mode: 'kernel' })).hit, true);
  assert.equal(wpCheckConstraints(noKernel.info, site(ld(A))).hit, true);
});

test('§5.2 dawrx_ok: the KERNEL check reads NIP, the USER check reads the mode; HYP is never checked', () => {
  const noKernel = { type: HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_READ | HW_BRK_TYPE_USER | HW_BRK_TYPE_HYP };
  assert.equal(dawrxCheck('load', noKernel, { pc: KPC, mode: 'user' }), 'kernel NIP but breakpoint lacks KERNEL');
  assert.equal(dawrxCheck('load', noKernel, { pc: UPC, mode: 'kernel' }), null);
  const noHyp = { type: HW_BRK_TYPE_TRANSLATE | HW_BRK_TYPE_READ | HW_BRK_TYPE_USER | HW_BRK_TYPE_KERNEL };
  assert.equal(dawrxCheck('load', noHyp, { pc: UPC, mode: 'user' }), null);
  // an "other" instruction checks only privilege
  assert.equal(dawrxCheck('other', { type: HW_BRK_TYPE_USER }, { pc: UPC, mode: 'user' }), null);
  assert.equal(dawrxCheck('cacheop', { type: HW_BRK_TYPE_USER | HW_BRK_TYPE_WRITE }, { pc: UPC, mode: 'user' }), null);
});

test('§5.2 step 4: access outside user range but inside hw range is EXTRANEOUS', () => {
  const bp = mkBp('perf', A + 2n, 4, { r: true, w: true });
  const c = wpCheckConstraints(bp.info, site(ld(A, 2)));
  assert.deepEqual([c.hit, c.extraneous, slotResultOf(c)], [true, true, 'extraneous']);
  assert.match(c.reason, /outside user range \[0x10100002,0x10100006\) but inside hw range \[0x10100000,0x10100008\)/);
});

test('§5.2 step 4: an extraneous access that fails dawrx_ok is a miss, not extraneous', () => {
  const bp = mkBp('perf', A + 2n, 4, { r: true, w: false });
  const c = wpCheckConstraints(bp.info, site(st(A, 2)));
  assert.deepEqual([c.hit, c.extraneous], [false, false]);
  assert.match(c.reason, /store but breakpoint lacks WRITE/);
});

test('§5.2 step 5: an access outside the hw range is a miss that names both ranges', () => {
  const bp = mkBp('perf', A + 2n, 4, { r: true, w: true });
  const c = wpCheckConstraints(bp.info, site(ld(A + 8n, 8)));
  assert.equal(c.hit, false);
  assert.equal(c.reason, 'access [0x10100008,0x10100010) outside hw range [0x10100000,0x10100008)');
});

test('§5.2 step 4: a 16-byte access rounds the hw range to 16 before POWER10, not on POWER10', () => {
  // watch [A, A+4): hw [A, A+8). A quadword at A+8 touches [A+8, A+24): the 16-rounded hw range
  // [A, A+16) overlaps it (extraneous), the 8-rounded one does not (miss).
  const bp = mkBp('perf', A, 4, { r: true });
  const q = insn('load_vsx', A + 8n, 16);
  const p8 = wpCheckConstraints(bp.info, site(q, { model: P8 }));
  const p10 = wpCheckConstraints(bp.info, site(q, { model: P10 }));
  assert.deepEqual([p8.hit, p8.extraneous], [true, true]);
  assert.match(p8.reason, /inside hw range \[0x10100000,0x10100010\)/);
  assert.deepEqual([p10.hit, p10.extraneous], [false, false]);
  assert.match(p10.reason, /outside hw range \[0x10100000,0x10100008\)/);
  // size 8 on POWER8 uses the 8-byte rounding
  assert.equal(wpCheckConstraints(bp.info, site(ld(A + 8n, 8), { model: P8 })).hit, false);
});

test('§5.2 step 1: unreadable instruction with the ISA 3.1 DAR rule (hit only when DAR in hw range)', () => {
  const bp = mkBp('perf', A + 2n, 4, { r: false, w: true });
  const inside = wpCheckConstraints(bp.info, site(UNREADABLE, { dar: A + 7n }));
  const outside = wpCheckConstraints(bp.info, site(UNREADABLE, { dar: A + 8n }));
  assert.deepEqual([inside.hit, inside.extraneous], [true, false]);
  assert.match(inside.reason, /unreadable; DAR 0x10100007 in hw range/);
  assert.equal(outside.hit, false);
  assert.match(outside.reason, /unreadable; DAR 0x10100008 outside hw range \[0x10100000,0x10100008\)/);
  // the DAR rule is before dawrx_ok: a breakpoint without USER is still "hit"
  const noUser = mkBp('perf', A, 8, { excludeUser: true });
  assert.equal(wpCheckConstraints(noUser.info, site(UNREADABLE, { dar: A })).hit, true);
});

test('§5.2 step 1: unreadable instruction before ISA 3.1 hits every slot whatever the DAR', () => {
  const bp = mkBp('perf', A, 8);
  const c = wpCheckConstraints(bp.info, site(UNREADABLE, { model: P8, dar: A + 0x1000n }));
  assert.equal(c.hit, true);
  assert.match(c.reason, /before ISA 3.1/);
});

test('§5.2 step 2: UNKNOWN type: ISA 3.1 needs the DAR in the hw range, then dawrx_ok decides', () => {
  const bp = mkBp('perf', A, 8, { r: true, w: false });
  const unk = insn('unknown', 0n, 0);
  assert.equal(wpCheckConstraints(bp.info, site(unk, { dar: A + 4n })).hit, true);
  const out = wpCheckConstraints(bp.info, site(unk, { dar: A + 8n }));
  assert.equal(out.hit, false);
  assert.match(out.reason, /unknown instruction; DAR 0x10100008 outside hw range/);
  // before ISA 3.1 the DAR is not looked at
  assert.equal(wpCheckConstraints(bp.info, site(unk, { model: P8, dar: A + 0x100n })).hit, true);
  // and privilege still matters
  const noUser = mkBp('perf', A, 8, { excludeUser: true });
  const c = wpCheckConstraints(noUser.info, site(unk, { dar: A }));
  assert.equal(c.hit, false);
  assert.match(c.reason, /unknown instruction; user mode but breakpoint lacks USER/);
});

test('§7.2 DAR outside: RW at t+2 len 4; each case is a load and a store; count = real hits', () => {
  const t = A;
  const bp = mkBp('perf', t + 2n, 4, { r: true, w: true });
  const cases: Array<[string, bigint, number, number]> = [
    ['u16 at t+0', t + 0n, 2, 0],
    ['u16 at t+1', t + 1n, 2, 2],
    ['u16 at t+5', t + 5n, 2, 2],
    ['u16 at t+6', t + 6n, 2, 0],
    ['u64 at t+0', t + 0n, 8, 2],
  ];
  for (const [name, ea, size, expected] of cases) {
    let count = 0;
    let exceptions = 0;
    for (const d of [ld(ea, size), st(ea, size)]) {
      const c = wpCheckConstraints(bp.info, site(d));
      if (c.hit) exceptions++;
      if (c.hit && !c.extraneous) count++;
    }
    assert.equal(count, expected, name);
    // every case touches the hardware doubleword: each access raises an exception and hits
    assert.equal(exceptions, 2, `${name}: both accesses are hits (extraneous or real)`);
  }
});

test(
  '§5.1 hardware match: doubleword granular, R/W bits, ' + 'privilege, dcbz is a store, other cache ops never match',
  () => {
    const bp = mkBp('perf', A + 2n, 4, { r: true, w: false, excludeKernel: true });
    const p = dawrProgramOf(bp.info, P10);
    const a = (
      ea: bigint,
      size: number,
      kind: HwAccess['kind'] = 'load',
      privilege: HwAccess['privilege'] = 'user',
    ): HwAccess => ({ ea, size, kind, privilege });
    assert.equal(dawrMatches(p, a(A, 1), P10), true, 'byte 0 of the watched doubleword');
    assert.equal(dawrMatches(p, a(A + 7n, 1), P10), true);
    assert.equal(dawrMatches(p, a(A + 8n, 1), P10), false);
    assert.equal(dawrMatches(p, a(A - 1n, 2), P10), true, 'straddles into the range');
    assert.equal(dawrMatches(p, a(A, 8, 'store'), P10), false, 'no W bit');
    assert.equal(dawrMatches(p, a(A, 8, 'larx'), P10), true);
    assert.equal(dawrMatches(p, a(A, 8, 'load', 'kernel'), P10), false, 'exclude_kernel');
    const w = dawrProgramOf(mkBp('perf', A, 8, { r: false, w: true }).info, P10);
    assert.equal(dawrMatches(w, a(A, 128, 'dcbz'), P10), true);
    assert.equal(dawrMatches(w, a(A, 8, 'stcx'), P10), true);
    assert.equal(dawrMatches(w, a(A, 128, 'cacheop'), P10), false);
    // quadword: rounded to 16 before POWER10
    const q = dawrProgramOf(mkBp('perf', A, 4).info, P8);
    assert.equal(dawrMatches(q, a(A + 8n, 16, 'load'), P8), true);
    assert.equal(dawrMatches(q, a(A + 8n, 16, 'load'), P10), false);
    // several slots, one exception
    assert.deepEqual(matchingSlots([p, null, w], a(A, 8, 'load'), P10), [0]);
    assert.deepEqual(
      matchingSlots([dawrProgramOf(mkBp('perf', A, 8, { r: true, w: true }).info, P10), w], a(A + 4n, 4, 'store'), P10),
      [0, 1],
    );
  },
);
