// Open file descriptions and descriptors as open(2), dup(2), fcntl(2), lseek(2), read(2)/write(2)
// and their positioned and vector forms document them: the O_* flags (as powerpc numbers them),
// offsets shared by duplicated descriptors, FD_CLOEXEC per descriptor, holes, pipes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { FileInode, PipeInode } from '../../sim/os/vfs/inode';
import { FdTable, OpenFile, O as OF } from '../../sim/os/vfs/open-file';
import { AT_FDCWD, Guest, NR, O, run, S_IFLNK, S_IFMT, S_IFREG, text } from './guest';

const F = { DUPFD: 0, GETFD: 1, SETFD: 2, GETFL: 3, SETFL: 4, DUPFD_CLOEXEC: 1030 } as const;
const SEEK = { SET: 0, CUR: 1, END: 2, DATA: 3, HOLE: 4 } as const;

test("the flags are powerpc's (O_DIRECTORY 0o40000, O_NOFOLLOW 0o100000, O_LARGEFILE 0o200000)", () => {
  assert.equal(OF.DIRECTORY, 0o40000);
  assert.equal(OF.NOFOLLOW, 0o100000);
  assert.equal(OF.LARGEFILE, 0o200000);
  assert.equal(OF.DIRECT, 0o400000);
  assert.equal(OF.PATH, 0o10000000);
  assert.equal(OF.TMPFILE | OF.DIRECTORY, O.TMPFILE);
});

test('O_CREAT and O_EXCL: created with mode & ~umask; EEXIST for an existing name, a symlink included', () => {
  const g = new Guest();
  const fd = g.open('/tmp/f', O.WRONLY | O.CREAT | O.EXCL, 0o666);
  assert.ok(fd >= 3);
  const s = g.fstat(fd);
  assert.ok(typeof s !== 'number');
  assert.equal(s.mode, S_IFREG | 0o644);
  assert.equal(g.open('/tmp/f', O.WRONLY | O.CREAT | O.EXCL), -E.EEXIST);
  assert.ok(g.open('/tmp/f', O.WRONLY | O.CREAT) >= 0); // without O_EXCL: opens it
  g.symlink('/tmp/f', '/tmp/l');
  assert.equal(g.open('/tmp/l', O.WRONLY | O.CREAT | O.EXCL), -E.EEXIST);
  // without O_CREAT, O_EXCL means nothing for a regular file
  assert.ok(g.open('/tmp/f', O.RDONLY | O.EXCL) >= 0);
  assert.equal(g.open('/tmp/missing', O.RDONLY), -E.ENOENT);
  // umask applies
  assert.equal(g.call(NR.umask, 0o077), 0o022);
  g.open('/tmp/g', O.WRONLY | O.CREAT, 0o666);
  const s2 = g.stat('/tmp/g');
  assert.ok(typeof s2 !== 'number');
  assert.equal(s2.mode & 0o777, 0o600);
});

test('O_TRUNC empties an existing file (even opened O_RDONLY, as Linux does); O_APPEND writes at the end', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'hello');
  g.close(g.open('/tmp/f', O.WRONLY | O.TRUNC));
  assert.equal(g.cat('/tmp/f'), '');
  g.mkfile('/tmp/f', 'hello');
  const ro = g.open('/tmp/f', O.RDONLY | O.TRUNC);
  assert.ok(ro >= 0);
  assert.equal(g.cat('/tmp/f'), '');
  assert.equal(g.write(ro, 'x'), -E.EBADF);
  // O_APPEND: each write goes to the end, whatever the offset; the offset follows it
  g.mkfile('/tmp/a', 'abc');
  const fd = g.open('/tmp/a', O.RDWR | O.APPEND);
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 0);
  assert.equal(g.write(fd, 'de'), 2);
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 5);
  assert.equal(g.lseek(fd, 1, SEEK.SET), 1);
  assert.equal(g.write(fd, 'f'), 1);
  assert.equal(g.cat('/tmp/a'), 'abcdef');
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 6);
  // pwrite on an O_APPEND file appends too (the BUGS section of pwrite(2)), the offset unchanged
  g.lseek(fd, 2, SEEK.SET);
  const b = g.str('gh');
  assert.equal(g.call(NR.pwrite64, fd, b, 2, 0), 2);
  assert.equal(g.cat('/tmp/a'), 'abcdefgh');
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 2);
  // reads are not affected by O_APPEND
  assert.equal(text(g.read(fd, 3) as Uint8Array), 'cde');
});

