// Time travel from checkpoints: while the program runs, the run loop's chunk boundaries take
// checkpoints of the runtime and its machine (sim/machine/checkpoint/, within a 64 MB budget,
// thinned out exponentially), and so does a resume after such a run (or a while after the last
// checkpoint). A travel restores the nearest checkpoint before the instant and goes on from there:
// from one taken inside a run, the machine runs on chunk by chunk as the run was cut; from one taken
// at a stop, the requests recorded since are handled again as a replay from the launch would. A
// search (step back, reverse continue) looks at the windows between checkpoints from the newest
// backwards and stops at the first that holds what it looks for. Anything else (an instant before
// the first checkpoint, a window not seen whole, a run into which the editor's requests came after a
// checkpoint) is replayed from the launch (replay-from-launch.ts), which is always right.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { CheckpointStore } from '../../sim/machine/checkpoint/checkpoint-store';
import { MachineCheckpoint } from '../../sim/machine/checkpoint/machine-checkpoint';
import { TimeProbe, type TimeProbeHooks } from '../../sim/machine/time-probe';
import type { Task } from '../../sim/machine/task';
import type { Runtime } from '../runtime';
import { ReplayFromLaunch } from './replay-from-launch';
import type { ReplayHost, Replayer, RunPosition, TargetSearch } from './replayer';
import type { Found } from './targets';
import { redoJournal } from './redo-journal';
import type { JournalEntry, Timeline } from './timeline';

/** A request that leaves state in the session that checkpoints do not save (the Debug Console's
 * handles of perf fds and watches): a travel to before it replays from the launch. */
function leavesSessionState(r: DebugProtocol.Request): boolean {
  if (r.command === 'wplab.perf' || r.command === 'wplab.watch') return true;
  return r.command === 'evaluate' && (r.arguments as { context?: string } | undefined)?.context === 'repl';
}

/** The requests that run the program (a checkpoint at the stop before them can be taken). */
const RESUMES: ReadonlySet<string> = new Set(['continue', 'next', 'stepIn', 'stepOut']);

/** Where in the history a checkpoint was taken: between two chunks of a run, or at a stop. */
interface Place {
  kind: 'run' | 'stop';
  /** the run, the chunks of it done and the instructions into the next (a run checkpoint) */
  run: number;
  chunk: number;
  offset: number;
  /** the journal's length and the runs' count then */
  journal: number;
  runs: number;
  /** the entry whose handling started the run (a run checkpoint) */
  entry: number;
}

type Usable = { cp: MachineCheckpoint; place: Place };

/** A place in a run: chunks done, and instructions into the next. */
interface Cursor {
  run: number;
  chunk: number;
  offset: number;
}

/** A piece of a run's window a search looks at: from a checkpoint at `start` (at `at` in the run)
 * to `end`. */
interface Piece {
  cp: MachineCheckpoint;
  place: Place;
  start: number;
  end: number;
  at: Cursor;
}

/** How far before a stop the checkpoint taken after it is (stopped()). */
const CLOSE_UP = 256;

/** A run's window is looked at in at most MAX_PIECES pieces of at least MIN_PIECE instructions. */
const MIN_PIECE = 1 << 16;
const MAX_PIECES = 32;

/** What a travel figure reports (bench, tests): how the last travel went. */
export interface TravelStats {
  path: 'checkpoint' | 'launch';
  /** instructions run to rebuild or search (from the launch: the clock where it ended) */
  replayed: number;
  checkpoints: number;
  checkpointBytes: number;
  /** wall-clock milliseconds it took */
  ms: number;
}

export class ReplayFromCheckpoints implements Replayer {
  private readonly launch: ReplayFromLaunch;
  private store: CheckpointStore | undefined;
  /** the runtime the checkpoints are of (a replay from the launch builds another: they go) */
  private of: Runtime | undefined;
  private readonly places = new Map<MachineCheckpoint, Place>();
  private hooked: Timeline | undefined;
  /** the pieces of the window the last search found its instant in (checkpoints of that search) */
  private hint: Piece[] = [];
  /** a close-up checkpoint is to be taken after the stop being reported */
  private closing = false;
  /** a search or a rebuild is under way (it restores checkpoints: nothing else may) */
  private busy = false;
  /** when the search or rebuild under way began */
  private started = 0;
  /** how the last search and the last rebuild went */
  readonly last: { find?: TravelStats; rebuild?: TravelStats } = {};

  constructor(
    private readonly host: ReplayHost,
    private readonly budgetBytes?: number,
  ) {
    this.launch = new ReplayFromLaunch(host);
    this.hook();
  }

