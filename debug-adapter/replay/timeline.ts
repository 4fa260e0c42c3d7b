// The recorded history of one debug session, from which a step back or a reverse continue rebuilds
// an earlier state: the machine is deterministic, so the launch plus every request the editor sent
// (in order, and for those that came while the program ran, between which chunks) plus the chunks
// the run loop cut its runs into, replayed on a fresh machine, give the same machine at every
// instant. A Replayer (replayer.ts) rebuilds an instant from it: replay-from-launch.ts replays all
// of it on a fresh machine (the interpreter runs about 10^8 instructions a second).
import type { DebugProtocol } from '@vscode/debugprotocol';

/** The requests that change the session or the machine, or hand out handles later requests use. */
export const RECORDED_REQUESTS: ReadonlySet<string> = new Set([
  'launch',
  'configurationDone',
  'setBreakpoints',
  'setDataBreakpoints',
  'setInstructionBreakpoints',
  'setExceptionBreakpoints',
  'dataBreakpointInfo',
  'continue',
  'next',
  'stepIn',
  'stepOut',
  'evaluate',
  'setVariable',
  'setExpression',
  'writeMemory',
  'stackTrace',
  'scopes',
  'variables',
  'wplab.perf',
  'wplab.watch',
]);

export interface JournalEntry {
  request: DebugProtocol.Request;
  /** it came while the program ran: after this many chunks of this run */
  at?: { run: number; chunk: number };
  /** a travel cut the history while this request was handled: the machine's clock stopped here */
  cut?: number;
}

export class Timeline {
  /** the requests, in the order they were handled */
  journal: JournalEntry[] = [];
  /** per run of the run loop, in order: the instruction budget of each chunk it ran. Chunk sizes
   * follow the wall clock, and where a run is cut into chunks can change which CPU runs when, so a
   * replay runs the very same chunks. */
  runs: number[][] = [];
  /** replaying: the runs of the timeline being replayed */
  replayRuns: number[][] | undefined;
  /** replaying: the machine stops for good when its clock reaches this count */
  haltAt: number | undefined;
  /** the clock reached haltAt: the rest of the history is cut off */
  halted = false;
  /** replaying: called between chunks with (run, chunks done) to handle again the requests that
   * came in there */
  betweenChunks: ((run: number, chunk: number) => void) | undefined;
}
