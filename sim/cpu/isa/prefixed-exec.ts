// Execution of the prefixed family (prefixed-defs.ts): `w` is the prefix, `w2` the suffix. Effective
// addresses and the GPR loads/stores use number arithmetic on 32-bit halves (POWER10 code runs pld,
// pla and pstd in loops). A prefixed instruction that crosses a 64-byte boundary raises an alignment
// interrupt (Linux: SIGBUS), as on hardware and in qemu; R=1 with RA != 0 is an invalid form (SIGILL).
import { COLD_NEXT8, COLD_STOP } from '../cold-result';
import { K_LOAD, K_STORE, type ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { addrOf, segv, sigbus, sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import { dbl, doubleToSingle, singleToDouble } from './fp-convert';
import { Prefixed } from './prefixed-defs';

const TWO32 = 4294967296;

/** The effective address of the instruction at pc, as halves, in EA_H/EA_L (false: invalid form). */
let EA_H = 0;
let EA_L = 0;
function ea34(t: ThreadState, p: number, s: number, pc: number): boolean {
  const hi18 = ((p & 0x3ffff) << 14) >> 14; // the displacement's high 18 bits, sign-extended
  const dl = ((p & 0xffff) << 16) | (s & 0xffff) | 0; // its low 32 bits
  const dh = hi18 >> 16; // and the rest (bits 32-33, sign-extended)
  const ra = (s >>> 16) & 31;
  let bh: number, bl: number;
  if (p & 0x00100000) {
    if (ra !== 0) return false;
    bl = (pc % TWO32) | 0;
    bh = Math.floor(pc / TWO32) | 0;
  } else if (ra === 0) {
    bh = 0;
    bl = 0;
  } else {
    bh = t.hi[ra];
    bl = t.lo[ra];
  }
  const l = (bl + dl) | 0;
  EA_H = (bh + dh + (l >>> 0 < bl >>> 0 ? 1 : 0)) | 0;
  EA_L = l;
  return true;
}

/** The DAWR check of an access; false = matched (core.pending set). */
function watch(core: ExecCore, size: number, kind: number): boolean {
  if (core.checking && core.access(EA_H, EA_L, size, kind)) {
    core.pending = { kind: 'dawr', dar: core.dar };
    return false;
  }
  return true;
}

function fault(core: ExecCore, what: string, pc: number): number {
  core.pending = segv(addrOf(EA_H, EA_L), what, pc);
  return COLD_STOP;
}

export function execPrefixed(
  core: ExecCore,
  t: ThreadState,
  port: DataPort,
  i: number,
  w: number,
  w2: number,
  pc: number,
): number {
  // a prefixed instruction may not cross a 64-byte boundary
  if ((pc & 63) === 60) {
    core.pending = sigbus(BigInt(pc), 'prefixed instruction crossing a 64-byte boundary', pc);
    return COLD_STOP;
  }
  const rt = (w2 >>> 21) & 31;
  const hi = t.hi,
    lo = t.lo;
  switch (i as Prefixed) {
    case Prefixed.PNOP:
      return COLD_NEXT8;
    case Prefixed.PADDI:
    case Prefixed.PLI:
    case Prefixed.PLA:
    case Prefixed.PLA_ASM:
    case Prefixed.PSUBI:
      if (!ea34(t, w, w2, pc)) break;
      hi[rt] = EA_H;
      lo[rt] = EA_L;
      return COLD_NEXT8;
    case Prefixed.PLBZ:
    case Prefixed.PLHZ:
    case Prefixed.PLHA:
    case Prefixed.PLWZ:
    case Prefixed.PLWA:
    case Prefixed.PLD: {
      if (!ea34(t, w, w2, pc)) break;
      const size =
        i === Prefixed.PLBZ ? 1 : i === Prefixed.PLHZ || i === Prefixed.PLHA ? 2 : i === Prefixed.PLD ? 8 : 4;
      if (!watch(core, size, K_LOAD)) return COLD_STOP;
      if (!port.load(EA_H, EA_L, size)) return fault(core, `load of ${size} bytes`, pc);
      let vh = port.vhi,
        vl = port.vlo;
      if (i === Prefixed.PLHA) {
        vl = (vl << 16) >> 16;
        vh = vl >> 31;
      } else if (i === Prefixed.PLWA) vh = vl >> 31;
      hi[rt] = vh;
      lo[rt] = vl;
      return COLD_NEXT8;
    }
    case Prefixed.PSTB:
    case Prefixed.PSTH:
    case Prefixed.PSTW:
    case Prefixed.PSTD: {
      if (!ea34(t, w, w2, pc)) break;
      const size = i === Prefixed.PSTB ? 1 : i === Prefixed.PSTH ? 2 : i === Prefixed.PSTW ? 4 : 8;
      if (!watch(core, size, K_STORE)) return COLD_STOP;
      if (!port.store(EA_H, EA_L, size, hi[rt], lo[rt])) return fault(core, `store of ${size} bytes`, pc);
      return COLD_NEXT8;
    }
    case Prefixed.PLQ:
    case Prefixed.PSTQ: {
      // An odd RTp is an invalid form that qemu executes as the pair RTp, RTp+1 (so do we, but r31
      // has no pair). Unlike lq/stq, in little-endian mode RTp is the doubleword at ea and RTp+1
      // the one at ea + 8 (qemu's plq/pstq; lq/stq put RTp at ea + 8).
      if (rt === 31 || !ea34(t, w, w2, pc)) break;
      const load = i === Prefixed.PLQ;
      if (!watch(core, 16, load ? K_LOAD : K_STORE)) return COLD_STOP;
      const l8 = (EA_L + 8) | 0;
      const h8 = (EA_H + (l8 >>> 0 < EA_L >>> 0 ? 1 : 0)) | 0;
      if (load) {
        if (!port.load(EA_H, EA_L, 8)) return fault(core, 'load of 16 bytes', pc);
        const vh = port.vhi,
          vl = port.vlo;
        if (!port.load(h8, l8, 8)) return fault(core, 'load of 16 bytes', pc);
        hi[rt + 1] = port.vhi;
        lo[rt + 1] = port.vlo;
        hi[rt] = vh;
        lo[rt] = vl;
      } else {
        if (!port.writable(EA_H, EA_L, 16)) return fault(core, 'store of 16 bytes', pc);
        port.store(EA_H, EA_L, 8, hi[rt], lo[rt]);
        port.store(h8, l8, 8, hi[rt + 1], lo[rt + 1]);
      }
      return COLD_NEXT8;
    }
    case Prefixed.PLFS:
    case Prefixed.PLFD:
    case Prefixed.PLXSD:
    case Prefixed.PLXSSP: {
      if (!ea34(t, w, w2, pc)) break;
      const single = i === Prefixed.PLFS || i === Prefixed.PLXSSP;
      const size = single ? 4 : 8;
      if (!watch(core, size, K_LOAD)) return COLD_STOP;
      if (!port.load(EA_H, EA_L, size)) return fault(core, `load of ${size} bytes`, pc);
      let vh = port.vhi,
        vl = port.vlo;
      if (single) {
        singleToDouble(vl);
        vh = dbl.hi;
        vl = dbl.lo;
      } // (lfs's DOUBLE, fp-convert.ts)
      // doubleword 0 of the VSR; the VSX scalar loads also clear doubleword 1
      const n = i === Prefixed.PLFS || i === Prefixed.PLFD ? rt : 32 + rt;
      const v = t.vsr;
      v[4 * n + 3] = vh;
      v[4 * n + 2] = vl;
      if (n >= 32) {
        v[4 * n + 1] = 0;
        v[4 * n] = 0;
      }
      return COLD_NEXT8;
    }
    case Prefixed.PSTFS:
    case Prefixed.PSTFD:
    case Prefixed.PSTXSD:
    case Prefixed.PSTXSSP: {
      if (!ea34(t, w, w2, pc)) break;
      const single = i === Prefixed.PSTFS || i === Prefixed.PSTXSSP;
      const size = single ? 4 : 8;
      if (!watch(core, size, K_STORE)) return COLD_STOP;
      const n = i === Prefixed.PSTFS || i === Prefixed.PSTFD ? rt : 32 + rt;
      const h = t.vsr[4 * n + 3],
        l = t.vsr[4 * n + 2];
      const ok = single ? port.store(EA_H, EA_L, 4, 0, doubleToSingle(h, l)) : port.store(EA_H, EA_L, 8, h, l);
      if (!ok) return fault(core, `store of ${size} bytes`, pc);
      return COLD_NEXT8;
    }
    case Prefixed.PLXV:
    case Prefixed.PSTXV:
    case Prefixed.PLXVP:
    case Prefixed.PSTXVP: {
      if (!ea34(t, w, w2, pc)) break;
      const pair = i === Prefixed.PLXVP || i === Prefixed.PSTXVP;
      const load = i === Prefixed.PLXV || i === Prefixed.PLXVP;
      const size = pair ? 32 : 16;
      // XT (TX in bit 26) or XTp (TX in bit 21, Tp in 22-25)
      const xt = pair ? ((w2 >>> 22) & 15) * 2 + ((w2 >>> 21) & 1) * 32 : rt | (((w2 >>> 26) & 1) << 5);
      if (!watch(core, size, load ? K_LOAD : K_STORE)) return COLD_STOP;
      if (!load && !port.writable(EA_H, EA_L, size)) return fault(core, `store of ${size} bytes`, pc);
      // each VSR is a little-endian 128-bit number: in little-endian mode memory order is its byte
      // order; a pair holds the quadword at ea + 16 in XTp and the one at ea in XTp+1
      const v = t.vsr;
      for (let k = 0; k < size / 4; k++) {
        const reg = pair ? (k < 4 ? xt + 1 : xt) : xt;
        const idx = 4 * reg + (k & 3);
        const l = (EA_L + 4 * k) | 0;
        const h = (EA_H + (l >>> 0 < EA_L >>> 0 ? 1 : 0)) | 0;
        if (load) {
          if (!port.load(h, l, 4)) return fault(core, `load of ${size} bytes`, pc);
          v[idx] = port.vlo;
        } else port.store(h, l, 4, 0, v[idx]);
      }
      return COLD_NEXT8;
    }
    case Prefixed.XXSPLTI32DX:
    case Prefixed.XXSPLTIDP:
    case Prefixed.XXSPLTIW: {
      const xt = rt | (((w2 >>> 16) & 1) << 5);
      const imm = ((w & 0xffff) << 16) | (w2 & 0xffff);
      const v = t.vsr,
        b = 4 * xt;
      if (i === Prefixed.XXSPLTIW) {
        v[b] = imm;
        v[b + 1] = imm;
        v[b + 2] = imm;
        v[b + 3] = imm;
      } else if (i === Prefixed.XXSPLTIDP) {
        singleToDouble(imm);
        v[b + 3] = dbl.hi;
        v[b + 2] = dbl.lo;
        v[b + 1] = dbl.hi;
        v[b] = dbl.lo;
      } else {
        // words IX and IX + 2 (ISA numbering: word k is vsr[b + 3 - k])
        const ix = (w2 >>> 17) & 1;
        v[b + 3 - ix] = imm;
        v[b + 1 - ix] = imm;
      }
      return COLD_NEXT8;
    }
    case Prefixed.XXPERMX:
    case Prefixed.XXBLENDVB:
    case Prefixed.XXBLENDVH:
    case Prefixed.XXBLENDVW:
    case Prefixed.XXBLENDVD:
    case Prefixed.XXEVAL:
      xx4(t, i, w, w2);
      return COLD_NEXT8;
  }
  core.pending = sigill(w, pc, 'invalid form of prefixed instruction');
  return COLD_STOP;
}

const SCRATCH = new Uint8Array(48);
const SCRATCH32 = new Int32Array(SCRATCH.buffer);

/** xxpermx, xxblendv[bhwd], xxeval on the VSR file (sources copied first: XT may be one of them). */
function xx4(t: ThreadState, i: number, p: number, s: number): void {
  const xt = ((s >>> 21) & 31) | ((s & 1) << 5);
  const xa = ((s >>> 16) & 31) | (((s >>> 2) & 1) << 5);
  const xb = ((s >>> 11) & 31) | (((s >>> 1) & 1) << 5);
  const xc = ((s >>> 6) & 31) | (((s >>> 3) & 1) << 5);
  const bytes = t.vsrBytes;
  // A at 0..15, B at 16..31, C at 32..47, each in the register file's (little-endian) order
  SCRATCH.set(bytes.subarray(16 * xa, 16 * xa + 16), 0);
  SCRATCH.set(bytes.subarray(16 * xb, 16 * xb + 16), 16);
  SCRATCH.set(bytes.subarray(16 * xc, 16 * xc + 16), 32);
  const o = 16 * xt;
  switch (i as Prefixed) {
    case Prefixed.XXPERMX: {
      // ISA byte k of XT: if the top 3 bits of C's byte k equal UIM, byte (its low 5 bits) of A || B
      const uim = p & 7;
      for (let k = 0; k < 16; k++) {
        const sel = SCRATCH[32 + 15 - k];
        let v = 0;
        if (sel >>> 5 === uim) {
          const j = sel & 31; // ISA byte j of A||B: A's byte j (j < 16), else B's byte j - 16
          v = j < 16 ? SCRATCH[15 - j] : SCRATCH[16 + 31 - j];
        }
        bytes[o + 15 - k] = v;
      }
      return;
    }
    case Prefixed.XXEVAL: {
      // each result bit is bit (A,B,C) of IMM (IMM bit 0 is its most significant)
      const imm = p & 0xff;
      for (let k = 0; k < 4; k++) {
        const a = SCRATCH32[k],
          b = SCRATCH32[4 + k],
          c = SCRATCH32[8 + k];
        let r = 0;
        for (let m = 0; m < 8; m++) {
          if (((imm >>> (7 - m)) & 1) === 0) continue;
          r |= (m & 4 ? a : ~a) & (m & 2 ? b : ~b) & (m & 1 ? c : ~c);
        }
        t.vsr[4 * xt + k] = r;
      }
      return;
    }
    default: {
      // blend: each element of B where C's element has its sign bit set, else of A
      const size = i === Prefixed.XXBLENDVB ? 1 : i === Prefixed.XXBLENDVH ? 2 : i === Prefixed.XXBLENDVW ? 4 : 8;
      for (let e = 0; e < 16; e += size) {
        const fromB = (SCRATCH[32 + e + size - 1] & 0x80) !== 0; // the element's most significant byte
        for (let k = 0; k < size; k++) bytes[o + e + k] = SCRATCH[(fromB ? 16 : 0) + e + k];
      }
    }
  }
}
