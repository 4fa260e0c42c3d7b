// Special-purpose registers as a user program sees them on Linux/POWER: which SPRs mfspr/mtspr
// reach in problem state (the rest raise SIGILL, as the privileged-instruction / facility
// interrupts do), the values Linux gives them and the processor version per CPU model (the mnemonics
// objdump prints for them are in spr-names.ts).
//
// User SPRs: XER 1, LR 8, CTR 9 and the time base 268/269 are handled by the hot loop (execute.ts);
// this file has the others (VRSAVE 256 is the thread state's vrsave, kept as written):
//   DSCR 3 (user alias) and 17: Linux emulates mfspr/mtspr 17 and enables the user alias 3; the
//     default is 0 (dscr_default). qemu-user has neither (SIGILL).
//   PVR 287: Linux emulates mfspr PVR for user programs; the CPU model's PVR.
//   TAR 815: user-accessible from POWER8 (Linux enables the facility on first use).
//   PPR 896 / PPR32 898: the program priority; Linux starts a thread at INIT_PPR (medium, 3 << 50);
//     problem state may set priorities 1 (very low) to 4 (medium), any other value leaves PRI
//     unchanged. qemu-user reads 0 and has no PPR32.
import type { CpuModelName } from '../../hwbp/cpu-model';
import type { ExecCore } from '../exec-core';
import { sigill } from '../fault';
import type { ThreadState } from '../thread-state';

/** The PVR of each CPU model as Linux reports it (POWER10 DD1 is 0x00800100). */
export function pvrOf(model: CpuModelName, p10dd1 = false): number {
  switch (model) {
    case 'power7':
      return 0x003f0201;
    case 'power8':
      return 0x004d0200;
    case 'power9':
      return 0x004e1202;
    case 'power10':
      return p10dd1 ? 0x00800100 : 0x00800200;
  }
}

/** PPR at thread start (INIT_PPR: priority 3, medium). */
export const INIT_PPR = 0x000c000000000000n;
const PPR_PRI_SHIFT = 50n;
/** DSCR's implemented bits (ISA 3.1: 39-63) */
const DSCR_MASK = 0x1ffffff;

/** mfspr RT,spr for the SPRs the hot loop does not handle; false (core.pending set) = SIGILL. */
export function mfsprOther(core: ExecCore, t: ThreadState, rt: number, spr: number, word: number, pc: number): boolean {
  let hi = 0,
    lo = 0;
  switch (spr) {
    case 3:
    case 17:
      lo = t.dscr;
      break;
    case 256:
      lo = t.vrsave;
      break;
    case 287:
      lo = core.pvr;
      break;
    case 815:
      hi = Number(t.tar >> 32n) | 0;
      lo = Number(t.tar & 0xffffffffn) | 0;
      break;
    case 896:
      hi = Number(t.ppr >> 32n) | 0;
      lo = Number(t.ppr & 0xffffffffn) | 0;
      break;
    case 898:
      lo = Number(t.ppr >> 32n) | 0;
      break;
    default:
      core.pending = sigill(word, pc, `mfspr of SPR ${spr} is not available in user mode:`);
      return false;
  }
  t.hi[rt] = hi;
  t.lo[rt] = lo;
  return true;
}

/** mtspr spr,RS for the SPRs the hot loop does not handle; false (core.pending set) = SIGILL. */
export function mtsprOther(core: ExecCore, t: ThreadState, rs: number, spr: number, word: number, pc: number): boolean {
  const hi = t.hi[rs],
    lo = t.lo[rs];
  switch (spr) {
    case 3:
    case 17:
      t.dscr = lo & DSCR_MASK;
      return true;
    case 256:
      t.vrsave = lo;
      return true;
    case 815:
      t.tar = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
      return true;
    case 896:
    case 898: {
      // only PRI (bits 11:13) is writable, and only to a priority problem state may set
      const v = spr === 896 ? BigInt(hi >>> 0) << 32n : BigInt(lo >>> 0) << 32n;
      const pri = Number((v >> PPR_PRI_SHIFT) & 7n);
      if (pri >= 1 && pri <= 4) t.ppr = BigInt(pri) << PPR_PRI_SHIFT;
      return true;
    }
    default:
      core.pending = sigill(word, pc, `mtspr of SPR ${spr} is not available in user mode:`);
      return false;
  }
}
