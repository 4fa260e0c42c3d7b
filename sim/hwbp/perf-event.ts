// perf_event_open of PERF_TYPE_BREAKPOINT events, and the fd operations on them: enable, disable,
// reset, read, close (close = destroy: uninstall, then release the reservation).
// fds are numbered like a process's: the lowest free number from 3.
import { perfBreakpointName } from './breakpoint-name';
import {
  HW_BREAKPOINT_R,
  HW_BREAKPOINT_W,
  HW_BREAKPOINT_X,
  type Breakpoint,
  type BreakpointCreator,
} from './breakpoint';
import { refuse, success, type SysResult } from './errno';
import type { HwbpKernel } from './kernel-state';
import { eventDisable, eventEnable } from './perf-schedule';
import { registerHwBreakpoint, unregisterHwBreakpoint } from './register';

export const PERF_BP_TYPES = ['r', 'w', 'rw', 'x'] as const;
export type PerfBpType = (typeof PERF_BP_TYPES)[number];

export interface PerfOpenArgs {
  /** the name decisions and the panel use (`perf:ID`); default the fd number */
  id?: string;
  /** target pid; omitted for a per-CPU event */
  pid?: number;
  /** -1 (default) per task; >= 0 per CPU or task on CPU */
  cpu?: number;
  addr: bigint;
  len: bigint;
  /** a name, or raw generic bp_type bits */
  type: PerfBpType | number;
  excludeUser?: boolean;
  excludeKernel?: boolean;
  excludeHv?: boolean;
  disabled?: boolean;
  /** perf_event_open breakpoints default to pinned = 0 */
  pinned?: boolean;
}

export function bpTypeOf(type: PerfBpType | number): number {
  if (typeof type === 'number') return type;
  return { r: HW_BREAKPOINT_R, w: HW_BREAKPOINT_W, rw: HW_BREAKPOINT_R | HW_BREAKPOINT_W, x: HW_BREAKPOINT_X }[type];
}

export interface PerfFile {
  fd: number;
  id: string;
  bp: Breakpoint;
  closed: boolean;
}

export class PerfFdTable {
  /** open fds */
  readonly open = new Map<number, PerfFile>();
  /** every event ever opened, closed ones included (for the panel) */
  readonly history: PerfFile[] = [];

  lowestFree(): number {
    let fd = 3;
    while (this.open.has(fd)) fd++;
    return fd;
  }

  get(fd: number): SysResult<PerfFile> {
    const f = this.open.get(fd);
    return f ? success(f) : refuse('EBADF', `fd ${fd} is not an open perf event`);
  }
}

export function perfEventOpen(k: HwbpKernel, table: PerfFdTable, a: PerfOpenArgs): SysResult<number> {
  const fd = table.lowestFree();
  const r = perfEventCreate(k, table, a, a.id ?? String(fd), fd);
  if (!r.ok) return r;
  table.open.set(fd, r.value);
  return success(fd);
}

/** perf_event_open's checks and the event's creation; the event is listed in the table's history
 * (the counters the panel shows) under `id`, numbered `fd`, but not put in its open fds. */
export function perfEventCreate(
  k: HwbpKernel,
  table: PerfFdTable,
  a: PerfOpenArgs & { by?: BreakpointCreator },
  id: string,
  fd: number,
): SysResult<PerfFile> {
  const cpu = a.cpu ?? -1;
  // The generic checks of perf_event_open that come before the breakpoint code.
  if (a.pid !== undefined) {
    const th = k.threads.get(a.pid);
    if (!th || th.exited) return refuse('ESRCH', `no task with pid ${a.pid}`);
  }
  if (a.pid === undefined && cpu === -1) return refuse('EINVAL', 'a per-CPU event needs a CPU (pid -1 and cpu -1)');
  if (cpu < -1 || cpu >= k.cpus) return refuse('EINVAL', `cpu ${cpu} does not exist (the machine has ${k.cpus})`);
  const r = registerHwBreakpoint(k, {
    name: perfBreakpointName(id),
    owner: 'perf',
    attr: {
      bpAddr: a.addr,
      bpLen: a.len,
      bpType: bpTypeOf(a.type),
      excludeUser: a.excludeUser ?? false,
      excludeKernel: a.excludeKernel ?? false,
      excludeHv: a.excludeHv ?? false,
      pinned: a.pinned ?? false,
      disabled: a.disabled ?? false,
    },
    target: a.pid,
    cpu,
    ...(a.by ? { by: a.by } : {}),
  });
  if (!r.ok) return r;
  // perf_event_open checks that a per-CPU event's CPU is online only after the event (and so its
  // reservation) was created; the event is then destroyed again.
  if (a.pid === undefined && !k.online[cpu]) {
    unregisterHwBreakpoint(k, r.value);
    return refuse('ENODEV', `cpu${cpu} is offline`);
  }
  const f: PerfFile = { fd, id, bp: r.value, closed: false };
  table.history.push(f);
  return success(f);
}

export function perfEnable(k: HwbpKernel, table: PerfFdTable, fd: number): SysResult<0> {
  const f = table.get(fd);
  if (!f.ok) return f;
  eventEnable(k, f.value.bp);
  return success(0);
}

export function perfDisable(k: HwbpKernel, table: PerfFdTable, fd: number): SysResult<0> {
  const f = table.get(fd);
  if (!f.ok) return f;
  eventDisable(k, f.value.bp);
  return success(0);
}

export function perfReset(table: PerfFdTable, fd: number): SysResult<0> {
  const f = table.get(fd);
  if (!f.ok) return f;
  f.value.bp.count = 0;
  return success(0);
}

export function perfRead(table: PerfFdTable, fd: number): SysResult<number> {
  const f = table.get(fd);
  if (!f.ok) return f;
  return success(f.value.bp.count);
}

export function perfClose(k: HwbpKernel, table: PerfFdTable, fd: number): SysResult<0> {
  const f = table.get(fd);
  if (!f.ok) return f;
  unregisterHwBreakpoint(k, f.value.bp);
  f.value.closed = true;
  table.open.delete(fd);
  return success(0);
}
