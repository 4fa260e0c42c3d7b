// Open file descriptions (what open() creates: the inode, the access mode and status flags, the
// offset) and the per-process table of file descriptors that point at them. dup and fork share a
// description (and its offset); FD_CLOEXEC belongs to the descriptor.
import { syncFromFile, syncToFile } from './shared-mapping';
import { E } from '../errno';
import { DeviceInode, FileInode, GeneratedInode, type Inode, PipeInode } from './inode';
import { EventInode } from './event-inode';
import { PerfEventInode } from './perf-event-file';
import { FifoInode } from './pipe';
import { SocketInode } from './socket';

// open flags as powerpc defines them (O_DIRECTORY and O_NOFOLLOW differ from the generic values)
export const O = {
  ACCMODE: 0o3,
  RDONLY: 0,
  WRONLY: 1,
  RDWR: 2,
  CREAT: 0o100,
  EXCL: 0o200,
  NOCTTY: 0o400,
  TRUNC: 0o1000,
  APPEND: 0o2000,
  NONBLOCK: 0o4000,
  DSYNC: 0o10000,
  DIRECTORY: 0o40000,
  NOFOLLOW: 0o100000,
  LARGEFILE: 0o200000,
  DIRECT: 0o400000,
  NOATIME: 0o1000000,
  CLOEXEC: 0o2000000,
  SYNC: 0o4010000,
  PATH: 0o10000000,
  /** __O_TMPFILE (a program's O_TMPFILE is this | O_DIRECTORY) */
  TMPFILE: 0o20000000,
} as const;

/** the status flags F_SETFL may change */
const SETFL_MASK = O.APPEND | O.NONBLOCK | O.DIRECT | O.NOATIME;

export class OpenFile {
  /** the offset; for a directory, the position (d_off) of the last entry getdents gave */
  pos = 0;
  /** descriptors (in every process) that refer to this description */
  refs = 0;
  /** a generated file's contents, made at open */
  readonly snapshot: Uint8Array | undefined;
  constructor(
    readonly inode: Inode,
    public flags: number,
    snapshot?: Uint8Array,
  ) {
    this.snapshot = snapshot;
  }
  // (access mode 3 is Linux's "neither": permission to read and write was checked, the descriptor
  // does neither, for ioctls)
  get readable(): boolean {
    const acc = this.flags & O.ACCMODE;
    return (this.flags & O.PATH) === 0 && (acc === O.RDONLY || acc === O.RDWR);
  }
  get writable(): boolean {
    const acc = this.flags & O.ACCMODE;
    return (this.flags & O.PATH) === 0 && (acc === O.WRONLY || acc === O.RDWR);
  }
  setStatusFlags(v: number): void {
    this.flags = (this.flags & ~SETFL_MASK) | (v & SETFL_MASK);
  }
  /** can lseek move it (pipes and character devices: ESPIPE / ignored) */
  get seekable(): boolean {
    return (
      !(this.inode instanceof PipeInode) && !(this.inode instanceof FifoInode) && !(this.inode instanceof SocketInode)
    );
  }
  /** A descriptor now refers to it (open, dup, fork). */
  acquire(): void {
    if (this.refs++ === 0 && this.inode instanceof FifoInode) {
      if (this.readable) this.inode.readers++;
      if (this.writable) this.inode.writers++;
    }
    // a socket end reads one direction and writes the other
    if (this.refs === 1 && this.inode instanceof SocketInode) {
      this.inode.rx.readers++;
      this.inode.tx.writers++;
    }
  }
  /** A descriptor no longer does; the last one closes the description (a pipe end goes away). */
  release(): void {
    if (--this.refs === 0 && this.inode instanceof FifoInode) {
      if (this.readable) this.inode.readers--;
      if (this.writable) this.inode.writers--;
      // the other end's sleepers see the end of file, or the broken pipe
      this.inode.closed();
    }
    if (this.refs === 0 && this.inode instanceof SocketInode) {
      if (!this.inode.shutRd) this.inode.rx.readers--;
      if (!this.inode.shutWr) this.inode.tx.writers--;
      this.inode.rx.closed();
      this.inode.tx.closed();
    }
    // the last descriptor of a perf event: the event is destroyed (its slot reservation released)
    if (this.refs === 0 && this.inode instanceof PerfEventInode) this.inode.event.release();
  }

