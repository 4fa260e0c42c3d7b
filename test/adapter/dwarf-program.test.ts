// The source model (debug-adapter/source/) on C programs built during the run, at -O0 and -O2: line
// breakpoints in the .c file, frames with names and lines (glibc frames without source), Locals /
// Globals / Registers as C values, C expressions, data breakpoint plans on each CPU model, and
// source-level steps over, into and out, executed on the simulated machine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { programFromBytes } from '../../sim/program-file';
import type { StopInfo } from '../../sim/machine/task';
import { cpuModel } from '../../sim/hwbp/cpu-model';
import { DwarfProgram } from '../../debug-adapter/source/dwarf-program';
import { sourceStep, type StepExecutor } from '../../debug-adapter/source/line-step';
import { Sim } from '../debuginfo/harness';
import { buildC, C_FIXTURES, markerLine } from './c-programs';

const SRC = join(C_FIXTURES, 'watch.c');
const L = (name: string) => markerLine('watch.c', name);

function model(exe: string): DwarfProgram {
  const p = programFromBytes(exe, readFileSync(exe));
  assert.ok(p.ok);
  const m = DwarfProgram.forProgram(p.value);
  assert.ok(m, 'the program has DWARF');
  return m;
}

/** The program stopped at the breakpoint on a marker's line. */
function stopAt(t: TestContext, flags: string[], marker: string): { m: DwarfProgram; sim: Sim } | undefined {
  const exe = buildC(t, 'watch.c', flags);
  if (!exe) return undefined;
  const m = model(exe);
  const bp = m.lineBreakpoint(SRC, L(marker));
  assert.ok(bp.ok, bp.ok ? '' : bp.message);
  const sim = new Sim(exe);
  sim.runToAddress(bp.addrs[0]);
  return { m, sim };
}

function executor(sim: Sim): StepExecutor<StopInfo> {
  return {
    target: () => sim.target,
    instruction: () => {
      const s = sim.step();
      return s.event === 'stopped' && s.si_code === 'TRAP_TRACE' ? undefined : s;
    },
    runTo: (address, sp) => {
      for (;;) {
        const s = sim.runTo([address]);
        if (s.event !== 'stopped' || sim.pc !== address) return s;
        if ((sim.target.readRegister(1) ?? 0n) >= sp) return undefined;
      }
    },
  };
}

const show = (ns: { name: string; value: string }[]) => Object.fromEntries(ns.map((n) => [n.name, n.value]));