test('O_DIRECTORY, O_NOFOLLOW, opening directories: ENOTDIR, ELOOP, EISDIR, and O_CREAT|O_DIRECTORY is EINVAL', () => {
  const g = new Guest();
  g.mkfile('/tmp/f');
  g.symlink('/tmp/f', '/tmp/l');
  g.symlink('/tmp', '/tmp/ld');
  assert.equal(g.open('/tmp/f', O.RDONLY | O.DIRECTORY), -E.ENOTDIR);
  assert.ok(g.open('/tmp', O.RDONLY | O.DIRECTORY) >= 0);
  assert.ok(g.open('/tmp/ld', O.RDONLY | O.DIRECTORY) >= 0);
  assert.equal(g.open('/tmp/l', O.RDONLY | O.NOFOLLOW), -E.ELOOP);
  assert.equal(g.open('/tmp/l', O.RDONLY | O.NOFOLLOW | O.CREAT), -E.ELOOP);
  // O_DIRECTORY is checked before the symlink (do_open's order): ENOTDIR
  assert.equal(g.open('/tmp/ld', O.RDONLY | O.DIRECTORY | O.NOFOLLOW), -E.ENOTDIR);
  // a symlink in the middle of the path is followed whatever O_NOFOLLOW says
  assert.ok(g.open('/tmp/ld/f', O.RDONLY | O.NOFOLLOW) >= 0);
  assert.equal(g.open('/tmp', O.WRONLY), -E.EISDIR);
  assert.equal(g.open('/tmp', O.RDWR), -E.EISDIR);
  assert.equal(g.open('/tmp', O.RDONLY | O.TRUNC), -E.EISDIR);
  assert.equal(g.open('/tmp', O.RDONLY | O.CREAT), -E.EISDIR);
  assert.equal(g.open('/tmp/new', O.RDWR | O.CREAT | O.DIRECTORY), -E.EINVAL);
  assert.equal(g.stat('/tmp/new'), -E.ENOENT);
  // reading a directory: EISDIR
  const d = g.open('/tmp', O.RDONLY);
  assert.equal(g.read(d, 10), -E.EISDIR);
});

test('access mode 3: permission to read and write is checked, the descriptor does neither', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'x');
  const fd = g.open('/tmp/f', 3);
  assert.ok(fd >= 0, `open: ${fd}`);
  assert.equal(g.read(fd, 1), -E.EBADF);
  assert.equal(g.write(fd, 'y'), -E.EBADF);
  assert.equal(g.call(NR.fcntl, fd, F.GETFL) & 3, 3);
  assert.equal(g.open('/tmp', 3), -E.EISDIR);
});

