// The timeline's window computation (debug-adapter/panel-timeline.ts) on a real machine: decisions
// cut into about one bucket per pixel (a mark per lane and bucket with its count and kinds), stays
// in the slots, a scheduled-out stay until now, steps in flight, a window of a million decisions
// kept fast, and the arguments a webview may send checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { DecisionLog } from '../../sim/hwbp/decision-log';
import { SlotHistory } from '../../sim/hwbp/slot-history';
import { Machine } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';
import { checkTimelineArgs, timeline, type TimelineSource } from '../../debug-adapter/panel-timeline';

function hot(iterations: number, logCapacity = 1_000_000): { m: Machine; src: () => TimelineSource } {
  const p = assemble(
    `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 3,value@ha
	addi 3,3,value@l
	lis 9,${iterations}@ha
	addi 9,9,${iterations}@l
	mtctr 9
	li 4,0
loop:
	addi 4,4,1
	std 4,0(3)
	bdnz loop
	trap
	.data
	.balign 8
value:
	.quad 0
`,
    'hot.S',
  );
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const m = new Machine({ cpu: 'power10', cpus: 1, kernel: '6.6', logCapacity });
  const t = m.addTask({ name: 'hot', program: p.value, traced: true });
  const tr = new Tracer(m);
  assert.ok(
    tr.perfOpen({
      name: 'w',
      task: t,
      cpu: -1,
      addr: p.value.symbols.get('value')!.value,
      len: 8n,
      type: 'w',
      excludeKernel: true,
      excludeHv: true,
    }).ok,
  );
  const s = tr.cont(t, 100_000_000);
  assert.ok(s.ok && s.stop.si_code === 'TRAP_BRKPT');
  return {
    m,
    src: () => ({
      log: m.log,
      slotEvents: m.slotHistory.all(),
      now: m.icount,
      cpus: 1,
      slots: 2,
      model: 'power10',
      registered: new Set(m.hw.breakpoints().map((b) => b.name)),
    }),
  };
}

test('a window is cut into buckets: one mark per lane and bucket, with how many decisions and of which kinds', () => {
  const { m, src } = hot(1000);
  assert.equal(m.log.total, 2000);
  const r = timeline(src(), { from: 0, buckets: 50 });
  assert.equal(r.to, m.icount);
  assert.equal(r.decisions, 2000);
  const onSlot0 = r.marks.filter((x) => x.slot === 0);
  assert.ok(onSlot0.length <= 50 && onSlot0.length >= 45, `${onSlot0.length} marks for 50 buckets`);
  assert.equal(
    r.marks.reduce((n, x) => n + x.n, 0),
    2000,
    'every decision is in one mark',
  );
  assert.deepEqual(r.marks[0].branches, ['perf-single-step', 'step-complete']);
  // the counter held DAWR0 from the start; at the trap its task was scheduled out, until now
  const segs = r.lanes[0].segments.map((s) => `${s.label} ${s.state} ${s.from}-${s.to}${s.why ? ` ${s.why}` : ''}`);
  assert.deepEqual(segs, [`perf "w" installed 0-${m.icount} sched-out`]);
  // zoomed in to a few iterations: one mark per decision
  const z = timeline(src(), { from: 100, to: 120, buckets: 400 });
  assert.ok(z.marks.every((x) => x.n === 1 && x.branches === undefined));
  assert.deepEqual(
    z.marks
      .map((x) => x.branch)
      .slice(0, 2)
      .sort(),
    ['perf-single-step', 'step-complete'],
  );
  assert.ok(z.lanes[0].stepping.length > 0, 'the steps in flight in the window');
});

