// Differential testing of floating-point instructions against qemu-ppc64le -cpu power10: one
// assembly program per group of instructions runs every instruction on a table of cases (FPSCR,
// CR and four 128-bit operand registers, all loaded from .data), storing the target register,
// the FPSCR (mffs) and the CR after each; the program writes the whole result block to stdout.
// The same executable runs under qemu and under the interpreter (execProgram), and the blocks are
// compared case by case.
import type { TestContext } from 'node:test';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execProgram } from '../../sim/exec';
import { spawnSync } from 'node:child_process';
import { INSTALL, requireTool } from '../helpers/tools';
import { buildWithGnu } from './gnu';
import { bitsOf, D_EDGES, fromBits, randDouble, randSingle, Rng, S_EDGES } from './fp-values';
import { fpx as fpxRef } from '../../sim/cpu/isa/fp-arith';
import { roundValue as roundValueRef } from '../../sim/cpu/isa/fp-round';
import { fprfD as fprfDRef, summaries as summariesRef } from '../../sim/cpu/isa/fpscr';
import { fpToInt as fpToIntRef, intOut as intOutRef } from '../../sim/cpu/isa/fp-arith';

const fromBitsH = fromBits;
const bitsOfH = bitsOf;

export interface Case {
  fpscr: bigint;
  cr: number;
  /** operand registers A, B, C and the target's initial value: [doubleword 0, doubleword 1] */
  a: [bigint, bigint];
  b: [bigint, bigint];
  c: [bigint, bigint];
  t: [bigint, bigint];
}

export interface Outcome {
  t: [bigint, bigint];
  fpscr: bigint;
  cr: number;
}

/** Registers the template's {T} {A} {B} {C} stand for. */
export interface Regs {
  t: number;
  a: number;
  b: number;
  c: number;
}
/** FPR instructions: f4 = f1 op f2 (f3) */
export const FP_REGS: Regs = { t: 4, a: 1, b: 2, c: 3 };
/** VSX instructions: both halves of the VSR file */
export const VSX_REGS: Regs = { t: 36, a: 33, b: 34, c: 3 };

export interface InsnTest {
  /** the assembly of the instruction, with {T} {A} {B} {C} for the registers */
  asm: string;
  cases: Case[];
  /**
   * A documented deviation: return true when qemu's and our outcomes may differ here (the ISA and
   * qemu disagree and we follow the ISA). Called only for cases that differ.
   */
  allow?: (c: Case, qemu: Outcome, ours: Outcome) => boolean;
}

const REC_IN = 80;
const FR = 1n << 18n;
const REC_OUT = 32;

