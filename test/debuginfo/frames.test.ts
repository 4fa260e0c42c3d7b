// Stacks and variables at run time: the program runs on the simulated machine to a breakpoint, the
// reader unwinds its stack (CFI; the back chain where there is none) and reads each frame's
// parameters and locals; gdb does the same with the program stopped at the same place under
// qemu-ppc64le's gdb stub. Function names, pcs, lines and the values of the variables must agree
// (values that hold stack addresses differ between the two machines and are left out). Without
// qemu, the expectations written from the source are checked alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DebugInfo, Frame } from '../../sim/debuginfo/debug-info';
import { readFileSync } from 'node:fs';
import { openDebugInfo } from '../../sim/debuginfo/debug-info';
import { build, gdbOnQemu, hex, open, Sim } from './harness';

interface GdbFrame {
  index: number;
  pc?: string;
  name: string;
  line?: number;
  vars: Map<string, string>;
}

/** gdb's frames (up to main) with their args and locals, at the n-th hit of a breakpoint. */
function gdbFrames(exe: string, where: string, hits: number, depth: number): GdbFrame[] | undefined {
  const cmds = [`break ${where}`];
  for (let i = 0; i < hits; i++) cmds.push('continue');
  for (let f = 0; f < depth; f++)
    cmds.push(`echo @@frame\\n`, `frame ${f}`, 'echo @@vars\\n', 'info args', 'info locals');
  cmds.push('echo @@end\\n');
  const out = gdbOnQemu(exe, cmds);
  if (out === undefined) return undefined;
  const frames: GdbFrame[] = [];
  for (const chunk of out.split('@@frame\n').slice(1)) {
    const [head, vars] = chunk.split('@@vars\n');
    const m = /^#(\d+)\s+(?:(0x[0-9a-f]+) in )?(\S+) \(.*?\)(?: at (\S+):(\d+))?/m.exec(head);
    if (!m) continue;
    const v = new Map<string, string>();
    for (const l of (vars ?? '').split('\n')) {
      const vm = /^(\w+) = (.*)$/.exec(l);
      if (vm) v.set(vm[1], vm[2]);
    }
    frames.push({
      index: Number(m[1]),
      pc: m[2] ? hex(BigInt(m[2])) : undefined,
      name: m[3],
      line: m[5] ? Number(m[5]) : undefined,
      vars: v,
    });
  }
  return frames;
}

function ourVars(di: DebugInfo, sim: Sim, f: Frame): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of di.locals(sim.target, f)) m.set(v.name, v.value);
  return m;
}

/** Values that hold addresses of the stack (they differ between qemu and the simulator) are left out. */
function comparable(v: string): boolean {
  return !/0x(4000[0-9a-f]{6}|7fff[0-9a-f]{8})/.test(v);
}

interface Case {
  name: string;
  source: string;
  flags: string[];
  /** a breakpoint location (FILE:LINE) and how many times to reach it */
  line: number;
  hits: number;
  /** the frames expected from the source: name and line (0: no line, code without debug information) */
  frames: Array<[string, number]>;
  /** some variables per frame, as they must print */
  vars?: Array<Record<string, string>>;
}

const CASES: Case[] = [
  {
    name: 'values.c -O0: leaf called from middle called from main, its second call',
    source: 'values.c',
    flags: ['-g', '-O0', '-static'],
    line: 39,
    hits: 2,
    frames: [
      ['leaf', 39],
      ['middle', 49],
      ['main', 57],
      ['__libc_start_call_main', 0],
      ['__libc_start_main_impl', 0],
    ],
    vars: [
      { depth: '2', p: '{x = 1, y = 2}' },
      { depth: '1', i: '1', sq: '1', r: '11', p: '{x = 1, y = 2}' },
      { argc: '1', total: '0' },
    ],
  },
  {
    name: 'values.c -O2: the same stop in optimized code (registers, location lists, entry values)',
    source: 'values.c',
    flags: ['-g', '-O2', '-static'],
    line: 39,
    hits: 2,
    frames: [
      ['leaf', 39],
      ['middle', 49],
      ['main', 57],
      ['__libc_start_call_main', 0],
      ['__libc_start_main_impl', 0],
    ],
    vars: [{ depth: '2', p: '{x = 1, y = 2}', local: '<optimized out>' }, { depth: '1' }, { argc: '<optimized out>' }],
  },
  {
    name: 'values.c -O2 -gdwarf-4: the same stop with .debug_loc and .debug_ranges (DWARF 4 lists, GNU call sites)',
    source: 'values.c',
    flags: ['-gdwarf-4', '-O2', '-static'],
    line: 39,
    hits: 2,
    frames: [
      ['leaf', 39],
      ['middle', 49],
      ['main', 57],
      ['__libc_start_call_main', 0],
      ['__libc_start_main_impl', 0],
    ],
    vars: [{ depth: '2', p: '{x = 1, y = 2}', local: '<optimized out>' }, { depth: '1' }, { argc: '<optimized out>' }],
  },
  {
    name: "values.c -O2, later in leaf: parameters recovered from the caller's call site (DW_OP_entry_value)",
    source: 'values.c',
    flags: ['-g', '-O2', '-static'],
    line: 41,
    hits: 2,
    frames: [
      ['leaf', 41],
      ['middle', 49],
      ['main', 57],
      ['__libc_start_call_main', 0],
      ['__libc_start_main_impl', 0],
    ],
  },
  {
    name: 'loop.c -O0: a leaf function without a frame of its own called in a loop',
    source: 'loop.c',
    flags: ['-g', '-O0', '-static'],
    line: 5,
    hits: 3,
    frames: [
      ['add', 5],
      ['main', 8],
      ['__libc_start_call_main', 0],
      ['__libc_start_main_impl', 0],
    ],
    vars: [
      { x: '3', y: '2' },
      { i: '2', arr: '{1, 2, 3, 4}' },
    ],
  },
];

