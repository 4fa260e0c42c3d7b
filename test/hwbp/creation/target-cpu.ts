// Where a breakpoint belongs right now, computed from the subsystem's public views (for the
// property tests; independent of perf-schedule.ts).
import type { Breakpoint } from '../../../sim/hwbp/breakpoint';
import type { HwBreakpointSubsystem } from '../../../sim/hwbp/subsystem';

export function targetCpuForTest(hw: HwBreakpointSubsystem, bp: Breakpoint): number | undefined {
  const cpus = hw.cpus;
  if (bp.target === undefined) return bp.cpu;
  for (let c = 0; c < cpus; c++) {
    if (hw.currentOn(c) === bp.target && (bp.cpu === -1 || bp.cpu === c)) return c;
  }
  return undefined;
}
