// Runs a few encoded instructions on a fresh core: text at 0x10000000, data at 0x10100000.
import { AddressSpace } from '../../sim/cpu/address-space';
import { Core, type CoreStop } from '../../sim/cpu/core';
import { ThreadState, USER_MSR } from '../../sim/cpu/thread-state';

export const TEXT = 0x10000000n;
export const DATA = 0x10100000n;

export interface Ran {
  t: ThreadState;
  mem: AddressSpace;
  core: Core;
  stop: CoreStop;
}

export function setup(words: number[], opts: { data?: Uint8Array; slots?: number } = {}) {
  const mem = new AddressSpace();
  mem.map(TEXT, 4096, { read: true, write: false, exec: true });
  const text = new Uint8Array(words.length * 4);
  const dv = new DataView(text.buffer);
  words.forEach((w, i) => dv.setUint32(4 * i, w >>> 0, true));
  mem.writeBytesAs(TEXT, text, true);
  mem.map(DATA, 8192, { read: true, write: true, exec: false });
  if (opts.data) mem.writeBytes(DATA, opts.data);
  const t = new ThreadState();
  t.msr = USER_MSR;
  t.pc = TEXT;
  const core = new Core({ quadwordAlign16: false, slots: opts.slots ?? 2 });
  return { t, mem, core };
}

/** Runs `words` (then stops at the end: the instruction after them is a trap) with registers preset. */
export function run(
  words: number[],
  regs: Record<number, bigint> = {},
  opts: { data?: Uint8Array; maxSteps?: number; init?: (t: ThreadState) => void } = {},
): Ran {
  const trapWord = 0x7fe00008; // tw 31,0,0
  const s = setup([...words, trapWord], opts);
  for (const [k, v] of Object.entries(regs)) s.t.setGpr(Number(k), v);
  opts.init?.(s.t);
  const stop = s.core.run(s.t, s.mem, opts.maxSteps ?? 10000);
  return { ...s, stop };
}

export const u64 = (v: bigint) => BigInt.asUintN(64, v);
