// File system calls: descriptors (open, close, dup, fcntl), data (read, write and their vector and
// positioned forms, lseek), metadata (the stat family, readlink, access, getdents64) and names (mkdir,
// unlink, rename, link, symlink, chdir, getcwd), over the virtual file system (sim/os/vfs).
import { E } from '../errno';
import { type Resolved, PATH_MAX } from '../vfs/file-system';
import {
  type Caller,
  DeviceInode,
  DirInode,
  FileInode,
  GeneratedInode,
  type Inode,
  PipeInode,
  S_IFMT,
  SymlinkInode,
} from '../vfs/inode';
import { MAX_FILE, O, OpenFile } from '../vfs/open-file';
import { PerfEventInode } from '../vfs/perf-event-file';
import { FifoInode, PIPE_CAPACITY } from '../vfs/pipe';
import { EventInode } from '../vfs/event-inode';
import { SignalfdInode } from '../vfs/signalfd';
import type { WaitQueue } from '../wait-queue';
import { bufferOf, waitQueuesOf } from '../vfs/socket';
import { perfIoctl } from './perf';
import { fail, type SyscallContext, type SyscallDef } from './context';

export const AT_FDCWD = -100;
export const AT = {
  SYMLINK_NOFOLLOW: 0x100,
  REMOVEDIR: 0x200,
  SYMLINK_FOLLOW: 0x400,
  NO_AUTOMOUNT: 0x800,
  EMPTY_PATH: 0x1000,
  EACCESS: 0x200,
} as const;

/** Linux's MAX_RW_COUNT: the most one read or write transfers */
const MAX_RW = 0x7ffff000;
/** a character device or pipe gives at most this much per read (a short read, as pipes give) */
const MAX_DEVICE_READ = 1 << 20;

const int = (v: bigint) => Number(BigInt.asIntN(32, v));
const ok = (n: number | bigint) => BigInt(n);

export function caller(ctx: SyscallContext): Caller {
  return { pid: ctx.pid, exe: ctx.proc.exe };
}

/** The directory a *at() call starts from: AT_FDCWD (the working directory) or an open directory;
 * an absolute path starts from the root whatever dirfd is (it is not even looked at). */
function startDir(ctx: SyscallContext, dirfd: number, path: string): DirInode | number {
  if (path.startsWith('/')) return ctx.kernel.fs.root;
  if (dirfd === AT_FDCWD) return ctx.proc.cwd;
  const f = ctx.proc.fds.get(dirfd);
  if (!f) return E.EBADF;
  if (!f.inode.isDir()) return E.ENOTDIR;
  return f.inode as DirInode;
}

function pathArg(ctx: SyscallContext, ea: bigint): string | number {
  const s = ctx.stringFromUser(ea, PATH_MAX);
  if (typeof s === 'number') return -s;
  return s;
}

/** Resolves dirfd + path (path read from user memory); errno positive on failure. */
function lookup(
  ctx: SyscallContext,
  dirfd: number,
  pathEa: bigint,
  follow: boolean,
  emptyPath = false,
): Resolved | number {
  const path = pathArg(ctx, pathEa);
  if (typeof path === 'number') return path;
  if (path === '') {
    if (!emptyPath) return E.ENOENT;
    if (dirfd === AT_FDCWD) return { inode: ctx.proc.cwd, dir: ctx.proc.cwd.parent, name: ctx.proc.cwd.name };
    const f = ctx.proc.fds.get(dirfd);
    if (!f) return E.EBADF;
    return { inode: f.inode, dir: ctx.kernel.fs.root, name: '' };
  }
  const start = startDir(ctx, dirfd, path);
  if (typeof start === 'number') return start;
  return ctx.kernel.fs.resolve(path, start, caller(ctx), follow);
}

// ---- open and close ----

function openat(ctx: SyscallContext, dirfd: number, pathEa: bigint, flagsIn: number, mode: number): bigint {
  let flags = flagsIn;
  // build_open_flags: the combinations open refuses, and what O_PATH keeps
  if ((flags & (O.DIRECTORY | O.CREAT)) === (O.DIRECTORY | O.CREAT)) return fail(E.EINVAL);
  const tmpfile = (flags & O.TMPFILE) !== 0;
  if (tmpfile) {
    // O_TMPFILE is __O_TMPFILE | O_DIRECTORY, and needs write access
    if ((flags & O.ACCMODE) === O.RDONLY || !(flags & O.DIRECTORY)) return fail(E.EINVAL);
  } else if (flags & O.PATH) flags &= O.PATH | O.DIRECTORY | O.NOFOLLOW | O.CLOEXEC;
  const path = pathArg(ctx, pathEa);
  if (typeof path === 'number') return fail(path);
  const start = startDir(ctx, dirfd, path);
  if (typeof start === 'number') return fail(start);
  const fs = ctx.kernel.fs;
  const who = caller(ctx);
  const isPath = (flags & O.PATH) !== 0;
  // what the open asks of the file: write access for a writing mode (3 included) or O_TRUNC
  const wantWrite = !isPath && ((flags & O.ACCMODE) !== O.RDONLY || (flags & O.TRUNC) !== 0);
  let inode: Inode;
  let created = false;
  if (tmpfile) {
    // an unnamed file in the directory `path`
    const d = fs.resolve(path, start, who, true);
    if (typeof d === 'number') return fail(d);
    if (!d.inode.isDir()) return fail(E.ENOTDIR);
    if (d.inode.readOnly) return fail(E.EROFS);
    inode = new FileInode(mode & ~ctx.proc.umask, ctx.kernel.clock.realtimeNs());
    inode.nlink = 0;
    created = true;
  } else if (flags & O.CREAT) {
    // O_EXCL and O_NOFOLLOW do not follow a symlink in the last component; otherwise the file it
    // names is opened, or created when missing
    const p = fs.parentForCreate(path, start, who, !(flags & (O.EXCL | O.NOFOLLOW)));
    if (typeof p === 'number') return fail(p);
    if (p.trailingSlash || p.name === '' || p.name === '.' || p.name === '..') return fail(E.EISDIR);
    const existing = p.existing;
    if (existing) {
      if (flags & O.EXCL) return fail(E.EEXIST);
      if (existing instanceof SymlinkInode) return fail(E.ELOOP);
      if (existing.isDir()) return fail(E.EISDIR);
      inode = existing;
    } else {
      const made = fs.createFile(p.dir, p.name, mode & ~ctx.proc.umask);
      if (typeof made === 'number') return fail(made);
      inode = made;
      created = true;
    }
  } else {
    const r = fs.resolve(path, start, who, !(flags & O.NOFOLLOW));
    if (typeof r === 'number') return fail(r);
    inode = r.inode;
  }
  // do_open and may_open, in their order
  if (flags & O.DIRECTORY && !tmpfile && !inode.isDir()) return fail(E.ENOTDIR);
  if (!isPath) {
    if (inode instanceof SymlinkInode) return fail(E.ELOOP);
    if (inode.isDir() && wantWrite) return fail(E.EISDIR);
    if (wantWrite && inode.readOnly) return fail(E.EROFS);
    if (inode instanceof GeneratedInode && wantWrite && !inode.onWrite && !inode.procfs) return fail(E.EACCES);
  }
  if (flags & O.TRUNC && !created && !isPath && inode instanceof FileInode) {
    inode.truncate(0);
    inode.mtimeNs = inode.ctimeNs = ctx.kernel.clock.realtimeNs();
  }
  const snapshot = inode instanceof GeneratedInode && !isPath ? inode.generate(who) : undefined;
  const f = new OpenFile(inode, flags & ~(O.CREAT | O.EXCL | O.NOCTTY | O.TRUNC | O.CLOEXEC), snapshot);
  const fd = ctx.proc.fds.install(f, (flags & O.CLOEXEC) !== 0);
  return ok(fd);
}

