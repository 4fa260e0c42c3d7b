import * as assert from 'node:assert/strict';
import type { PanelDecision } from '../../debug-adapter/panel-protocol';
import { api, openScratch, PROGRAM } from './helpers';

function d(seq: number, path: string, line: number, owner: 'ptrace' | 'perf'): PanelDecision {
  return {
    seq,
    icount: seq,
    cpu: 0,
    task: 'child',
    pc: '0x10000008',
    mode: 'user',
    insn: 'ld r4,0(r3)',
    access: { kind: 'load', ea: '0x10100000', size: 8 },
    slots: [
      { slot: 0, bp: owner === 'ptrace' ? 'ptrace:child:1' : 'perf:p', owner, result: 'hit', reason: 'in range' },
    ],
    branch: owner === 'ptrace' ? 'ptrace-report' : 'perf-single-step',
    effects:
      owner === 'ptrace'
        ? [{ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: '0x10100000' }]
        : [{ kind: 'arm-step', bp: 'perf:p' }],
    source: { path, line },
  };
}

suite('gutter markers', () => {
  test('decisions become ptrace and perf markers with the decision in the hover', async () => {
    const a = await api();
    const ed = await openScratch('gutter.S', PROGRAM);
    const path = ed.document.uri.fsPath;
    a.gutter.clear();
    a.gutter.add({ decisions: [d(0, path, 6, 'ptrace'), d(1, path, 6, 'perf'), d(2, path, 5, 'perf')] });
    a.gutter.flush();
    const decos = a.gutter.decorationsFor(path);
    assert.deepEqual(
      decos.ptrace.map((x) => x.range.start.line),
      [5],
    );
    assert.deepEqual(
      decos.perf.map((x) => x.range.start.line),
      [4],
    );
    const hover = decos.ptrace[0].hoverMessage as { value: string };
    assert.match(hover.value, /#0 cpu0 child 0x10000008 ld r4,0\(r3\)/);
    assert.match(hover.value, /Latest perf decision/);
    a.gutter.clear();
    assert.equal(a.gutter.decorationsFor(path).ptrace.length, 0);
  });
});
