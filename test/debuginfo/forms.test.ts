// The DWARF 5 forms and sections GCC does not write in an ordinary build, read from a hand-written
// but real ELF file (fixtures/forms.S, linked by GNU ld, its structure as readelf decodes it):
// string and address indexes of every width, line_strp, implicit_const, data16, a type unit found
// by signature, range and location lists by index with DW_RLE/DW_LLE base-address entries and a
// default location. The program also runs: the variables are read at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DW_AT } from '../../sim/debuginfo/constants';
import { build, fileTarget, hex, open, Sim, tool } from './harness';

const FLAGS = ['-static', '-nostdlib', '-Wa,--gdwarf-5'];

test('the unit, its functions and their ranges through indexed strings and addresses', (t) => {
  const exe = build(t, 'forms.S', FLAGS);
  if (!exe) return;
  const di = open(exe);
  assert.deepEqual(di.problems, []);
  assert.equal(di.dwarf.units.length, 1, 'one compile unit (the type unit is apart)');
  assert.equal(di.dwarf.typeUnits.size, 1);
  const u = di.dwarf.units[0];
  const root = u.root();
  assert.equal(root.str(DW_AT.producer), 'hand-written DWARF 5');
  assert.equal(root.name, 'forms.c');
  assert.equal(root.str(DW_AT.comp_dir), '/src');
  const sym = (n: string) => di.symbols.byNameGet(n)!.start;
  const ranges = di.dwarf.cuRanges();
  assert.deepEqual(
    ranges.map((r) => [hex(r.start), hex(r.end)]),
    [[hex(sym('_start')), hex(sym('g') + 8n)]],
  );
  for (const [name, addrx] of [
    ['f', 'addrx2'],
    ['g', 'addrx3'],
    ['_start', 'addrx4'],
  ]) {
    const f = di.functionNamed(name);
    assert.ok(f, `${name} (low_pc by ${addrx})`);
    assert.equal(f.entry, sym(name), name);
  }
  assert.equal(di.functionNamed('g')!.end, sym('g') + 8n);
  // the lexical block's ranges: DW_RLE_base_addressx then an offset pair
  const sc = di.scopesOf(u)!;
  const f = sc.functions.find((b) => b.die.name === 'f')!;
  assert.equal(f.children.length, 1);
  const [[bs, be]] = f.children[0].ranges;
  assert.deepEqual([hex(bs), hex(be)], [hex(sym('f') + 16n), hex(sym('f') + 28n)]);
  // (readelf agrees on the names of the indexed strings)
  const info = tool('powerpc64le-linux-gnu-readelf', ['--debug-dump=info', exe]);
  for (const n of ['hand-written DWARF 5', 'counter', 'inner', 'shared', 'pair', 'unsigned __int128'])
    assert.ok(info.includes(`): ${n}`), n);
});

test(
  'lines of a version 5 table with a directory from .debug_line_str; breakpoints in ' + 'assembly stay where asked',
  (t) => {
    const exe = build(t, 'forms.S', FLAGS);
    if (!exe) return;
    const di = open(exe);
    const f = di.symbols.byNameGet('f')!.start;
    const b = di.breakpointLocations('forms.c', 11);
    assert.ok(b.ok);
    assert.deepEqual(
      b.locations.map((l) => [hex(l.address), l.line, l.file]),
      [[hex(f + 12n), 11, '/src/forms.c']],
    );
    assert.equal(di.lineAt(f + 20n)?.line, 13);
  },
);

test('a type by signature, an address by DW_OP_addrx, a 16-byte constant (data16)', (t) => {
  const exe = build(t, 'forms.S', FLAGS);
  if (!exe) return;
  const di = open(exe);
  const target = fileTarget(di);
  const shared = di.evaluate(target, 'shared');
  assert.ok(shared.ok, shared.ok ? '' : shared.message);
  assert.equal(shared.node.type, 'struct pair');
  assert.equal(shared.text, '{lo = 1432778632, hi = 287454020}');
  assert.equal(shared.node.address, di.symbols.byNameGet('shared')!.start);
  const lo = di.evaluate(target, 'shared.hi');
  assert.ok(lo.ok);
  assert.equal(lo.node.type, 'unsigned int');
  const big = di.evaluate(target, 'big');
  assert.ok(big.ok);
  assert.equal(big.text, '21345817372864405881847059188222722561'); // 0x100f0e0d0c0b0a090807060504030201
  assert.equal(big.node.type, 'unsigned __int128');
});

test(
  'location lists by index at run time: a register, then another; a default location; ' +
    "a block's variable seen inside it only",
  (t) => {
    const exe = build(t, 'forms.S', FLAGS);
    if (!exe) return;
    const di = open(exe);
    const f = di.symbols.byNameGet('f')!.start;
    const sim = new Sim(exe);
    const at = (addr: bigint) => {
      sim.runToAddress(addr);
      const frames = di.stackFrames(sim.target);
      return { frames, vars: new Map(di.locals(sim.target, frames[0]).map((v) => [v.name, v.value])) };
    };
    let s = at(f + 12n); // line 11, before addi: counter in r3 = 5
    assert.deepEqual(
      s.frames.map((x) => x.name),
      ['f', '_start'],
    );
    assert.deepEqual([...s.vars], [['counter', '5']]);
    s = at(f + 20n); // line 13, in the block: counter now in r9 (not yet set: r9 is what it was), inner 42
    assert.equal(s.vars.get('inner'), '42');
    assert.ok(s.vars.has('counter'));
    s = at(f + 28n); // line 14, after the block: counter in r9 = (5+1)*2+2
    assert.deepEqual([...s.vars], [['counter', '14']]);
    const e = di.evaluate(sim.target, 'counter * 2', s.frames[0]);
    assert.ok(e.ok);
    assert.equal(e.text, '28');
    const info = di.dataBreakpointInfo(e.node);
    assert.ok(!info.ok);
  },
);
