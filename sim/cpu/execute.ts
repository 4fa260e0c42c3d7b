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
import { K_LOAD, K_STORE, type CoreStop, type ExecCore } from './exec-core';
import { HOST_LE } from './data-port';
import * as Dec from './decode';
import { decodeInto } from './decode';
import { addrOf, segv, sigbus, sigill } from './fault';
import { R as I64, mul64, mulhs32, mulhs64 } from './int64';
import { mfsprOther, mtsprOther } from './isa/spr';
import { OP_INFO } from './ops';
import * as TS from './thread-state';
import type { ThreadState } from './thread-state';

/* The hot operations, with the same ids as in ops.ts (checked below). A file-local const enum so
   that the switch has literal cases (a jump table) even when files are compiled one by one. */
const enum H {
  ILLEGAL = 1,
  ADDI,
  ADDIS,
  ADD,
  SUBF,
  NEG,
  ORI,
  OR,
  AND,
  XOR,
  ANDI_RC,
  EXTSW,
  CMPI,
  CMP,
  CMPLI,
  CMPL,
  B,
  BC,
  BCLR,
  BCCTR,
  LBZ,
  LHZ,
  LWZ,
  LD,
  STB,
  STH,
  STW,
  STD,
  LDX,
  STDX,
  LWZX,
  STWX,
  RLWINM,
  RLDICL,
  RLDICR,
  MFSPR,
  MTSPR,
  SC,
  LHA,
  LWA,
  LBZX,
  LHZX,
  LHAX,
  LWAX,
  LBZU,
  LHZU,
  LHAU,
  LWZU,
  LDU,
  LBZUX,
  LHZUX,
  LHAUX,
  LWZUX,
  LWAUX,
  LDUX,
  STBX,
  STHX,
  STBU,
  STHU,
  STWU,
  STDU,
  STBUX,
  STHUX,
  STWUX,
  STDUX,
  ADDIC,
  ADDIC_RC,
  SUBFIC,
  MULLI,
  ADDC,
  ADDE,
  ADDZE,
  ADDME,
  SUBFC,
  SUBFE,
  SUBFZE,
  SUBFME,
  MULLW,
  MULLD,
  ORIS,
  XORI,
  XORIS,
  ANDIS_RC,
  ANDC,
  ORC,
  NAND,
  NOR,
  EQV,
  EXTSB,
  EXTSH,
  CNTLZW,
  CNTLZD,
  SLW,
  SRW,
  SRAW,
  SRAWI,
  SLD,
  SRD,
  SRAD,
  SRADI,
  RLWIMI,
  RLWNM,
  RLDIC,
  RLDIMI,
  RLDCL,
  RLDCR,
  MFCR,
  MFOCRF,
  MTCRF,
  MTOCRF,
}
const HOT_NAMES = [
  '',
  '.long',
  'addi',
  'addis',
  'add',
  'subf',
  'neg',
  'ori',
  'or',
  'and',
  'xor',
  'andi.',
  'extsw',
  'cmpi',
  'cmp',
  'cmpli',
  'cmpl',
  'b',
  'bc',
  'bclr',
  'bcctr',
  'lbz',
  'lhz',
  'lwz',
  'ld',
  'stb',
  'sth',
  'stw',
  'std',
  'ldx',
  'stdx',
  'lwzx',
  'stwx',
  'rlwinm',
  'rldicl',
  'rldicr',
  'mfspr',
  'mtspr',
  'sc',
  'lha',
  'lwa',
  'lbzx',
  'lhzx',
  'lhax',
  'lwax',
  'lbzu',
  'lhzu',
  'lhau',
  'lwzu',
  'ldu',
  'lbzux',
  'lhzux',
  'lhaux',
  'lwzux',
  'lwaux',
  'ldux',
  'stbx',
  'sthx',
  'stbu',
  'sthu',
  'stwu',
  'stdu',
  'stbux',
  'sthux',
  'stwux',
  'stdux',
  'addic',
  'addic.',
  'subfic',
  'mulli',
  'addc',
  'adde',
  'addze',
  'addme',
  'subfc',
  'subfe',
  'subfze',
  'subfme',
  'mullw',
  'mulld',
  'oris',
  'xori',
  'xoris',
  'andis.',
  'andc',
  'orc',
  'nand',
  'nor',
  'eqv',
  'extsb',
  'extsh',
  'cntlzw',
  'cntlzd',
  'slw',
  'srw',
  'sraw',
  'srawi',
  'sld',
  'srd',
  'srad',
  'sradi',
  'rlwimi',
  'rlwnm',
  'rldic',
  'rldimi',
  'rldcl',
  'rldcr',
  'mfcr',
  'mfocrf',
  'mtcrf',
  'mtocrf',
];
for (let i = 1; i < HOT_NAMES.length; i++) {
  if (OP_INFO[i]?.name !== HOT_NAMES[i])
    throw new Error(`execute.ts: hot op ${i} is ${OP_INFO[i]?.name}, expected ${HOT_NAMES[i]}`);
}

