// hw_breakpoint_event_init / register_perf_hw_breakpoint (SEMANTICS §2.1) and the destroy path
// (unregister_hw_breakpoint, release_bp_slot). The order is the point:
//   1. reserve the slot (EINVAL for type 0/7, ENOSPC; PRE: the exclusion ENOSPC) -- so ENOSPC wins
//      over every EINVAL of step 2;
//   2. parse (hw_breakpoint_arch_parse), releasing the slot on failure;
//   3. the generic kernel-address check: EINVAL with exclude_kernel, EPERM without CAP_SYS_ADMIN.
import { hwBreakpointArchParse } from './arch-parse';
import type { ArchHwBreakpoint, Breakpoint, BreakpointAttr, BreakpointCreator, Owner } from './breakpoint';
import { refuse, success, type Refusal, type SysResult } from './errno';
import { isKernelAddr } from './exclusion';
import type { HwbpKernel } from './kernel-state';
import { eventDisable, schedIn } from './perf-schedule';

export interface NewBreakpoint {
  name: string;
  owner: Owner;
  attr: BreakpointAttr;
  /** pid, or undefined for a per-CPU event */
  target: number | undefined;
  /** -1 per task, >= 0 per CPU or task on CPU */
  cpu: number;
  /** the process that asks (absent: the external tracer) */
  by?: BreakpointCreator;
}

/** hw_breakpoint_parse: the arch parse, then the kernel-space rule (arch_check_bp_in_kernelspace). */
export function hwBreakpointParse(k: HwbpKernel, attr: BreakpointAttr): { ok: true; info: ArchHwBreakpoint } | Refusal {
  const parsed = hwBreakpointArchParse(attr, k.model);
  if (!parsed.ok) return parsed;
  if (isKernelAddr(parsed.info.address)) {
    if (attr.excludeKernel) return refuse('EINVAL', 'a kernel address cannot be watched with exclude_kernel set');
    if (!k.capSysAdmin) return refuse('EPERM', 'watching a kernel address needs CAP_SYS_ADMIN');
  }
  return parsed;
}

/** Create and register a breakpoint; on success it is reserved, and scheduled if enabled. */
export function registerHwBreakpoint(k: HwbpKernel, spec: NewBreakpoint): SysResult<Breakpoint> {
  const bp: Breakpoint = {
    name: spec.name,
    owner: spec.owner,
    attr: { ...spec.attr },
    info: { address: spec.attr.bpAddr, len: 0, hwLen: 0, type: 0, perfSingleStep: false },
    target: spec.target,
    cpu: spec.cpu,
    count: 0,
    state: spec.attr.disabled ? 'off' : 'inactive',
    ...(spec.by ? { by: spec.by } : {}),
  };
  const r = k.reservations.reserve(bp);
  if (r) return r;
  const parsed = hwBreakpointParse(k, bp.attr);
  if (!parsed.ok) {
    k.reservations.release(bp);
    return parsed;
  }
  bp.info = parsed.info;
  k.live.add(bp);
  schedIn(k, bp);
  return success(bp);
}

/** unregister_hw_breakpoint / perf_event_release_kernel: off the CPU, then release_bp_slot. */
export function unregisterHwBreakpoint(k: HwbpKernel, bp: Breakpoint): void {
  if (!k.live.has(bp)) return;
  eventDisable(k, bp, 'closed');
  // PRE arch_unregister_hw_breakpoint: clear the target thread's last_hit_ubp (via bp->ctx->task;
  // a per-CPU event has no task, and an exited task's context is a tombstone).
  if (k.policy === '6.5' && bp.target !== undefined) {
    const th = k.threads.get(bp.target);
    if (th && !th.exited)
      th.lastHitUbp.forEach((b, i) => {
        if (b === bp) th.lastHitUbp[i] = null;
      });
  }
  if (!k.reservations.release(bp)) {
    k.warn('release', `WARNING: release_bp_slot: ${bp.name} held no slot reservation (toggle_bp_slot failed)`, false);
  }
  k.live.delete(bp);
  bp.state = 'dead';
}
