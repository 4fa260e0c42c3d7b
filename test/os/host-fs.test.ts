// Host directories mounted into the simulated machine (bin/host-fs.ts behind sim/os/vfs/host-mount.ts):
// a program reads host files under the guest path, writes are refused with EROFS on a read-only
// mount and reach the host on an rw one, and nothing outside the mounted directory is ever read or
// written, whatever the program does (`..`, symlinks pointing out, a symlinked directory).
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { execCommand } from '../../bin/exec-command';
import { NodeHostFs, parseMount } from '../../bin/host-fs';
import type { ExecMount } from '../../sim/exec';
import { E } from '../../sim/os/errno';
import { Guest, NR, O, run, S_IFDIR, S_IFMT, S_IFREG, text } from './guest';

const top = mkdtempSync(join(tmpdir(), 'wplab-hostfs-'));
after(() => rmSync(top, { recursive: true, force: true }));
let n = 0;

/** A fresh tree: TOP/data (to be mounted) and TOP/outside.txt, with symlinks of every kind in data. */
function tree(): { root: string; data: string } {
  const root = join(top, `t${n++}`);
  const data = join(root, 'data');
  mkdirSync(join(data, 'sub'), { recursive: true });
  writeFileSync(join(data, 'a.txt'), 'hello from the host\n');
  writeFileSync(join(data, 'sub', 'b.txt'), 'bee');
  writeFileSync(join(root, 'outside.txt'), 'secret');
  symlinkSync('../outside.txt', join(data, 'escape'));
  symlinkSync(join(root, 'outside.txt'), join(data, 'abs-escape'));
  symlinkSync('..', join(data, 'updir'));
  symlinkSync('sub/b.txt', join(data, 'inner'));
  symlinkSync(join(data, 'sub', 'b.txt'), join(data, 'abs-inner'));
  return { root, data };
}

/** every file under dir with its contents (to see that nothing changed) */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    out[p] = e.isFile() ? readFileSync(p, 'utf8') : e.isSymbolicLink() ? 'link' : 'dir';
  }
  return out;
}

function mountOf(spec: string): ExecMount {
  const m = parseMount(spec);
  if (typeof m === 'string') throw new Error(m);
  return m;
}

function guestWith(spec: string): Guest {
  const g = new Guest();
  g.m.kernel.mount(mountOf(spec));
  return g;
}

test(
  'a read-only mount: host files read through the guest path, listed by getdents; ' +
    'writes EROFS and the host unchanged',
  () => {
    const { root, data } = tree();
    const before = snapshot(root);
    const g = guestWith(`${data}:/data`);
    assert.equal(g.cat('/data/a.txt'), 'hello from the host\n');
    assert.equal(g.cat('/data/sub/b.txt'), 'bee');
    const s = g.stat('/data/a.txt');
    assert.ok(typeof s !== 'number');
    assert.equal(s.mode & S_IFMT, S_IFREG);
    assert.equal(s.size, 20);
    const d = g.stat('/data/sub');
    assert.ok(typeof d !== 'number');
    assert.equal(d.mode & S_IFMT, S_IFDIR);
    // the listing: the files and the symlinks that stay inside the mount
    const fd = g.open('/data', O.RDONLY | O.DIRECTORY);
    const b = g.buf(4096);
    const len = g.call(NR.getdents64, fd, b, 4096);
    assert.ok(len > 0);
    const names: string[] = [];
    const buf = g.get(b, len);
    for (let o = 0; o < len;) {
      const reclen = buf[o + 16] | (buf[o + 17] << 8);
      names.push(text(buf.subarray(o + 19, buf.indexOf(0, o + 19))));
      o += reclen;
    }
    assert.deepEqual(names, ['.', '..', 'a.txt', 'abs-inner', 'inner', 'sub']);
    // every kind of write: EROFS
    assert.equal(g.open('/data/a.txt', O.WRONLY), -E.EROFS);
    assert.equal(g.open('/data/a.txt', O.RDWR | O.APPEND), -E.EROFS);
    assert.equal(g.open('/data/a.txt', O.RDONLY | O.TRUNC), -E.EROFS);
    assert.equal(g.open('/data/new.txt', O.WRONLY | O.CREAT), -E.EROFS);
    assert.equal(g.mkdir('/data/newdir'), -E.EROFS);
    assert.equal(g.unlink('/data/a.txt'), -E.EROFS);
    assert.equal(g.rmdir('/data/sub'), -E.EROFS);
    assert.equal(g.rename('/data/a.txt', '/data/c.txt'), -E.EROFS);
    assert.equal(g.call(NR.truncate, g.str('/data/a.txt'), 0), -E.EROFS);
    assert.equal(g.call(NR.chmod, g.str('/data/a.txt'), 0o777), -E.EROFS);
    assert.equal(g.call(NR.access, g.str('/data/a.txt'), 2), -E.EROFS);
    assert.deepEqual(snapshot(root), before);
  },
);

