// Processor-model facts that the watchpoint code depends on (SEMANTICS.md §1.4).

/** The CPU models and kernel policies: the one list the scenario parser, the CLI, the launch settings
 * and the panel's checks take them from. */
export const CPU_MODEL_NAMES = ['power7', 'power8', 'power9', 'power10'] as const;
export type CpuModelName = (typeof CPU_MODEL_NAMES)[number];
export const KERNEL_POLICIES = ['6.5', '6.6'] as const;
export type KernelPolicy = (typeof KERNEL_POLICIES)[number];

export interface CpuModel {
  name: CpuModelName;
  /** DAWR mechanism enabled (dawr_enabled()) */
  dawr: boolean;
  /** ppc_breakpoint_available(): false on POWER9 without dawr_force_enable */
  breakpointAvailable: boolean;
  /** nr_wp_slots() */
  slots: number;
  /** largest hw_len accepted */
  maxHwLen: number;
  /** ISA 3.1 (POWER10): the 512-byte crossing check is removed; DAR-in-range rule for unknown insns */
  arch31: boolean;
  /** before POWER10 a 16-byte access is matched against a 16-byte aligned range */
  quadwordAlign16: boolean;
  /** PPC_PTRACE_GETHWDBGINFO.features */
  features: number;
  /** POWER10 DD1 (PVR 0x800100): the handler's spurious-exception workaround runs (§5.3 step 4). Default off. */
  p10dd1?: boolean;
}

export const PPC_DEBUG_FEATURE_DATA_BP_RANGE = 0x4;
export const PPC_DEBUG_FEATURE_DATA_BP_MASK = 0x8;
export const PPC_DEBUG_FEATURE_DATA_BP_DAWR = 0x10;
export const PPC_DEBUG_FEATURE_DATA_BP_ARCH_31 = 0x20;

export function cpuModel(name: CpuModelName, dawrForceEnable = false): CpuModel {
  switch (name) {
    case 'power7':
      return {
        name,
        dawr: false,
        breakpointAvailable: true,
        slots: 1,
        maxHwLen: 8,
        arch31: false,
        quadwordAlign16: true,
        features: PPC_DEBUG_FEATURE_DATA_BP_RANGE,
      };
    case 'power8':
      return {
        name,
        dawr: true,
        breakpointAvailable: true,
        slots: 1,
        maxHwLen: 512,
        arch31: false,
        quadwordAlign16: true,
        features: PPC_DEBUG_FEATURE_DATA_BP_RANGE | PPC_DEBUG_FEATURE_DATA_BP_DAWR,
      };
    case 'power9':
      // The DAWR erratum: off unless /sys/kernel/debug/powerpc/dawr_enable_dangerous is set.
      return dawrForceEnable
        ? {
            name,
            dawr: true,
            breakpointAvailable: true,
            slots: 1,
            maxHwLen: 512,
            arch31: false,
            quadwordAlign16: true,
            features: PPC_DEBUG_FEATURE_DATA_BP_RANGE | PPC_DEBUG_FEATURE_DATA_BP_DAWR,
          }
        : {
            name,
            dawr: false,
            breakpointAvailable: false,
            slots: 1,
            maxHwLen: 0,
            arch31: false,
            quadwordAlign16: true,
            features: PPC_DEBUG_FEATURE_DATA_BP_RANGE,
          };
    case 'power10':
      return {
        name,
        dawr: true,
        breakpointAvailable: true,
        slots: 2,
        maxHwLen: 512,
        arch31: true,
        quadwordAlign16: false,
        features: PPC_DEBUG_FEATURE_DATA_BP_RANGE | PPC_DEBUG_FEATURE_DATA_BP_DAWR | PPC_DEBUG_FEATURE_DATA_BP_ARCH_31,
      };
  }
}
