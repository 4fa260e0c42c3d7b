// One process's sparse 64-bit memory, in 4 KiB pages. Page numbers (address >> 12) fit in a double
// exactly for the whole 64-bit space, so pages are keyed by number, not bigint.

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;

export interface Prot {
  read: boolean;
  write: boolean;
  exec: boolean;
}

export class Page {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  /** the same bytes as 32-bit words in host order (used for aligned accesses on little-endian hosts) */
  readonly words: Int32Array;
  /** predecoded instructions (4 ints per word, see decode.ts); null until executed, dropped on store */
  decoded: Int32Array | null = null;
  /** `bytes`: another page's memory (shared memory: each mapping has its own Page, with its protection,
   * over the same bytes); a fresh zeroed page by default */
  constructor(
    public read: boolean,
    public write: boolean,
    public exec: boolean,
    bytes?: Uint8Array,
  ) {
    this.bytes = bytes ?? new Uint8Array(PAGE_SIZE);
    this.view = new DataView(this.bytes.buffer);
    this.words = new Int32Array(this.bytes.buffer);
  }
}

const M64 = 0xffffffffffffffffn;

export function pageNumber(addr: bigint): number {
  return Number((addr & M64) >> 12n);
}

/**
 * Pages that are mapped but not yet touched (anonymous memory: a stack, the heap, an mmap): the
 * memory map (sim/os/memory-map.ts) makes one, filled with zeros, when an access first reaches it.
 */
export type DemandPager = (pn: number) => Page | undefined;

export class AddressSpace {
  readonly pages = new Map<number, Page>();
  /** bumped whenever mappings change, so cached page lookups can be revalidated */
  generation = 0;
  /** makes an untouched page of an anonymous mapping (undefined: nothing is mapped there) */
  pager: DemandPager | null = null;

  /** The page numbered pn, made now if it is an untouched page of an anonymous mapping. */
  pageAt(pn: number): Page | undefined {
    const p = this.pages.get(pn);
    if (p !== undefined || this.pager === null) return p;
    const made = this.pager(pn);
    if (made !== undefined) this.pages.set(pn, made);
    return made;
  }

  /** Maps [addr, addr+size) rounded out to pages; pages already mapped keep their contents, take the new protection. */
  map(addr: bigint, size: number, prot: Prot): void {
    if (size <= 0) return;
    const first = pageNumber(addr);
    const last = pageNumber(addr + BigInt(size) - 1n);
    for (let pn = first; pn <= last; pn++) {
      const p = this.pages.get(pn);
      if (p) {
        p.read = prot.read;
        p.write = prot.write;
        p.exec = prot.exec;
      } else this.pages.set(pn, new Page(prot.read, prot.write, prot.exec));
    }
    this.generation++;
  }

  unmap(addr: bigint, size: number): void {
    const first = pageNumber(addr);
    const last = pageNumber(addr + BigInt(size) - 1n);
    for (let pn = first; pn <= last; pn++) this.pages.delete(pn);
    this.generation++;
  }

  page(pn: number): Page | undefined {
    return this.pageAt(pn);
  }

  isMapped(addr: bigint, size: number): boolean {
    if (size <= 0) return true;
    const first = pageNumber(addr);
    const last = pageNumber(addr + BigInt(size) - 1n);
    for (let pn = first; pn <= last; pn++) if (!this.pageAt(pn)) return false;
    return true;
  }

  /** Little-endian read of a readable range; undefined if any byte is unmapped or unreadable. */
  read(addr: bigint, size: 1 | 2 | 4 | 8): bigint | undefined {
    const b = this.readBytes(addr, size);
    if (!b) return undefined;
    let v = 0n;
    for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    return v;
  }

  /** Little-endian write; false (and nothing written) if any byte is unmapped or read-only. */
  write(addr: bigint, size: 1 | 2 | 4 | 8, value: bigint): boolean {
    const b = new Uint8Array(size);
    let v = value;
    for (let i = 0; i < size; i++) {
      b[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return this.writeBytes(addr, b);
  }

  readBytes(addr: bigint, len: number): Uint8Array | undefined {
    const out = new Uint8Array(len);
    let a = addr & M64;
    let done = 0;
    while (done < len) {
      const p = this.pageAt(pageNumber(a));
      if (!p || !p.read) return undefined;
      const off = Number(a & 0xfffn);
      const n = Math.min(len - done, PAGE_SIZE - off);
      out.set(p.bytes.subarray(off, off + n), done);
      done += n;
      a = (a + BigInt(n)) & M64;
    }
    return out;
  }

  writeBytes(addr: bigint, bytes: Uint8Array): boolean {
    return this.writeBytesAs(addr, bytes, false);
  }

  /** Like writeBytes; `force` writes read-only pages too (the loader, a debugger's POKE). */
  writeBytesAs(addr: bigint, bytes: Uint8Array, force: boolean): boolean {
    // Check every page first: a failed write changes nothing.
    let a = addr & M64;
    let done = 0;
    const parts: { p: Page; off: number; n: number; from: number }[] = [];
    while (done < bytes.length) {
      const p = this.pageAt(pageNumber(a));
      if (!p || (!p.write && !force)) return false;
      const off = Number(a & 0xfffn);
      const n = Math.min(bytes.length - done, PAGE_SIZE - off);
      parts.push({ p, off, n, from: done });
      done += n;
      a = (a + BigInt(n)) & M64;
    }
    for (const { p, off, n, from } of parts) {
      p.bytes.set(bytes.subarray(from, from + n), off);
      p.decoded = null;
    }
    return true;
  }

  /** A deep copy (fork); the copy's pager is the caller's to set. */
  clone(): AddressSpace {
    const c = new AddressSpace();
    for (const [pn, p] of this.pages) {
      const q = new Page(p.read, p.write, p.exec);
      q.bytes.set(p.bytes);
      c.pages.set(pn, q);
    }
    return c;
  }
}
