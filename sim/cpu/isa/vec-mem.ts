// Vector memory access for the VMX/VSX executors: effective addresses as 32-bit halves (no BigInt on
// the common path), 16/32-byte loads and stores through the core's DataPort, the DAWR check of the
// whole access first (a watched access stops before anything changes), and faults reported as
// qemu-user reports them: SIGSEGV at the first byte that cannot be accessed, nothing written.
import { K_LOAD, K_STORE, type ExecCore } from '../exec-core';
import type { DataPort } from '../data-port';
import { segv } from '../fault';
import type { ThreadState } from '../thread-state';
import type { Lanes } from './vec-lanes';

const TWO32 = 4294967296;

/** The effective address of the last eaX/eaD call: high and low halves. */
export const EA = { hi: 0, lo: 0 };

/** EA = (RA|0) + RB */
export function eaX(t: ThreadState, w: number): void {
  const ra = (w >>> 16) & 31,
    rb = (w >>> 11) & 31;
  let lo = (t.lo[rb] >>> 0) + (ra === 0 ? 0 : t.lo[ra] >>> 0);
  let hi = t.hi[rb] + (ra === 0 ? 0 : t.hi[ra]);
  if (lo >= TWO32) {
    lo -= TWO32;
    hi++;
  }
  EA.lo = lo | 0;
  EA.hi = hi | 0;
}
/** EA = (RA|0) + d (d a signed displacement below 2^31) */
export function eaD(t: ThreadState, w: number, d: number): void {
  const ra = (w >>> 16) & 31;
  let lo = (ra === 0 ? 0 : t.lo[ra] >>> 0) + d;
  let hi = ra === 0 ? 0 : t.hi[ra];
  if (lo >= TWO32) {
    lo -= TWO32;
    hi++;
  } else if (lo < 0) {
    lo += TWO32;
    hi--;
  }
  EA.lo = lo | 0;
  EA.hi = hi | 0;
}
/** EA = RA|0 */
export function eaR(t: ThreadState, w: number): void {
  const ra = (w >>> 16) & 31;
  EA.lo = ra === 0 ? 0 : t.lo[ra];
  EA.hi = ra === 0 ? 0 : t.hi[ra];
}
/** EA + k as halves (into out) */
function plus(k: number): void {
  let lo = (EA.lo >>> 0) + k;
  let hi = EA.hi;
  if (lo >= TWO32) {
    lo -= TWO32;
    hi++;
  }
  P.lo = lo | 0;
  P.hi = hi | 0;
}
const P = { hi: 0, lo: 0 };

const big = (hi: number, lo: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

/** The DAWR check of [EA, EA+n) of kind K_LOAD/K_STORE; false = matched (core.pending set). */
export function watch(core: ExecCore, n: number, kind: number): boolean {
  if (n > 0 && core.checking && core.access(EA.hi, EA.lo, n, kind)) {
    core.pending = { kind: 'dawr', dar: core.dar };
    return false;
  }
  return true;
}

/** SIGSEGV at the first byte of [EA, EA+n) that cannot be read (or written). */
function fault(core: ExecCore, port: DataPort, n: number, write: boolean, what: string, pc: number): false {
  let at = big(EA.hi, EA.lo);
  for (let i = 0; i < n; i++) {
    plus(i);
    const ok = write ? port.writable(P.hi, P.lo, 1) : port.load(P.hi, P.lo, 1);
    if (!ok) {
      at = big(P.hi, P.lo);
      break;
    }
  }
  core.pending = segv(at, `${what} of ${n} bytes`, pc);
  return false;
}

/**
 * Reads n bytes (1..16) at EA + off into out.u8[at..at+n) in memory order (out.u8[at] = the byte at
 * EA + off), without a DAWR check. false = fault (core.pending set; nothing changed).
 */
export function readRaw(
  core: ExecCore,
  port: DataPort,
  off: number,
  n: number,
  out: Lanes,
  at: number,
  pc: number,
): boolean {
  plus(off);
  if (n === 16 && at === 0) {
    if (port.load(P.hi, P.lo, 8)) {
      const i32 = out.i32;
      const a = port.vlo,
        b = port.vhi;
      plus(off + 8);
      if (port.load(P.hi, P.lo, 8)) {
        i32[0] = a;
        i32[1] = b;
        i32[2] = port.vlo;
        i32[3] = port.vhi;
        return true;
      }
    }
  } else {
    let ok = true;
    for (let i = 0; i < n; i++) {
      plus(off + i);
      if (!port.load(P.hi, P.lo, 1)) {
        ok = false;
        break;
      }
      out.u8[at + i] = port.vlo;
    }
    if (ok) return true;
  }
  return fault(core, port, off + n, false, 'load', pc);
}

/** Writes out.u8[at..at+n) to EA + off.. in memory order, all or nothing, without a DAWR check. */
export function writeRaw(
  core: ExecCore,
  port: DataPort,
  off: number,
  n: number,
  src: Lanes,
  at: number,
  pc: number,
): boolean {
  plus(off);
  if (!port.writable(P.hi, P.lo, n)) return fault(core, port, off + n, true, 'store', pc);
  if (n === 16 && at === 0) {
    const i32 = src.i32;
    port.store(P.hi, P.lo, 8, i32[1], i32[0]);
    plus(off + 8);
    port.store(P.hi, P.lo, 8, i32[3], i32[2]);
    return true;
  }
  for (let i = 0; i < n; i++) {
    plus(off + i);
    port.store(P.hi, P.lo, 1, 0, src.u8[at + i]);
  }
  return true;
}

/** Loads n (1, 2, 4, 8) bytes at EA, little-endian, into port.vhi/vlo; false = fault. */
export function readScalar(core: ExecCore, port: DataPort, n: number, pc: number): boolean {
  if (port.load(EA.hi, EA.lo, n)) return true;
  return fault(core, port, n, false, 'load', pc);
}
/** Stores the low n bytes of hi:lo at EA; false = fault (nothing written). */
export function writeScalar(core: ExecCore, port: DataPort, n: number, hi: number, lo: number, pc: number): boolean {
  if (!port.writable(EA.hi, EA.lo, n)) return fault(core, port, n, true, 'store', pc);
  port.store(EA.hi, EA.lo, n, hi, lo);
  return true;
}

export { K_LOAD, K_STORE };
