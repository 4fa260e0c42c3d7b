// `wplab compare`: the same scenario under the 6.5 and the 6.6 policy, and where the outcomes differ.
import type { Decision } from '../decision';
import { decisionHeadline } from '../decision-text';
import type { Scenario, ScenarioError } from './scenario-types';
import { runScenario, type RunOptions, type RunReport } from './scenario-runner';
import { describeResult } from './step-result';

export interface Difference {
  /** result: the step's result or verdict differs; decisions: same result, the handler took another path */
  kind: 'result' | 'decisions';
  step: number;
  line: number;
  op: string;
  pre: string;
  post: string;
}

export type CompareOutcome =
  | { kind: 'compared'; pre: RunReport; post: RunReport; differences: Difference[] }
  | { kind: 'input-error'; errors: ScenarioError[] };

function branches(ds: Decision[]): string {
  return ds.map((d) => d.branch).join(', ') || 'no decision';
}

/** What a decision did, without its name: a ptrace-only stop is the same outcome in both policies. */
function outcome(ds: Decision[]): string {
  return JSON.stringify(ds.map((d) => [d.pc, d.slots.map((s) => [s.slot, s.bp, s.result]), d.effects]));
}

export function compareScenario(sc: Scenario, opts: RunOptions): CompareOutcome {
  const pre = runScenario(sc, { ...opts, overrides: { ...opts.overrides, kernel: '6.5' } });
  if (pre.kind === 'input-error') return pre;
  const post = runScenario(sc, { ...opts, overrides: { ...opts.overrides, kernel: '6.6' } });
  if (post.kind === 'input-error') return post;
  const differences: Difference[] = [];
  const n = Math.max(pre.report.steps.length, post.report.steps.length);
  for (let i = 0; i < n; i++) {
    const a = pre.report.steps[i];
    const b = post.report.steps[i];
    if (!a || !b) continue;
    const ra = describeResult(a.result);
    const rb = describeResult(b.result);
    const da = branches(a.decisions);
    const db = branches(b.decisions);
    const resultDiffers = ra !== rb || a.ok !== b.ok;
    if (resultDiffers || outcome(a.decisions) !== outcome(b.decisions)) {
      differences.push({
        kind: resultDiffers ? 'result' : 'decisions',
        step: i,
        line: a.step.pos.line,
        op: a.step.op,
        pre: `${ra}${a.step.expect ? (a.ok ? ' (expectation holds)' : ' (expectation fails)') : ''}; decisions: ${da}`,
        post: `${rb}${b.step.expect ? (b.ok ? ' (expectation holds)' : ' (expectation fails)') : ''}; decisions: ${db}`,
      });
    }
  }
  return { kind: 'compared', pre: pre.report, post: post.report, differences };
}

export function compareText(c: Extract<CompareOutcome, { kind: 'compared' }>, name: string): string {
  const out = [
    `compare ${name}: kernel 6.5 (PRE) versus 6.6 (POST), ${c.post.machine.cpu}, ` + `${c.post.machine.cpus} CPU(s)`,
  ];
  const results = c.differences.filter((d) => d.kind === 'result');
  const paths = c.differences.filter((d) => d.kind === 'decisions');
  if (c.differences.length === 0)
    out.push('no difference: every step has the same result and the same handler decisions');
  else if (results.length === 0)
    out.push('no difference in results: every step gives the same result under 6.5 and 6.6');
  for (const d of results) {
    out.push(`[${d.step}] line ${d.line}: ${d.op}`);
    out.push(`    6.5: ${d.pre}`);
    out.push(`    6.6: ${d.post}`);
  }
  if (paths.length > 0) out.push('same result, but the handlers took different paths (effects differ):');
  for (const d of paths) {
    out.push(`[${d.step}] line ${d.line}: ${d.op}`);
    out.push(`    6.5: ${d.pre}`);
    out.push(`    6.6: ${d.post}`);
  }
  out.push(
    `6.5: ${c.pre.passed} passed, ${c.pre.failed} failed; 6.6: ${c.post.passed} passed, ` + `${c.post.failed} failed`,
  );
  const firstDiff = (a: Decision[], b: Decision[]): string | undefined => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (outcome(a.slice(i, i + 1)) !== outcome(b.slice(i, i + 1)))
        return (
          `first differing decision: 6.5 ` +
          `${a[i] ? decisionHeadline(a[i]) + ' -> ' + a[i].branch : '(none)'}; 6.6 ` +
          `${b[i] ? decisionHeadline(b[i]) + ' -> ' + b[i].branch : '(none)'}`
        );
    }
    return undefined;
  };
  const fd = firstDiff(c.pre.decisions, c.post.decisions);
  if (fd) out.push(fd);
  return out.join('\n') + '\n';
}
