// The disassembly view with prefixed (8-byte, POWER10) instructions: the prefix's row carries the
// whole instruction's text (objdump's), the suffix's row is blank, as objdump prints them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disassembleRange } from '../../debug-adapter/disassembly';
import type { Task } from '../../sim/machine/task';

test('a prefixed instruction is one text on its prefix row; its suffix row is blank', () => {
  const base = 0x10000000n;
  const words = [0x38600001, 0x04000000, 0xe4640010, 0x06100000, 0x38600008, 0x60000000];
  const bytes = new Uint8Array(words.length * 4);
  words.forEach((w, i) => new DataView(bytes.buffer).setUint32(4 * i, w, true));
  const read = (addr: bigint, len: number) => {
    const off = Number(addr - base);
    return off >= 0 && off + len <= bytes.length ? bytes.subarray(off, off + len) : undefined;
  };
  const task = {
    program: { file: 'p.s', sections: [], symbols: new Map(), lines: [], entry: base },
  } as unknown as Task;
  const rows = disassembleRange(task, read, base, 0, words.length, false).map((r) => r.instruction);
  assert.deepEqual(rows, ['li r3,1', 'pld r3,16(r4)', '', 'pla r3,8 # 0x10000014', '', 'nop']);
});
