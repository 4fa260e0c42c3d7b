// A process's memory map as Linux keeps it (mm_struct's VMAs): the program image, the heap (brk), the
// stack and mmap regions, with their protections, at the granularity of Linux's page size on ppc64
// (64 KiB). Anonymous memory is made on first touch (AddressSpace's pager), so an 8 MiB stack or a
// large malloc costs only the pages a program uses. mmap places regions top-down below the stack
// without randomization, so every run gets the same addresses.
import { type AddressSpace, Page, type Prot } from '../cpu/address-space';
import { E } from './errno';

/** Linux's PAGE_SIZE on ppc64 (AT_PAGESZ) */
export const LINUX_PAGE = 65536;
const SMALL = 4096; // the AddressSpace's own page
/** where the stack ends (SCENARIOS.md section 6: the stack just below 0x7ffffff00000) */
export const STACK_TOP = 0x7ffffff00000;
/** RLIMIT_STACK's default soft limit, the stack's size */
export const STACK_LIMIT = 8 * 1024 * 1024;
/** mmap_base: below the stack, with Linux's minimum gap of 128 MiB */
export const MMAP_BASE = STACK_TOP - 128 * 1024 * 1024;
/** the lowest address mmap hands out (vm.mmap_min_addr is 64 KiB) */
const MMAP_MIN = 0x10000;
const USER_TOP = 2 ** 47; // TASK_SIZE_USER64 (128 TiB)

export type VmaKind = 'image' | 'brk' | 'stack' | 'anon' | 'file';

export interface Vma {
  start: number;
  end: number;
  prot: Prot;
  kind: VmaKind;
  /** MAP_SHARED anonymous memory (or a System V segment): its pages, one set for every process mapping it */
  shared?: SharedPages;
}

/**
 * The memory of shared anonymous memory, as the kernel's shmem object holds it: each 4 KiB page's
 * bytes, made on first touch in any process; every mapping of it (fork keeps them shared, as Linux
 * does) has its own Page objects, with its own protection, over those bytes. A page's index is its
 * page number less `firstPn` in this mapping. Not modelled: one mapping's predecoded instructions are
 * not dropped when another mapping stores over them (code modified through shared memory).
 */
export interface SharedPages {
  pages: Map<number, Uint8Array>;
  firstPn: number;
  /** a System V segment's attach count: a fork adds the child's attachment, the process's exit drops it */
  attach?: ShmAttach;
}

/** What a System V shared memory segment learns of its attachments (sim/os/sysv-ipc.ts). */
export interface ShmAttach {
  attached(): void;
  detached(): void;
}

export const PROT = { READ: 1, WRITE: 2, EXEC: 4 } as const;
export const MREMAP = { MAYMOVE: 1, FIXED: 2, DONTUNMAP: 4 } as const;
export const MAP = {
  SHARED: 0x01,
  PRIVATE: 0x02,
  FIXED: 0x10,
  ANONYMOUS: 0x20,
  NORESERVE: 0x40,
  GROWSDOWN: 0x100,
  FIXED_NOREPLACE: 0x100000,
} as const;

export function protOf(bits: number): Prot {
  return {
    read: (bits & (PROT.READ | PROT.WRITE | PROT.EXEC)) !== 0,
    write: (bits & PROT.WRITE) !== 0,
    exec: (bits & PROT.EXEC) !== 0,
  };
}

const up = (x: number) => Math.ceil(x / LINUX_PAGE) * LINUX_PAGE;
const down = (x: number) => Math.floor(x / LINUX_PAGE) * LINUX_PAGE;

export class MemoryMap {
  /** sorted by start, never overlapping */
  vmas: Vma[] = [];
  /** mm->start_brk and mm->brk */
  brkStart = 0;
  brk = 0;

  constructor(readonly mem: AddressSpace) {
    mem.pager = (pn) => this.demand(pn);
  }

