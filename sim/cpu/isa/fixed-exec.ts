// Execution of the fixed-point family (fixed-defs.ts).
import { COLD_NEXT, COLD_STOP } from '../cold-result';
import type { Core } from '../core';
import type { DataPort } from '../data-port';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';
import { Fixed } from './fixed-defs';
import { crBit, gpr, M64, raOf, rbOf, rcOf, rtOf, setCr0, setGpr } from './exec-support';

function ctz64(v: bigint): number {
  if (v === 0n) return 64;
  let n = 0;
  while (((v >> BigInt(n)) & 1n) === 0n) n++;
  return n;
}

export function execFixed(core: Core, t: ThreadState, _port: DataPort, i: number, w: number, _w2: number, pc: number): number {
  const rt = rtOf(w), ra = raOf(w), rb = rbOf(w);
  switch (i as Fixed) {
    case Fixed.ISEL: case Fixed.ISELLT: case Fixed.ISELGT: case Fixed.ISELEQ:
      setGpr(t, rt, crBit(t, rcOf(w)) ? (ra === 0 ? 0n : gpr(t, ra)) : gpr(t, rb));
      return COLD_NEXT;
    case Fixed.CNTTZW: case Fixed.CNTTZD: {
      const x = gpr(t, rt);
      const r = i === Fixed.CNTTZW ? BigInt(Math.min(32, ctz64(x & 0xffffffffn))) : BigInt(ctz64(x));
      setGpr(t, ra, r);
      if (w & 1) setCr0(t, r);
      return COLD_NEXT;
    }
    case Fixed.MODSW: case Fixed.MODUW: case Fixed.MODSD: case Fixed.MODUD: {
      const word = i === Fixed.MODSW || i === Fixed.MODUW;
      const signed = i === Fixed.MODSW || i === Fixed.MODSD;
      const bits = word ? 32 : 64;
      const x = signed ? BigInt.asIntN(bits, gpr(t, ra)) : BigInt.asUintN(bits, gpr(t, ra));
      const y = signed ? BigInt.asIntN(bits, gpr(t, rb)) : BigInt.asUintN(bits, gpr(t, rb));
      // undefined results (by zero, or the most negative by -1): 0, as qemu gives
      const r = y === 0n || (signed && y === -1n) ? 0n : x % y;
      setGpr(t, rt, BigInt.asUintN(64, r) & M64); // modsw sign-extends its word result, as qemu does
      return COLD_NEXT;
    }
  }
  core.pending = sigill(w, pc);
  return COLD_STOP;
}