test('O_TMPFILE: an unnamed file in a directory, nameable later with linkat(AT_EMPTY_PATH)', () => {
  const g = new Guest();
  const before = g.call(NR.getdents64, g.open('/tmp', O.RDONLY), g.buf(4096), 4096);
  const fd = g.open('/tmp', O.TMPFILE | O.RDWR, 0o600);
  assert.ok(fd >= 0, `open: ${fd}`);
  assert.equal(g.write(fd, 'secret'), 6);
  assert.equal(g.lseek(fd, 0, SEEK.SET), 0);
  assert.equal(g.readText(fd), 'secret');
  const s = g.fstat(fd);
  assert.ok(typeof s !== 'number');
  assert.equal(s.nlink, 0);
  assert.equal(s.mode, S_IFREG | 0o600);
  // nothing new in the directory
  assert.equal(g.call(NR.getdents64, g.open('/tmp', O.RDONLY), g.buf(4096), 4096), before);
  // the flags O_TMPFILE needs: write access, O_DIRECTORY (part of O_TMPFILE), no O_CREAT
  assert.equal(g.open('/tmp', O.TMPFILE | O.RDONLY), -E.EINVAL);
  assert.equal(g.open('/tmp', (O.TMPFILE & ~O.DIRECTORY) | O.RDWR), -E.EINVAL);
  assert.equal(g.open('/tmp', O.TMPFILE | O.RDWR | O.CREAT), -E.EINVAL);
  assert.equal(g.open('/tmp/none', O.TMPFILE | O.RDWR), -E.ENOENT);
  g.mkfile('/tmp/file');
  assert.equal(g.open('/tmp/file', O.TMPFILE | O.RDWR), -E.ENOTDIR);
  // linkat(fd, "", AT_FDCWD, name, AT_EMPTY_PATH) names it
  assert.equal(g.call(NR.linkat, fd, g.str(''), AT_FDCWD, g.str('/tmp/named'), 0x1000), 0);
  assert.equal(g.cat('/tmp/named'), 'secret');
  const s2 = g.fstat(fd);
  assert.ok(typeof s2 !== 'number');
  assert.equal(s2.nlink, 1);
});

test(
  'O_PATH: a descriptor that only names the file (fstat, *at, fchdir), flags other ' +
    'than O_DIRECTORY/O_NOFOLLOW ignored',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/f', 'abc');
    const fd = g.open('/tmp/f', O.PATH | O.RDWR);
    assert.ok(fd >= 0);
    assert.equal(g.read(fd, 3), -E.EBADF);
    assert.equal(g.write(fd, 'x'), -E.EBADF);
    const s = g.fstat(fd);
    assert.ok(typeof s !== 'number');
    assert.equal(s.size, 3);
    // O_CREAT and O_TRUNC do nothing with O_PATH
    assert.equal(g.open('/tmp/new', O.PATH | O.CREAT | O.WRONLY), -E.ENOENT);
    g.close(g.open('/tmp/f', O.PATH | O.TRUNC));
    assert.equal(g.cat('/tmp/f'), 'abc');
    // O_PATH|O_NOFOLLOW opens the symlink itself
    g.symlink('/tmp/f', '/tmp/l');
    const lfd = g.open('/tmp/l', O.PATH | O.NOFOLLOW);
    assert.ok(lfd >= 0);
    const ls = g.fstat(lfd);
    assert.ok(typeof ls !== 'number');
    assert.equal(ls.mode & S_IFMT, S_IFLNK);
    // a directory opened O_PATH serves as dirfd and for fchdir
    const d = g.open('/tmp', O.PATH | O.DIRECTORY);
    assert.ok(g.call(NR.openat, d, g.str('f'), O.RDONLY, 0) >= 0);
    assert.equal(g.call(NR.fchdir, d), 0);
    assert.equal(g.cat('f'), 'abc');
    // O_CLOEXEC still applies to the descriptor
    const c = g.open('/tmp/f', O.PATH | O.CLOEXEC);
    assert.equal(g.call(NR.fcntl, c, F.GETFD), 1);
    // the calls that use the file itself do not take an O_PATH descriptor (EBADF); fcntl, dup,
    // fstat, fchdir and *at do
    assert.equal(g.lseek(fd, 0, SEEK.SET), -E.EBADF);
    assert.equal(g.call(NR.ftruncate, fd, 0), -E.EBADF);
    assert.equal(g.call(94, fd, 0o600), -E.EBADF); // fchmod
    assert.equal(g.call(NR.ioctl, fd, 0x4004667f, g.buf(4)), -E.EBADF); // FIONREAD
    assert.equal(g.call(118, fd), -E.EBADF); // fsync
    assert.equal(g.call(NR.getdents64, d, g.buf(256), 256), -E.EBADF);
    assert.equal(g.sys(NR.mmap, 0, 65536, 1, 2, fd, 0), BigInt(-E.EBADF));
    assert.ok(g.call(NR.dup, fd) >= 0);
    assert.equal(g.call(NR.fcntl, fd, F.GETFL), O.PATH);
  },
);

