// Values, types and C expressions against gdb reading the same program (not running: the initial
// data of its sections, which a Target over the file gives us too): `print EXPR` and `whatis EXPR`
// for every global of types.c (integers of each size and sign, chars, bools, floats and their
// special values, enums and flag enums, structures, unions, anonymous members, bit-fields, arrays
// with repeats, strings, pointers with their symbols, function pointers, qualifiers, typedefs) and
// for expressions over them (arithmetic with C's conversions, pointer arithmetic, member access,
// indexing, casts, comparisons, logic, sizeof). Then the Variables tree and data breakpoint info.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { build, fileTarget, gdb, hex, open, requireGdb } from './harness';
import type { DebugInfo } from '../../sim/debuginfo/debug-info';

const GLOBALS = [
  'i_zero',
  'i_neg',
  'u_big',
  'l_min',
  'ul_max',
  's_val',
  'us_val',
  'sc_val',
  'uc_val',
  'c_nl',
  'c_quote',
  'c_zero',
  'b_true',
  'b_false',
  'f_third',
  'f_big',
  'd_pi',
  'd_tiny',
  'd_neg',
  'd_inf',
  'd_nan',
  'ld',
  'col',
  'col_unknown',
  'fl_two',
  'fl_unknown',
  'neg_val',
  'pt',
  'pts',
  'pp',
  'bf',
  'an',
  'un',
  'zeros',
  'mixed',
  'buf',
  'full',
  'raw',
  'many_a',
  'mat',
  'dv',
  'str',
  'nullstr',
  'cptr',
  'cvi',
  'int_ptr',
  'arr_ptr',
  'vp',
  'op',
  'flexp',
  'big_array',
  'main',
  '&main',
  'add',
];

const EXPRESSIONS = [
  'pts[1].x + 1',
  'ul_max + 1',
  'sizeof(long)',
  '(short)70000',
  'u_big * 2',
  'sc_val * uc_val',
  'i_neg / 5',
  'i_neg % 5',
  'i_neg >> 1',
  'u_big >> 1',
  'd_pi * 2',
  'f_third * 2',
  'f_third + d_pi',
  'pp - pts',
  'pp + 1',
  '*pp',
  'pp->y',
  '&pts[2]',
  'mat[1][2]',
  '*arr_ptr',
  '(*arr_ptr)[1]',
  'buf[0]',
  '&buf[1]',
  'str[1]',
  'an.lo',
  'an.f',
  'an.i',
  'bf.d',
  'bf.e',
  'bf.f',
  'col == GREEN',
  '(long)col',
  '-uc_val',
  '~us_val',
  '!str',
  'nullstr == 0',
  'pp != 0 && pp->x == 3',
  '1 ? 2 : 3',
  '(char)65',
  '(unsigned char)-1',
  '(float)d_pi',
  '(int)d_neg',
  '(double)i_neg',
  '(point_t *)vp',
  '((point_t *)vp)->y',
  '*(int *)vp',
  'RED',
  'BLUE + 1',
  'sizeof(struct bits)',
  'sizeof pt',
  'sizeof(point_t)',
  '(enum color)6',
  'F_READ | F_WRITE',
  '&pt',
  '&pts',
  '&mat',
  'mat[1]',
  '*int_ptr',
  'int_ptr[0]',
  'dv[2] / 3',
  '10 / 3',
  '10.0 / 4',
  '7 % 3',
  "'A'",
  '0x7fffffff + 1',
  '5000000000',
  '-1U',
  '1.5f',
  '1e16',
  '1e-5',
  '123456789.0',
  '1.0 / 3',
  '(float)1 / 3',
  'l_min - 1',
  'uc_val + 1',
  'i_neg < u_big',
  '(unsigned long)i_neg',
  'c_nl + 0',
  'pts[0].y * pts[2].x',
  '&pts[1].y',
  '(char *)str + 4',
  '*str',
  '&*pp',
  'mixed[12] - mixed[13]',
];

const NO_SYMBOL = ['nosuch', 'pt.z', '*i_neg', '&3', 'pts +', '1 / i_zero', 'undefined_fn(1)'];

