// The interpreter's hot loop. Instructions are predecoded per code page (decode.ts); the common
// operations run inline here on 32-bit register halves, everything else goes to execCold (cold.ts).
// No allocation happens on the inline paths.
import type { AddressSpace, Page } from './address-space';
import { execCold } from './cold';
import { execFamily } from './isa/exec-families';
import { FAMILY_BASE } from './isa/families';
import { FP_BASE } from './isa/fp-defs';
import { execFp } from './isa/fp-exec';
import { VSX_FP_BASE } from './isa/vsx-fp-defs';
import { execVsxFp } from './isa/vsx-fp-exec';
import { COLD_JUMP, COLD_NEXT, COLD_NEXT8 } from './cold-result';
import type { Core, CoreStop } from './core';
import * as Dec from './decode';
import { decodeInto } from './decode';
import { addrOf, segv, sigill } from './fault';
import { OP_INFO } from './ops';
import * as TS from './thread-state';
import type { ThreadState } from './thread-state';

/* The hot operations, with the same ids as in ops.ts (checked below). A file-local const enum so
   that the switch has literal cases (a jump table) even when files are compiled one by one. */
const enum H {
  ILLEGAL = 1,
  ADDI, ADDIS, ADD, SUBF, NEG, ORI, OR, AND, XOR, ANDI_RC, EXTSW,
  CMPI, CMP, CMPLI, CMPL,
  B, BC, BCLR, BCCTR,
  LBZ, LHZ, LWZ, LD, STB, STH, STW, STD, LDX, STDX, LWZX, STWX,
  RLWINM, RLDICL, RLDICR, MFSPR, MTSPR, SC,
}
const HOT_NAMES = [
  '', '.long', 'addi', 'addis', 'add', 'subf', 'neg', 'ori', 'or', 'and', 'xor', 'andi.', 'extsw',
  'cmpi', 'cmp', 'cmpli', 'cmpl', 'b', 'bc', 'bclr', 'bcctr',
  'lbz', 'lhz', 'lwz', 'ld', 'stb', 'sth', 'stw', 'std', 'ldx', 'stdx', 'lwzx', 'stwx',
  'rlwinm', 'rldicl', 'rldicr', 'mfspr', 'mtspr', 'sc',
];
for (let i = 1; i < HOT_NAMES.length; i++) {
  if (OP_INFO[i]?.name !== HOT_NAMES[i]) throw new Error(`execute.ts: hot op ${i} is ${OP_INFO[i]?.name}, expected ${HOT_NAMES[i]}`);
}

/* Constants the hot loop uses, as a local const enum: imported bindings compile to getter calls
   when files are transformed one by one (tsx), which costs more than the instruction itself. */
const enum K {
  F_RC = 1 << 16, F_OE = 1 << 17, F_LK = 1 << 18, F_AA = 1 << 19, F_L = 1 << 20,
  LR = 32, CTR = 33,
  XER_SO = -0x80000000, XER_OV = 0x40000000, XER_OV32 = 0x00080000,
}
if (K.F_RC !== Dec.F_RC || K.F_OE !== Dec.F_OE || K.F_LK !== Dec.F_LK || K.F_AA !== Dec.F_AA || K.F_L !== Dec.F_L ||
  K.LR !== TS.LR || K.CTR !== TS.CTR || K.XER_SO !== (TS.XER_SO | 0) || K.XER_OV !== TS.XER_OV || K.XER_OV32 !== TS.XER_OV32) {
  throw new Error('execute.ts: local constants disagree with decode.ts/thread-state.ts');
}
const FAMILY_BASE_ = FAMILY_BASE; // (a module-level copy: an imported binding is a getter call under tsx)
const K_LOAD = 0;
const K_STORE = 1;
/* The floating-point families' operation ids (isa/fp-defs.ts, isa/vsx-fp-defs.ts): frequent in
   numeric code, so they go to their executors directly instead of through execCold's dispatch. */
const enum FPF { FP = 2000, VSX_FP = 3000, END = 4000 }
if (FPF.FP !== FP_BASE || FPF.VSX_FP !== VSX_FP_BASE) throw new Error('execute.ts: floating-point family bases moved');

