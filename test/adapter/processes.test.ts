// The debug adapter with a program that forks: the Call Stack lists the processes it forked (which
// the debugger does not trace: they cannot be resumed from it), the slots of a guest tracer's
// watchpoints and counters name their owner, and a run that can never go on stops as a deadlock.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { Client, ensureAdapterBuilt, ROOT } from './helpers';

before(() => ensureAdapterBuilt());

/** The parent forks; the child pauses for good; the parent waits for it (a deadlock). */
const STUCK = `    .abiversion 2
    .text
    .globl _start
_start:
    li 0, 2          # fork
    sc
    cmpdi 3, 0
    beq child
    nop              # line 9: the parent, after the fork
    li 4, 0
    li 5, 0
    li 6, 0
    li 0, 114        # wait4(pid, 0, 0, 0)
    sc
    li 0, 1
    sc
child:
    li 0, 29         # pause
    sc
    b child
`;

describe('a program that forks', () => {
  it('lists the forked process in the Call Stack, refuses to resume it, and stops at the deadlock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wplab-adapter-fork-'));
    const prog = join(dir, 'stuck.S');
    writeFileSync(prog, STUCK);
    const c = new Client();
    await c.start();
    try {
      const first = await c.launch({ program: prog, stopOnEntry: false }, () =>
        c.dc.setBreakpointsRequest({ source: { path: prog }, breakpoints: [{ line: 9 }] }),
      );
      assert.equal(first.body.reason, 'breakpoint');
      const parent = first.body.threadId as number;
      // the child has run meanwhile (both CPUs run) or not yet: it is listed either way
      const th = await c.dc.threadsRequest();
      assert.equal(th.body.threads.length, 2);
      assert.equal(th.body.threads[0].name, `stuck (pid ${parent})`);
      const child = th.body.threads[1];
      assert.equal(child.id, parent + 1);
      assert.match(child.name, new RegExp(`^stuck-${parent + 1} \\(pid ${parent + 1}, forked by pid ${parent}, `));
      // its stack is readable; it cannot be resumed from here (the debugger does not trace it)
      const st = await c.dc.stackTraceRequest({ threadId: child.id });
      assert.ok(st.body.stackFrames.length >= 1);
      assert.match(
        await c.fails(c.dc.continueRequest({ threadId: child.id })),
        /forked: the debugger does not trace it/,
      );
      // the parent waits for a child that pauses for ever: nothing can wake either
      await c.dc.continueRequest({ threadId: parent });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'exception');
      assert.equal(s.body.description, 'Deadlock');
      assert.match(
        s.body.text ?? '',
        /deadlock: no task can run and none waits for a time: stuck \(pid 100\) in wait4, stuck-101 \(pid 101\) in pause/,
      );
      const th2 = await c.dc.threadsRequest();
      assert.match(th2.body.threads[1].name, /in pause\)$/);
      const ex = await c.dc.customRequest('exceptionInfo', { threadId: parent });
      assert.equal(ex.body.exceptionId, 'deadlock');
      assert.match(await c.fails(c.dc.continueRequest({ threadId: parent })), /thread 100 \(stuck\) sleeps in wait4/);
    } finally {
      await c.stop();
    }
  });

  it("shows a guest tracer's watchpoint and counter in the slots under their owner", async () => {
    const c = new Client();
    await c.start();
    try {
      const entry = await c.launch({ program: join(ROOT, 'examples', 'c', 'tracer'), cpus: 2 });
      assert.equal(entry.body.reason, 'entry');
      // (tracer is built with -g: the console reads C, where a function prints as gdb prints it,
      // {int (int, int *, int)} 0x... <waitpid>; its address is the hex number)
      const waitpid = BigInt(/0x[0-9a-f]+/.exec(await c.evaluate('waitpid'))?.[0] ?? 'x');
      // at waitpid's local entry (main calls it there) the second time: the parent has set the
      // watchpoint and the counter and let the child run; on the other CPU the child has already
      // reached its first store and stopped at the watchpoint (its tracer is the parent)
      await c.dc.customRequest('setInstructionBreakpoints', {
        breakpoints: [{ instructionReference: `0x${(waitpid + 8n).toString(16)}`, hitCondition: '2' }],
      });
      await c.dc.continueRequest({ threadId: entry.body.threadId as number });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'instruction breakpoint');
      // the panel's slots: on cpu1, where the child runs next, its ptrace watchpoint and perf
      // counter, set by its parent (the panel shows "ptrace #1 by pid 100 (tracer)", task tracer-101)
      type Occ = { owner: string; label: string; task?: string; by?: string; type: string };
      const snap = (await c.dc.customRequest('wplab.snapshot')).body as {
        slots: { cpus: Array<{ cpu: number; slots: Array<{ occupant?: Occ; next?: Occ }> }> };
      };
      const held = snap.slots.cpus[1].slots
        .map((x) => x.occupant ?? x.next)
        .map((o) => o && `${o.owner} ${o.label} by ${o.by} on ${o.task} ${o.type}`);
      assert.deepEqual([...held].sort(), [
        'perf perf "pid100:fd3" by pid 100 (tracer) on tracer-101 w',
        'ptrace ptrace #1 by pid 100 (tracer) on tracer-101 w',
      ]);
      assert.equal(
        snap.slots.cpus[0].slots.every((x) => !x.occupant && !x.next),
        true,
      );
      const th = await c.dc.threadsRequest();
      assert.deepEqual(
        th.body.threads.map((t) => t.name),
        ['tracer (pid 100)', 'tracer-101 (pid 101, forked by pid 100, stopped)'],
      );
    } finally {
      await c.stop();
    }
  });
});
