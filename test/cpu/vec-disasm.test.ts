// The disassembler on every VMX/VSX row against GNU objdump: for each row, words with its fixed bits
// and random operand bits (fixed seed); objdump's text (spaces collapsed) must equal ours. Rows whose
// extended mnemonic needs equal fields (xxmr, vmr...) get words with those fields equal too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { disassemble } from '../../sim/cpu/disasm';
import { VMX_DEFS } from '../../sim/cpu/isa/vmx-defs';
import { VSX_DEFS } from '../../sim/cpu/isa/vsx-defs';
import { INSTALL, requireTool } from '../helpers/tools';
import { rng } from './vec-harness';

test('vector rows disassemble as objdump prints them', (t) => {
  if (!requireTool(t, 'powerpc64le-linux-gnu-objdump', INSTALL.binutils)) return;
  const r = rng(5);
  const words: number[] = [];
  for (const fam of [VMX_DEFS, VSX_DEFS]) {
    for (const d of fam.defs) {
      for (let k = 0; k < 12; k++) {
        let w = (d.match | (r() & ~d.mask)) >>> 0;
        if (d.matches && !d.matches(w)) {
          // make the A and B register fields (and their high bits) equal
          w = (w & ~((31 << 11) | 2)) | (((w >>> 16) & 31) << 11) | (((w >>> 2) & 1) << 1);
          w >>>= 0;
          if (!d.matches(w)) continue;
        }
        words.push(w);
      }
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'wplab-vdis-'));
  try {
    const bin = join(dir, 'w.bin');
    const buf = Buffer.alloc(words.length * 4);
    words.forEach((w, i) => buf.writeUInt32LE(w, 4 * i));
    writeFileSync(bin, buf);
    const dump = execFileSync(
      'powerpc64le-linux-gnu-objdump',
      ['-D', '-b', 'binary', '-m', 'powerpc:common64', '-EL', '-M', 'power10', bin],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
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
      if (mine !== ref) diffs.push(`${word.toString(16).padStart(8, '0')}: objdump "${ref}" ours "${mine}"`);
    }
    assert.ok(n > 4000, `objdump listed ${n} words`);
    assert.deepEqual(diffs.slice(0, 60), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
