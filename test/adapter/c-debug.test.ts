// Debugging C at source level through the adapter (DebugClient), on a C program built during the
// run at -O0 and -O2: the entry stop in main, a breakpoint in the .c file, the stack with names and
// lines (glibc frames without source), locals and globals with C values, a struct expanded, watch
// expressions, "Break on Value Change" on a global stopping on the store's line before the store
// (the variable still holds its old value), step over, step into, step out, optimized-out locals.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { buildC, C_FIXTURES, markerLine } from './c-programs';
import { Client, ensureAdapterBuilt } from './helpers';

const SRC = join(C_FIXTURES, 'watch.c');
const L = (name: string) => markerLine('watch.c', name);

before(() => ensureAdapterBuilt());

async function frames(c: Client, threadId: number): Promise<DebugProtocol.StackFrame[]> {
  return (await c.dc.stackTraceRequest({ threadId })).body.stackFrames;
}

async function vars(c: Client, ref: number): Promise<DebugProtocol.Variable[]> {
  return (await c.dc.variablesRequest({ variablesReference: ref })).body.variables;
}

async function scope(c: Client, frameId: number, name: string): Promise<DebugProtocol.Variable[]> {
  const s = (await c.dc.scopesRequest({ frameId })).body.scopes.find((x) => x.name === name);
  assert.ok(s, `scope ${name}`);
  return vars(c, s.variablesReference);
}

const value = (vs: DebugProtocol.Variable[], name: string) => vs.find((v) => v.name === name)?.value;

