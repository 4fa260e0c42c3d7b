// A decision told in words, for the command line, the debug console and hovers.
import type { Decision, Effect } from './decision';

const BRANCH_TEXT: Record<Decision['branch'], string> = {
  'ptrace-report': 'ptrace wins: SIGTRAP before execute; perf hits ignored and kept armed (6.6)',
  'ptrace-report-all': 'ptrace stop: every hit breakpoint counted before execute, none reinstalled (6.5)',
  'larx-stcx-disable': 'larx/stcx cannot be stepped: hit breakpoints disabled',
  'unreadable-disable': 'instruction unreadable: hit breakpoints disabled',
  'perf-single-step': 'perf: single-step armed, counted after execute',
  'perf-emulate': 'kernel mode: instruction emulated and counted',
  'emulate-fail-disable': 'kernel mode: emulation failed, hit breakpoints disabled',
  'no-hit-sigtrap': 'nothing hit: SIGTRAP, all DAWRs left off',
  'spurious-dd1': 'POWER10 DD1 spurious exception: all marked extraneous',
  'step-complete': 'single-step done: perf counted after execute',
  'step-unclaimed': 'stray single-step: SIGTRAP TRAP_TRACE',
  'thread-change-pc': 'signal delivery: pending perf steps cancelled',
};

export function branchText(b: Decision['branch']): string {
  return BRANCH_TEXT[b];
}

export function effectText(e: Effect): string {
  switch (e.kind) {
    case 'signal':
      return `${e.signal} ${e.si_code} si_addr=${e.si_addr}`;
    case 'count':
      return `${e.bp} count=${e.value}`;
    case 'disable':
      return `disable ${e.bp}`;
    case 'arm-step':
      return `arm step for ${e.bp}`;
    case 'step-done':
      return `step done for ${e.bp}`;
    case 'reinstall':
      return `reinstall slot ${e.slot}`;
    case 'emulate':
      return 'emulate';
  }
}

/** The first line: where and what. */
export function decisionHeadline(d: Decision): string {
  const acc = d.access ? `  ${d.access.kind} ${d.access.size} @${d.access.ea}` : '';
  return `#${d.seq} cpu${d.cpu} ${d.task} ${d.pc} ${d.mode === 'kernel' ? '[kernel] ' : ''}${d.insn}${acc}`;
}

/** Several lines: headline, one line per slot, and the branch with its effects. */
export function decisionLines(d: Decision, indent = ''): string[] {
  const lines = [indent + decisionHeadline(d)];
  const w = Math.max(0, ...d.slots.map((s) => s.bp.length));
  for (const s of d.slots)
    lines.push(`${indent}    slot ${s.slot}  ${s.bp.padEnd(w)}  ${s.result.padEnd(10)}  ${s.reason}`);
  lines.push(`${indent}    -> ${d.branch}: ${branchText(d.branch)}`);
  if (d.effects.length > 0) lines.push(`${indent}       ${d.effects.map(effectText).join('; ')}`);
  return lines;
}
