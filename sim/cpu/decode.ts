// The decoder: instruction word -> operation id (from the OPS table) and, for the operations the
// hot loop executes inline, their fields extracted once into a compact entry of 4 ints:
//   [op | flags, a, b, c]
// Other operations keep the raw word in `a` and extract their own fields when they execute.
import { decodeFamily } from './isa/families';
import { OPS, Op, type XoKind } from './ops';

export const F_RC = 1 << 16; // record form: set CR0
export const F_OE = 1 << 17; // overflow form: set XER OV/OV32/SO
export const F_LK = 1 << 18; // branch and link
export const F_AA = 1 << 19; // absolute branch target
export const F_L = 1 << 20; // 64-bit compare
// loads and stores: the access's form, and its size (1, 2, 4, 8) in bits 24-27
export const F_UPD = 1 << 21; // update form: RA := EA
export const F_SGN = 1 << 22; // sign-extending load
export const F_IDX = 1 << 23; // X form: EA = (RA|0) + RB
export const SIZE_SHIFT = 24;
export const OP_MASK = 0xffff;

const primaryOp = new Int16Array(64);
const primaryKind: (XoKind | undefined)[] = new Array(64);
const sub = new Map<number, Int16Array>();
for (const i of OPS) {
  primaryKind[i.primary] = i.xoKind;
  if (i.xoKind === 'mask') continue; // family rows: decodeFamily
  if (i.xoKind === 'none') {
    primaryOp[i.primary] = i.op;
    continue;
  }
  let tab = sub.get(i.primary);
  if (!tab) sub.set(i.primary, (tab = new Int16Array(1024)));
  if (i.xoKind === 'xs9') {
    // sradi: a 9-bit opcode above the sh5 bit, so both 10-bit indexes
    tab[i.xo << 1] = i.op;
    tab[(i.xo << 1) | 1] = i.op;
    continue;
  }
  tab[i.xo] = i.op;
  if (i.xoKind === 'xo9') tab[i.xo | 0x200] = i.op;
}
const t19 = sub.get(19)!;
const t31 = sub.get(31)!;
const t30 = sub.get(30)!;
const t58 = sub.get(58)!;
const t62 = sub.get(62)!;

/** The operation of an instruction word (Op.ILLEGAL when it is none we know); `next` is the word
 * after it, which a prefixed (8-byte) instruction needs. */
export function decodeOp(word: number, next = 0): Op {
  const w = word | 0;
  const p = w >>> 26;
  let op: number;
  switch (p) {
    case 19:
      op = t19[(w >>> 1) & 0x3ff];
      break;
    case 31: {
      // sradi's 9-bit opcode is stored at xo<<1 (both sh5 values); everything else is a 10-bit X opcode.
      op = t31[(w >>> 1) & 0x3ff];
      if (op === Op.MFCR && (w & 0x00100000) !== 0) op = Op.MFOCRF;
      else if (op === Op.MTCRF && (w & 0x00100000) !== 0) op = Op.MTOCRF;
      break;
    }
    case 30: {
      const m = (w >>> 2) & 7; // MD forms 0-3; MDS forms have 4 here and their opcode in bits 27-30
      op = m < 4 ? t30[m] : t30[(w >>> 1) & 0xf];
      break;
    }
    case 58:
      op = t58[w & 3];
      break;
    case 62:
      op = t62[w & 3];
      break;
    default:
      op = primaryKind[p] === 'none' ? primaryOp[p] : 0;
  }
  if (op === 0) op = decodeFamily(w, next);
  return op === 0 ? Op.ILLEGAL : (op as Op);
}

const sext16 = (w: number) => (w << 16) >> 16;

/** A 32-bit mask with ones from IBM bit mb to me (wrapping when mb > me). */
export function mask32(mb: number, me: number): number {
  const a = 0xffffffff >>> mb;
  const b = me === 31 ? 0xffffffff : ~(0xffffffff >>> (me + 1));
  return mb <= me ? a & b : a | b;
}

