// The memory system calls as a program makes them: brk, mmap (anonymous and of a file), munmap,
// mprotect (a store to a page made read-only faults), mremap (contents kept), madvise(MADV_DONTNEED),
// and the argument checks of mmap(2), munmap(2), mprotect(2), mremap(2), madvise(2).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { LINUX_PAGE, MMAP_BASE } from '../../sim/os/memory-map';
import { Guest, NR, O, run, text } from './guest';

const K64 = LINUX_PAGE;
const PROT_R = 1;
const PROT_RW = 3;
const PRIV = 0x02;
const ANON = 0x20;
const FIXED = 0x10;
const MAYMOVE = 1;

function mmapAnon(g: Guest, len: number, prot = PROT_RW, addr = 0, flags = 0): bigint {
  return g.sys(NR.mmap, addr, len, prot, PRIV | ANON | flags, -1, 0);
}

test('a store to a page mprotect made read-only faults (SIGSEGV); loads still work', () => {
  // mmap 64 KiB read-write, store 42, mprotect read-only, load it back and write it to stdout, then
  // store again: the program dies with SIGSEGV before its exit
  const r = run(`
    li 3, 0
    lis 4, 1
    li 5, 3
    li 6, 0x22
    li 7, -1
    li 8, 0
    SYS 90
    mr 20, 3
    li 9, 42
    std 9, 0(20)
    mr 3, 20
    lis 4, 1
    li 5, 1
    SYS 125
    mr 21, 3
    ld 9, 0(20)
    add 9, 9, 21
    std 9, 8(1)
    li 3, 1
    addi 4, 1, 8
    li 5, 1
    SYS 4
    li 9, 7
    std 9, 16(20)
    li 3, 0
    SYS 1
`);
  assert.equal(text(r.stdout), '*'); // 42 + mprotect's 0
  assert.equal(r.signal, 'SIGSEGV');
  assert.equal(r.exitCode, 139);
});

test("the kernel's own copies honour the protection too: read() into a read-only buffer is EFAULT", () => {
  const g = new Guest({}, 'data');
  const a = mmapAnon(g, K64);
  assert.equal(g.call(NR.mprotect, a, K64, PROT_R), 0);
  assert.equal(g.call(NR.read, 0, a, 4), -E.EFAULT);
  assert.equal(g.call(NR.mprotect, a, K64, PROT_RW), 0);
  // (the pipe's bytes were not lost by the failed read)
  assert.equal(g.call(NR.read, 0, a, 4), 4);
  assert.equal(text(g.get(a, 4)), 'data');
  // PROT_NONE: not even readable by write()
  assert.equal(g.call(NR.mprotect, a, K64, 0), 0);
  assert.equal(g.call(NR.write, 1, a, 4), -E.EFAULT);
});

test('mmap: addresses top-down from mmap_base, hints, MAP_FIXED; the argument checks', () => {
  const g = new Guest();
  const scratch = g.sys(NR.mmap, 0, 1, PROT_RW, PRIV | ANON, -1, 0);
  assert.ok(scratch < BigInt(MMAP_BASE)); // below the helper's own scratch mapping
  const fixed = mmapAnon(g, K64, PROT_RW, 0x300000000, FIXED);
  assert.equal(fixed, 0x300000000n);
  assert.equal(mmapAnon(g, K64, PROT_RW, 0x300000000), scratch - BigInt(K64)); // occupied hint: top-down
  assert.equal(g.sys(NR.mmap, 0, 0, PROT_RW, PRIV | ANON, -1, 0), BigInt(-E.EINVAL)); // length 0
  assert.equal(g.sys(NR.mmap, 0, K64, PROT_RW, ANON, -1, 0), BigInt(-E.EINVAL)); // neither shared nor private
  assert.equal(g.sys(NR.mmap, 0, K64, 0x40, PRIV | ANON, -1, 0), BigInt(-E.EINVAL)); // unknown prot bit
  assert.equal(mmapAnon(g, K64, PROT_RW, 0x300000008, FIXED), BigInt(-E.EINVAL)); // unaligned MAP_FIXED
  assert.equal(g.sys(NR.mmap, 0, 2n ** 50n, PROT_RW, PRIV | ANON, -1, 0), BigInt(-E.ENOMEM));
  assert.equal(mmapAnon(g, K64, PROT_RW, 0x300000000, 0x100000), BigInt(-E.EEXIST)); // MAP_FIXED_NOREPLACE
  // a file: a bad descriptor, an unaligned offset (64 KiB pages), a write-only descriptor
  g.mkfile('/tmp/f', 'file contents');
  assert.equal(g.sys(NR.mmap, 0, K64, PROT_R, PRIV, 99, 0), BigInt(-E.EBADF));
  const fd = g.open('/tmp/f', O.RDONLY);
  assert.equal(g.sys(NR.mmap, 0, K64, PROT_R, PRIV, fd, 4096), BigInt(-E.EINVAL));
  assert.equal(g.sys(NR.mmap, 0, K64, PROT_R, PRIV, g.open('/tmp/f', O.WRONLY), 0), BigInt(-E.EACCES));
});

