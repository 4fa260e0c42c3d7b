// The objects of the virtual file system (SCENARIOS.md section 7): regular files in memory,
// directories, symbolic links, character devices (/dev/null...), pipes (a program's standard input
// and output), files whose contents the kernel generates when they are opened (/proc, /sys), and
// host files under a mount. Every inode has Linux's stat fields.
import { E } from '../errno';

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

/** Linux's d_type values (getdents64) */
export const DT = { FIFO: 1, CHR: 2, DIR: 4, REG: 8, LNK: 10 } as const;

/** What generated files and lookups may ask of the process making the call. */
export interface Caller {
  pid: number;
  /** the executable's path in this file system (/proc/self/exe) */
  exe: string;
}

export abstract class Inode {
  /** st_ino: 0 until the file system numbers it (FileSystem.inoOf) */
  ino = 0;
  /** file type and permission bits, as st_mode */
  mode: number;
  nlink = 1;
  uid = 0;
  gid = 0;
  /** the device number (st_dev) of the file system holding it */
  dev = 0x1f;
  rdev = 0;
  atimeNs = 0n;
  mtimeNs = 0n;
  ctimeNs = 0n;
  /** st_blksize: the page size (64 KiB) for what tmpfs, sysfs, debugfs and pipes hold */
  blksize = 65536;
  /** set on inodes below a read-only mount (writes give EROFS) */
  readOnly = false;
  constructor(mode: number, nowNs: bigint) {
    this.mode = mode;
    this.atimeNs = this.mtimeNs = this.ctimeNs = nowNs;
  }
  get type(): number {
    return this.mode & S_IFMT;
  }
  isDir(): this is DirInode {
    return this.type === S_IFDIR;
  }
  abstract size(): number;
  /** st_blocks, in 512-byte units: what the file system allocated for the data */
  blocks(): number {
    return 0;
  }
  get dtype(): number {
    switch (this.type) {
      case S_IFDIR:
        return DT.DIR;
      case S_IFLNK:
        return DT.LNK;
      case S_IFCHR:
        return DT.CHR;
      case S_IFIFO:
        return DT.FIFO;
      default:
        return DT.REG;
    }
  }
}