test("dup, dup2, dup3 share the open file description (one offset); FD_CLOEXEC is the descriptor's", () => {
  const g = new Guest();
  g.mkfile('/tmp/f', '0123456789');
  const a = g.open('/tmp/f', O.RDONLY | O.CLOEXEC);
  const b = g.call(NR.dup, a);
  assert.equal(b, a + 1); // the lowest free number
  assert.equal(text(g.read(a, 3) as Uint8Array), '012');
  assert.equal(text(g.read(b, 3) as Uint8Array), '345');
  assert.equal(g.lseek(a, 0, SEEK.CUR), 6);
  assert.equal(g.call(NR.fcntl, a, F.GETFD), 1);
  assert.equal(g.call(NR.fcntl, b, F.GETFD), 0); // dup clears FD_CLOEXEC
  // dup2 onto an open descriptor closes it first; onto itself returns it
  g.mkfile('/tmp/other', 'zz');
  const o = g.open('/tmp/other', O.RDONLY);
  assert.equal(g.call(NR.dup2, a, o), o);
  assert.equal(text(g.read(o, 2) as Uint8Array), '67');
  assert.equal(g.call(NR.dup2, a, a), a);
  assert.equal(g.call(NR.dup2, 77, 77), -E.EBADF);
  assert.equal(g.call(NR.dup2, 77, 5), -E.EBADF);
  assert.equal(g.call(NR.dup2, a, -1), -E.EBADF);
  assert.equal(g.call(NR.dup2, a, 1 << 20), -E.EBADF);
  // dup3: O_CLOEXEC only; the same descriptor twice is EINVAL (even a closed one)
  assert.equal(g.call(NR.dup3, a, 20, O.CLOEXEC), 20);
  assert.equal(g.call(NR.fcntl, 20, F.GETFD), 1);
  assert.equal(g.call(NR.dup3, a, a, 0), -E.EINVAL);
  assert.equal(g.call(NR.dup3, 77, 77, 0), -E.EINVAL);
  assert.equal(g.call(NR.dup3, a, 21, O.APPEND), -E.EINVAL);
  assert.equal(g.call(NR.dup3, 77, 21, 0), -E.EBADF);
  // closing one descriptor leaves the description open through the others
  assert.equal(g.close(a), 0);
  assert.equal(g.close(a), -E.EBADF);
  assert.equal(text(g.read(20, 2) as Uint8Array), '89');
  assert.equal(g.call(NR.dup, 99), -E.EBADF);
});

test(
  'fcntl: F_GETFL (access mode, status flags, O_LARGEFILE), F_SETFL (status flags ' + 'only), F_DUPFD, F_GETFD/F_SETFD',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/f', 'abc');
    const fd = g.open('/tmp/f', O.WRONLY | O.APPEND | O.CREAT | O.TRUNC | O.CLOEXEC);
    assert.equal(g.call(NR.fcntl, fd, F.GETFL), O.WRONLY | O.APPEND | O.LARGEFILE);
    // F_SETFL changes O_APPEND and O_NONBLOCK, not the access mode nor creation flags
    assert.equal(g.call(NR.fcntl, fd, F.SETFL, O.RDWR | O.NONBLOCK | O.TRUNC), 0);
    assert.equal(g.call(NR.fcntl, fd, F.GETFL), O.WRONLY | O.NONBLOCK | O.LARGEFILE);
    assert.equal(g.read(fd, 1), -E.EBADF);
    // without O_APPEND now: writes at the offset
    g.lseek(fd, 0, SEEK.SET);
    g.write(fd, 'X');
    // (the file was truncated by O_TRUNC at open)
    assert.equal(g.cat('/tmp/f'), 'X');
    // F_DUPFD: the lowest free descriptor >= arg, sharing the offset; F_DUPFD_CLOEXEC sets FD_CLOEXEC
    assert.equal(g.call(NR.fcntl, fd, F.DUPFD, 10), 10);
    assert.equal(g.call(NR.fcntl, fd, F.DUPFD, 10), 11);
    assert.equal(g.call(NR.fcntl, 10, F.GETFD), 0);
    assert.equal(g.call(NR.fcntl, fd, F.DUPFD_CLOEXEC, 0), fd + 1);
    assert.equal(g.call(NR.fcntl, fd + 1, F.GETFD), 1);
    assert.equal(g.call(NR.fcntl, fd, F.DUPFD, -1), -E.EINVAL);
    assert.equal(g.call(NR.fcntl, fd, F.DUPFD, 1 << 20), -E.EINVAL);
    g.write(10, 'Y');
    assert.equal(g.lseek(fd, 0, SEEK.CUR), 2);
    // F_GETFD/F_SETFD
    assert.equal(g.call(NR.fcntl, fd, F.GETFD), 1);
    assert.equal(g.call(NR.fcntl, fd, F.SETFD, 0), 0);
    assert.equal(g.call(NR.fcntl, fd, F.GETFD), 0);
    // bad descriptor, unknown command
    assert.equal(g.call(NR.fcntl, 99, F.GETFL), -E.EBADF);
    assert.equal(g.call(NR.fcntl, fd, 9999), -E.EINVAL);
    // stdin, stdout, stderr: pipes, read-only and write-only
    assert.equal(g.call(NR.fcntl, 0, F.GETFL) & 3, O.RDONLY);
    assert.equal(g.call(NR.fcntl, 1, F.GETFL) & 3, O.WRONLY);
  },
);

