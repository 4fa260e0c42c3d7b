// The deterministic scheduler: the same input gives the same interleaving, every time.
// A task without affinity goes to the lowest-numbered CPU free when it becomes runnable (SCENARIOS §1);
// when none is free, to the CPU with the shortest run queue (lowest number on a tie). Each CPU time-
// slices its queue; a context switch schedules the task's breakpoints out and in (SEMANTICS §4).
import type { Task } from './task';

export interface RunQueue {
  cpu: number;
  current: Task | null;
  queue: Task[];
  /** instructions the current task has run in its time slice */
  used: number;
}

export class Scheduler {
  readonly rq: RunQueue[];
  constructor(
    cpus: number,
    private readonly onSwitchIn: (cpu: number, t: Task) => void,
    private readonly onSwitchOut: (cpu: number, t: Task) => void,
  ) {
    this.rq = Array.from({ length: cpus }, (_, cpu) => ({ cpu, current: null, queue: [], used: 0 }));
  }

  private isQueued(t: Task): boolean {
    return this.rq.some((q) => q.current === t || q.queue.includes(t));
  }

  /** The task became runnable (resumed by the tracer, or created untraced). */
  enqueue(t: Task): void {
    if (this.isQueued(t)) return;
    let target: RunQueue;
    if (t.affinity !== undefined) target = this.rq[t.affinity];
    else {
      const free = this.rq.find((q) => q.current === null && q.queue.length === 0);
      target =
        free ??
        this.rq.reduce((best, q) =>
          q.queue.length + (q.current ? 1 : 0) < best.queue.length + (best.current ? 1 : 0) ? q : best,
        );
    }
    target.queue.push(t);
  }

  /** The task left the CPU for good (stopped, exited, killed): take it off its queue. */
  dequeue(t: Task): void {
    for (const q of this.rq) {
      if (q.current === t) {
        this.onSwitchOut(q.cpu, t);
        q.current = null;
        q.used = 0;
      }
      const i = q.queue.indexOf(t);
      if (i >= 0) q.queue.splice(i, 1);
    }
  }

  /** Puts the next queued task on an idle CPU. Returns the task to run, or null. */
  pick(q: RunQueue): Task | null {
    if (q.current === null && q.queue.length > 0) {
      const t = q.queue.shift() as Task;
      q.current = t;
      q.used = 0;
      t.cpu = q.cpu;
      this.onSwitchIn(q.cpu, t);
    }
    return q.current;
  }

  /** The current task used up its time slice or yielded: the next queued task gets the CPU. */
  rotate(q: RunQueue): void {
    if (q.current === null || q.queue.length === 0) {
      q.used = 0;
      return;
    }
    const t = q.current;
    this.onSwitchOut(q.cpu, t);
    q.current = null;
    q.queue.push(t);
    this.pick(q);
  }

  anyRunnable(): boolean {
    // (a plain loop: asked on every pass of the machine's run loop, twice per perf hit)
    const rq = this.rq;
    for (let i = 0; i < rq.length; i++) if (rq[i].current !== null || rq[i].queue.length > 0) return true;
    return false;
  }
}
