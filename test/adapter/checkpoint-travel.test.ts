// Time travel from checkpoints (debug-adapter/replay/replay-from-checkpoints.ts), through the real
// adapter process: after a run long enough to be cut into many chunks, a step back and a reverse
// continue start from a checkpoint of the run (the adapter's telemetry output says so), and land on
// the same machine a run stopped at that instant has; output printed after the instant is marked
// as undone in the Debug Console, and printed again when the program runs there again.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { INSTALL, requireTool } from '../helpers/tools';
import { Client, ensureAdapterBuilt, fixture, ROOT } from './helpers';

const GCC = 'powerpc64le-linux-gnu-gcc';

/** A C program of test/c-proc/programs, built once (cached outside the repository). */
function cProgram(t: TestContext, name: string): string | undefined {
  if (!requireTool(t, GCC, INSTALL.gcc)) return undefined;
  const src = join(ROOT, 'test', 'c-proc', 'programs', `${name}.c`);
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ppc-watchpoint-lab', 'c-proc');
  mkdirSync(dir, { recursive: true });
  const gccVersion = execFileSync(GCC, ['--version'], { encoding: 'utf8' });
  const key = createHash('sha256').update(readFileSync(src)).update(gccVersion).digest('hex').slice(0, 16);
  const out = join(dir, `${name}-${key}`);
  if (!existsSync(out)) {
    execFileSync(GCC, ['-O2', '-static', '-w', '-o', `${out}.tmp`, src], { stdio: 'pipe' });
    renameSync(`${out}.tmp`, out);
  }
  return out;
}

const SPIN = fixture('spin.S');
const TICKS = fixture('ticks.S');
// spin.S: li 3,0 at 0x10000000, then the loop: addi at 0x10000004, b at 0x10000008
const SPIN_B = '0x10000008';
// ticks.S: the write system call
const TICKS_SC = '0x10000020';
const RUN = 6_000_000;

before(() => ensureAdapterBuilt());

interface TravelData {
  find?: { path: string; replayed: number };
  rebuild?: { path: string; replayed: number };
  kept: { count: number; bytes: number };
}

async function session(args: Record<string, unknown>): Promise<{ c: Client; tid: number }> {
  const c = new Client();
  await c.start();
  const first = await c.launch(args);
  return { c, tid: first.body.threadId as number };
}

/** Runs to the step limit. */
async function runLong(c: Client, tid: number): Promise<void> {
  await c.dc.continueRequest({ threadId: tid });
  const s = await c.next<DebugProtocol.StoppedEvent>('stopped', 60_000);
  assert.equal(s.body.reason, 'pause');
}

/** The telemetry of the last travel. */
function lastTravel(c: Client): TravelData {
  const t = c.all.filter(
    (e): e is DebugProtocol.OutputEvent =>
      e.event === 'output' && (e as DebugProtocol.OutputEvent).body.category === 'telemetry',
  );
  assert.ok(t.length > 0, 'the adapter reported the travel');
  return t[t.length - 1].body.data as TravelData;
}

/** The machine's clock at the last stop (the panel's stopped event carries it). */
function lastIcount(c: Client): number {
  const s = c.all.filter((e) => e.event === 'wplab.stopped');
  return (s[s.length - 1].body as { icount: number }).icount;
}

