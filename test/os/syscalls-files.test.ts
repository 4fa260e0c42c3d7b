// File system calls that return structures and the kernel's pseudo-files: getdents64 records,
// struct stat (ppc64 layout) and statx, readlink of /proc/self/exe, /dev/null /dev/zero /dev/full,
// /sys/devices/system/cpu/online, /proc/cpuinfo per CPU model, the POWER9 DAWR switch in debugfs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Kernel } from '../../sim/os/kernel';
import { NOBODY } from '../../sim/os/vfs/file-system';
import { GeneratedInode } from '../../sim/os/vfs/inode';
import {
  AT_FDCWD,
  Guest,
  NR,
  O,
  run,
  S_IFCHR,
  S_IFDIR,
  S_IFIFO,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  text,
  type StatBuf,
} from './guest';

const DT = { FIFO: 1, CHR: 2, DIR: 4, REG: 8, LNK: 10 } as const;
const EPOCH_2026 = 1767225600n;

interface Dirent {
  ino: bigint;
  off: bigint;
  reclen: number;
  type: number;
  name: string;
}

function parseDirents(bytes: Uint8Array): Dirent[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Dirent[] = [];
  for (let o = 0; o < bytes.length;) {
    const reclen = dv.getUint16(o + 16, true);
    const nameEnd = bytes.indexOf(0, o + 19);
    out.push({
      ino: dv.getBigUint64(o, true),
      off: dv.getBigInt64(o + 8, true),
      reclen,
      type: bytes[o + 18],
      name: text(bytes.subarray(o + 19, nameEnd)),
    });
    assert.ok(nameEnd < o + reclen, 'the name and its NUL fit in the record');
    o += reclen;
  }
  return out;
}

function getdents(g: Guest, fd: number, size: number): Dirent[] | number {
  const b = g.buf(size);
  const n = g.call(NR.getdents64, fd, b, size);
  return n < 0 ? n : parseDirents(g.get(b, n));
}

function st(r: StatBuf | number): StatBuf {
  if (typeof r === 'number') throw new Error(`stat failed: ${r}`);
  return r;
}

test('getdents64: . and .., every entry once with its d_type and d_ino, records 8-byte aligned', () => {
  const g = new Guest();
  g.mkdir('/tmp/d');
  g.mkfile('/tmp/d/a');
  g.mkfile('/tmp/d/' + 'long-name-'.repeat(5));
  g.mkdir('/tmp/d/sub');
  g.symlink('a', '/tmp/d/link');
  const fd = g.open('/tmp/d', O.RDONLY | O.DIRECTORY);
  const all = getdents(g, fd, 4096);
  assert.ok(typeof all !== 'number');
  assert.deepEqual(
    all.map((d) => d.name),
    ['.', '..', 'a', 'long-name-'.repeat(5), 'sub', 'link'],
  );
  for (const d of all) {
    // offsetof(d_name) = 19, + name + NUL, rounded up to 8
    assert.equal(d.reclen, (19 + new TextEncoder().encode(d.name).length + 1 + 7) & ~7);
    assert.equal(d.reclen % 8, 0);
  }
  assert.deepEqual(
    all.map((d) => d.type),
    [DT.DIR, DT.DIR, DT.REG, DT.REG, DT.DIR, DT.LNK],
  );
  assert.equal(all[0].ino, st(g.stat('/tmp/d')).ino);
  assert.equal(all[1].ino, st(g.stat('/tmp')).ino);
  assert.equal(all[2].ino, st(g.stat('/tmp/d/a')).ino);
  assert.equal(all[5].ino, st(g.stat('/tmp/d/link', false)).ino);
  // at the end: 0
  assert.deepEqual(getdents(g, fd, 4096), []);
  // the root's `..` is itself
  const root = getdents(g, g.open('/', O.RDONLY), 4096);
  assert.ok(typeof root !== 'number');
  assert.equal(root[1].ino, root[0].ino);
  // devices, pipes
  const dev = getdents(g, g.open('/dev', O.RDONLY), 4096);
  assert.ok(typeof dev !== 'number');
  assert.equal(dev.find((d) => d.name === 'null')?.type, DT.CHR);
});

