// Who and where the process is: ids (the user is root), process groups and sessions, the system's
// name (uname), its size (sysinfo, sched_getaffinity, getcpu), resource limits, and the per-thread
// registrations glibc's start-up makes (set_tid_address, set_robust_list, rseq).
import { E } from '../errno';
import type { Rlimit } from '../process-state';
import { fail, type SyscallContext, type SyscallDef } from './context';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
const zero = () => 0n;

/** getpid: the thread group's id (the process); gettid: the calling thread's own */
const sysGetpid = (ctx: SyscallContext) => BigInt(ctx.proc.pid);
const sysGettid = (ctx: SyscallContext) => BigInt(ctx.pid);
const sysGetppid = (ctx: SyscallContext) => BigInt(ctx.proc.ppid);

function sysGetres(ctx: SyscallContext): bigint {
  // getresuid/getresgid: three zeros (root)
  for (let i = 0; i < 3; i++) if (!ctx.copyToUser(ctx.arg(i), new Uint8Array(4))) return fail(E.EFAULT);
  return 0n;
}

function sysGetgroups(ctx: SyscallContext): bigint {
  const size = int(ctx.arg(0));
  if (size < 0) return fail(E.EINVAL);
  if (size === 0) return 1n;
  return ctx.copyToUser(ctx.arg(1), new Uint8Array(4)) ? 1n : fail(E.EFAULT);
}

function sysGetpgid(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  if (ctx.process) return BigInt(ctx.process.getpgid(pid));
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  return BigInt(ctx.proc.pgid);
}
function sysSetpgid(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  const pgid = int(ctx.arg(1));
  if (pgid < 0) return fail(E.EINVAL);
  if (ctx.process) return BigInt(ctx.process.setpgid(pid, pgid));
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  if (ctx.proc.sid === ctx.pid) return fail(E.EPERM); // a session leader cannot move
  ctx.proc.pgid = pgid === 0 ? ctx.pid : pgid;
  return 0n;
}
function sysGetsid(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  if (ctx.process) return BigInt(ctx.process.getsid(pid));
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  return BigInt(ctx.proc.sid);
}
function sysSetsid(ctx: SyscallContext): bigint {
  if (ctx.proc.pgid === ctx.pid) return fail(E.EPERM);
  ctx.proc.sid = ctx.proc.pgid = ctx.pid;
  return BigInt(ctx.pid);
}

function sysUname(ctx: SyscallContext): bigint {
  const u = ctx.kernel.uname;
  const out = new Uint8Array(6 * 65);
  const te = new TextEncoder();
  [u.sysname, u.nodename, u.release, u.version, u.machine, u.domainname].forEach((s, i) =>
    out.set(te.encode(s).subarray(0, 64), 65 * i),
  );
  return ctx.copyToUser(ctx.arg(0), out) ? 0n : fail(E.EFAULT);
}

/** struct sysinfo on ppc64 (112 bytes) */
function sysSysinfo(ctx: SyscallContext): bigint {
  const out = new Uint8Array(112);
  const dv = new DataView(out.buffer);
  dv.setBigInt64(0, ctx.kernel.clock.monotonicNs() / 1_000_000_000n, true); // uptime
  const ram = 8n * 1024n * 1024n * 1024n;
  dv.setBigUint64(32, ram, true); // totalram
  dv.setBigUint64(40, ram - 512n * 1024n * 1024n, true); // freeram
  dv.setUint16(80, 1, true); // procs
  dv.setUint32(104, 1, true); // mem_unit
  return ctx.copyToUser(ctx.arg(0), out) ? 0n : fail(E.EFAULT);
}

function sysSchedGetaffinity(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  const len = Number(ctx.arg(1) < 1024n ? ctx.arg(1) : 1024n);
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  const cpus = ctx.kernel.opts.cpus;
  const need = Math.ceil(cpus / 64) * 8;
  if (len < need || len % 8 !== 0) return fail(E.EINVAL);
  const out = new Uint8Array(need);
  for (let c = 0; c < cpus; c++) out[c >> 3] |= 1 << (c & 7);
  return ctx.copyToUser(ctx.arg(2), out) ? BigInt(need) : fail(E.EFAULT);
}

function sysSchedSetaffinity(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  return ctx.copyFromUser(ctx.arg(2), Number(ctx.arg(1) < 1024n ? ctx.arg(1) : 1024n)) ? 0n : fail(E.EFAULT);
}

