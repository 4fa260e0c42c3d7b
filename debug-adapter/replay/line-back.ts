// Step back by source line (GDB's reverse-next) in a frame that has line information: the instant
// the thread began the line it ran before this one in this frame, calls on that line stepped back
// over; from the middle of a line, its start; from a function's first line, the caller's call line.
// The thread's instructions are classed against the frame the step starts in (its function and its
// CFA): a callee's (another function with r1 below the CFA, or this function with its CFA below: a
// recursive call), this frame's (its prologue passed over), or a caller's. Each window of the
// history the search is shown is reduced, going forward, to runs of one line at one level (callees
// left out, so a line's runs around a call merge), and read backwards from the newest; the windows
// come newest first (replay-from-checkpoints.ts) and the state carries over from one to the next,
// so a line whose start is in an older window is followed there. A window that leaves the answer
// open says so (`more`); the history from the launch, the last one looked at, settles it. (An
// inlined call's lines count as lines of this frame; at -O2, where the line table interleaves
// lines, a run of a line is one step back, as GDB's rows are.)
import type { DebugInfo, FunctionInfo } from '../../sim/debuginfo/debug-info';
import type { Task } from '../../sim/machine/task';
import { dwarfProgramOf } from '../source/dwarf-program';
import { targetOf } from '../source/source-dap';
import { hex } from '../symbols';
import type { TargetSearch } from './replayer';
import type { Found, TravelTarget } from './targets';

type Level = 'frame' | 'caller';

/** A run of the thread's instructions on one line at one level: the instants its first and its
 * last instruction began. */
interface Run {
  icount: number;
  end: number;
  /** `file:line`; '' for code without a line; 'prologue' for the frame's own prologue */
  key: string;
  level: Level;
  /** its first instruction starts a row of the line table that is a statement */
  atStart: boolean;
}

/** Where the step back starts: the thread, its r1, the function and the line there. */
export interface LineBackStart {
  pid: number;
  /** the machine's clock at the start: the history is before it */
  now: number;
  fn: FunctionInfo;
  /** the frame's canonical frame address (the caller's r1 at the call): another function's code with
   * r1 below it is a callee's, at or above it the caller's (r1 itself moves in the frame's prologue
   * and epilogue, and -O2 may free the frame before the function's last line) */
  cfa: bigint;
}

/** The line at `pc` and whether `pc` starts a row of it that is a statement. */
function lineKey(info: DebugInfo, pc: bigint): { key: string; atStart: boolean } {
  const l = info.lineAt(pc);
  return l ? { key: `${l.file}:${l.line}`, atStart: l.isStmt && l.start === pc } : { key: '', atStart: false };
}

/** The start of a source-level step back, or undefined where it is one instruction (no line here). */
export function lineBackStart(t: Task, now: number): LineBackStart | undefined {
  const m = dwarfProgramOf(t.program);
  const pc = t.thread.pc;
  const fn = m?.info.functionAt(pc);
  if (!m || !fn || !fn.hasLines || !m.lineAt(pc)) return undefined;
  const sp = t.thread.getGpr(1);
  const frame = m.info.stackFrames(
    targetOf(t, (a, n) => t.mem.readBytes(a, n)),
    1,
  )[0];
  // without call-frame information: the back chain a stdu stored, or r1 in a function without one
  let cfa = frame?.physical.cfa;
  if (cfa === undefined && allocatesFrame(t, fn.entry, pc)) {
    const b = t.mem.readBytes(sp, 8);
    if (b) cfa = new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
  }
  return { pid: t.pid, now, fn, cfa: cfa ?? sp };
}

/** Without call-frame information: whether the code from the entry to `pc` has a `stdu r1,d(r1)`. */
function allocatesFrame(t: Task, entry: bigint, pc: bigint): boolean {
  if (pc - entry > 4096n) return true;
  const b = t.mem.readBytes(entry, Number(pc - entry));
  if (!b) return true;
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const w = (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
    if (w >>> 26 === 62 && ((w >>> 21) & 31) === 1 && ((w >>> 16) & 31) === 1 && (w & 3) === 1) return true;
  }
  return false;
}

