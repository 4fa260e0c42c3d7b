// Unit tests of the vector helpers (vec-lanes.ts) and of what the reference runs cannot show: a
// faulting vector access reports the first inaccessible byte and changes nothing, a DAWR match stops
// a vector access before anything is written, analyseInstruction describes every vector access as
// the kernel's analyse_instr does, and vrldmi inserts (where qemu 7.2 does not).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { analyseInstruction } from '../../sim/cpu/analyse';
import type { DawrProgram } from '../../sim/cpu/core';
import {
  blendv,
  dpToSpBits,
  evalBits,
  Lanes,
  permBytes,
  permxBytes,
  SAT,
  satS,
  satU,
  spltiw,
  splti32dx,
  spToDpBits,
  toDwords,
  fromDwords,
} from '../../sim/cpu/isa/vec-lanes';
import { ThreadState } from '../../sim/cpu/thread-state';
import { DATA, setup } from './harness';

/** the words of `src` assembled by sim/asm (one instruction per line) */
function words(src: string): number[] {
  const r = assemble(
    '\t.text\n' +
      src
        .split('\n')
        .map((l) => '\t' + l.trim())
        .join('\n') +
      '\n',
    't.s',
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  const text = r.value.sections.find((s) => s.name === '.text')!.bytes;
  const dv = new DataView(text.buffer, text.byteOffset, text.byteLength);
  return Array.from({ length: text.length / 4 }, (_, i) => dv.getUint32(4 * i, true));
}
const lanes = (hi: bigint, lo: bigint) => fromDwords(new Lanes(), hi, lo);

test('ISA element order on the little-endian layout: permute, splat-immediate, blend, eval', () => {
  const a = lanes(0x0001020304050607n, 0x08090a0b0c0d0e0fn);
  const b = lanes(0x1011121314151617n, 0x18191a1b1c1d1e1fn);
  const r = new Lanes();
  // vperm with the identity-reversed control picks ISA bytes 31..16
  permBytes(r, a, b, lanes(0x1f1e1d1c1b1a1918n, 0x1716151413121110n), false);
  assert.deepEqual(toDwords(r), [0x1f1e1d1c1b1a1918n, 0x1716151413121110n]);
  // vpermr indexes from the right: control 0 is byte 31 (b's last)
  permBytes(r, a, b, lanes(0n, 0n), true);
  assert.deepEqual(toDwords(r), [0x1f1f1f1f1f1f1f1fn, 0x1f1f1f1f1f1f1f1fn]);
  // xxpermx: selectors whose top 3 bits differ from uim give 0
  permxBytes(r, a, b, lanes(0x2101000000000000n, 0n), 1);
  assert.deepEqual(toDwords(r), [0x0100000000000000n, 0n]);
  spltiw(r, 0x12345678);
  assert.deepEqual(toDwords(r), [0x1234567812345678n, 0x1234567812345678n]);
  splti32dx(r, 1, 0x0badf00d);
  assert.deepEqual(toDwords(r), [0x123456780badf00dn, 0x123456780badf00dn]);
  blendv(r, a, b, lanes(0x8000000000000000n, 0x0000000000000080n), 1);
  assert.deepEqual(toDwords(r), [0x1001020304050607n, 0x08090a0b0c0d0e1fn]);
  blendv(r, a, b, lanes(0x8000000000000000n, 0n), 8);
  assert.deepEqual(toDwords(r), [0x1011121314151617n, 0x08090a0b0c0d0e0fn]);
  // xxeval imm 0x01: a & b & c (the last truth-table entry); 0x80: ~a & ~b & ~c; 0x17 = majority-ish
  const x = lanes(0xffn, 0n),
    y = lanes(0x0fn, 0n),
    z = lanes(0x3cn, 0n);
  evalBits(r, x, y, z, 0x01);
  assert.deepEqual(toDwords(r), [0x0cn, 0n]);
  evalBits(r, x, y, z, 0x80);
  assert.deepEqual(toDwords(r), [~0xffn & 0xffffffffffffffffn, 0xffffffffffffffffn]);
  evalBits(r, x, y, z, 0x1f); // a ? (b & c) : 1 ... as the table says: rows 011,100,101,110,111
  const want = (av: number, bv: number, cv: number) => (0x1f >> (7 - ((av << 2) | (bv << 1) | cv))) & 1;
  for (let bit = 0; bit < 8; bit++) {
    const got = Number((toDwords(r)[0] >> BigInt(bit)) & 1n);
    assert.equal(got, want((0xff >> bit) & 1, (0x0f >> bit) & 1, (0x3c >> bit) & 1), `bit ${bit}`);
  }
});

test('saturation helpers clamp and record SAT', () => {
  SAT.hit = false;
  assert.equal(satS(127, 8), 127);
  assert.equal(SAT.hit, false);
  assert.equal(satS(128, 8), 127);
  assert.equal(SAT.hit, true);
  SAT.hit = false;
  assert.equal(satS(-129, 8), -128);
  assert.equal(satU(-1, 16), 0);
  assert.equal(satU(2 ** 32, 32), 2 ** 32 - 1);
  assert.equal(SAT.hit, true);
});

test('single <-> double conversions of lxsspx/stxsspx keep NaN payloads and denormalise as qemu', () => {
  const o = new Int32Array(2);
  spToDpBits(0x7f800001, o); // sNaN stays signalling
  assert.deepEqual([o[0] >>> 0, o[1] >>> 0], [0x7ff00000, 0x20000000]);
  spToDpBits(0x00000001, o); // the smallest denormal: 2^-149
  assert.deepEqual([o[0] >>> 0, o[1] >>> 0], [0x36a00000, 0]);
  spToDpBits(0xbf800000, o);
  assert.deepEqual([o[0] >>> 0, o[1] >>> 0], [0xbff00000, 0]);
  assert.equal(dpToSpBits(0x3ff00000, 0), 0x3f800000);
  assert.equal(dpToSpBits(0x36a00000, 0), 1); // back to the denormal
  assert.equal(dpToSpBits(0x3ff00000, 0x1fffffff) >>> 0, 0x3f800000); // truncated, not rounded
  assert.equal(dpToSpBits(0x80000000, 1) >>> 0, 0x80000000); // too small: a signed zero
  assert.equal(dpToSpBits(0x7ff40000, 0) >>> 0, 0x7fa00000); // sNaN kept
});

const bp = (start: bigint, len: number, more: Partial<DawrProgram> = {}): DawrProgram => ({
  start,
  len,
  read: true,
  write: true,
  user: true,
  kernel: false,
  hyp: false,
  ...more,
});

test('a faulting vector access stops at the first inaccessible byte and changes nothing', () => {
  // DATA has 8192 mapped bytes: DATA+8192 is not mapped
  const cases: [string, bigint, boolean][] = [
    ['lxvx 36,4,5', 8192n - 4n, false],
    ['lxvd2x 36,4,5', 8192n - 9n, false],
    ['lvx 4,4,5', 8192n + 3n, false],
    ['lxvl 36,7,6', 8192n - 2n, false],
    ['lxvpx 38,4,5', 8192n - 20n, false],
    ['lxsdx 36,4,5', 8192n - 1n, false],
    ['stxvx 36,4,5', 8192n - 4n, true],
    ['stxvw4x 36,4,5', 8192n - 15n, true],
    ['stxvpx 38,4,5', 8192n - 17n, true],
    ['stxvll 36,7,6', 8192n - 3n, true],
    ['stvewx 4,4,5', 8192n + 0n, true],
    ['stxsiwx 36,4,5', 8192n - 2n, true],
  ];
  for (const [insn, off, store] of cases) {
    const s = setup([...words(insn), 0x7fe00008]);
    const fill = new Uint8Array(8192).fill(0x5a);
    s.mem.writeBytes(DATA, fill);
    s.t.setGpr(4, DATA);
    s.t.setGpr(5, off);
    s.t.setGpr(7, DATA + off); // lxvl/stxvll: EA = RA
    s.t.setGpr(6, 16n << 56n); // lxvl/stxvll: 16 bytes
    for (let r = 32; r < 48; r++) s.t.setVsr128(r, 0x0123456789abcdef0011223344556677n);
    const before = s.t.clone();
    const stop = s.core.run(s.t, s.mem, 10);
    assert.equal(
      stop.kind,
      'fault',
      `${insn}: ` + `${JSON.stringify(stop, (_k, v) => (typeof v === 'bigint' ? v.toString(16) : v))}`,
    );
    if (stop.kind !== 'fault') continue;
    assert.equal(stop.signal, 'SIGSEGV', insn);
    // the first byte of the unmapped page (qemu-user reports the same)
    assert.equal(stop.addr, DATA + 8192n, `${insn}: ${stop.message}`);
    assert.deepEqual(s.t.vsr, before.vsr, `${insn}: registers unchanged`);
    assert.equal(s.t.pc, before.pc, insn);
    if (store)
      assert.deepEqual(s.mem.readBytes(DATA + 8192n - 64n, 64), fill.subarray(0, 64), `${insn}: nothing written`);
  }
});

test(
  'a DAWR on any byte of a vector access stops it before it changes anything; LOAD_VMX ' +
    'watches the aligned element',
  () => {
    const run = (insn: string, off: bigint, p: DawrProgram) => {
      const s = setup([...words(insn), 0x7fe00008]);
      s.t.setGpr(4, DATA);
      s.t.setGpr(5, off);
      s.t.setGpr(6, 5n << 56n);
      for (let r = 32; r < 48; r++) s.t.setVsr128(r, 0xffeeddccbbaa99887766554433221100n);
      s.core.setDawr(0, p);
      const before = s.t.clone();
      const stop = s.core.run(s.t, s.mem, 10);
      return { s, stop, before };
    };
    // a 16-byte store whose last byte is watched: stopped, nothing written, DAR inside the access
    let x = run('stxvx 36,4,5', 16n, bp(DATA + 31n, 1, { read: false }));
    assert.equal(x.stop.kind, 'dawr');
    assert.deepEqual(x.s.mem.readBytes(DATA + 16n, 16), new Uint8Array(16));
    // the paired store: the watched byte in the second quadword stops the first one too
    x = run('stxvpx 38,4,5', 0n, bp(DATA + 24n, 8, { read: false }));
    assert.equal(x.stop.kind, 'dawr');
    assert.deepEqual(x.s.mem.readBytes(DATA, 32), new Uint8Array(32));
    // loads: registers unchanged
    x = run('lxvpx 38,4,5', 3n, bp(DATA + 32n, 8));
    assert.equal(x.stop.kind, 'dawr');
    assert.deepEqual(x.s.t.vsr, x.before.vsr);
    x = run('lxvpx 38,4,5', 3n, bp(DATA + 40n, 8));
    assert.equal(x.stop.kind, 'trap');
    // lvx aligns down: EA DATA+0x1f reads DATA+0x10..0x1f
    assert.equal(run('lvx 4,4,5', 0x1fn, bp(DATA + 0x10n, 8)).stop.kind, 'dawr');
    assert.equal(run('lvx 4,4,5', 0x1fn, bp(DATA + 0x20n, 8)).stop.kind, 'trap');
    // lvewx reads the aligned word only
    assert.equal(run('lvewx 4,4,5', 0x13n, bp(DATA + 0x10n, 4)).stop.kind, 'dawr');
    assert.equal(run('lvewx 4,4,5', 0x13n, bp(DATA + 0x14n, 4)).stop.kind, 'trap');
    // lxvl accesses only its length (5 here)
    assert.equal(run('lxvl 36,4,6', 0n, bp(DATA + 4n, 1)).stop.kind, 'dawr');
    assert.equal(run('lxvl 36,4,6', 0n, bp(DATA + 5n, 1)).stop.kind, 'trap');
    // a store kind does not match a read-only watch, a load does not match a write-only one
    assert.equal(run('stxvx 36,4,5', 0n, bp(DATA, 8, { write: false })).stop.kind, 'trap');
    assert.equal(run('lxvx 36,4,5', 0n, bp(DATA, 8, { read: false })).stop.kind, 'trap');
  },
);

test('analyseInstruction describes vector accesses as analyse_instr does', () => {
  const t = new ThreadState();
  t.setGpr(4, 0x10001003n);
  t.setGpr(5, 0x20n);
  t.setGpr(6, 0x1100000000000007n); // lxvl: the kernel reads the low byte (7), the hardware the high one
  const a = (insn: string) => analyseInstruction(words(insn)[0], t);
  assert.deepEqual(a('lvx 4,4,5'), { type: 'load', ea: 0x10001020n, size: 16 });
  assert.deepEqual(a('lvehx 4,4,5'), { type: 'load', ea: 0x10001022n, size: 2 });
  assert.deepEqual(a('lvewx 4,4,5'), { type: 'load', ea: 0x10001020n, size: 4 });
  assert.deepEqual(a('stvebx 4,4,5'), { type: 'store', ea: 0x10001023n, size: 1 });
  assert.deepEqual(a('lvsl 4,4,5'), { type: 'other', ea: 0n, size: 0 });
  assert.deepEqual(a('lxvd2x 36,4,5'), { type: 'load_vsx', ea: 0x10001023n, size: 16 });
  assert.deepEqual(a('lxvdsx 36,4,5'), { type: 'load_vsx', ea: 0x10001023n, size: 8 });
  assert.deepEqual(a('lxvwsx 36,4,5'), { type: 'load_vsx', ea: 0x10001023n, size: 4 });
  assert.deepEqual(a('stxsibx 36,4,5'), { type: 'store_vsx', ea: 0x10001023n, size: 1 });
  assert.deepEqual(a('lxv 36,16(4)'), { type: 'load_vsx', ea: 0x10001013n, size: 16 });
  assert.deepEqual(a('lxsd 4,8(4)'), { type: 'load_vsx', ea: 0x1000100bn, size: 8 });
  assert.deepEqual(a('stxssp 4,-4(4)'), { type: 'store_vsx', ea: 0x10000fffn, size: 4 });
  assert.deepEqual(a('lxvp 38,32(4)'), { type: 'load_vsx', ea: 0x10001023n, size: 32 });
  assert.deepEqual(a('stxvpx 38,4,5'), { type: 'store_vsx', ea: 0x10001023n, size: 32 });
  assert.deepEqual(a('lxvl 36,4,6'), { type: 'load_vsx', ea: 0x10001003n, size: 7 });
  assert.deepEqual(a('stxvll 36,4,5'), { type: 'store_vsx', ea: 0x10001003n, size: 16 });
  assert.deepEqual(a('lxvrbx 36,4,5'), { type: 'unknown', ea: 0n, size: 0 });
  assert.deepEqual(a('stxvrdx 36,4,5'), { type: 'unknown', ea: 0n, size: 0 });
  assert.deepEqual(a('vaddubm 1,2,3'), { type: 'other', ea: 0n, size: 0 });
});

test('vrldmi inserts into VRT (the ISA; qemu 7.2 leaves the bits outside the mask 0)', () => {
  const s = setup([...words('vrldmi 4,1,2'), 0x7fe00008]);
  s.t.setVsr128(33, 0x80ff9d004c7f13ff_e6ef4006a565fc5dn);
  s.t.setVsr128(34, 0x36e7605d80890000_7fff5057ffff7fffn);
  s.t.setVsr128(36, 0xffffffffffffffff_0000000000000003n);
  s.core.run(s.t, s.mem, 10);
  // dw0: begin 9, end 0, shift 0: mask ~(bits 1..8), VRT's bits 1..8 kept; dw1: mask bit 63 only
  assert.equal(s.t.getVsr128(36), 0xffff9d004c7f13ff_0000000000000002n);
});

test('every vector instruction glibc executes (static start-up and string routines, POWER8/9/10) decodes', () => {
  // from qemu -d in_asm traces of static glibc programs (memcpy...strstr on many lengths), by objdump
  // name; xxspltiw (POWER10, prefixed) belongs to the prefixed family
  const used = `lvsl 4,4,5; lvsr 4,4,5; lvx 4,4,5; stvx 4,4,5; lxsdx 36,4,5; stxsdx 36,4,5; lxv 36,16(4);
stxv 36,16(4); lxvb16x 36,4,5; lxvd2x 36,4,5; stxvd2x 36,4,5; lxvdsx 36,4,5; lxvl 36,4,5; stxvl 36,4,5; lxvp 38,32(4);
stxvx 36,4,5; mfvrd 3,4; mtfprd 4,3; mtvrd 4,3; vaddubm 1,2,3; vadduhm 1,2,3; vadduqm 1,2,3; vadduwm 1,2,3;
vaddubs 1,2,3; vand 1,2,3; vandc 1,2,3; vbpermq 1,2,3; vclzlsbb 3,2; vcmpequb 1,2,3; vcmpequb. 1,2,3; vcmpequh. 1,2,3;
vcmpgtub 1,2,3; vcmpneb. 1,2,3; vcmpnezb. 1,2,3; vctzlsbb 3,2; vextractbm 3,2; vextsb2w 1,2; vextublx 3,4,2;
vextubrx 3,4,2; vgbbd 1,2; vminub 1,2,3; vmladduhm 1,2,3,4; vmr 1,2; vmrglb 1,2,3; vmuleuh 1,2,3; vmulouh 1,2,3;
vnot 1,2; vor 1,2,3; vperm 1,2,3,4; vpkuhum 1,2,3; vpkuwum 1,2,3; vpopcntd 1,2; vpopcnth 1,2; vsel 1,2,3,4; vsl 1,2,3;
vslb 1,2,3; vsldoi 1,2,3,4; vslh 1,2,3; vslo 1,2,3; vspltb 1,2,3; vsplth 1,2,3; vspltisb 1,5; vspltish 1,5;
vspltisw 1,5; vsrh 1,2,3; vsro 1,2,3; vsrw 1,2,3; vsububm 1,2,3; vsububs 1,2,3; vsubuhm 1,2,3; vsumsws 1,2,3;
vupklsb 1,2; vxor 1,2,3; xxlorc 1,2,3; xxmr 1,2; xxmrghd 1,2,3; xxmrgld 1,2,3; xxspltd 1,2,1; xxspltib 1,200;
xxswapd 1,2`;
  const insns = used
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const insn of insns) {
    const w = words(insn)[0];
    const s = setup([w, 0x7fe00008]);
    s.t.setGpr(4, DATA);
    s.t.setGpr(5, (0x100n << 56n) | 8n);
    const stop = s.core.run(s.t, s.mem, 10);
    assert.equal(
      stop.kind,
      'trap',
      `${insn}: ` + `${JSON.stringify(stop, (_k, v) => (typeof v === 'bigint' ? v.toString(16) : v))}`,
    );
  }
  assert.equal(insns.length, 80);
});

test('mtvrsave/mfvrsave: VRSAVE is a 32-bit register (mfvrsave zero-extends)', () => {
  const s = setup([...words('mtvrsave 4\nmfvrsave 3'), 0x7fe00008]);
  s.t.setGpr(4, 0x123456789abcdef0n);
  assert.equal(s.core.run(s.t, s.mem, 10).kind, 'trap');
  assert.equal(s.t.vrsave >>> 0, 0x9abcdef0);
  assert.equal(s.t.getGpr(3), 0x9abcdef0n);
});
