// The checkpoints of one machine's run, within a memory budget: taken every `interval` instructions
// (the interval adapts so that taking them costs a small share of the run), and when over budget the
// old ones are thinned out so that what is left is dense near now and exponentially sparser towards
// the start: a step back finds one close by, a travel far back replays further. The first checkpoint
// (the earliest instant travelled to: the launch) and the newest few are always kept.
import type { Machine } from '../machine';
import { MachineCheckpoint } from './machine-checkpoint';

export interface CheckpointStoreOptions {
  /** the most bytes the checkpoints may hold together (pages copied, objects, log slices) */
  budgetBytes?: number;
  /** the newest checkpoints never thinned out */
  keepNewest?: number;
  /** instructions between checkpoints at first, and the bounds the adaptation keeps to */
  interval?: number;
  minInterval?: number;
  maxInterval?: number;
  /** the share of the run's time that taking checkpoints may cost */
  costShare?: number;
  /** objects saved with the machine (a debugger's own state that changes while the machine runs) */
  extra?: () => readonly object[];
  /** objects those lead to that are kept by reference, never saved nor restored */
  keep?: () => readonly object[];
}

export const DEFAULT_CHECKPOINT_BUDGET = 64 * 1024 * 1024;

export class CheckpointStore {
  private readonly kept: MachineCheckpoint[] = [];
  /** buffer copy -> how many kept checkpoints hold it (a copy shared by several counts once) */
  private readonly refs = new Map<Uint8Array, number>();
  private bufferBytes = 0;
  private otherBytes = 0;
  readonly budgetBytes: number;
  private readonly keepNewest: number;
  /** instructions between checkpoints (adapted by take()) */
  interval: number;
  private readonly minInterval: number;
  private readonly maxInterval: number;
  private readonly costShare: number;
  private lastTakeAt = 0;
  /** checkpoints thinned out so far */
  thinned = 0;
  /** one checkpoint alone is over the budget (a machine with that much memory): none are taken */
  disabled = false;

  constructor(
    private readonly machine: Machine,
    private readonly opts: CheckpointStoreOptions = {},
  ) {
    this.budgetBytes = opts.budgetBytes ?? DEFAULT_CHECKPOINT_BUDGET;
    this.keepNewest = Math.max(1, opts.keepNewest ?? 4);
    this.minInterval = opts.minInterval ?? 200_000;
    this.maxInterval = opts.maxInterval ?? 4_000_000;
    this.interval = opts.interval ?? 1_000_000;
    this.costShare = opts.costShare ?? 0.05;
  }

  /** bytes the kept checkpoints hold */
  get bytes(): number {
    return this.bufferBytes + this.otherBytes;
  }

  get count(): number {
    return this.kept.length;
  }

  list(): readonly MachineCheckpoint[] {
    return this.kept;
  }

  newest(): MachineCheckpoint | undefined {
    return this.kept[this.kept.length - 1];
  }

  /** Is a checkpoint due (the machine ran `interval` instructions since the newest)? */
  due(): boolean {
    if (this.disabled) return false;
    const n = this.newest();
    return n === undefined || this.machine.icount - n.icount >= this.interval;
  }

  /** Takes a checkpoint now (none if the newest is at this instant), then keeps to the budget.
   * `adapt`: the time since the last one was a run (not a debugger's own replay): the interval
   * adapts to the cost. Undefined when the store is disabled. */
  take(adapt = true): MachineCheckpoint | undefined {
    if (this.disabled) return undefined;
    const prev = this.newest();
    if (prev && prev.icount === this.machine.icount) return prev;
    // (checkpoints are kept in clock order: one taken after a restore to an earlier instant
    // replaces the later ones, which belong to a history that is gone)
    if (prev && prev.icount > this.machine.icount) this.dropAfter(this.machine.icount);
    const t0 = performance.now();
    const cp = MachineCheckpoint.take(this.machine, this.newest(), this.opts.extra?.() ?? [], this.opts.keep?.() ?? []);
    const t1 = performance.now();
    this.add(cp);
    if (adapt) this.adapt(cp, t1 - t0, t1);
    this.keepToBudget();
    return this.disabled ? undefined : cp;
  }

  /** The interval grows when a checkpoint is dear compared with the run between two of them. */
  private adapt(cp: MachineCheckpoint, takeMs: number, now: number): void {
    const prev = this.kept[this.kept.length - 2];
    const ranMs = now - this.lastTakeAt - takeMs;
    this.lastTakeAt = now;
    if (!prev || ranMs <= 0) return;
    const ran = cp.icount - prev.icount;
    const perMs = ran / ranMs;
    const want = (takeMs / this.costShare) * perMs;
    this.interval = Math.round(Math.min(this.maxInterval, Math.max(this.minInterval, want)));
  }

  /** The checkpoint nearest before or at `icount`. */
  before(icount: number): MachineCheckpoint | undefined {
    let lo = 0;
    let hi = this.kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.kept[mid].icount <= icount) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.kept[lo - 1] : undefined;
  }

  /** Forgets the checkpoints after `icount` (the history after it was replaced). */
  dropAfter(icount: number): void {
    while (this.kept.length > 0 && this.kept[this.kept.length - 1].icount > icount)
      this.release(this.kept.pop() as MachineCheckpoint);
  }

  private add(cp: MachineCheckpoint): void {
    this.kept.push(cp);
    for (const b of cp.graph.buffers()) {
      const n = this.refs.get(b) ?? 0;
      if (n === 0) this.bufferBytes += b.byteLength;
      this.refs.set(b, n + 1);
    }
    this.otherBytes += cp.graph.size.objectBytes + cp.graph.size.customBytes;
  }

  private release(cp: MachineCheckpoint): void {
    for (const b of cp.graph.buffers()) {
      const n = (this.refs.get(b) ?? 1) - 1;
      if (n === 0) {
        this.refs.delete(b);
        this.bufferBytes -= b.byteLength;
      } else this.refs.set(b, n);
    }
    this.otherBytes -= cp.graph.size.objectBytes + cp.graph.size.customBytes;
  }

  /**
   * Over budget: removes, among the checkpoints neither first nor among the newest, the one whose
   * neighbours are closest together for how old it is (gap around it / its age), until within
   * budget. What remains is spaced about in proportion to age: exponentially.
   */
  private keepToBudget(): void {
    while (this.bytes > this.budgetBytes && this.kept.length > this.keepNewest + 1) {
      const now = this.machine.icount;
      let best = -1;
      let bestScore = Infinity;
      for (let i = 1; i < this.kept.length - this.keepNewest; i++) {
        const gap = this.kept[i + 1].icount - this.kept[i - 1].icount;
        const score = gap / Math.max(1, now - this.kept[i].icount);
        if (score < bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) break;
      const [gone] = this.kept.splice(best, 1);
      this.release(gone);
      this.thinned++;
    }
    // still over (each checkpoint is large): the oldest go, and if the newest alone is over the
    // budget, checkpoints are given up for this machine (travels replay from the launch)
    while (this.bytes > this.budgetBytes && this.kept.length > 1) {
      this.release(this.kept.shift() as MachineCheckpoint);
      this.thinned++;
    }
    if (this.bytes > this.budgetBytes) {
      for (const cp of this.kept.splice(0)) this.release(cp);
      this.disabled = true;
    }
  }
}
