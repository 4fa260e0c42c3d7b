// Execution of the vsx family (vsx-defs.ts): every VMX/VSX load and store, GPR<->VSR moves, the VSX
// logical and permute instructions. Little-endian mode throughout (Linux ppc64le): see the ISA's
// little-endian definitions, summed up per instruction below; qemu-ppc64le is the reference where the
// ISA leaves a result undefined.
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import type { ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import { Vsx } from './vsx-defs';
import {
  dpToSpBits,
  evalBits,
  Lanes,
  permBytes,
  readVsr,
  spToDpBits,
  VA,
  VB,
  VC,
  VR,
  VR2,
  writeVsr,
} from './vec-lanes';
import { EA, eaD, eaR, eaX, K_LOAD, K_STORE, readRaw, readScalar, watch, writeRaw, writeScalar } from './vec-mem';

const xt = (w: number) => ((w >>> 21) & 31) | ((w & 1) << 5);
const xa = (w: number) => ((w >>> 16) & 31) | (((w >>> 2) & 1) << 5);
const xb = (w: number) => ((w >>> 11) & 31) | (((w >>> 1) & 1) << 5);
const xc = (w: number) => ((w >>> 6) & 31) | (((w >>> 3) & 1) << 5);
/** lxvp/lxvpx: XTp = 32*TX + 2*Tp */
const xtp = (w: number) => (((w >>> 22) & 15) << 1) | (((w >>> 21) & 1) << 5);
const vrt = (w: number) => 32 + ((w >>> 21) & 31);
const sext16 = (w: number) => (w << 16) >> 16;

/** dst := src with the order of its size-byte elements reversed (bytes within an element kept). */
function revElems(dst: Lanes, src: Lanes, size: number): void {
  const d = dst.u8,
    s = src.u8;
  for (let e = 0; e < 16; e += size) {
    const to = 16 - size - e;
    for (let i = 0; i < size; i++) d[to + i] = s[e + i];
  }
}
/** dst := src with the bytes of each size-byte element reversed (xxbrh/w/d/q). */
function revBytes(dst: Lanes, src: Lanes, size: number): void {
  const d = dst.u8,
    s = src.u8;
  for (let e = 0; e < 16; e += size) for (let i = 0; i < size; i++) d[e + i] = s[e + size - 1 - i];
}

const SPDP = new Int32Array(2);

export function execVsx(
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  i: number,
  w: number,
  _w2: number,
  pc: number,
): number {
  // two functions, each with a smaller frame than one switch over everything
  const r = i < Vsx.MFVSRD ? vsxMem(core, t, port, i, w, pc) : vsxReg(t, i, w);
  if (r === ILLEGAL) {
    core.pending = sigill(w, pc);
    return COLD_STOP;
  }
  return r;
}

const ILLEGAL = -1;

function vsxMem(core: ExecCore, t: ThreadState, port: DataPort, i: number, w: number, pc: number): number {
  const v = t.vsr;
  switch (i as Vsx) {
    // ---- VMX loads: the address aligned down to the element size; lvx stores the quadword
    // little-endian (storage byte k = memory byte k); lvebx/lvehx/lvewx put the element where lvx
    // would have put it (element (EA & 15) / size in storage order) and leave the rest unchanged (qemu).
    case Vsx.LVX:
    case Vsx.LVXL: {
      eaX(t, w);
      EA.lo &= ~15;
      if (!watch(core, 16, K_LOAD) || !readRaw(core, port, 0, 16, VR, 0, pc)) return COLD_STOP;
      writeVsr(t, vrt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.LVEBX:
    case Vsx.LVEHX:
    case Vsx.LVEWX: {
      const size = i === Vsx.LVEBX ? 1 : i === Vsx.LVEHX ? 2 : 4;
      eaX(t, w);
      EA.lo &= ~(size - 1);
      if (!watch(core, size, K_LOAD) || !readScalar(core, port, size, pc)) return COLD_STOP;
      readVsr(t, vrt(w), VR);
      const k = EA.lo & 15;
      if (size === 1) VR.u8[k] = port.vlo;
      else if (size === 2) VR.u16[k >> 1] = port.vlo;
      else VR.i32[k >> 2] = port.vlo;
      writeVsr(t, vrt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.LVSL:
    case Vsx.LVSR: {
      // ISA byte j = sh + j (lvsl) or 16 - sh + j (lvsr), sh = EA & 15
      eaX(t, w);
      const sh = EA.lo & 15;
      const base = i === Vsx.LVSL ? sh : 16 - sh;
      for (let j = 0; j < 16; j++) VR.u8[15 - j] = base + j;
      writeVsr(t, vrt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.STVX:
    case Vsx.STVXL: {
      eaX(t, w);
      EA.lo &= ~15;
      if (!watch(core, 16, K_STORE)) return COLD_STOP;
      return writeRaw(core, port, 0, 16, readVsr(t, vrt(w), VR), 0, pc) ? COLD_NEXT : COLD_STOP;
    }
    case Vsx.STVEBX:
    case Vsx.STVEHX:
    case Vsx.STVEWX: {
      const size = i === Vsx.STVEBX ? 1 : i === Vsx.STVEHX ? 2 : 4;
      eaX(t, w);
      EA.lo &= ~(size - 1);
      if (!watch(core, size, K_STORE)) return COLD_STOP;
      readVsr(t, vrt(w), VR);
      const k = EA.lo & 15;
      const val = size === 1 ? VR.u8[k] : size === 2 ? VR.u16[k >> 1] : VR.i32[k >> 2];
      return writeScalar(core, port, size, 0, val, pc) ? COLD_NEXT : COLD_STOP;
    }

    // ---- VSX vector loads/stores. Memory element k (of the instruction's element size) is ISA
    // element k, so in storage order the elements are reversed: lxvd2x swaps the doublewords,
    // lxvw4x reverses the words, lxvb16x the bytes; lxv/lxvx are one little-endian quadword.
    case Vsx.LXVD2X:
    case Vsx.LXVW4X:
    case Vsx.LXVH8X:
    case Vsx.LXVB16X:
    case Vsx.LXVX:
    case Vsx.LXV: {
      if (i === Vsx.LXV) eaD(t, w, sext16(w & 0xfff0));
      else eaX(t, w);
      if (!watch(core, 16, K_LOAD) || !readRaw(core, port, 0, 16, VA, 0, pc)) return COLD_STOP;
      const size = i === Vsx.LXVD2X ? 8 : i === Vsx.LXVW4X ? 4 : i === Vsx.LXVH8X ? 2 : i === Vsx.LXVB16X ? 1 : 16;
      const to = i === Vsx.LXV ? ((w >>> 21) & 31) | (((w >>> 3) & 1) << 5) : xt(w);
      if (size === 16) writeVsr(t, to, VA);
      else {
        revElems(VR, VA, size);
        writeVsr(t, to, VR);
      }
      return COLD_NEXT;
    }
    case Vsx.STXVD2X:
    case Vsx.STXVW4X:
    case Vsx.STXVH8X:
    case Vsx.STXVB16X:
    case Vsx.STXVX:
    case Vsx.STXV: {
      if (i === Vsx.STXV) eaD(t, w, sext16(w & 0xfff0));
      else eaX(t, w);
      if (!watch(core, 16, K_STORE)) return COLD_STOP;
      const from = i === Vsx.STXV ? ((w >>> 21) & 31) | (((w >>> 3) & 1) << 5) : xt(w);
      const size = i === Vsx.STXVD2X ? 8 : i === Vsx.STXVW4X ? 4 : i === Vsx.STXVH8X ? 2 : i === Vsx.STXVB16X ? 1 : 16;
      readVsr(t, from, VA);
      let src = VA;
      if (size !== 16) {
        revElems(VR, VA, size);
        src = VR;
      }
      return writeRaw(core, port, 0, 16, src, 0, pc) ? COLD_NEXT : COLD_STOP;
    }
    case Vsx.LXVDSX:
    case Vsx.LXVWSX: {
      const size = i === Vsx.LXVDSX ? 8 : 4;
      eaX(t, w);
      if (!watch(core, size, K_LOAD) || !readScalar(core, port, size, pc)) return COLD_STOP;
      const b = xt(w) << 2;
      if (size === 8) {
        v[b] = v[b + 2] = port.vlo;
        v[b + 1] = v[b + 3] = port.vhi;
      } else v[b] = v[b + 1] = v[b + 2] = v[b + 3] = port.vlo;
      return COLD_NEXT;
    }
    // lxvl/lxvll: nb = RB bits 0:7 (the high byte), at most 16; the rest of XT is 0. Little-endian
    // lxvl: ISA byte 15-j = memory byte j (storage byte j); lxvll: ISA byte j = memory byte j.
    case Vsx.LXVL:
    case Vsx.LXVLL: {
      const nb = Math.min(16, t.hi[(w >>> 11) & 31] >>> 24);
      eaR(t, w);
      VR.i32.fill(0);
      if (nb > 0) {
        if (!watch(core, nb, K_LOAD) || !readRaw(core, port, 0, nb, VA, 0, pc)) return COLD_STOP;
        if (i === Vsx.LXVL) for (let j = 0; j < nb; j++) VR.u8[j] = VA.u8[j];
        else for (let j = 0; j < nb; j++) VR.u8[15 - j] = VA.u8[j];
      }
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.STXVL:
    case Vsx.STXVLL: {
      const nb = Math.min(16, t.hi[(w >>> 11) & 31] >>> 24);
      eaR(t, w);
      if (nb === 0) return COLD_NEXT;
      if (!watch(core, nb, K_STORE)) return COLD_STOP;
      readVsr(t, xt(w), VA);
      if (i === Vsx.STXVL) for (let j = 0; j < nb; j++) VR.u8[j] = VA.u8[j];
      else for (let j = 0; j < nb; j++) VR.u8[j] = VA.u8[15 - j];
      return writeRaw(core, port, 0, nb, VR, 0, pc) ? COLD_NEXT : COLD_STOP;
    }
    // lxvr*x: the rightmost element (storage element 0), the rest 0; stxvr*x store it
    case Vsx.LXVRBX:
    case Vsx.LXVRHX:
    case Vsx.LXVRWX:
    case Vsx.LXVRDX: {
      const size = 1 << (i - Vsx.LXVRBX);
      eaX(t, w);
      if (!watch(core, size, K_LOAD) || !readScalar(core, port, size, pc)) return COLD_STOP;
      const b = xt(w) << 2;
      v[b] = port.vlo;
      v[b + 1] = port.vhi;
      v[b + 2] = 0;
      v[b + 3] = 0;
      return COLD_NEXT;
    }
    case Vsx.STXVRBX:
    case Vsx.STXVRHX:
    case Vsx.STXVRWX:
    case Vsx.STXVRDX: {
      const size = 1 << (i - Vsx.STXVRBX);
      eaX(t, w);
      if (!watch(core, size, K_STORE)) return COLD_STOP;
      const b = xt(w) << 2;
      return writeScalar(core, port, size, v[b + 1], v[b], pc) ? COLD_NEXT : COLD_STOP;
    }
    // paired (POWER10): little-endian, XTp+1 holds the lower-addressed quadword
    case Vsx.LXVP:
    case Vsx.LXVPX: {
      if (i === Vsx.LXVP) eaD(t, w, sext16(w & 0xfff0));
      else eaX(t, w);
      if (
        !watch(core, 32, K_LOAD) ||
        !readRaw(core, port, 0, 16, VR, 0, pc) ||
        !readRaw(core, port, 16, 16, VR2, 0, pc)
      )
        return COLD_STOP;
      const p = xtp(w);
      writeVsr(t, p + 1, VR);
      writeVsr(t, p, VR2);
      return COLD_NEXT;
    }
    case Vsx.STXVP:
    case Vsx.STXVPX: {
      if (i === Vsx.STXVP) eaD(t, w, sext16(w & 0xfff0));
      else eaX(t, w);
      if (!watch(core, 32, K_STORE)) return COLD_STOP;
      const p = xtp(w);
      readVsr(t, p + 1, VA);
      readVsr(t, p, VB);
      VR.i32.set(VA.i32);
      // all or nothing: check the second half writable before writing the first
      if (!writeRaw(core, port, 16, 16, VB, 0, pc)) return COLD_STOP;
      return writeRaw(core, port, 0, 16, VR, 0, pc) ? COLD_NEXT : COLD_STOP;
    }

    // ---- scalar loads/stores: doubleword 0 of the target (storage words 3 and 2)
    case Vsx.LXSD:
    case Vsx.LXSDX:
    case Vsx.LXSSP:
    case Vsx.LXSSPX:
    case Vsx.LXSIWAX:
    case Vsx.LXSIWZX:
    case Vsx.LXSIBZX:
    case Vsx.LXSIHZX: {
      const size = i === Vsx.LXSD || i === Vsx.LXSDX ? 8 : i === Vsx.LXSIBZX ? 1 : i === Vsx.LXSIHZX ? 2 : 4;
      if (i === Vsx.LXSD || i === Vsx.LXSSP) eaD(t, w, sext16(w & 0xfffc));
      else eaX(t, w);
      if (!watch(core, size, K_LOAD) || !readScalar(core, port, size, pc)) return COLD_STOP;
      const b = (i === Vsx.LXSD || i === Vsx.LXSSP ? vrt(w) : xt(w)) << 2;
      let hi = port.vhi,
        lo = port.vlo;
      if (i === Vsx.LXSSP || i === Vsx.LXSSPX) {
        spToDpBits(lo, SPDP);
        hi = SPDP[0];
        lo = SPDP[1];
      } else if (i === Vsx.LXSIWAX) hi = lo >> 31;
      v[b + 3] = hi;
      v[b + 2] = lo;
      // doubleword 1 is undefined in the ISA: qemu sets it to 0 for lxsd/lxssp, leaves it for the rest
      if (i === Vsx.LXSD || i === Vsx.LXSSP) {
        v[b + 1] = 0;
        v[b] = 0;
      }
      return COLD_NEXT;
    }
    case Vsx.STXSD:
    case Vsx.STXSDX:
    case Vsx.STXSSP:
    case Vsx.STXSSPX:
    case Vsx.STXSIWX:
    case Vsx.STXSIBX:
    case Vsx.STXSIHX: {
      const size = i === Vsx.STXSD || i === Vsx.STXSDX ? 8 : i === Vsx.STXSIBX ? 1 : i === Vsx.STXSIHX ? 2 : 4;
      if (i === Vsx.STXSD || i === Vsx.STXSSP) eaD(t, w, sext16(w & 0xfffc));
      else eaX(t, w);
      if (!watch(core, size, K_STORE)) return COLD_STOP;
      const b = (i === Vsx.STXSD || i === Vsx.STXSSP ? vrt(w) : xt(w)) << 2;
      let hi = v[b + 3],
        lo = v[b + 2];
      if (i === Vsx.STXSSP || i === Vsx.STXSSPX) {
        lo = dpToSpBits(hi, lo) | 0;
        hi = 0;
      }
      return writeScalar(core, port, size, hi, lo, pc) ? COLD_NEXT : COLD_STOP;
    }
  }
  return ILLEGAL;
}

function vsxReg(t: ThreadState, i: number, w: number): number {
  const v = t.vsr;
  switch (i as Vsx) {
    // ---- GPR <-> VSR
    case Vsx.MFVSRD:
    case Vsx.MFFPRD:
    case Vsx.MFVRD: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31;
      t.hi[ra] = v[b + 3];
      t.lo[ra] = v[b + 2];
      return COLD_NEXT;
    }
    case Vsx.MFVSRWZ:
    case Vsx.MFFPRWZ:
    case Vsx.MFVRWZ: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31;
      t.hi[ra] = 0;
      t.lo[ra] = v[b + 2];
      return COLD_NEXT;
    }
    case Vsx.MFVSRLD: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31;
      t.hi[ra] = v[b + 1];
      t.lo[ra] = v[b];
      return COLD_NEXT;
    }
    // mtvsrd/mtvsrwa/mtvsrwz: doubleword 0; doubleword 1 is left as it was (qemu)
    case Vsx.MTVSRD:
    case Vsx.MTFPRD:
    case Vsx.MTVRD: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31;
      v[b + 3] = t.hi[ra];
      v[b + 2] = t.lo[ra];
      return COLD_NEXT;
    }
    case Vsx.MTVSRWA:
    case Vsx.MTFPRWA:
    case Vsx.MTVRWA: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31;
      v[b + 3] = t.lo[ra] >> 31;
      v[b + 2] = t.lo[ra];
      return COLD_NEXT;
    }
    case Vsx.MTVSRWZ:
    case Vsx.MTFPRWZ:
    case Vsx.MTVRWZ: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31;
      v[b + 3] = 0;
      v[b + 2] = t.lo[ra];
      return COLD_NEXT;
    }
    case Vsx.MTVSRDD: {
      const b = xt(w) << 2,
        ra = (w >>> 16) & 31,
        rb = (w >>> 11) & 31;
      v[b + 3] = ra === 0 ? 0 : t.hi[ra];
      v[b + 2] = ra === 0 ? 0 : t.lo[ra];
      v[b + 1] = t.hi[rb];
      v[b] = t.lo[rb];
      return COLD_NEXT;
    }
    case Vsx.MTVSRWS: {
      const b = xt(w) << 2,
        x = t.lo[(w >>> 16) & 31];
      v[b] = v[b + 1] = v[b + 2] = v[b + 3] = x;
      return COLD_NEXT;
    }

    // ---- logical
    case Vsx.XXLAND:
    case Vsx.XXLANDC:
    case Vsx.XXLOR:
    case Vsx.XXMR:
    case Vsx.XXLORC:
    case Vsx.XXLXOR:
    case Vsx.XXLNOR:
    case Vsx.XXLNOT:
    case Vsx.XXLEQV:
    case Vsx.XXLNAND: {
      const a = xa(w) << 2,
        b = xb(w) << 2,
        d = xt(w) << 2;
      for (let k = 0; k < 4; k++) {
        const x = v[a + k],
          y = v[b + k];
        let r: number;
        switch (i) {
          case Vsx.XXLAND:
            r = x & y;
            break;
          case Vsx.XXLANDC:
            r = x & ~y;
            break;
          case Vsx.XXLOR:
          case Vsx.XXMR:
            r = x | y;
            break;
          case Vsx.XXLORC:
            r = x | ~y;
            break;
          case Vsx.XXLXOR:
            r = x ^ y;
            break;
          case Vsx.XXLNOR:
          case Vsx.XXLNOT:
            r = ~(x | y);
            break;
          case Vsx.XXLEQV:
            r = ~(x ^ y);
            break;
          default:
            r = ~(x & y);
        }
        v[d + k] = r;
      }
      return COLD_NEXT;
    }
    case Vsx.XXSEL: {
      const a = xa(w) << 2,
        b = xb(w) << 2,
        c = xc(w) << 2,
        d = xt(w) << 2;
      for (let k = 0; k < 4; k++) v[d + k] = (v[a + k] & ~v[c + k]) | (v[b + k] & v[c + k]);
      return COLD_NEXT;
    }

    // ---- permute
    case Vsx.XXPERM:
    case Vsx.XXPERMR: {
      // (XA || XT) indexed by XB
      readVsr(t, xa(w), VA);
      readVsr(t, xt(w), VB);
      readVsr(t, xb(w), VC);
      permBytes(VR, VA, VB, VC, i === Vsx.XXPERMR);
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.XXPERMDI:
    case Vsx.XXMRGHD:
    case Vsx.XXMRGLD:
    case Vsx.XXSPLTD:
    case Vsx.XXSPLTD3:
    case Vsx.XXSWAPD: {
      const dm = (w >>> 8) & 3;
      const a = (xa(w) << 2) + (dm & 2 ? 0 : 2),
        b = (xb(w) << 2) + (dm & 1 ? 0 : 2),
        d = xt(w) << 2;
      const h0 = v[a],
        h1 = v[a + 1],
        l0 = v[b],
        l1 = v[b + 1];
      v[d + 2] = h0;
      v[d + 3] = h1;
      v[d] = l0;
      v[d + 1] = l1;
      return COLD_NEXT;
    }
    case Vsx.XXMRGHW:
    case Vsx.XXMRGLW: {
      // ISA words: hw [a0 b0 a1 b1], lw [a2 b2 a3 b3]; storage word j = ISA word 3-j
      const a = xa(w) << 2,
        b = xb(w) << 2,
        d = xt(w) << 2;
      const o = i === Vsx.XXMRGHW ? 2 : 0;
      const a0 = v[a + o + 1],
        a1 = v[a + o],
        b0 = v[b + o + 1],
        b1 = v[b + o];
      v[d + 3] = a0;
      v[d + 2] = b0;
      v[d + 1] = a1;
      v[d] = b1;
      return COLD_NEXT;
    }
    case Vsx.XXSPLTW: {
      const x = v[(xb(w) << 2) + 3 - ((w >>> 16) & 3)],
        d = xt(w) << 2;
      v[d] = v[d + 1] = v[d + 2] = v[d + 3] = x;
      return COLD_NEXT;
    }
    case Vsx.XXSPLTIB: {
      const b = (w >>> 11) & 0xff,
        x = b * 0x01010101;
      const d = xt(w) << 2;
      v[d] = v[d + 1] = v[d + 2] = v[d + 3] = x | 0;
      return COLD_NEXT;
    }
    case Vsx.XXSLDWI: {
      // ISA words sh..sh+3 of XA || XB
      const sh = (w >>> 8) & 3;
      readVsr(t, xa(w), VA);
      readVsr(t, xb(w), VB);
      for (let k = 0; k < 4; k++) {
        const j = sh + k;
        VR.i32[3 - k] = j < 4 ? VA.i32[3 - j] : VB.i32[7 - j];
      }
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.XXBRH:
    case Vsx.XXBRW:
    case Vsx.XXBRD:
    case Vsx.XXBRQ: {
      readVsr(t, xb(w), VA);
      revBytes(VR, VA, 2 << (i - Vsx.XXBRH));
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.XXEXTRACTUW: {
      // doubleword 0 := the word at ISA bytes uim.. of XB (modulo 16, qemu), zero-extended; dw 1 := 0
      const uim = (w >>> 16) & 15;
      readVsr(t, xb(w), VA);
      VR.i32.fill(0);
      for (let k = 0; k < 4; k++) VR.u8[15 - (4 + k)] = VA.u8[15 - ((uim + k) & 15)];
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.XXINSERTW: {
      // ISA bytes uim..uim+3 of XT := word 1 of XB (bytes beyond 15 dropped, qemu)
      const uim = (w >>> 16) & 15;
      readVsr(t, xb(w), VA);
      readVsr(t, xt(w), VR);
      for (let k = 0; k < 4 && uim + k < 16; k++) VR.u8[15 - (uim + k)] = VA.u8[15 - (4 + k)];
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.XXGENPCVBM:
    case Vsx.XXGENPCVHM:
    case Vsx.XXGENPCVWM:
    case Vsx.XXGENPCVDM: {
      const size = [1, 2, 4, 8][i - Vsx.XXGENPCVBM];
      const imm = (w >>> 16) & 31;
      if (imm > 3) break; // reserved
      readVsr(t, 32 + ((w >>> 11) & 31), VB);
      genpcv(VR, VB, size, imm);
      writeVsr(t, xt(w), VR);
      return COLD_NEXT;
    }
    case Vsx.LXVKQ: {
      const q = lxvkq((w >>> 11) & 31);
      if (q === undefined) break;
      const d = xt(w) << 2;
      v[d + 3] = q;
      v[d + 2] = 0;
      v[d + 1] = 0;
      v[d] = 0;
      return COLD_NEXT;
    }
  }
  return ILLEGAL;
}

/** xxgenpcv[bhwd]m: the permute control vector of a mask (qemu's four variants). ISA byte index. */
function genpcv(r: Lanes, b: Lanes, sz: number, imm: number): void {
  const B = (k: number) => b.u8[15 - k];
  const set = (k: number, x: number) => {
    r.u8[15 - k] = x;
  };
  if (imm === 0) {
    // big-endian expansion
    for (let k = 0; k < 16; k++) set(k, 0x10 + k);
    for (let i = 0, j = 0; i < 16; i += sz) {
      if (B(i) & 0x80) {
        for (let k = 0; k < sz; k++) set(i + k, j + k);
        j += sz;
      }
    }
  } else if (imm === 1) {
    // big-endian compression
    r.i32.fill(0);
    for (let i = 0, j = 0; i < 16; i += sz) {
      if (B(i) & 0x80) {
        for (let k = 0; k < sz; k++) set(j + k, i + k);
        j += sz;
      }
    }
  } else if (imm === 2) {
    // little-endian expansion
    for (let k = 0; k < 16; k++) set(k, 0x1f - k);
    for (let i = 0, j = 0; i < 16; i += sz) {
      const idx = 16 - i - sz;
      if (B(idx) & 0x80) {
        for (let k = 0, rk = sz - 1; k < sz; k++, rk--) set(idx + rk, j + k);
        j += sz;
      }
    }
  } else {
    // little-endian compression
    r.i32.fill(0);
    for (let i = 0, j = 0; i < 16; i += sz) {
      if (B(16 - i - sz) & 0x80) {
        for (let k = 0, rk = sz - 1; k < sz; k++, rk--) set(16 - j - sz + rk, i + k);
        j += sz;
      }
    }
  }
}

/** lxvkq: the high word of each special quadword value (the rest is 0); undefined = reserved. */
function lxvkq(uim: number): number | undefined {
  // quad-precision +1.0 ... +7.0, +Inf, the default QNaN, -0.0, -1.0 ... -7.0, -Inf
  const t: Record<number, number> = {
    1: 0x3fff0000,
    2: 0x40000000,
    3: 0x40008000,
    4: 0x40010000,
    5: 0x40014000,
    6: 0x40018000,
    7: 0x4001c000,
    8: 0x7fff0000,
    9: 0x7fff8000,
    16: 0x80000000,
    17: 0xbfff0000,
    18: 0xc0000000,
    19: 0xc0008000,
    20: 0xc0010000,
    21: 0xc0014000,
    22: 0xc0018000,
    23: 0xc001c000,
    24: 0xffff0000,
  };

  const x = t[uim];
  return x === undefined ? undefined : x | 0;
}

// re-exported for the prefixed family (xxeval etc. operate on Lanes)
export { evalBits };
