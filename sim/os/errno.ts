// Linux's errno numbers for powerpc (asm-generic/errno-base.h and errno.h; powerpc differs only in
// EDEADLOCK, which the simulated kernel never returns). A system call returns -errno in r3 with CR0.SO.

export const E = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  EIO: 5,
  ENXIO: 6,
  E2BIG: 7,
  ENOEXEC: 8,
  EBADF: 9,
  ECHILD: 10,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  ENOTBLK: 15,
  EBUSY: 16,
  EEXIST: 17,
  EXDEV: 18,
  ENODEV: 19,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENFILE: 23,
  EMFILE: 24,
  ENOTTY: 25,
  ETXTBSY: 26,
  EFBIG: 27,
  ENOSPC: 28,
  ESPIPE: 29,
  EROFS: 30,
  EMLINK: 31,
  EPIPE: 32,
  EDOM: 33,
  ERANGE: 34,
  EDEADLK: 35,
  ENAMETOOLONG: 36,
  ENOLCK: 37,
  ENOSYS: 38,
  ENOTEMPTY: 39,
  ELOOP: 40,
  ENOMSG: 42,
  EIDRM: 43,
  ENODATA: 61,
  EOVERFLOW: 75,
  EBADFD: 77,
  ENOTSOCK: 88,
  EPROTONOSUPPORT: 93,
  EOPNOTSUPP: 95,
  EAFNOSUPPORT: 97,
  EADDRINUSE: 98,
  EISCONN: 106,
  ENOTCONN: 107,
  ECONNREFUSED: 111,
  ETIMEDOUT: 110,
  ENOTSUPP: 524,
  // kernel-internal: a system call interrupted by a signal, restarted or turned into EINTR on the way
  // back to user mode (include/linux/errno.h); a program never sees them unless a tracer looks
  ERESTARTSYS: 512,
  ERESTARTNOINTR: 513,
  ERESTARTNOHAND: 514,
  ERESTART_RESTARTBLOCK: 516,
} as const;

export type ErrnoName = keyof typeof E;

const NAMES = new Map<number, string>(Object.entries(E).map(([k, v]) => [v, k]));

/** The errno's name (EINVAL), or its number as text when it has none here. */
export function errnoName(n: number): string {
  return NAMES.get(n) ?? String(n);
}
