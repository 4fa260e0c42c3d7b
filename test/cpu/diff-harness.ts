// Differential runs against qemu-ppc64le with many generated inputs: each case loads r3..r8, CR and
// XER from a table, runs its code, and stores r3..r8, CR and XER into an output table written to
// stdout at the end (one write for the whole run). The program is built with GNU as/ld; the
// interpreter and qemu run the same executable, and the outputs are compared case by case.
import type { TestContext } from 'node:test';
import { execProgram } from '../../sim/exec';
import { buildWithGnu, runQemu } from './gnu';

export interface DiffCase {
  /** a label for failures */
  name: string;
  /** the instructions; they may use r3..r8 and r10..r12 (r9, r30, r31 are the harness's), and the
   * 256 bytes at `scratch` (64-byte aligned, left as the previous case left them) */
  code: string;
  /** r3..r8 before the code (missing ones are 0) */
  regs: bigint[];
  cr?: number;
  xer?: number;
}

/** A small deterministic generator (xorshift64*), so that a failure reproduces. */
export function rng64(seed: bigint): () => bigint {
  let x = BigInt.asUintN(64, seed) || 1n;
  return () => {
    x ^= x >> 12n;
    x ^= BigInt.asUintN(64, x << 25n);
    x ^= x >> 27n;
    return BigInt.asUintN(64, x * 0x2545f4914f6cdd1dn);
  };
}

/** Values at the edges of 8/16/32/64-bit arithmetic. */
export const EDGES: bigint[] = [
  0n,
  1n,
  2n,
  3n,
  7n,
  0xffn,
  0x7fn,
  0x80n,
  0x7fffn,
  0x8000n,
  0xffffn,
  0x7fffffffn,
  0x80000000n,
  0xffffffffn,
  0x100000000n,
  0x7fffffffffffffffn,
  0x8000000000000000n,
  0xffffffffffffffffn,
  0xfffffffffffffffen,
  0xffffffff00000000n,
  0x00000000fffffffen,
  0x8000000000000001n,
  0xffffffff80000000n,
  0x0123456789abcdefn,
  0xfedcba9876543210n,
];

/** An input mixing edges, random 64-bit values and small numbers. */
export function pick(r: () => bigint): bigint {
  const k = Number(r() % 8n);
  if (k < 3) return EDGES[Number(r() % BigInt(EDGES.length))];
  if (k < 5) return r();
  if (k === 5) return BigInt.asUintN(64, BigInt.asIntN(32, r())); // a sign-extended word
  if (k === 6) return r() & 0xffffffffn;
  return r() % 64n;
}

const PRELUDE = `
    .abiversion 2
    .text
    .globl _start
_start:
    lis 30, inputs@ha
    addi 30, 30, inputs@l
    lis 31, outputs@ha
    addi 31, 31, outputs@l
`;

/** Runs every case under the interpreter and qemu; returns the differences (empty = same), or undefined when a tool
 * is missing. */
export function diffAgainstQemu(t: TestContext, cases: DiffCase[]): string[] | undefined {
  const body: string[] = [];
  const data: string[] = [];
  for (const c of cases) {
    body.push(
      '    ld 3, 0(30)\n    ld 4, 8(30)\n    ld 5, 16(30)\n    ld 6, 24(30)\n    ld 7, ' + '32(30)\n    ld 8, 40(30)',
    );
    body.push('    ld 9, 48(30)\n    mtcr 9\n    ld 9, 56(30)\n    mtxer 9');
    body.push(
      c.code
        .split('\n')
        .map((l) => '    ' + l.trim())
        .join('\n'),
    );
    body.push(
      '    std 3, 0(31)\n    std 4, 8(31)\n    std 5, 16(31)\n    std 6, 24(31)\n    std ' +
        '7, 32(31)\n    std 8, 40(31)',
    );
    body.push(
      '    mfcr 9\n    std 9, 48(31)\n    mfxer 9\n    std 9, 56(31)\n    addi 30, 30, ' + '64\n    addi 31, 31, 64',
    );
    const regs = [...c.regs];
    while (regs.length < 6) regs.push(0n);
    const q = (v: bigint) => '0x' + BigInt.asUintN(64, v).toString(16);
    data.push(`    .quad ${regs.map(q).join(', ')}, ${q(BigInt(c.cr ?? 0))}, ${q(BigInt(c.xer ?? 0))}`);
  }
  const source = `${PRELUDE}${body.join('\n')}
    li 0, 4
    li 3, 1
    lis 4, outputs@ha
    addi 4, 4, outputs@l
    lis 5, ${(cases.length * 64) >>> 16}
    ori 5, 5, ${(cases.length * 64) & 0xffff}
    sc
    li 0, 1
    li 3, 0
    sc
    .data
    .balign 8
inputs:
${data.join('\n')}
    .balign 64
scratch:
    .space 256
    .bss
    .balign 8
outputs:
    .space ${cases.length * 64}
`;
  const built = buildWithGnu(t, source);
  if (!built) return undefined;
  try {
    const ref = runQemu(t, built.exe);
    if (!ref) return undefined;
    if (ref.status !== 0) return [`qemu exited with ${ref.status}`];
    const sim = execProgram(built.program, { maxSteps: 50_000_000 });
    if (sim.exitCode !== 0) return [`the interpreter exited with ${sim.exitCode}: ${sim.message ?? ''}`];
    const mine = Buffer.from(sim.stdout);
    const diffs: string[] = [];
    const labels = ['r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'cr', 'xer'];
    if (ref.stdout.length !== cases.length * 64 || mine.length !== cases.length * 64) {
      return [`output sizes: qemu ${ref.stdout.length}, ours ${mine.length}, expected ${cases.length * 64}`];
    }
    cases.forEach((c, i) => {
      const bad: string[] = [];
      for (let k = 0; k < 8; k++) {
        const a = ref.stdout.readBigUInt64LE(i * 64 + 8 * k);
        const b = mine.readBigUInt64LE(i * 64 + 8 * k);
        if (a !== b) bad.push(`${labels[k]} qemu=${a.toString(16)} ours=${b.toString(16)}`);
      }
      if (bad.length)
        diffs.push(
          `${c.name} ` +
            `[${c.regs.map((v) => '0x' + BigInt.asUintN(64, v).toString(16)).join(',')} ` +
            `cr=${(c.cr ?? 0).toString(16)} xer=${(c.xer ?? 0).toString(16)}] ` +
            `${c.code.replace(/\n/g, '; ')}: ${bad.join(', ')}`,
        );
    });
    return diffs;
  } finally {
    built.cleanup();
  }
}