const sysOpenat = (ctx: SyscallContext) => openat(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)), int(ctx.arg(3)));
const sysOpen = (ctx: SyscallContext) => openat(ctx, AT_FDCWD, ctx.arg(0), int(ctx.arg(1)), int(ctx.arg(2)));
const sysCreat = (ctx: SyscallContext) =>
  openat(ctx, AT_FDCWD, ctx.arg(0), O.CREAT | O.WRONLY | O.TRUNC, int(ctx.arg(1)));

function sysClose(ctx: SyscallContext): bigint {
  return ctx.proc.fds.close(int(ctx.arg(0))) ? 0n : fail(E.EBADF);
}

function sysCloseRange(ctx: SyscallContext): bigint {
  const first = Number(ctx.arg(0) & 0xffffffffn);
  const last = Number(ctx.arg(1) & 0xffffffffn);
  const flags = int(ctx.arg(2));
  const UNSHARE = 2;
  const CLOEXEC = 4;
  if (flags & ~(UNSHARE | CLOEXEC) || first > last) return fail(E.EINVAL);
  for (const fd of ctx.proc.fds.open()) {
    if (fd < first || fd > last) continue;
    if (flags & CLOEXEC) ctx.proc.fds.entry(fd)!.cloexec = true;
    else ctx.proc.fds.close(fd);
  }
  return 0n;
}

// ---- data ----

/**
 * read of a signalfd: the caller's pending signals of its set, lowest first, as struct
 * signalfd_siginfo (signo +0, errno +4, code +8, pid +12, uid +16, status +40, int +44, ptr +48,
 * addr +72); as many as fit; none: EAGAIN with O_NONBLOCK, else sleep until one comes.
 */
function readSignalfd(
  ctx: SyscallContext,
  f: OpenFile,
  sfd: SignalfdInode,
  buf: bigint,
  count: number,
  mayBlock: boolean,
): bigint {
  if (count < 128) return fail(E.EINVAL);
  const sig = ctx.signals;
  if (!sig) return fail(E.EINVAL);
  const out: Uint8Array[] = [];
  while (out.length < Math.floor(count / 128)) {
    const got = sig.dequeue(sfd.mask);
    if (!got) break;
    const b = new Uint8Array(128);
    const dv = new DataView(b.buffer);
    dv.setUint32(0, got.signo, true);
    dv.setInt32(8, got.siCode, true);
    if (got.pid !== undefined) dv.setUint32(12, got.pid, true);
    if (got.value !== undefined) {
      dv.setInt32(44, Number(BigInt.asIntN(32, got.value)), true);
      dv.setBigUint64(48, BigInt.asUintN(64, got.value), true);
    }
    if (got.pid === undefined) dv.setBigUint64(72, BigInt.asUintN(64, got.siAddr), true);
    out.push(b);
  }
  if (out.length === 0) {
    if (!mayBlock || f.flags & O.NONBLOCK || !ctx.block) return fail(E.EAGAIN);
    if (ctx.resumed && ctx.signalPending?.()) return fail(E.ERESTARTSYS);
    return ctx.block({ why: 'read of a signalfd', wakeMask: sfd.mask });
  }
  const all = new Uint8Array(128 * out.length);
  out.forEach((b, k) => all.set(b, 128 * k));
  return ctx.copyToUser(buf, all) ? ok(all.length) : fail(E.EFAULT);
}

/** A read of an empty pipe or a write to a full one: -EAGAIN on an O_NONBLOCK descriptor, else the
 * task sleeps until the other end acts (-ERESTARTSYS when a signal is already pending, pipe_read). */
function pipeWait(
  ctx: SyscallContext,
  f: OpenFile,
  fifo: { readWait: WaitQueue; writeWait: WaitQueue },
  write: boolean,
  mayBlock: boolean,
): bigint {
  if (!mayBlock || f.flags & O.NONBLOCK || !ctx.block) return fail(E.EAGAIN);
  if (ctx.signalPending?.()) return fail(E.ERESTARTSYS);
  const what = f.inode instanceof EventInode ? f.inode.kind.replace('anon_inode:', '') : 'pipe';
  return ctx.block({
    // a timer's expiry makes it readable by itself
    deadlineNs: f.inode instanceof EventInode ? f.inode.wakeAtNs() : undefined,
    why: write ? `write to a full ${what}` : `read of an empty ${what}`,
    queues: [write ? fifo.writeWait : fifo.readWait],
  });
}

export function readInto(
  ctx: SyscallContext,
  f: OpenFile,
  buf: bigint,
  count: number,
  at?: number,
  mayBlock = true,
): bigint {
  if (f.inode instanceof SignalfdInode) return readSignalfd(ctx, f, f.inode, buf, count, mayBlock);
  let n = Math.min(count, MAX_RW);
  if (f.inode instanceof DeviceInode || f.inode instanceof PipeInode || f.inode instanceof FifoInode)
    n = Math.min(n, MAX_DEVICE_READ);
  const data = f.read(n, at);
  const rbuf = bufferOf(f.inode, false);
  const rwait = waitQueuesOf(f.inode, false);
  if (data === E.EAGAIN && rwait) return pipeWait(ctx, f, rwait, false, mayBlock);
  if (typeof data === 'number') return fail(data);
  if (data.length > 0 && !ctx.copyToUser(buf, data)) {
    if (f.inode instanceof PipeInode) f.inode.untake(data.length);
    else if (rbuf) rbuf.unread(data);
    else if (at === undefined) f.pos -= data.length;
    return fail(E.EFAULT);
  }
  return ok(data.length);
}

/**
 * read/pread64 and write/pwrite64 in the kernel's order of checks: pread's negative position first
 * (before the descriptor), the descriptor, ESPIPE for a positioned call on a pipe, the access mode
 * (EBADF, even for 0 bytes), a count with the sign bit set (EINVAL), then the transfer.
 */