function program(tests: InsnTest[], regs: Regs): { source: string; data: Buffer; outSize: number } {
  const total = tests.reduce((n, x) => n + x.cases.length, 0);
  const data = Buffer.alloc(total * REC_IN);
  let o = 0;
  for (const x of tests) {
    for (const c of x.cases) {
      data.writeBigUInt64LE(c.fpscr, o);
      data.writeBigUInt64LE(BigInt(c.cr >>> 0), o + 8);
      const quads = [c.a, c.b, c.c, c.t];
      quads.forEach((q, k) => {
        data.writeBigUInt64LE(q[0], o + 16 + 16 * k);
        data.writeBigUInt64LE(q[1], o + 24 + 16 * k);
      });
      o += REC_IN;
    }
  }
  const lines = [
    '\t.abiversion 2',
    '\t.text',
    '\t.globl _start',
    '_start:',
    '\tlis 30, cases@ha',
    '\taddi 30, 30, cases@l',
    '\tlis 31, results@ha',
    '\taddi 31, 31, results@l',
    '\tli 24, 16',
    '\tli 25, 32',
    '\tli 26, 48',
    '\tli 27, 64',
  ];
  tests.forEach((x, k) => {
    const insn = x.asm
      .replace(/\{T\}/g, String(regs.t))
      .replace(/\{A\}/g, String(regs.a))
      .replace(/\{B\}/g, String(regs.b))
      .replace(/\{C\}/g, String(regs.c));
    lines.push(
      `\tlis 29, ${x.cases.length >>> 16}`,
      `\tori 29, 29, ${x.cases.length & 0xffff}`,
      '\tmtctr 29',
      `.Lcase${k}:`,
      '\tlfd 0, 0(30)',
      '\tmtfsf 0xff, 0, 1, 0',
      '\tld 0, 8(30)',
      '\tmtcrf 0xff, 0',
      `\tlxvd2x ${regs.a}, 30, 24`,
      `\tlxvd2x ${regs.b}, 30, 25`,
      `\tlxvd2x ${regs.c}, 30, 26`,
      `\tlxvd2x ${regs.t}, 30, 27`,
      `\t${insn}`,
      '\tmfcr 28',
      `\tstxvd2x ${regs.t}, 0, 31`,
      '\tmffs 0',
      '\tstfd 0, 16(31)',
      '\tstd 28, 24(31)',
      '\taddi 30, 30, 80',
      '\taddi 31, 31, 32',
      `\tbdnz .Lcase${k}`,
    );
  });
  lines.push(
    // write() everything (a write may be partial: loop)
    '\tlis 30, results@ha',
    '\taddi 30, 30, results@l',
    `\tlis 29, ${(total * REC_OUT) >>> 16}`,
    `\tori 29, 29, ${(total * REC_OUT) & 0xffff}`,
    '.Lwrite:',
    '\tli 0, 4',
    '\tli 3, 1',
    '\tmr 4, 30',
    '\tmr 5, 29',
    '\tsc',
    '\tadd 30, 30, 3',
    '\tsubf 29, 3, 29',
    '\tcmpdi 29, 0',
    '\tbgt .Lwrite',
    '\tli 0, 1',
    '\tli 3, 0',
    '\tsc',
    '\t.data',
    '\t.balign 16',
    'cases:',
    '\t.incbin "cases.bin"',
    '\t.balign 16',
    'results:',
    `\t.space ${total * REC_OUT}`,
    '',
  );
  return { source: lines.join('\n'), data, outSize: total * REC_OUT };
}

function outcome(buf: Uint8Array, i: number): Outcome | undefined {
  const o = i * REC_OUT;
  if (buf.length < o + REC_OUT) return undefined;
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return {
    t: [b.readBigUInt64LE(o), b.readBigUInt64LE(o + 8)],
    fpscr: b.readBigUInt64LE(o + 16),
    cr: Number(b.readBigUInt64LE(o + 24) & 0xffffffffn),
  };
}

const h = (v: bigint) => '0x' + v.toString(16).padStart(16, '0');
const h32 = (v: number) => '0x' + (v >>> 0).toString(16).padStart(8, '0');

export function describe(c: Case): string {
  return (
    `fpscr=${h(c.fpscr)} cr=${h32(c.cr)} A=${h(c.a[0])}:${h(c.a[1])} ` +
    `B=${h(c.b[0])}:${h(c.b[1])} C=${h(c.c[0])}:${h(c.c[1])} T=${h(c.t[0])}:${h(c.t[1])}`
  );
}
function show(x: Outcome | undefined): string {
  return x ? `T=${h(x.t[0])}:${h(x.t[1])} fpscr=${h(x.fpscr)} cr=${h32(x.cr)}` : '(missing)';
}

/**
 * Runs the instructions under qemu and the interpreter; returns one line per case whose outcomes
 * differ (and are not an allowed deviation), at most `limit` per instruction. undefined: skipped
 * (no tools).
 */
export function diffGroup(t: TestContext, tests: InsnTest[], regs: Regs, limit = 8): string[] | undefined {
  const { source, data } = program(tests, regs);
  const run = runBoth(t, source, data);
  if (run === undefined || Array.isArray(run)) return run;
  const diffs: string[] = [];
  let i = 0;
  for (const x of tests) {
    let n = 0;
    let hidden = 0;
    for (const c of x.cases) {
      const q = outcome(run.qemu, i);
      const s = outcome(run.sim, i);
      i++;
      // FPSCR[FR] is compared by the unit tests: qemu never computes it (it keeps its old value)
      const same =
        q && s && q.t[0] === s.t[0] && q.t[1] === s.t[1] && (q.fpscr & ~FR) === (s.fpscr & ~FR) && q.cr === s.cr;
      if (same) continue;
      if (q && s && x.allow?.(c, q, s)) continue;
      if (n++ < limit) diffs.push(`${x.asm}: ${describe(c)}\n    qemu ${show(q)}\n    ours ${show(s)}`);
      else hidden++;
    }
    if (hidden) diffs.push(`${x.asm}: ${hidden} more`);
  }
  return diffs;
}

