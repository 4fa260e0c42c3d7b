// Watchpoint costs on the whole machine: a perf counter that hits on every loop iteration (exception,
// decision, single step, count, reinstall, all recorded in the decision log), and the same loop under
// a scenario with two armed watchpoints that never hit.
import { assemble } from '../sim/asm/assembler';
import { Machine } from '../sim/machine/machine';
import { Tracer } from '../sim/machine/tracer';
import { perfFastPath } from '../sim/hwbp/perf-fast-path';
import type { BenchRow } from './run';

/** the loop measured here (the fast path's sameness test runs it too) */
export const SOURCE = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,counter@ha
	addi 9,9,counter@l
	lis 8,other@ha
	addi 8,8,other@l
	mtctr 3
1:	std 4,0(9)
	ld 5,0(8)
	addi 4,4,1
	bdnz 1b
	.globl done
done:
	trap
	.data
	.balign 8
counter: .quad 0
other:	.quad 0
quiet1:	.quad 0
quiet2:	.quad 0
`;

function setup(iterations: number) {
  const r = assemble(SOURCE, 'bench.S');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  const p = r.value;
  const m = new Machine({ cpu: 'power10', cpus: 1, logCapacity: 100_000 });
  const t = m.addTask({ name: 'bench', program: p, traced: true, regs: [{ reg: 'r3', value: BigInt(iterations) }] });
  const sym = (n: string): bigint => p.symbols.get(n)?.value ?? 0n;
  return { m, t, tracer: new Tracer(m), sym };
}

export function run(): BenchRow[] {
  const rows: BenchRow[] = [];
  // 1. perf counter hit on every iteration (the fast path of sim/hwbp/perf-fast-path.ts), and the
  //    same with the generic handler only, for reference
  const perfHits = (n: number, fast: boolean) => {
    const { m, t, tracer, sym } = setup(n);
    const fd = tracer.perfOpen({ name: 'hits', task: t, cpu: -1, addr: sym('counter'), len: 8n, type: 'w', excludeKernel: true, excludeHv: true });
    if (!fd.ok) throw new Error(fd.message);
    const was = perfFastPath.enabled;
    perfFastPath.enabled = fast;
    const t0 = process.hrtime.bigint();
    let stop;
    try {
      stop = tracer.cont(t, 100_000_000);
    } finally {
      perfFastPath.enabled = was;
    }
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const count = tracer.perfRead(fd.fd);
    if (!stop.ok || !count.ok || count.count !== n) throw new Error(`expected ${n} counted hits, got ${count.ok ? count.count : count.message}`);
    return { rate: n / secs, secs, m };
  };
  {
    const n = 1_000_000;
    const { rate, secs, m } = perfHits(n, true);
    const generic = perfHits(n / 2, false);
    rows.push({
      name: 'perf counter hit every iteration (exception + decision + step + count)',
      value: rate,
      unit: 'hits/s',
      goal: '>= 2M hits/s',
      ok: rate >= 2e6,
      reference: { name: 'generic handler (fast path off)', value: generic.rate },
      note: `${n} hits, ${m.log.total} decisions recorded (log keeps ${m.log.size}, dropped ` +
        `${m.log.dropped}) in ${secs.toFixed(2)} s`,
    });
  }
  // 2. the same loop, two ptrace watchpoints armed that never hit, versus none
  const timeLoop = (armed: boolean): number => {
    const n = 20_000_000;
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const { m, t, tracer, sym } = setup(n);
      if (armed) {
        for (const s of ['quiet1', 'quiet2']) {
          const h = tracer.setHwDebug(t, { version: 1, trigger: 'rw', mode: 'range_inclusive', addr: sym(s), addr2: sym(s) + 8n });
          if (!h.ok) throw new Error(h.message);
        }
      }
      const t0 = process.hrtime.bigint();
      tracer.cont(t, 1_000_000_000);
      const secs = Number(process.hrtime.bigint() - t0) / 1e9;
      best = Math.min(best, secs);
      void m;
    }
    return (n * 4) / best;
  };
  const none = timeLoop(false);
  const two = timeLoop(true);
  const slower = (none / two - 1) * 100;
  rows.push({ name: 'machine loop, no watchpoints', value: none, unit: 'instr/s' });
  rows.push({
    name: 'machine loop, two ptrace watchpoints armed that never hit',
    value: two,
    unit: 'instr/s',
    goal: '<= 10% slower than none',
    ok: slower <= 10,
    note: `${slower.toFixed(1)}% slower than with none`,
  });
  return rows;
}
