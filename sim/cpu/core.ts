// One CPU: runs a thread on an address space in user mode and owns the data watchpoint registers
// (DAWR/DAWRX, or the single DABR on older models). The DAWR match is the hardware's, not the
// kernel's: any byte of the doubleword-granular range, the access type and the privilege.
import type { AddressSpace, Page } from './address-space';
import { DataPort } from './data-port';
import { runThread } from './execute';
import { warmUp } from './warmup';
import type { CoreStop, ExecCore } from './exec-core';
import { K_CACHE, K_LARX, K_LOAD } from './exec-core';
import type { ThreadState } from './thread-state';

export interface DawrProgram {
  start: bigint;
  /** hw_len: bytes, a multiple of 8, >= 8 */
  len: number;
  read: boolean;
  write: boolean;
  user: boolean;
  kernel: boolean;
  hyp: boolean;
}

/** What an executed instruction did to memory (kind as the kernel's analyse_instr names it). */
export type MemAccessKind = 'load' | 'store' | 'larx' | 'stcx' | 'cacheop';
export interface MemAccess {
  ea: bigint;
  size: number;
  kind: MemAccessKind;
}

const KIND_NAMES: MemAccessKind[] = ['load', 'store', 'larx', 'stcx', 'cacheop', 'cacheop'];

interface Slot {
  p: DawrProgram;
  start: bigint;
  end: bigint;
  /** start and end as doubles, and whether end + 16 < 2^53 (the hot loop's numeric check is exact) */
  startNum: number;
  endNum: number;
  below53: boolean;
}

function sameProgram(a: DawrProgram, b: DawrProgram): boolean {
  return (
    a.start === b.start &&
    a.len === b.len &&
    a.read === b.read &&
    a.write === b.write &&
    a.user === b.user &&
    a.kernel === b.kernel &&
    a.hyp === b.hyp
  );
}

/** A user-enabled slot's range as doubles (exact below 2^53), for the per-access check of the hot loop. */
interface UserRange {
  start: number;
  end: number;
  /** the same rounded out to 16 bytes, for quadword accesses before POWER10 */
  start16: number;
  end16: number;
  read: boolean;
  write: boolean;
}
const TWO53 = 2 ** 53;
const TWO53N = 1n << 53n;
const TWO32 = 2 ** 32;
/** (one shared object: a perf hit single-steps once per hit) */
const SINGLE_STEP: CoreStop = Object.freeze({ kind: 'single-step' as const });

const M64 = 0xffffffffffffffffn;
let warmedUp = false;

export type { CoreStop } from './exec-core';
export { K_CACHE, K_DCBZ, K_LARX, K_LOAD, K_STCX, K_STORE } from './exec-core';

export class Core implements ExecCore {
  readonly quadwordAlign16: boolean;
  readonly slots: number;
  private dawr: (Slot | null)[];
  /** the last non-null program of each slot (reused when written again unchanged) */
  private readonly lastSlot: (Slot | null)[];
  /** instructions completed on this core, total */
  icount = 0;
  /** the memory window of the hot loop (last-page caches) */
  readonly port = new DataPort();
  /** Called for every memory access an instruction makes, before it is carried out (only when set). */
  onAccess: ((a: MemAccess) => void) | null = null;
  /** true when some access must go through access() (a DAWR enabled for user, or onAccess) */
  checking = false;
  /** set by access() when a DAWR matched */
  dar = 0n;
  /** the same as a number, or -1 when it is 2^53 or more (the same address again keeps its bigint) */
  darNum = 0;
  /** the stop a cold operation produced */
  pending: CoreStop | null = null;
  /** the code page the last run ended on (runThread starts there without a lookup when it can) */
  codePage: Page | null = null;
  codeBase = -1;
  codeMem: AddressSpace | null = null;
  codeGen = -1;
  /** the processor version register user programs read (mfspr 287, which Linux emulates); see isa/spr.ts */
  pvr: number;
  /** darn's generator state: a fixed seed, so that every run gives the same numbers (isa/fixed-exec.ts) */
  darnState = 0x243f6a8885a308d3n;

  constructor(options: { quadwordAlign16: boolean; slots: number; pvr?: number }) {
    this.quadwordAlign16 = options.quadwordAlign16;
    this.slots = options.slots;
    this.pvr = options.pvr ?? 0x00800200;
    this.dawr = new Array(options.slots).fill(null);
    this.lastSlot = new Array<Slot | null>(options.slots).fill(null);
    // (made whole now, as dawr: an array that starts empty changes its kind on the first hit of each core)
    this.rangesOf = new Array<Slot | null>(options.slots).fill(null);
  }

