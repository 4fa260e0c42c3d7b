// What a new user met (issue 13), at the adapter: "Break on Value Change" stops only where the value
// changes (the kernel's trap on every store is still in the decision log, with the debugger's
// check beside it); data breakpoints follow their symbol into another program, or stay on their
// address; the stop's short reason and its whole sentence; one clock in the step-back text and the
// decisions; the timeline, the trace export and the watch list the panel and the extension read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type {
  PanelDecision,
  StoppedEventBody,
  TimelineResponse,
  WatchesEvent,
} from '../../debug-adapter/panel-protocol';
import { traceProblems } from '../helpers/chrome-trace';
import { Client, ensureAdapterBuilt, fixture } from './helpers';

const SAME = fixture('same-value.S');
const WATCH = fixture('watch.S');
// same-value.S: the five stores to `value` (0 over 0 twice, then 5, 5 over 5, then 6)
const STORES = ['0x1000000c', '0x10000010', '0x10000018', '0x1000001c', '0x10000024'];

before(() => ensureAdapterBuilt());

async function session(
  args: Record<string, unknown>,
): Promise<{ c: Client; tid: number; first: DebugProtocol.StoppedEvent }> {
  const c = new Client();
  await c.start();
  const first = await c.launch(args);
  return { c, tid: first.body.threadId as number, first };
}

async function watchValue(
  c: Client,
  name = 'value',
  accessType: DebugProtocol.DataBreakpointAccessType = 'write',
): Promise<DebugProtocol.Breakpoint> {
  const info = await c.dc.dataBreakpointInfoRequest({ name });
  const set = await c.dc.setDataBreakpointsRequest({
    breakpoints: [{ dataId: info.body.dataId as string, accessType }],
  });
  return set.body.breakpoints[0];
}

async function stopsUntilExit(c: Client, tid: number): Promise<string[]> {
  const pcs: string[] = [];
  for (;;) {
    await c.dc.continueRequest({ threadId: tid });
    const e = await c.nextOf(['stopped', 'exited']);
    if (e.event === 'exited') return pcs;
    pcs.push(await c.pc(tid));
  }
}

async function decisions(c: Client): Promise<PanelDecision[]> {
  const r = await c.dc.customRequest('wplab.decisionLog', { start: 0, count: 100 });
  return (r.body as { decisions: PanelDecision[] }).decisions;
}

describe('"Break on Value Change" (defect 10)', () => {
  it(
    "stops only where a store changes the value; the kernel's trap on " +
      "every store stays in the decision log with the debugger's check",
    async () => {
      const { c, tid } = await session({ program: SAME });
      try {
        const bp = await watchValue(c);
        assert.equal(bp.verified, true);
        await c.dc.continueRequest({ threadId: tid });
        const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(s.body.reason, 'data breakpoint');
        assert.equal(
          await c.pc(tid),
          STORES[2],
          'the first store that changes the value (0 -> 5); the two stores of 0 over 0 went by',
        );
        assert.match(s.body.text as string, /about to write 0x5 /);
        // the kernel trapped all three stores; the debugger's check is beside the first two
        const ds = (await decisions(c)).filter((d) => d.branch === 'ptrace-report');
        assert.deepEqual(
          ds.map((d) => d.pc),
          STORES.slice(0, 3),
        );
        assert.match(
          ds[0].note ?? '',
          /writes 0x0, which .*value.* already holds: the value does not change, so "Break on Value Change" went on without stopping/,
        );
        assert.ok(ds[1].note);
        assert.equal(ds[2].note, undefined, 'the stop that was shown has no note');
        // on: 5 over 5 goes by, 6 stops
        await c.dc.continueRequest({ threadId: tid });
        await c.next('stopped');
        assert.equal(await c.pc(tid), STORES[4]);
        const all = (await decisions(c)).filter((d) => d.branch === 'ptrace-report');
        assert.deepEqual(
          all.map((d) => d.pc),
          STORES,
        );
        assert.deepEqual(
          all.map((d) => d.note !== undefined),
          [true, true, false, true, false],
        );
        // reverse continue goes back over the 5 over 5, as forward did, to the store of 5
        await c.dc.reverseContinueRequest({ threadId: tid });
        const back = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(back.body.reason, 'data breakpoint');
        assert.equal(await c.pc(tid), STORES[2]);
      } finally {
        await c.stop();
      }
    },
  );

  it('"breakOnValueChange": "everyStore" is the raw kernel behaviour: every store stops', async () => {
    const { c, tid } = await session({ program: SAME, breakOnValueChange: 'everyStore' });
    try {
      await watchValue(c);
      assert.deepEqual(await stopsUntilExit(c, tid), STORES);
    } finally {
      await c.stop();
    }
  });

  it('the default goes by the unchanged stores to the exit; Break on Value Access still stops on each', async () => {
    const a = await session({ program: SAME });
    try {
      await watchValue(a.c);
      assert.deepEqual(await stopsUntilExit(a.c, a.tid), [STORES[2], STORES[4]]);
    } finally {
      await a.c.stop();
    }
    const b = await session({ program: SAME });
    try {
      await watchValue(b.c, 'value', 'readWrite');
      assert.deepEqual(await stopsUntilExit(b.c, b.tid), STORES);
    } finally {
      await b.c.stop();
    }
  });

  it('a bad "breakOnValueChange" is refused at launch with a reason', async () => {
    const c = new Client();
    await c.start();
    try {
      await c.dc.initializeRequest({
        adapterID: 'ppc-watchpoint',
        pathFormat: 'path',
        linesStartAt1: true,
        columnsStartAt1: true,
      });
      const msg = await c.fails(
        c.dc.launchRequest({ program: SAME, breakOnValueChange: 'sometimes' } as DebugProtocol.LaunchRequestArguments),
      );
      assert.match(msg, /"breakOnValueChange" must be "changed" .* or "everyStore"/);
    } finally {
      await c.stop();
    }
  });
});

