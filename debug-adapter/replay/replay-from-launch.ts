// Time travel by replaying the whole history from the launch: the machine is deterministic, so the
// launch plus every request the editor sent (in order, and for those that came while the program
// ran, between the same chunks) plus the chunks the run loop cut its runs into, handled again on a
// fresh machine, give the same machine at every instant. No snapshots: a travel costs a replay
// from the launch (the interpreter runs about 10^8 instructions a second).
import type { DebugProtocol } from '@vscode/debugprotocol';
import { TimeProbe } from '../../sim/machine/time-probe';
import type { Runtime } from '../runtime';
import type { Found } from './targets';
import type { ReplayHost, Replayer, RunPosition, TargetSearch } from './replayer';
import { redoJournal } from './redo-journal';
import { RECORDED_REQUESTS, Timeline } from './timeline';

export class ReplayFromLaunch implements Replayer {
  private tl = new Timeline();

  constructor(private readonly host: ReplayHost) {}

  get timeline(): Timeline {
    return this.tl;
  }

  begin(): void {
    this.tl = new Timeline();
  }

  record(request: DebugProtocol.Request, at?: RunPosition): void {
    if (!RECORDED_REQUESTS.has(request.command)) return;
    this.tl.journal.push({ request: structuredClone(request), ...(at ? { at } : {}) });
  }

  /**
   * Replays the whole history on a fresh machine with a probe attached after the launch, and asks
   * the search for the instant to travel to. The replay ends where the session is now, so the
   * session is as it was if the search finds nothing.
   */
  async find(search: TargetSearch): Promise<Found> {
    let result: (() => Found) | undefined;
    let probe: TimeProbe | undefined;
    await this.replay(undefined, (rt) => {
      result = search(rt, (h) => (probe = new TimeProbe(rt.machine, h)));
    });
    probe?.detach();
    return result ? result() : { ok: false, message: 'the history could not be replayed (no launch in it)' };
  }

  rebuild(icount: number): Promise<void> {
    return this.replay(icount);
  }

  /**
   * Replays the recorded history on a fresh machine: each request handled again in its order, those
   * that came while the program ran between the same chunks, each run cut into the same chunks. With
   * `haltAt` the machine's clock stops there and the rest of the history is cut off.
   */
  private async replay(haltAt: number | undefined, afterLaunch?: (rt: Runtime) => void): Promise<void> {
    const host = this.host;
    const old = this.tl;
    const tl = new Timeline();
    tl.replayRuns = old.runs;
    host.forget();
    this.tl = tl;
    await redoJournal(host, tl, old.journal, haltAt, afterLaunch);
  }
}
