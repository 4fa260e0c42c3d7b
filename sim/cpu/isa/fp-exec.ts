// Execution of the fp family (fp-defs.ts): FPRs are doubleword 0 of vs0..vs31 (the float64 view
// t.vsrF64[2n + 1], its words t.vsr[4n + 3] (high) and t.vsr[4n + 2] (low)).
//
// Every arithmetic result is rounded once in the mode of FPSCR[RN] (fp-arith.ts), NaNs propagate on
// their bits (first NaN of FRA, FRB, FRC, quieted), and the FPSCR follows the ISA: sticky exception
// bits, FX on a 0 -> 1 change, FR/FI/FPRF of the result, nothing written when an invalid operation
// or a zero divide is enabled (VE/ZE). Linux runs user processes with MSR[FE0 FE1] = 0 (ignore
// exceptions mode): an enabled exception then only sets FEX. With FE0/FE1 set (prctl
// PR_SET_FPEXC, as glibc's feenableexcept asks) it is a SIGFPE, as on Linux.
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import { K_LOAD, K_STORE, type ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { addrOf, segv, sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import {
  fpAdd,
  fpDiv,
  fpFma,
  fpFromInt64,
  fpMul,
  fpRoundIntegral,
  fpRoundSingle,
  fpSqrt,
  fpToInt,
  INT32,
  INT64,
  intOut,
  UINT32,
  UINT64,
} from './fp-arith';
import { dbl, doubleToSingle, isNaNWords, QUIET_BIT_HI, singleToDouble } from './fp-convert';
import { Fp } from './fp-defs';
import { arith, ENABLES, fpTrap, nanOperands, setCr1, setCrField, setFpr } from './fp-result';
import { commitScalar, fastCfid, fastCtiw, NOT_FAST, rnAdd, rnDiv, rnFma, rnMul, rnSqrt } from './fp-fast';
import { fpx, RN_AWAY, RN_DOWN, RN_UP, RN_ZERO } from './fp-round';
import * as S from './fpscr';

const isInf = (x: number) => x === Infinity || x === -Infinity;

// ---- effective addresses on 32-bit halves ----
let eaHi = 0;
let eaLo = 0;
function eaAdd(t: ThreadState, ra: number, dh: number, dl: number): void {
  if (ra === 0) {
    eaHi = dh;
    eaLo = dl;
    return;
  }
  const x = t.lo[ra];
  eaLo = (x + dl) | 0;
  eaHi = (t.hi[ra] + dh + (eaLo >>> 0 < x >>> 0 ? 1 : 0)) | 0;
}
function eaOfD(t: ThreadState, w: number, mask: number): void {
  const d = ((w & mask) << 16) >> 16;
  eaAdd(t, (w >>> 16) & 31, d >> 31, d);
}
function eaOfX(t: ThreadState, w: number): void {
  const rb = (w >>> 11) & 31;
  eaAdd(t, (w >>> 16) & 31, t.hi[rb], t.lo[rb]);
}
function dawr(core: ExecCore): number {
  core.pending = { kind: 'dawr', dar: core.dar };
  return COLD_STOP;
}

export function execFp(
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  i: number,
  w: number,
  _w2: number,
  pc: number,
): number {
  const F = t.vsrF64;
  const V = t.vsr;
  const frt = (w >>> 21) & 31;
  const fra = (w >>> 16) & 31;
  const frb = (w >>> 11) & 31;
  const frc = (w >>> 6) & 31;
  switch (i as Fp) {
    // ---- arithmetic ----
    case Fp.FADD:
    case Fp.FSUB:
    case Fp.FADDS:
    case Fp.FSUBS: {
      const single = i === Fp.FADDS || i === Fp.FSUBS;
      const sub = i === Fp.FSUB || i === Fp.FSUBS;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnAdd(F, 2 * fra + 1, 2 * frb + 1, sub, single);
        if (ex >= 0) return (commitScalar(t, frt, ex, (w & 1) !== 0), COLD_NEXT);
      }
      const a = F[2 * fra + 1];
      const b = F[2 * frb + 1];
      if (a !== a || b !== b)
        return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, fra, frb, -1, single), single);
      const r = fpAdd(a, sub ? -b : b, t.fpscr, single);
      return arith(core, t, (w & 1) !== 0, pc, frt, r, fpx.ex, single);
    }
    case Fp.FMUL:
    case Fp.FMULS: {
      const single = i === Fp.FMULS;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnMul(F, 2 * fra + 1, 2 * frc + 1, single);
        if (ex >= 0) return (commitScalar(t, frt, ex, (w & 1) !== 0), COLD_NEXT);
      }
      const a = F[2 * fra + 1];
      const c = F[2 * frc + 1];
      if (a !== a || c !== c)
        return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, fra, frc, -1, single), single);
      return arith(core, t, (w & 1) !== 0, pc, frt, fpMul(a, c, t.fpscr, single), fpx.ex, single);
    }
    case Fp.FDIV:
    case Fp.FDIVS: {
      const single = i === Fp.FDIVS;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnDiv(F, 2 * fra + 1, 2 * frb + 1, single);
        if (ex >= 0) return (commitScalar(t, frt, ex, (w & 1) !== 0), COLD_NEXT);
      }
      const a = F[2 * fra + 1];
      const b = F[2 * frb + 1];
      if (a !== a || b !== b)
        return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, fra, frb, -1, single), single);
      return arith(core, t, (w & 1) !== 0, pc, frt, fpDiv(a, b, t.fpscr, single), fpx.ex, single);
    }
    case Fp.FSQRT:
    case Fp.FSQRTS: {
      const single = i === Fp.FSQRTS;
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnSqrt(F, 2 * frb + 1, single);
        if (ex >= 0) return (commitScalar(t, frt, ex, (w & 1) !== 0), COLD_NEXT);
      }
      const b = F[2 * frb + 1];
      if (b !== b) return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, frb, -1, -1, single), single);
      return arith(core, t, (w & 1) !== 0, pc, frt, fpSqrt(b, t.fpscr, single), fpx.ex, single);
    }
    case Fp.FRE:
    case Fp.FRES: {
      // an estimate in the ISA; qemu (the reference) divides exactly
      const single = i === Fp.FRES;
      const b = F[2 * frb + 1];
      if (b !== b) return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, frb, -1, -1, single), single);
      return arith(core, t, (w & 1) !== 0, pc, frt, fpDiv(1, b, t.fpscr, single), fpx.ex, single);
    }
    case Fp.FRSQRTE:
    case Fp.FRSQRTES: {
      // an estimate in the ISA; qemu computes 1 / sqrt(x) with two roundings
      const single = i === Fp.FRSQRTES;
      const b = F[2 * frb + 1];
      if (b !== b) return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, frb, -1, -1, single), single);
      const s = fpSqrt(b, t.fpscr, false);
      const ex1 = fpx.ex;
      if (s !== s) return arith(core, t, (w & 1) !== 0, pc, frt, NaN, ex1, single);
      const r = fpDiv(1, s, t.fpscr, single);
      return arith(core, t, (w & 1) !== 0, pc, frt, r, fpx.ex | (ex1 & ~S.FR), single);
    }
    case Fp.FSEL: {
      const a = F[2 * fra + 1];
      const src = a >= 0 ? frc : frb; // -0 >= 0; a NaN selects FRB
      setFpr(V, frt, V[4 * src + 3], V[4 * src + 2]);
      if (w & 1) setCr1(t);
      return COLD_NEXT;
    }
    case Fp.FMADD:
    case Fp.FMSUB:
    case Fp.FNMADD:
    case Fp.FNMSUB:
    case Fp.FMADDS:
    case Fp.FMSUBS:
    case Fp.FNMADDS:
    case Fp.FNMSUBS: {
      const single = i >= Fp.FMADDS;
      const k = single ? i - Fp.FMADDS : i - Fp.FMADD; // 0 madd, 1 msub, 2 nmadd, 3 nmsub
      if ((t.fpscr & NOT_FAST) === 0) {
        const ex = rnFma(F, 2 * fra + 1, 2 * frc + 1, 2 * frb + 1, k, single);
        if (ex >= 0) return (commitScalar(t, frt, ex, (w & 1) !== 0), COLD_NEXT);
      }
      const a = F[2 * fra + 1];
      const b = F[2 * frb + 1];
      const c = F[2 * frc + 1];
      if (a !== a || b !== b || c !== c) {
        let ex = nanOperands(t, fra, frb, frc, single);
        if ((isInf(a) && c === 0) || (a === 0 && isInf(c))) ex |= S.VXIMZ;
        return arith(core, t, (w & 1) !== 0, pc, frt, NaN, ex, single);
      }
      let r = fpFma(a, c, k & 1 ? -b : b, t.fpscr, single);
      if (k >= 2 && r === r) r = -r; // fnmadd/fnmsub negate the rounded result (not a NaN)
      return arith(core, t, (w & 1) !== 0, pc, frt, r, fpx.ex, single);
    }

    // ---- moves (no FPSCR change) ----
    case Fp.FMR:
    case Fp.FNEG:
    case Fp.FABS:
    case Fp.FNABS: {
      const hi = V[4 * frb + 3];
      setFpr(
        V,
        frt,
        i === Fp.FMR ? hi : i === Fp.FNEG ? hi ^ 0x80000000 : i === Fp.FABS ? hi & 0x7fffffff : hi | 0x80000000,
        V[4 * frb + 2],
      );
      if (w & 1) setCr1(t);
      return COLD_NEXT;
    }
    case Fp.FCPSGN: {
      setFpr(V, frt, (V[4 * fra + 3] & 0x80000000) | (V[4 * frb + 3] & 0x7fffffff), V[4 * frb + 2]);
      if (w & 1) setCr1(t);
      return COLD_NEXT;
    }
    case Fp.FMRGEW:
    case Fp.FMRGOW: {
      const off = i === Fp.FMRGEW ? 3 : 2;
      const h = V[4 * fra + off];
      const l = V[4 * frb + off];
      setFpr(V, frt, h, l);
      return COLD_NEXT;
    }

    // ---- rounding and conversion ----
    case Fp.FRSP: {
      const b = F[2 * frb + 1];
      if (b !== b) return arith(core, t, (w & 1) !== 0, pc, frt, NaN, nanOperands(t, frb, -1, -1, true), true);
      return arith(core, t, (w & 1) !== 0, pc, frt, fpRoundSingle(b, t.fpscr), fpx.ex, true);
    }
    case Fp.FCTIW:
    case Fp.FCTIWZ:
    case Fp.FCTIWU:
    case Fp.FCTIWUZ:
    case Fp.FCTID:
    case Fp.FCTIDZ:
    case Fp.FCTIDU:
    case Fp.FCTIDUZ: {
      const k = i - Fp.FCTIW;
      if (k < 2 && fastCtiw(t, frt, frb, k === 1, (w & 1) !== 0)) return COLD_NEXT;
      const kind = [INT32, INT32, UINT32, UINT32, INT64, INT64, UINT64, UINT64][k];
      const b = F[2 * frb + 1];
      fpToInt(b, k & 1 ? RN_ZERO : t.fpscr & 3, kind);
      let ex = fpx.ex;
      if (b !== b && (V[4 * frb + 3] & QUIET_BIT_HI) === 0) ex |= S.VXSNAN;
      return convertToInt(core, t, w, pc, frt, ex);
    }
    case Fp.FCFID:
    case Fp.FCFIDU:
    case Fp.FCFIDS:
    case Fp.FCFIDUS: {
      if (i === Fp.FCFID && fastCfid(t, frt, frb, (w & 1) !== 0)) return COLD_NEXT;
      const single = i === Fp.FCFIDS || i === Fp.FCFIDUS;
      const signed = i === Fp.FCFID || i === Fp.FCFIDS;
      const r = fpFromInt64(V[4 * frb + 3], V[4 * frb + 2], signed, t.fpscr, single);
      return arith(core, t, (w & 1) !== 0, pc, frt, r, fpx.ex, single);
    }
    case Fp.FRIN:
    case Fp.FRIZ:
    case Fp.FRIP:
    case Fp.FRIM: {
      const b = F[2 * frb + 1];
      let r: number;
      let ex: number;
      if (b !== b) {
        ex = nanOperands(t, frb, -1, -1, false);
        r = NaN;
      } else {
        r = fpRoundIntegral(b, [RN_AWAY, RN_ZERO, RN_UP, RN_DOWN][i - Fp.FRIN]);
        ex = 0; // frin..frim set neither XX nor FI nor FR
      }
      return arith(core, t, (w & 1) !== 0, pc, frt, r, ex, false);
    }

    // ---- compare and test ----
    case Fp.FCMPU:
    case Fp.FCMPO: {
      const a = F[2 * fra + 1];
      const b = F[2 * frb + 1];
      let c: number;
      let ex = 0;
      if (a !== a || b !== b) {
        c = 1;
        const snan =
          (a !== a && (V[4 * fra + 3] & QUIET_BIT_HI) === 0) || (b !== b && (V[4 * frb + 3] & QUIET_BIT_HI) === 0);
        if (snan) ex = S.VXSNAN;
        // fcmpo: VXVC for a QNaN, and for an SNaN when invalid operations are disabled
        if (i === Fp.FCMPO && (!snan || (t.fpscr & S.VE) === 0)) ex |= S.VXVC;
      } else c = a < b ? 8 : a > b ? 4 : 2;
      setCrField(t, (w >>> 23) & 7, c);
      const f = (t.fpscr & ~S.FPCC) | (c << 12);
      t.fpscr = ex ? S.raise(f, ex) : f;
      return ex && S.enabled(f, ex) ? fpTrap(core, t, pc) : COLD_NEXT;
    }
    case Fp.FTDIV: {
      setCrField(t, (w >>> 23) & 7, testDiv(V[4 * fra + 3], V[4 * fra + 2], V[4 * frb + 3], V[4 * frb + 2]));
      return COLD_NEXT;
    }
    case Fp.FTSQRT: {
      setCrField(t, (w >>> 23) & 7, testSqrt(V[4 * frb + 3], V[4 * frb + 2]));
      return COLD_NEXT;
    }

    // ---- FPSCR ----
    case Fp.MFFS:
    case Fp.MFFSCE:
    case Fp.MFFSL:
    case Fp.MFFSCDRN:
    case Fp.MFFSCDRNI:
    case Fp.MFFSCRN:
    case Fp.MFFSCRNI: {
      const f = t.fpscr;
      const drn = t.fpscrDrn;
      let lo = f;
      if (i === Fp.MFFSL) lo = f & (S.FR | S.FI | S.FPRF | ENABLES | S.RN);
      else if (i !== Fp.MFFS && i !== Fp.MFFSCE) lo = f & (ENABLES | S.RN);
      // the new DRN/RN come from FRB before FRT is written (they may be the same register)
      const bhi = V[4 * frb + 3];
      const blo = V[4 * frb + 2];
      setFpr(V, frt, drn, lo);
      switch (i) {
        case Fp.MFFSCE:
          t.fpscr = S.store(f, 0, ENABLES);
          break;
        case Fp.MFFSCDRN:
          t.fpscrDrn = bhi & 7;
          break;
        case Fp.MFFSCDRNI:
          t.fpscrDrn = (w >>> 11) & 7;
          break;
        case Fp.MFFSCRN:
          t.fpscr = S.store(f, blo, S.RN);
          break;
        case Fp.MFFSCRNI:
          t.fpscr = S.store(f, (w >>> 11) & 3, S.RN);
          break;
      }
      if (i === Fp.MFFS && w & 1) setCr1(t);
      return COLD_NEXT;
    }
    case Fp.MTFSF: {
      const l = (w >>> 25) & 1;
      const wbit = (w >>> 16) & 1;
      const flm = (w >>> 17) & 0xff;
      const hi = V[4 * frb + 3];
      const lo = V[4 * frb + 2];
      if (l) {
        t.fpscr = S.store(t.fpscr, lo, -1);
        t.fpscrDrn = hi & 7;
      } else if (wbit) {
        if (flm & 1) t.fpscrDrn = hi & 7;
      } else {
        let mask = 0;
        for (let k = 0; k < 8; k++) if (flm & (1 << k)) mask |= 0xf << (4 * k);
        t.fpscr = S.store(t.fpscr, lo, mask);
      }
      return afterMtfs(core, t, w, pc);
    }
    case Fp.MTFSFI: {
      const bf = (w >>> 23) & 7;
      const u = (w >>> 12) & 15;
      if ((w >>> 16) & 1) {
        if (bf === 7) t.fpscrDrn = u & 7;
      } else {
        const sh = 4 * (7 - bf);
        t.fpscr = S.store(t.fpscr, u << sh, 0xf << sh);
      }
      return afterMtfs(core, t, w, pc);
    }
    case Fp.MTFSB0:
    case Fp.MTFSB1: {
      const bt = frt;
      // FEX and VX are summaries; qemu keeps NI at 0 ("only IEEE mode")
      if (bt !== 1 && bt !== 2 && !(i === Fp.MTFSB1 && bt === 29)) {
        const bit = 1 << (31 - bt);
        t.fpscr = i === Fp.MTFSB0 ? S.store(t.fpscr, 0, bit) : S.store(t.fpscr, -1, bit);
      }
      return afterMtfs(core, t, w, pc);
    }
    case Fp.MCRFS: {
      const sh = 4 * (7 - ((w >>> 18) & 7));
      const f = t.fpscr;
      setCrField(t, (w >>> 23) & 7, (f >>> sh) & 15);
      // the exception bits read are cleared (FEX and VX follow)
      t.fpscr = S.store(f, 0, (15 << sh) & (S.FX | S.EXCEPTIONS));
      return COLD_NEXT;
    }

    // ---- loads and stores ----
    case Fp.LFS:
    case Fp.LFSU:
    case Fp.LFD:
    case Fp.LFDU:
    case Fp.LFSX:
    case Fp.LFSUX:
    case Fp.LFDX:
    case Fp.LFDUX: {
      const x = i >= Fp.LFSX;
      const k = x ? i - Fp.LFSX : i - Fp.LFS; // 0 lfs, 1 lfsu, 2 lfd, 3 lfdu
      const update = (k & 1) !== 0;
      if (update && fra === 0) return ill(core, w, pc);
      if (x) eaOfX(t, w);
      else eaOfD(t, w, 0xffff);
      const size = k >= 2 ? 8 : 4;
      if (core.checking && core.access(eaHi, eaLo, size, K_LOAD)) return dawr(core);
      if (!port.load(eaHi, eaLo, size)) return fault(core, size, 'load', pc);
      if (size === 8) setFpr(V, frt, port.vhi, port.vlo);
      else {
        singleToDouble(port.vlo);
        setFpr(V, frt, dbl.hi, dbl.lo);
      }
      if (update) {
        t.hi[fra] = eaHi;
        t.lo[fra] = eaLo;
      }
      return COLD_NEXT;
    }
    case Fp.STFS:
    case Fp.STFSU:
    case Fp.STFD:
    case Fp.STFDU:
    case Fp.STFSX:
    case Fp.STFSUX:
    case Fp.STFDX:
    case Fp.STFDUX: {
      const x = i >= Fp.STFSX;
      const k = x ? i - Fp.STFSX : i - Fp.STFS;
      const update = (k & 1) !== 0;
      if (update && fra === 0) return ill(core, w, pc);
      if (x) eaOfX(t, w);
      else eaOfD(t, w, 0xffff);
      const size = k >= 2 ? 8 : 4;
      if (core.checking && core.access(eaHi, eaLo, size, K_STORE)) return dawr(core);
      const hi = V[4 * frt + 3];
      const lo = V[4 * frt + 2];
      const ok = size === 8 ? port.store(eaHi, eaLo, 8, hi, lo) : port.store(eaHi, eaLo, 4, 0, doubleToSingle(hi, lo));
      if (!ok) return fault(core, size, 'store', pc);
      if (update) {
        t.hi[fra] = eaHi;
        t.lo[fra] = eaLo;
      }
      return COLD_NEXT;
    }
    case Fp.LFIWAX:
    case Fp.LFIWZX: {
      eaOfX(t, w);
      if (core.checking && core.access(eaHi, eaLo, 4, K_LOAD)) return dawr(core);
      if (!port.load(eaHi, eaLo, 4)) return fault(core, 4, 'load', pc);
      setFpr(V, frt, i === Fp.LFIWAX ? port.vlo >> 31 : 0, port.vlo);
      return COLD_NEXT;
    }
    case Fp.STFIWX: {
      eaOfX(t, w);
      if (core.checking && core.access(eaHi, eaLo, 4, K_STORE)) return dawr(core);
      if (!port.store(eaHi, eaLo, 4, 0, V[4 * frt + 2])) return fault(core, 4, 'store', pc);
      return COLD_NEXT;
    }
    case Fp.LFDP:
    case Fp.LFDPX: {
      if (i === Fp.LFDP) eaOfD(t, w, 0xfffc);
      else eaOfX(t, w);
      if (core.checking && core.access(eaHi, eaLo, 16, K_LOAD)) return dawr(core);
      // little-endian: the doubleword at EA is FRT+1's, the one at EA+8 FRT's (as qemu)
      if (!port.load(eaHi, eaLo, 8)) return fault(core, 16, 'load', pc);
      const h1 = port.vhi;
      const l1 = port.vlo;
      const l8 = (eaLo + 8) | 0;
      const h8 = (eaHi + (l8 >>> 0 < eaLo >>> 0 ? 1 : 0)) | 0;
      if (!port.load(h8, l8, 8)) return fault(core, 16, 'load', pc);
      setFpr(V, frt, port.vhi, port.vlo);
      setFpr(V, frt + 1, h1, l1);
      return COLD_NEXT;
    }
    case Fp.STFDP:
    case Fp.STFDPX: {
      if (i === Fp.STFDP) eaOfD(t, w, 0xfffc);
      else eaOfX(t, w);
      if (core.checking && core.access(eaHi, eaLo, 16, K_STORE)) return dawr(core);
      if (!port.writable(eaHi, eaLo, 16)) return fault(core, 16, 'store', pc);
      const l8 = (eaLo + 8) | 0;
      const h8 = (eaHi + (l8 >>> 0 < eaLo >>> 0 ? 1 : 0)) | 0;
      port.store(eaHi, eaLo, 8, V[4 * (frt + 1) + 3], V[4 * (frt + 1) + 2]);
      port.store(h8, l8, 8, V[4 * frt + 3], V[4 * frt + 2]);
      return COLD_NEXT;
    }
  }
  return ill(core, w, pc);
}

