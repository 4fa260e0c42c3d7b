// System V IPC (ipc/shm.c, ipc/sem.c, ipc/msg.c): shared memory segments, semaphore sets and message
// queues, one namespace per machine, reached through the multiplexed ipc(2) call glibc makes on
// powerpc64 and through the direct calls (semget 393 ... msgctl 402). Segments are pages shared by every
// process that attaches them (memory-map.ts SharedPages); semop and msgrcv/msgsnd sleep on wait queues.
// Ids are the kernel's: index (smallest free) + 32768 x a per-namespace sequence. The caller is root,
// so permission checks pass. Not modelled: SEM_UNDO adjustments at exit (accepted, not applied),
// IPC_INFO/SHM_INFO/*_STAT by index, MSG_COPY, SHM_LOCK accounting, a segment's detach on execve.
import { registerSideTable } from '../../side-tables';
import { E } from '../errno';
import type { Kernel } from '../kernel';
import { LINUX_PAGE, MAP, type ShmAttach } from '../memory-map';
import { WaitQueue } from '../wait-queue';
import { fail, type SyscallContext, type SyscallDef } from './context';

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
const IPC_PRIVATE = 0;
const IPC_CREAT = 0o1000;
const IPC_EXCL = 0o2000;
const IPC_NOWAIT = 0o4000;
const CMD = { RMID: 0, SET: 1, STAT: 2, INFO: 3 } as const;
const SEM_CMD = { GETPID: 11, GETVAL: 12, GETALL: 13, GETNCNT: 14, GETZCNT: 15, SETVAL: 16, SETALL: 17 } as const;
const SHM_RDONLY = 0o10000;
const SHM_RND = 0o20000;
const SHM_REMAP = 0o40000;
const SHM_EXEC = 0o100000;
/** in shm_perm.mode: IPC_RMID was asked while attached, the segment goes with the last detach */
const SHM_DEST = 0o1000;
const MSG_NOERROR = 0o10000;
const MSG_EXCEPT = 0o20000;
const IPCMNI = 32768;
const SEMMSL = 32000;
const SEMOPM = 500;
const SEMVMX = 32767;
const MSGMAX = 8192;
const MSGMNB = 16384;
const SHMMAX = (1n << 64n) - 1n - (1n << 24n);
const SHMLBA = LINUX_PAGE;

interface Perm {
  key: number;
  mode: number;
  /** the id's sequence part (id / 32768) */
  seq: number;
  ctime: bigint;
}

interface Segment extends Perm {
  size: number;
  pages: Map<number, Uint8Array>;
  cpid: number;
  lpid: number;
  nattch: number;
  atime: bigint;
  dtime: bigint;
}

interface SemSet extends Perm {
  vals: number[];
  pids: number[];
  otime: bigint;
  queue: WaitQueue;
  removed: boolean;
}

interface Queue extends Perm {
  msgs: Array<{ type: bigint; text: Uint8Array }>;
  qbytes: number;
  bytes: number;
  stime: bigint;
  rtime: bigint;
  lspid: number;
  lrpid: number;
  waiters: WaitQueue;
  removed: boolean;
}

/** One kind of object's ids (struct ipc_ids). */
class Ids<T extends Perm> {
  readonly objs = new Map<number, T>();
  private seq = 0;
  add(o: T): number {
    let idx = 0;
    while (this.objs.has(idx)) idx++;
    if (idx >= IPCMNI) return -E.ENOSPC;
    o.seq = this.seq;
    this.seq = (this.seq + 1) % (2 ** 31 / IPCMNI);
    this.objs.set(idx, o);
    return idx + o.seq * IPCMNI;
  }
  get(id: number): T | undefined {
    if (id < 0) return undefined;
    const o = this.objs.get(id % IPCMNI);
    return o && o.seq === Math.floor(id / IPCMNI) ? o : undefined;
  }
  idOf(o: T): number {
    for (const [i, x] of this.objs) if (x === o) return i + o.seq * IPCMNI;
    return -1;
  }
  byKey(key: number): T | undefined {
    if (key === IPC_PRIVATE) return undefined;
    for (const o of this.objs.values()) if (o.key === key) return o;
    return undefined;
  }
  remove(o: T): void {
    for (const [i, x] of this.objs) if (x === o) this.objs.delete(i);
  }
}

