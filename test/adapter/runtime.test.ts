// The runtime in process: launch is a factory (a ready runtime or the errors, nothing half-built),
// and a watchpoint stop names the breakpoints that fired from the handler's decision for that stop.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { launch } from '../../debug-adapter/launch';
import { checkLaunch } from '../../debug-adapter/launch-config';
import type { Runtime, RuntimeSink, StopReport } from '../../debug-adapter/runtime';

const FIXTURES = join(__dirname, 'fixtures');

function recorder() {
  const stops: StopReport[] = [];
  const out: string[] = [];
  const sink: RuntimeSink = {
    stopped: (r) => stops.push(r),
    output: (_c, text) => out.push(text),
    threadExited: () => undefined,
    exited: () => undefined,
    terminated: () => undefined,
    watchChanged: () => undefined,
    stateChanged: () => undefined,
    ranChunk: () => undefined,
  };
  return { sink, stops, out };
}

function launched(args: Record<string, unknown>) {
  const c = checkLaunch(args);
  if (!c.ok) throw new Error(c.message);
  const rec = recorder();
  return { ...rec, result: launch(c.value, rec.sink) };
}

function ready(args: Record<string, unknown>): { rt: Runtime; stops: StopReport[] } {
  const l = launched(args);
  if (!l.result.ok) throw new Error(l.result.message);
  return { rt: l.result.runtime, stops: l.stops };
}

describe('launch', () => {
  it('returns a ready runtime: the machine, its traced thread, the clock of the launch', () => {
    const { rt } = ready({ program: join(FIXTURES, 'watch.S') });
    assert.equal(rt.threads.length, 1);
    assert.equal(rt.threads[0].name, 'watch');
    assert.equal(rt.launchIcount, rt.machine.icount);
    assert.ok(rt.programFor(join(FIXTURES, 'watch.S')));
  });

  it('returns the errors instead of a runtime', () => {
    const missing = launched({ program: join(FIXTURES, 'no-such-file.S') }).result;
    assert.equal(missing.ok, false);
    if (!missing.ok) assert.match(missing.message, /^"program": .*no-such-file\.S/);

    const bad = launched({ program: join(FIXTURES, 'bad.S') }).result;
    assert.equal(bad.ok, false);
    if (!bad.ok) {
      assert.match(bad.message, /does not assemble/);
      assert.ok((bad.diagnostics ?? []).length >= 1, 'the assembler diagnostics come with it');
    }

    const sym = launched({
      program: join(FIXTURES, 'watch.S'),
      perf: [{ name: 'w', symbol: 'nosuch', len: 8, type: 'w' }],
    }).result;
    assert.equal(sym.ok, false);
    if (!sym.ok) assert.match(sym.message, /^"perf\[0\]\.symbol": "nosuch" is not a symbol of/);

    const cpu = launched({
      program: join(FIXTURES, 'watch.S'),
      cpus: 1,
      perf: [{ name: 'w', symbol: 'value', len: 8, type: 'w', cpu: 3 }],
    }).result;
    assert.equal(cpu.ok, false);
    if (!cpu.ok) assert.match(cpu.message, /^"perf\[0\]\.cpu": CPU 3 does not exist \(the machine has 1/);
  });

  it('says what it opened on the way (a perf counter of the launch)', () => {
    const l = launched({
      program: join(FIXTURES, 'watch.S'),
      perf: [{ name: 'writes', symbol: 'value', len: 8, type: 'w' }],
    });
    assert.equal(l.result.ok, true);
    assert.ok(
      l.out.some((x) => /^perf counter "writes": fd \d+/.test(x)),
      l.out.join(''),
    );
  });
});

describe('the stop', () => {
  it('names the watchpoints that fired from its own decision', async () => {
    const { rt, stops } = ready({ program: join(FIXTURES, 'watch.S') });
    rt.start();
    assert.equal(stops.at(-1)?.reason, 'entry');
    const t = rt.threads[0];
    const value = t.program.symbols.get('value')?.value as bigint;
    const w = rt.addWatch({ addr: value, len: 8, access: 'write', kind: 'ptrace', origin: 'data', label: 'value' });
    assert.ok(w.verified, w.message);
    // a second watch that does not fire: the stop names only the first
    const counter = t.program.symbols.get('counter')?.value as bigint;
    const other = rt.addWatch({
      addr: counter,
      len: 8,
      access: 'write',
      kind: 'ptrace',
      origin: 'data',
      label: 'counter',
    });
    assert.ok(other.verified, other.message);
    await rt.resume(t, 'continue');
    const stop = stops.at(-1);
    assert.equal(stop?.reason, 'data breakpoint');
    assert.deepEqual(stop?.hitBreakpointIds, [w.id]);
    const d = rt.tracer.stopDecision(t);
    assert.ok(d, 'the stop carries the decision that raised it');
    assert.ok(d.effects.some((e) => e.kind === 'signal'));
    const hit = d.slots.filter((s) => s.owner === 'ptrace' && s.result === 'hit').map((s) => rt.watches.byBpName(s.bp));
    assert.deepEqual(hit, [w]);
    // a step's stop is no watchpoint's
    await rt.resume(t, 'step');
    assert.equal(stops.at(-1)?.reason, 'step');
    assert.equal(rt.tracer.stopDecision(t), undefined);
  });
});