  get timeline(): Timeline {
    return this.launch.timeline;
  }

  begin(): void {
    this.launch.begin();
    this.forget();
    this.hook();
  }

  record(request: DebugProtocol.Request, at?: RunPosition): void {
    const rt = this.host.runtime();
    if (!at && RESUMES.has(request.command) && rt && !rt.running) this.atStop(rt);
    this.launch.record(request, at);
  }

  /**
   * The program stopped (not in a replay). A run's last checkpoint may lie far back from the stop (a
   * chunk and more): once the stop is reported, one is taken just before it (the machine run on
   * from the last one, then put back), so that a step back from here replays little.
   */
  stopped(): void {
    if (this.closing) return;
    this.closing = true;
    // right after the runtime's own bookkeeping of the stop (a few promise turns), before the next
    // request is read: the request that most wants it (a step back) comes next
    let turns = 0;
    const attempt = (): void => {
      const rt = this.host.runtime();
      if (rt?.running && ++turns < 32) return queueMicrotask(attempt);
      this.closing = false;
      if (!this.busy) this.closeUp();
    };
    queueMicrotask(attempt);
  }

  private closeUp(): void {
    const rt = this.host.runtime();
    const store = this.store;
    const newest = store?.newest();
    const place = newest && this.places.get(newest);
    if (!rt || !store || !newest || !place || rt.running || this.of !== rt) return;
    const now = rt.machine.icount;
    if (place.kind !== 'run' || place.run !== this.timeline.runs.length - 1 || now - newest.icount <= 2 * CLOSE_UP)
      return;
    if (!this.usable(rt).some((u) => u.cp === newest)) return;
    const back = MachineCheckpoint.take(rt.machine, newest, this.saved(rt), this.kept());
    try {
      newest.restore();
      const r = this.runCursor(rt, { run: place.run, chunk: place.chunk, offset: place.offset }, now - CLOSE_UP);
      if (!r.reached) return;
      const cp = store.take(false);
      if (cp) this.places.set(cp, { ...place, chunk: r.at.chunk, offset: r.at.offset });
      for (const k of this.places.keys()) if (!store.list().includes(k)) this.places.delete(k);
    } finally {
      back.restore();
    }
  }

  /** Between chunks of a run (not of a replay: it sets its own hook): a checkpoint when due. */
  private hook(): void {
    const tl = this.timeline;
    if (this.hooked === tl && tl.betweenChunks) return;
    this.hooked = tl;
    tl.betweenChunks = (run, chunk) => this.between(run, chunk);
  }

  private storeFor(rt: Runtime): CheckpointStore {
    if (this.of !== rt) {
      this.forget();
      this.of = rt;
    }
    return (this.store ??= new CheckpointStore(rt.machine, {
      budgetBytes: this.budgetBytes,
      extra: () => this.saved(rt),
      keep: () => this.kept(),
    }));
  }

  private between(run: number, chunk: number): void {
    const rt = this.host.runtime();
    if (!rt || !rt.running) return;
    const store = this.storeFor(rt);
    if (!store.due()) return;
    const journal = this.timeline.journal;
    let entry = journal.length - 1;
    while (entry >= 0 && journal[entry].at) entry--;
    const runs = this.timeline.runs.length;
    this.take(rt, store, { kind: 'run', run, chunk, offset: 0, journal: journal.length, runs, entry });
  }

  /** A resume is about to be handled: a checkpoint at this stop after a run that took some (the
   * steps that follow start from it), or when one is due. */
  private atStop(rt: Runtime): void {
    const store = this.storeFor(rt);
    const newest = store.newest();
    const afterRun = newest !== undefined && this.places.get(newest)?.kind === 'run';
    if (!afterRun && !store.due()) return;
    const tl = this.timeline;
    this.take(rt, store, {
      kind: 'stop',
      run: -1,
      chunk: 0,
      offset: 0,
      journal: tl.journal.length,
      runs: tl.runs.length,
      entry: -1,
    });
  }

  private take(rt: Runtime, store: CheckpointStore, place: Place): void {
    const newest = store.newest();
    // (one checkpoint an instant: the first one taken there stays)
    if (newest && newest.icount >= rt.machine.icount) return;
    const cp = store.take();
    if (cp) this.places.set(cp, place);
    for (const k of this.places.keys()) if (!store.list().includes(k)) this.places.delete(k);
  }

  private saved(rt: Runtime): readonly object[] {
    return [rt, ...(this.host.checkpointed?.().save ?? [])];
  }

  private kept(): readonly object[] {
    return this.host.checkpointed?.().keep ?? [];
  }