for (const opt of ['-O0', '-O2']) {
  describe(`C at ${opt}`, () => {
    it('entry in main; data breakpoint on a global stops before the store; stack, variables, step', async (t) => {
      const exe = buildC(t, 'watch.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        const entry = await c.launch({ program: exe });
        assert.equal(entry.body.reason, 'entry');
        const tid = entry.body.threadId as number;
        let st = await frames(c, tid);
        assert.equal(st[0].name, 'main');
        assert.equal(st[0].source?.path, SRC);
        // "Break on Value Change" on counter, asked by expression in main's frame
        const info = await c.dc.dataBreakpointInfoRequest({ name: 'counter', frameId: st[0].id });
        assert.equal(info.body.dataId, 'sym:counter/8', info.body.description);
        const set = await c.dc.setDataBreakpointsRequest({
          breakpoints: [{ dataId: info.body.dataId as string, accessType: 'write' }],
        });
        assert.equal(set.body.breakpoints[0].verified, true, set.body.breakpoints[0].message);
        await c.dc.continueRequest({ threadId: tid });
        const hit = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(hit.body.reason, 'data breakpoint');
        const says = new RegExp(`<bump\\+0x[0-9a-f]+> \\(watch\\.c:${L('store')}\\) is about to write`);
        assert.match(hit.body.text ?? '', says);
        st = await frames(c, tid);
        assert.deepEqual(
          st.slice(0, 2).map((f) => [f.name, f.source?.path, f.line]),
          [
            ['bump', SRC, L('store')],
            ['main', SRC, L('call-bump')],
          ],
        );
        const glibc = st.slice(2);
        assert.ok(
          glibc.length > 0 && glibc.every((f) => f.source === undefined && f.presentationHint === 'subtle'),
          JSON.stringify(glibc),
        );
        assert.ok(glibc.some((f) => f.name.startsWith('__libc_start')));
        // before the store: the old value
        assert.equal(
          (await c.dc.evaluateRequest({ expression: 'counter', frameId: st[0].id, context: 'watch' })).body.result,
          '0',
        );
        const scopes = (await c.dc.scopesRequest({ frameId: st[0].id })).body.scopes.map((s) => s.name);
        assert.deepEqual(scopes, ['Locals', 'Globals', 'Registers', 'Watchpoints', 'Perf counters']);
        const globals = await scope(c, st[0].id, 'Globals');
        assert.equal(value(globals, 'counter'), '0');
        assert.equal(value(globals, 'limit'), '3');
        assert.equal(value(globals, 'table'), '{10, 20, 30, 40}');
        const origin = globals.find((v) => v.name === 'origin');
        assert.ok(origin && origin.variablesReference > 0 && origin.type === 'struct point');
        assert.deepEqual(
          (await vars(c, origin.variablesReference)).map((v) => [v.name, v.value, v.type]),
          [
            ['x', '1', 'int'],
            ['y', '2', 'int'],
          ],
        );
        const mainLocals = await scope(c, st[1].id, 'Locals');
        assert.equal(value(mainLocals, 'total'), '0');
        assert.equal(value(mainLocals, 'i'), '0');
        const regs = await scope(c, st[0].id, 'Registers');
        assert.ok(regs.some((r) => r.name === 'r1' && /^0x/.test(r.value)));
        for (const [e, want] of [
          ['table[2]', '30'],
          ['cursor->y', '2'],
          ['origin.x + limit * 2', '7'],
          ['*cursor', '{x = 1, y = 2}'],
        ]) {
          assert.equal(
            (await c.dc.evaluateRequest({ expression: e, frameId: st[1].id, context: 'watch' })).body.result,
            want,
            e,
          );
        }
        assert.match(
          await c.fails(c.dc.evaluateRequest({ expression: 'nosuch + 1', frameId: st[0].id, context: 'watch' })),
          /nosuch/,
        );
        // the panel's decision names the C line of the store
        // step over the store: the next line, the new value
        await c.dc.nextRequest({ threadId: tid });
        const stepped = await c.next<DebugProtocol.StoppedEvent>('stopped');
        assert.equal(stepped.body.reason, 'step');
        st = await frames(c, tid);
        assert.notEqual(st[0].line, L('store'));
        if (opt === '-O0') assert.deepEqual([st[0].name, st[0].line], ['bump', L('after-store')]);
        assert.equal(
          (await c.dc.evaluateRequest({ expression: 'counter', frameId: st[0].id, context: 'watch' })).body.result,
          '1',
        );
        // the second store stops again, the value still the old one
        await c.dc.continueRequest({ threadId: tid });
        assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'data breakpoint');
        st = await frames(c, tid);
        assert.deepEqual([st[0].name, st[0].line], ['bump', L('store')]);
        assert.equal(
          (await c.dc.evaluateRequest({ expression: 'counter', frameId: st[0].id, context: 'watch' })).body.result,
          '1',
        );
        // out to main, then step over lines: the step over bump's call stops at the watchpoint inside it
        await c.dc.stepOutRequest({ threadId: tid });
        assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'step');
        let reason = '';
        for (let i = 0; i < 8 && reason !== 'data breakpoint'; i++) {
          await c.dc.nextRequest({ threadId: tid });
          reason = (await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason;
          assert.ok(reason === 'step' || reason === 'data breakpoint', reason);
        }
        assert.equal(reason, 'data breakpoint');
        st = await frames(c, tid);
        assert.deepEqual([st[0].name, st[0].line], ['bump', L('store')]);
        const now = await c.dc.evaluateRequest({ expression: 'counter', frameId: st[0].id, context: 'watch' });
        assert.equal(now.body.result, '2');
      } finally {
        await c.stop();
      }
    });

    it('a .c breakpoint, step in and out; data breakpoints by variable or refused; Set Value', async (t) => {
      const exe = buildC(t, 'watch.c', ['-g', opt, '-static']);
      if (!exe) return;
      const c = new Client();
      await c.start();
      try {
        let bps: DebugProtocol.SetBreakpointsResponse | undefined;
        const first = await c.launch({ program: exe, stopOnEntry: false }, async () => {
          bps = await c.dc.setBreakpointsRequest({ source: { path: SRC }, breakpoints: [{ line: L('call-add') }] });
        });
        assert.equal(bps?.body.breakpoints[0].verified, true, bps?.body.breakpoints[0].message);
        assert.equal(first.body.reason, 'breakpoint');
        const tid = first.body.threadId as number;
        let st = await frames(c, tid);
        assert.deepEqual([st[0].name, st[0].line], ['main', L('call-add')]);
        await c.dc.stepInRequest({ threadId: tid });
        assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'step');
        st = await frames(c, tid);
        assert.equal(st[0].name, 'add');
        assert.equal(st[0].line, opt === '-O0' ? L('add-body') : L('add-body') + 1);
        assert.equal(st[1].name, 'main');
        await c.dc.stepOutRequest({ threadId: tid });
        assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'step');
        st = await frames(c, tid);
        assert.equal(st[0].name, 'main');
        if (opt === '-O0') assert.equal(st[0].line, L('call-add'));
        // by variable, from the Variables view: a struct member, an array as one DAWR range, a big
        // struct refused with the reason
        const globals = (await c.dc.scopesRequest({ frameId: st[0].id })).body.scopes.find((s) => s.name === 'Globals');
        assert.ok(globals);
        const gv = await vars(c, globals.variablesReference);
        const table = await c.dc.dataBreakpointInfoRequest({
          name: 'table',
          variablesReference: globals.variablesReference,
        });
        assert.equal(table.body.dataId, 'sym:table/16');
        assert.match(table.body.description, /DAWR range/);
        const big = await c.dc.dataBreakpointInfoRequest({
          name: 'big',
          variablesReference: globals.variablesReference,
        });
        assert.equal(big.body.dataId, null);
        assert.match(big.body.description, /at most 512 bytes/);
        const origin = gv.find((v) => v.name === 'origin');
        assert.ok(origin);
        await vars(c, origin.variablesReference);
        const y = await c.dc.dataBreakpointInfoRequest({ name: 'y', variablesReference: origin.variablesReference });
        assert.equal(y.body.dataId, 'sym:origin+4/4');
        const reg = await c.dc.dataBreakpointInfoRequest({ name: 'limit + 1', frameId: st[0].id });
        assert.equal(reg.body.dataId, null);
        // a local: watched on its stack address, for this session only
        const local = await c.dc.dataBreakpointInfoRequest({ name: 'local.x', frameId: st[0].id });
        if (opt === '-O0') {
          assert.match(String(local.body.dataId), /^0x[0-9a-f]+\/4$/);
          assert.equal(local.body.canPersist, false);
        }
        // setting C variables: an int member, a struct refused, a local at -O0
        const sy = await c.dc.setVariableRequest({
          variablesReference: origin.variablesReference,
          name: 'y',
          value: 'limit * 2 + 1',
        });
        assert.equal(sy.body.value, '7');
        assert.equal(
          (await c.dc.evaluateRequest({ expression: 'origin.y', frameId: st[0].id, context: 'watch' })).body.result,
          '7',
        );
        assert.match(
          await c.fails(
            c.dc.setVariableRequest({ variablesReference: globals.variablesReference, name: 'origin', value: '1' }),
          ),
          /set its members/,
        );
        if (opt === '-O0') {
          const locals = (await c.dc.scopesRequest({ frameId: st[0].id })).body.scopes.find((x) => x.name === 'Locals');
          assert.ok(locals);
          await vars(c, locals.variablesReference);
          assert.equal(
            (
              await c.dc.setVariableRequest({
                variablesReference: locals.variablesReference,
                name: 'total',
                value: '40 + 2',
              })
            ).body.value,
            '42',
          );
          assert.equal(
            (await c.dc.evaluateRequest({ expression: 'total', frameId: st[0].id, context: 'watch' })).body.result,
            '42',
          );
        }
        // the array as one DAWR range: the kernel takes it
        const set = await c.dc.setDataBreakpointsRequest({
          breakpoints: [{ dataId: table.body.dataId as string, accessType: 'write' }],
        });
        assert.equal(set.body.breakpoints[0].verified, true, set.body.breakpoints[0].message);
      } finally {
        await c.stop();
      }
    });
  });
}

