// The report of a stop, as the session shows it: why (the DAP stop reasons, as plain strings), a
// short description for the Call Stack view, the whole sentence, and the breakpoints that fired.
// Built here from the machine's stop; for a watchpoint, the breakpoints that fired are those the
// handler's decision for the stop says hit (Tracer.stopDecision), not a guess from the log.
import type { Decision } from '../sim/decision';
import type { StopInfo, Task } from '../sim/machine/task';
import type { Watch, WatchSet } from './data-breakpoints';
import { describeSignal, describeWatchStop, shortened } from './stop-description';
import { hex } from './symbols';

export type StopReason =
  | 'step'
  | 'breakpoint'
  | 'exception'
  | 'pause'
  | 'entry'
  | 'data breakpoint'
  | 'instruction breakpoint'
  | 'goto'
  | 'function breakpoint';

export interface StopReport {
  reason: StopReason;
  threadId: number;
  description?: string;
  text?: string;
  /** the ids of the breakpoints (code or watch) that fired and stopped the thread */
  hitBreakpointIds?: number[];
}

/** The debugger's watches that the stop's decision says hit (a ptrace slot with result "hit"); when
 * the decision is gone (or names none), those containing the stop's address. */
export function firedWatches(watches: WatchSet, t: Task, s: StopInfo, d: Decision | undefined): Watch[] {
  const out: Watch[] = [];
  if (d) {
    for (const slot of d.slots) {
      if (slot.owner !== 'ptrace' || slot.result !== 'hit') continue;
      const w = watches.byBpName(slot.bp);
      if (w && !out.includes(w)) out.push(w);
    }
  }
  if (out.length === 0 && s.si_addr !== undefined) out.push(...watches.containing(t, s.si_addr));
  return out;
}

/** A watchpoint the console set (not one of the editor's): named by its handle. */
function foreignHandles(s: StopInfo, d: Decision | undefined): string[] {
  if (d) return d.slots.filter((x) => x.owner === 'ptrace' && x.result !== 'miss').map((x) => x.bp);
  return s.si_addr !== undefined ? [hex(s.si_addr)] : [];
}

/** A watchpoint stop (before execute): the watches shown, or the handles when none is ours. */
export function watchReport(t: Task, s: StopInfo, shown: Watch[], d: Decision | undefined): StopReport {
  const labels = shown.map((w) => `${w.id} (${w.access === 'readWrite' ? 'access' : w.access} ${w.label})`);
  const w = describeWatchStop(t, s.si_addr, labels.length > 0 ? labels : foreignHandles(s, d));
  const hitBreakpointIds = shown.map((x) => x.id);
  return { reason: 'data breakpoint', threadId: t.pid, hitBreakpointIds, description: w.description, text: w.text };
}

export function entryReport(t: Task, icount: number): StopReport {
  const text = `Stopped at the entry ${hex(t.thread.pc)}, before the first instruction (icount ${icount})`;
  return { reason: 'entry', threadId: t.pid, description: 'Paused on entry', text };
}

export function stepReport(t: Task): StopReport {
  return { reason: 'step', threadId: t.pid };
}

export function pauseReport(t: Task): StopReport {
  return { reason: 'pause', threadId: t.pid, description: `Paused at ${hex(t.thread.pc)}` };
}

/** The step limit, at the end of a run (`inRun`) or of a single step. */
export function limitReport(t: Task, maxSteps: number, inRun: boolean): StopReport {
  const pc = hex(t.thread.pc);
  const text = inRun
    ? `Stopped by the step limit: ${maxSteps} instructions since the last resume ("maxSteps"), at ${pc}`
    : `Stopped by the step limit ("maxSteps": ${maxSteps} instructions since the last resume) at ${pc}`;
  return { reason: 'pause', threadId: t.pid, description: 'Paused: step limit', text };
}

/** A code breakpoint (or several at one address) that stopped the thread. */
export function breakpointReport(t: Task, ids: number[], allInstruction: boolean): StopReport {
  const reason = allInstruction ? 'instruction breakpoint' : 'breakpoint';
  return { reason, threadId: t.pid, hitBreakpointIds: ids, description: `Breakpoint at ${hex(t.thread.pc)}` };
}

/** Every process sleeps and nothing can ever wake one (SCENARIOS §7). */
export function deadlockReport(t: Task, s: StopInfo): StopReport {
  const text = s.message ?? 'deadlock: every process sleeps and nothing can wake one';
  return { reason: 'exception', threadId: t.pid, description: 'Deadlock', text };
}

/** The same watchpoint exception over and over without the instruction retiring. */
export function livelockReport(t: Task, s: StopInfo): StopReport {
  return {
    reason: 'exception',
    threadId: t.pid,
    description: s.message ?? `Livelock at ${hex(t.thread.pc)}`,
    text: 'livelock',
  };
}

/** A fault or an unhandled signal: short in the Call Stack view; the whole sentence in the
 * exception widget (exceptionInfo) and the text. */
export function signalReport(t: Task, s: StopInfo): StopReport {
  const d = describeSignal(t, s.signal ?? 'signal', s.si_code, s.si_addr);
  const description = shortened(d.description.replace(/ at 0x.*$/, ''));
  return { reason: 'exception', threadId: t.pid, description, text: `${d.description}. ${d.text}` };
}
