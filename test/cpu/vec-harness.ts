// Differential testing of vector instructions against qemu-ppc64le: for each instruction a loop runs
// it on many generated operand sets (fixed seeds): each iteration loads VA/VB/VC/VD (v1, v2, v3, v4 or
// vs1..vs4), r4..r6, CR and VSCR from a table, executes the instruction, and stores VD, VSCR (mfvscr),
// CR and r3. The whole output is written to stdout; the interpreter (execProgram) must print the
// same bytes. Mismatches are reported per instruction and iteration with the inputs.
import type { TestContext } from 'node:test';
import { OPERANDS, type OperandName } from '../../sim/asm/encode';
import type { InsnDef } from '../../sim/cpu/isa/insn-def';
import { execProgram } from '../../sim/exec';
import { buildWithGnu } from './gnu';
import { spawnSync } from 'node:child_process';
import { INSTALL, requireTool } from '../helpers/tools';

/** xorshift64*: deterministic 32-bit values */
export function rng(seed: number): () => number {
  let x = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  return () => {
    x ^= x >> 12n;
    x ^= (x << 25n) & 0xffffffffffffffffn;
    x ^= x >> 27n;
    x &= 0xffffffffffffffffn;
    return Number(((x * 0x2545f4914f6cdd1dn) >> 32n) & 0xffffffffn);
  };
}

export type Kind = 'int' | 'float' | 'bytes';

/** 16 bytes of an operand: elements of a random size, each an edge value or random bits */
export function vecValue(r: () => number, kind: Kind): Uint8Array {
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  if (kind === 'float') {
    for (let k = 0; k < 4; k++) {
      const pick = r() % 16;
      let v: number;
      const f = new Float32Array(1),
        u = new Uint32Array(f.buffer);
      switch (pick) {
        case 0:
          v = 0;
          break;
        case 1:
          v = 0x80000000;
          break;
        case 2:
          v = 0x7f800000;
          break;
        case 3:
          v = 0xff800000;
          break;
        case 4:
          v = 0x7fc00000 | (r() & 0x3fffff);
          break; // qNaN
        case 5:
          v = 0x7f800001 + (r() & 0x3ffffe);
          break; // sNaN
        case 6:
          v = (r() & 0x807fffff) >>> 0;
          break; // denormal
        case 7:
          v = 0x3f800000;
          break;
        case 8:
          v = 0x00800000 | (r() & 0x80000000);
          break;
        case 9:
          f[0] = ((r() % 2000) - 1000) / 8;
          v = u[0];
          break; // small exact values
        case 10:
          f[0] = (r() % 100000) / 7 - 5000;
          v = u[0];
          break;
        case 11:
          v = (0x4e000000 + (r() & 0x01ffffff)) >>> 0;
          break; // around 2^29..2^32
        default:
          v = r() >>> 0;
      }
      dv.setUint32(4 * k, v >>> 0, true);
    }
    return out;
  }
  const size = [1, 2, 4, 8, 16][r() % 5];
  for (let e = 0; e < 16; e += size) {
    const pick = r() % 10;
    for (let b = 0; b < size; b++) {
      let v: number;
      const top = b === size - 1;
      switch (pick) {
        case 0:
          v = 0;
          break;
        case 1:
          v = 0xff;
          break;
        case 2:
          v = top ? 0x80 : 0;
          break; // the sign bit alone (most negative)
        case 3:
          v = top ? 0x7f : 0xff;
          break; // the largest positive
        case 4:
          v = b === 0 ? 1 : 0;
          break;
        case 5:
          v = b === 0 ? r() % 20 : 0;
          break; // small
        default:
          v = r() & 0xff;
      }
      out[e + b] = v;
    }
  }
  if (kind === 'bytes' && r() % 3 === 0) out[r() % 16] = 0; // strings: a zero byte now and then
  return out;
}

export function gprValue(r: () => number, small: boolean): bigint {
  if (small || r() % 3 === 0) return BigInt(r() % 40);
  return (BigInt(r()) << 32n) | BigInt(r());
}

