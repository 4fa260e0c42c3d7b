// Handling a recorded history again, the one loop both replayers run (from the launch, or from a
// checkpoint's place in the journal): each request in its order, those that came while the program
// ran between the same chunks, each run cut into the same chunks (the timeline's replayRuns, set by
// the caller), every request recorded anew in `tl`. With `haltAt` the machine's clock stops there
// and the rest of the history is cut off.
import type { Runtime } from '../runtime';
import type { ReplayHost } from './replayer';
import type { JournalEntry, Timeline } from './timeline';

export async function redoJournal(
  host: ReplayHost,
  tl: Timeline,
  entries: readonly JournalEntry[],
  haltAt: number | undefined,
  afterLaunch?: (rt: Runtime) => void,
): Promise<void> {
  tl.haltAt = haltAt;
  tl.halted = false;
  const during = new Map<string, JournalEntry[]>();
  for (const e of entries) {
    if (!e.at) continue;
    const key = `${e.at.run}:${e.at.chunk}`;
    during.set(key, [...(during.get(key) ?? []), e]);
  }
  const handle = (e: JournalEntry): JournalEntry => {
    const copy: JournalEntry = { ...e };
    tl.journal.push(copy);
    host.redo(e.request);
    return copy;
  };
  tl.betweenChunks = (run, chunk) => {
    for (const e of during.get(`${run}:${chunk}`) ?? []) handle(e);
  };
  host.quiet(true);
  try {
    for (const e of entries) {
      if (e.at) continue;
      // an earlier travel cut the history in this request: the clock stops there again
      tl.haltAt = e.cut !== undefined && (haltAt === undefined || e.cut < haltAt) ? e.cut : haltAt;
      const copy = handle(e);
      if (e.request.command === 'launch') {
        const rt = host.runtime();
        if (rt) afterLaunch?.(rt);
        continue; // it waits for configurationDone
      }
      if (e.request.command === 'configurationDone') await host.launched();
      while (host.runtime()?.running) await new Promise<void>((r) => setImmediate(r));
      if (tl.halted) {
        copy.cut = tl.haltAt;
        if (tl.haltAt === haltAt) break;
        tl.halted = false;
      }
    }
    if (!tl.halted) await host.launched();
  } finally {
    host.quiet(false);
    tl.betweenChunks = undefined;
    tl.replayRuns = undefined;
    tl.haltAt = undefined;
    tl.halted = false;
  }
}
