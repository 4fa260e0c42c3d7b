// Decisions for the extension's unit tests, shaped as the adapter sends them.
import type { PanelDecision } from '../../debug-adapter/panel-protocol';

export function decision(seq: number, over: Partial<PanelDecision> = {}): PanelDecision {
  return {
    seq,
    icount: seq * 10,
    cpu: seq % 2,
    task: seq % 2 ? 'worker' : 'child',
    pc: '0x10000010',
    mode: 'user',
    insn: 'ld r0,0(r3)',
    access: { kind: 'load', ea: '0x10100000', size: 8 },
    slots: [{ slot: 0, bp: 'ptrace:child:1', owner: 'ptrace', result: 'hit', reason: 'in range' }],
    branch: 'ptrace-report',
    effects: [{ kind: 'signal', signal: 'SIGTRAP', si_code: 'TRAP_HWBKPT', si_addr: '0x10100000' }],
    source: { path: '/w/prog.S', line: 12 },
    ...over,
  };
}

export const perfHit = (seq: number, line: number): PanelDecision =>
  decision(seq, {
    slots: [{ slot: 1, bp: 'perf:p', owner: 'perf', result: 'hit', reason: 'in range' }],
    branch: 'perf-single-step',
    effects: [{ kind: 'arm-step', bp: 'perf:p' }],
    source: { path: '/w/prog.S', line },
  });
