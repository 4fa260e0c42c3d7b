// A warm-up of the interpreter's hot loop before the first real run: a short synthetic program that
// executes every inline operation of execute.ts (each register form, with and without Rc and OE,
// the update and indexed loads and stores, the branches) on edge values, a few dozen times. The
// JavaScript engine optimizes runThread once it is hot; optimized code has no path for a case it
// never saw run (it deoptimizes when one first runs, and recompiles the whole loop), so a program
// that reaches new operations phase by phase used to pay several recompilations of the loop (about
// half a second of CPU on a run of 100 million instructions). After the warm-up the loop is
// compiled once, with every case in it. Each X/XO form runs on pairs of a fixed spectrum of values
// (shift counts below 32, below 64 and above, signs, the extremes), so that every branch inside a
// case has run too.
//
// It runs on its own core, memory and thread: nothing of it is visible to any program.
import { AddressSpace } from './address-space';
import { Op, OPS } from './ops';
import { ThreadState, USER_MSR } from './thread-state';

const TEXT = 0x100000n;
const DATA = 0x7f0000010000n;

/** One word per inline operation and form, straight-line (branches go to the next instruction). */
export function warmUpProgram(): number[] {
  const words: number[] = [];
  const put = (w: number) => words.push(w >>> 0);
  for (const i of OPS) {
    if (i.op > Op.LAST_HOT || i.op === Op.SC || i.op === Op.ILLEGAL || i.xoKind === 'mask') continue;
    const po = i.primary << 26;
    const acc = i.access;
    switch (i.xoKind) {
      case 'none': {
        if (i.op === Op.B || i.op === Op.BC) continue; // below
        if (acc) {
          // D-form load/store: RT/RS r5, RA r3 (r8 for the update forms), displacement 8, then 9
          // (unaligned), each twice (a miss and a hit of the port's page cache)
          for (const d of [8, 8, 9, 9]) put(po | (5 << 21) | ((acc.update ? 8 : 3) << 16) | d);
          if (!acc.update) put(po | (9 << 21) | (0 << 16) | 0x7000); // RA = 0: an absolute address
        } else if (i.op === Op.RLWINM || i.op === Op.RLWIMI || i.op === Op.RLWNM) {
          // (rlwnm: the shift from r21 or r27)
          for (const [sh, mb, me] of [
            [4, 0, 27],
            [0, 16, 31],
            [31, 28, 3],
            [8, 8, 8],
            [21, 0, 31],
            [27, 5, 30],
          ])
            for (const rc of [0, 1]) put(po | (6 << 21) | (5 << 16) | (sh << 11) | (mb << 6) | (me << 1) | rc);
        } else if (i.op === Op.CMPI || i.op === Op.CMPLI) {
          for (const bfl of [0, 1, 7 << 2, (3 << 2) | 1]) put(po | (bfl << 21) | (6 << 16) | 0x8001);
        } else if (
          i.op === Op.ORI ||
          i.op === Op.ORIS ||
          i.op === Op.XORI ||
          i.op === Op.XORIS ||
          i.op === Op.ANDI_RC ||
          i.op === Op.ANDIS_RC
        ) {
          put(po | (6 << 21) | (5 << 16) | 0xf00f);
        } else {
          // addi, addis, addic(.), subfic, mulli: RT r5, RA r6 (and RA 0 for addi/addis)
          put(po | (5 << 21) | (6 << 16) | 0xfff8);
          put(po | (5 << 21) | (7 << 16) | 0x0123);
          if (i.op === Op.ADDI || i.op === Op.ADDIS) put(po | (10 << 21) | 0x7fff);
        }
        break;
      }
      case 'ds2':
        for (const d of [8, 8, 12, 12]) put(po | (5 << 21) | ((acc?.update ? 8 : 3) << 16) | d | i.xo);
        break;
      case 'md3':
      case 'mds4':
        for (const [sh, mb] of [
          [4, 0],
          [0, 33],
          [63, 1],
          [32, 32],
          [40, 63],
        ])
          for (const rc of [0, 1])
            for (const rb of [21, 22, 27]) {
              const f = i.xoKind === 'md3' ? (i.xo << 2) | ((sh >> 5) << 1) : i.xo << 1;
              put(
                po |
                  (6 << 21) |
                  (5 << 16) |
                  ((i.xoKind === 'md3' ? sh & 31 : rb) << 11) |
                  ((mb & 31) << 6) |
                  (mb & 32) |
                  f |
                  rc,
              );
              if (i.xoKind === 'md3') break;
            }
        break;
      case 'x10':
      case 'xo9':
      case 'xs9': {
        const xo = i.xoKind === 'xs9' ? i.xo << 2 : i.xo << 1;
        if (i.op === Op.BCLR || i.op === Op.BCCTR) continue; // below
        if (acc) {
          // X-form load/store: RT/RS r5, RA r3 (r8 for the update forms), RB r4
          for (let k = 0; k < 2; k++) put(po | (5 << 21) | ((acc.update ? 8 : 3) << 16) | (4 << 11) | xo);
          if (!acc.update) put(po | (9 << 21) | (0 << 16) | (11 << 11) | xo);
        } else if (i.op === Op.MFSPR || i.op === Op.MTSPR) {
          for (const spr of [8, 9, 1]) put(po | (12 << 21) | ((spr & 31) << 16) | ((spr >> 5) << 11) | xo);
          if (i.op === Op.MFSPR) put(po | (12 << 21) | (12 << 16) | (8 << 11) | xo); // mftb
        } else if (i.op === Op.CMP || i.op === Op.CMPL) {
          for (const bfl of [0, 1, 7 << 2, (3 << 2) | 1]) put(po | (bfl << 21) | (6 << 16) | (7 << 11) | xo);
        } else if (i.op === Op.MFCR || i.op === Op.MFOCRF || i.op === Op.MTCRF || i.op === Op.MTOCRF) {
          const one = i.op === Op.MFOCRF || i.op === Op.MTOCRF ? 1 << 20 : 0;
          put(po | (5 << 21) | one | ((i.op === Op.MFCR ? 0 : i.op === Op.MTCRF ? 0xff : 0x10) << 12) | xo);
        } else if (i.xoKind === 'xo9') {
          // XO arithmetic: RT r5, each of the four OE/Rc combinations, on pairs of the spectrum
          for (const [ra, rb] of PAIRS)
            for (const oe of [0, 0x400])
              for (const rc of [0, 1]) put(po | (5 << 21) | (ra << 16) | (rb << 11) | xo | oe | rc);
        } else {
          // X logic, shifts, counts, extends: RA r5, RS and RB from the spectrum (shift counts 0, 5,
          // 40, 70 and edge values); srawi/sradi: shifts 0, 5, 31/63 and 40
          for (const [rs, rb] of PAIRS)
            for (const rc of [0, 1]) put(po | (rs << 21) | (5 << 16) | (rb << 11) | xo | rc);
          if (i.op === Op.SRAWI || i.op === Op.SRADI) {
            for (const sh of [0, 5, 31, 40, 63])
              for (const rs of [24, 26, 27]) {
                if (i.op === Op.SRAWI && sh > 31) continue;
                put(po | (rs << 21) | (5 << 16) | ((sh & 31) << 11) | xo | ((sh >> 5) << 1));
              }
          }
        }
        break;
      }
    }
  }
  // loads from two pages by turns (the port's second read page, for ld and the other loads)
  // lbz 0x7000(0); lbz 8(r3): the 0x7000 page is the second; ld, lbz, lwz from it; then the first again
  for (const w of [0x88a07000, 0x88a30008, 0xe8a07008, 0x88a07001, 0x80a07004, 0xe8a30008, 0x88a80008, 0xe8a3000c])
    put(w);
  // a few operations of the cold path (cold.ts and the families: the loop's default case)
  put(0x7ca63812); // mulhdu r5,r6,r7
  put(0x7ca63bd2); // divd r5,r6,r7
  put(0x7cc503f4); // popcntd r5,r6
  put(0x7ca6399e); // iseleq r5,r6,r7
  put(0x10a639f3); // maddld r5,r6,r7,r7
  // (prefixed instructions: 8 bytes, never across a 64-byte boundary)
  const prefixed = (p: number, q: number) => {
    if (words.length % 16 === 15) put(0x60000000);
    put(p);
    put(q);
  };
  prefixed(0x04000000, 0xe4a30008); // pld r5,8(r3)
  prefixed(0x06000000, 0x38a60001); // paddi r5,r6,1
  // mfocrf/mtocrf (mfcr/mtcrf's one-field forms, not rows of their own in OPS)
  put((31 << 26) | (5 << 21) | (1 << 20) | (0x10 << 12) | (19 << 1));
  put((31 << 26) | (5 << 21) | (1 << 20) | (0x04 << 12) | (144 << 1));
  // branches, each to the next instruction: b, bl, bc (taken, not taken, counting), bclr, bcctr
  put(0x48000004); // b .+4
  put(0x38e00002); // li r7,2
  put(0x7ce903a6); // mtctr r7
  put(0x42000004); // bdnz .+4
  put(0x42000004); // bdnz .+4 (not taken)
  put(0x2c250000); // cmpdi r5,0
  put(0x41820004); // beq .+4
  put(0x40820004); // bne .+4
  put(0x48000009); // bl .+8: LR = the next word
  put(0x4800000c); // b .+12
  put(0x4e800020); // blr (back to the b)
  put(0x60000000); // nop
  put(0x7d6802a6); // mflr r11
  put(0x396b0024); // addi r11,r11,36
  put(0x7d6903a6); // mtctr r11
  put(0x4e800420); // bctr (to the sc)
  put(0x60000000);
  put(0x60000000);
  put(0x44000002); // sc
  return words;
}