class Namespace {
  readonly shm = new Ids<Segment>();
  readonly sem = new Ids<SemSet>();
  readonly msg = new Ids<Queue>();
}
const namespaces = new WeakMap<Kernel, Namespace>();
registerSideTable(namespaces); // part of the machine's state: checkpoints save it
function ns(ctx: SyscallContext): Namespace {
  let n = namespaces.get(ctx.kernel);
  if (!n) namespaces.set(ctx.kernel, (n = new Namespace()));
  return n;
}
const nowSec = (ctx: SyscallContext) => ctx.kernel.clock.realtimeNs() / 1_000_000_000n;

/**
 * ipcget: IPC_PRIVATE makes a new object; a key finds its object (EEXIST with IPC_CREAT|IPC_EXCL,
 * `more` checks it further), or makes one with IPC_CREAT (else ENOENT). The id, or -errno.
 */
function ipcget<T extends Perm>(
  ids: Ids<T>,
  key: number,
  flg: number,
  make: () => T | number,
  more: (o: T) => number = () => 0,
): number {
  const found = ids.byKey(key);
  if (!found) {
    if (key !== IPC_PRIVATE && !(flg & IPC_CREAT)) return -E.ENOENT;
    const o = make();
    return typeof o === 'number' ? o : ids.add(o);
  }
  if (flg & IPC_CREAT && flg & IPC_EXCL) return -E.EEXIST;
  const bad = more(found);
  return bad ? bad : ids.idOf(found);
}

/** struct ipc64_perm (48 bytes): key, uid, gid, cuid, cgid (root: 0), mode, seq. */
function putPerm(dv: DataView, o: Perm): void {
  dv.setInt32(0, o.key, true);
  dv.setUint32(20, o.mode, true);
  dv.setUint32(24, o.seq, true);
}

/** IPC_SET: the new uid, gid and low 9 mode bits from a struct ipc64_perm at `ea`. */
function setPerm(ctx: SyscallContext, ea: bigint, o: Perm): boolean {
  const b = ctx.copyFromUser(ea, 48);
  if (!b) return false;
  const mode = new DataView(b.buffer, b.byteOffset, 48).getUint32(20, true);
  o.mode = (o.mode & ~0o777) | (mode & 0o777);
  o.ctime = nowSec(ctx);
  return true;
}

// ---- shared memory ----

function shmget(ctx: SyscallContext, key: number, size: bigint, flg: number): bigint {
  const r = ipcget(
    ns(ctx).shm,
    key,
    flg,
    () => {
      if (size < 1n || size > SHMMAX || size > 1n << 40n) return -E.EINVAL;
      return {
        key,
        mode: flg & 0o777,
        seq: 0,
        ctime: nowSec(ctx),
        size: Number(size),
        pages: new Map<number, Uint8Array>(),
        cpid: ctx.proc.pid,
        lpid: 0,
        nattch: 0,
        atime: 0n,
        dtime: 0n,
      };
    },
    (s) => (BigInt(s.size) < size ? -E.EINVAL : 0),
  );
  return BigInt(r);
}

function destroyIfDone(ctx: SyscallContext, s: Segment): void {
  if (s.mode & SHM_DEST && s.nattch === 0) ns(ctx).shm.remove(s);
}

