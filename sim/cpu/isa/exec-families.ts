// Dispatch from an operation id of a family (families.ts) to its executor. Each executor gets the
// row index within its family (its own enum), the instruction word and, for a prefixed
// instruction, the suffix word, and returns a cold-result.ts code.
import { COLD_STOP } from '../cold-result';
import type { ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import type { FamilyDefs } from './insn-def';
import { FIXED_DEFS } from './fixed-defs';
import { execFixed } from './fixed-exec';
import { FP_DEFS } from './fp-defs';
import { execFp } from './fp-exec';
import { PREFIXED_DEFS } from './prefixed-defs';
import { execPrefixed } from './prefixed-exec';
import { QP_DEFS } from './qp-defs';
import { execQp } from './qp-exec';
import { VMX_DEFS } from './vmx-defs';
import { execVmx } from './vmx-exec';
import { VSX_DEFS } from './vsx-defs';
import { execVsx } from './vsx-exec';
import { VSX_FP_DEFS } from './vsx-fp-defs';
import { execVsxFp } from './vsx-fp-exec';

export type FamilyExec = (
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  index: number,
  w: number,
  w2: number,
  pc: number,
) => number;

const EXECUTORS: [FamilyDefs, FamilyExec][] = [
  [FIXED_DEFS, execFixed],
  [FP_DEFS, execFp],
  [VSX_FP_DEFS, execVsxFp],
  [VMX_DEFS, execVmx],
  [VSX_DEFS, execVsx],
  [PREFIXED_DEFS, execPrefixed],
  [QP_DEFS, execQp],
];

const lo: number[] = EXECUTORS.map(([f]) => f.base);
const hi: number[] = EXECUTORS.map(([f]) => f.base + f.defs.length);
const fns: FamilyExec[] = EXECUTORS.map(([, e]) => e);

export function execFamily(
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  op: number,
  w: number,
  w2: number,
  pc: number,
): number {
  for (let k = 0; k < fns.length; k++) {
    if (op >= lo[k] && op < hi[k]) return fns[k](core, t, port, op - lo[k], w, w2, pc);
  }
  core.pending = sigill(w, pc, 'no executor for the instruction');
  return COLD_STOP;
}