  private forget(): void {
    this.store = undefined;
    this.of = undefined;
    this.places.clear();
  }

  /** The checkpoints a travel can start from (oldest first): taken in this runtime's history; none
   * since that left state in the session; for a run's, no request into the run after it. */
  private usable(rt: Runtime): Usable[] {
    const store = this.store;
    if (!store || this.of !== rt || rt.running) return [];
    const tl = this.timeline;
    const out: Usable[] = [];
    for (const cp of store.list()) {
      const place = this.places.get(cp);
      if (!place) continue;
      const later = tl.journal.slice(place.journal);
      if (later.some((e) => !e.at && leavesSessionState(e.request))) continue;
      if (place.kind === 'run' && later.some((e) => e.at?.run === place.run)) continue;
      out.push({ cp, place });
    }
    return out;
  }

  /**
   * Runs the restored machine on from a place in a run (chunks done, instructions into the next)
   * towards `end` on the clock, cutting the run as it was cut, never past the run's recorded chunks
   * nor past a stop (what followed the run is not a run of the machine alone). A chunk may be run in
   * smaller budgets, which the machine runs alike; a budget that ends early (its DAWR exceptions
   * spent) would not, and then the run is not exact. Returns the chunks as the run's record has them
   * from `chunk` on (the last one possibly short), whether the clock reached `end`, and where it is.
   */
  private runCursor(rt: Runtime, p: Cursor, end: number): { ran: number[]; reached: boolean; at: Cursor } {
    const t = rt.running;
    const script = this.timeline.runs[p.run] ?? [];
    const m = rt.machine;
    const ran: number[] = [];
    let c = p.chunk;
    let done = p.offset;
    while (t && m.icount < end && c < script.length) {
      const ask = Math.min(script[c] - done, end - m.icount);
      const before = m.icount;
      const stop = m.run(t, ask);
      const n = m.icount - before;
      done += n;
      if (!stop && n < ask) return { ran, reached: false, at: { run: p.run, chunk: c, offset: done } };
      if (done >= script[c]) {
        ran.push(script[c]);
        c++;
        done = 0;
      }
      if (stop) break;
    }
    if (done > 0 || ran.length === 0) ran.push(done);
    return { ran, reached: m.icount === end, at: { run: p.run, chunk: c, offset: done } };
  }

  /**
   * A run's window cut finer for a search (a look before each instruction costs far more than a
   * run): the machine runs through it without a look, taking a checkpoint every so many
   * instructions (kept for this search and the rebuild after it), and the search looks at the
   * pieces from the newest.
   */
  private whole(w: Usable, end: number): Piece[] {
    return [
      {
        cp: w.cp,
        place: w.place,
        start: w.cp.icount,
        end,
        at: { run: w.place.run, chunk: w.place.chunk, offset: w.place.offset },
      },
    ];
  }

  private pieces(rt: Runtime, w: Usable, end: number): Piece[] {
    const whole = this.whole(w, end);
    const start = whole[0].at;
    const size = Math.max(MIN_PIECE, Math.ceil((end - w.cp.icount) / MAX_PIECES));
    if (end - w.cp.icount <= 2 * size) return whole;
    w.cp.restore();
    const m = rt.machine;
    const out: Piece[] = [];
    let at = start;
    let last = w.cp;
    while (m.icount < end) {
      const cp = out.length === 0 ? w.cp : (last = MachineCheckpoint.take(m, last, this.saved(rt), this.kept()));
      out.push({ cp, place: w.place, start: m.icount, end, at });
      const r = this.runCursor(rt, at, Math.min(end, m.icount + size));
      if (!r.reached) return whole;
      at = r.at;
    }
    for (let i = 0; i + 1 < out.length; i++) out[i].end = out[i + 1].start;
    return out;
  }

  /**
   * From a stop's checkpoint (restored): the requests recorded since, handled again in their order
   * (those that came while the program ran between the same chunks, each run cut into the same
   * chunks), as replay-from-launch.ts does from the launch; with `haltAt` the clock stops there and
   * the rest of the history is cut off. Returns the history as it was before.
   */
  private async replayFrom(
    place: Place,
    haltAt: number | undefined,
  ): Promise<{ journal: JournalEntry[]; runs: number[][] }> {
    const host = this.host;
    const tl = this.timeline;
    const old = { journal: tl.journal.slice(), runs: tl.runs.slice() };
    const redo = old.journal.slice(place.journal);
    tl.journal.length = place.journal;
    tl.runs.length = place.runs;
    tl.replayRuns = old.runs;
    try {
      await redoJournal(host, tl, redo, haltAt);
    } finally {
      this.hook();
    }
    return old;
  }

