// The debug adapter, driven as a separate process over stdio by the protocol's test client: every
// request of issue 4, the watchpoint stops, refusals in the kernel's words, re-arming policies,
// stepping, pause, memory, disassembly, console commands, the panel's requests, and bad arguments.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { Client, ensureAdapterBuilt, fixture, ROOT } from './helpers';

const WATCH = fixture('watch.S');
const STORES = fixture('stores.S');

// watch.S: addresses of its lines (see the fixture)
const STD_PC = '0x1000000c';
const LD_PC = '0x10000010';
const BL_PC = '0x10000014';
const VALUE = 0x10100000;
const INIT = {
  adapterID: 'ppc-watchpoint',
  pathFormat: 'path',
  linesStartAt1: true,
  columnsStartAt1: true,
} as DebugProtocol.InitializeRequestArguments;

before(() => ensureAdapterBuilt());

async function session(
  args: Record<string, unknown>,
  setBreakpoints?: (c: Client) => Promise<unknown>,
): Promise<{ c: Client; tid: number; first: DebugProtocol.StoppedEvent }> {
  const c = new Client();
  await c.start();
  const first = await c.launch(args, setBreakpoints ? () => setBreakpoints(c) : undefined);
  const tid = first.body.threadId as number;
  return { c, tid, first };
}

async function dataId(
  c: Client,
  name: string,
  extra: Partial<DebugProtocol.DataBreakpointInfoArguments> = {},
): Promise<string> {
  const r = await c.dc.dataBreakpointInfoRequest({ name, ...extra });
  assert.ok(r.body.dataId, `no dataId for ${name}: ${r.body.description}`);
  return r.body.dataId as string;
}

describe('initialize and launch', () => {
  it('announces data breakpoints with bytes, memory, disassembly and the breakpoint modes', async () => {
    const c = new Client();
    await c.start();
    try {
      const r = await c.dc.initializeRequest(INIT);
      const caps = r.body as DebugProtocol.Capabilities;
      for (const k of [
        'supportsDataBreakpoints',
        'supportsDataBreakpointBytes',
        'supportsReadMemoryRequest',
        'supportsWriteMemoryRequest',
        'supportsDisassembleRequest',
        'supportsInstructionBreakpoints',
        'supportsConditionalBreakpoints',
        'supportsHitConditionalBreakpoints',
        'supportsLogPoints',
        'supportsSetVariable',
        'supportsRestartRequest',
        'supportsTerminateRequest',
      ] as const) {
        assert.equal(caps[k], true, k);
      }
      assert.deepEqual(
        caps.breakpointModes?.map((m) => m.mode),
        ['write', 'read', 'access', 'perf'],
      );
      assert.ok(caps.breakpointModes?.every((m) => m.appliesTo.includes('source')));
    } finally {
      await c.stop();
    }
  });

  const badLaunches: Array<[string, Record<string, unknown>, RegExp]> = [
    ['nothing to run', {}, /"program" or "scenario"/],
    ['both', { program: WATCH, scenario: 'x.yaml' }, /both/],
    ['cpu', { program: WATCH, cpu: 'power11' }, /"cpu" must be one of/],
    ['cpus', { program: WATCH, cpus: 0 }, /"cpus"/],
    ['kernel', { program: WATCH, kernel: 6.6 }, /"kernel" must be "6.5" or "6.6"/],
    ['ptraceRearm', { program: WATCH, ptraceRearm: 'always' }, /"ptraceRearm"/],
    ['maxSteps', { program: WATCH, maxSteps: -3 }, /"maxSteps"/],
    ['stdin', { program: WATCH, stdin: 5 }, /"stdin"/],
    ['stopOnEntry', { program: WATCH, stopOnEntry: 'yes' }, /"stopOnEntry"/],
    ['perf type', { program: WATCH, perf: [{ name: 'p', symbol: 'value', len: 8, type: 'x' }] }, /"perf\[0\]\.type"/],
    [
      'perf symbol',
      { program: WATCH, perf: [{ name: 'p', symbol: 'nosuch', len: 8, type: 'r' }] },
      /"perf\[0\]\.symbol": "nosuch"/,
    ],
    [
      'perf cpu',
      { program: WATCH, perf: [{ name: 'p', symbol: 'value', len: 8, type: 'r', cpu: 3 }] },
      /"perf\[0\]\.cpu": CPU 3 does not exist/,
    ],
    ['missing file', { program: fixture('nosuch.S') }, /"program": .*nosuch\.S: the file does not exist/],
  ];
  for (const [what, args, re] of badLaunches) {
    it(`refuses an invalid launch (${what}) with a message naming the setting, and ends cleanly`, async () => {
      const c = new Client();
      await c.start();
      try {
        await c.dc.initializeRequest(INIT);
        const msg = await c.fails(c.dc.launchRequest(args as DebugProtocol.LaunchRequestArguments));
        assert.match(msg, re);
        await c.next('terminated');
      } finally {
        await c.stop();
      }
    });
  }

  it('reports assembler errors with their positions, as output too, and ends cleanly', async () => {
    const c = new Client();
    await c.start();
    try {
      await c.dc.initializeRequest(INIT);
      const msg = await c.fails(
        c.dc.launchRequest({ program: fixture('bad.S') } as DebugProtocol.LaunchRequestArguments),
      );
      assert.match(msg, /bad\.S:4:2: 'addi' takes 3 operands/);
      assert.match(msg, /bad\.S:5:2: unknown instruction 'frobnicate'/);
      await c.next('terminated');
      const out = c.drain('output').map((e) => e.body as { category: string; output: string });
      assert.ok(
        out.some((o) => o.category === 'stderr' && /bad\.S:5:2/.test(o.output)),
        JSON.stringify(out),
      );
    } finally {
      await c.stop();
    }
  });

  it('runs to the end without stopOnEntry: output, exit code, terminated', async () => {
    const c = new Client();
    await c.start();
    try {
      await c.dc.initializeRequest(INIT);
      const l = c.dc.launchRequest({
        program: fixture('hello.S'),
        stopOnEntry: false,
      } as DebugProtocol.LaunchRequestArguments);
      await c.next('initialized');
      await c.dc.configurationDoneRequest();
      await l;
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 3);
      await c.next('terminated');
      const out = c
        .drain('output')
        .map((e) => (e.body as { output: string }).output)
        .join('');
      assert.match(out, /hello\n/);
    } finally {
      await c.stop();
    }
  });
});

