// Slot reservation accounting, kernel/events/hw_breakpoint.c (SEMANTICS §3.1, §3.2): reserve_bp_slot,
// release_bp_slot, modify_bp_slot. The rule is computed directly from the reserved breakpoints (the
// kernel's cpu_pinned / tsk_pinned histograms are only a faster way to get the same numbers).
//   CPU(c)    = per-CPU breakpoints bound to c
//   TASK(t,c) = task t's breakpoints with cpu -1 or cpu c
// A new B is allowed iff (the "ENOSPC rule"):
//   per-CPU on c0:      CPU(c0) + max_t TASK(t,c0) + 1 <= N
//   per-task t0:        max over possible c of [CPU(c) + TASK(t0,c)] + 1 <= N
//   task-on-CPU t0,c0:  CPU(c0) + TASK(t0,c0) + 1 <= N
// N = nr_wp_slots() for TYPE_DATA, 0 for TYPE_INST. Reserved = created and not destroyed, enabled or not.
import { HW_BREAKPOINT_EMPTY, HW_BREAKPOINT_INVALID, HW_BREAKPOINT_RW, type Breakpoint } from './breakpoint';
import type { CpuModel } from './cpu-model';
import { refuse, type Refusal } from './errno';

export const TYPE_INST = 0;
export const TYPE_DATA = 1;
export type BpTypeIdx = typeof TYPE_INST | typeof TYPE_DATA;

/** find_slot_idx: TYPE_DATA if R or W is set, otherwise TYPE_INST (an X-only breakpoint). */
export function findSlotIdx(bpType: number): BpTypeIdx {
  return bpType & HW_BREAKPOINT_RW ? TYPE_DATA : TYPE_INST;
}

/** hw_breakpoint_slots(type): powerpc has no instruction breakpoints in this framework. */
export function hwBreakpointSlots(model: CpuModel, cls: BpTypeIdx): number {
  return cls === TYPE_DATA ? model.slots : 0;
}

/** hw_breakpoint_weight: 1 for every breakpoint. */
export const BP_WEIGHT = 1;

/** The PRE arch hooks (arch_reserve_bp_slot / arch_release_bp_slot); absent in POST (patch 7/7). */
export interface ArchSlotHooks {
  reserve(bp: Breakpoint): Refusal | null;
  release(bp: Breakpoint): void;
}

/** What the worst CPU's budget is made of, for messages and the panel. */
export interface PinnedSlots {
  count: number;
  cpu: number;
  holders: Breakpoint[];
}

export class BpReservations {
  /** reserved breakpoints and the class each was reserved in (insertion order = creation order) */
  private readonly reserved = new Map<Breakpoint, BpTypeIdx>();

  constructor(
    private readonly model: CpuModel,
    /** cpu_possible_mask: every CPU of the machine, online or not */
    private readonly possibleCpus: number,
    readonly arch: ArchSlotHooks | null,
  ) {}

  isReserved(bp: Breakpoint): boolean {
    return this.reserved.has(bp);
  }

  all(): Breakpoint[] {
    return [...this.reserved.keys()];
  }

  size(): number {
    return this.reserved.size;
  }

  /** CPU(c): per-CPU breakpoints (no target) bound to c. */
  cpuPinnedBps(cpu: number, cls: BpTypeIdx = TYPE_DATA): Breakpoint[] {
    const out: Breakpoint[] = [];
    for (const [bp, c] of this.reserved) if (c === cls && bp.target === undefined && bp.cpu === cpu) out.push(bp);
    return out;
  }

  cpuPinned(cpu: number, cls: BpTypeIdx = TYPE_DATA): number {
    return this.cpuPinnedBps(cpu, cls).length * BP_WEIGHT;
  }

  /** TASK(t, c): task t's breakpoints that have cpu -1 or cpu c. */
  taskPinnedBps(pid: number, cpu: number, cls: BpTypeIdx = TYPE_DATA): Breakpoint[] {
    const out: Breakpoint[] = [];
    for (const [bp, c] of this.reserved)
      if (c === cls && bp.target === pid && (bp.cpu === -1 || bp.cpu === cpu)) out.push(bp);
    return out;
  }

  taskPinned(pid: number, cpu: number, cls: BpTypeIdx = TYPE_DATA): number {
    return this.taskPinnedBps(pid, cpu, cls).length * BP_WEIGHT;
  }

