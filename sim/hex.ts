// Numbers as messages, reports and the debugger write them: hexadecimal with a 0x prefix.

/** `0x1f`; a negative value as `-0x1f`. */
export function hex(v: bigint | number): string {
  const b = BigInt(v);
  return b < 0n ? `-0x${(-b).toString(16)}` : `0x${b.toString(16)}`;
}

/** A 64-bit register, address or field: a negative value as its two's complement (`0xff...f`). */
export function hexU64(v: bigint | number): string {
  return `0x${BigInt.asUintN(64, BigInt(v)).toString(16)}`;
}
