// The scheduling-policy calls (sched_setscheduler and the rest): a process's policy and static
// priority as sched/core.c checks and reports them. The machine's own scheduler does not change with
// them (every task is run the same way); a program sees its settings, the limits and the RR slice.
// Another process (it must exist, else ESRCH) reads as the default: SCHED_OTHER, priority 0.
import { E } from '../errno';
import { fail, type SyscallContext, type SyscallDef } from './context';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));

export const SCHED = { OTHER: 0, FIFO: 1, RR: 2, BATCH: 3, IDLE: 5, DEADLINE: 6 } as const;
/** sched_setscheduler's flag: children start with the default policy */
const RESET_ON_FORK = 0x40000000;
/** RR_TIMESLICE: 100 ms */
const RR_SLICE_NS = 100_000_000n;

const realtime = (policy: number) => policy === SCHED.FIFO || policy === SCHED.RR;
const valid = (policy: number) => [SCHED.OTHER, SCHED.FIFO, SCHED.RR, SCHED.BATCH, SCHED.IDLE].includes(policy as 0);

/** The caller's settings, or the default for another existing process; -errno for a bad or missing pid. */
function target(ctx: SyscallContext, pid: number): { policy: number; priority: number; self: boolean } | number {
  if (pid < 0) return -E.EINVAL;
  if (pid === 0 || pid === ctx.pid || pid === ctx.proc.pid) return { ...ctx.proc.sched, self: true };
  if (!ctx.process || ctx.process.getpgid(pid) < 0) return -E.ESRCH;
  return { policy: SCHED.OTHER, priority: 0, self: false };
}

/** sched_setscheduler/sched_setparam's checks (__sched_setscheduler): 0 or an errno. Root may take any. */
function check(policy: number, priority: number): number {
  if (!valid(policy)) return E.EINVAL;
  if (realtime(policy) ? priority < 1 || priority > 99 : priority !== 0) return E.EINVAL;
  return 0;
}

function readPriority(ctx: SyscallContext, ea: bigint): number | undefined {
  if (ea === 0n) return undefined;
  const b = ctx.copyFromUser(ea, 4);
  return b ? new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true) : undefined;
}

function sysSchedSetscheduler(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  const raw = int(ctx.arg(1));
  if (ctx.arg(2) === 0n || pid < 0) return fail(E.EINVAL);
  const priority = readPriority(ctx, ctx.arg(2));
  if (priority === undefined) return fail(E.EFAULT);
  const t = target(ctx, pid);
  if (typeof t === 'number') return fail(-t);
  const policy = raw & ~RESET_ON_FORK;
  const bad = check(policy, priority);
  if (bad) return fail(bad);
  if (t.self) ctx.proc.sched = { policy, priority, resetOnFork: (raw & RESET_ON_FORK) !== 0 };
  return 0n;
}

function sysSchedSetparam(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  if (ctx.arg(1) === 0n || pid < 0) return fail(E.EINVAL);
  const priority = readPriority(ctx, ctx.arg(1));
  if (priority === undefined) return fail(E.EFAULT);
  const t = target(ctx, pid);
  if (typeof t === 'number') return fail(-t);
  const bad = check(t.policy, priority);
  if (bad) return fail(bad);
  if (t.self) ctx.proc.sched = { ...ctx.proc.sched, priority };
  return 0n;
}

function sysSchedGetscheduler(ctx: SyscallContext): bigint {
  const t = target(ctx, int(ctx.arg(0)));
  if (typeof t === 'number') return fail(-t);
  return BigInt(t.policy | (t.self && ctx.proc.sched.resetOnFork ? RESET_ON_FORK : 0));
}

function sysSchedGetparam(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  if (ctx.arg(1) === 0n || pid < 0) return fail(E.EINVAL);
  const t = target(ctx, pid);
  if (typeof t === 'number') return fail(-t);
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, t.priority, true);
  return ctx.copyToUser(ctx.arg(1), out) ? 0n : fail(E.EFAULT);
}

function sysPriorityMax(ctx: SyscallContext): bigint {
  const policy = int(ctx.arg(0));
  if (realtime(policy)) return 99n;
  return valid(policy) || policy === SCHED.DEADLINE ? 0n : fail(E.EINVAL);
}

function sysPriorityMin(ctx: SyscallContext): bigint {
  const policy = int(ctx.arg(0));
  if (realtime(policy)) return 1n;
  return valid(policy) || policy === SCHED.DEADLINE ? 0n : fail(E.EINVAL);
}

/**
 * sched_rr_get_interval: SCHED_RR's 100 ms slice; 0 for SCHED_FIFO, and for the fair policies too
 * (6.6's EEVDF slice, sysctl_sched_base_slice 0.75 ms scaled by the CPU count, is under one jiffy).
 */
function sysSchedRrGetInterval(ctx: SyscallContext): bigint {
  const t = target(ctx, int(ctx.arg(0)));
  if (typeof t === 'number') return fail(-t);
  const ns = t.policy === SCHED.RR ? RR_SLICE_NS : 0n;
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  dv.setBigInt64(0, ns / 1_000_000_000n, true);
  dv.setBigInt64(8, ns % 1_000_000_000n, true);
  return ctx.copyToUser(ctx.arg(1), out) ? 0n : fail(E.EFAULT);
}

export const SCHED_SYSCALLS: readonly SyscallDef[] = [
  [154, 'sched_setparam', sysSchedSetparam],
  [155, 'sched_getparam', sysSchedGetparam],
  [156, 'sched_setscheduler', sysSchedSetscheduler],
  [157, 'sched_getscheduler', sysSchedGetscheduler],
  [159, 'sched_get_priority_max', sysPriorityMax],
  [160, 'sched_get_priority_min', sysPriorityMin],
  [161, 'sched_rr_get_interval', sysSchedRrGetInterval],
];
