// Read-only views of the subsystem for the panel: per CPU its slots and occupants, the reservation
// budget, and the perf counters. debug-adapter/panel-protocol.ts re-exports these types: the panel's
// protocol uses this one definition.
import { alignDown, HW_BREAKPOINT_R, HW_BREAKPOINT_W, HW_BRK_TYPE_HYP, HW_BRK_TYPE_KERNEL, HW_BRK_TYPE_USER, type Breakpoint } from './breakpoint';
import type { HwbpKernel } from './kernel-state';
import type { PerfFdTable } from './perf-event';

export interface MachineInfo {
  cpu: 'power7' | 'power8' | 'power9' | 'power10';
  cpus: number;
  kernel: '6.5' | '6.6';
  /** hardware slots per CPU (nr_wp_slots), 0 when no breakpoint is available (POWER9 default) */
  slots: number;
  dawrForceEnable: boolean;
}

export type SlotState = 'armed' | 'disabled' | 'step-pending' | 'off';

export interface SlotOccupant {
  bp: string;
  owner: 'ptrace' | 'perf';
  label: string;
  task?: string;
  addr: string;
  len: number;
  hwAddr: string;
  hwLen: number;
  type: 'r' | 'w' | 'rw';
  privilege: Array<'user' | 'kernel' | 'hyp'>;
  state: SlotState;
}

export interface CpuSlots {
  cpu: number;
  task?: string;
  budget: { cpuPinned: number; worstTask: number; worstTaskName?: string; total: number };
  slots: Array<{ slot: number; occupant?: SlotOccupant }>;
}

export interface SlotsEvent {
  machine: MachineInfo;
  cpus: CpuSlots[];
}

export interface Counter {
  id: string;
  fd: number;
  task?: string;
  cpu: number;
  addr: string;
  len: number;
  type: 'r' | 'w' | 'rw' | 'x';
  count: number;
  enabled: boolean;
  closed: boolean;
}

export interface CountersEvent {
  counters: Counter[];
}

function hex(x: bigint): string {
  return `0x${x.toString(16)}`;
}

function rwOf(bpType: number): 'r' | 'w' | 'rw' {
  const r = (bpType & HW_BREAKPOINT_R) !== 0;
  const w = (bpType & HW_BREAKPOINT_W) !== 0;
  return r && w ? 'rw' : w ? 'w' : 'r';
}

function taskName(k: HwbpKernel, pid: number | undefined): string | undefined {
  return pid === undefined ? undefined : k.threads.get(pid)?.name ?? String(pid);
}

/** `ptrace #1` or `perf "writes"` */
export function labelOf(bp: Breakpoint): string {
  if (bp.owner === 'ptrace') return `ptrace #${bp.name.split(':').pop() ?? ''}`;
  return `perf "${bp.name.replace(/^perf:/, '')}"`;
}

function occupantState(k: HwbpKernel, cpu: number, slot: number, bp: Breakpoint): SlotState {
  if (bp.state === 'off' || bp.state === 'error' || bp.state === 'dead') return 'disabled';
  if (k.policy === '6.6' && bp.info.perfSingleStep) return 'step-pending';
  if (k.policy === '6.5') {
    const pid = k.current[cpu];
    const th = pid === undefined ? undefined : k.threads.get(pid);
    if (th && th.lastHitUbp.includes(bp)) return 'step-pending';
  }
  return k.slots.currentBrk[cpu][slot] ? 'armed' : 'off';
}

export function occupantOf(k: HwbpKernel, cpu: number, slot: number, bp: Breakpoint): SlotOccupant {
  const privilege: Array<'user' | 'kernel' | 'hyp'> = [];
  if (bp.info.type & HW_BRK_TYPE_USER) privilege.push('user');
  if (bp.info.type & HW_BRK_TYPE_KERNEL) privilege.push('kernel');
  if (bp.info.type & HW_BRK_TYPE_HYP) privilege.push('hyp');
  const task = taskName(k, bp.target);
  return {
    bp: bp.name,
    owner: bp.owner,
    label: labelOf(bp),
    ...(task !== undefined ? { task } : {}),
    addr: hex(bp.info.address),
    len: bp.info.len,
    hwAddr: hex(alignDown(bp.info.address, 8n)),
    hwLen: bp.info.hwLen,
    type: rwOf(bp.attr.bpType),
    privilege,
    state: occupantState(k, cpu, slot, bp),
  };
}

export function budgetOf(k: HwbpKernel, cpu: number): CpuSlots['budget'] {
  const worst = k.reservations.maxTaskPinned(cpu);
  const name = taskName(k, worst.pid);
  return {
    cpuPinned: k.reservations.cpuPinned(cpu),
    worstTask: worst.count,
    ...(name !== undefined ? { worstTaskName: name } : {}),
    total: k.model.slots,
  };
}

export function slotsView(k: HwbpKernel): SlotsEvent {
  const m = k.model;
  return {
    machine: {
      cpu: m.name,
      cpus: k.cpus,
      kernel: k.policy,
      slots: m.breakpointAvailable ? m.slots : 0,
      dawrForceEnable: m.name === 'power9' && m.breakpointAvailable,
    },
    cpus: k.slots.perCpu.map((s) => {
      const task = taskName(k, k.current[s.cpu] ?? k.lastRan[s.cpu]);
      return {
        cpu: s.cpu,
        ...(task !== undefined ? { task } : {}),
        budget: budgetOf(k, s.cpu),
        slots: s.bpPerReg.map((bp, slot) => (bp ? { slot, occupant: occupantOf(k, s.cpu, slot, bp) } : { slot })),
      };
    }),
  };
}

export function countersView(k: HwbpKernel, table: PerfFdTable): CountersEvent {
  return {
    counters: table.history.map((f) => {
      const bp = f.bp;
      const task = taskName(k, bp.target);
      const t = bp.attr.bpType;
      return {
        id: f.id,
        fd: f.fd,
        ...(task !== undefined ? { task } : {}),
        cpu: bp.cpu,
        addr: hex(bp.attr.bpAddr),
        len: Number(bp.attr.bpLen & 0xffffffffn),
        type: (t & (HW_BREAKPOINT_R | HW_BREAKPOINT_W)) === 0 ? 'x' : rwOf(t),
        count: bp.count,
        enabled: bp.state === 'active' || bp.state === 'inactive',
        closed: f.closed,
      };
    }),
  };
}
