// The registers scenarios, the debug console and the debugger name (r0..r31, pc, lr, ctr, cr, xer,
// msr): one list, read and written by name.
import type { ThreadState } from '../cpu/thread-state';

export const REG_NAMES: readonly string[] = [
  ...Array.from({ length: 32 }, (_, i) => `r${i}`),
  'pc',
  'lr',
  'ctr',
  'cr',
  'xer',
  'msr',
];

/** Sets a register by its name (REG_NAMES); false for another name. */
export function setRegister(thread: ThreadState, reg: string, value: bigint): boolean {
  const v = BigInt.asUintN(64, value);
  const m = /^r(\d+)$/.exec(reg);
  if (m && Number(m[1]) < 32) thread.setGpr(Number(m[1]), v);
  else if (reg === 'pc') thread.pc = v;
  else if (reg === 'lr') thread.lr = v;
  else if (reg === 'ctr') thread.ctr = v;
  else if (reg === 'cr') thread.cr = Number(v & 0xffffffffn);
  else if (reg === 'xer') thread.xer = v;
  else if (reg === 'msr') thread.msr = v;
  else return false;
  return true;
}

/** A register by its name (REG_NAMES); undefined for another name. */
export function getRegister(thread: ThreadState, reg: string): bigint | undefined {
  const m = /^r(\d+)$/.exec(reg);
  if (m && Number(m[1]) < 32) return thread.getGpr(Number(m[1]));
  if (reg === 'pc') return thread.pc;
  if (reg === 'lr') return thread.lr;
  if (reg === 'ctr') return thread.ctr;
  if (reg === 'cr') return BigInt(thread.cr >>> 0);
  if (reg === 'xer') return thread.xer;
  if (reg === 'msr') return thread.msr;
  return undefined;
}
