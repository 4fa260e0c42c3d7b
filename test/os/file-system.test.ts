// The virtual file system's namespace as a program meets it through the system calls: path
// resolution (namei: absolute and relative, `.` and `..`, trailing slashes, symbolic links and the
// 40-link limit, ENOTDIR, ENAMETOOLONG) and the calls that change names (mkdir, rmdir, unlink,
// rename, link, symlink), checked against Linux's documented behaviour (path_resolution(7), the
// man pages of each call).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Kernel } from '../../sim/os/kernel';
import { AT_FDCWD, Guest, NR, O, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, type StatBuf } from './guest';

function st(r: StatBuf | number): StatBuf {
  if (typeof r === 'number') throw new Error(`stat failed: ${r}`);
  return r;
}

test('absolute and relative paths; `.` and `..`, and `..` at the root stays at the root', () => {
  const g = new Guest();
  const root = st(g.stat('/'));
  assert.equal(root.mode & S_IFMT, S_IFDIR);
  assert.equal(st(g.stat('/..')).ino, root.ino);
  assert.equal(st(g.stat('/../../..')).ino, root.ino);
  assert.equal(st(g.stat('/../tmp/./../tmp')).ino, st(g.stat('/tmp')).ino);
  assert.equal(st(g.stat('//tmp///')).ino, st(g.stat('/tmp')).ino);
  // relative to the working directory
  assert.equal(g.call(NR.chdir, g.str('/tmp')), 0);
  g.mkfile('here', 'x');
  assert.equal(st(g.stat('/tmp/here')).size, 1);
  assert.equal(st(g.stat('../tmp/here')).ino, st(g.stat('./here')).ino);
  assert.equal(st(g.stat('.')).ino, st(g.stat('/tmp')).ino);
  assert.equal(st(g.stat('..')).ino, root.ino);
  const b = g.buf(64);
  assert.equal(g.call(NR.getcwd, b, 64), 5);
  assert.equal(new TextDecoder().decode(g.get(b, 4)), '/tmp');
  // an empty path names nothing
  assert.equal(g.stat(''), -E.ENOENT);
  assert.equal(g.open('', O.RDONLY), -E.ENOENT);
  // *at() calls: relative to a directory descriptor, or the working directory for AT_FDCWD
  assert.equal(g.call(NR.chdir, g.str('/')), 0);
  const dfd = g.open('/tmp', O.RDONLY | O.DIRECTORY);
  assert.ok(dfd >= 3);
  const fd = g.call(NR.openat, dfd, g.str('here'), O.RDONLY, 0);
  assert.equal(g.readText(fd), 'x');
  // a relative path against a descriptor that is not a directory: ENOTDIR; a bad one: EBADF
  assert.equal(g.call(NR.openat, fd, g.str('here'), O.RDONLY, 0), -E.ENOTDIR);
  assert.equal(g.call(NR.openat, 99, g.str('here'), O.RDONLY, 0), -E.EBADF);
  // an absolute path ignores dirfd
  assert.ok(g.call(NR.openat, 99, g.str('/tmp/here'), O.RDONLY, 0) >= 0);
});

test('trailing slashes: the last component must be a directory (a symlink to one is followed)', () => {
  const g = new Guest();
  g.mkfile('/tmp/f');
  assert.equal(g.mkdir('/tmp/d/'), 0); // mkdir accepts a trailing slash
  assert.equal(st(g.stat('/tmp/d/')).mode & S_IFMT, S_IFDIR);
  assert.equal(g.stat('/tmp/f/'), -E.ENOTDIR);
  assert.equal(g.stat('/tmp/f/.'), -E.ENOTDIR);
  assert.equal(g.stat('/tmp/missing/'), -E.ENOENT);
  assert.equal(g.open('/tmp/f/', O.RDONLY), -E.ENOTDIR);
  assert.equal(g.open('/tmp/new/', O.WRONLY | O.CREAT), -E.EISDIR);
  assert.equal(g.stat('/tmp/new'), -E.ENOENT);
  assert.equal(g.symlink('/tmp/d', '/tmp/ld'), 0);
  assert.equal(g.symlink('/tmp/f', '/tmp/lf'), 0);
  // lstat of "link/" follows the link: the slash asks for the directory
  assert.equal(st(g.stat('/tmp/ld', false)).mode & S_IFMT, S_IFLNK);
  assert.equal(st(g.stat('/tmp/ld/', false)).mode & S_IFMT, S_IFDIR);
  assert.equal(g.stat('/tmp/lf/', false), -E.ENOTDIR);
  // unlink: "file/" ENOTDIR, "dir/" EISDIR, "missing/" ENOENT; rmdir takes "dir/"
  assert.equal(g.unlink('/tmp/f/'), -E.ENOTDIR);
  assert.equal(g.unlink('/tmp/d/'), -E.EISDIR);
  assert.equal(g.unlink('/tmp/missing/'), -E.ENOENT);
  assert.equal(g.rmdir('/tmp/d/'), 0);
  // rename: a trailing slash on a file's name is ENOTDIR
  assert.equal(g.rename('/tmp/f/', '/tmp/g'), -E.ENOTDIR);
  assert.equal(g.rename('/tmp/f', '/tmp/g/'), -E.ENOTDIR);
  assert.equal(st(g.stat('/tmp/f')).mode & S_IFMT, S_IFREG);
});