const TWO32 = 4294967296;
/** Where a branch to an address beyond 2^53 goes: nothing can be mapped there in user space. */
const FAR = 2 ** 53 - 4096;
/** off's value after a jump to another page (or anywhere: the target is in jumpPc) */
const AWAY = 1 << 20;
const EMPTY = new Int32Array(4096);
/** (one shared object: a perf hit's single step ends with it) */
const LIMIT: CoreStop = Object.freeze({ kind: 'limit' as const });
const SC: CoreStop = Object.freeze({ kind: 'syscall' as const, vectored: false });
const SCV: CoreStop = Object.freeze({ kind: 'syscall' as const, vectored: true });

// The stop of a DAWR match: the last one again while the DAR is the same bigint (a perf counter hit
// on every iteration matches the same address each time; stops are never changed once made).
let lastDawrStop: CoreStop = Object.freeze({ kind: 'dawr' as const, dar: -1n });
function dawrStop(core: Core): CoreStop {
  const dar = core.dar;
  const last = lastDawrStop;
  if (last.kind === 'dawr' && last.dar === dar) return last;
  return (lastDawrStop = Object.freeze({ kind: 'dawr' as const, dar }));
}

function crField(hi: number, lo: number, so: number): number {
  return (hi < 0 ? 8 : (hi | lo) !== 0 ? 4 : 2) | so;
}
function setCr0(t: ThreadState, hi: number, lo: number): void {
  t.crNum = (t.crNum & 0x0fffffff) | (crField(hi, lo, t.xerNum < 0 ? 1 : 0) << 28);
}
function setOv(t: ThreadState, ov: boolean, ov32: boolean): void {
  let x = t.xerNum & ~(K.XER_OV | K.XER_OV32);
  if (ov) x |= K.XER_OV | K.XER_SO;
  if (ov32) x |= K.XER_OV32;
  t.xerNum = x;
}
/** A branch target held in 32-bit halves, as a number pc. */
function target(hi: number, lo: number): number {
  const h = hi >>> 0;
  return h < 0x200000 ? h * TWO32 + ((lo & ~3) >>> 0) : FAR;
}
/**
 * Whether [hi:lo, +size) may meet the watched span (Core.watchHi/Lo/Len): in integers, one compare
 * of the high word and one unsigned compare of the low word (the access overlaps [S, S+len) iff
 * lo - S + size - 1 is in [0, len + size - 1)). `all`: the span has no such form, every access is checked.
 */
function near(hi: number, lo: number, size: number, wHi: number, wLo: number, wLen: number, all: boolean): boolean {
  return all || (hi === wHi && ((lo - wLo + size - 1) >>> 0) < wLen + size - 1);
}
/** near() for 8-byte accesses, with wLo - 7 and wLen + 7 computed once per run. */
function near8(hi: number, lo: number, wHi: number, wLo7: number, wLen7: number, all: boolean): boolean {
  return all || (hi === wHi && ((lo - wLo7) >>> 0) < wLen7);
}
function relTarget(pc: number, disp: number): number {
  const x = pc + disp;
  return x >= 0 ? x : FAR;
}