  /** The untouched page pn of an anonymous mapping, zero filled, with the mapping's protection. */
  private demand(pn: number): Page | undefined {
    const addr = pn * SMALL;
    const v = this.find(addr);
    if (!v || v.kind === 'file') return undefined;
    if (v.shared) {
      const i = pn - v.shared.firstPn;
      const p = new Page(v.prot.read, v.prot.write, v.prot.exec, v.shared.pages.get(i));
      if (!v.shared.pages.has(i)) v.shared.pages.set(i, p.bytes);
      return p;
    }
    if (v.kind === 'image') {
      for (const z of this.zeroImage)
        if (pn >= z.first && pn < z.end) return new Page(z.prot.read, z.prot.write, z.prot.exec);
      return undefined;
    }
    return new Page(v.prot.read, v.prot.write, v.prot.exec);
  }

  /** Pages of the image that hold only zeros (an assembled program's .bss), made on first touch, as
   * runs of page numbers [first, end) with their protection: a large .bss costs only the pages the
   * program uses. */
  private zeroImage: Array<{ first: number; end: number; prot: Prot }> = [];

  /** Records such a run (the loader does not map its pages: each is made when first reached). */
  addZeroImage(first: number, end: number, prot: Prot): void {
    this.zeroImage.push({ first, end, prot: { ...prot } });
  }

