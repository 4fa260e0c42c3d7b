// The adapter's pure parts, in process: launch settings, expressions, hit conditions, call
// detection, data breakpoint ids.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { assemble } from '../../sim/asm/assembler';
import { Machine } from '../../sim/machine/machine';
import { makeDataId, parseDataId } from '../../debug-adapter/data-breakpoints';
import { evaluateExpression } from '../../debug-adapter/expressions';
import { checkLaunch } from '../../debug-adapter/launch-config';
import { hitConditionMet, isCall } from '../../debug-adapter/runtime';
import { addressName, dataSymbols } from '../../debug-adapter/symbols';

const SRC = `
	.abiversion 2
	.text
	.globl _start
_start:
	bl f
	li 0,1
	sc
f:	blr
	.data
	.balign 8
a:	.quad 0x1122334455667788
	.size a,8
b:	.long 7
c:	.byte 1,2,3
`;

function task() {
  const r = assemble(SRC, 'u.S');
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  const m = new Machine();
  return m.addTask({ name: 'u', program: r.value, traced: true });
}

describe('launch settings', () => {
  it('fills defaults and names the setting of each problem', () => {
    const ok = checkLaunch({ program: 'x.S' });
    assert.ok(ok.ok);
    if (ok.ok) {
      assert.equal(ok.value.ptraceRearm, 'gdb');
      assert.equal(ok.value.stopOnEntry, true);
      assert.equal(ok.value.maxSteps, 100_000_000);
    }
    const perCpu = checkLaunch({ program: 'x.S', perf: [{ name: 'p', addr: '0x10', len: 8, type: 'w', cpu: 1 }] });
    assert.ok(perCpu.ok && perCpu.value.perf[0].task === undefined && perCpu.value.perf[0].addr === 0x10n);
    const perTask = checkLaunch({ program: 'x.S', perf: [{ name: 'p', symbol: 's', len: 8, type: 'w' }] });
    assert.ok(perTask.ok && perTask.value.perf[0].task === '');
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ program: 'x.S', perf: [{ name: 'p', symbol: 's', addr: 1, len: 8, type: 'w' }] }, /exactly one of "addr"/],
      [{ program: 'x.S', perf: [{ name: 'p', symbol: 's', len: 0, type: 'w' }] }, /"perf\[0\]\.len"/],
      [
        { program: 'x.S', perf: [{ name: 'p', symbol: 's', len: 8, type: 'w', colour: 1 }] },
        /"perf\[0\]\.colour" is not a counter setting/,
      ],
      [
        {
          program: 'x.S',
          perf: [
            { name: 'p', symbol: 's', len: 8, type: 'w' },
            { name: 'p', symbol: 't', len: 8, type: 'r' },
          ],
        },
        /"perf\[1\]\.name": "p" is used/,
      ],
      [{ program: 'x.S', perf: 'all' }, /"perf" must be a list/],
      [{ program: 7 }, /"program" must be a file path/],
    ];
    for (const [args, re] of cases) {
      const r = checkLaunch(args);
      assert.equal(r.ok, false);
      if (!r.ok) assert.match(r.message, re);
    }
  });
});