  setDawr(slot: number, p: DawrProgram | null): void {
    if (slot < 0 || slot >= this.slots)
      throw new RangeError(`DAWR slot ${slot} does not exist (this CPU has ${this.slots})`);
    if (p === null) this.dawr[slot] = null;
    else {
      // the kernel writes the same breakpoint back after every perf step: reuse last time's slot
      const last = this.lastSlot[slot];
      if (last !== null && sameProgram(last.p, p)) this.dawr[slot] = last;
      else {
        const start = p.start & M64;
        const end = start + BigInt(p.len);
        const s: Slot = {
          p: { ...p },
          start,
          end,
          startNum: Number(start),
          endNum: Number(end),
          below53: end + 16n < BigInt(TWO53),
        };
        this.dawr[slot] = s;
        this.lastSlot[slot] = s;
      }
    }
    // recomputed by the next run (the handler writes every slot off and some back between two runs)
    this.rangesDirty = true;
  }

  private rangesDirty = false;

  /** The user-enabled slots as numbers, computed when a DAWR is written (not on every run: a perf
   * hit runs the core twice per hit). */
  private cacheUserRanges(): void {
    // A perf hit writes every DAWR off, then the same programs back: the off state needs no loop
    // over ranges, and the state of the last computation is restored when the same slot objects
    // are back (Slot objects are never changed once made; `ranges` is only written below).
    const d = this.dawr;
    let same = true;
    let empty = true;
    for (let i = 0; i < d.length; i++) {
      const s = d[i];
      if (s !== null) empty = false;
      if (s !== this.rangesOf[i]) same = false;
    }
    if (empty) {
      this.nranges = 0;
      this.userBelow53 = true;
      this.userStart = Infinity;
      this.userEnd = -Infinity;
      return;
    }
    if (same) {
      this.nranges = this.savedN;
      this.userBelow53 = this.savedBelow53;
      this.userStart = this.savedStart;
      this.userEnd = this.savedEnd;
      return;
    }
    for (let i = 0; i < d.length; i++) this.rangesOf[i] = d[i];
    let n = 0;
    let below53 = true;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < d.length; i++) {
      const s = d[i];
      if (s === null || !s.p.user || !(s.p.read || s.p.write)) continue;
      if (!s.below53) below53 = false;
      if (this.ranges.length < n + 6) {
        const grown = new Float64Array(n + 6);
        grown.set(this.ranges);
        this.ranges = grown;
      }
      const start = s.startNum;
      const end = s.endNum;
      // start & ~15 and (end + 15) & ~15, in doubles (exact: below 2^53 when used)
      const start16 = start - (start % 16);
      const end16 = end + ((16 - (end % 16)) % 16);
      const r = this.ranges;
      r[n] = start;
      r[n + 1] = end;
      r[n + 2] = start16;
      r[n + 3] = end16;
      r[n + 4] = s.p.read ? 1 : 0;
      r[n + 5] = s.p.write ? 1 : 0;
      if (start16 < lo) lo = start16;
      if (end16 > hi) hi = end16;
      n += 6;
    }
    this.nranges = n;
    this.userBelow53 = below53;
    this.userStart = lo;
    this.userEnd = hi;
    this.savedN = n;
    this.savedBelow53 = below53;
    this.savedStart = lo;
    this.savedEnd = hi;
  }

  /** the slots `ranges` was last computed from (a non-empty set), and what it gave */
  private readonly rangesOf: (Slot | null)[];
  private savedN = 0;
  private savedBelow53 = true;
  private savedStart = Infinity;
  private savedEnd = -Infinity;

  /** Whether some DAWR is enabled for kernel-mode accesses (the kernel's copies must be checked). */
  watchesKernel(): boolean {
    for (const s of this.dawr) if (s !== null && s.p.kernel && (s.p.read || s.p.write)) return true;
    return false;
  }

  getDawr(slot: number): DawrProgram | null {
    const s = this.dawr[slot];
    return s ? { ...s.p } : null;
  }

  /** user-enabled slots as numbers, 6 per slot: start, end, start16, end16, read, write */
  private ranges = new Float64Array(12);
  private nranges = 0;
  /** every user-enabled slot ends below 2^53, and the span holding them all (from setDawr) */
  private userBelow53 = true;
  private userStart = Infinity;
  private userEnd = -Infinity;
  /** whether access() can use `ranges` (no onAccess, every user slot below 2^53) */
  private fast = true;
  /** An interval (as doubles) holding every user range: accesses outside it need no access() call.
      Infinite when every access must be seen (onAccess set, or a range beyond 2^53). */
  watchStart = 0;
  watchEnd = 0;
  /** [watchStart, watchEnd) as high word, low word and length, unless watchAll (see run) */
  watchHi = 0;
  watchLo = 0;
  watchLen = 0;
  watchAll = true;

  run(t: ThreadState, mem: AddressSpace, maxSteps: number): CoreStop {
    // the first run of the process warms the hot loop up first (warmup.ts)
    if (!warmedUp) {
      warmedUp = true;
      warmUp(() => new Core({ quadwordAlign16: false, slots: 2 }));
    }
    // the user ranges are cached from setDawr; onAccess may have been set since
    if (this.rangesDirty) {
      this.rangesDirty = false;
      this.cacheUserRanges();
    }
    this.checking = this.onAccess !== null || this.nranges > 0;
    this.fast = this.onAccess === null && this.userBelow53;
    this.watchStart = this.fast ? this.userStart : -Infinity;
    this.watchEnd = this.fast ? this.userEnd : Infinity;
    // The same span for the hot loop in integers: within one 4 GiB block (high word watchHi) and at
    // least 64 bytes above its bottom, so no access (at most 32 bytes) from the block below reaches it.
    // (computed again only for another span: a perf hit runs the core twice per hit, same span)
    this.watchAll = true;
    if (this.fast && this.nranges > 0) {
      const start = this.watchStart;
      const end = this.watchEnd;
      if (start !== this.spanStart || end !== this.spanEnd) this.spanOf(start, end);
      if (!this.spanAll) {
        this.watchHi = this.spanHi;
        this.watchLo = this.spanLo;
        this.watchLen = this.spanLen;
        this.watchAll = false;
      }
    }
    this.port.attach(mem);
    this.pending = null;
    // (MSR_SE as the thread keeps it: no bigint comparison on the per-hit path)
    const stepping = t.singleStepping;
    const limit = stepping ? Math.min(1, maxSteps) : maxSteps;
    const before = this.icount;
    const stop = runThread(this, t, mem, limit);
    if (stepping && stop.kind === 'limit' && this.icount > before) return SINGLE_STEP;
    return stop;
  }

  // the span [spanStart, spanEnd) in the hot loop's integers (spanAll: it cannot be, see run)
  private spanStart = NaN;
  private spanEnd = NaN;
  private spanHi = 0;
  private spanLo = 0;
  private spanLen = 0;
  private spanAll = true;

  private spanOf(start: number, end: number): void {
    this.spanStart = start;
    this.spanEnd = end;
    const hiS = Math.floor(start / TWO32);
    const loS = start - hiS * TWO32;
    this.spanAll = !(hiS === Math.floor((end - 1) / TWO32) && loS >= 64);
    this.spanHi = hiS | 0;
    this.spanLo = loS;
    this.spanLen = end - start;
  }

  /** The instruction word at user pc `pc` (below 2^52) of `mem` as an int32 (a word above 2^31 as a
   * number is a heap-allocated double) when it lies on the code page the last run ended on (no page
   * lookup), else undefined: the caller reads it the usual way. */
  wordOnCodePage(mem: AddressSpace, pc: number): number | undefined {
    const p = this.codePage;
    const rel = pc - this.codeBase;
    if (
      p === null ||
      rel < 0 ||
      rel >= 4096 ||
      (rel & 3) !== 0 ||
      this.codeMem !== mem ||
      this.codeGen !== mem.generation ||
      !p.read
    )
      return undefined;
    return p.view.getInt32(rel, true);
  }

  /** Hardware match for an access made by the kernel itself (copy_to_user) or by user code. */
  matchAccess(ea: bigint, size: number, store: boolean, privilege: 'user' | 'kernel'): bigint | undefined {
    const lo = ea & M64;
    const hi = lo + BigInt(size);
    for (const s of this.dawr) {
      if (!s) continue;
      if (!(store ? s.p.write : s.p.read)) continue;
      if (!(privilege === 'user' ? s.p.user : s.p.kernel)) continue;
      let start = s.start;
      let end = s.end;
      if (size === 16 && this.quadwordAlign16) {
        start &= ~15n;
        end = (end + 15n) & ~15n;
      }
      if (lo < end && hi > start) return lo;
    }
    return undefined;
  }

  /** The hot loop's check of one access in user mode: true = a DAWR matched (this.dar set). */
  access(hi: number, lo: number, size: number, kind: number): boolean {
    if (!this.fast || hi >>> 0 >= 0x200000) return this.accessSlow(hi, lo, size, kind);
    // the common case, small enough to inline and without allocation: numeric compares per slot
    if (kind === K_CACHE) return false;
    const a = (hi >>> 0) * 4294967296 + (lo >>> 0);
    const b = a + size;
    const w = kind === K_LOAD || kind === K_LARX ? 4 : 5;
    const q = size === 16 && this.quadwordAlign16 ? 2 : 0;
    const r = this.ranges;
    for (let i = 0; i < this.nranges; i += 6) {
      if (r[i + w] !== 0 && a < r[i + q + 1] && b > r[i + q]) {
        // (dar and darNum always change together: the same address again keeps its bigint)
        if (a !== this.darNum) {
          this.darNum = a;
          this.dar = BigInt(a);
        }
        return true;
      }
    }
    return false;
  }

  private accessSlow(hi: number, lo: number, size: number, kind: number): boolean {
    const ea = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
    if (kind !== K_CACHE) {
      const dar = this.matchAccess(ea, size, kind !== K_LOAD && kind !== K_LARX, 'user');
      if (dar !== undefined) {
        this.dar = dar;
        this.darNum = dar < TWO53N ? Number(dar) : -1;
        return true;
      }
    }
    if (this.onAccess) this.onAccess({ ea, size, kind: KIND_NAMES[kind] });
    return false;
  }
}