it('-O2: a local the compiler dropped shows <optimized out>', async (t) => {
  const exe = buildC(t, 'watch.c', ['-g', '-O2', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    const first = await c.launch({ program: exe, stopOnEntry: false }, () =>
      c.dc.setBreakpointsRequest({ source: { path: SRC }, breakpoints: [{ line: L('print') }] }),
    );
    assert.equal(first.body.reason, 'breakpoint');
    const st = await frames(c, first.body.threadId as number);
    const locals = await scope(c, st[0].id, 'Locals');
    assert.ok(
      locals.some((v) => v.value === '<optimized out>'),
      JSON.stringify(locals.map((v) => [v.name, v.value])),
    );
  } finally {
    await c.stop();
  }
});

it('the panel names the C line of a decision; a watch on a C global by its line; perf on a C object', async (t) => {
  const exe = buildC(t, 'watch.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    const decl = markerLine('watch.c', 'decl-counter');
    let set: DebugProtocol.SetBreakpointsResponse | undefined;
    const first = await c.launch(
      { program: exe, stopOnEntry: false, perf: [{ name: 'origin_y', symbol: 'origin.y', len: 4, type: 'w' }] },
      async () => {
        // what the CodeLens "Watch write" above `long counter;` sets: a breakpoint with a mode on that line
        set = await c.dc.setBreakpointsRequest({
          source: { path: SRC },
          breakpoints: [{ line: decl, mode: 'write' } as DebugProtocol.SourceBreakpoint],
        });
      },
    );
    assert.equal(set?.body.breakpoints[0].verified, true, set?.body.breakpoints[0].message);
    assert.equal(first.body.reason, 'data breakpoint');
    const st = await frames(c, first.body.threadId as number);
    assert.deepEqual([st[0].name, st[0].line], ['bump', L('store')]);
    const snap = (await c.dc.customRequest('wplab.snapshot')).body as {
      recent: Array<{ source?: { path: string; line: number } }>;
      counters: { counters: Array<{ addr: string; len: number }> };
    };
    const last = snap.recent[snap.recent.length - 1];
    assert.deepEqual(last.source, { path: SRC, line: L('store') });
    const y = await c.dc.evaluateRequest({ expression: 'origin.y', frameId: st[0].id, context: 'watch' });
    assert.deepEqual(
      snap.counters.counters.map((x) => [BigInt(x.addr), x.len]),
      [[BigInt(y.body.memoryReference ?? 'x'), 4]],
    );
    const bad = new Client();
    await bad.start();
    try {
      await bad.dc.initializeRequest({
        adapterID: 'ppc-watchpoint',
        pathFormat: 'path',
        linesStartAt1: true,
        columnsStartAt1: true,
      });
      const msg = await bad.fails(
        bad.dc.launchRequest({
          program: exe,
          perf: [{ name: 'x', symbol: 'nosuch', len: 4, type: 'w' }],
        } as DebugProtocol.LaunchRequestArguments),
      );
      assert.match(msg, /"perf\[0\]\.symbol": "nosuch" is not a symbol/);
    } finally {
      await bad.stop();
    }
  } finally {
    await c.stop();
  }
});

it('a C condition on a breakpoint in the .c file; lines without code move to the next with some', async (t) => {
  const exe = buildC(t, 'watch.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    let set: DebugProtocol.SetBreakpointsResponse | undefined;
    const first = await c.launch({ program: exe, stopOnEntry: false }, async () => {
      set = await c.dc.setBreakpointsRequest({
        source: { path: SRC },
        breakpoints: [{ line: L('add-body'), condition: 'b == 2 && a > 0' }, { line: L('main') }, { line: 1 }],
      });
      await c.dc.setBreakpointsRequest({
        source: { path: SRC },
        breakpoints: [{ line: L('add-body'), condition: 'b == 2 && a > 0' }],
      });
    });
    // a breakpoint on main's opening line goes past the prologue, to the first statement, as gdb puts it
    assert.deepEqual(
      set?.body.breakpoints.map((b) => [b.verified, b.line]),
      [
        [true, L('add-body')],
        [true, L('main') + 1],
        [true, L('add-body')],
      ],
    );
    assert.equal(first.body.reason, 'breakpoint');
    const st = await frames(c, first.body.threadId as number);
    const locals = await scope(c, st[0].id, 'Locals');
    assert.equal(value(locals, 'b'), '2');
    assert.equal(value(locals, 'a'), '1');
  } finally {
    await c.stop();
  }
});

it('a breakpoint in a .S file assembled with -g; the disassembly view names C lines; instruction steps', async (t) => {
  const exe = buildC(t, 'uses-asm.c', ['-g', '-O0', '-static', 'asm-part.S']);
  if (!exe) return;
  const ASM = join(C_FIXTURES, 'asm-part.S');
  const asmLine = markerLine('asm-part.S', 'asm-body');
  const c = new Client();
  await c.start();
  try {
    const first = await c.launch({ program: exe, stopOnEntry: false }, () =>
      c.dc.setBreakpointsRequest({ source: { path: ASM }, breakpoints: [{ line: asmLine }] }),
    );
    assert.equal(first.body.reason, 'breakpoint');
    const tid = first.body.threadId as number;
    const st = await frames(c, tid);
    assert.deepEqual(
      st.slice(0, 2).map((f) => [f.name, f.source?.path, f.line]),
      [
        ['asm_twice', ASM, asmLine],
        ['main', join(C_FIXTURES, 'uses-asm.c'), markerLine('uses-asm.c', 'call')],
      ],
    );
    const d = await c.dc.disassembleRequest({
      memoryReference: st[1].instructionPointerReference as string,
      instructionOffset: -4,
      instructionCount: 8,
    } as DebugProtocol.DisassembleArguments);
    const lines =
      d.body?.instructions.filter((i) => i.location?.path === join(C_FIXTURES, 'uses-asm.c')).map((i) => i.line) ?? [];
    assert.ok(
      lines.includes(markerLine('uses-asm.c', 'call')),
      JSON.stringify(d.body?.instructions.map((i) => [i.address, i.line, i.location?.path])),
    );
    // in the Disassembly view a step is one instruction (granularity "instruction")
    const pc0 = BigInt(st[0].instructionPointerReference as string);
    await c.dc.nextRequest({ threadId: tid, granularity: 'instruction' });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'step');
    assert.equal(BigInt((await frames(c, tid))[0].instructionPointerReference as string), pc0 + 4n);
    await c.dc.stepOutRequest({ threadId: tid });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'step');
    assert.equal((await frames(c, tid))[0].name, 'main');
  } finally {
    await c.stop();
  }
});

