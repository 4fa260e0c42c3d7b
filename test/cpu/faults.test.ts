// Faults: the stop the core reports (signal, address, pc at the faulting instruction, nothing
// executed) and, where qemu-ppc64le is installed, the same program's fatal signal under qemu.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { execProgram } from '../../sim/exec';
import * as E from './encode';
import { buildWithGnu, runQemu } from './gnu';
import { DATA, run, TEXT } from './harness';

test('a load from unmapped memory is SIGSEGV at the load, with the address, and changes nothing', () => {
  const r = run([E.li(3, 0x1000), E.li(4, 99), E.ld(4, 8, 3), E.li(5, 1)]);
  assert.equal(r.stop.kind, 'fault');
  if (r.stop.kind !== 'fault') return;
  assert.equal(r.stop.signal, 'SIGSEGV');
  assert.equal(r.stop.addr, 0x1008n);
  assert.equal(r.t.pc, TEXT + 8n);
  assert.equal(r.t.getGpr(4), 99n);
  assert.equal(r.core.icount, 2);
  assert.match(r.stop.message, /0x1008/);
});

test('a store to read-only text is SIGSEGV and writes nothing', () => {
  const r = run([E.addis(3, 0, 0x1000), E.li(4, 7), E.std(4, 0, 3)]);
  assert.equal(r.stop.kind, 'fault');
  assert.equal(r.stop.kind === 'fault' && r.stop.signal, 'SIGSEGV');
  assert.equal(r.mem.read(TEXT, 4), 0x3c601000n);
});

test('a store crossing into an unmapped page writes no byte', () => {
  // data is mapped for 8 KiB: the last doubleword straddles the end
  const r = run([E.addis(3, 0, 0x1010), E.ori(3, 3, 8192 - 4), E.li(4, -1), E.std(4, 0, 3)]);
  assert.equal(r.stop.kind, 'fault');
  assert.equal(r.mem.read(DATA + 8188n, 4), 0n);
});

test('a bad instruction word is SIGILL at it', () => {
  const r = run([E.li(3, 1), 0x00000000, E.li(3, 2)]);
  assert.equal(r.stop.kind, 'fault');
  if (r.stop.kind !== 'fault') return;
  assert.equal(r.stop.signal, 'SIGILL');
  assert.equal(r.t.pc, TEXT + 4n);
  assert.equal(r.t.getGpr(3), 1n);
});

test('a jump to unmapped memory is SIGSEGV at the target', () => {
  const r = run([E.li(3, 0x4000), E.mtctr(3), 0x4e800420 /* bctr */]);
  assert.equal(r.stop.kind, 'fault');
  assert.equal(r.t.pc, 0x4000n);
});

test('an unaligned lwarx is SIGBUS; lmw in little-endian mode is SIGBUS', () => {
  const lwarx = run([E.addis(3, 0, 0x1010), E.addi(3, 3, 2), E.X(20, 4, 0, 3)]);
  assert.equal(lwarx.stop.kind === 'fault' && lwarx.stop.signal, 'SIGBUS');
  const lmw = run([E.addis(3, 0, 0x1010), E.D(46, 30, 3, 0)]);
  assert.equal(lmw.stop.kind === 'fault' && lmw.stop.signal, 'SIGBUS');
});

test('division by zero does not trap: it gives the dividend, as qemu, and divwo sets OV and SO', () => {
  const r = run([E.li(3, 100), E.li(4, 0), E.XO(491, 5, 3, 4, 1, 0), E.XO(489, 6, 3, 4), E.mfxer(7)]);
  assert.equal(r.stop.kind, 'trap'); // the harness's final trap
  assert.equal(r.t.getGpr(5), 100n);
  assert.equal(r.t.getGpr(6), 100n);
  assert.equal(r.t.getGpr(7), 0xc0080000n); // SO OV OV32
});

test('trap stops at the trap with nothing executed; a false tw condition falls through', () => {
  const r = run([
    E.li(3, 5),
    E.li(4, 6),
    E.X(4, 4, 3, 4) /* tweq: false */,
    E.X(4, 16, 3, 4) /* twlt: true */,
    E.li(5, 1),
  ]);
  assert.equal(r.stop.kind, 'trap');
  assert.equal(r.t.pc, TEXT + 12n);
  assert.equal(r.t.getGpr(5), 0n);
  assert.equal(r.core.icount, 3);
});

const FAULT_PROGRAMS: Record<string, { body: string; status: number }> = {
  'unmapped load': { body: 'li 3, 0x1000\n ld 4, 0(3)', status: 139 },
  'store to text': { body: 'lis 3, 0x1000\n stw 3, 0(3)', status: 139 },
  'illegal instruction': { body: '.long 0', status: 132 },
  trap: { body: 'trap', status: 133 },
  'unaligned ldarx': { body: 'lis 3, buf@ha\n addi 3, 3, buf@l+4\n ldarx 4, 0, 3', status: 135 },
  'unaligned stdcx. without a reservation just fails': {
    body: 'lis 3, buf@ha\n addi 3, 3, buf@l+4\n stdcx. 4, 0, 3\n mfcr 3\n srdi 3, 3, 28\n li ' + '0, 1\n sc',
    status: 0,
  },
  'jump to nowhere': { body: 'li 3, 0x2000\n mtlr 3\n blr', status: 139 },
};

for (const [name, { body, status }] of Object.entries(FAULT_PROGRAMS)) {
  test(`fatal signal as qemu-ppc64le gives it: ${name}`, (t) => {
    const src =
      `    .abiversion 2\n    .text\n    .globl _start\n_start:\n    ${body}\n    li 0, ` +
      `1\n    li 3, 0\n    sc\n    .data\n    .balign 16\nbuf: .quad 0, 0\n`;
    const built = buildWithGnu(t, src);
    if (!built) return;
    try {
      const sim = execProgram(built.program, { maxSteps: 1000 });
      assert.equal(sim.exitCode, status, sim.message);
      const ref = runQemu(t, built.exe);
      if (!ref) return;
      assert.equal(ref.status, status, `qemu status`);
    } finally {
      built.cleanup();
    }
  });
}
