// What __set_breakpoint writes into the hardware (dawr.c set_dawr / DABR): the arch info encoded as
// the registers see it. The DAWR ignores the low 3 address bits; DAWRX.MRD counts doublewords in
// a 6-bit field, so hw_len 0 (a u16-truncated length) programs MRD 63, i.e. 512 bytes.
import type { DawrProgram } from '../cpu/core';
import {
  alignDown,
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_READ,
  HW_BRK_TYPE_USER,
  HW_BRK_TYPE_WRITE,
  type ArchHwBreakpoint,
} from './breakpoint';
import type { CpuModel } from './cpu-model';

export type { DawrProgram };

/** DAWRX.MRD = ((hw_len + 7) >> 3) - 1, as a 6-bit field. */
export function dawrxMrd(hwLen: number): number {
  return ((((hwLen + 7) >> 3) - 1) & 0x3f) >>> 0;
}

export function dawrProgramOf(info: ArchHwBreakpoint, model: CpuModel): DawrProgram {
  const start = alignDown(info.address, 8n);
  // A DABR watches exactly one doubleword.
  const len = model.dawr ? (dawrxMrd(info.hwLen) + 1) * 8 : 8;
  return {
    start,
    len,
    read: (info.type & HW_BRK_TYPE_READ) !== 0,
    write: (info.type & HW_BRK_TYPE_WRITE) !== 0,
    user: (info.type & HW_BRK_TYPE_USER) !== 0,
    kernel: (info.type & HW_BRK_TYPE_KERNEL) !== 0,
    hyp: (info.type & HW_BRK_TYPE_HYP) !== 0,
  };
}