test(
  'getdents64 resumes across calls with a small buffer; EINVAL when one record does ' + 'not fit; lseek to a d_off',
  () => {
    const g = new Guest();
    g.mkdir('/tmp/d');
    for (const n of ['one', 'two', 'three', 'four', 'five']) g.mkfile(`/tmp/d/${n}`);
    const fd = g.open('/tmp/d', O.RDONLY);
    const whole = getdents(g, fd, 4096);
    assert.ok(typeof whole !== 'number');
    const fd2 = g.open('/tmp/d', O.RDONLY);
    // 24 bytes: one record of a name up to 4 bytes; "three" needs 32
    const got: string[] = [];
    for (;;) {
      const r = getdents(g, fd2, 32);
      assert.ok(typeof r !== 'number', `getdents: ${r}`);
      if (r.length === 0) break;
      assert.equal(r.length, 1);
      got.push(r[0].name);
    }
    assert.deepEqual(
      got,
      whole.map((d) => d.name),
    );
    const fd3 = g.open('/tmp/d', O.RDONLY);
    assert.equal(getdents(g, fd3, 10), -E.EINVAL);
    // lseek to an entry's d_off continues after that entry; to 0 starts again
    const third = whole[2];
    assert.equal(g.lseek(fd3, third.off, 0), Number(third.off));
    const rest = getdents(g, fd3, 4096);
    assert.ok(typeof rest !== 'number');
    assert.deepEqual(
      rest.map((d) => d.name),
      whole.slice(3).map((d) => d.name),
    );
    assert.equal(g.lseek(fd3, 0, 0), 0);
    const again = getdents(g, fd3, 64);
    assert.ok(typeof again !== 'number');
    assert.equal(again[0].name, '.');
    // SEEK_CUR tells the position without moving it
    const pos = g.lseek(fd3, 0, 1);
    const next = getdents(g, fd3, 4096);
    assert.ok(typeof next !== 'number');
    assert.equal(next[0].name, whole[again.length].name);
    assert.ok(pos > 0);
    // not a directory, a bad descriptor
    g.mkfile('/tmp/f');
    assert.equal(getdents(g, g.open('/tmp/f', O.RDONLY), 4096), -E.ENOTDIR);
    assert.equal(getdents(g, 99, 4096), -E.EBADF);
  },
);

