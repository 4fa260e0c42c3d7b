// The run loop: a resume runs the machine in chunks, and between chunks the adapter answers
// requests (pause, breakpoints, the panel). A chunk's size adapts so that it takes about CHUNK_MS
// whatever the program does (a loop that hits a watchpoint on every iteration runs far fewer
// instructions per millisecond). Every run's chunks are recorded in the timeline, and a replay runs
// the very same chunks and stops the machine's clock where the timeline says (replay/).
import type { Machine } from '../sim/machine/machine';
import type { StopInfo, Task } from '../sim/machine/task';
import type { Timeline } from './replay/timeline';

/** Instructions per run chunk to start with. */
const CHUNK = 100_000;
const CHUNK_MS = 15;
const CHUNK_MAX = 4_000_000;

/** Where a running program was when a request came in: after `chunk` chunks of its run `run`. */
export interface RunPosition {
  run: number;
  chunk: number;
}

/** How a run ended: a stop of the machine, a pause (asked for, or the end of a replayed run), or
 * the instruction budget spent. */
export type RunEnd = StopInfo | 'pause' | 'limit';

export interface RunLoopHost {
  /** between two chunks (the tasks' output, the panel's tick) */
  ranChunk(): void;
  /** the session went away (restart, terminate, disconnect): stop at the next chunk */
  cancelled(): boolean;
}

/**
 * Runs a task in chunks. A run that must end between chunks (a pause, the budget, a replay's halt)
 * stops the task at once where the chunk ended with Machine.interrupt (a SIGSTOP stop), not the
 * Tracer's PTRACE_INTERRUPT: that is a seizing process tracer's call, and it stops the task only
 * when it next runs.
 */
export class RunLoop {
  private chunk = CHUNK;
  private runNo = -1;
  private chunkNo = 0;
  private pauseRequested = false;

  constructor(
    private readonly machine: Machine,
    private readonly timeline: Timeline,
    private readonly host: RunLoopHost,
  ) {}

  /** Where the current run is, for a request that comes in meanwhile: (run, chunks done). */
  position(): RunPosition {
    return { run: this.runNo, chunk: this.chunkNo };
  }

  /** A pause asked for: the run stops after the chunk in progress. */
  requestPause(): void {
    this.pauseRequested = true;
  }

  /** A resume begins: an earlier pause request is void. */
  /** A pause asked for while the debugger steps by itself (a source-line step): taken once. */
  takePause(): boolean {
    const p = this.pauseRequested;
    this.pauseRequested = false;
    return p;
  }

  clearPause(): void {
    this.pauseRequested = false;
  }

  /** Runs `t` in chunks until it stops, is paused, or spends `budget.left`. */
  async run(t: Task, budget: { left: number }): Promise<RunEnd> {
    const tl = this.timeline;
    const script = tl.replayRuns?.[tl.runs.length];
    const record: number[] = [];
    tl.runs.push(record);
    this.runNo = tl.runs.length - 1;
    this.chunkNo = 0;
    for (;;) {
      let n = Math.min(this.chunk, budget.left);
      if (script) {
        // a replay runs the recorded chunks; where they end, the program was paused
        if (this.chunkNo >= script.length) {
          this.machine.interrupt(t);
          return 'pause';
        }
        n = script[this.chunkNo];
      }
      const before = this.machine.icount;
      const exceptionsBefore = this.machine.exceptions;
      const t0 = Date.now();
      const s = this.runMachine(t, n);
      const ran = this.machine.icount - before;
      const ms = Date.now() - t0;
      record.push(tl.halted ? ran : n);
      this.chunkNo++;
      // (maxSteps bounds the exceptions taken as well as the instructions run: see Machine.run)
      budget.left -= Math.max(ran, this.machine.exceptions - exceptionsBefore);
      if (tl.halted) {
        this.machine.interrupt(t);
        return 'pause';
      }
      if (!s && !script) {
        const next = ms > 0 ? (this.chunk * CHUNK_MS) / ms : this.chunk * 2;
        this.chunk = Math.max(1000, Math.min(CHUNK_MAX, Math.round(next)));
      }
      if (s) return s;
      if (budget.left <= 0) {
        this.machine.interrupt(t);
        return 'limit';
      }
      this.host.ranChunk();
      tl.betweenChunks?.(this.runNo, this.chunkNo);
      // Let requests in (pause, breakpoints, the panel) between chunks.
      await new Promise<void>((r) => setImmediate(r));
      if (this.host.cancelled()) {
        this.machine.interrupt(t);
        return 'pause';
      }
      if (this.pauseRequested && !script) {
        this.pauseRequested = false;
        this.machine.interrupt(t);
        return 'pause';
      }
    }
  }

  /** machine.runUntilStop, never past the replay's halt (a halt stops the task where it is). */
  runUntilStop(t: Task, max: number): StopInfo {
    const s = this.runMachine(t, max);
    if (s) return s;
    return this.timeline.halted ? this.machine.interrupt(t) : this.machine.runUntilStop(t, 0);
  }

  /** machine.run, never past haltAt: reaching it halts the replay there. */
  private runMachine(t: Task, budget: number): StopInfo | undefined {
    const n = this.clamp(budget);
    const s = n > 0 ? this.machine.run(t, n) : undefined;
    const haltAt = this.timeline.haltAt;
    if (!s && haltAt !== undefined && this.machine.icount >= haltAt) this.timeline.halted = true;
    return s;
  }

  private clamp(budget: number): number {
    const haltAt = this.timeline.haltAt;
    if (haltAt === undefined) return budget;
    const left = haltAt - this.machine.icount;
    if (left <= 0) this.timeline.halted = true;
    return Math.max(0, Math.min(budget, left));
  }
}
