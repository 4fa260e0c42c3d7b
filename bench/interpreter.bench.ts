// Raw interpretation speed: a tight loop of ld, addi, std, add, cmpd, bdnz (6 instructions per
// iteration, about 200 million in all), no watchpoint armed. When qemu-ppc64le and GNU binutils are
// installed, the same program is assembled with GNU as/ld and timed under qemu for reference.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressSpace } from '../sim/cpu/address-space';
import { Core } from '../sim/cpu/core';
import { ThreadState, USER_MSR } from '../sim/cpu/thread-state';
import type { BenchRow } from './run';

const ITER = 33_333_334;
const TEXT = 0x10000000n;
const DATA = 0x10100000n;

const SOURCE = `
    .abiversion 2
    .text
    .globl _start
_start:
    lis 3, buf@ha
    addi 3, 3, buf@l
    lis 9, ${ITER >>> 16}
    ori 9, 9, ${ITER & 0xffff}
    mtctr 9
    li 5, 0
    li 6, -1
loop:
    ld 4, 0(3)
    addi 4, 4, 1
    std 4, 0(3)
    add 5, 5, 4
    cmpd 5, 6
    bdnz loop
    li 0, 1
    li 3, 0
    sc
    .data
buf: .quad 0
`;

// The same program, encoded by hand (so the benchmark does not depend on the assembler).
const WORDS = [
  0x3c601010, // lis r3,0x1010
  0x38630000, // addi r3,r3,0
  0x3d200000 | (ITER >>> 16), // lis r9,hi
  0x61290000 | (ITER & 0xffff), // ori r9,r9,lo
  0x7d2903a6, // mtctr r9
  0x38a00000, // li r5,0
  0x38c0ffff, // li r6,-1
  0xe8830000, // ld r4,0(r3)
  0x38840001, // addi r4,r4,1
  0xf8830000, // std r4,0(r3)
  0x7ca52214, // add r5,r5,r4
  0x7c253000, // cmpd r5,r6
  0x4200ffec, // bdnz loop
  0x38000001, // li r0,1
  0x38600000, // li r3,0
  0x44000002, // sc
];

function simulate(armed = false): { instrs: number; seconds: number } {
  const mem = new AddressSpace();
  mem.map(TEXT, 4096, { read: true, write: false, exec: true });
  const bytes = new Uint8Array(WORDS.length * 4);
  WORDS.forEach((w, i) => new DataView(bytes.buffer).setUint32(4 * i, w >>> 0, true));
  mem.writeBytesAs(TEXT, bytes, true);
  mem.map(DATA, 4096, { read: true, write: true, exec: false });
  const t = new ThreadState();
  t.msr = USER_MSR;
  t.pc = TEXT;
  const core = new Core({ quadwordAlign16: false, slots: 2 });
  if (armed) {
    // two DAWRs on doublewords the loop never touches
    for (const [slot, off] of [
      [0, 0x800n],
      [1, 0x808n],
    ] as const) {
      core.setDawr(slot, { start: DATA + off, len: 8, read: true, write: true, user: true, kernel: false, hyp: false });
    }
  }
  // CPU time, not wall time: the machine may be shared, and a busy neighbour must not count as ours
  const c0 = process.cpuUsage();
  const stop = core.run(t, mem, Number.MAX_SAFE_INTEGER);
  const c = process.cpuUsage(c0);
  const seconds = (c.user + c.system) / 1e6;
  if (stop.kind !== 'syscall') throw new Error(`the loop stopped with ${stop.kind}`);
  if (mem.read(DATA, 8) !== BigInt(ITER)) throw new Error(`the loop computed ${mem.read(DATA, 8)}, expected ${ITER}`);
  return { instrs: core.icount, seconds };
}

function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

function qemu(instrs: number): number | undefined {
  if (!have('qemu-ppc64le') || !have('powerpc64le-linux-gnu-as')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'wplab-bench-'));
  try {
    writeFileSync(join(dir, 'loop.S'), SOURCE);
    execFileSync('powerpc64le-linux-gnu-as', [
      '-a64',
      '-mlittle',
      '-mpower10',
      '-o',
      join(dir, 'loop.o'),
      join(dir, 'loop.S'),
    ]);
    execFileSync('powerpc64le-linux-gnu-ld', [
      '-Ttext=0x10000000',
      '-Tdata=0x10100000',
      '-Tbss=0x10200000',
      '-o',
      join(dir, 'loop'),
      join(dir, 'loop.o'),
    ]);
    // the shell's `times` gives the child's CPU time (user and system), comparable to ours
    const r = spawnSync('bash', ['-c', `qemu-ppc64le -cpu power10 '${join(dir, 'loop')}' || exit 1; times`], {
      encoding: 'utf8',
    });
    if (r.status !== 0) return undefined;
    const lines = r.stdout.trim().split('\n');
    const child = lines[lines.length - 1].match(/(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/);
    if (!child) return undefined;
    const seconds = Number(child[1]) * 60 + Number(child[2]) + Number(child[3]) * 60 + Number(child[4]);
    return instrs / seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function run(): BenchRow[] {
  // warm both paths first, then alternate so that a busy neighbour hurts both alike; keep the best
  simulate(false);
  simulate(true);
  let plain = { instrs: 0, seconds: Infinity };
  let armed = { instrs: 0, seconds: Infinity };
  for (let i = 0; i < 3; i++) {
    const p = simulate(false);
    if (p.seconds < plain.seconds) plain = p;
    const a = simulate(true);
    if (a.seconds < armed.seconds) armed = a;
  }
  const rate = plain.instrs / plain.seconds;
  const armedRate = armed.instrs / armed.seconds;
  const slower = 1 - armedRate / rate;
  const ref = qemu(plain.instrs);
  return [
    {
      name: 'tight loop (ld/addi/std/add/cmpd/bdnz), no watchpoints',
      value: rate,
      unit: 'instr/s',
      goal: '>= 100M instr/s',
      ok: rate >= 100e6,
      reference: ref === undefined ? undefined : { name: 'qemu-ppc64le', value: ref },
      note:
        `${(plain.instrs / 1e6).toFixed(0)}M instructions in ${plain.seconds.toFixed(2)} s of CPU time (best of 3)` +
        (ref === undefined ? '; qemu-ppc64le or GNU as missing: no reference' : ''),
    },
    {
      name: 'same loop, two DAWRs armed that never hit',
      value: armedRate,
      unit: 'instr/s',
      goal: '<= 10% slower than none',
      ok: slower <= 0.1,
      note: `${(slower * 100).toFixed(1)}% slower than with none`,
    },
  ];
}
