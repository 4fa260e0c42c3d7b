// Invalid forms and faulting cases of the fixed-point and prefixed families: each word runs alone in
// a program (r4 = a 64-byte aligned buffer, r5 = 8) and the fatal signal (or a clean exit) must be
// the one qemu-ppc64le -cpu power10 gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execProgram } from '../../sim/exec';
import { buildWithGnu, runQemu } from './gnu';

/** [label, the instruction lines, the exit status when qemu cannot be the reference] */
const CASES: [string, string, number?][] = [
  ['lq with RTp = RA', '.long 0xe0840000'],
  ['lq with an odd RTp', '.long 0xe0a40000'],
  ['lq unaligned (no check, as qemu)', 'addi 4, 4, 8\n lq 6, 0(4)'],
  ['lqarx with an odd RTp', '.long 0x7ca02228'],
  ['lqarx with RTp = RA', '.long 0x7c842a28'],
  ['lqarx with RTp = RB', '.long 0x7c852228'],
  ['lqarx unaligned', 'addi 4, 4, 8\n lqarx 6, 0, 4'],
  ['stq with an odd RSp', '.long 0xf8a40002'],
  ['stqcx. with an odd RSp', '.long 0x7ca0216d'],
  ['lharx unaligned', 'addi 4, 4, 1\n lharx 6, 0, 4'],
  ['lbarx unaligned is fine', 'addi 4, 4, 1\n lbarx 6, 0, 4'],
  ['lswi in little-endian mode', '.long 0x7c642cab'],
  // qemu 7.2 aborts on these ("Unknown exception 0x5"): SIGBUS, as lswi and lmw
  ['lswx in little-endian mode', '.long 0x7c642c2a', 135],
  ['stswi in little-endian mode', '.long 0x7c642daa', 135],
  ['stswx in little-endian mode', '.long 0x7c642d2a', 135],
  ['addex CY=1', 'addex 3, 4, 5, 1'],
  ['addex CY=2', 'addex 3, 4, 5, 2'],
  ['addex CY=3', 'addex 3, 4, 5, 3'],
  ['setb with a reserved bit', '.long 0x7c650100'],
  ['setbc with RB set (qemu ignores it)', '.long 0x7c640b00'],
  ['cnttzd with RB set (qemu ignores it)', '.long 0x7c832c74'],
  ['brd with Rc', '.long 0x7c830177'],
  ['mfspr of SRR0', 'mfspr 3, 26'],
  // prefixed instructions
  // qemu 7.2 aborts on the alignment interrupt of a crossing prefixed instruction ("Unknown exception
  // 0x5"); Linux gives SIGBUS
  ['pld crossing a 64-byte boundary', '.balign 64\n .rept 15\n nop\n .endr\n .long 0x04000000\n .long 0xe4640000', 135],
  [
    'pld just before a 64-byte boundary is fine',
    '.balign 64\n .rept 14\n nop\n .endr\n .long 0x04000000\n .long 0xe4640000',
  ],
  ['an unknown prefixed instruction', '.balign 64\n .long 0x04000000\n .long 0x00000000'],
  [
    'an unknown prefixed instruction crossing a 64-byte boundary',
    '.balign 64\n .rept 15\n nop\n .endr\n .long 0x04000000\n .long 0x00000000',
    135,
  ],
  [
    'a prefixed instruction crossing a page',
    '.balign 4096\n .rept 1023\n nop\n .endr\n .long 0x04000000\n .long 0xe4640000',
    135,
  ],
  ['pld with R=1 and RA != 0', '.balign 64\n .long 0x04100000\n .long 0xe4640000'],
  ['paddi with R=1 and RA != 0', '.balign 64\n .long 0x06100000\n .long 0x38640000'],
  ['plq with an odd RTp (qemu executes it)', '.balign 64\n .long 0x04000000\n .long 0xe0a40000'],
  ['pstq with an odd RSp (qemu executes it)', '.balign 64\n .long 0x04000000\n .long 0xf0a40000'],
  ['plq with RTp = r31', '.balign 64\n .long 0x04000000\n .long 0xe3e40000', 132],
  ['pnop with a suffix that is not an instruction', '.balign 64\n .long 0x07000000\n .long 0xffffffff'],
  ['mtspr of a PMC', 'mtspr 787, 3'],
];

test('invalid forms and faults: the same fatal signal as qemu-ppc64le', (t) => {
  const diffs: string[] = [];
  for (const [label, code, expected] of CASES) {
    const src = `    .abiversion 2
    .text
    .globl _start
_start:
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 5, 8
    ${code.replace(/\.long (0x[0-9a-f]+) \| 0/, '.long $1')}
    li 0, 1
    li 3, 0
    sc
    .data
    .balign 64
buf: .space 128
`;
    const built = buildWithGnu(t, src);
    if (!built) return;
    try {
      const sim = execProgram(built.program, { maxSteps: 5000 });
      if (expected !== undefined) {
        if (sim.exitCode !== expected)
          diffs.push(`${label}: expected ${expected}, ours ${sim.exitCode} (${sim.message ?? ''})`);
        continue;
      }
      const ref = runQemu(t, built.exe);
      if (!ref) return;
      if (sim.exitCode !== ref.status)
        diffs.push(`${label}: qemu ${ref.status}, ours ${sim.exitCode} (${sim.message ?? ''})`);
    } finally {
      built.cleanup();
    }
  }
  assert.deepEqual(diffs, []);
});