/** shmat: the attach address, or -errno. */
function shmat(ctx: SyscallContext, id: number, addr: bigint, flg: number): bigint {
  const s = ns(ctx).shm.get(id);
  if (!s) return fail(E.EINVAL);
  let at = addr;
  if (at % BigInt(SHMLBA) !== 0n) {
    if (!(flg & SHM_RND)) return fail(E.EINVAL);
    at -= at % BigInt(SHMLBA);
    if (at === 0n && flg & SHM_REMAP) return fail(E.EINVAL);
  }
  if (at >= 1n << 47n) return fail(E.EINVAL);
  const mm = ctx.proc.mm;
  const len = Math.ceil(s.size / LINUX_PAGE) * LINUX_PAGE;
  if (at !== 0n && !(flg & SHM_REMAP)) {
    for (let a = Number(at); a < Number(at) + len; a += LINUX_PAGE) if (mm.find(a)) return fail(E.EINVAL);
  }
  const prot = { read: true, write: !(flg & SHM_RDONLY), exec: (flg & SHM_EXEC) !== 0 };
  const seg = s;
  const attach: ShmAttach = {
    attached: () => void seg.nattch++,
    detached: () => {
      seg.nattch--;
      destroyIfDone(ctx, seg);
    },
  };
  const r = mm.mmap(Number(at), len, prot, at !== 0n ? MAP.FIXED : 0, s.pages, attach);
  if (r < 0) return fail(-r);
  s.nattch++;
  s.atime = nowSec(ctx);
  s.lpid = ctx.proc.pid;
  return BigInt(r);
}

function shmdt(ctx: SyscallContext, addr: bigint): bigint {
  if (addr % BigInt(LINUX_PAGE) !== 0n || addr >= 1n << 47n) return fail(E.EINVAL);
  const mm = ctx.proc.mm;
  const v = mm.find(Number(addr));
  // the mapping that starts the segment (vm_pgoff 0) at addr
  if (!v?.shared?.attach || v.shared.firstPn * 4096 !== Number(addr)) return fail(E.EINVAL);
  const pages = v.shared.pages;
  const s = [...ns(ctx).shm.objs.values()].find((x) => x.pages === pages);
  const end = Number(addr) + Math.ceil((s?.size ?? LINUX_PAGE) / LINUX_PAGE) * LINUX_PAGE;
  for (const w of mm.vmas.filter((x) => x.shared?.pages === pages && x.start >= Number(addr) && x.start < end))
    mm.unmapRange(w.start, w.end);
  if (s) {
    s.dtime = nowSec(ctx);
    s.lpid = ctx.proc.pid;
  }
  return 0n;
}

function shmctl(ctx: SyscallContext, id: number, cmd: number, buf: bigint): bigint {
  const s = ns(ctx).shm.get(id);
  if (cmd === CMD.INFO) return fail(E.EINVAL);
  if (!s) return fail(E.EINVAL);
  switch (cmd) {
    case CMD.STAT: {
      const out = new Uint8Array(112);
      const dv = new DataView(out.buffer);
      putPerm(dv, s);
      dv.setBigInt64(48, s.atime, true);
      dv.setBigInt64(56, s.dtime, true);
      dv.setBigInt64(64, s.ctime, true);
      dv.setBigUint64(72, BigInt(s.size), true);
      dv.setInt32(80, s.cpid, true);
      dv.setInt32(84, s.lpid, true);
      dv.setBigUint64(88, BigInt(s.nattch), true);
      return ctx.copyToUser(buf, out) ? 0n : fail(E.EFAULT);
    }
    case CMD.SET:
      return setPerm(ctx, buf, s) ? 0n : fail(E.EFAULT);
    case CMD.RMID:
      // the key goes at once (IPC_PRIVATE); the segment with its last detach
      s.key = IPC_PRIVATE;
      s.mode |= SHM_DEST;
      destroyIfDone(ctx, s);
      return 0n;
    case 11: // SHM_LOCK
    case 12: // SHM_UNLOCK
      return 0n;
    default:
      return fail(E.EINVAL);
  }
}

// ---- semaphores ----

function semget(ctx: SyscallContext, key: number, nsems: number, flg: number): bigint {
  if (nsems < 0 || nsems > SEMMSL) return fail(E.EINVAL);
  const r = ipcget(
    ns(ctx).sem,
    key,
    flg,
    () =>
      nsems === 0
        ? -E.EINVAL
        : {
            key,
            mode: flg & 0o777,
            seq: 0,
            ctime: nowSec(ctx),
            vals: new Array<number>(nsems).fill(0),
            pids: new Array<number>(nsems).fill(0),
            otime: 0n,
            queue: new WaitQueue(),
            removed: false,
          },
    (s) => (nsems > s.vals.length ? -E.EINVAL : 0),
  );
  return BigInt(r);
}

