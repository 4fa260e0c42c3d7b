// Execution of the vmx family (vmx-defs.ts). Operands are copied into the scratch values VA/VB/VC
// (vec-lanes.ts), the result is computed into VR and copied to VRT, so any register may alias any
// other. Element-wise operations run in storage order (the order does not matter to them); where
// elements move, indexes are ISA indexes mapped with 15-k / 7-k / 3-k / 1-k. Results follow the ISA
// and, where it leaves them undefined (division by zero, out-of-range indexes), qemu-ppc64le.
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import type { ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import { Vmx } from './vmx-defs';
import {
  ctz32,
  Lanes,
  permBytes,
  popcnt32,
  readVsr,
  SAT,
  satS,
  satSBig,
  satU,
  satUBig,
  VA,
  VB,
  VC,
  VR,
  VSCR_SAT,
  writeVsr,
} from './vec-lanes';
import { execVmxFloat, isVmxFloat } from './vmx-float';

const M64 = 0xffffffffffffffffn;
const M128 = (1n << 128n) - 1n;
const TWO32 = 4294967296;

const q128 = (x: Lanes) => (x.u64[1] << 64n) | x.u64[0];
function setQ(x: Lanes, v: bigint): void {
  x.u64[0] = BigInt.asUintN(64, v);
  x.u64[1] = BigInt.asUintN(64, v >> 64n);
}
const s128 = (x: Lanes) => BigInt.asIntN(128, q128(x));

function rotl32(x: number, n: number): number {
  n &= 31;
  return n === 0 ? x | 0 : (x << n) | (x >>> (32 - n));
}
function rotl64(x: bigint, n: number): bigint {
  n &= 63;
  return n === 0 ? x : ((x << BigInt(n)) | (x >> BigInt(64 - n))) & M64;
}
function clz64(x: bigint): number {
  const h = Number(x >> 32n);
  return h !== 0 ? Math.clz32(h) : 32 + Math.clz32(Number(x & 0xffffffffn));
}
function ctz64(x: bigint): number {
  const l = Number(x & 0xffffffffn);
  return l !== 0 ? ctz32(l) : 32 + ctz32(Number(x >> 32n));
}
function pop64(x: bigint): number {
  return popcnt32(Number(x & 0xffffffffn)) + popcnt32(Number(x >> 32n));
}
/** MASK(mb, me) over 32 bits, IBM numbering, wrapping when mb > me */
function mask32(mb: number, me: number): number {
  const m = (0xffffffff >>> mb) ^ ((0xffffffff >>> me) >>> 1);
  return mb > me ? ~m : m | 0;
}
/** qemu's mask_u64, the same way with 64-bit shifts (count mod 64) */
function maskU64(start: number, end: number): bigint {
  const shl = (x: bigint, n: number) => (x << BigInt(n & 63)) & M64;
  const shr = (x: bigint, n: number) => x >> BigInt(n & 63);
  if (start === 0) return shl(M64, 63 - end);
  if (end === 63) return shr(M64, start);
  const ret = shr(M64, start) ^ shr(shr(M64, end), 1);
  return start > end ? ~ret & M64 : ret;
}
/** MASK(mb, me) over 128 bits, IBM numbering, wrapping */
function mask128(mb: number, me: number): bigint {
  const from = M128 >> BigInt(mb); // bits mb..127
  const to = (M128 << BigInt(127 - me)) & M128; // bits 0..me
  return mb <= me ? from & to : from | to;
}
function pext64(x: bigint, m: bigint): bigint {
  let r = 0n,
    k = 0n;
  for (let i = 0n; i < 64n; i++)
    if ((m >> i) & 1n) {
      r |= ((x >> i) & 1n) << k;
      k++;
    }
  return r;
}
function pdep64(x: bigint, m: bigint): bigint {
  let r = 0n,
    k = 0n;
  for (let i = 0n; i < 64n; i++)
    if ((m >> i) & 1n) {
      r |= ((x >> k) & 1n) << i;
      k++;
    }
  return r;
}
/** carry-less product of two n-bit values */
function clmul(a: bigint, b: bigint, n: number): bigint {
  let r = 0n;
  for (let j = 0; j < n; j++) if ((a >> BigInt(j)) & 1n) r ^= b << BigInt(j);
  return r;
}

const vd = (w: number) => 32 + ((w >>> 21) & 31);
const va = (w: number) => 32 + ((w >>> 16) & 31);
const vb = (w: number) => 32 + ((w >>> 11) & 31);
const vc = (w: number) => 32 + ((w >>> 6) & 31);

/** a compare's summary for CR6 (module state: no closure per instruction) */
const CMP = { all: true, none: true };
function put(ok: boolean): boolean {
  if (ok) CMP.none = false;
  else CMP.all = false;
  return ok;
}

/** CR6 of a VC-form compare with Rc=1: 8 = every element true, 2 = none */
function setCr6(t: ThreadState, all: boolean, none: boolean): void {
  t.crNum = (t.crNum & ~0xf0) | (((all ? 8 : 0) | (none ? 2 : 0)) << 4);
}

/** 16 ISA bytes of r from the bytes of x (ISA order function) */
const isaB = (x: Lanes, k: number) => x.u8[15 - k];
const setIsaB = (x: Lanes, k: number, v: number) => {
  x.u8[15 - k] = v;
};

function sha256(x: number, st: number, s: number): number {
  const r = (n: number) => (x >>> n) | (x << (32 - n));
  if (st === 0) return s === 0 ? r(7) ^ r(18) ^ (x >>> 3) : r(17) ^ r(19) ^ (x >>> 10);
  return s === 0 ? r(2) ^ r(13) ^ r(22) : r(6) ^ r(11) ^ r(25);
}
function sha512(x: bigint, st: number, s: number): bigint {
  const r = (n: bigint) => ((x >> n) | (x << (64n - n))) & M64;
  if (st === 0) return s === 0 ? r(1n) ^ r(8n) ^ (x >> 7n) : r(19n) ^ r(61n) ^ (x >> 6n);
  return s === 0 ? r(28n) ^ r(34n) ^ r(39n) : r(14n) ^ r(18n) ^ r(41n);
}

export function execVmx(
  core: ExecCore,
  t: ThreadState,
  _port: DataPort,
  i: number,
  w: number,
  _w2: number,
  pc: number,
): number {
  if (isVmxFloat(i)) return execVmxFloat(core, t, i, w, pc);
  const A = readVsr(t, va(w), VA),
    B = readVsr(t, vb(w), VB),
    R = VR;
  SAT.hit = false;
  // the groups are separate functions: one switch over every case would need a frame of several
  // hundred slots, set up on every call
  const r =
    i < Vmx.VMULEUB
      ? addSub(t, i, w, A, B, R)
      : i < Vmx.VDIVSW
        ? mul(t, i, w, A, B, R)
        : i < Vmx.VAVGUB
          ? div(t, i, w, A, B, R)
          : i < Vmx.VRLB
            ? elem(t, i, w, A, B, R)
            : i < Vmx.VBPERMQ
              ? shift(t, i, w, A, B, R)
              : i < Vmx.VAND
                ? bitsCmp(t, i, w, A, B, R)
                : i < Vmx.VEXTRACTUB
                  ? permPack(t, i, w, A, B, R)
                  : p9p10(t, i, w, A, B, R);
  if (r === ILLEGAL) {
    core.pending = sigill(w, pc);
    return COLD_STOP;
  }
  if (r === WRITE) {
    if (SAT.hit) t.vscr |= VSCR_SAT;
    writeVsr(t, vd(w), R);
  }
  return COLD_NEXT;
}

/** what a group function tells execVmx: write VR to VRT, nothing more to do, or not an instruction */
const WRITE = 0;
const DONE = 1;
const ILLEGAL = 2;

function addSub(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- add and subtract
    case Vmx.VADDUBM:
      for (let k = 0; k < 16; k++) R.u8[k] = A.u8[k] + B.u8[k];
      break;
    case Vmx.VADDUHM:
      for (let k = 0; k < 8; k++) R.u16[k] = A.u16[k] + B.u16[k];
      break;
    case Vmx.VADDUWM:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] + B.i32[k];
      break;
    case Vmx.VADDUDM:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] + B.u64[k];
      break;
    case Vmx.VADDUQM:
      setQ(R, q128(A) + q128(B));
      break;
    case Vmx.VSUBUBM:
      for (let k = 0; k < 16; k++) R.u8[k] = A.u8[k] - B.u8[k];
      break;
    case Vmx.VSUBUHM:
      for (let k = 0; k < 8; k++) R.u16[k] = A.u16[k] - B.u16[k];
      break;
    case Vmx.VSUBUWM:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] - B.i32[k];
      break;
    case Vmx.VSUBUDM:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] - B.u64[k];
      break;
    case Vmx.VSUBUQM:
      setQ(R, q128(A) - q128(B));
      break;
    case Vmx.VADDUBS:
      for (let k = 0; k < 16; k++) R.u8[k] = satU(A.u8[k] + B.u8[k], 8);
      break;
    case Vmx.VADDUHS:
      for (let k = 0; k < 8; k++) R.u16[k] = satU(A.u16[k] + B.u16[k], 16);
      break;
    case Vmx.VADDUWS:
      for (let k = 0; k < 4; k++) R.u32[k] = satU(A.u32[k] + B.u32[k], 32);
      break;
    case Vmx.VADDSBS:
      for (let k = 0; k < 16; k++) R.i8[k] = satS(A.i8[k] + B.i8[k], 8);
      break;
    case Vmx.VADDSHS:
      for (let k = 0; k < 8; k++) R.i16[k] = satS(A.i16[k] + B.i16[k], 16);
      break;
    case Vmx.VADDSWS:
      for (let k = 0; k < 4; k++) R.i32[k] = satS(A.i32[k] + B.i32[k], 32);
      break;
    case Vmx.VSUBUBS:
      for (let k = 0; k < 16; k++) R.u8[k] = satU(A.u8[k] - B.u8[k], 8);
      break;
    case Vmx.VSUBUHS:
      for (let k = 0; k < 8; k++) R.u16[k] = satU(A.u16[k] - B.u16[k], 16);
      break;
    case Vmx.VSUBUWS:
      for (let k = 0; k < 4; k++) R.u32[k] = satU(A.u32[k] - B.u32[k], 32);
      break;
    case Vmx.VSUBSBS:
      for (let k = 0; k < 16; k++) R.i8[k] = satS(A.i8[k] - B.i8[k], 8);
      break;
    case Vmx.VSUBSHS:
      for (let k = 0; k < 8; k++) R.i16[k] = satS(A.i16[k] - B.i16[k], 16);
      break;
    case Vmx.VSUBSWS:
      for (let k = 0; k < 4; k++) R.i32[k] = satS(A.i32[k] - B.i32[k], 32);
      break;
    case Vmx.VADDCUW:
      for (let k = 0; k < 4; k++) R.u32[k] = A.u32[k] + B.u32[k] >= TWO32 ? 1 : 0;
      break;
    case Vmx.VSUBCUW:
      for (let k = 0; k < 4; k++) R.u32[k] = A.u32[k] >= B.u32[k] ? 1 : 0;
      break;
    case Vmx.VADDCUQ:
      setQ(R, (q128(A) + q128(B)) >> 128n);
      break;
    case Vmx.VSUBCUQ:
      setQ(R, q128(A) >= q128(B) ? 1n : 0n);
      break;
    case Vmx.VADDEUQM:
    case Vmx.VADDECUQ:
    case Vmx.VSUBEUQM:
    case Vmx.VSUBECUQ: {
      const C = readVsr(t, vc(w), VC);
      const cin = C.u64[0] & 1n;
      const sub = i === Vmx.VSUBEUQM || i === Vmx.VSUBECUQ;
      const s = q128(A) + (sub ? ~q128(B) & M128 : q128(B)) + cin;
      setQ(R, i === Vmx.VADDEUQM || i === Vmx.VSUBEUQM ? s : s >> 128n);
      break;
    }
    case Vmx.VMUL10UQ:
      setQ(R, q128(A) * 10n);
      break;
    case Vmx.VMUL10CUQ:
      setQ(R, (q128(A) * 10n) >> 128n);
      break;
    case Vmx.VMUL10EUQ:
      setQ(R, q128(A) * 10n + (B.u64[0] & 15n));
      break;
    case Vmx.VMUL10ECUQ:
      setQ(R, (q128(A) * 10n + (B.u64[0] & 15n)) >> 128n);
      break;

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function mul(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- multiply. ISA even element 2k is storage element 2m+1 of the result's storage element m.
    case Vmx.VMULEUB:
      for (let m = 0; m < 8; m++) R.u16[m] = A.u8[2 * m + 1] * B.u8[2 * m + 1];
      break;
    case Vmx.VMULOUB:
      for (let m = 0; m < 8; m++) R.u16[m] = A.u8[2 * m] * B.u8[2 * m];
      break;
    case Vmx.VMULESB:
      for (let m = 0; m < 8; m++) R.i16[m] = A.i8[2 * m + 1] * B.i8[2 * m + 1];
      break;
    case Vmx.VMULOSB:
      for (let m = 0; m < 8; m++) R.i16[m] = A.i8[2 * m] * B.i8[2 * m];
      break;
    case Vmx.VMULEUH:
      for (let m = 0; m < 4; m++) R.u32[m] = A.u16[2 * m + 1] * B.u16[2 * m + 1];
      break;
    case Vmx.VMULOUH:
      for (let m = 0; m < 4; m++) R.u32[m] = A.u16[2 * m] * B.u16[2 * m];
      break;
    case Vmx.VMULESH:
      for (let m = 0; m < 4; m++) R.i32[m] = A.i16[2 * m + 1] * B.i16[2 * m + 1];
      break;
    case Vmx.VMULOSH:
      for (let m = 0; m < 4; m++) R.i32[m] = A.i16[2 * m] * B.i16[2 * m];
      break;
    case Vmx.VMULEUW:
      for (let m = 0; m < 2; m++) R.u64[m] = BigInt(A.u32[2 * m + 1]) * BigInt(B.u32[2 * m + 1]);
      break;
    case Vmx.VMULOUW:
      for (let m = 0; m < 2; m++) R.u64[m] = BigInt(A.u32[2 * m]) * BigInt(B.u32[2 * m]);
      break;
    case Vmx.VMULESW:
      for (let m = 0; m < 2; m++) R.i64[m] = BigInt(A.i32[2 * m + 1]) * BigInt(B.i32[2 * m + 1]);
      break;
    case Vmx.VMULOSW:
      for (let m = 0; m < 2; m++) R.i64[m] = BigInt(A.i32[2 * m]) * BigInt(B.i32[2 * m]);
      break;
    case Vmx.VMULEUD:
      setQ(R, A.u64[1] * B.u64[1]);
      break;
    case Vmx.VMULOUD:
      setQ(R, A.u64[0] * B.u64[0]);
      break;
    case Vmx.VMULESD:
      setQ(R, A.i64[1] * B.i64[1]);
      break;
    case Vmx.VMULOSD:
      setQ(R, A.i64[0] * B.i64[0]);
      break;
    case Vmx.VMULUWM:
      for (let k = 0; k < 4; k++) R.i32[k] = Math.imul(A.i32[k], B.i32[k]);
      break;
    case Vmx.VMULLD:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] * B.u64[k];
      break;
    case Vmx.VMULHSW:
      for (let k = 0; k < 4; k++) R.i32[k] = Number((BigInt(A.i32[k]) * BigInt(B.i32[k])) >> 32n);
      break;
    case Vmx.VMULHUW:
      for (let k = 0; k < 4; k++) R.u32[k] = Number((BigInt(A.u32[k]) * BigInt(B.u32[k])) >> 32n);
      break;
    case Vmx.VMULHSD:
      for (let k = 0; k < 2; k++) R.i64[k] = (A.i64[k] * B.i64[k]) >> 64n;
      break;
    case Vmx.VMULHUD:
      for (let k = 0; k < 2; k++) R.u64[k] = (A.u64[k] * B.u64[k]) >> 64n;
      break;
    case Vmx.VMLADDUHM: {
      const C = readVsr(t, vc(w), VC);
      for (let k = 0; k < 8; k++) R.u16[k] = Math.imul(A.u16[k], B.u16[k]) + C.u16[k];
      break;
    }
    case Vmx.VMHADDSHS:
    case Vmx.VMHRADDSHS: {
      const C = readVsr(t, vc(w), VC);
      const rnd = i === Vmx.VMHRADDSHS ? 0x4000 : 0;
      for (let k = 0; k < 8; k++) R.i16[k] = satS(((A.i16[k] * B.i16[k] + rnd) >> 15) + C.i16[k], 16);
      break;
    }
    case Vmx.VMSUMUBM:
    case Vmx.VMSUMMBM: {
      const C = readVsr(t, vc(w), VC);
      const sa = i === Vmx.VMSUMMBM ? A.i8 : A.u8;
      for (let m = 0; m < 4; m++) {
        let s = C.i32[m];
        for (let k = 4 * m; k < 4 * m + 4; k++) s += sa[k] * B.u8[k];
        R.i32[m] = s;
      }
      break;
    }
    case Vmx.VMSUMUHM:
    case Vmx.VMSUMUHS: {
      const C = readVsr(t, vc(w), VC);
      for (let m = 0; m < 4; m++) {
        const s = A.u16[2 * m] * B.u16[2 * m] + A.u16[2 * m + 1] * B.u16[2 * m + 1] + C.u32[m];
        R.u32[m] = i === Vmx.VMSUMUHS ? satU(s, 32) : s % TWO32;
      }
      break;
    }
    case Vmx.VMSUMSHM:
    case Vmx.VMSUMSHS: {
      const C = readVsr(t, vc(w), VC);
      for (let m = 0; m < 4; m++) {
        const s = A.i16[2 * m] * B.i16[2 * m] + A.i16[2 * m + 1] * B.i16[2 * m + 1] + C.i32[m];
        if (i === Vmx.VMSUMSHS) R.i32[m] = satS(s, 32);
        else R.i32[m] = Number(BigInt.asIntN(32, BigInt(s)));
      }
      break;
    }
    case Vmx.VMSUMUDM:
    case Vmx.VMSUMCUD: {
      const C = readVsr(t, vc(w), VC);
      const s = A.u64[0] * B.u64[0] + A.u64[1] * B.u64[1] + q128(C);
      setQ(R, i === Vmx.VMSUMUDM ? s : s >> 128n);
      break;
    }
    case Vmx.VSUMSWS: {
      const s = A.i32[0] + A.i32[1] + A.i32[2] + A.i32[3] + B.i32[0];
      R.i32[0] = satS(s, 32);
      R.i32[1] = R.i32[2] = R.i32[3] = 0;
      break;
    }
    case Vmx.VSUM2SWS: {
      const s1 = A.i32[3] + A.i32[2] + B.i32[2],
        s3 = A.i32[1] + A.i32[0] + B.i32[0];
      R.i32[2] = satS(s1, 32);
      R.i32[0] = satS(s3, 32);
      R.i32[1] = R.i32[3] = 0;
      break;
    }
    case Vmx.VSUM4SBS:
    case Vmx.VSUM4UBS: {
      for (let m = 0; m < 4; m++) {
        if (i === Vmx.VSUM4SBS)
          R.i32[m] = satS(A.i8[4 * m] + A.i8[4 * m + 1] + A.i8[4 * m + 2] + A.i8[4 * m + 3] + B.i32[m], 32);
        else R.u32[m] = satU(A.u8[4 * m] + A.u8[4 * m + 1] + A.u8[4 * m + 2] + A.u8[4 * m + 3] + B.u32[m], 32);
      }
      break;
    }
    case Vmx.VSUM4SHS:
      for (let m = 0; m < 4; m++) R.i32[m] = satS(A.i16[2 * m] + A.i16[2 * m + 1] + B.i32[m], 32);
      break;

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function div(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- divide and modulo (POWER10); undefined cases as qemu: divide by 1 (word/doubleword), or
    // the dividend (quadword, extended doubleword)
    case Vmx.VDIVSW:
    case Vmx.VMODSW:
      for (let k = 0; k < 4; k++) {
        const x = A.i32[k];
        let y = B.i32[k];
        if (y === 0 || (x === -0x80000000 && y === -1)) y = 1;
        R.i32[k] = i === Vmx.VDIVSW ? Math.trunc(x / y) : x % y;
      }
      break;
    case Vmx.VDIVUW:
    case Vmx.VMODUW:
      for (let k = 0; k < 4; k++) {
        const x = A.u32[k],
          y = B.u32[k] || 1;
        R.u32[k] = i === Vmx.VDIVUW ? Math.floor(x / y) : x % y;
      }
      break;
    case Vmx.VDIVSD:
    case Vmx.VMODSD:
      for (let k = 0; k < 2; k++) {
        const x = A.i64[k];
        let y = B.i64[k];
        if (y === 0n || (x === -(1n << 63n) && y === -1n)) y = 1n;
        R.i64[k] = i === Vmx.VDIVSD ? x / y : x % y;
      }
      break;
    case Vmx.VDIVUD:
    case Vmx.VMODUD:
      for (let k = 0; k < 2; k++) {
        const x = A.u64[k],
          y = B.u64[k] || 1n;
        R.u64[k] = i === Vmx.VDIVUD ? x / y : x % y;
      }
      break;
    case Vmx.VDIVESW:
      for (let k = 0; k < 4; k++) {
        const x = BigInt(A.i32[k]) << 32n;
        let y = BigInt(B.i32[k]);
        if (y === 0n || (x === -(1n << 63n) && y === -1n)) y = 1n;
        R.i32[k] = Number(BigInt.asIntN(32, x / y));
      }
      break;
    case Vmx.VDIVEUW:
      for (let k = 0; k < 4; k++) {
        const x = BigInt(A.u32[k]) << 32n,
          y = BigInt(B.u32[k]) || 1n;
        R.u32[k] = Number(BigInt.asUintN(32, x / y));
      }
      break;
    case Vmx.VDIVESD:
      for (let k = 0; k < 2; k++) {
        const x = A.i64[k],
          y = B.i64[k];
        R.i64[k] = y === 0n || (x === -(1n << 63n) && y === -1n) ? x : BigInt.asIntN(64, (x << 64n) / y);
      }
      break;
    case Vmx.VDIVEUD:
      for (let k = 0; k < 2; k++) {
        const x = A.u64[k],
          y = B.u64[k];
        R.u64[k] = y === 0n ? x : BigInt.asUintN(64, (x << 64n) / y);
      }
      break;
    case Vmx.VDIVSQ:
    case Vmx.VMODSQ:
    case Vmx.VDIVESQ: {
      const x = s128(A),
        y = s128(B);
      const bad = y === 0n || (x === -(1n << 127n) && y === -1n);
      if (i === Vmx.VDIVSQ) setQ(R, bad ? x : x / y);
      else if (i === Vmx.VMODSQ) setQ(R, bad ? 0n : x % y);
      else setQ(R, bad ? x : (x << 128n) / y);
      break;
    }
    case Vmx.VDIVUQ:
    case Vmx.VMODUQ:
    case Vmx.VDIVEUQ: {
      const x = q128(A),
        y = q128(B);
      if (i === Vmx.VDIVUQ) setQ(R, y === 0n ? x : x / y);
      else if (i === Vmx.VMODUQ) setQ(R, y === 0n ? 0n : x % y);
      else setQ(R, y === 0n ? x : (x << 128n) / y);
      break;
    }

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function elem(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- average, max, min, absolute difference
    case Vmx.VAVGUB:
      for (let k = 0; k < 16; k++) R.u8[k] = (A.u8[k] + B.u8[k] + 1) >> 1;
      break;
    case Vmx.VAVGUH:
      for (let k = 0; k < 8; k++) R.u16[k] = (A.u16[k] + B.u16[k] + 1) >> 1;
      break;
    case Vmx.VAVGUW:
      for (let k = 0; k < 4; k++) R.u32[k] = Math.floor((A.u32[k] + B.u32[k] + 1) / 2);
      break;
    case Vmx.VAVGSB:
      for (let k = 0; k < 16; k++) R.i8[k] = (A.i8[k] + B.i8[k] + 1) >> 1;
      break;
    case Vmx.VAVGSH:
      for (let k = 0; k < 8; k++) R.i16[k] = (A.i16[k] + B.i16[k] + 1) >> 1;
      break;
    case Vmx.VAVGSW:
      for (let k = 0; k < 4; k++) R.i32[k] = Math.floor((A.i32[k] + B.i32[k] + 1) / 2);
      break;
    case Vmx.VMAXUB:
      for (let k = 0; k < 16; k++) R.u8[k] = Math.max(A.u8[k], B.u8[k]);
      break;
    case Vmx.VMAXUH:
      for (let k = 0; k < 8; k++) R.u16[k] = Math.max(A.u16[k], B.u16[k]);
      break;
    case Vmx.VMAXUW:
      for (let k = 0; k < 4; k++) R.u32[k] = Math.max(A.u32[k], B.u32[k]);
      break;
    case Vmx.VMAXUD:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] > B.u64[k] ? A.u64[k] : B.u64[k];
      break;
    case Vmx.VMAXSB:
      for (let k = 0; k < 16; k++) R.i8[k] = Math.max(A.i8[k], B.i8[k]);
      break;
    case Vmx.VMAXSH:
      for (let k = 0; k < 8; k++) R.i16[k] = Math.max(A.i16[k], B.i16[k]);
      break;
    case Vmx.VMAXSW:
      for (let k = 0; k < 4; k++) R.i32[k] = Math.max(A.i32[k], B.i32[k]);
      break;
    case Vmx.VMAXSD:
      for (let k = 0; k < 2; k++) R.i64[k] = A.i64[k] > B.i64[k] ? A.i64[k] : B.i64[k];
      break;
    case Vmx.VMINUB:
      for (let k = 0; k < 16; k++) R.u8[k] = Math.min(A.u8[k], B.u8[k]);
      break;
    case Vmx.VMINUH:
      for (let k = 0; k < 8; k++) R.u16[k] = Math.min(A.u16[k], B.u16[k]);
      break;
    case Vmx.VMINUW:
      for (let k = 0; k < 4; k++) R.u32[k] = Math.min(A.u32[k], B.u32[k]);
      break;
    case Vmx.VMINUD:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] < B.u64[k] ? A.u64[k] : B.u64[k];
      break;
    case Vmx.VMINSB:
      for (let k = 0; k < 16; k++) R.i8[k] = Math.min(A.i8[k], B.i8[k]);
      break;
    case Vmx.VMINSH:
      for (let k = 0; k < 8; k++) R.i16[k] = Math.min(A.i16[k], B.i16[k]);
      break;
    case Vmx.VMINSW:
      for (let k = 0; k < 4; k++) R.i32[k] = Math.min(A.i32[k], B.i32[k]);
      break;
    case Vmx.VMINSD:
      for (let k = 0; k < 2; k++) R.i64[k] = A.i64[k] < B.i64[k] ? A.i64[k] : B.i64[k];
      break;
    case Vmx.VABSDUB:
      for (let k = 0; k < 16; k++) R.u8[k] = Math.abs(A.u8[k] - B.u8[k]);
      break;
    case Vmx.VABSDUH:
      for (let k = 0; k < 8; k++) R.u16[k] = Math.abs(A.u16[k] - B.u16[k]);
      break;
    case Vmx.VABSDUW:
      for (let k = 0; k < 4; k++) R.u32[k] = Math.abs(A.u32[k] - B.u32[k]);
      break;

    // ---- negate, extend sign, parity, counts (one source: VB)
    case Vmx.VNEGW:
      for (let k = 0; k < 4; k++) R.i32[k] = -B.i32[k];
      break;
    case Vmx.VNEGD:
      for (let k = 0; k < 2; k++) R.u64[k] = -B.u64[k];
      break;
    case Vmx.VEXTSB2W:
      for (let k = 0; k < 4; k++) R.i32[k] = B.i8[4 * k];
      break;
    case Vmx.VEXTSH2W:
      for (let k = 0; k < 4; k++) R.i32[k] = B.i16[2 * k];
      break;
    case Vmx.VEXTSB2D:
      for (let k = 0; k < 2; k++) R.i64[k] = BigInt(B.i8[8 * k]);
      break;
    case Vmx.VEXTSH2D:
      for (let k = 0; k < 2; k++) R.i64[k] = BigInt(B.i16[4 * k]);
      break;
    case Vmx.VEXTSW2D:
      for (let k = 0; k < 2; k++) R.i64[k] = BigInt(B.i32[2 * k]);
      break;
    case Vmx.VEXTSD2Q:
      setQ(R, B.i64[0]);
      break;
    case Vmx.VPRTYBW:
      for (let m = 0; m < 4; m++) R.u32[m] = (B.u8[4 * m] ^ B.u8[4 * m + 1] ^ B.u8[4 * m + 2] ^ B.u8[4 * m + 3]) & 1;
      break;
    case Vmx.VPRTYBD:
    case Vmx.VPRTYBQ: {
      const n = i === Vmx.VPRTYBD ? 8 : 16;
      R.i32.fill(0);
      for (let e = 0; e < 16; e += n) {
        let p = 0;
        for (let k = e; k < e + n; k++) p ^= B.u8[k];
        R.u8[e] = p & 1;
      }
      break;
    }
    case Vmx.VCTZB:
      for (let k = 0; k < 16; k++) R.u8[k] = B.u8[k] === 0 ? 8 : ctz32(B.u8[k]);
      break;
    case Vmx.VCTZH:
      for (let k = 0; k < 8; k++) R.u16[k] = B.u16[k] === 0 ? 16 : ctz32(B.u16[k]);
      break;
    case Vmx.VCTZW:
      for (let k = 0; k < 4; k++) R.u32[k] = ctz32(B.i32[k]);
      break;
    case Vmx.VCTZD:
      for (let k = 0; k < 2; k++) R.u64[k] = BigInt(B.u64[k] === 0n ? 64 : ctz64(B.u64[k]));
      break;
    case Vmx.VCLZB:
      for (let k = 0; k < 16; k++) R.u8[k] = Math.clz32(B.u8[k]) - 24;
      break;
    case Vmx.VCLZH:
      for (let k = 0; k < 8; k++) R.u16[k] = Math.clz32(B.u16[k]) - 16;
      break;
    case Vmx.VCLZW:
      for (let k = 0; k < 4; k++) R.u32[k] = Math.clz32(B.i32[k]);
      break;
    case Vmx.VCLZD:
      for (let k = 0; k < 2; k++) R.u64[k] = BigInt(clz64(B.u64[k]));
      break;
    case Vmx.VPOPCNTB:
      for (let k = 0; k < 16; k++) R.u8[k] = popcnt32(B.u8[k]);
      break;
    case Vmx.VPOPCNTH:
      for (let k = 0; k < 8; k++) R.u16[k] = popcnt32(B.u16[k]);
      break;
    case Vmx.VPOPCNTW:
      for (let k = 0; k < 4; k++) R.u32[k] = popcnt32(B.i32[k]);
      break;
    case Vmx.VPOPCNTD:
      for (let k = 0; k < 2; k++) R.u64[k] = BigInt(pop64(B.u64[k]));
      break;
    case Vmx.VGBBD: {
      // byte j of doubleword d, bit k (IBM) := byte k of doubleword d, bit j
      R.i32.fill(0);
      for (let d = 0; d < 2; d++) {
        for (let k = 0; k < 8; k++) {
          const src = isaB(B, 8 * d + k);
          for (let j = 0; j < 8; j++) if ((src >> (7 - j)) & 1) R.u8[15 - (8 * d + j)] |= 0x80 >> k;
        }
      }
      break;
    }
    case Vmx.VCLZLSBB:
    case Vmx.VCTZLSBB: {
      let n = 0;
      if (i === Vmx.VCLZLSBB) while (n < 16 && (isaB(B, n) & 1) === 0) n++;
      else while (n < 16 && (isaB(B, 15 - n) & 1) === 0) n++;
      const rt = (w >>> 21) & 31;
      t.hi[rt] = 0;
      t.lo[rt] = n;
      return DONE;
    }
    case Vmx.VCLZDM:
    case Vmx.VCTZDM:
      for (let k = 0; k < 2; k++) {
        const x = A.u64[k],
          m = B.u64[k];
        let n = 0;
        for (let b = 0; b < 64; b++) {
          const bit = BigInt(i === Vmx.VCLZDM ? 63 - b : b);
          if (((m >> bit) & 1n) === 0n) continue;
          if ((x >> bit) & 1n) break;
          n++;
        }
        R.u64[k] = BigInt(n);
      }
      break;
    case Vmx.VPDEPD:
      for (let k = 0; k < 2; k++) R.u64[k] = pdep64(A.u64[k], B.u64[k]);
      break;
    case Vmx.VPEXTD:
      for (let k = 0; k < 2; k++) R.u64[k] = pext64(A.u64[k], B.u64[k]);
      break;
    case Vmx.VCFUGED:
      for (let k = 0; k < 2; k++) {
        const m = B.u64[k];
        R.u64[k] = (pext64(A.u64[k], ~m & M64) << BigInt(pop64(m))) | pext64(A.u64[k], m);
      }
      break;

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function shift(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- rotate and shift
    case Vmx.VRLB:
      for (let k = 0; k < 16; k++) {
        const n = B.u8[k] & 7,
          x = A.u8[k];
        R.u8[k] = (x << n) | (x >> (8 - n));
      }
      break;
    case Vmx.VRLH:
      for (let k = 0; k < 8; k++) {
        const n = B.u16[k] & 15,
          x = A.u16[k];
        R.u16[k] = (x << n) | (x >> (16 - n));
      }
      break;
    case Vmx.VRLW:
      for (let k = 0; k < 4; k++) R.i32[k] = rotl32(A.i32[k], B.u32[k]);
      break;
    case Vmx.VRLD:
      for (let k = 0; k < 2; k++) R.u64[k] = rotl64(A.u64[k], Number(B.u64[k] & 63n));
      break;
    case Vmx.VSLB:
      for (let k = 0; k < 16; k++) R.u8[k] = A.u8[k] << (B.u8[k] & 7);
      break;
    case Vmx.VSLH:
      for (let k = 0; k < 8; k++) R.u16[k] = A.u16[k] << (B.u16[k] & 15);
      break;
    case Vmx.VSLW:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] << (B.u32[k] & 31);
      break;
    case Vmx.VSLD:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] << (B.u64[k] & 63n);
      break;
    case Vmx.VSRB:
      for (let k = 0; k < 16; k++) R.u8[k] = A.u8[k] >> (B.u8[k] & 7);
      break;
    case Vmx.VSRH:
      for (let k = 0; k < 8; k++) R.u16[k] = A.u16[k] >> (B.u16[k] & 15);
      break;
    case Vmx.VSRW:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] >>> (B.u32[k] & 31);
      break;
    case Vmx.VSRD:
      for (let k = 0; k < 2; k++) R.u64[k] = A.u64[k] >> (B.u64[k] & 63n);
      break;
    case Vmx.VSRAB:
      for (let k = 0; k < 16; k++) R.i8[k] = A.i8[k] >> (B.u8[k] & 7);
      break;
    case Vmx.VSRAH:
      for (let k = 0; k < 8; k++) R.i16[k] = A.i16[k] >> (B.u16[k] & 15);
      break;
    case Vmx.VSRAW:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] >> (B.u32[k] & 31);
      break;
    case Vmx.VSRAD:
      for (let k = 0; k < 2; k++) R.i64[k] = A.i64[k] >> (B.u64[k] & 63n);
      break;
    // quadword: the shift is bits 57:63 (doubleword 0's low 7 bits) of VB
    case Vmx.VRLQ: {
      const n = BigInt(Number(B.u64[1] & 127n));
      const x = q128(A);
      setQ(R, n === 0n ? x : (x << n) | (x >> (128n - n)));
      break;
    }
    case Vmx.VSLQ:
      setQ(R, q128(A) << (B.u64[1] & 127n));
      break;
    case Vmx.VSRQ:
      setQ(R, q128(A) >> (B.u64[1] & 127n));
      break;
    case Vmx.VSRAQ:
      setQ(R, s128(A) >> (B.u64[1] & 127n));
      break;
    // vsl/vsr: by bits 125:127 of VB; vslo/vsro: by octets, bits 121:124
    case Vmx.VSL:
      setQ(R, q128(A) << BigInt(B.u8[0] & 7));
      break;
    case Vmx.VSR:
      setQ(R, q128(A) >> BigInt(B.u8[0] & 7));
      break;
    case Vmx.VSLO:
      setQ(R, q128(A) << BigInt(8 * ((B.u8[0] >> 3) & 15)));
      break;
    case Vmx.VSRO:
      setQ(R, q128(A) >> BigInt(8 * ((B.u8[0] >> 3) & 15)));
      break;
    case Vmx.VSLV:
      for (let k = 0; k < 16; k++) {
        const x = (isaB(A, k) << 8) | (k < 15 ? isaB(A, k + 1) : 0);
        setIsaB(R, k, (x << (isaB(B, k) & 7)) >> 8);
      }
      break;
    case Vmx.VSRV:
      for (let k = 0; k < 16; k++) {
        const x = ((k > 0 ? isaB(A, k - 1) : 0) << 8) | isaB(A, k);
        setIsaB(R, k, x >> (isaB(B, k) & 7));
      }
      break;
    // rotate and mask: each element of VB holds begin (bits 16-20 from the right, 16-21 for
    // doublewords), end (8-12 / 8-13) and shift (0-4 / 0-5)
    case Vmx.VRLWMI:
    case Vmx.VRLWNM: {
      readVsr(t, vd(w), VC);
      for (let k = 0; k < 4; k++) {
        const s = B.u32[k];
        const m = mask32((s >>> 16) & 31, (s >>> 8) & 31);
        const rot = rotl32(A.i32[k], s & 31);
        R.i32[k] = i === Vmx.VRLWMI ? (rot & m) | (VC.i32[k] & ~m) : rot & m;
      }
      break;
    }
    case Vmx.VRLDMI:
    case Vmx.VRLDNM: {
      readVsr(t, vd(w), VC);
      for (let k = 0; k < 2; k++) {
        const s = Number(B.u64[k] & 0xffffffn);
        const m = maskU64((s >>> 16) & 63, (s >>> 8) & 63);
        const rot = rotl64(A.u64[k], s & 63);
        R.u64[k] = i === Vmx.VRLDMI ? (rot & m) | (VC.u64[k] & ~m & M64) : rot & m;
      }
      break;
    }
    case Vmx.VRLQMI:
    case Vmx.VRLQNM: {
      // VB doubleword 0: shift bits 57:63, end 49:55, begin 41:47
      const d0 = Number(B.u64[1] & 0xffffffn);
      const n = BigInt(d0 & 127),
        me = (d0 >> 8) & 127,
        mb = (d0 >> 16) & 127;
      const x = q128(A);
      const rot = n === 0n ? x : ((x << n) | (x >> (128n - n))) & M128;
      const m = mask128(mb, me);
      setQ(R, i === Vmx.VRLQMI ? (rot & m) | (q128(readVsr(t, vd(w), VC)) & ~m & M128) : rot & m);
      break;
    }
    case Vmx.VSLDOI: {
      const sh = (w >>> 6) & 15;
      for (let k = 0; k < 16; k++) {
        const j = sh + k;
        setIsaB(R, k, j < 16 ? isaB(A, j) : isaB(B, j - 16));
      }
      break;
    }
    case Vmx.VSLDBI:
    case Vmx.VSRDBI: {
      const sh = BigInt((w >>> 6) & 7);
      const x = (q128(A) << 128n) | q128(B);
      setQ(R, i === Vmx.VSLDBI ? (x << sh) >> 128n : x >> sh);
      break;
    }

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function bitsCmp(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- bit permute, polynomial multiply, SHA
    case Vmx.VBPERMQ: {
      let perm = 0;
      const x = q128(A);
      for (let k = 0; k < 16; k++) {
        const ix = isaB(B, k);
        if (ix < 128 && (x >> BigInt(127 - ix)) & 1n) perm |= 0x8000 >> k;
      }
      R.u64[1] = BigInt(perm);
      R.u64[0] = 0n;
      break;
    }
    case Vmx.VBPERMD:
      for (let d = 0; d < 2; d++) {
        let r = 0;
        const x = A.u64[1 - d];
        for (let j = 0; j < 8; j++) {
          const ix = isaB(B, 8 * d + j);
          if (ix < 64 && (x >> BigInt(63 - ix)) & 1n) r |= 0x80 >> j;
        }
        R.u64[1 - d] = BigInt(r);
      }
      break;
    case Vmx.VPMSUMB:
      for (let m = 0; m < 8; m++)
        R.u16[m] = Number(
          clmul(BigInt(A.u8[2 * m]), BigInt(B.u8[2 * m]), 8) ^
            clmul(BigInt(A.u8[2 * m + 1]), BigInt(B.u8[2 * m + 1]), 8),
        );
      break;
    case Vmx.VPMSUMH:
      for (let m = 0; m < 4; m++)
        R.u32[m] = Number(
          clmul(BigInt(A.u16[2 * m]), BigInt(B.u16[2 * m]), 16) ^
            clmul(BigInt(A.u16[2 * m + 1]), BigInt(B.u16[2 * m + 1]), 16),
        );
      break;
    case Vmx.VPMSUMW:
      for (let m = 0; m < 2; m++)
        R.u64[m] =
          clmul(BigInt(A.u32[2 * m]), BigInt(B.u32[2 * m]), 32) ^
          clmul(BigInt(A.u32[2 * m + 1]), BigInt(B.u32[2 * m + 1]), 32);
      break;
    case Vmx.VPMSUMD:
      setQ(R, clmul(A.u64[0], B.u64[0], 64) ^ clmul(A.u64[1], B.u64[1], 64));
      break;
    case Vmx.VSHASIGMAW: {
      const st = (w >>> 15) & 1,
        six = (w >>> 11) & 15;
      for (let e = 0; e < 4; e++) R.i32[3 - e] = sha256(A.i32[3 - e] >>> 0, st, (six >> (3 - e)) & 1);
      break;
    }
    case Vmx.VSHASIGMAD: {
      const st = (w >>> 15) & 1,
        six = (w >>> 11) & 15;
      for (let e = 0; e < 2; e++) R.u64[1 - e] = sha512(A.u64[1 - e], st, (six >> (3 - 2 * e)) & 1);
      break;
    }
    case Vmx.VCIPHER:
    case Vmx.VCIPHERLAST:
    case Vmx.VNCIPHER:
    case Vmx.VNCIPHERLAST:
    case Vmx.VSBOX:
      aes(i, A, B, R);
      break;

    // ---- compares
    case Vmx.VCMPEQUB:
    case Vmx.VCMPEQUH:
    case Vmx.VCMPEQUW:
    case Vmx.VCMPEQUD:
    case Vmx.VCMPEQUQ:
    case Vmx.VCMPGTUB:
    case Vmx.VCMPGTUH:
    case Vmx.VCMPGTUW:
    case Vmx.VCMPGTUD:
    case Vmx.VCMPGTUQ:
    case Vmx.VCMPGTSB:
    case Vmx.VCMPGTSH:
    case Vmx.VCMPGTSW:
    case Vmx.VCMPGTSD:
    case Vmx.VCMPGTSQ:
    case Vmx.VCMPNEB:
    case Vmx.VCMPNEH:
    case Vmx.VCMPNEW:
    case Vmx.VCMPNEZB:
    case Vmx.VCMPNEZH:
    case Vmx.VCMPNEZW: {
      CMP.all = true;
      CMP.none = true;
      switch (i) {
        case Vmx.VCMPEQUB:
          for (let k = 0; k < 16; k++) R.u8[k] = put(A.u8[k] === B.u8[k]) ? 0xff : 0;
          break;
        case Vmx.VCMPEQUH:
          for (let k = 0; k < 8; k++) R.u16[k] = put(A.u16[k] === B.u16[k]) ? 0xffff : 0;
          break;
        case Vmx.VCMPEQUW:
          for (let k = 0; k < 4; k++) R.i32[k] = put(A.i32[k] === B.i32[k]) ? -1 : 0;
          break;
        case Vmx.VCMPEQUD:
          for (let k = 0; k < 2; k++) R.u64[k] = put(A.u64[k] === B.u64[k]) ? M64 : 0n;
          break;
        case Vmx.VCMPEQUQ:
          setQ(R, put(q128(A) === q128(B)) ? M128 : 0n);
          break;
        case Vmx.VCMPGTUB:
          for (let k = 0; k < 16; k++) R.u8[k] = put(A.u8[k] > B.u8[k]) ? 0xff : 0;
          break;
        case Vmx.VCMPGTUH:
          for (let k = 0; k < 8; k++) R.u16[k] = put(A.u16[k] > B.u16[k]) ? 0xffff : 0;
          break;
        case Vmx.VCMPGTUW:
          for (let k = 0; k < 4; k++) R.i32[k] = put(A.u32[k] > B.u32[k]) ? -1 : 0;
          break;
        case Vmx.VCMPGTUD:
          for (let k = 0; k < 2; k++) R.u64[k] = put(A.u64[k] > B.u64[k]) ? M64 : 0n;
          break;
        case Vmx.VCMPGTUQ:
          setQ(R, put(q128(A) > q128(B)) ? M128 : 0n);
          break;
        case Vmx.VCMPGTSB:
          for (let k = 0; k < 16; k++) R.u8[k] = put(A.i8[k] > B.i8[k]) ? 0xff : 0;
          break;
        case Vmx.VCMPGTSH:
          for (let k = 0; k < 8; k++) R.u16[k] = put(A.i16[k] > B.i16[k]) ? 0xffff : 0;
          break;
        case Vmx.VCMPGTSW:
          for (let k = 0; k < 4; k++) R.i32[k] = put(A.i32[k] > B.i32[k]) ? -1 : 0;
          break;
        case Vmx.VCMPGTSD:
          for (let k = 0; k < 2; k++) R.u64[k] = put(A.i64[k] > B.i64[k]) ? M64 : 0n;
          break;
        case Vmx.VCMPGTSQ:
          setQ(R, put(s128(A) > s128(B)) ? M128 : 0n);
          break;
        case Vmx.VCMPNEB:
          for (let k = 0; k < 16; k++) R.u8[k] = put(A.u8[k] !== B.u8[k]) ? 0xff : 0;
          break;
        case Vmx.VCMPNEH:
          for (let k = 0; k < 8; k++) R.u16[k] = put(A.u16[k] !== B.u16[k]) ? 0xffff : 0;
          break;
        case Vmx.VCMPNEW:
          for (let k = 0; k < 4; k++) R.i32[k] = put(A.i32[k] !== B.i32[k]) ? -1 : 0;
          break;
        case Vmx.VCMPNEZB:
          for (let k = 0; k < 16; k++) R.u8[k] = put(A.u8[k] !== B.u8[k] || A.u8[k] === 0 || B.u8[k] === 0) ? 0xff : 0;
          break;
        case Vmx.VCMPNEZH:
          for (let k = 0; k < 8; k++)
            R.u16[k] = put(A.u16[k] !== B.u16[k] || A.u16[k] === 0 || B.u16[k] === 0) ? 0xffff : 0;
          break;
        default:
          for (let k = 0; k < 4; k++)
            R.i32[k] = put(A.i32[k] !== B.i32[k] || A.i32[k] === 0 || B.i32[k] === 0) ? -1 : 0;
      }
      if (w & 0x400) setCr6(t, CMP.all, CMP.none);
      break;
    }
    case Vmx.VCMPSQ:
    case Vmx.VCMPUQ: {
      const x = i === Vmx.VCMPSQ ? s128(A) : q128(A),
        y = i === Vmx.VCMPSQ ? s128(B) : q128(B);
      const bf = (w >>> 23) & 7,
        sh = 28 - 4 * bf;
      t.crNum = (t.crNum & ~(15 << sh)) | ((x < y ? 8 : x > y ? 4 : 2) << sh);
      return DONE;
    }

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function permPack(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- logical, select, permute
    case Vmx.VAND:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] & B.i32[k];
      break;
    case Vmx.VANDC:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] & ~B.i32[k];
      break;
    case Vmx.VOR:
    case Vmx.VMR:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] | B.i32[k];
      break;
    case Vmx.VORC:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] | ~B.i32[k];
      break;
    case Vmx.VXOR:
      for (let k = 0; k < 4; k++) R.i32[k] = A.i32[k] ^ B.i32[k];
      break;
    case Vmx.VNOR:
    case Vmx.VNOT:
      for (let k = 0; k < 4; k++) R.i32[k] = ~(A.i32[k] | B.i32[k]);
      break;
    case Vmx.VNAND:
      for (let k = 0; k < 4; k++) R.i32[k] = ~(A.i32[k] & B.i32[k]);
      break;
    case Vmx.VEQV:
      for (let k = 0; k < 4; k++) R.i32[k] = ~(A.i32[k] ^ B.i32[k]);
      break;
    case Vmx.VSEL: {
      const C = readVsr(t, vc(w), VC);
      for (let k = 0; k < 4; k++) R.i32[k] = (A.i32[k] & ~C.i32[k]) | (B.i32[k] & C.i32[k]);
      break;
    }
    case Vmx.VPERM:
    case Vmx.VPERMR:
      permBytes(R, A, B, readVsr(t, vc(w), VC), i === Vmx.VPERMR);
      break;
    case Vmx.VPERMXOR: {
      const C = readVsr(t, vc(w), VC);
      for (let k = 0; k < 16; k++) {
        const c = isaB(C, k);
        setIsaB(R, k, isaB(A, c >> 4) ^ isaB(B, c & 15));
      }
      break;
    }

    // ---- merge, splat
    case Vmx.VMRGHB:
    case Vmx.VMRGLB: {
      const o = i === Vmx.VMRGLB ? 8 : 0;
      for (let k = 0; k < 8; k++) {
        setIsaB(R, 2 * k, isaB(A, o + k));
        setIsaB(R, 2 * k + 1, isaB(B, o + k));
      }
      break;
    }
    case Vmx.VMRGHH:
    case Vmx.VMRGLH: {
      const o = i === Vmx.VMRGLH ? 4 : 0;
      for (let k = 0; k < 4; k++) {
        R.u16[7 - 2 * k] = A.u16[7 - (o + k)];
        R.u16[6 - 2 * k] = B.u16[7 - (o + k)];
      }
      break;
    }
    case Vmx.VMRGHW:
    case Vmx.VMRGLW: {
      const o = i === Vmx.VMRGLW ? 2 : 0;
      for (let k = 0; k < 2; k++) {
        R.i32[3 - 2 * k] = A.i32[3 - (o + k)];
        R.i32[2 - 2 * k] = B.i32[3 - (o + k)];
      }
      break;
    }
    case Vmx.VMRGEW:
      R.i32[3] = A.i32[3];
      R.i32[2] = B.i32[3];
      R.i32[1] = A.i32[1];
      R.i32[0] = B.i32[1];
      break;
    case Vmx.VMRGOW:
      R.i32[3] = A.i32[2];
      R.i32[2] = B.i32[2];
      R.i32[1] = A.i32[0];
      R.i32[0] = B.i32[0];
      break;
    case Vmx.VSPLTB:
      R.u8.fill(isaB(B, (w >>> 16) & 15));
      break;
    case Vmx.VSPLTH:
      R.u16.fill(B.u16[7 - ((w >>> 16) & 7)]);
      break;
    case Vmx.VSPLTW:
      R.i32.fill(B.i32[3 - ((w >>> 16) & 3)]);
      break;
    case Vmx.VSPLTISB:
      R.i8.fill(((w >>> 16) << 27) >> 27);
      break;
    case Vmx.VSPLTISH:
      R.i16.fill(((w >>> 16) << 27) >> 27);
      break;
    case Vmx.VSPLTISW:
      R.i32.fill(((w >>> 16) << 27) >> 27);
      break;

    // ---- pack: ISA element k of the result from element k of VA || VB
    case Vmx.VPKUHUM:
    case Vmx.VPKUHUS:
    case Vmx.VPKSHUS:
    case Vmx.VPKSHSS:
      for (let k = 0; k < 16; k++) {
        const src = k < 8 ? A : B,
          e = 7 - (k & 7);
        const x = i === Vmx.VPKUHUM || i === Vmx.VPKUHUS ? src.u16[e] : src.i16[e];
        setIsaB(R, k, i === Vmx.VPKUHUM ? x & 0xff : i === Vmx.VPKSHSS ? satS(x, 8) & 0xff : satU(x, 8));
      }
      break;
    case Vmx.VPKUWUM:
    case Vmx.VPKUWUS:
    case Vmx.VPKSWUS:
    case Vmx.VPKSWSS:
      for (let k = 0; k < 8; k++) {
        const src = k < 4 ? A : B,
          e = 3 - (k & 3);
        const x = i === Vmx.VPKUWUM || i === Vmx.VPKUWUS ? src.u32[e] : src.i32[e];
        R.u16[7 - k] = i === Vmx.VPKUWUM ? x & 0xffff : i === Vmx.VPKSWSS ? satS(x, 16) & 0xffff : satU(x, 16);
      }
      break;
    case Vmx.VPKUDUM:
    case Vmx.VPKUDUS:
    case Vmx.VPKSDUS:
    case Vmx.VPKSDSS:
      for (let k = 0; k < 4; k++) {
        const src = k < 2 ? A : B,
          e = 1 - (k & 1);
        const x = i === Vmx.VPKUDUM || i === Vmx.VPKUDUS ? src.u64[e] : src.i64[e];
        R.u32[3 - k] = Number(
          i === Vmx.VPKUDUM ? x & 0xffffffffn : i === Vmx.VPKSDSS ? BigInt.asUintN(32, satSBig(x, 32)) : satUBig(x, 32),
        );
      }
      break;
    case Vmx.VPKPX:
      for (let k = 0; k < 8; k++) {
        const e = (k < 4 ? A : B).u32[3 - (k & 3)];
        R.u16[7 - k] = ((e >>> 9) & 0xfc00) | ((e >>> 6) & 0x3e0) | ((e >>> 3) & 0x1f);
      }
      break;
    case Vmx.VUPKHSB:
    case Vmx.VUPKLSB: {
      const o = i === Vmx.VUPKLSB ? 8 : 0;
      for (let k = 0; k < 8; k++) R.i16[7 - k] = B.i8[15 - (o + k)];
      break;
    }
    case Vmx.VUPKHSH:
    case Vmx.VUPKLSH: {
      const o = i === Vmx.VUPKLSH ? 4 : 0;
      for (let k = 0; k < 4; k++) R.i32[3 - k] = B.i16[7 - (o + k)];
      break;
    }
    case Vmx.VUPKHSW:
    case Vmx.VUPKLSW: {
      const o = i === Vmx.VUPKLSW ? 2 : 0;
      for (let k = 0; k < 2; k++) R.i64[1 - k] = BigInt(B.i32[3 - (o + k)]);
      break;
    }
    case Vmx.VUPKHPX:
    case Vmx.VUPKLPX: {
      const o = i === Vmx.VUPKLPX ? 4 : 0;
      for (let k = 0; k < 4; k++) {
        const e = B.u16[7 - (o + k)];
        R.u32[3 - k] =
          ((e & 0x8000 ? 0xff000000 : 0) | (((e >> 10) & 0x1f) << 16) | (((e >> 5) & 0x1f) << 8) | (e & 0x1f)) >>> 0;
      }
      break;
    }

    default:
      return ILLEGAL;
  }
  return WRITE;
}

