// arch_install_hw_breakpoint / arch_uninstall_hw_breakpoint / __set_breakpoint (SEMANTICS §4):
// per CPU, bp_per_reg[i] says which breakpoint holds slot i and current_brk[i] shadows what was last
// written to slot i's registers.
import type { ArchHwBreakpoint, Breakpoint } from './breakpoint';
import type { CpuModel } from './cpu-model';
import { dawrProgramOf, type DawrProgram } from './dawr-program';
import type { CpuSlotState } from './hw-context';

export type ProgramDawr = (cpu: number, slot: number, p: DawrProgram | null) => void;

export class HwSlots {
  readonly perCpu: CpuSlotState[];
  /** current_brk[cpu][i]: a copy of the arch info last programmed, or null (null_brk) */
  readonly currentBrk: Array<Array<ArchHwBreakpoint | null>>;
  private readonly lastProgrammed: Array<Array<{ info: ArchHwBreakpoint; program: DawrProgram } | undefined>>;

  constructor(
    private readonly model: CpuModel,
    cpus: number,
    private readonly programDawr: ProgramDawr,
    /** WARN_ONCE(cond, "Can't find any breakpoint slot") */
    private readonly warnOnce: (site: string, line: string) => void,
  ) {
    const n = model.slots;
    this.perCpu = Array.from({ length: cpus }, (_, cpu) => ({
      cpu,
      bpPerReg: new Array<Breakpoint | null>(n).fill(null),
    }));
    this.currentBrk = Array.from({ length: cpus }, () => new Array<ArchHwBreakpoint | null>(n).fill(null));
    this.lastProgrammed = Array.from({ length: cpus }, () =>
      new Array<{ info: ArchHwBreakpoint; program: DawrProgram } | undefined>(n).fill(undefined),
    );
  }

  /** __set_breakpoint(i, info): program slot i (null = the disabled null_brk) and update the shadow. */
  programSlot(cpu: number, slot: number, bp: Breakpoint | null): void {
    if (!bp) {
      this.currentBrk[cpu][slot] = null;
      this.programDawr(cpu, slot, null);
      return;
    }
    // A perf hit writes the same breakpoint back after every step: the shadow copy and the register
    // image of last time are reused when the info is unchanged (neither is ever modified).
    const info = bp.info;
    let last = this.lastProgrammed[cpu][slot];
    if (!last || !sameInfo(last.info, info)) {
      last = { info: { ...info }, program: dawrProgramOf(info, this.model) };
      this.lastProgrammed[cpu][slot] = last;
    }
    this.currentBrk[cpu][slot] = last.info;
    this.programDawr(cpu, slot, last.program);
  }

  /** hw_breakpoint_disable(): null into every slot of the CPU. A slot whose shadow is null already
   * holds null (the shadow and the DAWR are only written together, here): writing it again changes
   * nothing, and a perf hit disables every slot on every hit. */
  disableAll(cpu: number): void {
    const shadow = this.currentBrk[cpu];
    for (let i = 0; i < this.perCpu[cpu].bpPerReg.length; i++) if (shadow[i] !== null) this.programSlot(cpu, i, null);
  }

  /**
   * Install bp on cpu: the lowest free slot. `holdProgram` is the single-step rule (POST: the
   * breakpoint's own perf_single_step; PRE: any last_hit_ubp of the current thread): the slot is
   * taken but the registers are left alone until the step completes. Returns the slot, or -1 (EBUSY).
   */
  install(cpu: number, bp: Breakpoint, holdProgram: boolean): number {
    const regs = this.perCpu[cpu].bpPerReg;
    const i = regs.indexOf(null);
    if (i < 0) {
      this.warnOnce(
        'install',
        `WARNING: CPU: ${cpu} arch_install_hw_breakpoint: Can't find any breakpoint slot (${bp.name})`,
      );
      return -1;
    }
    regs[i] = bp;
    if (!holdProgram) this.programSlot(cpu, i, bp);
    return i;
  }

  /** Uninstall bp from cpu: clear its slot and program null. false (WARN_ONCE) when it was not there. */
  uninstall(cpu: number, bp: Breakpoint): boolean {
    const regs = this.perCpu[cpu].bpPerReg;
    const i = regs.indexOf(bp);
    if (i < 0) {
      this.warnOnce(
        'uninstall',
        `WARNING: CPU: ${cpu} arch_uninstall_hw_breakpoint: Can't find any breakpoint slot (${bp.name})`,
      );
      return false;
    }
    regs[i] = null;
    this.programSlot(cpu, i, null);
    return true;
  }

  /** Where bp is installed, if anywhere. */
  locate(bp: Breakpoint): { cpu: number; slot: number } | undefined {
    for (const s of this.perCpu) {
      const slot = s.bpPerReg.indexOf(bp);
      if (slot >= 0) return { cpu: s.cpu, slot };
    }
    return undefined;
  }

  installedCount(cpu: number): number {
    return this.perCpu[cpu].bpPerReg.filter((b) => b !== null).length;
  }
}

function sameInfo(a: ArchHwBreakpoint, b: ArchHwBreakpoint): boolean {
  return (
    a.address === b.address &&
    a.len === b.len &&
    a.hwLen === b.hwLen &&
    a.type === b.type &&
    a.perfSingleStep === b.perfSingleStep
  );
}