/** (RA, RB) or (RS, RB) register pairs of the X and XO forms: r6/r7 (the round's values) and the
 * spectrum r20..r27 set below (0, 5, 40, 70, -1, 0x80000000, the largest, a mixed pattern) */
const PAIRS: [number, number][] = [
  [6, 7],
  [24, 21],
  [27, 22],
  [25, 23],
  [26, 20],
  [20, 24],
];
const SPECTRUM: bigint[] = [
  0n,
  5n,
  40n,
  70n,
  0xffffffffffffffffn,
  0x80000000n,
  0x7fffffffffffffffn,
  0x123456789abcdef0n,
];

const VALUES: bigint[] = [
  0n,
  1n,
  0xffffffffffffffffn,
  0x7fffffffffffffffn,
  0x8000000000000000n,
  0xffffffffn,
  0x80000000n,
  0x7fffffffn,
  0x123456789abcdef0n,
  0xfedcba9876543210n,
  63n,
  32n,
  0x100000000n,
  0xffffffff80000000n,
  7n,
];

let done = false;
/** rounds of the program, each with other register values (types and signs of every case seen).
 * Two, not more: the warm-up must not make the loop hot enough to be compiled by itself (a short
 * program, a hello world, would then wait for a compilation it never uses). */
const ROUNDS = 2;

