// The process memory map (sim/os/memory-map.ts) against Linux's mm: 64 KiB pages, mmap top-down from
// mmap_base with hints, MAP_FIXED and MAP_FIXED_NOREPLACE, munmap splitting mappings, mprotect,
// mremap growing in place or moving with the contents, the break, and anonymous pages made on first
// touch (zero filled).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AddressSpace } from '../../sim/cpu/address-space';
import { E } from '../../sim/os/errno';
import { LINUX_PAGE, MAP, MemoryMap, MMAP_BASE, protOf, STACK_TOP } from '../../sim/os/memory-map';

const K64 = LINUX_PAGE;
const RW = protOf(3);
const RO = protOf(1);
const PRIV_ANON = MAP.PRIVATE | MAP.ANONYMOUS;

function fresh(): { mm: MemoryMap; mem: AddressSpace } {
  const mem = new AddressSpace();
  const mm = new MemoryMap(mem);
  mm.initBrk(0x10020000);
  mm.mapStack();
  return { mm, mem };
}

const spans = (mm: MemoryMap) => mm.vmas.map((v) => [v.start, v.end, v.kind]);

test('mmap without a hint: top-down from mmap_base (128 MiB below the stack), lengths rounded to 64 KiB', () => {
  const { mm } = fresh();
  assert.equal(MMAP_BASE, STACK_TOP - 128 * 1024 * 1024);
  const a = mm.mmap(0, 1, RW, PRIV_ANON);
  assert.equal(a, MMAP_BASE - K64);
  const b = mm.mmap(0, K64 + 1, RW, PRIV_ANON);
  assert.equal(b, a - 2 * K64);
  // adjacent anonymous mappings with the same protection are one VMA, as Linux merges them
  assert.deepEqual(
    spans(mm).filter((v) => v[2] === 'anon'),
    [[b, a + K64, 'anon']],
  );
  // a hole left by munmap is reused when it fits
  mm.unmapRange(b, b + K64);
  assert.equal(mm.mmap(0, K64, RW, PRIV_ANON), b);
  assert.equal(mm.mmap(0, 0, RW, PRIV_ANON), -E.EINVAL);
});

test("pages are made on first touch, zero filled, with the mapping's protection", () => {
  const { mm, mem } = fresh();
  const a = mm.mmap(0, 16 * K64, RW, PRIV_ANON);
  const before = mem.pages.size;
  assert.equal(mem.read(BigInt(a + 5 * K64 + 8), 8), 0n);
  assert.equal(mem.pages.size, before + 1);
  assert.equal(mem.write(BigInt(a + 8), 8, 0x1122n), true);
  assert.equal(mem.read(BigInt(a + 8), 8), 0x1122n);
  const r = mm.mmap(0, K64, RO, PRIV_ANON);
  assert.equal(mem.read(BigInt(r), 8), 0n);
  assert.equal(mem.write(BigInt(r), 8, 1n), false);
  // nothing mapped: nothing made
  assert.equal(mem.read(0x20000000n, 8), undefined);
});

test('hints: a free hint is taken (rounded down to a page), an occupied one is not', () => {
  const { mm } = fresh();
  assert.equal(mm.mmap(0x200000000, K64, RW, PRIV_ANON), 0x200000000);
  assert.equal(mm.mmap(0x300000123, K64, RW, PRIV_ANON), 0x300000000);
  const c = mm.mmap(0x200000000, K64, RW, PRIV_ANON);
  assert.notEqual(c, 0x200000000);
  assert.equal(c, MMAP_BASE - K64);
  // a hint beyond the user address space is ignored
  assert.equal(mm.mmap(2 ** 48, K64, RW, PRIV_ANON), MMAP_BASE - 2 * K64);
});