/** One loop: `text` (the instruction, operands fixed) run `n` times on generated inputs. */
export interface Case {
  label: string;
  text: string;
  n: number;
  kind: Kind;
  /** values of r4/r5/r6 small (indexes, shift counts) */
  smallGpr?: boolean;
  /** the VSCR values to start from (default: NJ, NJ|SAT, 0) */
  vscr?: number[];
  /** a fixed r5 (lxvl lengths in the high byte...) */
  gpr?: (r: () => number, k: number) => bigint | undefined;
  /** adjusts the generated VA/VB/VC/VD (j = 0..3, memory order bytes) in place */
  vec?: (r: () => number, v: Uint8Array[]) => void;
  /** r4/r5/r6 (j = 0..2) of iteration k, when given (addresses: the table is at TABLE, the scratch at SCRATCH) */
  gprs?: (r: () => number, k: number, j: number) => bigint | undefined;
  /** assembly before and after the instruction (after: may fill VD, v6 and r3, which are stored) */
  pre?: string;
  post?: string;
}

/** where runCases puts its input table (the start of .data) and an 8256-byte scratch area (.bss: two pages and more) */
export const TABLE = 0x10100000n;
export const SCRATCH = 0x10200000n;

const ITER = 112; // bytes of inputs per iteration: VA VB VC VD (64), VSCR as a vector (16), r4 r5 r6 CR (32)
const OUT = 64; // bytes of outputs per iteration: VD, VSCR vector, CR, r3, v6