/** What the warm-up runs the program on: a core (core.ts, which calls warmUp: not imported here). */
export interface WarmUpCore {
  run(t: ThreadState, mem: AddressSpace, maxSteps: number): unknown;
}

/** Runs the warm-up once per process (the first real run calls it). */
export function warmUp(makeCore: () => WarmUpCore): void {
  if (done) return;
  done = true;
  const words = warmUpProgram();
  const mem = new AddressSpace();
  const text = new Uint8Array(words.length * 4);
  const dv = new DataView(text.buffer);
  words.forEach((w, k) => dv.setUint32(4 * k, w, true));
  // (at a small address, as a static executable's text: the loop's code addresses stay small
  // integers; warmed at a large one, its arithmetic on them would be compiled for doubles)
  mem.map(TEXT, 4096 * 2, { read: true, write: false, exec: true });
  mem.writeBytesAs(TEXT, text, true);
  mem.map(DATA, 4096 * 4, { read: true, write: true, exec: false });
  mem.map(0x7000n, 4096, { read: true, write: true, exec: false });
  const core = makeCore();
  const t = new ThreadState();
  t.msr = USER_MSR;
  for (let round = 0; round < ROUNDS; round++) {
    t.pc = TEXT;
    for (let r = 0; r < 32; r++) t.setGpr(r, VALUES[(r + round) % VALUES.length]);
    t.setGpr(3, DATA + 64n);
    t.setGpr(4, 8n);
    t.setGpr(8, DATA + 4096n + BigInt(round * 8));
    t.setGpr(9, 0n);
    t.setGpr(11, 0x7000n + 8n);
    SPECTRUM.forEach((v, k) => t.setGpr(20 + k, v));
    t.cr = Number(VALUES[round % VALUES.length] & 0xffffffffn);
    t.xer = VALUES[(round * 7) % VALUES.length] & 0xe00c007fn;
    // (a stop other than the sc would be a bug of the warm-up itself: nothing to do with it)
    core.run(t, mem, words.length * 4);
  }
}