describe('data breakpoints kept by the editor across sessions (defect 4)', () => {
  it(
    'one set on a symbol follows the symbol: refused with the ' +
      'reason where the program has none, set on it where it has',
    async () => {
      let onCounter: string;
      let onValue: string;
      const first = await session({ program: WATCH });
      try {
        onCounter = (await first.c.dc.dataBreakpointInfoRequest({ name: 'counter' })).body.dataId as string;
        onValue = (await first.c.dc.dataBreakpointInfoRequest({ name: 'value' })).body.dataId as string;
        assert.equal(onCounter, 'sym:counter/8');
      } finally {
        await first.c.stop();
      }
      // same-value.S has no `counter`; its `value` is at 0x10100000 (where watch.S had `value` too)
      const { c } = await session({ program: SAME });
      try {
        c.drain('output');
        const set = await c.dc.setDataBreakpointsRequest({
          breakpoints: [
            { dataId: onCounter, accessType: 'write' },
            { dataId: onValue, accessType: 'write' },
          ],
        });
        const [counter, value] = set.body.breakpoints;
        assert.equal(counter.verified, false);
        assert.equal(counter.reason, 'failed');
        assert.match(
          counter.message ?? '',
          /no symbol "counter" in same-value\.S: this data breakpoint was set on counter and follows the symbol/,
        );
        assert.equal(value.verified, true);
        assert.match(value.message ?? '', /write value \(8 bytes at 0x10100000\)/);
        // said in the Debug Console too, not only in a hover
        const out = c
          .drain('output')
          .map((e) => (e.body as { output: string }).output)
          .join('');
        assert.match(out, /data breakpoint on counter not set: no symbol "counter"/);
        // the same id again keeps the same breakpoint id (the editor's row stays the same)
        const again = await c.dc.setDataBreakpointsRequest({
          breakpoints: [
            { dataId: onCounter, accessType: 'write' },
            { dataId: onValue, accessType: 'write' },
          ],
        });
        assert.deepEqual(
          again.body.breakpoints.map((b) => b.id),
          [counter.id, value.id],
        );
      } finally {
        await c.stop();
      }
    },
  );

  it('one set on an address stays on the address and says which symbol it is now', async () => {
    const { c } = await session({ program: SAME });
    try {
      const info = await c.dc.dataBreakpointInfoRequest({ name: '0x10100000', asAddress: true, bytes: 8 });
      assert.equal(info.body.dataId, '0x10100000/8');
      const set = await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: '0x10100000/8', accessType: 'write' }],
      });
      assert.equal(set.body.breakpoints[0].verified, true);
      assert.match(
        set.body.breakpoints[0].message ?? '',
        /write 8 bytes at the address 0x10100000, which is value in this program/,
      );
    } finally {
      await c.stop();
    }
  });
});