test("mmap of a file: its bytes, zeros after its end; a private mapping's writes stay private", () => {
  const g = new Guest();
  g.mkfile('/tmp/f', 'file contents');
  const fd = g.open('/tmp/f', O.RDONLY);
  const a = g.sys(NR.mmap, 0, 100, PROT_RW, PRIV, fd, 0);
  assert.ok(a > 0n);
  assert.equal(text(g.get(a, 13)), 'file contents');
  assert.deepEqual([...g.get(a + 13n, 8)], [0, 0, 0, 0, 0, 0, 0, 0]);
  g.put(a, 'FILE');
  assert.equal(g.cat('/tmp/f'), 'file contents');
  // /proc files cannot be mapped
  assert.equal(g.sys(NR.mmap, 0, K64, PROT_R, PRIV, g.open('/proc/cpuinfo', O.RDONLY), 0), BigInt(-E.ENODEV));
});

test(
  'munmap: the range goes (a later access is EFAULT for the kernel); EINVAL for ' +
    'unaligned or empty; unmapping nothing is fine',
  () => {
    const g = new Guest();
    const a = mmapAnon(g, 3 * K64);
    assert.equal(g.call(NR.munmap, a + BigInt(K64), K64), 0);
    assert.equal(g.call(NR.write, 1, a + BigInt(K64), 1), -E.EFAULT);
    g.put(a, 'x');
    g.put(a + BigInt(2 * K64), 'y');
    assert.equal(g.call(NR.munmap, a + 8n, K64), -E.EINVAL);
    assert.equal(g.call(NR.munmap, a, 0), -E.EINVAL);
    assert.equal(g.call(NR.munmap, 0x500000000, K64), 0);
    assert.equal(g.call(NR.munmap, a, 3 * K64), 0);
    assert.equal(g.call(NR.write, 1, a, 1), -E.EFAULT);
  },
);

test('mprotect: EINVAL unaligned or unknown bits, ENOMEM over unmapped memory, a zero length is a no-op', () => {
  const g = new Guest();
  const a = mmapAnon(g, 2 * K64, PROT_RW, 0x300000000, FIXED);
  assert.equal(g.call(NR.mprotect, a + 8n, K64, PROT_R), -E.EINVAL);
  assert.equal(g.call(NR.mprotect, a, K64, 0x40), -E.EINVAL);
  assert.equal(g.call(NR.mprotect, 0x500000000, K64, PROT_R), -E.ENOMEM);
  assert.equal(g.call(NR.mprotect, a, 3 * K64, PROT_R), -E.ENOMEM);
  assert.equal(g.call(NR.mprotect, a, 0, PROT_R), 0);
  assert.equal(g.call(NR.mprotect, 0x500000000, 0, PROT_R), 0);
  // a length that is not a page multiple covers the whole last page
  assert.equal(g.call(NR.mprotect, a, 1, PROT_R), 0);
  assert.equal(g.call(NR.read, 0, a + BigInt(K64 - 8), 1), 0); // (stdin is empty: nothing copied)
  assert.equal(g.t.mem.write(a + BigInt(K64 - 8), 8, 1n), false);
  assert.equal(g.t.mem.write(a + BigInt(K64), 8, 1n), true);
});

test('mremap through the system call: grows, moves with the contents, MREMAP_MAYMOVE needed to move', () => {
  const g = new Guest();
  const a = mmapAnon(g, K64, PROT_RW, 0x400000000, FIXED);
  g.put(a, 'keep me');
  mmapAnon(g, K64, PROT_RW, 0x400000000 + 2 * K64, FIXED);
  assert.equal(g.sys(NR.mremap, a, K64, 2 * K64, 0, 0), a); // in place
  assert.equal(g.sys(NR.mremap, a, 2 * K64, 4 * K64, 0, 0), BigInt(-E.ENOMEM));
  const b = g.sys(NR.mremap, a, 2 * K64, 4 * K64, MAYMOVE, 0);
  assert.ok(b > 0n && b !== a);
  assert.equal(text(g.get(b, 7)), 'keep me');
  assert.equal(g.call(NR.write, 1, a, 1), -E.EFAULT);
  assert.equal(g.sys(NR.mremap, b, 4 * K64, 4 * K64, 8, 0), BigInt(-E.EINVAL)); // unknown flag
  assert.equal(g.sys(NR.mremap, b + 8n, K64, 2 * K64, MAYMOVE, 0), BigInt(-E.EINVAL));
  assert.equal(g.sys(NR.mremap, 0x500000000, K64, 2 * K64, MAYMOVE, 0), BigInt(-E.EFAULT));
  // MREMAP_FIXED to a chosen address
  assert.equal(g.sys(NR.mremap, b, 4 * K64, 4 * K64, MAYMOVE | 2, 0x600000000), 0x600000000n);
  assert.equal(text(g.get(0x600000000n, 7)), 'keep me');
});

