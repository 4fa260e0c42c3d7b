// Set Value (setVariable, setExpression) on C objects, through the adapter, on a C program built
// during the run: at -O0 a double, a float and bit-fields in memory (the neighbours of a bit-field
// kept); at -O2 a long held in a GPR and a double held in an FPR, set just before the program stores
// them (a data breakpoint's stop), and in calling frames a long live in a register and one whose
// register the callee saved on its stack; the program goes on with the values set.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { buildC } from './c-programs';
import { Client, ensureAdapterBuilt } from './helpers';

before(() => ensureAdapterBuilt());

async function top(c: Client, threadId: number): Promise<DebugProtocol.StackFrame> {
  return (await c.dc.stackTraceRequest({ threadId })).body.stackFrames[0];
}

async function scope(
  c: Client,
  frameId: number,
  name: string,
): Promise<{ ref: number; vars: DebugProtocol.Variable[] }> {
  const s = (await c.dc.scopesRequest({ frameId })).body.scopes.find((x) => x.name === name);
  assert.ok(s, `scope ${name}`);
  const vars = (await c.dc.variablesRequest({ variablesReference: s.variablesReference })).body.variables;
  return { ref: s.variablesReference, vars };
}

async function set(c: Client, ref: number, name: string, value: string): Promise<string> {
  return (await c.dc.setVariableRequest({ variablesReference: ref, name, value })).body.value;
}

function output(c: Client): string {
  return c.all
    .filter((e) => e.event === 'output' && (e as DebugProtocol.OutputEvent).body.category === 'stdout')
    .map((e) => (e as DebugProtocol.OutputEvent).body.output)
    .join('');
}

async function watchWrite(c: Client, name: string, frameId: number): Promise<void> {
  const info = await c.dc.dataBreakpointInfoRequest({ name, frameId });
  const r = await c.dc.setDataBreakpointsRequest({
    breakpoints: [{ dataId: info.body.dataId as string, accessType: 'write' }],
  });
  assert.equal(r.body.breakpoints[0].verified, true, r.body.breakpoints[0].message);
}

it('-O0: Set Value on a double, a float and bit-fields in memory; setExpression on a Watch', async (t) => {
  const exe = buildC(t, 'setvalue.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    const entry = await c.launch({ program: exe });
    const tid = entry.body.threadId as number;
    const frame = await top(c, tid);
    const g = await scope(c, frame.id, 'Globals');
    assert.equal(await set(c, g.ref, 'ratio', '0.25'), '0.25');
    assert.equal(await set(c, g.ref, 'scale', 'ratio * 3'), '0.75');
    const fl = g.vars.find((v) => v.name === 'fl');
    assert.ok(fl && fl.variablesReference > 0);
    assert.equal(await set(c, fl.variablesReference, 'b', '-5'), '-5');
    assert.equal(await set(c, fl.variablesReference, 'c', '255'), '255');
    const members = (await c.dc.variablesRequest({ variablesReference: fl.variablesReference })).body.variables;
    assert.deepEqual(
      members.map((m) => [m.name, m.value]),
      [
        ['a', '1'],
        ['b', '-5'],
        ['c', '255'],
      ],
      'the neighbours of a bit-field kept',
    );
    // a Watch expression's Set Value
    const e = await c.dc.customRequest('setExpression', { expression: 'fl.a', value: '6', frameId: frame.id });
    assert.equal(e.body.value, '6');
    assert.match(await c.evaluate('fl', 'watch'), /a = 6, b = -5, c = 255/);
    // a value that is no number is refused with the reason
    const msg = await c.fails(c.dc.setVariableRequest({ variablesReference: g.ref, name: 'ratio', value: 'fl' }));
    assert.match(msg, /fl/);
    await c.dc.continueRequest({ threadId: tid });
    await c.next('terminated', 60_000);
    // half(0.25 * 0.75) = 0.09375 + 1
    assert.match(output(c), /^16 1\.09375 6 -5 255 26$/m);
  } finally {
    await c.stop();
  }
});