test('ENOTDIR through a file, ENOENT through a missing directory', () => {
  const g = new Guest();
  g.mkfile('/tmp/f');
  assert.equal(g.stat('/tmp/f/x'), -E.ENOTDIR);
  assert.equal(g.open('/tmp/f/x', O.WRONLY | O.CREAT), -E.ENOTDIR);
  assert.equal(g.mkdir('/tmp/f/x'), -E.ENOTDIR);
  assert.equal(g.stat('/tmp/nodir/x'), -E.ENOENT);
  assert.equal(g.open('/tmp/nodir/x', O.WRONLY | O.CREAT), -E.ENOENT);
  assert.equal(g.call(NR.chdir, g.str('/tmp/f')), -E.ENOTDIR);
});

test("symbolic links: relative targets from the link's directory, chains up to 40 links, ELOOP beyond", () => {
  const g = new Guest();
  g.mkdir('/tmp/d');
  g.mkfile('/tmp/d/f', 'data');
  assert.equal(g.symlink('d/f', '/tmp/rel'), 0);
  assert.equal(g.symlink('/tmp/d', '/tmp/abs'), 0);
  assert.equal(g.cat('/tmp/rel'), 'data');
  assert.equal(g.cat('/tmp/abs/f'), 'data');
  assert.equal(g.cat('/tmp/abs/../rel'), 'data'); // `..` of the directory the link led to
  const l = st(g.stat('/tmp/rel', false));
  assert.equal(l.mode & S_IFMT, S_IFLNK);
  assert.equal(l.mode & 0o777, 0o777);
  assert.equal(l.size, 3); // the target's length
  assert.equal(g.readlink('/tmp/rel'), 'd/f');
  assert.equal(g.readlink('/tmp/d/f'), -E.EINVAL);
  // dangling and empty targets
  assert.equal(g.symlink('/tmp/nowhere', '/tmp/dangling'), 0);
  assert.equal(g.stat('/tmp/dangling'), -E.ENOENT);
  assert.equal(st(g.stat('/tmp/dangling', false)).mode & S_IFMT, S_IFLNK);
  assert.equal(g.symlink('', '/tmp/empty'), -E.ENOENT);
  assert.equal(g.symlink('x', '/tmp/rel'), -E.EEXIST);
  // a chain of 40 links resolves; 41 is ELOOP (MAXSYMLINKS)
  g.mkfile('/tmp/end', 'end');
  g.symlink('/tmp/end', '/tmp/c1');
  for (let i = 2; i <= 41; i++) assert.equal(g.symlink(`c${i - 1}`, `/tmp/c${i}`), 0);
  assert.equal(g.cat('/tmp/c40'), 'end');
  assert.equal(g.cat('/tmp/c41'), -E.ELOOP);
  assert.equal(g.stat('/tmp/c41'), -E.ELOOP);
  assert.equal(st(g.stat('/tmp/c41', false)).mode & S_IFMT, S_IFLNK);
  // a link to itself, and two links to each other
  g.symlink('self', '/tmp/self');
  g.symlink('b', '/tmp/a');
  g.symlink('a', '/tmp/b');
  assert.equal(g.stat('/tmp/self'), -E.ELOOP);
  assert.equal(g.open('/tmp/a', O.RDONLY), -E.ELOOP);
  assert.equal(g.stat('/tmp/self/x'), -E.ELOOP);
});