describe('program input and output', () => {
  it('feeds "stdin" to the program and reports its output and exit code', async () => {
    const { c, tid } = await session({ program: fixture('echo.S'), stdin: 'abc' });
    try {
      const st = await c.dc.stackTraceRequest({ threadId: tid });
      const sc = await c.dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
      const data = await c.dc.variablesRequest({ variablesReference: sc.body.scopes[1].variablesReference });
      const buf = data.body.variables.find((v) => v.name === 'buf') as DebugProtocol.Variable;
      assert.equal(buf.type, 'u64[4]');
      assert.ok(buf.variablesReference > 0);
      const elems = await c.dc.variablesRequest({ variablesReference: buf.variablesReference });
      assert.equal(elems.body.variables.length, 4);
      assert.equal(elems.body.variables[1].memoryReference, '0x10200008');
      await c.dc.continueRequest({ threadId: tid });
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 3);
      const out = c.drain('output').map((e) => e.body as { category: string; output: string });
      assert.ok(
        out.some((o) => o.category === 'stdout' && o.output.includes('abc')),
        JSON.stringify(out),
      );
    } finally {
      await c.stop();
    }
  });
});

describe('threads, stack, scopes, variables', () => {
  let c: Client;
  let tid: number;
  before(async () => {
    ({ c, tid } = await session({ program: WATCH }));
  });
  after(() => c.stop());

  it('stops at the entry; one thread; a stack frame with source and instruction pointer', async () => {
    const th = await c.dc.threadsRequest();
    assert.equal(th.body.threads.length, 1);
    assert.equal(th.body.threads[0].id, tid);
    const st = await c.dc.stackTraceRequest({ threadId: tid });
    const f = st.body.stackFrames[0];
    assert.equal(f.instructionPointerReference, '0x10000000');
    assert.equal(f.line, 6);
    assert.equal(f.source?.path, WATCH);
    assert.equal(f.name, '_start');
  });

  it('has Registers, Data, Watchpoints and Perf counters scopes', async () => {
    const st = await c.dc.stackTraceRequest({ threadId: tid });
    const sc = await c.dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
    assert.deepEqual(
      sc.body.scopes.map((s) => s.name),
      ['Registers', 'Data', 'Watchpoints', 'Perf counters'],
    );
    const regs = await c.dc.variablesRequest({ variablesReference: sc.body.scopes[0].variablesReference });
    const names = regs.body.variables.map((v) => v.name);
    for (const n of ['r0', 'r1', 'r31', 'pc', 'lr', 'ctr', 'cr', 'xer', 'msr']) assert.ok(names.includes(n), n);
    const pc = regs.body.variables.find((v) => v.name === 'pc') as DebugProtocol.Variable;
    assert.equal(BigInt(pc.value), 0x10000000n);
    assert.equal(pc.evaluateName, 'pc');
    assert.equal(pc.memoryReference, '0x10000000');
    const r1 = regs.body.variables.find((v) => v.name === 'r1') as DebugProtocol.Variable;
    assert.ok(r1.memoryReference, 'the stack pointer points to memory');
    const data = await c.dc.variablesRequest({ variablesReference: sc.body.scopes[1].variablesReference });
    const byName = new Map(data.body.variables.map((v) => [v.name, v]));
    assert.equal(byName.get('value')?.type, 'u64');
    assert.equal(byName.get('value')?.memoryReference, '0x10100000');
    assert.equal(byName.get('value')?.evaluateName, 'value');
    assert.equal(BigInt(byName.get('counter')?.value as string), 5n);
    assert.equal(byName.get('small')?.type, 'u32');
    assert.equal(BigInt(byName.get('small')?.value as string), 0x11223344n);
    const wp = await c.dc.variablesRequest({ variablesReference: sc.body.scopes[2].variablesReference });
    assert.deepEqual(
      wp.body.variables.filter((v) => /^DAWR/.test(v.name)).map((v) => v.value),
      ['free', 'free'],
    );
  });

  it('setVariable changes a register and a data symbol', async () => {
    const st = await c.dc.stackTraceRequest({ threadId: tid });
    const sc = await c.dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
    const r = await c.dc.setVariableRequest({
      variablesReference: sc.body.scopes[0].variablesReference,
      name: 'r7',
      value: '0x1234',
    });
    assert.equal(BigInt(r.body.value), 0x1234n);
    assert.equal(await c.evaluate('r7', 'watch'), '0x0000000000001234 (4660)');
    const d = await c.dc.setVariableRequest({
      variablesReference: sc.body.scopes[1].variablesReference,
      name: 'counter',
      value: '99',
    });
    assert.equal(BigInt(d.body.value), 99n);
    assert.match(await c.evaluate('counter', 'watch'), /\(99\)$/);
    const mem = await c.next<DebugProtocol.MemoryEvent>('memory');
    assert.equal(mem.body.memoryReference, '0x10100008');
    const bad = await c.fails(
      c.dc.setVariableRequest({
        variablesReference: sc.body.scopes[0].variablesReference,
        name: 'r7',
        value: 'nosuch+',
      }),
    );
    assert.match(bad, /nosuch/);
  });

  it('evaluates registers, symbols (contents), &symbols (addresses) and memory expressions', async () => {
    assert.equal(await c.evaluate('pc'), '0x0000000010000000 (268435456)');
    assert.equal(await c.evaluate('&value', 'watch'), `0x${VALUE.toString(16).padStart(16, '0')} (${VALUE})`);
    assert.match(await c.evaluate('u32[&small]', 'hover'), /^0x11223344 /);
    assert.match(await c.evaluate('u8[&small+3]', 'hover'), /^0x11 /);
    assert.match(await c.evaluate('*(&counter) + 1', 'watch'), /\(100\)$/);
    const e = await c.fails(c.dc.evaluateRequest({ expression: 'u64[0]', context: 'watch' }));
    assert.match(e, /not mapped/);
  });
});

