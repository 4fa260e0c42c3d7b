// Prefixed (8-byte, POWER10) instructions in the assembler against GNU as + ld: the pc-relative
// spellings (@pcrel, a bare displacement, explicit R), the nop GNU as puts before a prefixed
// instruction that would cross a 64-byte boundary (at every offset, labels on its line moved past
// the nop, labels on earlier lines not), the 64-byte section alignment, and `.machine`.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { formatDiagnostic } from '../../sim/program';
import { INSTALL, requireTool } from '../helpers/tools';
import { gnuAssemble } from './gnu';

function sameAsGnu(t: TestContext, source: string): void {
  const as = requireTool(t, 'powerpc64le-linux-gnu-as', INSTALL.binutils);
  if (!as) return;
  const ours = assemble(source, 'p.s');
  if (!ours.ok) assert.fail(ours.errors.map(formatDiagnostic).join('\n'));
  const gnu = gnuAssemble(source, as);
  if (!gnu.ok) assert.fail(`GNU as/ld rejected the source:\n${gnu.stderr}`);
  for (const [name, g] of gnu.sections) {
    const mine: { addr: bigint; bytes: Uint8Array } | undefined = ours.value.sections.find((s) => s.name === name);
    assert.ok(mine, `section ${name} missing`);
    assert.equal(mine.addr, g.addr, `${name} address`);
    assert.equal(Buffer.from(mine.bytes).toString('hex'), Buffer.from(g.bytes).toString('hex'), `${name} bytes`);
  }
}

test('pc-relative and absolute spellings: the same words as GNU as', (t) => {
  sameAsGnu(
    t,
    `
    .abiversion 2
    .text
    .globl _start
_start:
    pld 3, x@pcrel
    pla 4, x@pcrel
    pld 5, x+8@pcrel
    pld 6, x@pcrel+8
    pld 7, x
    pla 8, x
    pla 9, 16
    pld 10, 16(0), 1
    pld 11, 16(0), 0
    pld 12, x@pcrel(0)
    paddi 3, 0, x@pcrel, 1
    paddi 3, 0, x@pcrel
    pli 3, x@pcrel
    pli 4, -0x200000000
    pli 5, 0x1ffffffff
    psubi 6, 7, 0x123456789
    plwz 3, _start@pcrel
    pstd 4, y@pcrel
    plxv 34, y@pcrel
    pstfd 1, y@pcrel
    xxspltiw 3, -1
    xxsplti32dx 4, 1, 0xdeadbeef
    pnop
    .data
x:  .quad 1, 2
y:  .quad 3, 4
    .quad _start, x
`,
  );
});

test('a prefixed instruction never crosses a 64-byte boundary: a nop goes first, at every offset', (t) => {
  const lines = ['    .abiversion 2', '    .text', '    .globl _start', '_start:'];
  for (let k = 0; k < 16; k++) {
    lines.push(`    .balign 64`);
    for (let i = 0; i < k; i++) lines.push('    nop');
    lines.push(`l${k}: pld 3, l${k}@pcrel`);
  }
  // labels on earlier lines stay at the nop; a label on the instruction's line moves with it
  lines.push(
    '    .balign 64',
    ...Array(15).fill('    nop'),
    'before:',
    'same = .',
    '    pld 4, before@pcrel',
    '    pld 4, same@pcrel',
  );
  lines.push('    .balign 64', ...Array(15).fill('    nop'), '1:  pla 5, 1b@pcrel', '    pli 6, 2f-1b', '2:');
  // another section gets the 64-byte alignment too
  lines.push(
    '    .section .text.more, "ax"',
    '    nop',
    '    pld 7, 0(4)',
    '    .section .text.third, "ax"',
    '    pnop',
  );
  lines.push('    .data', '    .quad l0, l3, l15, before, same, 1b');
  sameAsGnu(t, lines.join('\n') + '\n');
});

test('errors: R=1 with RA, junk after a bare displacement, @pcrel on a plain instruction, .machine', () => {
  const cases: [string, RegExp][] = [
    ['    pld 3, 16(4), 1\n', /invalid R operand/],
    ['    paddi 3, 4, 0, 1\n', /invalid R operand/],
    ['    pld 3, x@pcrel, 1\nx:\n', /junk after/],
    ['    lwz 3, x@pcrel(0)\nx:\n', /@pcrel/],
    ['    .machine power8\n    pld 3, 0(4)\n', /POWER10 prefixed instruction/],
    [
      '    .machine power9\n    .machine push\n    .machine power10\n    pld 3, 0(4)\n    ' +
        '.machine pop\n    pla 3, 0(4)\n',
      /^4:.*pla.*POWER10|POWER10/,
    ],
    ['    pli 3, 0x200000000\n', /out of range/],
  ];
  for (const [src, re] of cases) {
    const r = assemble(src, 'e.s');
    assert.equal(r.ok, false, src);
    if (r.ok) continue;
    assert.match(r.errors.map(formatDiagnostic).join('\n'), re, src);
  }
  const pushed = assemble(
    '    .machine power9\n    .machine push\n    .machine power10\n    pld 3, 0(4)\n    ' +
      '.machine pop\n    pla 3, 0(4)\n',
    'e.s',
  );
  assert.equal(pushed.ok, false);
  if (!pushed.ok)
    assert.deepEqual(
      pushed.errors.map((e) => e.line),
      [6],
      'only the pla after .machine pop',
    );
  for (const m of ['power10', 'pwr10', 'any', '"power10"', 'future']) {
    assert.equal(assemble(`    .machine ${m}\n    pld 3, 0(4)\n`, 'ok.s').ok, true, m);
  }
});
