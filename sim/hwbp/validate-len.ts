// hw_breakpoint_validate_len (SEMANTICS §2.5): from the requested range to the hardware range.
// The hardware watches whole doublewords: [ALIGN_DOWN(addr, 8), ALIGN_UP(addr + len, 8)).
import { HW_BREAKPOINT_SIZE } from './breakpoint';
import type { CpuModel } from './cpu-model';

const M64 = 0xffffffffffffffffn;
const DABR_MAX_LEN = 8;
const DAWR_MAX_LEN = 512;
const SZ_512 = 512n;

/** The arch copy hw.len is a u16: a u64 attr.bp_len is truncated (65536 becomes 0). */
export function truncU16(len: bigint): number {
  return Number(len & 0xffffn);
}

export type ValidateLen =
  | { ok: true; hwLen: number; start: bigint; end: bigint }
  | { ok: false; reason: 'crosses-512' | 'too-long'; hwLen: number; start: bigint; end: bigint; max: number };

function alignDown64(x: bigint, a: bigint): bigint {
  return (x & M64) - ((x & M64) % a);
}

/**
 * address as given (not aligned), len the u16 arch length. Unsigned long arithmetic wraps at 2^64,
 * and hw_len is a u16 in the kernel too, so it is truncated the same way.
 */
export function hwBreakpointValidateLen(address: bigint, len: number, model: CpuModel): ValidateLen {
  const size = BigInt(HW_BREAKPOINT_SIZE);
  const start = alignDown64(address, size);
  const end = alignDown64(((address + BigInt(len)) & M64) + size - 1n, size);
  const hwLen = Number((end - start) & M64 & 0xffffn);
  let max = DABR_MAX_LEN;
  if (model.dawr) {
    max = DAWR_MAX_LEN;
    // Before ISA 3.1 a DAWR range may not cross a 512-byte boundary.
    if (!model.arch31 && alignDown64(start, SZ_512) !== alignDown64((end - 1n) & M64, SZ_512)) {
      return { ok: false, reason: 'crosses-512', hwLen, start, end, max };
    }
  }
  // (8xx, where max is 65535, is not a model of this simulator.)
  if (hwLen > max) return { ok: false, reason: 'too-long', hwLen, start, end, max };
  return { ok: true, hwLen, start, end };
}