/** The access flags of a load or store of the core set (size, sign, update, indexed), by op. */
const ACCESS_FLAGS = new Int32Array(Op.COUNT);
for (const i of OPS) {
  const acc = i.access;
  if (!acc || (acc.kind !== 'load' && acc.kind !== 'store') || acc.size > 8) continue;
  ACCESS_FLAGS[i.op] =
    (acc.size << SIZE_SHIFT) | (acc.signed ? F_SGN : 0) | (acc.update ? F_UPD : 0) | (acc.ea === 'X' ? F_IDX : 0);
}

/** CR mask of an FXM field (mtcrf, mfocrf): field i (cr0 first) for bit 0x80 >> i. */
function fxmMask(fxm: number): number {
  let m = 0;
  for (let i = 0; i < 8; i++) if (fxm & (0x80 >> i)) m |= 0xf0000000 >>> (4 * i);
  return m | 0;
}

/** Fills entry `off` of a page's decoded array for `word` (and `next`, the word after it). */
export function decodeInto(dec: Int32Array, off: number, word: number, next = 0): void {
  const w = word | 0;
  const op = decodeOp(w, next);
  const rt = (w >>> 21) & 31;
  const ra = (w >>> 16) & 31;
  const rb = (w >>> 11) & 31;
  let e0: number = op;
  let a = w;
  let b = next | 0; // (a prefixed instruction's suffix, for the cold path)
  let c = 0;
  switch (op) {
    case Op.ADDI:
      a = rt;
      b = ra;
      c = sext16(w);
      break;
    case Op.LBZ:
    case Op.LHZ:
    case Op.LWZ:
    case Op.STB:
    case Op.STH:
    case Op.STW:
    case Op.LHA:
    case Op.LBZU:
    case Op.LHZU:
    case Op.LHAU:
    case Op.LWZU:
    case Op.STBU:
    case Op.STHU:
    case Op.STWU:
      a = rt;
      b = ra;
      c = sext16(w);
      e0 |= ACCESS_FLAGS[op];
      break;
    case Op.LD:
    case Op.STD:
    case Op.LWA:
    case Op.LDU:
    case Op.STDU:
      a = rt;
      b = ra;
      c = sext16(w & 0xfffc);
      e0 |= ACCESS_FLAGS[op];
      break;
    case Op.LDX:
    case Op.STDX:
    case Op.LWZX:
    case Op.STWX:
    case Op.LBZX:
    case Op.LHZX:
    case Op.LHAX:
    case Op.LWAX:
    case Op.LBZUX:
    case Op.LHZUX:
    case Op.LHAUX:
    case Op.LWZUX:
    case Op.LWAUX:
    case Op.LDUX:
    case Op.STBX:
    case Op.STHX:
    case Op.STBUX:
    case Op.STHUX:
    case Op.STWUX:
    case Op.STDUX:
      a = rt;
      b = ra;
      c = rb;
      e0 |= ACCESS_FLAGS[op];
      break;
    case Op.ADDIC:
    case Op.ADDIC_RC:
    case Op.SUBFIC:
    case Op.MULLI:
      a = rt;
      b = ra;
      c = sext16(w);
      break;
    case Op.ADDC:
    case Op.ADDE:
    case Op.ADDZE:
    case Op.ADDME:
    case Op.SUBFC:
    case Op.SUBFE:
    case Op.SUBFZE:
    case Op.SUBFME:
    case Op.MULLW:
    case Op.MULLD:
      a = rt;
      b = ra;
      c = rb;
      e0 |= (w & 1 ? F_RC : 0) | (w & 0x400 ? F_OE : 0);
      break;
    case Op.ORIS:
    case Op.XORIS:
    case Op.ANDIS_RC:
      a = ra;
      b = rt;
      c = w << 16;
      break;
    case Op.XORI:
      a = ra;
      b = rt;
      c = w & 0xffff;
      break;
    case Op.ANDC:
    case Op.ORC:
    case Op.NAND:
    case Op.NOR:
    case Op.EQV:
    case Op.EXTSB:
    case Op.EXTSH:
    case Op.CNTLZW:
    case Op.CNTLZD:
    case Op.SLW:
    case Op.SRW:
    case Op.SRAW:
    case Op.SLD:
    case Op.SRD:
    case Op.SRAD:
      a = ra;
      b = rt;
      c = rb;
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.SRAWI:
      a = ra;
      b = rt;
      c = rb;
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.SRADI:
      a = ra;
      b = rt;
      c = rb | ((w & 2) << 4);
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.RLWIMI:
    case Op.RLWNM: {
      const mb = (w >>> 6) & 31,
        me = (w >>> 1) & 31;
      a = ra;
      b = rt | (rb << 8) | (mb > me ? 1 << 16 : 0);
      c = mask32(mb, me);
      e0 |= w & 1 ? F_RC : 0;
      break;
    }
    case Op.RLDIC:
    case Op.RLDIMI:
      a = ra;
      b = rt | ((rb | (((w >>> 1) & 1) << 5)) << 8);
      c = ((w >>> 6) & 31) | (((w >>> 5) & 1) << 5);
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.RLDCL:
    case Op.RLDCR:
      a = ra;
      b = rt | (rb << 8);
      c = ((w >>> 6) & 31) | (((w >>> 5) & 1) << 5);
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.MFCR:
      a = rt;
      c = -1;
      break;
    case Op.MFOCRF:
    case Op.MTCRF:
    case Op.MTOCRF:
      a = rt;
      c = fxmMask((w >>> 12) & 0xff);
      break;
    case Op.ADDIS:
      a = rt;
      b = ra;
      c = w << 16;
      break;
    case Op.ADD:
    case Op.SUBF:
    case Op.NEG:
      a = rt;
      b = ra;
      c = rb;
      e0 |= (w & 1 ? F_RC : 0) | (w & 0x400 ? F_OE : 0);
      break;
    case Op.OR:
    case Op.AND:
    case Op.XOR:
      a = ra;
      b = rt;
      c = rb;
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.EXTSW:
      a = ra;
      b = rt;
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.ORI:
    case Op.ANDI_RC:
      a = ra;
      b = rt;
      c = w & 0xffff;
      break;
    case Op.CMPI:
    case Op.CMPLI:
    case Op.CMP:
    case Op.CMPL:
      a = (w >>> 23) & 7;
      b = ra;
      c = op === Op.CMPI ? sext16(w) : op === Op.CMPLI ? w & 0xffff : rb;
      e0 |= w & 0x00200000 ? F_L : 0;
      break;
    case Op.B:
      a = ((w & 0x03fffffc) << 6) >> 6;
      e0 |= (w & 1 ? F_LK : 0) | (w & 2 ? F_AA : 0);
      break;
    case Op.BC:
      a = rt;
      b = ra;
      c = sext16(w & 0xfffc);
      e0 |= (w & 1 ? F_LK : 0) | (w & 2 ? F_AA : 0);
      break;
    case Op.BCLR:
    case Op.BCCTR:
      a = rt;
      b = ra;
      e0 |= w & 1 ? F_LK : 0;
      break;
    case Op.RLWINM: {
      const mb = (w >>> 6) & 31,
        me = (w >>> 1) & 31;
      a = ra;
      b = rt | (rb << 8) | (mb > me ? 1 << 16 : 0);
      c = mask32(mb, me);
      e0 |= w & 1 ? F_RC : 0;
      break;
    }
    case Op.RLDICL:
    case Op.RLDICR:
      a = ra;
      b = rt | ((rb | (((w >>> 1) & 1) << 5)) << 8);
      c = ((w >>> 6) & 31) | (((w >>> 5) & 1) << 5);
      e0 |= w & 1 ? F_RC : 0;
      break;
    case Op.MFSPR:
    case Op.MTSPR: {
      a = rt;
      b = ra | (rb << 5);
      c = w; // SPR number with its halves swapped back
      break;
    }
  }
  dec[off] = e0;
  dec[off + 1] = a;
  dec[off + 2] = b;
  dec[off + 3] = c;
}