export function runThread(core: Core, t: ThreadState, mem: AddressSpace, maxSteps: number): CoreStop {
  const hi = t.hi;
  const lo = t.lo;
  const port = core.port;
  const checking = core.checking;
  // accesses wholly outside the watched span cannot match: skip the call
  const wHi = core.watchHi;
  const wLo = core.watchLo;
  const wLen = core.watchLen;
  const wAll = core.watchAll;
  const wLo7 = wLo - 7;
  const wLen7 = wLen + 7;
  // The pc is base + off: off stays a small integer (the index into the page's decoded entries)
  // while execution stays on one page; a jump elsewhere sets off = AWAY and the target in jumpPc.
  let base = 0;
  let off = AWAY;
  let jumpPc = t.pcNum;
  let steps = 0;
  let dec: Int32Array = EMPTY;
  let page: Page | null = null;
  let pageBase = -1;
  let stop: CoreStop | null = null;
  // Starting on the page the last run ended on (same memory, same mappings): no lookup. A perf hit
  // enters twice per hit at the same place.
  {
    const cp = core.codePage;
    const rel = jumpPc - core.codeBase;
    if (cp !== null && rel >= 0 && rel < 4096 && core.codeMem === mem && core.codeGen === mem.generation && cp.exec) {
      if (cp.decoded === null) cp.decoded = new Int32Array(4096);
      page = cp;
      pageBase = core.codeBase;
      dec = cp.decoded;
      base = pageBase;
      off = rel;
    }
  }

  loop: while (steps < maxSteps) {
    if (off >= 4096) {
      const pc = off === AWAY ? jumpPc : base + off;
      const pn = Math.floor(pc / 4096);
      const p = mem.pageAt(pn);
      if (p === undefined || !p.exec) {
        base = pc;
        off = 0;
        stop = segv(BigInt(pc), 'instruction fetch', pc);
        break;
      }
      if (p.decoded === null) p.decoded = new Int32Array(4096);
      page = p;
      dec = p.decoded;
      base = pn * 4096;
      pageBase = base;
      off = (pc - base) | 0;
    }
    let e0 = dec[off];
    if (e0 === 0) {
      decodeInto(dec, off, page!.view.getInt32(off, true), off + 4 < 4096 ? page!.view.getInt32(off + 4, true) : 0);
      e0 = dec[off];
    }
    const a = dec[off + 1];
    const b = dec[off + 2];
    const c = dec[off + 3];
    switch (e0 & 0xffff) {
      case H.ADDI: {
        if (b === 0) { lo[a] = c; hi[a] = c >> 31; }
        else {
          const x = lo[b];
          const r = (x + c) | 0;
          hi[a] = (hi[b] + (c >> 31) + ((r >>> 0) < (x >>> 0) ? 1 : 0)) | 0;
          lo[a] = r;
        }
        off += 4;
        break;
      }
      case H.ADDIS: {
        // c = imm << 16: the low half of the addend is 0
        if (b === 0) { lo[a] = c; hi[a] = c >> 31; }
        else { const x = lo[b]; hi[a] = (hi[b] + (c >> 31) + ((((x + c) | 0) >>> 0) < (x >>> 0) ? 1 : 0)) | 0; lo[a] = (x + c) | 0; }
        off += 4;
        break;
      }
      case H.ADD: {
        const xl = lo[b], xh = hi[b], yl = lo[c], yh = hi[c];
        const rl = (xl + yl) | 0;
        const rh = (xh + yh + ((rl >>> 0) < (xl >>> 0) ? 1 : 0)) | 0;
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_OE) setOv(t, ((xh ^ rh) & (yh ^ rh)) < 0, ((xl ^ rl) & (yl ^ rl)) < 0);
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.SUBF: {
        // rt = rb - ra
        const xl = lo[c], xh = hi[c], yl = lo[b], yh = hi[b];
        const rl = (xl - yl) | 0;
        const rh = (xh - yh - ((xl >>> 0) < (yl >>> 0) ? 1 : 0)) | 0;
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_OE) setOv(t, ((xh ^ yh) & (xh ^ rh)) < 0, ((xl ^ yl) & (xl ^ rl)) < 0);
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.NEG: {
        const yl = lo[b], yh = hi[b];
        const rl = (0 - yl) | 0;
        const rh = (0 - yh - (yl !== 0 ? 1 : 0)) | 0;
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_OE) setOv(t, (yh & rh) < 0, (yl & rl) < 0);
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.ORI: lo[a] = lo[b] | c; hi[a] = hi[b]; off += 4; break;
      case H.OR: {
        const rh = hi[b] | hi[c], rl = lo[b] | lo[c];
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.AND: {
        const rh = hi[b] & hi[c], rl = lo[b] & lo[c];
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.XOR: {
        const rh = hi[b] ^ hi[c], rl = lo[b] ^ lo[c];
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.ANDI_RC: { const rl = lo[b] & c; hi[a] = 0; lo[a] = rl; setCr0(t, 0, rl); off += 4; break; }
      case H.EXTSW: {
        const rl = lo[b], rh = rl >> 31;
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.CMPI: case H.CMP: case H.CMPLI: case H.CMPL: {
        const op = e0 & 0xffff;
        const xl = lo[b];
        let yl: number, yh: number;
        if (op === H.CMP || op === H.CMPL) { yl = lo[c]; yh = hi[c]; }
        else { yl = c; yh = op === H.CMPI ? c >> 31 : 0; }
        let r: number;
        const signed = op === H.CMPI || op === H.CMP;
        if (e0 & K.F_L) {
          const xh = hi[b];
          if (xh !== yh) r = (signed ? xh < yh : xh >>> 0 < yh >>> 0) ? 8 : 4;
          else r = xl === yl ? 2 : (xl >>> 0) < (yl >>> 0) ? 8 : 4;
        } else if (signed) r = xl === yl ? 2 : xl < yl ? 8 : 4;
        else r = xl === yl ? 2 : (xl >>> 0) < (yl >>> 0) ? 8 : 4;
        const sh = 28 - 4 * a;
        t.crNum = (t.crNum & ~(15 << sh)) | ((r | (t.xerNum < 0 ? 1 : 0)) << sh);
        off += 4;
        break;
      }
      case H.B: {
        const pc = base + off;
        if (e0 & K.F_LK) { const n = pc + 4; lo[K.LR] = n | 0; hi[K.LR] = (n / TWO32) | 0; }
        const no = off + a; // relative: stay in integers while on this page
        if ((e0 & K.F_AA) === 0 && no >= 0 && no < 4096) { off = no; break; }
        const np = e0 & K.F_AA ? (a >= 0 ? a : FAR) : relTarget(pc, a);
        const d = np - base;
        if (d >= 0 && d < 4096) off = d | 0;
        else { jumpPc = np; off = AWAY; }
        break;
      }
      case H.BC: case H.BCLR: case H.BCCTR: {
        const op = e0 & 0xffff;
        let ok = true;
        if ((a & 4) === 0) {
          // decrement CTR (bcctr with this BO is an invalid form; it is not decremented there)
          if (op !== H.BCCTR) {
            const l = (lo[K.CTR] - 1) | 0;
            lo[K.CTR] = l;
            if (l === -1) hi[K.CTR] = (hi[K.CTR] - 1) | 0;
          }
          ok = ((lo[K.CTR] | hi[K.CTR]) !== 0) !== ((a & 2) !== 0);
        }
        if (ok && (a & 16) === 0) ok = ((t.crNum >>> (31 - b)) & 1) === ((a >> 3) & 1);
        if (ok && op === H.BC && (e0 & (K.F_AA | K.F_LK)) === 0) {
          const no = off + c; // the common loop branch: relative, no link, on this page
          if (no >= 0 && no < 4096) { off = no; break; }
        }
        if (ok) {
          const pc = base + off;
          let np: number;
          if (op === H.BC) np = e0 & K.F_AA ? (c >= 0 ? c : FAR) : relTarget(pc, c);
          else if (op === H.BCLR) np = target(hi[K.LR], lo[K.LR]);
          else np = target(hi[K.CTR], lo[K.CTR]);
          if (e0 & K.F_LK) { const n = pc + 4; lo[K.LR] = n | 0; hi[K.LR] = (n / TWO32) | 0; }
          const d = np - base;
          if (d >= 0 && d < 4096) off = d | 0;
          else { jumpPc = np; off = AWAY; }
        } else {
          if (e0 & K.F_LK) { const n = base + off + 4; lo[K.LR] = n | 0; hi[K.LR] = (n / TWO32) | 0; }
          off += 4;
        }
        break;
      }
      case H.LD: {
        // the most common access, with its size constant so the port's switch folds away
        let eh: number, el: number;
        if (b === 0) { el = c; eh = c >> 31; }
        else { const x = lo[b]; el = (x + c) | 0; eh = (hi[b] + (c >> 31) + ((el >>> 0) < (x >>> 0) ? 1 : 0)) | 0; }
        if (checking && near8(eh, el, wHi, wLo7, wLen7, wAll) && core.access(eh, el, 8, K_LOAD)) { stop = dawrStop(core); break loop; }
        if (!port.load(eh, el, 8)) { stop = segv(addrOf(eh, el), 'load of 8 bytes', base + off); break loop; }
        lo[a] = port.vlo; hi[a] = port.vhi;
        off += 4;
        break;
      }
      case H.STD: {
        let eh: number, el: number;
        if (b === 0) { el = c; eh = c >> 31; }
        else { const x = lo[b]; el = (x + c) | 0; eh = (hi[b] + (c >> 31) + ((el >>> 0) < (x >>> 0) ? 1 : 0)) | 0; }
        if (checking && near8(eh, el, wHi, wLo7, wLen7, wAll) && core.access(eh, el, 8, K_STORE)) { stop = dawrStop(core); break loop; }
        if (!port.store(eh, el, 8, hi[a], lo[a])) { stop = segv(addrOf(eh, el), 'store of 8 bytes', base + off); break loop; }
        off += 4;
        if (port.codeDirty) { port.codeDirty = false; jumpPc = base + off; off = AWAY; }
        break;
      }
      case H.LBZ: case H.LHZ: case H.LWZ: case H.LDX: case H.LWZX: {
        const op = e0 & 0xffff;
        const size = op === H.LDX ? 8 : op === H.LBZ ? 1 : op === H.LHZ ? 2 : 4;
        const d = op === H.LDX || op === H.LWZX ? lo[c] : c;
        const dh = op === H.LDX || op === H.LWZX ? hi[c] : c >> 31;
        let eh: number, el: number;
        if (b === 0) { el = d; eh = dh; }
        else { const x = lo[b]; el = (x + d) | 0; eh = (hi[b] + dh + ((el >>> 0) < (x >>> 0) ? 1 : 0)) | 0; }
        if (checking && near(eh, el, size, wHi, wLo, wLen, wAll) && core.access(eh, el, size, K_LOAD)) { stop = dawrStop(core); break loop; }
        if (!port.load(eh, el, size)) { stop = segv(addrOf(eh, el), `load of ${size} bytes`, base + off); break loop; }
        lo[a] = port.vlo; hi[a] = port.vhi;
        off += 4;
        break;
      }
      case H.STB: case H.STH: case H.STW: case H.STDX: case H.STWX: {
        const op = e0 & 0xffff;
        const size = op === H.STDX ? 8 : op === H.STB ? 1 : op === H.STH ? 2 : 4;
        const d = op === H.STDX || op === H.STWX ? lo[c] : c;
        const dh = op === H.STDX || op === H.STWX ? hi[c] : c >> 31;
        let eh: number, el: number;
        if (b === 0) { el = d; eh = dh; }
        else { const x = lo[b]; el = (x + d) | 0; eh = (hi[b] + dh + ((el >>> 0) < (x >>> 0) ? 1 : 0)) | 0; }
        if (checking && near(eh, el, size, wHi, wLo, wLen, wAll) && core.access(eh, el, size, K_STORE)) { stop = dawrStop(core); break loop; }
        if (!port.store(eh, el, size, hi[a], lo[a])) { stop = segv(addrOf(eh, el), `store of ${size} bytes`, base + off); break loop; }
        off += 4;
        if (port.codeDirty) { port.codeDirty = false; jumpPc = base + off; off = AWAY; }
        break;
      }
      case H.RLWINM: {
        const s = lo[b & 31], sh = (b >> 8) & 31;
        const rot = sh === 0 ? s : (s << sh) | (s >>> (32 - sh));
        const rl = rot & c, rh = b & 0x10000 ? rot : 0;
        hi[a] = rh; lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.RLDICL: case H.RLDICR: {
        let sh = (b >> 8) & 63;
        let rh = hi[b & 31], rl = lo[b & 31];
        if (sh >= 32) { const x = rh; rh = rl; rl = x; sh -= 32; }
        if (sh !== 0) { const x = rh; rh = (rh << sh) | (rl >>> (32 - sh)); rl = (rl << sh) | (x >>> (32 - sh)); }
        if ((e0 & 0xffff) === H.RLDICL) {
          // keep bits c..63 (IBM numbering)
          if (c >= 32) { rh = 0; rl = c === 32 ? rl : rl & (0xffffffff >>> (c - 32)); }
          else if (c > 0) rh &= 0xffffffff >>> c;
        } else {
          // keep bits 0..c
          const n = c + 1;
          if (n <= 32) { rl = 0; if (n < 32) rh &= ~(0xffffffff >>> n); }
          else if (n < 64) rl &= ~(0xffffffff >>> (n - 32));
        }
        hi[a] = rh | 0; lo[a] = rl | 0;
        if (e0 & K.F_RC) setCr0(t, rh | 0, rl | 0);
        off += 4;
        break;
      }
      case H.MFSPR: {
        if (b === 8) { hi[a] = hi[K.LR]; lo[a] = lo[K.LR]; }
        else if (b === 9) { hi[a] = hi[K.CTR]; lo[a] = lo[K.CTR]; }
        else if (b === 1) { hi[a] = 0; lo[a] = t.xerNum; }
        else if (b === 256) { hi[a] = 0; lo[a] = t.vrsave; } // VRSAVE: 32 bits (qemu keeps 64)
        else if (b === 268 || b === 269) {
          // the time base (mftb): here the instruction count, so that runs stay deterministic
          const n = core.icount + steps;
          hi[a] = b === 268 ? (n / TWO32) | 0 : 0;
          lo[a] = b === 268 ? n | 0 : (n / TWO32) | 0;
        }
        else { stop = sigill(c, base + off, `mfspr of SPR ${b} is not available in user mode:`); break loop; }
        off += 4;
        break;
      }
      case H.MTSPR: {
        if (b === 8) { hi[K.LR] = hi[a]; lo[K.LR] = lo[a]; }
        else if (b === 9) { hi[K.CTR] = hi[a]; lo[K.CTR] = lo[a]; }
        else if (b === 1) t.xer = BigInt(lo[a] >>> 0);
        else if (b === 256) t.vrsave = lo[a];
        else { stop = sigill(c, base + off, `mtspr of SPR ${b} is not available in user mode:`); break loop; }
        off += 4;
        break;
      }
      case H.SC: {
        // sc (bit 1 set) or scv LEV (bit 0 set): scv puts the return address in LR (rfscv returns there)
        const vectored = (a & 3) === 1;
        off += 4;
        steps++;
        if (vectored) { const n = base + off; lo[K.LR] = n | 0; hi[K.LR] = (n / TWO32) | 0; }
        stop = vectored ? SCV : SC;
        break loop;
      }
      case H.ILLEGAL: {
        stop = sigill(a, base + off);
        break loop;
      }
      default: {
        const pc = base + off;
        t.pcNum = pc;
        const op = e0 & 0xffff;
        // the instruction families directly (execCold's frame is large: entering it costs), the
        // floating-point ones without even the family dispatch
        const r = op < FAMILY_BASE_ ? execCold(core, t, port, op, a, b, pc)
          : op >= FPF.FP && op < FPF.VSX_FP ? execFp(core, t, port, op - FPF.FP, a, b, pc)
          : op >= FPF.VSX_FP && op < FPF.END ? execVsxFp(core, t, port, op - FPF.VSX_FP, a, b, pc)
          : execFamily(core, t, port, op, a, b, pc);
        if (r === COLD_NEXT) off += 4;
        else if (r === COLD_NEXT8) off += 8;
        else if (r === COLD_JUMP) { jumpPc = t.pcNum; off = AWAY; }
        else { stop = core.pending!; break loop; }
        if (port.codeDirty) { port.codeDirty = false; jumpPc = base + off; off = AWAY; }
      }
    }
    steps++;
  }
  t.pcNum = off === AWAY ? jumpPc : base + off;
  core.icount += steps;
  core.codePage = page;
  core.codeBase = pageBase;
  core.codeMem = mem;
  core.codeGen = mem.generation;
  return stop ?? LIMIT;
}