describe('data breakpoints', () => {
  it('a write data breakpoint stops before the store, with its id and a before-execute description', async () => {
    const { c, tid } = await session({ program: WATCH });
    try {
      const id = await dataId(c, 'value');
      assert.equal(id, 'sym:value/8', 'a data breakpoint on a symbol names the symbol');
      const set = await c.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: id, accessType: 'write' }] });
      assert.equal(set.body.breakpoints.length, 1);
      const bp = set.body.breakpoints[0];
      assert.equal(bp.verified, true);
      assert.equal(typeof bp.id, 'number');
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'data breakpoint');
      assert.deepEqual(s.body.hitBreakpointIds, [bp.id]);
      // short in the Call Stack view; the whole before-execute sentence in the text
      assert.equal(s.body.description, `Watchpoint ${bp.id} (write value)`);
      assert.match(
        s.body.text as string,
        /std r4,0\(r3\).*about to write 0x2a .*0x10100000 \(value\).*still holds 0x0.*SIGTRAP TRAP_HWBKPT/,
      );
      assert.equal(await c.pc(tid), STD_PC);
      // before execute: the memory still has the old value
      assert.match(await c.evaluate('value', 'watch'), /\(0\)$/);
      // gdb re-arm (default): continuing executes the store and runs on to the exit
      await c.dc.continueRequest({ threadId: tid });
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 7);
    } finally {
      await c.stop();
    }
  });

  it('read and readWrite access types stop at the load; registers are refused with a reason', async () => {
    const { c, tid } = await session({ program: WATCH });
    try {
      const st = await c.dc.stackTraceRequest({ threadId: tid });
      const sc = await c.dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
      const reg = await c.dc.dataBreakpointInfoRequest({
        name: 'r3',
        variablesReference: sc.body.scopes[0].variablesReference,
      });
      assert.equal(reg.body.dataId, null);
      assert.match(reg.body.description, /register/);
      const fromData = await c.dc.dataBreakpointInfoRequest({
        name: 'value',
        variablesReference: sc.body.scopes[1].variablesReference,
      });
      assert.deepEqual(fromData.body.accessTypes, ['read', 'write', 'readWrite']);
      const set = await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: fromData.body.dataId as string, accessType: 'read' }],
      });
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'data breakpoint');
      assert.deepEqual(s.body.hitBreakpointIds, [set.body.breakpoints[0].id]);
      assert.equal(await c.pc(tid), LD_PC);
      assert.match(s.body.text as string, /about to read 8 bytes at 0x10100000/);
    } finally {
      await c.stop();
    }
  });

  it('"Add Data Breakpoint at Address" (asAddress + bytes) watches memory', async () => {
    const { c, tid } = await session({ program: WATCH });
    try {
      const info = await c.dc.dataBreakpointInfoRequest({ name: '0x10100004', asAddress: true, bytes: 4 });
      assert.equal(info.body.dataId, '0x10100004/4');
      const set = await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: info.body.dataId as string, accessType: 'readWrite' }],
      });
      assert.equal(set.body.breakpoints[0].verified, true);
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'data breakpoint');
      assert.equal(await c.pc(tid), STD_PC);
    } finally {
      await c.stop();
    }
  });

  it(
    'a third watchpoint on power10 is refused (ENOSPC, ' + 'index-aligned, ids for all), and a freed slot can be used',
    async () => {
      const { c } = await session({ program: STORES, cpu: 'power10' });
      try {
        const ids = [await dataId(c, 'value'), await dataId(c, 'other'), await dataId(c, 'third')];
        const set = await c.dc.setDataBreakpointsRequest({
          breakpoints: ids.map((dataId) => ({ dataId, accessType: 'write' as const })),
        });
        const b = set.body.breakpoints;
        assert.equal(b.length, 3);
        assert.deepEqual(
          b.map((x) => x.verified),
          [true, true, false],
        );
        assert.ok(b.every((x) => typeof x.id === 'number'));
        assert.equal(new Set(b.map((x) => x.id)).size, 3);
        assert.equal(b[2].reason, 'failed');
        assert.match(b[2].message as string, /ENOSPC/);
        assert.match(b[2].message as string, /handle 1 = data breakpoint/);
        // free the first: the third now fits, and the second keeps its id
        const again = await c.dc.setDataBreakpointsRequest({
          breakpoints: [ids[1], ids[2]].map((dataId) => ({ dataId, accessType: 'write' as const })),
        });
        assert.deepEqual(
          again.body.breakpoints.map((x) => x.verified),
          [true, true],
        );
        assert.equal(again.body.breakpoints[0].id, b[1].id);
        // and clearing releases everything (no slot leak)
        await c.dc.setDataBreakpointsRequest({ breakpoints: [] });
        const snap = (await c.dc.customRequest('wplab.snapshot')).body as {
          slots: { cpus: Array<{ budget: { worstTask: number } }> };
        };
        assert.equal(snap.slots.cpus[0].budget.worstTask, 0);
      } finally {
        await c.stop();
      }
    },
  );

  it('a watchpoint refused for want of a slot is set when the slot is freed, and the editor is told', async () => {
    const { c, tid } = await session({
      program: WATCH,
      cpu: 'power8',
      perf: [{ name: 'p', symbol: 'counter', len: 8, type: 'r' }],
    });
    try {
      const set = await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: await dataId(c, 'value'), accessType: 'write' }],
      });
      const bp = set.body.breakpoints[0];
      assert.equal(bp.verified, false);
      assert.match(bp.message as string, /ENOSPC.*perf:p/);
      c.drain('breakpoint');
      assert.equal(await c.evaluate('perf_close p'), 'ok');
      const ev = await c.next<DebugProtocol.BreakpointEvent>('breakpoint');
      assert.equal(ev.body.reason, 'changed');
      assert.equal(ev.body.breakpoint.id, bp.id);
      assert.equal(ev.body.breakpoint.verified, true);
      // the thread's own handle shows in the Watchpoints scope (stopped: reserved, not in a slot)
      const st = await c.dc.stackTraceRequest({ threadId: tid });
      const sc = await c.dc.scopesRequest({ frameId: st.body.stackFrames[0].id });
      const wp = await c.dc.variablesRequest({ variablesReference: sc.body.scopes[2].variablesReference });
      const h = wp.body.variables.find((v) => v.name === 'ptrace handle 1');
      assert.match(h?.value ?? '', /^W 0x10100000\+8 armed/);
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.deepEqual(s.body.hitBreakpointIds, [bp.id]);
    } finally {
      await c.stop();
    }
  });

  it('a second watchpoint on power8 is refused with ENOSPC', async () => {
    const { c } = await session({ program: STORES, cpu: 'power8' });
    try {
      const set = await c.dc.setDataBreakpointsRequest({
        breakpoints: [
          { dataId: await dataId(c, 'value'), accessType: 'write' },
          { dataId: await dataId(c, 'other'), accessType: 'read' },
        ],
      });
      assert.deepEqual(
        set.body.breakpoints.map((x) => x.verified),
        [true, false],
      );
      assert.match(set.body.breakpoints[1].message as string, /ENOSPC/);
    } finally {
      await c.stop();
    }
  });

  it(
    'under 6.6 the same symbol is watched by ptrace and ' + 'counted by perf; under 6.5 the ptrace one is refused',
    async () => {
      const perf = [{ name: 'p', symbol: 'value', len: 8, type: 'rw' }];
      {
        const { c, tid } = await session({ program: WATCH, kernel: '6.6', perf });
        try {
          const set = await c.dc.setDataBreakpointsRequest({
            breakpoints: [{ dataId: await dataId(c, 'value'), accessType: 'write' }],
          });
          assert.equal(set.body.breakpoints[0].verified, true, set.body.breakpoints[0].message);
          await c.dc.continueRequest({ threadId: tid });
          const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
          assert.equal(s.body.reason, 'data breakpoint');
          assert.equal(await c.pc(tid), STD_PC);
          // perf counts after execute: not yet at the ptrace stop
          assert.equal(await c.evaluate('perf_read p'), '0');
          await c.dc.stepInRequest({ threadId: tid });
          await c.next('stopped');
          assert.equal(await c.evaluate('perf_read p'), '1');
          const ctr = (await c.dc.customRequest('wplab.snapshot')).body as {
            counters: { counters: Array<{ id: string; count: number }> };
          };
          assert.equal(ctr.counters.counters.find((x) => x.id === 'p')?.count, 1);
        } finally {
          await c.stop();
        }
      }
      {
        const { c } = await session({ program: WATCH, kernel: '6.5', perf });
        try {
          const set = await c.dc.setDataBreakpointsRequest({
            breakpoints: [{ dataId: await dataId(c, 'value'), accessType: 'write' }],
          });
          assert.equal(set.body.breakpoints[0].verified, false);
          assert.equal(set.body.breakpoints[0].reason, 'failed');
          assert.match(set.body.breakpoints[0].message as string, /ENOSPC/);
          assert.match(set.body.breakpoints[0].message as string, /perf/);
        } finally {
          await c.stop();
        }
      }
    },
  );

  it('ptraceRearm gdb stops at every store; oneshot stops once and says the kernel disabled it', async () => {
    for (const policy of ['gdb', 'oneshot'] as const) {
      const { c, tid } = await session({ program: STORES, ptraceRearm: policy });
      try {
        const set = await c.dc.setDataBreakpointsRequest({
          breakpoints: [{ dataId: await dataId(c, 'value'), accessType: 'write' }],
        });
        const id = set.body.breakpoints[0].id;
        const stops: string[] = [];
        for (;;) {
          await c.dc.continueRequest({ threadId: tid });
          const e = await c.nextOf(['stopped', 'exited']);
          if (e.event === 'exited') break;
          assert.deepEqual((e as DebugProtocol.StoppedEvent).body.hitBreakpointIds, [id]);
          stops.push(await c.pc(tid));
          if (stops.length > 5) break;
        }
        if (policy === 'gdb') assert.deepEqual(stops, ['0x1000000c', '0x10000014', '0x1000001c']);
        else {
          assert.deepEqual(stops, ['0x1000000c']);
          const ev = c.drain('breakpoint').map((e) => (e as DebugProtocol.BreakpointEvent).body);
          assert.ok(
            ev.some(
              (b) =>
                b.reason === 'changed' &&
                b.breakpoint.id === id &&
                b.breakpoint.verified === false &&
                /disabled by the kernel/.test(b.breakpoint.message ?? ''),
            ),
            JSON.stringify(ev),
          );
        }
      } finally {
        await c.stop();
      }
    }
  });

  it('conditions and hit conditions work on data breakpoints', async () => {
    const { c, tid } = await session({ program: STORES });
    try {
      // stop only at the store of 3 (r4 == 3), and a hit condition on another run
      await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: await dataId(c, 'value'), accessType: 'write', condition: 'r4 == 3' }],
      });
      await c.dc.continueRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(await c.pc(tid), '0x1000001c');
    } finally {
      await c.stop();
    }
    const s2 = await session({ program: STORES });
    try {
      await s2.c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: await dataId(s2.c, 'value'), accessType: 'write', hitCondition: '2' }],
      });
      await s2.c.dc.continueRequest({ threadId: s2.tid });
      await s2.c.next('stopped');
      assert.equal(await s2.c.pc(s2.tid), '0x10000014');
    } finally {
      await s2.c.stop();
    }
  });

  it('a line breakpoint on a data line is a watchpoint; mode perf counts instead', async () => {
    const { c, tid } = await session({ program: WATCH }, async (cl) => {
      const r = await cl.dc.setBreakpointsRequest({
        source: { path: WATCH },
        breakpoints: [{ line: 23 }, { line: 27, mode: 'perf' }, { line: 9 }],
      });
      assert.deepEqual(
        r.body.breakpoints.map((b) => b.verified),
        [true, true, true],
      );
      assert.match(r.body.breakpoints[0].message as string, /ptrace watchpoint: write value/);
      assert.match(r.body.breakpoints[1].message as string, /perf counter "counter"/);
      return r;
    });
    try {
      const set = await c.dc.setBreakpointsRequest({
        source: { path: WATCH },
        breakpoints: [{ line: 23 }, { line: 27, mode: 'perf' }],
      });
      const watchId = set.body.breakpoints[0].id;
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'data breakpoint');
      assert.deepEqual(s.body.hitBreakpointIds, [watchId]);
      assert.equal(await c.pc(tid), STD_PC);
      const bad = await c.dc.setBreakpointsRequest({ source: { path: WATCH }, breakpoints: [{ line: 2 }] });
      assert.equal(bad.body.breakpoints[0].verified, false);
    } finally {
      await c.stop();
    }
  });
});

