// The perf core's side of installation (SEMANTICS §4): when an event is scheduled in on a CPU
// (hw_breakpoint_add -> arch_install) and out (hw_breakpoint_del -> arch_uninstall).
//  * per-task events: while their task runs, on the CPU it runs on;
//  * task-on-CPU events: while their task runs on that CPU;
//  * per-CPU events: whenever enabled (their CPU online), across task switches;
//  * enable, disable and modify-enable act at once.
// Event states: 'off' disabled, 'inactive' enabled but not on a CPU, 'active' installed,
// 'error' a pinned event that found no slot (until re-enabled), 'dead' destroyed.
// The order events get slots in is the perf core's artifact (SEMANTICS §4 [UNSURE]); here: in
// creation order, pinned before flexible on a task switch.
import type { Breakpoint } from './breakpoint';
import type { HwbpKernel } from './kernel-state';
import type { RemovedWhy } from './slot-history';

/** The CPU where bp should be installed now, if any. */
export function targetCpu(k: HwbpKernel, bp: Breakpoint): number | undefined {
  if (bp.target === undefined) return bp.cpu >= 0 && k.online[bp.cpu] ? bp.cpu : undefined;
  const th = k.threads.get(bp.target);
  if (!th || th.exited) return undefined;
  if (bp.cpu >= 0) return k.current[bp.cpu] === bp.target && k.online[bp.cpu] ? bp.cpu : undefined;
  const cpu = k.current.indexOf(bp.target);
  return cpu >= 0 ? cpu : undefined;
}

/** PRE arch_install: no DAWR is programmed while any last_hit_ubp of the current thread is set. */
function preStepPending(k: HwbpKernel, cpu: number): boolean {
  const pid = k.current[cpu];
  const th = pid === undefined ? undefined : k.threads.get(pid);
  return !!th && th.lastHitUbp.some((b) => b !== null);
}

export function holdProgram(k: HwbpKernel, cpu: number, bp: Breakpoint): boolean {
  return k.policy === '6.6' ? bp.info.perfSingleStep : preStepPending(k, cpu);
}

/** event_sched_in: install an enabled, unscheduled event where it belongs. */
export function schedIn(k: HwbpKernel, bp: Breakpoint): void {
  if (bp.state !== 'inactive') return;
  const cpu = targetCpu(k, bp);
  if (cpu === undefined) return;
  const slot = k.slots.install(cpu, bp, holdProgram(k, cpu, bp));
  if (slot >= 0) {
    bp.state = 'active';
    k.slotEvents?.installed(cpu, slot, bp);
  } else if (bp.attr.pinned) bp.state = 'error'; // a pinned event that cannot go on goes to the error state
}

/** event_sched_out: uninstall if installed (`why`: for the slot history). */
export function schedOut(k: HwbpKernel, bp: Breakpoint, why: RemovedWhy = 'sched-out'): void {
  const where = k.slots.locate(bp);
  if (where) {
    k.slots.uninstall(where.cpu, bp);
    k.slotEvents?.removed(where.cpu, where.slot, bp, why);
  }
  if (bp.state === 'active') bp.state = 'inactive';
}

/** perf_event_disable (and _local / _inatomic: here all act at once). `why`: for the slot history
 * (an event being closed is disabled first). */
export function eventDisable(k: HwbpKernel, bp: Breakpoint, why: RemovedWhy = 'disabled'): void {
  if (bp.state === 'dead') return;
  schedOut(k, bp, why);
  bp.state = 'off';
}

/** perf_event_enable: from off or error to inactive, then schedule. */
export function eventEnable(k: HwbpKernel, bp: Breakpoint): void {
  if (bp.state !== 'off' && bp.state !== 'error') return;
  bp.state = 'inactive';
  schedIn(k, bp);
}

/** The task's events in the order a switch-in schedules them: pinned first, in creation order. */
export function taskEvents(k: HwbpKernel, pid: number): Breakpoint[] {
  const mine = [...k.live].filter((b) => b.target === pid);
  return [...mine.filter((b) => b.attr.pinned), ...mine.filter((b) => !b.attr.pinned)];
}

/** Context switch in: the task's events go on this CPU. */
export function switchIn(k: HwbpKernel, cpu: number, pid: number): void {
  if (k.current[cpu] !== undefined && k.current[cpu] !== pid) switchOut(k, cpu, k.current[cpu] as number);
  // a task runs on one CPU at a time: if the caller forgot the switch-out elsewhere, do it now
  for (let c = 0; c < k.current.length; c++) if (c !== cpu && k.current[c] === pid) switchOut(k, c, pid);
  k.current[cpu] = pid;
  k.lastRan[cpu] = pid;
  k.slotEvents?.switched('switch-in', cpu, pid);
  for (const bp of taskEvents(k, pid)) schedIn(k, bp);
}

/** Context switch out: the task's events leave this CPU; per-CPU events stay. */
export function switchOut(k: HwbpKernel, cpu: number, pid: number): void {
  for (const bp of taskEvents(k, pid)) {
    const where = k.slots.locate(bp);
    if (where && where.cpu === cpu) schedOut(k, bp);
  }
  if (k.current[cpu] === pid) {
    k.current[cpu] = undefined;
    k.slotEvents?.switched('switch-out', cpu, pid);
  }
}

/** CPU hotplug: offline takes every event off the CPU (they keep their reservations). */
export function setCpuOnline(k: HwbpKernel, cpu: number, online: boolean): void {
  if (k.online[cpu] === online) return;
  if (!online) {
    const pid = k.current[cpu];
    if (pid !== undefined) switchOut(k, cpu, pid);
    for (const bp of k.slots.perCpu[cpu].bpPerReg) if (bp) schedOut(k, bp, 'offline');
    k.online[cpu] = false;
  } else {
    k.online[cpu] = true;
    for (const bp of k.live) if (bp.target === undefined && bp.cpu === cpu) schedIn(k, bp);
  }
}
