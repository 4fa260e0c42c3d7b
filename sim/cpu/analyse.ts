// What the kernel's analyse_instr / wp_get_instr_detail sees of an instruction (SEMANTICS.md §5.2):
// its type, effective address and access size, computed from the registers before it executes.
import { decodeOp } from './decode';
import { Op, OP_INFO, OP_LIMIT } from './ops';
import type { ThreadState } from './thread-state';

export type InsnType = 'load' | 'load_vsx' | 'store' | 'store_vsx' | 'larx' | 'stcx' | 'cacheop' | 'unknown' | 'other';

/** L1 d-cache line size on POWER (dcbz clears this much; CACHEOP accesses are aligned down to it). */
export const DCACHE_LINE = 128;

const M64 = 0xffffffffffffffffn;

/** The sign-extended 16-bit displacement (module level: a closure made per call costs more than the
 * analysis, under the transpiler's keep-names helper). */
function d16(x: number): bigint {
  return BigInt((x << 16) >> 16);
}

/** `next`: the word after `word` (a prefixed instruction's suffix); the thread's pc is the instruction's. */
export function analyseInstruction(
  word: number,
  t: ThreadState,
  next = 0,
): { type: InsnType; ea: bigint; size: number } {
  const op = decodeOp(word, next);
  if (op === Op.ILLEGAL) return { type: 'unknown', ea: 0n, size: 0 };
  const acc = OP_INFO[op]?.access;
  // dcbt/dcbtst/icbi are cache ops for analyse_instr too, even though they never fault or match
  if (op === Op.DCBT || op === Op.DCBTST || op === Op.ICBI)
    return { type: 'cacheop', ea: cacheEa(word, t), size: DCACHE_LINE };
  if (!acc) return { type: 'other', ea: 0n, size: 0 };
  if (acc.unknown) return { type: 'unknown', ea: 0n, size: 0 };
  const w = (acc.ea === 'P34' ? next : word) | 0;
  const ra = (w >>> 16) & 31;
  const base = ra === 0 ? 0n : t.getGpr(ra);
  let ea: bigint;
  switch (acc.ea) {
    case 'P34': {
      const d = BigInt.asIntN(34, (BigInt(word & 0x3ffff) << 16n) | BigInt(next & 0xffff));
      ea = ((word >>> 20) & 1 ? t.pc : base) + d;
      break;
    }
    case 'D':
      ea = base + d16(w);
      break;
    case 'DS':
      ea = base + d16(w & 0xfffc);
      break;
    case 'DQ':
      ea = base + d16(w & 0xfff0);
      break;
    case 'X':
      ea = base + t.getGpr((w >>> 11) & 31);
      break;
    default:
      ea = base;
  }
  ea &= M64;
  let size = acc.size;
  // load/store multiple: every register from rt to r31
  if (op === Op.LMW || op === Op.STMW) size = 4 * (32 - ((w >>> 21) & 31));
  // lxvl/lxvll/stxvl/stxvll: the kernel takes the length from the low byte of RB (the hardware uses
  // bits 0:7, the high byte), at most 16
  if (acc.variable) size = Math.min(16, t.lo[(w >>> 11) & 31] & 0xff);
  if (acc.kind === 'cacheop') return { type: 'cacheop', ea: ea & ~BigInt(DCACHE_LINE - 1), size: DCACHE_LINE };
  // LOAD_VMX/STORE_VMX: analyse_instr aligns the address down to the size (lvx, lvebx, stvewx...)
  if (acc.vmx) ea &= ~BigInt(size - 1);
  return { type: acc.kind, ea, size };
}

function cacheEa(word: number, t: ThreadState): bigint {
  const ra = (word >>> 16) & 31;
  const ea = ((ra === 0 ? 0n : t.getGpr(ra)) + t.getGpr((word >>> 11) & 31)) & M64;
  return ea & ~BigInt(DCACHE_LINE - 1);
}

/** analyseInstruction's result in numbers, for the exception side's hot path (a perf hit). */
export interface AccessNum {
  type: InsnType;
  /** the effective address, below 2^52 */
  ea: number;
  size: number;
}

const TWO32 = 4294967296;
const TWO52 = 2 ** 52;

// Per operation, what analyseAccessNum needs, computed once from OP_INFO (flat tables: no object per
// lookup).
const EA_NONE = 0;
const EA_D = 1;
const EA_DS = 2;
const EA_DQ = 3;
const EA_X = 4;
const EA_XR = 5;
const numForm = new Int8Array(OP_LIMIT);
const numKind: InsnType[] = new Array<InsnType>(OP_LIMIT).fill('other');
const numSize = new Int32Array(OP_LIMIT);
for (let op = 0; op < OP_LIMIT; op++) {
  const acc = OP_INFO[op]?.access;
  // lmw/stmw (size from rt), cache ops (aligned ea, line size), prefixed (two words), VMX (aligned ea)
  // and variable-length accesses stay with analyseInstruction
  if (
    !acc ||
    acc.kind === 'cacheop' ||
    acc.ea === 'P34' ||
    acc.vmx ||
    acc.variable ||
    acc.unknown ||
    op === Op.LMW ||
    op === Op.STMW ||
    op === Op.DCBT ||
    op === Op.DCBTST ||
    op === Op.ICBI
  )
    continue;
  numForm[op] =
    acc.ea === 'D' ? EA_D : acc.ea === 'DS' ? EA_DS : acc.ea === 'DQ' ? EA_DQ : acc.ea === 'X' ? EA_X : EA_XR;
  numKind[op] = acc.kind;
  numSize[op] = acc.size;
}

/** One 64-bit GPR as a number when below 2^52 (exact), else -1. */
function gprNum(t: ThreadState, r: number): number {
  const h = t.hi[r] >>> 0;
  return h < 0x100000 ? h * TWO32 + (t.lo[r] >>> 0) : -1;
}

/**
 * analyseInstruction for a memory access whose operands and effective address are below 2^52 (any
 * user address): the same type, ea and size, written into `out` without bigints. false = not such an
 * access (not a load/store, load/store multiple, a cache op, or an address beyond 2^52): the caller
 * uses analyseInstruction.
 */
export function analyseAccessNum(word: number, t: ThreadState, out: AccessNum): boolean {
  const op = decodeOp(word);
  const form = numForm[op];
  if (form === EA_NONE) return false;
  const w = word | 0;
  const ra = (w >>> 16) & 31;
  const base = ra === 0 ? 0 : gprNum(t, ra);
  if (base < 0) return false;
  let ea: number;
  switch (form) {
    case EA_D:
      ea = base + ((w << 16) >> 16);
      break;
    case EA_DS:
      ea = base + (((w & 0xfffc) << 16) >> 16);
      break;
    case EA_DQ:
      ea = base + (((w & 0xfff0) << 16) >> 16);
      break;
    case EA_X: {
      const x = gprNum(t, (w >>> 11) & 31);
      if (x < 0) return false;
      ea = base + x;
      break;
    }
    default:
      ea = base;
  }
  // below 0 the 64-bit sum wraps; at or above 2^52 leave it to the bigint path
  if (ea < 0 || ea >= TWO52) return false;
  out.type = numKind[op];
  out.ea = ea;
  out.size = numSize[op];
  return true;
}
