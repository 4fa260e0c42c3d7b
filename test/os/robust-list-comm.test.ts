// Two pieces of a thread's end and identity: exit_robust_list (a robust mutex still held by a thread
// that ends gets FUTEX_OWNER_DIED, keeping FUTEX_WAITERS; a word another thread owns is left alone;
// the PI bit of an entry is masked off), /proc/<pid>/maps, and /proc/<pid>/comm and task/<tid>/comm
// (read the name, write it as pthread_setname_np does for another thread).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AddressSpace } from '../../sim/cpu/address-space';
import { exitRobustList } from '../../sim/os/syscalls/process';
import { Guest, NR } from './guest';

test('exit_robust_list marks the futex words the dead thread owns, and the pending one', () => {
  const mem = new AddressSpace();
  mem.map(0x10000n, 0x10000, { read: true, write: true, exec: false });
  const head = 0x10000n;
  // three entries (struct robust_list: next at +0); futex words 24 bytes past each entry
  const a = 0x10100n;
  const b = 0x10200n;
  const c = 0x10300n;
  const pendingEntry = 0x10400n;
  const OFF = 24n;
  mem.write(head, 8, a);
  mem.write(head + 8n, 8, OFF);
  mem.write(head + 16n, 8, pendingEntry);
  mem.write(a, 8, b | 1n); // b is a PI futex (low bit)
  mem.write(b, 8, c);
  mem.write(c, 8, head);
  const TID = 123;
  mem.write(a + OFF, 4, BigInt(TID));
  mem.write(b + OFF, 4, 0x80000000n | BigInt(TID)); // with waiters
  mem.write(c + OFF, 4, 456n); // another thread's
  mem.write(pendingEntry + OFF, 4, BigInt(TID));
  exitRobustList(mem, head, TID);
  assert.equal(mem.read(a + OFF, 4), 0x40000000n);
  assert.equal(mem.read(b + OFF, 4), 0xc0000000n);
  assert.equal(mem.read(c + OFF, 4), 456n);
  assert.equal(mem.read(pendingEntry + OFF, 4), 0x40000000n);
  // no list registered: nothing happens
  exitRobustList(mem, 0n, TID);
});

test("/proc/<pid>/comm and /proc/<pid>/task/<pid>/comm read the process's name; a write renames it", () => {
  const g = new Guest();
  const pid = g.call(NR.getpid);
  const comm = `/proc/${pid}/task/${pid}/comm`;
  const before = g.readText(g.open(`/proc/${pid}/comm`, 0));
  assert.match(before, /\n$/);
  const fd = g.open(comm, 2);
  assert.ok(fd >= 0);
  const name = g.str('renamed-thread-long-name\n');
  assert.equal(g.call(NR.write, fd, name, 25), 25);
  assert.equal(g.readText(g.open(comm, 0)), 'renamed-thread-\n'); // 15 bytes kept
  const out = g.buf(16);
  assert.equal(g.call(171, 16, out), 0); // PR_GET_NAME
  assert.equal(new TextDecoder().decode(g.get(out, 15)), 'renamed-thread-');
});

test('/proc/<pid>/maps lists the mappings as show_map_vma prints them, the stack named [stack]', () => {
  const g = new Guest();
  const pid = g.call(NR.getpid);
  const text = g.readText(g.open(`/proc/${pid}/maps`, 0));
  const lines = text.trimEnd().split('\n');
  assert.ok(
    lines.every((l) => /^[0-9a-f]{8,}-[0-9a-f]{8,} [r-][w-][x-][ps] 00000000 00:00 0/.test(l)),
    text,
  );
  assert.ok(
    lines.some((l) => l.startsWith('7fffff700000-7ffffff00000 rw-p') && l.endsWith('[stack]')),
    text,
  );
});