function sysGetcpu(ctx: SyscallContext, cpu: number): bigint {
  const u32 = (v: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v, true);
    return b;
  };
  if (ctx.arg(0) !== 0n && !ctx.copyToUser(ctx.arg(0), u32(cpu))) return fail(E.EFAULT);
  if (ctx.arg(1) !== 0n && !ctx.copyToUser(ctx.arg(1), u32(0))) return fail(E.EFAULT);
  return 0n;
}

function sysPrlimit64(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  const res = int(ctx.arg(1));
  if (res < 0 || res >= 16) return fail(E.EINVAL);
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  const cur = ctx.proc.rlimits[res];
  let next: { cur: bigint; max: bigint } | undefined;
  if (ctx.arg(2) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(2), 16);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 16);
    next = { cur: dv.getBigUint64(0, true), max: dv.getBigUint64(8, true) };
    const bad = checkRlimit(res, next);
    if (bad) return fail(bad);
  }
  if (ctx.arg(3) !== 0n) {
    const out = new Uint8Array(16);
    const dv = new DataView(out.buffer);
    dv.setBigUint64(0, cur.cur, true);
    dv.setBigUint64(8, cur.max, true);
    if (!ctx.copyToUser(ctx.arg(3), out)) return fail(E.EFAULT);
  }
  if (next) setRlimit(ctx, res, next);
  return 0n;
}

const RLIMIT_NOFILE = 7;
/** fs.nr_open: the most descriptors a process may be allowed */
const NR_OPEN = 1048576n;

/** do_prlimit's checks of a new limit: 0 or an errno (root may raise a hard limit) */
function checkRlimit(res: number, next: Rlimit): number {
  if (next.cur > next.max) return E.EINVAL;
  if (res === RLIMIT_NOFILE && next.max > NR_OPEN) return E.EPERM; // RLIM_INFINITY too
  return 0;
}

function setRlimit(ctx: SyscallContext, res: number, next: Rlimit): void {
  ctx.proc.rlimits[res] = next;
  // the descriptor table enforces RLIMIT_NOFILE's soft limit
  if (res === RLIMIT_NOFILE) ctx.proc.fds.limit = Number(next.cur);
}

function sysGetrlimit(ctx: SyscallContext): bigint {
  const res = int(ctx.arg(0));
  if (res < 0 || res >= 16) return fail(E.EINVAL);
  const r = ctx.proc.rlimits[res];
  const out = new Uint8Array(16);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(0, r.cur, true);
  dv.setBigUint64(8, r.max, true);
  return ctx.copyToUser(ctx.arg(1), out) ? 0n : fail(E.EFAULT);
}

function sysSetrlimit(ctx: SyscallContext): bigint {
  const res = int(ctx.arg(0));
  if (res < 0 || res >= 16) return fail(E.EINVAL);
  const b = ctx.copyFromUser(ctx.arg(1), 16);
  if (!b) return fail(E.EFAULT);
  const dv = new DataView(b.buffer, b.byteOffset, 16);
  const next = { cur: dv.getBigUint64(0, true), max: dv.getBigUint64(8, true) };
  const bad = checkRlimit(res, next);
  if (bad) return fail(bad);
  setRlimit(ctx, res, next);
  return 0n;
}

function sysSetTidAddress(ctx: SyscallContext): bigint {
  ctx.proc.clearChildTid = ctx.arg(0);
  return BigInt(ctx.pid);
}

function sysSetRobustList(ctx: SyscallContext): bigint {
  // sizeof(struct robust_list_head) on 64-bit
  if (ctx.arg(1) !== 24n) return fail(E.EINVAL);
  ctx.proc.robustList = ctx.arg(0);
  ctx.proc.robustListLen = ctx.arg(1);
  return 0n;
}

function sysGetRobustList(ctx: SyscallContext): bigint {
  const pid = int(ctx.arg(0));
  if (pid !== 0 && pid !== ctx.pid) return fail(E.ESRCH);
  const a = new Uint8Array(8);
  new DataView(a.buffer).setBigUint64(0, ctx.proc.robustList, true);
  const l = new Uint8Array(8);
  new DataView(l.buffer).setBigUint64(0, ctx.proc.robustListLen, true);
  return ctx.copyToUser(ctx.arg(1), a) && ctx.copyToUser(ctx.arg(2), l) ? 0n : fail(E.EFAULT);
}

