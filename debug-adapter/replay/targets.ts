// Where a step back or a reverse continue goes: found by watching a replay of the history with a
// time probe (sim/machine/time-probe.ts). An instant is a count of the machine's global instruction
// clock: the machine rebuilt up to that count has run exactly the instructions before it.
import type { Task } from '../../sim/machine/task';
import type { TimeProbeHooks } from '../../sim/machine/time-probe';
import type { Watch } from '../data-breakpoints';
import type { CodeBreakpoint, Runtime } from '../runtime';
import { describeWatchStop, previewAccess, storeKeeps } from '../stop-description';
import { hex } from '../symbols';

export interface TravelTarget {
  /** the machine's clock to rebuild up to */
  icount: number;
  /** the thread that stops there */
  pid: number;
  reason: 'step' | 'breakpoint' | 'data breakpoint' | 'entry';
  hitBreakpointIds?: number[];
  /** short: the Call Stack view shows it as the thread's state */
  description: (t: Task) => string;
  /** the whole sentence (the session's hover, the Debug Console, the panel) */
  text?: (t: Task) => string;
  /** the answer so far: older history may change it (a search over windows looks on) */
  more?: boolean;
}

export type Found = { ok: true; value: TravelTarget } | { ok: false; message: string };

/**
 * Step back: the instant before the thread's last executed instruction. A slice of the probe is a
 * run of one core on one task, whose instructions take consecutive counts of the clock; the last
 * instruction of the thread's last non-empty slice is the one to undo.
 */
export function stepBackTarget(rt: Runtime, pid: number, probe: (h: TimeProbeHooks) => void): () => Found {
  let last: number | undefined;
  const from = rt.launchIcount;
  probe({
    slice: (t, start, ran) => {
      if (t.pid === pid && ran > 0 && start >= from) last = start + ran - 1;
    },
  });
  return () => {
    const at = last;
    if (at === undefined)
      return {
        ok: false,
        message: 'this thread has run no instruction since the launch: there is nothing to step back over',
      };
    // one clock, one numbering: icount N is the instant after N instructions, as in the decisions
    return {
      ok: true,
      value: {
        icount: at,
        pid,
        reason: 'step',
        description: () => `Stepped back to icount ${at}`,
        text: (t) =>
          `Stepped back to ${hex(t.thread.pc)}: the machine as it was at icount ${at} ` +
          `(after ${at} instructions of the machine's clock), before the instruction it ran next`,
      },
    };
  };
}

/**
 * Reverse continue: the last instant, before `now`, at which the thread was about to run an
 * instruction that has a breakpoint, or to access memory that one of its verified ptrace data
 * breakpoints watches (the breakpoints as the editor has them now; a condition is evaluated in the
 * state of that instant, a hit count is not: it counts forward stops); or the start of the history
 * when there is none. The look is taken before every instruction of the thread.
 */
export interface BreakpointsNow {
  code: CodeBreakpoint[];
  watches: Watch[];
  /** "Break on Value Change" goes on over a store that leaves the value as it is (as forward) */
  unchangedStoresPass: boolean;
}

/** The breakpoints as the editor has them now (before a replay rebuilds the runtime). */
export function breakpointsNow(rt: Runtime): BreakpointsNow {
  return {
    code: rt.codeBps.all().filter((b) => b.verified && !b.logMessage),
    watches: rt.watches.all().filter((w) => w.kind === 'ptrace' && w.verified),
    unchangedStoresPass: rt.config.breakOnValueChange === 'changed' && rt.config.ptraceRearm === 'gdb',
  };
}

export function reverseTarget(
  rt: Runtime,
  bps: BreakpointsNow,
  pid: number,
  now: number,
  probe: (h: TimeProbeHooks) => void,
): () => Found {
  const { code, watches, unchangedStoresPass } = bps;
  // as a forward stop does: a false condition does not stop, one that cannot be evaluated does
  const holds = (t: Task, cond: string | undefined): boolean => {
    if (!cond || cond.trim() === '') return true;
    const r = rt.evaluator?.(t, cond);
    return !r || !r.ok || r.value !== 0n;
  };
  let found: TravelTarget | undefined;
  const from = rt.launchIcount;
  const codeAddrs = new Set(code.flatMap((b) => b.addrs));
  // no breakpoint: nothing to look for, the start it is (no probe: a replayer need not replay)
  if (code.length > 0 || watches.length > 0)
    probe({
      before: {
        pid,
        look: (t, icount) => {
          if (icount >= now || icount < from) return;
          const pc = t.thread.pc;
          // (a set first: this runs before every instruction looked at)
          const bps = codeAddrs.has(pc) ? code.filter((b) => b.addrs.includes(pc) && holds(t, b.condition)) : [];
          if (bps.length > 0) {
            found = {
              icount,
              pid,
              reason: 'breakpoint',
              hitBreakpointIds: bps.map((b) => b.id),
              description: (x) => `Reverse continue: breakpoint at ${hex(x.thread.pc)}`,
            };
            return;
          }
          if (watches.length === 0) return;
          const p = previewAccess(t);
          if (!p) return;
          const store = p.kind === 'store' || p.kind === 'stcx';
          const load = p.kind === 'load' || p.kind === 'larx';
          const hit = watches.filter(
            (w) =>
              p.ea < w.addr + BigInt(w.len) &&
              w.addr < p.ea + BigInt(p.size) &&
              (w.access === 'readWrite' ? store || load : w.access === 'write' ? store : load) &&
              holds(t, w.condition),
          );
          if (hit.length === 0) return;
          if (
            unchangedStoresPass &&
            hit.every((w) => w.origin === 'data' && w.access === 'write' && storeKeeps(t, p, w.addr, w.len) === true)
          )
            return;
          const labels = hit.map((w) => `${w.id} (${w.access === 'readWrite' ? 'access' : w.access} ${w.label})`);
          found = {
            icount,
            pid,
            reason: 'data breakpoint',
            hitBreakpointIds: hit.map((w) => w.id),
            description: (x) => `Reverse continue: ${describeWatchStop(x, p.ea, labels).description}`,
            text: (x) =>
              `Reverse continue: ${describeWatchStop(x, p.ea, labels).text.replace(/\. SIGTRAP .*$/, '')} ` +
              '(continue, and the watchpoint fires before this access)',
          };
        },
      },
    });
  return () => {
    if (found) return { ok: true, value: found };
    return {
      ok: true,
      value: {
        icount: from,
        pid,
        reason: 'entry',
        description: () => 'Back at the start',
        text: (t) =>
          `Back at the start of the history (${hex(t.thread.pc)}, icount ${from}): no breakpoint was hit before`,
      },
    };
  };
}
