// The Core's contract with the machine: DAWR matches stop before the access executes, single-step,
// syscall and limit stops, instruction counting, access reports, and analyseInstruction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseInstruction } from '../../sim/cpu/analyse';
import type { DawrProgram, MemAccess } from '../../sim/cpu/core';
import { fetchWord } from '../../sim/cpu/fetch';
import { MSR_SE, ThreadState, USER_MSR } from '../../sim/cpu/thread-state';
import * as E from './encode';
import { DATA, run, setup, TEXT } from './harness';

const lis1010 = E.addis(30, 0, 0x1010);
const bp = (start: bigint, more: Partial<DawrProgram> = {}): DawrProgram => ({
  start,
  len: 8,
  read: true,
  write: true,
  user: true,
  kernel: false,
  hyp: false,
  ...more,
});

test('a DAWR on a doubleword stops before the store to it executes, with the DAR and pc', () => {
  const s = setup([lis1010, E.li(3, 5), E.std(3, 12, 30), E.li(4, 1)]);
  s.core.setDawr(1, bp(DATA + 8n));
  const stop = s.core.run(s.t, s.mem, 100);
  assert.deepEqual(stop, { kind: 'dawr', dar: DATA + 12n });
  assert.equal(s.t.pc, TEXT + 8n);
  assert.equal(s.mem.read(DATA + 12n, 8), 0n);
  assert.equal(s.core.icount, 2);
  assert.deepEqual(s.core.getDawr(1), bp(DATA + 8n));
});

test('DAWR conditions: access type, privilege, byte overlap, 16-byte rounding before POWER10', () => {
  const ran = (words: number[], p: DawrProgram, align16 = false) => {
    const s = setup([...words, E.trap()]);
    (s.core as unknown as { quadwordAlign16: boolean }).quadwordAlign16 = align16;
    s.core.setDawr(0, p);
    return s.core.run(s.t, s.mem, 100).kind;
  };
  const load8 = [lis1010, E.ld(3, 8, 30)];
  assert.equal(ran(load8, bp(DATA + 8n, { read: false })), 'trap');
  assert.equal(ran(load8, bp(DATA + 8n, { write: false })), 'dawr');
  assert.equal(ran(load8, bp(DATA + 8n, { user: false, kernel: true })), 'trap');
  assert.equal(ran(load8, bp(DATA + 16n)), 'trap');
  assert.equal(ran([lis1010, E.D(34, 3, 30, 15)], bp(DATA + 8n)), 'dawr'); // lbz of the last byte
  const lxv16 = [lis1010, ((61 << 26) | (30 << 16) | 16 | 1) >>> 0]; // lxv vs0,16(r30)
  assert.equal(ran(lxv16, bp(DATA + 40n)), 'trap');
  assert.equal(ran(lxv16, bp(DATA + 32n)), 'trap');
  assert.equal(ran(lxv16, bp(DATA + 24n)), 'dawr');
  const lxvd2x = [lis1010, E.li(4, 16), E.X(844, 0, 30, 4)];
  assert.equal(ran(lxvd2x, bp(DATA + 8n), false), 'trap');
  assert.equal(ran(lxvd2x, bp(DATA + 8n), true), 'trap'); // DATA+16.. is 16-aligned: no rounding reaches +8
  // range rounded to [16,32)
  assert.equal(ran([lis1010, E.li(4, 24), E.X(844, 0, 30, 4)], bp(DATA + 16n), true), 'dawr');
  assert.equal(ran([lis1010, E.li(4, 24), E.X(844, 0, 30, 4)], bp(DATA + 16n), false), 'trap'); // [24,40) vs [16,24)
  // dcbz is a store over its whole line; dcbt never matches
  assert.equal(ran([lis1010, E.addi(3, 30, 130), E.X(1014, 0, 0, 3)], bp(DATA + 248n, { read: false })), 'dawr');
  assert.equal(ran([lis1010, E.X(278, 0, 0, 30)], bp(DATA)), 'trap');
  // larx is a load, stcx. a store
  assert.equal(ran([lis1010, E.X(84, 3, 0, 30)], bp(DATA, { read: false })), 'trap');
  assert.equal(ran([lis1010, E.X(214, 3, 0, 30, 1)], bp(DATA, { read: false })), 'dawr');
});

test('matchAccess: kernel-mode accesses match only kernel-enabled DAWRs', () => {
  const s = setup([]);
  s.core.setDawr(0, bp(0x7ffffff00000n - 64n, { user: true, kernel: false }));
  assert.equal(s.core.matchAccess(0x7ffffff00000n - 60n, 4, true, 'kernel'), undefined);
  assert.equal(s.core.matchAccess(0x7ffffff00000n - 60n, 4, true, 'user'), 0x7ffffff00000n - 60n);
  s.core.setDawr(0, bp(0xc000000000001000n, { kernel: true, user: false, read: false }));
  assert.equal(s.core.matchAccess(0xc000000000001004n, 8, true, 'kernel'), 0xc000000000001004n);
  assert.equal(s.core.matchAccess(0xc000000000001004n, 8, false, 'kernel'), undefined);
  s.core.setDawr(0, null);
  assert.equal(s.core.matchAccess(0xc000000000001004n, 8, true, 'kernel'), undefined);
});

test('single-step: MSR_SE runs one instruction and reports it; sc stops after itself', () => {
  const s = setup([E.li(3, 1), E.li(0, 20), E.sc(), E.li(4, 1)]);
  s.t.msr = USER_MSR | MSR_SE;
  assert.deepEqual(s.core.run(s.t, s.mem, 100), { kind: 'single-step' });
  assert.equal(s.t.pc, TEXT + 4n);
  assert.equal(s.t.getGpr(3), 1n);
  s.t.msr = USER_MSR;
  assert.deepEqual(s.core.run(s.t, s.mem, 100), { kind: 'syscall', vectored: false });
  assert.equal(s.t.pc, TEXT + 12n);
  assert.equal(s.core.icount, 3);
  assert.deepEqual(s.core.run(s.t, s.mem, 1), { kind: 'limit' });
  assert.equal(s.core.icount, 4);
});

