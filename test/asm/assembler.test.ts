// What the assembler gives the debugger besides bytes: the line table, the symbol table with sizes
// and types, the entry point, sections and layouts; and syntax details (comments, `;`, local labels).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble } from '../../sim/asm/assembler';
import { addressesForLine, lineForAddress } from '../../sim/asm/line-table';
import { formatDiagnostic, type Program } from '../../sim/program';

function ok(source: string, options?: Parameters<typeof assemble>[2]): Program {
  const r = assemble(source, 'prog.s', options);
  if (!r.ok) assert.fail(r.errors.map(formatDiagnostic).join('\n'));
  return r.value;
}

const word = (p: Program, addr: bigint): number => {
  const s = p.sections.find((x) => addr >= x.addr && addr < x.addr + BigInt(x.bytes.length))!;
  const o = Number(addr - s.addr);
  return (s.bytes[o] | (s.bytes[o + 1] << 8) | (s.bytes[o + 2] << 16) | (s.bytes[o + 3] << 24)) >>> 0;
};

const PROG = `	.abiversion 2
	.text
	.globl _start
	.type _start, @function
_start:
	li 3, 1          # line 6
	bl f
	b .
	.size _start, .-_start

	.type f, @function
f:	addi 3, 3, 1; blr
	.size f, .-f

	.data
	.globl value
	.type value, @object
value:	.quad 42
	.size value, 8
msg:	.ascii "hi"
	.bss
buf:	.space 16
	.set CONST, 0x10
`;

test('line table: every instruction and data line, sorted by address', () => {
  const p = ok(PROG);
  assert.deepEqual(
    p.lines.map((l) => [l.addr.toString(16), l.size, l.line, l.section, l.insn]),
    [
      ['10000000', 4, 6, '.text', true],
      ['10000004', 4, 7, '.text', true],
      ['10000008', 4, 8, '.text', true],
      ['1000000c', 4, 12, '.text', true],
      ['10000010', 4, 12, '.text', true],
      ['10100000', 8, 18, '.data', false],
      ['10100008', 2, 20, '.data', false],
      ['10200000', 16, 22, '.bss', false],
    ],
  );
  for (const l of p.lines) assert.equal(l.file, 'prog.s');
});

test('lineForAddress finds the line containing an address, addressesForLine goes back', () => {
  const p = ok(PROG);
  assert.equal(lineForAddress(p, 0x10000004n)?.line, 7);
  assert.equal(lineForAddress(p, 0x10000006n)?.line, 7);
  assert.equal(lineForAddress(p, 0x10100007n)?.line, 18);
  assert.equal(lineForAddress(p, 0x10000014n), undefined);
  assert.equal(lineForAddress(p, 0xfffffffn), undefined);
  assert.deepEqual(addressesForLine(p, 12), [0x1000000cn, 0x10000010n]);
  assert.deepEqual(addressesForLine(p, 18), [0x10100000n]);
  assert.deepEqual(addressesForLine(p, 1), []);
});

test('symbols: values, sizes, types, sections, globals, definition lines', () => {
  const p = ok(PROG);
  const pick = (n: string) => {
    const s = p.symbols.get(n);
    assert.ok(s, `symbol ${n}`);
    return [s.value.toString(16), s.size, s.section, s.type, s.global, s.line];
  };
  assert.deepEqual(pick('_start'), ['10000000', 12, '.text', 'function', true, 5]);
  assert.deepEqual(pick('f'), ['1000000c', 8, '.text', 'function', false, 12]);
  assert.deepEqual(pick('value'), ['10100000', 8, '.data', 'object', true, 18]);
  assert.deepEqual(pick('msg'), ['10100008', 0, '.data', 'notype', false, 20]);
  assert.deepEqual(pick('buf'), ['10200000', 0, '.bss', 'notype', false, 22]);
  assert.deepEqual(pick('CONST'), ['10', 0, '*ABS*', 'notype', false, 23]);
  assert.equal(p.entry, 0x10000000n);
});

test('sections: .text, .data, .bss at the default layout; .bss is zeros', () => {
  const p = ok(PROG);
  const byName = new Map(p.sections.map((s) => [s.name, s]));
  assert.equal(byName.get('.text')!.addr, 0x10000000n);
  assert.equal(byName.get('.text')!.exec, true);
  assert.equal(byName.get('.data')!.addr, 0x10100000n);
  assert.equal(byName.get('.bss')!.addr, 0x10200000n);
  assert.equal(byName.get('.bss')!.nobits, true);
  assert.deepEqual([...byName.get('.bss')!.bytes], new Array(16).fill(0));
  // bl f: displacement 8 from 0x10000004
  assert.equal(word(p, 0x10000004n), 0x48000009);
  // b . is a branch to itself
  assert.equal(word(p, 0x10000008n), 0x48000000);
});