interface SemWait {
  /** which semaphore the sleeper waits on, and for what: zero (sem_op 0) or an increase */
  num: number;
  zero: boolean;
  deadlineNs?: bigint;
}

/** semtimedop: all the operations at once or none; sleeps while one cannot proceed. */
function semtimedop(ctx: SyscallContext, id: number, sops: bigint, nsops: number, timeout: bigint): bigint {
  if (nsops < 1 || id < 0) return fail(E.EINVAL);
  if (nsops > SEMOPM) return fail(E.E2BIG);
  const raw = ctx.copyFromUser(sops, 6 * nsops);
  if (!raw) return fail(E.EFAULT);
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.length);
  const ops = Array.from({ length: nsops }, (_, i) => ({
    num: dv.getUint16(6 * i, true),
    op: dv.getInt16(6 * i + 2, true),
    flg: dv.getInt16(6 * i + 4, true),
  }));
  const resumed = ctx.resumed?.data as SemWait | undefined;
  let deadlineNs = resumed?.deadlineNs;
  if (!resumed && timeout !== 0n) {
    const t = ctx.copyFromUser(timeout, 16);
    if (!t) return fail(E.EFAULT);
    const tv = new DataView(t.buffer, t.byteOffset, 16);
    const s = tv.getBigInt64(0, true);
    const n = tv.getBigInt64(8, true);
    if (s < 0n || n < 0n || n >= 1_000_000_000n) return fail(E.EINVAL);
    deadlineNs = ctx.kernel.clock.monotonicNs() + s * 1_000_000_000n + n;
  }
  const set = ns(ctx).sem.get(id);
  if (!set) return fail(resumed ? E.EIDRM : E.EINVAL);
  if (ops.some((o) => o.num >= set.vals.length)) return fail(E.EFBIG);
  // perform_atomic_semop: try them in order on a copy
  const vals = [...set.vals];
  for (const o of ops) {
    const v = vals[o.num] + o.op;
    if (o.op === 0 ? vals[o.num] !== 0 : v < 0) {
      if (o.flg & IPC_NOWAIT) return fail(E.EAGAIN);
      if (deadlineNs !== undefined && ctx.kernel.clock.monotonicNs() >= deadlineNs) return fail(E.EAGAIN);
      if (resumed && ctx.signalPending?.()) return fail(E.EINTR);
      if (!ctx.block) return fail(E.EAGAIN);
      const req: SemWait = { num: o.num, zero: o.op === 0, deadlineNs };
      return ctx.block({ why: 'semop', queues: [set.queue], deadlineNs, data: req });
    }
    if (v > SEMVMX) return fail(E.ERANGE);
    vals[o.num] = v;
  }
  for (const o of ops) set.pids[o.num] = ctx.proc.pid;
  set.vals = vals;
  set.otime = nowSec(ctx);
  // anything that changed may let a sleeper through: every sleeper tries again, in order
  set.queue.wakeAll();
  return 0n;
}

