// Results of the ptrace and perf call surfaces: a value or an errno name, never an exception.
// The kernel returns -errno; the product shows the name and a sentence that says why.

export type Errno =
  'ENOSPC' | 'EINVAL' | 'ENODEV' | 'EPERM' | 'ENOENT' | 'EIO' | 'ENOTSUPP' | 'EBADF' | 'EBUSY' | 'ESRCH' | 'ENOMEM';

/** Kernel-internal errno numbers (ENOTSUPP is 524, which user space sees as a bare number). */
export const ERRNO_NUMBERS: Record<Errno, number> = {
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EIO: 5,
  EBADF: 9,
  ENOMEM: 12,
  EBUSY: 16,
  ENODEV: 19,
  EINVAL: 22,
  ENOSPC: 28,
  ENOTSUPP: 524,
};

/** A refusal: the errno and a sentence in the kernel's terms. */
export interface Refusal {
  ok: false;
  errno: Errno;
  message: string;
}

export type SysResult<T> = { ok: true; value: T } | Refusal;

export function refuse(errno: Errno, message: string): Refusal {
  return { ok: false, errno, message: `${errno}: ${message}` };
}

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
