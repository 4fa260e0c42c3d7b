// Every error path of the assembler: each case asserts the exact line, column and message, and that
// a file with several errors gets all of them reported (not only the first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble } from '../../sim/asm/assembler';

/** The diagnostics of a source that must fail, as "LINE:COL: message". */
function errors(source: string): string[] {
  const r = assemble(source, 'err.s');
  assert.equal(r.ok, false, `expected errors for:\n${source}`);
  if (r.ok) return [];
  for (const e of r.errors) assert.equal(e.file, 'err.s');
  return r.errors.filter((e) => e.severity === 'error').map((e) => `${e.line}:${e.col}: ${e.message}`);
}

const CASES: [string, string, string[]][] = [
  ['unknown mnemonic', '  nop\n  addx 3,4,5\n', ["2:3: unknown instruction 'addx'"]],
  ['o form where the ISA has none', '  mulhwo 3,4,5\n', ["1:3: unknown instruction 'mulhwo'"]],
  ['. form where the ISA has none', '  popcntd. 3,4\n', ["1:3: unknown instruction 'popcntd.'"]],
  ['too few operands', '  add 3,4\n', ["1:3: 'add' takes 3 operands, not 2 (add RT,RA,RB)"]],
  ['too many operands', '  blr 1\n', ["1:3: 'blr' takes 0 operands, not 1"]],
  ['optional operands counted', '  beq 1, 2, x\nx:\n', ["1:3: 'beq' takes 1 to 2 operands, not 3 (beq [CR],BD)"]],
  [
    'memory operand missing parentheses',
    '  lwz 3, 4\n',
    ["1:3: operand 2 of 'lwz' must be written D(RA), e.g. 8(r1) (lwz RT,D(RA))"],
  ],
  ['parentheses where none belong', '  li 3, 4(5)\n', ["1:3: operand 2 of 'li' takes no '(register)' (li RT,SI)"]],
  ['missing operand between commas', '  add 3,,4\n', ['1:9: missing operand']],
  ['bad register name', '  add 3, r40, 5\n', ["1:10: bad register name 'r40'"]],
  ['bad %register name', '  add 3, %r40, 5\n', ["1:10: bad register name '%r40'"]],
  ['bad CR field', '  cmpwi cr8, 3, 0\n', ["1:9: bad register name 'cr8'"]],
  [
    'register number out of range',
    '  add 40, 3, 4\n',
    ['1:7: register number out of range (40 is not between 0 and 31)'],
  ],
  [
    'register of the wrong kind',
    '  lxv cr1, 0(3)\n',
    ["1:7: operand XT must be a VSX register (vs0..vs63), not the register 'cr1'"],
  ],
  [
    'register where a number belongs',
    '  addi 3, 3, cr1\n',
    ["1:14: operand SI must be a number, not the register 'cr1'"],
  ],
  [
    'signed immediate out of range',
    '  addi 3,3,40000\n',
    ['1:12: operand out of range (40000 is not between -32768 and 32767)'],
  ],
  ['unsigned immediate out of range', '  ori 3,3,-1\n', ['1:11: operand out of range (-1 is not between 0 and 65535)']],
  ['misaligned DS displacement', '  ld 3,3(4)\n', ['1:8: operand out of domain (3 is not a multiple of 4)']],
  ['misaligned DQ displacement', '  lxv vs0, 8(3)\n', ['1:12: operand out of domain (8 is not a multiple of 16)']],
  [
    'an address as a 16-bit immediate',
    'x:\n  li 3, x\n',
    [
      '2:9: operand out of range (268435456 is not between -32768 and 32767) (it is an ' +
        'address in .text; use @l/@ha/@h... to take 16-bit pieces)',
    ],
  ],
  [
    'extended mnemonic out of range',
    '  slwi 3, 4, 40\n',
    ['1:14: operand out of range (40 is not between 0 and 31) in slwi (as rlwinm)'],
  ],
  ['update form with RA=0', '  stwu 3, 8(0)\n', ['1:13: invalid register operand when updating: RA must not be 0']],
  [
    'update load with RA=RT',
    '  lwzu 3, 8(3)\n',
    ['1:13: invalid register operand when updating: RA must not be 0 or the target ' + 'register'],
  ],
  [
    'mfocrf with two fields',
    '  mfocrf 3, 3\n',
    ['1:13: operand FXM must select exactly one CR field (a power of 2), not 3'],
  ],
  ['lmw in little-endian', '  lmw 3, 0(4)\n', ["1:3: 'lmw' is invalid in little-endian mode (GNU as rejects it too)"]],
  ['undefined symbol in a branch', '  b nowhere\n', ["1:5: undefined symbol 'nowhere'"]],
  ['undefined symbol under @l', '  li 3, missing@l\n', ["1:9: undefined symbol 'missing'"]],
  ['undefined symbol in data', '  .data\n  .quad 1, missing\n', ["2:12: undefined symbol 'missing'"]],
  ['undefined local label backward', '  b 1b\n', ["1:5: undefined local label '1b' (no '1:' before it)"]],
  ['undefined local label forward', '1: b 1f\n', ["1:6: undefined local label '1f' (no '1:' after it)"]],
  ['duplicate label', 'a:\n  nop\n a: nop\n', ["3:2: symbol 'a' is already defined (line 1)"]],
  ['label clashing with .set', '  .set a, 1\na:\n', ["2:1: symbol 'a' is already defined (line 1)"]],
  ['unknown directive', '  .foo 1\n', ["1:3: unknown directive '.foo'"]],
  ['unterminated string', ' .ascii "abc\n', ['1:9: unterminated string']],
  ['string expected', ' .asciz 5\n', ['1:9: expected a string in double quotes']],
  ['bad number', '  li 3, 12ab\n', ["1:9: bad number '12ab'"]],
  [
    'conditional branch out of range',
    '  beq far\n  .space 40000\nfar: nop\n',
    [
      '1:7: branch target out of range: displacement 0x9c44 does not fit 16 bits (±32 ' +
        'KiB); use b or bctr for far targets',
    ],
  ],
  [
    'backward conditional branch out of range',
    'back: nop\n  .space 32768\n  bdnz back\n',
    [
      '3:8: branch target out of range: displacement -0x8004 does not fit 16 bits (±32 ' +
        'KiB); use b or bctr for far targets',
    ],
  ],
  [
    'branch out of range',
    '  b far\n  .space 0x2000000\nfar: nop\n',
    ['1:5: branch target out of range: displacement 0x2000004 does not fit 26 bits (±32 ' + 'MiB)'],
  ],
  [
    'hint on an unconditional branch',
    '  b+ x\nx:\n',
    ["1:3: 'b' is not a conditional branch; '+' hints apply to conditional branches"],
  ],
  [
    'hint on branch always',
    '  bc- 20, 0, x\nx:\n',
    ["1:3: a '-' hint does not apply to this branch condition (BO=20)"],
  ],
  ['unclosed parenthesis', '  li 3, (1+2\n', ["1:13: missing ')'"]],
  ['division by zero', '  li 3, 1/0\n', ['1:10: division by zero']],
  ['missing operand of an operator', '  li 3, 1 +\n', ['1:12: missing expression']],
  ['operator in the wrong place', '  li 3, @l\n', ["1:9: unexpected '@' in expression"]],
  ['unknown @ operator', '  li 3, x@foo\nx:\n', ["1:11: unsupported operator '@foo'"]],
  [
    'TOC-relative operators',
    '  addis 9, 2, x@toc@ha\nx:\n',
    [
      "1:17: '@toc' is not supported: this lab links statically without a TOC; address " +
        'data with lis/addi and @ha/@l, or pla/pld with @pcrel',
    ],
  ],
  ['product of an address', 'a: .long a*2\n', ["1:11: operator '*' needs constant operands, not addresses"]],
  [
    'difference across sections',
    'a: nop\n .data\nb: .quad a - b\n',
    ['3:12: cannot subtract addresses in different sections (.text and .data)'],
  ],
  ['sum of addresses', 'a: nop\nb: .quad a + b\n', ['2:12: cannot add two addresses']],
  [
    'self-referential .set',
    ' .set a, a+1\n li 3, a\n',
    [
      "1:10: symbol 'a' is defined in terms of itself (line 1)",
      "2:8: symbol 'a' is defined in terms of itself (line 1)",
    ],
  ],
  [
    '.space of a later symbol',
    '  .space later\nlater:\n',
    ["1:10: the size must be a constant known here; 'later' is not defined before this " + 'line'],
  ],
  ['alignment not a power of 2', '  .balign 3\n', ['1:11: alignment 3 is not a power of 2']],
  ['.org backwards', '  nop\n  .org 0\n', ['2:8: .org would move the location backwards (from 4 to 0)']],
  [
    'unaligned instruction',
    ' .byte 1\n nop\n',
    ['2:2: instruction address is not a multiple of 4 (offset 1 in .text)'],
  ],
  ['instruction in .bss', '  .bss\n  nop\n', ['2:3: instructions cannot go in .bss']],
  ['non-zero fill in .bss', '  .bss\n  .space 4, 1\n', ['2:3: .bss holds no data: only zeros may be reserved there']],
  ['.popsection without .pushsection', ' nop\n  .popsection\n', ['2:3: .popsection without .pushsection']],
  ['data in .bss', '  .bss\n  .byte 1\n', ['2:9: .bss holds no data: only zeros may be reserved there']],
  ['address too wide for .short', ' .short x\n .text\nx:\n', ['1:9: address 0x10000002 does not fit in 2 bytes']],
  ['unknown symbol type', ' .type f, @banana\n', ["1:12: unknown symbol type 'banana' (use @function or @object)"]],
  ['missing comma in data', ' .long 1 2\n', ["1:10: expected ','"]],
  ['.rept without .endr', ' .rept 2\n nop\n', ['1:2: .rept without .endr']],
  ['.endr without .rept', ' nop\n .endr\n', ['2:2: .endr without .rept']],
  ['.endif without .if', ' .endif\n', ['1:2: .endif without .if']],
  ['.if without .endif', ' .if 1\n nop\n', ['2:1: .if without .endif (1 open)']],
  [
    '.if of an unknown symbol',
    ' .if LATER\n .endif\nLATER = 1\n',
    ["1:6: the condition must be a constant known here; 'LATER' is not defined before " + 'this line'],
  ],
  [
    '.macro is not supported',
    ' .macro m\n',
    ['1:2: .macro is not supported (write the instructions out, or use .rept)'],
  ],
  ['.include is not supported', ' .include "x.s"\n', ['1:2: .include is not supported: a program is one file']],
  [
    'mfcr with two fields',
    ' mfcr 3, 3\n',
    ['1:10: operand FXM must select exactly one CR field (a power of 2), not 3'],
  ],
  [
    'an error inside .rept is reported once',
    ' .rept 2\n addi 3, 3, 99999\n .endr\n',
    ['2:13: operand out of range (99999 is not between -32768 and 32767)'],
  ],
];

