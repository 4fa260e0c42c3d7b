// Reading an instruction word without faulting (what the kernel's copy_from_user_nofault does).
import type { AddressSpace } from './address-space';

/** The 32-bit instruction word at pc (little-endian), or undefined if it cannot be read. */
export function fetchWord(mem: AddressSpace, pc: bigint): number | undefined {
  const p = mem.page(Number((pc & 0xffffffffffffffffn) >> 12n));
  if (!p || !p.read || (pc & 3n) !== 0n) return undefined;
  return p.view.getUint32(Number(pc & 0xfffn), true);
}
