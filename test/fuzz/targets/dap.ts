// Fuzz target: Debug Adapter Protocol sessions. Random sequences of requests, as an editor (or a
// hostile client) sends them, to the adapter as the extension runs it (inline: handleMessage and
// onDidSendMessage; the frames of the stdio transport are fed to its reader too): launches of the
// test programs and the example scenarios with odd settings, breakpoints and data breakpoints,
// stepping and continuing, time travel at odd moments (before the launch is answered, several at
// once, while running), memory and disassembly with odd offsets, console commands with any values,
// arguments of the wrong type, unknown commands, and malformed frames. Every request with a seq must
// be answered exactly once, in time; no answer may be an internal error; the session must stay up.
import { join } from 'node:path';
import fc from 'fast-check';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { WatchpointDebugSession } from '../../../debug-adapter/session';
import { internal, type Finding, type FuzzTarget } from '../harness';

const ROOT = join(__dirname, '..', '..', '..');
const FIX = (n: string) => join(ROOT, 'test', 'adapter', 'fixtures', n);
const EX = (n: string) => join(ROOT, 'examples', n);

/** A value of the wrong kind, or a hostile one of the right kind. */
const odd: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    true,
    'NaN',
    '',
    'x',
    '0x',
    '-1',
    '1.5',
    1.5,
    -1,
    NaN,
    2 ** 53,
    -(2 ** 53),
    1e308,
    '0x10000000000000000',
    '99999999999999999999999',
    [],
    {},
    { a: 1 },
    [1, 2],
  ),
  fc.integer(),
  fc.string({ maxLength: 12 }),
);
const num = (min: number, max: number): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: odd });
const str = (...xs: string[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...xs) }, { weight: 1, arbitrary: odd });
const thread = fc.oneof({ weight: 8, arbitrary: fc.constant(100) }, { weight: 1, arbitrary: num(99, 102) });
const addrText = fc.oneof(
  fc.integer({ min: 0x10000000, max: 0x10000040 }).map((a) => `0x${a.toString(16)}`),
  fc.integer({ min: 0x10100000, max: 0x10100040 }).map((a) => `0x${a.toString(16)}`),
  fc.constantFrom('0x7fffffeffff0', '0', '0xffffffffffffffff', '0xc000000000000000'),
);

const PROGRAMS = [
  'watch.S',
  'stores.S',
  'frames.S',
  'hello.S',
  'hot.S',
  'spin.S',
  'fault.S',
  'echo.S',
  'store-forever.S',
];
const SCENARIOS = [
  'same_watch_addr.yaml',
  'perf_then_ptrace.yaml',
  'dar-outside.yaml',
  'larx-stcx.yaml',
  'kernel-access.yaml',
  'signal-during-perf-step.yaml',
];

const launchArgs: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      program: fc.constantFrom(...PROGRAMS).map(FIX),
      stopOnEntry: fc.boolean(),
      maxSteps: fc.constantFrom(1000, 100_000, 2_000_000),
      cpu: fc.constantFrom('power10', 'power10', 'power8', 'power7', 'power9'),
      kernel: fc.constantFrom('6.6', '6.5'),
      ptraceRearm: fc.constantFrom('gdb', 'oneshot'),
      perf: fc.constantFrom(
        [],
        [],
        [{ name: 'w', symbol: 'value', len: 8, type: 'w' }],
        [{ name: 'r', addr: '0x10100000', len: 8, type: 'rw', cpu: 0 }],
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ scenario: fc.constantFrom(...SCENARIOS).map(EX), maxSteps: fc.constantFrom(1000, 100_000) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      program: fc.oneof(fc.constantFrom('/dev/zero', '/nonexistent.S', ROOT, FIX('bad.S')), odd),
      maxSteps: odd,
      cpus: odd,
      perf: odd,
    }),
  },
  { weight: 1, arbitrary: odd },
);