describe('execution', () => {
  it('step in, next over a call, step out, and source breakpoints', async () => {
    const { c, tid } = await session({ program: WATCH });
    try {
      await c.dc.stepInRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'step');
      assert.equal(await c.pc(tid), '0x10000004');
      const bp = await c.dc.setBreakpointsRequest({ source: { path: WATCH }, breakpoints: [{ line: 11 }] });
      assert.equal(bp.body.breakpoints[0].verified, true);
      await c.dc.continueRequest({ threadId: tid });
      const b = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(b.body.reason, 'breakpoint');
      assert.deepEqual(b.body.hitBreakpointIds, [bp.body.breakpoints[0].id]);
      assert.equal(await c.pc(tid), BL_PC);
      // the memory view does not show the debugger's trap
      assert.equal(await c.evaluate('u32[0x10000014]'), '0x48000011 (1207959569)');
      await c.dc.nextRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(await c.pc(tid), '0x10000018');
      assert.match(await c.evaluate('r6'), /\(2\)$/);
      // into the call, then out again
      await c.dc.setBreakpointsRequest({ source: { path: WATCH }, breakpoints: [{ line: 16 }] });
      await c.evaluate('setpc pc=_start+0x14');
      await c.dc.stepInRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(await c.pc(tid), '0x10000024');
      const st = await c.dc.stackTraceRequest({ threadId: tid });
      assert.deepEqual(
        st.body.stackFrames.map((f) => f.name),
        ['func', '_start+0x18'],
      );
      await c.dc.stepOutRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(await c.pc(tid), '0x10000018');
    } finally {
      await c.stop();
    }
  });

  it('the stack comes from LR and the back chain', async () => {
    const F = fixture('frames.S');
    const { c, tid } = await session({ program: F }, (cl) =>
      cl.dc.setBreakpointsRequest({ source: { path: F }, breakpoints: [{ line: 20 }] }),
    );
    try {
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'breakpoint');
      const st = await c.dc.stackTraceRequest({ threadId: tid });
      assert.deepEqual(
        st.body.stackFrames.map((f) => [f.name, f.line]),
        [
          ['inner', 20],
          ['outer+0x10', 15],
          ['_start+0x4', 7],
        ],
      );
      // step out of inner, then of outer
      await c.dc.stepOutRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(await c.topLine(tid), 15);
      await c.dc.stepOutRequest({ threadId: tid });
      await c.next('stopped');
      assert.equal(await c.topLine(tid), 7);
    } finally {
      await c.stop();
    }
  });

  it('conditions, hit counts and log points on source breakpoints', async () => {
    const { c, tid } = await session({ program: WATCH }, (cl) =>
      cl.dc.setBreakpointsRequest({
        source: { path: WATCH },
        breakpoints: [
          { line: 9, logMessage: 'r4 is {r4}' },
          { line: 10, condition: 'r4 == 41' },
          { line: 16, hitCondition: '2' },
          { line: 17 },
        ],
      }),
    );
    try {
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      // line 9 logs and goes on; line 10's condition is false; line 16 on its first hit is skipped
      assert.equal(s.body.reason, 'breakpoint');
      assert.equal(await c.pc(tid), '0x10000028');
      const out = c
        .drain('output')
        .map((e) => (e.body as { output: string }).output)
        .join('');
      assert.match(out, /r4 is 0x2a/);
    } finally {
      await c.stop();
    }
  });

  it('pause stops an infinite loop; the step limit stops a runaway; terminate ends the session', async () => {
    const { c, tid } = await session({ program: fixture('spin.S') });
    try {
      await c.dc.continueRequest({ threadId: tid });
      await new Promise((r) => setTimeout(r, 100));
      // requests are answered while it runs
      const th = await c.dc.threadsRequest();
      assert.equal(th.body.threads.length, 1);
      await c.dc.pauseRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'pause');
      assert.ok(['0x10000004', '0x10000008'].includes(await c.pc(tid)));
      assert.ok(BigInt((await c.evaluate('r3')).split(' ')[0]) > 1000n);
      await c.dc.terminateRequest({});
      await c.next('terminated');
    } finally {
      await c.stop();
    }
    const s2 = await session({ program: fixture('spin.S'), maxSteps: 5000 });
    try {
      await s2.c.dc.continueRequest({ threadId: s2.tid });
      const st = await s2.c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.match(st.body.description as string, /step limit/);
    } finally {
      await s2.c.stop();
    }
  });

  it('a fault is an exception stop with its details; continuing delivers it (exit 139)', async () => {
    const { c, tid } = await session({ program: fixture('fault.S') });
    try {
      await c.dc.continueRequest({ threadId: tid });
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'exception');
      assert.match(s.body.text as string, /SIGSEGV/);
      const ei = await c.dc.exceptionInfoRequest({ threadId: tid });
      assert.equal(ei.body.exceptionId, 'SIGSEGV');
      await c.dc.continueRequest({ threadId: tid });
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 139);
    } finally {
      await c.stop();
    }
  });

  it('the console kill ends the task: the exit is reported and the session ends', async () => {
    const { c } = await session({ program: WATCH });
    try {
      assert.equal(await c.evaluate('kill'), 'ok');
      const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
      assert.equal(ex.body.exitCode, 128 + 9);
      await c.next('terminated');
    } finally {
      await c.stop();
    }
  });

  it('restart gives a fresh machine with the same breakpoints', async () => {
    const { c, tid } = await session({ program: WATCH });
    try {
      await c.dc.setDataBreakpointsRequest({
        breakpoints: [{ dataId: await dataId(c, 'value'), accessType: 'write' }],
      });
      await c.dc.continueRequest({ threadId: tid });
      await c.next('stopped');
      await c.dc.restartRequest({});
      const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s.body.reason, 'entry');
      await c.dc.continueRequest({ threadId: s.body.threadId as number });
      const s2 = await c.next<DebugProtocol.StoppedEvent>('stopped');
      assert.equal(s2.body.reason, 'data breakpoint');
    } finally {
      await c.stop();
    }
  });
});