/* Constants the hot loop uses, as a local const enum: imported bindings compile to getter calls
   when files are transformed one by one (tsx), which costs more than the instruction itself. */
const enum K {
  F_RC = 1 << 16,
  F_OE = 1 << 17,
  F_LK = 1 << 18,
  F_AA = 1 << 19,
  F_L = 1 << 20,
  F_UPD = 1 << 21,
  F_SGN = 1 << 22,
  F_IDX = 1 << 23,
  SIZE_SHIFT = 24,
  LR = 32,
  CTR = 33,
  XER_SO = -0x80000000,
  XER_OV = 0x40000000,
  XER_OV32 = 0x00080000,
  XER_MASK = -0x1ff3ff81,
  XER_CA = 0x20000000,
  XER_CA32 = 0x00040000,
}
if (
  K.F_RC !== Dec.F_RC ||
  K.F_OE !== Dec.F_OE ||
  K.F_LK !== Dec.F_LK ||
  K.F_AA !== Dec.F_AA ||
  K.F_L !== Dec.F_L ||
  K.F_UPD !== Dec.F_UPD ||
  K.F_SGN !== Dec.F_SGN ||
  K.F_IDX !== Dec.F_IDX ||
  K.SIZE_SHIFT !== Dec.SIZE_SHIFT ||
  K.XER_CA !== TS.XER_CA ||
  K.XER_CA32 !== TS.XER_CA32 ||
  K.LR !== TS.LR ||
  K.CTR !== TS.CTR ||
  K.XER_SO !== (TS.XER_SO | 0) ||
  K.XER_OV !== TS.XER_OV ||
  K.XER_OV32 !== TS.XER_OV32 ||
  K.XER_MASK !== (TS.XER_MASK | 0)
) {
  throw new Error('execute.ts: local constants disagree with decode.ts/thread-state.ts');
}
/* The floating-point families' operation ids (isa/fp-defs.ts, isa/vsx-fp-defs.ts): frequent in
   numeric code, so they go to their executors directly instead of through execCold's dispatch. */
const enum FPF {
  FP = 2000,
  VSX_FP = 3000,
  END = 4000,
}
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
function dawrStop(core: ExecCore): CoreStop {
  const dar = core.dar;
  const last = lastDawrStop;
  if (last.kind === 'dawr' && last.dar === dar) return last;
  return (lastDawrStop = Object.freeze({ kind: 'dawr' as const, dar }));
}

/** MASK(mb, me) of the ISA (64 bits, IBM numbering, wrapping when mb > me): its high and low words. */
function mask64hi(mb: number, me: number): number {
  const from = mb >= 32 ? 0 : -1 >>> mb; // bits mb..31 of the high word
  const to = me >= 31 ? -1 : ~(-1 >>> (me + 1)); // bits 0..me
  return (mb <= me ? from & to : from | to) | 0;
}
function mask64lo(mb: number, me: number): number {
  const from = mb <= 32 ? -1 : -1 >>> (mb - 32);
  const to = me >= 63 ? -1 : me < 32 ? 0 : ~(-1 >>> (me - 31));
  return (mb <= me ? from & to : from | to) | 0;
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
  return all || (hi === wHi && (lo - wLo + size - 1) >>> 0 < wLen + size - 1);
}
/** near() for 8-byte accesses, with wLo - 7 and wLen + 7 computed once per run. */
function near8(hi: number, lo: number, wHi: number, wLo7: number, wLen7: number, all: boolean): boolean {
  return all || (hi === wHi && (lo - wLo7) >>> 0 < wLen7);
}
function relTarget(pc: number, disp: number): number {
  const x = pc + disp;
  return x >= 0 ? x : FAR;
}

/**
 * The second set of inline operations (carrying arithmetic, multiplies, logic, shifts, rotates, CR
 * moves): as frequent as a loop makes them, but kept out of runThread's own body, whose optimized
 * compilation grows with every case it holds (and happens while the program already runs).
 * Registers in 32-bit halves; no memory access, no stop: the caller goes on with the next word.
 */