function p9p10(t: ThreadState, i: number, w: number, A: Lanes, B: Lanes, R: Lanes): number {
  switch (i as Vmx) {
    // ---- extract and insert (ISA 3.0): the element at ISA byte UIM, into doubleword 0 / from it
    case Vmx.VEXTRACTUB:
    case Vmx.VEXTRACTUH:
    case Vmx.VEXTRACTUW:
    case Vmx.VEXTRACTD: {
      const size = 1 << (i - Vmx.VEXTRACTUB),
        uim = (w >>> 16) & 15;
      R.i32.fill(0);
      for (let k = 0; k < size; k++) setIsaB(R, 8 - size + k, isaB(B, (uim + k) & 15));
      break;
    }
    case Vmx.VINSERTB:
    case Vmx.VINSERTH:
    case Vmx.VINSERTW:
    case Vmx.VINSERTD: {
      const size = 1 << (i - Vmx.VINSERTB),
        uim = (w >>> 16) & 15;
      readVsr(t, vd(w), R);
      for (let k = 0; k < size && uim + k < 16; k++) setIsaB(R, uim + k, isaB(B, 8 - size + k));
      break;
    }
    case Vmx.VEXTUBLX:
    case Vmx.VEXTUHLX:
    case Vmx.VEXTUWLX:
    case Vmx.VEXTUBRX:
    case Vmx.VEXTUHRX:
    case Vmx.VEXTUWRX: {
      const k0 = i - Vmx.VEXTUBLX,
        left = (k0 & 1) === 0,
        size = 8 << (k0 >> 1);
      const ra = (w >>> 16) & 31,
        rt = (w >>> 21) & 31;
      let ix = (t.lo[ra] & 15) * 8;
      if (left) ix = 128 - ix - size;
      // qemu: a signed 128-bit shift by ix (out of range, ix < 0: by ix mod 128, as its int128 helper)
      const x = (s128(B) >> BigInt(ix & 127)) & ((1n << BigInt(size)) - 1n);
      t.hi[rt] = 0;
      t.lo[rt] = Number(x) | 0;
      return DONE;
    }
    case Vmx.VEXTDUBVLX:
    case Vmx.VEXTDUBVRX:
    case Vmx.VEXTDUHVLX:
    case Vmx.VEXTDUHVRX:
    case Vmx.VEXTDUWVLX:
    case Vmx.VEXTDUWVRX:
    case Vmx.VEXTDDVLX:
    case Vmx.VEXTDDVRX: {
      const k0 = i - Vmx.VEXTDUBVLX,
        size = 1 << (k0 >> 1),
        right = (k0 & 1) === 1;
      const ix = t.lo[(w >>> 6) & 31] & 31;
      const from = right ? 32 - ix - size : ix;
      R.i32.fill(0);
      if (from >= 0 && from + size <= 32) {
        for (let k = 0; k < size; k++) {
          const j = from + k;
          setIsaB(R, 8 - size + k, j < 16 ? isaB(A, j) : isaB(B, j - 16));
        }
      }
      break;
    }
    case Vmx.VINSBLX:
    case Vmx.VINSBRX:
    case Vmx.VINSHLX:
    case Vmx.VINSHRX:
    case Vmx.VINSWLX:
    case Vmx.VINSWRX:
    case Vmx.VINSDLX:
    case Vmx.VINSDRX:
    case Vmx.VINSBVLX:
    case Vmx.VINSBVRX:
    case Vmx.VINSHVLX:
    case Vmx.VINSHVRX:
    case Vmx.VINSWVLX:
    case Vmx.VINSWVRX:
    case Vmx.VINSW:
    case Vmx.VINSD: {
      let size: number, right: boolean, ix: number, val: bigint;
      const ra = (w >>> 16) & 31,
        rb = (w >>> 11) & 31;
      const gpr = (r: number) => (BigInt(t.hi[r] >>> 0) << 32n) | BigInt(t.lo[r] >>> 0);
      if (i >= Vmx.VINSBLX && i <= Vmx.VINSDRX) {
        const k0 = i - Vmx.VINSBLX;
        size = 1 << (k0 >> 1);
        right = (k0 & 1) === 1;
        ix = t.lo[ra] & 15;
        val = gpr(rb);
      } else if (i >= Vmx.VINSBVLX && i <= Vmx.VINSWVRX) {
        const k0 = i - Vmx.VINSBVLX;
        size = 1 << (k0 >> 1);
        right = (k0 & 1) === 1;
        ix = t.lo[ra] & 15;
        val = B.u64[1]; // the rightmost element of doubleword 0
      } else {
        size = i === Vmx.VINSW ? 4 : 8;
        right = false;
        ix = (w >>> 16) & 15;
        val = gpr(rb);
      }
      readVsr(t, vd(w), R);
      const at = right ? 16 - size - ix : ix;
      if (at >= 0 && at + size <= 16)
        for (let k = 0; k < size; k++) setIsaB(R, at + k, Number((val >> BigInt(8 * (size - 1 - k))) & 0xffn));
      break;
    }

    // ---- POWER10 masks, strings, clear
    case Vmx.VEXPANDBM:
      for (let k = 0; k < 16; k++) R.i8[k] = B.i8[k] >> 7;
      break;
    case Vmx.VEXPANDHM:
      for (let k = 0; k < 8; k++) R.i16[k] = B.i16[k] >> 15;
      break;
    case Vmx.VEXPANDWM:
      for (let k = 0; k < 4; k++) R.i32[k] = B.i32[k] >> 31;
      break;
    case Vmx.VEXPANDDM:
      for (let k = 0; k < 2; k++) R.i32[2 * k] = R.i32[2 * k + 1] = B.i32[2 * k + 1] >> 31;
      break;
    case Vmx.VEXPANDQM:
      R.i32.fill(B.i32[3] >> 31);
      break;
    case Vmx.VEXTRACTBM:
    case Vmx.VEXTRACTHM:
    case Vmx.VEXTRACTWM:
    case Vmx.VEXTRACTDM:
    case Vmx.VEXTRACTQM: {
      const size = 1 << (i - Vmx.VEXTRACTBM);
      let m = 0;
      for (let k = 0; k < 16 / size; k++) if (B.u8[size * k + size - 1] & 0x80) m |= 1 << k;
      const rt = (w >>> 21) & 31;
      t.hi[rt] = 0;
      t.lo[rt] = m;
      return DONE;
    }
    case Vmx.MTVSRBM:
    case Vmx.MTVSRHM:
    case Vmx.MTVSRWM:
    case Vmx.MTVSRDM:
    case Vmx.MTVSRQM:
    case Vmx.MTVSRBMI: {
      const size = i === Vmx.MTVSRBMI ? 1 : 1 << (i - Vmx.MTVSRBM);
      const bits =
        i === Vmx.MTVSRBMI ? (((w >>> 6) & 0x3ff) << 6) | (((w >>> 16) & 31) << 1) | (w & 1) : t.lo[(w >>> 11) & 31];
      for (let k = 0; k < 16 / size; k++) {
        const v = (bits >>> k) & 1 ? 0xff : 0;
        for (let j = 0; j < size; j++) R.u8[size * k + j] = v;
      }
      break;
    }
    case Vmx.VCNTMBB:
    case Vmx.VCNTMBH:
    case Vmx.VCNTMBW:
    case Vmx.VCNTMBD: {
      const vece = i - Vmx.VCNTMBB,
        size = 1 << vece,
        mp = (w >>> 16) & 1;
      let n = 0;
      for (let k = 0; k < 16 / size; k++) if (((B.u8[size * k + size - 1] >> 7) & 1) === mp) n++;
      const rt = (w >>> 21) & 31;
      const v = BigInt(n) << BigInt(56 + vece);
      t.hi[rt] = Number((v >> 32n) & 0xffffffffn) | 0;
      t.lo[rt] = 0;
      return DONE;
    }
    case Vmx.VGNB: {
      const n = (w >>> 16) & 7;
      if (n < 2) break; // qemu: an invalid form
      const x = q128(B);
      // bits 0, N, 2N... of VB, left-justified in RT (qemu)
      let r = 0n,
        cnt = 0;
      for (let b = 0; b < 128; b += n, cnt++) r = (r << 1n) | ((x >> BigInt(127 - b)) & 1n);
      r <<= BigInt(64 - cnt);
      const rt = (w >>> 21) & 31;
      t.hi[rt] = Number((r >> 32n) & 0xffffffffn) | 0;
      t.lo[rt] = Number(r & 0xffffffffn) | 0;
      return DONE;
    }
    case Vmx.VSTRIBL:
    case Vmx.VSTRIBR:
    case Vmx.VSTRIHL:
    case Vmx.VSTRIHR: {
      const half = i === Vmx.VSTRIHL || i === Vmx.VSTRIHR,
        left = i === Vmx.VSTRIBL || i === Vmx.VSTRIHL;
      const n = half ? 8 : 16;
      R.i32.fill(0);
      let found = false;
      for (let s = 0; s < n; s++) {
        const e = left ? s : n - 1 - s; // ISA element index
        const x = half ? B.u16[7 - e] : isaB(B, e);
        if (x === 0) {
          found = true;
          break;
        }
        if (half) R.u16[7 - e] = x;
        else setIsaB(R, e, x);
      }
      if (w & 0x400) t.crNum = (t.crNum & ~0xf0) | (found ? 2 << 4 : 0);
      break;
    }
    case Vmx.VCLRLB:
    case Vmx.VCLRRB: {
      const rb = (w >>> 11) & 31;
      const n = t.hi[rb] !== 0 || t.lo[rb] >>> 0 >= 16 ? 16 : t.lo[rb];
      for (let k = 0; k < 16; k++) {
        const keep = i === Vmx.VCLRLB ? k >= 16 - n : k < n;
        setIsaB(R, k, keep ? isaB(A, k) : 0);
      }
      break;
    }

    // ---- VSCR
    case Vmx.MFVSCR:
      R.i32[0] = t.vscr;
      R.i32[1] = R.i32[2] = R.i32[3] = 0;
      break;
    case Vmx.MTVSCR:
      t.vscr = B.i32[0];
      return DONE;

    // ---- primary-4 fixed point
    case Vmx.MADDHD:
    case Vmx.MADDHDU:
    case Vmx.MADDLD: {
      const g = (r: number) => (BigInt(t.hi[r] >>> 0) << 32n) | BigInt(t.lo[r] >>> 0);
      const ra = g((w >>> 16) & 31),
        rb = g((w >>> 11) & 31),
        rc = g((w >>> 6) & 31);
      const s =
        i === Vmx.MADDHDU ? ra * rb + rc : BigInt.asIntN(64, ra) * BigInt.asIntN(64, rb) + BigInt.asIntN(64, rc);
      const r = BigInt.asUintN(64, i === Vmx.MADDLD ? s : s >> 64n);
      const rt = (w >>> 21) & 31;
      t.hi[rt] = Number(r >> 32n) | 0;
      t.lo[rt] = Number(r & 0xffffffffn) | 0;
      return DONE;
    }
    default:
      return ILLEGAL;
  }
  return WRITE;
}

