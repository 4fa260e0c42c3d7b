// FP loads and stores against qemu (the single <-> double conversions of lfs and stfs on edge
// values, SNaNs kept signaling, denormalized singles; lfiwax/lfiwzx/stfiwx; update and indexed
// forms; lfdp/stfdp; doubleword 1 of the VSR), and the access each one describes to the
// watchpoint code (analyse.ts), without tools.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseInstruction } from '../../sim/cpu/analyse';
import { ThreadState } from '../../sim/cpu/thread-state';
import { assemble } from '../../sim/asm/assembler';
import type { DawrProgram } from '../../sim/cpu/core';
import { runBoth } from './fp-harness';
import { DATA, run, setup, TEXT } from './harness';
import { D_EDGES, randDouble, randSingle, Rng, S_EDGES } from './fp-values';

test('FP loads and stores: same memory and registers as qemu on edge and random values', (t) => {
  const r = new Rng(7);
  const doubles = [...D_EDGES];
  const singles = [...S_EDGES];
  while (doubles.length < 400) doubles.push(randDouble(r));
  while (singles.length < 400) singles.push(randSingle(r));
  const n = doubles.length;
  const data = Buffer.alloc(n * 8 + 16 + n * 4 + 64);
  doubles.forEach((d, i) => data.writeBigUInt64LE(d, i * 8));
  data.writeBigUInt64LE(doubles[0], n * 8); // lfdp of the last entry reads one past it
  singles.forEach((s, i) => data.writeUInt32LE(s >>> 0, n * 8 + 16 + i * 4));
  for (let i = 0; i < 8; i++) data.writeUInt32LE((0xa5a5a5a5 ^ i) >>> 0, n * 12 + 16 + 4 * i);
  const REC = 256;
  const source = `
    .abiversion 2
    .text
    .globl _start
_start:
    lis 30, cases@ha
    addi 30, 30, cases@l
    addi 29, 30, ${n * 8 + 16}
    addi 28, 30, ${n * 12 + 16}
    lis 31, results@ha
    addi 31, 31, results@l
    li 0, ${n}
    mtctr 0
    li 26, 0
1:  # every target VSR starts with a pattern in both doublewords
    .irp v, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    lxvd2x \\v, 0, 28
    .endr
    lfd 1, 0(30)
    lfs 2, 0(29)
    li 27, 0
    stxvd2x 1, 31, 27
    li 27, 16
    stxvd2x 2, 31, 27
    stfs 1, 32(31)
    stfs 2, 36(31)
    lfiwax 3, 0, 29
    lfiwzx 4, 0, 29
    li 27, 40
    stxvd2x 3, 31, 27
    li 27, 56
    stxvd2x 4, 31, 27
    li 27, 72
    stfiwx 1, 31, 27
    stfiwx 2, 31, 27
    lfdx 5, 30, 26
    lfsx 6, 29, 26
    li 27, 80
    stfdx 5, 31, 27
    li 27, 88
    stfsx 6, 31, 27
    stfsx 5, 31, 27
    addi 25, 29, -4
    lfsu 7, 4(25)
    subf 25, 29, 25
    std 25, 96(31)
    addi 24, 30, -8
    lfdu 8, 8(24)
    subf 24, 30, 24
    std 24, 104(31)
    li 23, 8
    mr 19, 30
    lfdux 9, 19, 23
    li 22, 4
    mr 18, 29
    lfsux 12, 18, 22
    subf 19, 30, 19
    subf 18, 29, 18
    std 19, 200(31)
    std 18, 208(31)
    stfd 7, 112(31)
    stfd 8, 120(31)
    stfd 9, 128(31)
    stfd 12, 136(31)
    addi 21, 31, 136
    stfsu 1, 8(21)
    stfdu 2, 4(21)
    li 20, 4
    stfsux 8, 21, 20
    li 20, 4
    stfdux 1, 21, 20
    subf 21, 31, 21
    std 21, 160(31)
    .long 0xe5430000 # lfdp 10, 0(3) with RA = 30: lfdp 10,0(30) (GNU as -mpower10 has no lfdp)
    stfd 10, 168(31)
    stfd 11, 176(31)
    li 27, 184
    .long 0x7d5f3f2e # stfdpx 10, 31, 7? (patched below)
    addi 30, 30, 8
    addi 29, 29, 4
    addi 31, 31, ${REC}
    bdnz 1b
    lis 30, results@ha
    addi 30, 30, results@l
    lis 29, ${(n * REC) >>> 16}
    ori 29, 29, ${(n * REC) & 0xffff}
2:  li 0, 4
    li 3, 1
    mr 4, 30
    mr 5, 29
    sc
    add 30, 30, 3
    subf 29, 3, 29
    cmpdi 29, 0
    bgt 2b
    li 0, 1
    li 3, 0
    sc
    .data
    .balign 16
cases:
    .incbin "cases.bin"
    .balign 16
results:
    .space ${n * REC}
`;
  // hand-encoded lfdp/stfdpx (GNU as -mpower10 rejects them): lfdp 10,0(30); stfdpx 10,31,27
  const lfdp = ((57 << 26) | (10 << 21) | (30 << 16)) >>> 0;
  const stfdpx = ((31 << 26) | (10 << 21) | (31 << 16) | (27 << 11) | (919 << 1)) >>> 0;
  const src = source
    .replace('.long 0xe5430000', `.long 0x${lfdp.toString(16)}`)
    .replace('.long 0x7d5f3f2e', `.long 0x${stfdpx.toString(16)}`);
  const run = runBoth(t, src, data);
  if (run === undefined) return;
  if (Array.isArray(run)) assert.fail(run.join('\n'));
  assert.equal(run.qemu.length, n * REC);
  const diffs: string[] = [];
  for (let i = 0; i < n && diffs.length < 10; i++) {
    const q = run.qemu.subarray(i * REC, (i + 1) * REC);
    const s = Buffer.from(run.sim.subarray(i * REC, (i + 1) * REC));
    if (!q.equals(s))
      diffs.push(
        `entry ${i} (double 0x${doubles[i].toString(16)}, single ` +
          `0x${(singles[i] >>> 0).toString(16)}):\n  qemu ${q.toString('hex')}\n  ours ` +
          `${s.toString('hex')}`,
      );
  }
  assert.deepEqual(diffs, []);
});

