// A breakpoint's condition, hit condition and log message, as a stop checks them: a false condition
// goes on, one that cannot be evaluated stops (and says why); a hit condition counts stops; a log
// point prints and goes on.
import type { Task } from '../sim/machine/task';
import type { CodeBreakpoint } from './code-breakpoints';
import type { Watch } from './data-breakpoints';
import { hex } from './symbols';

/** Evaluates an expression in a task's state (the session's expression evaluator). */
export type Evaluator = (t: Task, expr: string) => { ok: true; value: bigint } | { ok: false; message: string };

/** `N` or `>= N`: from the Nth hit on; `== N`, `> N`, `< N`, `<= N`; `% N`: every Nth. */
export function hitConditionMet(cond: string | undefined, hits: number): boolean {
  if (!cond || cond.trim() === '') return true;
  const m = /^\s*(>=|<=|==|=|>|<|%)?\s*(\d+)\s*$/.exec(cond);
  if (!m) return true;
  const n = Number(m[2]);
  switch (m[1]) {
    case '==':
    case '=':
      return hits === n;
    case '>':
      return hits > n;
    case '<':
      return hits < n;
    case '<=':
      return hits <= n;
    case '%':
      return n > 0 && hits % n === 0;
    default:
      return hits >= n;
  }
}

export interface ConditionOutput {
  /** a condition that could not be evaluated (stderr), a log point's line (with its source) */
  output(category: 'stderr' | 'console', text: string, source?: { path: string; line: number }): void;
}

export class BreakpointConditions {
  /** Set by the session: evaluates an expression for conditions and log points. */
  evaluator: Evaluator | undefined;

  constructor(private readonly out: ConditionOutput) {}

  /** A watch that fired: its condition, then its hit count. */
  watchStops(t: Task, w: Watch): boolean {
    if (w.condition && w.condition.trim() !== '') {
      const c = this.holds(t, w.condition);
      if (c === false) return false;
    }
    w.hits++;
    return hitConditionMet(w.hitCondition, w.hits);
  }

  /** A code breakpoint reached: its condition, its hit count, and a log point prints instead. */
  codeStops(t: Task, b: CodeBreakpoint): boolean {
    if (b.condition && b.condition.trim() !== '' && this.holds(t, b.condition) === false) return false;
    b.hits++;
    if (!hitConditionMet(b.hitCondition, b.hits)) return false;
    if (b.logMessage !== undefined && b.logMessage !== '') {
      const at = b.path && b.line ? { path: b.path, line: b.line } : undefined;
      this.out.output('console', this.interpolate(t, b.logMessage) + '\n', at);
      return false;
    }
    return true;
  }

  /** A condition's truth; undefined without an evaluator; an error says so and counts as true. */
  private holds(t: Task, expr: string): boolean | undefined {
    const r = this.evaluator?.(t, expr);
    if (!r) return undefined;
    if (!r.ok) {
      this.out.output('stderr', `condition "${expr}": ${r.message} (the breakpoint stops)\n`);
      return true;
    }
    return r.value !== 0n;
  }

  /** A log message with each `{expr}` replaced by its value. */
  private interpolate(t: Task, msg: string): string {
    return msg.replace(/\{([^}]+)\}/g, (_, e: string) => {
      const r = this.evaluator?.(t, e);
      return r && r.ok ? hex(r.value) : `<${r && !r.ok ? r.message : 'error'}>`;
    });
  }
}
