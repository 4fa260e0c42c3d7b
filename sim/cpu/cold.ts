// Semantics of the operations the hot loop does not inline, in number arithmetic on the registers'
// 32-bit halves (sim/cpu/int64.ts) wherever a loop may run them (multiply high, divide, popcount,
// byte-reversed loads and stores, traps); BigInt only for the rare and wide (64-bit division beyond
// 2^53, reservations, cache lines). Results follow qemu-ppc64le where the ISA leaves them undefined
// (division by zero, mulhw's upper word). test/cpu/int-sameness.test.ts checks these against the
// BigInt semantics they replaced.
import { K_CACHE, K_DCBZ, K_LARX, K_LOAD, K_STCX, K_STORE, type ExecCore } from './exec-core';
import type { DataPort } from './data-port';
import { addrOf, segv, sigbus, sigill } from './fault';
import { bswap32, fromNum, mulhs32, mulhs64, mulhu32, mulhu64, popcnt32, R, toNumS, toNumU } from './int64';
import { Op, OP_INFO } from './ops';
import { CTR, toBig, XER_OV, XER_OV32, XER_SO, type ThreadState } from './thread-state';

import { COLD_JUMP, COLD_NEXT, COLD_STOP } from './cold-result';
import { FAMILY_BASE } from './isa/families';
import { execFamily } from './isa/exec-families';
export { COLD_JUMP, COLD_NEXT, COLD_STOP };

const M64 = 0xffffffffffffffffn;
const M32 = 0xffffffffn;

const rtOf = (w: number) => (w >>> 21) & 31;
const raOf = (w: number) => (w >>> 16) & 31;
const rbOf = (w: number) => (w >>> 11) & 31;
const sext16 = (w: number) => BigInt((w << 16) >> 16);

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
/** CR0 from a 64-bit result held as halves */
function cr0n(t: ThreadState, hi: number, lo: number): void {
  setCrf(t, 0, (hi < 0 ? 8 : (hi | lo) !== 0 ? 4 : 2) | so(t));
}
function setOv(t: ThreadState, ov: boolean, ov32: boolean): void {
  let x = t.xerNum & ~(XER_OV | XER_OV32);
  if (ov) x |= XER_OV | XER_SO;
  if (ov32) x |= XER_OV32;
  t.xerNum = x;
}
/** Sets register i to hi:lo (and CR0 from it when rc). */
function put(t: ThreadState, i: number, hi: number, lo: number, rc: boolean): void {
  t.hi[i] = hi;
  t.lo[i] = lo;
  if (rc) cr0n(t, hi, lo);
}

/** The trap condition TO of a compare: a, b as halves; a 32-bit compare looks at the low words. */
function trapCond(to: number, ah: number, al: number, bh: number, bl: number, word: boolean): boolean {
  let lt: boolean, gt: boolean, ltu: boolean, gtu: boolean;
  if (word) {
    lt = al < bl;
    gt = al > bl;
    ltu = al >>> 0 < bl >>> 0;
    gtu = al >>> 0 > bl >>> 0;
  } else if (ah !== bh) {
    lt = ah < bh;
    gt = ah > bh;
    ltu = ah >>> 0 < bh >>> 0;
    gtu = ah >>> 0 > bh >>> 0;
  } else {
    ltu = al >>> 0 < bl >>> 0;
    gtu = al >>> 0 > bl >>> 0;
    lt = ltu;
    gt = gtu;
  }
  const eq = word ? al === bl : ah === bh && al === bl;
  return (
    ((to & 16) !== 0 && lt) ||
    ((to & 8) !== 0 && gt) ||
    ((to & 4) !== 0 && eq) ||
    ((to & 2) !== 0 && ltu) ||
    ((to & 1) !== 0 && gtu)
  );
}

/**
 * Divides as qemu does: an overflowing or by-zero division divides by 1 instead (and sets OV). The
 * word forms give the 32-bit quotient zero-extended (qemu). Into t's RT; numbers while the operands
 * are exact as doubles (|x| < 2^53: the truncated double quotient is then exact), else BigInt.
 */
