// The perf-hit fast path (sim/hwbp/perf-fast-path.ts) changes nothing anyone can observe: programs run
// with it and without it (the generic handler, the reference) give the same decision log (every
// record, slot line and effect, in order), perf counts, stops, signals, kernel log, slot and counter
// views, final registers and memory. Programs: every example scenario (wplab run --json, byte for
// byte), the bench loop, and random programs with ptrace and perf watchpoints of every type on
// power8/power10 under 6.5 and 6.6, with kernel-mode accesses (read/write system calls on watched
// buffers), larx/stcx, quadword VSX and dcbz accesses, ptrace single-steps and a second task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { main } from '../../bin/wplab';
import { assemble } from '../../sim/asm/assembler';
import { perfFastPath } from '../../sim/hwbp/perf-fast-path';
import type { CpuModelName, KernelPolicy } from '../../sim/hwbp/cpu-model';
import { Machine } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';
import type { Program } from '../../sim/program';
import { SOURCE as BENCH } from '../../bench/watchpoints.bench';

const EXAMPLES = join(__dirname, '../../examples');

/** Runs f with the fast path on or off; returns its result and how often the fast path was taken. */
function withFastPath<T>(on: boolean, f: () => T): { value: T; taken: number } {
  const was = perfFastPath.enabled;
  const before = perfFastPath.taken;
  perfFastPath.enabled = on;
  try {
    const value = f();
    return { value, taken: perfFastPath.taken - before };
  } finally {
    perfFastPath.enabled = was;
  }
}

function json(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Int32Array ? Array.from(v) : v));
}

// ---- 1. the examples, through the command line --------------------------------------------------

function wplab(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));

test('there are example scenarios to compare', () => {
  assert.ok(examples.length >= 5, examples.join(', '));
});

let exampleTaken = 0;
for (const f of examples) {
  for (const kernel of [[], ['--kernel', '6.5'], ['--kernel', '6.6'], ['--cpu', 'power8']]) {
    test(`example ${f} ${kernel.join(' ') || '(as written)'}: wplab run --json is byte-identical with and without the fast path`, () => {
      const args = ['run', join(EXAMPLES, f), '--json', ...kernel];
      const fast = withFastPath(true, () => wplab(args));
      const slow = withFastPath(false, () => wplab(args));
      exampleTaken += fast.taken;
      assert.equal(slow.taken, 0, 'the generic run did not use the fast path');
      assert.equal(fast.value.code, slow.value.code);
      assert.equal(fast.value.err, slow.value.err);
      assert.equal(fast.value.out, slow.value.out);
    });
  }
}

test('the examples went through the fast path (so the comparison above compared something)', () => {
  assert.ok(exampleTaken > 0, `fast path taken ${exampleTaken} times`);
});

// ---- a whole machine's observable state ------------------------------------------------------------

interface Outcome {
  stops: string[];
  decisions: string;
  dropped: number;
  counts: string;
  kernelLog: string;
  views: string;
  tasks: string;
}

function snapshot(m: Machine, tracer: Tracer, fds: number[], stops: string[], buf: bigint, bufLen: number): Outcome {
  return {
    stops,
    decisions: json(m.log.all()),
    dropped: m.log.dropped,
    counts: json(fds.map((fd) => tracer.perfRead(fd))),
    kernelLog: json(m.hw.kernelLog),
    views: json({ slots: m.hw.slotsView(), counters: m.hw.countersView() }),
    tasks: json(
      m.tasks.map((t) => ({
        state: t.state,
        lastStop: t.lastStop,
        pending: t.pending,
        hi: t.thread.hi,
        lo: t.thread.lo,
        vsr: t.thread.vsr,
        pc: t.thread.pcNum,
        msr: t.thread.msr,
        cr: t.thread.crNum,
        xer: t.thread.xerNum,
        reservation: t.thread.reservation,
        mem: t.mem.readBytes(buf, bufLen),
        output: t.output.map((o) => Array.from(o)),
        icount: m.icount,
      })),
    ),
  };
}

// ---- 2. the bench loop ------------------------------------------------------------------------------

// BENCH: the very program `npm run bench` measures