function hex16(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

export interface Outcome {
  diffs: string[];
  iterations: number;
}

/**
 * Builds one program for the cases, runs it under qemu (cpu) and the interpreter, and returns the
 * mismatching iterations (at most `maxReport`).
 */
export function runCases(t: TestContext, cases: Case[], opts: RunOpts): Outcome | undefined {
  // the data table must stay below 1 MiB (the test link puts .bss 1 MiB after .data)
  const all: Outcome = { diffs: [], iterations: 0 };
  let batch: Case[] = [];
  let n = 0;
  const flush = (seed: number): boolean => {
    if (batch.length === 0) return true;
    const o = runBatch(t, batch, { ...opts, seed });
    if (!o) return false;
    all.diffs.push(...o.diffs);
    all.iterations += o.iterations;
    batch = [];
    n = 0;
    return true;
  };
  let seed = opts.seed;
  for (const c of cases) {
    if (n + c.n > 8000 && !flush(seed++)) return undefined;
    batch.push(c);
    n += c.n;
  }
  if (!flush(seed)) return undefined;
  return all;
}

export interface RunOpts {
  seed: number;
  cpu?: string;
  regs?: 'v' | 'vs-low';
  maxReport?: number;
}

function runBatch(t: TestContext, cases: Case[], opts: RunOpts): Outcome | undefined {
  const r = rng(opts.seed);
  const data: Uint8Array[] = [];
  const inputs: { c: Case; k: number; off: number }[] = [];
  const low = opts.regs === 'vs-low';
  // load/store registers: VA VB VC VD as VSX numbers
  const [ra, rb, rc, rd] = low ? [1, 2, 3, 4] : [33, 34, 35, 36];
  let body = '';
  let iterOff = 0;
  let outOff = 0;
  cases.forEach((c, ci) => {
    body += `
    # ${c.label}
    lis 20, (tab+${iterOff})@ha
    addi 20, 20, (tab+${iterOff})@l
    lis 21, (out+${outOff})@ha
    addi 21, 21, (out+${outOff})@l
    li 0, ${c.n}
    mtctr 0
.Lc${ci}:
    LDQ ${ra}, 0
    LDQ ${rb}, 16
    LDQ ${rc}, 32
    LDQ ${rd}, 48
    LDQ 32, 64
    ld 4, 80(20)
    ld 5, 88(20)
    ld 6, 96(20)
    lwz 7, 104(20)
    mtcr 7
    mtvscr 0
    li 3, 0
    lis 9, ${Number(SCRATCH >> 16n)}
    ${c.pre ?? ''}
    ${c.text}
    ${c.post ?? ''}
    STQ 38, 48
    STQ ${rd}, 0
    mfvscr 5
    STQ 37, 16
    mfcr 0
    std 0, 32(21)
    std 3, 40(21)
    addi 20, 20, ${ITER}
    addi 21, 21, ${OUT}
    bdnz .Lc${ci}
`;
    for (let k = 0; k < c.n; k++) {
      const it = new Uint8Array(ITER);
      const dv = new DataView(it.buffer);
      const vs4 = [0, 1, 2, 3].map(() => vecValue(r, c.kind));
      c.vec?.(r, vs4);
      for (let j = 0; j < 4; j++) it.set(vs4[j], 16 * j);
      for (let j = 0; j < 3; j++) {
        let g = gprValue(r, c.smallGpr ?? false);
        if (j === 1 && c.gpr) g = c.gpr(r, k) ?? g;
        if (c.gprs) g = c.gprs(r, k, j) ?? g;
        dv.setBigUint64(80 + 8 * j, g, true);
      }
      dv.setUint32(104, r() >>> 0, true); // CR
      const vs = c.vscr ?? [0x10000, 0x10000, 0x10001, 0];
      dv.setUint32(64, vs[r() % vs.length], true); // VSCR: word 3 of the vector mtvscr reads
      inputs.push({ c, k, off: iterOff });
      data.push(it);
      iterOff += ITER;
      outOff += OUT;
    }
  });
  const table = Buffer.concat(data.map((d) => Buffer.from(d)));
  const src = `
    .abiversion 2
    # POWER8 sequences (lxvd2x/stxvd2x with a doubleword swap) for the little-endian quadwords, so
    # that the same program runs under -cpu power8; vs40 is the scratch
    .macro LDQ r, off
    li 0, \\off
    lxvd2x \\r, 20, 0
    xxswapd \\r, \\r
    .endm
    .macro STQ r, off
    xxswapd 40, \\r
    li 0, \\off
    stxvd2x 40, 21, 0
    .endm
    .text
    .globl _start
_start:
${body}
    li 0, 4
    li 3, 1
    lis 4, out@ha
    addi 4, 4, out@l
    lis 5, ${outOff >>> 16}
    ori 5, 5, ${outOff & 0xffff}
    sc
    li 0, 1
    li 3, 0
    sc
    .data
    .balign 16
tab:
${chunkBytes(table)}
    .bss
    .balign 16
scratch:
    .space 8256
out:
    .space ${outOff}
`;
  const built = buildWithGnu(t, src);
  if (!built) return undefined;
  try {
    if (!requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return undefined;
    const q = spawnSync('qemu-ppc64le', ['-cpu', opts.cpu ?? 'power10', built.exe], {
      timeout: 120000,
      maxBuffer: 1 << 28,
    });
    const sim = execProgram(built.program, { maxSteps: 200_000_000 });
    const diffs: string[] = [];
    if (q.status !== 0) diffs.push(`qemu exited ${q.status} ${q.signal ?? ''} ${q.stderr.toString().slice(0, 300)}`);
    if (sim.exitCode !== 0) diffs.push(`simulator exited ${sim.exitCode}: ${sim.message ?? ''}`);
    const qo = q.stdout,
      so = Buffer.from(sim.stdout);
    const names = ['VD', 'VSCR', 'CR', 'r3', 'v6'];
    for (let i = 0; i < inputs.length && diffs.length < (opts.maxReport ?? 40); i++) {
      const o = i * OUT;
      const a = qo.subarray(o, o + OUT),
        b = so.subarray(o, o + OUT);
      if (a.equals(b)) continue;
      const { c, k, off } = inputs[i];
      const inp = table.subarray(off, off + ITER);
      const parts: string[] = [];
      const fields: [number, number][] = [
        [0, 16],
        [16, 16],
        [32, 8],
        [40, 8],
        [48, 16],
      ];
      fields.forEach(([fo, n], j) => {
        const x = a.subarray(fo, fo + n),
          y = b.subarray(fo, fo + n);
        if (!x.equals(y)) parts.push(`${names[j]} qemu=${beHex(x)} sim=${beHex(y)}`);
      });
      diffs.push(
        `${c.label} #${k}: ${parts.join(' ')} | VA=${beHex(inp.subarray(0, 16))} ` +
          `VB=${beHex(inp.subarray(16, 32))} VC=${beHex(inp.subarray(32, 48))} ` +
          `VD=${beHex(inp.subarray(48, 64))} r4=${gx(inp, 80)} r5=${gx(inp, 88)} ` +
          `r6=${gx(inp, 96)} vscr=${inp.readUInt32LE(64).toString(16)}`,
      );
    }
    if (qo.length !== so.length) diffs.push(`output length qemu=${qo.length} sim=${so.length}`);
    return { diffs, iterations: inputs.length };
  } finally {
    if (process.env.VEC_KEEP) console.log(`kept ${built.exe}`);
    else built.cleanup();
  }
}

/** a little-endian register image printed as the ISA's big-endian hex */
function beHex(b: Uint8Array): string {
  return hex16(Uint8Array.from(b).reverse());
}
function gx(b: Buffer, o: number): string {
  return b.readBigUInt64LE(o).toString(16);
}
function chunkBytes(b: Buffer): string {
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 32) lines.push('    .byte ' + Array.from(b.subarray(i, i + 32)).join(','));
  return lines.join('\n');
}

// ---- cases from family rows ------------------------------------------------------------------

const REG: Partial<Record<OperandName, (low: boolean) => string>> = {
  VD: () => '4',
  VA: () => '1',
  VB: () => '2',
  VC: () => '3',
  XT: (l) => (l ? '4' : '36'),
  XA6: (l) => (l ? '1' : '33'),
  XB6: (l) => (l ? '2' : '34'),
  XC6: (l) => (l ? '3' : '35'),
  RT: () => '3',
  RA: () => '4',
  RB: () => '5',
  RCV: () => '6',
  RA0: () => '4',
  BFV: () => '5',
};

/** immediate values to try for an operand (all of a small range, a sample of a large one) */
function immValues(name: OperandName, r: () => number): number[] {
  const o = OPERANDS[name];
  const min = Number(o.min),
    max = Number(o.max);
  if (max - min < 16) return Array.from({ length: max - min + 1 }, (_, k) => min + k);
  const vs = new Set([min, max, 0, 1]);
  while (vs.size < 8) vs.add(min + (r() % (max - min + 1)));
  return [...vs].filter((v) => v >= min && v <= max);
}

/**
 * The cases of a row: one per combination of immediate values (at most `maxImm`), `n` iterations
 * each (split among the combinations), with Rc=0 and, for rows with a record form, Rc=1.
 */
export function rowCases(
  def: InsnDef,
  n: number,
  kind: Kind,
  opts: {
    low?: boolean;
    smallGpr?: boolean;
    maxImm?: number;
    imm?: Partial<Record<string, number[]>>;
    vscr?: number[];
    vec?: Case['vec'];
  } = {},
): Case[] {
  const r = rng(def.match);
  const regs: string[] = [];
  const imms: number[][] = [];
  const immPos: number[] = [];
  def.operands.forEach((op, k) => {
    const reg = REG[op];
    // a GPR result in RA (mfvsrd...) goes to r3, which the harness stores
    if (op === 'RA' && k === 0) regs[k] = '3';
    else if (reg) regs[k] = reg(opts.low ?? false);
    else {
      immPos.push(k);
      imms.push(opts.imm?.[op] ?? immValues(op, r));
    }
  });
  // combinations of immediates, capped
  let combos: number[][] = [[]];
  for (const vs of imms) combos = combos.flatMap((c) => vs.map((v) => [...c, v]));
  const cap = opts.maxImm ?? 16;
  if (combos.length > cap) {
    const pick: number[][] = [];
    for (let k = 0; k < cap; k++) pick.push(combos[Math.floor((k * combos.length) / cap)]);
    combos = pick;
  }
  const per = Math.max(4, Math.ceil(n / combos.length));
  const out: Case[] = [];
  const forms = def.rc ? ['', '.'] : [''];
  for (const f of forms) {
    for (const c of combos) {
      const ops = def.operands.map((_, k) => (regs[k] !== undefined ? regs[k] : String(c[immPos.indexOf(k)])));
      const text = `${def.name}${f} ${ops.join(', ')}`.trim();
      out.push({ label: text, text, n: per, kind, smallGpr: opts.smallGpr, vscr: opts.vscr, vec: opts.vec });
    }
  }
  return out;
}
