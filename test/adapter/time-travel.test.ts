// Step back and reverse continue, through the real adapter process: the machine rebuilt from the
// recorded history must be the machine as it was (registers, memory, the program counter), the
// breakpoints keep their ids, and a run paused at a wall-clock instant is replayed exactly.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { join } from 'node:path';
import { Client, ensureAdapterBuilt, fixture, ROOT } from './helpers';

const WATCH = fixture('watch.S');
const SPIN = fixture('spin.S');
// watch.S: the addresses of its first instructions
const ENTRY = '0x10000000';
const LI42_PC = '0x10000008';
const STD_PC = '0x1000000c';
const LD_PC = '0x10000010';
const BL_LINE = 11;

before(() => ensureAdapterBuilt());

async function session(args: Record<string, unknown>): Promise<{ c: Client; tid: number }> {
  const c = new Client();
  await c.start();
  const first = await c.launch(args);
  return { c, tid: first.body.threadId as number };
}

async function stepIn(c: Client, tid: number): Promise<DebugProtocol.StoppedEvent> {
  await c.dc.stepInRequest({ threadId: tid });
  return c.next<DebugProtocol.StoppedEvent>('stopped');
}

async function stepBack(c: Client, tid: number): Promise<DebugProtocol.StoppedEvent> {
  await c.dc.stepBackRequest({ threadId: tid });
  return c.next<DebugProtocol.StoppedEvent>('stopped');
}

describe('time travel', () => {
  it('announces step back (VS Code then shows Step Back and Reverse Continue)', async () => {
    const c = new Client();
    await c.start();
    try {
      const r = await c.dc.initializeRequest({
        adapterID: 'ppc-watchpoint',
        pathFormat: 'path',
        linesStartAt1: true,
        columnsStartAt1: true,
      });
      assert.equal(r.body?.supportsStepBack, true);
    } finally {
      await c.stop();
    }
  });

  it('step back undoes one instruction: its register write and its store', async () => {
    const { c, tid } = await session({ program: WATCH, stopOnEntry: true });
    try {
      for (let i = 0; i < 4; i++) await stepIn(c, tid);
      assert.equal(await c.pc(tid), LD_PC);
      assert.match(await c.evaluate('value', 'watch'), /\(42\)$/, 'the store has run');
      const s = await stepBack(c, tid);
      assert.equal(s.body.reason, 'step');
      assert.equal(await c.pc(tid), STD_PC);
      assert.match(await c.evaluate('value', 'watch'), /\(0\)$/, 'the store is undone');
      assert.match(await c.evaluate('r4', 'watch'), /\(42\)$/);
      await stepBack(c, tid);
      assert.equal(await c.pc(tid), LI42_PC);
      assert.match(await c.evaluate('r4', 'watch'), /\(0\)$/, 'li 4,42 is undone');
      // forward again from the past: the same program
      await stepIn(c, tid);
      await stepIn(c, tid);
      assert.equal(await c.pc(tid), LD_PC);
      assert.match(await c.evaluate('value', 'watch'), /\(42\)$/);
      await c.dc.continueRequest({ threadId: tid });
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 7);
    } finally {
      await c.stop();
    }
  });

  it('requests sent during a travel wait for it and are answered in order (two step backs at once)', async () => {
    const { c, tid } = await session({ program: WATCH, stopOnEntry: true });
    try {
      for (let i = 0; i < 4; i++) await stepIn(c, tid);
      const [a, st, b] = await Promise.all([
        c.dc.stepBackRequest({ threadId: tid }),
        c.dc.stackTraceRequest({ threadId: tid }),
        c.dc.stepBackRequest({ threadId: tid }),
      ]);
      assert.ok(a.success && b.success && st.success);
      await c.next('stopped');
      await c.next('stopped');
      assert.equal(await c.pc(tid), LI42_PC, 'two instructions back');
    } finally {
      await c.stop();
    }
  });

  it('step back at the entry is refused with a reason, and the session goes on', async () => {
    const { c, tid } = await session({ program: WATCH, stopOnEntry: true });
    try {
      const msg = await c.fails(c.dc.stepBackRequest({ threadId: tid }));
      assert.match(msg, /no instruction since the launch/);
      assert.equal(await c.pc(tid), ENTRY);
      await stepIn(c, tid);
      assert.equal(await c.pc(tid), '0x10000004');
    } finally {
      await c.stop();
    }
  });

  it(
    'reverse continue goes back to the store a data ' + 'breakpoint watches; continue then takes the watchpoint',
    async () => {
      const { c, tid } = await session({ program: WATCH, stopOnEntry: true });
      try {
        const bps = await c.dc.setBreakpointsRequest({ source: { path: WATCH }, breakpoints: [{ line: BL_LINE }] });
        const lineId = bps.body.breakpoints[0].id;
        await c.dc.continueRequest({ threadId: tid });
        const atBl = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.deepEqual(atBl.body.hitBreakpointIds, [lineId]);
        assert.match(await c.evaluate('value', 'watch'), /\(42\)$/);
        // a data breakpoint set now, on a store that already happened
        const info = await c.dc.dataBreakpointInfoRequest({ name: 'value' });
        const set = await c.dc.setDataBreakpointsRequest({
          breakpoints: [{ dataId: info.body.dataId as string, accessType: 'write' }],
        });
        const watchId = set.body.breakpoints[0].id;
        await c.dc.reverseContinueRequest({ threadId: tid });
        const back = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(back.body.reason, 'data breakpoint');
        assert.deepEqual(back.body.hitBreakpointIds, [watchId]);
        assert.match(back.body.text as string, /about to write 0x2a/);
        assert.equal(back.body.description, `Reverse continue: Watchpoint ${watchId} (write value)`);
        assert.equal(await c.pc(tid), STD_PC);
        assert.match(await c.evaluate('value', 'watch'), /\(0\)$/, 'before the store');
        // forward: the kernel takes the watchpoint before the store, then the line breakpoint (same id)
        await c.dc.continueRequest({ threadId: tid });
        const hit = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(hit.body.reason, 'data breakpoint');
        assert.deepEqual(hit.body.hitBreakpointIds, [watchId]);
        await c.dc.continueRequest({ threadId: tid });
        const again = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.deepEqual(again.body.hitBreakpointIds, [lineId], 'the line breakpoint keeps its id across the travel');
      } finally {
        await c.stop();
      }
    },
  );

  it("reverse continue evaluates a breakpoint's condition in the state of each earlier instant", async () => {
    const HOT = fixture('hot.S');
    const BDNZ_LINE = 15;
    const { c, tid } = await session({ program: HOT, stopOnEntry: true });
    try {
      await c.dc.setBreakpointsRequest({
        source: { path: HOT },
        breakpoints: [{ line: BDNZ_LINE, condition: 'r4 == 100' }],
      });
      await c.dc.continueRequest({ threadId: tid });
      await c.next('stopped');
      assert.match(await c.evaluate('r4', 'watch'), /\(100\)$/);
      await c.dc.setBreakpointsRequest({
        source: { path: HOT },
        breakpoints: [{ line: BDNZ_LINE, condition: 'r4 == 37' }],
      });
      await c.dc.reverseContinueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'breakpoint');
      assert.match(await c.evaluate('r4', 'watch'), /\(37\)$/, 'the last earlier instant where the condition held');
      assert.equal(await c.topLine(tid), BDNZ_LINE);
    } finally {
      await c.stop();
    }
  });

  it('reverse continue with no breakpoint behind goes to the start of the history', async () => {
    const { c, tid } = await session({ program: WATCH, stopOnEntry: true });
    try {
      for (let i = 0; i < 3; i++) await stepIn(c, tid);
      await c.dc.reverseContinueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'entry');
      assert.equal(await c.pc(tid), ENTRY);
    } finally {
      await c.stop();
    }
  });

  it('a run paused at a wall-clock instant is replayed to the same instruction', async () => {
    const { c, tid } = await session({ program: SPIN, stopOnEntry: true });
    try {
      await c.dc.continueRequest({ threadId: tid });
      await new Promise((r) => setTimeout(r, 150));
      await c.dc.pauseRequest({ threadId: tid });
      const p = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(p.body.reason, 'pause');
      const pc = await c.pc(tid);
      const r3 = await c.evaluate('r3', 'watch');
      await stepBack(c, tid);
      assert.notEqual(await c.pc(tid), pc);
      await stepIn(c, tid);
      assert.equal(await c.pc(tid), pc, 'one step forward after one step back is where the pause was');
      assert.equal(await c.evaluate('r3', 'watch'), r3);
      const reset = c.all.filter((e) => e.event === 'wplab.reset');
      assert.equal(reset.length, 1, 'the panel is told the history changed');
    } finally {
      await c.stop();
    }
  });
});