  /**
   * A run's window run through once with a look (restored, the search made): cut into pieces on the
   * way (checkpoints taken with the probe off) for the rebuild that follows.
   */
  private cutLooking(
    rt: Runtime,
    w: Usable,
    end: number,
    hooks: TimeProbeHooks,
  ): { pieces: Piece[]; reached: boolean } {
    const m = rt.machine;
    const size = Math.max(MIN_PIECE, Math.ceil((end - w.cp.icount) / MAX_PIECES));
    const out: Piece[] = [];
    let at = this.whole(w, end)[0].at;
    let last = w.cp;
    let reached = true;
    while (m.icount < end) {
      const cp = out.length === 0 ? w.cp : (last = MachineCheckpoint.take(m, last, this.saved(rt), this.kept()));
      out.push({ cp, place: w.place, start: m.icount, end, at });
      const probe = new TimeProbe(m, hooks);
      let r: { reached: boolean; at: Cursor };
      try {
        r = this.runCursor(rt, at, Math.min(end, m.icount + size));
      } finally {
        probe.detach();
      }
      if (!r.reached) {
        reached = false;
        break;
      }
      at = r.at;
    }
    for (let i = 0; i + 1 < out.length; i++) out[i].end = out[i + 1].start;
    return { pieces: out, reached };
  }

  async find(search: TargetSearch): Promise<Found> {
    this.busy = true;
    try {
      return await this.search(search);
    } finally {
      this.busy = false;
    }
  }

  async rebuild(icount: number): Promise<void> {
    this.busy = true;
    try {
      await this.rebuildAt(icount);
    } finally {
      this.busy = false;
    }
  }

  private async search(search: TargetSearch): Promise<Found> {
    this.started = performance.now();
    this.hint = [];
    const rt = this.host.runtime();
    const windows = rt ? this.usable(rt) : [];
    if (!rt || windows.length === 0) return this.fromLaunch('find', () => this.launch.find(search));
    const now = rt.machine.icount;
    const tl = this.timeline;
    const back = MachineCheckpoint.take(rt.machine, this.store?.newest(), this.saved(rt), this.kept());
    let replayed = 0;
    // what the search looks at (asked of a copy of it that is then dropped)
    let hooks: TimeProbeHooks | undefined;
    search(rt, (h) => (hooks = h));
    const fine = hooks?.before !== undefined;
    try {
      // a run's window not seen whole (the run ended before it did: a line step's last instructions
      // are single steps, not chunks of the run): the newest stop's checkpoint before it replays the
      // requests from there to now, as the launch would
      let toNow = -1;
      const stopBefore = (i: number): number => {
        for (let k = i - 1; k >= 0; k--) if (windows[k].place.kind === 'stop') return k;
        return -1;
      };
      for (let i = windows.length - 1; i >= 0; i--) {
        const { cp, place } = windows[i];
        const newest = i === windows.length - 1 || i === toNow;
        const end = newest ? now : windows[i + 1].cp.icount;
        if (place.kind === 'run' && !fine) {
          // a look at the runs' slices costs nothing: one pass, cut into pieces for the rebuild
          cp.restore();
          let looking: TimeProbeHooks | undefined;
          const result = search(rt, (h) => (looking = h));
          if (!looking) return this.stats('find', replayed, result());
          const from = rt.machine.icount;
          const cut = this.cutLooking(rt, windows[i], end, looking);
          replayed += rt.machine.icount - from;
          if (!cut.reached) {
            const k = stopBefore(i);
            if (k < 0) break;
            toNow = k;
            i = k + 1;
            continue;
          }
          const r = result();
          if (r.ok && r.value.reason !== 'entry' && !r.value.more) {
            this.hint = cut.pieces;
            return this.stats('find', replayed, r);
          }
          continue;
        }
        // a look before each instruction: pieces looked at from the newest
        const pieces = place.kind === 'run' ? this.pieces(rt, windows[i], end) : [];
        let seen = true;
        for (let j = place.kind === 'run' ? pieces.length - 1 : 0; j >= 0 && seen; j--) {
          const piece = pieces[j];
          (piece ? piece.cp : cp).restore();
          let probe: TimeProbe | undefined;
          const result = search(rt, (h) => (probe = new TimeProbe(rt.machine, h)));
          // a search that looks at nothing (no breakpoint) has its answer already
          if (!probe) return this.stats('find', replayed, result());
          const from = rt.machine.icount;
          try {
            if (piece) seen = this.runCursor(rt, piece.at, piece.end).reached;
            else {
              // (the history as it was, whatever the replay cut: the search leaves it unchanged)
              const old = await this.replayFrom(place, newest ? undefined : end);
              tl.journal.length = 0;
              for (const e of old.journal) tl.journal.push(e);
              tl.runs.length = 0;
              for (const r of old.runs) tl.runs.push(r);
              seen = rt.machine.icount === end;
            }
          } finally {
            (probe as TimeProbe).detach();
          }
          replayed += rt.machine.icount - from;
          if (!seen) break;
          const r = result();
          if (r.ok && r.value.reason !== 'entry' && !r.value.more) {
            // the pieces serve the rebuild that follows
            this.hint = place.kind === 'run' ? pieces : [];
            return this.stats('find', replayed, r);
          }
        }
        // the window not seen whole (its run ended before it did): from a stop before it, or the launch
        if (!seen) {
          const k = stopBefore(i);
          if (k < 0) break;
          toNow = k;
          i = k + 1;
        }
      }
    } finally {
      back.restore();
    }
    // not within the checkpoints' windows: the whole history
    return this.fromLaunch('find', () => this.launch.find(search));
  }