function transfer(ctx: SyscallContext, write: boolean, positioned: boolean): bigint {
  const pos = positioned ? BigInt.asIntN(64, ctx.arg(3)) : 0n;
  if (pos < 0n) return fail(E.EINVAL);
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (positioned && !f.seekable) return fail(E.ESPIPE);
  if (write ? !f.writable : !f.readable) return fail(E.EBADF);
  const count = ctx.arg(2);
  if (BigInt.asIntN(64, count) < 0n) return fail(E.EINVAL);
  if (count === 0n) return 0n;
  const n = Number(count < 0x7fffffffn ? count : 0x7fffffffn);
  const at = positioned ? Number(pos) : undefined;
  return write ? writeFrom(ctx, f, ctx.arg(1), n, at) : readInto(ctx, f, ctx.arg(1), n, at);
}

const sysRead = (ctx: SyscallContext) => transfer(ctx, false, false);
const sysPread = (ctx: SyscallContext) => transfer(ctx, false, true);
const sysWrite = (ctx: SyscallContext) => transfer(ctx, true, false);
const sysPwrite = (ctx: SyscallContext) => transfer(ctx, true, true);

export function writeFrom(ctx: SyscallContext, f: OpenFile, buf: bigint, count: number, at?: number): bigint {
  if (!f.writable) return fail(E.EBADF);
  // a full pipe: wait for room before the bytes are copied (pipe_write)
  const wbuf = bufferOf(f.inode, true);
  if (wbuf && wbuf.readers > 0 && wbuf.available() >= PIPE_CAPACITY) return pipeWait(ctx, f, wbuf, true, true);
  const n = Math.min(count, MAX_RW, MAX_FILE);
  const bytes = ctx.copyFromUser(buf, n);
  if (!bytes) return fail(E.EFAULT);
  const r = f.write(bytes, ctx.kernel.clock.realtimeNs(), at);
  if (r === -E.EAGAIN && waitQueuesOf(f.inode, true)) return pipeWait(ctx, f, waitQueuesOf(f.inode, true)!, true, true);
  return ok(brokenPipe(ctx, r));
}

/** A write to a pipe with no reader left: EPIPE, and the writer gets SIGPIPE (pipe_write). */
function brokenPipe(ctx: SyscallContext, r: number): number {
  if (r === -E.EPIPE) ctx.signals?.kill({ kind: 'tkill', tid: ctx.pid, signo: 13 });
  return r;
}

/** struct iovec[iovcnt] from user memory: [base, len] pairs, or an errno */
function iovecs(ctx: SyscallContext, ea: bigint, cnt: number): [bigint, number][] | number {
  if (cnt < 0 || cnt > 1024) return E.EINVAL;
  if (cnt === 0) return [];
  const raw = ctx.copyFromUser(ea, 16 * cnt);
  if (!raw) return E.EFAULT;
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out: [bigint, number][] = [];
  let total = 0n;
  for (let i = 0; i < cnt; i++) {
    const len = dv.getBigUint64(16 * i + 8, true);
    if (len > 0x7fffffffffffffffn) return E.EINVAL;
    total += len;
    if (total > 0x7fffffffffffffffn) return E.EINVAL;
    out.push([dv.getBigUint64(16 * i, true), Number(len < BigInt(MAX_RW) ? len : BigInt(MAX_RW))]);
  }
  return out;
}

function sysReadv(ctx: SyscallContext, positioned = false): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (!f.readable) return fail(E.EBADF);
  const v = iovecs(ctx, ctx.arg(1), int(ctx.arg(2)));
  if (typeof v === 'number') return fail(v);
  let at = positioned ? Number(BigInt.asIntN(64, ctx.arg(3))) : undefined;
  if (at !== undefined && at < 0) return fail(E.EINVAL);
  let done = 0;
  for (const [base, len] of v) {
    if (len === 0) continue;
    const r = readInto(ctx, f, base, len, at, done === 0);
    if (r < 0n) return done > 0 ? ok(done) : r;
    done += Number(r);
    if (at !== undefined) at += Number(r);
    if (Number(r) < len) break;
  }
  return ok(done);
}

function sysWritev(ctx: SyscallContext, positioned = false): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (!f.writable) return fail(E.EBADF);
  const v = iovecs(ctx, ctx.arg(1), int(ctx.arg(2)));
  if (typeof v === 'number') return fail(v);
  const at = positioned ? Number(BigInt.asIntN(64, ctx.arg(3))) : undefined;
  if (at !== undefined && at < 0) return fail(E.EINVAL);
  // one transfer of the gathered bytes (a pipe sees one write, as Linux's writev gives)
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const [base, len] of v) {
    if (len === 0) continue;
    const b = ctx.copyFromUser(base, len);
    if (!b) {
      if (parts.length === 0) return fail(E.EFAULT);
      break;
    }
    parts.push(b);
    total += b.length;
  }
  const all = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  if (total === 0) return 0n;
  const r = f.write(all, ctx.kernel.clock.realtimeNs(), at);
  const wbuf = bufferOf(f.inode, true);
  if (r === -E.EAGAIN && waitQueuesOf(f.inode, true)) return pipeWait(ctx, f, waitQueuesOf(f.inode, true)!, true, true);
  return ok(brokenPipe(ctx, r));
}

function sysLseek(ctx: SyscallContext): bigint {
  return seek(ctx, int(ctx.arg(0)), BigInt.asIntN(64, ctx.arg(1)), int(ctx.arg(2)));
}

/** lseek and _llseek: the new offset, or -errno */
function seek(ctx: SyscallContext, fd: number, off: bigint, whence: number): bigint {
  const f = ctx.proc.fds.getFile(fd);
  if (!f) return fail(E.EBADF);
  if (!f.seekable) return fail(E.ESPIPE);
  // eventfd, epoll, timerfd: noop_llseek, the position (0) whatever is asked
  if (f.inode instanceof EventInode) return ok(BigInt(f.pos));
  // /dev/null, /dev/zero, /dev/full: any seek succeeds and the position stays 0 (null_lseek)
  if (f.inode instanceof DeviceInode) return whence >= 0 && whence <= 4 ? 0n : fail(E.EINVAL);
  const size = BigInt(f.snapshot ? f.snapshot.length : f.inode.size());
  let pos: bigint;
  if (whence === 0) pos = off;
  else if (whence === 1) pos = BigInt(f.pos) + off;
  else if (whence === 2) pos = size + off;
  else if (whence === 3 || whence === 4) {
    // SEEK_DATA / SEEK_HOLE: the whole file is data
    if (off < 0n || off >= size) return fail(E.ENXIO);
    pos = whence === 3 ? off : size;
  } else return fail(E.EINVAL);
  if (f.inode.isDir()) {
    // a directory's position is the d_off of the last entry read (0: from the start)
    if (pos < 0n || pos > BigInt(Number.MAX_SAFE_INTEGER)) return fail(E.EINVAL);
    f.pos = Number(pos);
    return ok(pos);
  }
  if (pos < 0n) return fail(E.EINVAL);
  if (pos > BigInt(Number.MAX_SAFE_INTEGER)) return fail(E.EOVERFLOW);
  f.pos = Number(pos);
  return ok(pos);
}