describe('expressions', () => {
  it('registers, symbols as contents, &symbols, memory by width, operators', () => {
    const t = task();
    const ev = (e: string, addrs = false) =>
      evaluateExpression(e, { task: t, read: (a, n) => t.mem.read(a, n), symbolsAreAddresses: addrs });
    const v = (e: string, addrs = false) => {
      const r = ev(e, addrs);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    assert.equal(v('a'), 0x1122334455667788n);
    assert.equal(v('a', true), 0x10100000n);
    assert.equal(v('&a + 8'), 0x10100008n);
    assert.equal(v('b'), 7n);
    assert.equal(v('u8[&c+2]'), 3n);
    assert.equal(v('u16[&a]'), 0x7788n);
    assert.equal(v('pc'), 0x10000000n);
    assert.equal(v('$pc == 0x10000000 && b > 6'), 1n);
    assert.equal(v('(b << 4) | 1'), 0x71n);
    assert.equal(v('-1'), 0xffffffffffffffffn);
    assert.equal(v('sp'), v('r1'));
    const r = ev('a');
    assert.ok(r.ok && r.addr === 0x10100000n && r.size === 8);
    for (const bad of ['', 'nosuch', 'u64[0]', '1 +', '(1', 'b / 0', '&7']) assert.equal(ev(bad).ok, false, bad);
  });

  it('data symbols have sizes from .size or up to the next symbol; addresses get names', () => {
    const t = task();
    const ds = dataSymbols(t.program);
    assert.deepEqual(
      ds.map((d) => [d.name, d.size]),
      [
        ['a', 8],
        ['b', 4],
        ['c', 3],
      ],
    );
    assert.equal(addressName(t.program, 0x10100004n), 'a+4');
    assert.equal(addressName(t.program, 0x10000000n), '_start');
  });
});

describe('breakpoint helpers', () => {
  it('hit conditions', () => {
    assert.equal(hitConditionMet(undefined, 1), true);
    assert.equal(hitConditionMet('3', 2), false);
    assert.equal(hitConditionMet('3', 3), true);
    assert.equal(hitConditionMet('>= 3', 4), true);
    assert.equal(hitConditionMet('== 3', 4), false);
    assert.equal(hitConditionMet('% 2', 4), true);
    assert.equal(hitConditionMet('% 2', 3), false);
    assert.equal(hitConditionMet('< 2', 1), true);
  });

  it('calls are branches that set LR', () => {
    assert.equal(isCall(0x48000011), true); // bl
    assert.equal(isCall(0x48000010), false); // b
    assert.equal(isCall(0x4e800021), true); // blrl
    assert.equal(isCall(0x4e800020), false); // blr
    assert.equal(isCall(0x4e800421), true); // bctrl
  });

  it('data breakpoint ids name memory', () => {
    assert.equal(makeDataId(0x10100000n, 8), '0x10100000/8');
    assert.deepEqual(parseDataId('0x10100000/8'), { addr: 0x10100000n, len: 8 });
    for (const bad of ['', 'x', '0x10/0', '16/8', 7]) assert.equal(parseDataId(bad), undefined);
  });
});

describe('inline mode (as the extension runs it)', () => {
  it('the session works through handleMessage/onDidSendMessage without a process of its own', async () => {
    const { WatchpointDebugSession } = await import('../../debug-adapter/session');
    const s = new WatchpointDebugSession();
    const out: Array<{
      type: string;
      event?: string;
      command?: string;
      success?: boolean;
      body?: Record<string, unknown>;
    }> = [];
    let wake: (() => void) | undefined;
    s.onDidSendMessage((m) => {
      out.push(m as (typeof out)[number]);
      wake?.();
    });
    const until = async (f: () => boolean): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!f()) {
        if (Date.now() > deadline)
          throw new Error(`timed out; messages: ${out.map((m) => m.event ?? m.command).join(', ')}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
      }
    };
    const send = (seq: number, command: string, args: unknown) =>
      s.handleMessage({ seq, type: 'request', command, arguments: args } as never);
    send(1, 'initialize', { adapterID: 'ppc-watchpoint', pathFormat: 'path' });
    send(2, 'launch', { program: join(__dirname, 'fixtures', 'watch.S') });
    await until(() => out.some((m) => m.event === 'initialized'));
    send(3, 'configurationDone', {});
    await until(() => out.some((m) => m.event === 'stopped'));
    assert.equal(out.find((m) => m.event === 'stopped')?.body?.reason, 'entry');
    send(4, 'evaluate', { expression: 'gethwdbginfo', context: 'repl' });
    await until(() => out.some((m) => m.command === 'evaluate'));
    assert.match(String(out.find((m) => m.command === 'evaluate')?.body?.result), /num_data_bps=2/);
    send(5, 'disconnect', {});
    await until(() => out.some((m) => m.command === 'disconnect'));
    s.dispose();
  });
});
