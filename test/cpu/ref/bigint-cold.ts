// The core set's cold operations as they were written with BigInt (sim/cpu/cold.ts before its
// number paths): the reference of test/cpu/int-sameness.test.ts. Not part of the product.
import { K_CACHE, K_DCBZ, K_LARX, K_LOAD, K_STCX, K_STORE, type Core } from '../../../sim/cpu/core';
import type { DataPort } from '../../../sim/cpu/data-port';
import { addrOf, segv, sigbus, sigill } from '../../../sim/cpu/fault';
import { Op, OP_INFO } from '../../../sim/cpu/ops';
import {
  CTR,
  toBig,
  XER_CA,
  XER_CA32,
  XER_OV,
  XER_OV32,
  XER_SO,
  type ThreadState,
} from '../../../sim/cpu/thread-state';

import { COLD_JUMP, COLD_NEXT, COLD_STOP } from '../../../sim/cpu/cold-result';
import { FAMILY_BASE } from '../../../sim/cpu/isa/families';
import { execFamily } from '../../../sim/cpu/isa/exec-families';
export { COLD_JUMP, COLD_NEXT, COLD_STOP };

const M64 = 0xffffffffffffffffn;
const M32 = 0xffffffffn;
const SIGN64 = 1n << 63n;

const rtOf = (w: number) => (w >>> 21) & 31;
const raOf = (w: number) => (w >>> 16) & 31;
const rbOf = (w: number) => (w >>> 11) & 31;
const sext16 = (w: number) => BigInt((w << 16) >> 16);
const signed64 = (v: bigint) => BigInt.asIntN(64, v);

function g(t: ThreadState, i: number): bigint {
  return toBig(t.hi[i], t.lo[i]);
}
function s(t: ThreadState, i: number, v: bigint): void {
  t.hi[i] = Number((v >> 32n) & M32) | 0;
  t.lo[i] = Number(v & M32) | 0;
}
function so(t: ThreadState): number {
  return t.xerNum < 0 ? 1 : 0;
}
function setCrf(t: ThreadState, bf: number, v: number): void {
  const sh = 28 - 4 * bf;
  t.crNum = (t.crNum & ~(15 << sh)) | ((v & 15) << sh);
}
function cr0(t: ThreadState, v: bigint): void {
  const x = signed64(v);
  setCrf(t, 0, (x < 0n ? 8 : x > 0n ? 4 : 2) | so(t));
}
function setOv(t: ThreadState, ov: boolean, ov32: boolean): void {
  let x = t.xerNum & ~(XER_OV | XER_OV32);
  if (ov) x |= XER_OV | XER_SO;
  if (ov32) x |= XER_OV32;
  t.xerNum = x;
}
function setCa(t: ThreadState, ca: boolean, ca32: boolean): void {
  let x = t.xerNum & ~(XER_CA | XER_CA32);
  if (ca) x |= XER_CA;
  if (ca32) x |= XER_CA32;
  t.xerNum = x;
}
const caIn = (t: ThreadState) => ((t.xerNum & XER_CA) !== 0 ? 1n : 0n);

/** MASK(mb, me) of the ISA, 64 bits, IBM bit numbering, wrapping when mb > me. */
export function mask64(mb: number, me: number): bigint {
  const from = (M64 >> BigInt(mb)) & M64; // bits mb..63
  const to = (M64 << BigInt(63 - me)) & M64; // bits 0..me
  return mb <= me ? from & to : from | to;
}
function rotl64(v: bigint, n: number): bigint {
  const k = BigInt(n & 63);
  return k === 0n ? v : ((v << k) | (v >> (64n - k))) & M64;
}
function rotl32dup(v: bigint, n: number): bigint {
  const w = v & M32;
  return rotl64((w << 32n) | w, n & 31);
}
function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
function clz64(v: bigint): number {
  const h = Number(v >> 32n);
  return h !== 0 ? Math.clz32(h) : 32 + Math.clz32(Number(v & M32));
}