function sysFtruncate(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  return truncateInode(ctx, f.inode, BigInt.asIntN(64, ctx.arg(1)), f.writable);
}

function sysTruncate(ctx: SyscallContext): bigint {
  const r = lookup(ctx, AT_FDCWD, ctx.arg(0), true);
  if (typeof r === 'number') return fail(r);
  return truncateInode(ctx, r.inode, BigInt.asIntN(64, ctx.arg(1)), true);
}

function truncateInode(ctx: SyscallContext, inode: Inode, len: bigint, writable: boolean): bigint {
  if (len < 0n) return fail(E.EINVAL);
  if (inode.isDir()) return fail(E.EISDIR);
  if (!(inode instanceof FileInode)) return fail(E.EINVAL);
  if (!writable) return fail(E.EINVAL);
  if (inode.readOnly) return fail(E.EROFS);
  if (len > BigInt(MAX_FILE)) return fail(E.EFBIG);
  inode.truncate(Number(len));
  inode.mtimeNs = inode.ctimeNs = ctx.kernel.clock.realtimeNs();
  return 0n;
}

// ---- descriptors ----

function sysDup(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.get(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  return ok(ctx.proc.fds.install(f, false));
}

function dup3(ctx: SyscallContext, oldfd: number, newfd: number, flags: number, isDup2: boolean): bigint {
  // ksys_dup3's order: the flags, the same descriptor twice, the limit, then the old descriptor
  if (flags & ~O.CLOEXEC) return fail(E.EINVAL);
  if (oldfd === newfd && !isDup2) return fail(E.EINVAL);
  const f = ctx.proc.fds.get(oldfd);
  if (oldfd === newfd) return f ? ok(newfd) : fail(E.EBADF);
  if (newfd < 0 || newfd >= ctx.proc.fds.limit) return fail(E.EBADF);
  if (!f) return fail(E.EBADF);
  ctx.proc.fds.installAt(newfd, f, (flags & O.CLOEXEC) !== 0);
  return ok(newfd);
}

const sysDup2 = (ctx: SyscallContext) => dup3(ctx, int(ctx.arg(0)), int(ctx.arg(1)), 0, true);
const sysDup3 = (ctx: SyscallContext) => dup3(ctx, int(ctx.arg(0)), int(ctx.arg(1)), int(ctx.arg(2)), false);

const F = {
  DUPFD: 0,
  GETFD: 1,
  SETFD: 2,
  GETFL: 3,
  SETFL: 4,
  GETLK: 5,
  SETLK: 6,
  SETLKW: 7,
  DUPFD_CLOEXEC: 1030,
  GETPIPE_SZ: 1032,
  ADD_SEALS: 1033,
  GET_SEALS: 1034,
} as const;

function sysFcntl(ctx: SyscallContext): bigint {
  const fd = int(ctx.arg(0));
  const e = ctx.proc.fds.entry(fd);
  if (!e) return fail(E.EBADF);
  const cmd = int(ctx.arg(1));
  const arg = ctx.arg(2);
  switch (cmd) {
    case F.DUPFD:
    case F.DUPFD_CLOEXEC: {
      const min = int(arg);
      if (min < 0 || min >= ctx.proc.fds.limit) return fail(E.EINVAL);
      return ok(ctx.proc.fds.install(e.file, cmd === F.DUPFD_CLOEXEC, min));
    }
    case F.GETFD:
      return e.cloexec ? 1n : 0n;
    case F.SETFD:
      e.cloexec = (arg & 1n) !== 0n;
      return 0n;
    case F.GETFL:
      // (open adds O_LARGEFILE on 64-bit; O_PATH keeps only O_DIRECTORY and O_NOFOLLOW with it)
      return ok(e.file.flags & O.PATH ? e.file.flags : e.file.flags | O.LARGEFILE);
    case F.SETFL:
      e.file.setStatusFlags(int(arg));
      return 0n;
    case F.GETLK: {
      // struct flock: l_type (short) at 0; no other process holds a lock here: F_UNLCK
      const b = ctx.copyFromUser(arg, 32);
      if (!b) return fail(E.EFAULT);
      b[0] = 2;
      b[1] = 0;
      return ctx.copyToUser(arg, b.subarray(0, 2)) ? 0n : fail(E.EFAULT);
    }
    case F.SETLK:
    case F.SETLKW:
      return ctx.copyFromUser(arg, 32) ? 0n : fail(E.EFAULT);
    case F.GETPIPE_SZ:
      // pipe_fcntl: the capacity of a pipe (ours or the standard streams'), EBADF for anything else
      return e.file.inode instanceof PipeInode || e.file.inode instanceof FifoInode
        ? BigInt(PIPE_CAPACITY)
        : fail(E.EBADF);
    default:
      return fail(E.EINVAL);
  }
}

const TCGETS = 0x402c7413; // powerpc's _IOR('t', 19, struct termios)
const TIOCGWINSZ = 0x40087468;
const FIONREAD = 0x4004667f;
const FIONBIO = 0x8004667e;
const FIOCLEX = 0x20006601;
const FIONCLEX = 0x20006602;

function sysIoctl(ctx: SyscallContext): bigint {
  const fd = int(ctx.arg(0));
  const e = ctx.proc.fds.entry(fd);
  if (!e || e.file.flags & O.PATH) return fail(E.EBADF);
  const req = Number(ctx.arg(1) & 0xffffffffn);
  // a perf event's own ioctls (do_vfs_ioctl handles the three generic ones first)
  if (e.file.inode instanceof PerfEventInode && req !== FIOCLEX && req !== FIONCLEX && req !== FIONBIO)
    return perfIoctl(ctx, e.file.inode, req);
  switch (req) {
    case FIOCLEX:
      e.cloexec = true;
      return 0n;
    case FIONCLEX:
      e.cloexec = false;
      return 0n;
    case FIONBIO: {
      const b = ctx.copyFromUser(ctx.arg(2), 4);
      if (!b) return fail(E.EFAULT);
      const on = (b[0] | b[1] | b[2] | b[3]) !== 0;
      e.file.setStatusFlags(on ? e.file.flags | O.NONBLOCK : e.file.flags & ~O.NONBLOCK);
      return 0n;
    }
    case FIONREAD: {
      const i = e.file.inode;
      if (i instanceof FileInode || i instanceof PipeInode || i instanceof FifoInode) {
        const left =
          i instanceof PipeInode || i instanceof FifoInode ? i.available() : Math.max(0, i.size() - e.file.pos);
        const out = new Uint8Array(4);
        new DataView(out.buffer).setInt32(0, Math.min(left, 0x7fffffff), true);
        return ctx.copyToUser(ctx.arg(2), out) ? 0n : fail(E.EFAULT);
      }
      return fail(E.ENOTTY);
    }
    case TCGETS:
    case TIOCGWINSZ:
    default:
      // no terminal here: standard input and output are pipes, other files are not ttys
      return fail(E.ENOTTY);
  }
}

// ---- metadata ----

/** struct stat as powerpc64 defines it (144 bytes; st_nlink before st_mode). */
export function statBytes(i: Inode, ino: number, snapshotSize?: number): Uint8Array {
  const out = new Uint8Array(144);
  const dv = new DataView(out.buffer);
  const size = snapshotSize ?? i.size();
  dv.setBigUint64(0, BigInt(i.dev), true);
  dv.setBigUint64(8, BigInt(ino), true);
  dv.setBigUint64(16, BigInt(Math.max(0, i.nlink)), true);
  dv.setUint32(24, i.mode, true);
  dv.setUint32(28, i.uid, true);
  dv.setUint32(32, i.gid, true);
  dv.setBigUint64(40, BigInt(i.rdev), true);
  dv.setBigInt64(48, BigInt(size), true);
  dv.setBigUint64(56, BigInt(i.blksize), true);
  dv.setBigUint64(64, BigInt(i.blocks()), true);
  const ts = (off: number, ns: bigint) => {
    dv.setBigUint64(off, ns / 1_000_000_000n, true);
    dv.setBigUint64(off + 8, ns % 1_000_000_000n, true);
  };
  ts(72, i.atimeNs);
  ts(88, i.mtimeNs);
  ts(104, i.ctimeNs);
  return out;
}

function putStat(ctx: SyscallContext, ea: bigint, i: Inode): bigint {
  return ctx.copyToUser(ea, statBytes(i, ctx.kernel.fs.inoOf(i))) ? 0n : fail(E.EFAULT);
}

function sysNewfstatat(ctx: SyscallContext): bigint {
  const flags = int(ctx.arg(3));
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.NO_AUTOMOUNT | AT.EMPTY_PATH)) return fail(E.EINVAL);
  const r = lookup(ctx, int(ctx.arg(0)), ctx.arg(1), !(flags & AT.SYMLINK_NOFOLLOW), (flags & AT.EMPTY_PATH) !== 0);
  if (typeof r === 'number') return fail(r);
  return putStat(ctx, ctx.arg(2), r.inode);
}