it('a step over a line whose store a data breakpoint watches stops at the store, before it', async (t) => {
  const exe = buildC(t, 'watch.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    const first = await c.launch({ program: exe, stopOnEntry: false }, async () => {
      await c.dc.setBreakpointsRequest({ source: { path: SRC }, breakpoints: [{ line: L('store') }] });
      await c.dc.setDataBreakpointsRequest({ breakpoints: [{ dataId: 'sym:counter/8', accessType: 'write' }] });
    });
    assert.equal(first.body.reason, 'breakpoint');
    const tid = first.body.threadId as number;
    const pc0 = BigInt((await frames(c, tid))[0].instructionPointerReference as string);
    await c.dc.nextRequest({ threadId: tid });
    const s = await c.next<DebugProtocol.StoppedEvent>('stopped');
    assert.equal(s.body.reason, 'data breakpoint');
    const st = await frames(c, tid);
    assert.deepEqual([st[0].name, st[0].line], ['bump', L('store')]);
    assert.ok(BigInt(st[0].instructionPointerReference as string) > pc0, 'stopped at the store, after the load');
    const v = await c.dc.evaluateRequest({ expression: 'counter', frameId: st[0].id, context: 'watch' });
    assert.equal(v.body.result, '0');
    // the step goes on from there: over the store, to the next line
    await c.dc.nextRequest({ threadId: tid });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'step');
    assert.equal((await frames(c, tid))[0].line, L('after-store'));
  } finally {
    await c.stop();
  }
});