for (const opt of ['-O0', '-O2']) {
  const flags = ['-g', opt, '-static'];

  test(`${opt}: a line breakpoint in the .c file, frames with names and lines, glibc frames without source`, (t) => {
    const s = stopAt(t, flags, 'store');
    if (!s) return;
    const m = s.m;
    assert.ok(m.hasSource(SRC));
    assert.ok(m.hasSource('watch.c'));
    assert.ok(!m.hasSource('/elsewhere/other.c'));
    const fr = m.frames(s.sim.target);
    assert.deepEqual(
      fr.slice(0, 2).map((f) => [f.name, f.file, f.line]),
      [
        ['bump', SRC, L('store')],
        ['main', SRC, L('call-bump')],
      ],
    );
    const outer = fr.slice(2);
    assert.ok(outer.length >= 1 && outer.every((f) => f.file === undefined), 'glibc frames have no source');
    assert.ok(
      outer.some((f) => f.name.startsWith('__libc_start')),
      outer.map((f) => f.name).join(', '),
    );
    assert.equal(m.lineAt(s.sim.pc)?.line, L('store'));
  });

  test(`${opt}: Locals, Globals and Registers as C values; a struct's members; C expressions`, (t) => {
    const s = stopAt(t, flags, 'store');
    if (!s) return;
    const { m, sim } = s;
    const [bump, main] = m.frames(sim.target);
    const globals = m.scope(sim.target, bump.frame, 'Globals');
    const g = show(globals);
    assert.equal(g.counter, '0', 'the store has not executed');
    assert.equal(g.limit, '3');
    assert.equal(g.origin, '{x = 1, y = 2}');
    assert.equal(g.table, '{10, 20, 30, 40}');
    assert.match(g.cursor, /^0x[0-9a-f]+ <origin>$/);
    const origin = globals.find((n) => n.name === 'origin');
    assert.ok(origin && origin.childCount === 2);
    assert.deepEqual(show(origin.children()), { x: '1', y: '2' });
    const locals = show(m.scope(sim.target, main.frame, 'Locals'));
    assert.equal(locals.total, '0');
    assert.equal(locals.i, '0');
    assert.match(locals.local, /^\{x = 3, y = /);
    const regs = m.scope(sim.target, bump.frame, 'Registers');
    assert.equal(regs.find((r) => r.name === 'pc')?.value.startsWith('0x'), true);
    assert.equal(regs.find((r) => r.name === 'r1')?.value, `0x${(sim.target.readRegister(1) ?? 0n).toString(16)}`);
    for (const [e, want] of [
      ['table[2]', '30'],
      ['cursor->y', '2'],
      ['origin.x + limit * 2', '7'],
      ['*cursor', '{x = 1, y = 2}'],
      ['(char)table[3]', "40 '('"],
      ['sizeof(big)', '600'],
    ]) {
      const r = m.evaluate(sim.target, e, main.frame);
      assert.ok(r.ok, `${e}: ${r.ok ? '' : r.message}`);
      assert.equal(r.text, want, e);
    }
    const bad = m.evaluate(sim.target, 'nosuch + 1', main.frame);
    assert.ok(!bad.ok && /nosuch/.test(bad.message));
  });

  test(`${opt}: data breakpoint plans: 1 to 8 bytes as they are, larger as a DAWR range or refused with why`, (t) => {
    const s = stopAt(t, flags, 'store');
    if (!s) return;
    const { m, sim } = s;
    const [, main] = m.frames(sim.target);
    const p10 = cpuModel('power10');
    const c = m.watchExpression(sim.target, 'counter', p10, main.frame);
    assert.ok(
      c.ok && c.size === 8 && !c.range,
      JSON.stringify(c, (_, v) => (typeof v === 'bigint' ? v.toString(16) : v)),
    );
    const y = m.watchExpression(sim.target, 'cursor->y', p10, main.frame);
    assert.ok(y.ok && y.size === 4);
    const tbl = m.watchExpression(sim.target, 'table', p10, main.frame);
    assert.ok(tbl.ok && tbl.size === 16 && tbl.range);
    const big = m.watchExpression(sim.target, 'big', p10, main.frame);
    assert.ok(!big.ok && /at most 512 bytes/.test(big.message), big.ok ? '' : big.message);
    const p7 = m.watchExpression(sim.target, 'table', cpuModel('power7'), main.frame);
    assert.ok(!p7.ok && /DABR watches at most 8 bytes/.test(p7.message), p7.ok ? '' : p7.message);
    const p9 = m.watchExpression(sim.target, 'table', cpuModel('power9'), main.frame);
    assert.ok(!p9.ok && /dawrForceEnable/.test(p9.message));
    assert.ok(m.watchExpression(sim.target, 'table', cpuModel('power9', true), main.frame).ok);
    const rv = m.watchExpression(sim.target, 'limit + 1', p10, main.frame);
    assert.ok(!rv.ok && /not an object in memory|not in memory/.test(rv.message), rv.ok ? '' : rv.message);
    const node = m.scope(sim.target, main.frame, 'Globals').find((n) => n.name === 'origin');
    assert.ok(node);
    const byNode = m.watchNode(node, p10);
    assert.ok(byNode.ok && byNode.size === 8);
    const obj = m.symbolObject(sim.target, 'counter');
    assert.ok(obj.ok && obj.size === 8);
  });

  test(`${opt}: source steps: over a call, into a function past its prologue, out to the caller`, async (t) => {
    const s = stopAt(t, flags, 'call-bump');
    if (!s) return;
    const { m, sim } = s;
    const ex = executor(sim);
    const line = () => m.frames(sim.target)[0];
    let r = await sourceStep(m.info, 'over', ex);
    assert.equal(r.kind, 'done');
    assert.deepEqual([line().name, line().line], ['main', L('call-add')]);
    r = await sourceStep(m.info, 'into', ex);
    assert.equal(r.kind, 'done');
    // (at -O2 the sum is computed by the return statement's instructions: the first line with code)
    assert.deepEqual([line().name, line().line], ['add', opt === '-O0' ? L('add-body') : L('add-body') + 1]);
    r = await sourceStep(m.info, 'out', ex);
    assert.equal(r.kind, 'done');
    // back at the return address (at -O2 the scheduler gives it the loop's line)
    assert.equal(line().name, 'main');
    if (opt === '-O0') assert.equal(line().line, L('call-add'));
    else assert.ok(line().line >= L('call-bump') - 1 && line().line <= L('call-add'), String(line().line));
    const before = sim.target.readMemory(sim.pc - 4n, 4);
    assert.ok(before && before[3] >> 2 === 18 && (before[0] & 1) === 1, 'the instruction before is the call (bl)');
  });
}

test('-O2: what DWARF calls optimized out says so', (t) => {
  const s = stopAt(t, ['-g', '-O2', '-static'], 'print');
  if (!s) return;
  const { m, sim } = s;
  const [main] = m.frames(sim.target);
  const locals = m.scope(sim.target, main.frame, 'Locals');
  assert.ok(
    locals.some((n) => n.value === '<optimized out>'),
    JSON.stringify(show(locals)),
  );
});

test('a program without DWARF (or assembly) has no source model', () => {
  const p = programFromBytes('x.S', '.text\n.globl _start\n_start: nop\n');
  assert.ok(p.ok);
  assert.equal(DwarfProgram.forProgram(p.value), undefined);
});
