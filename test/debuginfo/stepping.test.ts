// Source-level stepping on the simulated machine, driven by LineStepper's decisions as a debugger
// drives them (one instruction, or a run to a temporary breakpoint), against GDB stepping the same
// program under qemu-ppc64le's gdb stub: after each step/next/finish the pc must be GDB's (the
// code addresses are the same on both machines). The lines are also checked against the source.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DebugInfo } from '../../sim/debuginfo/debug-info';
import { LineStepper, type StepKind } from '../../sim/debuginfo/stepping';
import { build, gdbOnQemu, hex, open, Sim } from './harness';

const KIND: Record<string, StepKind> = { step: 'into', next: 'over', finish: 'out' };

/** Runs one source-level step; false when the program ended. */
function drive(sim: Sim, di: DebugInfo, kind: StepKind): boolean {
  const st = new LineStepper(di, kind, sim.target);
  let d = st.start(sim.target);
  for (let n = 0; n < 1_000_000; n++) {
    if (d.action === 'stop') return true;
    const prev = sim.pc;
    if (d.action === 'step') {
      const s = sim.step();
      if (s.event !== 'stopped') return false;
    } else {
      for (;;) {
        const s = sim.runTo([d.address]);
        if (s.event !== 'stopped') return false;
        if (sim.pc === d.address && sim.task.thread.getGpr(1) >= d.stackPointer) break;
      }
    }
    d = st.next(sim.target, prev);
  }
  throw new Error('a step that never ends');
}

interface Script {
  name: string;
  source: string;
  flags: string[];
  start: number;
  commands: string[];
  /** the line after each command (0: no line, the program's own code without debug information; -1: exited) */
  lines: number[];
}

const SCRIPTS: Script[] = [
  {
    name:
      'values.c -O0: step into a call, next through a loop, finish, step into a call ' +
      'through a pointer, off the end of main',
    source: 'values.c',
    flags: ['-g', '-O0', '-static'],
    start: 57,
    commands: [
      'step',
      'next',
      'next',
      'next',
      'step',
      'next',
      'next',
      'next',
      'finish',
      'next',
      'next',
      'next',
      'step',
      'step',
      'next',
      'next',
      'next',
      'next',
    ],
    lines: [45, 46, 47, 48, 49, 47, 48, 49, 57, 58, 59, 60, 35, 61, 62, 63, 0, -1],
  },
  {
    name: 'loop.c -O0: next out of a function called in a loop: the rest of the loop is the same line',
    source: 'loop.c',
    flags: ['-g', '-O0', '-static'],
    start: 5,
    commands: ['next', 'next', 'step', 'next', 'next'],
    lines: [9, 10, 11, 0, -1],
  },
  {
    name: 'values.c -O2: stepping through optimized, inlined code',
    source: 'values.c',
    flags: ['-g', '-O2', '-static'],
    start: 57,
    commands: ['step', 'next', 'next', 'next', 'next', 'next', 'next', 'next', 'next', 'next'],
    lines: [],
  },
  {
    name: 'values.c -O2: finish out of a function, next back into main, step into an inlined call, next out of it',
    source: 'values.c',
    flags: ['-g', '-O2', '-static'],
    start: 40,
    // (no finish in main: gdb stops its backtrace at main and refuses it)
    commands: ['finish', 'next', 'next', 'step', 'next', 'next', 'next', 'next'],
    lines: [],
  },
];

for (const s of SCRIPTS) {
  test(s.name, (t) => {
    const exe = build(t, s.source, s.flags);
    if (!exe) return;
    const di = open(exe);
    const bp = di.breakpointLocations(s.source, s.start);
    assert.ok(bp.ok && bp.locations.length > 0);
    const sim = new Sim(exe);
    sim.runToAddress(bp.locations[0].address);
    const pcs: string[] = [];
    const lines: number[] = [];
    let alive = true;
    for (const c of s.commands) {
      if (alive) alive = drive(sim, di, KIND[c]);
      pcs.push(alive ? hex(sim.pc) : 'exited');
      lines.push(alive ? (di.lineAt(sim.pc)?.line ?? 0) : -1);
    }
    // the reference: gdb on qemu
    const cmds = [`break ${s.source}:${s.start}`, 'continue', 'delete'];
    for (const c of s.commands) cmds.push(c, 'print/x $pc');
    const out = gdbOnQemu(exe, cmds);
    if (out === undefined) {
      t.diagnostic('qemu-ppc64le or gdb-multiarch missing: the pcs are not compared with gdb');
      if (s.lines.length > 0) assert.deepEqual(lines, s.lines, `lines after ${s.commands.join(', ')}`);
      return;
    }
    const theirs: string[] = [];
    const chunks = out.split(/\n/);
    let exited = false;
    for (const l of chunks) {
      if (/exited (normally|with code)/.test(l)) exited = true;
      const m = /^\$\d+ = (0x[0-9a-f]+)/.exec(l);
      if (m) theirs.push(hex(BigInt(m[1])));
    }
    while (exited && theirs.length < s.commands.length) theirs.push('exited');
    assert.deepEqual(pcs, theirs, `pcs after ${s.commands.join(', ')}`);
    if (s.lines.length > 0) assert.deepEqual(lines, s.lines, `lines after ${s.commands.join(', ')}`);
  });
}
