// The output of `wplab run`: the text log a person reads, and the --json document (SCENARIOS.md §5).
import { decisionLines } from '../decision-text';
import type { RunReport } from './scenario-runner';
import { describeResult, resultToJson } from './step-result';

export function reportText(r: RunReport, scenarioName: string): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`scenario ${scenarioName}: ${m.cpu}, ${m.cpus} CPU${m.cpus > 1 ? 's' : ''}, kernel ${m.kernel}, ${m.slots} slot${m.slots === 1 ? '' : 's'} per CPU`);
  for (const s of r.steps) {
    const args = Object.entries(s.args)
      .map(([k, v]) => (k === 'task' || k === 'id' ? `${k}=${v}` : `${k}=${v}`))
      .join(' ');
    const verdict = s.step.expect ? (s.ok ? 'PASS' : 'FAIL') : '';
    out.push(`[${s.step.index}] line ${s.step.pos.line}: ${s.step.op} ${args} -> ${describeResult(s.result)}${verdict ? `   ${verdict}` : ''}`);
    for (const d of s.decisions) out.push(...decisionLines(d, '      '));
    for (const mm of s.mismatches) out.push(`      FAIL: ${mm} (expect: ${s.step.expectText ?? ''})`);
  }
  if (r.droppedDecisions > 0) out.push(`(${r.droppedDecisions} older decisions dropped from the log)`);
  for (const [task, text] of Object.entries(r.output)) {
    out.push(`output of ${task}:`);
    out.push(...text.replace(/\n$/, '').split('\n').map((l) => `  | ${l}`));
  }
  const failedSteps = r.steps.filter((s) => !s.ok);
  if (failedSteps.length > 0) out.push(`failed steps: ${failedSteps.map((s) => `[${s.step.index}] line ${s.step.pos.line}`).join(', ')}`);
  out.push(`${r.passed} passed, ${r.failed} failed`);
  return out.join('\n') + '\n';
}

export function reportJson(r: RunReport, scenarioName: string): unknown {
  return {
    scenario: scenarioName,
    machine: { cpu: r.machine.cpu, cpus: r.machine.cpus, kernel: r.machine.kernel, slots: r.machine.slots, dawr_force_enable: r.machine.dawrForceEnable },
    steps: r.steps.map((s) => ({
      index: s.step.index,
      line: s.step.pos.line,
      op: s.step.op,
      args: s.args,
      result: resultToJson(s.result),
      ...(s.step.expect ? { expect: s.step.expectText, ok: s.ok } : {}),
      ...(s.mismatches.length > 0 ? { mismatches: s.mismatches } : {}),
      decisions: s.decisions.map((d) => d.seq),
    })),
    decisions: r.decisions,
    dropped_decisions: r.droppedDecisions,
    output: r.output,
    passed: r.passed,
    failed: r.failed,
  };
}