function gdbAnswers(exe: string, exprs: string[]): Map<string, { print: string; whatis: string }> {
  const cmds: string[] = [];
  for (const e of exprs) cmds.push(`echo @@${e}\\n`, `print ${e}`, `whatis ${e}`);
  const out = gdb(exe, cmds);
  const m = new Map<string, { print: string; whatis: string }>();
  for (const chunk of out.split('@@').slice(1)) {
    const [e, ...rest] = chunk.split('\n');
    const p = rest.find((l) => /^\$\d+ = /.test(l))?.replace(/^\$\d+ = /, '');
    const w = rest.find((l) => l.startsWith('type = '))?.slice(7);
    m.set(e, { print: p ?? `ERROR ${rest.find((l) => l.trim() !== '') ?? ''}`, whatis: w ?? '' });
  }
  return m;
}

function withProgram(t: TestContext): { exe: string; di: DebugInfo } | undefined {
  const exe = build(t, 'types.c', ['-g', '-O0', '-static']);
  if (!exe) return undefined;
  return { exe, di: open(exe) };
}

const VARIANTS: Array<[string, string[]]> = [
  ['DWARF 5', ['-g']],
  ['DWARF 4', ['-gdwarf-4']],
  ['64-bit DWARF 5', ['-g', '-gdwarf64']],
  ['DWARF 4 type units (.debug_types)', ['-gdwarf-4', '-fdebug-types-section']],
  ['DWARF 5 type units (DW_UT_type, ref_sig8)', ['-gdwarf-5', '-fdebug-types-section']],
];

for (const [label, flags] of VARIANTS) {
  test(`every global of types.c prints as gdb prints it, with gdb's type name (${label})`, (t) => {
    const exe = build(t, 'types.c', [...flags, '-O0', '-static']);
    if (!exe) return;
    if (!requireGdb(t)) return;
    const di = open(exe);
    if (flags.includes('-fdebug-types-section')) assert.ok(di.dwarf.typeUnits.size > 3, 'type units');
    const theirs = gdbAnswers(exe, GLOBALS);
    const target = fileTarget(di);
    for (const g of GLOBALS) {
      const want = theirs.get(g);
      assert.ok(want, g);
      const ours = di.evaluate(target, g);
      assert.ok(ours.ok, `${g}: ${ours.ok ? '' : ours.message}`);
      assert.equal(ours.text, want.print, `print ${g}`);
      assert.equal(ours.node.type, want.whatis, `whatis ${g}`);
    }
  });
}

test('C expressions evaluate as gdb evaluates them (value and type)', (t) => {
  const p = withProgram(t);
  if (!p) return;
  if (!requireGdb(t)) return;
  const theirs = gdbAnswers(p.exe, EXPRESSIONS);
  const target = fileTarget(p.di);
  for (const e of EXPRESSIONS) {
    const want = theirs.get(e);
    assert.ok(want && !want.print.startsWith('ERROR'), `gdb evaluates ${e}: ${want?.print}`);
    const ours = p.di.evaluate(target, e);
    assert.ok(ours.ok, `${e}: ${ours.ok ? '' : ours.message}`);
    assert.equal(ours.text, want.print, `print ${e}`);
    assert.equal(ours.node.type, want.whatis, `whatis ${e}`);
  }
});

test('what gdb refuses is refused with a message (a value, never an exception)', (t) => {
  const p = withProgram(t);
  if (!p) return;
  const target = fileTarget(p.di);
  const msgs = NO_SYMBOL.map((e) => {
    const r = p.di.evaluate(target, e);
    assert.ok(!r.ok, `${e} is refused`);
    return r.message;
  });
  assert.equal(msgs[0], 'No symbol "nosuch" in current context.');
  assert.equal(msgs[1], 'There is no member named z.');
  assert.equal(msgs[2], 'Attempt to take contents of a non-pointer value.');
  assert.equal(msgs[3], 'Attempt to take address of value not located in memory.');
  assert.match(msgs[4], /syntax error/);
  assert.equal(msgs[5], 'Division by zero');
  assert.match(msgs[6], /calling functions is not supported/);
  for (const bad of [
    '',
    '(',
    ')',
    '1 +* 2',
    "'",
    "'ab'",
    '"s"',
    'x = 1',
    'i_neg++',
    '1,2',
    '$nosuchreg',
    '((((((((((1))))))))))'.replace('1', 'i_neg'),
  ]) {
    const r = p.di.evaluate(target, bad);
    if (bad.startsWith('((')) assert.ok(r.ok);
    else assert.ok(!r.ok && r.message.length > 0, `${JSON.stringify(bad)} is refused with a message`);
  }
});

