// What Linux tells a process about its processor in the auxiliary vector: AT_HWCAP, AT_HWCAP2,
// AT_PLATFORM (and AT_BASE_PLATFORM), the cache block sizes and the cache geometry.
//
// Where the values come from (Linux 6.x sources, read, not copied):
// * arch/powerpc/include/uapi/asm/cputable.h: the PPC_FEATURE_* / PPC_FEATURE2_* bit values.
// * arch/powerpc/kernel/cpu_specs_book3s_64.h: cpu_user_features / cpu_user_features2 of the
//   POWER7..POWER10 entries (COMMON_USER_POWER7/8/9/10, COMMON_USER2_POWER7/8/9/10), `platform`
//   ("power7".."power10"), icache_bsize / dcache_bsize 128.
// * Bits the kernel adds at boot: ALTIVEC and VSX (device tree "ibm,vmx" = 2), DFP ("ibm,dfp");
//   EBB (the POWER8/9/10 PMU drivers: init_power8_pmu and friends). Transactional memory: POWER8
//   advertises HTM and HTM_NOSC (ibm,pa-features byte 22); on POWER9 the firmware normally leaves
//   TM off, so the pa-features scan clears both bits; ISA 3.1 (POWER10) has no TM at all.
// Resulting AT_HWCAP on all four models: 0xdc0065c2 (ppc32 ppc64 altivec fpu mmu smt ic_snoop
// arch_2_06 dfp vsx archpmu true_le).
// * ARCH_DLINFO_CACHE_GEOMETRY (arch/powerpc/include/asm/elf.h): AT_L1I/L1D/L2/L3 size and
//   geometry (associativity << 16 | line size) from ppc64_caches, i.e. from the device tree. The
//   numbers below are the processors' documented caches (per core), not a reading of one machine.

import type { CpuModelName } from '../hwbp/cpu-model';

// AT_HWCAP bits
export const PPC_FEATURE_32 = 0x80000000;
export const PPC_FEATURE_64 = 0x40000000;
export const PPC_FEATURE_HAS_ALTIVEC = 0x10000000;
export const PPC_FEATURE_HAS_FPU = 0x08000000;
export const PPC_FEATURE_HAS_MMU = 0x04000000;
export const PPC_FEATURE_SMT = 0x00004000;
export const PPC_FEATURE_ICACHE_SNOOP = 0x00002000;
export const PPC_FEATURE_HAS_DFP = 0x00000400;
export const PPC_FEATURE_ARCH_2_06 = 0x00000100;
export const PPC_FEATURE_HAS_VSX = 0x00000080;
export const PPC_FEATURE_PSERIES_PERFMON_COMPAT = 0x00000040;
export const PPC_FEATURE_TRUE_LE = 0x00000002;

// AT_HWCAP2 bits
export const PPC_FEATURE2_ARCH_2_07 = 0x80000000;
export const PPC_FEATURE2_HTM = 0x40000000;
export const PPC_FEATURE2_DSCR = 0x20000000;
export const PPC_FEATURE2_EBB = 0x10000000;
export const PPC_FEATURE2_ISEL = 0x08000000;
export const PPC_FEATURE2_TAR = 0x04000000;
export const PPC_FEATURE2_VEC_CRYPTO = 0x02000000;
export const PPC_FEATURE2_HTM_NOSC = 0x01000000;
export const PPC_FEATURE2_ARCH_3_00 = 0x00800000;
export const PPC_FEATURE2_HAS_IEEE128 = 0x00400000;
export const PPC_FEATURE2_DARN = 0x00200000;
export const PPC_FEATURE2_SCV = 0x00100000;
export const PPC_FEATURE2_HTM_NO_SUSPEND = 0x00080000;
export const PPC_FEATURE2_ARCH_3_1 = 0x00040000;
export const PPC_FEATURE2_MMA = 0x00020000;

const COMMON_USER_PPC64 = PPC_FEATURE_32 | PPC_FEATURE_HAS_FPU | PPC_FEATURE_HAS_MMU | PPC_FEATURE_64;
/** COMMON_USER_POWER7 = COMMON_USER_POWER8 = ..._POWER9 = ..._POWER10 */
const COMMON_USER_POWER7 =
  COMMON_USER_PPC64 |
  PPC_FEATURE_ARCH_2_06 |
  PPC_FEATURE_SMT |
  PPC_FEATURE_ICACHE_SNOOP |
  PPC_FEATURE_TRUE_LE |
  PPC_FEATURE_PSERIES_PERFMON_COMPAT;