function semctl(ctx: SyscallContext, id: number, num: number, cmd: number, arg: bigint): bigint {
  const set = ns(ctx).sem.get(id);
  if (cmd === CMD.INFO) return fail(E.EINVAL);
  if (!set) return fail(E.EINVAL);
  const n = set.vals.length;
  const oneOf = cmd === SEM_CMD.GETVAL || cmd === SEM_CMD.GETPID || cmd === SEM_CMD.SETVAL;
  const counts = cmd === SEM_CMD.GETNCNT || cmd === SEM_CMD.GETZCNT;
  if ((oneOf || counts) && (num < 0 || num >= n)) return fail(E.EINVAL);
  switch (cmd) {
    case CMD.STAT: {
      const out = new Uint8Array(88);
      const dv = new DataView(out.buffer);
      putPerm(dv, set);
      dv.setBigInt64(48, set.otime, true);
      dv.setBigInt64(56, set.ctime, true);
      dv.setBigUint64(64, BigInt(n), true);
      return ctx.copyToUser(arg, out) ? 0n : fail(E.EFAULT);
    }
    case CMD.SET:
      return setPerm(ctx, arg, set) ? 0n : fail(E.EFAULT);
    case CMD.RMID:
      ns(ctx).sem.remove(set);
      set.removed = true;
      set.queue.wakeAll();
      return 0n;
    case SEM_CMD.GETVAL:
      return BigInt(set.vals[num]);
    case SEM_CMD.GETPID:
      return BigInt(set.pids[num]);
    case SEM_CMD.GETNCNT:
    case SEM_CMD.GETZCNT: {
      const zero = cmd === SEM_CMD.GETZCNT;
      const c = set.queue.requests().filter((r) => {
        const w = r.data as SemWait;
        return w.num === num && w.zero === zero;
      }).length;
      return BigInt(c);
    }
    case SEM_CMD.GETALL: {
      const out = new Uint8Array(2 * n);
      const dv = new DataView(out.buffer);
      set.vals.forEach((v, i) => dv.setUint16(2 * i, v, true));
      return ctx.copyToUser(arg, out) ? 0n : fail(E.EFAULT);
    }
    case SEM_CMD.SETVAL: {
      const v = int(arg);
      if (v < 0 || v > SEMVMX) return fail(E.ERANGE);
      set.vals[num] = v;
      set.pids[num] = ctx.proc.pid;
      set.ctime = nowSec(ctx);
      set.queue.wakeAll();
      return 0n;
    }
    case SEM_CMD.SETALL: {
      const b = ctx.copyFromUser(arg, 2 * n);
      if (!b) return fail(E.EFAULT);
      const dv = new DataView(b.buffer, b.byteOffset, 2 * n);
      const vals = Array.from({ length: n }, (_, i) => dv.getUint16(2 * i, true));
      if (vals.some((v) => v > SEMVMX)) return fail(E.ERANGE);
      set.vals = vals;
      set.pids.fill(ctx.proc.pid);
      set.ctime = nowSec(ctx);
      set.queue.wakeAll();
      return 0n;
    }
    default:
      return fail(E.EINVAL);
  }
}

// ---- message queues ----

function msgget(ctx: SyscallContext, key: number, flg: number): bigint {
  const r = ipcget(ns(ctx).msg, key, flg, () => ({
    key,
    mode: flg & 0o777,
    seq: 0,
    ctime: nowSec(ctx),
    msgs: [],
    qbytes: MSGMNB,
    bytes: 0,
    stime: 0n,
    rtime: 0n,
    lspid: 0,
    lrpid: 0,
    waiters: new WaitQueue(),
    removed: false,
  }));
  return BigInt(r);
}

function msgsnd(ctx: SyscallContext, id: number, msgp: bigint, size: number, flg: number): bigint {
  if (size < 0 || size > MSGMAX || id < 0) return fail(E.EINVAL);
  const q = ns(ctx).msg.get(id);
  if (!q) return fail(ctx.resumed ? E.EIDRM : E.EINVAL);
  const hdr = ctx.copyFromUser(msgp, 8);
  if (!hdr) return fail(E.EFAULT);
  const type = new DataView(hdr.buffer, hdr.byteOffset, 8).getBigInt64(0, true);
  if (type < 1n) return fail(E.EINVAL);
  const text = size === 0 ? new Uint8Array(0) : ctx.copyFromUser(msgp + 8n, size);
  if (!text) return fail(E.EFAULT);
  if (q.bytes + size > q.qbytes || q.msgs.length + 1 > q.qbytes) {
    if (flg & IPC_NOWAIT) return fail(E.EAGAIN);
    if (ctx.resumed && ctx.signalPending?.()) return fail(E.ERESTARTNOHAND);
    if (!ctx.block) return fail(E.EAGAIN);
    return ctx.block({ why: 'msgsnd to a full queue', queues: [q.waiters] });
  }
  q.msgs.push({ type, text: text.slice() });
  q.bytes += size;
  q.lspid = ctx.proc.pid;
  q.stime = nowSec(ctx);
  q.waiters.wakeAll();
  return 0n;
}

/** msgrcv: the first message msgtyp selects (0: any; > 0: that type, or any other with MSG_EXCEPT;
 * < 0: the lowest type up to |msgtyp|); its length, or -errno. */
