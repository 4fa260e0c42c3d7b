// Machine checkpoints (sim/machine/checkpoint/): a machine run to N, checkpointed, run on to M and
// restored runs to M again exactly as the first time: the same registers, memory, decisions, slot
// history, output and processes. Tried on a forked C program (test/c-proc/programs, built with
// powerpc64le-linux-gnu-gcc) and on a watchpoint scenario (a ptrace watchpoint and a perf counter
// on a store loop, the tracer resuming at every hit).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { MachineCheckpoint } from '../../sim/machine/checkpoint/machine-checkpoint';
import { CheckpointStore } from '../../sim/machine/checkpoint/checkpoint-store';
import { Machine } from '../../sim/machine/machine';
import type { Task } from '../../sim/machine/task';
import { Tracer } from '../../sim/machine/tracer';
import { programFromBytes } from '../../sim/program-file';
import { INSTALL, requireTool } from '../helpers/tools';

const GCC = 'powerpc64le-linux-gnu-gcc';

/** Everything a future run shows: registers, memory, processes, decisions, slot history, output. */
function digest(m: Machine): string {
  const h = createHash('sha256');
  h.update(`icount ${m.icount} exceptions ${m.exceptions}\n`);
  for (const t of m.tasks) {
    const th = t.thread;
    h.update(`task ${t.pid} ${t.name} ${t.state} cpu ${t.cpu} reaped ${t.reaped}\n`);
    h.update(`pc ${th.pc} lr ${th.lr} ctr ${th.ctr} cr ${th.cr} xer ${th.xer} msr ${th.msr}\n`);
    for (let r = 0; r < 32; r++) h.update(`${th.getGpr(r)},`);
    h.update(new Uint8Array(th.vsr.buffer));
    for (const [pn, p] of [...t.mem.pages].sort((a, b) => a[0] - b[0])) {
      h.update(`${pn}:${p.read}${p.write}${p.exec}`);
      h.update(p.bytes);
    }
    for (const o of t.output) h.update(o);
    h.update(`sig ${JSON.stringify(t.lastStop, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}\n`);
  }
  h.update(JSON.stringify(m.log.all(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  h.update(JSON.stringify(m.slotHistory.all()));
  h.update(`clock ${m.kernel.clock.now()} random ${(m.kernel.random as unknown as { state: bigint }).state}`);
  return h.digest('hex');
}

function cProgram(t: TestContext, name: string): Uint8Array | undefined {
  if (!requireTool(t, GCC, INSTALL.gcc)) return undefined;
  const src = join(__dirname, '..', 'c-proc', 'programs', `${name}.c`);
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const dir = join(base, 'ppc-watchpoint-lab', 'c-proc');
  mkdirSync(dir, { recursive: true });
  const gccVersion = execFileSync(GCC, ['--version'], { encoding: 'utf8' });
  const key = createHash('sha256').update(readFileSync(src)).update(gccVersion).digest('hex').slice(0, 16);
  const out = join(dir, `${name}-${key}`);
  if (!existsSync(out)) {
    execFileSync(GCC, ['-O2', '-static', '-w', '-o', `${out}.tmp`, src], { stdio: 'pipe' });
    renameSync(`${out}.tmp`, out);
  }
  return new Uint8Array(readFileSync(out));
}

function cMachine(bytes: Uint8Array, cpus: number): { m: Machine; t: Task } {
  const p = programFromBytes('./prog', bytes);
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const m = new Machine({ cpu: 'power10', cpus, kernel: '6.6' });
  const t = m.addTask({ name: 'prog', program: p.value, traced: false });
  return { m, t };
}

/** Runs the machine until its clock reaches `at` (or the task ends). */
function runTo(m: Machine, t: Task, at: number): void {
  while (m.icount < at && t.state === 'running') if (m.run(t, at - m.icount)) break;
}

for (const [name, cpus] of [
  ['proc_fork_wait', 1],
  ['proc_pipes', 2],
  ['proc_timers', 1],
  ['proc_sigchld', 2],
] as const) {
  test(`${name} (${cpus} CPU): restored at N, the run to M is the same run`, (tc) => {
    const bytes = cProgram(tc, name);
    if (!bytes) return;
    // the whole run's length, on a machine of its own
    const whole = cMachine(bytes, cpus);
    runTo(whole.m, whole.t, 1e9);
    const total = whole.m.icount;
    assert.ok(total > 10_000, `${name} ran ${total} instructions`);

    const { m, t } = cMachine(bytes, cpus);
    const n = Math.floor(total / 3);
    const mid = Math.floor(total / 2);
    runTo(m, t, n);
    const a = MachineCheckpoint.take(m);
    assert.equal(a.icount, m.icount);
    runTo(m, t, mid);
    const b = MachineCheckpoint.take(m, a);
    runTo(m, t, 1e9);
    const atEnd = digest(m);

    a.restore();
    assert.equal(m.icount, n);
    runTo(m, t, mid);
    const midAgain = digest(m);
    runTo(m, t, 1e9);
    assert.equal(digest(m), atEnd, 'the run from N to the end is the same run');
    assert.equal(whole.m.icount, m.icount);

    b.restore();
    assert.equal(m.icount, mid);
    assert.equal(digest(m), midAgain, 'the checkpoint at M is the machine as the replay from N found it');
    runTo(m, t, 1e9);
    assert.equal(digest(m), atEnd);
    // b shares the pages a saved that nothing wrote in between
    assert.ok(
      b.graph.size.copiedBytes < a.graph.size.copiedBytes,
      `${b.graph.size.copiedBytes} < ${a.graph.size.copiedBytes}`,
    );
  });
}

const LOOP = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,counter@ha
	addi 9,9,counter@l
	lis 10,spare@ha
	addi 10,10,spare@l
	li 4,40
	mtctr 4
	li 5,1
loop:	std 5,0(9)
	ld 6,0(10)
	addi 5,5,1
	bdnz loop
	li 0,1
	li 3,0
	sc
	.data
	.balign 8
counter: .quad 0
spare: .quad 0
`;

test("a watchpoint scenario: decisions, slots, counts and the tracer's stops are the same after a restore", () => {
  const p = assemble(LOOP, 'loop.S');
  if (!p.ok) throw new Error(p.errors.map((e) => e.message).join('\n'));
  const m = new Machine({ cpu: 'power10', cpus: 1, kernel: '6.6' });
  const t = m.addTask({ name: 'child', program: p.value, traced: true });
  const tracer = new Tracer(m);
  const sym = (n: string) => p.value.symbols.get(n)!.value;
  const watch = () =>
    tracer.setHwDebug(t, {
      version: 1,
      trigger: 'write',
      mode: 'range_inclusive',
      addr: sym('counter'),
      addr2: sym('counter') + 8n,
    });
  const w = watch();
  assert.ok(w.ok);
  let handle = w.handle;
  const perf = tracer.perfOpen({
    name: 'reads',
    task: t,
    cpu: -1,
    addr: sym('spare'),
    len: 8n,
    type: 'r',
    excludeKernel: true,
    excludeHv: true,
  });
  assert.ok(perf.ok);
  const fd = perf.fd;
  /** resumes at every stop, re-arming the one-shot watchpoint: the stops, as text */
  const stops = (count: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < count && t.alive; i++) {
      const s = tracer.cont(t, 10_000);
      assert.ok(s.ok);
      const c = tracer.perfRead(fd);
      out.push(
        `${s.stop.event} ${s.stop.si_code ?? ''} ${s.stop.si_addr ?? ''} @${m.icount} perf ${c.ok ? c.count : '?'}`,
      );
      if (t.alive) {
        // it fired before the store: off, one step over the store, on again (as GDB does)
        assert.ok(tracer.delHwDebug(t, handle).ok);
        assert.ok(tracer.singleStep(t, 10).ok);
        const again = watch();
        assert.ok(again.ok);
        handle = again.handle;
      }
    }
    return out;
  };
  stops(10);
  const handleAtCheckpoint = handle;
  const cp = MachineCheckpoint.take(m, undefined, [tracer]);
  const first = stops(20);
  const after = digest(m);
  assert.ok(m.log.total > 10);
  cp.restore();
  handle = handleAtCheckpoint;
  const again = stops(20);
  assert.deepEqual(again, first);
  assert.equal(digest(m), after);
  const rest = stops(100);
  assert.equal(t.state, 'exited', rest.join('\n'));
});

test('the store keeps checkpoints within its budget, thinning the old ones out exponentially', (tc) => {
  const bytes = cProgram(tc, 'proc_pipes');
  if (!bytes) return;
  const { m, t } = cMachine(bytes, 1);
  const store = new CheckpointStore(m, { budgetBytes: 5 * 1024 * 1024, keepNewest: 4 });
  for (let i = 1; t.state === 'running' && i < 400; i++) {
    runTo(m, t, i * 2000);
    store.take();
    assert.ok(store.bytes <= 5 * 1024 * 1024 || store.count <= 5, `${store.bytes} bytes in ${store.count} checkpoints`);
  }
  const at = store.list().map((c) => c.icount);
  assert.ok(at.length >= 4);
  for (let i = 1; i < at.length; i++) assert.ok(at[i] > at[i - 1]);
  // the newest are dense, the oldest sparse
  const gaps = at.slice(1).map((x, i) => x - at[i]);
  assert.ok(gaps[0] >= gaps[gaps.length - 1], gaps.join(','));
  // the nearest at or before an instant
  const target = at[at.length - 2] + 1;
  assert.equal(store.before(target)?.icount, at[at.length - 2]);
  assert.equal(store.before(at[0] - 1), undefined);
});

test('a machine whose one checkpoint is over the budget gets none (travels replay from the launch)', (tc) => {
  const bytes = cProgram(tc, 'proc_pipes');
  if (!bytes) return;
  const { m, t } = cMachine(bytes, 1);
  runTo(m, t, 10_000);
  const store = new CheckpointStore(m, { budgetBytes: 256 * 1024 });
  assert.equal(store.take(), undefined);
  assert.ok(store.disabled);
  assert.equal(store.count, 0);
  assert.equal(store.bytes, 0);
  assert.equal(store.due(), false);
  // the machine runs on as before
  runTo(m, t, 1e9);
  assert.equal(t.state, 'exited');
});