test(
  'struct stat: the ppc64 layout (144 bytes), the fields of a file, a directory, a ' + 'device, a pipe, a symlink',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/f', 'x'.repeat(5000), 0o640);
    const s = st(g.stat('/tmp/f'));
    assert.equal(s.bytes.length, 144);
    assert.equal(s.mode, S_IFREG | 0o640);
    assert.equal(s.nlink, 1);
    assert.equal(s.uid, 0);
    assert.equal(s.gid, 0);
    assert.equal(s.size, 5000);
    assert.equal(s.rdev, 0n);
    // in-memory files are tmpfs files: st_blksize is the page size, 64 KiB on ppc64; st_blocks counts
    // 512-byte units of the pages the data occupies
    assert.equal(s.blksize, 65536);
    assert.equal(s.blocks, 128);
    // the times: the machine's clock, which starts at 2026-01-01T00:00:00Z
    const [sec, nsec] = s.mtime;
    assert.ok(sec >= EPOCH_2026 && sec < EPOCH_2026 + 10n, `mtime ${sec}`);
    assert.ok(nsec < 1_000_000_000n);
    assert.deepEqual(s.ctime, s.mtime);
    // the unused tail is zero
    assert.deepEqual([...s.bytes.subarray(120)], new Array(24).fill(0));
    // the fields at their offsets: st_nlink (u64) at 16, st_mode (u32) at 24
    const dv = new DataView(s.bytes.buffer, s.bytes.byteOffset);
    assert.equal(dv.getBigUint64(16, true), 1n);
    assert.equal(dv.getUint32(24, true), S_IFREG | 0o640);
    assert.equal(dv.getBigInt64(48, true), 5000n);
    const d = st(g.stat('/tmp'));
    assert.equal(d.mode & S_IFMT, S_IFDIR);
    assert.equal(d.mode & 0o7777, 0o1777);
    const n = st(g.stat('/dev/null'));
    assert.equal(n.mode, S_IFCHR | 0o666);
    assert.equal(n.rdev, 0x103n); // makedev(1, 3)
    assert.equal(st(g.stat('/dev/zero')).rdev, 0x105n);
    assert.equal(st(g.stat('/dev/full')).rdev, 0x107n);
    assert.equal(st(g.fstat(0)).mode & S_IFMT, S_IFIFO);
    assert.equal(st(g.fstat(1)).mode & S_IFMT, S_IFIFO);
    assert.equal(st(g.stat('/proc/self', false)).mode & S_IFMT, S_IFLNK);
    // /proc files: size 0, procfs's 1 KiB blocks
    const c = st(g.stat('/proc/cpuinfo'));
    assert.equal(c.size, 0);
    assert.equal(c.blksize, 1024);
    assert.equal(c.mode, S_IFREG | 0o444);
    // stat, lstat, fstat, newfstatat agree
    const fd = g.open('/tmp/f', O.RDONLY);
    assert.deepEqual(st(g.fstat(fd)).bytes, s.bytes);
    const b = g.buf(144);
    assert.equal(g.call(NR.stat, g.str('/tmp/f'), b), 0);
    assert.deepEqual(g.get(b, 144), s.bytes);
    assert.equal(g.call(NR.newfstatat, fd, g.str(''), b, 0x1000), 0); // AT_EMPTY_PATH
    assert.deepEqual(g.get(b, 144), s.bytes);
    assert.equal(g.call(NR.newfstatat, fd, g.str(''), b, 0), -E.ENOENT);
    assert.equal(g.call(NR.newfstatat, AT_FDCWD, g.str('/tmp/f'), b, 0x8000), -E.EINVAL);
    assert.equal(g.call(NR.fstat, 99, b), -E.EBADF);
    assert.equal(g.call(NR.stat, g.str('/tmp/f'), 0x100), -E.EFAULT);
  },
);

test('statx: struct statx with the basic fields, the same values as stat', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'hello', 0o600);
  const s = st(g.stat('/tmp/f'));
  const b = g.buf(256);
  assert.equal(g.call(NR.statx, AT_FDCWD, g.str('/tmp/f'), 0, 0xfff, b), 0);
  const x = g.get(b, 256);
  const dv = new DataView(x.buffer, x.byteOffset);
  assert.equal(dv.getUint32(0, true) & 0x7ff, 0x7ff); // STATX_BASIC_STATS
  assert.equal(dv.getUint32(4, true), s.blksize);
  assert.equal(dv.getUint32(16, true), 1); // nlink
  assert.equal(dv.getUint16(28, true), S_IFREG | 0o600);
  assert.equal(dv.getBigUint64(32, true), s.ino);
  assert.equal(dv.getBigUint64(40, true), 5n);
  assert.equal(dv.getBigUint64(48, true), BigInt(s.blocks));
  assert.equal(dv.getBigInt64(112, true), s.mtime[0]); // stx_mtime.tv_sec
  assert.equal(BigInt(dv.getUint32(120, true)), s.mtime[1]);
  // the device numbers of /dev/null: major 1, minor 3
  assert.equal(g.call(NR.statx, AT_FDCWD, g.str('/dev/null'), 0, 0xfff, b), 0);
  assert.equal(g.u32(b, 128), 1);
  assert.equal(g.u32(b, 132), 3);
  // AT_SYMLINK_NOFOLLOW, invalid flags
  g.symlink('/tmp/f', '/tmp/l');
  assert.equal(g.call(NR.statx, AT_FDCWD, g.str('/tmp/l'), 0x100, 0xfff, b), 0);
  assert.equal(new DataView(g.get(b, 32).buffer).getUint16(28, true) & S_IFMT, S_IFLNK);
  assert.equal(g.call(NR.statx, AT_FDCWD, g.str('/tmp/f'), 0x6000, 0xfff, b), -E.EINVAL); // both sync types
  assert.equal(g.call(NR.statx, AT_FDCWD, g.str('/tmp/f'), 0x1, 0xfff, b), -E.EINVAL); // unknown flag
  assert.equal(g.call(NR.statx, AT_FDCWD, g.str('/tmp/f'), 0, 0x80000000, b), -E.EINVAL); // STATX__RESERVED
});

