// What the debug information reader needs of a stopped thread: memory, registers by DWARF number
// and the pc. The debugger implements it over the simulated machine (or a test over a fake), so
// this module stays independent of the machine.

export interface Target {
  /** `size` bytes at `addr`, or undefined when any of them is unmapped */
  readMemory(addr: bigint, size: number): Uint8Array | undefined;
  /**
   * A register of the stopped thread by DWARF number (ppc64: r0-r31 0-31, f0-f31 32-63 as their
   * 64-bit patterns, CR 64, LR 65, CTR 66, XER 76, v0-v31 77-108 as 128-bit numbers); undefined
   * when the thread has no such register.
   */
  readRegister(regno: number): bigint | undefined;
  /** the thread's program counter */
  pc(): bigint;
}

/** The size in bytes of a ppc64 register as DWARF numbers it (what a save slot holds). */
export function registerSize(regno: number): number {
  if (regno >= 0 && regno < 64) return 8;
  if (regno === 65 || regno === 66) return 8;
  if (regno >= 77 && regno < 109) return 16;
  return 4; // CR (64), CR fields (68-75), XER (76), VRSAVE (109), VSCR (110)
}

/** The registers a called function must preserve (ELFv2 ABI): r1, r2, r13, r14-r31, f14-f31, v20-v31, CR2-CR4,
 * VRSAVE. */
export function calleeSaved(regno: number): boolean {
  if (regno === 1 || regno === 2 || regno === 13) return true;
  if (regno >= 14 && regno < 32) return true;
  if (regno >= 46 && regno < 64) return true;
  if (regno >= 97 && regno < 109) return true;
  if (regno >= 70 && regno <= 72) return true;
  return regno === 109;
}

export function readLE(b: Uint8Array, size = b.length): bigint {
  let v = 0n;
  for (let i = Math.min(size, b.length) - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}
