// The fixed-point family (sim/cpu/isa/fixed-defs.ts) against qemu-ppc64le -cpu power10 on generated
// inputs (fixed seeds): every instruction with edge and random operands, CR and XER, record and
// overflow forms. darn is random on qemu: only its shape is checked (here, without qemu).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffAgainstQemu, pick, rng64, type DiffCase } from './diff-harness';
import { assemble } from '../../sim/asm/assembler';
import { run } from './harness';

/** Runs an assembled snippet (ending in a trap) on a fresh core. */
function runAsm(src: string, regs: Record<number, bigint> = {}, data?: Uint8Array) {
  const p = assemble(src, 'snippet.s');
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('; '));
  const text = p.value.sections.find((s) => s.name === '.text')!.bytes;
  const dv = new DataView(text.buffer, text.byteOffset, text.byteLength);
  const words: number[] = [];
  for (let i = 0; i < text.length; i += 4) words.push(dv.getUint32(i, true));
  return run(words, regs, { data });
}

const N = 24;
const r = rng64(0x5eed_f1ed_0001n);
const small = (n: number) => Number(r() % BigInt(n));
const xerBits = () => Number(r() & 0xe00c007fn);

function cases(name: string, code: () => string, nregs = 3, extra: Partial<DiffCase> = {}): DiffCase[] {
  const out: DiffCase[] = [];
  for (let i = 0; i < N; i++) {
    const regs = [0n];
    for (let k = 0; k < nregs; k++) regs.push(pick(r));
    out.push({ name, code: code(), regs, cr: Number(r() & 0xffffffffn), xer: xerBits(), ...extra });
  }
  return out;
}

const ALL: DiffCase[] = [
  ...cases('setb', () => `setb 3, cr${small(8)}`),
  ...['setbc', 'setbcr', 'setnbc', 'setnbcr'].flatMap((m) => cases(m, () => `${m} 3, ${small(32)}`)),
  ...['maddhd', 'maddhdu', 'maddld'].flatMap((m) => cases(m, () => `${m} 3, 4, 5, 6`)),
  ...cases('extswsli', () => `extswsli${small(2) ? '.' : ''} 3, 4, ${small(64)}`),
  ...cases('addpcis', () => `addpcis 3, ${small(0x10000) - 0x8000}`),
  ...cases('lnia/subpcis', () => (small(2) ? 'lnia 3' : `subpcis 3, ${small(0x100)}`)),
  ...cases('cmpeqb', () => `cmpeqb cr${small(8)}, 4, 5`),
  ...cases(
    'cmpeqb match',
    () => `rldimi 5, 4, ${8 * small(8)}, ${56 - 8 * small(8) < 0 ? 0 : 0}\ncmpeqb ` + `cr${small(8)}, 4, 5`,
  ),
  ...cases('cmprb', () => `cmprb cr${small(8)}, ${small(2)}, 4, 5`),
  ...['brh', 'brw', 'brd'].flatMap((m) => cases(m, () => `${m} 3, 4`)),
  ...['pdepd', 'pextd', 'cfuged', 'cntlzdm', 'cnttzdm'].flatMap((m) => cases(m, () => `${m} 3, 4, 5`)),
  ...cases('mcrxrx', () => `mcrxrx cr${small(8)}`),
  ...['divwe', 'divweu', 'divde', 'divdeu'].flatMap((m) =>
    cases(m, () => `${m}${['', 'o', '.', 'o.'][small(4)]} 3, 4, 5`),
  ),
  ...['prtyw', 'prtyd'].flatMap((m) => cases(m, () => `${m} 3, 4`)),
  ...cases('bpermd', () => `bpermd 3, 4, 5`),
  ...cases('bpermd small indexes', () => `li 10, 0x3f\nand 4, 4, 10\nbpermd 3, 4, 5`),
  ...cases('addex', () => `addex 3, 4, 5, 0`),
  ...cases('isel', () => `isel 3, ${[0, 4, 6][small(3)]}, ${[0, 5, 6][small(3)]}, ${small(32)}`),
  ...['cnttzw', 'cnttzd'].flatMap((m) => cases(m, () => `${m}${small(2) ? '.' : ''} 3, 4`)),
  ...['modsw', 'moduw', 'modsd', 'modud'].flatMap((m) => cases(m, () => `${m} 3, 4, 5`)),
  // (64-bit dividends by divisors below 2^32: the long-division path)
  ...['modsd', 'modud'].flatMap((m) =>
    cases(`${m} small divisor`, () => `li 5, ${small(2) ? '' : '-'}${1 + small(30000)}\n${m} 3, 4, 5`),
  ),
  ...['modsd', 'modud'].flatMap((m) =>
    cases(`${m} word divisor`, () => `lis 5, ${small(0x8000)}\nori 5, 5, ${small(0x10000)}\n${m} 3, 4, 5`),
  ),
  // special-purpose registers a user program may touch (qemu has TAR, VRSAVE and PVR)
  ...cases('tar', () => `mttar 4\nmftar 3`),
  // (VRSAVE is a 32-bit register: qemu keeps all 64 bits written, so only words are compared)
  ...cases('vrsave', () => `clrldi 4, 4, 32\nmtvrsave 4\nmfvrsave 3`),
  ...cases('pvr', () => `mfpvr 3`),
  // reservations and quadwords on the scratch area
  ...cases(
    'lbarx/stbcx.',
    () =>
      `lis 10, scratch@ha\naddi 10, 10, scratch@l\nstd 4, 0(10)\nli 11, ${small(8)}\nlbarx ` +
      `3, 10, 11\nstbcx. 5, 10, 11\nmfcr 6\nld 7, 0(10)\nstbcx. 5, 10, 11\nmfcr 8`,
  ),
  ...cases(
    'lharx/sthcx.',
    () =>
      `lis 10, scratch@ha\naddi 10, 10, scratch@l\nstd 4, 0(10)\nli 11, ` +
      `${2 * small(4)}\nlharx 3, 10, 11\nsthcx. 5, 10, 11\nmfcr 6\nld 7, 0(10)\nsthcx. 5, ` +
      `0, 10\nmfcr 8`,
  ),
  // (qemu 7.2's stqcx. fails even right after lqarx of the same quadword: checked without it below)
  ...cases(
    'lqarx',
    () => `lis 10, scratch@ha\naddi 10, 10, scratch@l\nstd 4, 16(10)\nstd 5, 24(10)\nli 11, ` + `16\nlqarx 6, 10, 11`,
  ),
  ...cases(
    'stqcx. without a reservation',
    () => `lis 10, scratch@ha\naddi 10, 10, scratch@l\nli 11, 32\nstqcx. 4, 10, 11\nmfcr 3\nld ` + `5, 32(10)`,
  ),
  ...cases(
    'lq/stq',
    () =>
      `lis 10, scratch@ha\naddi 10, 10, scratch@l\nstd 4, 32(10)\nstd 5, 40(10)\nlq 6, ` +
      `32(10)\nstq 6, 48(10)\nld 3, 48(10)\nld 4, 56(10)\nstq 4, ${8 * small(8)}(10)\nld ` +
      `5, 0(10)\nld 8, 8(10)`,
  ),
];