test('a custom layout moves sections, and data holding addresses follows', () => {
  const p = ok('_start: lis 3, v@ha\n addi 3, 3, v@l\n .data\nv: .quad v\n', {
    layout: { text: 0x20000000n, data: 0x30008000n },
  });
  assert.equal(p.sections.find((s) => s.name === '.text')!.addr, 0x20000000n);
  assert.equal(word(p, 0x20000000n), 0x3c603001); // lis 3, 0x3001 (ha of 0x30008000)
  assert.equal(word(p, 0x20000004n), 0x38638000); // addi 3, 3, -0x8000
  assert.equal(word(p, 0x30008000n), 0x30008000);
  assert.equal(p.entry, 0x20000000n);
});

test('entry is _start when defined elsewhere than the start of .text', () => {
  const p = ok(' nop\n nop\n .globl _start\n_start: blr\n');
  assert.equal(p.entry, 0x10000008n);
});

test('comments (#, /* */ across lines), ; separators, labels sharing a line, forward references', () => {
  const p = ok('/* a\n  block */ li 3, 1 /* inline */ ; li 4, 2 # trailing\na: b: bne cr1, fwd\n nop\nfwd: blr\n');
  assert.deepEqual(
    p.lines.map((l) => l.line),
    [2, 2, 3, 4, 5],
  );
  assert.equal(p.symbols.get('a')!.value, p.symbols.get('b')!.value);
  assert.equal(word(p, 0x10000008n), 0x40860008); // bne cr1, +8
});

test('local numeric labels: nearest 1b backward and 1f forward', () => {
  const p = ok('1: nop\n b 1b\n b 1f\n1: b 1b\n b 1b\n');
  assert.equal(word(p, 0x10000004n), 0x4bfffffc); // back to 0
  assert.equal(word(p, 0x10000008n), 0x48000004); // forward to 0xc
  assert.equal(word(p, 0x1000000cn), 0x48000000); // to itself
  assert.equal(word(p, 0x10000010n), 0x4bfffffc); // back to 0xc
  assert.equal([...p.symbols.keys()].length, 0, 'local labels are not in the symbol table');
});

test('.set with a forward reference, and = assignments', () => {
  const p = ok(' li 3, N\n .set N, end - start\nstart: nop\n nop\nend:\nM = N * 2\n li 4, M\n');
  assert.equal(word(p, 0x10000000n), 0x38600008);
  assert.equal(word(p, 0x1000000cn), 0x38800010);
});

test('.rodata follows .text at its alignment; .text.* joins .text after .text', () => {
  const p = ok(
    ' nop\n .section .rodata\n .p2align 3\nr: .quad 7\n .section .text.hot,"ax",@progbits\nh: blr\n .text\n nop\n',
  );
  const ro = p.sections.find((s) => s.name === '.rodata')!;
  assert.equal(ro.addr, 0x10000010n);
  assert.equal(p.symbols.get('r')!.section, '.rodata');
  assert.equal(p.symbols.get('h')!.value, 0x10000008n);
  assert.equal(p.symbols.get('h')!.section, '.text');
});

test('registers may be written 3, r3 or %r3; CR bits as 4*crN+eq', () => {
  const a = ok(' add 3, 4, 5\n add r3, r4, r5\n add %r3, %r4, %r5\n crand 4*cr1+eq, 4*cr2+gt, so\n crand 6, 9, 3\n');
  assert.equal(word(a, 0x10000000n), word(a, 0x10000004n));
  assert.equal(word(a, 0x10000000n), word(a, 0x10000008n));
  assert.equal(word(a, 0x1000000cn), word(a, 0x10000010n));
});

test('labels named like f/v registers (v1, f2) are labels in operands', () => {
  const p = ok(' lis 3, v1@ha\n addi 3, 3, v1@l\n b f2\nf2: blr\n .data\n .quad 0\nv1: .quad 5\n');
  assert.equal(word(p, 0x10000000n), 0x3c601010);
  assert.equal(word(p, 0x10000004n), 0x38630008);
  assert.equal(word(p, 0x10000008n), 0x48000004);
});
