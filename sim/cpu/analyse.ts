// What the kernel's analyse_instr / wp_get_instr_detail sees of an instruction (SEMANTICS.md §5.2):
// its type, effective address and access size, computed from the registers before it executes.
import { decodeOp } from './decode';
import { Op, OP_INFO } from './ops';
import type { ThreadState } from './thread-state';

export type InsnType = 'load' | 'load_vsx' | 'store' | 'store_vsx' | 'larx' | 'stcx' | 'cacheop' | 'unknown' | 'other';

/** L1 d-cache line size on POWER (dcbz clears this much; CACHEOP accesses are aligned down to it). */
export const DCACHE_LINE = 128;

const M64 = 0xffffffffffffffffn;

export function analyseInstruction(word: number, t: ThreadState): { type: InsnType; ea: bigint; size: number } {
  const op = decodeOp(word);
  if (op === Op.ILLEGAL) return { type: 'unknown', ea: 0n, size: 0 };
  const acc = OP_INFO[op]?.access;
  // dcbt/dcbtst/icbi are cache ops for analyse_instr too, even though they never fault or match
  if (op === Op.DCBT || op === Op.DCBTST || op === Op.ICBI) return { type: 'cacheop', ea: cacheEa(word, t), size: DCACHE_LINE };
  if (!acc) return { type: 'other', ea: 0n, size: 0 };
  const w = word | 0;
  const ra = (w >>> 16) & 31;
  const base = ra === 0 ? 0n : t.getGpr(ra);
  const d16 = (x: number) => BigInt((x << 16) >> 16);
  let ea: bigint;
  switch (acc.ea) {
    case 'D': ea = base + d16(w); break;
    case 'DS': ea = base + d16(w & 0xfffc); break;
    case 'DQ': ea = base + d16(w & 0xfff0); break;
    case 'X': ea = base + t.getGpr((w >>> 11) & 31); break;
    default: ea = base;
  }
  ea &= M64;
  let size = acc.size;
  // load/store multiple: every register from rt to r31
  if (op === Op.LMW || op === Op.STMW) size = 4 * (32 - ((w >>> 21) & 31));
  if (acc.kind === 'cacheop') return { type: 'cacheop', ea: ea & ~BigInt(DCACHE_LINE - 1), size: DCACHE_LINE };
  return { type: acc.kind, ea, size };
}

function cacheEa(word: number, t: ThreadState): bigint {
  const ra = (word >>> 16) & 31;
  const ea = ((ra === 0 ? 0n : t.getGpr(ra)) + t.getGpr((word >>> 11) & 31)) & M64;
  return ea & ~BigInt(DCACHE_LINE - 1);
}
