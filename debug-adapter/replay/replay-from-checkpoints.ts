// Time travel from checkpoints: while the program runs, the run loop's chunk boundaries take
// checkpoints of the runtime and its machine (sim/machine/checkpoint/, within a 64 MB budget,
// thinned out exponentially), and a travel to an instant inside a run restores the nearest one
// before it and runs the machine on from there, chunk by chunk as the run was cut. A search (step
// back, reverse continue) looks at the windows between checkpoints from the newest backwards and
// stops at the first window that holds what it looks for. Anything else (an instant outside the
// checkpoints' runs, a run into which the editor's requests came, a window not seen whole) is
// replayed from the launch (replay-from-launch.ts), which is always right.
import type { DebugProtocol } from '@vscode/debugprotocol';
import { CheckpointStore } from '../../sim/machine/checkpoint/checkpoint-store';
import { MachineCheckpoint } from '../../sim/machine/checkpoint/machine-checkpoint';
import { TimeProbe } from '../../sim/machine/time-probe';
import type { Task } from '../../sim/machine/task';
import type { Runtime } from '../runtime';
import { ReplayFromLaunch } from './replay-from-launch';
import type { ReplayHost, Replayer, RunPosition, TargetSearch } from './replayer';
import type { Found } from './targets';
import type { Timeline } from './timeline';

/** A request that leaves state in the session that checkpoints do not save (the Debug Console's
 * handles of perf fds and watches): a travel to before it replays from the launch. */
function leavesSessionState(r: DebugProtocol.Request): boolean {
  if (r.command === 'wplab.perf' || r.command === 'wplab.watch') return true;
  return r.command === 'evaluate' && (r.arguments as { context?: string } | undefined)?.context === 'repl';
}

/** Where in the history a checkpoint was taken. */
interface Place {
  run: number;
  /** chunks of the run done */
  chunk: number;
  /** the journal's length then, and the entry whose handling started the run */
  journal: number;
  entry: number;
}

/** What a travel figure reports (bench, tests): how the last travel went. */
export interface TravelStats {
  path: 'checkpoint' | 'launch';
  /** instructions run to rebuild or search */
  replayed: number;
  checkpoints: number;
  checkpointBytes: number;
}

