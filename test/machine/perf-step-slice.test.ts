// On one CPU a completed perf step goes on in the same slice (machine.ts stepGoesOn) instead of going
// back through run()'s loop: the time slices must stay what run() makes them. Tasks switch exactly
// every `quantum` instructions, and a run cut into budgets of any size is the same run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { Machine } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';

// each task counts its own `counter` up 3000 times; a perf counter on cpu0 hits every store
const SOURCE = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,counter@ha
	addi 9,9,counter@l
	li 5,3000
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

const QUANTUM = 1000;

function machine() {
  const p = assemble(SOURCE, 'slices.S');
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const m = new Machine({ cpu: 'power10', cpus: 1, kernel: '6.6', quantum: QUANTUM });
  const a = m.addTask({ name: 'a', program: p.value, traced: true });
  const b = m.addTask({ name: 'b', program: p.value, traced: false });
  const counter = p.value.symbols.get('counter')?.value ?? 0n;
  const tracer = new Tracer(m);
  const fd = tracer.perfOpen({ name: 'stores', cpu: 0, addr: counter, len: 8n, type: 'w', excludeKernel: true });
  assert.ok(fd.ok, fd.ok ? '' : fd.message);
  m.resume(a, false);
  return { m, a, b, tracer, fd: fd.fd };
}

function outcome(budgets: (i: number) => number): string {
  const { m, a, b, tracer, fd } = machine();
  let stop;
  for (let i = 0; !stop; i++) stop = m.run(a, budgets(i));
  const count = tracer.perfRead(fd);
  const decisions = m.log
    .recent(40)
    .map((d) => `${d.seq}:${d.icount}:${d.task}:${d.branch}`)
    .join(',');
  const switches = m.slotHistory
    .all()
    .filter((e) => e.kind === 'switch-in')
    .map((e) => `${e.icount}`)
    .join(',');
  const pcs = [a, b].map((t) => t.thread.pc.toString(16)).join('/');
  return (
    `icount=${m.icount} stop=${stop.event}/${stop.signal} pcs=${pcs} ` +
    `perf=${count.ok ? count.count : count.message} decisions=${m.log.total} switches=${switches} last=${decisions}`
  );
}

test('one CPU, a perf hit on every iteration: tasks switch every quantum instructions', () => {
  const { m, a } = machine();
  const stop = m.run(a, 1e9);
  assert.equal(stop?.event, 'stopped');
  // b and a alternate for 12000 instructions each (12 quanta), then b's trap ends b and a runs to its own
  const switches = m.slotHistory
    .all()
    .flatMap((e) => (e.kind === 'switch-in' ? [{ icount: e.icount, task: e.task }] : []));
  assert.equal(switches.length, 26);
  const sliced = switches.slice(0, -1);
  sliced.forEach((e, i) => assert.equal(e.icount, i * QUANTUM, `switch-in of ${e.task}`));
  assert.deepEqual(
    sliced.slice(0, 4).map((e) => e.task),
    ['b', 'a', 'b', 'a'],
  );
  // every decision is the task's that ran then (a step that ends a slice completes in it)
  const decisions = m.log.all();
  assert.equal(decisions.length, 2 * 2 * 3000);
  for (const d of decisions) {
    const at = d.icount - (d.branch === 'step-complete' ? 1 : 0);
    const turn = switches.filter((e) => e.icount <= at).pop();
    assert.equal(d.task, turn?.task, `decision ${d.seq} at ${d.icount} (${d.branch})`);
  }
});

test('one CPU, a perf hit on every iteration: a run cut into budgets is the same run', () => {
  const whole = outcome(() => 1e9);
  assert.match(whole, /stop=stopped\/SIGTRAP/);
  for (const n of [1, 3, 4, 999, 1000, 1001, 7777])
    assert.equal(
      outcome(() => n),
      whole,
      `budgets of ${n}`,
    );
});