/** a + b + cin on 64 bits with carry out of bit 0 and bit 32, and signed overflow (64 and 32). */
function addFull(t: ThreadState, a: bigint, b: bigint, cin: bigint, w: number, setCarry: boolean): bigint {
  const sum = a + b + cin;
  const r = sum & M64;
  if (setCarry) setCa(t, sum > M64, (a & M32) + (b & M32) + cin > M32);
  if (w & 0x400) {
    const ov = ((a ^ r) & (b ^ r) & SIGN64) !== 0n;
    const ov32 = ((a ^ r) & (b ^ r) & 0x80000000n) !== 0n;
    setOv(t, ov, ov32);
  }
  return r;
}

function trapCond(to: number, a: bigint, b: bigint, bits: 32 | 64): boolean {
  const sa = BigInt.asIntN(bits, a),
    sb = BigInt.asIntN(bits, b);
  const ua = BigInt.asUintN(bits, a),
    ub = BigInt.asUintN(bits, b);
  return (
    ((to & 16) !== 0 && sa < sb) ||
    ((to & 8) !== 0 && sa > sb) ||
    ((to & 4) !== 0 && sa === sb) ||
    ((to & 2) !== 0 && ua < ub) ||
    ((to & 1) !== 0 && ua > ub)
  );
}

/** Divides as qemu does: an overflowing or by-zero division divides by 1 instead (and sets OV). */
function divide(t: ThreadState, w: number, op: Op): bigint {
  const word = op === Op.DIVW || op === Op.DIVWU;
  const sign = op === Op.DIVW || op === Op.DIVD;
  const bits = word ? 32 : 64;
  const ra = g(t, raOf(w)),
    rb = g(t, rbOf(w));
  let x = sign ? BigInt.asIntN(bits, ra) : BigInt.asUintN(bits, ra);
  let y = sign ? BigInt.asIntN(bits, rb) : BigInt.asUintN(bits, rb);
  const min = -(1n << BigInt(bits - 1));
  const bad = y === 0n || (sign && x === min && y === -1n);
  if (bad) y = 1n;
  const q = BigInt.asUintN(bits, x / y); // BigInt division truncates toward zero, as the ISA's
  if (w & 0x400) setOv(t, bad, bad);
  x = q;
  return x; // divw/divwu: the 32-bit quotient zero-extended (qemu)
}

/** The effective address of a memory op as halves, or -1 for an invalid form. */
function ea(t: ThreadState, w: number, form: string): bigint {
  const ra = raOf(w);
  const base = ra === 0 ? 0n : g(t, ra);
  switch (form) {
    case 'D':
      return (base + sext16(w)) & M64;
    case 'DS':
      return (base + sext16(w & 0xfffc)) & M64;
    case 'DQ':
      return (base + sext16(w & 0xfff0)) & M64;
    case 'X':
      return (base + g(t, rbOf(w))) & M64;
    default:
      return base;
  }
}

function bswap(v: bigint, size: number): bigint {
  let r = 0n;
  for (let i = 0; i < size; i++) r = (r << 8n) | ((v >> BigInt(8 * i)) & 0xffn);
  return r;
}

const hiOf = (v: bigint) => Number((v >> 32n) & M32) | 0;
const loOf = (v: bigint) => Number(v & M32) | 0;

