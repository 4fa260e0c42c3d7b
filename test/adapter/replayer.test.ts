// The replay interface's contract on its implementation from the launch, with a fake session: what
// it records, and that a rebuild forgets the session, handles the history again in its order
// (quietly), and gives the run loop a fresh timeline that replays the recorded chunks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { ReplayFromLaunch } from '../../debug-adapter/replay/replay-from-launch';
import type { ReplayHost } from '../../debug-adapter/replay/replayer';

const req = (seq: number, command: string, args: object = {}): DebugProtocol.Request => ({
  seq,
  type: 'request',
  command,
  arguments: args,
});

function fakeHost() {
  const log: string[] = [];
  let quiet = false;
  const host: ReplayHost = {
    forget: () => log.push('forget'),
    redo: (r) => log.push(`${quiet ? 'quiet' : 'LOUD'} ${r.command}`),
    quiet: (on) => {
      quiet = on;
    },
    runtime: () => undefined,
    launched: () => Promise.resolve(),
  };
  return { host, log };
}

describe('ReplayFromLaunch', () => {
  it('records what changes the session or the machine, not what only reads it', () => {
    const { host } = fakeHost();
    const r = new ReplayFromLaunch(host);
    r.begin();
    for (const [i, c] of ['launch', 'threads', 'setBreakpoints', 'readMemory', 'continue', 'wplab.watch'].entries()) {
      r.record(req(i + 1, c));
    }
    assert.deepEqual(
      r.timeline.journal.map((e) => e.request.command),
      ['launch', 'setBreakpoints', 'continue', 'wplab.watch'],
    );
    const first = r.timeline;
    r.begin();
    assert.notEqual(r.timeline, first, 'a new history begins');
    assert.equal(r.timeline.journal.length, 0);
  });

  it('rebuilds by forgetting the session and handling the history again, quietly and in order', async () => {
    const { host, log } = fakeHost();
    const r = new ReplayFromLaunch(host);
    r.begin();
    r.record(req(1, 'launch'));
    r.record(req(2, 'setBreakpoints', { source: { path: 'a.S' } }));
    r.record(req(3, 'configurationDone'));
    r.timeline.runs.push([1000, 2000]);
    const old = r.timeline;
    await r.rebuild(500);
    assert.deepEqual(log, ['forget', 'quiet launch', 'quiet setBreakpoints', 'quiet configurationDone']);
    assert.notEqual(r.timeline, old, 'the rebuilt session records into a new timeline');
    assert.deepEqual(
      r.timeline.journal.map((e) => e.request.command),
      ['launch', 'setBreakpoints', 'configurationDone'],
    );
    // the replay's state is cleared once it is done: the next runs are live
    assert.equal(r.timeline.replayRuns, undefined);
    assert.equal(r.timeline.haltAt, undefined);
  });
});
