// What the family executors share: register access as bigints, condition register updates, the
// effective address of each form, and memory access through the core's port with the DAWR check
// first (a matching access stops before anything changes, as the hardware's exception does).
import { K_LOAD, K_STORE, type ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { COLD_STOP } from '../cold-result';
import { segv } from '../fault';
import { toBig, type ThreadState } from '../thread-state';
import type { CoreStop } from '../exec-core';

export const M64 = 0xffffffffffffffffn;
export const M32 = 0xffffffffn;

export const rtOf = (w: number) => (w >>> 21) & 31;
export const raOf = (w: number) => (w >>> 16) & 31;
export const rbOf = (w: number) => (w >>> 11) & 31;
export const rcOf = (w: number) => (w >>> 6) & 31;

export function gpr(t: ThreadState, i: number): bigint {
  return toBig(t.hi[i], t.lo[i]);
}
export function setGpr(t: ThreadState, i: number, v: bigint): void {
  t.hi[i] = Number((v >> 32n) & M32) | 0;
  t.lo[i] = Number(v & M32) | 0;
}
/** CR field bf (0..7) := v (4 bits: LT GT EQ SO) */
export function setCrField(t: ThreadState, bf: number, v: number): void {
  const sh = 28 - 4 * bf;
  t.crNum = (t.crNum & ~(15 << sh)) | ((v & 15) << sh);
}
/** CR0 from a 64-bit result, with XER[SO] */
export function setCr0(t: ThreadState, v: bigint): void {
  const x = BigInt.asIntN(64, v);
  setCrField(t, 0, (x < 0n ? 8 : x > 0n ? 4 : 2) | (t.xerNum < 0 ? 1 : 0));
}
export function crBit(t: ThreadState, bit: number): number {
  return (t.crNum >>> (31 - bit)) & 1;
}

const sext16 = (w: number) => BigInt((w << 16) >> 16);

/** The effective address of a D/DS/DQ/X/XR-form access in word w. */
export function eaOf(t: ThreadState, w: number, form: 'D' | 'DS' | 'DQ' | 'X' | 'XR'): bigint {
  const ra = raOf(w);
  const base = ra === 0 ? 0n : gpr(t, ra);
  switch (form) {
    case 'D':
      return (base + sext16(w)) & M64;
    case 'DS':
      return (base + sext16(w & 0xfffc)) & M64;
    case 'DQ':
      return (base + sext16(w & 0xfff0)) & M64;
    case 'X':
      return (base + gpr(t, rbOf(w))) & M64;
    default:
      return base;
  }
}

/** The 34-bit displacement of a prefixed instruction (prefix bits 0-17 high, suffix bits 0-15 low). */
export function d34(prefix: number, suffix: number): bigint {
  return BigInt.asIntN(34, (BigInt(prefix & 0x3ffff) << 16n) | BigInt(suffix & 0xffff));
}
/** The effective address of a prefixed (MLS/8LS) load or store: R=1 is pc-relative (RA must be 0). */
export function eaP34(t: ThreadState, prefix: number, suffix: number, pc: number): bigint {
  const r = (prefix >>> 20) & 1;
  const ra = raOf(suffix);
  const base = r ? BigInt(pc) : ra === 0 ? 0n : gpr(t, ra);
  return (base + d34(prefix, suffix)) & M64;
}

const hiOf = (v: bigint) => Number((v >> 32n) & M32) | 0;
const loOf = (v: bigint) => Number(v & M32) | 0;

/**
 * Memory as one family operation sees it: every access is first checked against the DAWRs (a match
 * stops the operation before it has changed anything) and faults become the operation's stop.
 * Methods return false / undefined after recording the stop in core.pending: the executor then
 * returns COLD_STOP.
 */
export class Mem {
  core!: ExecCore;
  port!: DataPort;
  pc = 0;
  bind(core: ExecCore, port: DataPort, pc: number): this {
    this.core = core;
    this.port = port;
    this.pc = pc;
    return this;
  }
  stop(s: CoreStop): number {
    this.core.pending = s;
    return COLD_STOP;
  }
  /** The DAWR check of an access of `size` bytes (kind: core.ts K_LOAD, K_STORE...). false = matched. */
  watch(ea: bigint, size: number, kind: number): boolean {
    const core = this.core;
    if (core.checking && core.access(hiOf(ea), loOf(ea), size, kind)) {
      core.pending = { kind: 'dawr', dar: core.dar };
      return false;
    }
    return true;
  }
  /** A load of 1, 2, 4 or 8 bytes, little-endian, zero-extended; undefined = stopped (watched or fault). */
  load(ea: bigint, size: number): bigint | undefined {
    if (!this.watch(ea, size, K_LOAD)) return undefined;
    return this.loadUnwatched(ea, size);
  }
  /** A load without the DAWR check (the caller checked the whole access once). */
  loadUnwatched(ea: bigint, size: number): bigint | undefined {
    const p = this.port;
    if (!p.load(hiOf(ea), loOf(ea), size)) {
      this.core.pending = segv(ea, `load of ${size} bytes`, this.pc);
      return undefined;
    }
    return toBig(p.vhi, p.vlo);
  }
  /** Bytes [ea, ea+n) (any n), after one DAWR check of the whole access; undefined = stopped. */
  loadBytes(ea: bigint, n: number, kind = K_LOAD): Uint8Array | undefined {
    if (!this.watch(ea, n, kind)) return undefined;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = this.loadUnwatched((ea + BigInt(i)) & M64, 1);
      if (v === undefined) {
        this.core.pending = segv(ea, `load of ${n} bytes`, this.pc);
        return undefined;
      }
      out[i] = Number(v);
    }
    return out;
  }
  /** A store of 1, 2, 4 or 8 bytes; false = stopped. */
  store(ea: bigint, size: number, v: bigint): boolean {
    if (!this.watch(ea, size, K_STORE)) return false;
    if (!this.port.store(hiOf(ea), loOf(ea), size, hiOf(v), loOf(v))) {
      this.core.pending = segv(ea, `store of ${size} bytes`, this.pc);
      return false;
    }
    return true;
  }
  /** Stores bytes [ea, ea+n) all or nothing, after one DAWR check of the whole access; false = stopped. */
  storeBytes(ea: bigint, bytes: Uint8Array, kind = K_STORE): boolean {
    const n = bytes.length;
    if (!this.watch(ea, n, kind)) return false;
    const p = this.port;
    if (n > 0 && !p.writable(hiOf(ea), loOf(ea), n)) {
      this.core.pending = segv(ea, `store of ${n} bytes`, this.pc);
      return false;
    }
    for (let i = 0; i < n; i++) {
      const a = (ea + BigInt(i)) & M64;
      p.store(hiOf(a), loOf(a), 1, 0, bytes[i]);
    }
    return true;
  }
}