test('MAP_FIXED replaces what was there (new zero pages); MAP_FIXED_NOREPLACE refuses with EEXIST', () => {
  const { mm, mem } = fresh();
  const a = mm.mmap(0x200000000, 4 * K64, RW, PRIV_ANON);
  mem.write(BigInt(a + K64), 8, 0xdeadn);
  assert.equal(mm.mmap(a + K64, K64, RO, PRIV_ANON | MAP.FIXED), a + K64);
  assert.equal(mem.read(BigInt(a + K64), 8), 0n);
  assert.equal(mem.write(BigInt(a + K64), 8, 1n), false);
  assert.deepEqual(
    mm.vmas.filter((v) => v.start >= a && v.end <= a + 4 * K64).map((v) => [v.start - a, v.end - a, v.prot.write]),
    [
      [0, K64, true],
      [K64, 2 * K64, false],
      [2 * K64, 4 * K64, true],
    ],
  );
  assert.equal(mm.mmap(a + 5, K64, RW, PRIV_ANON | MAP.FIXED), -E.EINVAL);
  assert.equal(mm.mmap(a + 2 * K64, K64, RW, PRIV_ANON | MAP.FIXED_NOREPLACE), -E.EEXIST);
  // MAP_FIXED_NOREPLACE wins over MAP_FIXED when both are given (do_mmap)
  assert.equal(mm.mmap(a + 2 * K64, K64, RW, PRIV_ANON | MAP.FIXED | MAP.FIXED_NOREPLACE), -E.EEXIST);
  assert.equal(mm.mmap(a + 8 * K64, K64, RW, PRIV_ANON | MAP.FIXED_NOREPLACE), a + 8 * K64);
  // partly overlapping counts as overlapping
  assert.equal(mm.mmap(a + 3 * K64, 2 * K64, RW, PRIV_ANON | MAP.FIXED_NOREPLACE), -E.EEXIST);
});

test('munmap splits a mapping; the middle is gone (and its pages), the two ends stay', () => {
  const { mm, mem } = fresh();
  const a = mm.mmap(0, 3 * K64, RW, PRIV_ANON);
  for (let i = 0; i < 3; i++) mem.write(BigInt(a + i * K64), 8, BigInt(i + 1));
  mm.unmapRange(a + K64, a + 2 * K64);
  assert.equal(mm.find(a + K64), undefined);
  assert.equal(mm.find(a)?.end, a + K64);
  assert.equal(mm.find(a + 2 * K64)?.start, a + 2 * K64);
  assert.equal(mem.read(BigInt(a), 8), 1n);
  assert.equal(mem.read(BigInt(a + K64), 8), undefined);
  assert.equal(mem.read(BigInt(a + 2 * K64), 8), 3n);
  // unmapping across several mappings and holes
  mm.unmapRange(a - K64, a + 3 * K64);
  assert.equal(mm.find(a), undefined);
  assert.equal(mm.find(a + 2 * K64), undefined);
});

test('unmapping or mapping a huge range is quick (work in proportion to what exists, not to the range)', () => {
  const { mm, mem } = fresh();
  const a = mm.mmap(0, K64, RW, PRIV_ANON);
  mem.write(BigInt(a), 8, 7n);
  // work is counted in page lookups: a walk over the range would make 2^24 of them
  let lookups = 0;
  for (const f of ['has', 'get'] as const) {
    const inner = mem.pages[f].bind(mem.pages) as (pn: number) => never;
    mem.pages[f] = ((pn: number) => {
      if (++lookups > 100_000) throw new Error(`${lookups} page lookups: the range is being walked`);
      return inner(pn);
    }) as never;
  }
  // 1 TiB of PROT_NONE reservation, then gone again (as some runtimes reserve address space)
  const big = mm.mmap(0, 2 ** 40, protOf(0), PRIV_ANON);
  assert.ok(big > 0, `mmap: ${big}`);
  mm.protect(big, big + 2 ** 40, RW);
  mm.unmapRange(big, big + 2 ** 40);
  mm.unmapRange(0x10000, 2 ** 47);
  assert.ok(lookups < 1000, `${lookups} page lookups`);
  assert.equal(mm.find(a), undefined);
});