function program(src: string): Program {
  const r = assemble(src, 'test.S');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

for (const kernel of ['6.5', '6.6'] as KernelPolicy[]) {
  for (const logCapacity of [100_000, 7]) {
    test(`bench loop, ${kernel}, log capacity ${logCapacity}: the same log, counts and state with and without the fast path`, () => {
      const p = program(BENCH);
      const sym = (n: string): bigint => p.symbols.get(n)?.value ?? 0n;
      const runOnce = (): Outcome => {
        const m = new Machine({ cpu: 'power10', cpus: 1, kernel, logCapacity });
        const t = m.addTask({ name: 'bench', program: p, traced: true, regs: [{ reg: 'r3', value: 2000n }] });
        const tracer = new Tracer(m);
        const fd = tracer.perfOpen({ name: 'hits', task: t, cpu: -1, addr: sym('counter'), len: 8n, type: 'w', excludeKernel: true, excludeHv: true });
        assert.ok(fd.ok);
        const stop = tracer.cont(t, 1_000_000);
        assert.ok(stop.ok);
        return snapshot(m, tracer, [fd.fd], [json(stop.stop)], sym('counter'), 16);
      };
      const fast = withFastPath(true, runOnce);
      const slow = withFastPath(false, runOnce);
      assert.equal(fast.taken, 4000, 'every hit and every step took the fast path');
      assert.equal(slow.taken, 0);
      assert.deepEqual(fast.value, slow.value);
      assert.match(fast.value.counts, /"count":2000/);
    });
  }
}

// ---- 3. random programs and watchpoints ----------------------------------------------------------

const BUF_LEN = 256;

/** One body instruction (r9 = buf, r10 = a changing value, r31 = the loop counter). */
const insn: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('std 10', 'ld 5', 'stw 10', 'lwz 5'), fc.integer({ min: 0, max: 8 })).map(([op, k]) => `${op},${k * 4}(9)`),
  fc.tuple(fc.constantFrom('stb 10', 'lbz 5', 'sth 10', 'lhz 5'), fc.integer({ min: 0, max: 32 })).map(([op, k]) => `${op},${op.includes('h') ? k & ~1 : k}(9)`),
  fc.tuple(fc.constantFrom('stdx 10,9,6', 'ldx 5,9,6'), fc.integer({ min: 0, max: 4 })).map(([op, k]) => `li 6,${k * 8}\n\t${op}`),
  fc.tuple(fc.constantFrom('lxvd2x 0,0,7', 'stxvd2x 0,0,7'), fc.integer({ min: 0, max: 3 })).map(([op, k]) => `addi 7,9,${k * 16}\n\t${op}`),
  fc.integer({ min: 0, max: 4 }).map((k) => `addi 7,9,${k * 8}\n\tldarx 5,0,7\n\tstdcx. 10,0,7`),
  fc.integer({ min: 0, max: 1 }).map((k) => `addi 7,9,${k * 128}\n\tdcbz 0,7`),
  // kernel-mode accesses: read(0, buf+off, len) writes the buffer, write(1, buf+off, len) reads it
  fc.tuple(fc.constantFrom(3, 4), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 24 })).map(([nr, off, len]) => `li 0,${nr}\n\tli 3,${nr === 3 ? 0 : 1}\n\taddi 4,9,${off}\n\tli 5,${len}\n\tsc`),
  fc.constant('addi 10,10,1'),
);

interface WatchSpec {
  owner: 'ptrace' | 'perf';
  type: 'r' | 'w' | 'rw';
  off: number;
  len: number;
  exact: boolean;
  excludeUser: boolean;
  excludeKernel: boolean;
  perCpu: boolean;
}

const watch: fc.Arbitrary<WatchSpec> = fc.record({
  owner: fc.constantFrom('ptrace' as const, 'perf' as const),
  type: fc.constantFrom('r' as const, 'w' as const, 'rw' as const),
  off: fc.integer({ min: 0, max: 31 }),
  len: fc.integer({ min: 1, max: 16 }),
  exact: fc.boolean(),
  excludeUser: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
  excludeKernel: fc.boolean(),
  perCpu: fc.boolean(),
});

interface Case {
  cpu: CpuModelName;
  kernel: KernelPolicy;
  cpus: number;
  second: boolean;
  loops: number;
  body: string[];
  watches: WatchSpec[];
  /** per resume: true = PTRACE_SINGLESTEP, false = PTRACE_CONT */
  resumes: boolean[];
  logCapacity: number;
}

const testCase: fc.Arbitrary<Case> = fc.record({
  cpu: fc.constantFrom('power8' as const, 'power10' as const),
  kernel: fc.constantFrom('6.5' as const, '6.6' as const),
  cpus: fc.integer({ min: 1, max: 2 }),
  second: fc.boolean(),
  loops: fc.integer({ min: 1, max: 20 }),
  body: fc.array(insn, { minLength: 1, maxLength: 8 }),
  watches: fc.array(watch, { minLength: 1, maxLength: 4 }),
  // mostly PTRACE_CONT, a single step now and then
  resumes: fc.array(fc.integer({ min: 0, max: 4 }).map((k) => k === 0), { minLength: 1, maxLength: 40 }),
  logCapacity: fc.constantFrom(100_000, 5),
});

