// Scalar floating-point instructions against qemu-ppc64le -cpu power10 (fp-harness.ts): thousands
// of generated cases per instruction, in the four rounding modes, from a clear FPSCR and from one
// with sticky bits preset; target register (both doublewords), FPSCR and CR compared bit for bit.
// Where qemu and the ISA disagree and we follow the ISA, the case's `allow` says why.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  anyOf,
  cBitByFcmpo,
  crossCases,
  diffGroup,
  DOUBLE_EDGES,
  fiKeptByCompare,
  FP_REGS,
  fprfNotSet,
  genCases,
  imzWithSnan,
  negateAfterRounding,
  reciprocalOfZero,
  singleDenormFprf,
  type Case,
  type InsnTest,
} from './fp-harness';
import { Rng } from './fp-values';

const N = 400;

test('fp arithmetic: fadd fsub fmul fdiv fsqrt and record forms', (t) => {
  const g = (asm: string, seed: number, kinds: ['d' | 's', 'd' | 's', 'd' | 's'] = ['d', 'd', 'd']): InsnTest => ({
    asm,
    cases: genCases(seed, N, kinds),
  });
  const diffs = diffGroup(
    t,
    [
      g('fadd {T},{A},{B}', 1),
      g('fsub. {T},{A},{B}', 2),
      g('fmul {T},{A},{C}', 3),
      g('fdiv. {T},{A},{B}', 4),
      g('fsqrt {T},{B}', 5),
    ],
    FP_REGS,
  );
  if (diffs) assert.deepEqual(diffs, []);
});

type K = 'd' | 's' | 'i64' | 'i32';
const g = (
  asm: string,
  seed: number,
  kinds: [K, K, K] = ['d', 'd', 'd'],
  n = N,
  allow?: InsnTest['allow'],
): InsnTest => ({ asm, cases: genCases(seed, n, kinds), allow });
const single = singleDenormFprf;
function check(t: Parameters<typeof diffGroup>[0], tests: InsnTest[]) {
  const diffs = diffGroup(t, tests, FP_REGS);
  if (diffs) assert.deepEqual(diffs, []);
}

test('fp single-precision arithmetic: one rounding of the exact result to single', (t) => {
  check(t, [
    g('fadds {T},{A},{B}', 11, ['s', 's', 's'], N, single),
    g('fsubs {T},{A},{B}', 12, ['d', 'd', 'd'], N, single),
    g('fmuls. {T},{A},{C}', 13, ['s', 's', 's'], N, single),
    g('fdivs {T},{A},{B}', 14, ['s', 'd', 's'], N, single),
    g('fsqrts {T},{B}', 15, ['s', 's', 's'], N, single),
  ]);
});

test('fp fused multiply-add: fmadd fmsub fnmadd fnmsub, double and single', (t) => {
  check(t, [
    g('fmadd {T},{A},{C},{B}', 21),
    g('fmsub. {T},{A},{C},{B}', 22),
    g('fnmadd {T},{A},{C},{B}', 23, ['d', 'd', 'd'], N, negateAfterRounding(false)),
    g('fnmsub {T},{A},{C},{B}', 24, ['d', 'd', 'd'], N, negateAfterRounding(false)),
    g('fmadds {T},{A},{C},{B}', 25, ['s', 's', 's'], N, single),
    g('fmsubs {T},{A},{C},{B}', 26, ['s', 'd', 's'], N, single),
    g('fnmadds. {T},{A},{C},{B}', 27, ['s', 's', 's'], N, anyOf(single, negateAfterRounding(true))),
    g('fnmsubs {T},{A},{C},{B}', 28, ['d', 's', 'd'], N, anyOf(single, negateAfterRounding(true))),
  ]);
});

