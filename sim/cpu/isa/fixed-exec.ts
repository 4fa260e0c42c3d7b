// Execution of the fixed-point family (fixed-defs.ts). Registers are read and written as 32-bit
// halves (number arithmetic, no BigInt) for everything a loop may run (setbc, maddld, brd...);
// BigInt only where the instruction is rare and 128-bit wide (divide extended, quadword atomics).
// Results follow qemu-ppc64le where the ISA leaves them undefined.
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import { K_LARX, K_LOAD, K_STCX, K_STORE, type ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { segv, sigbus, sigill } from '../fault';
import { add64, bswap32, ctz32, divu64, fromNum, mul64, mulhs64, mulhu64, neg64, popcnt32, R, REM } from '../int64';
import { XER_CA, XER_CA32, XER_OV, XER_OV32, XER_SO, type ThreadState } from '../thread-state';
import { Fixed } from './fixed-defs';
import { eaOf, gpr, M64, Mem, raOf, rbOf, rcOf, rtOf, setGpr } from './exec-support';

const MEM = new Mem();
const TWO32 = 4294967296;

function cr0(t: ThreadState, hi: number, lo: number): void {
  const f = (hi < 0 ? 8 : (hi | lo) !== 0 ? 4 : 2) | (t.xerNum < 0 ? 1 : 0);
  t.crNum = (t.crNum & 0x0fffffff) | (f << 28);
}
function setCrField(t: ThreadState, bf: number, v: number): void {
  const sh = 28 - 4 * bf;
  t.crNum = (t.crNum & ~(15 << sh)) | ((v & 15) << sh);
}
function setOvLegacy(t: ThreadState, ov: boolean): void {
  t.xerNum = ov ? t.xerNum | XER_OV | XER_OV32 | XER_SO : t.xerNum & ~(XER_OV | XER_OV32);
}
/** Reverses the bytes of each halfword of a 32-bit value. */
function bswap16x2(x: number): number {
  return ((x & 0x00ff00ff) << 8) | ((x >>> 8) & 0x00ff00ff) | 0;
}

// ---- ISA 3.1 bit manipulation on 64-bit values held as halves (results into R)

/** pextd: the bits of s where m is 1, packed at the low end. */
function pext(sh: number, sl: number, mh: number, ml: number): void {
  let rh = 0,
    rl = 0,
    k = 0;
  for (let half = 0; half < 2; half++) {
    let m = half === 0 ? ml : mh;
    const s = half === 0 ? sl : sh;
    while (m !== 0) {
      const bit = m & -m;
      if (s & bit) {
        if (k < 32) rl |= 1 << k;
        else rh |= 1 << (k - 32);
      }
      k++;
      m &= m - 1;
    }
  }
  R[0] = rh;
  R[1] = rl;
}
/** pdepd: the low bits of s deposited, in order, where m is 1. */
function pdep(sh: number, sl: number, mh: number, ml: number): void {
  let rh = 0,
    rl = 0,
    k = 0;
  for (let half = 0; half < 2; half++) {
    let m = half === 0 ? ml : mh;
    while (m !== 0) {
      const bit = m & -m;
      const src = k < 32 ? (sl >>> k) & 1 : (sh >>> (k - 32)) & 1;
      if (src) {
        if (half === 0) rl |= bit;
        else rh |= bit;
      }
      k++;
      m &= m - 1;
    }
  }
  R[0] = rh;
  R[1] = rl;
}
/** Shifts hi:lo left by n (0..64) into R. */
function shl64(h: number, l: number, n: number): void {
  if (n === 0) {
    R[0] = h;
    R[1] = l;
  } else if (n >= 64) {
    R[0] = 0;
    R[1] = 0;
  } else if (n >= 32) {
    R[0] = n === 32 ? l : l << (n - 32);
    R[1] = 0;
  } else {
    R[0] = (h << n) | (l >>> (32 - n));
    R[1] = l << n;
  }
}

/** darn: the next 64 bits of the core's splitmix64 stream (a fixed seed: runs are repeatable). */
function nextRandom(core: ExecCore): bigint {
  const s = BigInt.asUintN(64, core.darnState + 0x9e3779b97f4a7c15n);
  core.darnState = s;
  let z = s;
  z = BigInt.asUintN(64, (z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n);
  z = BigInt.asUintN(64, (z ^ (z >> 27n)) * 0x94d049bb133111ebn);
  return z ^ (z >> 31n);
}

export function execFixed(
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  i: number,
  w: number,
  _w2: number,
  pc: number,
): number {
  const rt = rtOf(w),
    ra = raOf(w),
    rb = rbOf(w);
  const hi = t.hi,
    lo = t.lo;
  switch (i as Fixed) {
    case Fixed.ISEL:
    case Fixed.ISELLT:
    case Fixed.ISELGT:
    case Fixed.ISELEQ: {
      if (((t.crNum >>> (31 - rcOf(w))) & 1) !== 0) {
        if (ra === 0) {
          hi[rt] = 0;
          lo[rt] = 0;
        } else {
          hi[rt] = hi[ra];
          lo[rt] = lo[ra];
        }
      } else {
        hi[rt] = hi[rb];
        lo[rt] = lo[rb];
      }
      return COLD_NEXT;
    }
    case Fixed.CNTTZW:
    case Fixed.CNTTZD: {
      const l = lo[rt],
        h = hi[rt];
      const r = i === Fixed.CNTTZW || l !== 0 ? ctz32(l) : 32 + ctz32(h);
      hi[ra] = 0;
      lo[ra] = r;
      if (w & 1) cr0(t, 0, r);
      return COLD_NEXT;
    }
    case Fixed.MODSW:
    case Fixed.MODUW: {
      // undefined results (by zero, or the most negative by -1): 0, as qemu gives
      const x = lo[ra],
        y = lo[rb];
      let r: number;
      if (i === Fixed.MODSW) r = y === 0 || y === -1 ? 0 : x % y;
      else r = y === 0 ? 0 : (x >>> 0) % (y >>> 0);
      // modsw sign-extends its word result, moduw zero-extends it (qemu)
      lo[rt] = r | 0;
      hi[rt] = i === Fixed.MODSW ? (r | 0) >> 31 : 0;
      return COLD_NEXT;
    }
    case Fixed.MODSD:
    case Fixed.MODUD: {
      // undefined results (by zero, or by -1 signed): 0, as qemu gives; the remainder has the
      // dividend's sign (signed)
      let xh = hi[ra],
        xl = lo[ra],
        yh = hi[rb],
        yl = lo[rb];
      if ((yh | yl) === 0 || (i === Fixed.MODSD && yh === -1 && yl === -1)) {
        hi[rt] = 0;
        lo[rt] = 0;
        return COLD_NEXT;
      }
      const negX = i === Fixed.MODSD && xh < 0;
      if (negX) {
        neg64(xh, xl);
        xh = R[0];
        xl = R[1];
      }
      if (i === Fixed.MODSD && yh < 0) {
        neg64(yh, yl);
        yh = R[0];
        yl = R[1];
      }
      divu64(xh, xl, yh, yl);
      if (negX) {
        neg64(REM[0], REM[1]);
        hi[rt] = R[0];
        lo[rt] = R[1];
      } else {
        hi[rt] = REM[0];
        lo[rt] = REM[1];
      }
      return COLD_NEXT;
    }
    // ---- set boolean
    case Fixed.SETB: {
      const f = (t.crNum >>> (28 - 4 * ((w >>> 18) & 7))) & 15;
      const v = f & 8 ? -1 : f & 4 ? 1 : 0;
      lo[rt] = v;
      hi[rt] = v >> 31;
      return COLD_NEXT;
    }
    case Fixed.SETBC:
    case Fixed.SETBCR:
    case Fixed.SETNBC:
    case Fixed.SETNBCR: {
      let set = ((t.crNum >>> (31 - ra)) & 1) !== 0;
      if (i === Fixed.SETBCR || i === Fixed.SETNBCR) set = !set;
      const v = !set ? 0 : i === Fixed.SETBC || i === Fixed.SETBCR ? 1 : -1;
      lo[rt] = v;
      hi[rt] = v >> 31;
      return COLD_NEXT;
    }
    // ---- multiply-add: RA * RB + RC (128-bit), high or low doubleword
    case Fixed.MADDLD: {
      const rc = rcOf(w);
      const ch = hi[rc],
        cl = lo[rc];
      mul64(hi[ra], lo[ra], hi[rb], lo[rb]);
      const pl = R[1];
      const l = (pl + cl) | 0;
      hi[rt] = (R[0] + ch + (l >>> 0 < pl >>> 0 ? 1 : 0)) | 0;
      lo[rt] = l;
      return COLD_NEXT;
    }
    case Fixed.MADDHD:
    case Fixed.MADDHDU: {
      const rc = rcOf(w);
      const ah = hi[ra],
        al = lo[ra],
        bh = hi[rb],
        bl = lo[rb],
        ch = hi[rc],
        cl = lo[rc];
      // the product's low doubleword + RC: its carry out, less 1 when a negative RC is sign-extended
      mul64(ah, al, bh, bl);
      const carry = add64(R[0], R[1], ch, cl) - (i === Fixed.MADDHD && ch < 0 ? 1 : 0);
      if (i === Fixed.MADDHD) mulhs64(ah, al, bh, bl);
      else mulhu64(ah, al, bh, bl);
      add64(R[0], R[1], carry < 0 ? -1 : 0, carry);
      hi[rt] = R[0];
      lo[rt] = R[1];
      return COLD_NEXT;
    }
    case Fixed.EXTSWSLI: {
      const sh = rb | ((w & 2) << 4);
      const l = lo[rt];
      shl64(l >> 31, l, sh);
      hi[ra] = R[0];
      lo[ra] = R[1];
      if (w & 1) cr0(t, R[0], R[1]);
      return COLD_NEXT;
    }
    case Fixed.ADDPCIS:
    case Fixed.LNIA:
    case Fixed.SUBPCIS: {
      const d = (((((w >>> 6) & 0x3ff) << 6) | (ra << 1) | (w & 1)) << 16) >> 16;
      // a user pc is below 2^53: the sum is exact, and wraps mod 2^64 below 0
      fromNum(pc + 4 + d * 65536);
      hi[rt] = R[0];
      lo[rt] = R[1];
      return COLD_NEXT;
    }
    case Fixed.CMPEQB: {
      const x = lo[ra] & 0xff,
        yh = hi[rb],
        yl = lo[rb];
      let match = false;
      for (let k = 0; k < 32; k += 8) if (((yl >>> k) & 0xff) === x || ((yh >>> k) & 0xff) === x) match = true;
      setCrField(t, (w >>> 23) & 7, match ? 4 : 0);
      return COLD_NEXT;
    }
    case Fixed.CMPRB: {
      const x = lo[ra] & 0xff,
        y = lo[rb];
      const in1 = x >= (y & 0xff) && x <= ((y >>> 8) & 0xff);
      const in2 = ((w >>> 21) & 1) !== 0 && x >= ((y >>> 16) & 0xff) && x <= y >>> 24;
      setCrField(t, (w >>> 23) & 7, in1 || in2 ? 4 : 0);
      return COLD_NEXT;
    }
    case Fixed.DARN: {
      // deterministic: a fixed-seed stream per core (SCENARIOS.md section 7); L=3 (reserved) and an
      // all-ones draw give the error value 0xffffffffffffffff, which L=0 never returns
      const l = (w >>> 16) & 3;
      if (l === 3) {
        hi[rt] = -1;
        lo[rt] = -1;
        return COLD_NEXT;
      }
      let v = nextRandom(core);
      if (l === 0) v &= 0xffffffffn;
      else while (v === M64) v = nextRandom(core);
      setGpr(t, rt, v);
      return COLD_NEXT;
    }
    // ---- byte reversal
    case Fixed.BRH: {
      const h = hi[rt],
        l = lo[rt];
      hi[ra] = bswap16x2(h);
      lo[ra] = bswap16x2(l);
      return COLD_NEXT;
    }
    case Fixed.BRW: {
      const h = hi[rt],
        l = lo[rt];
      hi[ra] = bswap32(h);
      lo[ra] = bswap32(l);
      return COLD_NEXT;
    }
    case Fixed.BRD: {
      const h = hi[rt],
        l = lo[rt];
      hi[ra] = bswap32(l);
      lo[ra] = bswap32(h);
      return COLD_NEXT;
    }
    // ---- bits under a mask
    case Fixed.PDEPD:
      pdep(hi[rt], lo[rt], hi[rb], lo[rb]);
      hi[ra] = R[0];
      lo[ra] = R[1];
      return COLD_NEXT;
    case Fixed.PEXTD:
      pext(hi[rt], lo[rt], hi[rb], lo[rb]);
      hi[ra] = R[0];
      lo[ra] = R[1];
      return COLD_NEXT;
    case Fixed.CFUGED: {
      // the bits under 0s of the mask to the left, those under 1s to the right, each in order
      const sh = hi[rt],
        sl = lo[rt],
        mh = hi[rb],
        ml = lo[rb];
      const n = popcnt32(mh) + popcnt32(ml);
      pext(sh, sl, ~mh, ~ml);
      shl64(R[0], R[1], n);
      const lh = R[0],
        ll = R[1];
      pext(sh, sl, mh, ml);
      hi[ra] = lh | R[0];
      lo[ra] = ll | R[1];
      return COLD_NEXT;
    }
    case Fixed.CNTLZDM:
    case Fixed.CNTTZDM: {
      const mh = hi[rb],
        ml = lo[rb];
      const n = popcnt32(mh) + popcnt32(ml);
      pext(hi[rt], lo[rt], mh, ml);
      const eh = R[0],
        el = R[1];
      let r: number;
      if ((eh | el) === 0) r = n;
      else if (i === Fixed.CNTTZDM) r = el !== 0 ? ctz32(el) : 32 + ctz32(eh);
      else r = n - (eh !== 0 ? 64 - Math.clz32(eh) : 32 - Math.clz32(el));
      hi[ra] = 0;
      lo[ra] = r;
      return COLD_NEXT;
    }
    case Fixed.MCRXRX: {
      const x = t.xerNum;
      setCrField(
        t,
        (w >>> 23) & 7,
        (x & XER_OV ? 8 : 0) | (x & XER_OV32 ? 4 : 0) | (x & XER_CA ? 2 : 0) | (x & XER_CA32 ? 1 : 0),
      );
      return COLD_NEXT;
    }
    // ---- divide extended (qemu: an overflowing or by-zero quotient is 0, with OV when OE)
    case Fixed.DIVWE:
    case Fixed.DIVWEU:
    case Fixed.DIVDE:
    case Fixed.DIVDEU: {
      const a = gpr(t, ra),
        b = gpr(t, rb);
      let q = 0n;
      let ov = false;
      if (i === Fixed.DIVWE) {
        const x = BigInt.asIntN(64, (a & 0xffffffffn) << 32n),
          y = BigInt.asIntN(32, b);
        if (y === 0n || (y === -1n && x === -(1n << 63n))) ov = true;
        else {
          q = x / y;
          ov = q !== BigInt.asIntN(32, q);
        }
      } else if (i === Fixed.DIVWEU) {
        const x = (a & 0xffffffffn) << 32n,
          y = b & 0xffffffffn;
        if (y === 0n) ov = true;
        else {
          q = x / y;
          ov = q > 0xffffffffn;
        }
      } else if (i === Fixed.DIVDE) {
        const x = BigInt.asIntN(64, a) << 64n,
          y = BigInt.asIntN(64, b);
        if (y === 0n) ov = true;
        else {
          q = x / y;
          ov = q !== BigInt.asIntN(64, q);
        }
      } else {
        const x = a << 64n;
        if (b === 0n) ov = true;
        else {
          q = x / b;
          ov = q > M64;
        }
      }
      if (ov) q = 0n;
      const r = BigInt.asUintN(64, q);
      setGpr(t, rt, r);
      if (w & 0x400) setOvLegacy(t, ov);
      if (w & 1) cr0(t, hi[rt], lo[rt]);
      return COLD_NEXT;
    }
    // ---- parity of the bytes' low bits, bit permute
    case Fixed.PRTYW:
    case Fixed.PRTYD: {
      const ph = popcnt32(hi[rt] & 0x01010101) & 1,
        pl = popcnt32(lo[rt] & 0x01010101) & 1;
      if (i === Fixed.PRTYW) {
        hi[ra] = ph;
        lo[ra] = pl;
      } else {
        hi[ra] = 0;
        lo[ra] = ph ^ pl;
      }
      return COLD_NEXT;
    }
    case Fixed.BPERMD: {
      // each byte of RS (most significant first) selects a bit of RB (IBM numbering; >= 64: 0)
      const sh = hi[rt],
        sl = lo[rt],
        bh = hi[rb],
        bl = lo[rb];
      let r = 0;
      for (let k = 0; k < 8; k++) {
        const idx = (k < 4 ? sh >>> (24 - 8 * k) : sl >>> (24 - 8 * (k - 4))) & 0xff;
        let bit = 0;
        if (idx < 32) bit = (bh >>> (31 - idx)) & 1;
        else if (idx < 64) bit = (bl >>> (63 - idx)) & 1;
        r |= bit << (7 - k);
      }
      hi[ra] = 0;
      lo[ra] = r;
      return COLD_NEXT;
    }
    case Fixed.ADDEX: {
      // CY=0: RA + RB + OV, the carries out of bits 0 and 32 into OV and OV32 (SO untouched);
      // qemu raises SIGILL for the reserved CY values
      const cy = (w >>> 9) & 3;
      if (cy !== 0) break;
      const cin = (t.xerNum & XER_OV) !== 0 ? 1 : 0;
      const xh = hi[ra],
        xl = lo[ra],
        yh = hi[rb],
        yl = lo[rb];
      const ls = (xl >>> 0) + (yl >>> 0) + cin;
      const c32 = ls >= TWO32 ? 1 : 0;
      const hs = (xh >>> 0) + (yh >>> 0) + c32;
      const c64 = hs >= TWO32;
      hi[rt] = hs | 0;
      lo[rt] = ls | 0;
      let x = t.xerNum & ~(XER_OV | XER_OV32);
      if (c64) x |= XER_OV;
      if (c32) x |= XER_OV32;
      t.xerNum = x;
      return COLD_NEXT;
    }
    // ---- reservations
    case Fixed.LBARX:
    case Fixed.LHARX: {
      const size = i === Fixed.LBARX ? 1 : 2;
      const e = eaOf(t, w, 'X');
      if (size === 2 && (e & 1n) !== 0n) {
        core.pending = sigbus(e, 'unaligned lharx', pc);
        return COLD_STOP;
      }
      const m = MEM.bind(core, port, pc);
      if (!m.watch(e, size, K_LARX)) return COLD_STOP;
      const v = m.loadUnwatched(e, size);
      if (v === undefined) return COLD_STOP;
      t.reservation = { addr: e, size };
      t.reservationValue = v;
      setGpr(t, rt, v);
      return COLD_NEXT;
    }
    case Fixed.LQARX: {
      // qemu: RTp odd, or RTp equal to RA or RB, is an invalid form
      if ((rt & 1) !== 0 || rt === ra || rt === rb) break;
      const e = eaOf(t, w, 'X');
      if ((e & 15n) !== 0n) {
        core.pending = sigbus(e, 'unaligned lqarx', pc);
        return COLD_STOP;
      }
      const m = MEM.bind(core, port, pc);
      if (!m.watch(e, 16, K_LARX)) return COLD_STOP;
      const d0 = m.loadUnwatched(e, 8);
      const d1 = d0 === undefined ? undefined : m.loadUnwatched((e + 8n) & M64, 8);
      if (d0 === undefined || d1 === undefined) return COLD_STOP;
      // the quadword in little-endian order: its high doubleword (at ea + 8) into RTp
      t.reservation = { addr: e, size: 16 };
      t.reservationValue = (d1 << 64n) | d0;
      setGpr(t, rt, d1);
      setGpr(t, rt + 1, d0);
      return COLD_NEXT;
    }
    case Fixed.STBCX:
    case Fixed.STHCX:
    case Fixed.STQCX: {
      const size = i === Fixed.STBCX ? 1 : i === Fixed.STHCX ? 2 : 16;
      if (size === 16 && (rt & 1) !== 0) break;
      const e = eaOf(t, w, 'X');
      const m = MEM.bind(core, port, pc);
      // no alignment check: as in qemu, a store that does not match the (aligned) reservation fails
      if (!m.watch(e, size, K_STCX)) return COLD_STOP;
      const res = t.reservation;
      let ok = false;
      if (res && res.addr === e && res.size === size) {
        // qemu: the store happens only if memory still holds what the larx read
        let cur: bigint | undefined;
        if (size === 16) {
          const d0 = m.loadUnwatched(e, 8);
          const d1 = d0 === undefined ? undefined : m.loadUnwatched((e + 8n) & M64, 8);
          cur = d0 === undefined || d1 === undefined ? undefined : (d1 << 64n) | d0;
        } else cur = m.loadUnwatched(e, size);
        if (cur === undefined) return COLD_STOP;
        if (cur === t.reservationValue) {
          if (size === 16) {
            if (!storeQuadFrom(port, e, rt, t)) return m.stop(segv(e, 'store of 16 bytes', pc));
          } else if (!port.store(hiOf(e), loOf(e), size, 0, lo[rt]))
            return m.stop(segv(e, `store of ${size} bytes`, pc));
          ok = true;
        }
      }
      t.reservation = null;
      setCrField(t, 0, (ok ? 2 : 0) | (t.xerNum < 0 ? 1 : 0));
      return COLD_NEXT;
    }
    // ---- load/store quadword (qemu: no alignment check; RTp odd or RTp = RA is invalid for lq)
    case Fixed.LQ: {
      if ((rt & 1) !== 0 || rt === ra) break;
      const e = eaOf(t, w, 'DQ');
      const m = MEM.bind(core, port, pc);
      if (!m.watch(e, 16, K_LOAD)) return COLD_STOP;
      if (!loadQuadInto(port, e, rt, t)) return m.stop(segv(e, 'load of 16 bytes', pc));
      return COLD_NEXT;
    }
    case Fixed.STQ: {
      if ((rt & 1) !== 0) break;
      const e = eaOf(t, w, 'DS');
      const m = MEM.bind(core, port, pc);
      if (!m.watch(e, 16, K_STORE)) return COLD_STOP;
      if (!storeQuadFrom(port, e, rt, t)) return m.stop(segv(e, 'store of 16 bytes', pc));
      return COLD_NEXT;
    }
    case Fixed.LSWI:
    case Fixed.LSWX:
    case Fixed.STSWI:
    case Fixed.STSWX: {
      // little-endian mode: an alignment interrupt (Linux: SIGBUS), as on hardware and in qemu
      const name = ['lswi', 'lswx', 'stswi', 'stswx'][i - Fixed.LSWI];
      core.pending = sigbus(
        eaOf(t, w, i === Fixed.LSWI || i === Fixed.STSWI ? 'XR' : 'X'),
        `${name} in little-endian mode`,
        pc,
      );
      return COLD_STOP;
    }
  }
  core.pending = sigill(w, pc, 'invalid form of');
  return COLD_STOP;
}

const hiOf = (v: bigint) => Number((v >> 32n) & 0xffffffffn) | 0;
const loOf = (v: bigint) => Number(v & 0xffffffffn) | 0;

/** Loads the quadword at ea into the pair RTp (its high doubleword, at ea + 8) and RTp+1 (at ea),
 * without a DAWR check (the caller made it); false = fault (nothing written). */
export function loadQuadInto(port: DataPort, e: bigint, rt: number, t: ThreadState): boolean {
  if (!port.load(hiOf(e), loOf(e), 8)) return false;
  const l0 = port.vlo,
    h0 = port.vhi;
  const e8 = (e + 8n) & M64;
  if (!port.load(hiOf(e8), loOf(e8), 8)) return false;
  t.hi[rt] = port.vhi;
  t.lo[rt] = port.vlo;
  t.hi[rt + 1] = h0;
  t.lo[rt + 1] = l0;
  return true;
}

/** Stores the pair RTp (high doubleword, at ea + 8) and RTp+1 (at ea), all or nothing; false = fault. */
export function storeQuadFrom(port: DataPort, e: bigint, rt: number, t: ThreadState): boolean {
  if (!port.writable(hiOf(e), loOf(e), 16)) return false;
  port.store(hiOf(e), loOf(e), 8, t.hi[rt + 1], t.lo[rt + 1]);
  const e8 = (e + 8n) & M64;
  port.store(hiOf(e8), loOf(e8), 8, t.hi[rt], t.lo[rt]);
  return true;
}
