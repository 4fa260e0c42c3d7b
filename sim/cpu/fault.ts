// Faults the interpreter raises, as the signal Linux would deliver for them.
import { hex } from '../hex';
import { disassemble } from './disasm';
import type { FaultStop } from './exec-core';

export type { FaultSignal, FaultStop } from './exec-core';

export const SIGNAL_NUMBERS: Record<string, number> = {
  SIGILL: 4,
  SIGTRAP: 5,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGSEGV: 11,
};

export function addrOf(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

export function segv(addr: bigint, what: string, pc: number): FaultStop {
  return {
    kind: 'fault',
    signal: 'SIGSEGV',
    addr,
    message: `${what} at ${hex(addr)} (unmapped or protected) by the instruction at ${hex(pc)}`,
  };
}

export function sigill(word: number, pc: number, why = 'illegal instruction'): FaultStop {
  // name it when the disassembler knows it (an instruction this machine does not execute)
  const text = disassemble(word, BigInt(pc));
  const named = text.startsWith('.long') ? '' : ` (${text})`;
  return {
    kind: 'fault',
    signal: 'SIGILL',
    addr: BigInt(pc),
    message: `${why} 0x${(word >>> 0).toString(16).padStart(8, '0')}${named} at ${hex(pc)}`,
  };
}

export function sigbus(addr: bigint, why: string, pc: number): FaultStop {
  return { kind: 'fault', signal: 'SIGBUS', addr, message: `${why} at ${hex(addr)} by the instruction at ${hex(pc)}` };
}