test(
  'an rw mount: files created, written, appended, renamed, removed in the guest are so ' +
    'on the host; nothing outside changes',
  () => {
    const { root, data } = tree();
    const outside = readFileSync(join(root, 'outside.txt'), 'utf8');
    const g = guestWith(`${data}:/data:rw`);
    const fd = g.open('/data/new.txt', O.WRONLY | O.CREAT | O.EXCL);
    assert.ok(fd >= 0, `open: ${fd}`);
    assert.equal(g.write(fd, 'written by the guest'), 20);
    assert.equal(readFileSync(join(data, 'new.txt'), 'utf8'), 'written by the guest');
    const a = g.open('/data/a.txt', O.WRONLY | O.APPEND);
    g.write(a, 'and more\n');
    assert.equal(readFileSync(join(data, 'a.txt'), 'utf8'), 'hello from the host\nand more\n');
    assert.equal(g.mkdir('/data/made'), 0);
    assert.ok(statSync(join(data, 'made')).isDirectory());
    assert.equal(g.rename('/data/new.txt', '/data/made/moved.txt'), 0);
    assert.equal(readFileSync(join(data, 'made', 'moved.txt'), 'utf8'), 'written by the guest');
    assert.equal(existsSync(join(data, 'new.txt')), false);
    assert.equal(g.cat('/data/made/moved.txt'), 'written by the guest');
    assert.equal(g.rmdir('/data/made'), -E.ENOTEMPTY);
    assert.equal(g.unlink('/data/made/moved.txt'), 0);
    assert.equal(g.rmdir('/data/made'), 0);
    assert.equal(existsSync(join(data, 'made')), false);
    // O_TRUNC
    g.close(g.open('/data/sub/b.txt', O.WRONLY | O.TRUNC));
    assert.equal(readFileSync(join(data, 'sub', 'b.txt'), 'utf8'), '');
    // a rename out of the mount into the in-memory tree: EXDEV (another file system)
    assert.equal(g.rename('/data/a.txt', '/tmp/a.txt'), -E.EXDEV);
    // the mount point itself cannot be removed or renamed
    assert.equal(g.rmdir('/data'), -E.EBUSY);
    assert.equal(g.rename('/data', '/elsewhere'), -E.EBUSY);
    assert.equal(readFileSync(join(root, 'outside.txt'), 'utf8'), outside);
    assert.deepEqual(readdirSync(root).sort(), ['data', 'outside.txt']);
  },
);

test(
  'an open host file keeps its identity: written after a rename it follows the new ' +
    'name; after an unlink it is not re-created',
  () => {
    const { data } = tree();
    const g = guestWith(`${data}:/data:rw`);
    const fd = g.open('/data/a.txt', O.RDWR);
    assert.equal(g.rename('/data/a.txt', '/data/renamed.txt'), 0);
    g.lseek(fd, 0, 2);
    g.write(fd, 'tail');
    assert.equal(readFileSync(join(data, 'renamed.txt'), 'utf8'), 'hello from the host\ntail');
    assert.equal(existsSync(join(data, 'a.txt')), false);
    assert.equal(g.unlink('/data/renamed.txt'), 0);
    g.write(fd, 'more');
    assert.equal(existsSync(join(data, 'renamed.txt')), false);
    // the program still reads what it wrote through its descriptor
    assert.equal(text(g.pread(fd, 100, 0) as Uint8Array), 'hello from the host\ntailmore');
  },
);