/** The search (replayer.ts's TargetSearch) for a source-level step back from `s`. */
export function lineBackSearch(s: LineBackStart): TargetSearch {
  // the runs read so far, newest first, and the first instant they cover (the rest up to now)
  let seenFrom = Number.POSITIVE_INFINITY;
  const older: Run[] = [];
  return (rt, probe) => {
    const runs: Run[] = [];
    const from = rt.launchIcount;
    const limit = seenFrom;
    // this window begins at the launch: when it is read, the whole history is
    const complete = rt.machine.icount <= from;
    // caches by pc: the function and the line (a look runs before every instruction)
    const fns = new Map<bigint, FunctionInfo | null>();
    const keys = new Map<bigint, { key: string; atStart: boolean }>();
    const rules = new Map<bigint, { reg: number; offset: bigint } | null>();
    let info: DebugInfo | undefined;
    let first = Number.POSITIVE_INFINITY;
    probe({
      before: {
        pid: s.pid,
        look: (t, icount) => {
          // (a look at an instruction a breakpoint then kept from running comes again at the same count)
          if (icount < from || icount >= limit || icount >= s.now) return;
          if (icount < first) first = icount;
          info ??= dwarfProgramOf(t.program)?.info;
          if (!info) return;
          const pc = t.thread.pc;
          const sp = t.thread.getGpr(1);
          let fn = fns.get(pc);
          if (fn === undefined) fns.set(pc, (fn = info.functionAt(pc) ?? null));
          let same = fn !== null && fn.entry === s.fn.entry;
          if (same) {
            // the function itself: this frame, or a recursive call's (its CFA below), or a caller's
            let rule = rules.get(pc);
            if (rule === undefined) rules.set(pc, (rule = info.cfaRuleAt(pc) ?? null));
            const cfa = rule && rule.reg < 32 ? BigInt.asUintN(64, t.thread.getGpr(rule.reg) + rule.offset) : s.cfa;
            if (cfa < s.cfa) return;
            same = cfa === s.cfa;
          } else if (sp < s.cfa) return; // a callee
          const level: Level = same ? 'frame' : 'caller';
          let line = keys.get(pc);
          if (line === undefined) keys.set(pc, (line = lineKey(info, pc)));
          const prologue = same && pc >= s.fn.entry && pc < s.fn.afterPrologue;
          const key = prologue ? 'prologue' : line.key;
          const atStart = !prologue && line.atStart;
          const last = runs[runs.length - 1];
          if (last && last.key === key && last.level === level) last.end = icount;
          else runs.push({ icount, end: icount, key, level, atStart });
        },
      },
    });
    return () => {
      // this window's runs join those read before (they are newer), newest first
      for (let i = runs.length - 1; i >= 0; i--) {
        const r = runs[i];
        const prev = older[older.length - 1];
        if (prev && prev.key === r.key && prev.level === r.level) {
          prev.icount = r.icount;
          prev.atStart = r.atStart;
        } else older.push({ ...r });
      }
      if (first < seenFrom) seenFrom = first;
      return decide(s, older, complete);
    };
  };
}

/**
 * The answer from the runs read so far (newest first). The line to go back to is the first run's
 * (from the middle of the current line: that line); the frame's prologue is passed over into the
 * caller (GDB steps back out of a function at its first line), and a caller without lines is
 * stopped in at its call. It is settled once an older run has been read, or the whole history, or
 * when the run begins a window at a row of its line that is a statement (a window that begins at a
 * stop of a line step: the line may have run just before it only in a loop on one line).
 */
function decide(s: LineBackStart, runs: Run[], complete: boolean): Found {
  const i = runs[0]?.level === 'frame' && runs[0].key === 'prologue' ? 1 : 0;
  const r = runs[i];
  if (!r) {
    if (!complete) return { ok: true, value: { ...arrived(s, 0), more: true } };
    if (i === 1) return { ok: true, value: arrived(s, runs[0].icount) };
    return { ok: false, message: 'this thread has run no line before this one since the launch' };
  }
  if (r.level === 'caller' && r.key === '') return { ok: true, value: arrived(s, r.end) };
  const settled = r.atStart || runs.length > i + 1 || complete;
  return { ok: true, value: { ...arrived(s, r.icount), ...(settled ? {} : { more: true }) } };
}

function arrived(s: LineBackStart, icount: number): TravelTarget {
  const where = (t: Task): string => {
    const l = dwarfProgramOf(t.program)?.lineAt(t.thread.pc);
    return l ? `${l.file.replace(/^.*[\\/]/, '')}:${l.line}` : hex(t.thread.pc);
  };
  return {
    icount,
    pid: s.pid,
    reason: 'step',
    description: (t) => `Stepped back to ${where(t)}`,
    text: (t) =>
      `Stepped back to ${where(t)} (${hex(t.thread.pc)}): the machine as it was at icount ${icount}, ` +
      'as the thread began that line',
  };
}