/** The BigInt semantics of the core set before the number paths (the sameness test's reference). */
export function refExecCold(
  core: Core,
  t: ThreadState,
  port: DataPort,
  op: Op,
  w: number,
  w2: number,
  pc: number,
): number {
  if (op >= FAMILY_BASE) return execFamily(core, t, port, op, w, w2, pc);
  const stop = (x: Core['pending']) => {
    core.pending = x;
    return COLD_STOP;
  };
  const rt = rtOf(w),
    ra = raOf(w),
    rb = rbOf(w),
    rc = (w & 1) !== 0;

  /** Reports and checks one access; false = stopped (DAWR). */
  const watch = (addr: bigint, size: number, kind: number): boolean => {
    if (core.checking && core.access(hiOf(addr), loOf(addr), size, kind)) {
      core.pending = { kind: 'dawr', dar: core.dar };
      return false;
    }
    return true;
  };
  const load = (addr: bigint, size: number): bigint | undefined => {
    if (!port.load(hiOf(addr), loOf(addr), size)) return undefined;
    return toBig(port.vhi, port.vlo);
  };
  const store = (addr: bigint, size: number, v: bigint): boolean =>
    port.store(hiOf(addr), loOf(addr), size, hiOf(v), loOf(v));

  switch (op) {
    // ---- arithmetic
    case Op.ADDIC:
    case Op.ADDIC_RC: {
      const r = addFull(t, g(t, ra), sext16(w) & M64, 0n, 0, true);
      s(t, rt, r);
      if (op === Op.ADDIC_RC) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.SUBFIC:
      s(t, rt, addFull(t, ~g(t, ra) & M64, sext16(w) & M64, 1n, 0, true));
      return COLD_NEXT;
    case Op.MULLI:
      s(t, rt, BigInt.asUintN(64, signed64(g(t, ra)) * sext16(w)));
      return COLD_NEXT;
    case Op.ADDC:
    case Op.ADDE:
    case Op.ADDZE:
    case Op.ADDME:
    case Op.SUBFC:
    case Op.SUBFE:
    case Op.SUBFZE:
    case Op.SUBFME: {
      const sub = op === Op.SUBFC || op === Op.SUBFE || op === Op.SUBFZE || op === Op.SUBFME;
      const x = sub ? ~g(t, ra) & M64 : g(t, ra);
      const y =
        op === Op.ADDC || op === Op.ADDE || op === Op.SUBFC || op === Op.SUBFE
          ? g(t, rb)
          : op === Op.ADDME || op === Op.SUBFME
            ? M64
            : 0n;
      const cin = op === Op.ADDC ? 0n : op === Op.SUBFC ? 1n : caIn(t);
      const r = addFull(t, x, y, cin, w, true);
      s(t, rt, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.MULLW: {
      const p = BigInt.asIntN(32, g(t, ra)) * BigInt.asIntN(32, g(t, rb));
      if (w & 0x400) {
        const ov = p !== BigInt.asIntN(32, p);
        setOv(t, ov, ov);
      }
      const r = BigInt.asUintN(64, p);
      s(t, rt, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.MULHW:
    case Op.MULHWU: {
      const x = op === Op.MULHW ? BigInt.asIntN(32, g(t, ra)) : g(t, ra) & M32;
      const y = op === Op.MULHW ? BigInt.asIntN(32, g(t, rb)) : g(t, rb) & M32;
      const r = BigInt.asUintN(32, (x * y) >> 32n); // zero-extended, as qemu leaves the upper word
      s(t, rt, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.MULLD: {
      const p = signed64(g(t, ra)) * signed64(g(t, rb));
      if (w & 0x400) {
        const ov = p !== BigInt.asIntN(64, p);
        setOv(t, ov, ov);
      }
      const r = BigInt.asUintN(64, p);
      s(t, rt, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.MULHD:
    case Op.MULHDU: {
      const x = op === Op.MULHD ? signed64(g(t, ra)) : g(t, ra);
      const y = op === Op.MULHD ? signed64(g(t, rb)) : g(t, rb);
      const r = BigInt.asUintN(64, (x * y) >> 64n);
      s(t, rt, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.DIVW:
    case Op.DIVWU:
    case Op.DIVD:
    case Op.DIVDU: {
      const r = divide(t, w, op);
      s(t, rt, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    // ---- logic (X forms: rs = rt field, destination = ra field)
    case Op.ORIS:
      s(t, ra, g(t, rt) | (BigInt(w & 0xffff) << 16n));
      return COLD_NEXT;
    case Op.XORI:
      s(t, ra, g(t, rt) ^ BigInt(w & 0xffff));
      return COLD_NEXT;
    case Op.XORIS:
      s(t, ra, g(t, rt) ^ (BigInt(w & 0xffff) << 16n));
      return COLD_NEXT;
    case Op.ANDIS_RC: {
      const r = g(t, rt) & (BigInt(w & 0xffff) << 16n);
      s(t, ra, r);
      cr0(t, r);
      return COLD_NEXT;
    }
    case Op.ANDC:
    case Op.ORC:
    case Op.NAND:
    case Op.NOR:
    case Op.EQV:
    case Op.CMPB:
    case Op.EXTSB:
    case Op.EXTSH:
    case Op.CNTLZW:
    case Op.CNTLZD:
    case Op.POPCNTB:
    case Op.POPCNTW:
    case Op.POPCNTD:
    case Op.SLW:
    case Op.SRW:
    case Op.SRAW:
    case Op.SRAWI:
    case Op.SLD:
    case Op.SRD:
    case Op.SRAD:
    case Op.SRADI: {
      const x = g(t, rt),
        y = g(t, rb);
      let r: bigint;
      switch (op) {
        case Op.ANDC:
          r = x & ~y & M64;
          break;
        case Op.ORC:
          r = (x | ~y) & M64;
          break;
        case Op.NAND:
          r = ~(x & y) & M64;
          break;
        case Op.NOR:
          r = ~(x | y) & M64;
          break;
        case Op.EQV:
          r = ~(x ^ y) & M64;
          break;
        case Op.CMPB: {
          r = 0n;
          for (let i = 0n; i < 64n; i += 8n) if (((x >> i) & 0xffn) === ((y >> i) & 0xffn)) r |= 0xffn << i;
          break;
        }
        case Op.EXTSB:
          r = BigInt.asUintN(64, BigInt.asIntN(8, x));
          break;
        case Op.EXTSH:
          r = BigInt.asUintN(64, BigInt.asIntN(16, x));
          break;
        case Op.CNTLZW:
          r = BigInt(Math.clz32(Number(x & M32)));
          break;
        case Op.CNTLZD:
          r = BigInt(clz64(x));
          break;
        case Op.POPCNTB: {
          r = 0n;
          for (let i = 0n; i < 64n; i += 8n) r |= BigInt(popcount32(Number((x >> i) & 0xffn))) << i;
          break;
        }
        case Op.POPCNTW:
          r = (BigInt(popcount32(Number(x >> 32n))) << 32n) | BigInt(popcount32(Number(x & M32)));
          break;
        case Op.POPCNTD:
          r = BigInt(popcount32(Number(x >> 32n)) + popcount32(Number(x & M32)));
          break;
        case Op.SLW: {
          const n = Number(y & 63n);
          r = n & 32 ? 0n : (x << BigInt(n)) & M32;
          break;
        }
        case Op.SRW: {
          const n = Number(y & 63n);
          r = n & 32 ? 0n : (x & M32) >> BigInt(n);
          break;
        }
        case Op.SRAW:
        case Op.SRAWI: {
          const n = op === Op.SRAWI ? rb : Number(y & 63n);
          const v = BigInt.asIntN(32, x);
          const k = n & 32 ? 31n : BigInt(n);
          r = BigInt.asUintN(64, v >> k);
          const lost = n & 32 ? (x & M32) !== 0n : (x & ((1n << k) - 1n)) !== 0n;
          const ca = v < 0n && lost;
          setCa(t, ca, ca);
          break;
        }
        case Op.SLD: {
          const n = Number(y & 127n);
          r = n & 64 ? 0n : (x << BigInt(n)) & M64;
          break;
        }
        case Op.SRD: {
          const n = Number(y & 127n);
          r = n & 64 ? 0n : x >> BigInt(n);
          break;
        }
        default: {
          // SRAD, SRADI
          const n = op === Op.SRADI ? rb | ((w & 2) << 4) : Number(y & 127n);
          const v = signed64(x);
          const k = n & 64 ? 63n : BigInt(n);
          r = BigInt.asUintN(64, v >> k);
          const lost = n & 64 ? x !== 0n : (x & ((1n << k) - 1n)) !== 0n;
          const ca = v < 0n && lost;
          setCa(t, ca, ca);
        }
      }
      s(t, ra, r);
      if (rc && op !== Op.CMPB && op !== Op.POPCNTB && op !== Op.POPCNTW && op !== Op.POPCNTD) cr0(t, r);
      return COLD_NEXT;
    }
    // ---- rotates
    case Op.RLWIMI:
    case Op.RLWNM: {
      const sh = op === Op.RLWNM ? Number(g(t, rb) & 31n) : rb;
      const m = mask64(((w >>> 6) & 31) + 32, ((w >>> 1) & 31) + 32);
      const rot = rotl32dup(g(t, rt), sh);
      const r = op === Op.RLWNM ? rot & m : (rot & m) | (g(t, ra) & ~m & M64);
      s(t, ra, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    case Op.RLDIC:
    case Op.RLDIMI:
    case Op.RLDCL:
    case Op.RLDCR: {
      const mbe = ((w >>> 6) & 31) | (((w >>> 5) & 1) << 5);
      const shi = rb | (((w >>> 1) & 1) << 5);
      let r: bigint;
      if (op === Op.RLDIC) r = rotl64(g(t, rt), shi) & mask64(mbe, 63 - shi);
      else if (op === Op.RLDIMI) {
        const m = mask64(mbe, 63 - shi);
        r = (rotl64(g(t, rt), shi) & m) | (g(t, ra) & ~m & M64);
      } else {
        const rot = rotl64(g(t, rt), Number(g(t, rb) & 63n));
        r = op === Op.RLDCL ? rot & mask64(mbe, 63) : rot & mask64(0, mbe);
      }
      s(t, ra, r);
      if (rc) cr0(t, r);
      return COLD_NEXT;
    }
    // ---- condition register
    case Op.MCRF:
      setCrf(t, (w >>> 23) & 7, (t.crNum >>> (28 - 4 * ((w >>> 18) & 7))) & 15);
      return COLD_NEXT;
    case Op.CRAND:
    case Op.CROR:
    case Op.CRXOR:
    case Op.CRNAND:
    case Op.CRNOR:
    case Op.CREQV:
    case Op.CRANDC:
    case Op.CRORC: {
      const x = (t.crNum >>> (31 - ra)) & 1,
        y = (t.crNum >>> (31 - rb)) & 1;
      const v =
        op === Op.CRAND
          ? x & y
          : op === Op.CROR
            ? x | y
            : op === Op.CRXOR
              ? x ^ y
              : op === Op.CRNAND
                ? 1 - (x & y)
                : op === Op.CRNOR
                  ? 1 - (x | y)
                  : op === Op.CREQV
                    ? 1 - (x ^ y)
                    : op === Op.CRANDC
                      ? x & (1 - y)
                      : x | (1 - y);
      t.crNum = (t.crNum & ~(1 << (31 - rt))) | (v << (31 - rt));
      return COLD_NEXT;
    }
    case Op.MFCR:
      s(t, rt, BigInt(t.crNum >>> 0));
      return COLD_NEXT;
    case Op.MFOCRF: {
      const fxm = (w >>> 12) & 0xff;
      let m = 0;
      for (let i = 0; i < 8; i++) if (fxm & (0x80 >> i)) m |= 0xf0000000 >>> (4 * i);
      s(t, rt, BigInt((t.crNum & m) >>> 0));
      return COLD_NEXT;
    }
    case Op.MTCRF:
    case Op.MTOCRF: {
      const fxm = (w >>> 12) & 0xff;
      let m = 0;
      for (let i = 0; i < 8; i++) if (fxm & (0x80 >> i)) m |= 0xf0000000 >>> (4 * i);
      t.crNum = (t.crNum & ~m) | (t.lo[rt] & m);
      return COLD_NEXT;
    }
    // ---- traps and barriers
    case Op.TW:
    case Op.TD:
    case Op.TWI:
    case Op.TDI: {
      const y = op === Op.TW || op === Op.TD ? g(t, rb) : sext16(w) & M64;
      if (trapCond(rt, g(t, ra), y, op === Op.TW || op === Op.TWI ? 32 : 64)) return stop({ kind: 'trap' });
      return COLD_NEXT;
    }
    case Op.ISYNC:
    case Op.SYNC:
    case Op.EIEIO:
    case Op.DCBT:
    case Op.DCBTST:
      return COLD_NEXT;
    // ---- cache ops
    case Op.DCBZ:
    case Op.DCBF:
    case Op.DCBST:
    case Op.ICBI: {
      const e = ea(t, w, 'X');
      const line = e & ~127n;
      if (op === Op.DCBZ) {
        if (!watch(e, 128, K_DCBZ)) return COLD_STOP;
        if (!port.writable(hiOf(line), loOf(line), 128)) return stop(segv(e, 'dcbz', pc));
        for (let i = 0n; i < 128n; i += 8n) store(line + i, 8, 0n);
      } else {
        if (!watch(e, 128, K_CACHE)) return COLD_STOP;
        // qemu checks these as a one-byte load: an unmapped line faults
        if (load(e, 1) === undefined) return stop(segv(e, OP_INFO[op]!.name, pc));
      }
      return COLD_NEXT;
    }
    // ---- atomics
    case Op.LWARX:
    case Op.LDARX: {
      const size = op === Op.LWARX ? 4 : 8;
      const e = ea(t, w, 'X');
      if (e % BigInt(size) !== 0n) return stop(sigbus(e, `unaligned ${OP_INFO[op]!.name}`, pc));
      if (!watch(e, size, K_LARX)) return COLD_STOP;
      const v = load(e, size);
      if (v === undefined) return stop(segv(e, `load of ${size} bytes`, pc));
      t.reservation = { addr: e, size };
      t.reservationValue = v;
      s(t, rt, v);
      return COLD_NEXT;
    }
    case Op.STWCX:
    case Op.STDCX: {
      const size = op === Op.STWCX ? 4 : 8;
      const e = ea(t, w, 'X');
      // no alignment check: as in qemu, a store that does not match the (aligned) reservation just fails
      if (!watch(e, size, K_STCX)) return COLD_STOP;
      const res = t.reservation;
      let ok = false;
      if (res && res.addr === e && res.size === size) {
        // qemu: the store happens only if memory still holds what larx read
        const cur = load(e, size);
        if (cur === undefined) return stop(segv(e, `store of ${size} bytes`, pc));
        if (cur === t.reservationValue) {
          if (!store(e, size, g(t, rt) & (size === 4 ? M32 : M64))) return stop(segv(e, `store of ${size} bytes`, pc));
          ok = true;
        }
      }
      t.reservation = null;
      setCrf(t, 0, (ok ? 2 : 0) | so(t));
      return COLD_NEXT;
    }
    case Op.LMW:
    case Op.STMW:
      // little-endian mode: an alignment interrupt (Linux: SIGBUS), as on hardware and in qemu
      return stop(sigbus(ea(t, w, 'D'), `${OP_INFO[op]!.name} in little-endian mode`, pc));
    case Op.SC:
    case Op.ILLEGAL:
      return stop(sigill(w, pc));
  }

  // ---- the remaining loads and stores, described by the OPS table
  const info = OP_INFO[op];
  const acc = info?.access;
  if (!acc) return stop(sigill(w, pc));
  const isLoad = acc.kind === 'load';
  if (acc.update && (ra === 0 || (isLoad && ra === rt))) return stop(sigill(w, pc, 'invalid form of'));
  const e = ea(t, w, acc.ea);
  if (!watch(e, acc.size, isLoad ? K_LOAD : K_STORE)) return COLD_STOP;
  if (isLoad) {
    let v = load(e, acc.size);
    if (v === undefined) return stop(segv(e, `load of ${acc.size} bytes`, pc));
    if (acc.reversed) v = bswap(v, acc.size);
    if (acc.signed) v = BigInt.asUintN(64, BigInt.asIntN(acc.size * 8, v));
    s(t, rt, v);
  } else {
    let v = g(t, rt);
    if (acc.reversed) v = bswap(v, acc.size);
    if (!store(e, acc.size, v)) return stop(segv(e, `store of ${acc.size} bytes`, pc));
  }
  if (acc.update) s(t, ra, e);
  return COLD_NEXT;
}

export { CTR, addrOf, K_LOAD, K_STORE, K_LARX };
