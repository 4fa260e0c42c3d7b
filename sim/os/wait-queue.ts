// Sleeping in the kernel: a system call that must wait (wait4 for a child, read of an empty pipe, a
// futex, pause, nanosleep) does not return; its handler asks the context to block the task and
// returns BLOCKED. The task leaves the run queue; when something it waits for happens (a queue it
// sleeps on is woken, its deadline passes, a signal arrives) it is put back, and the same system
// call runs again from the start with the same registers, as Linux's wait loops re-check their
// condition after schedule(). `SyscallContext.resumed` is the request of the sleep being resumed,
// with the `data` the handler kept in it (the deadline of a sleep, the progress of a copy).

/** What a handler returns when it has blocked the task (never a system call's value: results are
 * -4095..-1 or non-negative). */
export const BLOCKED = -(1n << 40n);

/** One sleeping task, as a wait queue sees it. */
export interface Sleeper {
  wake(): void;
}

/** The tasks sleeping until something happens (a pipe gets data, a child changes state), each with
 * the request it sleeps with. */
export class WaitQueue {
  private readonly entries: Array<{ sleeper: Sleeper; req: SleepRequest }> = [];
  /** how many times the queue was woken (an edge-triggered epoll item reports after a new wake-up) */
  generation = 0;
  add(sleeper: Sleeper, req: SleepRequest): void {
    if (!this.entries.some((e) => e.sleeper === sleeper)) this.entries.push({ sleeper, req });
  }
  remove(sleeper: Sleeper): void {
    const i = this.entries.findIndex((e) => e.sleeper === sleeper);
    if (i >= 0) this.entries.splice(i, 1);
  }
  /** Wakes every sleeper, in the order they went to sleep (deterministic). */
  wakeAll(): void {
    this.generation++;
    if (this.entries.length === 0) return;
    for (const e of [...this.entries]) e.sleeper.wake();
  }
  /** Wakes at most `n` sleepers whose request `pick` accepts (it may mark the request), in order; the
   * number woken. */
  wakeSome(n: number, pick: (req: SleepRequest) => boolean): number {
    this.generation++;
    let woken = 0;
    for (const e of [...this.entries]) {
      if (woken >= n) break;
      if (!pick(e.req)) continue;
      e.sleeper.wake();
      woken++;
    }
    return woken;
  }
  /** the requests of the sleepers, in order */
  requests(): SleepRequest[] {
    return this.entries.map((e) => e.req);
  }
  get size(): number {
    return this.entries.length;
  }
}

export interface SleepRequest {
  /** what the task waits for, for a person (a deadlock report, the panel): `wait4`, `read of a pipe` */
  why: string;
  /** woken when any of these is woken */
  queues?: WaitQueue[];
  /** woken when CLOCK_MONOTONIC reaches this (ns) */
  deadlineNs?: bigint;
  /** signals that wake it even while blocked (rt_sigtimedwait's set) */
  wakeMask?: bigint;
  /** what the handler keeps between tries */
  data?: unknown;
}
