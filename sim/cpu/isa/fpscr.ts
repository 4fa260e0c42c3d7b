// The floating-point status and control register (Power ISA 3.1 Book I 4.2.2): its bits, how an
// instruction's exceptions update it (sticky status bits, FX on a 0 -> 1 change, the VX and FEX
// summaries), the result class (FPRF), and the mtfsf-style store that recomputes the summaries.
//
// ThreadState.fpscr holds FPSCR bits 32-63 (the classic 32-bit register) as an int32; the high word
// holds only DRN (bits 29-31, ThreadState.fpscrDrn). Constants below are masks of that low word.

export const FX = 1 << 31;
export const FEX = 1 << 30;
export const VX = 1 << 29;
export const OX = 1 << 28;
export const UX = 1 << 27;
export const ZX = 1 << 26;
export const XX = 1 << 25;
export const VXSNAN = 1 << 24;
export const VXISI = 1 << 23;
export const VXIDI = 1 << 22;
export const VXZDZ = 1 << 21;
export const VXIMZ = 1 << 20;
export const VXVC = 1 << 19;
export const FR = 1 << 18;
export const FI = 1 << 17;
/** FPRF: C and the four FPCC bits (FL FG FE FU) */
export const FPRF = 0x1f << 12;
export const FPCC = 0xf << 12;
export const FPRF_SHIFT = 12;
export const VXSOFT = 1 << 10;
export const VXSQRT = 1 << 9;
export const VXCVI = 1 << 8;
export const VE = 1 << 7;
export const OE = 1 << 6;
export const UE = 1 << 5;
export const ZE = 1 << 4;
export const XE = 1 << 3;
export const NI = 1 << 2;
export const RN = 3;

/** every invalid-operation status bit (VX is their OR) */
export const VX_ALL = VXSNAN | VXISI | VXIDI | VXZDZ | VXIMZ | VXVC | VXSOFT | VXSQRT | VXCVI;
/** the exception status bits an instruction can set (FX, FEX and VX follow from them) */
export const EXCEPTIONS = OX | UX | ZX | XX | VX_ALL;
/** bits an mtfsf/mtfsfi/mtfsb can change directly (FEX and VX are summaries; bit 52 is reserved) */
const STORABLE = ~(FEX | VX | (1 << 11));

/** FPSCR with FEX and VX recomputed from the status and enable bits. */
export function summaries(f: number): number {
  f = (f & VX_ALL) !== 0 ? f | VX : f & ~VX;
  // VX OX UX ZX XX (bits 29..25) against VE OE UE ZE XE (bits 7..3)
  return ((f >>> 25) & (f >>> 3) & 0x1f) !== 0 ? f | FEX : f & ~FEX;
}

/**
 * The FPSCR after an instruction raised the exception bits `ex` (OX UX ZX XX VX*): they are sticky,
 * FX is set when one of them changes from 0 to 1 (ISA: "every floating-point instruction, except
 * mtfsfi and mtfsf, implicitly sets FX if that instruction causes any of the floating-point exception
 * bits to change from 0 to 1"), and the summaries follow.
 */
export function raise(f: number, ex: number): number {
  ex &= EXCEPTIONS;
  if ((ex & ~f) !== 0) f |= FX;
  return summaries(f | ex);
}

/** Which of the exception bits `ex` are enabled (VE covers every VX* bit). */
export function enabled(f: number, ex: number): number {
  let m = 0;
  if (f & VE) m |= VX_ALL;
  if (f & OE) m |= OX;
  if (f & UE) m |= UX;
  if (f & ZE) m |= ZX;
  if (f & XE) m |= XX;
  return ex & m;
}

/**
 * mtfsf/mtfsfi/mtfsb0/mtfsb1/mcrfs: the low word becomes `v` where `mask` has ones (FEX, VX and the
 * reserved bit 52 cannot be written), then VX and FEX are recomputed (as qemu's ppc_store_fpscr).
 */
export function store(f: number, v: number, mask: number): number {
  const m = mask & STORABLE;
  return summaries((f & ~m) | (v & m));
}

/** CR1 of a record-form (`.`) floating-point instruction: FX FEX VX OX. */
export function cr1Of(f: number): number {
  return (f >>> 28) & 15;
}

// ---- the result class (FPRF) ---------------------------------------------------------------------

/** FPRF values (C FL FG FE FU), already shifted into place */
export const FPRF_QNAN = 0x11 << 12;
export const FPRF_NINF = 0x09 << 12;
export const FPRF_NNORM = 0x08 << 12;
export const FPRF_NDENORM = 0x18 << 12;
export const FPRF_NZERO = 0x12 << 12;
export const FPRF_PZERO = 0x02 << 12;
export const FPRF_PDENORM = 0x14 << 12;
export const FPRF_PNORM = 0x04 << 12;
export const FPRF_PINF = 0x05 << 12;

const MIN_NORMAL_D = 2 ** -1022;
const MIN_NORMAL_S = 2 ** -126;

/** FPRF of a double-precision result (x not a NaN: FPRF_QNAN for those). */
export function fprfD(x: number): number {
  if (x > 0) return x === Infinity ? FPRF_PINF : x < MIN_NORMAL_D ? FPRF_PDENORM : FPRF_PNORM;
  if (x < 0) return x === -Infinity ? FPRF_NINF : x > -MIN_NORMAL_D ? FPRF_NDENORM : FPRF_NNORM;
  if (x === 0) return 1 / x > 0 ? FPRF_PZERO : FPRF_NZERO;
  return FPRF_QNAN;
}

/**
 * FPRF of a single-precision result (held as a double): a value below 2^-126 is a denormalized
 * single even though its double form is normal (the ISA classifies the result in its own format;
 * qemu classifies the double, see the differential tests).
 */
export function fprfS(x: number): number {
  if (x > 0) return x === Infinity ? FPRF_PINF : x < MIN_NORMAL_S ? FPRF_PDENORM : FPRF_PNORM;
  if (x < 0) return x === -Infinity ? FPRF_NINF : x > -MIN_NORMAL_S ? FPRF_NDENORM : FPRF_NNORM;
  if (x === 0) return 1 / x > 0 ? FPRF_PZERO : FPRF_NZERO;
  return FPRF_QNAN;
}
