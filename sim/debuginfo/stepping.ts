// Source-level stepping as GDB does it, as a decision after each instruction (the debugger
// executes: one instruction, or a run to an address with a temporary breakpoint), so that it
// stays a pure function of the debug information and the thread's state:
//   next (over): stay in the current line's range; a call is run over to its return address; on
//                returning into the caller, go on to the start of the next line there.
//   step (into): like next, but a call to a function with line information stops after its
//                prologue (a function without lines, glibc's, is run over).
//   finish (out): run to the return address in the caller (for an inlined frame: until the pc
//                leaves the inlined call).
// A stop lands on the first instruction of a line that is a statement and differs from the line
// the step started on (GDB's rule; a line reached in its middle is stepped through).
import type { DebugInfo, SourceLine } from './debug-info';
import { hexU64 } from '../hex';
import type { Target } from './target';

export type StepKind = 'over' | 'into' | 'out';

export type StepDecision =
  /** execute one instruction, then ask again */
  | { action: 'step' }
  /** run until the pc is `address` with r1 >= `stackPointer` (a trap there), then ask again */
  | { action: 'run-to'; address: bigint; stackPointer: bigint }
  /** the step is done: report the stop */
  | { action: 'stop'; reason?: string };

/** bl, bla, bcl, bctrl, blrl...: LK = 1 */
function isCallWord(w: number): boolean {
  const op = w >>> 26;
  if (op === 18) return (w & 1) === 1; // b[l][a]
  if (op === 16) return (w & 1) === 1; // bc[l] (bcl 20,31,$+4 reads the pc: the caller sees pc === prev + 4)
  if (op === 19) {
    const xo = (w >>> 1) & 0x3ff;
    return (xo === 16 || xo === 528 || xo === 560) && (w & 1) === 1; // bclrl, bcctrl, bctarl
  }
  return false;
}

