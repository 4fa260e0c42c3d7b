// `wplab run --trace FILE`: the run as Chrome trace-event JSON that Perfetto and chrome://tracing
// open (slots as tracks, occupancy as slices, decisions as instant events with their fields), for
// every example under both policies, and the usual output unchanged beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../bin/wplab';
import { traceProblems, type TraceDoc } from '../helpers/chrome-trace';

const EXAMPLES = join(__dirname, '../../examples');
const dir = mkdtempSync(join(tmpdir(), 'wplab-trace-'));

function wplab(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

type Ev = Record<string, unknown> & {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid?: number;
  args?: Record<string, unknown>;
};

function trace(file: string, ...flags: string[]): { doc: TraceDoc; events: Ev[]; out: string; code: number } {
  const out = join(dir, `${file.replace(/\W/g, '_')}${flags.join('_')}.json`);
  const r = wplab('run', join(EXAMPLES, file), ...flags, '--trace', out);
  assert.equal(r.err, '');
  const doc = JSON.parse(readFileSync(out, 'utf8')) as TraceDoc;
  return { doc, events: doc.traceEvents as Ev[], out: r.out, code: r.code };
}

for (const f of readdirSync(EXAMPLES).filter((x) => x.endsWith('.yaml'))) {
  for (const kernel of ['6.5', '6.6']) {
    test(`${f} (kernel ${kernel}): a valid trace, and the output of the run unchanged`, () => {
      const plain = wplab('run', join(EXAMPLES, f), '--kernel', kernel, '--json');
      const t = trace(f, '--kernel', kernel, '--json');
      assert.equal(t.out, plain.out, '--json output changed by --trace');
      assert.equal(t.code, plain.code);
      assert.deepEqual(traceProblems(t.doc), []);
      // every decision of the run is in it, once per slot it names (or on the CPU's exception track)
      const decisions = (JSON.parse(plain.out) as { decisions: Array<{ seq: number }> }).decisions;
      const seqs = new Set(t.events.filter((e) => e.cat === 'decision').map((e) => e.args?.seq));
      assert.deepEqual(
        [...seqs].sort((a, b) => Number(a) - Number(b)),
        decisions.map((d) => d.seq),
      );
    });
  }
}

test('same_watch_addr: DAWR tracks, who held them when, each decision with its fields, steps, counts', () => {
  const { events, doc } = trace('same_watch_addr.yaml');
  const threadName = (pid: number, tid: number) =>
    (
      events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.tid === tid)?.args as
        { name: string } | undefined
    )?.name;
  const cpu0 = events.find(
    (e) => e.ph === 'M' && e.name === 'process_name' && String((e.args as { name: string }).name).startsWith('cpu0'),
  )!.pid;
  // slots as tracks
  const slices = events.filter((e) => e.ph === 'X' && e.cat === 'slot' && e.pid === cpu0);
  assert.deepEqual([...new Set(slices.map((e) => threadName(e.pid, e.tid!)))].sort(), ['DAWR0', 'DAWR1']);
  // occupancy as slices: ptrace #1 held DAWR0 from the first cont (icount 0) until the hit disabled it
  const first = slices.find((e) => e.name === 'ptrace #1 child')!;
  assert.equal(threadName(first.pid, first.tid!), 'DAWR0');
  assert.deepEqual(
    [first.ts, first.dur, first.args?.owner, first.args?.range, first.args?.type],
    [0, 1, 'ptrace', '0x10100000+8', 'R'],
  );
  assert.ok(
    slices.some((e) => e.name === 'perf "p" child'),
    "the perf counter's stays",
  );
  // decisions as instant events with their fields as arguments
  const d0 = events.find((e) => e.cat === 'decision' && e.args?.seq === 0)!;
  assert.equal(d0.ph, 'i');
  assert.equal(d0.name, 'ptrace-report');
  assert.equal(d0.ts, d0.args?.icount);
  for (const k of ['seq', 'icount', 'cpu', 'task', 'pc', 'mode', 'insn', 'access', 'slots', 'branch', 'why', 'effects'])
    assert.ok(k in (d0.args ?? {}), `decision argument ${k}`);
  assert.match(String((d0.args?.slots as string[])[0]), /^slot 0 ptrace:child:1 hit: /);
  // the perf single step it armed, on the slot's step track
  const step = events.find((e) => e.cat === 'step' && e.pid === cpu0);
  assert.ok(step, 'a single step in flight');
  assert.match(threadName(step.pid, step.tid!) ?? '', /^DAWR\d single steps$/);
  // the perf count as a counter track, and the tracer's steps
  assert.ok(events.some((e) => e.ph === 'C' && e.name === 'count perf p' && (e.args as { count: number }).count === 1));
  const cont = events.find((e) => e.pid === 0 && e.cat === 'step' && String(e.name).startsWith('[3] cont child'))!;
  assert.equal(cont.ph, 'X');
  assert.equal((doc.otherData as { clock: string }).clock.includes('1 instruction'), true);
});

test('--trace to a file that cannot be written: exit 2, said on stderr', () => {
  const r = wplab('run', join(EXAMPLES, 'same_watch_addr.yaml'), '--trace', join(dir, 'no', 'such', 'dir', 't.json'));
  assert.equal(r.code, 2);
  assert.match(r.err, /cannot write the trace to .*t\.json: ENOENT/);
  assert.equal(wplab('run', join(EXAMPLES, 'same_watch_addr.yaml'), '--trace').code, 2);
  assert.match(
    wplab('compare', join(EXAMPLES, 'same_watch_addr.yaml'), '--trace', 'x.json').err,
    /unknown option --trace/,
  );
});