test(
  'lseek: SEEK_SET/CUR/END, beyond the end (a write there leaves a hole of zeros), ' + 'EINVAL, SEEK_DATA/SEEK_HOLE',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/f', 'abcdef');
    const fd = g.open('/tmp/f', O.RDWR);
    assert.equal(g.lseek(fd, 2, SEEK.SET), 2);
    assert.equal(g.lseek(fd, 3, SEEK.CUR), 5);
    assert.equal(g.lseek(fd, -1, SEEK.CUR), 4);
    assert.equal(g.lseek(fd, -2, SEEK.END), 4);
    assert.equal(g.lseek(fd, 0, SEEK.END), 6);
    assert.equal(g.lseek(fd, -7, SEEK.END), -E.EINVAL);
    assert.equal(g.lseek(fd, -1, SEEK.SET), -E.EINVAL);
    assert.equal(g.lseek(fd, 0, 7), -E.EINVAL);
    assert.equal(g.lseek(fd, 0, SEEK.CUR), 6); // a failed lseek leaves the offset
    assert.equal(g.lseek(99, 0, SEEK.SET), -E.EBADF);
    // beyond the end: reads give 0 bytes; a write there fills the gap with zeros
    assert.equal(g.lseek(fd, 10, SEEK.SET), 10);
    assert.deepEqual(g.read(fd, 4), new Uint8Array(0));
    assert.equal(g.write(fd, 'Z'), 1);
    const s = g.fstat(fd);
    assert.ok(typeof s !== 'number');
    assert.equal(s.size, 11);
    assert.deepEqual(
      [...(g.pread(fd, 11, 0) as Uint8Array)],
      [...new TextEncoder().encode('abcdef'), 0, 0, 0, 0, 'Z'.charCodeAt(0)],
    );
    // SEEK_DATA / SEEK_HOLE: the whole file is data, the hole is at the end; ENXIO at or past the end
    assert.equal(g.lseek(fd, 3, SEEK.DATA), 3);
    assert.equal(g.lseek(fd, 3, SEEK.HOLE), 11);
    assert.equal(g.lseek(fd, 11, SEEK.DATA), -E.ENXIO);
    // ftruncate shrinking then growing: the regrown part reads as zeros
    assert.equal(g.call(NR.ftruncate, fd, 2), 0);
    assert.equal(g.call(NR.ftruncate, fd, 5), 0);
    assert.deepEqual([...(g.pread(fd, 10, 0) as Uint8Array)], [97, 98, 0, 0, 0]);
    assert.equal(g.call(NR.ftruncate, fd, -1), -E.EINVAL);
    assert.equal(g.call(NR.ftruncate, g.open('/tmp/f', O.RDONLY), 1), -E.EINVAL);
    // /dev/null and /dev/zero: every seek succeeds at 0
    const n = g.open('/dev/null', O.RDWR);
    assert.equal(g.lseek(n, 100, SEEK.SET), 0);
    assert.equal(g.lseek(n, 5, SEEK.CUR), 0);
  },
);