it('-O2: Set Value on a long in a GPR and a double in an FPR; the program uses them', async (t) => {
  const exe = buildC(t, 'setvalue.c', ['-g', '-O2', '-static']);
  if (!exe) return;
  const c = new Client();
  await c.start();
  try {
    const entry = await c.launch({ program: exe });
    const tid = entry.body.threadId as number;
    await watchWrite(c, 'sink', (await top(c, tid)).id);
    await c.dc.continueRequest({ threadId: tid });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'data breakpoint');
    let f = await top(c, tid);
    assert.equal(f.name, 'triple');
    let locals = await scope(c, f.id, 'Locals');
    const k = locals.vars.find((v) => v.name === 'k');
    assert.ok(k, JSON.stringify(locals.vars));
    assert.equal(k.value, '15');
    assert.equal(k.memoryReference, undefined, 'k is held in a register');
    assert.equal(await set(c, locals.ref, 'k', '10'), '10');
    assert.equal(await c.evaluate('k', 'watch'), '10');
    await c.dc.nextRequest({ threadId: tid, granularity: 'instruction' });
    await c.next('stopped');
    assert.equal(await c.evaluate('sink', 'watch'), '10', 'the store wrote the register as set');

    await watchWrite(c, 'dsink', (await top(c, tid)).id);
    await c.dc.continueRequest({ threadId: tid });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'data breakpoint');
    f = await top(c, tid);
    assert.equal(f.name, 'half');
    locals = await scope(c, f.id, 'Locals');
    const y = locals.vars.find((v) => v.name === 'y');
    assert.ok(y, JSON.stringify(locals.vars));
    assert.equal(y.memoryReference, undefined, 'y is held in a register');
    assert.equal(await set(c, locals.ref, 'y', '8'), '8');

    // calling frames: inner's y is live in r31 (touch leaves it), outer's m in r31 saved by inner
    await watchWrite(c, 'tick', (await top(c, tid)).id);
    await c.dc.continueRequest({ threadId: tid });
    assert.equal((await c.next<DebugProtocol.StoppedEvent>('stopped')).body.reason, 'data breakpoint');
    const st = (await c.dc.stackTraceRequest({ threadId: tid })).body.stackFrames;
    assert.deepEqual(
      st.slice(0, 3).map((x) => x.name),
      ['touch', 'inner', 'outer'],
    );
    const innerLocals = await scope(c, st[1].id, 'Locals');
    assert.equal(innerLocals.vars.find((v) => v.name === 'y')?.value, '10');
    assert.equal(await set(c, innerLocals.ref, 'y', '20'), '20');
    const outerLocals = await scope(c, st[2].id, 'Locals');
    const m = outerLocals.vars.find((v) => v.name === 'm');
    assert.equal(m?.value, '14', JSON.stringify(outerLocals.vars));
    assert.equal(m?.memoryReference, undefined, 'm is held in a register');
    assert.equal(await set(c, outerLocals.ref, 'm', '100'), '100');
    const again = await c.dc.evaluateRequest({ expression: 'm', frameId: st[2].id, context: 'watch' });
    assert.equal(again.body.result, '100');
    // (inner's own r31 is still its y: the save slot is not its register)
    const yNow = await c.dc.evaluateRequest({ expression: 'y', frameId: st[1].id, context: 'watch' });
    assert.equal(yNow.body.result, '20');

    await c.dc.setDataBreakpointsRequest({ breakpoints: [] });
    await c.dc.continueRequest({ threadId: tid });
    await c.next('terminated', 60_000);
    // triple's result was computed before k was set; half's after y was: 8 + 1; outer: m + inner's
    // y + 2 = 100 + 22
    assert.match(output(c), /^16 9 1 -2 200 122$/m);
  } finally {
    await c.stop();
  }
});
