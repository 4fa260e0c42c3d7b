// One task's user-visible registers. The 64-bit GPRs (and LR, CTR) live as 32-bit halves in typed
// arrays because the interpreter's hot loop cannot afford BigInt; the bigint accessors are the API.

export const MSR_SF = 1n << 63n;
export const MSR_EE = 1n << 15n;
export const MSR_PR = 1n << 14n;
export const MSR_ME = 1n << 12n;
export const MSR_SE = 1n << 10n;
export const MSR_IR = 1n << 5n;
export const MSR_DR = 1n << 4n;
export const MSR_RI = 1n << 1n;
export const MSR_LE = 1n;
/** The MSR Linux gives a 64-bit little-endian user process (SF|VEC|VSX|EE|PR|FP|ME|IR|DR|RI|LE ...). */
export const USER_MSR = 0x800000000280f033n;
/** USER_MSR with MSR_SE (a perf step's) */
const USER_MSR_SE = USER_MSR | MSR_SE;

/** Index of LR and CTR in the halves arrays, after the 32 GPRs. */
export const LR = 32;
export const CTR = 33;

/** XER bits (the upper 32 bits of XER are always 0 here). */
export const XER_SO = 0x80000000;
export const XER_OV = 0x40000000;
export const XER_CA = 0x20000000;
export const XER_OV32 = 0x00080000;
export const XER_CA32 = 0x00040000;
/** The bits mtxer can set (SO OV CA OV32 CA32 and the 7-bit byte count). */
export const XER_MASK = (XER_SO | XER_OV | XER_CA | XER_OV32 | XER_CA32 | 0x7f) >>> 0;

const M32 = 0xffffffffn;