function warmOp(t: ThreadState, e0: number, a: number, b: number, c: number): void {
  const hi = t.hi;
  const lo = t.lo;
  switch (e0 & 0xffff) {
    // ---- carrying arithmetic: x + y + carry-in on halves, CA/CA32 from the carries out of bits 0/32
    case H.ADDIC:
    case H.ADDIC_RC:
    case H.SUBFIC: {
      const op = e0 & 0xffff;
      let xl = lo[b],
        xh = hi[b];
      if (op === H.SUBFIC) {
        xl = ~xl;
        xh = ~xh;
      }
      const ls = (xl >>> 0) + (c >>> 0) + (op === H.SUBFIC ? 1 : 0);
      const c32 = ls >= TWO32 ? 1 : 0;
      const hs = (xh >>> 0) + ((c >> 31) >>> 0) + c32;
      const rl = ls | 0,
        rh = hs | 0;
      hi[a] = rh;
      lo[a] = rl;
      t.xerNum = (t.xerNum & ~(K.XER_CA | K.XER_CA32)) | (hs >= TWO32 ? K.XER_CA : 0) | (c32 ? K.XER_CA32 : 0);
      if (op === H.ADDIC_RC) setCr0(t, rh, rl);
      return;
    }
    case H.ADDC:
    case H.ADDE:
    case H.ADDZE:
    case H.ADDME:
    case H.SUBFC:
    case H.SUBFE:
    case H.SUBFZE:
    case H.SUBFME: {
      const op = e0 & 0xffff;
      const sub = op >= H.SUBFC;
      let xl = lo[b],
        xh = hi[b];
      if (sub) {
        xl = ~xl;
        xh = ~xh;
      }
      let yl: number, yh: number;
      if (op === H.ADDC || op === H.ADDE || op === H.SUBFC || op === H.SUBFE) {
        yl = lo[c];
        yh = hi[c];
      } else if (op === H.ADDME || op === H.SUBFME) {
        yl = -1;
        yh = -1;
      } else {
        yl = 0;
        yh = 0;
      }
      const cin = op === H.ADDC ? 0 : op === H.SUBFC ? 1 : (t.xerNum & K.XER_CA) !== 0 ? 1 : 0;
      const ls = (xl >>> 0) + (yl >>> 0) + cin;
      const c32 = ls >= TWO32 ? 1 : 0;
      const hs = (xh >>> 0) + (yh >>> 0) + c32;
      const rl = ls | 0,
        rh = hs | 0;
      hi[a] = rh;
      lo[a] = rl;
      t.xerNum = (t.xerNum & ~(K.XER_CA | K.XER_CA32)) | (hs >= TWO32 ? K.XER_CA : 0) | (c32 ? K.XER_CA32 : 0);
      if (e0 & K.F_OE) setOv(t, ((xh ^ rh) & (yh ^ rh)) < 0, ((xl ^ rl) & (yl ^ rl)) < 0);
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.MULLI: {
      mul64(hi[b], lo[b], c >> 31, c);
      hi[a] = I64[0];
      lo[a] = I64[1];
      return;
    }
    case H.MULLW: {
      const x = lo[b],
        y = lo[c];
      const rl = Math.imul(x, y),
        rh = mulhs32(x, y);
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_OE) {
        const ov = rh !== rl >> 31;
        setOv(t, ov, ov);
      }
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.MULLD: {
      const xh = hi[b],
        xl = lo[b],
        yh = hi[c],
        yl = lo[c];
      mul64(xh, xl, yh, yl);
      const rh = I64[0],
        rl = I64[1];
      if (e0 & K.F_OE) {
        mulhs64(xh, xl, yh, yl);
        const ov = I64[0] !== rh >> 31 || I64[1] !== rh >> 31;
        setOv(t, ov, ov);
      }
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    // ---- logic
    case H.ORIS:
      lo[a] = lo[b] | c;
      hi[a] = hi[b];
      return;
    case H.XORI:
    case H.XORIS:
      lo[a] = lo[b] ^ c;
      hi[a] = hi[b];
      return;
    case H.ANDIS_RC: {
      const rl = lo[b] & c;
      hi[a] = 0;
      lo[a] = rl;
      setCr0(t, 0, rl);
      return;
    }
    case H.ANDC:
    case H.ORC:
    case H.NAND:
    case H.NOR:
    case H.EQV: {
      const op = e0 & 0xffff;
      const xh = hi[b],
        xl = lo[b],
        yh = hi[c],
        yl = lo[c];
      let rh: number, rl: number;
      if (op === H.ANDC) {
        rh = xh & ~yh;
        rl = xl & ~yl;
      } else if (op === H.ORC) {
        rh = xh | ~yh;
        rl = xl | ~yl;
      } else if (op === H.NAND) {
        rh = ~(xh & yh);
        rl = ~(xl & yl);
      } else if (op === H.NOR) {
        rh = ~(xh | yh);
        rl = ~(xl | yl);
      } else {
        rh = ~(xh ^ yh);
        rl = ~(xl ^ yl);
      }
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.EXTSB:
    case H.EXTSH: {
      const rl = (e0 & 0xffff) === H.EXTSB ? (lo[b] << 24) >> 24 : (lo[b] << 16) >> 16,
        rh = rl >> 31;
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.CNTLZW:
    case H.CNTLZD: {
      const h = hi[b];
      const r = (e0 & 0xffff) === H.CNTLZW ? Math.clz32(lo[b]) : h !== 0 ? Math.clz32(h) : 32 + Math.clz32(lo[b]);
      hi[a] = 0;
      lo[a] = r;
      if (e0 & K.F_RC) setCr0(t, 0, r);
      return;
    }
    // ---- shifts (a shift by 32/64 or more gives 0, or the sign for the algebraic ones)
    case H.SLW:
    case H.SRW: {
      const n = lo[c] & 63,
        x = lo[b];
      const rl = n & 32 ? 0 : (e0 & 0xffff) === H.SLW ? x << n : x >>> n;
      hi[a] = 0;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, 0, rl);
      return;
    }
    case H.SRAW:
    case H.SRAWI: {
      const n = (e0 & 0xffff) === H.SRAWI ? c : lo[c] & 63;
      const x = lo[b];
      let rl: number, lost: boolean;
      if (n & 32) {
        rl = x >> 31;
        lost = x !== 0;
      } else {
        rl = x >> n;
        lost = n !== 0 && (x & ((1 << n) - 1)) !== 0;
      }
      const ca = x < 0 && lost;
      const rh = rl >> 31;
      hi[a] = rh;
      lo[a] = rl;
      t.xerNum = (t.xerNum & ~(K.XER_CA | K.XER_CA32)) | (ca ? K.XER_CA | K.XER_CA32 : 0);
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.SLD:
    case H.SRD: {
      const n = lo[c] & 127,
        xh = hi[b],
        xl = lo[b];
      let rh = 0,
        rl = 0;
      if (n < 64) {
        if ((e0 & 0xffff) === H.SLD) {
          if (n === 0) {
            rh = xh;
            rl = xl;
          } else if (n < 32) {
            rh = (xh << n) | (xl >>> (32 - n));
            rl = xl << n;
          } else {
            rh = xl << (n - 32);
            rl = 0;
          }
        } else if (n === 0) {
          rh = xh;
          rl = xl;
        } else if (n < 32) {
          rl = (xl >>> n) | (xh << (32 - n));
          rh = xh >>> n;
        } else {
          rl = xh >>> (n - 32);
          rh = 0;
        }
      }
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.SRAD:
    case H.SRADI: {
      const n = (e0 & 0xffff) === H.SRADI ? c : lo[c] & 127;
      const xh = hi[b],
        xl = lo[b];
      let rh: number, rl: number, lost: boolean;
      if (n & 64) {
        rh = xh >> 31;
        rl = rh;
        lost = (xh | xl) !== 0;
      } else if (n === 0) {
        rh = xh;
        rl = xl;
        lost = false;
      } else if (n < 32) {
        rl = (xl >>> n) | (xh << (32 - n));
        rh = xh >> n;
        lost = (xl & ((1 << n) - 1)) !== 0;
      } else {
        rl = xh >> (n - 32);
        rh = xh >> 31;
        lost = xl !== 0 || (n > 32 && (xh & ((1 << (n - 32)) - 1)) !== 0);
      }
      const ca = xh < 0 && lost;
      hi[a] = rh;
      lo[a] = rl;
      t.xerNum = (t.xerNum & ~(K.XER_CA | K.XER_CA32)) | (ca ? K.XER_CA | K.XER_CA32 : 0);
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    // ---- rotates with a mask (the word rotates see the word doubled: both halves rotated alike)
    case H.RLWIMI:
    case H.RLWNM: {
      const x = lo[b & 31];
      const sh = (e0 & 0xffff) === H.RLWNM ? lo[(b >> 8) & 31] & 31 : (b >> 8) & 31;
      const rot = sh === 0 ? x : (x << sh) | (x >>> (32 - sh));
      const wrap = (b & 0x10000) !== 0;
      let rh: number, rl: number;
      if ((e0 & 0xffff) === H.RLWNM) {
        rl = rot & c;
        rh = wrap ? rot : 0;
      } else {
        rl = (rot & c) | (lo[a] & ~c);
        rh = wrap ? rot : hi[a];
      }
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    case H.RLDIC:
    case H.RLDIMI:
    case H.RLDCL:
    case H.RLDCR: {
      const op = e0 & 0xffff;
      const sh = op === H.RLDCL || op === H.RLDCR ? lo[(b >> 8) & 31] & 63 : (b >> 8) & 63;
      let rh = hi[b & 31],
        rl = lo[b & 31];
      let k = sh;
      if (k >= 32) {
        const x = rh;
        rh = rl;
        rl = x;
        k -= 32;
      }
      if (k !== 0) {
        const x = rh;
        rh = (rh << k) | (rl >>> (32 - k));
        rl = (rl << k) | (x >>> (32 - k));
      }
      // MASK(mb, me) with mb = c (rldic, rldimi: me = 63 - sh; rldcl: me = 63) or MASK(0, c) (rldcr)
      const mb = op === H.RLDCR ? 0 : c;
      const me = op === H.RLDCR ? c : op === H.RLDCL ? 63 : 63 - sh;
      const mh = mask64hi(mb, me),
        ml = mask64lo(mb, me);
      if (op === H.RLDIMI) {
        rh = (rh & mh) | (hi[a] & ~mh);
        rl = (rl & ml) | (lo[a] & ~ml);
      } else {
        rh &= mh;
        rl &= ml;
      }
      hi[a] = rh;
      lo[a] = rl;
      if (e0 & K.F_RC) setCr0(t, rh, rl);
      return;
    }
    // ---- condition register moves (c: the FXM fields as a mask; mfcr: all)
    case H.MFCR:
    case H.MFOCRF:
      hi[a] = 0;
      lo[a] = t.crNum & c;
      return;
    case H.MTCRF:
    case H.MTOCRF:
      t.crNum = (t.crNum & ~c) | (lo[a] & c);
      return;
  }
}

export function runThread(core: ExecCore, t: ThreadState, mem: AddressSpace, maxSteps: number): CoreStop {
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
  // (read once per run: the loop tests them per instruction)
  const hostLE = HOST_LE;
  const familyBase = FAMILY_BASE;
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
        if (b === 0) {
          lo[a] = c;
          hi[a] = c >> 31;
        } else {
          const x = lo[b];
          const r = (x + c) | 0;
          hi[a] = (hi[b] + (c >> 31) + (r >>> 0 < x >>> 0 ? 1 : 0)) | 0;
          lo[a] = r;
        }
        off += 4;
        break;
      }
      case H.ADDIS: {
        // c = imm << 16: the low half of the addend is 0
        if (b === 0) {
          lo[a] = c;
          hi[a] = c >> 31;
        } else {
          const x = lo[b];
          hi[a] = (hi[b] + (c >> 31) + (((x + c) | 0) >>> 0 < x >>> 0 ? 1 : 0)) | 0;
          lo[a] = (x + c) | 0;
        }
        off += 4;
        break;
      }
      case H.ADD: {
        const xl = lo[b],
          xh = hi[b],
          yl = lo[c],
          yh = hi[c];
        const rl = (xl + yl) | 0;
        const rh = (xh + yh + (rl >>> 0 < xl >>> 0 ? 1 : 0)) | 0;
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_OE) setOv(t, ((xh ^ rh) & (yh ^ rh)) < 0, ((xl ^ rl) & (yl ^ rl)) < 0);
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.SUBF: {
        // rt = rb - ra
        const xl = lo[c],
          xh = hi[c],
          yl = lo[b],
          yh = hi[b];
        const rl = (xl - yl) | 0;
        const rh = (xh - yh - (xl >>> 0 < yl >>> 0 ? 1 : 0)) | 0;
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_OE) setOv(t, ((xh ^ yh) & (xh ^ rh)) < 0, ((xl ^ yl) & (xl ^ rl)) < 0);
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.NEG: {
        const yl = lo[b],
          yh = hi[b];
        const rl = (0 - yl) | 0;
        const rh = (0 - yh - (yl !== 0 ? 1 : 0)) | 0;
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_OE) setOv(t, (yh & rh) < 0, (yl & rl) < 0);
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.ORI:
        lo[a] = lo[b] | c;
        hi[a] = hi[b];
        off += 4;
        break;
      case H.OR: {
        const rh = hi[b] | hi[c],
          rl = lo[b] | lo[c];
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.AND: {
        const rh = hi[b] & hi[c],
          rl = lo[b] & lo[c];
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.XOR: {
        const rh = hi[b] ^ hi[c],
          rl = lo[b] ^ lo[c];
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.ANDI_RC: {
        const rl = lo[b] & c;
        hi[a] = 0;
        lo[a] = rl;
        setCr0(t, 0, rl);
        off += 4;
        break;
      }
      case H.EXTSW: {
        const rl = lo[b],
          rh = rl >> 31;
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.CMPI:
      case H.CMP:
      case H.CMPLI:
      case H.CMPL: {
        const op = e0 & 0xffff;
        const xl = lo[b];
        let yl: number, yh: number;
        if (op === H.CMP || op === H.CMPL) {
          yl = lo[c];
          yh = hi[c];
        } else {
          yl = c;
          yh = op === H.CMPI ? c >> 31 : 0;
        }
        let r: number;
        const signed = op === H.CMPI || op === H.CMP;
        if (e0 & K.F_L) {
          const xh = hi[b];
          if (xh !== yh) r = (signed ? xh < yh : xh >>> 0 < yh >>> 0) ? 8 : 4;
          else r = xl === yl ? 2 : xl >>> 0 < yl >>> 0 ? 8 : 4;
        } else if (signed) r = xl === yl ? 2 : xl < yl ? 8 : 4;
        else r = xl === yl ? 2 : xl >>> 0 < yl >>> 0 ? 8 : 4;
        const sh = 28 - 4 * a;
        t.crNum = (t.crNum & ~(15 << sh)) | ((r | (t.xerNum < 0 ? 1 : 0)) << sh);
        off += 4;
        break;
      }
      case H.B: {
        const pc = base + off;
        if (e0 & K.F_LK) {
          const n = pc + 4;
          lo[K.LR] = n | 0;
          hi[K.LR] = (n / TWO32) | 0;
        }
        const no = off + a; // relative: stay in integers while on this page
        if ((e0 & K.F_AA) === 0 && no >= 0 && no < 4096) {
          off = no;
          break;
        }
        const np = e0 & K.F_AA ? (a >= 0 ? a : FAR) : relTarget(pc, a);
        const d = np - base;
        if (d >= 0 && d < 4096) off = d | 0;
        else {
          jumpPc = np;
          off = AWAY;
        }
        break;
      }
      case H.BC:
      case H.BCLR:
      case H.BCCTR: {
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
          if (no >= 0 && no < 4096) {
            off = no;
            break;
          }
        }
        if (ok) {
          const pc = base + off;
          let np: number;
          if (op === H.BC) np = e0 & K.F_AA ? (c >= 0 ? c : FAR) : relTarget(pc, c);
          else if (op === H.BCLR) np = target(hi[K.LR], lo[K.LR]);
          else np = target(hi[K.CTR], lo[K.CTR]);
          if (e0 & K.F_LK) {
            const n = pc + 4;
            lo[K.LR] = n | 0;
            hi[K.LR] = (n / TWO32) | 0;
          }
          const d = np - base;
          if (d >= 0 && d < 4096) off = d | 0;
          else {
            jumpPc = np;
            off = AWAY;
          }
        } else {
          if (e0 & K.F_LK) {
            const n = base + off + 4;
            lo[K.LR] = n | 0;
            hi[K.LR] = (n / TWO32) | 0;
          }
          off += 4;
        }
        break;
      }
      case H.LD: {
        // the most common access, with its size constant so the port's switch folds away
        let eh: number, el: number;
        if (b === 0) {
          el = c;
          eh = c >> 31;
        } else {
          const x = lo[b];
          el = (x + c) | 0;
          eh = (hi[b] + (c >> 31) + (el >>> 0 < x >>> 0 ? 1 : 0)) | 0;
        }
        if (checking && near8(eh, el, wHi, wLo7, wLen7, wAll) && core.access(eh, el, 8, K_LOAD)) {
          stop = dawrStop(core);
          break loop;
        }
        const o = el & 4095;
        const lp = el >>> 12;
        if (
          ((lp === port.rlp && eh === port.rhi) || (lp === port.rlp2 && eh === port.rhi2)) &&
          (o & 7) === 0 &&
          hostLE
        ) {
          // one of the port's two read pages, aligned: straight from its words (the port's fast path, inline)
          const words = lp === port.rlp && eh === port.rhi ? port.rwords : port.rwords2;
          lo[a] = words[o >> 2];
          hi[a] = words[(o >> 2) + 1];
        } else {
          if (!port.load(eh, el, 8)) {
            stop = segv(addrOf(eh, el), 'load of 8 bytes', base + off);
            break loop;
          }
          lo[a] = port.vlo;
          hi[a] = port.vhi;
        }
        off += 4;
        break;
      }
      case H.STD: {
        let eh: number, el: number;
        if (b === 0) {
          el = c;
          eh = c >> 31;
        } else {
          const x = lo[b];
          el = (x + c) | 0;
          eh = (hi[b] + (c >> 31) + (el >>> 0 < x >>> 0 ? 1 : 0)) | 0;
        }
        if (checking && near8(eh, el, wHi, wLo7, wLen7, wAll) && core.access(eh, el, 8, K_STORE)) {
          stop = dawrStop(core);
          break loop;
        }
        if (!port.store(eh, el, 8, hi[a], lo[a])) {
          stop = segv(addrOf(eh, el), 'store of 8 bytes', base + off);
          break loop;
        }
        off += 4;
        if (port.codeDirty) {
          port.codeDirty = false;
          jumpPc = base + off;
          off = AWAY;
        }
        break;
      }
      case H.LBZ:
      case H.LHZ:
      case H.LWZ:
      case H.LDX:
      case H.LWZX:
      case H.LHA:
      case H.LWA:
      case H.LBZX:
      case H.LHZX:
      case H.LHAX:
      case H.LWAX:
      case H.LBZU:
      case H.LHZU:
      case H.LHAU:
      case H.LWZU:
      case H.LDU:
      case H.LBZUX:
      case H.LHZUX:
      case H.LHAUX:
      case H.LWZUX:
      case H.LWAUX:
      case H.LDUX: {
        // every load but ld: size, sign extension, update and indexed form from the decoded flags
        const size = (e0 >>> K.SIZE_SHIFT) & 15;
        let dl: number, dh: number;
        if (e0 & K.F_IDX) {
          dl = lo[c];
          dh = hi[c];
        } else {
          dl = c;
          dh = c >> 31;
        }
        if (e0 & K.F_UPD && (b === 0 || b === a)) {
          stop = sigill(page!.view.getInt32(off, true), base + off, 'invalid form of');
          break loop;
        }
        let eh: number, el: number;
        if (b === 0) {
          el = dl;
          eh = dh;
        } else {
          const x = lo[b];
          el = (x + dl) | 0;
          eh = (hi[b] + dh + (el >>> 0 < x >>> 0 ? 1 : 0)) | 0;
        }
        if (checking && near(eh, el, size, wHi, wLo, wLen, wAll) && core.access(eh, el, size, K_LOAD)) {
          stop = dawrStop(core);
          break loop;
        }
        let vl: number,
          vh = 0;
        const o = el & 4095;
        const lp = el >>> 12;
        const first = lp === port.rlp && eh === port.rhi;
        if ((first || (lp === port.rlp2 && eh === port.rhi2)) && o + size <= 4096) {
          // on one of the port's two read pages: read here (the port's fast path, inline)
          const v = first ? port.rview : port.rview2;
          if (size === 1) vl = v.getUint8(o);
          else if (size === 2) vl = v.getUint16(o, true);
          else if (size === 4) vl = v.getInt32(o, true);
          else {
            vl = v.getInt32(o, true);
            vh = v.getInt32(o + 4, true);
          }
        } else {
          if (!port.load(eh, el, size)) {
            stop = segv(addrOf(eh, el), `load of ${size} bytes`, base + off);
            break loop;
          }
          vl = port.vlo;
          vh = port.vhi;
        }
        if (e0 & K.F_SGN) {
          if (size === 2) vl = (vl << 16) >> 16;
          vh = vl >> 31;
        }
        lo[a] = vl;
        hi[a] = vh;
        if (e0 & K.F_UPD) {
          hi[b] = eh;
          lo[b] = el;
        }
        off += 4;
        break;
      }
      case H.STB:
      case H.STH:
      case H.STW:
      case H.STDX:
      case H.STWX:
      case H.STBX:
      case H.STHX:
      case H.STBU:
      case H.STHU:
      case H.STWU:
      case H.STDU:
      case H.STBUX:
      case H.STHUX:
      case H.STWUX:
      case H.STDUX: {
        const size = (e0 >>> K.SIZE_SHIFT) & 15;
        let dl: number, dh: number;
        if (e0 & K.F_IDX) {
          dl = lo[c];
          dh = hi[c];
        } else {
          dl = c;
          dh = c >> 31;
        }
        if (e0 & K.F_UPD && b === 0) {
          stop = sigill(page!.view.getInt32(off, true), base + off, 'invalid form of');
          break loop;
        }
        let eh: number, el: number;
        if (b === 0) {
          el = dl;
          eh = dh;
        } else {
          const x = lo[b];
          el = (x + dl) | 0;
          eh = (hi[b] + dh + (el >>> 0 < x >>> 0 ? 1 : 0)) | 0;
        }
        if (checking && near(eh, el, size, wHi, wLo, wLen, wAll) && core.access(eh, el, size, K_STORE)) {
          stop = dawrStop(core);
          break loop;
        }
        if (!port.store(eh, el, size, hi[a], lo[a])) {
          stop = segv(addrOf(eh, el), `store of ${size} bytes`, base + off);
          break loop;
        }
        if (e0 & K.F_UPD) {
          hi[b] = eh;
          lo[b] = el;
        }
        off += 4;
        if (port.codeDirty) {
          port.codeDirty = false;
          jumpPc = base + off;
          off = AWAY;
        }
        break;
      }
      case H.ADDIC:
      case H.ADDIC_RC:
      case H.SUBFIC:
      case H.ADDC:
      case H.ADDE:
      case H.ADDZE:
      case H.ADDME:
      case H.SUBFC:
      case H.SUBFE:
      case H.SUBFZE:
      case H.SUBFME:
      case H.MULLI:
      case H.MULLW:
      case H.MULLD:
      case H.ORIS:
      case H.XORI:
      case H.XORIS:
      case H.ANDIS_RC:
      case H.ANDC:
      case H.ORC:
      case H.NAND:
      case H.NOR:
      case H.EQV:
      case H.EXTSB:
      case H.EXTSH:
      case H.CNTLZW:
      case H.CNTLZD:
      case H.SLW:
      case H.SRW:
      case H.SRAW:
      case H.SRAWI:
      case H.SLD:
      case H.SRD:
      case H.SRAD:
      case H.SRADI:
      case H.RLWIMI:
      case H.RLWNM:
      case H.RLDIC:
      case H.RLDIMI:
      case H.RLDCL:
      case H.RLDCR:
      case H.MFCR:
      case H.MFOCRF:
      case H.MTCRF:
      case H.MTOCRF:
        warmOp(t, e0, a, b, c);
        off += 4;
        break;
      case H.RLWINM: {
        const s = lo[b & 31],
          sh = (b >> 8) & 31;
        const rot = sh === 0 ? s : (s << sh) | (s >>> (32 - sh));
        const rl = rot & c,
          rh = b & 0x10000 ? rot : 0;
        hi[a] = rh;
        lo[a] = rl;
        if (e0 & K.F_RC) setCr0(t, rh, rl);
        off += 4;
        break;
      }
      case H.RLDICL:
      case H.RLDICR: {
        let sh = (b >> 8) & 63;
        let rh = hi[b & 31],
          rl = lo[b & 31];
        if (sh >= 32) {
          const x = rh;
          rh = rl;
          rl = x;
          sh -= 32;
        }
        if (sh !== 0) {
          const x = rh;
          rh = (rh << sh) | (rl >>> (32 - sh));
          rl = (rl << sh) | (x >>> (32 - sh));
        }
        if ((e0 & 0xffff) === H.RLDICL) {
          // keep bits c..63 (IBM numbering)
          if (c >= 32) {
            rh = 0;
            rl = c === 32 ? rl : rl & (0xffffffff >>> (c - 32));
          } else if (c > 0) rh &= 0xffffffff >>> c;
        } else {
          // keep bits 0..c
          const n = c + 1;
          if (n <= 32) {
            rl = 0;
            if (n < 32) rh &= ~(0xffffffff >>> n);
          } else if (n < 64) rl &= ~(0xffffffff >>> (n - 32));
        }
        hi[a] = rh | 0;
        lo[a] = rl | 0;
        if (e0 & K.F_RC) setCr0(t, rh | 0, rl | 0);
        off += 4;
        break;
      }
      case H.MFSPR: {
        if (b === 8) {
          hi[a] = hi[K.LR];
          lo[a] = lo[K.LR];
        } else if (b === 9) {
          hi[a] = hi[K.CTR];
          lo[a] = lo[K.CTR];
        } else if (b === 1) {
          hi[a] = 0;
          lo[a] = t.xerNum;
        } else if (b === 256) {
          hi[a] = 0;
          lo[a] = t.vrsave;
        } // VRSAVE: 32 bits (qemu keeps 64)
        else if (b === 268 || b === 269) {
          // the time base (mftb): here the instruction count, so that runs stay deterministic
          const n = core.icount + steps;
          hi[a] = b === 268 ? (n / TWO32) | 0 : 0;
          lo[a] = b === 268 ? n | 0 : (n / TWO32) | 0;
        } else if (!mfsprOther(core, t, a, b, c, base + off)) {
          stop = core.pending!;
          break loop;
        }
        off += 4;
        break;
      }
      case H.MTSPR: {
        if (b === 8) {
          hi[K.LR] = hi[a];
          lo[K.LR] = lo[a];
        } else if (b === 9) {
          hi[K.CTR] = hi[a];
          lo[K.CTR] = lo[a];
        } else if (b === 1) t.xerNum = lo[a] & K.XER_MASK;
        else if (!mtsprOther(core, t, a, b, c, base + off)) {
          stop = core.pending!;
          break loop;
        }
        off += 4;
        break;
      }
      case H.SC: {
        // sc (bit 1 set) or scv LEV (bit 0 set): scv puts the return address in LR (rfscv returns there)
        const vectored = (a & 3) === 1;
        off += 4;
        steps++;
        if (vectored) {
          const n = base + off;
          lo[K.LR] = n | 0;
          hi[K.LR] = (n / TWO32) | 0;
        }
        stop = vectored ? SCV : SC;
        break loop;
      }
      case H.ILLEGAL: {
        // a prefix whose instruction would cross a 64-byte boundary is an alignment interrupt
        // before anything else (its suffix may not even be fetched): SIGBUS, as qemu and Linux
        if (a >>> 26 === 1 && (off & 63) === 60)
          stop = sigbus(BigInt(base + off), 'prefixed instruction crossing a 64-byte boundary', base + off);
        else stop = sigill(a, base + off);
        break loop;
      }
      default: {
        const pc = base + off;
        t.pcNum = pc;
        const op = e0 & 0xffff;
        // the instruction families directly (execCold's frame is large: entering it costs), the
        // floating-point ones without even the family dispatch
        const r =
          op < familyBase
            ? execCold(core, t, port, op, a, b, pc)
            : op >= FPF.FP && op < FPF.VSX_FP
              ? execFp(core, t, port, op - FPF.FP, a, b, pc)
              : op >= FPF.VSX_FP && op < FPF.END
                ? execVsxFp(core, t, port, op - FPF.VSX_FP, a, b, pc)
                : execFamily(core, t, port, op, a, b, pc);
        if (r === COLD_NEXT) off += 4;
        else if (r === COLD_NEXT8) off += 8;
        else if (r === COLD_JUMP) {
          jumpPc = t.pcNum;
          off = AWAY;
        } else {
          stop = core.pending!;
          break loop;
        }
        if (port.codeDirty) {
          port.codeDirty = false;
          jumpPc = base + off;
          off = AWAY;
        }
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