test('mprotect: splits the mapping, changes made and untouched pages alike; ENOMEM over a hole', () => {
  const { mm, mem } = fresh();
  const a = mm.mmap(0, 3 * K64, RW, PRIV_ANON);
  mem.write(BigInt(a + K64), 8, 5n);
  assert.equal(mm.protect(a + K64, a + 3 * K64, RO), 0);
  assert.equal(mem.write(BigInt(a + K64), 8, 6n), false); // a made page
  assert.equal(mem.write(BigInt(a + 2 * K64 + 64), 8, 6n), false); // an untouched one
  assert.equal(mem.read(BigInt(a + K64), 8), 5n);
  assert.equal(mem.write(BigInt(a), 8, 6n), true);
  assert.deepEqual(
    mm.vmas.filter((v) => v.kind === 'anon').map((v) => [v.start - a, v.end - a, v.prot.write]),
    [
      [0, K64, true],
      [K64, 3 * K64, false],
    ],
  );
  // back to read-write: merged again
  assert.equal(mm.protect(a + K64, a + 3 * K64, RW), 0);
  assert.equal(mm.vmas.filter((v) => v.kind === 'anon').length, 1);
  mm.unmapRange(a + K64, a + 2 * K64);
  assert.equal(mm.protect(a, a + 3 * K64, RO), E.ENOMEM);
  assert.equal(mm.protect(a + K64, a + 2 * K64, RO), E.ENOMEM);
});

test('mremap: shrinks in place, grows in place when the space after is free, else moves with the contents', () => {
  const { mm, mem } = fresh();
  const MAYMOVE = 1;
  const a = mm.mmap(0x200000000, 2 * K64, RW, PRIV_ANON);
  mem.write(BigInt(a), 8, 0xa1n);
  mem.write(BigInt(a + K64), 8, 0xa2n);
  // grow in place
  assert.equal(mm.mremap(a, 2 * K64, 4 * K64, 0, 0), a);
  assert.equal(mem.read(BigInt(a + K64), 8), 0xa2n);
  assert.equal(mem.read(BigInt(a + 3 * K64), 8), 0n);
  assert.equal(mm.find(a + 3 * K64)?.start, a);
  // blocked by another mapping: ENOMEM without MREMAP_MAYMOVE, moved with it
  mm.mmap(a + 4 * K64, K64, RW, PRIV_ANON | MAP.FIXED);
  assert.equal(mm.mremap(a, 4 * K64, 8 * K64, 0, 0), -E.ENOMEM);
  const b = mm.mremap(a, 4 * K64, 8 * K64, MAYMOVE, 0);
  assert.ok(b > 0 && b !== a);
  assert.equal(mem.read(BigInt(b), 8), 0xa1n);
  assert.equal(mem.read(BigInt(b + K64), 8), 0xa2n);
  assert.equal(mem.read(BigInt(b + 7 * K64), 8), 0n);
  assert.equal(mem.read(BigInt(a), 8), undefined);
  assert.equal(mm.find(a), undefined);
  // shrink: the tail is unmapped
  assert.equal(mm.mremap(b, 8 * K64, K64, 0, 0), b);
  assert.equal(mm.find(b + K64), undefined);
  assert.equal(mem.read(BigInt(b), 8), 0xa1n);
  // errors: unaligned, not mapped, zero new length, unknown flags
  assert.equal(mm.mremap(b + 8, K64, 2 * K64, MAYMOVE, 0), -E.EINVAL);
  assert.equal(mm.mremap(0x5000_0000_0000, K64, 2 * K64, MAYMOVE, 0), -E.EFAULT);
  assert.equal(mm.mremap(b, 2 * K64, 4 * K64, MAYMOVE, 0), -E.EFAULT); // the old range is not all mapped
  assert.equal(mm.mremap(b, K64, 0, MAYMOVE, 0), -E.EINVAL);
});