describe('the slots of a stopped program (defect 1)', () => {
  it(
    "the Variables view's Watchpoints scope shows a stopped " +
      "task's watchpoints in the slots they take when it runs",
    async () => {
      const { c, tid } = await session({ program: SAME, perf: [{ name: 'w', symbol: 'value', len: 8, type: 'w' }] });
      try {
        const st = await c.dc.stackTraceRequest({ threadId: tid });
        const sc = await c.dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
        const wp = await c.dc.variablesRequest({ variablesReference: sc.body.scopes[2].variablesReference });
        const dawrs = wp.body.variables.filter((v) => /^DAWR/.test(v.name)).map((v) => v.value);
        assert.match(
          dawrs[0],
          /^free now; scheduled out while stopped: perf "w" same-value W 0x10100000\+8 .*back in this slot when same-value runs$/,
        );
        assert.equal(dawrs[1], 'free');
        // the panel's slot view says the same
        const snap = (await c.dc.customRequest('wplab.snapshot')).body as {
          slots: {
            cpus: Array<{
              nextTask?: string;
              slots: Array<{ occupant?: unknown; next?: { label: string; state: string } }>;
            }>;
          };
        };
        assert.equal(snap.slots.cpus[0].nextTask, 'same-value');
        assert.deepEqual(
          snap.slots.cpus[0].slots.map((x) => [x.occupant, x.next?.label, x.next?.state]),
          [
            [undefined, 'perf "w"', 'armed'],
            [undefined, undefined, undefined],
          ],
        );
      } finally {
        await c.stop();
      }
    },
  );
});