export class ReplayFromCheckpoints implements Replayer {
  private readonly launch: ReplayFromLaunch;
  private store: CheckpointStore | undefined;
  /** the runtime the checkpoints are of (a replay from the launch builds another: they go) */
  private of: Runtime | undefined;
  private readonly places = new Map<MachineCheckpoint, Place>();
  private hooked: Timeline | undefined;
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
    this.launch.record(request, at);
  }

  /** Between chunks of a run (not of a replay: it sets its own hook): a checkpoint when due. */
  private hook(): void {
    const tl = this.timeline;
    if (this.hooked === tl && tl.betweenChunks) return;
    this.hooked = tl;
    tl.betweenChunks = (run, chunk) => this.between(run, chunk);
  }

  private between(run: number, chunk: number): void {
    const rt = this.host.runtime();
    if (!rt || !rt.running) return;
    if (this.of !== rt) {
      this.forget();
      this.of = rt;
    }
    const store = (this.store ??= new CheckpointStore(rt.machine, { budgetBytes: this.budgetBytes, extra: () => this.saved(rt), keep: () => this.kept() }));
    if (!store.due()) return;
    const journal = this.timeline.journal;
    let entry = journal.length - 1;
    while (entry >= 0 && journal[entry].at) entry--;
    const cp = store.take();
    this.places.set(cp, { run, chunk, journal: journal.length, entry });
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

  /** The checkpoints a travel can start from (oldest first): taken in this runtime's history, with
   * no request into their run after them and none since that left state in the session. */
  private usable(rt: Runtime): Array<{ cp: MachineCheckpoint; place: Place }> {
    const store = this.store;
    if (!store || this.of !== rt || rt.running) return [];
    const tl = this.timeline;
    const out: Array<{ cp: MachineCheckpoint; place: Place }> = [];
    for (const cp of store.list()) {
      const place = this.places.get(cp);
      if (!place) continue;
      // (requests handled after the run are after any instant of it: a travel there cuts them)
      const later = tl.journal.slice(place.journal);
      if (later.some((e) => (e.at ? e.at.run === place.run : leavesSessionState(e.request)))) continue;
      out.push({ cp, place });
    }
    return out;
  }

  /**
   * Runs the restored machine on from a checkpoint towards `end` on the clock, cutting the run as it
   * was cut, never past the run's recorded chunks nor past a stop (what followed the run is not a
   * run of the machine alone); returns the chunks run (the last one possibly short of its budget)
   * and whether the clock reached `end`.
   */
  private runOn(rt: Runtime, t: Task, place: Place, end: number): { ran: number[]; reached: boolean } {
    const script = this.timeline.runs[place.run] ?? [];
    const m = rt.machine;
    const ran: number[] = [];
    for (let c = place.chunk; m.icount < end && c < script.length; c++) {
      const before = m.icount;
      const stop = m.run(t, Math.min(script[c], end - m.icount));
      ran.push(m.icount - before);
      if (stop) break;
    }
    return { ran, reached: m.icount === end };
  }

  async find(search: TargetSearch): Promise<Found> {
    const rt = this.host.runtime();
    const windows = rt ? this.usable(rt) : [];
    if (!rt || windows.length === 0) return this.fromLaunch('find', () => this.launch.find(search));
    const now = rt.machine.icount;
    const back = MachineCheckpoint.take(rt.machine, this.store?.newest(), this.saved(rt), this.kept());
    let replayed = 0;
    try {
      for (let i = windows.length - 1; i >= 0; i--) {
        const { cp, place } = windows[i];
        const end = i + 1 < windows.length ? windows[i + 1].cp.icount : now;
        cp.restore();
        const t = rt.running;
        if (!t) break;
        let probe: TimeProbe | undefined;
        const result = search(rt, (h) => (probe = new TimeProbe(rt.machine, h)));
        // a search that looks at nothing (no breakpoint) has its answer already
        if (!probe) return this.stats('find', replayed, result());
        let reached: boolean;
        try {
          const on = this.runOn(rt, t, place, end);
          replayed += on.ran.reduce((a, b) => a + b, 0);
          reached = on.reached;
        } finally {
          (probe as TimeProbe).detach();
        }
        // the window not seen whole (its run ended before it did): the history decides
        if (!reached) break;
        const r = result();
        if (!r.ok || r.value.reason === 'entry') continue;
        return this.stats('find', replayed, r);
      }
    } finally {
      back.restore();
    }
    // not within the checkpoints' windows: the whole history
    return this.fromLaunch('find', () => this.launch.find(search));
  }

  async rebuild(icount: number): Promise<void> {
    const rt = this.host.runtime();
    const windows = rt ? this.usable(rt) : [];
    let at: { cp: MachineCheckpoint; place: Place } | undefined;
    for (const w of windows) if (w.cp.icount <= icount) at = w;
    if (!rt || !at || icount > rt.machine.icount) return this.fromLaunch('rebuild', () => this.launch.rebuild(icount));
    const { cp, place } = at;
    cp.restore();
    const t = rt.running;
    if (!t) return this.fromLaunch('rebuild', () => this.launch.rebuild(icount));
    const { ran, reached } = this.runOn(rt, t, place, icount);
    // the instant is past the checkpoint's run: the history decides
    if (!reached) return this.fromLaunch('rebuild', () => this.launch.rebuild(icount));
    this.host.quiet(true);
    try {
      rt.endRestoredRun(t);
    } finally {
      this.host.quiet(false);
    }
    // the history now ends here: the run cut as a halted replay cuts it, later requests gone
    const tl = this.timeline;
    const runs = tl.runs;
    runs.length = place.run + 1;
    runs[place.run] = [...runs[place.run].slice(0, place.chunk), ...(ran.length > 0 ? ran : [0])];
    tl.journal.length = place.journal;
    tl.journal[place.entry] = { ...tl.journal[place.entry], cut: icount };
    this.store?.dropAfter(icount);
    for (const k of this.places.keys()) if (k.icount > icount) this.places.delete(k);
    this.stats('rebuild', ran.reduce((a, b) => a + b, 0), undefined);
  }

  /** A replay from the launch: the runtime it builds is new, the checkpoints were of the old one. */
  private async fromLaunch<T>(what: 'find' | 'rebuild', f: () => Promise<T>): Promise<T> {
    this.forget();
    try {
      return await f();
    } finally {
      this.hook();
      this.last[what] = { path: 'launch', replayed: this.host.runtime()?.machine.icount ?? 0, checkpoints: 0, checkpointBytes: 0 };
    }
  }

  private stats<T>(what: 'find' | 'rebuild', replayed: number, r: T): T {
    this.last[what] = { path: 'checkpoint', replayed, checkpoints: this.store?.count ?? 0, checkpointBytes: this.store?.bytes ?? 0 };
    return r;
  }

  /** the checkpoints kept now: how many, and their bytes */
  checkpoints(): { count: number; bytes: number } {
    return { count: this.store?.count ?? 0, bytes: this.store?.bytes ?? 0 };
  }
}