function divide(t: ThreadState, w: number, op: Op): void {
  const ra = raOf(w),
    rb = rbOf(w),
    rt = rtOf(w);
  const oe = (w & 0x400) !== 0,
    rc = (w & 1) !== 0;
  if (op === Op.DIVW || op === Op.DIVWU) {
    let x = t.lo[ra],
      y = t.lo[rb];
    let bad: boolean;
    let q: number;
    if (op === Op.DIVW) {
      bad = y === 0 || (x === -0x80000000 && y === -1);
      q = bad ? x : Math.trunc(x / y);
    } else {
      x >>>= 0;
      y >>>= 0;
      bad = y === 0;
      q = bad ? x : Math.trunc(x / y);
    }
    if (oe) setOv(t, bad, bad);
    put(t, rt, 0, q | 0, rc);
    return;
  }
  const xh = t.hi[ra],
    xl = t.lo[ra],
    yh = t.hi[rb],
    yl = t.lo[rb];
  const signed = op === Op.DIVD;
  const x = signed ? toNumS(xh, xl) : toNumU(xh, xl);
  const y = signed ? toNumS(yh, yl) : toNumU(yh, yl);
  const yZero = (yh | yl) === 0;
  if (x === x && y === y) {
    // both exact (NaN otherwise): min64 / -1 cannot occur below 2^53
    if (oe) setOv(t, yZero, yZero);
    if (yZero) put(t, rt, xh, xl, rc);
    else {
      fromNum(Math.trunc(x / y));
      put(t, rt, R[0], R[1], rc);
    }
    return;
  }
  // a divisor below 2^32 (in magnitude): long division by 16-bit pieces, every step exact
  if (!yZero) {
    const negX = signed && xh < 0,
      negY = signed && yh < 0;
    let ah = xh,
      al = xl,
      bh = yh,
      bl = yl;
    if (negX) {
      al = -al | 0;
      ah = (~ah + (al === 0 ? 1 : 0)) | 0;
    }
    if (negY) {
      bl = -bl | 0;
      bh = (~bh + (bl === 0 ? 1 : 0)) | 0;
    }
    if (bh === 0 && !(negX && ah === -0x80000000 && al === 0 && negY && bl === 1)) {
      const d = bl >>> 0;
      let cur = (ah >>> 16) & 0xffff;
      const q0 = Math.floor(cur / d);
      cur = (cur - q0 * d) * 65536 + (ah & 0xffff);
      const q1 = Math.floor(cur / d);
      cur = (cur - q1 * d) * 65536 + ((al >>> 16) & 0xffff);
      const q2 = Math.floor(cur / d);
      cur = (cur - q2 * d) * 65536 + (al & 0xffff);
      const q3 = Math.floor(cur / d);
      let qh = (q0 << 16) | q1 | 0,
        ql = (q2 << 16) | q3 | 0;
      if (negX !== negY) {
        ql = -ql | 0;
        qh = (~qh + (ql === 0 ? 1 : 0)) | 0;
      }
      if (oe) setOv(t, false, false);
      put(t, rt, qh, ql, rc);
      return;
    }
  }
  let a = signed ? BigInt.asIntN(64, toBig(xh, xl)) : toBig(xh, xl);
  let b = signed ? BigInt.asIntN(64, toBig(yh, yl)) : toBig(yh, yl);
  const bad = b === 0n || (signed && a === -(1n << 63n) && b === -1n);
  if (bad) b = 1n;
  a = BigInt.asUintN(64, a / b);
  if (oe) setOv(t, bad, bad);
  put(t, rt, Number(a >> 32n) | 0, Number(a & M32) | 0, rc);
}

/** The effective address of a memory op as a bigint. */
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

const hiOf = (v: bigint) => Number((v >> 32n) & M32) | 0;
const loOf = (v: bigint) => Number(v & M32) | 0;

// The core and port of the operation being executed (set on entry: the helpers below need no
// closure, so an operation allocates nothing).
let C: ExecCore | null = null;
let P: DataPort | null = null;
function stop(x: ExecCore['pending']): number {
  C!.pending = x;
  return COLD_STOP;
}
/** Reports and checks one access; false = stopped (DAWR). */
function watch(addr: bigint, size: number, kind: number): boolean {
  const core = C!;
  if (core.checking && core.access(hiOf(addr), loOf(addr), size, kind)) {
    core.pending = { kind: 'dawr', dar: core.dar };
    return false;
  }
  return true;
}
function load(addr: bigint, size: number): bigint | undefined {
  const port = P!;
  if (!port.load(hiOf(addr), loOf(addr), size)) return undefined;
  return toBig(port.vhi, port.vlo);
}
function store(addr: bigint, size: number, v: bigint): boolean {
  return P!.store(hiOf(addr), loOf(addr), size, hiOf(v), loOf(v));
}