test(
  'nothing outside the mounted directory is reachable: .., symlinks pointing out ' +
    '(relative, absolute, to a directory)',
  () => {
    const { root, data } = tree();
    const before = snapshot(root);
    const g = guestWith(`${data}:/data:rw`);
    // `..` from the mount's root is the guest's /, where no host file is
    assert.equal(g.cat('/data/../outside.txt'), -E.ENOENT);
    // symlinks leading out are not there for the program
    assert.equal(g.cat('/data/escape'), -E.ENOENT);
    assert.equal(g.cat('/data/abs-escape'), -E.ENOENT);
    assert.equal(g.stat('/data/updir', false), -E.ENOENT);
    assert.equal(g.cat('/data/updir/outside.txt'), -E.ENOENT);
    // those staying inside work, an absolute one rewritten relative to the link
    assert.equal(g.cat('/data/inner'), 'bee');
    assert.equal(g.cat('/data/abs-inner'), 'bee');
    assert.equal(g.readlink('/data/abs-inner'), 'sub/b.txt');
    // creating a file under an escaping link's name: the host refuses to write through the link
    assert.equal(g.open('/data/escape', O.WRONLY | O.CREAT | O.TRUNC), -E.EACCES);
    assert.equal(g.open('/data/updir', O.WRONLY | O.CREAT), -E.EACCES);
    const after = snapshot(root);
    for (const [p, v] of Object.entries(before)) if (!p.startsWith(data)) assert.equal(after[p], v, p);
    assert.deepEqual(
      Object.keys(after)
        .filter((p) => !p.startsWith(data))
        .sort(),
      Object.keys(before)
        .filter((p) => !p.startsWith(data))
        .sort(),
    );
  },
);

test('NodeHostFs on its own: confined paths, no following of a last symlink, bounded reads, read-only refuses', () => {
  const { root, data } = tree();
  symlinkSync(root, join(data, 'linkdir'));
  const rw = new NodeHostFs(data, false);
  assert.equal(rw.stat(join(data, '..', 'outside.txt')), undefined);
  assert.equal(rw.stat('/etc/passwd'), undefined);
  assert.equal(rw.stat(join(data, 'linkdir', 'outside.txt')), undefined); // through a symlinked directory
  assert.equal(rw.readFile(join(data, 'linkdir', 'outside.txt'), 100), undefined);
  assert.equal(rw.readdir(join(data, 'linkdir')), undefined);
  assert.equal(rw.stat(join(data, 'escape'))?.kind, 'symlink'); // lstat: the link itself
  assert.equal(rw.readlink(join(data, 'escape')), undefined);
  assert.equal(rw.readFile(join(data, 'escape'), 100), undefined); // O_NOFOLLOW
  assert.equal(rw.writeFile(join(data, 'escape'), new TextEncoder().encode('x')), false);
  assert.equal(rw.writeFile(join(data, 'linkdir', 'evil.txt'), new TextEncoder().encode('x')), false);
  assert.equal(rw.writeFile(join(data, '..', 'evil.txt'), new TextEncoder().encode('x')), false);
  assert.equal(rw.mkdir(join(data, '..', 'evil')), false);
  assert.equal(rw.remove(join(data, '..', 'outside.txt'), false), false);
  assert.equal(rw.rename(join(data, 'a.txt'), join(root, 'stolen.txt')), false);
  assert.equal(readFileSync(join(root, 'outside.txt'), 'utf8'), 'secret');
  assert.deepEqual(readdirSync(root).sort(), ['data', 'outside.txt']);
  // bounded reads: a file over the limit is not read at all
  assert.equal(text(rw.readFile(join(data, 'a.txt'), 20)!), 'hello from the host\n');
  assert.equal(rw.readFile(join(data, 'a.txt'), 19), undefined);
  // relative paths are taken from the mount's directory
  assert.equal(rw.stat('sub')?.kind, 'dir');
  // read-only: every change refused, even when called directly
  const ro = new NodeHostFs(data, true);
  assert.equal(ro.writeFile(join(data, 'a.txt'), new Uint8Array(1)), false);
  assert.equal(ro.mkdir(join(data, 'x')), false);
  assert.equal(ro.remove(join(data, 'a.txt'), false), false);
  assert.equal(ro.rename(join(data, 'a.txt'), join(data, 'b.txt')), false);
  assert.equal(readFileSync(join(data, 'a.txt'), 'utf8'), 'hello from the host\n');
});