test('the 40-link limit counts every link of one resolution, in every component', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'x');
  assert.equal(g.symlink('.', '/tmp/s'), 0);
  // 40 links followed in all: fine; 41: ELOOP (Linux counts nd->total_link_count over the path)
  assert.equal(g.cat('/tmp/' + 's/'.repeat(40) + 'f'), 'x');
  assert.equal(g.cat('/tmp/' + 's/'.repeat(41) + 'f'), -E.ELOOP);
  // links inside a link's target count too: t -> s/s/.../s/. (20 links); t/f follows 21 links,
  // t/t/f follows 42
  g.symlink('s/'.repeat(20) + '.', '/tmp/t');
  assert.equal(g.cat('/tmp/t/f'), 'x');
  assert.equal(g.cat('/tmp/t/t/f'), -E.ELOOP);
});

test('ENAMETOOLONG: a component over 255 bytes, a path of 4096 bytes or more (counted in bytes)', () => {
  const g = new Guest();
  const ok = 'n'.repeat(255);
  g.mkfile(`/tmp/${ok}`, 'y');
  assert.equal(g.cat(`/tmp/${ok}`), 'y');
  assert.equal(g.open(`/tmp/${ok}x`, O.WRONLY | O.CREAT), -E.ENAMETOOLONG);
  assert.equal(g.stat(`/tmp/${ok}x`), -E.ENAMETOOLONG);
  assert.equal(g.mkdir(`/tmp/${ok}x`), -E.ENAMETOOLONG);
  // 128 two-byte characters are 256 bytes
  assert.equal(g.open(`/tmp/${'é'.repeat(128)}`, O.WRONLY | O.CREAT), -E.ENAMETOOLONG);
  assert.ok(g.open(`/tmp/${'é'.repeat(127)}`, O.WRONLY | O.CREAT) >= 0);
  // a path of 4095 bytes is looked up; 4096 is too long (PATH_MAX counts the NUL)
  const deep = (n: number) => '/' + './'.repeat((n - 1) / 2);
  assert.equal(deep(4095).length, 4095);
  assert.equal(st(g.stat(deep(4095))).mode & S_IFMT, S_IFDIR);
  assert.equal(g.stat(deep(4095) + '/'), -E.ENAMETOOLONG);
  assert.equal(g.stat('/' + 'é'.repeat(2048)), -E.ENAMETOOLONG); // 2049 characters, 4097 bytes
});

test('mkdir: EEXIST for anything existing (a dangling symlink too); the mode less the umask', () => {
  const g = new Guest();
  assert.equal(g.mkdir('/tmp/d', 0o777), 0);
  assert.equal(st(g.stat('/tmp/d')).mode & 0o7777, 0o755);
  // the sticky bit is kept, set-user-ID and set-group-ID are not
  assert.equal(g.mkdir('/tmp/s', 0o7777), 0);
  assert.equal(st(g.stat('/tmp/s')).mode & 0o7777, 0o1755);
  assert.equal(g.mkdir('/tmp/d'), -E.EEXIST);
  g.mkfile('/tmp/f');
  assert.equal(g.mkdir('/tmp/f'), -E.EEXIST);
  g.symlink('/tmp/none', '/tmp/l');
  assert.equal(g.mkdir('/tmp/l'), -E.EEXIST);
  assert.equal(g.mkdir('/'), -E.EEXIST);
  assert.equal(g.mkdir('/tmp/.'), -E.EEXIST);
  assert.equal(g.mkdir('/tmp/..'), -E.EEXIST);
  // a subdirectory adds a link to its parent (its `..`)
  const before = st(g.stat('/tmp')).nlink;
  g.mkdir('/tmp/e');
  assert.equal(st(g.stat('/tmp')).nlink, before + 1);
  assert.equal(st(g.stat('/tmp/e')).nlink, 2);
});

test('rmdir and unlink: ENOTEMPTY, ENOTDIR, EISDIR, EINVAL for `.`, EBUSY for the root', () => {
  const g = new Guest();
  g.mkdir('/tmp/d');
  g.mkfile('/tmp/d/f');
  assert.equal(g.rmdir('/tmp/d'), -E.ENOTEMPTY);
  assert.equal(g.rmdir('/tmp/d/f'), -E.ENOTDIR);
  assert.equal(g.unlink('/tmp/d'), -E.EISDIR);
  assert.equal(g.rmdir('/tmp/d/.'), -E.EINVAL);
  assert.equal(g.rmdir('/tmp/d/..'), -E.ENOTEMPTY);
  assert.equal(g.unlink('/tmp/d/.'), -E.EISDIR);
  assert.equal(g.rmdir('/'), -E.EBUSY);
  assert.equal(g.rmdir('/tmp/none'), -E.ENOENT);
  assert.equal(g.unlink('/tmp/d/f'), 0);
  assert.equal(g.unlink('/tmp/d/f'), -E.ENOENT);
  const before = st(g.stat('/tmp')).nlink;
  assert.equal(g.rmdir('/tmp/d'), 0);
  assert.equal(st(g.stat('/tmp')).nlink, before - 1);
  assert.equal(g.stat('/tmp/d'), -E.ENOENT);
  // unlink of a symlink removes the link, not its target
  g.mkfile('/tmp/t', 'keep');
  g.symlink('/tmp/t', '/tmp/l');
  assert.equal(g.unlink('/tmp/l'), 0);
  assert.equal(g.cat('/tmp/t'), 'keep');
  // unlinkat flags other than AT_REMOVEDIR: EINVAL
  assert.equal(g.call(NR.unlinkat, AT_FDCWD, g.str('/tmp/t'), 0x100), -E.EINVAL);
});