function sysFstat(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.get(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  return putStat(ctx, ctx.arg(1), f.inode);
}

function sysStat(ctx: SyscallContext, follow: boolean): bigint {
  const r = lookup(ctx, AT_FDCWD, ctx.arg(0), follow);
  if (typeof r === 'number') return fail(r);
  return putStat(ctx, ctx.arg(1), r.inode);
}

/** statx(dirfd, path, flags, mask, buf): struct statx (256 bytes) */
function sysStatx(ctx: SyscallContext): bigint {
  const flags = int(ctx.arg(2));
  // AT_STATX_FORCE_SYNC and AT_STATX_DONT_SYNC (0x2000, 0x4000) are one or the other; STATX__RESERVED
  const SYNC_TYPE = 0x6000;
  if (flags & ~(AT.SYMLINK_NOFOLLOW | AT.NO_AUTOMOUNT | AT.EMPTY_PATH | SYNC_TYPE) || (flags & SYNC_TYPE) === SYNC_TYPE)
    return fail(E.EINVAL);
  if (ctx.arg(3) & 0x80000000n) return fail(E.EINVAL);
  const r = lookup(ctx, int(ctx.arg(0)), ctx.arg(1), !(flags & AT.SYMLINK_NOFOLLOW), (flags & AT.EMPTY_PATH) !== 0);
  if (typeof r === 'number') return fail(r);
  const i = r.inode;
  const out = new Uint8Array(256);
  const dv = new DataView(out.buffer);
  const BASIC = 0x7ff;
  dv.setUint32(0, BASIC, true); // stx_mask
  dv.setUint32(4, i.blksize, true);
  dv.setBigUint64(8, 0n, true); // stx_attributes
  dv.setUint32(16, Math.max(0, i.nlink), true);
  dv.setUint32(20, i.uid, true);
  dv.setUint32(24, i.gid, true);
  dv.setUint16(28, i.mode, true);
  dv.setBigUint64(32, BigInt(ctx.kernel.fs.inoOf(i)), true);
  dv.setBigUint64(40, BigInt(i.size()), true);
  dv.setBigUint64(48, BigInt(i.blocks()), true);
  const ts = (off: number, ns: bigint) => {
    dv.setBigInt64(off, ns / 1_000_000_000n, true);
    dv.setUint32(off + 8, Number(ns % 1_000_000_000n), true);
  };
  ts(64, i.atimeNs); // atime
  ts(80, i.ctimeNs); // btime
  ts(96, i.ctimeNs); // ctime
  ts(112, i.mtimeNs); // mtime
  dv.setUint32(128, i.rdev >> 8, true);
  dv.setUint32(132, i.rdev & 0xff, true);
  dv.setUint32(136, i.dev >> 8, true);
  dv.setUint32(140, i.dev & 0xff, true);
  return ctx.copyToUser(ctx.arg(4), out) ? 0n : fail(E.EFAULT);
}

function readlinkAt(ctx: SyscallContext, dirfd: number, pathEa: bigint, buf: bigint, size: bigint): bigint {
  if (BigInt.asIntN(64, size) <= 0n) return fail(E.EINVAL);
  const r = lookup(ctx, dirfd, pathEa, false, true);
  if (typeof r === 'number') return fail(r);
  if (!(r.inode instanceof SymlinkInode)) return fail(E.EINVAL);
  const target = new TextEncoder().encode(r.inode.target(caller(ctx)));
  const n = Math.min(target.length, Number(size < 0x7fffffffn ? size : 0x7fffffffn));
  return ctx.copyToUser(buf, target.subarray(0, n)) ? ok(n) : fail(E.EFAULT);
}

const sysReadlink = (ctx: SyscallContext) => readlinkAt(ctx, AT_FDCWD, ctx.arg(0), ctx.arg(1), ctx.arg(2));
const sysReadlinkat = (ctx: SyscallContext) => readlinkAt(ctx, int(ctx.arg(0)), ctx.arg(1), ctx.arg(2), ctx.arg(3));

function faccessat(ctx: SyscallContext, dirfd: number, pathEa: bigint, mode: number, flags: number): bigint {
  if (mode & ~7) return fail(E.EINVAL);
  const r = lookup(ctx, dirfd, pathEa, !(flags & AT.SYMLINK_NOFOLLOW), (flags & AT.EMPTY_PATH) !== 0);
  if (typeof r === 'number') return fail(r);
  const i = r.inode;
  // root: read and write always (but not on a read-only mount; a read-only sysfs file passes here
  // and refuses the open), execute if any x bit or a directory
  if (mode & 2 && i.readOnly) return fail(E.EROFS);
  if (mode & 1 && !i.isDir() && (i.mode & 0o111) === 0) return fail(E.EACCES);
  return 0n;
}

const sysAccess = (ctx: SyscallContext) => faccessat(ctx, AT_FDCWD, ctx.arg(0), int(ctx.arg(1)), 0);
const sysFaccessat = (ctx: SyscallContext) => faccessat(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)), 0);
const sysFaccessat2 = (ctx: SyscallContext) =>
  faccessat(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)), int(ctx.arg(3)));