describe('memory, disassembly, console', () => {
  let c: Client;
  let tid: number;
  before(async () => {
    ({ c, tid } = await session({ program: WATCH, perf: [{ name: 'w', symbol: 'value', len: 8, type: 'w' }] }));
  });
  after(() => c.stop());

  it('reads memory (unmapped bytes reported) and writes it with a memory event', async () => {
    const r = await c.dc.customRequest('readMemory', { memoryReference: '0x10100008', count: 8 });
    assert.deepEqual([...Buffer.from(r.body.data, 'base64')], [5, 0, 0, 0, 0, 0, 0, 0]);
    const edge = await c.dc.customRequest('readMemory', { memoryReference: '0x10100ff8', count: 16 });
    assert.equal(Buffer.from(edge.body.data, 'base64').length, 8);
    assert.equal(edge.body.unreadableBytes, 8);
    c.drain('memory');
    const w = await c.dc.customRequest('writeMemory', {
      memoryReference: '0x10100008',
      data: Buffer.from([9, 8, 7]).toString('base64'),
    });
    assert.equal(w.body.bytesWritten, 3);
    const ev = await c.next<DebugProtocol.MemoryEvent>('memory');
    assert.equal(ev.body.memoryReference, '0x10100008');
    assert.equal(ev.body.count, 3);
    assert.match(await c.evaluate('counter', 'watch'), /^0x0000000000070809 /);
    const bad = await c.fails(c.dc.customRequest('writeMemory', { memoryReference: '0x5000', data: 'AAA=' }));
    assert.match(bad, /not mapped/);
  });

  it('disassembles with symbols and lines, and instruction breakpoints stop there', async () => {
    const d = await c.dc.disassembleRequest({
      memoryReference: '0x10000000',
      instructionCount: 8,
      instructionOffset: -2,
    } as DebugProtocol.DisassembleArguments);
    const ins = d.body?.instructions as DebugProtocol.DisassembledInstruction[];
    assert.equal(ins.length, 8);
    assert.equal(ins[0].presentationHint, 'invalid');
    assert.equal(ins[2].address, '0x10000000');
    assert.equal(ins[2].symbol, '_start');
    assert.equal(ins[5].instruction, 'std r4,0(r3)');
    assert.equal(ins[5].line, 9);
    const ib = await c.dc.customRequest('setInstructionBreakpoints', {
      breakpoints: [{ instructionReference: '0x10000010' }, { instructionReference: '0x3' }],
    });
    assert.deepEqual(
      ib.body.breakpoints.map((b: DebugProtocol.Breakpoint) => b.verified),
      [true, false],
    );
    await c.dc.continueRequest({ threadId: tid });
    const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(s.body.reason, 'instruction breakpoint');
    assert.equal(await c.pc(tid), LD_PC);
    await c.dc.customRequest('setInstructionBreakpoints', { breakpoints: [] });
  });

  it('console commands reach every ptrace and perf operation, with help', async () => {
    const help = await c.evaluate('help');
    for (const op of [
      'perf_open',
      'perf_close',
      'perf_enable',
      'perf_disable',
      'perf_reset',
      'perf_read',
      'sethwdebug',
      'delhwdebug',
      'set_debugreg',
      'get_debugreg',
      'gethwdbginfo',
      'cont',
      'singlestep',
      'setpc',
      'setreg',
      'getreg',
      'peek',
      'poke',
      'kill',
    ]) {
      assert.match(help, new RegExp(`\\b${op}\\b`), op);
    }
    // the launch's perf counter "w" counted the store when the previous test ran past it
    assert.equal(await c.evaluate('perf_read w'), '1');
    assert.equal(await c.evaluate('perf_reset w'), 'ok');
    assert.equal(await c.evaluate('perf_read w'), '0');
    assert.match(await c.evaluate('gethwdbginfo'), /num_data_bps=2 .*features=0x/);
    // a second per-task perf counter takes the second slot: ptrace is refused, naming both holders
    assert.match(await c.evaluate('perf_open id=q addr=counter len=8 type=r'), /^ok fd=\d+/);
    assert.match(await c.evaluate('sethwdebug trigger=read mode=exact addr=counter'), /^ENOSPC: .*perf:w.*perf:q/);
    assert.equal(await c.evaluate('perf_disable q'), 'ok');
    assert.equal(await c.evaluate('perf_enable q'), 'ok');
    assert.equal(await c.evaluate('perf_close q'), 'ok');
    assert.match(await c.evaluate('perf_read q'), /^EBADF/);
    assert.match(
      await c.evaluate('sethwdebug id=h trigger=read mode=range_inclusive addr=counter addr2=counter+8'),
      /^ok handle=1/,
    );
    // perf "w" and this handle fill both slots: the next is refused by the reservation rule
    assert.match(
      await c.evaluate('sethwdebug trigger=write mode=exact addr=value'),
      /^ENOSPC: .*perf:w.*ptrace:watch:1/,
    );
    assert.equal(await c.evaluate('delhwdebug handle=h'), 'ok');
    assert.match(await c.evaluate('delhwdebug handle=h'), /^ENOENT/);
    assert.match(await c.evaluate('set_debugreg value=value|6'), /^ok/);
    assert.equal(await c.evaluate('get_debugreg'), '0x10100006');
    assert.equal(await c.evaluate('set_debugreg value=0'), 'ok');
    assert.equal(await c.evaluate('poke addr=counter len=4 value=0x55'), 'ok');
    assert.equal(await c.evaluate('peek addr=counter len=4'), '0x55');
    assert.equal(await c.evaluate('setreg reg=r9 value=77'), 'ok');
    assert.equal(await c.evaluate('getreg reg=r9'), '0x4d');
    assert.match(await c.evaluate('peek addr=nosuch'), /nosuch/);
    assert.match(await c.evaluate('sethwdebug trigger=read'), /missing addr=/);
    assert.match(await c.evaluate('slots'), /cpu0/);
    assert.match(await c.evaluate('watches'), /no watchpoints|: /);
    assert.match(await c.evaluate('unwatch 999'), /no watchpoint 999/);
    assert.match(await c.evaluate('singlestep'), /stepping/);
    const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(s.body.reason, 'step');
  });

  it('the panel: snapshot, paged decisions with source lines, perf actions, watch actions', async () => {
    const snap = (await c.dc.customRequest('wplab.snapshot')).body;
    assert.equal(snap.slots.machine.cpu, 'power10');
    assert.equal(snap.slots.cpus.length, 1);
    assert.ok(Array.isArray(snap.recent));
    assert.ok(snap.total >= 1, 'the perf counter made decisions');
    const page = (await c.dc.customRequest('wplab.decisionLog', { start: 0, count: 2 })).body;
    assert.ok(page.decisions.length >= 1);
    assert.equal(page.decisions[0].seq, 0);
    assert.equal(page.decisions[0].source.path, WATCH);
    assert.equal(page.decisions[0].source.line, 9);
    const filtered = (await c.dc.customRequest('wplab.decisionLog', { start: 0, count: 10, filter: { cpu: 5 } })).body;
    assert.equal(filtered.decisions.length, 0);
    assert.match(await c.fails(c.dc.customRequest('wplab.decisionLog', { start: -1, count: 2 })), /start/);
    const add = (
      await c.dc.customRequest('wplab.perf', { action: 'add', name: 'reads', addr: 'value', len: 8, type: 'r' })
    ).body;
    assert.equal(add.ok, true);
    assert.equal((await c.dc.customRequest('wplab.perf', { action: 'disable', id: 'reads' })).body.ok, true);
    assert.equal((await c.dc.customRequest('wplab.perf', { action: 'reset', id: 'reads' })).body.ok, true);
    assert.equal((await c.dc.customRequest('wplab.perf', { action: 'close', id: 'reads' })).body.ok, true);
    const gone = (await c.dc.customRequest('wplab.perf', { action: 'close', id: 'reads' })).body;
    assert.equal(gone.ok, false);
    assert.equal(gone.error, 'EBADF');
    const watch = (await c.dc.customRequest('wplab.watch', { symbol: 'counter', len: 8, type: 'write' })).body;
    assert.equal(watch.ok, true, watch.message);
    // perf "w" holds the other slot: a second ptrace watch is refused, in the kernel's words
    const w2 = (
      await c.dc.customRequest('wplab.watch', {
        symbol: 'small',
        len: 4,
        type: 'r',
        mode: 'ptrace',
        source: { path: WATCH, line: 29 },
      })
    ).body;
    assert.equal(w2.ok, false);
    assert.equal(w2.error, 'ENOSPC');
    assert.match(w2.message, /perf:w/);
    const w3 = (await c.dc.customRequest('wplab.watch', { symbol: 'small', len: 4, type: 'perf' })).body;
    assert.equal(w3.ok, false, 'a perf counter needs a slot too');
    // the panel's watch is listed and can be deleted from the console, which frees its slot
    assert.match(await c.evaluate('watches'), new RegExp(`^${watch.id}: panel ptrace write counter`, 'm'));
    assert.match(await c.evaluate(`unwatch ${watch.id}`), /^ok/);
    const w4 = (await c.dc.customRequest('wplab.watch', { symbol: 'small', len: 4, type: 'perf' })).body;
    assert.equal(w4.ok, true, w4.message);
    const slots = c.drain('wplab.slots');
    assert.ok(slots.length > 0, 'slot events');
    assert.ok(c.all.some((e) => e.event === 'wplab.counters'));
    assert.ok(c.all.some((e) => e.event === 'wplab.decisions'));
  });
});

