// sendfile, copy_file_range, flock, fallocate, memfd_create (sim/os/syscalls/file-extras.ts) and
// getpriority/setpriority and prctl's thread name (identity.ts): all were ENOSYS or fixed answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest, NR, O } from './guest';

const SYS = {
  flock: 143,
  sendfile: 186,
  fallocate: 309,
  memfd_create: 360,
  copy_file_range: 379,
  getpriority: 96,
  setpriority: 97,
  prctl: 171,
} as const;

function off(g: Guest, v: number): bigint {
  const b = g.buf(8);
  g.put(b, new Uint8Array(new BigInt64Array([BigInt(v)]).buffer));
  return b;
}

test('sendfile: from the position (advanced) or from *offset (updated, the position kept); EBADF', () => {
  const g = new Guest();
  g.mkfile('/tmp/src', '0123456789abcdef');
  const src = g.open('/tmp/src', O.RDONLY);
  const dst = g.open('/tmp/dst', O.CREAT | O.RDWR);
  assert.equal(g.call(SYS.sendfile, dst, src, 0, 4), 4);
  assert.equal(g.call(NR.lseek, src, 0, 1), 4);
  const o = off(g, 10);
  assert.equal(g.call(SYS.sendfile, dst, src, o, 100), 6);
  assert.equal(g.u64(o), 16n);
  assert.equal(g.call(NR.lseek, src, 0, 1), 4, 'the position stays');
  assert.equal(g.cat('/tmp/dst'), '0123abcdef');
  assert.equal(g.call(SYS.sendfile, dst, 77, 0, 4), -E.EBADF);
  assert.equal(g.call(SYS.sendfile, src, dst, 0, 4), -E.EBADF, 'the output must be writable');
});

test('copy_file_range with offsets; EINVAL for flags; fallocate grows a file (KEEP_SIZE does not)', () => {
  const g = new Guest();
  g.mkfile('/tmp/a', 'hello world');
  const a = g.open('/tmp/a', O.RDONLY);
  const b = g.open('/tmp/b', O.CREAT | O.RDWR);
  const oi = off(g, 6);
  const oo = off(g, 2);
  assert.equal(g.call(SYS.copy_file_range, a, oi, b, oo, 5, 0), 5);
  assert.deepEqual([g.u64(oi), g.u64(oo)], [11n, 7n]);
  assert.equal(g.cat('/tmp/b'), '\0\0world');
  assert.equal(g.call(SYS.copy_file_range, a, 0, b, 0, 5, 1), -E.EINVAL);
  assert.equal(g.call(SYS.fallocate, b, 0, 0, 100), 0);
  assert.equal(String(g.cat('/tmp/b')).length, 100);
  assert.equal(g.call(SYS.fallocate, b, 1, 0, 500), 0);
  assert.equal(String(g.cat('/tmp/b')).length, 100, 'FALLOC_FL_KEEP_SIZE');
  assert.equal(g.call(SYS.fallocate, a, 0, 0, 10), -E.EBADF, 'read-only descriptor');
  assert.equal(g.call(SYS.fallocate, b, 0, 0, 0), -E.EINVAL);
});

test('flock: the three operations (with LOCK_NB) succeed, others EINVAL, a bad fd EBADF', () => {
  const g = new Guest();
  const f = g.open('/tmp/l', O.CREAT | O.RDWR);
  for (const op of [1, 2, 8, 1 | 4, 2 | 4]) assert.equal(g.call(SYS.flock, f, op), 0, `op ${op}`);
  assert.equal(g.call(SYS.flock, f, 3), -E.EINVAL);
  assert.equal(g.call(SYS.flock, 55, 2), -E.EBADF);
});

test('memfd_create: an unnamed read-write file (MFD_CLOEXEC honoured); unknown flags EINVAL', () => {
  const g = new Guest();
  const fd = g.call(SYS.memfd_create, g.str('scratch'), 1);
  assert.ok(fd >= 3);
  assert.equal(g.call(NR.fcntl, fd, 1), 1, 'FD_CLOEXEC');
  assert.equal(g.write(fd, 'abc'), 3);
  assert.equal(g.call(NR.lseek, fd, 0, 0), 0);
  assert.equal(g.readText(fd), 'abc');
  assert.equal(g.call(SYS.memfd_create, g.str('x'), 0x100), -E.EINVAL);
});

test('getpriority is 20 - nice; setpriority sets and clamps it; prctl PR_SET_NAME/PR_GET_NAME keep 15 bytes', () => {
  const g = new Guest();
  assert.equal(g.call(SYS.getpriority, 0, 0), 20);
  assert.equal(g.call(SYS.setpriority, 0, 0, 5), 0);
  assert.equal(g.call(SYS.getpriority, 0, 0), 15);
  assert.equal(g.call(SYS.setpriority, 0, 0, 99), 0);
  assert.equal(g.call(SYS.getpriority, 0, 0), 1, 'clamped to 19');
  assert.equal(g.call(SYS.getpriority, 9, 0), -E.EINVAL);
  const name = g.buf(16);
  assert.equal(g.call(SYS.prctl, 15, g.str('a-very-long-thread-name')), 0);
  assert.equal(g.call(SYS.prctl, 16, name), 0);
  assert.equal(new TextDecoder().decode(g.get(name, 16)).replace(/\0+$/, ''), 'a-very-long-thr');
});
