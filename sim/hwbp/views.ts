// Read-only views of the subsystem for the panel: per CPU its slots and occupants, the reservation
// budget, and the perf counters. debug-adapter/panel-protocol.ts re-exports these types: the panel's
// protocol uses this one definition.
import { breakpointLabel } from './breakpoint-name';
import { hex } from '../hex';
import {
  alignDown,
  HW_BREAKPOINT_R,
  HW_BREAKPOINT_W,
  HW_BRK_TYPE_HYP,
  HW_BRK_TYPE_KERNEL,
  HW_BRK_TYPE_USER,
  type Breakpoint,
} from './breakpoint';
import type { CpuModelName, KernelPolicy } from './cpu-model';
import type { HwbpKernel } from './kernel-state';
import type { PerfFdTable } from './perf-event';
import { taskEvents } from './perf-schedule';
import type { SlotHolder } from './slot-history';

export interface MachineInfo {
  cpu: CpuModelName;
  cpus: number;
  kernel: KernelPolicy;
  /** hardware slots per CPU (nr_wp_slots), 0 when no breakpoint is available (POWER9 default) */
  slots: number;
  dawrForceEnable: boolean;
}

export const SLOT_STATES = ['armed', 'disabled', 'step-pending', 'off'] as const;
export type SlotState = (typeof SLOT_STATES)[number];

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
  /** the process that set it (`pid 101 (main)`): "ptrace by pid 101 on pid 102"; absent when the
   * external tracer (a scenario, the debugger) did */
  by?: string;
}

export interface CpuSlots {
  cpu: number;
  task?: string;
  budget: { cpuPinned: number; worstTask: number; worstTaskName?: string; total: number };
  /**
   * `occupant`: what the slot holds now. `next`, on a free slot of a CPU no task runs on: what it
   * will hold when `nextTask` is scheduled in there (a stopped task's breakpoints are scheduled out:
   * they keep their reservation, not a slot). Its state is `armed`, or `disabled` for a one-shot
   * ptrace watchpoint that fired (a debugger re-arms it before the task runs).
   */
  slots: Array<{ slot: number; occupant?: SlotOccupant; next?: SlotOccupant }>;
  /** the task `next` is for: the one that runs on this CPU next */
  nextTask?: string;
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
  /** the process that opened it (absent: the external tracer) */
  by?: string;
}

export interface CountersEvent {
  counters: Counter[];
}

function rwOf(bpType: number): 'r' | 'w' | 'rw' {
  const r = (bpType & HW_BREAKPOINT_R) !== 0;
  const w = (bpType & HW_BREAKPOINT_W) !== 0;
  return r && w ? 'rw' : w ? 'w' : 'r';
}

function taskName(k: HwbpKernel, pid: number | undefined): string | undefined {
  return pid === undefined ? undefined : (k.threads.get(pid)?.name ?? String(pid));
}

/** who set a breakpoint, for a person: `pid 101 (main)` */
export function byOf(bp: Breakpoint): string | undefined {
  return bp.by ? `pid ${bp.by.pid} (${bp.by.name})` : undefined;
}

/** `ptrace #1` or `perf "writes"` */
export function labelOf(bp: Breakpoint): string {
  return breakpointLabel(bp.owner, bp.name);
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

/** What holds a slot, for the slot history. */
export function holderOf(k: HwbpKernel, bp: Breakpoint): SlotHolder {
  const task = taskName(k, bp.target);
  const t = bp.attr.bpType;
  return {
    bp: bp.name,
    owner: bp.owner,
    label: labelOf(bp),
    ...(task !== undefined ? { task } : {}),
    addr: hex(bp.info.address),
    len: bp.info.len,
    type: (t & (HW_BREAKPOINT_R | HW_BREAKPOINT_W)) === 0 ? 'x' : rwOf(t),
    ...(bp.by ? { by: byOf(bp) } : {}),
  };
}

export function occupantOf(k: HwbpKernel, cpu: number, slot: number, bp: Breakpoint, state?: SlotState): SlotOccupant {
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
    state: state ?? occupantState(k, cpu, slot, bp),
    ...(bp.by ? { by: byOf(bp) } : {}),
  };
}

/**
 * The occupants `pid`'s breakpoints would be given on `cpu` if it were scheduled in now: its events
 * in the order a switch-in schedules them, each in the lowest free slot (as arch_install does). A
 * one-shot ptrace watchpoint that fired (off) is shown where it would go once re-armed, disabled.
 */
function projected(k: HwbpKernel, cpu: number, pid: number): Map<number, SlotOccupant> {
  const out = new Map<number, SlotOccupant>();
  const th = k.threads.get(pid);
  if (!th || th.exited || k.current[cpu] !== undefined) return out;
  const free: number[] = [];
  k.slots.perCpu[cpu].bpPerReg.forEach((b, i) => {
    if (b === null) free.push(i);
  });
  for (const bp of taskEvents(k, pid)) {
    if (free.length === 0) break;
    if (k.slots.locate(bp)) continue;
    const off = bp.owner === 'ptrace' && bp.state === 'off';
    if (bp.state !== 'inactive' && !off) continue;
    if (bp.cpu >= 0 && bp.cpu !== cpu) continue;
    const slot = free.shift() as number;
    out.set(slot, occupantOf(k, cpu, slot, bp, off ? 'disabled' : 'armed'));
  }
  return out;
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

export function slotsView(k: HwbpKernel, placement?: ReadonlyArray<number | undefined>): SlotsEvent {
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
      const nextPid = placement?.[s.cpu];
      const next = nextPid !== undefined && m.breakpointAvailable ? projected(k, s.cpu, nextPid) : undefined;
      const nextTask = next && next.size > 0 ? taskName(k, nextPid) : undefined;
      return {
        cpu: s.cpu,
        ...(task !== undefined ? { task } : {}),
        budget: budgetOf(k, s.cpu),
        slots: s.bpPerReg.map((bp, slot) => {
          if (bp) return { slot, occupant: occupantOf(k, s.cpu, slot, bp) };
          const n = next?.get(slot);
          return n ? { slot, next: n } : { slot };
        }),
        ...(nextTask !== undefined ? { nextTask } : {}),
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
        ...(bp.by ? { by: byOf(bp) } : {}),
      };
    }),
  };
}