for (const c of CASES) {
  test(c.name, (t) => {
    const exe = build(t, c.source, c.flags);
    if (!exe) return;
    const di = open(exe);
    const bp = di.breakpointLocations(c.source, c.line);
    assert.ok(bp.ok);
    const sim = new Sim(exe);
    for (let i = 0; i < c.hits; i++) sim.runToAddress(bp.locations[0].address);
    const frames = di.stackFrames(sim.target);
    assert.deepEqual(
      frames.map((f) => [f.name, f.source?.line ?? 0]),
      c.frames,
      frames
        .map(
          (f) =>
            `#${f.index} ${hex(f.pc)} ${f.name} ${f.source?.line ?? ''} (${f.physical.unwinder}) ` + `${f.end ?? ''}`,
        )
        .join('\n'),
    );
    assert.match(frames[frames.length - 1].end ?? '', /outermost/);
    for (const [i, want] of (c.vars ?? []).entries()) {
      const ours = ourVars(di, sim, frames[i]);
      for (const [k, v] of Object.entries(want)) assert.equal(ours.get(k), v, `frame ${i} (${frames[i].name}): ${k}`);
    }
    const theirs = gdbFrames(exe, `${c.source}:${c.line}`, c.hits, c.frames.findIndex(([n]) => n === 'main') + 1);
    if (!theirs) return t.diagnostic('qemu-ppc64le or gdb-multiarch missing: not compared with gdb');
    assert.ok(theirs.length >= 2, 'gdb printed frames');
    t.diagnostic(
      `compared with gdb: ` +
        `${theirs.map((g) => `${g.name}:${g.line} ${[...g.vars].map(([k, v]) => `${k}=${v}`).join(' ')}`).join(' | ')}`,
    );
    for (const g of theirs) {
      const f = frames[g.index];
      assert.ok(f, `our frame ${g.index}`);
      assert.equal(f.name, g.name, `frame ${g.index}: name`);
      if (g.pc) assert.equal(hex(f.pc), g.pc, `frame ${g.index}: pc`);
      assert.equal(f.source?.line, g.line, `frame ${g.index}: line`);
      const ours = ourVars(di, sim, f);
      for (const [k, v] of g.vars) {
        if (!comparable(v)) continue;
        // gdb shows an entry value beside the value in some places (p=p@entry=...): compare the value
        assert.equal(ours.get(k), v.replace(/^.*@entry=/, ''), `frame ${g.index} (${g.name}): ${k}`);
      }
    }
  });
}

test('an assembly function without CFI is unwound by the back chain and the link register', (t) => {
  const exe = build(t, 'start.S', ['-g', '-static', '-nostdlib']);
  if (!exe) return;
  const di = open(exe);
  const twice = di.functionNamed('twice');
  assert.ok(twice);
  const sim = new Sim(exe);
  sim.runToAddress(twice.entry + 4n); // after "add": still no frame, LR holds the return address
  const frames = di.stackFrames(sim.target);
  assert.deepEqual(
    frames.map((f) => [f.name, f.source?.line, f.physical.unwinder]),
    [
      ['twice', 39, 'back chain'],
      ['sum', 25, 'cfi'],
      ['_start', 11, 'cfi'],
    ],
  );
  assert.match(frames[2].end ?? '', /outermost/);
});

