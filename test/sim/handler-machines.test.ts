// The exception handler keeps its working state per CPU of one machine (sim/hwbp/exception-run.ts):
// machines run in turns in one process record exactly what each records alone. Two machines with
// perf counters that hit on every iteration (the bench loop), under 6.6 and 6.5, are run in small
// interleaved budgets; each one's decision log, counts and stops equal those of the same machine run
// alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble } from '../../sim/asm/assembler';
import type { KernelPolicy } from '../../sim/hwbp/cpu-model';
import { Machine } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';
import { SOURCE } from '../../bench/watchpoints.bench';

interface Setup {
  kernel: KernelPolicy;
  /** the symbol the counter watches, and how */
  sym: 'counter' | 'other';
  type: 'r' | 'w' | 'rw';
  len: bigint;
  /** the counter's name */
  name: string;
}

function start(s: Setup) {
  const r = assemble(SOURCE, 'bench.S');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const p = r.value;
  const m = new Machine({ cpu: 'power10', cpus: 1, kernel: s.kernel, logCapacity: 50 });
  const t = m.addTask({ name: 'bench', program: p, traced: true, regs: [{ reg: 'r3', value: 300n }] });
  const tracer = new Tracer(m);
  const addr = p.symbols.get(s.sym)?.value ?? 0n;
  const fd = tracer.perfOpen({
    name: s.name,
    task: t,
    cpu: -1,
    addr,
    len: s.len,
    type: s.type,
    excludeKernel: true,
    excludeHv: true,
  });
  assert.ok(fd.ok);
  return { m, t, tracer, fd: fd.fd };
}

type Run = ReturnType<typeof start>;

function outcome(r: Run, stops: string[]): string {
  const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return json({ stops, decisions: r.m.log.all(), total: r.m.log.total, count: r.tracer.perfRead(r.fd) });
}

/** Resumes the task `budget` instructions at a time until it stops otherwise than at the limit;
 * `between` runs after each budget. */
function drive(r: Run, budget: number, between: () => void = () => {}): string[] {
  const stops: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const c = r.tracer.cont(r.t, budget);
    assert.ok(c.ok);
    stops.push(`${c.stop.event} ${c.stop.pc}`);
    between();
    if (c.stop.event !== 'limit') break;
  }
  return stops;
}

// B's first counter is A's but for its name (a cache shared between machines would mix them up)
const A: Setup = { kernel: '6.6', sym: 'counter', type: 'w', len: 8n, name: 'hits-A' };
const B: Setup = { kernel: '6.5', sym: 'counter', type: 'w', len: 8n, name: 'hits-B' };
const C: Setup = { kernel: '6.6', sym: 'other', type: 'rw', len: 4n, name: 'hits-C' };

for (const [x, y] of [
  [A, B],
  [A, C],
]) {
  test(`two machines (${x.name} ${x.kernel}, ${y.name} ${y.kernel}) in turns record what each records alone`, () => {
    const aloneA = start(x);
    const aloneB = start(y);
    const soloA = outcome(aloneA, drive(aloneA, 7));
    const soloB = outcome(aloneB, drive(aloneB, 7));
    assert.match(soloA, /"count":300/, 'the first machine counted every hit');
    assert.match(soloB, /"count":300/, 'the second machine counted every hit');

    const a = start(x);
    const b = start(y);
    // each budget of the first is followed by one of the second (which goes on after the first ends)
    let bDone = false;
    const stopsB: string[] = [];
    const stepB = (): void => {
      if (bDone) return;
      const c = b.tracer.cont(b.t, 7);
      assert.ok(c.ok);
      stopsB.push(`${c.stop.event} ${c.stop.pc}`);
      bDone = c.stop.event !== 'limit';
    };
    const stopsA = drive(a, 7, stepB);
    while (!bDone) stepB();
    assert.equal(outcome(a, stopsA), soloA);
    assert.equal(outcome(b, stopsB), soloB);
    // and each names its own counter only
    for (const [r, s] of [
      [a, x],
      [b, y],
    ] as const) {
      const named = new Set(
        r.m.log.all().flatMap((d) => [...d.slots.map((v) => v.bp), ...d.effects.map((e) => ('bp' in e ? e.bp : ''))]),
      );
      named.delete('');
      assert.deepEqual([...named], [`perf:${s.name}`]);
    }
  });
}