describe('panel feed', () => {
  it('batches decisions of a hot loop: few events, each bounded, totals that add up', async () => {
    const { c, tid } = await session({
      program: fixture('hot.S'),
      perf: [{ name: 'stores', symbol: 'value', len: 8, type: 'w' }],
    });
    try {
      c.drain('wplab.decisions');
      const t0 = Date.now();
      await c.dc.continueRequest({ threadId: tid });
      await c.next('exited', 60_000);
      const elapsed = Date.now() - t0;
      const evs = c
        .drain('wplab.decisions')
        .map(
          (e) =>
            e.body as { decisions: Array<{ seq: number; source?: { line: number } }>; total: number; dropped: number },
        );
      assert.ok(evs.length >= 1);
      const last = evs[evs.length - 1];
      assert.ok(last.total >= 20000, `total ${last.total}`);
      // at most one event per 50 ms while it runs, plus the one at the end
      assert.ok(evs.length <= elapsed / 50 + 3, `${evs.length} decision events in ${elapsed} ms`);
      assert.ok(evs.every((e) => e.decisions.length <= 500));
      // the newest decision of the last batch is the last decision made, with its source line
      assert.equal(last.decisions[last.decisions.length - 1].seq, last.total - 1);
      assert.ok(
        last.decisions.some((d) => d.source?.line === 14),
        'the std line',
      );
      const counters = c
        .drain('wplab.counters')
        .map((e) => e.body as { counters: Array<{ id: string; count: number }> });
      assert.equal(counters[counters.length - 1].counters.find((x) => x.id === 'stores')?.count, 20000);
    } finally {
      await c.stop();
    }
  });
});

