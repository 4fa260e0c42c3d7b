// The number paths of the interpreter (execute.ts's inline cases and cold.ts) against the BigInt
// semantics they replaced (test/cpu/ref/bigint-cold.ts, kept here as the reference): every operation
// of the core set that the reference implements, on random instruction words (every field random)
// and random registers, CR, XER and memory (fixed seeds). One instruction runs on each side; the
// registers, CR, XER, the stop and the data memory must be the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AddressSpace } from '../../sim/cpu/address-space';
import { COLD_NEXT, COLD_STOP } from '../../sim/cpu/cold-result';
import { Core, type CoreStop } from '../../sim/cpu/core';
import { decodeOp } from '../../sim/cpu/decode';
import { Op, OPS } from '../../sim/cpu/ops';
import { ThreadState, USER_MSR } from '../../sim/cpu/thread-state';
import { pick, rng64 } from './diff-harness';
import { refExecCold } from './ref/bigint-cold';

const TEXT = 0x10000000n;
const DATA = 0x10100000n; // two pages of random bytes
const PER_OP = 1200;
const RANDOM = new Int32Array(2048);
const RANDOM_BYTES = new Uint8Array(RANDOM.buffer);
let seed = 0x1234567;

/** The ops the reference implements (everything of the core set that was cold before). */
const SKIP = new Set<number>([Op.NONE, Op.ILLEGAL, Op.SC, Op.ISYNC, Op.SYNC, Op.EIEIO]);
const HOT_BEFORE = [
  'addi',
  'addis',
  'add',
  'subf',
  'neg',
  'ori',
  'or',
  'and',
  'xor',
  'andi.',
  'extsw',
  'cmpi',
  'cmp',
  'cmpli',
  'cmpl',
  'b',
  'bc',
  'bclr',
  'bcctr',
  'lbz',
  'lhz',
  'lwz',
  'ld',
  'stb',
  'sth',
  'stw',
  'std',
  'ldx',
  'stdx',
  'lwzx',
  'stwx',
  'rlwinm',
  'rldicl',
  'rldicr',
  'mfspr',
  'mtspr',
  'sc',
];
const CASES = OPS.filter((i) => !SKIP.has(i.op) && !HOT_BEFORE.includes(i.name) && i.xoKind !== 'mask');

function baseWord(i: (typeof OPS)[number]): { word: number; free: number } {
  const po = (i.primary << 26) >>> 0;
  switch (i.xoKind) {
    case 'none':
      return { word: po, free: 0x03ffffff };
    case 'x10':
      return { word: (po | (i.xo << 1)) >>> 0, free: 0x03fff801 };
    case 'xo9':
      return { word: (po | (i.xo << 1)) >>> 0, free: 0x03fffc01 };
    case 'xs9':
      return { word: (po | (i.xo << 2)) >>> 0, free: 0x03fff803 };
    case 'ds2':
      return { word: (po | i.xo) >>> 0, free: 0x03fffffc };
    case 'dq3':
      return { word: (po | i.xo) >>> 0, free: 0x03fffff8 };
    case 'md3':
      return { word: (po | (i.xo << 2)) >>> 0, free: 0x03ffffe3 };
    case 'mds4':
      return { word: (po | (i.xo << 1)) >>> 0, free: 0x03ffffe1 };
    default:
      return { word: po, free: 0 };
  }
}

function setup(word: number, r: () => bigint, mem: AddressSpace): ThreadState {
  const t = new ThreadState();
  t.msr = USER_MSR;
  t.pc = TEXT;
  for (let k = 0; k < 32; k++) {
    // a quarter of the registers point into the data pages (bases for loads and stores)
    const v = r() % 4n === 0n ? DATA + (r() % 8192n) - (r() % 2n ? 0n : r() % 64n) : pick(r);
    t.setGpr(k, v);
  }
  t.lr = pick(r);
  t.ctr = pick(r);
  t.cr = Number(r() & 0xffffffffn);
  t.xer = r() & 0xe00c007fn;
  void word;
  void mem;
  return t;
}

function stopText(s: CoreStop | null): string {
  if (s === null) return 'none';
  return s.kind === 'fault' ? `${s.kind} ${s.signal} ${s.addr.toString(16)}` : s.kind;
}

test('number paths equal the BigInt reference on random words and state (every cold-before op)', () => {
  const r = rng64(0x0dd_ba11_2024n);
  const diffs: string[] = [];
  let ran = 0;
  for (const info of CASES) {
    const { word: base, free } = baseWord(info);
    for (let n = 0; n < PER_OP; n++) {
      const word = (base | (Number(r() & 0xffffffffn) & free)) >>> 0;
      if (decodeOp(word) !== info.op) continue;
      const mem = new AddressSpace();
      mem.map(TEXT, 4096, { read: true, write: false, exec: true });
      const text = new Uint8Array(8);
      new DataView(text.buffer).setUint32(0, word, true);
      new DataView(text.buffer).setUint32(4, 0x7fe00008, true); // trap
      mem.writeBytesAs(TEXT, text, true);
      mem.map(DATA, 8192, { read: true, write: true, exec: false });
      for (let i = 0; i < RANDOM.length; i++) {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        RANDOM[i] = seed;
      }
      mem.writeBytes(DATA, RANDOM_BYTES);
      const t = setup(word, r, mem);
      const mem2 = mem.clone();
      const t2 = t.clone();

      const core = new Core({ quadwordAlign16: false, slots: 2 });
      const stop = core.run(t, mem, 1);
      const core2 = new Core({ quadwordAlign16: false, slots: 2 });
      core2.port.attach(mem2);
      const res = refExecCold(core2, t2, core2.port, info.op, word, 0, Number(TEXT));
      const stop2: CoreStop | null = res === COLD_STOP ? core2.pending : res === COLD_NEXT ? { kind: 'limit' } : null;
      if (res === COLD_NEXT) t2.pc = TEXT + 4n;
      ran++;
      const bad: string[] = [];
      const s1 = stopText(stop),
        s2 = stopText(stop2);
      if (s1 !== s2) bad.push(`stop ${s1} / ref ${s2}`);
      for (let k = 0; k < 32; k++)
        if (t.getGpr(k) !== t2.getGpr(k))
          bad.push(`r${k} ${t.getGpr(k).toString(16)} / ref ${t2.getGpr(k).toString(16)}`);
      if (t.cr !== t2.cr) bad.push(`cr ${t.cr.toString(16)} / ref ${t2.cr.toString(16)}`);
      if (t.xer !== t2.xer) bad.push(`xer ${t.xer.toString(16)} / ref ${t2.xer.toString(16)}`);
      if (t.lr !== t2.lr || t.ctr !== t2.ctr) bad.push('lr/ctr');
      if (stop.kind === 'limit' && t.pc !== t2.pc) bad.push(`pc ${t.pc.toString(16)} / ref ${t2.pc.toString(16)}`);
      const m1 = mem.readBytes(DATA, 8192),
        m2 = mem2.readBytes(DATA, 8192);
      if (m1 && m2 && Buffer.compare(Buffer.from(m1), Buffer.from(m2)) !== 0) bad.push('memory');
      if (bad.length) diffs.push(`${info.name} 0x${word.toString(16).padStart(8, '0')}: ${bad.slice(0, 4).join('; ')}`);
    }
  }
  assert.ok(ran > CASES.length * PER_OP * 0.5, `ran ${ran}`);
  assert.deepEqual(diffs.slice(0, 25), [], `${diffs.length} of ${ran} differ`);
});