/**
 * Builds `source` (which may `.incbin "cases.bin"`, the bytes of `data`) with GNU as/ld and runs
 * it under qemu and the interpreter: both standard outputs, or the reasons a run failed, or
 * undefined when a tool is missing (the test is skipped).
 */
export function runBoth(
  t: TestContext,
  source: string,
  data: Buffer = Buffer.alloc(0),
): { qemu: Buffer; sim: Uint8Array } | string[] | undefined {
  const built = buildWithGnuData(t, source, data);
  if (!built) return undefined;
  try {
    if (!requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return undefined;
    const ref = spawnSync('qemu-ppc64le', ['-cpu', 'power10', built.exe], { timeout: 60000, maxBuffer: 1 << 28 });
    const sim = execProgram(built.program, { maxSteps: 500_000_000 });
    const errors: string[] = [];
    if (ref.status !== 0) errors.push(`qemu exited with ${ref.status} (${ref.signal ?? ''})`);
    if (sim.exitCode !== 0) errors.push(`simulator exited with ${sim.exitCode}: ${sim.message ?? ''}`);
    if (errors.length) return errors;
    return { qemu: ref.stdout, sim: sim.stdout };
  } finally {
    built.cleanup();
  }
}

function buildWithGnuData(t: TestContext, source: string, data: Buffer) {
  // buildWithGnu assembles p.S in a fresh directory; .incbin paths are relative to the
  // assembler's working directory, so the data goes in by absolute path instead
  const dir = join(process.env.TMPDIR ?? '/tmp', `wplab-fp-${process.pid}-${Math.floor(Math.random() * 1e9)}.bin`);
  writeFileSync(dir, data);
  try {
    return buildWithGnu(t, source.replace('"cases.bin"', JSON.stringify(dir)));
  } finally {
    // the object file has the bytes now
    rmSync(dir, { force: true });
  }
}

// ---- case generation ----------------------------------------------------------------------------

export type Kind = 'd' | 's' | 'i64' | 'i32' | 'vd' | 'vs' | 'vw' | 'vh';

/** FPSCR bits a case may start with (no enables: qemu-user turns an enabled exception into SIGFPE) */
const STICKY = [
  1n << 28n,
  1n << 27n,
  1n << 26n,
  1n << 25n,
  1n << 24n,
  1n << 23n,
  1n << 22n,
  1n << 21n,
  1n << 20n,
  1n << 19n,
  1n << 10n,
  1n << 9n,
  1n << 8n,
];

function operand(r: Rng, kind: Kind): [bigint, bigint] {
  const rnd64 = () => (BigInt(r.u32()) << 32n) | BigInt(r.u32());
  const s2 = () => (BigInt(randSingle(r)) << 32n) | BigInt(randSingle(r));
  switch (kind) {
    case 'd':
      return [randDouble(r), rnd64()];
    case 's': {
      // a double that is (mostly) a single-precision value
      const v = r.int(3) === 0 ? randDouble(r) : singleAsDouble(randSingle(r));
      return [v, rnd64()];
    }
    case 'i64':
      return [randInt64(r), rnd64()];
    case 'i32':
      return [BigInt.asUintN(64, BigInt(randInt32(r))), rnd64()];
    case 'vd':
      return [randDouble(r), randDouble(r)];
    case 'vs':
      return [s2(), s2()];
    case 'vw': {
      const w2 = () => (BigInt(randInt32(r) >>> 0) << 32n) | BigInt(randInt32(r) >>> 0);
      return [r.int(2) ? w2() : randInt64(r), r.int(2) ? w2() : randInt64(r)];
    }
    case 'vh': {
      const hw = () =>
        BigInt(
          r.pick([0, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0x7d00, 0x0001, 0x03ff, 0x0400, 0x7bff, 0x3c00, r.u32() & 0xffff]),
        );
      const w = () => (hw() << 48n) | (hw() << 32n) | (hw() << 16n) | hw();
      return [w(), w()];
    }
  }
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
function singleAsDouble(w: number): bigint {
  U32[0] = w;
  const x = F32[0];
  if (x !== x) {
    // a single NaN widened as lfs does (its payload in the high fraction bits)
    const frac = BigInt(w & 0x7fffff);
    return (BigInt(w >>> 31) << 63n) | (0x7ffn << 52n) | (frac << 29n);
  }
  return bitsOf(x);
}

function randInt32(r: Rng): number {
  switch (r.int(4)) {
    case 0:
      return r.pick([0, 1, -1, 0x7fffffff, -0x80000000, 0x7ffffffe, -0x7fffffff, 0x1000000, 0xffffff, 0x1000001]);
    case 1:
      return (r.u32() >>> r.int(32)) * (r.int(2) ? 1 : -1);
    default:
      return r.u32() | 0;
  }
}
function randInt64(r: Rng): bigint {
  switch (r.int(5)) {
    case 0:
      return BigInt.asUintN(
        64,
        r.pick([
          0n,
          1n,
          -1n,
          (1n << 63n) - 1n,
          -(1n << 63n),
          (1n << 53n) + 1n,
          (1n << 53n) - 1n,
          (1n << 54n) + 2n,
          (1n << 54n) + 6n,
          (1n << 62n) + 1n,
          (1n << 24n) + 1n,
          (1n << 25n) + 3n,
          0xffffffffn,
          0x100000000n,
        ]),
      );
    case 1: {
      const bits = 1 + r.int(64);
      const v = (BigInt(r.u32()) << 32n) | BigInt(r.u32());
      const x = v >> BigInt(64 - bits);
      return BigInt.asUintN(64, r.int(2) ? x : -x);
    }
    case 2: {
      // a few set bits spread out: ties and near-ties when rounded to 53 or 24 bits
      let v = 1n << BigInt(r.int(64));
      for (let k = r.int(4); k > 0; k--) v |= 1n << BigInt(r.int(64));
      return BigInt.asUintN(64, r.int(3) === 0 ? -v : v);
    }
    default:
      return (BigInt(r.u32()) << 32n) | BigInt(r.u32());
  }
}

/**
 * `n` operand sets of the kinds (A, B, C), each run in the four rounding modes, from a clear FPSCR
 * and from one with sticky bits, FR/FI/FPRF and DRN preset: 8n cases.
 */
export function genCases(seed: number, n: number, kinds: [Kind, Kind, Kind]): Case[] {
  const r = new Rng(seed);
  const out: Case[] = [];
  for (let i = 0; i < n; i++) {
    const a = operand(r, kinds[0]);
    const b = operand(r, kinds[1]);
    const c = operand(r, kinds[2]);
    // the target's initial value: an operand too (the VSX multiply-adds of the A form add it)
    const t: [bigint, bigint] = r.int(2)
      ? operand(r, kinds[0])
      : [(BigInt(r.u32()) << 32n) | BigInt(r.u32()), (BigInt(r.u32()) << 32n) | BigInt(r.u32())];
    const cr = r.u32() | 0;
    for (let rn = 0n; rn < 4n; rn++) {
      out.push({ fpscr: rn, cr, a, b, c, t });
      let f = rn | (BigInt(r.int(8)) << 32n);
      for (const bit of STICKY) if (r.int(3) === 0) f |= bit;
      if (f & 0xfff80700n) f |= 1n << 31n; // FX with any exception bit (as every instruction leaves it)
      f |= BigInt(r.u32() & 0x7f000); // FR FI FPRF
      out.push({ fpscr: f, cr, a, b, c, t });
    }
  }
  return out;
}

/** Cases with the given operand pairs (edge values crossed) in the four modes, clear FPSCR. */
export function crossCases(values: [bigint, bigint][], second: [bigint, bigint][] = values): Case[] {
  const out: Case[] = [];
  const t: [bigint, bigint] = [0x0123456789abcdefn, 0xfedcba9876543210n];
  for (const a of values)
    for (const b of second) for (let rn = 0n; rn < 4n; rn++) out.push({ fpscr: rn, cr: 0, a, b, c: b, t });
  return out;
}

export const DOUBLE_EDGES: [bigint, bigint][] = D_EDGES.map((d) => [d, 0x5555555555555555n]);
export const SINGLE_EDGES: [bigint, bigint][] = S_EDGES.map((s) => [singleAsDouble(s), 0x5555555555555555n]);

// ---- documented deviations from qemu (we follow the ISA) ------------------------------------------

type Rule = (c: Case, q: Outcome, s: Outcome) => boolean;
const FPRF_MASK = 0x1fn << 12n;
const FI_BIT = 1n << 17n;
const sameExcept = (q: Outcome, s: Outcome, fpscrMask: bigint) =>
  q.t[0] === s.t[0] &&
  q.t[1] === s.t[1] &&
  q.cr === s.cr &&
  (q.fpscr & ~fpscrMask & ~FR) === (s.fpscr & ~fpscrMask & ~FR);
const fprfOf = (f: bigint) => Number((f >> 12n) & 0x1fn);

/** Any of the rules. */
export const anyOf =
  (...rules: Rule[]): Rule =>
  (c, q, s) =>
    rules.some((r) => r(c, q, s));

/**
 * A single-precision result that is a denormalized single (but a normal double): the ISA's FPRF
 * is "denormalized" (the class in the result's format, as PowerPC hardware reports it); qemu
 * classifies the double ("normal").
 */
export const singleDenormFprf: Rule = (_c, q, s) =>
  sameExcept(q, s, FPRF_MASK) &&
  ((fprfOf(s.fpscr) === 0x14 && fprfOf(q.fpscr) === 0x04) || (fprfOf(s.fpscr) === 0x18 && fprfOf(q.fpscr) === 0x08));

/** qemu leaves FPRF unchanged (fcfidu, fcfids, fcfidus); the ISA sets it to the result's class. */
export const fprfNotSet: Rule = (c, q, s) => sameExcept(q, s, FPRF_MASK) && fprfOf(q.fpscr) === fprfOf(c.fpscr);

/** qemu clears FI in fcmpu/fcmpo (its FP status check); the ISA leaves FI alone. */
export const fiKeptByCompare: Rule = (c, q, s) =>
  sameExcept(q, s, FI_BIT) && (q.fpscr & FI_BIT) === 0n && (s.fpscr & FI_BIT) === (c.fpscr & FI_BIT);

/**
 * fnmadd/fnmsub in round toward +/-infinity: the ISA negates the rounded fmadd/fmsub result; qemu
 * negates before rounding, so its result is rounded the other way (one unit apart, or infinity
 * against the largest finite number, zero against the smallest denormal). FPRF follows the result.
 */
export const negateAfterRounding =
  (single: boolean): Rule =>
  (c, q, s) => {
    const rn = Number(c.fpscr & 3n);
    // (CR1 of a record form reflects the FPSCR compared below)
    if (rn < 2 || q.t[1] !== s.t[1] || (q.cr & ~0x0f000000) !== (s.cr & ~0x0f000000)) return false;
    // the class, and overflow/underflow (one rounding overflows where the other does not) may differ
    const m = FPRF_MASK | (1n << 28n) | (1n << 27n) | (1n << 31n) | FR;
    if ((q.fpscr & ~m) !== (s.fpscr & ~m)) return false;
    const unit = (x: bigint) => (single ? BigInt(single32(x)) : x);
    const d = unit(q.t[0]) - unit(s.t[0]);
    return d === 1n || d === -1n;
  };
const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
const F32b = new Float32Array(1);
const U32b = new Uint32Array(F32b.buffer);
/** the single-precision bits of a double holding a single value (sign kept for zeros) */
function single32(x: bigint): number {
  U64[0] = x;
  F32b[0] = F64[0];
  return U32b[0];
}

/** fre/fres of a zero: ISA: infinity (ZX); qemu returns 1/2. */
export const reciprocalOfZero: Rule = (c, q, s) =>
  (c.b[0] & ~(1n << 63n)) === 0n &&
  (q.t[0] & ~(1n << 63n)) === 0x3fe0000000000000n &&
  (s.t[0] & ~(1n << 63n)) === 0x7ff0000000000000n &&
  q.t[1] === s.t[1] &&
  (q.fpscr & ~FPRF_MASK & ~FR) === (s.fpscr & ~FPRF_MASK & ~FR);

/** fcmpo of a NaN: qemu also sets FPRF's C bit (C|FU); the ISA sets only FPCC (FU). */
export const cBitByFcmpo: Rule = (c, q, s) =>
  sameExcept(q, s, (1n << 16n) | FI_BIT) &&
  (q.fpscr & (1n << 16n)) !== 0n &&
  (s.fpscr & (1n << 16n)) === (c.fpscr & (1n << 16n));

const bit = (n: number) => 1n << BigInt(n);
const OX_B = bit(28),
  UX_B = bit(27),
  ZX_B = bit(26),
  FX_B = bit(31),
  XX_B = bit(25);

/**
 * Vector instructions leave FI alone in the ISA; qemu clears it (with FR) when a lane has an invalid
 * operation or a zero divide. And its status check reports overflow or underflow, not both: a
 * vector with one lane overflowing and another underflowing gets no UX from qemu.
 */
export const vectorFiUx: Rule = (c, q, s) => {
  if (q.t[0] !== s.t[0] || q.t[1] !== s.t[1] || q.cr !== s.cr) return false;
  const d = (q.fpscr ^ s.fpscr) & ~FR;
  if ((d & ~(FI_BIT | UX_B)) !== 0n) return false;
  if (d & FI_BIT && !((q.fpscr & FI_BIT) === 0n && (s.fpscr & FI_BIT) === (c.fpscr & FI_BIT))) return false;
  if (d & UX_B && !((s.fpscr & UX_B) !== 0n && (q.fpscr & OX_B) !== 0n)) return false;
  return true;
};

/** xsredp/xsrsqrtedp/xvre*: qemu does not report the zero divide of a reciprocal of zero (ZX); the ISA does. */
export const reciprocalZx: Rule = (_c, q, s) => {
  if (q.t[0] !== s.t[0] || q.t[1] !== s.t[1] || q.cr !== s.cr) return false;
  const d = (q.fpscr ^ s.fpscr) & ~FR;
  return (d & ~(ZX_B | FX_B | FI_BIT)) === 0n && (s.fpscr & ZX_B) !== 0n && (q.fpscr & ZX_B) === 0n;
};

/**
 * Vector fnmadd-type lanes in round toward +/-infinity: each lane equal or one unit apart (the ISA
 * negates the rounded result, qemu negates before rounding); OX/UX/FX may follow.
 */
export const laneNegateAfterRounding =
  (single: boolean): Rule =>
  (c, q, s) => {
    if (Number(c.fpscr & 3n) < 2 || q.cr !== s.cr) return false;
    const m = OX_B | UX_B | FX_B | FR | FI_BIT;
    if ((q.fpscr & ~m) !== (s.fpscr & ~m)) return false;
    for (let k = 0; k < 2; k++) {
      const a = q.t[k],
        b = s.t[k];
      if (single) {
        for (const sh of [0n, 32n]) {
          const d = ((a >> sh) & 0xffffffffn) - ((b >> sh) & 0xffffffffn);
          if (d > 1n || d < -1n) return false;
        }
      } else if (a - b > 1n || b - a > 1n) return false;
    }
    return true;
  };

/**
 * The xs*sp arithmetic in qemu rounds twice (to double, then to single, as frsp); the ISA rounds the
 * exact result once. Allowed when qemu's outcome is exactly that double rounding (modelled with our
 * own arithmetic) and ours differs from it.
 */
export const qemuDoubleRounded =
  (op: (a: number, b: number, rn: number) => number): Rule =>
  (c, q, s) => {
    void s;
    const rn = Number(c.fpscr & 3n);
    const a = fromBitsH(c.a[0]);
    const b = fromBitsH(c.b[0]);
    const d = op(a, b, rn);
    const ex1 = fpxRef.ex;
    if (d !== d) return false;
    const r = roundValueRef(d, rn, 1);
    const ex = ex1 | fpxRef.ex;
    if (q.t[0] !== bitsOfH(r) || q.t[1] !== 0n) return false;
    const exc = BigInt(ex & 0x1ff80700 & ~(1 << 17) & ~(1 << 18));
    const init = c.fpscr & ~(FI_BIT | FPRF_MASK | FR);
    let want = init | exc | (ex & (1 << 17) ? FI_BIT : 0n) | BigInt(fprfDRef(r));
    if ((exc & ~c.fpscr) !== 0n) want |= FX_B;
    want = BigInt.asUintN(32, BigInt(summariesRef(Number(want & 0xffffffffn) | 0))) | (want & ~0xffffffffn);
    return (q.fpscr & ~FR) === (want & ~FR);
  };

/**
 * qemu 7.2's vector float-to-integer conversions keep the softfloat flags across lanes: after an
 * invalid lane, a later lane's result is replaced (by the NaN default, or after an out-of-range
 * lane by softfloat's saturated value) even when that lane converts normally; the ISA converts
 * every lane on its own. Allowed when qemu's result is exactly that model of ours (lanes in
 * element order; FPSCR as vectorFiUx allows).
 * kind: 0 int32 1 uint32 2 int64 3 uint64; src: 'd' doubles, 's' singles; dst: 'w' words (element
 * i), 'dw' doublewords from words 2i ('w2' words 2i and 2i+1 from doubleword i).
 */
export const qemuStickyCvt =
  (kind: number, src: 'd' | 's', dst: 'w' | 'dw' | 'w2'): Rule =>
  (c, q, s) => {
    if (q.cr !== s.cr || !vectorFiUx(c, { ...q, t: s.t }, s)) return false;
    const signed = kind === 0 || kind === 2;
    const wide = kind >= 2;
    const rnan = signed ? (wide ? 0x8000000000000000n : 0x80000000n) : 0n;
    const maxv = wide ? (signed ? 0x7fffffffffffffffn : 0xffffffffffffffffn) : signed ? 0x7fffffffn : 0xffffffffn;
    const b = c.b;
    const F32 = new Float32Array(1);
    const U32 = new Uint32Array(F32.buffer);
    const lanes: number[] = [];
    if (src === 'd') lanes.push(fromBitsH(b[0]), fromBitsH(b[1]));
    else {
      const words = [Number(b[0] >> 32n), Number(b[0] & 0xffffffffn), Number(b[1] >> 32n), Number(b[1] & 0xffffffffn)];
      for (const w of dst === 'w' ? words : [words[0], words[2]]) {
        U32[0] = w;
        lanes.push(F32[0]);
      }
    }
    let invalid = false;
    let cvti = false;
    const out: bigint[] = [];
    for (const x of lanes) {
      fpToIntRef(x, 1, [0, 1, 2, 3][kind]);
      const ex = fpxRef.ex;
      let v = BigInt.asUintN(wide ? 64 : 32, (BigInt(intOutRef.hi >>> 0) << 32n) | BigInt(intOutRef.lo >>> 0));
      const ret = x !== x ? maxv : v;
      if (ex & (1 << 8)) {
        invalid = true;
        if (x === x) cvti = true;
      }
      if (invalid) v = cvti ? ret : rnan;
      out.push(v);
    }
    let t0: bigint, t1: bigint;
    if (dst === 'w' && !wide) [t0, t1] = [(out[0] << 32n) | out[1], (out[2] << 32n) | out[3]];
    else if (dst === 'w2') [t0, t1] = [(out[0] << 32n) | out[0], (out[1] << 32n) | out[1]];
    else [t0, t1] = [out[0], out[1]];
    return q.t[0] === t0 && q.t[1] === t1;
  };

/**
 * A multiply-add of 0 x infinity with a signaling NaN addend: the ISA sets VXSNAN and VXIMZ (every
 * invalid condition that holds); qemu only VXIMZ.
 */
export const imzWithSnan: Rule = (_c, q, s) =>
  sameExcept(q, s, bit(24) | FX_B) &&
  (s.fpscr & bit(24)) !== 0n &&
  (q.fpscr & bit(24)) === 0n &&
  (s.fpscr & bit(20)) !== 0n;