describe('scenario launch', () => {
  it(
    'runs the setup steps, then the tasks are the ' + 'threads; a setup watchpoint stops as a data breakpoint',
    async () => {
      const { c, tid, first } = await session({ scenario: join(ROOT, 'examples', 'same_watch_addr.yaml') });
      try {
        assert.equal(first.body.reason, 'entry');
        const th = await c.dc.threadsRequest();
        assert.deepEqual(
          th.body.threads.map((t) => t.name),
          ['child (pid 100)'],
        );
        const out = c
          .drain('output')
          .map((e) => (e.body as { output: string }).output)
          .join('');
        assert.match(out, /setup .*perf_open .*-> ok/);
        await c.dc.continueRequest({ threadId: tid });
        const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(s.body.reason, 'data breakpoint');
        assert.match(s.body.description as string, /ptrace:child:1/);
        assert.equal(await c.evaluate('perf_read p'), '0');
        // the ptrace watchpoint fired once (one-shot, and not the editor's to re-arm): perf counts the
        // load after it executes, and the program's own trap is an exception stop
        await c.dc.continueRequest({ threadId: tid });
        const t = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(t.body.reason, 'exception');
        assert.match(t.body.text as string, /SIGTRAP TRAP_BRKPT/);
        assert.match(t.body.description as string, /own trap instruction/);
        assert.equal(await c.evaluate('perf_read p'), '1');
        // continuing delivers the SIGTRAP: its default action ends the task (128 + 5)
        await c.dc.continueRequest({ threadId: tid });
        const ex = await c.next<DebugProtocol.ExitedEvent>('exited');
        assert.equal(ex.body.exitCode, 133);
      } finally {
        await c.stop();
      }
    },
  );
});

