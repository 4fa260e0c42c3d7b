// The end of a scalar floating-point instruction, shared by the fp and vsx-fp families: the result
// into doubleword 0 of the target VSR (doubleword 1 zeroed), NaNs on their bits, the FPSCR update
// the ISA describes (sticky exception bits, FX on a 0 -> 1 change, FR FI FPRF, nothing written for
// an enabled invalid operation or zero divide), CR1 of a record form, and the SIGFPE of an enabled
// exception when the process asked for floating-point interrupts (MSR FE0/FE1).
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import type { ExecCore } from '../exec-core';
import { hex } from '../../hex';
import type { ThreadState } from '../thread-state';
import { DEFAULT_NAN_HI, isNaNWords, QUIET_BIT_HI } from './fp-convert';
import * as S from './fpscr';

/** the exception enables of the FPSCR: VE OE UE ZE XE */
export const ENABLES = S.VE | S.OE | S.UE | S.ZE | S.XE;
/** MSR FE0 | FE1: floating-point enabled exceptions interrupt (precise or imprecise modes) */
const MSR_FE = 0x900n;

/** the NaN result of an operation whose result value is NaN (the default NaN unless set) */
let nanHi = DEFAULT_NAN_HI;
let nanLo = 0;

/** An enabled exception: a SIGFPE when the process asked for floating-point interrupts. */
export function fpTrap(core: ExecCore, t: ThreadState, pc: number): number {
  if ((t.msr & MSR_FE) === 0n) return COLD_NEXT;
  core.pending = {
    kind: 'fault',
    signal: 'SIGFPE',
    addr: BigInt(pc),
    message: `floating-point enabled exception (FPSCR 0x${(t.fpscr >>> 0).toString(16)}) at ${hex(pc)}`,
  };
  return COLD_STOP;
}

export function setCr1(t: ThreadState): void {
  t.crNum = (t.crNum & ~0x0f000000) | (((t.fpscr >>> 28) & 15) << 24);
}
export function setCrField(t: ThreadState, bf: number, v: number): void {
  const sh = 28 - 4 * bf;
  t.crNum = (t.crNum & ~(15 << sh)) | ((v & 15) << sh);
}

/**
 * Writes FPR n as hi:lo. Doubleword 1 of the VSR becomes 0, as qemu 7.2 does for every instruction
 * that writes an FPR (the ISA leaves it undefined).
 */
export function setFpr(V: Int32Array, n: number, hi: number, lo: number): void {
  V[4 * n + 3] = hi;
  V[4 * n + 2] = lo;
  V[4 * n + 1] = 0;
  V[4 * n] = 0;
}

/** Writes FPR n: the value r, or for a NaN r the pending NaN bits. */
export function writeResult(t: ThreadState, n: number, r: number): void {
  t.vsr[4 * n + 1] = 0;
  t.vsr[4 * n] = 0;
  if (r !== r) {
    t.vsr[4 * n + 3] = nanHi;
    t.vsr[4 * n + 2] = nanLo;
    nanHi = DEFAULT_NAN_HI;
    nanLo = 0;
  } else t.vsrF64[2 * n + 1] = r;
}

/**
 * The end of an arithmetic instruction: result r (NaN: the pending NaN bits) into VSR frt's
 * doubleword 0 with the exception bits ex (XX FI FR OX UX ZX VX*), FPRF of the result's format,
 * CR1 for a record form (rec).
 */
export function arith(
  core: ExecCore,
  t: ThreadState,
  rec: boolean,
  pc: number,
  frt: number,
  r: number,
  ex: number,
  single: boolean,
): number {
  const f = t.fpscr;
  if ((ex & ~(S.XX | S.FI | S.FR)) === 0 && (f & ENABLES) === 0 && r === r) {
    // the common case: a number, at most inexact, no exception enabled (VX and FEX cannot change)
    const V = t.vsr;
    t.vsrF64[2 * frt + 1] = r;
    V[4 * frt + 1] = 0;
    V[4 * frt] = 0;
    let nf = (f & ~(S.FR | S.FI | S.FPRF)) | ex | (single ? S.fprfS(r) : S.fprfD(r));
    if ((ex & ~f & S.XX) !== 0) nf |= S.FX;
    t.fpscr = nf;
    if (rec) setCr1(t);
    return COLD_NEXT;
  }
  const bad = ex & (S.VX_ALL | S.ZX);
  let trap = false;
  if (bad !== 0 && S.enabled(f, bad) !== 0) {
    // suppressed: FRT and FPRF unchanged, FR FI cleared
    t.fpscr = S.raise(f & ~(S.FR | S.FI), ex);
    nanHi = DEFAULT_NAN_HI;
    nanLo = 0;
    trap = true;
  } else {
    writeResult(t, frt, r);
    const fprf = r !== r ? S.FPRF_QNAN : single ? S.fprfS(r) : S.fprfD(r);
    t.fpscr = S.raise(f & ~(S.FR | S.FI | S.FPRF), ex) | (ex & (S.FR | S.FI)) | fprf;
    trap = (f & 0xf8) !== 0 && S.enabled(f, ex) !== 0;
  }
  if (rec) setCr1(t);
  return trap ? fpTrap(core, t, pc) : COLD_NEXT;
}

/**
 * NaN operands (registers in priority order, -1 for none): the first NaN, quieted (a single-precision
 * result keeps the single fraction bits only), becomes the pending result; VXSNAN if any is an SNaN.
 */
export function nanOperands(t: ThreadState, r1: number, r2: number, r3: number, single: boolean): number {
  const v = t.vsr;
  let ex = 0;
  let chosen = -1;
  for (let i = 0; i < 3; i++) {
    const r = i === 0 ? r1 : i === 1 ? r2 : r3;
    if (r < 0) continue;
    const hi = v[4 * r + 3];
    if (!isNaNWords(hi, v[4 * r + 2])) continue;
    if ((hi & QUIET_BIT_HI) === 0) ex = S.VXSNAN;
    if (chosen < 0) chosen = r;
  }
  nanHi = v[4 * chosen + 3] | QUIET_BIT_HI;
  nanLo = single ? v[4 * chosen + 2] & 0xe0000000 : v[4 * chosen + 2];
  return ex;
}
