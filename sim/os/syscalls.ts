// The Linux ppc64 system calls a small program needs, with the kernel's calling convention:
// number in r0, arguments in r3..r8, result in r3; an error sets CR0.SO and puts the positive errno
// in r3, success clears CR0.SO. Copies into user memory go through the host, which makes them the
// kernel-mode stores (<= 8 bytes, ascending) that watchpoints see.
import type { ThreadState } from '../cpu/thread-state';

export interface SyscallHost {
  /** kernel stores of <= 8 bytes in ascending order; false = EFAULT */
  copyToUser(ea: bigint, bytes: Uint8Array): boolean;
  copyFromUser(ea: bigint, len: number): Uint8Array | undefined;
  /** fd 1 and 2 */
  writeOutput(fd: number, bytes: Uint8Array): void;
  /** fd 0 */
  readInput(fd: number, max: number): Uint8Array;
  pid: number;
  cwd: string;
}

export type SyscallOutcome = { kind: 'return' } | { kind: 'exit'; code: number } | { kind: 'yield' };

export const SYS = { exit: 1, read: 3, write: 4, getpid: 20, sched_yield: 158, getcwd: 182, exit_group: 234 } as const;
export const SYSCALL_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SYS).map(([k, v]) => [v, k]));

export const ERRNO = { EBADF: 9, EFAULT: 14, EINVAL: 22, ERANGE: 34, ENOSYS: 38 } as const;

const CR0_SO = 0x10000000;
/** Transfers larger than this are cut short, as a pipe would (keeps a wild count from allocating gigabytes). */
const MAX_IO = 1 << 20;

function ok(t: ThreadState, v: bigint): SyscallOutcome {
  t.setGpr(3, v);
  t.cr = t.cr & ~CR0_SO;
  return { kind: 'return' };
}
function fail(t: ThreadState, errno: number): SyscallOutcome {
  t.setGpr(3, BigInt(errno));
  t.cr = (t.cr | CR0_SO) >>> 0;
  return { kind: 'return' };
}

export function doSyscall(t: ThreadState, host: SyscallHost): SyscallOutcome {
  const nr = t.getGpr(0);
  const arg = (i: number) => t.getGpr(3 + i);
  switch (nr) {
    case 1n:
    case 234n:
      return { kind: 'exit', code: Number(arg(0) & 0xffn) };
    case 3n: {
      const fd = BigInt.asIntN(64, arg(0));
      const buf = arg(1);
      const count = arg(2);
      if (fd !== 0n) return fail(t, ERRNO.EBADF);
      if (count === 0n) return ok(t, 0n);
      const data = host.readInput(0, Number(count < BigInt(MAX_IO) ? count : BigInt(MAX_IO)));
      if (data.length > 0 && !host.copyToUser(buf, data)) return fail(t, ERRNO.EFAULT);
      return ok(t, BigInt(data.length));
    }
    case 4n: {
      const fd = BigInt.asIntN(64, arg(0));
      const buf = arg(1);
      const count = arg(2);
      if (fd !== 1n && fd !== 2n) return fail(t, ERRNO.EBADF);
      if (count === 0n) return ok(t, 0n);
      const n = Number(count < BigInt(MAX_IO) ? count : BigInt(MAX_IO));
      const bytes = host.copyFromUser(buf, n);
      if (!bytes) return fail(t, ERRNO.EFAULT);
      host.writeOutput(Number(fd), bytes);
      return ok(t, BigInt(n));
    }
    case 20n:
      return ok(t, BigInt(host.pid));
    case 158n:
      ok(t, 0n);
      return { kind: 'yield' };
    case 182n: {
      const buf = arg(0);
      const size = arg(1);
      const path = new TextEncoder().encode(host.cwd + '\0');
      if (size < BigInt(path.length)) return fail(t, ERRNO.ERANGE);
      if (!host.copyToUser(buf, path)) return fail(t, ERRNO.EFAULT);
      return ok(t, BigInt(path.length));
    }
    default:
      return fail(t, ERRNO.ENOSYS);
  }
}
