// Process lifetime calls: exit and exit_group, and giving up the CPU.
import { E } from '../errno';
import { fail, type SyscallContext, type SyscallDef } from './context';

const NS = 1_000_000_000n;

function sysExit(ctx: SyscallContext): bigint {
  ctx.exit(Number(ctx.arg(0) & 0xffn));
  return 0n;
}

function sysSchedYield(ctx: SyscallContext): bigint {
  ctx.yieldCpu();
  return 0n;
}

/**
 * futex: with one thread per process nothing can wake a waiter. A wait whose value differs fails
 * with EAGAIN; one with a timeout sleeps until it (the clock moves on, as nanosleep's does) and fails
 * with ETIMEDOUT; one without a timeout would sleep forever, and gets ENOSYS instead. FUTEX_WAIT's
 * timeout is relative (CLOCK_MONOTONIC), FUTEX_WAIT_BITSET's absolute (CLOCK_MONOTONIC, or
 * CLOCK_REALTIME with FUTEX_CLOCK_REALTIME). Wakes find no waiter.
 */
function sysFutex(ctx: SyscallContext): bigint {
  const uaddr = ctx.arg(0);
  const cmd = Number(ctx.arg(1) & 0x7fn); // without FUTEX_PRIVATE_FLAG (128), FUTEX_CLOCK_REALTIME (256)
  const realtime = (ctx.arg(1) & 256n) !== 0n;
  const WAIT = 0;
  const WAKE = 1;
  const WAIT_BITSET = 9;
  const WAKE_BITSET = 10;
  if (cmd !== WAIT && cmd !== WAKE && cmd !== WAIT_BITSET && cmd !== WAKE_BITSET) return fail(E.ENOSYS);
  if (realtime && cmd !== WAIT && cmd !== WAIT_BITSET) return fail(E.ENOSYS);
  // the timeout is read and checked first (sys_futex), then the address (get_futex_key)
  let timeout: bigint | undefined;
  if ((cmd === WAIT || cmd === WAIT_BITSET) && ctx.arg(3) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(3), 16);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 16);
    const s = dv.getBigInt64(0, true);
    const ns = dv.getBigInt64(8, true);
    if (s < 0n || ns < 0n || ns >= NS) return fail(E.EINVAL);
    timeout = s * NS + ns;
  }
  if ((cmd === WAIT_BITSET || cmd === WAKE_BITSET) && (ctx.arg(5) & 0xffffffffn) === 0n) return fail(E.EINVAL);
  if (uaddr % 4n !== 0n) return fail(E.EINVAL);
  if (cmd === WAKE || cmd === WAKE_BITSET) return 0n;
  const b = ctx.copyFromUser(uaddr, 4);
  if (!b) return fail(E.EFAULT);
  const v = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
  if (v !== Number(ctx.arg(2) & 0xffffffffn)) return fail(E.EAGAIN);
  if (timeout === undefined) return fail(E.ENOSYS);
  const c = ctx.kernel.clock;
  // the deadline on CLOCK_MONOTONIC
  const deadline = cmd === WAIT ? c.monotonicNs() + timeout : realtime ? timeout - (c.realtimeNs() - c.monotonicNs()) : timeout;
  c.advanceToMonotonic(deadline);
  return fail(E.ETIMEDOUT);
}

export const PROCESS_SYSCALLS: readonly SyscallDef[] = [
  [1, 'exit', sysExit],
  [158, 'sched_yield', sysSchedYield],
  [221, 'futex', sysFutex],
  [234, 'exit_group', sysExit],
];