test('fixed-point family: the interpreter equals qemu-ppc64le on generated inputs', (t) => {
  const diffs = diffAgainstQemu(t, ALL);
  if (diffs === undefined) return;
  assert.deepEqual(diffs.slice(0, 30), [], `${diffs.length} of ${ALL.length} cases differ`);
});

test('lqarx/stqcx.: the store succeeds on the reserved quadword (RSp at ea + 8, RSp+1 at ea) and only once', () => {
  const data = new Uint8Array(64);
  new DataView(data.buffer).setBigUint64(16, 0x1111n, true);
  new DataView(data.buffer).setBigUint64(24, 0x2222n, true);
  // r10 = data + 16: lqarx 6,0,10; stqcx. 4,0,10 (r4 = 0xaaaa, r5 = 0xbbbb); mfcr 3; stqcx. again; mfcr 8
  const src = 'lqarx 6, 0, 10\nstqcx. 4, 0, 10\nmfcr 3\nstqcx. 4, 0, 10\nmfcr 8\n';
  const ran = runAsm(src, { 10: 0x10100010n, 4: 0xaaaan, 5: 0xbbbbn }, data);
  assert.equal(ran.t.getGpr(6), 0x2222n);
  assert.equal(ran.t.getGpr(7), 0x1111n);
  assert.equal(ran.t.getGpr(3), 0x20000000n);
  assert.equal(ran.t.getGpr(8), 0n);
  assert.equal(ran.mem.read(0x10100010n, 8), 0xbbbbn);
  assert.equal(ran.mem.read(0x10100018n, 8), 0xaaaan);
});

test('darn: deterministic, L=0 a 32-bit value, L=1/L=2 never the error value, L=3 the error value', () => {
  const src = 'darn 3, 0\ndarn 4, 1\ndarn 5, 2\ndarn 6, 3\ndarn 7, 0\n';
  const a = runAsm(src);
  const b = runAsm(src);
  for (let k = 3; k <= 7; k++) assert.equal(a.t.getGpr(k), b.t.getGpr(k), `r${k} repeats`);
  assert.ok(a.t.getGpr(3) <= 0xffffffffn);
  assert.ok(a.t.getGpr(7) <= 0xffffffffn);
  assert.notEqual(a.t.getGpr(3), a.t.getGpr(7), 'two draws differ');
  assert.notEqual(a.t.getGpr(4), 0xffffffffffffffffn);
  assert.notEqual(a.t.getGpr(5), 0xffffffffffffffffn);
  assert.equal(a.t.getGpr(6), 0xffffffffffffffffn);
});
