// struct itimerspec as timer_settime/timer_gettime and timerfd_settime/timerfd_gettime read and
// write it: it_interval then it_value, each a struct timespec (64-bit seconds, nanoseconds).
import { E } from '../errno';
import type { ItimerValue, SyscallContext } from './context';

const NS = 1_000_000_000n;

/** The user's itimerspec in ns; undefined when a field is invalid (EINVAL); an errno when unreadable. */
export function readItimerspec(ctx: SyscallContext, ea: bigint): ItimerValue | undefined | number {
  const b = ctx.copyFromUser(ea, 32);
  if (!b) return E.EFAULT;
  const dv = new DataView(b.buffer, b.byteOffset, 32);
  const ts = (off: number): bigint | undefined => {
    const s = dv.getBigInt64(off, true);
    const ns = dv.getBigInt64(off + 8, true);
    return s < 0n || ns < 0n || ns >= NS ? undefined : s * NS + ns;
  };
  const interval = ts(0);
  const value = ts(16);
  return interval === undefined || value === undefined ? undefined : { intervalNs: interval, valueNs: value };
}

export function itimerspecBytes(v: ItimerValue): Uint8Array {
  const out = new Uint8Array(32);
  const dv = new DataView(out.buffer);
  dv.setBigInt64(0, v.intervalNs / NS, true);
  dv.setBigInt64(8, v.intervalNs % NS, true);
  dv.setBigInt64(16, v.valueNs / NS, true);
  dv.setBigInt64(24, v.valueNs % NS, true);
  return out;
}
