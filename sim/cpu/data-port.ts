// The interpreter's window on memory: little-endian loads and stores on 64-bit addresses given as
// 32-bit halves, with a last-page cache each for reads and writes so that the common case is one
// compare and one DataView access. Results come back in the fields vhi/vlo (no allocation).
import { AddressSpace, Page } from './address-space';

const PAGE_SIZE = 4096; // local: an imported binding would cost a getter call per access under tsx

const NO_PAGE = -1;
const CACHE_SIZE = 64;
/** Typed arrays use the host's byte order; on a little-endian host aligned words can be read directly. */
export const HOST_LE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class DataPort {
  mem: AddressSpace = new AddressSpace();
  private rpn = NO_PAGE;
  // the cached pages' numbers as (high half, low page bits): integer compares in the fast path.
  // The read page's fields are also read by the hot loop's inline loads (execute.ts): never written there.
  rhi = 0;
  rlp = -1;
  private whi = 0;
  private wlp = -1;
  rview: DataView = new DataView(new ArrayBuffer(8));
  rwords: Int32Array = new Int32Array(2);
  /** the read page before it (a loop reading two pages by turns finds both here) */
  rhi2 = 0;
  rlp2 = -1;
  rview2: DataView = new DataView(new ArrayBuffer(8));
  rwords2: Int32Array = new Int32Array(2);
  private wpn = NO_PAGE;
  private wpage: Page | null = null;
  /** the write page before it (swapped in when a store comes back to it) */
  private whi2 = 0;
  private wlp2 = -1;
  private wpage2: Page | null = null;
  /** the value read by the last load */
  vhi = 0;
  vlo = 0;
  /** set when a store hit a page that held predecoded instructions (self-modifying code) */
  codeDirty = false;

  /** the mapping generation the cached pages belong to */
  private gen = -1;
  /** a direct-mapped cache of pages by page number (loops that touch a few pages by turns would
   * otherwise look each one up in the address space's map at every switch) */
  private readonly ckey = new Float64Array(CACHE_SIZE).fill(-1);
  private readonly cpage: (Page | undefined)[] = new Array<Page | undefined>(CACHE_SIZE).fill(undefined);

  private pageOf(pn: number): Page | undefined {
    const i = pn & (CACHE_SIZE - 1);
    if (this.ckey[i] === pn) return this.cpage[i];
    const p = this.mem.pageAt(pn);
    if (p !== undefined) {
      this.ckey[i] = pn;
      this.cpage[i] = p;
    }
    return p;
  }

  attach(mem: AddressSpace): void {
    this.codeDirty = false;
    // the same memory with the same mappings: the last pages stay valid (a perf hit enters the core
    // twice per hit, each time with one load and one store on the same pages)
    if (mem === this.mem && mem.generation === this.gen) return;
    this.gen = mem.generation;
    this.mem = mem;
    this.rpn = NO_PAGE;
    this.rlp2 = -1;
    this.wpn = NO_PAGE;
    this.rlp = -1;
    this.wlp = -1;
    this.wpage = null;
    this.wlp2 = -1;
    this.wpage2 = null;
    this.codeDirty = false;
    this.ckey.fill(-1);
    this.cpage.fill(undefined);
  }

  /** Loads `size` (1, 2, 4, 8) bytes at hi:lo into vhi:vlo, zero-extended. false = unmapped/unreadable. */
  load(hi: number, lo: number, size: number): boolean {
    const off = lo & 4095;
    if (lo >>> 12 !== this.rlp || hi !== this.rhi || off + size > PAGE_SIZE) return this.loadSlow(hi, lo, size);
    if (HOST_LE && size >= 4 && (off & 3) === 0) {
      const w = this.rwords;
      this.vlo = w[off >> 2];
      this.vhi = size === 8 ? w[(off >> 2) + 1] : 0;
      return true;
    }
    const v = this.rview;
    switch (size) {
      case 8:
        this.vlo = v.getInt32(off, true);
        this.vhi = v.getInt32(off + 4, true);
        break;
      case 4:
        this.vlo = v.getInt32(off, true);
        this.vhi = 0;
        break;
      case 2:
        this.vlo = v.getUint16(off, true);
        this.vhi = 0;
        break;
      default:
        this.vlo = v.getUint8(off);
        this.vhi = 0;
    }
    return true;
  }

  private loadSlow(hi: number, lo: number, size: number): boolean {
    const pn = (hi >>> 0) * 1048576 + (lo >>> 12);
    const off = lo & 4095;
    const p = this.pageOf(pn);
    if (!p || !p.read) return false;
    if (off + size <= PAGE_SIZE) {
      // the new page first, the last one second
      this.rhi2 = this.rhi;
      this.rlp2 = this.rlp;
      this.rview2 = this.rview;
      this.rwords2 = this.rwords;
      this.rpn = pn;
      this.rhi = hi;
      this.rlp = lo >>> 12;
      this.rview = p.view;
      this.rwords = p.words;
      return this.load(hi, lo, size);
    }
    // crosses into the next page: byte by byte
    let vlo = 0;
    let vhi = 0;
    for (let i = 0; i < size; i++) {
      const l = (lo + i) | 0;
      const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      const q = this.mem.pageAt((h >>> 0) * 1048576 + (l >>> 12));
      if (!q || !q.read) return false;
      const byte = q.bytes[l & 4095];
      if (i < 4) vlo |= byte << (8 * i);
      else vhi |= byte << (8 * (i - 4));
    }
    this.vlo = vlo | 0;
    this.vhi = vhi | 0;
    return true;
  }

  /** Stores the low `size` bytes of vhi:vlo at hi:lo. false = unmapped/read-only (nothing written). */
  store(hi: number, lo: number, size: number, vhi: number, vlo: number): boolean {
    const off = lo & 4095;
    const p = this.wpage;
    if (lo >>> 12 !== this.wlp || hi !== this.whi || p === null || off + size > PAGE_SIZE)
      return this.storeSlow(hi, lo, size, vhi, vlo);
    const v = p.view;
    if (HOST_LE && size >= 4 && (off & 3) === 0) {
      const w = p.words;
      w[off >> 2] = vlo;
      if (size === 8) w[(off >> 2) + 1] = vhi;
    } else
      switch (size) {
        case 8:
          v.setInt32(off, vlo, true);
          v.setInt32(off + 4, vhi, true);
          break;
        case 4:
          v.setInt32(off, vlo, true);
          break;
        case 2:
          v.setUint16(off, vlo & 0xffff, true);
          break;
        default:
          v.setUint8(off, vlo & 0xff);
      }
    if (p.decoded !== null) {
      p.decoded = null;
      this.codeDirty = true;
    }
    return true;
  }

  private storeSlow(hi: number, lo: number, size: number, vhi: number, vlo: number): boolean {
    const pn = (hi >>> 0) * 1048576 + (lo >>> 12);
    const off = lo & 4095;
    const again = lo >>> 12 === this.wlp2 && hi === this.whi2 && this.wpage2 !== null;
    const p = again ? this.wpage2 : this.pageOf(pn);
    if (!p || !p.write) return false;
    if (off + size <= PAGE_SIZE) {
      // the new page first, the last one second
      this.whi2 = this.whi;
      this.wlp2 = this.wlp;
      this.wpage2 = this.wpage;
      this.wpn = pn;
      this.whi = hi;
      this.wlp = lo >>> 12;
      this.wpage = p;
      return this.store(hi, lo, size, vhi, vlo);
    }
    const pages: Page[] = [];
    for (let i = 0; i < size; i++) {
      const l = (lo + i) | 0;
      const h = l >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
      const q = this.mem.pageAt((h >>> 0) * 1048576 + (l >>> 12));
      if (!q || !q.write) return false;
      pages.push(q);
    }
    for (let i = 0; i < size; i++) {
      const l = (lo + i) | 0;
      const q = pages[i];
      q.bytes[l & 4095] = (i < 4 ? vlo >>> (8 * i) : vhi >>> (8 * (i - 4))) & 0xff;
      if (q.decoded !== null) {
        q.decoded = null;
        this.codeDirty = true;
      }
    }
    return true;
  }

  /** Whether every byte of [hi:lo, +size) is writable (for multi-part stores that must be all or nothing). */
  writable(hi: number, lo: number, size: number): boolean {
    const first = (hi >>> 0) * 1048576 + (lo >>> 12);
    const endLo = (lo + size - 1) | 0;
    const endHi = endLo >>> 0 < lo >>> 0 ? (hi + 1) | 0 : hi;
    const last = (endHi >>> 0) * 1048576 + (endLo >>> 12);
    for (let pn = first; ; pn = pn + 1 === 2 ** 52 ? 0 : pn + 1) {
      const p = this.mem.pageAt(pn);
      if (!p || !p.write) return false;
      if (pn === last) return true;
    }
  }
}
