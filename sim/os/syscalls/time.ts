// Time system calls over the machine's virtual clock (sim/os/clock.ts): clock_gettime and friends,
// and sleeping, which moves the clock forward instead of waiting.
import { E } from '../errno';
import { fail, type SyscallContext, type SyscallDef } from './context';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
const NS = 1_000_000_000n;

/** the clock's value in ns, or undefined for an invalid clock id */
function clockNs(ctx: SyscallContext, id: number): bigint | undefined {
  const c = ctx.kernel.clock;
  switch (id) {
    case 0: // REALTIME
    case 5: // REALTIME_COARSE
    case 8: // REALTIME_ALARM
    case 11: // TAI
      return c.realtimeNs();
    case 1: // MONOTONIC
    case 4: // MONOTONIC_RAW
    case 6: // MONOTONIC_COARSE
    case 7: // BOOTTIME
    case 9: // BOOTTIME_ALARM
      return c.monotonicNs();
    case 2: // PROCESS_CPUTIME_ID
    case 3: // THREAD_CPUTIME_ID
      return c.cpuNs();
    default:
      // negative ids name a process's or thread's CPU clock (clock_getcpuclockid)
      return id < 0 ? c.cpuNs() : undefined;
  }
}

function timespec(ns: bigint): Uint8Array {
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  dv.setBigInt64(0, ns / NS, true);
  dv.setBigInt64(8, ns % NS, true);
  return out;
}

function sysClockGettime(ctx: SyscallContext): bigint {
  const ns = clockNs(ctx, int(ctx.arg(0)));
  if (ns === undefined) return fail(E.EINVAL);
  return ctx.copyToUser(ctx.arg(1), timespec(ns)) ? 0n : fail(E.EFAULT);
}

function sysClockGetres(ctx: SyscallContext): bigint {
  const id = int(ctx.arg(0));
  if (clockNs(ctx, id) === undefined) return fail(E.EINVAL);
  if (ctx.arg(1) === 0n) return 0n;
  const coarse = id === 5 || id === 6;
  return ctx.copyToUser(ctx.arg(1), timespec(coarse ? 10_000_000n : 1n)) ? 0n : fail(E.EFAULT);
}

function sysGettimeofday(ctx: SyscallContext): bigint {
  const tv = ctx.arg(0);
  if (tv !== 0n) {
    const ns = ctx.kernel.clock.realtimeNs();
    const out = new Uint8Array(16);
    const dv = new DataView(out.buffer);
    dv.setBigInt64(0, ns / NS, true);
    dv.setBigInt64(8, (ns % NS) / 1000n, true);
    if (!ctx.copyToUser(tv, out)) return fail(E.EFAULT);
  }
  const tz = ctx.arg(1);
  if (tz !== 0n && !ctx.copyToUser(tz, new Uint8Array(8))) return fail(E.EFAULT);
  return 0n;
}

function sysTime(ctx: SyscallContext): bigint {
  const s = ctx.kernel.clock.realtimeNs() / NS;
  if (ctx.arg(0) !== 0n) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigInt64(0, s, true);
    if (!ctx.copyToUser(ctx.arg(0), out)) return fail(E.EFAULT);
  }
  return s;
}

/** times(buf): struct tms (4 longs, in clock ticks of 100 Hz); returns ticks since boot */
function sysTimes(ctx: SyscallContext): bigint {
  const ticks = (ctx.kernel.clock.monotonicNs() * 100n) / NS;
  if (ctx.arg(0) !== 0n) {
    const out = new Uint8Array(32);
    const dv = new DataView(out.buffer);
    dv.setBigInt64(0, (ctx.kernel.clock.cpuNs() * 100n) / NS, true); // utime: the instructions executed
    if (!ctx.copyToUser(ctx.arg(0), out)) return fail(E.EFAULT);
  }
  return ticks;
}

function readTimespec(ctx: SyscallContext, ea: bigint): bigint | number {
  const b = ctx.copyFromUser(ea, 16);
  if (!b) return E.EFAULT;
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  const s = dv.getBigInt64(0, true);
  const ns = dv.getBigInt64(8, true);
  if (s < 0n || ns < 0n || ns >= NS) return E.EINVAL;
  return s * NS + ns;
}

