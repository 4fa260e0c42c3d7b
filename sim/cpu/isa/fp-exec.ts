// Execution of the fp family (fp-defs.ts).
import { COLD_STOP } from '../cold-result';
import type { Core } from '../core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';

export function execFp(core: Core, _t: ThreadState, _port: DataPort, _i: number, w: number, _w2: number, pc: number): number {
  core.pending = sigill(w, pc);
  return COLD_STOP;
}