// ---- AES (vcipher, vncipher, vsbox): the state is the 16 ISA bytes, column-major as FIPS-197 --
const SBOX = new Uint8Array(256);
const INV = new Uint8Array(256);
{
  // the AES S-box from the multiplicative inverse in GF(2^8) and the affine map
  let p = 1,
    q = 1;
  do {
    p = p ^ ((p << 1) & 0xff) ^ (p & 0x80 ? 0x1b : 0);
    q ^= q << 1;
    q ^= q << 2;
    q ^= q << 4;
    q &= 0xff;
    if (q & 0x80) q ^= 0x09;
    const x = q ^ ((q << 1) | (q >> 7)) ^ ((q << 2) | (q >> 6)) ^ ((q << 3) | (q >> 5)) ^ ((q << 4) | (q >> 4));
    SBOX[p] = (x ^ 0x63) & 0xff;
  } while (p !== 1);
  SBOX[0] = 0x63;
  for (let k = 0; k < 256; k++) INV[SBOX[k]] = k;
}
const xt = (b: number) => ((b << 1) ^ (b & 0x80 ? 0x1b : 0)) & 0xff;
function gmul(a: number, b: number): number {
  let r = 0;
  for (; b; b >>= 1, a = xt(a)) if (b & 1) r ^= a;
  return r;
}
const ST = new Uint8Array(16);
const ST2 = new Uint8Array(16);
function aes(i: number, A: Lanes, B: Lanes, R: Lanes): void {
  for (let k = 0; k < 16; k++) ST[k] = isaB(A, k);
  if (i === Vmx.VSBOX) {
    for (let k = 0; k < 16; k++) setIsaB(R, k, SBOX[ST[k]]);
    return;
  }
  const inverse = i === Vmx.VNCIPHER || i === Vmx.VNCIPHERLAST;
  const last = i === Vmx.VCIPHERLAST || i === Vmx.VNCIPHERLAST;
  if (!inverse) {
    // SubBytes, ShiftRows, MixColumns, AddRoundKey
    for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) ST2[4 * c + r] = SBOX[ST[4 * ((c + r) & 3) + r]];
    if (!last) {
      for (let c = 0; c < 4; c++) {
        const a0 = ST2[4 * c],
          a1 = ST2[4 * c + 1],
          a2 = ST2[4 * c + 2],
          a3 = ST2[4 * c + 3];
        ST2[4 * c] = xt(a0) ^ xt(a1) ^ a1 ^ a2 ^ a3;
        ST2[4 * c + 1] = a0 ^ xt(a1) ^ xt(a2) ^ a2 ^ a3;
        ST2[4 * c + 2] = a0 ^ a1 ^ xt(a2) ^ xt(a3) ^ a3;
        ST2[4 * c + 3] = xt(a0) ^ a0 ^ a1 ^ a2 ^ xt(a3);
      }
    }
    for (let k = 0; k < 16; k++) setIsaB(R, k, ST2[k] ^ isaB(B, k));
  } else {
    // InvShiftRows, InvSubBytes, AddRoundKey, InvMixColumns (the POWER order)
    for (let c = 0; c < 4; c++) for (let r = 0; r < 4; r++) ST2[4 * ((c + r) & 3) + r] = INV[ST[4 * c + r]];
    for (let k = 0; k < 16; k++) ST2[k] ^= isaB(B, k);
    if (!last) {
      for (let c = 0; c < 4; c++) {
        const a0 = ST2[4 * c],
          a1 = ST2[4 * c + 1],
          a2 = ST2[4 * c + 2],
          a3 = ST2[4 * c + 3];
        ST2[4 * c] = gmul(a0, 14) ^ gmul(a1, 11) ^ gmul(a2, 13) ^ gmul(a3, 9);
        ST2[4 * c + 1] = gmul(a0, 9) ^ gmul(a1, 14) ^ gmul(a2, 11) ^ gmul(a3, 13);
        ST2[4 * c + 2] = gmul(a0, 13) ^ gmul(a1, 9) ^ gmul(a2, 14) ^ gmul(a3, 11);
        ST2[4 * c + 3] = gmul(a0, 11) ^ gmul(a1, 13) ^ gmul(a2, 9) ^ gmul(a3, 14);
      }
    }
    for (let k = 0; k < 16; k++) setIsaB(R, k, ST2[k]);
  }
}
