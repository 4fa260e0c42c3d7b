// `wplab run` on a long run (issue 12: --json died in JSON.stringify at 10^6 decisions, the text mode
// took 2.9 GB): both outputs are written piece by piece, the decisions read out of the log one at a
// time without being kept, so what the output costs follows the log's capacity, not the run's length.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chunked, LazyArray, writeJson } from '../../sim/scenario/json-stream';
import { parseScenario } from '../../sim/scenario/parse-scenario';
import { reportJson, reportText, writeJsonReport, writeText } from '../../sim/scenario/report';
import { runScenario, type RunReport } from '../../sim/scenario/scenario-runner';

test('writeJson writes exactly what JSON.stringify(value, null, 2) gives, lazy arrays included', () => {
  // some arrays of the value become LazyArrays (of plain data), written as they are produced
  const lazify = (v: unknown, pick: number): unknown => {
    if (Array.isArray(v))
      return pick % 3 === 0 ? new LazyArray((emit) => v.forEach((x) => emit(x))) : v.map((x, i) => lazify(x, pick + i));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x], i) => [k, lazify(x, pick + i + 1)]));
    return v;
  };
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (v, pick) => {
      const parts: string[] = [];
      writeJson(lazify(v, pick), (s) => parts.push(s));
      assert.equal(parts.join(''), JSON.stringify(v, null, 2));
    }),
    { seed: 0x150, numRuns: 400 },
  );
  const got: string[] = [];
  const c = chunked((s) => got.push(s), 10);
  for (const w of ['abc', 'defgh', 'ijklmnop', 'q']) c.write(w);
  c.flush();
  assert.deepEqual(got, ['abcdefghijklmnop', 'q']);
});

const HITS = `
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,v@ha
	addi 9,9,v@l
	mtctr 4
1:	ld 6,0(9)
	bdnz 1b
	.globl done
done:	trap
	.data
	.balign 8
v:	.quad 0
`;

function longRun(hits: number, logCapacity: number): RunReport {
  const sc = parseScenario(
    `machine: { cpu: power10 }
tasks:
  - { name: child, program: hits.S, regs: { r4: ${hits} } }
steps:
  - perf_open: { id: p, task: child, addr: v, len: 8, type: r, exclude_kernel: true, exclude_hv: true }
  - cont: child
    expect: { pc: done }
  - perf_read: p
    expect: ${hits}
`,
    'hits.yaml',
  );
  assert.ok(sc.ok);
  const o = runScenario(sc.scenario, { readFile: () => HITS, logCapacity });
  assert.equal(o.kind, 'report');
  return (o as { report: RunReport }).report;
}

test(
  'a run with more decisions than the log keeps: both outputs hold the kept ones and ' + 'say how many were dropped',
  () => {
    const r = longRun(20_000, 1000);
    assert.equal(r.failed, 0);
    assert.equal(r.log.total, 40_000);
    const text = reportText(r, 'hits.yaml');
    assert.match(text, /\n {6}\(39000 earlier decisions of this step dropped from the log\)\n/);
    assert.match(text, /\n\(39000 older decisions dropped from the log\)\n/);
    assert.equal(text.match(/-> step-complete/g)?.length, 500);
    const doc = reportJson(r, 'hits.yaml') as {
      decisions: Array<{ seq: number }>;
      steps: Array<{ decisions: number[] }>;
      dropped_decisions: number;
    };
    assert.equal(doc.decisions.length, 1000);
    assert.equal(doc.decisions[0].seq, 39_000);
    assert.deepEqual(
      doc.steps[1].decisions,
      Array.from({ length: 1000 }, (_, i) => 39_000 + i),
    );
    assert.equal(doc.dropped_decisions, 39_000);
  },
);

test('writing the report keeps no decision: it is read out of the log one at a time, in bounded pieces', () => {
  const r = longRun(5_000, 4000);
  const ring = (r.log as unknown as { ring: Array<{ decision?: unknown }> }).ring;
  let biggest = 0;
  const sizes = (s: string) => (biggest = Math.max(biggest, s.length));
  for (const write of [
    (w: (s: string) => void) => writeText(r, 'hits.yaml', w),
    (w: (s: string) => void) => writeJsonReport(r, 'hits.yaml', w),
  ]) {
    const c = chunked(sizes);
    write(c.write);
    c.flush();
    // no decision was made and kept in the log's records while writing
    assert.equal(ring.filter((e) => e.decision).length, 0);
  }
  // every write is about one decision; the chunks stay near their size
  assert.ok(biggest < (1 << 16) + 4096, `a chunk of ${biggest} characters`);
});