/**
 * rseq(rseq, len, flags, sig): registers the thread's restartable-sequence area (glibc does at start-up).
 * The kernel writes cpu_id_start, cpu_id, node_id and mm_cid (u32 at +0, +4, +20, +24) on the return to
 * user space after the registration, and whenever the thread returns to user space on another CPU;
 * unregistering writes cpu_id_start 0 and cpu_id RSEQ_CPU_ID_UNINITIALIZED (-1), node_id and mm_cid 0.
 */
function sysRseq(ctx: SyscallContext, cpu: number): bigint {
  const addr = ctx.arg(0);
  const len = Number(ctx.arg(1) & 0xffffffffn);
  const flags = int(ctx.arg(2));
  const sig = Number(ctx.arg(3) & 0xffffffffn);
  const p = ctx.proc;
  const UNREGISTER = 1;
  if (flags & UNREGISTER) {
    if (flags & ~UNREGISTER) return fail(E.EINVAL);
    if (p.rseq === 0n || addr !== p.rseq || len !== p.rseqLen) return fail(E.EINVAL);
    if (sig !== p.rseqSig) return fail(E.EPERM);
    if (!writeRseqIds(ctx, addr, 0, 0xffffffff)) return fail(E.EFAULT);
    p.rseq = 0n;
    p.rseqLen = 0;
    p.rseqSig = 0;
    return 0n;
  }
  if (flags !== 0) return fail(E.EINVAL);
  if (p.rseq !== 0n) {
    if (addr !== p.rseq || len !== p.rseqLen) return fail(E.EINVAL);
    if (sig !== p.rseqSig) return fail(E.EPERM);
    return fail(E.EBUSY);
  }
  // struct rseq is 32-byte aligned, and at least its original 32 bytes
  if (addr % 32n !== 0n || len < 32) return fail(E.EINVAL);
  if (!writeRseqIds(ctx, addr, cpu, cpu)) return fail(E.EFAULT);
  p.rseq = addr;
  p.rseqLen = len;
  p.rseqSig = sig;
  return 0n;
}

/** What the kernel writes into struct rseq: cpu_id_start and cpu_id, then (past rseq_cs and flags,
 * which are the program's) node_id and mm_cid: node 0, and the one thread's concurrency id 0. */
function writeRseqIds(ctx: SyscallContext, addr: bigint, cpuStart: number, cpuId: number): boolean {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, cpuStart, true);
  dv.setUint32(4, cpuId, true);
  return ctx.copyToUser(addr, b) && ctx.copyToUser(addr + 20n, new Uint8Array(8));
}

function sysGetrandom(ctx: SyscallContext): bigint {
  const flags = int(ctx.arg(2));
  if (flags & ~7 || (flags & 6) === 6) return fail(E.EINVAL);
  const n = Number(ctx.arg(1) < 33554431n ? ctx.arg(1) : 33554431n);
  if (n === 0) return 0n;
  return ctx.copyToUser(ctx.arg(0), ctx.kernel.random.bytes(n)) ? BigInt(n) : fail(E.EFAULT);
}

/** getpriority(which, who): 20 - nice (the kernel's 1..40 form; glibc turns it back); PRIO_PROCESS of
 * the caller only (another process: ESRCH), PRIO_PGRP and PRIO_USER answer for the caller too */
function sysGetpriority(ctx: SyscallContext): bigint {
  const which = int(ctx.arg(0));
  const who = int(ctx.arg(1));
  if (which < 0 || which > 2) return fail(E.EINVAL);
  if (which === 0 && who !== 0 && who !== ctx.proc.pid) return fail(E.ESRCH);
  return BigInt(20 - ctx.proc.nice);
}

/** setpriority(which, who, prio): the nice value, clamped to -20..19 (root may lower it) */
function sysSetpriority(ctx: SyscallContext): bigint {
  const which = int(ctx.arg(0));
  const who = int(ctx.arg(1));
  if (which < 0 || which > 2) return fail(E.EINVAL);
  if (which === 0 && who !== 0 && who !== ctx.proc.pid) return fail(E.ESRCH);
  ctx.proc.nice = Math.max(-20, Math.min(19, int(ctx.arg(2))));
  return 0n;
}

/** prctl: the calls glibc and small programs make (names, the dumpable flag, the FP exception mode); others
 * EINVAL */