test('FP loads and stores describe their access (kind, size, effective address) to analyse_instr', () => {
  const t = new ThreadState();
  t.setGpr(3, 0x10001000n);
  t.setGpr(4, 0x40n);
  const cases: [string, string, number, bigint][] = [
    ['lfs 1,8(3)', 'load', 4, 0x10001008n],
    ['lfsu 1,-8(3)', 'load', 4, 0x10000ff8n],
    ['lfd 1,16(3)', 'load', 8, 0x10001010n],
    ['lfdu 1,16(3)', 'load', 8, 0x10001010n],
    ['stfs 1,4(3)', 'store', 4, 0x10001004n],
    ['stfsu 1,4(3)', 'store', 4, 0x10001004n],
    ['stfd 1,0(3)', 'store', 8, 0x10001000n],
    ['stfdu 1,-16(3)', 'store', 8, 0x10000ff0n],
    ['lfsx 1,3,4', 'load', 4, 0x10001040n],
    ['lfsux 1,3,4', 'load', 4, 0x10001040n],
    ['lfdx 1,0,4', 'load', 8, 0x40n],
    ['lfdux 1,3,4', 'load', 8, 0x10001040n],
    ['stfsx 1,3,4', 'store', 4, 0x10001040n],
    ['stfsux 1,3,4', 'store', 4, 0x10001040n],
    ['stfdx 1,3,4', 'store', 8, 0x10001040n],
    ['stfdux 1,3,4', 'store', 8, 0x10001040n],
    ['lfiwax 1,3,4', 'load', 4, 0x10001040n],
    ['lfiwzx 1,0,4', 'load', 4, 0x40n],
    ['stfiwx 1,3,4', 'store', 4, 0x10001040n],
  ];
  for (const [text, kind, size, ea] of cases) {
    const a = assemble(`\t${text}\n`, 'x.s');
    if (!a.ok) assert.fail(`${text}: ${a.errors[0]?.message}`);
    const b = a.value.sections.find((s) => s.name === '.text')!.bytes;
    const w = b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
    assert.deepEqual(analyseInstruction(w, t), { type: kind, ea, size }, text);
  }
  // lfdp/stfdp (hand-encoded): one 16-byte access
  const lfdp = (57 << 26) | (2 << 21) | (3 << 16) | 32;
  assert.deepEqual(analyseInstruction(lfdp, t), { type: 'load', ea: 0x10001020n, size: 16 });
  const stfdpx = (31 << 26) | (2 << 21) | (3 << 16) | (4 << 11) | (919 << 1);
  assert.deepEqual(analyseInstruction(stfdpx, t), { type: 'store', ea: 0x10001040n, size: 16 });
});