test('parseMount: HOST_DIR:GUEST_DIR[:rw], host relative to a base directory, clear errors', () => {
  const { root, data } = tree();
  const m = parseMount('data:/mnt/in/', root);
  assert.ok(typeof m !== 'string');
  assert.equal(m.guestPath, '/mnt/in');
  assert.equal(m.readOnly, true);
  assert.equal(m.hostPath, data);
  const w = parseMount(`${data}:/w:rw`);
  assert.ok(typeof w !== 'string');
  assert.equal(w.readOnly, false);
  assert.match(parseMount('nocolon') as string, /HOST_DIR:GUEST_DIR/);
  assert.match(parseMount(`${data}:relative`) as string, /absolute/);
  assert.match(parseMount(`${data}:/`) as string, /root/);
  assert.match(parseMount(`${data}:/a/../b`) as string, /\.\./);
  assert.match(parseMount(`${join(root, 'missing')}:/m`) as string, /no such directory/);
  assert.match(parseMount(`${join(root, 'outside.txt')}:/m`) as string, /not a directory/);
});

test("a program reads a mounted host file and writes one on an rw mount (wplab exec's mounts)", () => {
  const { data } = tree();
  const r = run(
    `
    lis 3, src@ha
    addi 3, 3, src@l
    li 4, 0
    SYS 5
    mr 20, 3
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 5, 64
    SYS 3
    mr 21, 3
    lis 3, dst@ha
    addi 3, 3, dst@l
    li 4, 0x241
    li 5, 0x1a4
    SYS 5
    lis 4, buf@ha
    addi 4, 4, buf@l
    mr 5, 21
    SYS 4
    li 3, 1
    lis 4, buf@ha
    addi 4, 4, buf@l
    mr 5, 21
    SYS 4
    li 3, 0
    SYS 1
    .data
src: .asciz "/in/a.txt"
dst: .asciz "/out/copy.txt"
buf: .space 64
`,
    { mounts: [mountOf(`${data}:/in`), mountOf(`${join(data, 'sub')}:/out:rw`)] },
  );
  assert.equal(r.exitCode, 0);
  assert.equal(text(r.stdout), 'hello from the host\n');
  assert.equal(readFileSync(join(data, 'sub', 'copy.txt'), 'utf8'), 'hello from the host\n');
});

test('wplab exec --mount: the program sees the host directory; a bad mount is a usage error', () => {
  const { root, data } = tree();
  const file = join(root, 'cat.S');
  writeFileSync(
    file,
    `    .abiversion 2
    .text
    .globl _start
_start:
    lis 3, path@ha
    addi 3, 3, path@l
    li 4, 0
    li 0, 5
    sc
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 5, 64
    li 0, 3
    sc
    mr 5, 3
    li 3, 1
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 0, 4
    sc
    li 3, 0
    li 0, 1
    sc
    .data
path: .asciz "/mnt/a.txt"
buf: .space 64
`,
  );
  let out = '';
  let err = '';
  const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
  assert.equal(execCommand([file, '--mount', `${data}:/mnt`], io), 0);
  assert.equal(out, 'hello from the host\n');
  out = '';
  assert.equal(execCommand([file], io), 0); // not mounted: the open fails, nothing of the host is read
  assert.doesNotMatch(out, /hello/);
  assert.equal(execCommand([file, '--mount', `${data}`], io), 2);
  assert.match(err, /--mount: a mount is HOST_DIR:GUEST_DIR/);
  assert.equal(execCommand([file, '--mount'], io), 2);
});