test('C code without any CFI: the back chain finds every caller (names from the symbol table)', (t) => {
  const exe = build(t, 'values.c', ['-g0', '-O0', '-static', '-fno-asynchronous-unwind-tables', '-fno-unwind-tables']);
  if (!exe) return;
  const di = open(exe);
  const leaf = di.functionNamed('leaf');
  assert.ok(leaf && !leaf.hasLines);
  const sim = new Sim(exe);
  // in the middle of leaf (its frame allocated, LR saved by the caller's frame)
  sim.runToAddress(leaf.entry + 16n);
  sim.runToAddress(leaf.entry + 16n);
  const frames = di.stackFrames(sim.target);
  assert.deepEqual(
    frames.slice(0, 5).map((f) => f.name),
    ['leaf', 'middle', 'main', '__libc_start_call_main', '__libc_start_main_impl'],
  );
  assert.equal(frames[0].physical.unwinder, 'back chain');
  assert.equal(frames[1].physical.unwinder, 'back chain');
  assert.equal(frames[2].physical.unwinder, 'back chain');
  // also at the first instruction (the local entry point: calls within the program skip the
  // global entry's TOC setup), before the prologue stored anything
  const sim2 = new Sim(exe);
  assert.equal(leaf.breakpointAddress, leaf.entry + 8n);
  sim2.runToAddress(leaf.breakpointAddress);
  assert.deepEqual(
    di
      .stackFrames(sim2.target)
      .slice(0, 3)
      .map((f) => f.name),
    ['leaf', 'middle', 'main'],
  );
});

test(
  '-O2: inside an inlined call, the inlined function is a frame of its own with its ' +
    'parameter; at its first instruction the thread is at the call site',
  (t) => {
    const exe = build(t, 'values.c', ['-g', '-O2', '-static']);
    if (!exe) return;
    const di = open(exe);
    const main = di.functionNamed('main');
    assert.ok(main);
    // the inlined call of twice in main: its blocks
    const u = di.dwarf.units[0];
    const sc = di.scopesOf(u);
    const mainBlock = sc?.functions.find((f) => f.die.name === 'main');
    const inl = mainBlock?.children.find((b) => b.kind === 'inlined');
    assert.ok(inl, 'an inlined call in main');
    const [start, end] = inl.ranges[inl.ranges.length - 1];
    assert.ok(end - start >= 4n);
    const sim = new Sim(exe);
    sim.runToAddress(start);
    let frames = di.stackFrames(sim.target);
    assert.equal(frames[0].name, 'main', 'at the first instruction of the inlined code: at the call site');
    assert.equal(frames[0].source?.line, 58);
    frames = di.stackFrames(sim.target, 256, { showInlineEntry: true });
    assert.deepEqual(
      frames.slice(0, 2).map((f) => [f.name, f.inlined, f.source?.line]),
      [
        ['twice', true, 54],
        ['main', false, 58],
      ],
    );
    const v = di.locals(sim.target, frames[0]);
    assert.deepEqual(
      v.map((x) => x.name),
      ['v'],
    );
    assert.equal(v[0].value, '32');
    // the inlined frame's "finish" returns into the same physical frame
    assert.equal(frames[0].physical, frames[1].physical);
  },
);

test('step out: the return address and the stack pointer the caller has there', (t) => {
  const exe = build(t, 'values.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const di = open(exe);
  const bp = di.breakpointLocations('values.c', 39);
  assert.ok(bp.ok);
  const sim = new Sim(exe);
  sim.runToAddress(bp.locations[0].address);
  const frames = di.stackFrames(sim.target);
  const out = di.stepOutTarget(frames, 0);
  assert.ok(out.ok);
  assert.equal(out.address, frames[1].pc);
  sim.runToAddress(out.address);
  assert.equal(sim.task.thread.getGpr(1), out.stackPointer);
  const after = di.stackFrames(sim.target);
  assert.equal(after[0].name, 'middle');
  assert.equal(after[0].source?.line, 49);
  const last = di.stepOutTarget(after, after.length - 1);
  assert.ok(!last.ok);
  assert.match(last.message, /outermost frame/);
});

test('a static-pie program: addresses in and out are runtime addresses (the load bias applied)', (t) => {
  // (glibc's static-pie start file is not installed with the cross compiler: a freestanding program)
  const exe = build(t, 'start.S', ['-g', '-static-pie', '-nostdlib']);
  if (!exe) return;
  const sim = new Sim(exe);
  const bias = sim.task.program.image?.loadBias ?? 0n;
  assert.ok(bias > 0n, 'loaded at a bias');
  const r = openDebugInfo(new Uint8Array(readFileSync(exe)), { loadBias: bias });
  assert.ok(r.ok);
  const di = r.info;
  const bp = di.breakpointLocations('start.S', 38);
  assert.ok(bp.ok);
  const unbiased = open(exe).breakpointLocations('start.S', 38);
  assert.ok(unbiased.ok);
  assert.equal(bp.locations[0].address, unbiased.locations[0].address + bias);
  assert.equal(di.functionAt(bp.locations[0].address)?.name, 'twice');
  sim.runToAddress(bp.locations[0].address);
  const frames = di.stackFrames(sim.target);
  assert.deepEqual(
    frames.map((f) => [f.name, f.source?.line]),
    [
      ['twice', 38],
      ['sum', 25],
      ['_start', 11],
    ],
  );
  assert.equal(di.lineAt(sim.pc)?.start, bp.locations[0].address);
  const out = di.stepOutTarget(frames, 0);
  assert.ok(out.ok);
  assert.equal(out.address, frames[1].pc);
});