/**
 * getdents64: struct linux_dirent64 { u64 ino; s64 off; u16 reclen; u8 type; char name[] }. The
 * entries after the description's position, each with its own position as d_off (`.` is 1, `..` 2).
 */
function sysGetdents64(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (!f.inode.isDir()) return fail(E.ENOTDIR);
  const d = f.inode as DirInode;
  // a removed directory lists nothing, not even . and .. (iterate_dir)
  if (d.nlink === 0) return fail(E.ENOENT);
  const max = Number(ctx.arg(2) < 0x100000n ? ctx.arg(2) : 0x100000n);
  const all: [string, Inode, number][] = [['.', d, 1], ['..', d.parent, 2], ...d.positioned(caller(ctx))];
  const out = new Uint8Array(max);
  const dv = new DataView(out.buffer);
  let o = 0;
  const from = f.pos;
  for (const [name, node, off] of all) {
    if (off <= from) continue;
    const nb = new TextEncoder().encode(name);
    const reclen = (19 + nb.length + 1 + 7) & ~7;
    if (o + reclen > max) {
      if (o === 0) return fail(E.EINVAL);
      break;
    }
    dv.setBigUint64(o, BigInt(ctx.kernel.fs.inoOf(node)), true);
    dv.setBigInt64(o + 8, BigInt(off), true);
    dv.setUint16(o + 16, reclen, true);
    out[o + 18] = node.dtype;
    out.set(nb, o + 19);
    o += reclen;
    f.pos = off;
  }
  if (o === 0) return 0n;
  if (ctx.copyToUser(ctx.arg(1), out.subarray(0, o))) return ok(o);
  f.pos = from;
  return fail(E.EFAULT);
}

// ---- names ----

function mkdirat(ctx: SyscallContext, dirfd: number, pathEa: bigint, mode: number): bigint {
  const path = pathArg(ctx, pathEa);
  if (typeof path === 'number') return fail(path);
  const start = startDir(ctx, dirfd, path);
  if (typeof start === 'number') return fail(start);
  const p = ctx.kernel.fs.parent(path, start, caller(ctx));
  if (typeof p === 'number') return fail(p);
  if (p.existing || p.name === '' || p.name === '.' || p.name === '..') return fail(E.EEXIST);
  // (vfs_mkdir keeps the permission bits and the sticky bit, not set-user/group-ID)
  return fail(ctx.kernel.fs.mkdir(p.dir, p.name, mode & ~ctx.proc.umask & 0o1777));
}

const sysMkdir = (ctx: SyscallContext) => mkdirat(ctx, AT_FDCWD, ctx.arg(0), int(ctx.arg(1)));
const sysMkdirat = (ctx: SyscallContext) => mkdirat(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)));

function unlinkat(ctx: SyscallContext, dirfd: number, pathEa: bigint, flags: number): bigint {
  if (flags & ~AT.REMOVEDIR) return fail(E.EINVAL);
  const path = pathArg(ctx, pathEa);
  if (typeof path === 'number') return fail(path);
  const start = startDir(ctx, dirfd, path);
  if (typeof start === 'number') return fail(start);
  const p = ctx.kernel.fs.parent(path, start, caller(ctx));
  if (typeof p === 'number') return fail(p);
  const wantDir = (flags & AT.REMOVEDIR) !== 0;
  // do_rmdir: `..` ENOTEMPTY, `.` EINVAL, `/` EBUSY; do_unlinkat: EISDIR for all three
  if (p.name === '' || p.name === '.' || p.name === '..') {
    if (!wantDir) return fail(E.EISDIR);
    return fail(p.name === '' ? E.EBUSY : p.name === '.' ? E.EINVAL : E.ENOTEMPTY);
  }
  if (!wantDir && p.trailingSlash) return fail(!p.existing ? E.ENOENT : p.existing.isDir() ? E.EISDIR : E.ENOTDIR);
  return fail(ctx.kernel.fs.remove(p.dir, p.name, wantDir, caller(ctx)));
}

const sysUnlink = (ctx: SyscallContext) => unlinkat(ctx, AT_FDCWD, ctx.arg(0), 0);
const sysRmdir = (ctx: SyscallContext) => unlinkat(ctx, AT_FDCWD, ctx.arg(0), AT.REMOVEDIR);
const sysUnlinkat = (ctx: SyscallContext) => unlinkat(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)));

function renameat2(
  ctx: SyscallContext,
  olddir: number,
  oldEa: bigint,
  newdir: number,
  newEa: bigint,
  flags: number,
): bigint {
  const NOREPLACE = 1;
  if (flags & ~NOREPLACE) return fail(E.EINVAL);
  const from = pathArg(ctx, oldEa);
  if (typeof from === 'number') return fail(from);
  const to = pathArg(ctx, newEa);
  if (typeof to === 'number') return fail(to);
  const s1 = startDir(ctx, olddir, from);
  if (typeof s1 === 'number') return fail(s1);
  const s2 = startDir(ctx, newdir, to);
  if (typeof s2 === 'number') return fail(s2);
  const a = ctx.kernel.fs.parent(from, s1, caller(ctx));
  if (typeof a === 'number') return fail(a);
  const b = ctx.kernel.fs.parent(to, s2, caller(ctx));
  if (typeof b === 'number') return fail(b);
  if (!a.existing) return fail(E.ENOENT);
  // a file's name may not end with a slash, on either side
  if (!a.existing.isDir() && (a.trailingSlash || b.trailingSlash)) return fail(E.ENOTDIR);
  return fail(ctx.kernel.fs.rename(a.dir, a.name, b.dir, b.name, caller(ctx), (flags & NOREPLACE) !== 0));
}

const sysRename = (ctx: SyscallContext) => renameat2(ctx, AT_FDCWD, ctx.arg(0), AT_FDCWD, ctx.arg(1), 0);
const sysRenameat = (ctx: SyscallContext) =>
  renameat2(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)), ctx.arg(3), 0);
const sysRenameat2 = (ctx: SyscallContext) =>
  renameat2(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)), ctx.arg(3), int(ctx.arg(4)));

