// What executing an instruction reads and writes of its CPU (the core's fields the hot loop, the cold
// operations and the instruction families use), and the stops it reports. A leaf: the executors
// depend on this, not on core.ts, which runs them (no import cycle between the core and its loop).
import type { AddressSpace, Page } from './address-space';
import type { DataPort } from './data-port';

export type FaultSignal = 'SIGSEGV' | 'SIGILL' | 'SIGBUS' | 'SIGFPE';
export interface FaultStop {
  kind: 'fault';
  signal: FaultSignal;
  addr: bigint;
  message: string;
}

export type CoreStop =
  | { kind: 'dawr'; dar: bigint } // a DAWR matched the access of the instruction at t.pc; it has NOT executed
  | { kind: 'single-step' } // MSR_SE was set when the instruction began; it completed; t.pc = next
  | { kind: 'syscall'; vectored: boolean } // sc or scv executed; t.pc = address after it (scv: also in LR)
  | { kind: 'trap' } // trap condition true; t.pc = the trap instruction
  | FaultStop // t.pc = the faulting instruction
  | { kind: 'limit' }; // maxSteps instructions executed

// Access kinds as the hot loop passes them (numbers, no allocation).
export const K_LOAD = 0;
export const K_STORE = 1;
export const K_LARX = 2;
export const K_STCX = 3;
export const K_DCBZ = 4; // a cache op that writes: matched as a store
export const K_CACHE = 5; // other cache ops: never match a DAWR

/** The CPU as an executing instruction sees it (core.ts's Core is the one implementation). */
export interface ExecCore {
  /** instructions completed on this core, total */
  icount: number;
  /** the memory window of the hot loop (last-page caches) */
  readonly port: DataPort;
  /** true when some access must go through access() */
  checking: boolean;
  /** set by access() when a DAWR matched */
  dar: bigint;
  /** the stop a cold operation produced */
  pending: CoreStop | null;
  /** the code page the last run ended on */
  codePage: Page | null;
  codeBase: number;
  codeMem: AddressSpace | null;
  codeGen: number;
  /** [watchStart, watchEnd) as high word, low word and length, unless watchAll */
  watchHi: number;
  watchLo: number;
  watchLen: number;
  watchAll: boolean;
  /** the processor version register user programs read */
  pvr: number;
  /** darn's generator state */
  darnState: bigint;
  /** The DAWR check of an access (kind: K_LOAD, K_STORE...): false = a DAWR matched (dar set). */
  access(hi: number, lo: number, size: number, kind: number): boolean;
}