test("readlink of /proc/self/exe: the program's path; /proc/self is the pid; /proc/self/cwd follows chdir", () => {
  const g = new Guest();
  assert.equal(g.readlink('/proc/self/exe'), '/prog.S');
  assert.equal(g.readlink('/proc/self'), String(g.t.pid));
  assert.equal(g.readlink(`/proc/${g.t.pid}/exe`), '/prog.S');
  assert.equal(g.readlink('/proc/self/cwd'), '/');
  g.mkdir('/tmp/w');
  g.call(NR.chdir, g.str('/tmp/w'));
  assert.equal(g.readlink('/proc/self/cwd'), '/tmp/w');
  // a short buffer: truncated, no NUL, the length copied
  const b = g.buf(8);
  assert.equal(g.call(NR.readlinkat, AT_FDCWD, g.str('/proc/self/exe'), b, 3), 3);
  assert.equal(text(g.get(b, 4)), '/pr\0');
  assert.equal(g.call(NR.readlink, g.str('/proc/self/exe'), b, 0), -E.EINVAL);
  assert.equal(g.call(NR.readlink, g.str('/proc/cpuinfo'), b, 8), -E.EINVAL);
  // a program reads its own exe link
  const r = run(`
    lis 3, path@ha
    addi 3, 3, path@l
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 5, 64
    SYS 85
    mr 5, 3
    li 3, 1
    lis 4, buf@ha
    addi 4, 4, buf@l
    SYS 4
    li 3, 0
    SYS 1
    .data
path: .asciz "/proc/self/exe"
buf: .space 64
`);
  assert.equal(text(r.stdout), '/prog.S');
});

test('/dev/null, /dev/zero, /dev/full', () => {
  const g = new Guest();
  const n = g.open('/dev/null', O.RDWR);
  assert.deepEqual(g.read(n, 10), new Uint8Array(0));
  assert.equal(g.write(n, 'discarded'), 9);
  const z = g.open('/dev/zero', O.RDWR);
  const b = g.buf(16);
  g.put(b, 'xxxxxxxxxxxxxxxx');
  assert.equal(g.call(NR.read, z, b, 16), 16);
  assert.deepEqual([...g.get(b, 16)], new Array(16).fill(0));
  assert.equal(g.write(z, 'discarded'), 9);
  const f = g.open('/dev/full', O.RDWR);
  assert.equal(g.write(f, 'x'), -E.ENOSPC);
  assert.equal(g.call(NR.read, f, b, 4), 4);
  // a program's write to /dev/full fails with ENOSPC in r3 and CR0.SO
  const r = run(`
    lis 3, path@ha
    addi 3, 3, path@l
    li 4, 1
    SYS 5
    lis 4, path@ha
    addi 4, 4, path@l
    li 5, 1
    SYS 4
    bns 1f
    SYS 1
1:  li 3, 0
    SYS 1
    .data
path: .asciz "/dev/full"
`);
  assert.equal(r.exitCode, E.ENOSPC);
});