function msgrcv(ctx: SyscallContext, id: number, msgp: bigint, size: number, type: bigint, flg: number): bigint {
  if (size < 0 || id < 0) return fail(E.EINVAL);
  if (flg & 0o40000) return fail(E.ENOSYS); // MSG_COPY needs CONFIG_CHECKPOINT_RESTORE's index mode
  const q = ns(ctx).msg.get(id);
  if (!q) return fail(ctx.resumed ? E.EIDRM : E.EINVAL);
  let pick = -1;
  if (type === 0n) pick = q.msgs.length ? 0 : -1;
  else if (type > 0n) pick = q.msgs.findIndex((m) => (flg & MSG_EXCEPT ? m.type !== type : m.type === type));
  else {
    let best = -1;
    q.msgs.forEach((m, i) => {
      if (m.type <= -type && (best < 0 || m.type < q.msgs[best].type)) best = i;
    });
    pick = best;
  }
  if (pick < 0) {
    if (flg & IPC_NOWAIT) return fail(E.ENOMSG);
    if (ctx.resumed && ctx.signalPending?.()) return fail(E.ERESTARTNOHAND);
    if (!ctx.block) return fail(E.ENOMSG);
    return ctx.block({ why: 'msgrcv of an empty queue', queues: [q.waiters] });
  }
  const m = q.msgs[pick];
  if (m.text.length > size && !(flg & MSG_NOERROR)) return fail(E.E2BIG);
  const n = Math.min(size, m.text.length);
  const out = new Uint8Array(8 + n);
  new DataView(out.buffer).setBigInt64(0, m.type, true);
  out.set(m.text.subarray(0, n), 8);
  if (!ctx.copyToUser(msgp, out)) return fail(E.EFAULT);
  q.msgs.splice(pick, 1);
  q.bytes -= m.text.length;
  q.lrpid = ctx.proc.pid;
  q.rtime = nowSec(ctx);
  q.waiters.wakeAll();
  return BigInt(n);
}

function msgctl(ctx: SyscallContext, id: number, cmd: number, buf: bigint): bigint {
  const q = ns(ctx).msg.get(id);
  if (cmd === CMD.INFO) return fail(E.EINVAL);
  if (!q) return fail(E.EINVAL);
  switch (cmd) {
    case CMD.STAT: {
      const out = new Uint8Array(120);
      const dv = new DataView(out.buffer);
      putPerm(dv, q);
      dv.setBigInt64(48, q.stime, true);
      dv.setBigInt64(56, q.rtime, true);
      dv.setBigInt64(64, q.ctime, true);
      dv.setBigUint64(72, BigInt(q.bytes), true);
      dv.setBigUint64(80, BigInt(q.msgs.length), true);
      dv.setBigUint64(88, BigInt(q.qbytes), true);
      dv.setInt32(96, q.lspid, true);
      dv.setInt32(100, q.lrpid, true);
      return ctx.copyToUser(buf, out) ? 0n : fail(E.EFAULT);
    }
    case CMD.SET: {
      const b = ctx.copyFromUser(buf, 120);
      if (!b) return fail(E.EFAULT);
      const qbytes = new DataView(b.buffer, b.byteOffset, 120).getBigUint64(88, true);
      if (qbytes > 1n << 31n) return fail(E.EINVAL);
      setPerm(ctx, buf, q);
      q.qbytes = Number(qbytes);
      q.waiters.wakeAll();
      return 0n;
    }
    case CMD.RMID:
      ns(ctx).msg.remove(q);
      q.removed = true;
      q.waiters.wakeAll();
      return 0n;
    default:
      return fail(E.EINVAL);
  }
}

// ---- the calls ----

/** The IPC_64 flag glibc adds to the ctl commands (ipc_parse_version takes it off). */
const cmdOf = (v: bigint) => int(v) & ~0x100;

/**
 * ipc(call, first, second, third, ptr, fifth) as ksys_ipc decodes it: the call's low 16 bits pick
 * the operation, the high 16 its version (msgrcv's version 0 passes msgp and msgtyp in a struct
 * ipc_kludge at ptr; shmat's version 0 stores the address at `third`).
 */