const CONSOLE = [
  'help',
  'slots',
  'watches',
  'decisions 3',
  'gethwdbginfo',
  'get_debugreg',
  'perf_read w',
  'cont',
  'singlestep',
  'compare',
];
const consoleLine: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CONSOLE),
  fc
    .record({
      trig: fc.constantFrom('read', 'write', 'rw', 'execute'),
      mode: fc.constantFrom('exact', 'range_inclusive', 'mask'),
      a: fc.constantFrom('value', '0x10100000', '0', 'value+1'),
      a2: fc.constantFrom('0', 'value+8', 'value-8', '0x10000000000000000', '-1', '((value))'),
    })
    .map((s) => `sethwdebug trigger=${s.trig} mode=${s.mode} addr=${s.a} addr2=${s.a2}`),
  fc
    .record({
      a: fc.constantFrom('value', '0x10100000', 'value+7'),
      l: fc.constantFrom('8', '1', '0', '512', '65536'),
      t: fc.constantFrom('r', 'w', 'rw', 'x'),
    })
    .map((s) => `perf_open id=c${s.l} addr=${s.a} len=${s.l} type=${s.t}`),
  fc.constantFrom(
    'delhwdebug handle=1',
    'set_debugreg value=value+7',
    'set_debugreg value=0',
    'poke addr=value value=5',
    'peek addr=value len=3',
    'setpc pc=_start',
    'kill',
  ),
  fc.integer({ min: 1, max: 3000 }).map((k) => `${'('.repeat(k)}1${')'.repeat(k)}`),
  fc.integer({ min: 1, max: 3000 }).map((k) => `${'-'.repeat(k)}1`),
  fc.constantFrom(
    'r3',
    'pc',
    '*r1',
    'u8[value]',
    'value',
    '&value',
    'value/0',
    '1<<70',
    '0xffffffffffffffffff',
    'nosuch',
    '$r99',
    '[[0]]',
  ),
  fc.string({ maxLength: 30 }),
);

/** One step of a session: a request, a raw frame, or a pause to let the adapter work. */
export type Action =
  | { kind: 'request'; command: string; args: unknown; noArgs?: boolean }
  | { kind: 'burst'; requests: Array<{ command: string; args: unknown; settle: boolean }> }
  | { kind: 'frame'; bytes: string }
  | { kind: 'wait'; ms: number }
  | { kind: 'settle' };

