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
  // Signals (optional: a host without them answers ENOSYS, as the standalone runner does).
  /** rt_sigaction: validate, install `act` if given, return the previous action */
  sigaction?(signo: number, act: SigActionValue | undefined): SyscallValue<SigActionValue>;
  /** rt_sigprocmask: change the blocked mask (`set` absent: only read it), return the previous one */
  sigprocmask?(how: number, set: bigint | undefined): SyscallValue<bigint>;
  /** kill / tkill / tgkill: 0 or an errno */
  kill?(req: KillRequest): number;
  /** rt_sigreturn: the host restores every register itself (nothing is written to r3 afterwards) */
  sigreturn?(): void;
}

/** struct sigaction for ppc64: sa_handler +0, sa_flags +8, sa_restorer +16, sa_mask +24 */
export interface SigActionValue {
  handler: bigint;
  flags: bigint;
  restorer: bigint;
  mask: bigint;
}
export const SIGACTION_SIZE = 32;
/** sizeof(sigset_t) on ppc64, the only sigsetsize rt_sigaction and rt_sigprocmask accept */
export const SIGSET_SIZE = 8n;

export type SyscallValue<T> = { ok: true; value: T } | { ok: false; errno: number };

export type KillRequest =
  | { kind: 'kill'; pid: number; signo: number }
  | { kind: 'tkill'; tid: number; signo: number }
  | { kind: 'tgkill'; tgid: number; tid: number; signo: number };

export type SyscallOutcome = { kind: 'return' } | { kind: 'exit'; code: number } | { kind: 'yield' };

export const SYS = { exit: 1, read: 3, write: 4, getpid: 20, kill: 37, sched_yield: 158, rt_sigreturn: 172, rt_sigaction: 173, rt_sigprocmask: 174, getcwd: 182, tkill: 208, exit_group: 234, tgkill: 250 } as const;
export const SYSCALL_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SYS).map(([k, v]) => [v, k]));

export const ERRNO = { ESRCH: 3, EBADF: 9, EFAULT: 14, EINVAL: 22, ERANGE: 34, ENOSYS: 38 } as const;

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
    case 37n:
      if (!host.kill) return fail(t, ERRNO.ENOSYS);
      return status(t, host.kill({ kind: 'kill', pid: int32(arg(0)), signo: int32(arg(1)) }));
    case 208n:
      if (!host.kill) return fail(t, ERRNO.ENOSYS);
      return status(t, host.kill({ kind: 'tkill', tid: int32(arg(0)), signo: int32(arg(1)) }));
    case 250n:
      if (!host.kill) return fail(t, ERRNO.ENOSYS);
      return status(t, host.kill({ kind: 'tgkill', tgid: int32(arg(0)), tid: int32(arg(1)), signo: int32(arg(2)) }));
    case 172n:
      if (!host.sigreturn) return fail(t, ERRNO.ENOSYS);
      host.sigreturn();
      return { kind: 'return' };
    case 173n:
      return rtSigaction(t, host);
    case 174n:
      return rtSigprocmask(t, host);
    default:
      return fail(t, ERRNO.ENOSYS);
  }
}

function int32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

function status(t: ThreadState, errno: number): SyscallOutcome {
  return errno === 0 ? ok(t, 0n) : fail(t, errno);
}

function le64(bytes: Uint8Array, off: number): bigint {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(bytes[off + i]);
  return v;
}

function put64(out: Uint8Array, off: number, v: bigint): void {
  let x = BigInt.asUintN(64, v);
  for (let i = 0; i < 8; i++) {
    out[off + i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

/** rt_sigaction(sig, act, oact, sigsetsize): act is read before the change, oact written after. */
function rtSigaction(t: ThreadState, host: SyscallHost): SyscallOutcome {
  if (!host.sigaction) return fail(t, ERRNO.ENOSYS);
  const signo = int32(t.getGpr(3));
  const actPtr = t.getGpr(4);
  const oactPtr = t.getGpr(5);
  if (t.getGpr(6) !== SIGSET_SIZE) return fail(t, ERRNO.EINVAL);
  let act: SigActionValue | undefined;
  if (actPtr !== 0n) {
    const b = host.copyFromUser(actPtr, SIGACTION_SIZE);
    if (!b) return fail(t, ERRNO.EFAULT);
    act = { handler: le64(b, 0), flags: le64(b, 8), restorer: le64(b, 16), mask: le64(b, 24) };
  }
  const r = host.sigaction(signo, act);
  if (!r.ok) return fail(t, r.errno);
  if (oactPtr !== 0n) {
    const out = new Uint8Array(SIGACTION_SIZE);
    put64(out, 0, r.value.handler);
    put64(out, 8, r.value.flags);
    put64(out, 16, r.value.restorer);
    put64(out, 24, r.value.mask);
    if (!host.copyToUser(oactPtr, out)) return fail(t, ERRNO.EFAULT);
  }
  return ok(t, 0n);
}

/** rt_sigprocmask(how, set, oset, sigsetsize) */
function rtSigprocmask(t: ThreadState, host: SyscallHost): SyscallOutcome {
  if (!host.sigprocmask) return fail(t, ERRNO.ENOSYS);
  const how = int32(t.getGpr(3));
  const setPtr = t.getGpr(4);
  const osetPtr = t.getGpr(5);
  if (t.getGpr(6) !== SIGSET_SIZE) return fail(t, ERRNO.EINVAL);
  let set: bigint | undefined;
  if (setPtr !== 0n) {
    const b = host.copyFromUser(setPtr, 8);
    if (!b) return fail(t, ERRNO.EFAULT);
    set = le64(b, 0);
  }
  const r = host.sigprocmask(how, set);
  if (!r.ok) return fail(t, r.errno);
  if (osetPtr !== 0n) {
    const out = new Uint8Array(8);
    put64(out, 0, r.value);
    if (!host.copyToUser(osetPtr, out)) return fail(t, ERRNO.EFAULT);
  }
  return ok(t, 0n);
}