describe('bad arguments', () => {
  it('requests before a launch are refused with a reason', async () => {
    const c = new Client();
    await c.start();
    try {
      await c.dc.initializeRequest(INIT);
      for (const cmd of ['wplab.snapshot', 'stackTrace', 'evaluate', 'readMemory', 'setDataBreakpoints']) {
        const msg = await c.fails(
          c.dc.customRequest(
            cmd,
            cmd === 'setDataBreakpoints'
              ? { breakpoints: [] }
              : cmd === 'evaluate'
                ? { expression: 'r3' }
                : cmd === 'readMemory'
                  ? { memoryReference: '0x0', count: 1 }
                  : { threadId: 1 },
          ),
        );
        assert.doesNotMatch(msg, /internal error/, `${cmd}: ${msg}`);
      }
      const th = await c.dc.threadsRequest();
      assert.deepEqual(th.body.threads, []);
    } finally {
      await c.stop();
    }
  });

  it(
    'every request with missing or wrong arguments gets ' + 'an error response, and the adapter keeps working',
    async () => {
      const { c, tid } = await session({ program: WATCH });
      try {
        const bad: Array<[string, unknown]> = [
          ['continue', {}],
          ['continue', { threadId: 'x' }],
          ['next', { threadId: 999 }],
          ['stepIn', {}],
          ['stepOut', { threadId: -1 }],
          ['pause', {}],
          ['stackTrace', {}],
          ['scopes', {}],
          ['scopes', { frameId: 'a' }],
          ['variables', {}],
          ['variables', { variablesReference: 987654 }],
          ['setVariable', { variablesReference: 1 }],
          ['evaluate', {}],
          ['evaluate', { expression: 'r3 +', context: 'watch' }],
          ['setBreakpoints', {}],
          ['setBreakpoints', { source: { path: WATCH }, breakpoints: [{ line: 'x' }] }],
          ['setBreakpoints', { source: { path: WATCH }, breakpoints: [{ line: 9, mode: 'teleport' }] }],
          ['setDataBreakpoints', {}],
          ['setDataBreakpoints', { breakpoints: [{}] }],
          ['setDataBreakpoints', { breakpoints: [{ dataId: '0x10/8', accessType: 'sometimes' }] }],
          ['dataBreakpointInfo', {}],
          ['dataBreakpointInfo', { name: 'zz', asAddress: true }],
          ['dataBreakpointInfo', { name: 'value', bytes: -1 }],
          ['setInstructionBreakpoints', {}],
          ['readMemory', {}],
          ['readMemory', { memoryReference: 'here', count: 4 }],
          ['writeMemory', { memoryReference: '0x10100000' }],
          ['writeMemory', { memoryReference: '0x10100000', data: '!!' }],
          ['disassemble', {}],
          ['disassemble', { memoryReference: 'x', instructionCount: 3 }],
          ['exceptionInfo', { threadId: tid }],
          ['wplab.decisionLog', { start: 'a' }],
          ['wplab.perf', { action: 'explode' }],
          ['wplab.watch', { symbol: 'value' }],
          ['wplab.nosuch', {}],
          ['wplab.perf', { action: 'add', name: 'x' }],
          ['attach', {}],
        ];
        for (const [cmd, args] of bad) {
          const msg = await c.fails(c.dc.customRequest(cmd, args));
          assert.ok(msg.length > 0, cmd);
          assert.doesNotMatch(msg, /internal error|at .*\.js:\d+/, `${cmd}: ${msg}`);
        }
        // invalid dataIds are refused per entry, index-aligned
        const d = await c.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: 'garbage' }] });
        assert.equal(d.body.breakpoints[0].verified, false);
        assert.equal(typeof d.body.breakpoints[0].id, 'number');
        // still working
        await c.dc.stepInRequest({ threadId: tid });
        const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(s.body.reason, 'step');
      } finally {
        await c.stop();
      }
    },
  );
});