test('madvise(MADV_DONTNEED) zeroes anonymous memory; MADV_FREE keeps it (no memory pressure); EINVAL, ENOMEM', () => {
  const g = new Guest();
  const a = mmapAnon(g, 2 * K64, PROT_RW, 0x300000000, FIXED);
  g.put(a, 'gone');
  g.put(a + BigInt(K64), 'kept');
  assert.equal(g.call(NR.madvise, a, K64, 4), 0);
  assert.deepEqual([...g.get(a, 4)], [0, 0, 0, 0]);
  assert.equal(text(g.get(a + BigInt(K64), 4)), 'kept');
  assert.equal(g.call(NR.madvise, a + BigInt(K64), K64, 8), 0);
  assert.equal(text(g.get(a + BigInt(K64), 4)), 'kept');
  assert.equal(g.call(NR.madvise, a, K64, 0), 0); // MADV_NORMAL
  assert.equal(g.call(NR.madvise, a + 8n, K64, 4), -E.EINVAL);
  assert.equal(g.call(NR.madvise, a, K64, 999), -E.EINVAL);
  assert.equal(g.call(NR.madvise, a, 0, 4), 0);
  // a range with a hole: ENOMEM, the mapped part advised all the same
  g.put(a, 'back');
  assert.equal(g.call(NR.madvise, a, 3 * K64, 4), -E.ENOMEM);
  assert.deepEqual([...g.get(a, 4)], [0, 0, 0, 0]);
});

test('brk through the system call: brk(0) tells the break, growth is zeroed memory, below the start is refused', () => {
  const g = new Guest();
  const start = g.sys(NR.brk, 0);
  assert.ok(start > 0x10000000n);
  assert.equal(start % BigInt(K64), 0n);
  assert.equal(g.sys(NR.brk, start + 200000n), start + 200000n);
  assert.deepEqual([...g.get(start + 199990n, 8)], [0, 0, 0, 0, 0, 0, 0, 0]);
  g.put(start, 'heap');
  assert.equal(g.sys(NR.brk, start - 0x10000n), start + 200000n); // refused: the current break
  assert.equal(g.sys(NR.brk, 0), start + 200000n);
  assert.equal(g.sys(NR.brk, start + 10n), start + 10n);
  assert.equal(text(g.get(start, 4)), 'heap');
  assert.equal(g.call(NR.write, 1, start + BigInt(K64), 1), -E.EFAULT); // the shrunk part is gone
});

test('mmap of /dev/zero: zero-filled memory as an anonymous mapping (it was ENODEV); /dev/null still ENODEV', () => {
  const g = new Guest();
  const fd = g.open('/dev/zero', O.RDWR);
  const a = g.sys(NR.mmap, 0, 8192, PROT_RW, PRIV, fd, 0);
  assert.ok(a > 0n, `mmap gave ${a}`);
  assert.deepEqual([...g.get(a + 8000n, 4)], [0, 0, 0, 0]);
  g.put(a, 'x');
  assert.equal(text(g.get(a, 1)), 'x');
  assert.equal(g.sys(NR.mmap, 0, 4096, PROT_RW, PRIV, g.open('/dev/null', O.RDWR), 0), BigInt(-E.ENODEV));
});

test(
  'MAP_SHARED of a file: stores reach read() at once and ' +
    'the file after munmap; write() reaches the mapping; msync',
  () => {
    const g = new Guest();
    g.mkfile('/tmp/s', 'shared file bytes');
    const fd = g.open('/tmp/s', O.RDWR);
    const a = g.sys(NR.mmap, 0, 100, PROT_RW, 1, fd, 0);
    assert.ok(a > 0n);
    g.put(a, 'SHARED');
    const b = g.buf(32);
    assert.equal(g.call(NR.pread64, fd, b, 17, 0), 17);
    assert.equal(text(g.get(b, 17)), 'SHARED file bytes', 'one page cache: read() sees the store without msync');
    g.put(b, 'XY');
    assert.equal(g.call(NR.pwrite64, fd, b, 2, 7), 2);
    assert.equal(text(g.get(a + 7n, 2)), 'XY', 'a write to the file is seen through the mapping');
    g.put(a + 20n, 'past the end');
    assert.equal(g.call(144, a, 100, 4), 0, 'msync(MS_SYNC)');
    assert.equal(g.call(144, a, 100, 5), -E.EINVAL, 'MS_ASYNC with MS_SYNC');
    g.put(a + 12n, 'BYTES');
    assert.equal(g.call(NR.munmap, a, 100), 0);
    assert.equal(
      g.cat('/tmp/s'),
      'SHARED XYle BYTES',
      'the file keeps its size: bytes past its end are not written back',
    );
    const p = g.sys(NR.mmap, 0, 100, PROT_RW, PRIV, fd, 0);
    g.put(p, 'private');
    assert.equal(g.cat('/tmp/s'), 'SHARED XYle BYTES', 'a private mapping stays private');
  },
);