/**
 * Sleeps until CLOCK_MONOTONIC reaches `deadline`: the task leaves the run queue and the clock
 * moves on without it (when every task sleeps, straight to the earliest wake-up). A signal ends the
 * sleep early: a relative sleep writes the time left to `rmtp` and returns -ERESTART_RESTARTBLOCK
 * (EINTR after a handler, resumed by restart_syscall with the same deadline when no handler runs),
 * an absolute one returns -ERESTARTNOHAND. `data` rides along to the next try.
 */
export function sleepUntil(
  ctx: SyscallContext,
  deadline: bigint,
  rmtp: bigint,
  absolute: boolean,
  data: object = {},
): bigint {
  const c = ctx.kernel.clock;
  const now = c.monotonicNs();
  if (now >= deadline) return 0n;
  if (ctx.signalPending?.()) {
    if (absolute) return fail(E.ERESTARTNOHAND);
    if (rmtp !== 0n && !ctx.copyToUser(rmtp, timespec(deadline - now))) return fail(E.EFAULT);
    ctx.setRestartBlock?.({ kind: 'nanosleep', deadlineNs: deadline, rmtp, clock: 'monotonic', absolute });
    return fail(E.ERESTART_RESTARTBLOCK);
  }
  if (!ctx.block) {
    // a host running one call alone: the time passes at once
    c.advanceToMonotonic(deadline);
    return 0n;
  }
  return ctx.block({ why: 'nanosleep', deadlineNs: deadline, data: { ...data, deadline } });
}

/** the deadline of the sleep being resumed, or the one this first try computes */
function resumedDeadline(ctx: SyscallContext): bigint | undefined {
  return (ctx.resumed?.data as { deadline?: bigint } | undefined)?.deadline;
}

function sysNanosleep(ctx: SyscallContext): bigint {
  let deadline = resumedDeadline(ctx);
  if (deadline === undefined) {
    const d = readTimespec(ctx, ctx.arg(0));
    if (typeof d === 'number') return fail(d);
    deadline = ctx.kernel.clock.monotonicNs() + d;
  }
  return sleepUntil(ctx, deadline, ctx.arg(1), false);
}

function sysClockNanosleep(ctx: SyscallContext): bigint {
  const id = int(ctx.arg(0));
  const flags = int(ctx.arg(1));
  const TIMER_ABSTIME = 1;
  const absolute = (flags & TIMER_ABSTIME) !== 0;
  let deadline = resumedDeadline(ctx);
  if (deadline === undefined) {
    const base = clockNs(ctx, id);
    if (base === undefined || id === 3) return fail(E.EINVAL);
    const d = readTimespec(ctx, ctx.arg(2));
    if (typeof d === 'number') return fail(d);
    // on CLOCK_MONOTONIC: an absolute time of another clock moves with that clock's offset
    const mono = ctx.kernel.clock.monotonicNs();
    deadline = absolute ? mono + (d - base) : mono + d;
  }
  return sleepUntil(ctx, deadline, absolute ? 0n : ctx.arg(3), absolute);
}

/** getrusage(who, usage): struct rusage with the CPU times filled */
function sysGetrusage(ctx: SyscallContext): bigint {
  const who = int(ctx.arg(0));
  if (who !== 0 && who !== -1 && who !== 1) return fail(E.EINVAL);
  const out = new Uint8Array(144);
  const dv = new DataView(out.buffer);
  const cpu = who === -1 ? 0n : ctx.kernel.clock.cpuNs();
  dv.setBigInt64(0, cpu / NS, true);
  dv.setBigInt64(8, (cpu % NS) / 1000n, true);
  return ctx.copyToUser(ctx.arg(1), out) ? 0n : fail(E.EFAULT);
}

export const TIME_SYSCALLS: readonly SyscallDef[] = [
  [13, 'time', sysTime],
  [43, 'times', sysTimes],
  [77, 'getrusage', sysGetrusage],
  [78, 'gettimeofday', sysGettimeofday],
  [162, 'nanosleep', sysNanosleep],
  [246, 'clock_gettime', sysClockGettime],
  [247, 'clock_getres', sysClockGetres],
  [248, 'clock_nanosleep', sysClockNanosleep],
];