test(
  'mremap MREMAP_FIXED moves to the given address (replacing what is there); ' +
    'MREMAP_DONTUNMAP keeps the old range mapped and empty',
  () => {
    const { mm, mem } = fresh();
    const MAYMOVE = 1;
    const FIXED = 2;
    const DONTUNMAP = 4;
    const a = mm.mmap(0x200000000, 2 * K64, RW, PRIV_ANON);
    mem.write(BigInt(a), 8, 0x77n);
    const target = 0x300000000;
    mm.mmap(target, K64, RW, PRIV_ANON | MAP.FIXED);
    mem.write(BigInt(target), 8, 0x99n);
    assert.equal(mm.mremap(a, 2 * K64, 2 * K64, FIXED, target), -E.EINVAL); // FIXED needs MAYMOVE
    assert.equal(mm.mremap(a, 2 * K64, 2 * K64, FIXED | MAYMOVE, target + 8), -E.EINVAL);
    assert.equal(mm.mremap(a, 2 * K64, 2 * K64, FIXED | MAYMOVE, a + K64), -E.EINVAL); // overlapping
    assert.equal(mm.mremap(a, 2 * K64, 3 * K64, FIXED | MAYMOVE, target), target);
    assert.equal(mem.read(BigInt(target), 8), 0x77n);
    assert.equal(mem.read(BigInt(target + 2 * K64), 8), 0n);
    assert.equal(mm.find(a), undefined);
    // DONTUNMAP: same size only; the old range stays mapped, reading zeros
    assert.equal(mm.mremap(target, 3 * K64, 4 * K64, DONTUNMAP | MAYMOVE, 0), -E.EINVAL);
    const c = mm.mremap(target, 3 * K64, 3 * K64, DONTUNMAP | MAYMOVE, 0);
    assert.ok(c > 0 && c !== target);
    assert.equal(mem.read(BigInt(c), 8), 0x77n);
    assert.equal(mem.read(BigInt(target), 8), 0n);
    assert.ok(mm.find(target));
    // an old length of 0 on a private mapping: EINVAL (it would duplicate a shared one)
    assert.equal(mm.mremap(c, 0, K64, MAYMOVE, 0), -E.EINVAL);
    assert.equal(mem.read(BigInt(c), 8), 0x77n);
  },
);

test('brk: grows by whole pages of zeros, shrinks (the pages go), refuses below its start or into a mapping', () => {
  const { mm, mem } = fresh();
  const start = mm.brkStart;
  assert.equal(start % K64, 0);
  assert.equal(mm.setBrk(start + 100), start + 100);
  assert.equal(mm.brk, start + 100);
  assert.equal(mem.read(BigInt(start + 64), 8), 0n);
  mem.write(BigInt(start + 64), 8, 0x55n);
  assert.equal(mm.setBrk(start + 3 * K64), start + 3 * K64);
  mem.write(BigInt(start + 2 * K64), 8, 0x66n);
  // shrinking frees the pages past the new break (rounded up to a page)
  assert.equal(mm.setBrk(start + 10), start + 10);
  assert.equal(mem.read(BigInt(start + 64), 8), 0x55n);
  assert.equal(mem.read(BigInt(start + 2 * K64), 8), undefined);
  assert.equal(mm.setBrk(start + 3 * K64), start + 3 * K64);
  assert.equal(mem.read(BigInt(start + 2 * K64), 8), 0n);
  // below the start: refused, the break unchanged
  assert.equal(mm.setBrk(start - K64), start + 3 * K64);
  // into another mapping: refused
  mm.mmap(start + 5 * K64, K64, RW, PRIV_ANON | MAP.FIXED);
  assert.equal(mm.setBrk(start + 6 * K64), start + 3 * K64);
  assert.equal(mm.setBrk(start + 5 * K64), start + 5 * K64);
  // back to the start: no heap left
  assert.equal(mm.setBrk(start), start);
  assert.equal(mm.find(start), undefined);
});

test('fork: the clone has the same map over its own pages', () => {
  const { mm, mem } = fresh();
  const a = mm.mmap(0, K64, RW, PRIV_ANON);
  mem.write(BigInt(a), 8, 1n);
  const mem2 = mem.clone();
  const mm2 = mm.clone(mem2);
  mem2.write(BigInt(a), 8, 2n);
  assert.equal(mem.read(BigInt(a), 8), 1n);
  assert.deepEqual(spans(mm2), spans(mm));
  assert.equal(mm2.brk, mm.brk);
  // the clone's own untouched pages are made by its own pager
  assert.equal(mem2.read(BigInt(a + 4096), 8), 0n);
});
