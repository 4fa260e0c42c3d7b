// Step back by source line in C (GDB's reverse-next), through the adapter, on a C program built during
// the run at -O0 and -O2: back over a line whose call ran long (the call undone, from a checkpoint),
// from the middle of a line (a data breakpoint's stop) to its start, out of a function at its first
// line into the caller's call line; granularity 'instruction' still one instruction; reverse continue
// to a breakpoint on a C line.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { buildC, C_FIXTURES, markerLine } from './c-programs';
import { Client, ensureAdapterBuilt } from './helpers';

const SRC = join(C_FIXTURES, 'steps.c');
const L = (name: string) => markerLine('steps.c', name);

before(() => ensureAdapterBuilt());

async function top(c: Client, threadId: number): Promise<DebugProtocol.StackFrame> {
  return (await c.dc.stackTraceRequest({ threadId })).body.stackFrames[0];
}

/** The machine's clock at the last stop (the panel's stopped event carries it). */
function lastIcount(c: Client): number {
  const s = c.all.filter((e) => e.event === 'wplab.stopped');
  return (s[s.length - 1].body as { icount: number }).icount;
}

/** How the last travel went (the adapter's telemetry output). */
function lastTravel(c: Client): { find?: { path: string }; rebuild?: { path: string; replayed: number } } {
  const t = c.all.filter(
    (e): e is DebugProtocol.OutputEvent =>
      e.event === 'output' && (e as DebugProtocol.OutputEvent).body.category === 'telemetry',
  );
  assert.ok(t.length > 0, 'the adapter reported the travel');
  return t[t.length - 1].body.data as { find?: { path: string }; rebuild?: { path: string; replayed: number } };
}

async function stopped(c: Client): Promise<DebugProtocol.StoppedEvent> {
  return c.next<DebugProtocol.StoppedEvent>('stopped', 60_000);
}

async function launchTo(c: Client, exe: string, line: number): Promise<number> {
  const entry = await c.launch({ program: exe });
  const tid = entry.body.threadId as number;
  // (at -O2 main's code begins with the call line: the entry stop is there already)
  if ((await top(c, tid)).line === line) return tid;
  const set = await c.dc.setBreakpointsRequest({ source: { path: SRC }, breakpoints: [{ line }] });
  assert.equal(set.body.breakpoints[0].verified, true, set.body.breakpoints[0].message);
  await c.dc.continueRequest({ threadId: tid });
  const s = await stopped(c);
  assert.equal(s.body.reason, 'breakpoint');
  assert.equal((await top(c, tid)).line, line);
  return tid;
}