const request = (command: string, args: fc.Arbitrary<unknown>): fc.Arbitrary<Action> =>
  args.map((a) => ({ kind: 'request' as const, command, args: a }));

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: request('launch', launchArgs) },
  { weight: 2, arbitrary: request('configurationDone', fc.constant({})) },
  {
    weight: 2,
    arbitrary: request(
      'setBreakpoints',
      fc.record({
        source: fc.oneof(fc.record({ path: fc.constantFrom(...PROGRAMS).map(FIX) }), odd),
        breakpoints: fc.oneof(
          fc.array(
            fc.record({
              line: num(1, 30),
              mode: fc.option(str('write', 'read', 'access', 'perf', 'bogus')),
              condition: fc.option(fc.constantFrom('r3 == 1', '(((', 'value')),
            }),
            { maxLength: 4 },
          ),
          odd,
        ),
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'dataBreakpointInfo',
      fc.record({
        name: str('value', 'other', 'r3', '0x10100000', '[0]', 'nosuch'),
        variablesReference: fc.option(num(0, 5000)),
        asAddress: fc.option(fc.boolean()),
        bytes: fc.option(num(1, 600)),
        frameId: fc.option(num(0, 200000)),
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'setDataBreakpoints',
      fc.record({
        breakpoints: fc.oneof(
          fc.array(
            fc.record({
              dataId: fc.oneof(
                fc.constantFrom('0x10100000/8', '0x10100004/4', '0x10100000/512', '0x10100001/65536', 'junk'),
                odd,
              ),
              accessType: fc.option(str('read', 'write', 'readWrite')),
            }),
            { maxLength: 3 },
          ),
          odd,
        ),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: request(
      'setInstructionBreakpoints',
      fc.record({
        breakpoints: fc.oneof(
          fc.array(fc.record({ instructionReference: fc.oneof(addrText, odd) }), { maxLength: 3 }),
          odd,
        ),
      }),
    ),
  },
  { weight: 1, arbitrary: request('setExceptionBreakpoints', fc.record({ filters: fc.constant([]) })) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom('continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'pause')
      .chain((c) => request(c, fc.record({ threadId: thread }))),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('stepBack', 'reverseContinue')
      .chain((c) => request(c, fc.record({ threadId: fc.constant(100) }))),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('threads', 'stackTrace', 'exceptionInfo')
      .chain((c) =>
        request(c, fc.record({ threadId: thread, startFrame: fc.option(num(0, 5)), levels: fc.option(num(0, 5)) })),
      ),
  },
  { weight: 1, arbitrary: request('scopes', fc.record({ frameId: num(0, 200000) })) },
  {
    weight: 1,
    arbitrary: request(
      'variables',
      fc.record({ variablesReference: num(0, 5000), start: fc.option(num(0, 40)), count: fc.option(num(0, 40)) }),
    ),
  },
  {
    weight: 1,
    arbitrary: request(
      'setVariable',
      fc.record({
        variablesReference: num(0, 5000),
        name: str('r3', 'value', 'pc', 'nosuch'),
        value: str('1', '0x10', '-1', 'value', '(((', '99999999999999999999999'),
      }),
    ),
  },
  {
    weight: 3,
    arbitrary: request(
      'evaluate',
      fc.record({
        expression: consoleLine,
        context: fc.constantFrom('repl', 'watch', 'hover', undefined),
        frameId: fc.option(num(100000, 100003)),
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'readMemory',
      fc.record({
        memoryReference: fc.oneof(addrText, odd),
        count: num(0, 5000),
        offset: fc.option(fc.oneof(num(-64, 64), odd)),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: request(
      'writeMemory',
      fc.record({
        memoryReference: fc.oneof(addrText, odd),
        data: fc.oneof(fc.constantFrom('AAAA', 'AQIDBA==', '', '!!'), odd),
        offset: fc.option(fc.oneof(num(-8, 8), odd)),
        allowPartial: fc.option(fc.boolean()),
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'disassemble',
      fc.record({
        memoryReference: fc.oneof(addrText, odd),
        instructionCount: num(0, 200),
        offset: fc.option(fc.oneof(num(-64, 64), odd)),
        instructionOffset: fc.option(fc.oneof(num(-50, 50), odd)),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'wplab.snapshot',
        'wplab.decisions',
        'wplab.perf',
        'wplab.watch',
        'wplab.compare',
        'nosuchCommand',
        'attach',
        'restart',
        'terminate',
        'disconnect',
        'initialize',
      )
      .chain((c) =>
        request(
          c,
          fc.oneof(
            fc.constant({}),
            odd,
            fc.record({
              start: odd,
              count: odd,
              action: str('add', 'close', 'enable'),
              id: str('w', 'x'),
              symbol: str('value'),
              len: num(1, 16),
              type: str('r', 'w', 'read', 'perf'),
            }),
          ),
        ),
      ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('threads', 'initialize', 'launch')
      .map((command) => ({ kind: 'request' as const, command, args: undefined, noArgs: true })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{bad json',
        'null',
        '[]',
        '1',
        '"x"',
        '{"type":"request"}',
        '{"seq":"1","type":"request","command":"threads"}',
        '{"type":"event","event":"x"}',
        '{"seq":9999,"type":"request","command":"threads","arguments":7}',
      )
      .map((b) => ({ kind: 'frame' as const, bytes: `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}` })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        'Content-Length: abc\r\n\r\n{}',
        'Content-Length: -5\r\n\r\n',
        'garbage without header\r\n\r\n',
        'Content-Length: 2\r\n\r\n{}',
      )
      .map((bytes) => ({ kind: 'frame' as const, bytes })),
  },
  // steps, then time travel back to back (with or without waiting for each answer), then on
  {
    weight: 4,
    arbitrary: fc
      .record({
        steps: fc.integer({ min: 0, max: 6 }),
        travels: fc.array(
          fc.constantFrom('stepBack', 'stepBack', 'reverseContinue', 'stackTrace', 'continue', 'evaluate'),
          { minLength: 1, maxLength: 4 },
        ),
        wait: fc.boolean(),
      })
      .map((b) => ({
        kind: 'burst' as const,
        requests: [
          ...Array.from({ length: b.steps }, () => ({
            command: 'stepIn',
            args: { threadId: 100 } as unknown,
            settle: true,
          })),
          ...b.travels.map((c) => ({
            command: c,
            args: (c === 'evaluate' ? { expression: 'r3', context: 'watch' } : { threadId: 100 }) as unknown,
            settle: b.wait,
          })),
        ],
      })),
  },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }).map((ms) => ({ kind: 'wait' as const, ms })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'settle' as const }) },
);

/** A session: the usual start (initialize, launch, configurationDone) now and then skipped or
 * disordered, then random actions. */
export interface DapInput {
  start: 'usual' | 'none' | 'early-travel';
  launch: unknown;
  actions: Action[];
}

/** what the sessions did, for a look at the coverage */
export const stats = { sessions: 0, stops: 0, requests: 0, launched: 0, travels: 0 };

interface Sent {
  seq: number;
  command: string;
}

/** Runs one session inline; the findings. */
async function runSession(input: DapInput, hangMs: number): Promise<Finding[]> {
  const out: Finding[] = [];
  const s = new WatchpointDebugSession();
  const messages: DebugProtocol.ProtocolMessage[] = [];
  let wake: (() => void) | undefined;
  s.onDidSendMessage((m) => {
    messages.push(m as DebugProtocol.ProtocolMessage);
    wake?.();
  });
  stats.sessions++;
  let seq = 1;
  const sent: Sent[] = [];
  const send = (command: string, args: unknown, noArgs = false): void => {
    const r: Record<string, unknown> = { seq, type: 'request', command };
    if (!noArgs && args !== undefined) r.arguments = args;
    sent.push({ seq, command });
    seq++;
    s.handleMessage(structuredClone(r) as unknown as DebugProtocol.ProtocolMessage);
  };
  const answered = (q: number) =>
    messages.filter((m) => m.type === 'response' && (m as DebugProtocol.Response).request_seq === q).length;
  const until = async (f: () => boolean, ms: number): Promise<boolean> => {
    const end = Date.now() + ms;
    while (!f()) {
      if (Date.now() > end) return false;
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 20);
      });
    }
    return true;
  };
  const settle = () => until(() => sent.every((x) => answered(x.seq) > 0), hangMs);
  const feed = (bytes: string) =>
    (s as unknown as { _handleData: (b: Buffer) => void })._handleData(Buffer.from(bytes, 'utf8'));

  if (input.start !== 'none') {
    send('initialize', {
      adapterID: 'ppc-watchpoint',
      clientID: 'fuzz',
      linesStartAt1: true,
      columnsStartAt1: true,
      pathFormat: 'path',
      supportsMemoryEvent: true,
    });
    send('launch', input.launch);
    if (input.start === 'early-travel') {
      send('stepBack', { threadId: 100 });
      send('reverseContinue', { threadId: 100 });
    }
    await until(
      () =>
        messages.some(
          (m) =>
            m.type === 'event' &&
            ((m as DebugProtocol.Event).event === 'initialized' || (m as DebugProtocol.Event).event === 'terminated'),
        ) || answered(2) > 0,
      3000,
    );
    send('configurationDone', {});
  }
  for (const a of input.actions) {
    if (a.kind === 'request') send(a.command, a.args, a.noArgs);
    else if (a.kind === 'burst') {
      for (const r of a.requests) {
        send(r.command, r.args);
        if (r.settle) await settle();
      }
    } else if (a.kind === 'frame') feed(a.bytes);
    else if (a.kind === 'wait') await new Promise((r) => setTimeout(r, a.ms));
    else await settle();
  }
  // a last request: the session still answers
  send('threads', {});
  // a running program is stopped so that everything can be answered
  await until(() => sent.every((x) => answered(x.seq) > 0), 500);
  if (!sent.every((x) => answered(x.seq) > 0)) {
    for (const t of [100, 101]) send('pause', { threadId: t });
  }
  const done = await settle();
  stats.stops += messages.filter((m) => m.type === 'event' && (m as DebugProtocol.Event).event === 'stopped').length;
  stats.requests += sent.length;
  if (
    messages.some(
      (m) =>
        m.type === 'response' &&
        (m as DebugProtocol.Response).command === 'launch' &&
        (m as DebugProtocol.Response).success,
    )
  )
    stats.launched++;
  stats.travels += messages.filter(
    (m) =>
      m.type === 'response' &&
      ['stepBack', 'reverseContinue'].includes((m as DebugProtocol.Response).command) &&
      (m as DebugProtocol.Response).success,
  ).length;
  for (const x of sent) {
    const n = answered(x.seq);
    if (n === 0 && !done) out.push({ kind: 'hang', message: `"${x.command}" (seq ${x.seq}) never answered` });
    if (n > 1) out.push({ kind: 'internal', message: `"${x.command}" answered ${n} times` });
  }
  for (const m of messages) {
    if (m.type === 'response') {
      const r = m as DebugProtocol.Response;
      if (!r.success) out.push(...internal(r.message ?? '(no message)', `"${r.command}" error`));
      else if (r.command === 'evaluate')
        out.push(...internal(String((r.body as { result?: unknown })?.result ?? ''), 'evaluate result'));
    } else if (m.type === 'event') {
      const e = m as DebugProtocol.Event;
      if (e.event === 'output') {
        const text = String((e.body as { output?: unknown })?.output ?? '');
        // the program's own output is the program's; the adapter's lines are checked
        if ((e.body as { category?: string }).category === 'console' && !text.startsWith('[adapter] ignored'))
          out.push(...internal(text, 'console output'));
      }
      if (e.event === 'stopped')
        out.push(...internal(String((e.body as { description?: unknown })?.description ?? ''), 'stop description'));
    }
  }
  s.handleMessage({ seq, type: 'request', command: 'disconnect', arguments: {} } as DebugProtocol.Request);
  s.dispose();
  return out;
}

export const dapTarget: FuzzTarget<DapInput> = {
  name: 'dap',
  describe:
    'Debug Adapter Protocol sessions: random request sequences (odd arguments, time ' +
    'travel at odd moments, console commands, memory with odd offsets) and malformed ' +
    'frames, run inline',
  arbitrary: () =>
    fc.record({
      start: fc.constantFrom('usual', 'usual', 'usual', 'usual', 'none', 'early-travel'),
      launch: launchArgs,
      actions: fc.array(actionArb, { minLength: 1, maxLength: 30 }),
    }) as fc.Arbitrary<DapInput>,
  hangMs: 20_000,
  show: (i) =>
    JSON.stringify(i, (_k, v) =>
      v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ),
  check: (input) => runSession(input, 20_000),
};
