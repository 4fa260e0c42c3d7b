// The DWARF expression evaluator on expressions written by hand (the operations GCC rarely emits
// for the fixtures): arithmetic and control flow, register and memory locations, pieces and bit
// pieces with parts optimized out, implicit and stack values, typed operations, the frame base,
// the CFA and entry values; and its refusals (a message, never an endless loop).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateLocation, evaluateAddress, type ExprContext, type BaseTypeInfo } from '../../sim/debuginfo/expression';
import { attempt } from '../../sim/debuginfo/reader';
import { valueFromLocation } from '../../sim/debuginfo/values';
import { readScalar, formatValue } from '../../sim/debuginfo/format';
import type { CType } from '../../sim/debuginfo/types';

const MEM = new Uint8Array(256).map((_, i) => i);
const BASE = 0x1000n;
const regs = new Map<number, bigint>([
  [1, BASE + 0x40n],
  [3, 0x1111222233334444n],
  [4, 0x5555666677778888n],
  [33, 0x3ff8000000000000n], // f1 = 1.5
]);
const FLOAT: BaseTypeInfo = { size: 4, encoding: 4 };
const INT4: BaseTypeInfo = { size: 4, encoding: 5 };

function ctx(extra: Partial<ExprContext> = {}): ExprContext {
  return {
    addressSize: 8,
    offsetSize: 4,
    bias: 0n,
    reg: (n) => regs.get(n),
    mem: (a, s) =>
      a >= BASE && a + BigInt(s) <= BASE + 256n ? MEM.slice(Number(a - BASE), Number(a - BASE) + s) : undefined,
    frameBase: () => BASE + 0x80n,
    cfa: () => BASE + 0xa0n,
    entryValue: (e) => (e.length === 1 && e[0] === 0x53 ? 77n : undefined),
    baseType: (off) => (off === 0x10 ? FLOAT : off === 0x20 ? INT4 : undefined),
    ...extra,
  };
}
const reader = { readMemory: (a: bigint, s: number) => ctx().mem(a, s), reg: (n: number) => regs.get(n) };
const fmt = { ...reader, symbolize: () => undefined };
const ex = (...b: number[]) => new Uint8Array(b);
const int: CType = { kind: 'base', name: 'int', size: 4, encoding: 5 };
const long: CType = { kind: 'base', name: 'long', size: 8, encoding: 5 };
const float: CType = { kind: 'base', name: 'float', size: 4, encoding: 4 };
const pair: CType = {
  kind: 'struct',
  name: 'pair',
  size: 8,
  declaration: false,
  members: [
    { name: 'a', type: int, offset: 0 },
    { name: 'b', type: int, offset: 4 },
  ],
};

function valueOf(e: Uint8Array, c = ctx()): bigint {
  const l = evaluateLocation(e, c);
  assert.equal(l.pieces.length, 1);
  const p = l.pieces[0].loc;
  assert.equal(p.kind, 'value');
  return p.kind === 'value' ? p.value : 0n;
}

test('arithmetic, stack operations and control flow', () => {
  assert.equal(valueOf(ex(0x35, 0x33, 0x1c, 0x9f)), 2n); // lit5 lit3 minus
  assert.equal(valueOf(ex(0x11, 0x7d, 0x10, 0x03, 0x1e, 0x9f)), BigInt.asUintN(64, -9n)); // consts -3, constu 3, mul
  assert.equal(valueOf(ex(0x38, 0x32, 0x1b, 0x9f)), 4n); // lit8 lit2 div
  assert.equal(valueOf(ex(0x11, 0x78, 0x32, 0x1b, 0x9f)), BigInt.asUintN(64, -4n)); // -8/2 signed
  assert.equal(valueOf(ex(0x31, 0x3f, 0x24, 0x9f)), 1n << 15n); // shl
  assert.equal(valueOf(ex(0x11, 0x70, 0x32, 0x26, 0x9f)), BigInt.asUintN(64, -4n)); // -16 shra 2
  assert.equal(valueOf(ex(0x33, 0x35, 0x16, 0x1c, 0x9f)), 2n); // swap then minus: 5-3
  assert.equal(valueOf(ex(0x31, 0x32, 0x33, 0x17, 0x13, 0x13, 0x9f)), 3n); // rot: 1 2 3 -> 3 1 2
  assert.equal(valueOf(ex(0x31, 0x32, 0x15, 0x01, 0x22, 0x22, 0x9f)), 4n); // pick 1: 1 2 1 -> +,+ = 4
  // if (1) skip the lit9: bra over it
  assert.equal(valueOf(ex(0x34, 0x31, 0x28, 0x01, 0x00, 0x39, 0x9f)), 4n);
  assert.equal(valueOf(ex(0x2f, 0x01, 0x00, 0x30, 0x37, 0x9f)), 7n); // skip over lit0
  assert.equal(valueOf(ex(0x34, 0x35, 0x2d, 0x9f)), 1n); // 4 < 5
});

