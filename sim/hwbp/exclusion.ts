// The 6.5-only powerpc ptrace/perf exclusion (SEMANTICS §3.3), arch_reserve_bp_slot and
// arch_release_bp_slot of arch/powerpc/kernel/hw_breakpoint.c v5.9-v6.5 (removed by patch 5/7).
// Records point at the live breakpoint, so a later modify changes the range a record covers.
// The asymmetries are the kernel's, on purpose:
//  * a new ptrace breakpoint is checked against CPUTAB of every ONLINE CPU (any task's task-on-CPU
//    and per-CPU perf) and against TASKLIST of its own task only;
//  * a new per-task or task-on-CPU perf breakpoint is checked against its own task's TASKLIST only;
//  * a new per-CPU perf breakpoint is checked against all of TASKLIST;
//  * a full CPUTAB drops the record silently; kernel-address perf breakpoints are never recorded.
import { alignDown, isPtrace, PAGE_OFFSET, type Breakpoint } from './breakpoint';
import { refuse, type Refusal } from './errno';
import type { ArchSlotHooks } from './reserve';

const M64 = 0xffffffffffffffffn;

export interface ExclusionRecord {
  bp: Breakpoint;
  /** b->ptrace_bp, fixed when the record is made */
  isPtrace: boolean;
}

/** is_kernel_addr */
export function isKernelAddr(addr: bigint): boolean {
  return (addr & M64) >= PAGE_OFFSET;
}

/** The raw attr range rounded out to doublewords (u64 arithmetic, the untruncated bp_len). */
function roundedRange(bp: Breakpoint): { start: bigint; end: bigint } {
  const start = alignDown(bp.attr.bpAddr & M64, 8n);
  const end = alignDown((((bp.attr.bpAddr + bp.attr.bpLen) & M64) + 7n) & M64, 8n);
  return { start, end };
}

/** bp_addr_range_overlap */
export function bpAddrRangeOverlap(a: Breakpoint, b: Breakpoint): boolean {
  const r1 = roundedRange(a);
  const r2 = roundedRange(b);
  return r1.start < r2.end && r1.end > r2.start;
}

/** !can_co_exist: a ptrace and a perf breakpoint whose doubleword ranges overlap. */
export function conflicts(rec: ExclusionRecord, bp: Breakpoint): boolean {
  return rec.isPtrace !== isPtrace(bp) && bpAddrRangeOverlap(rec.bp, bp);
}

function describe(bp: Breakpoint, owner: string): string {
  const r = roundedRange(bp);
  return `${owner} ${bp.name} watching [0x${r.start.toString(16)}, 0x${r.end.toString(16)})`;
}

export class PtracePerfExclusion implements ArchSlotHooks {
  /** task_bps: list_add puts new records at the head */
  readonly taskList: ExclusionRecord[] = [];
  /** cpu_bps[cpu][0..nr_wp_slots-1] */
  readonly cpuTab: Array<Array<ExclusionRecord | null>>;

  constructor(
    cpus: number,
    private readonly slots: number,
    private readonly isOnline: (cpu: number) => boolean,
  ) {
    this.cpuTab = Array.from({ length: cpus }, () => new Array<ExclusionRecord | null>(slots).fill(null));
  }

  isEmpty(): boolean {
    return this.taskList.length === 0 && this.cpuTab.every((row) => row.every((r) => r === null));
  }

  private refusal(bp: Breakpoint, rec: ExclusionRecord, where: string): Refusal {
    const mine = isPtrace(bp) ? 'ptrace' : 'perf';
    const theirs = rec.isPtrace ? 'ptrace' : 'perf';
    return refuse(
      'ENOSPC',
      `kernel 6.5 forbids ${mine} and ${theirs} watchpoints on overlapping doublewords: ` +
        `${describe(rec.bp, theirs)} (${where}) overlaps this one`,
    );
  }

  /** same_task_bps_check */
  private sameTask(bp: Breakpoint): Refusal | null {
    for (const rec of this.taskList) {
      if (rec.bp.target === bp.target && conflicts(rec, bp)) return this.refusal(bp, rec, `same task`);
    }
    return null;
  }

  /** all_task_bps_check */
  private allTasks(bp: Breakpoint): Refusal | null {
    for (const rec of this.taskList) if (conflicts(rec, bp)) return this.refusal(bp, rec, `task ${rec.bp.target}`);
    return null;
  }

  /** all_cpu_bps_check: online CPUs only */
  private allCpus(bp: Breakpoint): Refusal | null {
    for (let cpu = 0; cpu < this.cpuTab.length; cpu++) {
      if (!this.isOnline(cpu)) continue;
      for (const rec of this.cpuTab[cpu])
        if (rec && conflicts(rec, bp)) return this.refusal(bp, rec, `recorded on cpu${cpu}`);
    }
    return null;
  }

  private taskAdd(bp: Breakpoint): void {
    this.taskList.unshift({ bp, isPtrace: isPtrace(bp) });
  }

  /** cpu_bps_add: the first free entry; when none is free nothing is recorded and 0 is still returned. */
  private cpuAdd(bp: Breakpoint): void {
    const row = this.cpuTab[bp.cpu];
    if (!row) return;
    const i = row.indexOf(null);
    if (i >= 0) row[i] = { bp, isPtrace: isPtrace(bp) };
  }

  reserve(bp: Breakpoint): Refusal | null {
    if (isPtrace(bp)) {
      const r = this.allCpus(bp) ?? this.sameTask(bp);
      if (r) return r;
      this.taskAdd(bp);
      return null;
    }
    if (isKernelAddr(bp.attr.bpAddr)) return null;
    if (bp.target !== undefined && bp.cpu === -1) {
      const r = this.sameTask(bp);
      if (r) return r;
      this.taskAdd(bp);
      return null;
    }
    if (bp.target === undefined && bp.cpu !== -1) {
      const r = this.allTasks(bp);
      if (r) return r;
      this.cpuAdd(bp);
      return null;
    }
    const r = this.sameTask(bp);
    if (r) return r;
    this.cpuAdd(bp);
    this.taskAdd(bp);
    return null;
  }

  /** arch_release_bp_slot: only for a user address (as bp_addr is now). */
  release(bp: Breakpoint): void {
    if (isKernelAddr(bp.attr.bpAddr)) return;
    if (bp.target !== undefined) {
      const i = this.taskList.findIndex((r) => r.bp === bp);
      if (i >= 0) this.taskList.splice(i, 1);
    }
    if (bp.cpu !== -1) {
      const row = this.cpuTab[bp.cpu];
      if (row) {
        const i = row.findIndex((r) => r !== null && r.bp === bp);
        if (i >= 0) row[i] = null;
      }
    }
  }
}