  /** read(2) at the description's offset (pos undefined) or at `at` (pread); bytes or an errno (positive). */
  read(n: number, at?: number): Uint8Array | number {
    if (!this.readable) return E.EBADF;
    const i = this.inode;
    if (i.isDir()) return E.EISDIR;
    const pos = at ?? this.pos;
    let out: Uint8Array;
    if (this.snapshot) out = this.snapshot.slice(pos, pos + n);
    else if (i instanceof FileInode) {
      syncToFile(i);
      out = i.read(pos, n);
    } else if (i instanceof PipeInode) {
      if (at !== undefined) return E.ESPIPE;
      return i.take(n);
    } else if (i instanceof FifoInode) {
      if (at !== undefined) return E.ESPIPE;
      const r = i.read(n);
      return typeof r === 'number' ? -r : r;
    } else if (i instanceof SocketInode) {
      if (at !== undefined) return E.ESPIPE;
      if (i.shutRd) return new Uint8Array(0);
      const r = i.rx.read(n);
      return typeof r === 'number' ? -r : r;
    } else if (i instanceof DeviceInode) return i.dev_read(n);
    else if (i instanceof PerfEventInode) return i.read(n);
    else if (i instanceof EventInode) return at !== undefined ? E.ESPIPE : i.eventRead(n);
    else return E.EINVAL;
    if (at === undefined) this.pos += out.length;
    return out;
  }

  /** write(2) (or pwrite at `at`): the count written, or -errno. */
  write(bytes: Uint8Array, nowNs: bigint, at?: number): number {
    if (!this.writable) return -E.EBADF;
    const i = this.inode;
    if (i instanceof PipeInode) {
      if (at !== undefined) return -E.ESPIPE;
      if (!i.sink) return -E.EBADF;
      i.sink(bytes);
      return bytes.length;
    }
    if (i instanceof FifoInode) return at !== undefined ? -E.ESPIPE : i.write(bytes);
    if (i instanceof SocketInode) return at !== undefined ? -E.ESPIPE : i.shutWr ? -E.EPIPE : i.tx.write(bytes);
    if (i instanceof DeviceInode) return i.dev_write(bytes);
    if (i instanceof EventInode) return at !== undefined ? -E.ESPIPE : i.eventWrite(bytes);
    if (i instanceof GeneratedInode) return i.onWrite ? i.onWrite(bytes) : i.procfs ? -E.EIO : -E.EACCES;
    if (i instanceof FileInode) {
      if (i.readOnly) return -E.EROFS;
      // O_APPEND: every write goes to the end (pwrite too, as Linux does)
      const pos = this.flags & O.APPEND ? i.size() : (at ?? this.pos);
      if (pos + bytes.length > MAX_FILE) return -E.EFBIG;
      i.write(pos, bytes);
      syncFromFile(i, pos, bytes);
      i.mtimeNs = i.ctimeNs = nowNs;
      if (at === undefined) this.pos = pos + bytes.length;
      return bytes.length;
    }
    return -E.EINVAL;
  }
}

/** The largest in-memory file (the machine's memory is the host's) */
export const MAX_FILE = 1 << 30;

export interface FdEntry {
  file: OpenFile;
  cloexec: boolean;
}

/** RLIMIT_NOFILE's default soft limit */
export const FD_LIMIT = 1024;

export class FdTable {
  private readonly fds: (FdEntry | undefined)[] = [];
  /** descriptors are below this: RLIMIT_NOFILE's soft limit (setrlimit changes it) */
  limit = FD_LIMIT;

  get(fd: number): OpenFile | undefined {
    return fd >= 0 && fd < this.fds.length ? this.fds[fd]?.file : undefined;
  }
  /** The description for a call that uses the file itself (read, lseek, getdents, ioctl, mmap,
   * fchmod...): an O_PATH descriptor does not count (EBADF), as the kernel's fdget() skips it;
   * get() is fdget_raw() (fstat, fchdir, fcntl, dup, a dirfd). */
  getFile(fd: number): OpenFile | undefined {
    const f = this.get(fd);
    return f && (f.flags & O.PATH) === 0 ? f : undefined;
  }
  entry(fd: number): FdEntry | undefined {
    return fd >= 0 && fd < this.fds.length ? this.fds[fd] : undefined;
  }
  /** the lowest free descriptor >= min, or -EMFILE */
  install(file: OpenFile, cloexec: boolean, min = 0): number {
    for (let fd = Math.max(0, min); fd < this.limit; fd++) {
      if (this.fds[fd] === undefined) {
        this.fds[fd] = { file, cloexec };
        file.acquire();
        return fd;
      }
    }
    return -E.EMFILE;
  }
  /** dup2/dup3: puts `file` at `fd` (closing what was there) */
  installAt(fd: number, file: OpenFile, cloexec: boolean): void {
    file.acquire();
    this.fds[fd]?.file.release();
    this.fds[fd] = { file, cloexec };
  }
  close(fd: number): boolean {
    const f = this.get(fd);
    if (f === undefined) return false;
    this.fds[fd] = undefined;
    f.release();
    return true;
  }
  /** every open descriptor number */
  open(): number[] {
    const out: number[] = [];
    this.fds.forEach((e, i) => e && out.push(i));
    return out;
  }
  /** fork: the same descriptions under the same numbers */
  clone(): FdTable {
    const c = new FdTable();
    c.limit = this.limit;
    this.fds.forEach((e, i) => {
      if (e) {
        c.fds[i] = { ...e };
        e.file.acquire();
      }
    });
    return c;
  }
}