/** A regular file held in memory. */
export class FileInode extends Inode {
  private data = new Uint8Array(0);
  private length = 0;
  constructor(perm: number, nowNs: bigint, contents?: Uint8Array) {
    super(S_IFREG | (perm & 0o7777), nowNs);
    if (contents) {
      this.data = contents.slice();
      this.length = contents.length;
    }
  }
  size(): number {
    return this.length;
  }
  /** tmpfs allocates whole pages: 128 blocks per 64 KiB page */
  override blocks(): number {
    return Math.ceil(this.size() / 65536) * 128;
  }
  read(pos: number, n: number): Uint8Array {
    if (pos >= this.length) return new Uint8Array(0);
    return this.data.slice(pos, Math.min(this.length, pos + n));
  }
  write(pos: number, bytes: Uint8Array): void {
    const end = pos + bytes.length;
    this.ensure(end);
    this.data.set(bytes, pos);
    if (end > this.length) this.length = end;
  }
  truncate(len: number): void {
    if (len > this.length) this.ensure(len);
    else this.data.fill(0, len, this.length);
    this.length = len;
  }
  /** the whole contents (a copy) */
  contents(): Uint8Array {
    return this.data.slice(0, this.length);
  }
  private ensure(n: number): void {
    if (n <= this.data.length) return;
    const grown = new Uint8Array(Math.max(n, Math.min(this.data.length * 2, n + (1 << 24)), 256));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

/**
 * A directory: named entries, and its parent (the root is its own parent). Each entry has a position
 * for getdents (its d_off), given in the order entries are made and kept while the entry exists, so
 * that removing entries during a listing skips none of the others (tmpfs's stable offsets).
 */
export class DirInode extends Inode {
  private readonly map = new Map<string, Inode>();
  /** name -> position, in increasing order of position (1 and 2 are `.` and `..`) */
  private readonly positions = new Map<string, number>();
  private nextPosition = 3;
  parent: DirInode;
  /** its name in the parent ('' for the root) */
  name: string;
  constructor(perm: number, nowNs: bigint, parent?: DirInode, name = '') {
    super(S_IFDIR | (perm & 0o7777), nowNs);
    this.parent = parent ?? this;
    this.name = name;
    this.nlink = 2;
  }
  size(): number {
    return 4096;
  }
  /** the entries made in this directory */
  get entries(): ReadonlyMap<string, Inode> {
    return this.map;
  }
  /** Makes (or replaces) the entry `name`: a new entry, listed after every existing one. */
  setEntry(name: string, inode: Inode): void {
    this.map.set(name, inode);
    this.positions.delete(name);
    this.positions.set(name, this.nextPosition++);
  }
  deleteEntry(name: string): void {
    this.map.delete(name);
    this.positions.delete(name);
  }
  /** the entry called `name` (for generated directories, made on lookup) */
  lookup(name: string, _caller: Caller): Inode | undefined {
    return this.map.get(name);
  }
  /** the names listed by getdents (without . and ..) */
  list(caller: Caller): [string, Inode][] {
    return this.positioned(caller).map(([name, inode]) => [name, inode]);
  }
  /** the entries (without . and ..) with their positions, in increasing order */
  positioned(_caller: Caller): [string, Inode, number][] {
    const out: [string, Inode, number][] = [];
    for (const [name, pos] of this.positions) out.push([name, this.map.get(name)!, pos]);
    return out;
  }
  /** can entries be created or removed here: 0, or ENOENT once it was removed itself (IS_DEADDIR),
   * EROFS on a read-only mount */
  writable(): number {
    if (this.nlink === 0) return E.ENOENT;
    return this.readOnly ? E.EROFS : 0;
  }
}

export class SymlinkInode extends Inode {
  constructor(
    private readonly to: string | ((c: Caller) => string),
    nowNs: bigint,
  ) {
    super(S_IFLNK | 0o777, nowNs);
  }
  target(c: Caller): string {
    return typeof this.to === 'string' ? this.to : this.to(c);
  }
  size(): number {
    return typeof this.to === 'string' ? this.to.length : 0;
  }
}

/** A character device: reads and writes are the device's own (/dev/null, /dev/zero, /dev/urandom). */
export class DeviceInode extends Inode {
  constructor(
    rdev: number,
    nowNs: bigint,
    readonly dev_read: (n: number) => Uint8Array,
    readonly dev_write: (bytes: Uint8Array) => number,
  ) {
    super(S_IFCHR | 0o666, nowNs);
    this.rdev = rdev;
    this.dev = 5;
  }
  size(): number {
    return 0;
  }
}

/**
 * One direction of a pipe between the program and whoever runs it: the program's standard input
 * (bytes given in advance, then end of file) or its standard output and error (bytes handed to a
 * sink as they are written). st_mode is S_IFIFO, as when a shell runs a program in a pipeline.
 */
export class PipeInode extends Inode {
  private input: Uint8Array;
  private readPos = 0;
  /** where more input comes from once `input` is used up (wplab exec's own standard input, read as
   * the program asks: an interactive program prompts before the person types); empty: end of file */
  private readonly more: ((max: number) => Uint8Array) | undefined;
  private ended: boolean;
  constructor(
    nowNs: bigint,
    opts: { input?: Uint8Array; sink?: (bytes: Uint8Array) => void; more?: (max: number) => Uint8Array },
  ) {
    super(S_IFIFO | 0o600, nowNs);
    this.input = opts.input ?? new Uint8Array(0);
    this.sink = opts.sink;
    this.more = opts.more;
    this.ended = opts.more === undefined;
    this.dev = 0xf;
  }
  /** whether a read may still get bytes (buffered, or from the source not yet at its end) */
  get open(): boolean {
    return !this.ended || this.readPos < this.input.length;
  }
  readonly sink: ((bytes: Uint8Array) => void) | undefined;
  size(): number {
    return 0;
  }
  /** the next bytes of input (empty at end of file) */
  take(n: number): Uint8Array {
    if (this.readPos >= this.input.length && !this.ended && this.more) {
      const next = this.more(n);
      if (next.length === 0) this.ended = true;
      else {
        this.input = next;
        this.readPos = 0;
      }
    }
    const chunk = this.input.subarray(this.readPos, this.readPos + n);
    this.readPos += chunk.length;
    return chunk.slice();
  }
  /** the bytes a read would get now (FIONREAD) */
  available(): number {
    return this.input.length - this.readPos;
  }
  /** gives back the last n bytes taken (a read whose copy to the program failed consumes nothing) */
  untake(n: number): void {
    this.readPos = Math.max(0, this.readPos - n);
  }
}

/**
 * A file whose contents the kernel makes when it is opened (/proc/cpuinfo); optionally writable.
 * Without a write handler, sysfs and debugfs refuse an open for writing (EACCES, kernfs_fop_open),
 * while procfs lets root open it and fails each write with EIO (pde_write).
 */
export class GeneratedInode extends Inode {
  /** a procfs file (as opposed to sysfs or debugfs): see above */
  procfs = false;
  constructor(
    readonly generate: (c: Caller) => Uint8Array,
    nowNs: bigint,
    /** a write's effect (the whole buffer written at once); absent: the file is read-only (EACCES on open for
     * writing) */
    readonly onWrite?: (bytes: Uint8Array) => number,
    perm = 0o444,
  ) {
    super(S_IFREG | perm, nowNs);
    this.dev = 0x16;
  }
  size(): number {
    return 0; // as procfs reports
  }
}
