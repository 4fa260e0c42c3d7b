// The machine's kernel timers on CLOCK_MONOTONIC: the deadline of a sleeping system call (nanosleep,
// a futex or sigtimedwait with a timeout) and the interval timers (alarm). They fire in deadline order
// (creation order on a tie) when the clock passes them: checked between time slices while tasks run,
// and jumped to when every task sleeps (the clock moves straight to the earliest deadline).
import { BOOT_OFFSET_NS, type Clock, TB_HZ } from '../os/clock';

export interface Timer {
  readonly atNs: bigint;
  readonly seq: number;
  fire(): void;
}

export class Timers {
  private readonly list: Timer[] = [];
  private seq = 0;
  /** the machine's instruction count at which the earliest timer is due (Infinity: none) */
  dueIcount = Number.POSITIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  add(atNs: bigint, fire: () => void): Timer {
    const t: Timer = { atNs, seq: this.seq++, fire };
    let i = this.list.length;
    while (i > 0 && (this.list[i - 1].atNs > atNs || (this.list[i - 1].atNs === atNs && this.list[i - 1].seq > t.seq)))
      i--;
    this.list.splice(i, 0, t);
    this.refresh();
    return t;
  }

  remove(t: Timer | undefined): void {
    if (!t) return;
    const i = this.list.indexOf(t);
    if (i >= 0) this.list.splice(i, 1);
    this.refresh();
  }

  /** the earliest deadline (ns), if any */
  next(): bigint | undefined {
    return this.list[0]?.atNs;
  }

  get size(): number {
    return this.list.length;
  }

  /** Fires every timer due now, in order; true if any fired. */
  fireDue(): boolean {
    const now = this.clock.monotonicNs();
    let any = false;
    while (this.list.length > 0 && this.list[0].atNs <= now) {
      const t = this.list.shift() as Timer;
      any = true;
      t.fire();
    }
    this.refresh();
    return any;
  }

  /** Recomputes `dueIcount` (after a change of the timers or a jump of the clock). */
  refresh(): void {
    const first = this.list[0];
    if (!first) {
      this.dueIcount = Number.POSITIVE_INFINITY;
      return;
    }
    // the first tick at which monotonicNs() >= atNs, less the ticks jumped over
    const ticks = ((first.atNs - BOOT_OFFSET_NS) * TB_HZ + 999_999_999n) / 1_000_000_000n;
    this.dueIcount = Number(ticks - this.clock.skipped);
  }
}