function ill(core: ExecCore, w: number, pc: number): number {
  core.pending = sigill(w, pc);
  return COLD_STOP;
}
function fault(core: ExecCore, size: number, what: string, pc: number): number {
  core.pending = segv(addrOf(eaHi, eaLo), `${what} of ${size} bytes`, pc);
  return COLD_STOP;
}

/** mtfsf/mtfsfi/mtfsb*: CR1 for a record form; an enabled exception now pending interrupts. */
function afterMtfs(core: ExecCore, t: ThreadState, w: number, pc: number): number {
  if (w & 1) setCr1(t);
  return (t.fpscr & S.FEX) !== 0 ? fpTrap(core, t, pc) : COLD_NEXT;
}

/** fctiw..fctiduz: intOut into FRT with the exception bits ex (FPRF is left alone: undefined). */
function convertToInt(core: ExecCore, t: ThreadState, w: number, pc: number, frt: number, ex: number): number {
  const f = t.fpscr;
  let trap = false;
  if (ex & S.VX_ALL) {
    if (S.enabled(f, ex) !== 0) {
      t.fpscr = S.raise(f & ~(S.FR | S.FI), ex);
      trap = true;
    } else {
      setFpr(t.vsr, frt, intOut.hi, intOut.lo);
      // qemu sets FPCC to "unordered" (C|FU) for an invalid conversion
      t.fpscr = S.raise((f & ~(S.FR | S.FI | S.FPRF)) | S.FPRF_QNAN, ex);
    }
  } else {
    setFpr(t.vsr, frt, intOut.hi, intOut.lo);
    t.fpscr = S.raise(f & ~(S.FR | S.FI), ex) | (ex & (S.FR | S.FI));
    trap = (f & S.XE) !== 0 && (ex & S.XX) !== 0;
  }
  if (w & 1) setCr1(t);
  return trap ? fpTrap(core, t, pc) : COLD_NEXT;
}