/** added from the device tree at boot (ibm,vmx = 2, ibm,dfp) on every POWER7 and later */
const FROM_DEVICE_TREE = PPC_FEATURE_HAS_ALTIVEC | PPC_FEATURE_HAS_VSX | PPC_FEATURE_HAS_DFP;

const COMMON_USER2_POWER8_NO_TM =
  PPC_FEATURE2_ARCH_2_07 | PPC_FEATURE2_DSCR | PPC_FEATURE2_ISEL | PPC_FEATURE2_TAR | PPC_FEATURE2_VEC_CRYPTO;
const USER2_POWER9_NO_TM =
  COMMON_USER2_POWER8_NO_TM | PPC_FEATURE2_ARCH_3_00 | PPC_FEATURE2_HAS_IEEE128 | PPC_FEATURE2_DARN | PPC_FEATURE2_SCV;
const COMMON_USER2_POWER10 = PPC_FEATURE2_ARCH_3_1 | PPC_FEATURE2_MMA | USER2_POWER9_NO_TM;

export interface CacheLevel {
  /** bytes */
  size: number;
  /** ways (0xffff: fully associative) */
  assoc: number;
  /** line size in bytes */
  line: number;
}

export interface CpuFeatures {
  hwcap: number;
  hwcap2: number;
  /** AT_PLATFORM, and AT_BASE_PLATFORM (the same string: no compatibility mode) */
  platform: string;
  dcacheBsize: number;
  icacheBsize: number;
  /** AT_UCACHEBSIZE: always 0 on 64-bit */
  ucacheBsize: number;
  l1i: CacheLevel;
  l1d: CacheLevel;
  l2: CacheLevel;
  l3: CacheLevel;
}

const KiB = 1024;
const MiB = 1024 * 1024;

/** The auxiliary-vector facts of a CPU model (hwcap and hwcap2 as unsigned 32-bit numbers). */
export function cpuFeatures(model: CpuModelName): CpuFeatures {
  const f = features(model);
  return { ...f, hwcap: f.hwcap >>> 0, hwcap2: f.hwcap2 >>> 0 };
}

function features(model: CpuModelName): CpuFeatures {
  const base = { hwcap: COMMON_USER_POWER7 | FROM_DEVICE_TREE, dcacheBsize: 128, icacheBsize: 128, ucacheBsize: 0 };
  switch (model) {
    case 'power7':
      return {
        ...base,
        hwcap2: PPC_FEATURE2_DSCR,
        platform: 'power7',
        l1i: { size: 32 * KiB, assoc: 4, line: 128 },
        l1d: { size: 32 * KiB, assoc: 8, line: 128 },
        l2: { size: 256 * KiB, assoc: 8, line: 128 },
        l3: { size: 4 * MiB, assoc: 8, line: 128 },
      };
    case 'power8':
      return {
        ...base,
        hwcap2: COMMON_USER2_POWER8_NO_TM | PPC_FEATURE2_HTM | PPC_FEATURE2_HTM_NOSC | PPC_FEATURE2_EBB,
        platform: 'power8',
        l1i: { size: 32 * KiB, assoc: 8, line: 128 },
        l1d: { size: 64 * KiB, assoc: 8, line: 128 },
        l2: { size: 512 * KiB, assoc: 8, line: 128 },
        l3: { size: 8 * MiB, assoc: 8, line: 128 },
      };
    case 'power9':
      return {
        ...base,
        hwcap2: USER2_POWER9_NO_TM | PPC_FEATURE2_EBB,
        platform: 'power9',
        l1i: { size: 32 * KiB, assoc: 8, line: 128 },
        l1d: { size: 32 * KiB, assoc: 8, line: 128 },
        l2: { size: 512 * KiB, assoc: 8, line: 128 },
        l3: { size: 10 * MiB, assoc: 20, line: 128 },
      };
    case 'power10':
      return {
        ...base,
        hwcap2: COMMON_USER2_POWER10 | PPC_FEATURE2_EBB,
        platform: 'power10',
        l1i: { size: 48 * KiB, assoc: 6, line: 128 },
        l1d: { size: 32 * KiB, assoc: 8, line: 128 },
        l2: { size: 1 * MiB, assoc: 8, line: 128 },
        l3: { size: 4 * MiB, assoc: 16, line: 128 },
      };
  }
}

/** AT_L*_CACHEGEOMETRY: get_cache_geometry() = associativity << 16 | line size */
export function cacheGeometry(c: CacheLevel): number {
  return c.assoc * 0x10000 + c.line;
}