test('the Variables tree: members, elements, pointees, bit-fields; addresses and sizes for data breakpoints', (t) => {
  const p = withProgram(t);
  if (!p) return;
  const target = fileTarget(p.di);
  const globals = p.di.globals(target);
  const byName = new Map(globals.map((g) => [g.name, g]));
  for (const g of GLOBALS.filter((n) => /^\w+$/.test(n) && n !== 'main' && n !== 'add'))
    assert.ok(byName.has(g), `${g} among the globals`);
  const pts = byName.get('pts')!;
  assert.equal(pts.childCount, 3);
  const p1 = pts.children()[1];
  assert.equal(p1.name, '[1]');
  assert.equal(p1.evaluateName, 'pts[1]');
  assert.equal(p1.value, '{x = 3, y = 4}');
  const y = p1.children()[1];
  assert.deepEqual([y.name, y.value, y.type, y.evaluateName, y.size], ['y', '4', 'int', 'pts[1].y', 4]);
  assert.equal(y.address, pts.address! + 12n);
  // the same object through an expression: same address and size
  const e = p.di.evaluate(target, y.evaluateName!);
  assert.ok(e.ok);
  assert.equal(e.node.address, y.address);
  const info = p.di.dataBreakpointInfo(y);
  assert.ok(info.ok);
  assert.deepEqual([info.address, info.size], [y.address, 4]);
  assert.match(info.description, /pts\[1\]\.y \(4 bytes at 0x/);
  // a pointer to a structure opens on the structure's members
  const pp = byName.get('pp')!;
  assert.equal(pp.childCount, 2);
  assert.deepEqual(
    pp.children().map((c) => [c.name, c.value, c.evaluateName]),
    [
      ['x', '3', 'pp->x'],
      ['y', '4', 'pp->y'],
    ],
  );
  // a pointer to an int: one child, the pointee
  const ip = byName.get('int_ptr')!;
  assert.deepEqual(
    ip.children().map((c) => [c.name, c.value, c.evaluateName]),
    [['*int_ptr', '-42', '*int_ptr']],
  );
  // a bit-field: its value, and the bytes that hold it
  const bf = byName.get('bf')!;
  const d = bf.children().find((c) => c.name === 'd')!;
  assert.equal(d.value, '4886718345');
  assert.equal(d.type, 'unsigned long long');
  assert.ok(d.address !== undefined && d.size !== undefined && d.size >= 5);
  // anonymous members
  const an = byName.get('an')!;
  assert.deepEqual(
    an.children().map((c) => c.name),
    ['tag', '<anonymous 1>', '<anonymous 2>'],
  );
  // big arrays list at most 1000 children; null pointers have none
  assert.equal(byName.get('big_array')!.childCount, 300);
  assert.equal(byName.get('nullstr')!.childCount, 0);
  // a computed value cannot be watched
  const sum = p.di.evaluate(target, 'i_neg + 1');
  assert.ok(sum.ok);
  const no = p.di.dataBreakpointInfo(sum.node);
  assert.ok(!no.ok);
  assert.match(no.message, /not in memory/);
  assert.equal(
    hex(byName.get('i_neg')!.address!),
    p.di.evaluate(target, '&i_neg').ok
      ? (p.di.evaluate(target, '(long)&i_neg') as { ok: true; text: string }).text.replace(/^\d+$/, (n) =>
          hex(BigInt(n)),
        )
      : '',
  );
});
