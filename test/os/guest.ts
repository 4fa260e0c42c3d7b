// Helpers for the OS-layer tests: a Machine with one idle task whose system calls the tests make one
// at a time (Machine.syscallAs), with a scratch area of its memory for strings and buffers; and small
// assembly programs run as Linux would run them (execProgram).
import { assemble } from '../../sim/asm/assembler';
import { execProgram, type ExecOptions, type ExecResult } from '../../sim/exec';
import { Machine } from '../../sim/machine/machine';
import type { MachineConfig } from '../../sim/machine/machine-config';
import type { Task } from '../../sim/machine/task';
import type { Program } from '../../sim/program';

/** powerpc64 system call numbers (arch/powerpc/kernel/syscalls/syscall.tbl) */
export const NR = {
  exit: 1,
  read: 3,
  write: 4,
  open: 5,
  close: 6,
  creat: 8,
  link: 9,
  unlink: 10,
  chdir: 12,
  time: 13,
  chmod: 15,
  lseek: 19,
  getpid: 20,
  access: 33,
  rename: 38,
  mkdir: 39,
  rmdir: 40,
  dup: 41,
  brk: 45,
  ioctl: 54,
  fcntl: 55,
  umask: 60,
  dup2: 63,
  symlink: 83,
  readlink: 85,
  mmap: 90,
  munmap: 91,
  truncate: 92,
  ftruncate: 93,
  stat: 106,
  lstat: 107,
  fstat: 108,
  uname: 122,
  mprotect: 125,
  fchdir: 133,
  readv: 145,
  writev: 146,
  nanosleep: 162,
  mremap: 163,
  pread64: 179,
  pwrite64: 180,
  getcwd: 182,
  ugetrlimit: 190,
  getdents64: 202,
  madvise: 205,
  set_tid_address: 232,
  exit_group: 234,
  clock_gettime: 246,
  clock_getres: 247,
  clock_nanosleep: 248,
  openat: 286,
  mkdirat: 287,
  newfstatat: 291,
  unlinkat: 292,
  renameat: 293,
  linkat: 294,
  symlinkat: 295,
  readlinkat: 296,
  faccessat: 298,
  get_robust_list: 299,
  set_robust_list: 300,
  getcpu: 302,
  utimensat: 304,
  dup3: 316,
  preadv: 320,
  pwritev: 321,
  prlimit64: 325,
  renameat2: 357,
  getrandom: 359,
  statx: 383,
  rseq: 387,
} as const;

export const AT_FDCWD = -100;

const te = new TextEncoder();
const td = new TextDecoder();