test('lseek on the standard input pipe: ESPIPE (a program sees it in r3 with CR0.SO)', () => {
  const r = run(
    `
    li 3, 0
    li 4, 0
    li 5, 0
    SYS 19
    mfcr 4
    rlwinm 4, 4, 4, 31, 31
    mulli 4, 4, 100
    add 3, 3, 4
    SYS 1
`,
    { stdin: new TextEncoder().encode('input') },
  );
  assert.equal(r.exitCode, 100 + E.ESPIPE);
  const g = new Guest({}, 'abc');
  assert.equal(g.lseek(0, 0, SEEK.SET), -E.ESPIPE);
  assert.equal(g.pread(0, 1, 0), -E.ESPIPE);
  assert.equal(g.lseek(1, 0, SEEK.CUR), -E.ESPIPE);
  assert.equal(g.readText(0), 'abc');
  assert.equal(g.readText(0), ''); // end of file
});

test('read, write, pread, pwrite: counts, EOF, offsets (pread/pwrite leave it), EBADF by access mode, EFAULT', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'hello world');
  const fd = g.open('/tmp/f', O.RDWR);
  assert.equal(text(g.pread(fd, 5, 6) as Uint8Array), 'world');
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 0);
  assert.equal(text(g.read(fd, 5) as Uint8Array), 'hello');
  const b = g.str('J');
  assert.equal(g.call(NR.pwrite64, fd, b, 1, 0), 1);
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 5);
  assert.equal(text(g.read(fd, 100) as Uint8Array), ' world');
  assert.equal((g.read(fd, 100) as Uint8Array).length, 0);
  assert.equal(g.cat('/tmp/f'), 'Jello world');
  assert.equal(g.pread(fd, 1, -1), -E.EINVAL);
  assert.equal((g.pread(fd, 4, 100) as Uint8Array).length, 0);
  // a pwrite far beyond the end: a hole
  assert.equal(g.call(NR.pwrite64, fd, b, 1, 20), 1);
  assert.equal((g.pread(fd, 100, 0) as Uint8Array).length, 21);
  // zero-byte transfers still check the access mode
  const ro = g.open('/tmp/f', O.RDONLY);
  const wo = g.open('/tmp/f', O.WRONLY);
  assert.equal(g.call(NR.write, ro, b, 0), -E.EBADF);
  assert.equal(g.call(NR.read, wo, b, 0), -E.EBADF);
  assert.equal(g.call(NR.pwrite64, ro, b, 0, 0), -E.EBADF);
  assert.equal(g.call(NR.pread64, wo, b, 0, 0), -E.EBADF);
  assert.equal(g.call(NR.read, ro, b, 0), 0);
  assert.equal(g.write(ro, 'x'), -E.EBADF);
  assert.equal(g.read(wo, 1), -E.EBADF);
  assert.equal(g.call(NR.read, 99, b, 1), -E.EBADF);
  // a buffer the process cannot access: EFAULT, and the offset does not move
  const pos = g.lseek(ro, 0, SEEK.CUR);
  assert.equal(g.call(NR.read, ro, 0x100, 4), -E.EFAULT);
  assert.equal(g.lseek(ro, 0, SEEK.CUR), pos);
  assert.equal(g.call(NR.write, wo, 0x100, 4), -E.EFAULT);
  // a count with the sign bit set: EINVAL
  assert.equal(g.call(NR.read, ro, b, -1n), -E.EINVAL);
});