for (const opt of ['-O0', '-O2']) {
  describe(`C step back at ${opt}`, () => {
    it('steps back over a line whose call ran long: the call undone, from a checkpoint', async (t) => {
      const exe = buildC(t, 'steps.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        const tid = await launchTo(c, exe, L('long-call'));
        const atCall = lastIcount(c);
        assert.equal(await c.evaluate('total', 'watch'), '0');
        await c.dc.nextRequest({ threadId: tid });
        await stopped(c);
        const after = await top(c, tid);
        assert.notEqual(after.line, L('long-call'), 'the step over ran the call');
        assert.notEqual(await c.evaluate('total', 'watch'), '0', 'work() stored its result');
        assert.ok(lastIcount(c) - atCall > 1_000_000, `the call ran ${lastIcount(c) - atCall} instructions`);

        const afterNext = lastIcount(c);
        // -O0: one step back is the call line's start (the breakpoint's instant). -O2: the line table
        // interleaves lines 14, 16, 20 in main, so a few step backs, each one line run, never into work()
        let steps = 0;
        let was = afterNext;
        for (; steps < (opt === '-O0' ? 1 : 6) && lastIcount(c) > atCall; steps++) {
          await c.dc.stepBackRequest({ threadId: tid });
          const s = await stopped(c);
          assert.equal(s.body.reason, 'step');
          const f = await top(c, tid);
          assert.equal(f.name, 'main', 'stepped back over the call, never into it');
          assert.match(s.body.description ?? '', new RegExp(`steps\\.c:${f.line}`));
          assert.ok(lastIcount(c) < was, `the clock went back: ${lastIcount(c)} < ${was}`);
          was = lastIcount(c);
          const d = lastTravel(c);
          assert.equal(d.find?.path, 'checkpoint');
          assert.equal(d.rebuild?.path, 'checkpoint');
          if (afterNext - lastIcount(c) > 1_000_000) break;
        }
        const back = await top(c, tid);
        assert.deepEqual([back.name, back.source?.path, back.line], ['main', SRC, L('long-call')]);
        assert.equal(await c.evaluate('total', 'watch'), '0', 'the call is undone');
        assert.ok(afterNext - lastIcount(c) > 1_000_000, 'back before the call ran');
        if (opt === '-O0') assert.equal(lastIcount(c), atCall, "back where the line began: the breakpoint's instant");
        const at = lastIcount(c);

        // granularity 'instruction': one instruction, not a line
        await c.dc.stepBackRequest({ threadId: tid, granularity: 'instruction' });
        await stopped(c);
        assert.equal(lastIcount(c), at - 1);
      } finally {
        await c.stop();
      }
    });

    it('after a long run: back over the call, its line followed through the checkpoints', async (t) => {
      const exe = buildC(t, 'steps.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        const tid = await launchTo(c, exe, L('long-call'));
        const atCall = lastIcount(c);
        const set = await c.dc.setBreakpointsRequest({ source: { path: SRC }, breakpoints: [{ line: L('last') }] });
        assert.equal(set.body.breakpoints[0].verified, true);
        await c.dc.continueRequest({ threadId: tid });
        await stopped(c);
        assert.equal((await top(c, tid)).line, L('last'));
        const end = lastIcount(c);
        // back line by line until the call is undone (at -O0: after, then the call line)
        for (let i = 0; i < 8 && end - lastIcount(c) < 1_000_000; i++) {
          await c.dc.stepBackRequest({ threadId: tid });
          await stopped(c);
          assert.equal((await top(c, tid)).name, 'main');
          const d = lastTravel(c);
          assert.equal(d.find?.path, 'checkpoint', JSON.stringify(d));
        }
        assert.equal((await top(c, tid)).line, L('long-call'));
        assert.equal(await c.evaluate('total', 'watch'), '0', 'the call is undone');
        if (opt === '-O0') assert.equal(lastIcount(c), atCall);
      } finally {
        await c.stop();
      }
    });

    it('from the middle of a line (a data breakpoint stop) back to its start', async (t) => {
      // (-O2 interleaves the call line with others: its store is a row of its own)
      if (opt !== '-O0') return;
      const exe = buildC(t, 'steps.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        const tid = await launchTo(c, exe, L('long-call'));
        const atCall = lastIcount(c);
        const lineStart = await c.pc(tid);
        const info = await c.dc.dataBreakpointInfoRequest({ name: 'total', frameId: (await top(c, tid)).id });
        await c.dc.setDataBreakpointsRequest({
          breakpoints: [{ dataId: info.body.dataId as string, accessType: 'write' }],
        });
        await c.dc.continueRequest({ threadId: tid });
        const hit = await stopped(c);
        assert.equal(hit.body.reason, 'data breakpoint');
        const store = await top(c, tid);
        assert.equal(store.line, L('long-call'), 'the store of the call line, after the call');
        assert.notEqual(store.instructionPointerReference, lineStart);
        await c.dc.stepBackRequest({ threadId: tid });
        await stopped(c);
        const back = await top(c, tid);
        assert.equal(back.line, L('long-call'));
        assert.equal(back.instructionPointerReference, lineStart, 'the start of the line');
        assert.equal(lastIcount(c), atCall);
      } finally {
        await c.stop();
      }
    });

    it("out of a function at its first line, into the caller's call line", async (t) => {
      const exe = buildC(t, 'steps.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        const tid = await launchTo(c, exe, L('long-call'));
        const atCall = lastIcount(c);
        await c.dc.stepInRequest({ threadId: tid });
        await stopped(c);
        assert.equal((await top(c, tid)).name, 'work');
        await c.dc.stepBackRequest({ threadId: tid });
        await stopped(c);
        const back = await top(c, tid);
        assert.deepEqual([back.name, back.line], ['main', L('long-call')]);
        // -O0: the line's start; -O2: the line's last run before the call (lines 14 and 16 interleave)
        if (opt === '-O0') assert.equal(lastIcount(c), atCall);
        else assert.ok(lastIcount(c) > atCall && lastIcount(c) < atCall + 16, `${lastIcount(c)} vs ${atCall}`);
      } finally {
        await c.stop();
      }
    });

    it('reverse continue stops on the C line of a breakpoint, the state of then', async (t) => {
      const exe = buildC(t, 'steps.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        const tid = await launchTo(c, exe, L('long-call'));
        const atCall = lastIcount(c);
        await c.dc.setBreakpointsRequest({
          source: { path: SRC },
          breakpoints: [{ line: L('long-call') }, { line: L('last') }],
        });
        await c.dc.continueRequest({ threadId: tid });
        await stopped(c);
        assert.equal((await top(c, tid)).line, L('last'));
        await c.dc.reverseContinueRequest({ threadId: tid });
        const s = await stopped(c);
        assert.equal(s.body.reason, 'breakpoint');
        const back = await top(c, tid);
        assert.deepEqual([back.name, back.line], ['main', L('long-call')]);
        assert.equal(lastIcount(c), atCall);
        assert.equal(await c.evaluate('total', 'watch'), '0');
      } finally {
        await c.stop();
      }
    });
  });
}

it('-O0: a step back over a recursive call stays in the frame (the callee is the same function)', async (t) => {
  const exe = buildC(t, 'steps.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    const tid = await launchTo(c, exe, L('fact-ret'));
    const depth = async () => (await c.dc.stackTraceRequest({ threadId: tid })).body.stackFrames.length;
    const n = async () =>
      (await c.dc.evaluateRequest({ expression: 'n', frameId: (await top(c, tid)).id })).body.result;
    // the first fact-ret reached is fact(2)'s, after fact(1) returned
    assert.equal(await n(), '2');
    const d = await depth();
    await c.dc.stepBackRequest({ threadId: tid });
    await stopped(c);
    assert.deepEqual([(await top(c, tid)).line, await n(), await depth()], [L('fact-rec'), '2', d]);
    await c.dc.stepBackRequest({ threadId: tid });
    await stopped(c);
    assert.deepEqual([(await top(c, tid)).line, await n(), await depth()], [L('fact-test'), '2', d]);
    // from the function's first line: the caller's call line, in fact(3)
    await c.dc.stepBackRequest({ threadId: tid });
    await stopped(c);
    assert.deepEqual([(await top(c, tid)).line, await n(), await depth()], [L('fact-rec'), '3', d - 1]);
  } finally {
    await c.stop();
  }
});