function linkat(
  ctx: SyscallContext,
  olddir: number,
  oldEa: bigint,
  newdir: number,
  newEa: bigint,
  flags: number,
): bigint {
  const r = lookup(ctx, olddir, oldEa, (flags & AT.SYMLINK_FOLLOW) !== 0, (flags & AT.EMPTY_PATH) !== 0);
  if (typeof r === 'number') return fail(r);
  const to = pathArg(ctx, newEa);
  if (typeof to === 'number') return fail(to);
  const s = startDir(ctx, newdir, to);
  if (typeof s === 'number') return fail(s);
  const p = ctx.kernel.fs.parent(to, s, caller(ctx));
  if (typeof p === 'number') return fail(p);
  if (p.existing) return fail(E.EEXIST);
  return fail(ctx.kernel.fs.link(r.inode, p.dir, p.name));
}

const sysLink = (ctx: SyscallContext) => linkat(ctx, AT_FDCWD, ctx.arg(0), AT_FDCWD, ctx.arg(1), 0);
const sysLinkat = (ctx: SyscallContext) =>
  linkat(ctx, int(ctx.arg(0)), ctx.arg(1), int(ctx.arg(2)), ctx.arg(3), int(ctx.arg(4)));

function symlinkat(ctx: SyscallContext, targetEa: bigint, dirfd: number, pathEa: bigint): bigint {
  const target = pathArg(ctx, targetEa);
  if (typeof target === 'number') return fail(target);
  if (target === '') return fail(E.ENOENT);
  const path = pathArg(ctx, pathEa);
  if (typeof path === 'number') return fail(path);
  const s = startDir(ctx, dirfd, path);
  if (typeof s === 'number') return fail(s);
  const p = ctx.kernel.fs.parent(path, s, caller(ctx));
  if (typeof p === 'number') return fail(p);
  if (p.existing) return fail(E.EEXIST);
  return fail(ctx.kernel.fs.symlink(p.dir, p.name, target));
}

const sysSymlink = (ctx: SyscallContext) => symlinkat(ctx, ctx.arg(0), AT_FDCWD, ctx.arg(1));
const sysSymlinkat = (ctx: SyscallContext) => symlinkat(ctx, ctx.arg(0), int(ctx.arg(1)), ctx.arg(2));

function chmodInode(ctx: SyscallContext, i: Inode, mode: number): bigint {
  if (i.readOnly) return fail(E.EROFS);
  if (i instanceof SymlinkInode) return fail(E.EOPNOTSUPP);
  i.mode = (i.mode & S_IFMT) | (mode & 0o7777);
  i.ctimeNs = ctx.kernel.clock.realtimeNs();
  return 0n;
}

function sysChmod(ctx: SyscallContext): bigint {
  const r = lookup(ctx, AT_FDCWD, ctx.arg(0), true);
  return typeof r === 'number' ? fail(r) : chmodInode(ctx, r.inode, int(ctx.arg(1)));
}
function sysFchmod(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  return f ? chmodInode(ctx, f.inode, int(ctx.arg(1))) : fail(E.EBADF);
}
function sysFchmodat(ctx: SyscallContext): bigint {
  const r = lookup(ctx, int(ctx.arg(0)), ctx.arg(1), true);
  return typeof r === 'number' ? fail(r) : chmodInode(ctx, r.inode, int(ctx.arg(2)));
}

function chownAt(ctx: SyscallContext, r: Resolved | number, uid: number, gid: number): bigint {
  if (typeof r === 'number') return fail(r);
  if (r.inode.readOnly) return fail(E.EROFS);
  if (uid !== -1) r.inode.uid = uid >>> 0;
  if (gid !== -1) r.inode.gid = gid >>> 0;
  r.inode.ctimeNs = ctx.kernel.clock.realtimeNs();
  return 0n;
}
const sysChown = (ctx: SyscallContext) =>
  chownAt(ctx, lookup(ctx, AT_FDCWD, ctx.arg(0), true), int(ctx.arg(1)), int(ctx.arg(2)));
const sysLchown = (ctx: SyscallContext) =>
  chownAt(ctx, lookup(ctx, AT_FDCWD, ctx.arg(0), false), int(ctx.arg(1)), int(ctx.arg(2)));
function sysFchown(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  return chownAt(ctx, { inode: f.inode, dir: ctx.kernel.fs.root, name: '' }, int(ctx.arg(1)), int(ctx.arg(2)));
}
function sysFchownat(ctx: SyscallContext): bigint {
  const flags = int(ctx.arg(4));
  return chownAt(
    ctx,
    lookup(ctx, int(ctx.arg(0)), ctx.arg(1), !(flags & AT.SYMLINK_NOFOLLOW), (flags & AT.EMPTY_PATH) !== 0),
    int(ctx.arg(2)),
    int(ctx.arg(3)),
  );
}

/** utimensat(dirfd, path, times[2], flags): UTIME_NOW / UTIME_OMIT as Linux */
function sysUtimensat(ctx: SyscallContext): bigint {
  const flags = int(ctx.arg(3));
  const pathEa = ctx.arg(1);
  let r: Resolved | number;
  if (pathEa === 0n) {
    const f = ctx.proc.fds.get(int(ctx.arg(0)));
    r = f ? { inode: f.inode, dir: ctx.kernel.fs.root, name: '' } : E.EBADF;
  } else r = lookup(ctx, int(ctx.arg(0)), pathEa, !(flags & AT.SYMLINK_NOFOLLOW), (flags & AT.EMPTY_PATH) !== 0);
  if (typeof r === 'number') return fail(r);
  const now = ctx.kernel.clock.realtimeNs();
  const UTIME_NOW = (1n << 30n) - 1n;
  const UTIME_OMIT = (1n << 30n) - 2n;
  let times: [bigint, bigint][] = [
    [0n, UTIME_NOW],
    [0n, UTIME_NOW],
  ];
  if (ctx.arg(2) !== 0n) {
    const b = ctx.copyFromUser(ctx.arg(2), 32);
    if (!b) return fail(E.EFAULT);
    const dv = new DataView(b.buffer, b.byteOffset, 32);
    times = [
      [dv.getBigInt64(0, true), dv.getBigInt64(8, true)],
      [dv.getBigInt64(16, true), dv.getBigInt64(24, true)],
    ];
  }
  if (r.inode.readOnly) return fail(E.EROFS);
  const val = ([s, ns]: [bigint, bigint]) => (ns === UTIME_NOW ? now : s * 1_000_000_000n + ns);
  if (times[0][1] !== UTIME_OMIT) r.inode.atimeNs = val(times[0]);
  if (times[1][1] !== UTIME_OMIT) r.inode.mtimeNs = val(times[1]);
  r.inode.ctimeNs = now;
  return 0n;
}

// ---- working directory ----

