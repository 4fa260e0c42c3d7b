// The adapter process under a hostile client (issue 12): malformed frames and messages are logged and
// the adapter stays up; every well-formed request is answered exactly once, time travel at odd
// moments included (before the launch is answered, several back to back, a refused one followed by
// a good one); arguments of the wrong kind get a message that names them; a livelock is a stop that
// says so. Driven at the byte level (raw-client.ts), on the built adapter.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureAdapterBuilt, fixture } from './helpers';
import { RawClient, rawLaunch, type Message } from './raw-client';

const WATCH = fixture('watch.S');
const INIT = {
  adapterID: 'ppc-watchpoint',
  clientID: 'raw',
  linesStartAt1: true,
  columnsStartAt1: true,
  pathFormat: 'path',
};

/** The messages a user would see must not be JavaScript's own. */
function readable(m: Message | undefined): string {
  assert.ok(m, 'answered');
  const text = m.message ?? '';
  assert.doesNotMatch(
    text,
    /TypeError|RangeError|Cannot (read|convert)|\[object Object\]|call stack|\bat \w+ \(|internal error/,
    text,
  );
  return text;
}

describe('the adapter under a hostile client', () => {
  before(() => ensureAdapterBuilt());
  const clients: RawClient[] = [];
  const client = () => {
    const c = new RawClient();
    clients.push(c);
    return c;
  };
  after(async () => {
    for (const c of clients) await c.close();
  });

  it('malformed frames and messages are logged, never end the adapter; later requests are answered', async () => {
    const c = client();
    const bodies = [
      '{bad json',
      'null',
      '[]',
      '1',
      '"x"',
      'true',
      '{}',
      '{"type":"request"}',
      '{"type":"event","event":"x"}',
      '{"type":"request","command":"threads","seq":"7"}',
    ];
    for (const b of bodies) c.frame(b);
    c.raw('Content-Length: abc\r\n\r\n{"seq":1}');
    c.raw('Content-Length: -3\r\n\r\n');
    c.raw('Content-Length: 99999999999\r\n\r\n');
    c.raw('no header at all\r\n\r\n');
    // a well-formed request whose arguments are wrong: answered with an error
    c.frame('{"seq":50,"type":"request","command":"threads","arguments":7}');
    c.frame('{"seq":51,"type":"request"}');
    const init = await c.call('initialize', INIT);
    assert.equal(c.alive, true, c.stderr.join(''));
    assert.equal(init?.success, true);
    assert.match(readable(c.responsesTo(50)[0]), /the arguments of "threads" must be an object, not 7/);
    assert.match(readable(c.responsesTo(51)[0]), /a request needs a "command"/);
    const logged = c.events('output').map((e) => String(e.body?.output));
    assert.ok(
      logged.some((l) => /^\[adapter\] ignored a frame that is not JSON/.test(l)),
      logged.join(''),
    );
    assert.ok(logged.some((l) => /^\[adapter\] ignored a message that is not an object: null/.test(l)));
    assert.ok(logged.some((l) => /without a valid Content-Length/.test(l)));
    // and the session works
    await rawLaunch(c, { program: WATCH, stopOnEntry: true });
    const th = await c.call('threads', {});
    assert.equal(th?.success, true);
    assert.equal(c.alive, true);
  });

  it(
    'initialize without arguments says what it needs; ' + 'without pathFormat it is "path", as the protocol says',
    async () => {
      const c = client();
      assert.match(readable(await c.call('initialize')), /"initialize" needs its arguments/);
      const ok = await c.call('initialize', { adapterID: 'ppc-watchpoint' });
      assert.equal(ok?.success, true, ok?.message);
    },
  );

  it('a step back sent before the launch is answered: both are answered (the step back refused, for now)', async () => {
    const c = client();
    await c.call('initialize', INIT);
    const launch = c.request('launch', { program: WATCH, stopOnEntry: true });
    await c.until(() => c.events('initialized').length > 0);
    const back = c.request('stepBack', { threadId: 100 });
    const rev = c.request('reverseContinue', { threadId: 100 });
    const done = c.request('configurationDone', {});
    for (const s of [launch, back, rev, done]) assert.ok(await c.response(s), `request ${s} answered`);
    assert.equal(c.responsesTo(launch)[0].success, true);
    assert.match(readable(c.responsesTo(back)[0]), /still being launched/);
    for (const s of [launch, back, rev, done]) assert.equal(c.responsesTo(s).length, 1);
  });

  it(
    'time travel back to back, with refused and malformed ' + 'requests in between: each answered exactly once',
    async () => {
      const c = client();
      await rawLaunch(c, { program: WATCH, stopOnEntry: true });
      for (let i = 0; i < 4; i++) {
        const n = c.events('stopped').length;
        await c.call('stepIn', { threadId: 100 });
        await c.until(() => c.events('stopped').length > n);
      }
      const seqs = [
        c.request('reverseContinue', { threadId: 99 }), // refused (no such thread), at once
        c.request('stepBack', { threadId: 100 }),
        c.request('stepBack', { threadId: 100 }),
        c.request('threads', 5), // malformed, while travelling
        c.request('stepBack', { threadId: 100 }),
        c.request('initialize'), // malformed
        c.request('stackTrace', { threadId: 100 }),
        c.request('reverseContinue', { threadId: 100 }),
      ];
      assert.ok(
        await c.until(() => seqs.every((s) => c.responsesTo(s).length > 0), 20_000),
        `unanswered: ${seqs.filter((s) => c.responsesTo(s).length === 0).join(', ')}`,
      );
      await new Promise((r) => setTimeout(r, 300));
      for (const s of seqs) assert.equal(c.responsesTo(s).length, 1, `request ${s}`);
      assert.deepEqual(
        seqs.map((s) => c.responsesTo(s)[0].success),
        [false, true, true, false, true, false, true, true],
      );
      assert.equal(c.alive, true);
    },
  );

  it('offsets, references and values of the wrong kind get a message that names them', async () => {
    const c = client();
    await rawLaunch(c, { program: WATCH, stopOnEntry: true });
    const cases: Array<[string, unknown, RegExp]> = [
      [
        'readMemory',
        { memoryReference: '0x10100000', count: 8, offset: 'NaN' },
        /"offset" must be a whole number, not "NaN"/,
      ],
      [
        'readMemory',
        { memoryReference: '0x10100000', count: 8, offset: 1.5 },
        /"offset" must be a whole number, not 1\.5/,
      ],
      ['writeMemory', { memoryReference: '0x10100000', data: 'AA==', offset: 'x' }, /"offset" must be a whole number/],
      [
        'disassemble',
        { memoryReference: '0x10000000', instructionCount: 2, offset: 1.5 },
        /"offset" must be a whole number/,
      ],
      [
        'disassemble',
        { memoryReference: '0x10000000', instructionCount: 2, instructionOffset: 'NaN' },
        /"instructionOffset" must be a whole number/,
      ],
      ['readMemory', { memoryReference: '0x10000000000000000', count: 8 }, /is not an address/],
      [
        'dataBreakpointInfo',
        { name: 'value', variablesReference: { a: 1 } },
        /"variablesReference" must be a whole number from 0, not an object/,
      ],
      ['stackTrace', { threadId: 'NaN' }, /"threadId" must be a thread's number/],
      [
        'evaluate',
        { expression: `${'('.repeat(4000)}1${')'.repeat(4000)}`, context: 'watch' },
        /nests more than 200 deep/,
      ],
      ['evaluate', { expression: `${'-'.repeat(3000)}1`, context: 'watch' }, /nests more than 200 deep/],
    ];
    for (const [command, args, re] of cases) {
      const r = await c.call(command, args);
      assert.equal(r?.success, false, command);
      assert.match(readable(r), re, `${command} ${JSON.stringify(args).slice(0, 80)}`);
    }
    // a console command with a value no 64-bit field holds
    const e = await c.call('evaluate', {
      expression: 'sethwdebug trigger=read mode=range_inclusive addr=value addr2=0x10000000000000000',
      context: 'repl',
    });
    assert.match(String(e?.body?.result), /does not fit in 64 bits/);
  });

  it(
    'a livelock (addr2 below addr with a perf counter ' + 'armed) is a stop that says so, and the adapter stays up',
    async () => {
      const c = client();
      await rawLaunch(c, {
        program: WATCH,
        stopOnEntry: true,
        perf: [{ name: 'p', symbol: 'value', len: 8, type: 'w' }],
      });
      const set = await c.call('evaluate', {
        expression: 'sethwdebug trigger=write mode=range_inclusive addr=value addr2=0',
        context: 'repl',
      });
      assert.match(String(set?.body?.result), /^ok handle=1/);
      const n = c.events('stopped').length;
      await c.call('continue', { threadId: 100 });
      assert.ok(await c.until(() => c.events('stopped').length > n, 20_000));
      const stop = c.events('stopped')[n];
      assert.equal(stop.body?.reason, 'exception');
      assert.equal(stop.body?.text, 'livelock');
      assert.match(
        String(stop.body?.description),
        /^livelock: the instruction at 0x1000000c raised the same DAWR exception \d+ times in a row without retiring \(slot 0: ptrace:watch:1 .*; slot 1: perf:p .*\)/,
      );
      const info = await c.call('exceptionInfo', { threadId: 100 });
      assert.equal(info?.body?.exceptionId, 'livelock');
      assert.equal((await c.call('threads', {}))?.success, true);
    },
  );
});
