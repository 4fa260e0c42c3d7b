// Cutting a run into budgets never changes the run: the debugger runs the machine in chunks whose
// size follows the wall clock, and the same program must give the same interleaving of tasks on
// CPUs, the same memory and the same decisions as one uninterrupted run (`wplab run`), every time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assemble } from '../../sim/asm/assembler';
import { Machine } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';

// each task counts its own `counter` up, with a perf counter on cpu1 hitting every store there (slices end early on
// cpu1, run whole on cpu0)
const SOURCE = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,counter@ha
	addi 9,9,counter@l
	lis 5,1
	mtctr 5
1:	ld 6,0(9)
	addi 6,6,1
	std 6,0(9)
	bdnz 1b
	trap
	.data
	.balign 8
counter: .quad 0
`;

function outcome(budgets: (i: number) => number): string {
  const p = assemble(SOURCE, 'budgets.S');
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const m = new Machine({ cpu: 'power10', cpus: 2, kernel: '6.6', quantum: 5000, slice: 700 });
  const a = m.addTask({ name: 'a', program: p.value, traced: true });
  const b = m.addTask({ name: 'b', program: p.value, traced: false });
  const c = m.addTask({ name: 'c', program: p.value, traced: false });
  const counter = p.value.symbols.get('counter')?.value ?? 0n;
  const tracer = new Tracer(m);
  const fd = tracer.perfOpen({
    name: 'stores',
    cpu: 1,
    addr: counter,
    len: 8n,
    type: 'w',
    excludeKernel: true,
    excludeHv: true,
  });
  assert.ok(fd.ok);
  m.resume(a, false);
  let stop;
  for (let i = 0; !stop; i++) stop = m.run(a, budgets(i));
  const count = tracer.perfRead(fd.fd);
  const word = (t: typeof a) => new DataView(t.mem.readBytes(counter, 8)!.buffer).getBigUint64(0, true);
  const decisions = m.log
    .recent(50)
    .map((d) => `${d.seq}:${d.cpu}:${d.task}:${d.branch}`)
    .join(',');
  return (
    `icount=${m.icount} stop=${stop.event}/${stop.signal} ` +
    `pcs=${[a, b, c].map((t) => t.thread.pc.toString(16)).join('/')} ` +
    `counters=${[a, b, c].map(word).join('/')} ` +
    `perf=${count.ok ? count.count : count.message} decisions=${m.log.total} ` +
    `last=${decisions}`
  );
}

test(
  'a run cut into budgets of any sizes is the same run as one uninterrupted run (2 ' + 'CPUs, 3 tasks, a perf counter)',
  () => {
    const whole = outcome(() => 1e9);
    assert.match(whole, /stop=stopped\/SIGTRAP/);
    for (const n of [1, 7, 699, 700, 701, 5000, 12345])
      assert.equal(
        outcome(() => n),
        whole,
        `budgets of ${n}`,
      );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20000 }), { minLength: 1, maxLength: 40 }), (sizes) => {
        assert.equal(
          outcome((i) => sizes[i % sizes.length]),
          whole,
        );
      }),
      { numRuns: 15 },
    );
  },
);
