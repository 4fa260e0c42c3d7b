// Execution of the quad-precision family (qp-defs.ts). Operands are VSRs 32-63 (VRT/VRA/VRB + 32),
// each one IEEE binary128 value (doubleword 0 its high half), read and written as BigInts.
//
// The FPSCR follows the ISA as the fp and vsx-fp families keep it: sticky exception bits, FX on a
// 0 -> 1 change, FR FI and FPRF (the class in the result's format) of an arithmetic result, nothing
// written (and FR FI cleared) when an invalid operation or a zero divide is enabled, an enabled
// overflow or underflow delivered with its exponent adjusted by 24576 (ISA 7.4.3, 7.4.4), SIGFPE
// only with MSR[FE0 FE1] set (fp-result.ts fpTrap). NaNs propagate on their bits: the first NaN
// operand, quieted; the default NaN for an invalid operation.
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import type { ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import { fpTrap, setCrField } from './fp-result';
import * as S from './fpscr';
import {
  addQ,
  cmpQ,
  divQ,
  dNaNToQ,
  dToQ,
  expQ,
  fmaQ,
  FRAC_Q,
  intToQ,
  isInfQ,
  isNaNQ,
  isSNaNQ,
  isZeroQ,
  mulQ,
  negQ,
  qNaNToD,
  qToD,
  qToInt,
  QUIET_Q,
  qx,
  roundIntegralQ,
  roundXpQ,
  RN_AWAY,
  RN_DOWN,
  RN_NEAREST,
  RN_ODD,
  RN_UP,
  RN_ZERO,
  SIGN_Q,
  sqrtQ,
} from './qp-arith';
import { Qp } from './qp-defs';

const ONES = (1n << 128n) - 1n;
const DSIGN = 1n << 63n;

function getQ(t: ThreadState, n: number): bigint {
  const V = t.vsr;
  const b = 4 * n;
  return (
    (BigInt(V[b + 3] >>> 0) << 96n) |
    (BigInt(V[b + 2] >>> 0) << 64n) |
    (BigInt(V[b + 1] >>> 0) << 32n) |
    BigInt(V[b] >>> 0)
  );
}
function setQ(t: ThreadState, n: number, v: bigint): void {
  const V = t.vsr;
  const b = 4 * n;
  V[b + 3] = Number((v >> 96n) & 0xffffffffn) | 0;
  V[b + 2] = Number((v >> 64n) & 0xffffffffn) | 0;
  V[b + 1] = Number((v >> 32n) & 0xffffffffn) | 0;
  V[b] = Number(v & 0xffffffffn) | 0;
}

/** FPRF of a quad result */
export function fprfQ(x: bigint): number {
  const neg = negQ(x);
  const e = expQ(x);
  const fz = (x & FRAC_Q) === 0n;
  if (e === 0x7fff) return fz ? (neg ? S.FPRF_NINF : S.FPRF_PINF) : S.FPRF_QNAN;
  if (e === 0) return fz ? (neg ? S.FPRF_NZERO : S.FPRF_PZERO) : neg ? S.FPRF_NDENORM : S.FPRF_PDENORM;
  return neg ? S.FPRF_NNORM : S.FPRF_PNORM;
}
/** FPRF of a double result (its 64 bits) */
function fprfD(d: bigint): number {
  const neg = d >> 63n === 1n;
  const e = Number((d >> 52n) & 0x7ffn);
  const fz = (d & ((1n << 52n) - 1n)) === 0n;
  if (e === 0x7ff) return fz ? (neg ? S.FPRF_NINF : S.FPRF_PINF) : S.FPRF_QNAN;
  if (e === 0) return fz ? (neg ? S.FPRF_NZERO : S.FPRF_PZERO) : neg ? S.FPRF_NDENORM : S.FPRF_PDENORM;
  return neg ? S.FPRF_NNORM : S.FPRF_PNORM;
}

/**
 * The end of an instruction with a floating-point result r (128 bits) and the exception bits ex
 * (XX FI FR OX UX ZX VX*): r and FPRF (fprf) written unless an enabled invalid operation or zero
 * divide suppresses them; FR FI from ex (cleared when suppressed).
 */
function commit(core: ExecCore, t: ThreadState, pc: number, vt: number, r: bigint, ex: number, fprf: number): number {
  const f = t.fpscr;
  const bad = ex & (S.VX_ALL | S.ZX);
  if (bad !== 0 && S.enabled(f, bad) !== 0) {
    t.fpscr = S.raise(f & ~(S.FR | S.FI), ex);
    return fpTrap(core, t, pc);
  }
  setQ(t, vt, r);
  t.fpscr = S.raise(f & ~(S.FR | S.FI | S.FPRF), ex) | (ex & (S.FR | S.FI)) | fprf;
  return (f & 0xf8) !== 0 && S.enabled(f, ex) !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}
/** A result that leaves FR FI FPRF alone (compares, max/min): written unless an enabled invalid operation suppresses
 * it. */
function commitPlain(core: ExecCore, t: ThreadState, pc: number, vt: number, r: bigint, ex: number): number {
  const f = t.fpscr;
  const en = ex !== 0 && (f & 0xf8) !== 0 ? S.enabled(f, ex) : 0;
  if ((en & S.VX_ALL) === 0) setQ(t, vt, r);
  if (ex !== 0) t.fpscr = S.raise(f, ex);
  return en !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}
/** A conversion to an integer: r written unless VXCVI/VXSNAN is enabled; FI from ex, FR 0, FPRF unchanged. */
function commitInt(core: ExecCore, t: ThreadState, pc: number, vt: number, r: bigint, ex: number): number {
  const f = t.fpscr;
  const bad = ex & S.VX_ALL;
  if (bad !== 0 && S.enabled(f, bad) !== 0) {
    t.fpscr = S.raise(f & ~(S.FR | S.FI), ex);
    return fpTrap(core, t, pc);
  }
  setQ(t, vt, r);
  t.fpscr = S.raise(f & ~(S.FR | S.FI), ex) | (ex & S.FI);
  return (f & 0xf8) !== 0 && S.enabled(f, ex) !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}

/** The first NaN of the operands, quieted, in qx.ex VXSNAN if any operand is a signaling NaN. */
function nanResult(a: bigint, b: bigint, c: bigint | undefined): bigint {
  qx.ex = isSNaNQ(a) || isSNaNQ(b) || (c !== undefined && isSNaNQ(c)) ? S.VXSNAN : 0;
  return (isNaNQ(a) ? a : isNaNQ(b) ? b : (c as bigint)) | QUIET_Q;
}

/**
 * The rounding mode of xsrqpi/xsrqpix/xsrqpxp from R and RMC: R=0: nearest away (RMC 0) or FPSCR[RN]
 * (RMC 3); R=1: nearest even, toward zero, +infinity, -infinity. R=0 with RMC 1 or 2 is reserved:
 * nearest even, as qemu.
 */
function rmcMode(w: number, fpscr: number): number {
  const rmc = (w >>> 9) & 3;
  if (((w >>> 16) & 1) === 1) return [RN_NEAREST, RN_ZERO, RN_UP, RN_DOWN][rmc];
  return rmc === 0 ? RN_AWAY : rmc === 3 ? fpscr & 3 : RN_NEAREST;
}

/** The data class test of xststdcqp: DCMX bits NaN +inf -inf +0 -0 +denormal -denormal. */
function dataClass(dcmx: number, x: bigint): boolean {
  const neg = negQ(x);
  const e = expQ(x);
  const fz = (x & FRAC_Q) === 0n;
  if (e === 0x7fff) return fz ? (dcmx & (neg ? 0x10 : 0x20)) !== 0 : (dcmx & 0x40) !== 0;
  if (e === 0) return fz ? (dcmx & (neg ? 0x04 : 0x08)) !== 0 : (dcmx & (neg ? 0x01 : 0x02)) !== 0;
  return false;
}

export function execQp(
  core: ExecCore,
  t: ThreadState,
  _port: DataPort,
  i: number,
  w: number,
  _w2: number,
  pc: number,
): number {
  const vt = 32 + ((w >>> 21) & 31);
  const va = 32 + ((w >>> 16) & 31);
  const vb = 32 + ((w >>> 11) & 31);
  switch (i as Qp) {
    // ---- arithmetic ----
    case Qp.XSADDQP:
    case Qp.XSADDQPO:
    case Qp.XSSUBQP:
    case Qp.XSSUBQPO:
    case Qp.XSMULQP:
    case Qp.XSMULQPO:
    case Qp.XSDIVQP:
    case Qp.XSDIVQPO: {
      const a = getQ(t, va);
      const b = getQ(t, vb);
      const mode = (w & 1) !== 0 ? RN_ODD : t.fpscr & 3;
      let r: bigint;
      if (isNaNQ(a) || isNaNQ(b)) r = nanResult(a, b, undefined);
      else if (i <= Qp.XSADDQPO) r = addQ(a, b, mode, t.fpscr);
      else if (i <= Qp.XSSUBQPO) r = addQ(a, b ^ SIGN_Q, mode, t.fpscr);
      else if (i <= Qp.XSMULQPO) r = mulQ(a, b, mode, t.fpscr);
      else r = divQ(a, b, mode, t.fpscr);
      return commit(core, t, pc, vt, r, qx.ex, fprfQ(r));
    }
    case Qp.XSSQRTQP:
    case Qp.XSSQRTQPO: {
      const b = getQ(t, vb);
      const r = isNaNQ(b) ? nanResult(b, b, undefined) : sqrtQ(b, (w & 1) !== 0 ? RN_ODD : t.fpscr & 3, t.fpscr);
      return commit(core, t, pc, vt, r, qx.ex, fprfQ(r));
    }
    case Qp.XSMADDQP:
    case Qp.XSMADDQPO:
    case Qp.XSMSUBQP:
    case Qp.XSMSUBQPO:
    case Qp.XSNMADDQP:
    case Qp.XSNMADDQPO:
    case Qp.XSNMSUBQP:
    case Qp.XSNMSUBQPO: {
      // VRT = +-(VRA * VRB +- VRT); NaN priority VRA, VRT, VRB
      const k = (i - Qp.XSMADDQP) >> 1; // 0 madd, 1 msub, 2 nmadd, 3 nmsub
      const a = getQ(t, va);
      const b = getQ(t, vb);
      const c = getQ(t, vt);
      const mode = (w & 1) !== 0 ? RN_ODD : t.fpscr & 3;
      let r: bigint;
      if (isNaNQ(a) || isNaNQ(b) || isNaNQ(c)) {
        r = nanResult(a, c, b);
        if ((isInfQ(a) && isZeroQ(b)) || (isZeroQ(a) && isInfQ(b))) qx.ex |= S.VXIMZ;
      } else {
        r = fmaQ(a, b, (k & 1) !== 0 ? c ^ SIGN_Q : c, mode, t.fpscr);
        // the negative forms negate the rounded result (not a NaN)
        if (k >= 2 && !isNaNQ(r)) r ^= SIGN_Q;
      }
      return commit(core, t, pc, vt, r, qx.ex, fprfQ(r));
    }

    // ---- compares, max/min ----
    case Qp.XSCMPUQP:
    case Qp.XSCMPOQP: {
      const a = getQ(t, va);
      const b = getQ(t, vb);
      let c: number;
      let ex = 0;
      if (isNaNQ(a) || isNaNQ(b)) {
        c = 1;
        const snan = isSNaNQ(a) || isSNaNQ(b);
        if (snan) ex = S.VXSNAN;
        if (i === Qp.XSCMPOQP && (!snan || (t.fpscr & S.VE) === 0)) ex |= S.VXVC;
      } else {
        const o = cmpQ(a, b);
        c = o < 0 ? 8 : o > 0 ? 4 : 2;
      }
      setCrField(t, (w >>> 23) & 7, c);
      const f = (t.fpscr & ~S.FPCC) | (c << 12);
      t.fpscr = ex ? S.raise(f, ex) : f;
      return ex && S.enabled(f, ex) ? fpTrap(core, t, pc) : COLD_NEXT;
    }
    case Qp.XSCMPEXPQP: {
      const a = getQ(t, va);
      const b = getQ(t, vb);
      let c: number;
      if (isNaNQ(a) || isNaNQ(b)) c = 1;
      else {
        const ea = expQ(a);
        const eb = expQ(b);
        c = ea < eb ? 8 : ea > eb ? 4 : 2;
      }
      setCrField(t, (w >>> 23) & 7, c);
      t.fpscr = (t.fpscr & ~S.FPCC) | (c << 12);
      return COLD_NEXT;
    }
    case Qp.XSCMPEQQP:
    case Qp.XSCMPGEQP:
    case Qp.XSCMPGTQP: {
      const a = getQ(t, va);
      const b = getQ(t, vb);
      let ex = 0;
      let r = false;
      if (isNaNQ(a) || isNaNQ(b)) {
        const snan = isSNaNQ(a) || isSNaNQ(b);
        if (snan) ex = S.VXSNAN;
        if (i !== Qp.XSCMPEQQP && (!snan || (t.fpscr & S.VE) === 0)) ex |= S.VXVC;
      } else {
        const o = cmpQ(a, b);
        r = i === Qp.XSCMPEQQP ? o === 0 : i === Qp.XSCMPGTQP ? o > 0 : o >= 0;
      }
      return commitPlain(core, t, pc, vt, r ? ONES : 0n, ex);
    }
    case Qp.XSMAXCQP:
    case Qp.XSMINCQP: {
      // C-style: max: a if b <= a, else b; min: a if a < b, else b (a NaN makes the compare false)
      const a = getQ(t, va);
      const b = getQ(t, vb);
      const ordered = !isNaNQ(a) && !isNaNQ(b);
      const first = ordered && (i === Qp.XSMAXCQP ? cmpQ(b, a) <= 0 : cmpQ(a, b) < 0);
      return commitPlain(core, t, pc, vt, first ? a : b, isSNaNQ(a) || isSNaNQ(b) ? S.VXSNAN : 0);
    }

    // ---- sign, exponent, significand, class ----
    case Qp.XSCPSGNQP: {
      setQ(t, vt, (getQ(t, va) & SIGN_Q) | (getQ(t, vb) & ~SIGN_Q));
      return COLD_NEXT;
    }
    case Qp.XSABSQP:
    case Qp.XSNABSQP:
    case Qp.XSNEGQP: {
      // the sign is bit 31 of the high word
      const V = t.vsr;
      const h = V[4 * vb + 3];
      V[4 * vt + 3] = i === Qp.XSABSQP ? h & 0x7fffffff : i === Qp.XSNABSQP ? h | 0x80000000 : h ^ 0x80000000;
      V[4 * vt + 2] = V[4 * vb + 2];
      V[4 * vt + 1] = V[4 * vb + 1];
      V[4 * vt] = V[4 * vb];
      return COLD_NEXT;
    }
    case Qp.XSXEXPQP: {
      setQ(t, vt, BigInt(expQ(getQ(t, vb))) << 64n);
      return COLD_NEXT;
    }
    case Qp.XSXSIGQP: {
      const b = getQ(t, vb);
      const e = expQ(b);
      setQ(t, vt, (b & FRAC_Q) | (e !== 0 && e !== 0x7fff ? 1n << 112n : 0n));
      return COLD_NEXT;
    }
    case Qp.XSIEXPQP: {
      // sign and fraction of VRA, the exponent from the low 15 bits of VRB's doubleword 0
      const a = getQ(t, va);
      const e = (getQ(t, vb) >> 64n) & 0x7fffn;
      setQ(t, vt, (a & ~(0x7fffn << 112n)) | (e << 112n));
      return COLD_NEXT;
    }
    case Qp.XSTSTDCQP: {
      const b = getQ(t, vb);
      const c = (negQ(b) ? 8 : 0) | (dataClass((w >>> 16) & 0x7f, b) ? 2 : 0);
      setCrField(t, (w >>> 23) & 7, c);
      t.fpscr = (t.fpscr & ~S.FPCC) | (c << 12);
      return COLD_NEXT;
    }

    // ---- conversions ----
    case Qp.XSCVQPDP:
    case Qp.XSCVQPDPO: {
      const b = getQ(t, vb);
      let d: bigint;
      if (isNaNQ(b)) {
        qx.ex = isSNaNQ(b) ? S.VXSNAN : 0;
        d = qNaNToD(b);
      } else d = qToD(b, (w & 1) !== 0 ? RN_ODD : t.fpscr & 3, t.fpscr);
      return commit(core, t, pc, vt, d << 64n, qx.ex, fprfD(d));
    }
    case Qp.XSCVDPQP: {
      const d = getQ(t, vb) >> 64n;
      const nan = (d & ~DSIGN) > 0x7ffn << 52n;
      const r = nan ? dNaNToQ(d) : dToQ(d);
      const ex = nan && (d & (1n << 51n)) === 0n ? S.VXSNAN : 0;
      return commit(core, t, pc, vt, r, ex, fprfQ(r));
    }
    case Qp.XSCVQPSDZ:
    case Qp.XSCVQPUDZ:
    case Qp.XSCVQPSWZ:
    case Qp.XSCVQPUWZ: {
      const signed = i === Qp.XSCVQPSDZ || i === Qp.XSCVQPSWZ;
      const word = i === Qp.XSCVQPSWZ || i === Qp.XSCVQPUWZ;
      let v = qToInt(getQ(t, vb), word ? 32 : 64, signed);
      // a word result is placed sign- (or zero-) extended in doubleword 0
      if (word && signed) v = BigInt.asUintN(64, BigInt.asIntN(32, v));
      return commitInt(core, t, pc, vt, v << 64n, qx.ex);
    }
    case Qp.XSCVQPSQZ:
    case Qp.XSCVQPUQZ: {
      const v = qToInt(getQ(t, vb), 128, i === Qp.XSCVQPSQZ);
      return commitInt(core, t, pc, vt, v, qx.ex);
    }
    case Qp.XSCVSDQP:
    case Qp.XSCVUDQP: {
      const d = getQ(t, vb) >> 64n;
      const r = intToQ(i === Qp.XSCVSDQP ? BigInt.asIntN(64, d) : d, RN_NEAREST, t.fpscr);
      return commit(core, t, pc, vt, r, qx.ex, fprfQ(r));
    }
    case Qp.XSCVSQQP:
    case Qp.XSCVUQQP: {
      const q = getQ(t, vb);
      const r = intToQ(i === Qp.XSCVSQQP ? BigInt.asIntN(128, q) : q, t.fpscr & 3, t.fpscr);
      return commit(core, t, pc, vt, r, qx.ex, fprfQ(r));
    }

    // ---- rounding ----
    case Qp.XSRQPI:
    case Qp.XSRQPIX: {
      const b = getQ(t, vb);
      let r: bigint;
      let ex: number;
      if (isNaNQ(b)) {
        r = b | QUIET_Q;
        ex = isSNaNQ(b) ? S.VXSNAN : 0;
      } else {
        r = roundIntegralQ(b, rmcMode(w, t.fpscr));
        // only xsrqpix reports inexactness (XX FI); FR stays 0
        ex = i === Qp.XSRQPIX ? qx.ex & ~S.FR : 0;
      }
      return commit(core, t, pc, vt, r, ex, fprfQ(r));
    }
    case Qp.XSRQPXP: {
      const b = getQ(t, vb);
      let r: bigint;
      if (isNaNQ(b)) {
        r = b | QUIET_Q;
        qx.ex = isSNaNQ(b) ? S.VXSNAN : 0;
      } else r = roundXpQ(b, rmcMode(w, t.fpscr), t.fpscr);
      return commit(core, t, pc, vt, r, qx.ex, fprfQ(r));
    }
  }
  core.pending = sigill(w, pc);
  return COLD_STOP;
}