export function execCold(
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  op: Op,
  w: number,
  w2: number,
  pc: number,
): number {
  if (op >= FAMILY_BASE) return execFamily(core, t, port, op, w, w2, pc);
  C = core;
  P = port;
  const rt = rtOf(w),
    ra = raOf(w),
    rb = rbOf(w),
    rc = (w & 1) !== 0;
  const hi = t.hi,
    lo = t.lo;

  switch (op) {
    // ---- multiply high, divide (the multiplies and carrying forms are inline in execute.ts)
    case Op.MULHW:
      put(t, rt, 0, mulhs32(lo[ra], lo[rb]), rc);
      return COLD_NEXT; // zero-extended, as qemu leaves the upper word
    case Op.MULHWU:
      put(t, rt, 0, mulhu32(lo[ra], lo[rb]), rc);
      return COLD_NEXT;
    case Op.MULHD:
      mulhs64(hi[ra], lo[ra], hi[rb], lo[rb]);
      put(t, rt, R[0], R[1], rc);
      return COLD_NEXT;
    case Op.MULHDU:
      mulhu64(hi[ra], lo[ra], hi[rb], lo[rb]);
      put(t, rt, R[0], R[1], rc);
      return COLD_NEXT;
    case Op.DIVW:
    case Op.DIVWU:
    case Op.DIVD:
    case Op.DIVDU:
      divide(t, w, op);
      return COLD_NEXT;
    // ---- population counts, byte compare (X forms: rs = rt field, destination = ra field)
    case Op.POPCNTB: {
      const f = (x: number) => {
        x = x - ((x >>> 1) & 0x55555555);
        x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
        return (x + (x >>> 4)) & 0x0f0f0f0f;
      };
      hi[ra] = f(hi[rt]);
      lo[ra] = f(lo[rt]);
      return COLD_NEXT;
    }
    case Op.POPCNTW:
      hi[ra] = popcnt32(hi[rt]);
      lo[ra] = popcnt32(lo[rt]);
      return COLD_NEXT;
    case Op.POPCNTD: {
      const n = popcnt32(hi[rt]) + popcnt32(lo[rt]);
      hi[ra] = 0;
      lo[ra] = n;
      return COLD_NEXT;
    }
    case Op.CMPB: {
      const f = (x: number, y: number) => {
        let r = 0;
        for (let k = 0; k < 32; k += 8) if (((x >>> k) & 0xff) === ((y >>> k) & 0xff)) r |= 0xff << k;
        return r;
      };
      const rh = f(hi[rt], hi[rb]),
        rl = f(lo[rt], lo[rb]);
      hi[ra] = rh;
      lo[ra] = rl;
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
    // ---- traps and barriers
    case Op.TW:
    case Op.TD:
    case Op.TWI:
    case Op.TDI: {
      const reg = op === Op.TW || op === Op.TD;
      const imm = (w << 16) >> 16;
      const bh = reg ? hi[rb] : imm >> 31,
        bl = reg ? lo[rb] : imm;
      if (trapCond(rt, hi[ra], lo[ra], bh, bl, op === Op.TW || op === Op.TWI)) return stop({ kind: 'trap' });
      return COLD_NEXT;
    }
    case Op.ISYNC:
    case Op.SYNC:
    case Op.EIEIO:
    case Op.DCBT:
    case Op.DCBTST:
      return COLD_NEXT;
    // ---- byte-reversed loads and stores
    case Op.LHBRX:
    case Op.LWBRX:
    case Op.LDBRX:
    case Op.STHBRX:
    case Op.STWBRX:
    case Op.STDBRX: {
      const acc = OP_INFO[op]!.access!;
      const size = acc.size;
      const isLoad = acc.kind === 'load';
      const e = ea(t, w, 'X');
      if (!watch(e, size, isLoad ? K_LOAD : K_STORE)) return COLD_STOP;
      const eh = hiOf(e),
        el = loOf(e);
      if (isLoad) {
        if (!port.load(eh, el, size)) return stop(segv(e, `load of ${size} bytes`, pc));
        const vh = port.vhi,
          vl = port.vlo;
        if (size === 2) {
          hi[rt] = 0;
          lo[rt] = ((vl & 0xff) << 8) | ((vl >>> 8) & 0xff);
        } else if (size === 4) {
          hi[rt] = 0;
          lo[rt] = bswap32(vl);
        } else {
          hi[rt] = bswap32(vl);
          lo[rt] = bswap32(vh);
        }
      } else {
        const vh = hi[rt],
          vl = lo[rt];
        const ok =
          size === 2
            ? port.store(eh, el, 2, 0, ((vl & 0xff) << 8) | ((vl >>> 8) & 0xff))
            : size === 4
              ? port.store(eh, el, 4, 0, bswap32(vl))
              : port.store(eh, el, 8, bswap32(vl), bswap32(vh));
        if (!ok) return stop(segv(e, `store of ${size} bytes`, pc));
      }
      return COLD_NEXT;
    }
    // ---- cache ops
    case Op.DCBZ:
    case Op.DCBF:
    case Op.DCBST:
    case Op.ICBI: {
      const e = ea(t, w, 'X');
      const line = e & ~127n;
      if (op === Op.DCBZ) {
        if (!watch(line, 128, K_DCBZ)) return COLD_STOP; // the DAWR sees the whole aligned cache line
        const lh = hiOf(line),
          ll = loOf(line);
        if (!port.writable(lh, ll, 128)) return stop(segv(e, 'dcbz', pc));
        // (a 128-byte line is aligned: it never crosses a page, its low word never wraps)
        for (let i = 0; i < 128; i += 8) port.store(lh, (ll + i) | 0, 8, 0, 0);
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

  // (every other operation of the core set runs inline in execute.ts)
  return stop(sigill(w, pc));
}

export { CTR, addrOf, K_LOAD, K_STORE, K_LARX };