test('unlink of an open file: the name goes, the file stays readable and writable through its descriptor', () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'hello');
  const fd = g.open('/tmp/f', O.RDWR);
  assert.equal(g.unlink('/tmp/f'), 0);
  assert.equal(g.stat('/tmp/f'), -E.ENOENT);
  assert.equal(g.readText(fd), 'hello');
  assert.equal(g.write(fd, ' world'), 6);
  assert.equal(g.lseek(fd, 0, 0), 0);
  assert.equal(g.readText(fd), 'hello world');
  const s = st(g.fstat(fd));
  assert.equal(s.nlink, 0);
  assert.equal(s.size, 11);
  // a new file under the old name is another file
  g.mkfile('/tmp/f', 'new');
  assert.notEqual(st(g.stat('/tmp/f')).ino, s.ino);
  assert.equal(g.close(fd), 0);
});

test(
  'rename: over a file (atomically replaced), into itself EINVAL, over a non-empty ' +
    'directory ENOTEMPTY, file over directory EISDIR',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/a', 'A');
    g.mkfile('/tmp/b', 'B');
    const ia = st(g.stat('/tmp/a')).ino;
    assert.equal(g.rename('/tmp/a', '/tmp/b'), 0);
    assert.equal(g.stat('/tmp/a'), -E.ENOENT);
    assert.equal(g.cat('/tmp/b'), 'A');
    assert.equal(st(g.stat('/tmp/b')).ino, ia);
    // a file under another name in another directory
    g.mkdir('/tmp/d');
    assert.equal(g.rename('/tmp/b', '/tmp/d/b2'), 0);
    assert.equal(g.cat('/tmp/d/b2'), 'A');
    // a directory into itself or below itself
    g.mkdir('/tmp/d/sub');
    assert.equal(g.rename('/tmp/d', '/tmp/d/sub/x'), -E.EINVAL);
    assert.equal(g.rename('/tmp/d', '/tmp/d/x'), -E.EINVAL);
    // a directory over a non-empty one, over an empty one, over a file; a file over a directory
    g.mkdir('/tmp/full');
    g.mkfile('/tmp/full/x');
    g.mkdir('/tmp/empty');
    assert.equal(g.rename('/tmp/d', '/tmp/full'), -E.ENOTEMPTY);
    g.mkfile('/tmp/file');
    assert.equal(g.rename('/tmp/d', '/tmp/file'), -E.ENOTDIR);
    assert.equal(g.rename('/tmp/file', '/tmp/empty'), -E.EISDIR);
    const tmpLinks = st(g.stat('/tmp')).nlink;
    assert.equal(g.rename('/tmp/d', '/tmp/empty'), 0);
    assert.equal(g.cat('/tmp/empty/b2'), 'A');
    assert.equal(g.stat('/tmp/d'), -E.ENOENT);
    // /tmp lost one subdirectory (the replaced one): one link fewer
    assert.equal(st(g.stat('/tmp')).nlink, tmpLinks - 1);
    // the moved directory's `..` is its new parent
    g.mkdir('/tmp/p');
    assert.equal(g.rename('/tmp/empty', '/tmp/p/e'), 0);
    assert.equal(st(g.stat('/tmp/p/e/..')).ino, st(g.stat('/tmp/p')).ino);
    assert.equal(st(g.stat('/tmp/p')).nlink, 3);
    // ENOENT, EBUSY for `.` and `..`, RENAME_NOREPLACE
    assert.equal(g.rename('/tmp/none', '/tmp/x'), -E.ENOENT);
    assert.equal(g.rename('/tmp/p/.', '/tmp/x'), -E.EBUSY);
    assert.equal(g.rename('/tmp/p/e', '/tmp/p/..'), -E.EBUSY);
    g.mkfile('/tmp/n1');
    g.mkfile('/tmp/n2');
    assert.equal(g.rename('/tmp/n1', '/tmp/n2', 1), -E.EEXIST);
    assert.equal(g.rename('/tmp/n1', '/tmp/n3', 1), 0);
    assert.equal(g.rename('/tmp/n2', '/tmp/n2', 1), -E.EEXIST);
    assert.equal(g.rename('/tmp/n2', '/tmp/n2'), 0);
    assert.equal(g.rename('/tmp/n2', '/tmp/n4', 8), -E.EINVAL);
  },
);

