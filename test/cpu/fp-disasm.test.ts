// The floating-point families' rows (fp, vsx-fp) through the whole tool chain: every row with
// random operands is assembled by GNU as, objdump -d prints it, and our disassembler must print
// the same text for the same word; our assembler must produce the same word (table-diff.test.ts
// covers that too, with other operands).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { OPERANDS, type Operand } from '../../sim/asm/encode';
import { FAMILIES } from '../../sim/cpu/isa/families';
import { disassemble } from '../../sim/cpu/disasm';
import { buildWithGnu } from './gnu';
import { Rng } from './fp-values';

const GNU_REJECTS = new Set(['lfdp', 'lfdpx', 'stfdp', 'stfdpx']);

function operandText(o: Operand, r: Rng, name: string): string {
  if (name === 'RA0' && r.int(4) === 0) return '0';
  const min = Number(o.min);
  const max = Number(o.max);
  const m = o.multiple ?? 1;
  let v = min + r.int(max - min + 1);
  v -= ((v % m) + m) % m;
  if (v < min) v += m;
  return String(v);
}

for (const fam of ['fp', 'vsx-fp']) {
  test(`${fam} rows: objdump and our disassembler print the same text`, (t) => {
    const defs = FAMILIES.find((f) => f.name === fam)!.defs;
    const r = new Rng(fam.length);
    const lines: string[] = ['\t.abiversion 2', '\t.text', '\t.globl _start', '_start:'];
    for (const d of defs) {
      if (d.disasmOnly || GNU_REJECTS.has(d.name)) continue;
      for (let k = 0; k < 4; k++) {
        const ops = d.operands.map((n) => [OPERANDS[n] as Operand, n] as const);
        const parts: string[] = [];
        for (let i = 0; i < ops.length; i++) {
          const [o, n] = ops[i];
          if (o.optional && r.int(2) === 0 && ops.slice(i).every(([x]) => x.optional)) break;
          let text = operandText(o, r, n);
          if (n === 'RA0' && d.access?.update && text === '0') text = '1';
          if (o.parens) {
            const [b, bn] = ops[++i];
            let base = operandText(b, r, bn);
            if (d.access?.update && base === '0') base = '1';
            text = `${text}(${base})`;
          }
          parts.push(text);
        }
        const rc = d.rc && r.int(2) ? '.' : '';
        lines.push(`\t${d.name}${rc} ${parts.join(',')}`);
      }
    }
    const built = buildWithGnu(t, lines.join('\n') + '\n');
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
        n++;
        if (mine !== ref) diffs.push(`${m[1]}: objdump "${ref}" ours "${mine}"`);
      }
      assert.ok(n >= 4, `objdump listed ${n} instructions`);
      assert.deepEqual(diffs, []);
    } finally {
      built.cleanup();
    }
  });
}
