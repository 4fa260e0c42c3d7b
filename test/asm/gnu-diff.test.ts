// Byte-exact differential test: each fixture, assembled by sim/asm and by GNU as + ld with the
// link addresses of SCENARIOS.md section 6, must give the same section bytes at the same addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../sim/asm/assembler';
import { lineForAddress } from '../../sim/asm/line-table';
import { formatDiagnostic } from '../../sim/program';
import { INSTALL, requireTool } from '../helpers/tools';
import { gnuAssemble } from './gnu';

const dir = join(__dirname, 'fixtures');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.s'))
  .sort();

test('there are fixtures to compare', () => {
  assert.ok(fixtures.length >= 6, `expected fixtures in ${dir}`);
});

for (const name of fixtures) {
  test(`${name}: same bytes as GNU as + ld`, (t) => {
    const as = requireTool(t, 'powerpc64le-linux-gnu-as', INSTALL.binutils);
    if (!as) return;
    const source = readFileSync(join(dir, name), 'utf8');
    const ours = assemble(source, name);
    if (!ours.ok) assert.fail(ours.errors.map(formatDiagnostic).join('\n'));
    const gnu = gnuAssemble(source, as);
    if (!gnu.ok) assert.fail(`GNU as/ld rejected the fixture:\n${gnu.stderr}`);
    const lines = source.split('\n');
    for (const [sname, g] of gnu.sections) {
      const mine: { addr: bigint; bytes: Uint8Array } | undefined = ours.value.sections.find((s) => s.name === sname);
      assert.ok(mine, `section ${sname} missing from our output`);
      assert.equal(mine.addr, g.addr, `${sname} address`);
      assert.equal(mine.bytes.length, g.bytes.length, `${sname} size`);
      if (sname === '.bss') continue;
      for (let i = 0; i < g.bytes.length; i += 4) {
        const a = Buffer.from(mine.bytes.subarray(i, i + 4)).toString('hex');
        const b = Buffer.from(g.bytes.subarray(i, i + 4)).toString('hex');
        if (a !== b) {
          const addr = g.addr + BigInt(i);
          const le = lineForAddress(ours.value, addr);
          const where = le ? `line ${le.line}: ${lines[le.line - 1].trim()}` : 'no source line';
          assert.fail(`${sname}+0x${i.toString(16)} (0x${addr.toString(16)}): ours ${a}, GNU ${b} (${where})`);
        }
      }
    }
    for (const s of ours.value.sections) {
      if (s.bytes.length > 0) assert.ok(gnu.sections.has(s.name), `we produced ${s.name} but GNU ld did not`);
    }
  });
}