  private async rebuildAt(icount: number): Promise<void> {
    this.started = performance.now();
    const rt = this.host.runtime();
    const usable = rt && icount <= rt.machine.icount ? this.usable(rt) : [];
    // the last search's pieces first (nearest), then the checkpoints, nearest first
    const starts: Array<{ cp: MachineCheckpoint; place: Place; at?: Cursor }> = [];
    for (const p of this.hint)
      if (p.start <= icount && icount <= p.end) starts.push({ cp: p.cp, place: p.place, at: p.at });
    starts.sort((x, y) => y.cp.icount - x.cp.icount);
    for (let i = usable.length - 1; i >= 0; i--) if (usable[i].cp.icount <= icount) starts.push(usable[i]);
    this.hint = [];
    const failedRuns = new Set<number>();
    for (const { cp, place, at } of starts) {
      if (!rt || (place.kind === 'run' && failedRuns.has(place.run))) continue;
      cp.restore();
      if (place.kind === 'stop') {
        await this.replayFrom(place, icount);
        if (rt.machine.icount !== icount || rt.running) break;
        return this.rebuilt(icount, icount - cp.icount);
      }
      const t = rt.running;
      if (!t) break;
      const from = at ?? { run: place.run, chunk: place.chunk, offset: place.offset };
      const { ran, reached } = this.runCursor(rt, from, icount);
      // the instant is past the checkpoint's run: an earlier checkpoint (at a stop) may serve
      if (!reached) {
        failedRuns.add(place.run);
        continue;
      }
      this.host.quiet(true);
      try {
        rt.endRestoredRun(t);
      } finally {
        this.host.quiet(false);
      }
      // the history now ends here: the run cut as a halted replay cuts it, later requests gone
      const tl = this.timeline;
      tl.runs.length = place.run + 1;
      tl.runs[place.run] = [...tl.runs[place.run].slice(0, from.chunk), ...ran];
      tl.journal.length = place.journal;
      tl.journal[place.entry] = { ...tl.journal[place.entry], cut: icount };
      return this.rebuilt(icount, icount - cp.icount);
    }
    return this.fromLaunch('rebuild', () => this.launch.rebuild(icount));
  }

  /** Rebuilt at `icount`: the checkpoints after it belong to a history that is gone. */
  private rebuilt(icount: number, replayed: number): void {
    this.store?.dropAfter(icount);
    for (const k of this.places.keys()) if (k.icount > icount) this.places.delete(k);
    this.stats('rebuild', replayed, undefined);
  }

  /** A replay from the launch: the runtime it builds is new, the checkpoints were of the old one. */
  private async fromLaunch<T>(what: 'find' | 'rebuild', f: () => Promise<T>): Promise<T> {
    this.forget();
    try {
      return await f();
    } finally {
      this.hook();
      this.last[what] = {
        path: 'launch',
        replayed: this.host.runtime()?.machine.icount ?? 0,
        checkpoints: 0,
        checkpointBytes: 0,
        ms: performance.now() - this.started,
      };
    }
  }

  private stats<T>(what: 'find' | 'rebuild', replayed: number, r: T): T {
    this.last[what] = {
      path: 'checkpoint',
      replayed,
      checkpoints: this.store?.count ?? 0,
      checkpointBytes: this.store?.bytes ?? 0,
      ms: performance.now() - this.started,
    };
    return r;
  }

  /** the checkpoints kept now: how many, and their bytes */
  checkpoints(): { count: number; bytes: number } {
    return { count: this.store?.count ?? 0, bytes: this.store?.bytes ?? 0 };
  }
}
