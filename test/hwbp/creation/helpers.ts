// Shared setup for the creation-side tests: a subsystem with a recorded DAWR bus.
import assert from 'node:assert/strict';
import { cpuModel, type CpuModelName, type KernelPolicy } from '../../../sim/hwbp/cpu-model';
import type { DawrProgram } from '../../../sim/hwbp/dawr-program';
import type { SysResult } from '../../../sim/hwbp/errno';
import {
  PPC_BREAKPOINT_MODE_EXACT,
  PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE,
  PPC_BREAKPOINT_TRIGGER_READ,
  type PpcHwBreakpoint,
} from '../../../sim/hwbp/ptrace-hwdebug';
import { HwBreakpointSubsystem, type HwBreakpointSubsystemOptions } from '../../../sim/hwbp/subsystem';

export interface Rig {
  hw: HwBreakpointSubsystem;
  /** what each CPU's DAWR slots hold now, as programmed */
  dawr: Array<Array<DawrProgram | null>>;
  writes: Array<{ cpu: number; slot: number; p: DawrProgram | null }>;
}

export function rig(
  cpu: CpuModelName = 'power10',
  policy: KernelPolicy = '6.6',
  cpus = 1,
  extra: Partial<HwBreakpointSubsystemOptions> & { force?: boolean; tasks?: number } = {},
): Rig {
  const model = cpuModel(cpu, extra.force ?? false);
  const dawr = Array.from({ length: cpus }, () => new Array<DawrProgram | null>(Math.max(1, model.slots)).fill(null));
  const writes: Rig['writes'] = [];
  const hw = new HwBreakpointSubsystem({
    model,
    policy,
    cpus,
    programDawr: (c, s, p) => {
      dawr[c][s] = p;
      writes.push({ cpu: c, slot: s, p });
    },
    ...extra,
  });
  for (let i = 0; i < (extra.tasks ?? 2); i++) hw.addTask(100 + i, `t${100 + i}`);
  return { hw, dawr, writes };
}

export function range(addr: bigint, len: number, trigger = PPC_BREAKPOINT_TRIGGER_READ): PpcHwBreakpoint {
  return {
    version: 1,
    triggerType: trigger,
    addrMode: PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE,
    conditionMode: 0,
    addr,
    addr2: addr + BigInt(len),
  };
}

export function exact(addr: bigint, trigger = PPC_BREAKPOINT_TRIGGER_READ): PpcHwBreakpoint {
  return { version: 1, triggerType: trigger, addrMode: PPC_BREAKPOINT_MODE_EXACT, conditionMode: 0, addr, addr2: 0n };
}

export function ok<T>(r: SysResult<T>): T {
  if (!r.ok) assert.fail(`expected success, got ${r.message}`);
  return r.value;
}

export function errno<T>(r: SysResult<T>): string {
  return r.ok ? `ok(${String(r.value)})` : r.errno;
}

export const A = 0x10100000n;
export const T0 = 100;
export const T1 = 101;

/** The program of a slot, read fresh (so the type checker does not keep an earlier narrowing). */
export function dawrAt(r: Pick<Rig, 'dawr'>['dawr'], cpu: number, slot: number): DawrProgram | null {
  return r[cpu][slot];
}