function word(t: Target, a: bigint): number | undefined {
  const b = t.readMemory(a, 4);
  return b ? (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0 : undefined;
}

export class LineStepper {
  private range: { start: bigint; end: bigint } | undefined;
  private line: SourceLine | undefined;
  private fnEntry: bigint | undefined;
  private sp: bigint;
  private depth: number;
  private waiting: 'return' | 'callee-body' | 'finish' | undefined;
  private readonly startDepth: number;

  constructor(
    private readonly di: DebugInfo,
    readonly kind: StepKind,
    target: Target,
  ) {
    const pc = target.pc();
    this.sp = target.readRegister(1) ?? 0n;
    this.fnEntry = di.functionAt(pc)?.entry;
    this.depth = this.inlineDepth(pc);
    this.startDepth = this.depth;
    this.refresh(pc, true);
  }

  private refresh(pc: bigint, frameLine = false): void {
    const r = this.di.lineStepRange(pc);
    this.range = r ? { start: r.start, end: r.end } : undefined;
    this.line = r?.line;
    // at a step's start, the line is the frame's: the call site when an inlined call starts here
    const site = frameLine ? this.di.skippedCallSite(pc) : undefined;
    if (site && this.line) this.line = { ...this.line, file: site.file, line: site.line };
  }

  /** The inlined calls at `pc` a stop there shows (those starting at `pc` are not shown yet). */
  private inlineDepth(pc: bigint): number {
    return this.di.inlineDepthAt(pc) - this.di.inlineSkipAt(pc);
  }

  /** The first decision, before any instruction runs. */
  start(target: Target): StepDecision {
    if (this.kind === 'out') {
      if (this.startDepth > 0) return { action: 'step' };
      const frames = this.di.stackFrames(target, 2);
      const r = this.di.stepOutTarget(frames, 0);
      if (!r.ok) return { action: 'stop', reason: r.message };
      this.waiting = 'finish';
      return { action: 'run-to', address: r.address, stackPointer: r.stackPointer };
    }
    if (!this.range) {
      // no line information here: run to the caller (GDB: "step until exit from function ... which has no line number
      // information")
      const frames = this.di.stackFrames(target, 2);
      const r = this.di.stepOutTarget(frames, 0);
      if (!r.ok) return { action: 'stop', reason: r.message };
      this.waiting = 'finish';
      return { action: 'run-to', address: r.address, stackPointer: r.stackPointer };
    }
    return { action: 'step' };
  }

  /** After the instruction at `prevPc` executed (or a run-to arrived): what next. */
  next(target: Target, prevPc: bigint): StepDecision {
    const pc = target.pc();
    const sp = target.readRegister(1) ?? 0n;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting === 'finish' || waiting === 'callee-body') return { action: 'stop' };
    if (this.kind === 'out') {
      // out of an inlined call: until the pc leaves it
      return this.inlineDepth(pc) < this.startDepth ? { action: 'stop' } : { action: 'step' };
    }
    const fn = this.di.functionAt(pc);
    const sameFunction = fn !== undefined && fn.entry === this.fnEntry;
    // a call: the instruction before was a branch-and-link and the pc is not the next instruction
    const lr = target.readRegister(65);
    const w = waiting === 'return' ? undefined : word(target, prevPc);
    if (w !== undefined && isCallWord(w) && lr === prevPc + 4n && pc !== prevPc + 4n) {
      if (this.kind === 'into' && fn && fn.hasLines) {
        if (pc === fn.afterPrologue) return { action: 'stop' };
        this.waiting = 'callee-body';
        return { action: 'run-to', address: fn.afterPrologue, stackPointer: 0n };
      }
      this.waiting = 'return';
      return { action: 'run-to', address: lr, stackPointer: sp };
    }
    if (sameFunction && this.range && pc >= this.range.start && pc < this.range.end) {
      const d = this.inlineDepth(pc);
      if (d <= this.depth) return { action: 'step' };
    }
    // the first instruction of an inlined call (the thread is shown at its call site): "step"
    // stops, "next" goes on when the call is on the line being stepped
    if (sameFunction && this.inlineDepth(pc) === this.depth && this.di.inlineSkipAt(pc) > 0) {
      const site = this.di.skippedCallSite(pc);
      if (this.kind === 'over' && site && site.line === this.line?.line && site.file === this.line?.file)
        return { action: 'step' };
      return { action: 'stop' };
    }
    const sal = this.di.lineAt(pc);
    if (!sal) return { action: 'stop', reason: `no line information at ${hexU64(pc)}` };
    if (!sameFunction) {
      if (sp > this.sp || fn === undefined) {
        // returned into the caller: at the start of another line, stop; in the middle of one
        // (the usual case: the call's result is still to be stored), carry on to the next line
        this.fnEntry = fn?.entry;
        this.sp = sp;
        this.depth = this.inlineDepth(pc);
        const atOtherLine = pc === sal.start && (sal.line !== this.line?.line || sal.file !== this.line?.file);
        if (atOtherLine && sal.isStmt) return { action: 'stop' };
        this.range = { start: sal.start, end: sal.end };
        // (GDB: a row that is not a statement, in another frame, leaves no current line)
        this.line = atOtherLine ? undefined : sal;
        return { action: 'step' };
      }
      // a jump into another function (a tail call): it is a new line
      this.fnEntry = fn.entry;
    }
    // inlined calls entered beyond their first instruction: over steps through them, into stops
    const d = this.inlineDepth(pc);
    if (d > this.depth) {
      if (this.kind === 'over') return { action: 'step' };
      return { action: 'stop' };
    }
    const sameFrame = d === this.depth;
    this.depth = d;
    let refreshLine = true;
    if (pc === sal.start && (sal.line !== this.line?.line || sal.file !== this.line?.file)) {
      // the start of another line: a statement ends the step; a row that is not one is passed
      if (sal.isStmt) return { action: 'stop' };
      if (sameFrame) refreshLine = false;
    }
    // GDB: the range becomes the new row's; the line only when the row was not skipped
    this.range = { start: sal.start, end: sal.end };
    if (refreshLine) this.line = sal;
    return { action: 'step' };
  }
}
