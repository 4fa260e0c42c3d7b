// Process lifetime calls: exit and exit_group, and giving up the CPU.
import { E } from '../errno';
import { fail, type SyscallContext, type SyscallDef } from './context';

function sysExit(ctx: SyscallContext): bigint {
  ctx.exit(Number(ctx.arg(0) & 0xffn));
  return 0n;
}

function sysSchedYield(ctx: SyscallContext): bigint {
  ctx.yieldCpu();
  return 0n;
}

/** futex: with one thread per process nothing can wake a waiter, so a wait whose value matches
 * would sleep forever: it fails with EAGAIN only when the value differs, else ENOSYS explains it. */
function sysFutex(ctx: SyscallContext): bigint {
  const op = Number(ctx.arg(1) & 0x7fn); // without FUTEX_PRIVATE_FLAG (128)
  const WAIT = 0;
  const WAKE = 1;
  const WAIT_BITSET = 9;
  const WAKE_BITSET = 10;
  if (op === WAKE || op === WAKE_BITSET) return 0n;
  if (op === WAIT || op === WAIT_BITSET) {
    const b = ctx.copyFromUser(ctx.arg(0), 4);
    if (!b) return fail(E.EFAULT);
    const v = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
    if (v !== Number(ctx.arg(2) & 0xffffffffn)) return fail(E.EAGAIN);
    return fail(E.ENOSYS);
  }
  return fail(E.ENOSYS);
}

export const PROCESS_SYSCALLS: readonly SyscallDef[] = [
  [1, 'exit', sysExit],
  [158, 'sched_yield', sysSchedYield],
  [221, 'futex', sysFutex],
  [234, 'exit_group', sysExit],
];