test('/sys/devices/system/cpu/online and possible: "0" for one CPU, "0-3" for four', () => {
  const one = new Guest({ cpus: 1 });
  assert.equal(one.cat('/sys/devices/system/cpu/online'), '0\n');
  assert.equal(one.cat('/sys/devices/system/cpu/possible'), '0\n');
  const four = new Guest({ cpus: 4 });
  assert.equal(four.cat('/sys/devices/system/cpu/online'), '0-3\n');
  assert.equal(four.cat('/sys/devices/system/cpu/possible'), '0-3\n');
  assert.equal(four.cat('/sys/devices/system/cpu/present'), '0-3\n');
  // a read-only sysfs file refuses an open for writing, even root's (access says root may write)
  assert.equal(four.open('/sys/devices/system/cpu/online', O.WRONLY), -E.EACCES);
  assert.equal(four.call(NR.access, four.str('/sys/devices/system/cpu/online'), 2), 0);
  // a read-only procfs file opens for root, and each write fails with EIO
  const fd = four.open('/proc/cpuinfo', O.WRONLY);
  assert.ok(fd >= 0);
  assert.equal(four.write(fd, 'x'), -E.EIO);
  assert.match(four.cat('/proc/cpuinfo') as string, /^processor/);
});

test(
  "/proc/cpuinfo per model: a block per CPU with the model's name, PVR revision and " + 'clock; the MMU of the model',
  () => {
    const info = (cpu: 'power7' | 'power8' | 'power9' | 'power10', cpus = 2) => {
      const s = new Guest({ cpu, cpus }).cat('/proc/cpuinfo');
      assert.ok(typeof s === 'string');
      return s;
    };
    const p9 = info('power9');
    assert.match(
      p9,
      /^processor\t: 0\ncpu\t\t: POWER9 \(architected\), altivec supported\nclock\t\t: [0-9.]+MHz\nrevision\t: 2\.2 \(pvr 004e 1202\)\n\nprocessor\t: 1\n/,
    );
    assert.match(p9, /\ntimebase\t: 512000000\n/);
    assert.equal(p9.match(/^processor/gm)?.length, 2);
    assert.match(info('power10', 1), /cpu\t\t: POWER10 .*\nclock.*\nrevision\t: 2\.0 \(pvr 0080 0200\)/);
    assert.match(info('power8'), /cpu\t\t: POWER8 .*\n.*\nrevision\t: 2\.0 \(pvr 004d 0200\)/);
    assert.match(info('power7'), /cpu\t\t: POWER7 .*\n.*\nrevision\t: 2\.1 \(pvr 003f 0201\)/);
    // radix MMU from POWER9 on; POWER7 and POWER8 have only the hash MMU
    assert.match(info('power9'), /\nMMU\t\t: Radix\n/);
    assert.match(info('power10'), /\nMMU\t\t: Radix\n/);
    assert.match(info('power8'), /\nMMU\t\t: Hash\n/);
    assert.match(info('power7'), /\nMMU\t\t: Hash\n/);
    // read in small pieces, the same text
    const g = new Guest({ cpu: 'power9', cpus: 2 });
    const fd = g.open('/proc/cpuinfo', O.RDONLY);
    let s = '';
    for (;;) {
      const r = g.read(fd, 7);
      assert.ok(typeof r !== 'number');
      if (r.length === 0) break;
      s += text(r);
    }
    assert.equal(s, p9);
  },
);