test('fp estimates, select and moves: fre fres frsqrte frsqrtes fsel fmr fneg fabs fnabs fcpsgn fmrgew fmrgow', (t) => {
  check(t, [
    g('fre {T},{B}', 31, ['d', 'd', 'd'], N, reciprocalOfZero),
    g('fres {T},{B}', 32, ['d', 'd', 'd'], N, anyOf(single, reciprocalOfZero)),
    g('frsqrte {T},{B}', 33),
    g('frsqrtes {T},{B}', 34, ['d', 'd', 'd'], N, single),
    g('fsel. {T},{A},{C},{B}', 35),
    g('fmr {T},{B}', 36),
    g('fneg. {T},{B}', 37),
    g('fabs {T},{B}', 38),
    g('fnabs {T},{B}', 39),
    g('fcpsgn {T},{A},{B}', 40),
    g('fmrgew {T},{A},{B}', 41, ['d', 'd', 'd'], 50),
    g('fmrgow {T},{A},{B}', 42, ['d', 'd', 'd'], 50),
  ]);
});

test('fp rounding and conversion: frsp fctiw[u][z] fctid[u][z] fcfid[u][s] frin friz frip frim', (t) => {
  check(t, [
    g('frsp {T},{B}', 51, ['d', 'd', 'd'], N, single),
    g('fctiw {T},{B}', 52),
    g('fctiwz. {T},{B}', 53),
    g('fctiwu {T},{B}', 54),
    g('fctiwuz {T},{B}', 55),
    g('fctid {T},{B}', 56),
    g('fctidz {T},{B}', 57),
    g('fctidu {T},{B}', 58),
    g('fctiduz {T},{B}', 59),
    g('fcfid {T},{B}', 60, ['i64', 'i64', 'i64']),
    g('fcfidu. {T},{B}', 61, ['i64', 'i64', 'i64'], N, fprfNotSet),
    g('fcfids {T},{B}', 62, ['i64', 'i64', 'i64'], N, fprfNotSet),
    g('fcfidus {T},{B}', 63, ['i64', 'i64', 'i64'], N, fprfNotSet),
    g('frin {T},{B}', 64),
    g('friz {T},{B}', 65),
    g('frip. {T},{B}', 66),
    g('frim {T},{B}', 67),
  ]);
});

test('fp compares and tests: fcmpu fcmpo ftdiv ftsqrt', (t) => {
  check(t, [
    g('fcmpu cr3,{A},{B}', 71, ['d', 'd', 'd'], N, fiKeptByCompare),
    g('fcmpo cr0,{A},{B}', 72, ['d', 'd', 'd'], N, anyOf(fiKeptByCompare, cBitByFcmpo)),
    g('ftdiv cr5,{A},{B}', 73),
    g('ftsqrt cr1,{B}', 74),
  ]);
});

/** Cases whose FPSCR has random enables but no exception status (an enabled exception would trap in qemu). */
function enableCases(seed: number, n: number): Case[] {
  const r = new Rng(seed);
  return genCases(seed, n, ['d', 'd', 'd']).map((c) => {
    const f = (c.fpscr & ~0xfff80700n) | BigInt(r.u32() & 0xfb); // enables, RN; no VE..XE with status
    return { ...c, fpscr: f & ~(1n << 30n) };
  });
}
/** FRB values for mtfsf: random FPSCR images, without an enable whose exception is set */
function mtfsfCases(seed: number, n: number, enables: boolean): Case[] {
  const r = new Rng(seed);
  return genCases(seed, n, ['d', 'd', 'd']).map((c) => {
    let v = (BigInt(r.u32()) << 32n) | BigInt(r.u32());
    if (enables)
      v &= ~0xfff80700n; // enables but no status bits
    else v &= ~0xf8n; // status but no enables
    return { ...c, b: [v, c.b[1]] as [bigint, bigint], fpscr: enables ? c.fpscr & 3n : c.fpscr & ~0xf8n };
  });
}