describe('time travel over requests that came while the program ran', () => {
  it('a data breakpoint set while running is set again at the same instant of the replay', async () => {
    const { c, tid } = await session({ program: fixture('store-forever.S'), stopOnEntry: true });
    try {
      await c.dc.continueRequest({ threadId: tid });
      await new Promise((r) => setTimeout(r, 120));
      const info = await c.dc.dataBreakpointInfoRequest({ name: 'value' });
      await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: info.body.dataId as string, accessType: 'write' }],
      });
      const stop = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(stop.body.reason, 'data breakpoint');
      const then = {
        pc: await c.pc(tid),
        r4: await c.evaluate('r4', 'watch'),
        value: await c.evaluate('value', 'watch'),
      };
      assert.ok(
        Number(/\((\d+)\)$/.exec(then.r4)?.[1]) > 1000,
        `the loop ran a while before the breakpoint was set (r4 ${then.r4})`,
      );
      await stepBack(c, tid);
      assert.notEqual(await c.pc(tid), then.pc);
      await stepIn(c, tid);
      // back before the addi, forward over it: at the same store, the same count about to be written
      assert.deepEqual(
        { pc: await c.pc(tid), r4: await c.evaluate('r4', 'watch'), value: await c.evaluate('value', 'watch') },
        then,
      );
    } finally {
      await c.stop();
    }
  });
});

describe('time travel with more than one task', () => {
  it(
    'a scenario with an untraced task sharing the CPU: ' + 'back one step and forward again is the same machine',
    async () => {
      const scenario = join(ROOT, 'examples', 'per-cpu-perf-two-tasks.yaml');
      const { c, tid } = await session({ scenario, stopOnEntry: true });
      try {
        await c.dc.continueRequest({ threadId: tid });
        const stop = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(stop.body.reason, 'exception', "the program's own trap at store_loop_done");
        const state = async () => {
          const snap = (await c.dc.customRequest('wplab.snapshot')).body as {
            counters: { counters: Array<{ id: string; count: number }> };
            total: number;
          };
          return {
            pc: await c.pc(tid),
            counter: await c.evaluate('counter', 'watch'),
            counts: snap.counters.counters.map((x) => `${x.id}=${x.count}`).join(' '),
            decisions: snap.total,
          };
        };
        const then = await state();
        assert.equal(then.counts, 'cpu0=8 cpu1=0');
        await stepBack(c, tid);
        const back = await state();
        assert.notEqual(back.pc, then.pc);
        await stepIn(c, tid);
        assert.deepEqual(await state(), then);
      } finally {
        await c.stop();
      }
    },
  );
});
