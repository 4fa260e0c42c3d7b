// What qemu cannot check for the fixed-point and prefixed families: the user SPRs as Linux gives
// them (PVR per CPU model, DSCR, PPR and its problem-state priorities, TAR), the access each new
// load/store shows analyse_instr (type, effective address, size; pc-relative forms too), and a DAWR
// stopping each of them before it changes anything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseInstruction } from '../../sim/cpu/analyse';
import type { DawrProgram } from '../../sim/cpu/core';
import { pvrOf } from '../../sim/cpu/isa/spr';
import { ThreadState } from '../../sim/cpu/thread-state';
import * as E from './encode';
import { DATA, run, setup, TEXT } from './harness';

const mfspr = E.mfspr;
const mtspr = E.mtspr;

test('mfspr PVR: the CPU model PVR Linux reports (POWER10 DD1 0x800100)', () => {
  assert.equal(pvrOf('power8'), 0x004d0200);
  assert.equal(pvrOf('power9'), 0x004e1202);
  assert.equal(pvrOf('power10'), 0x00800200);
  assert.equal(pvrOf('power10', true), 0x00800100);
  for (const pvr of [0x004d0200, 0x004e1202, 0x00800100]) {
    const s = setup([mfspr(3, 287), 0x7fe00008]);
    s.core.pvr = pvr;
    s.core.run(s.t, s.mem, 10);
    assert.equal(s.t.getGpr(3), BigInt(pvr));
  }
});

test(
  'DSCR (3 and 17), TAR, VRSAVE: what is written reads back; PPR starts at medium and ' + 'takes only priorities 1-4',
  () => {
    const r = run([
      E.li(4, 0x1234),
      mtspr(3, 4),
      mfspr(5, 17), // DSCR through the user alias, read through 17
      E.li(6, -8),
      mtspr(815, 6),
      mfspr(7, 815), // TAR: all 64 bits
      mfspr(8, 896),
      mfspr(9, 898), // PPR and PPR32 at thread start
      E.addis(10, 0, 0x0008),
      mtspr(898, 10),
      mfspr(11, 896), // PPR32 := priority 2 (low): allowed
      E.addis(10, 0, 0x001c),
      mtspr(898, 10),
      mfspr(12, 896), // priority 7 (very high): unchanged
      E.li(13, -1),
      mtspr(256, 13),
      mfspr(14, 256), // VRSAVE: 32 bits
    ]);
    assert.equal(r.stop.kind, 'trap');
    assert.equal(r.t.getGpr(5), 0x1234n);
    assert.equal(r.t.getGpr(7), 0xfffffffffffffff8n);
    assert.equal(r.t.getGpr(8), 0x000c000000000000n);
    assert.equal(r.t.getGpr(9), 0x000c0000n);
    assert.equal(r.t.getGpr(11), 0x0008000000000000n);
    assert.equal(r.t.getGpr(12), 0x0008000000000000n);
    assert.equal(r.t.getGpr(14), 0xffffffffn);
  },
);

test('mfspr of a privileged SPR is SIGILL naming it', () => {
  const r = run([mfspr(3, 26)]);
  assert.equal(r.stop.kind === 'fault' && r.stop.signal, 'SIGILL');
  assert.match(r.stop.kind === 'fault' ? r.stop.message : '', /SPR 26/);
});

test('analyse_instr sees the new loads and stores: type, effective address, size (pc-relative forms at the pc)', () => {
  const t = new ThreadState();
  t.pc = 0x10000040n;
  t.setGpr(4, 0x10100000n);
  t.setGpr(5, 0x10n);
  const cases: [string, number, number, { type: string; ea: bigint; size: number }][] = [
    ['pld r3,16(r4)', 0x04000000, 0xe4640010, { type: 'load', ea: 0x10100010n, size: 8 }],
    ['pld r3,-16(0),1 (pc-relative)', 0x0413ffff, 0xe460fff0, { type: 'load', ea: 0x10000030n, size: 8 }],
    ['pstd r3,8(r4)', 0x04000000, 0xf4640008, { type: 'store', ea: 0x10100008n, size: 8 }],
    ['plq r6,32(r4)', 0x04000000, 0xe0c40020, { type: 'load', ea: 0x10100020n, size: 16 }],
    ['plxvp vs34,8(r4)', 0x04000000, 0xe8640008, { type: 'load_vsx', ea: 0x10100008n, size: 32 }],
    [
      'pstxv vs3,0x12345678(r4)',
      0x04001234,
      0xd8645678,
      { type: 'store_vsx', ea: 0x10100000n + 0x12345678n, size: 16 },
    ],
    ['plfs f1,4(r4)', 0x06000000, 0xc0240004, { type: 'load', ea: 0x10100004n, size: 4 }],
    ['lq r6,16(r4)', 0xe0c40010, 0, { type: 'load', ea: 0x10100010n, size: 16 }],
    ['stq r6,8(r4)', 0xf8c4000a, 0, { type: 'store', ea: 0x10100008n, size: 16 }],
    ['lbarx r3,r4,r5', E.X(52, 3, 4, 5), 0, { type: 'larx', ea: 0x10100010n, size: 1 }],
    ['sthcx. r3,r4,r5', E.X(726, 3, 4, 5, 1), 0, { type: 'stcx', ea: 0x10100010n, size: 2 }],
    ['lqarx r6,r4,r5', E.X(276, 6, 4, 5), 0, { type: 'larx', ea: 0x10100010n, size: 16 }],
  ];
  for (const [what, w, next, want] of cases) assert.deepEqual(analyseInstruction(w, t, next), want, what);
});

const watch = (start: bigint): DawrProgram => ({
  start,
  len: 8,
  read: true,
  write: true,
  user: true,
  kernel: false,
  hyp: false,
});

test('a DAWR stops lq/stq, the quadword atomics, plq/pstq and pstd before they change anything', () => {
  const programs: [string, number[]][] = [
    ['lq', [0xe0c40010]],
    ['stq', [0xf8c40012]],
    ['lqarx', [E.X(276, 6, 4, 5)]],
    ['stqcx.', [E.X(182, 6, 4, 5, 1)]],
    ['lbarx', [E.X(52, 6, 4, 8)]],
    ['plq', [0x04000000, 0xe0c40010]],
    ['pstq', [0x04000000, 0xf0c40010]],
    ['pstd', [0x04000000, 0xf4c40018]],
    ['pstxvp', [0x04000000, 0xf8440010]],
  ];
  for (const [what, words] of programs) {
    const s = setup([...words, 0x7fe00008]);
    s.t.setGpr(4, DATA);
    s.t.setGpr(5, 0x10n);
    s.t.setGpr(6, 0x1111n);
    s.t.setGpr(7, 0x2222n);
    s.t.setGpr(8, 0x18n);
    s.core.setDawr(0, watch(DATA + 0x18n));
    const before = s.mem.readBytes(DATA, 64);
    const stop = s.core.run(s.t, s.mem, 10);
    assert.equal(stop.kind, 'dawr', what);
    assert.equal(s.t.pc, TEXT, `${what}: stopped at the instruction`);
    assert.equal(s.t.getGpr(6), 0x1111n, `${what}: registers unchanged`);
    assert.deepEqual(s.mem.readBytes(DATA, 64), before, `${what}: memory unchanged`);
  }
});