for (const [name, source, expected] of CASES) {
  test(`error: ${name}`, () => {
    assert.deepEqual(errors(source), expected);
  });
}

test('every error in a file is reported, in source order', () => {
  const source = [
    '  li 3, 1 ; li 4, 99999 ; bogus', // two on one line
    '  add 3, 4',
    '  b nowhere',
    'dup:',
    '  ld 3, 6(1)',
    'dup: nop',
    '  .frobnicate',
    '  lxv vs0, 8(3)',
    '  beq cr9, dup',
    '',
  ].join('\n');
  assert.deepEqual(errors(source), [
    '1:19: operand out of range (99999 is not between -32768 and 32767)',
    "1:27: unknown instruction 'bogus'",
    "2:3: 'add' takes 3 operands, not 2 (add RT,RA,RB)",
    "3:5: undefined symbol 'nowhere'",
    '5:9: operand out of domain (6 is not a multiple of 4)',
    "6:1: symbol 'dup' is already defined (line 4)",
    "7:3: unknown directive '.frobnicate'",
    '8:12: operand out of domain (8 is not a multiple of 16)',
    "9:7: bad register name 'cr9'",
  ]);
});

test('an error does not shift later addresses (the wrong line keeps its 4 bytes)', () => {
  const r = assemble('  bogus\n  b target\n  .space 40\ntarget: b 1f\n  .long 0x11\n1: blr\n', 'e.s');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [1],
  );
});

test('truncated data values are warnings, not errors', () => {
  const r = assemble(' .data\n .byte 300, -1, 255\n', 'w.s');
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(
    r.warnings?.map((w) => `${w.line}:${w.col}: ${w.message}`),
    ['2:8: value 0x12c truncated to 0x2c'],
  );
  const data = r.value.sections.find((s) => s.name === '.data')!;
  assert.deepEqual([...data.bytes], [0x2c, 0xff, 0xff]);
});