  /** the mapping holding addr */
  find(addr: number): Vma | undefined {
    let lo = 0;
    let hi = this.vmas.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.vmas[mid];
      if (addr < v.start) hi = mid - 1;
      else if (addr >= v.end) lo = mid + 1;
      else return v;
    }
    return undefined;
  }

  private overlaps(start: number, end: number): boolean {
    return this.vmas.some((v) => v.start < end && v.end > start);
  }

  /** Adds a mapping over [start, end) (64 KiB aligned), replacing whatever was there. */
  map(start: number, end: number, prot: Prot, kind: VmaKind, shared?: SharedPages): void {
    this.unmapRange(start, end);
    this.vmas.push(shared ? { start, end, prot: { ...prot }, kind, shared } : { start, end, prot: { ...prot }, kind });
    this.vmas.sort((a, b) => a.start - b.start);
    this.merge();
    this.mem.generation++;
  }

  /** Records a program segment the loader has already mapped into the AddressSpace. */
  addImage(start: number, end: number, prot: Prot): void {
    const s = down(start);
    const e = up(end);
    // the loader may map two segments into one 64 KiB page: later ones win, as mmap does
    const pieces = this.vmas.filter((v) => !(v.start < e && v.end > s));
    pieces.push({ start: s, end: e, prot: { ...prot }, kind: 'image' });
    this.vmas = pieces.sort((a, b) => a.start - b.start);
  }

  /** munmap: removes [start, end) and its pages (made or not). */
  unmapRange(start: number, end: number): void {
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) {
        out.push(v);
        continue;
      }
      if (v.start < start) out.push({ ...v, end: start });
      if (v.end > end) out.push({ ...v, start: end });
      // a System V attachment counts per VMA, as shm_open and shm_close count them
      const a = v.shared?.attach;
      if (a) {
        if (v.start < start) a.attached();
        if (v.end > end) a.attached();
        a.detached();
      }
    }
    this.vmas = out;
    for (const pn of this.madePages(start, end)) this.mem.pages.delete(pn);
    this.mem.generation++;
  }

  /**
   * The numbers of the pages made in [start, end): found by walking the range or the made pages,
   * whichever is shorter (a program may reserve or release terabytes it never touches).
   */
  madePages(start: number, end: number): number[] {
    const first = Math.floor(start / SMALL);
    const last = Math.ceil(end / SMALL);
    const pages = this.mem.pages;
    const out: number[] = [];
    if (last - first <= pages.size) {
      for (let pn = first; pn < last; pn++) if (pages.has(pn)) out.push(pn);
    } else for (const pn of pages.keys()) if (pn >= first && pn < last) out.push(pn);
    return out;
  }

  /** mprotect: the new protection on [start, end), which must be mapped throughout (else ENOMEM). */
  protect(start: number, end: number, prot: Prot): number {
    for (let a = start; a < end;) {
      const v = this.find(a);
      if (!v) return E.ENOMEM;
      a = v.end;
    }
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) {
        out.push(v);
        continue;
      }
      if (v.start < start) out.push({ ...v, end: start });
      out.push({ ...v, start: Math.max(v.start, start), end: Math.min(v.end, end), prot: { ...prot } });
      if (v.end > end) out.push({ ...v, start: end });
    }
    this.vmas = out;
    this.merge();
    for (const pn of this.madePages(start, end)) {
      const p = this.mem.pages.get(pn)!;
      p.read = prot.read;
      p.write = prot.write;
      p.exec = prot.exec;
    }
    this.mem.generation++;
    return 0;
  }

  private merge(): void {
    const out: Vma[] = [];
    for (const v of this.vmas) {
      const last = out[out.length - 1];
      if (
        last &&
        last.end === v.start &&
        last.kind === v.kind &&
        last.kind !== 'image' &&
        last.shared === v.shared &&
        sameProt(last.prot, v.prot)
      )
        last.end = v.end;
      else out.push(v);
    }
    this.vmas = out;
  }

  /** A free range of len bytes, top-down from mmap_base (Linux's default layout). */
  findFree(len: number, below = MMAP_BASE): number | undefined {
    let top = below;
    for (let i = this.vmas.length - 1; i >= 0; i--) {
      const v = this.vmas[i];
      if (v.start >= top) continue;
      if (v.end <= top - len) break;
      top = v.start;
    }
    const start = top - len;
    return start >= Math.max(MMAP_MIN, this.brk) ? start : undefined;
  }

  /**
   * mmap's address choice and mapping of an anonymous or private region; the address or -errno.
   * `shared`: MAP_SHARED anonymous memory (new pages shared with fork children), or the pages of a
   * System V segment (their index 0 at the mapping's start).
   */
  mmap(
    addr: number,
    len: number,
    prot: Prot,
    flags: number,
    shared?: Map<number, Uint8Array>,
    attach?: ShmAttach,
  ): number {
    if (len <= 0) return -E.EINVAL;
    const size = up(len);
    if (size > USER_TOP) return -E.ENOMEM;
    let start: number;
    if (flags & (MAP.FIXED | MAP.FIXED_NOREPLACE)) {
      if (addr % LINUX_PAGE !== 0) return -E.EINVAL;
      if (addr + size > USER_TOP || addr < MMAP_MIN) return -E.ENOMEM;
      // (MAP_FIXED_NOREPLACE refuses even when MAP_FIXED is given too, as do_mmap does)
      if (flags & MAP.FIXED_NOREPLACE && this.overlaps(addr, addr + size)) return -E.EEXIST;
      start = addr;
    } else {
      const hint = down(addr);
      if (hint >= MMAP_MIN && hint + size <= USER_TOP && !this.overlaps(hint, hint + size)) start = hint;
      else {
        const f = this.findFree(size);
        if (f === undefined) return -E.ENOMEM;
        start = f;
      }
    }
    const firstPn = start / SMALL;
    this.map(
      start,
      start + size,
      prot,
      'anon',
      shared && (attach ? { pages: shared, firstPn, attach } : { pages: shared, firstPn }),
    );
    return start;
  }

  /**
   * mremap: grows, shrinks or moves a mapping; the new address or -errno. MREMAP_FIXED moves it to
   * newAddr (unmapping what was there), MREMAP_DONTUNMAP leaves the old range mapped and empty.
   */
  mremap(old: number, oldLen: number, newLen: number, flags: number, newAddr: number): number {
    if (old % LINUX_PAGE !== 0 || newLen <= 0) return -E.EINVAL;
    if (flags & (MREMAP.FIXED | MREMAP.DONTUNMAP) && !(flags & MREMAP.MAYMOVE)) return -E.EINVAL;
    if (flags & MREMAP.DONTUNMAP && oldLen !== newLen) return -E.EINVAL;
    // an old length of 0 duplicates a shared mapping (not modelled)
    if (oldLen === 0) return -E.EINVAL;
    const oldSize = up(oldLen);
    const newSize = up(newLen);
    if (flags & MREMAP.FIXED) {
      if (newAddr % LINUX_PAGE !== 0) return -E.EINVAL;
      if (newAddr < old + oldSize && old < newAddr + newSize) return -E.EINVAL;
      if (newAddr < MMAP_MIN || newAddr + newSize > USER_TOP) return -E.EINVAL;
    }
    const v = this.find(old);
    if (!v || v.end < old + oldSize) return -E.EFAULT;
    if (!(flags & MREMAP.FIXED) && !(flags & MREMAP.DONTUNMAP)) {
      if (newSize <= oldSize) {
        if (newSize < oldSize) this.unmapRange(old + newSize, old + oldSize);
        return old;
      }
      // grow in place if the space after it is free
      if (!this.overlaps(old + oldSize, old + newSize) && old + newSize <= USER_TOP) {
        this.map(old + oldSize, old + newSize, v.prot, v.kind === 'file' ? 'anon' : v.kind, v.shared);
        return old;
      }
      if (!(flags & MREMAP.MAYMOVE)) return -E.ENOMEM;
    }
    let to: number;
    if (flags & MREMAP.FIXED) {
      this.unmapRange(newAddr, newAddr + newSize);
      to = newAddr;
    } else {
      const f = this.findFree(newSize);
      if (f === undefined) return -E.ENOMEM;
      to = f;
    }
    const moved = Math.min(oldSize, newSize);
    const shift = (to - old) / SMALL;
    this.map(to, to + newSize, v.prot, 'anon', v.shared && { ...v.shared, firstPn: v.shared.firstPn + shift });
    // move the made pages
    for (const pn of this.madePages(old, old + moved)) {
      const p = this.mem.pages.get(pn)!;
      this.mem.pages.set(pn + shift, p);
      p.decoded = null;
    }
    if (flags & MREMAP.DONTUNMAP) {
      // the old range stays mapped; its pages are gone (anonymous: zeros on the next touch)
      for (const pn of this.madePages(old, old + oldSize)) this.mem.pages.delete(pn);
      this.mem.generation++;
    } else this.unmapRange(old, old + oldSize);
    return to;
  }

  /** The initial break (after the program image) */
  initBrk(end: number): void {
    this.brkStart = this.brk = up(end);
  }

  /** brk(2): the break after the call (unchanged when the request fails, as Linux returns it). */
  setBrk(want: number): number {
    if (want < this.brkStart) return this.brk;
    const oldTop = up(this.brk);
    const newTop = up(want);
    if (newTop > oldTop) {
      // the heap may not run into another mapping (nor closer than the stack's guard to the stack)
      if (this.overlaps(oldTop, newTop) || newTop > MMAP_BASE) return this.brk;
      this.map(oldTop, newTop, { read: true, write: true, exec: false }, 'brk');
    } else if (newTop < oldTop) this.unmapRange(newTop, oldTop);
    this.brk = want;
    return this.brk;
  }

  /** The stack: STACK_LIMIT bytes below STACK_TOP, made on first touch. */
  mapStack(): void {
    this.map(STACK_TOP - STACK_LIMIT, STACK_TOP, { read: true, write: true, exec: false }, 'stack');
  }

  /** exit_mm: the process's System V attachments end (its memory goes with it). */
  release(): void {
    for (const v of this.vmas) v.shared?.attach?.detached();
    this.vmas = this.vmas.filter((v) => !v.shared?.attach);
  }

  /** fork: the same map over the child's copied AddressSpace. */
  clone(mem: AddressSpace): MemoryMap {
    const c = new MemoryMap(mem);
    c.vmas = this.vmas.map((v) => ({ ...v, prot: { ...v.prot } }));
    // shared memory stays one: the child's pages there are over the parent's bytes, not copies
    for (const v of this.vmas) {
      if (!v.shared) continue;
      v.shared.attach?.attached();
      for (const pn of this.madePages(v.start, v.end)) {
        const p = this.mem.pages.get(pn)!;
        mem.pages.set(pn, new Page(p.read, p.write, p.exec, p.bytes));
      }
    }
    c.brkStart = this.brkStart;
    c.brk = this.brk;
    c.zeroImage = this.zeroImage;
    return c;
  }
}

function sameProt(a: Prot, b: Prot): boolean {
  return a.read === b.read && a.write === b.write && a.exec === b.exec;
}