test('a stay scheduled out lasts until its breakpoint comes back, or until now while it is registered', () => {
  let now = 0;
  const h = new SlotHistory(() => now);
  const a = {
    bp: 'ptrace:t:1',
    owner: 'ptrace' as const,
    label: 'ptrace #1',
    task: 't',
    addr: '0x10',
    len: 8,
    type: 'w' as const,
  };
  const b = {
    bp: 'perf:p',
    owner: 'perf' as const,
    label: 'perf "p"',
    task: 'u',
    addr: '0x18',
    len: 8,
    type: 'r' as const,
  };
  h.record({ kind: 'install', cpu: 0, slot: 0, holder: a });
  h.record({ kind: 'install', cpu: 0, slot: 1, holder: b });
  now = 10;
  h.record({ kind: 'uninstall', cpu: 0, slot: 0, holder: a, why: 'sched-out' });
  h.record({ kind: 'uninstall', cpu: 0, slot: 1, holder: b, why: 'sched-out' });
  now = 30;
  h.record({ kind: 'install', cpu: 0, slot: 1, holder: b });
  now = 50;
  const r = timeline(
    {
      log: new DecisionLog(),
      slotEvents: h.all(),
      now,
      cpus: 1,
      slots: 2,
      model: 'power10',
      registered: new Set([a.bp, b.bp]),
    },
    { from: 0, buckets: 50 },
  );
  const segs = (slot: number) => r.lanes[slot].segments.map((s) => `${s.label} ${s.state} ${s.from}-${s.to}`);
  assert.deepEqual(segs(0), ['ptrace #1 installed 0-10', 'ptrace #1 scheduled-out 10-50']);
  assert.deepEqual(segs(1), ['perf "p" installed 0-10', 'perf "p" scheduled-out 10-30', 'perf "p" installed 30-50']);
  // a breakpoint deleted meanwhile is out only until it left
  const gone = timeline(
    {
      log: new DecisionLog(),
      slotEvents: h.all(),
      now,
      cpus: 1,
      slots: 2,
      model: 'power10',
      registered: new Set([b.bp]),
    },
    { from: 0, buckets: 50 },
  );
  assert.deepEqual(
    gone.lanes[0].segments.map((s) => s.state),
    ['installed'],
  );
});

test('a million decisions: the whole run in one small answer; a zoomed window reads only its own records', () => {
  const { m, src } = hot(500_000);
  assert.equal(m.log.total, 1_000_000);
  const s = src();
  // the work of a request, counted in decision records read (its time is the bench's business)
  let read = 0;
  const log = s.log;
  const counting = new Proxy(log, {
    get(target, key) {
      if (key !== 'scanMarks') return Reflect.get(target, key, target) as unknown;
      return (from: number, end: number, mark: unknown, fn: (d: unknown) => void) =>
        log.scanMarks(from, end, mark as never, (d) => (read++, fn(d)));
    },
  });
  const counted: TimelineSource = { ...s, log: counting };
  const r = timeline(counted, { from: 0, buckets: 800 });
  assert.ok(r.marks.length <= 800);
  assert.ok(JSON.stringify(r).length < 300_000, 'the answer stays small');
  assert.equal(read, 1_000_000);
  read = 0;
  const z = timeline(counted, { from: 700_000, to: 700_400, buckets: 400 });
  assert.ok(z.marks.length > 0);
  // the window's decisions (at most one per instruction of it) and the few before it
  assert.ok(read <= 401 + 8, `${read} records read for a window of 400 instructions`);
});

test('the arguments a webview sends are checked', () => {
  assert.deepEqual(checkTimelineArgs({ from: 0, buckets: 10 }), { from: 0, buckets: 10 });
  assert.deepEqual(checkTimelineArgs({ from: 5, to: 50, buckets: 10 }), { from: 5, to: 50, buckets: 10 });
  for (const bad of [
    null,
    'x',
    { from: -1, buckets: 10 },
    { from: 0, to: NaN, buckets: 10 },
    { from: 0, buckets: 0 },
    { from: 0, buckets: 4001 },
    { from: 0, buckets: 1.5 },
  ]) {
    assert.equal(typeof checkTimelineArgs(bad), 'string', JSON.stringify(bad));
  }
});
