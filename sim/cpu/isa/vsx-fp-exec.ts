// Execution of the vsx-fp family (vsx-fp-defs.ts). VSR n: doubleword 0 is t.vsrF64[2n + 1] (words
// t.vsr[4n + 3] high, [4n + 2] low), doubleword 1 is t.vsrF64[2n]; ISA word k is t.vsr[4n + 3 - k]
// (t.vsrF32[4n + 3 - k] as a single).
//
// Scalar instructions (xs*) write doubleword 0 and zero doubleword 1 (ISA 3.0), set FPRF/FR/FI like
// the FPR instructions (fp-result.ts). Vector instructions (xv*) compute every lane with the same
// arithmetic (fp-arith.ts; round to nearest lanes on the fast primitives of fp-fast.ts), OR the
// lanes' exception bits into the FPSCR and leave FR, FI and FPRF alone; when an invalid operation or
// zero divide is enabled, the target is not written. Where the ISA leaves a result undefined, it
// is qemu's.
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import type { ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import {
  fpAdd,
  fpDiv,
  fpFma,
  fpFromInt64,
  fpMul,
  fpRoundIntegral,
  fpSqrt,
  fpToInt,
  INT32,
  INT64,
  intOut,
  UINT32,
  UINT64,
} from './fp-arith';
import {
  dbl,
  doubleToSingle,
  halfValue,
  isNaN32,
  isNaNWords,
  isSNaN32,
  QUIET_BIT_HI,
  singleToDouble,
  toHalf,
} from './fp-convert';
import { testDiv, testSqrt } from './fp-exec';
import { commitScalar, NOT_FAST, RES, rnAdd, rnDiv, rnFma, rnMul, rnSqrt } from './fp-fast';
import { arith, fpTrap, nanOperands, setCrField } from './fp-result';
import { FMT_H, FMT_S, fpx, RN_AWAY, RN_DOWN, RN_UP, RN_ZERO, roundValue } from './fp-round';
import * as S from './fpscr';
import { VsxFp as X } from './vsx-fp-defs';

const xtOf = (w: number) => ((w >>> 21) & 31) | ((w & 1) << 5);
const xaOf = (w: number) => ((w >>> 16) & 31) | (((w >>> 2) & 1) << 5);
const xbOf = (w: number) => ((w >>> 11) & 31) | (((w >>> 1) & 1) << 5);

/** A vector result being built, in the layout of one VSR of t.vsr (OUT[3] is doubleword 0's high word) */
const OUT = new Int32Array(4);
const OUT_F64 = new Float64Array(OUT.buffer);
const OUT_F32 = new Float32Array(OUT.buffer);
/** lane operands of single-precision lanes, as doubles for the fast primitives */
const LANE = new Float64Array(3);
const F64 = new Float64Array(1);
const F64_W = new Int32Array(F64.buffer);

const QUIET32 = 0x00400000;
const DEFAULT_NAN32 = 0x7fc00000;

function ill(core: ExecCore, w: number, pc: number): number {
  core.pending = sigill(w, pc);
  return COLD_STOP;
}

/** Writes doubleword 0 of VSR n and zeroes doubleword 1. */
function setDw0(t: ThreadState, n: number, hi: number, lo: number): void {
  const V = t.vsr;
  V[4 * n + 3] = hi;
  V[4 * n + 2] = lo;
  V[4 * n + 1] = 0;
  V[4 * n] = 0;
}

/**
 * The end of a vector instruction (or a scalar one that leaves FR FI FPRF alone): OUT into VSR xt
 * unless an enabled invalid operation or zero divide suppresses it; the exception bits ex raised.
 */
function commitVector(core: ExecCore, t: ThreadState, pc: number, xt: number, ex: number): number {
  const f = t.fpscr;
  const en = (f & 0xf8) !== 0 ? S.enabled(f, ex) : 0;
  if ((en & (S.VX_ALL | S.ZX)) === 0) {
    const V = t.vsr;
    V[4 * xt] = OUT[0];
    V[4 * xt + 1] = OUT[1];
    V[4 * xt + 2] = OUT[2];
    V[4 * xt + 3] = OUT[3];
  }
  if (ex !== 0) t.fpscr = S.raise(f, ex);
  return en !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}

// ---- NaN lanes ----------------------------------------------------------------------------------

/** Double lane: the first NaN of the word pairs (h, l) given, quieted, into OUT's doubleword k; returns VXSNAN or 0. */
function nanLaneD(k: number, h1: number, l1: number, h2: number, l2: number, h3: number, l3: number): number {
  const n1 = isNaNWords(h1, l1);
  const n2 = isNaNWords(h2, l2);
  const n3 = isNaNWords(h3, l3);
  const snan =
    (n1 && (h1 & QUIET_BIT_HI) === 0) || (n2 && (h2 & QUIET_BIT_HI) === 0) || (n3 && (h3 & QUIET_BIT_HI) === 0);
  OUT[3 - 2 * k] = (n1 ? h1 : n2 ? h2 : h3) | QUIET_BIT_HI;
  OUT[2 - 2 * k] = n1 ? l1 : n2 ? l2 : l3;
  return snan ? S.VXSNAN : 0;
}
/** Single lane: the first NaN of the words, quieted, into OUT's word k; returns VXSNAN or 0. */
function nanLaneS(k: number, w1: number, w2: number, w3: number): number {
  const n1 = isNaN32(w1);
  const n2 = isNaN32(w2);
  const n3 = isNaN32(w3);
  OUT[3 - k] = (n1 ? w1 : n2 ? w2 : w3) | QUIET32;
  return (n1 && (w1 & QUIET32) === 0) || (n2 && (w2 & QUIET32) === 0) || (n3 && (w3 & QUIET32) === 0) ? S.VXSNAN : 0;
}

/** Writes a double lane result r (NaN: the default NaN) into OUT's doubleword k. */
function putD(k: number, r: number): void {
  if (r !== r) {
    OUT[3 - 2 * k] = 0x7ff80000;
    OUT[2 - 2 * k] = 0;
  } else OUT_F64[1 - k] = r;
}
/** Writes a single lane result r (a single value; NaN: the default NaN) into OUT's word k. */
function putS(k: number, r: number): void {
  if (r !== r) OUT[3 - k] = DEFAULT_NAN32;
  else OUT_F32[3 - k] = r;
}

const isInf = (x: number) => x === Infinity || x === -Infinity;

// ---- vector arithmetic ----------------------------------------------------------------------------

const OP_ADD = 0;
const OP_SUB = 1;
const OP_MUL = 2;
const OP_DIV = 3;
const OP_SQRT = 4;
const OP_FMA = 5; // + k: 0 madd, 1 msub, 2 nmadd, 3 nmsub
const OP_RE = 9;
const OP_RSQRTE = 10;

/** One lane of an arithmetic operation on doubles (not NaN): a op b, or a*c + b for the FMAs. */
function laneOp(op: number, a: number, b: number, c: number, ctl: number, single: boolean): number {
  switch (op) {
    case OP_ADD:
      return fpAdd(a, b, ctl, single, false);
    case OP_SUB:
      return fpAdd(a, -b, ctl, single, false);
    case OP_MUL:
      return fpMul(a, b, ctl, single, false);
    case OP_DIV:
      return fpDiv(a, b, ctl, single, false);
    case OP_SQRT:
      return fpSqrt(b, ctl, single, false);
    case OP_RE:
      return fpDiv(1, b, ctl, single, false);
    case OP_RSQRTE: {
      // qemu: sqrt, then the division, both rounded
      const s = fpSqrt(b, ctl, single, false);
      const ex = fpx.ex;
      if (s !== s) return s;
      const r = fpDiv(1, s, ctl, single, false);
      fpx.ex |= ex & ~S.FR;
      return r;
    }
    default: {
      const k = op - OP_FMA;
      const r = fpFma(a, c, k & 1 ? -b : b, ctl, single, false);
      return k >= 2 && r === r ? -r : r;
    }
  }
}

/** The fast primitive of an operation on F indices (a, b, c as laneOp), or -1. */
function laneFast(F: Float64Array, op: number, ia: number, ib: number, ic: number, single: boolean): number {
  switch (op) {
    case OP_ADD:
      return rnAdd(F, ia, ib, false, single);
    case OP_SUB:
      return rnAdd(F, ia, ib, true, single);
    case OP_MUL:
      return rnMul(F, ia, ib, single);
    case OP_DIV:
      return rnDiv(F, ia, ib, single);
    case OP_SQRT:
      return rnSqrt(F, ib, single);
    case OP_RE:
    case OP_RSQRTE:
      return -1;
    default:
      return rnFma(F, ia, ic, ib, op - OP_FMA, single);
  }
}

/**
 * A vector arithmetic instruction on double lanes: lane k computes op(A, B[, C]) where for the
 * FMAs A*C + B (ra, rb, rc: VSR numbers; NaN priority A, B, C).
 */
function vecD(
  core: ExecCore,
  t: ThreadState,
  pc: number,
  op: number,
  xt: number,
  ra: number,
  rb: number,
  rc: number,
): number {
  const F = t.vsrF64;
  const V = t.vsr;
  const f = t.fpscr;
  let ex = 0;
  if ((f & NOT_FAST) === 0) {
    const e0 = laneFast(F, op, 2 * ra + 1, 2 * rb + 1, 2 * rc + 1, false);
    if (e0 >= 0) {
      const r0 = RES[0];
      const e1 = laneFast(F, op, 2 * ra, 2 * rb, 2 * rc, false);
      if (e1 >= 0) {
        F[2 * xt] = RES[0];
        F[2 * xt + 1] = r0;
        ex = (e0 | e1) & S.XX;
        if (ex !== 0 && (f & S.XX) === 0) t.fpscr = f | S.XX | S.FX;
        return COLD_NEXT;
      }
    }
  }
  for (let k = 0; k < 2; k++) {
    const a = F[2 * ra + 1 - k];
    const b = F[2 * rb + 1 - k];
    const c = F[2 * rc + 1 - k];
    const useA = op !== OP_SQRT && op !== OP_RE && op !== OP_RSQRTE;
    const useC = op >= OP_FMA && op < OP_RE;
    if ((useA && a !== a) || b !== b || (useC && c !== c)) {
      const o = 4 * ra + 3 - 2 * k;
      const p = 4 * rb + 3 - 2 * k;
      const q = 4 * rc + 3 - 2 * k;
      ex |= nanLaneD(k, useA ? V[o] : 0, useA ? V[o - 1] : 0, V[p], V[p - 1], useC ? V[q] : 0, useC ? V[q - 1] : 0);
      if (useC && ((isInf(a) && c === 0) || (a === 0 && isInf(c)))) ex |= S.VXIMZ;
      continue;
    }
    const r = laneOp(op, a, b, c, f, false);
    ex |= fpx.ex;
    putD(k, r);
  }
  return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
}

/** The same on four single-precision lanes. */
function vecS(
  core: ExecCore,
  t: ThreadState,
  pc: number,
  op: number,
  xt: number,
  ra: number,
  rb: number,
  rc: number,
): number {
  const F32 = t.vsrF32;
  const V = t.vsr;
  const f = t.fpscr;
  const useA = op !== OP_SQRT && op !== OP_RE && op !== OP_RSQRTE;
  const useC = op >= OP_FMA && op < OP_RE;
  let ex = 0;
  let fast = (f & NOT_FAST) === 0;
  for (let k = 0; k < 4; k++) {
    const ia = 4 * ra + 3 - k;
    const ib = 4 * rb + 3 - k;
    const ic = 4 * rc + 3 - k;
    const a = F32[ia];
    const b = F32[ib];
    const c = F32[ic];
    if ((useA && a !== a) || b !== b || (useC && c !== c)) {
      ex |= nanLaneS(k, useA ? V[ia] : 0, V[ib], useC ? V[ic] : 0);
      if (useC && ((isInf(a) && c === 0) || (a === 0 && isInf(c)))) ex |= S.VXIMZ;
      continue;
    }
    if (fast) {
      LANE[0] = a;
      LANE[1] = b;
      LANE[2] = c;
      const e = laneFast(LANE, op, 0, 1, 2, true);
      if (e >= 0) {
        OUT_F32[3 - k] = RES[0];
        ex |= e;
        continue;
      }
      fast = false;
    }
    const r = laneOp(op, a, b, c, f, true);
    ex |= fpx.ex;
    putS(k, r);
  }
  return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
}

// ---- max/min, compares ----------------------------------------------------------------------------

/**
 * maxNum/minNum (IEEE 754-2008, as qemu's softfloat): a quiet NaN loses to a number; with a
 * signaling NaN, or two NaNs, the first NaN (quieted) is the result. On words (double: hi, lo).
 */
function maxMinD(k: number, ah: number, al: number, bh: number, bl: number, max: boolean): number {
  const an = isNaNWords(ah, al);
  const bn = isNaNWords(bh, bl);
  let ex = 0;
  if (an || bn) {
    const as = an && (ah & QUIET_BIT_HI) === 0;
    const bs = bn && (bh & QUIET_BIT_HI) === 0;
    if (as || bs) ex = S.VXSNAN;
    if (!as && !bs && an !== bn) {
      // one quiet NaN and a number: the number
      OUT[3 - 2 * k] = an ? bh : ah;
      OUT[2 - 2 * k] = an ? bl : al;
    } else {
      OUT[3 - 2 * k] = (an ? ah : bh) | QUIET_BIT_HI;
      OUT[2 - 2 * k] = an ? al : bl;
    }
    return ex;
  }
  F64_W[1] = ah;
  F64_W[0] = al;
  const a = F64[0];
  F64_W[1] = bh;
  F64_W[0] = bl;
  const b = F64[0];
  let useA: boolean;
  if (a === b)
    useA = max ? ah >= 0 || bh < 0 : ah < 0 || bh >= 0; // +0 is the max of +-0, -0 the min
  else useA = max ? a > b : a < b;
  OUT[3 - 2 * k] = useA ? ah : bh;
  OUT[2 - 2 * k] = useA ? al : bl;
  return 0;
}
function maxMinS(k: number, a32: number, b32: number, max: boolean): number {
  const an = (a32 & 0x7f800000) === 0x7f800000 && (a32 & 0x7fffff) !== 0;
  const bn = (b32 & 0x7f800000) === 0x7f800000 && (b32 & 0x7fffff) !== 0;
  if (an || bn) {
    const as = an && (a32 & QUIET32) === 0;
    const bs = bn && (b32 & QUIET32) === 0;
    if (!as && !bs && an !== bn) OUT[3 - k] = an ? b32 : a32;
    else OUT[3 - k] = (an ? a32 : b32) | QUIET32;
    return as || bs ? S.VXSNAN : 0;
  }
  OUT[3 - k] = a32;
  const a = OUT_F32[3 - k];
  OUT[3 - k] = b32;
  const b = OUT_F32[3 - k];
  let useA: boolean;
  if (a === b) useA = max ? a32 >= 0 || b32 < 0 : a32 < 0 || b32 >= 0;
  else useA = max ? a > b : a < b;
  OUT[3 - k] = useA ? a32 : b32;
  return 0;
}

/** xvtdiv/xvtsqrt single-precision lane tests (qemu's VSX_TDIV/VSX_TSQRT with the single limits) */
function testDivS(a32: number, b32: number): number {
  const inf = (x: number) => (x & 0x7fffffff) === 0x7f800000;
  const zero = (x: number) => (x & 0x7fffffff) === 0;
  const nan = (x: number) => (x & 0x7fffffff) > 0x7f800000;
  let fe = 0;
  let fg = 0;
  if (inf(a32) || inf(b32) || zero(b32)) fe = fg = 1;
  else {
    const ea = ((a32 >>> 23) & 0xff) - 127;
    const eb = ((b32 >>> 23) & 0xff) - 127;
    if (nan(a32) || nan(b32)) fe = 1;
    else if (eb <= -126 || eb >= 125) fe = 1;
    else if (!zero(a32) && (ea - eb >= 127 || ea - eb <= -125 || ea <= -103)) fe = 1;
    if (((b32 >>> 23) & 0xff) === 0) fg = 1;
  }
  return (fg << 2) | (fe << 1);
}
function testSqrtS(b32: number): number {
  let fe = 0;
  let fg = 0;
  if ((b32 & 0x7fffffff) === 0x7f800000 || (b32 & 0x7fffffff) === 0) fe = fg = 1;
  else {
    const eb = ((b32 >>> 23) & 0xff) - 127;
    if ((b32 & 0x7fffffff) > 0x7f800000) fe = 1;
    else if (b32 < 0) fe = 1;
    else if (eb <= -126 + 23) fe = 1;
    if (((b32 >>> 23) & 0xff) === 0) fg = 1;
  }
  return (fg << 2) | (fe << 1);
}

/** The data class match of test data class (dcmx bits: 6 NaN, 5 +inf, 4 -inf, 3 +0, 2 -0, 1 +denormal, 0 -denormal) */
function dataClassMatch(
  dcmx: number,
  neg: boolean,
  nan: boolean,
  inf: boolean,
  zero: boolean,
  denorm: boolean,
): boolean {
  const bit = nan ? 6 : inf ? (neg ? 4 : 5) : zero ? (neg ? 2 : 3) : denorm ? (neg ? 0 : 1) : -1;
  return bit >= 0 && ((dcmx >>> bit) & 1) === 1;
}

// ---- conversions ---------------------------------------------------------------------------------

/** the exception bits of the last dToS */
let convEx = 0;
/** The single word of a double hi:lo rounded in ctl (a NaN quieted and truncated); exceptions in convEx. */
function dToS(hi: number, lo: number, ctl: number): number {
  if (isNaNWords(hi, lo)) {
    convEx = (hi & QUIET_BIT_HI) === 0 ? S.VXSNAN : 0;
    return doubleToSingle(hi | QUIET_BIT_HI, lo);
  }
  F64_W[1] = hi;
  F64_W[0] = lo;
  const r = roundValue(F64[0], ctl, FMT_S);
  convEx = fpx.ex;
  F32S[0] = r;
  return I32S[0];
}
const F32S = new Float32Array(1);
const I32S = new Int32Array(F32S.buffer);

/** A single word w converted to double (exact), SNaN quieted: into dbl; returns VXSNAN or 0. */
function sToD(w: number): number {
  singleToDouble(w);
  if (isNaNWords(dbl.hi, dbl.lo) && (dbl.hi & QUIET_BIT_HI) === 0) {
    dbl.hi |= QUIET_BIT_HI;
    return S.VXSNAN;
  }
  return 0;
}

/** the integer formats of xvcvdp{s,u}x{d,w}s, in that order */
const toIntKinds = [INT64, UINT64, INT32, UINT32];

export function execVsxFp(
  core: ExecCore,
  t: ThreadState,
  _port: DataPort,
  i: number,
  w: number,
  _w2: number,
  pc: number,
): number {
  const F = t.vsrF64;
  const V = t.vsr;
  const xt = xtOf(w);
  const xa = xaOf(w);
  const xb = xbOf(w);
  switch (i as X) {
    // ---- scalar arithmetic: like the FPR instructions, on doubleword 0 ----
    case X.XSADDDP:
    case X.XSSUBDP:
    case X.XSADDSP:
    case X.XSSUBSP: {
      const single = i === X.XSADDSP || i === X.XSSUBSP;
      const sub = i === X.XSSUBDP || i === X.XSSUBSP;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnAdd(F, 2 * xa + 1, 2 * xb + 1, sub, single);
        if (ex >= 0) return (commitScalar(t, xt, ex, false), COLD_NEXT);
      }
      const a = F[2 * xa + 1];
      const b = F[2 * xb + 1];
      if (a !== a || b !== b) return arith(core, t, false, pc, xt, NaN, nanOperands(t, xa, xb, -1, single), single);
      return arith(core, t, false, pc, xt, fpAdd(a, sub ? -b : b, t.fpscr, single, false), fpx.ex, single);
    }
    case X.XSMULDP:
    case X.XSMULSP:
    case X.XSDIVDP:
    case X.XSDIVSP: {
      const single = i === X.XSMULSP || i === X.XSDIVSP;
      const mul = i === X.XSMULDP || i === X.XSMULSP;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = mul ? rnMul(F, 2 * xa + 1, 2 * xb + 1, single) : rnDiv(F, 2 * xa + 1, 2 * xb + 1, single);
        if (ex >= 0) return (commitScalar(t, xt, ex, false), COLD_NEXT);
      }
      const a = F[2 * xa + 1];
      const b = F[2 * xb + 1];
      if (a !== a || b !== b) return arith(core, t, false, pc, xt, NaN, nanOperands(t, xa, xb, -1, single), single);
      const r = mul ? fpMul(a, b, t.fpscr, single, false) : fpDiv(a, b, t.fpscr, single, false);
      return arith(core, t, false, pc, xt, r, fpx.ex, single);
    }
    case X.XSSQRTDP:
    case X.XSSQRTSP: {
      const single = i === X.XSSQRTSP;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnSqrt(F, 2 * xb + 1, single);
        if (ex >= 0) return (commitScalar(t, xt, ex, false), COLD_NEXT);
      }
      const b = F[2 * xb + 1];
      if (b !== b) return arith(core, t, false, pc, xt, NaN, nanOperands(t, xb, -1, -1, single), single);
      return arith(core, t, false, pc, xt, fpSqrt(b, t.fpscr, single, false), fpx.ex, single);
    }
    case X.XSMADDADP:
    case X.XSMADDMDP:
    case X.XSMSUBADP:
    case X.XSMSUBMDP:
    case X.XSNMADDADP:
    case X.XSNMADDMDP:
    case X.XSNMSUBADP:
    case X.XSNMSUBMDP:
    case X.XSMADDASP:
    case X.XSMADDMSP:
    case X.XSMSUBASP:
    case X.XSMSUBMSP:
    case X.XSNMADDASP:
    case X.XSNMADDMSP:
    case X.XSNMSUBASP:
    case X.XSNMSUBMSP: {
      const single = i >= X.XSMADDASP;
      const j = single ? i - X.XSMADDASP : i - X.XSMADDADP; // a/m pairs: madd, msub, nmadd, nmsub
      const k = j >> 1;
      const mForm = (j & 1) === 1;
      // A form: XT = XA*XB + XT; M form: XT = XA*XT + XB
      const rc = mForm ? xt : xb;
      const rb = mForm ? xb : xt;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnFma(F, 2 * xa + 1, 2 * rc + 1, 2 * rb + 1, k, single);
        if (ex >= 0) return (commitScalar(t, xt, ex, false), COLD_NEXT);
      }
      const a = F[2 * xa + 1];
      const b = F[2 * rb + 1];
      const c = F[2 * rc + 1];
      if (a !== a || b !== b || c !== c) {
        let ex = nanOperands(t, xa, rb, rc, single);
        if ((isInf(a) && c === 0) || (a === 0 && isInf(c))) ex |= S.VXIMZ;
        return arith(core, t, false, pc, xt, NaN, ex, single);
      }
      let r = fpFma(a, c, k & 1 ? -b : b, t.fpscr, single, false);
      if (k >= 2 && r === r) r = -r;
      return arith(core, t, false, pc, xt, r, fpx.ex, single);
    }
    case X.XSREDP:
    case X.XSRESP:
    case X.XSRSQRTEDP:
    case X.XSRSQRTESP: {
      // estimates in the ISA; qemu (the reference) computes them exactly
      const single = i === X.XSRESP || i === X.XSRSQRTESP;
      const b = F[2 * xb + 1];
      if (b !== b) return arith(core, t, false, pc, xt, NaN, nanOperands(t, xb, -1, -1, single), single);
      // (the sp forms: qemu computes in double, then rounds to single like frsp)
      let r = laneOp(i === X.XSREDP || i === X.XSRESP ? OP_RE : OP_RSQRTE, 0, b, 0, t.fpscr, false);
      let ex = fpx.ex;
      if (single && r === r) {
        r = roundValue(r, t.fpscr, FMT_S);
        ex = (ex | fpx.ex) & ~S.FR;
      }
      return arith(core, t, false, pc, xt, r, ex, single);
    }

    // ---- scalar compares, max/min ----
    case X.XSCMPEQDP:
    case X.XSCMPGTDP:
    case X.XSCMPGEDP: {
      const a = F[2 * xa + 1];
      const b = F[2 * xb + 1];
      let ex = 0;
      let r = false;
      if (a !== a || b !== b) {
        const snan =
          (a !== a && (V[4 * xa + 3] & QUIET_BIT_HI) === 0) || (b !== b && (V[4 * xb + 3] & QUIET_BIT_HI) === 0);
        if (snan) ex = S.VXSNAN;
        if (i !== X.XSCMPEQDP && (!snan || (t.fpscr & S.VE) === 0)) ex |= S.VXVC;
      } else r = i === X.XSCMPEQDP ? a === b : i === X.XSCMPGTDP ? a > b : a >= b;
      OUT[3] = OUT[2] = r ? -1 : 0;
      OUT[1] = OUT[0] = 0;
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XSCMPUDP:
    case X.XSCMPODP: {
      const a = F[2 * xa + 1];
      const b = F[2 * xb + 1];
      let c: number;
      let ex = 0;
      if (a !== a || b !== b) {
        c = 1;
        const snan =
          (a !== a && (V[4 * xa + 3] & QUIET_BIT_HI) === 0) || (b !== b && (V[4 * xb + 3] & QUIET_BIT_HI) === 0);
        if (snan) ex = S.VXSNAN;
        if (i === X.XSCMPODP && (!snan || (t.fpscr & S.VE) === 0)) ex |= S.VXVC;
      } else c = a < b ? 8 : a > b ? 4 : 2;
      setCrField(t, (w >>> 23) & 7, c);
      const f = (t.fpscr & ~S.FPCC) | (c << 12);
      t.fpscr = ex ? S.raise(f, ex) : f;
      return ex && S.enabled(f, ex) ? fpTrap(core, t, pc) : COLD_NEXT;
    }
    case X.XSCMPEXPDP: {
      const ah = V[4 * xa + 3];
      const bh = V[4 * xb + 3];
      let c: number;
      if (isNaNWords(ah, V[4 * xa + 2]) || isNaNWords(bh, V[4 * xb + 2])) c = 1;
      else {
        const ea = (ah >>> 20) & 0x7ff;
        const eb = (bh >>> 20) & 0x7ff;
        c = ea < eb ? 8 : ea > eb ? 4 : 2;
      }
      setCrField(t, (w >>> 23) & 7, c);
      t.fpscr = (t.fpscr & ~S.FPCC) | (c << 12);
      return COLD_NEXT;
    }
    case X.XSMAXDP:
    case X.XSMINDP: {
      const ex = maxMinD(0, V[4 * xa + 3], V[4 * xa + 2], V[4 * xb + 3], V[4 * xb + 2], i === X.XSMAXDP);
      OUT[1] = OUT[0] = 0;
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XSMAXCDP:
    case X.XSMINCDP: {
      // C-style: max: a if b <= a, else b; min: a if a < b, else b (a NaN makes the compare false)
      const a = F[2 * xa + 1];
      const b = F[2 * xb + 1];
      const first = i === X.XSMAXCDP ? b <= a : a < b;
      const src = first ? xa : xb;
      const snan =
        (a !== a && (V[4 * xa + 3] & QUIET_BIT_HI) === 0) || (b !== b && (V[4 * xb + 3] & QUIET_BIT_HI) === 0);
      OUT[3] = V[4 * src + 3];
      OUT[2] = V[4 * src + 2];
      OUT[1] = OUT[0] = 0;
      return commitVector(core, t, pc, xt, snan ? S.VXSNAN : 0);
    }
    case X.XSMAXJDP:
    case X.XSMINJDP: {
      const max = i === X.XSMAXJDP;
      const ah = V[4 * xa + 3];
      const al = V[4 * xa + 2];
      const bh = V[4 * xb + 3];
      const bl = V[4 * xb + 2];
      let ex = 0;
      let rh: number;
      let rl: number;
      if (isNaNWords(ah, al)) {
        if ((ah & QUIET_BIT_HI) === 0) ex = S.VXSNAN;
        rh = ah;
        rl = al;
      } else if (isNaNWords(bh, bl)) {
        if ((bh & QUIET_BIT_HI) === 0) ex = S.VXSNAN;
        rh = bh;
        rl = bl;
      } else {
        const a = F[2 * xa + 1];
        const b = F[2 * xb + 1];
        if (a === 0 && b === 0) {
          const neg = max ? ah < 0 && bh < 0 : ah < 0 || bh < 0;
          rh = neg ? -0x80000000 : 0;
          rl = 0;
        } else {
          const useA = max ? !(a < b) : a < b;
          rh = useA ? ah : bh;
          rl = useA ? al : bl;
        }
      }
      OUT[3] = rh;
      OUT[2] = rl;
      OUT[1] = OUT[0] = 0;
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XSCPSGNDP: {
      setDw0(t, xt, (V[4 * xa + 3] & 0x80000000) | (V[4 * xb + 3] & 0x7fffffff), V[4 * xb + 2]);
      return COLD_NEXT;
    }
    case X.XSABSDP:
    case X.XSNABSDP:
    case X.XSNEGDP: {
      const h = V[4 * xb + 3];
      setDw0(
        t,
        xt,
        i === X.XSABSDP ? h & 0x7fffffff : i === X.XSNABSDP ? h | 0x80000000 : h ^ 0x80000000,
        V[4 * xb + 2],
      );
      return COLD_NEXT;
    }
    case X.XSTDIVDP: {
      setCrField(t, (w >>> 23) & 7, testDiv(V[4 * xa + 3], V[4 * xa + 2], V[4 * xb + 3], V[4 * xb + 2]));
      return COLD_NEXT;
    }
    case X.XSTSQRTDP: {
      setCrField(t, (w >>> 23) & 7, testSqrt(V[4 * xb + 3], V[4 * xb + 2]));
      return COLD_NEXT;
    }
    case X.XSTSTDCDP:
    case X.XSTSTDCSP: {
      const h = V[4 * xb + 3];
      const l = V[4 * xb + 2];
      const dcmx = (w >>> 16) & 0x7f;
      const e = (h >>> 20) & 0x7ff;
      const fz = ((h & 0xfffff) | l) === 0;
      const neg = h < 0;
      let match = dataClassMatch(dcmx, neg, e === 0x7ff && !fz, e === 0x7ff && fz, e === 0 && fz, e === 0 && !fz);
      let so = 0;
      if (i === X.XSTSTDCSP) {
        // qemu: a double in the single denormal range (or below) matches whatever DCMX says; SO: not a single value
        if (e > 0 && e < 0x381) match = true;
        const sw = doubleToSingle(h, l);
        singleToDouble(sw);
        so = dbl.hi !== h || dbl.lo !== l ? 1 : 0;
      }
      const c = (neg ? 8 : 0) | (match ? 2 : 0) | so;
      setCrField(t, (w >>> 23) & 7, c);
      t.fpscr = (t.fpscr & ~S.FPCC) | (c << 12);
      return COLD_NEXT;
    }
    case X.XSXEXPDP: {
      const rt = (w >>> 21) & 31;
      t.hi[rt] = 0;
      t.lo[rt] = (V[4 * xb + 3] >>> 20) & 0x7ff;
      return COLD_NEXT;
    }
    case X.XSXSIGDP: {
      const rt = (w >>> 21) & 31;
      const h = V[4 * xb + 3];
      const e = (h >>> 20) & 0x7ff;
      t.hi[rt] = (h & 0xfffff) | (e !== 0 && e !== 0x7ff ? 0x100000 : 0);
      t.lo[rt] = V[4 * xb + 2];
      return COLD_NEXT;
    }
    case X.XSIEXPDP: {
      const ra = (w >>> 16) & 31;
      const rb = (w >>> 11) & 31;
      setDw0(t, xt, (t.hi[ra] & 0x800fffff) | ((t.lo[rb] & 0x7ff) << 20), t.lo[ra]);
      return COLD_NEXT;
    }

    // ---- scalar conversions ----
    case X.XSCVDPSP: {
      const r = dToS(V[4 * xb + 3], V[4 * xb + 2], t.fpscr);
      return scalarResult32(core, t, pc, xt, r, convEx, true);
    }
    case X.XSCVDPSPN: {
      const s = xscvdpspn(V[4 * xb + 3], V[4 * xb + 2]);
      setDw0(t, xt, s, s);
      return COLD_NEXT;
    }
    case X.XSCVSPDP: {
      const ex = sToD(V[4 * xb + 3]);
      return scalarWords(core, t, pc, xt, dbl.hi, dbl.lo, ex, false);
    }
    case X.XSCVSPDPN: {
      singleToDouble(V[4 * xb + 3]);
      setDw0(t, xt, dbl.hi, dbl.lo);
      return COLD_NEXT;
    }
    case X.XSCVDPSXDS:
    case X.XSCVDPUXDS:
    case X.XSCVDPSXWS:
    case X.XSCVDPUXWS: {
      const kind = i === X.XSCVDPSXDS ? INT64 : i === X.XSCVDPUXDS ? UINT64 : i === X.XSCVDPSXWS ? INT32 : UINT32;
      toIntLane(F[2 * xb + 1], V[4 * xb + 3], kind);
      let ex = fpx.ex;
      if (kind === INT32 || kind === UINT32) {
        OUT[3] = OUT[2] = intOut.lo;
      } else {
        OUT[3] = intOut.hi;
        OUT[2] = intOut.lo;
      }
      OUT[1] = OUT[0] = 0;
      ex = ex & S.EXCEPTIONS;
      return scalarNoFprf(core, t, pc, xt, ex, fpx.ex & S.FI);
    }
    case X.XSCVSXDDP:
    case X.XSCVUXDDP:
    case X.XSCVSXDSP:
    case X.XSCVUXDSP: {
      const single = i === X.XSCVSXDSP || i === X.XSCVUXDSP;
      const signed = i === X.XSCVSXDDP || i === X.XSCVSXDSP;
      const r = fpFromInt64(V[4 * xb + 3], V[4 * xb + 2], signed, t.fpscr, single);
      return arith(core, t, false, pc, xt, r, fpx.ex, single);
    }
    case X.XSRDPI:
    case X.XSRDPIC:
    case X.XSRDPIM:
    case X.XSRDPIP:
    case X.XSRDPIZ: {
      const b = F[2 * xb + 1];
      if (b !== b) return arith(core, t, false, pc, xt, NaN, nanOperands(t, xb, -1, -1, false), false);
      const mode =
        i === X.XSRDPI
          ? RN_AWAY
          : i === X.XSRDPIC
            ? t.fpscr & 3
            : i === X.XSRDPIM
              ? RN_DOWN
              : i === X.XSRDPIP
                ? RN_UP
                : RN_ZERO;
      const r = fpRoundIntegral(b, mode);
      // only xsrdpic reports inexactness (XX FI); FR stays 0
      return arith(core, t, false, pc, xt, r, i === X.XSRDPIC ? fpx.ex & ~S.FR : 0, false);
    }
    case X.XSRSP: {
      const b = F[2 * xb + 1];
      if (b !== b) return arith(core, t, false, pc, xt, NaN, nanOperands(t, xb, -1, -1, true), true);
      return arith(core, t, false, pc, xt, roundValue(b, t.fpscr, FMT_S), fpx.ex, true);
    }
    case X.XSCVHPDP: {
      const hw = V[4 * xb + 2] & 0xffff;
      let ex = 0;
      if ((hw & 0x7c00) === 0x7c00 && (hw & 0x3ff) !== 0) {
        // a NaN: its payload widened, quieted
        if ((hw & 0x200) === 0) ex = S.VXSNAN;
        const h = (hw & 0x8000 ? 0x80000000 : 0) | 0x7ff80000 | ((hw & 0x1ff) << 10);
        return scalarWords(core, t, pc, xt, h, 0, ex, false);
      }
      F64[0] = halfValue(hw);
      return scalarWords(core, t, pc, xt, F64_W[1], F64_W[0], 0, false);
    }
    case X.XSCVDPHP: {
      const h = V[4 * xb + 3];
      const l = V[4 * xb + 2];
      let hw: number;
      let ex: number;
      if (isNaNWords(h, l)) {
        ex = (h & QUIET_BIT_HI) === 0 ? S.VXSNAN : 0;
        hw = (h < 0 ? 0x8000 : 0) | 0x7e00 | ((h >>> 10) & 0x1ff);
      } else {
        hw = toHalf(F[2 * xb + 1], t.fpscr);
        ex = fpx.ex;
      }
      OUT[3] = 0;
      OUT[2] = hw;
      OUT[1] = OUT[0] = 0;
      return scalarWithFprf(core, t, pc, xt, ex, fprfHalf(hw));
    }

    // ---- vector arithmetic ----
    case X.XVADDDP:
      return vecD(core, t, pc, OP_ADD, xt, xa, xb, 0);
    case X.XVSUBDP:
      return vecD(core, t, pc, OP_SUB, xt, xa, xb, 0);
    case X.XVMULDP:
      return vecD(core, t, pc, OP_MUL, xt, xa, xb, 0);
    case X.XVDIVDP:
      return vecD(core, t, pc, OP_DIV, xt, xa, xb, 0);
    case X.XVSQRTDP:
      return vecD(core, t, pc, OP_SQRT, xt, 0, xb, 0);
    case X.XVREDP:
      return vecD(core, t, pc, OP_RE, xt, 0, xb, 0);
    case X.XVRSQRTEDP:
      return vecD(core, t, pc, OP_RSQRTE, xt, 0, xb, 0);
    case X.XVADDSP:
      return vecS(core, t, pc, OP_ADD, xt, xa, xb, 0);
    case X.XVSUBSP:
      return vecS(core, t, pc, OP_SUB, xt, xa, xb, 0);
    case X.XVMULSP:
      return vecS(core, t, pc, OP_MUL, xt, xa, xb, 0);
    case X.XVDIVSP:
      return vecS(core, t, pc, OP_DIV, xt, xa, xb, 0);
    case X.XVSQRTSP:
      return vecS(core, t, pc, OP_SQRT, xt, 0, xb, 0);
    case X.XVRESP:
      return vecS(core, t, pc, OP_RE, xt, 0, xb, 0);
    case X.XVRSQRTESP:
      return vecS(core, t, pc, OP_RSQRTE, xt, 0, xb, 0);
    case X.XVMADDADP:
    case X.XVMADDMDP:
    case X.XVMSUBADP:
    case X.XVMSUBMDP:
    case X.XVNMADDADP:
    case X.XVNMADDMDP:
    case X.XVNMSUBADP:
    case X.XVNMSUBMDP:
    case X.XVMADDASP:
    case X.XVMADDMSP:
    case X.XVMSUBASP:
    case X.XVMSUBMSP:
    case X.XVNMADDASP:
    case X.XVNMADDMSP:
    case X.XVNMSUBASP:
    case X.XVNMSUBMSP: {
      const single = i >= X.XVMADDASP;
      const j = single ? i - X.XVMADDASP : i - X.XVMADDADP;
      const mForm = (j & 1) === 1;
      const rc = mForm ? xt : xb;
      const rb = mForm ? xb : xt;
      return single
        ? vecS(core, t, pc, OP_FMA + (j >> 1), xt, xa, rb, rc)
        : vecD(core, t, pc, OP_FMA + (j >> 1), xt, xa, rb, rc);
    }
    case X.XVMAXDP:
    case X.XVMINDP: {
      let ex = 0;
      for (let k = 0; k < 2; k++)
        ex |= maxMinD(
          k,
          V[4 * xa + 3 - 2 * k],
          V[4 * xa + 2 - 2 * k],
          V[4 * xb + 3 - 2 * k],
          V[4 * xb + 2 - 2 * k],
          i === X.XVMAXDP,
        );
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVMAXSP:
    case X.XVMINSP: {
      let ex = 0;
      for (let k = 0; k < 4; k++) ex |= maxMinS(k, V[4 * xa + 3 - k], V[4 * xb + 3 - k], i === X.XVMAXSP);
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVCPSGNDP:
    case X.XVMOVDP: {
      const a3 = V[4 * xa + 3];
      const a1 = V[4 * xa + 1];
      OUT[3] = (a3 & 0x80000000) | (V[4 * xb + 3] & 0x7fffffff);
      OUT[2] = V[4 * xb + 2];
      OUT[1] = (a1 & 0x80000000) | (V[4 * xb + 1] & 0x7fffffff);
      OUT[0] = V[4 * xb];
      return commitVector(core, t, pc, xt, 0);
    }
    case X.XVCPSGNSP:
    case X.XVMOVSP: {
      for (let k = 0; k < 4; k++) OUT[3 - k] = (V[4 * xa + 3 - k] & 0x80000000) | (V[4 * xb + 3 - k] & 0x7fffffff);
      return commitVector(core, t, pc, xt, 0);
    }
    case X.XVABSDP:
    case X.XVNABSDP:
    case X.XVNEGDP: {
      for (let k = 0; k < 2; k++) {
        const h = V[4 * xb + 3 - 2 * k];
        OUT[3 - 2 * k] = i === X.XVABSDP ? h & 0x7fffffff : i === X.XVNABSDP ? h | 0x80000000 : h ^ 0x80000000;
        OUT[2 - 2 * k] = V[4 * xb + 2 - 2 * k];
      }
      return commitVector(core, t, pc, xt, 0);
    }
    case X.XVABSSP:
    case X.XVNABSSP:
    case X.XVNEGSP: {
      for (let k = 0; k < 4; k++) {
        const h = V[4 * xb + 3 - k];
        OUT[3 - k] = i === X.XVABSSP ? h & 0x7fffffff : i === X.XVNABSSP ? h | 0x80000000 : h ^ 0x80000000;
      }
      return commitVector(core, t, pc, xt, 0);
    }

    // ---- vector compares and tests ----
    case X.XVCMPEQDP:
    case X.XVCMPGTDP:
    case X.XVCMPGEDP:
    case X.XVCMPEQSP:
    case X.XVCMPGTSP:
    case X.XVCMPGESP: {
      const single = i >= X.XVCMPEQSP;
      const kind = single ? i - X.XVCMPEQSP : i - X.XVCMPEQDP; // 0 eq, 1 gt, 2 ge
      const lanes = single ? 4 : 2;
      let ex = 0;
      let all = true;
      let none = true;
      for (let k = 0; k < lanes; k++) {
        let a: number, b: number, an: boolean, bn: boolean, as: boolean, bs: boolean;
        if (single) {
          const aw = V[4 * xa + 3 - k];
          const bw = V[4 * xb + 3 - k];
          a = t.vsrF32[4 * xa + 3 - k];
          b = t.vsrF32[4 * xb + 3 - k];
          an = a !== a;
          bn = b !== b;
          as = an && isSNaN32(aw);
          bs = bn && isSNaN32(bw);
        } else {
          a = F[2 * xa + 1 - k];
          b = F[2 * xb + 1 - k];
          an = a !== a;
          bn = b !== b;
          as = an && (V[4 * xa + 3 - 2 * k] & QUIET_BIT_HI) === 0;
          bs = bn && (V[4 * xb + 3 - 2 * k] & QUIET_BIT_HI) === 0;
        }
        let r = false;
        if (an || bn) {
          if (as || bs) ex |= S.VXSNAN;
          if (kind !== 0) ex |= S.VXVC;
        } else r = kind === 0 ? a === b : kind === 1 ? a > b : a >= b;
        if (r) none = false;
        else all = false;
        if (single) OUT[3 - k] = r ? -1 : 0;
        else OUT[3 - 2 * k] = OUT[2 - 2 * k] = r ? -1 : 0;
      }
      const f = t.fpscr;
      if ((f & 0xf8) !== 0 && (S.enabled(f, ex) & S.VX_ALL) !== 0) {
        t.fpscr = S.raise(f, ex);
        return fpTrap(core, t, pc);
      }
      if (w & 0x400) setCrField(t, 6, (all ? 8 : 0) | (none ? 2 : 0));
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVTDIVDP:
    case X.XVTSQRTDP: {
      let r = 0;
      for (let k = 0; k < 2; k++) {
        const bh = V[4 * xb + 3 - 2 * k];
        const bl = V[4 * xb + 2 - 2 * k];
        r |= i === X.XVTDIVDP ? testDiv(V[4 * xa + 3 - 2 * k], V[4 * xa + 2 - 2 * k], bh, bl) : testSqrt(bh, bl);
      }
      setCrField(t, (w >>> 23) & 7, r);
      return COLD_NEXT;
    }
    case X.XVTDIVSP:
    case X.XVTSQRTSP: {
      let r = 8;
      for (let k = 0; k < 4; k++)
        r |= i === X.XVTDIVSP ? testDivS(V[4 * xa + 3 - k], V[4 * xb + 3 - k]) : testSqrtS(V[4 * xb + 3 - k]);
      setCrField(t, (w >>> 23) & 7, r);
      return COLD_NEXT;
    }
    case X.XVTSTDCDP: {
      const dcmx = ((w >>> 16) & 31) | (((w >>> 2) & 1) << 5) | (((w >>> 6) & 1) << 6);
      for (let k = 0; k < 2; k++) {
        const h = V[4 * xb + 3 - 2 * k];
        const l = V[4 * xb + 2 - 2 * k];
        const e = (h >>> 20) & 0x7ff;
        const fz = ((h & 0xfffff) | l) === 0;
        const m = dataClassMatch(dcmx, h < 0, e === 0x7ff && !fz, e === 0x7ff && fz, e === 0 && fz, e === 0 && !fz);
        OUT[3 - 2 * k] = OUT[2 - 2 * k] = m ? -1 : 0;
      }
      return commitVector(core, t, pc, xt, 0);
    }
    case X.XVTSTDCSP: {
      const dcmx = ((w >>> 16) & 31) | (((w >>> 2) & 1) << 5) | (((w >>> 6) & 1) << 6);
      for (let k = 0; k < 4; k++) {
        const x = V[4 * xb + 3 - k];
        const e = (x >>> 23) & 0xff;
        const fz = (x & 0x7fffff) === 0;
        OUT[3 - k] = dataClassMatch(dcmx, x < 0, e === 0xff && !fz, e === 0xff && fz, e === 0 && fz, e === 0 && !fz)
          ? -1
          : 0;
      }
      return commitVector(core, t, pc, xt, 0);
    }

    // ---- vector conversions ----
    case X.XVCVDPSP: {
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        OUT[3 - 2 * k] = OUT[2 - 2 * k] = dToS(V[4 * xb + 3 - 2 * k], V[4 * xb + 2 - 2 * k], t.fpscr);
        ex |= convEx;
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVCVSPDP: {
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        ex |= sToD(V[4 * xb + 3 - 2 * k]);
        OUT[3 - 2 * k] = dbl.hi;
        OUT[2 - 2 * k] = dbl.lo;
      }
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVCVDPSXDS:
    case X.XVCVDPUXDS:
    case X.XVCVDPSXWS:
    case X.XVCVDPUXWS: {
      const kind = toIntKinds[i === X.XVCVDPSXDS ? 0 : i === X.XVCVDPUXDS ? 1 : i === X.XVCVDPSXWS ? 2 : 3];
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        toIntLane(F[2 * xb + 1 - k], V[4 * xb + 3 - 2 * k], kind);
        ex |= fpx.ex;
        if (kind === INT32 || kind === UINT32) OUT[3 - 2 * k] = OUT[2 - 2 * k] = intOut.lo;
        else {
          OUT[3 - 2 * k] = intOut.hi;
          OUT[2 - 2 * k] = intOut.lo;
        }
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVCVSPSXDS:
    case X.XVCVSPUXDS: {
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        const x = V[4 * xb + 3 - 2 * k];
        toIntLane(t.vsrF32[4 * xb + 3 - 2 * k], x, i === X.XVCVSPSXDS ? INT64 : UINT64, true);
        ex |= fpx.ex;
        OUT[3 - 2 * k] = intOut.hi;
        OUT[2 - 2 * k] = intOut.lo;
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVCVSPSXWS:
    case X.XVCVSPUXWS: {
      let ex = 0;
      for (let k = 0; k < 4; k++) {
        const x = V[4 * xb + 3 - k];
        toIntLane(t.vsrF32[4 * xb + 3 - k], x, i === X.XVCVSPSXWS ? INT32 : UINT32, true);
        ex |= fpx.ex;
        OUT[3 - k] = intOut.lo;
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVCVSXDDP:
    case X.XVCVUXDDP: {
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        putD(k, fpFromInt64(V[4 * xb + 3 - 2 * k], V[4 * xb + 2 - 2 * k], i === X.XVCVSXDDP, t.fpscr, false));
        ex |= fpx.ex;
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVCVSXDSP:
    case X.XVCVUXDSP: {
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        const r = fpFromInt64(V[4 * xb + 3 - 2 * k], V[4 * xb + 2 - 2 * k], i === X.XVCVSXDSP, t.fpscr, true);
        ex |= fpx.ex;
        putS(2 * k, r);
        OUT[2 - 2 * k] = OUT[3 - 2 * k];
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVCVSXWDP:
    case X.XVCVUXWDP: {
      for (let k = 0; k < 2; k++) {
        const x = V[4 * xb + 3 - 2 * k];
        putD(k, i === X.XVCVSXWDP ? x : x >>> 0);
      }
      return commitVector(core, t, pc, xt, 0);
    }
    case X.XVCVSXWSP:
    case X.XVCVUXWSP: {
      let ex = 0;
      for (let k = 0; k < 4; k++) {
        const x = V[4 * xb + 3 - k];
        const signed = i === X.XVCVSXWSP;
        putS(k, fpFromInt64(signed ? x >> 31 : 0, x, signed, t.fpscr, true));
        ex |= fpx.ex;
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
    case X.XVRDPI:
    case X.XVRDPIC:
    case X.XVRDPIM:
    case X.XVRDPIP:
    case X.XVRDPIZ: {
      const mode =
        i === X.XVRDPI
          ? RN_AWAY
          : i === X.XVRDPIC
            ? t.fpscr & 3
            : i === X.XVRDPIM
              ? RN_DOWN
              : i === X.XVRDPIP
                ? RN_UP
                : RN_ZERO;
      let ex = 0;
      for (let k = 0; k < 2; k++) {
        const b = F[2 * xb + 1 - k];
        if (b !== b) {
          ex |= nanLaneD(k, V[4 * xb + 3 - 2 * k], V[4 * xb + 2 - 2 * k], 0, 0, 0, 0);
          continue;
        }
        putD(k, fpRoundIntegral(b, mode));
        if (i === X.XVRDPIC) ex |= fpx.ex & S.XX;
      }
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVRSPI:
    case X.XVRSPIC:
    case X.XVRSPIM:
    case X.XVRSPIP:
    case X.XVRSPIZ: {
      const mode =
        i === X.XVRSPI
          ? RN_AWAY
          : i === X.XVRSPIC
            ? t.fpscr & 3
            : i === X.XVRSPIM
              ? RN_DOWN
              : i === X.XVRSPIP
                ? RN_UP
                : RN_ZERO;
      let ex = 0;
      for (let k = 0; k < 4; k++) {
        const b = t.vsrF32[4 * xb + 3 - k];
        if (b !== b) {
          ex |= nanLaneS(k, V[4 * xb + 3 - k], 0, 0);
          continue;
        }
        putS(k, fpRoundIntegral(b, mode));
        if (i === X.XVRSPIC) ex |= fpx.ex & S.XX;
      }
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVCVHPSP: {
      let ex = 0;
      for (let k = 0; k < 4; k++) {
        const hw = V[4 * xb + 3 - k] & 0xffff;
        if ((hw & 0x7c00) === 0x7c00 && (hw & 0x3ff) !== 0) {
          if ((hw & 0x200) === 0) ex |= S.VXSNAN;
          OUT[3 - k] = (hw & 0x8000 ? 0x80000000 : 0) | 0x7fc00000 | ((hw & 0x1ff) << 13);
        } else OUT_F32[3 - k] = halfValue(hw);
      }
      return commitVector(core, t, pc, xt, ex);
    }
    case X.XVCVSPHP: {
      let ex = 0;
      for (let k = 0; k < 4; k++) {
        const x = V[4 * xb + 3 - k];
        let hw: number;
        if ((x & 0x7f800000) === 0x7f800000 && (x & 0x7fffff) !== 0) {
          if ((x & QUIET32) === 0) ex |= S.VXSNAN;
          hw = (x < 0 ? 0x8000 : 0) | 0x7e00 | ((x >>> 13) & 0x1ff);
        } else {
          hw = toHalf(t.vsrF32[4 * xb + 3 - k], t.fpscr);
          ex |= fpx.ex;
        }
        OUT[3 - k] = hw;
      }
      return commitVector(core, t, pc, xt, ex & S.EXCEPTIONS);
    }
  }
  return ill(core, w, pc);
}

/** fpToInt toward zero of a lane (x; hi: its high word, for the SNaN test; fromSingle: x is a single, hi its word) */
function toIntLane(x: number, hi: number, kind: number, fromSingle = false): void {
  fpToInt(x, RN_ZERO, kind);
  if (x !== x) {
    const snan = fromSingle ? (hi & QUIET32) === 0 : (hi & QUIET_BIT_HI) === 0;
    if (snan) fpx.ex |= S.VXSNAN;
  }
}

/** qemu's helper_xscvdpspn: the single bits of a double without rounding (denormals shifted) */
function xscvdpspn(h: number, l: number): number {
  const sign = h >>> 31;
  let exp = (h >>> 20) & 0x7ff;
  // the 53-bit fraction with the implicit bit, as hi (bits 32-52) : lo
  let fh = (h & 0xfffff) | 0x100000;
  let fl = l >>> 0;
  if (exp === 0 && ((h & 0xfffff) | l) !== 0) {
    exp = 1;
    fh &= ~0x100000;
  }
  const fracZero = fh === 0 && fl === 0;
  if (exp < 897 && !fracZero) {
    const sh = 897 - exp;
    if (sh > 63) fh = fl = 0;
    else {
      const v = (BigInt(fh) << 32n) | BigInt(fl);
      const r = v >> BigInt(sh);
      fh = Number(r >> 32n);
      fl = Number(r & 0xffffffffn);
    }
    exp = 896;
  }
  // bits 29..51 of the fraction, exponent bit 10 and bits 0-6
  const frac23 = ((fh & 0xfffff) << 3) | (fl >>> 29);
  return (sign << 31) | (((exp >>> 10) & 1) << 30) | ((exp & 0x7f) << 23) | (frac23 & 0x7fffff) | 0;
}

/** FPRF of a binary16 result (its own class) */
function fprfHalf(hw: number): number {
  const neg = (hw & 0x8000) !== 0;
  const e = (hw >>> 10) & 0x1f;
  const f = hw & 0x3ff;
  if (e === 0x1f) return f ? S.FPRF_QNAN : neg ? S.FPRF_NINF : S.FPRF_PINF;
  if (e === 0) return f ? (neg ? S.FPRF_NDENORM : S.FPRF_PDENORM) : neg ? S.FPRF_NZERO : S.FPRF_PZERO;
  return neg ? S.FPRF_NNORM : S.FPRF_PNORM;
}
/** FPRF of a binary32 result word */
function fprf32(x: number): number {
  const neg = x < 0;
  const e = (x >>> 23) & 0xff;
  const f = x & 0x7fffff;
  if (e === 0xff) return f ? S.FPRF_QNAN : neg ? S.FPRF_NINF : S.FPRF_PINF;
  if (e === 0) return f ? (neg ? S.FPRF_NDENORM : S.FPRF_PDENORM) : neg ? S.FPRF_NZERO : S.FPRF_PZERO;
  return neg ? S.FPRF_NNORM : S.FPRF_PNORM;
}

/** A scalar result in OUT (already placed) with FPRF fprf and the exception bits ex (FR FI from ex). */
function scalarWithFprf(core: ExecCore, t: ThreadState, pc: number, xt: number, ex: number, fprf: number): number {
  const f = t.fpscr;
  const bad = ex & (S.VX_ALL | S.ZX);
  if (bad !== 0 && S.enabled(f, bad) !== 0) {
    t.fpscr = S.raise(f & ~(S.FR | S.FI), ex);
    return fpTrap(core, t, pc);
  }
  const V = t.vsr;
  V[4 * xt] = OUT[0];
  V[4 * xt + 1] = OUT[1];
  V[4 * xt + 2] = OUT[2];
  V[4 * xt + 3] = OUT[3];
  t.fpscr = S.raise(f & ~(S.FR | S.FI | S.FPRF), ex) | (ex & (S.FR | S.FI)) | fprf;
  return (f & 0xf8) !== 0 && S.enabled(f, ex) !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}

/** xscvdpsp: the single word in words 0 and 1 of doubleword 0, FPRF of the single */
function scalarResult32(
  core: ExecCore,
  t: ThreadState,
  pc: number,
  xt: number,
  word: number,
  ex: number,
  _single: boolean,
): number {
  OUT[3] = OUT[2] = word;
  OUT[1] = OUT[0] = 0;
  return scalarWithFprf(core, t, pc, xt, ex, fprf32(word));
}

/** A double result as words (NaN or number) with FPRF */
function scalarWords(
  core: ExecCore,
  t: ThreadState,
  pc: number,
  xt: number,
  hi: number,
  lo: number,
  ex: number,
  single: boolean,
): number {
  OUT[3] = hi;
  OUT[2] = lo;
  OUT[1] = OUT[0] = 0;
  let fprf: number;
  if (isNaNWords(hi, lo)) fprf = S.FPRF_QNAN;
  else {
    F64_W[1] = hi;
    F64_W[0] = lo;
    fprf = single ? S.fprfS(F64[0]) : S.fprfD(F64[0]);
  }
  return scalarWithFprf(core, t, pc, xt, ex, fprf);
}

/** A conversion to an integer: OUT placed; FI set to fi, FR to 0 (qemu), FPRF unchanged */
function scalarNoFprf(core: ExecCore, t: ThreadState, pc: number, xt: number, ex: number, fi: number): number {
  const f = t.fpscr;
  const bad = ex & S.VX_ALL;
  if (bad !== 0 && S.enabled(f, bad) !== 0) {
    t.fpscr = S.raise(f & ~(S.FR | S.FI), ex);
    return fpTrap(core, t, pc);
  }
  const V = t.vsr;
  V[4 * xt] = OUT[0];
  V[4 * xt + 1] = OUT[1];
  V[4 * xt + 2] = OUT[2];
  V[4 * xt + 3] = OUT[3];
  t.fpscr = S.raise(f & ~(S.FR | S.FI), ex) | fi | (ex & S.FR);
  return (f & 0xf8) !== 0 && S.enabled(f, ex) !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}
