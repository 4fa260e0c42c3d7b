// perf_event_open(attr, pid, cpu, group_fd, flags) and the ioctls of a perf event's descriptor, as
// kernel/events/core.c checks them. The attr is read from user memory (every size the uapi has had);
// what the event does is the machine's (sim/machine/guest-perf.ts, on the watchpoint subsystem).
import { E } from '../errno';
import type { PerfEventInode } from '../vfs/perf-event-file';
import { fail, type SyscallContext, type SyscallDef } from './context';
import { parsePerfAttr, PERF_ATTR_SIZE, PERF_FLAG } from './perf-calls';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));

/** the perf ioctls as powerpc encodes them (_IO is 0x20000000, _IOW 0x80000000, _IOR 0x40000000) */
export const PERF_IOC = {
  ENABLE: 0x20002400,
  DISABLE: 0x20002401,
  REFRESH: 0x20002402,
  RESET: 0x20002403,
  PERIOD: 0x80082404,
  SET_OUTPUT: 0x20002405,
  SET_FILTER: 0x80082406,
  ID: 0x40082407,
  SET_BPF: 0x80042408,
  PAUSE_OUTPUT: 0x80042409,
  QUERY_BPF: 0xc008240a,
  MODIFY_ATTRIBUTES: 0x8008240b,
} as const;
/** PERF_IOC_FLAG_GROUP: ENABLE, DISABLE and RESET act on the whole group */
const PERF_IOC_FLAG_GROUP = 1n;

/** perf_copy_attr from user memory; on E2BIG the size the kernel knows is written back into attr.size */
function readAttr(ctx: SyscallContext, ea: bigint) {
  const r = parsePerfAttr((off, len) => ctx.copyFromUser(ea + BigInt(off), len));
  if (!r.ok && r.writeSize) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, PERF_ATTR_SIZE, true);
    ctx.copyToUser(ea + 4n, b);
  }
  return r;
}

function sysPerfEventOpen(ctx: SyscallContext): bigint {
  if (!ctx.perf) return fail(E.ENOSYS);
  const flags = Number(ctx.arg(4) & 0xffffffffn);
  if (
    BigInt(flags) !== ctx.arg(4) ||
    flags & ~(PERF_FLAG.FD_NO_GROUP | PERF_FLAG.FD_OUTPUT | PERF_FLAG.PID_CGROUP | PERF_FLAG.FD_CLOEXEC)
  )
    return fail(E.EINVAL);
  const r = readAttr(ctx, ctx.arg(0));
  if (!r.ok) return fail(r.errno);
  const pid = int(ctx.arg(1));
  const cpu = int(ctx.arg(2));
  if (flags & PERF_FLAG.PID_CGROUP && (pid === -1 || cpu === -1)) return fail(E.EINVAL);
  // sample_period's top bit is rejected (freq mode takes a frequency instead)
  if ((r.attr.flags & (1n << 10n)) === 0n && r.attr.samplePeriod & (1n << 63n)) return fail(E.EINVAL);
  return BigInt(ctx.perf.open(r.attr, pid, cpu, int(ctx.arg(3)), flags));
}

/** perf_ioctl: the event's own ioctls; ENOTTY for any other */
export function perfIoctl(ctx: SyscallContext, inode: PerfEventInode, cmd: number): bigint {
  const e = inode.event;
  const arg = ctx.arg(2);
  const group = (arg & PERF_IOC_FLAG_GROUP) !== 0n;
  // perf_event_for_each: the event, or with the group flag every event of its group
  const each = (f: (x: typeof e) => void) => {
    if (!group) return f(e);
    f(e.leader);
    for (const s of e.leader.siblings) f(s);
  };
  switch (cmd) {
    case PERF_IOC.ENABLE:
      each((x) => x.enable());
      return 0n;
    case PERF_IOC.DISABLE:
      each((x) => x.disable());
      return 0n;
    case PERF_IOC.RESET:
      each((x) => x.reset());
      return 0n;
    case PERF_IOC.REFRESH:
      return BigInt(e.refresh(int(arg)));
    case PERF_IOC.PERIOD: {
      const b = ctx.copyFromUser(arg, 8);
      if (!b) return fail(E.EFAULT);
      return BigInt(e.period(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true)));
    }
    case PERF_IOC.ID: {
      const out = new Uint8Array(8);
      new DataView(out.buffer).setBigUint64(0, e.id, true);
      return ctx.copyToUser(arg, out) ? 0n : fail(E.EFAULT);
    }
    case PERF_IOC.SET_OUTPUT:
      // no ring buffers here: redirecting to nothing (-1) is accepted, to an event is not supported
      return int(arg) === -1 ? 0n : fail(E.EINVAL);
    case PERF_IOC.SET_FILTER:
      // filters apply to tracepoint events only
      return fail(E.EINVAL);
    case PERF_IOC.SET_BPF:
    case PERF_IOC.QUERY_BPF:
      return fail(E.EINVAL);
    case PERF_IOC.PAUSE_OUTPUT:
      return fail(E.EINVAL);
    case PERF_IOC.MODIFY_ATTRIBUTES: {
      const r = readAttr(ctx, arg);
      if (!r.ok) return fail(r.errno);
      return BigInt(e.modify(r.attr));
    }
    default:
      return fail(E.ENOTTY);
  }
}

export const PERF_SYSCALLS: readonly SyscallDef[] = [[319, 'perf_event_open', sysPerfEventOpen]];