test('onAccess reports every executed access with ea, size and kind', () => {
  const s = setup([
    lis1010,
    E.std(3, 8, 30),
    E.D(40, 4, 30, 2),
    E.X(84, 5, 0, 30),
    E.X(214, 5, 0, 30, 1),
    E.X(1014, 0, 0, 30),
    E.trap(),
  ]);
  const seen: MemAccess[] = [];
  s.core.onAccess = (a) => seen.push(a);
  assert.equal(s.core.run(s.t, s.mem, 100).kind, 'trap');
  assert.deepEqual(seen, [
    { ea: DATA + 8n, size: 8, kind: 'store' },
    { ea: DATA + 2n, size: 2, kind: 'load' },
    { ea: DATA, size: 8, kind: 'larx' },
    { ea: DATA, size: 8, kind: 'stcx' },
    { ea: DATA, size: 128, kind: 'cacheop' },
  ]);
});

test('self-modifying code: a store over a predecoded instruction takes effect', () => {
  const s = setup([]);
  s.mem.map(DATA + 0x1000n, 4096, { read: true, write: true, exec: true });
  const code = DATA + 0x1000n;
  const prog = [
    E.addis(5, 0, 0x1010),
    E.ori(5, 5, 0x1000),
    E.li(7, 2),
    E.D(36, 8, 5, 24) /* stw r8,24(r5) */,
    E.b(4),
    E.b(4),
    E.li(3, 1),
    E.trap(),
  ];
  const bytes = new Uint8Array(prog.length * 4);
  prog.forEach((w, i) => new DataView(bytes.buffer).setUint32(4 * i, w, true));
  s.mem.writeBytes(code, bytes);
  s.t.pc = code;
  s.t.setGpr(8, BigInt(E.li(3, 2)));
  // the page is predecoded when execution enters it; the stw then replaces li r3,1 by li r3,2
  assert.equal(s.core.run(s.t, s.mem, 100).kind, 'trap');
  assert.equal(s.t.getGpr(3), 2n);
});

test('analyseInstruction: type, ea and size as the kernel decodes them', () => {
  const t = new ThreadState();
  t.setGpr(3, 0x10100000n);
  t.setGpr(4, 0x10n);
  const a = (w: number) => analyseInstruction(w, t);
  assert.deepEqual(a(E.ld(0, 8, 3)), { type: 'load', ea: 0x10100008n, size: 8 });
  assert.deepEqual(a(E.std(0, -8, 3)), { type: 'store', ea: 0x100ffff8n, size: 8 });
  assert.deepEqual(a(E.X(84, 5, 0, 3)), { type: 'larx', ea: 0x10100000n, size: 8 });
  assert.deepEqual(a(E.X(150, 5, 3, 4, 1)), { type: 'stcx', ea: 0x10100010n, size: 4 });
  assert.deepEqual(a(E.X(1014, 0, 3, 4)), { type: 'cacheop', ea: 0x10100000n, size: 128 });
  assert.deepEqual(a(E.X(844, 0, 3, 4)), { type: 'load_vsx', ea: 0x10100010n, size: 16 });
  assert.deepEqual(a(((61 << 26) | (3 << 16) | 32 | 5) >>> 0), { type: 'store_vsx', ea: 0x10100020n, size: 16 });
  assert.deepEqual(a(E.D(34, 5, 0, 0x100)), { type: 'load', ea: 0x100n, size: 1 });
  assert.equal(a(E.add(3, 4, 5)).type, 'other');
  assert.equal(a(0).type, 'unknown');
});

test('fetchWord reads the instruction word or says it cannot', () => {
  const s = setup([E.li(3, 1)]);
  assert.equal(fetchWord(s.mem, TEXT), E.li(3, 1));
  assert.equal(fetchWord(s.mem, 0x1000n), undefined);
});

test('ThreadState: bigint registers round-trip, clone is deep', () => {
  const t = new ThreadState();
  t.setGpr(5, 0xfedcba9876543210n);
  t.lr = 0xc000000000000010n;
  t.ctr = 0xffffffffffffffffn;
  t.xer = 0x20000000n;
  t.cr = 0x80000000;
  const c = t.clone();
  t.setGpr(5, 0n);
  assert.equal(c.getGpr(5), 0xfedcba9876543210n);
  assert.equal(c.lr, 0xc000000000000010n);
  assert.equal(c.ctr, 0xffffffffffffffffn);
  assert.equal(c.xer, 0x20000000n);
  assert.equal(c.cr, 0x80000000);
  assert.equal(c.pc, 0n);
});

test('the harness run really executes (a wrong expectation fails)', () => {
  const r = run([E.li(3, 4), E.add(3, 3, 3)]);
  assert.notEqual(r.t.getGpr(3), 4n);
  assert.equal(r.t.getGpr(3), 8n);
});

test('mftb reads the instruction count (deterministic time base); other SPRs are SIGILL', () => {
  const r = run([E.li(3, 0), E.li(3, 0), E.mfspr(4, 268), E.mfspr(5, 269)]);
  assert.equal(r.t.getGpr(4), 2n);
  assert.equal(r.t.getGpr(5), 0n);
  const bad = run([E.mfspr(4, 1023)]);
  assert.equal(bad.stop.kind === 'fault' && bad.stop.signal, 'SIGILL');
});