test('readv/writev gather and scatter in order; preadv/pwritev at a position; iovcnt limits', () => {
  const g = new Guest();
  const fd = g.open('/tmp/v', O.RDWR | O.CREAT);
  const iov = (parts: [bigint, number][]) => {
    const a = g.buf(16 * parts.length);
    const dv = new DataView(new ArrayBuffer(16 * parts.length));
    parts.forEach(([base, len], i) => {
      dv.setBigUint64(16 * i, base, true);
      dv.setBigUint64(16 * i + 8, BigInt(len), true);
    });
    g.put(a, new Uint8Array(dv.buffer));
    return a;
  };
  const p1 = g.str('abc');
  const p2 = g.str('defgh');
  assert.equal(
    g.call(
      NR.writev,
      fd,
      iov([
        [p1, 3],
        [p2, 0],
        [p2, 5],
      ]),
      3,
    ),
    8,
  );
  assert.equal(g.cat('/tmp/v'), 'abcdefgh');
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 8);
  g.lseek(fd, 0, SEEK.SET);
  const r1 = g.buf(2);
  const r2 = g.buf(10);
  assert.equal(
    g.call(
      NR.readv,
      fd,
      iov([
        [r1, 2],
        [r2, 10],
      ]),
      2,
    ),
    8,
  );
  assert.equal(text(g.get(r1, 2)), 'ab');
  assert.equal(text(g.get(r2, 6)), 'cdefgh');
  // positioned forms leave the offset
  assert.equal(g.call(NR.pwritev, fd, iov([[p1, 3]]), 1, 8), 3);
  assert.equal(g.lseek(fd, 0, SEEK.CUR), 8);
  assert.equal(
    g.call(
      NR.preadv,
      fd,
      iov([
        [r1, 2],
        [r2, 3],
      ]),
      2,
      4,
    ),
    5,
  );
  assert.equal(text(g.get(r1, 2)) + text(g.get(r2, 3)), 'efghi'.slice(0, 4) + 'a');
  assert.equal(g.cat('/tmp/v'), 'abcdefghabc');
  // iovcnt: 0 is nothing, over 1024 (UIO_MAXIOV) or negative EINVAL
  assert.equal(g.call(NR.readv, fd, iov([[r1, 1]]), 0), 0);
  assert.equal(g.call(NR.readv, fd, iov([[r1, 1]]), 1025), -E.EINVAL);
  assert.equal(g.call(NR.readv, fd, iov([[r1, 1]]), -1), -E.EINVAL);
  // the standard output pipe gets one write of the gathered bytes
  assert.equal(
    g.call(
      NR.writev,
      1,
      iov([
        [p1, 3],
        [p2, 5],
      ]),
      2,
    ),
    8,
  );
  assert.deepEqual(g.out.map(text), ['abcdefgh']);
});

test('FdTable: the lowest free number, close, clone shares the descriptions', () => {
  const t = new FdTable();
  const f = new OpenFile(new FileInode(0o644, 0n), OF.RDWR);
  assert.equal(t.install(f, false), 0);
  assert.equal(t.install(f, true), 1);
  assert.equal(t.install(f, false, 5), 5);
  assert.equal(t.close(1), true);
  assert.equal(t.close(1), false);
  assert.equal(t.install(f, false), 1);
  assert.deepEqual(t.open(), [0, 1, 5]);
  const c = t.clone();
  assert.equal(c.get(5), f);
  c.close(5);
  assert.equal(t.get(5), f);
  f.pos = 9;
  assert.equal(c.get(0)!.pos, 9);
  // a pipe is not seekable; a file is
  assert.equal(new OpenFile(new PipeInode(0n, {}), OF.RDONLY).seekable, false);
  assert.equal(f.seekable, true);
});