export function asm(src: string, file = 'prog.S'): Program {
  const r = assemble(src, file);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

/** The start of every test program. */
export const HEAD = `    .abiversion 2
    .text
    .globl _start
_start:
`;

/** HEAD + body, with each line `SYS n` written out as `li 0, n` and `sc` (the assembler has no macros). */
export function program(body: string): Program {
  return asm(HEAD + body.replace(/^(\s*)SYS\s+(\w+)\s*$/gm, '$1li 0, $2\n$1sc'));
}

/** Assembles a program (see `program`) and runs it as `wplab exec` would. */
export function run(body: string, opts: ExecOptions = {}): ExecResult {
  return execProgram(program(body), opts);
}

export function text(bytes: Uint8Array): string {
  return td.decode(bytes);
}

const IDLE = asm(HEAD + '1:  b 1b\n');
const SCRATCH = 4 * 1024 * 1024;

export class Guest {
  readonly m: Machine;
  readonly t: Task;
  readonly out: Uint8Array[] = [];
  private scratch = 0n;
  private used = 0;

  constructor(config: Partial<MachineConfig> = {}, stdin?: string) {
    this.m = new Machine(config);
    this.t = this.m.addTask({
      name: 'guest',
      program: IDLE,
      traced: false,
      stdin: stdin === undefined ? undefined : te.encode(stdin),
      stdout: (b) => this.out.push(b.slice()),
    });
    const a = this.sys(NR.mmap, 0, SCRATCH, 3, 0x22, -1, 0);
    if (a < 0n) throw new Error(`scratch mmap failed: ${a}`);
    this.scratch = a;
  }

  /** The system call's value as the handler returns it (negative: -errno). */
  sys(nr: number, ...args: (number | bigint)[]): bigint {
    return BigInt.asIntN(
      64,
      this.m.syscallAs(
        this.t,
        nr,
        args.map((a) => BigInt(a)),
      ),
    );
  }
  /** the same as a number (results that fit) */
  call(nr: number, ...args: (number | bigint)[]): number {
    return Number(this.sys(nr, ...args));
  }

  /** `n` zeroed bytes of scratch memory, 16-byte aligned */
  buf(n: number): bigint {
    const at = this.scratch + BigInt(this.used);
    this.used += (n + 15) & ~15;
    if (this.used > SCRATCH) throw new Error('scratch memory used up');
    this.t.mem.writeBytes(at, new Uint8Array(n));
    return at;
  }
  /** a NUL-terminated string in scratch memory */
  str(s: string): bigint {
    const b = te.encode(s + '\0');
    const at = this.buf(b.length);
    this.put(at, b);
    return at;
  }
  put(at: bigint, bytes: Uint8Array | string): void {
    if (!this.t.mem.writeBytes(at, typeof bytes === 'string' ? te.encode(bytes) : bytes))
      throw new Error(`cannot write at 0x${at.toString(16)}`);
  }
  get(at: bigint, n: number): Uint8Array {
    const b = this.t.mem.readBytes(at, n);
    if (!b) throw new Error(`cannot read at 0x${at.toString(16)}`);
    return b;
  }
  u64(at: bigint, off = 0): bigint {
    return new DataView(this.get(at + BigInt(off), 8).buffer).getBigUint64(0, true);
  }
  u32(at: bigint, off = 0): number {
    return new DataView(this.get(at + BigInt(off), 4).buffer).getUint32(0, true);
  }

  // ---- the calls most tests make ----

  open(path: string, flags: number, mode = 0o644): number {
    return this.call(NR.openat, AT_FDCWD, this.str(path), flags, mode);
  }
  /** the bytes read, or -errno */
  read(fd: number, n: number): Uint8Array | number {
    const b = this.buf(n);
    const r = this.call(NR.read, fd, b, n);
    return r < 0 ? r : this.get(b, r);
  }
  readText(fd: number, n = 65536): string {
    const r = this.read(fd, n);
    if (typeof r === 'number') throw new Error(`read failed: ${r}`);
    return text(r);
  }
  write(fd: number, data: string | Uint8Array): number {
    const bytes = typeof data === 'string' ? te.encode(data) : data;
    const b = this.buf(Math.max(1, bytes.length));
    this.put(b, bytes);
    return this.call(NR.write, fd, b, bytes.length);
  }
  pread(fd: number, n: number, pos: number): Uint8Array | number {
    const b = this.buf(n);
    const r = this.call(NR.pread64, fd, b, n, pos);
    return r < 0 ? r : this.get(b, r);
  }
  lseek(fd: number, off: number | bigint, whence: number): number {
    return this.call(NR.lseek, fd, off, whence);
  }
  close(fd: number): number {
    return this.call(NR.close, fd);
  }
  /** the whole file (open, read everything, close), or -errno */
  cat(path: string): string | number {
    const fd = this.open(path, 0);
    if (fd < 0) return fd;
    let s = '';
    for (;;) {
      const r = this.read(fd, 4096);
      if (typeof r === 'number') return r;
      if (r.length === 0) break;
      s += text(r);
    }
    this.close(fd);
    return s;
  }
  /** creates (or truncates) a file with the given contents */
  mkfile(path: string, contents = '', mode = 0o644): void {
    const fd = this.open(path, 0o1101, mode); // O_WRONLY|O_CREAT|O_TRUNC
    if (fd < 0) throw new Error(`cannot create ${path}: ${fd}`);
    if (contents) this.write(fd, contents);
    this.close(fd);
  }
  mkdir(path: string, mode = 0o755): number {
    return this.call(NR.mkdirat, AT_FDCWD, this.str(path), mode);
  }
  unlink(path: string): number {
    return this.call(NR.unlinkat, AT_FDCWD, this.str(path), 0);
  }
  rmdir(path: string): number {
    return this.call(NR.unlinkat, AT_FDCWD, this.str(path), 0x200);
  }
  rename(from: string, to: string, flags = 0): number {
    return this.call(NR.renameat2, AT_FDCWD, this.str(from), AT_FDCWD, this.str(to), flags);
  }
  symlink(target: string, path: string): number {
    return this.call(NR.symlinkat, this.str(target), AT_FDCWD, this.str(path));
  }
  readlink(path: string): string | number {
    const b = this.buf(4096);
    const r = this.call(NR.readlinkat, AT_FDCWD, this.str(path), b, 4096);
    return r < 0 ? r : text(this.get(b, r));
  }
  /** struct stat (144 bytes) of a path (lstat when follow is false), or -errno */
  stat(path: string, follow = true): StatBuf | number {
    const b = this.buf(144);
    const r = this.call(NR.newfstatat, AT_FDCWD, this.str(path), b, follow ? 0 : 0x100);
    return r < 0 ? r : new StatBuf(this.get(b, 144));
  }
  fstat(fd: number): StatBuf | number {
    const b = this.buf(144);
    const r = this.call(NR.fstat, fd, b);
    return r < 0 ? r : new StatBuf(this.get(b, 144));
  }
}

/** struct stat as powerpc64 lays it out */
export class StatBuf {
  private readonly dv: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private u64(o: number): bigint {
    return this.dv.getBigUint64(o, true);
  }
  get dev(): bigint {
    return this.u64(0);
  }
  get ino(): bigint {
    return this.u64(8);
  }
  get nlink(): number {
    return Number(this.u64(16));
  }
  get mode(): number {
    return this.dv.getUint32(24, true);
  }
  get uid(): number {
    return this.dv.getUint32(28, true);
  }
  get gid(): number {
    return this.dv.getUint32(32, true);
  }
  get rdev(): bigint {
    return this.u64(40);
  }
  get size(): number {
    return Number(this.dv.getBigInt64(48, true));
  }
  get blksize(): number {
    return Number(this.u64(56));
  }
  get blocks(): number {
    return Number(this.u64(64));
  }
  get atime(): [bigint, bigint] {
    return [this.u64(72), this.u64(80)];
  }
  get mtime(): [bigint, bigint] {
    return [this.u64(88), this.u64(96)];
  }
  get ctime(): [bigint, bigint] {
    return [this.u64(104), this.u64(112)];
  }
}

/** open flags as powerpc defines them */
export const O = {
  RDONLY: 0,
  WRONLY: 1,
  RDWR: 2,
  CREAT: 0o100,
  EXCL: 0o200,
  TRUNC: 0o1000,
  APPEND: 0o2000,
  NONBLOCK: 0o4000,
  DIRECTORY: 0o40000,
  NOFOLLOW: 0o100000,
  LARGEFILE: 0o200000,
  CLOEXEC: 0o2000000,
  PATH: 0o10000000,
  TMPFILE: 0o20040000,
} as const;

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;