export function toBig(hi: number, lo: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

export class ThreadState {
  /** high halves of r0..r31, LR (32), CTR (33), as signed 32-bit */
  readonly hi = new Int32Array(34);
  /** low halves of r0..r31, LR (32), CTR (33), as signed 32-bit */
  readonly lo = new Int32Array(34);
  /**
   * VSX registers vs0..vs63, 16 bytes each, every register stored as one little-endian 128-bit
   * number: ISA byte k of vsN is vsrBytes[16N + 15 - k], ISA word k is vsr[4N + 3 - k], ISA
   * doubleword k is vsrF64/the pair vsr[4N + 2 - 2k], vsr[4N + 3 - 2k] (low, high). vs0..vs31 hold
   * the FPRs in doubleword 0 (fN = vsrF64[2N + 1]); vs32..vs63 are the VMX registers v0..v31.
   */
  readonly vsr = new Int32Array(64 * 4);
  readonly vsrBytes = new Uint8Array(this.vsr.buffer);
  readonly vsrF64 = new Float64Array(this.vsr.buffer);
  readonly vsrF32 = new Float32Array(this.vsr.buffer);
  /** the floating-point status and control register (the low 32 bits; the high word holds only DRN) */
  fpscr = 0;
  /** FPSCR's high word: DRN, the decimal rounding mode (bits 0-2 here, FPSCR bits 29-31) */
  fpscrDrn = 0;
  /** the vector status and control register (NJ, SAT) */
  vscr = 0x00010000;
  /** VRSAVE (SPR 256): software-managed, kept as written */
  vrsave = 0;
  /** TAR (SPR 815), DSCR (SPRs 3 and 17) and PPR (SPR 896; Linux's INIT_PPR) as user mfspr/mtspr see them
   * (isa/spr.ts) */
  tar = 0n;
  dscr = 0;
  ppr = 0x000c000000000000n;
  /** the program counter as a number (user addresses fit in 53 bits); see `pc` for the bigint view */
  pcNum = 0;
  /** condition register, u32, CR0 in the top nibble */
  crNum = 0;
  /** XER as a u32 */
  xerNum = 0;
  private msrValue: bigint = USER_MSR;
  /** MSR_SE of msr, kept with it: the machine asks on every run of a core, twice per perf hit, and a
   * bigint comparison costs there */
  private msrSe = false;
  get msr(): bigint {
    return this.msrValue;
  }
  set msr(v: bigint) {
    this.msrValue = v;
    // (the usual values compared first: a comparison allocates nothing, an & does)
    this.msrSe = v === USER_MSR_SE || (v !== USER_MSR && (v & MSR_SE) !== 0n);
  }
  /** MSR_SE is set: the next instruction is single-stepped */
  get singleStepping(): boolean {
    return this.msrSe;
  }
  reservation: { addr: bigint; size: number } | null = null;
  /** the value read by the last larx (what qemu compares at stcx.) */
  reservationValue = 0n;

  getGpr(i: number): bigint {
    return toBig(this.hi[i], this.lo[i]);
  }
  setGpr(i: number, v: bigint): void {
    this.hi[i] = Number((v >> 32n) & M32) | 0;
    this.lo[i] = Number(v & M32) | 0;
  }
  get pc(): bigint {
    return BigInt(this.pcNum);
  }
  set pc(v: bigint) {
    const x = v & 0xffffffffffffffffn;
    // Addresses above 2^53 cannot be user code; keep them representable so that fetch faults there.
    this.pcNum = x < 1n << 53n ? Number(x) : Number.MAX_SAFE_INTEGER - 3;
  }
  get lr(): bigint {
    return this.getGpr(LR);
  }
  set lr(v: bigint) {
    this.setGpr(LR, v);
  }
  get ctr(): bigint {
    return this.getGpr(CTR);
  }
  set ctr(v: bigint) {
    this.setGpr(CTR, v);
  }
  get cr(): number {
    return this.crNum >>> 0;
  }
  set cr(v: number) {
    this.crNum = v | 0;
  }
  get xer(): bigint {
    return BigInt(this.xerNum >>> 0);
  }
  set xer(v: bigint) {
    this.xerNum = Number(v & BigInt(XER_MASK)) | 0;
  }
  /** vsN as [doubleword 0 (most significant), doubleword 1] */
  getVsr(i: number): [bigint, bigint] {
    const b = i * 4;
    return [toBig(this.vsr[b + 3], this.vsr[b + 2]), toBig(this.vsr[b + 1], this.vsr[b])];
  }
  setVsr(i: number, v: [bigint, bigint]): void {
    const b = i * 4;
    this.vsr[b + 3] = Number((v[0] >> 32n) & M32) | 0;
    this.vsr[b + 2] = Number(v[0] & M32) | 0;
    this.vsr[b + 1] = Number((v[1] >> 32n) & M32) | 0;
    this.vsr[b] = Number(v[1] & M32) | 0;
  }
  /** vsN as one 128-bit number (doubleword 0 in the high half) */
  getVsr128(i: number): bigint {
    const [h, l] = this.getVsr(i);
    return (h << 64n) | l;
  }
  setVsr128(i: number, v: bigint): void {
    this.setVsr(i, [(v >> 64n) & 0xffffffffffffffffn, v & 0xffffffffffffffffn]);
  }
  /** FPR n (doubleword 0 of vsN) as its 64 bits */
  getFprBits(n: number): bigint {
    return toBig(this.vsr[4 * n + 3], this.vsr[4 * n + 2]);
  }
  setFprBits(n: number, v: bigint): void {
    this.vsr[4 * n + 3] = Number((v >> 32n) & M32) | 0;
    this.vsr[4 * n + 2] = Number(v & M32) | 0;
  }
  clone(): ThreadState {
    const c = new ThreadState();
    c.hi.set(this.hi);
    c.lo.set(this.lo);
    c.vsr.set(this.vsr);
    c.pcNum = this.pcNum;
    c.crNum = this.crNum;
    c.xerNum = this.xerNum;
    c.fpscr = this.fpscr;
    c.fpscrDrn = this.fpscrDrn;
    c.vscr = this.vscr;
    c.vrsave = this.vrsave;
    c.tar = this.tar;
    c.dscr = this.dscr;
    c.ppr = this.ppr;
    c.msr = this.msr;
    c.reservation = this.reservation ? { ...this.reservation } : null;
    c.reservationValue = this.reservationValue;
    return c;
  }
}