const bexp = (hi: number) => (hi >>> 20) & 0x7ff;
const isZeroW = (hi: number, lo: number) => ((hi & 0x7fffffff) | lo) === 0;
const isInfW = (hi: number, lo: number) => (hi & 0x7fffffff) === 0x7ff00000 && lo === 0;

/** ftdiv's CR field (qemu's helper_FTDIV, the ISA's test for software divide). */
export function testDiv(ah: number, al: number, bh: number, bl: number): number {
  let fe = 0;
  let fg = 0;
  if (isInfW(ah, al) || isInfW(bh, bl) || isZeroW(bh, bl)) {
    fe = fg = 1;
  } else {
    const ea = bexp(ah) - 1023;
    const eb = bexp(bh) - 1023;
    if (isNaNWords(ah, al) || isNaNWords(bh, bl)) fe = 1;
    else if (eb <= -1022 || eb >= 1021) fe = 1;
    else if (!isZeroW(ah, al) && (ea - eb >= 1023 || ea - eb <= -1021 || ea <= -970)) fe = 1;
    if (bexp(bh) === 0) fg = 1;
  }
  return 8 | (fg << 2) | (fe << 1);
}

/** ftsqrt's CR field. */
export function testSqrt(bh: number, bl: number): number {
  let fe = 0;
  let fg = 0;
  if (isInfW(bh, bl) || isZeroW(bh, bl)) {
    fe = fg = 1;
  } else {
    const eb = bexp(bh) - 1023;
    if (isNaNWords(bh, bl)) fe = 1;
    else if (bh < 0) fe = 1;
    else if (eb <= -1022 + 52) fe = 1;
    if (bexp(bh) === 0) fg = 1;
  }
  return 8 | (fg << 2) | (fe << 1);
}
