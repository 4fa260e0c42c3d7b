// What the kernel keeps per process besides registers and memory contents: the file descriptors,
// the memory map, the working directory, and the small per-process settings glibc's start-up makes
// (set_tid_address, set_robust_list, rseq) and reads (resource limits).
import type { MemoryMap } from './memory-map';
import type { DirInode } from './vfs/inode';
import { FdTable } from './vfs/open-file';

export interface Rlimit {
  cur: bigint;
  max: bigint;
}
export const RLIM_INFINITY = 0xffffffffffffffffn;

/** Linux's defaults for a process started from a shell (RLIMIT_* numbers as the index) */
function defaultRlimits(): Rlimit[] {
  const inf = { cur: RLIM_INFINITY, max: RLIM_INFINITY };
  const r: Rlimit[] = Array.from({ length: 16 }, () => ({ ...inf }));
  r[3] = { cur: 8n * 1024n * 1024n, max: RLIM_INFINITY }; // RLIMIT_STACK
  r[4] = { cur: 0n, max: RLIM_INFINITY }; // RLIMIT_CORE
  r[6] = { cur: 63535n, max: 63535n }; // RLIMIT_NPROC
  // RLIMIT_NOFILE: systemd's default (1024:524288), so a program may raise its soft limit as on a distro
  r[7] = { cur: 1024n, max: 524288n };
  r[8] = { cur: 8n * 1024n * 1024n, max: 8n * 1024n * 1024n }; // RLIMIT_MEMLOCK
  r[11] = { cur: 63535n, max: 63535n }; // RLIMIT_SIGPENDING
  r[12] = { cur: 819200n, max: 819200n }; // RLIMIT_MSGQUEUE
  r[13] = { cur: 0n, max: 0n }; // RLIMIT_NICE
  r[14] = { cur: 0n, max: 0n }; // RLIMIT_RTPRIO
  return r;
}

export class ProcessState {
  fds = new FdTable();
  umask = 0o022;
  /** set_tid_address: cleared (and futex-woken) when the thread exits */
  clearChildTid = 0n;
  robustList = 0n;
  robustListLen = 0n;
  rseq = 0n;
  rseqLen = 0;
  rseqSig = 0;
  rlimits = defaultRlimits();
  /** sched_setscheduler's policy and static priority (sched.ts); fork keeps them unless resetOnFork */
  sched = { policy: 0, priority: 0, resetOnFork: false };
  /** the nice value (-20..19) getpriority/setpriority read and set */
  nice = 0;
  /** the thread's name (prctl PR_SET_NAME, /proc comm): the executable's base name until set */
  comm: string | undefined;
  ppid = 1;
  pgid: number;
  sid: number;
  constructor(
    readonly pid: number,
    public mm: MemoryMap,
    public cwd: DirInode,
    /** the executable's path in the virtual file system (/proc/self/exe) */
    public exe: string,
  ) {
    this.pgid = pid;
    this.sid = pid;
  }
}