test(
  'RLIMIT_NOFILE bounds the descriptors: EMFILE when none is free below it, ' +
    'EBADF/EINVAL for dup2/F_DUPFD at or above it',
  () => {
    const g = new Guest();
    const lim = g.buf(16);
    g.put(lim, new Uint8Array(new BigUint64Array([8n, 4096n]).buffer));
    assert.equal(g.call(NR.prlimit64, 0, 7, lim, 0), 0);
    g.mkfile('/tmp/f');
    const fds: number[] = [];
    for (let fd = g.open('/tmp/f', O.RDONLY); fd >= 0; fd = g.open('/tmp/f', O.RDONLY)) fds.push(fd);
    assert.deepEqual(fds, [3, 4, 5, 6, 7]);
    assert.equal(g.open('/tmp/f', O.RDONLY), -E.EMFILE);
    assert.equal(g.call(NR.dup, 3), -E.EMFILE);
    assert.equal(g.call(NR.dup2, 3, 8), -E.EBADF);
    assert.equal(g.call(NR.fcntl, 3, F.DUPFD, 8), -E.EINVAL);
    // raised again: more descriptors
    g.put(lim, new Uint8Array(new BigUint64Array([64n, 4096n]).buffer));
    assert.equal(g.call(NR.prlimit64, 0, 7, lim, 0), 0);
    assert.equal(g.call(NR.dup2, 3, 40), 40);
  },
);

test('close_range: closes a range, or marks it close-on-exec (CLOSE_RANGE_CLOEXEC); unknown flags EINVAL', () => {
  const g = new Guest();
  g.mkfile('/tmp/f');
  for (let i = 0; i < 5; i++) g.open('/tmp/f', O.RDONLY); // 3..7
  const CLOSE_RANGE = 436;
  assert.equal(g.call(CLOSE_RANGE, 3, 4, 8), -E.EINVAL);
  assert.equal(g.call(CLOSE_RANGE, 5, 4, 0), -E.EINVAL);
  assert.equal(g.call(CLOSE_RANGE, 3, 4, 4), 0);
  assert.equal(g.call(NR.fcntl, 3, F.GETFD), 1);
  assert.equal(g.call(NR.fcntl, 5, F.GETFD), 0);
  assert.equal(g.call(CLOSE_RANGE, 4, 0xffffffff, 0), 0);
  assert.equal(g.call(NR.fcntl, 4, F.GETFD), -E.EBADF);
  assert.equal(g.call(NR.fcntl, 7, F.GETFD), -E.EBADF);
  assert.equal(g.call(NR.fcntl, 3, F.GETFD), 1);
});

test('ioctl FIONREAD: the bytes left to read, in a file and in the stdin pipe; TCGETS is ENOTTY (no terminal)', () => {
  const g = new Guest({}, 'twelve bytes');
  const n = g.buf(4);
  const FIONREAD = 0x4004667f;
  assert.equal(g.call(NR.ioctl, 0, FIONREAD, n), 0);
  assert.equal(g.u32(n), 12);
  g.read(0, 5);
  assert.equal(g.call(NR.ioctl, 0, FIONREAD, n), 0);
  assert.equal(g.u32(n), 7);
  g.mkfile('/tmp/f', 'abcdef');
  const fd = g.open('/tmp/f', O.RDONLY);
  g.read(fd, 2);
  assert.equal(g.call(NR.ioctl, fd, FIONREAD, n), 0);
  assert.equal(g.u32(n), 4);
  assert.equal(g.call(NR.ioctl, 1, 0x402c7413, n), -E.ENOTTY);
  assert.equal(g.call(NR.ioctl, 99, FIONREAD, n), -E.EBADF);
});

test(
  "read/write/pread/pwrite check in the kernel's order: pread's negative position " +
    'before the descriptor, the mode before the count',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/f', 'x');
    const wo = g.open('/tmp/f', O.WRONLY);
    const ro = g.open('/tmp/f', O.RDONLY);
    const b = g.buf(8);
    assert.equal(g.call(NR.pread64, 99, b, 1, -1), -E.EINVAL);
    assert.equal(g.call(NR.pwrite64, 99, b, 1, -1), -E.EINVAL);
    assert.equal(g.call(NR.read, wo, b, -1n), -E.EBADF);
    assert.equal(g.call(NR.write, ro, b, -1n), -E.EBADF);
    assert.equal(g.call(NR.read, ro, b, -1n), -E.EINVAL);
    assert.equal(g.call(NR.pread64, ro, b, -1n, 0), -E.EINVAL);
    assert.equal(g.call(NR.pread64, 0, b, 1, 0), -E.ESPIPE);
    assert.equal(g.call(NR.pwrite64, 1, b, 0, 0), -E.ESPIPE);
  },
);