describe('time travel from checkpoints', () => {
  it('step back after a long run comes from a checkpoint and is a run stopped one instruction earlier', async () => {
    const { c, tid } = await session({ program: SPIN, stopOnEntry: true, maxSteps: RUN });
    let pc: string;
    let r3: string;
    try {
      await runLong(c, tid);
      assert.equal(lastIcount(c), RUN);
      await c.dc.stepBackRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'step');
      const d = lastTravel(c);
      assert.equal(d.find?.path, 'checkpoint');
      assert.equal(d.rebuild?.path, 'checkpoint');
      assert.ok(
        (d.rebuild?.replayed ?? RUN) < RUN,
        `rebuilt from a checkpoint: ${d.rebuild?.replayed} instructions run`,
      );
      assert.ok(d.kept.count > 1 && d.kept.bytes > 0, `${d.kept.count} checkpoints, ${d.kept.bytes} bytes`);
      assert.equal(lastIcount(c), RUN - 1);
      pc = await c.pc(tid);
      r3 = await c.evaluate('r3', 'watch');
      // a second step back starts from a checkpoint too (the history was cut at the first)
      await c.dc.stepBackRequest({ threadId: tid });
      await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(lastTravel(c).rebuild?.path, 'checkpoint');
      assert.equal(lastIcount(c), RUN - 2);
      await c.dc.stepInRequest({ threadId: tid });
      await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(await c.pc(tid), pc, 'forward again: where the first step back was');
      assert.equal(await c.evaluate('r3', 'watch'), r3);
    } finally {
      await c.stop();
    }
    const fresh = await session({ program: SPIN, stopOnEntry: true, maxSteps: RUN - 1 });
    try {
      await runLong(fresh.c, fresh.tid);
      assert.equal(await fresh.c.pc(fresh.tid), pc);
      assert.equal(await fresh.c.evaluate('r3', 'watch'), r3);
    } finally {
      await fresh.c.stop();
    }
  });

  it('reverse continue after a long run finds the last breakpoint hit in the newest window', async () => {
    const { c, tid } = await session({ program: SPIN, stopOnEntry: true, maxSteps: RUN });
    try {
      await runLong(c, tid);
      const bp = await c.dc.customRequest('setInstructionBreakpoints', {
        breakpoints: [{ instructionReference: SPIN_B }],
      });
      assert.ok(bp.success);
      await c.dc.reverseContinueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'breakpoint');
      assert.equal(await c.pc(tid), SPIN_B);
      const d = lastTravel(c);
      assert.equal(d.find?.path, 'checkpoint');
      assert.equal(d.rebuild?.path, 'checkpoint');
      // the branch is instruction 2, 4, 6, ...: the last before the run's end
      const at = lastIcount(c);
      assert.equal(at, RUN % 2 === 0 ? RUN - 2 : RUN - 1);
      assert.match(await c.evaluate('r3', 'watch'), new RegExp(`\\(${at / 2}\\)$`));
      // with no breakpoint: back to the start
      await c.dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
      await c.dc.reverseContinueRequest({ threadId: tid });
      const e = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(e.body.reason, 'entry');
      assert.equal(lastIcount(c), 0);
    } finally {
      await c.stop();
    }
  });

  it('steps after a long run, a second long run: every travel lands where a run stopped there is', async () => {
    const { c, tid } = await session({ program: SPIN, stopOnEntry: true, maxSteps: RUN });
    const state = async (cl: Client, t: number) => `${await cl.pc(t)} ${await cl.evaluate('r3', 'watch')}`;
    const expected = async (n: number): Promise<string> => {
      const f = await session({ program: SPIN, stopOnEntry: true, maxSteps: n });
      try {
        await runLong(f.c, f.tid);
        return await state(f.c, f.tid);
      } finally {
        await f.c.stop();
      }
    };
    let afterSteps: string;
    let afterSecond: string;
    try {
      await runLong(c, tid);
      for (let i = 0; i < 3; i++) {
        await c.dc.stepInRequest({ threadId: tid });
        await c.next<DebugProtocol.StoppedEvent>('stopped');
      }
      // the steps replayed from the checkpoint taken at the stop before them
      await c.dc.stepBackRequest({ threadId: tid });
      await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(lastTravel(c).find?.path, 'checkpoint');
      assert.equal(lastTravel(c).rebuild?.path, 'checkpoint');
      assert.equal(lastIcount(c), RUN + 2);
      afterSteps = await state(c, tid);
      // reverse continue to the branch: found among the steps, or in the run's last window
      await c.dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: SPIN_B }] });
      await c.dc.reverseContinueRequest({ threadId: tid });
      const r = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(r.body.reason, 'breakpoint');
      assert.equal(lastTravel(c).find?.path, 'checkpoint');
      const b = lastIcount(c);
      assert.ok(b % 2 === 0 && b < RUN + 2 && b >= RUN - 1, `the last branch before ${RUN + 2}: ${b}`);
      assert.equal(await c.pc(tid), SPIN_B);
      assert.match(await c.evaluate('r3', 'watch'), new RegExp(`\\(${b / 2}\\)$`));
      await c.dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
      // forward again to where the steps were
      for (let i = b; i < RUN + 2; i++) {
        await c.dc.stepInRequest({ threadId: tid });
        await c.next<DebugProtocol.StoppedEvent>('stopped');
      }
      assert.equal(await state(c, tid), afterSteps);
      // a second long run (the step limit counts from the resume)
      await runLong(c, tid);
      assert.equal(lastIcount(c), 2 * RUN + 2);
      await c.dc.stepBackRequest({ threadId: tid });
      await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(lastTravel(c).rebuild?.path, 'checkpoint');
      assert.equal(lastIcount(c), 2 * RUN + 1);
      afterSecond = await state(c, tid);
    } finally {
      await c.stop();
    }
    assert.equal(afterSteps, await expected(RUN + 2));
    assert.equal(afterSecond, await expected(2 * RUN + 1));
  });

  it('output printed after the instant travelled to is marked as undone, and printed again going forward', async () => {
    const { c, tid } = await session({ program: TICKS, stopOnEntry: true, maxSteps: RUN });
    try {
      await runLong(c, tid);
      const printed = c.drain('output').filter((e) => (e as DebugProtocol.OutputEvent).body.category === 'stdout');
      const ticks = printed.map((e) => (e as DebugProtocol.OutputEvent).body.output).join('');
      assert.ok(ticks.length >= 10 && /^(tick\n)+$/.test(ticks), JSON.stringify(ticks));
      await c.dc.customRequest('setInstructionBreakpoints', { breakpoints: [{ instructionReference: TICKS_SC }] });
      await c.dc.reverseContinueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'breakpoint');
      assert.equal(await c.pc(tid), TICKS_SC);
      assert.equal(lastTravel(c).rebuild?.path, 'checkpoint');
      const console = c
        .drain('output')
        .map((e) => (e as DebugProtocol.OutputEvent).body)
        .filter((b) => b.category === 'console')
        .map((b) => b.output);
      const undone = console.find((l) => l.startsWith('[time travel]'));
      assert.ok(undone, `an undone line among ${JSON.stringify(console)}`);
      assert.match(undone, /the last 5 bytes of program output above are undone: printed after icount \d+/);
      // forward: the write runs again and prints its tick again
      await c.dc.continueRequest({ threadId: tid });
      const again = await c.next<DebugProtocol.StoppedEvent>('stopped', 60_000);
      assert.equal(again.body.reason, 'instruction breakpoint');
      const out = c
        .drain('output')
        .map((e) => (e as DebugProtocol.OutputEvent).body)
        .filter((b) => b.category === 'stdout')
        .map((b) => b.output)
        .join('');
      assert.equal(out, 'tick\n');
    } finally {
      await c.stop();
    }
  });

  it('a C program that forks and pipes: step back from its SIGCHLD stop is the run stopped there', async (tc) => {
    const prog = cProgram(tc, 'proc_pipes');
    if (!prog) return;
    /** the traced process's registers, the threads, and how much was printed */
    const state = async (c: Client, tid: number): Promise<string> => {
      const regs = [];
      for (const r of ['r1', 'r3', 'r9', 'lr']) regs.push(await c.evaluate(r, 'watch'));
      const th = (await c.dc.threadsRequest()).body.threads.map((x) => x.name);
      return JSON.stringify({ pc: await c.pc(tid), regs, th });
    };
    const { c, tid } = await session({ program: prog, stopOnEntry: true, maxSteps: 50_000_000 });
    let back: string;
    let at: number;
    try {
      // the parent runs until a child's exit sends it SIGCHLD (a run of some 10^5 instructions)
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped', 60_000);
      assert.equal(s.body.reason, 'exception');
      assert.match(s.body.description ?? '', /SIGCHLD/);
      const stop = lastIcount(c);
      await c.dc.stepBackRequest({ threadId: tid });
      await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(lastTravel(c).rebuild?.path, 'checkpoint');
      at = lastIcount(c);
      assert.ok(at < stop && at > stop / 2, `back from ${stop} to ${at}`);
      back = await state(c, tid);
    } finally {
      await c.stop();
    }
    const f = await session({ program: prog, stopOnEntry: true, maxSteps: at });
    try {
      await runLong(f.c, f.tid);
      assert.equal(lastIcount(f.c), at);
      assert.equal(await state(f.c, f.tid), back);
    } finally {
      await f.c.stop();
    }
  });
});