  /** max over tasks t of TASK(t, c), and which task that is (the lowest pid among equals). */
  maxTaskPinned(cpu: number, cls: BpTypeIdx = TYPE_DATA): { count: number; pid?: number; holders: Breakpoint[] } {
    const pids = new Set<number>();
    for (const [bp, c] of this.reserved) if (c === cls && bp.target !== undefined) pids.add(bp.target);
    let best: { count: number; pid?: number; holders: Breakpoint[] } = { count: 0, holders: [] };
    for (const pid of [...pids].sort((a, b) => a - b)) {
      const holders = this.taskPinnedBps(pid, cpu, cls);
      if (holders.length > best.count) best = { count: holders.length, pid, holders };
    }
    return best;
  }

  /** max_bp_pinned_slots: the most slots already spoken for on any CPU B could run on. */
  maxBpPinnedSlots(bp: Breakpoint, cls: BpTypeIdx): PinnedSlots {
    const cpus = bp.cpu >= 0 ? [bp.cpu] : Array.from({ length: this.possibleCpus }, (_, i) => i);
    let worst: PinnedSlots = { count: -1, cpu: cpus[0] ?? 0, holders: [] };
    for (const cpu of cpus) {
      const holders = this.cpuPinnedBps(cpu, cls);
      if (bp.target === undefined) holders.push(...this.maxTaskPinned(cpu, cls).holders);
      else holders.push(...this.taskPinnedBps(bp.target, cpu, cls));
      if (holders.length > worst.count) worst = { count: holders.length, cpu, holders };
    }
    if (worst.count < 0) worst.count = 0;
    return worst;
  }

  /** __reserve_bp_slot: basic checks, the ENOSPC rule, then (PRE) the arch exclusion hook. */
  reserve(bp: Breakpoint, bpType: number = bp.attr.bpType): Refusal | null {
    if (bpType === HW_BREAKPOINT_EMPTY || bpType === HW_BREAKPOINT_INVALID) {
      return refuse('EINVAL', `breakpoint type ${bpType} is ${bpType === 0 ? 'empty' : 'invalid'}`);
    }
    const cls = findSlotIdx(bpType);
    const n = hwBreakpointSlots(this.model, cls);
    const pinned = this.maxBpPinnedSlots(bp, cls);
    if (pinned.count + BP_WEIGHT > n) return enospcMessage(bp, cls, n, pinned);
    if (this.arch) {
      const r = this.arch.reserve(bp);
      if (r) return r;
    }
    this.reserved.set(bp, cls);
    return null;
  }

  /**
   * __release_bp_slot: the arch hook first, then the count. false when bp held no reservation (a WARN in
   * the kernel).
   */
  release(bp: Breakpoint): boolean {
    this.arch?.release(bp);
    return this.reserved.delete(bp);
  }

  /** __modify_bp_slot: release, reserve with the new type; on failure reserve the old type back. */
  modify(bp: Breakpoint, oldType: number, newType: number): { refusal: Refusal | null; restored: boolean } {
    this.release(bp);
    const r = this.reserve(bp, newType);
    if (!r) return { refusal: null, restored: true };
    // WARN_ON(__reserve_bp_slot(bp, old_type)): under 6.5 the arch check can refuse again, and then
    // the breakpoint stays registered without any reservation.
    const back = this.reserve(bp, oldType);
    return { refusal: r, restored: back === null };
  }
}

function enospcMessage(_bp: Breakpoint, cls: BpTypeIdx, n: number, pinned: PinnedSlots): Refusal {
  if (cls === TYPE_INST) {
    return refuse(
      'ENOSPC',
      'an execute-only breakpoint is an instruction breakpoint, and powerpc has 0 instruction breakpoint slots',
    );
  }
  const held = pinned.holders.map(describeHolder).join(', ');
  const slots = `${n} watchpoint slot${n === 1 ? '' : 's'}`;
  return refuse(
    'ENOSPC',
    `cpu${pinned.cpu} has ${slots} and ${pinned.count === 1 ? 'it is' : `${pinned.count} are`} ` +
      `already reserved by ${held} (reservations count every existing breakpoint, enabled or not)`,
  );
}

/** `perf:writes (per-CPU, 0x10100000+8)`: what holds a reservation, in the panel's terms. */
export function describeHolder(bp: Breakpoint): string {
  const kind =
    bp.target === undefined ? 'per-CPU' : bp.cpu >= 0 ? `task ${bp.target} on cpu${bp.cpu}` : `task ${bp.target}`;
  return `${bp.name} (${kind}, 0x${bp.attr.bpAddr.toString(16)}+${bp.attr.bpLen})`;
}