function sysIpc(ctx: SyscallContext): bigint {
  const call = Number(ctx.arg(0) & 0xffffn);
  const version = Number((ctx.arg(0) >> 16n) & 0xffffn);
  const first = int(ctx.arg(1));
  const second = ctx.arg(2);
  const third = ctx.arg(3);
  const ptr = ctx.arg(4);
  const fifth = ctx.arg(5);
  switch (call) {
    case 1: // SEMOP
      return semtimedop(ctx, first, ptr, int(second), 0n);
    case 4: // SEMTIMEDOP
      return semtimedop(ctx, first, ptr, int(second), fifth);
    case 2: // SEMGET
      return semget(ctx, first, int(second), int(third));
    case 3: {
      // SEMCTL: the union semun is passed by address
      if (ptr === 0n) return fail(E.EINVAL);
      const b = ctx.copyFromUser(ptr, 8);
      if (!b) return fail(E.EFAULT);
      const arg = new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, true);
      return semctl(ctx, first, int(second), cmdOf(third), arg);
    }
    case 11: // MSGSND
      return msgsnd(ctx, first, ptr, int(second), int(third));
    case 12: {
      // MSGRCV
      if (version === 0) {
        if (ptr === 0n) return fail(E.EINVAL);
        const k = ctx.copyFromUser(ptr, 16);
        if (!k) return fail(E.EFAULT);
        const kv = new DataView(k.buffer, k.byteOffset, 16);
        return msgrcv(ctx, first, kv.getBigUint64(0, true), int(second), kv.getBigInt64(8, true), int(third));
      }
      return msgrcv(ctx, first, ptr, int(second), BigInt.asIntN(64, fifth), int(third));
    }
    case 13: // MSGGET
      return msgget(ctx, first, int(second));
    case 14: // MSGCTL
      return msgctl(ctx, first, cmdOf(second), ptr);
    case 21: {
      // SHMAT
      if (version === 1) return fail(E.EINVAL);
      const r = shmat(ctx, first, ptr, int(second));
      if (r < 0n) return r;
      const out = new Uint8Array(8);
      new DataView(out.buffer).setBigUint64(0, r, true);
      return ctx.copyToUser(third, out) ? 0n : fail(E.EFAULT);
    }
    case 22: // SHMDT
      return shmdt(ctx, ptr);
    case 23: // SHMGET
      return shmget(ctx, first, second, int(third));
    case 24: // SHMCTL
      return shmctl(ctx, first, cmdOf(second), ptr);
    default:
      return fail(E.ENOSYS);
  }
}

export const SYSV_IPC_SYSCALLS: readonly SyscallDef[] = [
  [117, 'ipc', sysIpc],
  [392, 'semtimedop', (c) => semtimedop(c, int(c.arg(0)), c.arg(1), int(c.arg(2)), c.arg(3))],
  [393, 'semget', (c) => semget(c, int(c.arg(0)), int(c.arg(1)), int(c.arg(2)))],
  [394, 'semctl', (c) => semctl(c, int(c.arg(0)), int(c.arg(1)), cmdOf(c.arg(2)), c.arg(3))],
  [395, 'shmget', (c) => shmget(c, int(c.arg(0)), c.arg(1), int(c.arg(2)))],
  [396, 'shmctl', (c) => shmctl(c, int(c.arg(0)), cmdOf(c.arg(1)), c.arg(2))],
  [397, 'shmat', (c) => shmat(c, int(c.arg(0)), c.arg(1), int(c.arg(2)))],
  [398, 'shmdt', (c) => shmdt(c, c.arg(0))],
  [399, 'msgget', (c) => msgget(c, int(c.arg(0)), int(c.arg(1)))],
  [400, 'msgsnd', (c) => msgsnd(c, int(c.arg(0)), c.arg(1), int(c.arg(2)), int(c.arg(3)))],
  [401, 'msgrcv', (c) => msgrcv(c, int(c.arg(0)), c.arg(1), int(c.arg(2)), BigInt.asIntN(64, c.arg(3)), int(c.arg(4)))],
  [402, 'msgctl', (c) => msgctl(c, int(c.arg(0)), cmdOf(c.arg(1)), c.arg(2))],
];
