// Time travel's interface: how the session records its history and goes back in it. The session
// records every request that changes the machine (record), and for a step back or a reverse
// continue asks for the instant to go to (find) and then for the machine as it was there
// (rebuild). Today's implementation replays the history from the launch (replay-from-launch.ts);
// a checkpoint version restores the nearest snapshot before the instant and replays from there:
// it implements this same interface (rebuild is the one function "the machine at icount N").
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { TimeProbeHooks } from '../../sim/machine/time-probe';
import type { RunPosition } from '../run-loop';
import type { Runtime } from '../runtime';
import type { Found } from './targets';
import type { Timeline } from './timeline';

export type { RunPosition } from '../run-loop';

/**
 * A search for the instant to travel to (replay/targets.ts): called with the runtime a replay built
 * (right after its launch) and a way to attach a time probe to its machine; returns the function
 * that says what it found once the replay has come back to now.
 */
export type TargetSearch = (rt: Runtime, probe: (hooks: TimeProbeHooks) => void) => () => Found;

export interface Replayer {
  /** The history the runtime's run loop writes its chunks to (a new runtime is built with it). */
  readonly timeline: Timeline;
  /** A new history begins: a launch or a restart (the machine's clock starts again). */
  begin(): void;
  /** A request the session handles, before it handles it; `at`: where the program was if it ran.
   * Only the requests that change the session or the machine are kept (RECORDED_REQUESTS). */
  record(request: DebugProtocol.Request, at?: RunPosition): void;
  /** Finds the instant to travel to by watching the history (the session is as it was after). */
  find(search: TargetSearch): Promise<Found>;
  /** Rebuilds the session and its machine as they were at `icount` (the instant after that many
   * instructions of the machine's clock); the history after it is cut off. The breakpoints are the
   * past's: the session sets the editor's current ones after. */
  rebuild(icount: number): Promise<void>;
}

/** What a replayer needs of the session (explicit inputs: the session implements it). */
export interface ReplayHost {
  /** Forget the machine, the panel's feed and the breakpoint requests: a replay builds them again. */
  forget(): void;
  /** Handle a request again; its answer is kept from the editor. */
  redo(request: DebugProtocol.Request): void;
  /** While quiet, nothing the session sends reaches the editor (the replay's stops and output). */
  quiet(on: boolean): void;
  /** The runtime the redone requests built (undefined before their launch). */
  runtime(): Runtime | undefined;
  /** Resolves when the launch request being handled has been answered (undefined: none yet). */
  launched(): Promise<void> | undefined;
}
