// The quad-precision family's rows through the whole tool chain: every row with random operands
// is assembled by GNU as, objdump -d prints it, and our disassembler must print the same text for
// the same word (test/asm/table-diff.test.ts compares our assembler's words with GNU as for every row).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { OPERANDS, type Operand } from '../../sim/asm/encode';
import { disassemble } from '../../sim/cpu/disasm';
import { QP_DEFS } from '../../sim/cpu/isa/qp-defs';
import { Rng } from './fp-values';
import { buildWithGnu } from './gnu';

test('qp rows: objdump and our disassembler print the same text', (t) => {
  const r = new Rng(7000);
  const lines: string[] = [];
  for (const d of QP_DEFS.defs) {
    for (let k = 0; k < 6; k++) {
      const ops = d.operands.map((n) => OPERANDS[n] as Operand);
      lines.push(`\t${d.name} ${ops.map((o) => String(Number(o.min) + r.int(Number(o.max - o.min) + 1))).join(',')}`);
    }
  }
  const built = buildWithGnu(t, ['\t.abiversion 2', '\t.text', '\t.globl _start', '_start:', ...lines, ''].join('\n'));
  if (!built) return;
  try {
    const dump = execFileSync('powerpc64le-linux-gnu-objdump', ['-d', built.exe], { encoding: 'utf8' });
    const diffs: string[] = [];
    let n = 0;
    for (const line of dump.split('\n')) {
      const m = /^\s+([0-9a-f]+):\t((?:[0-9a-f]{2} ){4})\t(.*)$/.exec(line);
      if (!m) continue;
      const b = m[2]
        .trim()
        .split(' ')
        .map((x) => parseInt(x, 16));
      const word = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
      const ref = m[3].replace(/\s+/, ' ').trim();
      const mine = disassemble(word, BigInt('0x' + m[1]));
      if (mine !== ref) diffs.push(`${m[1]}: objdump "${ref}" ours "${mine}"`);
      n++;
    }
    assert.equal(n, lines.length, 'objdump listed every instruction');
    assert.deepEqual(diffs, []);
  } finally {
    built.cleanup();
  }
});
