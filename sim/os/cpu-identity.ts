// What a program can learn of the processor model: the PVR (mfspr 287, which Linux emulates for user
// programs), /proc/cpuinfo's lines, and the ELF auxiliary vector's platform string.
import type { CpuModelName } from '../hwbp/cpu-model';

export interface CpuIdentity {
  pvr: number;
  /** /proc/cpuinfo's `cpu` line */
  cpuinfoName: string;
  /** /proc/cpuinfo's `revision` line */
  revision: string;
  clockMHz: string;
  /** AT_PLATFORM */
  platform: string;
}

export const CPU_IDENTITY: Record<CpuModelName, CpuIdentity> = {
  power7: {
    pvr: 0x003f0201,
    cpuinfoName: 'POWER7 (architected), altivec supported',
    revision: '2.1 (pvr 003f 0201)',
    clockMHz: '3550.000000',
    platform: 'power7',
  },
  power8: {
    pvr: 0x004d0200,
    cpuinfoName: 'POWER8 (architected), altivec supported',
    revision: '2.0 (pvr 004d 0200)',
    clockMHz: '3425.000000',
    platform: 'power8',
  },
  power9: {
    pvr: 0x004e1202,
    cpuinfoName: 'POWER9 (architected), altivec supported',
    revision: '2.2 (pvr 004e 1202)',
    clockMHz: '3800.000000',
    platform: 'power9',
  },
  power10: {
    pvr: 0x00800200,
    cpuinfoName: 'POWER10 (architected), altivec supported',
    revision: '2.0 (pvr 0080 0200)',
    clockMHz: '3450.000000',
    platform: 'power10',
  },
};