test('a DAWR stops an FP load or store before it changes anything (kind, size and range as described)', () => {
  const bp = (start: bigint, read: boolean, write: boolean): DawrProgram => ({
    start,
    len: 8,
    read,
    write,
    user: true,
    kernel: false,
    hyp: false,
  });
  const enc = (text: string) => {
    const a = assemble(
      text
        .split(';')
        .map((l) => `\t${l.trim()}`)
        .join('\n') + '\n',
      'x.s',
    );
    if (!a.ok) throw new Error(a.errors[0].message);
    const b = a.value.sections.find((s) => s.name === '.text')!.bytes;
    const ws: number[] = [];
    for (let i = 0; i < b.length; i += 4) ws.push(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
    return ws;
  };
  const cases: [string, bigint, boolean, boolean][] = [
    ['lfd 1,8(9)', DATA + 8n, true, false],
    ['lfs 1,12(9)', DATA + 8n, true, false],
    ['lfdu 1,8(9)', DATA + 8n, true, false],
    ['stfd 1,8(9)', DATA + 8n, false, true],
    ['stfs 1,12(9)', DATA + 8n, false, true],
    ['stfiwx 1,9,10', DATA + 8n, false, true],
    ['lfiwax 1,9,10', DATA + 8n, true, false],
  ];
  for (const [text, watch, read, write] of cases) {
    const s = setup(enc(`lis 9,0x1010; li 10,8; ${text}; li 4,1`), { data: new Uint8Array(64).fill(0x5a) });
    s.t.setFprBits(1, 0x3ff0000000000000n);
    s.core.setDawr(0, bp(watch, read, write));
    const stop = s.core.run(s.t, s.mem, 100);
    assert.equal(stop.kind, 'dawr', text);
    assert.equal(s.t.pc, TEXT + 8n, `${text}: stopped at the access`);
    assert.equal(s.t.getFprBits(1), 0x3ff0000000000000n, `${text}: FPR unchanged`);
    assert.equal(s.t.getGpr(9), 0x10100000n, `${text}: RA not updated`);
    assert.equal(s.mem.read(DATA + 8n, 8), 0x5a5a5a5a5a5a5a5an, `${text}: memory unchanged`);
    // the other direction does not match
    const s2 = setup(enc(`lis 9,0x1010; li 10,8; ${text}; trap`), { data: new Uint8Array(64) });
    s2.core.setDawr(0, bp(watch, !read, !write));
    assert.equal(s2.core.run(s2.t, s2.mem, 100).kind, 'trap', `${text}: no match the other way`);
  }
});

test('update forms with RA = 0 are invalid (SIGILL, as qemu)', () => {
  for (const w of [
    (49 << 26) | (1 << 21),
    (51 << 26) | (1 << 21),
    (53 << 26) | (1 << 21),
    (55 << 26) | (1 << 21),
    (31 << 26) | (1 << 21) | (4 << 11) | (631 << 1),
  ]) {
    const r = run([w]);
    assert.equal(r.stop.kind === 'fault' && r.stop.signal, 'SIGILL', `0x${(w >>> 0).toString(16)}`);
  }
});