function sysPrctl(ctx: SyscallContext): bigint {
  const option = int(ctx.arg(0));
  switch (option) {
    case 15: {
      // PR_SET_NAME: up to 15 bytes of the string are kept
      let s = ctx.stringFromUser(ctx.arg(1), 15);
      if (s === -E.ENAMETOOLONG) {
        const b = ctx.copyFromUser(ctx.arg(1), 15);
        if (!b) return fail(E.EFAULT);
        s = new TextDecoder('latin1').decode(b);
      }
      if (typeof s === 'number') return fail(-s);
      ctx.proc.comm = s;
      return 0n;
    }
    case 16: {
      // PR_GET_NAME: the name (the executable's base name until set), NUL-padded to 16 bytes
      const name = ctx.proc.comm ?? (ctx.proc.exe.split('/').pop() ?? '').slice(0, 15);
      const out = new Uint8Array(16);
      for (let i = 0; i < name.length; i++) out[i] = name.charCodeAt(i) & 0xff;
      return ctx.copyToUser(ctx.arg(1), out) ? 0n : fail(E.EFAULT);
    }
    case 11: {
      // PR_GET_FPEXC: the floating-point exception mode from MSR[FE0 FE1] (__unpack_fe01)
      const m = ctx.t.msr;
      const mode = Number((m >> 10n) & 2n) | Number((m >> 8n) & 1n);
      const out = new Uint8Array(4);
      new DataView(out.buffer).setUint32(0, mode, true);
      return ctx.copyToUser(ctx.arg(1), out) ? 0n : fail(E.EFAULT);
    }
    case 12: {
      // PR_SET_FPEXC: DISABLED 0, NONRECOV 1, ASYNC 2, PRECISE 3 into MSR[FE0 FE1] (__pack_fe01);
      // glibc's feenableexcept asks for PRECISE, then enabled exceptions are SIGFPE. The SPE
      // software modes (PR_FP_EXC_SW_ENABLE) are EINVAL on a CPU without SPE.
      const v = ctx.arg(1);
      if (v > 3n) return fail(E.EINVAL);
      ctx.t.msr = (ctx.t.msr & ~0x900n) | ((v << 10n) & 0x800n) | ((v << 8n) & 0x100n);
      return 0n;
    }
    case 3: // PR_GET_DUMPABLE
      return 1n;
    case 4: // PR_SET_DUMPABLE
    case 1: // PR_SET_PDEATHSIG
    case 38: // PR_SET_NO_NEW_PRIVS
      return 0n;
    default:
      return fail(E.EINVAL);
  }
}

function sysPersonality(ctx: SyscallContext): bigint {
  // PER_LINUX (0); 0xffffffff queries
  void ctx;
  return 0n;
}

export const IDENTITY_SYSCALLS: readonly SyscallDef[] = [
  [20, 'getpid', sysGetpid],
  [23, 'setuid', zero],
  [24, 'getuid', zero],
  [46, 'setgid', zero],
  [47, 'getgid', zero],
  [49, 'geteuid', zero],
  [50, 'getegid', zero],
  [57, 'setpgid', sysSetpgid],
  [64, 'getppid', sysGetppid],
  [65, 'getpgrp', (ctx) => BigInt(ctx.proc.pgid)],
  [66, 'setsid', sysSetsid],
  [75, 'setrlimit', sysSetrlimit],
  [80, 'getgroups', sysGetgroups],
  [116, 'sysinfo', sysSysinfo],
  [122, 'uname', sysUname],
  [132, 'getpgid', sysGetpgid],
  [136, 'personality', sysPersonality],
  [138, 'setfsuid', zero],
  [139, 'setfsgid', zero],
  [147, 'getsid', sysGetsid],
  [164, 'setresuid', zero],
  [165, 'getresuid', sysGetres],
  [169, 'setresgid', zero],
  [170, 'getresgid', sysGetres],
  [171, 'prctl', sysPrctl],
  [96, 'getpriority', sysGetpriority],
  [97, 'setpriority', sysSetpriority],
  [190, 'ugetrlimit', sysGetrlimit],
  [207, 'gettid', sysGettid],
  [222, 'sched_setaffinity', sysSchedSetaffinity],
  [223, 'sched_getaffinity', sysSchedGetaffinity],
  [232, 'set_tid_address', sysSetTidAddress],
  [299, 'get_robust_list', sysGetRobustList],
  [300, 'set_robust_list', sysSetRobustList],
  [302, 'getcpu', (ctx) => sysGetcpu(ctx, ctx.cpu)],
  [325, 'prlimit64', sysPrlimit64],
  [359, 'getrandom', sysGetrandom],
  [387, 'rseq', (ctx) => sysRseq(ctx, ctx.cpu)],
];