test('link: another name for the same inode (nlink counts them); not for directories', () => {
  const g = new Guest();
  g.mkfile('/tmp/a', 'shared');
  assert.equal(g.call(NR.link, g.str('/tmp/a'), g.str('/tmp/b')), 0);
  assert.equal(st(g.stat('/tmp/a')).nlink, 2);
  assert.equal(st(g.stat('/tmp/a')).ino, st(g.stat('/tmp/b')).ino);
  const fd = g.open('/tmp/b', O.WRONLY | O.APPEND);
  g.write(fd, '!');
  assert.equal(g.cat('/tmp/a'), 'shared!');
  assert.equal(g.unlink('/tmp/a'), 0);
  assert.equal(st(g.stat('/tmp/b')).nlink, 1);
  assert.equal(g.call(NR.link, g.str('/tmp/b'), g.str('/tmp/b')), -E.EEXIST);
  assert.equal(g.call(NR.link, g.str('/tmp'), g.str('/tmp/x')), -E.EPERM);
  assert.equal(g.call(NR.link, g.str('/tmp/none'), g.str('/tmp/x')), -E.ENOENT);
});

test("inode numbers are the machine's own: two machines doing the same give the same st_ino", () => {
  const inos = () => {
    const g = new Guest();
    g.mkfile('/tmp/a');
    g.mkdir('/tmp/d');
    return [st(g.stat('/tmp/a')).ino, st(g.stat('/tmp/d')).ino, st(g.stat('/proc/cpuinfo')).ino, st(g.stat('/')).ino];
  };
  const first = inos();
  new Kernel({ cpu: 'power9', cpus: 2, policy: '6.5', ticks: () => 0 }); // other machines in between
  assert.deepEqual(inos(), first);
  assert.equal(new Set(first).size, first.length);
});

test('O_CREAT through a dangling symlink creates the file it names (O_EXCL: EEXIST)', () => {
  const g = new Guest();
  g.symlink('/tmp/target', '/tmp/l');
  assert.equal(g.open('/tmp/l', O.WRONLY | O.CREAT | O.EXCL), -E.EEXIST);
  const fd = g.open('/tmp/l', O.WRONLY | O.CREAT);
  assert.ok(fd >= 0, `open: ${fd}`);
  g.write(fd, 'via link');
  assert.equal(g.cat('/tmp/target'), 'via link');
  assert.equal(st(g.stat('/tmp/l', false)).mode & S_IFMT, S_IFLNK);
  // relative: from the link's directory
  g.mkdir('/tmp/d');
  g.symlink('rel', '/tmp/d/l2');
  assert.ok(g.open('/tmp/d/l2', O.WRONLY | O.CREAT) >= 0);
  assert.equal(st(g.stat('/tmp/d/rel')).mode & S_IFMT, S_IFREG);
});

test(
  'a removed directory still open or the working directory: nothing can be made in it, ' +
    'getcwd and getdents say ENOENT',
  () => {
    const g = new Guest();
    g.mkdir('/tmp/gone');
    const fd = g.open('/tmp/gone', O.RDONLY | O.DIRECTORY);
    assert.equal(g.call(NR.chdir, g.str('/tmp/gone')), 0);
    assert.equal(g.rmdir('/tmp/gone'), 0);
    const b = g.buf(64);
    assert.equal(g.call(NR.getcwd, b, 64), -E.ENOENT);
    assert.equal(g.open('new', O.WRONLY | O.CREAT), -E.ENOENT);
    assert.equal(g.mkdir('sub'), -E.ENOENT);
    assert.equal(g.symlink('x', 'l'), -E.ENOENT);
    assert.equal(g.call(NR.getdents64, fd, b, 64), -E.ENOENT);
    const s = g.fstat(fd);
    assert.ok(typeof s !== 'number');
    assert.equal(s.nlink, 0);
    // `..` still leads out
    assert.equal(g.call(NR.chdir, g.str('..')), 0);
    assert.equal(g.call(NR.getcwd, b, 64), 5);
  },
);
