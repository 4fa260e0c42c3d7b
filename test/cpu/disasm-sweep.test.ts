// The core set's extended mnemonics against GNU objdump -d over a sweep of field values: every BO
// (with its +/- hints) of bc/bclr/bcctr, rotate masks and shifts, dcbt/dcbtst hints, traps, sync,
// CR moves and compares. Words are built here (as .long), so the sweep covers encodings that GCC
// emits and the assembler would not write back the same way.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { disassemble } from '../../sim/cpu/disasm';
import { buildWithGnu } from './gnu';

const u = (x: number) => x >>> 0;
const words: number[] = [];
const SH = [0, 1, 4, 16, 27, 31];
const SH6 = [0, 1, 4, 16, 31, 32, 33, 59, 63];
// conditional branches: every BO, a few BI, the four AA/LK combinations (bc) or LK and BH (bclr/bcctr)
for (let bo = 0; bo < 32; bo++) {
  for (const bi of [0, 1, 2, 3, 30]) {
    for (const aalk of [0, 1, 2, 3]) words.push(u((16 << 26) | (bo << 21) | (bi << 16) | (0x40 & 0xfffc) | aalk));
    for (const xo of [16, 528])
      for (const lk of [0, 1])
        for (const bh of [0, 1]) words.push(u((19 << 26) | (bo << 21) | (bi << 16) | (bh << 11) | (xo << 1) | lk));
  }
}
// rotates
for (const sh of SH)
  for (const mb of SH)
    for (const me of SH) {
      for (const rc of [0, 1])
        words.push(u((21 << 26) | (4 << 21) | (3 << 16) | (sh << 11) | (mb << 6) | (me << 1) | rc));
      words.push(u((20 << 26) | (4 << 21) | (3 << 16) | (sh << 11) | (mb << 6) | (me << 1)));
      words.push(u((23 << 26) | (4 << 21) | (3 << 16) | (5 << 11) | (mb << 6) | (me << 1)));
    }
for (const sh of SH6)
  for (const mb of SH6)
    for (const xo of [0, 1, 2, 3]) {
      words.push(
        u(
          (30 << 26) |
            (4 << 21) |
            (3 << 16) |
            ((sh & 31) << 11) |
            ((mb & 31) << 6) |
            (mb & 32) |
            (xo << 2) |
            ((sh >> 5) << 1),
        ),
      );
    }
for (const mb of SH6)
  for (const xo of [8, 9])
    words.push(u((30 << 26) | (4 << 21) | (3 << 16) | (5 << 11) | ((mb & 31) << 6) | (mb & 32) | (xo << 1)));
// cache hints, sync, traps
for (let th = 0; th < 32; th++)
  for (const ra of [0, 3])
    for (const xo of [278, 246]) words.push(u((31 << 26) | (th << 21) | (ra << 16) | (4 << 11) | (xo << 1)));
for (let l = 0; l < 8; l++)
  for (const sc of [0, 1, 2, 3]) words.push(u((31 << 26) | (l << 21) | (sc << 16) | (598 << 1)));
for (let to = 0; to < 32; to++) {
  words.push(
    u((31 << 26) | (to << 21) | (3 << 16) | (4 << 11) | (4 << 1)),
    u((31 << 26) | (to << 21) | (3 << 16) | (4 << 11) | (68 << 1)),
  );
  words.push(u((3 << 26) | (to << 21) | (3 << 16) | 0xfff0), u((2 << 26) | (to << 21) | (3 << 16) | 5));
}
// compares with every BF and L, CR moves, ori/xori nops
for (let bf = 0; bf < 8; bf++)
  for (const l of [0, 1])
    for (const po of [10, 11]) words.push(u((po << 26) | (bf << 23) | (l << 21) | (3 << 16) | 0x8001));
for (let bf = 0; bf < 8; bf++)
  for (const l of [0, 1])
    for (const xo of [0, 32]) words.push(u((31 << 26) | (bf << 23) | (l << 21) | (3 << 16) | (4 << 11) | (xo << 1)));
for (let f = 0; f < 8; f++)
  words.push(
    u((31 << 26) | (3 << 21) | ((1 << (7 - f)) << 12) | (1 << 20) | (144 << 1)),
    u((31 << 26) | (3 << 21) | ((0x81 >> (f & 1)) << 12) | (144 << 1)),
  );
words.push(
  0x60000000,
  0x68000000,
  0x60630000,
  0x7c0004ac,
  0x4c00012c,
  0x44000002,
  0x44000022,
  0x44000001,
  0x44000021,
  0x44000fe1,
);
// loads and stores with RA = 0, larx hints, or/xor/nor special cases
for (const eh of [0, 1]) for (const xo of [20, 84]) words.push(u((31 << 26) | (3 << 21) | (4 << 11) | (xo << 1) | eh));
for (const xo of [444, 124, 316, 28])
  for (const rb of [3, 5])
    for (const rc of [0, 1]) words.push(u((31 << 26) | (3 << 21) | (4 << 16) | (rb << 11) | (xo << 1) | rc));

test('core extended mnemonics match objdump -d over a sweep of field values', (t) => {
  const source =
    `    .abiversion 2\n    .text\n    .globl ` +
    `_start\n_start:\n${words.map((w) => `    .long 0x${w.toString(16)}`).join('\n')}\n`;
  const built = buildWithGnu(t, source);
  if (!built) return;
  try {
    const dump = execFileSync('powerpc64le-linux-gnu-objdump', ['-d', built.exe], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const diffs: string[] = [];
    for (const line of dump.split('\n')) {
      const m = /^\s+([0-9a-f]+):\t((?:[0-9a-f]{2} ){4})\s*\t(.*)$/.exec(line);
      if (!m) continue;
      const b = m[2]
        .trim()
        .split(' ')
        .map((x) => parseInt(x, 16));
      const word = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
      // (branch targets of bc: objdump writes bare hex, we write 0x...)
      let ref = m[3]
        .replace(/\s+/, ' ')
        .replace(/\s+<[^>]*>$/, '')
        .trim();
      if (word >>> 26 === 16) ref = ref.replace(/([ ,])(?:0x)?([0-9a-f]+)$/, '$10x$2');
      const mine = disassemble(word, BigInt('0x' + m[1]));
      if (mine !== ref) diffs.push(`${word.toString(16).padStart(8, '0')}: objdump "${ref}" ours "${mine}"`);
    }
    if (process.env.SWEEP_OUT) writeFileSync(process.env.SWEEP_OUT, diffs.join('\n'));
    assert.deepEqual(diffs.slice(0, 40), [], `${diffs.length} differences`);
  } finally {
    built.cleanup();
  }
});
