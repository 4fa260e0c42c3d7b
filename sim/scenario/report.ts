// The output of `wplab run`: the text log a person reads, and the --json document (SCENARIOS.md §5).
// Both are written piece by piece (writeText, writeJsonReport): the decisions are read out of the
// machine's log one at a time, so what a report costs follows the log's capacity, not the run's
// length (a run of 10^7 perf hits makes 2*10^7 decisions; the log keeps the newest).
import type { Decision } from '../decision';
import { decisionLines } from '../decision-text';
import { LazyArray, writeJson, type Write } from './json-stream';
import type { RunReport, StepReport } from './scenario-runner';
import { describeResult, resultToJson } from './step-result';

export type { Write };

/** The step's decisions still in the log, oldest first, one at a time. */
function eachDecision(r: RunReport, s: StepReport, fn: (d: Decision) => void): void {
  r.log.forEach(s.decisionRange.from, s.decisionRange.to, fn);
}

export function writeText(r: RunReport, scenarioName: string, write: Write): void {
  const line = (l: string) => write(l + '\n');
  const m = r.machine;
  line(
    `scenario ${scenarioName}: ${m.cpu}, ${m.cpus} CPU${m.cpus > 1 ? 's' : ''}, kernel ` +
      `${m.kernel}, ${m.slots} slot${m.slots === 1 ? '' : 's'} per CPU`,
  );
  for (const s of r.steps) {
    const args = Object.entries(s.args)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const verdict = s.step.expect ? (s.ok ? 'PASS' : 'FAIL') : '';
    line(
      `[${s.step.index}] line ${s.step.pos.line}: ${s.step.op} ${args} -> ` +
        `${describeResult(s.result)}${verdict ? `   ${verdict}` : ''}`,
    );
    const { from, to } = s.decisionRange;
    const lost = to - from - r.log.keptIn(from, to);
    if (lost > 0) line(`      (${lost} earlier decision${lost === 1 ? '' : 's'} of this step dropped from the log)`);
    eachDecision(r, s, (d) => write(decisionLines(d, '      ').join('\n') + '\n'));
    for (const mm of s.mismatches) line(`      FAIL: ${mm} (expect: ${s.step.expectText ?? ''})`);
  }
  if (r.droppedDecisions > 0) line(`(${r.droppedDecisions} older decisions dropped from the log)`);
  for (const [task, text] of Object.entries(r.output)) {
    line(`output of ${task}:`);
    for (const l of text.replace(/\n$/, '').split('\n')) line(`  | ${l}`);
  }
  const failedSteps = r.steps.filter((s) => !s.ok);
  if (failedSteps.length > 0)
    line(`failed steps: ` + `${failedSteps.map((s) => `[${s.step.index}] line ${s.step.pos.line}`).join(', ')}`);
  line(`${r.passed} passed, ${r.failed} failed`);
}

export function reportText(r: RunReport, scenarioName: string): string {
  const parts: string[] = [];
  writeText(r, scenarioName, (s) => parts.push(s));
  return parts.join('');
}

/** The --json document, its decision lists read out of the log while it is written. */
function documentOf(r: RunReport, scenarioName: string): Record<string, unknown> {
  return {
    scenario: scenarioName,
    machine: {
      cpu: r.machine.cpu,
      cpus: r.machine.cpus,
      kernel: r.machine.kernel,
      slots: r.machine.slots,
      dawr_force_enable: r.machine.dawrForceEnable,
    },
    steps: r.steps.map((s) => ({
      index: s.step.index,
      line: s.step.pos.line,
      op: s.step.op,
      args: s.args,
      result: resultToJson(s.result),
      ...(s.step.expect ? { expect: s.step.expectText, ok: s.ok } : {}),
      ...(s.mismatches.length > 0 ? { mismatches: s.mismatches } : {}),
      // the sequence numbers of the step's decisions still in the log
      decisions: new LazyArray((emit) => {
        const { from, to } = s.decisionRange;
        for (let q = Math.max(from, r.log.firstSeq); q < to; q++) emit(q);
      }),
    })),
    decisions: new LazyArray((emit) => r.log.forEach(0, r.log.total, emit)),
    dropped_decisions: r.droppedDecisions,
    output: r.output,
    passed: r.passed,
    failed: r.failed,
  };
}

/** Writes the --json document (with its final newline), as JSON.stringify(doc, null, 2) would. */
export function writeJsonReport(r: RunReport, scenarioName: string, write: Write): void {
  writeJson(documentOf(r, scenarioName), write);
  write('\n');
}

/** The --json document as one value (for a short run; a long one is written with writeJsonReport). */
export function reportJson(r: RunReport, scenarioName: string): unknown {
  const parts: string[] = [];
  writeJsonReport(r, scenarioName, (s) => parts.push(s));
  return JSON.parse(parts.join(''));
}