test('registers, memory, the frame base, the CFA, entry values', () => {
  assert.deepEqual(evaluateLocation(ex(0x53), ctx()).pieces[0].loc, { kind: 'register', reg: 3 });
  assert.deepEqual(evaluateLocation(ex(0x90, 0x21), ctx()).pieces[0].loc, { kind: 'register', reg: 33 });
  // breg1 +16
  assert.deepEqual(evaluateLocation(ex(0x71, 0x10), ctx()).pieces[0].loc, { kind: 'memory', addr: BASE + 0x50n });
  // fbreg -16
  assert.deepEqual(evaluateLocation(ex(0x91, 0x70), ctx()).pieces[0].loc, { kind: 'memory', addr: BASE + 0x70n });
  assert.equal(evaluateAddress(ex(0x9c), ctx()), BASE + 0xa0n);
  assert.equal(valueOf(ex(0x71, 0x00, 0x94, 0x02, 0x9f)), 0x4140n); // deref_size 2 at r1
  assert.equal(valueOf(ex(0xa3, 0x01, 0x53, 0x9f)), 77n); // entry_value(reg3)
  const v = valueFromLocation(evaluateLocation(ex(0x53), ctx()), int, reader);
  assert.equal(formatValue(v, fmt), String(0x33334444));
  // a float in a floating-point register is in double format there
  assert.equal(formatValue(valueFromLocation(evaluateLocation(ex(0x90, 0x21), ctx()), float, reader), fmt), '1.5');
  const missing = valueFromLocation(evaluateLocation(ex(0x55), ctx()), int, reader);
  assert.match(formatValue(missing, fmt), /r5 is not saved/);
});

test('pieces: a structure in two registers, a part optimized out, bit pieces, implicit values', () => {
  // reg3 piece 4, reg4 piece 4
  const v = valueFromLocation(evaluateLocation(ex(0x53, 0x93, 0x04, 0x54, 0x93, 0x04), ctx()), pair, reader);
  assert.equal(formatValue(v, fmt), `{a = ${0x33334444}, b = ${0x77778888}}`);
  // the first half optimized out (an empty piece), the second the constant 9
  const w = valueFromLocation(evaluateLocation(ex(0x93, 0x04, 0x39, 0x9f, 0x93, 0x04), ctx()), pair, reader);
  assert.equal(formatValue(w, fmt), '{a = <optimized out>, b = 9}');
  // bit pieces: 4 bits of lit5, then 28 bits of lit1 -> 0x15
  const b = valueFromLocation(
    evaluateLocation(ex(0x35, 0x9f, 0x9d, 0x04, 0x00, 0x31, 0x9f, 0x9d, 0x1c, 0x00), ctx()),
    int,
    reader,
  );
  const s = readScalar(b, fmt);
  assert.ok(!('error' in s) && s.kind === 'int' && s.value === 0x15n);
  // implicit_value: 8 bytes
  const iv = valueFromLocation(evaluateLocation(ex(0x9e, 0x08, 1, 2, 3, 4, 5, 6, 7, 8), ctx()), long, reader);
  assert.equal(formatValue(iv, fmt), String(0x0807060504030201n));
  // memory piece + stack value piece
  const m = valueFromLocation(
    evaluateLocation(ex(0x71, 0x00, 0x93, 0x04, 0x3a, 0x9f, 0x93, 0x04), ctx()),
    pair,
    reader,
  );
  assert.equal(formatValue(m, fmt), `{a = ${0x43424140}, b = 10}`);
});

test('typed operations: constants, conversions, register values as base types', () => {
  // const_type float 2.5, convert to int (unit offset 0x20)
  const f = new Uint8Array(new Float32Array([2.5]).buffer);
  assert.equal(valueOf(ex(0xa4, 0x10, 0x04, ...f, 0xa8, 0x20, 0x9f)), 2n);
  // regval_type f1 as float -> its bits as a float
  const l = evaluateLocation(ex(0xa5, 0x21, 0x10, 0x9f), ctx());
  const p = l.pieces[0].loc;
  assert.ok(p.kind === 'value');
  assert.equal(new Float32Array(new Uint32Array([Number(p.value)]).buffer)[0], 1.5);
  // float arithmetic: 2.5 + 2.5
  const sum = evaluateLocation(ex(0xa4, 0x10, 0x04, ...f, 0x12, 0x22, 0x9f), ctx()).pieces[0].loc;
  assert.ok(sum.kind === 'value');
  assert.equal(new Float32Array(new Uint32Array([Number(sum.value)]).buffer)[0], 5);
});

test(
  'refusals are messages: unknown operations, an empty stack, truncated operands, ' + 'endless loops, division by zero',
  () => {
    const cases: Array<[Uint8Array, RegExp]> = [
      [ex(0xff), /unknown DWARF operation 0xff/],
      [ex(0x22), /empty stack/],
      [ex(0x0e, 0x01, 0x02), /truncated/],
      [ex(0x2f, 0xfd, 0xff), /more than 100000 operations/],
      [ex(0x31, 0x30, 0x1b), /divides by zero/],
      [ex(0x53, 0x31), /continues after DW_OP_reg/],
      [ex(0xa3, 0x01, 0x54, 0x9f), /entry/],
      [ex(0x2f, 0x10, 0x00), /outside the expression/],
      [ex(0x98, 0x00, 0x00), /not supported/],
      [ex(0x71, 0x00, 0x06), /cannot read memory/],
    ];
    for (const [e, re] of cases) {
      const r = attempt(() => evaluateLocation(e, ctx({ reg: (n) => (n === 1 ? 0x10n : regs.get(n)) })));
      assert.ok(!r.ok, `${[...e].map((x) => x.toString(16)).join(' ')} is refused`);
      assert.match(r.message, re);
    }
    // an empty expression: an object optimized out
    assert.deepEqual(evaluateLocation(ex(), ctx()).pieces[0].loc, { kind: 'optimized-out' });
  },
);
