// The Target of a simulated thread: its address space and registers by DWARF number. The only
// file of the module that knows the machine (the rest reads memory and registers through Target).
import type { ThreadState } from '../cpu/thread-state';
import type { Target } from './target';

export interface ReadableMemory {
  readBytes(addr: bigint, len: number): Uint8Array | undefined;
}

export function threadTarget(mem: ReadableMemory, thread: ThreadState): Target {
  return {
    readMemory: (addr, size) => (size <= 0 ? new Uint8Array(0) : mem.readBytes(addr, size)),
    readRegister: (n) => {
      if (n >= 0 && n < 32) return thread.getGpr(n);
      if (n >= 32 && n < 64) return thread.getFprBits(n - 32);
      if (n === 64) return BigInt(thread.cr);
      if (n === 65) return thread.lr;
      if (n === 66) return thread.ctr;
      if (n >= 68 && n < 76) return BigInt((thread.cr >>> (4 * (75 - n))) & 0xf);
      if (n === 76) return thread.xer;
      if (n >= 77 && n < 109) return thread.getVsr128(32 + n - 77);
      if (n === 109) return BigInt(thread.vrsave >>> 0);
      return undefined;
    },
    pc: () => thread.pc,
  };
}