test(
  '/sys/kernel/debug/powerpc/dawr_enable_dangerous: POWER9 only; reads Y or N; a write ' +
    'is parsed as kstrtobool does, and always consumed',
  () => {
    const path = '/sys/kernel/debug/powerpc/dawr_enable_dangerous';
    // through a program's calls on a POWER9 machine
    const g = new Guest({ cpu: 'power9', dawrForceEnable: false });
    assert.equal(g.cat(path), 'N\n');
    assert.equal(st(g.stat(path)).mode, S_IFREG | 0o600);
    const fd = g.open(path, O.WRONLY);
    assert.ok(fd >= 0);
    assert.equal(g.write(fd, 'maybe'), 5);
    assert.equal(new Guest({ cpu: 'power9', dawrForceEnable: true }).cat(path), 'Y\n');
    // the kernel's side: what a write sets, through the hooks the machine gives the kernel
    let on = false;
    const k = new Kernel({
      cpu: 'power9',
      cpus: 1,
      policy: '6.6',
      ticks: () => 0,
      dawrForceEnable: { get: () => on, set: (v) => (on = v) },
    });
    const r = k.fs.resolve(path, k.fs.root, NOBODY);
    assert.ok(typeof r !== 'number' && r.inode instanceof GeneratedInode && r.inode.onWrite);
    const write = (s: string) => (r.inode as GeneratedInode).onWrite!(new TextEncoder().encode(s));
    const read = () => text((r.inode as GeneratedInode).generate(NOBODY));
    assert.equal(write('Y\n'), 2);
    assert.equal(on, true);
    assert.equal(read(), 'Y\n');
    assert.equal(write('0'), 1);
    assert.equal(on, false);
    assert.equal(write('on'), 2);
    assert.equal(on, true);
    assert.equal(write('off'), 3);
    assert.equal(on, false);
    assert.equal(write('true'), 4);
    assert.equal(on, true);
    assert.equal(write('n'), 1);
    assert.equal(on, false);
    // not a boolean: the write is consumed and nothing changes (debugfs_write_file_bool)
    assert.equal(write('maybe'), 5);
    assert.equal(on, false);
    assert.equal(write('o'), 1);
    assert.equal(on, false);
    // the file exists on POWER9 only (the other models' DAWR needs no switch, POWER7 has none)
    for (const cpu of ['power7', 'power8', 'power10'] as const) {
      const o = new Guest({ cpu });
      assert.equal(o.stat(path), -E.ENOENT, cpu);
      assert.equal(st(o.stat('/sys/kernel/debug/powerpc')).mode & S_IFMT, S_IFDIR);
    }
  },
);

test('access/faccessat: F_OK, R_OK, W_OK, X_OK as root; EINVAL for unknown bits', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', '', 0o600);
  assert.equal(g.call(NR.access, g.str('/tmp/f'), 0), 0);
  assert.equal(g.call(NR.access, g.str('/tmp/f'), 6), 0); // root reads and writes anything
  assert.equal(g.call(NR.access, g.str('/tmp/f'), 1), -E.EACCES); // but executes only with an x bit
  g.call(NR.chmod, g.str('/tmp/f'), 0o700);
  assert.equal(g.call(NR.access, g.str('/tmp/f'), 1), 0);
  assert.equal(g.call(NR.access, g.str('/tmp'), 1), 0);
  assert.equal(g.call(NR.access, g.str('/tmp/none'), 0), -E.ENOENT);
  assert.equal(g.call(NR.access, g.str('/tmp/f'), 8), -E.EINVAL);
});

test('getdents64 positions are stable: removing the entries already read while reading on skips none (rm -r)', () => {
  const g = new Guest();
  g.mkdir('/tmp/big');
  for (let i = 0; i < 300; i++) g.mkfile(`/tmp/big/file-${i}`);
  const fd = g.open('/tmp/big', O.RDONLY | O.DIRECTORY);
  let removed = 0;
  for (;;) {
    const r = getdents(g, fd, 256);
    assert.ok(typeof r !== 'number');
    if (r.length === 0) break;
    for (const d of r) {
      if (d.name === '.' || d.name === '..') continue;
      assert.equal(g.unlink(`/tmp/big/${d.name}`), 0);
      removed++;
    }
  }
  assert.equal(removed, 300);
  assert.equal(g.rmdir('/tmp/big'), 0);
  // entries made while reading come after the ones already there (as tmpfs orders them)
  g.mkdir('/tmp/d');
  g.mkfile('/tmp/d/a');
  g.mkfile('/tmp/d/b');
  const d2 = g.open('/tmp/d', O.RDONLY);
  const first = getdents(g, d2, 48); // ".", ".."
  assert.ok(typeof first !== 'number');
  assert.equal(g.unlink('/tmp/d/a'), 0);
  g.mkfile('/tmp/d/a');
  const rest = getdents(g, d2, 4096);
  assert.ok(typeof rest !== 'number');
  assert.deepEqual(
    [...first, ...rest].map((d) => d.name),
    ['.', '..', 'b', 'a'],
  );
});
