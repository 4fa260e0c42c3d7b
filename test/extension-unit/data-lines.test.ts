import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataLines } from '../../extension/data-lines';

const SRC = `    .text
    .globl _start
_start:                 # a code label: no watch actions
    ld r3, value@l(0)
    .data
    .align 3
value:  .quad 0x1122334455667788   # 8 bytes
pair:
    .long 1, 2                     # 8 bytes on the next line
msg: .asciz "hi\\n"
    .section .bss
buf: .space 64
sized: .zero 3
    .size sized, 16
    .text
after: nop
    .section .rodata, "a"
ro: .byte 1,2,3 ; x: .short 7
/* block
notalabel: .quad 1
*/
`;

test('labels in data sections, with the length of their definition', () => {
  const got = findDataLines(SRC).map((d) => [d.line, d.symbol, d.section, d.len]);
  assert.deepEqual(got, [
    [7, 'value', '.data', 8],
    [8, 'pair', '.data', 8],
    [10, 'msg', '.data', 4],
    [12, 'buf', '.bss', 64],
    [13, 'sized', '.bss', 16],
    [18, 'ro', '.rodata', 3],
    [18, 'x', '.rodata', 2],
  ]);
});

test('no data lines in a program without data', () => {
  assert.deepEqual(findDataLines('_start: li r0,1\n sc\n'), []);
});
