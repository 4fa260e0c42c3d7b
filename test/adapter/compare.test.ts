// "Compare kernel 6.5 and 6.6" in a session: wplab compare on the launched scenario, through the
// custom request the extension's command sends and the console command; refused with a reason for a
// program session. The session's own machine is not touched by the comparison.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { join } from 'node:path';
import { Client, ensureAdapterBuilt, fixture, ROOT } from './helpers';

before(() => ensureAdapterBuilt());

describe('compare kernel 6.5 and 6.6', () => {
  it(
    'a scenario session answers with where 6.5 and 6.6 ' + 'differ, as wplab compare does; the session goes on',
    async () => {
      const c = new Client();
      await c.start();
      try {
        const first = await c.launch({
          scenario: join(ROOT, 'examples', 'exclusion-6.5-vs-6.6.yaml'),
          stopOnEntry: true,
        });
        const tid = first.body.threadId as number;
        const pc = await c.pc(tid);
        const r = await c.dc.customRequest('wplab.compare');
        const text = (r.body as { text: string }).text;
        assert.match(text, /^compare exclusion-6\.5-vs-6\.6\.yaml: kernel 6\.5 \(PRE\) versus 6\.6 \(POST\), power10/);
        assert.match(text, /\[1\] line 21: sethwdebug\n {4}6\.5: ENOSPC \(expectation fails\)/);
        assert.match(text, /6\.6: ok handle=1 \(expectation holds\)/);
        // the debug console command says the same
        assert.equal((await c.evaluate('compare')).trim(), text.trim());
        assert.equal(await c.pc(tid), pc, 'the session is where it was');
      } finally {
        await c.stop();
      }
    },
  );

  it('a program session is told that compare needs a scenario', async () => {
    const c = new Client();
    await c.start();
    try {
      await c.launch({ program: fixture('watch.S'), stopOnEntry: true });
      const msg = await c.fails(c.dc.customRequest('wplab.compare'));
      assert.match(msg, /launch with "scenario"/);
    } finally {
      await c.stop();
    }
  });
});