function source(c: Case): string {
  return `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,buf@ha
	addi 9,9,buf@l
	li 31,${c.loops}
1:
	${c.body.join('\n\t')}
	addi 31,31,-1
	cmpdi 31,0
	bne 1b
	li 0,1
	li 3,0
	sc
	.data
	.balign 128
buf:	.space ${BUF_LEN}
`;
}

function runCase(c: Case, p: Program): Outcome {
  const buf = p.symbols.get('buf')?.value ?? 0n;
  const m = new Machine({ cpu: c.cpu, cpus: c.cpus, kernel: c.kernel, logCapacity: c.logCapacity });
  const stdin = new TextEncoder().encode('x'.repeat(8192));
  const t = m.addTask({ name: 'main', program: p, traced: true, stdin });
  if (c.second) m.addTask({ name: 'other', program: p, traced: false, stdin });
  const tracer = new Tracer(m);
  const fds: number[] = [];
  const stops: string[] = [];
  for (const [i, w] of c.watches.entries()) {
    const addr = buf + BigInt(w.off);
    if (w.owner === 'perf') {
      const r = tracer.perfOpen({ name: `p${i}`, task: w.perCpu ? undefined : t, cpu: w.perCpu ? 0 : -1, addr, len: BigInt(w.len), type: w.type, excludeUser: w.excludeUser, excludeKernel: w.excludeKernel, excludeHv: true });
      stops.push(`perf ${i}: ${json(r)}`);
      if (r.ok) fds.push(r.fd);
    } else {
      const trigger = w.type === 'r' ? 'read' : w.type === 'w' ? 'write' : 'rw';
      const r = tracer.setHwDebug(t, w.exact ? { version: 1, trigger, mode: 'exact', addr: addr & ~7n, addr2: 0n } : { version: 1, trigger, mode: 'range_inclusive', addr, addr2: addr + BigInt(w.len) });
      stops.push(`ptrace ${i}: ${json(r)}`);
    }
  }
  for (const step of c.resumes) {
    if (!t.alive) break;
    const r = step ? tracer.singleStep(t, 20_000) : tracer.cont(t, 20_000);
    stops.push(json(r));
  }
  return snapshot(m, tracer, fds, stops, buf, BUF_LEN);
}

test('random programs with ptrace and perf watchpoints: the same observable outcome with and without the fast path', () => {
  let taken = 0;
  let decisions = 0;
  const branches = new Set<string>();
  fc.assert(
    fc.property(testCase, (c) => {
      const p = program(source(c));
      const fast = withFastPath(true, () => runCase(c, p));
      const slow = withFastPath(false, () => runCase(c, p));
      taken += fast.taken;
      assert.equal(slow.taken, 0);
      assert.deepEqual(fast.value, slow.value);
      const ds = JSON.parse(fast.value.decisions) as Array<{ branch: string }>;
      decisions += ds.length;
      for (const d of ds) branches.add(d.branch);
    }),
    { numRuns: 300, seed: 20261126 },
  );
  // the comparison exercised both paths and the handler's branches
  assert.ok(taken > 100, `fast path taken ${taken} times`);
  assert.ok(decisions > 1000, `${decisions} decisions compared`);
  if (process.env.SAMENESS_VERBOSE) console.log(`fast path taken ${taken} times; ${decisions} decisions; branches: ${[...branches].sort().join(', ')}`);
  for (const b of ['perf-single-step', 'step-complete', 'ptrace-report', 'ptrace-report-all', 'larx-stcx-disable', 'perf-emulate']) assert.ok(branches.has(b), `branch ${b} seen (${[...branches].join(', ')})`);
});

test('a task other than the target is not left with a pending step when the target stops (second task on the same CPU)', () => {
  // the fixed case the random test draws sometimes: two tasks, one CPU, a per-CPU perf event on a
  // buffer both write, the traced one single-stepped through the loop
  const c: Case = {
    cpu: 'power10',
    kernel: '6.6',
    cpus: 1,
    second: true,
    loops: 6,
    body: ['std 10,0(9)', 'ld 5,8(9)', 'addi 10,10,1'],
    watches: [
      { owner: 'perf', type: 'rw', off: 0, len: 16, exact: false, excludeUser: false, excludeKernel: false, perCpu: true },
      { owner: 'perf', type: 'w', off: 0, len: 8, exact: false, excludeUser: false, excludeKernel: false, perCpu: false },
    ],
    resumes: [true, true, true, false, true, false, false],
    logCapacity: 100_000,
  };
  const p = program(source(c));
  const fast = withFastPath(true, () => runCase(c, p));
  const slow = withFastPath(false, () => runCase(c, p));
  assert.ok(fast.taken > 0);
  assert.deepEqual(fast.value, slow.value);
});