function sysGetcwd(ctx: SyscallContext): bigint {
  // the working directory was removed: it has no path any more
  if (ctx.proc.cwd.nlink === 0) return fail(E.ENOENT);
  const path = new TextEncoder().encode(ctx.kernel.fs.pathOf(ctx.proc.cwd) + '\0');
  const size = ctx.arg(1);
  if (size < BigInt(path.length)) return fail(E.ERANGE);
  return ctx.copyToUser(ctx.arg(0), path) ? ok(path.length) : fail(E.EFAULT);
}

function sysChdir(ctx: SyscallContext): bigint {
  const r = lookup(ctx, AT_FDCWD, ctx.arg(0), true);
  if (typeof r === 'number') return fail(r);
  if (!r.inode.isDir()) return fail(E.ENOTDIR);
  ctx.proc.cwd = r.inode as DirInode;
  return 0n;
}

function sysFchdir(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.get(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (!f.inode.isDir()) return fail(E.ENOTDIR);
  ctx.proc.cwd = f.inode as DirInode;
  return 0n;
}

function sysUmask(ctx: SyscallContext): bigint {
  const old = ctx.proc.umask;
  ctx.proc.umask = int(ctx.arg(0)) & 0o777;
  return ok(old);
}

const sysSync = () => 0n;
function sysFsync(ctx: SyscallContext): bigint {
  return ctx.proc.fds.getFile(int(ctx.arg(0))) ? 0n : fail(E.EBADF);
}

/** fadvise64(fd, offset, len, advice): advice only */
function sysFadvise(ctx: SyscallContext): bigint {
  const f = ctx.proc.fds.getFile(int(ctx.arg(0)));
  if (!f) return fail(E.EBADF);
  if (f.inode instanceof PipeInode) return fail(E.ESPIPE);
  return 0n;
}

/** pipe2(fds[2], flags): a read end and a write end (fds[0], fds[1]) over one in-machine pipe. */
function sysPipe2(ctx: SyscallContext, flags: number): bigint {
  if (flags & ~(O.CLOEXEC | O.NONBLOCK | O.DIRECT)) return fail(E.EINVAL);
  const fifo = new FifoInode(ctx.kernel.clock.realtimeNs());
  const status = flags & (O.NONBLOCK | O.DIRECT);
  const rd = new OpenFile(fifo, O.RDONLY | status);
  const wr = new OpenFile(fifo, O.WRONLY | status);
  const fds = ctx.proc.fds;
  const a = fds.install(rd, (flags & O.CLOEXEC) !== 0);
  if (a < 0) return fail(-a);
  const b = fds.install(wr, (flags & O.CLOEXEC) !== 0);
  if (b < 0) {
    fds.close(a);
    return fail(-b);
  }
  const out = new Uint8Array(8);
  const dv = new DataView(out.buffer);
  dv.setInt32(0, a, true);
  dv.setInt32(4, b, true);
  if (!ctx.copyToUser(ctx.arg(0), out)) {
    fds.close(a);
    fds.close(b);
    return fail(E.EFAULT);
  }
  return 0n;
}

/** _llseek(fd, offset_high, offset_low, result, whence): what glibc's lseek calls on powerpc64; the
 * new offset is stored at *result (a loff_t) and 0 returned. */
function sysLlseek(ctx: SyscallContext): bigint {
  const off = ((ctx.arg(1) & 0xffffffffn) << 32n) | (ctx.arg(2) & 0xffffffffn);
  const r = seek(ctx, int(ctx.arg(0)), BigInt.asIntN(64, off), int(ctx.arg(4)));
  if (r < 0n) return r;
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, r, true);
  return ctx.copyToUser(ctx.arg(3), out) ? 0n : fail(E.EFAULT);
}

export const FILE_SYSCALLS: readonly SyscallDef[] = [
  [3, 'read', sysRead],
  [4, 'write', sysWrite],
  [5, 'open', sysOpen],
  [6, 'close', sysClose],
  [8, 'creat', sysCreat],
  [9, 'link', sysLink],
  [10, 'unlink', sysUnlink],
  [12, 'chdir', sysChdir],
  [15, 'chmod', sysChmod],
  [16, 'lchown', sysLchown],
  [19, 'lseek', sysLseek],
  [33, 'access', sysAccess],
  [36, 'sync', sysSync],
  [38, 'rename', sysRename],
  [39, 'mkdir', sysMkdir],
  [40, 'rmdir', sysRmdir],
  [41, 'dup', sysDup],
  [54, 'ioctl', sysIoctl],
  [55, 'fcntl', sysFcntl],
  [60, 'umask', sysUmask],
  [63, 'dup2', sysDup2],
  [83, 'symlink', sysSymlink],
  [85, 'readlink', sysReadlink],
  [92, 'truncate', sysTruncate],
  [93, 'ftruncate', sysFtruncate],
  [94, 'fchmod', sysFchmod],
  [95, 'fchown', sysFchown],
  [106, 'stat', (ctx) => sysStat(ctx, true)],
  [107, 'lstat', (ctx) => sysStat(ctx, false)],
  [108, 'fstat', sysFstat],
  [118, 'fsync', sysFsync],
  [133, 'fchdir', sysFchdir],
  [145, 'readv', (ctx) => sysReadv(ctx)],
  [146, 'writev', (ctx) => sysWritev(ctx)],
  [148, 'fdatasync', sysFsync],
  [179, 'pread64', sysPread],
  [180, 'pwrite64', sysPwrite],
  [181, 'chown', sysChown],
  [182, 'getcwd', sysGetcwd],
  [202, 'getdents64', sysGetdents64],
  [233, 'fadvise64', sysFadvise],
  [286, 'openat', sysOpenat],
  [287, 'mkdirat', sysMkdirat],
  [289, 'fchownat', sysFchownat],
  [291, 'newfstatat', sysNewfstatat],
  [292, 'unlinkat', sysUnlinkat],
  [293, 'renameat', sysRenameat],
  [294, 'linkat', sysLinkat],
  [295, 'symlinkat', sysSymlinkat],
  [296, 'readlinkat', sysReadlinkat],
  [297, 'fchmodat', sysFchmodat],
  [298, 'faccessat', sysFaccessat],
  [304, 'utimensat', sysUtimensat],
  [42, 'pipe', (ctx) => sysPipe2(ctx, 0)],
  [140, '_llseek', sysLlseek],
  [316, 'dup3', sysDup3],
  [317, 'pipe2', (ctx) => sysPipe2(ctx, int(ctx.arg(1)))],
  [320, 'preadv', (ctx) => sysReadv(ctx, true)],
  [321, 'pwritev', (ctx) => sysWritev(ctx, true)],
  [357, 'renameat2', sysRenameat2],
  [383, 'statx', sysStatx],
  [436, 'close_range', sysCloseRange],
  [439, 'faccessat2', sysFaccessat2],
];