test('FPSCR instructions: mffs and its variants, mtfsf, mtfsfi, mtfsb0, mtfsb1, mcrfs', (t) => {
  const tests: InsnTest[] = [
    g('mffs {T}', 81),
    g('mffs. {T}', 82),
    { asm: 'mffsce {T}', cases: enableCases(83, 100) },
    { asm: 'mffsl {T}', cases: enableCases(84, 100) },
    { asm: 'mffscrn {T},{B}', cases: enableCases(85, 100) },
    { asm: 'mffscdrn {T},{B}', cases: enableCases(86, 100) },
    { asm: 'mffscrni {T},2', cases: enableCases(87, 50) },
    { asm: 'mffscdrni {T},5', cases: enableCases(88, 50) },
    { asm: 'mtfsf 0xff,{B}', cases: mtfsfCases(89, 200, false) },
    { asm: 'mtfsf. 0x81,{B}', cases: mtfsfCases(90, 200, false) },
    { asm: 'mtfsf 0x3c,{B}', cases: mtfsfCases(91, 200, false) },
    { asm: 'mtfsf 0x03,{B}', cases: mtfsfCases(92, 200, true) },
    { asm: 'mtfsf 0xff,{B},1,0', cases: mtfsfCases(93, 200, false) },
    { asm: 'mtfsf 0x01,{B},0,1', cases: mtfsfCases(94, 200, false) },
    { asm: 'mtfsf. 0xff,{B},1,0', cases: mtfsfCases(95, 200, true) },
  ];
  for (let bf = 0; bf < 8; bf++) {
    for (const u of [0, 1, 5, 8, 10, 15]) {
      // fields 6 and 7 hold the enables: start from a clear FPSCR there
      const cases =
        bf >= 6
          ? enableCases(100 + bf * 16 + u, 4).map((c) => ({ ...c, fpscr: c.fpscr & 3n }))
          : genCases(100 + bf * 16 + u, 4, ['d', 'd', 'd']);
      tests.push({ asm: `mtfsfi${u & 1 ? '.' : ''} ${bf},${u}`, cases });
      if (bf === 7) tests.push({ asm: `mtfsfi ${bf},${u},1`, cases });
    }
  }
  for (let bt = 0; bt < 32; bt++) {
    const enable = bt >= 24 && bt <= 28;
    const cases = enable
      ? genCases(300 + bt, 6, ['d', 'd', 'd']).map((c) => ({ ...c, fpscr: c.fpscr & 3n }))
      : genCases(300 + bt, 6, ['d', 'd', 'd']);
    tests.push({ asm: `mtfsb0${bt & 1 ? '.' : ''} ${bt}`, cases });
    tests.push({ asm: `mtfsb1${bt & 2 ? '.' : ''} ${bt}`, cases });
  }
  for (let bfa = 0; bfa < 8; bfa++)
    tests.push({ asm: `mcrfs cr${(bfa * 3) & 7},${bfa}`, cases: genCases(400 + bfa, 10, ['d', 'd', 'd']) });
  check(t, tests);
});

test('edge values crossed (zeros, infinities, NaNs, denormals, extremes, ties) in every mode', (t) => {
  const e = DOUBLE_EDGES;
  check(t, [
    { asm: 'fadd {T},{A},{B}', cases: crossCases(e) },
    { asm: 'fsub {T},{A},{B}', cases: crossCases(e) },
    { asm: 'fmul {T},{A},{C}', cases: crossCases(e) },
    { asm: 'fdiv {T},{A},{B}', cases: crossCases(e) },
    { asm: 'fmadd {T},{A},{C},{B}', cases: crossCases(e), allow: imzWithSnan },
    { asm: 'fnmsub {T},{A},{C},{B}', cases: crossCases(e), allow: anyOf(imzWithSnan, negateAfterRounding(false)) },
    { asm: 'fmadds {T},{A},{C},{B}', cases: crossCases(e), allow: anyOf(imzWithSnan, single) },
    { asm: 'fcmpo cr1,{A},{B}', cases: crossCases(e), allow: anyOf(fiKeptByCompare, cBitByFcmpo) },
  ]);
});