describe('the stop, the clock, and what the panel reads', () => {
  it(
    'a watchpoint stop: a short reason for the Call Stack view, the whole ' +
      'sentence in the text, the Debug Console and wplab.stopped (defect 8)',
    async () => {
      const { c, tid } = await session({ program: SAME });
      try {
        const bp = await watchValue(c);
        c.drain('output');
        c.drain('wplab.stopped');
        await c.dc.continueRequest({ threadId: tid });
        const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(s.body.description, `Watchpoint ${bp.id} (write value)`);
        assert.ok((s.body.description as string).length <= 48);
        const full =
          /"std r4,0\(r3\)" at 0x10000018 <_start\+0x18> is about to write 0x5 from r4 to 8 bytes at 0x10100000 \(value\); memory still holds 0x0 \(stopped before it executes\)\. SIGTRAP TRAP_HWBKPT si_addr=0x10100000/;
        assert.match(s.body.text as string, full);
        const out = c
          .drain('output')
          .map((e) => (e.body as { output: string }).output)
          .join('');
        assert.match(out, /same-value: Watchpoint \d+ \(write value\): "std r4,0\(r3\)"/);
        const ev = (await c.next('wplab.stopped')).body as StoppedEventBody;
        assert.equal(ev.task, 'same-value');
        assert.match(ev.text ?? '', full);
        const ds = await decisions(c);
        assert.equal(ev.icount, ds.at(-1)?.icount, 'the stop and its decision on one clock');
      } finally {
        await c.stop();
      }
    },
  );

  it('step back names the instant on the decisions\' clock (icount), not "instruction N+1" (defect 9)', async () => {
    const { c, tid } = await session({ program: SAME });
    try {
      await watchValue(c);
      await c.dc.continueRequest({ threadId: tid });
      await c.next('stopped');
      const d = (await decisions(c)).at(-1) as PanelDecision;
      assert.equal(d.icount, 6, 'the store of 5 traps after six instructions');
      await c.dc.stepBackRequest({ threadId: tid });
      const back = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(back.body.description, 'Stepped back to icount 5');
      assert.match(back.body.text as string, /at icount 5 \(after 5 instructions/);
      assert.equal(await c.pc(tid), '0x10000014');
    } finally {
      await c.stop();
    }
  });

  it('the timeline: slots held and scheduled out, decisions as marks, the task on its CPU', async () => {
    const { c, tid } = await session({ program: SAME, perf: [{ name: 'w', symbol: 'value', len: 8, type: 'w' }] });
    try {
      await watchValue(c);
      await c.dc.continueRequest({ threadId: tid });
      await c.next('stopped');
      const r = (await c.dc.customRequest('wplab.timeline', { from: 0, buckets: 200 })).body as TimelineResponse;
      assert.equal(r.now, 6);
      assert.deepEqual([r.cpus, r.slots, r.model], [1, 2, 'power10']);
      assert.deepEqual(
        r.lanes.map((l) => `${l.cpu}:${l.slot}`),
        ['0:0', '0:1'],
      );
      const segs = r.lanes.flatMap((l) =>
        l.segments.map((s) => `${l.slot} ${s.label} ${s.state} ${s.from}-${s.to}${s.why ? ` ${s.why}` : ''}`),
      );
      // the ptrace watchpoint left its slot at each trap (one-shot: disabled) and came back when the
      // debugger re-armed it; the perf counter left with its task at each stop (scheduled out), and
      // was out while the debugger stepped over the store with the watchpoint off
      assert.ok(segs.includes('0 ptrace #1 installed 0-3 disabled'), segs.join('\n'));
      assert.ok(segs.includes('0 ptrace #1 installed 5-6 disabled'), segs.join('\n'));
      assert.ok(segs.includes('1 perf "w" installed 5-6 sched-out'), segs.join('\n'));
      assert.ok(
        segs.some((x) => / perf "w" scheduled-out \d+-\d+$/.test(x)),
        segs.join('\n'),
      );
      // decisions in one bucket of one lane are one mark, with their kinds
      const kinds = r.marks.flatMap((m) => m.branches ?? [m.branch]);
      // a decision is a mark on each slot it names (both, when the ptrace and the perf breakpoint were hit)
      assert.equal(new Set(r.marks.filter((m) => m.branch === 'ptrace-report').map((m) => m.seq)).size, 3);
      assert.ok(
        r.marks.some((m) => m.branch === 'ptrace-report' && m.slot === 1),
        "the perf counter's slot is named too",
      );
      assert.ok(kinds.includes('perf-single-step') && kinds.includes('step-complete'), kinds.join());
      assert.ok(
        r.lanes.some((l) => l.stepping.length > 0),
        "the perf counter's single steps in flight",
      );
      assert.deepEqual(
        r.runs.map((x) => x.task),
        ['same-value'],
      );
      assert.equal(r.decisions, (await decisions(c)).length);
      // bad arguments are refused
      assert.match(await c.fails(c.dc.customRequest('wplab.timeline', { from: -1, buckets: 10 })), /"from"/);
      assert.match(await c.fails(c.dc.customRequest('wplab.timeline', { from: 0, buckets: 1e9 })), /"buckets"/);
    } finally {
      await c.stop();
    }
  });

  it('Export Trace writes the session as Chrome trace-event JSON', async () => {
    const { c, tid } = await session({ program: SAME, perf: [{ name: 'w', symbol: 'value', len: 8, type: 'w' }] });
    const file = join(mkdtempSync(join(tmpdir(), 'wplab-export-')), 'session.json');
    try {
      await watchValue(c);
      await c.dc.continueRequest({ threadId: tid });
      await c.next('stopped');
      const r = await c.dc.customRequest('wplab.exportTrace', { path: file });
      assert.equal((r.body as { path: string }).path, file);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(traceProblems(doc), []);
      const evs = doc.traceEvents as Array<{ cat?: string; name: string; args?: Record<string, unknown> }>;
      const ds = evs.filter((e) => e.cat === 'decision');
      assert.ok(
        ds.some((e) => e.name === 'ptrace-report' && /same-value\.S:13$/.test(String(e.args?.source))),
        'decisions carry their source line',
      );
      assert.ok(evs.some((e) => e.cat === 'slot' && e.name === 'perf "w" same-value'));
      assert.match(
        await c.fails(c.dc.customRequest('wplab.exportTrace', { path: join(file, 'no', 'dir.json') })),
        /cannot write the trace/,
      );
    } finally {
      await c.stop();
    }
  });

  it('the watch list and its event follow every change; the Variables view is told to refresh (defect 3)', async () => {
    const { c } = await session({ program: SAME });
    try {
      c.drain('wplab.watches');
      c.drain('invalidated');
      const bps = await c.dc.setBreakpointsRequest({
        source: { path: SAME },
        breakpoints: [{ line: 24, mode: 'read' }],
      });
      assert.equal(bps.body.breakpoints[0].verified, true);
      const ev = (await c.next('wplab.watches')).body as WatchesEvent;
      assert.deepEqual(
        ev.watches.map((w) => [w.origin, w.access, w.label, w.verified, w.source?.line, w.source?.mode]),
        [['source', 'read', 'value', true, 24, 'read']],
      );
      await c.next('invalidated');
      // the event answers the file's breakpoints: which lines and modes (a data-line action waits for it)
      assert.equal(ev.file, SAME);
      assert.deepEqual(ev.requested, [{ line: 24, mode: 'read' }]);
      const list = (await c.dc.customRequest('wplab.watchList')).body as WatchesEvent;
      assert.deepEqual(list.watches, ev.watches);
      await c.dc.setBreakpointsRequest({ source: { path: SAME }, breakpoints: [] });
      assert.deepEqual(((await c.next('wplab.watches')).body as WatchesEvent).watches, []);
    } finally {
      await c.stop();
    }
  });
});

after(() => undefined);
