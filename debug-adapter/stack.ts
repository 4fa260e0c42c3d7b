// Stack frames of a task: the PC, the caller in the link register (a leaf function has not saved it
// yet), then the ELFv2 back chain: 0(r1) points to the caller's frame, whose LR save slot is at 16.
import { lineForAddress } from '../sim/asm/line-table';
import type { Task } from '../sim/machine/task';
import { codeName, hex } from './symbols';

export interface Frame {
  index: number;
  pc: bigint;
  name: string;
  file?: string;
  line?: number;
}

const MAX_FRAMES = 32;

function inText(t: Task, addr: bigint): boolean {
  return lineForAddress(t.program, addr)?.insn === true;
}

export function stackFrames(t: Task): Frame[] {
  const pcs: bigint[] = [t.thread.pc];
  const lr = t.thread.lr;
  // The caller in LR: only meaningful when it is a return address into code (just after a bl).
  if (lr !== t.thread.pc && inText(t, lr - 4n)) pcs.push(lr);
  let sp = t.thread.getGpr(1);
  for (let i = 0; i < MAX_FRAMES && pcs.length < MAX_FRAMES; i++) {
    const back = t.mem.read(sp, 8);
    if (back === undefined || back <= sp || back === 0n) break;
    const saved = t.mem.read(back + 16n, 8);
    if (saved === undefined || !inText(t, saved - 4n)) break;
    if (pcs[pcs.length - 1] !== saved) pcs.push(saved);
    sp = back;
  }
  return pcs.map((pc, index) => {
    const l = lineForAddress(t.program, pc);
    return { index, pc, name: codeName(t.program, pc) ?? hex(pc), file: l?.file, line: l?.line };
  });
}
