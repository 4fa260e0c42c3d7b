// The slot history (what held each DAWR slot when, and which task ran on each CPU), the slots a
// stopped task's breakpoints take when it runs next, and the decision log read as timeline marks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { newDecisionMark } from '../../sim/hwbp/decision-record';
import { occupancy, SlotHistory, type SlotEvent } from '../../sim/hwbp/slot-history';
import { Machine } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';

// stores `counter` and loads `spare` three times, then traps
const SOURCE = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,counter@ha
	addi 9,9,counter@l
	lis 10,spare@ha
	addi 10,10,spare@l
	li 4,3
	mtctr 4
	li 5,1
loop:	std 5,0(9)
	ld 6,0(10)
	addi 5,5,1
	bdnz loop
	trap
	.data
	.balign 8
counter: .quad 0
spare: .quad 0
`;

function machine(cpus = 1) {
  const p = assemble(SOURCE, 'hist.S');
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const m = new Machine({ cpu: 'power10', cpus, kernel: '6.6' });
  const t = m.addTask({ name: 'child', program: p.value, traced: true });
  const sym = (n: string) => p.value.symbols.get(n)!.value;
  return { m, t, tracer: new Tracer(m), sym };
}

test("installs, uninstalls and task switches are recorded on the decisions' clock", () => {
  const { m, t, tracer, sym } = machine();
  const w = tracer.setHwDebug(t, {
    version: 1,
    trigger: 'write',
    mode: 'range_inclusive',
    addr: sym('counter'),
    addr2: sym('counter') + 8n,
  });
  assert.ok(w.ok);
  const p = tracer.perfOpen({
    name: 'reads',
    task: t,
    cpu: -1,
    addr: sym('spare'),
    len: 8n,
    type: 'r',
    excludeKernel: true,
    excludeHv: true,
  });
  assert.ok(p.ok);
  // stopped: nothing is installed yet (a task's breakpoints go on when it is scheduled in)
  assert.equal(m.slotHistory.total, 0);
  const s = tracer.cont(t, 1000);
  assert.ok(s.ok && s.stop.si_code === 'TRAP_HWBKPT');
  const ev = m.slotHistory.all();
  const kinds = ev.map((e) => {
    const where = e.kind === 'install' || e.kind === 'uninstall' ? `:${e.slot}:${e.holder.bp}` : `:${e.task}`;
    return `${e.kind}@${e.icount}${where}${e.kind === 'uninstall' ? `:${e.why}` : ''}`;
  });
  // scheduled in at 0 (ptrace pinned first), the stop at the store (7 instructions run) schedules both out
  assert.deepEqual(kinds, [
    'switch-in@0:child',
    'install@0:0:ptrace:child:1',
    'install@0:1:perf:reads',
    'uninstall@7:0:ptrace:child:1:disabled', // one-shot: ptrace_triggered disabled it at the hit
    'uninstall@7:1:perf:reads:sched-out',
    'switch-out@7:child',
  ]);
  const d = m.log.all();
  assert.equal(d[0].icount, 7, 'the decision of that hit is at the same clock');
  const occ = occupancy(ev, m.icount);
  assert.deepEqual(
    occ.slots.map((o) => [o.slot, o.from, o.to, o.holder.label, o.why]),
    [
      [0, 0, 7, 'ptrace #1', 'disabled'],
      [1, 0, 7, 'perf "reads"', 'sched-out'],
    ],
  );
  assert.deepEqual(
    occ.runs.map((r) => [r.cpu, r.from, r.to, r.task]),
    [[0, 0, 7, 'child']],
  );
});

test("a stopped task's breakpoints show in the slots they take when it runs next", () => {
  const { m, t, tracer, sym } = machine(2);
  tracer.setHwDebug(t, {
    version: 1,
    trigger: 'write',
    mode: 'range_inclusive',
    addr: sym('counter'),
    addr2: sym('counter') + 8n,
  });
  const reads = tracer.perfOpen({
    name: 'reads',
    task: t,
    cpu: -1,
    addr: sym('spare'),
    len: 8n,
    type: 'r',
    excludeKernel: true,
    excludeHv: true,
  });
  assert.ok(reads.ok);
  // before it ever ran: the scheduler's choice (the lowest free CPU)
  let v = m.slotsView();
  assert.equal(v.cpus[0].nextTask, 'child');
  assert.deepEqual(
    v.cpus[0].slots.map((s) => [s.occupant?.label, s.next?.label, s.next?.state]),
    [
      [undefined, 'ptrace #1', 'armed'],
      [undefined, 'perf "reads"', 'armed'],
    ],
  );
  assert.equal(v.cpus[1].nextTask, undefined);
  assert.deepEqual(
    v.cpus[1].slots.map((s) => s.next),
    [undefined, undefined],
  );
  // stopped at the watchpoint: the fired ptrace watchpoint is off (one-shot), shown disabled
  const s = tracer.cont(t, 1000);
  assert.ok(s.ok && s.stop.si_code === 'TRAP_HWBKPT');
  v = m.slotsView();
  assert.deepEqual(
    v.cpus[0].slots.map((x) => [x.occupant?.label, x.next?.label, x.next?.state]),
    [
      [undefined, 'ptrace #1', 'disabled'],
      [undefined, 'perf "reads"', 'armed'],
    ],
  );
  // the live view alone (no placement) is unchanged: the slots are free
  assert.deepEqual(
    m.hw.slotsView().cpus[0].slots.map((x) => [x.occupant, x.next]),
    [
      [undefined, undefined],
      [undefined, undefined],
    ],
  );
  // a per-CPU event holds its slot now; the task's watchpoint goes to the next free one
  assert.ok(tracer.perfClose(reads.fd).ok);
  assert.ok(tracer.perfOpen({ name: 'cpu0', cpu: 0, addr: sym('spare'), len: 8n, type: 'w' }).ok);
  v = m.slotsView();
  assert.deepEqual(
    v.cpus[0].slots.map((x) => [x.occupant?.label, x.next?.label]),
    [
      ['perf "cpu0"', undefined],
      [undefined, 'ptrace #1'],
    ],
  );
});

test('the decision log is read as marks without making text, and searched by clock', () => {
  const { m, t, tracer, sym } = machine();
  tracer.perfOpen({
    name: 'stores',
    task: t,
    cpu: -1,
    addr: sym('counter'),
    len: 8n,
    type: 'w',
    excludeKernel: true,
    excludeHv: true,
  });
  const s = tracer.cont(t, 1000);
  assert.ok(s.ok && s.stop.si_code === 'TRAP_BRKPT');
  const all = m.log.all();
  assert.equal(all.length, 6, 'three perf hits, each an exception and a step completion');
  const seen: string[] = [];
  m.log.scanMarks(0, m.log.total, newDecisionMark(), (k) => {
    seen.push(
      `${k.seq}@${k.icount}:${k.branch}:${k.slotMask}:` +
        `${k.arm.slice(0, k.armN).map((a) => `${a.bp}/${a.slot}`)}:` +
        `${k.done.slice(0, k.doneN).map((a) => `${a.bp}/${a.slot}`)}`,
    );
  });
  assert.deepEqual(
    seen,
    all.map((d) => {
      // an effect's breakpoint and the slot it has in this decision (-1: none)
      const bpSlot = (e: (typeof d.effects)[number]) => {
        const bp = (e as { bp: string }).bp;
        return `${bp}/${d.slots.find((x) => x.bp === bp)?.slot ?? -1}`;
      };
      const hitMask = d.slots.filter((x) => x.result !== 'miss').reduce((a, x) => a | (1 << x.slot), 0);
      return (
        `${d.seq}@${d.icount}:${d.branch}:${hitMask}:` +
        `${d.effects.filter((e) => e.kind === 'arm-step').map(bpSlot)}:` +
        `${d.effects.filter((e) => e.kind === 'step-done').map(bpSlot)}`
      );
    }),
  );
  assert.ok(seen[0].includes(':perf-single-step:1:perf:stores/0:'), seen[0]);
  assert.equal(m.log.seqAtIcount(0), 0);
  assert.equal(m.log.seqAtIcount(all[2].icount), 2);
  assert.equal(m.log.seqAtIcount(all[2].icount + 1), 3);
  assert.equal(m.log.seqAtIcount(1e12), m.log.total);
});

test('a bounded history keeps the newest events; spans cut by the drop start at the first kept one', () => {
  let now = 0;
  const h = new SlotHistory(() => now, 3);
  const holder = { bp: 'perf:p', owner: 'perf' as const, label: 'perf "p"', addr: '0x10', len: 8, type: 'w' as const };
  h.record({ kind: 'switch-in', cpu: 0, pid: 100, task: 'a' });
  now = 5;
  h.record({ kind: 'install', cpu: 0, slot: 0, holder });
  now = 9;
  h.record({ kind: 'uninstall', cpu: 0, slot: 0, holder, why: 'sched-out' });
  now = 12;
  h.record({ kind: 'switch-out', cpu: 0, pid: 100, task: 'a' });
  assert.equal(h.dropped, 1);
  const ev: SlotEvent[] = h.all();
  assert.deepEqual(
    ev.map((e) => e.kind),
    ['install', 'uninstall', 'switch-out'],
  );
  const o = occupancy(ev, 20);
  assert.deepEqual(
    o.slots.map((x) => [x.from, x.to, x.why]),
    [[5, 9, 'sched-out']],
  );
  assert.deepEqual(
    o.runs.map((x) => [x.from, x.to, x.task]),
    [[5, 12, 'a']],
  );
});
