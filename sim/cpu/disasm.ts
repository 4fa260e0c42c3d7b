// A disassembler in the style of GNU objdump (extended mnemonics where objdump uses them, registers
// as r3/vs34/cr7, branch targets as absolute hex), with one space between mnemonic and operands.
import { OPERANDS, type Operand } from '../asm/encode';
import { decodeOp } from './decode';
import { FAMILY_BASE, findRow } from './isa/families';
import { sprText } from './isa/spr-names';
import type { InsnDef } from './isa/insn-def';
import { Op, OP_INFO } from './ops';

const r = (n: number) => `r${n}`;
const hx = (v: bigint) => '0x' + v.toString(16);
const M64 = 0xffffffffffffffffn;
const COND = ['lt', 'gt', 'eq', 'so'];
const BRANCH_TRUE = ['blt', 'bgt', 'beq', 'bso'];
const BRANCH_FALSE = ['bge', 'ble', 'bne', 'bns'];
const TRAP_TO: Record<number, string> = {
  4: 'eq',
  24: 'ne',
  16: 'lt',
  8: 'gt',
  12: 'ge',
  20: 'le',
  2: 'llt',
  1: 'lgt',
  5: 'lge',
  6: 'lle',
  31: 'u',
};

function crBit(n: number): string {
  const f = n >> 2;
  return f === 0 ? COND[n & 3] : `4*cr${f}+${COND[n & 3]}`;
}

/** One family row's operand as objdump prints it. */
function operandText(o: Operand, w: number, next: number, pc: bigint): string {
  const v = o.extract ? o.extract(w, next) : 0;
  switch (o.kind) {
    case 'gpr':
      return o.zeroIsZero && v === 0 ? '0' : `r${v}`;
    case 'fpr':
      return `f${v}`;
    case 'vr':
      return `v${v}`;
    case 'vsr':
      return `vs${v}`;
    case 'crf':
      return `cr${v}`;
    case 'crbit':
      return crBit(v);
    case 'rel':
      return hx((pc + BigInt(v)) & M64);
    case 'abs':
      return hx(BigInt(v) & M64);
    default:
      return String(v);
  }
}

/**
 * A family row (isa/families.ts) printed from its operand list: `disp(ra)` for a parenthesised pair.
 * A prefixed row's operands read (suffix, prefix); its R operand is not printed, and with R=1
 * (pc-relative) the displacement stands alone and objdump's comment gives the target address.
 */
function familyText(def: InsnDef, w: number, next: number, pc: bigint): string {
  const prefixed = def.suffixMask !== undefined;
  const [first, second] = prefixed ? [next, w] : [w, next];
  const ops = def.operands.map((n) => OPERANDS[n] as Operand);
  const pcrel = prefixed && ops.includes(OPERANDS.PCREL) && ((w >>> 20) & 1) === 1;
  const parts: string[] = [];
  const zeroOptional: boolean[] = [];
  let target: bigint | undefined;
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i];
    if (o === OPERANDS.PCREL) continue;
    if (pcrel && (o === OPERANDS.D34 || o === OPERANDS.SI34)) {
      const d = o.extract!(first, second);
      target = (pc + BigInt(d)) & M64;
      parts.push(String(d));
      zeroOptional.push(false);
      if (o.parens) i++;
      continue;
    }
    if (o.parens && i + 1 < ops.length) {
      parts.push(`${operandText(o, first, second, pc)}(${operandText(ops[i + 1], first, second, pc)})`);
      i++;
    } else parts.push(operandText(o, first, second, pc));
    zeroOptional.push(o.optional === true && o.extract !== undefined && o.extract(first, second) === 0);
  }
  // as objdump, optional operands left at 0 at the end are not printed (lbarx r3,0,r4)
  while (zeroOptional.length && zeroOptional[zeroOptional.length - 1] && parts.length === zeroOptional.length) {
    parts.pop();
    zeroOptional.pop();
  }
  const rc = def.rc && (w & (def.rcBit ?? 1)) !== 0 ? '.' : '';
  const oe = def.oe && (w & 0x400) !== 0 ? 'o' : '';
  const name = def.name + oe + rc;
  const text = parts.length ? `${name} ${parts.join(',')}` : name;
  return target === undefined ? text : `${text} # ${hx(target)}`;
}

/** sync L,SC (index L * 4 + SC) that objdump names */
const SYNC_NAMES: Record<number, string> = {
  0: 'hwsync',
  2: 'stcisync',
  3: 'stsync',
  4: 'lwsync',
  5: 'stncisync',
  8: 'ptesync',
  16: 'phwsync',
  20: 'plwsync',
};

/**
 * bc/bclr/bcctr as objdump (POWER4 and later) prints them: the extended mnemonic of the BO value
 * with its +/- hint ("at" bits; for bclr/bcctr the old y bit also reads as +), the CR field (cr0
 * left out unless BH follows), BH when not 0, and the raw form where no extended one applies (bdnz
 * and b need BI = 0; bcctr has no CTR-decrementing spellings). Reserved BO values are .long.
 */
function branchText(op: Op, w: number, pc: bigint): string {
  const bo = (w >>> 21) & 31,
    bi = (w >>> 16) & 31,
    bh = (w >>> 11) & 3;
  const isB = op === Op.BC;
  const lk = w & 1 ? 'l' : '';
  const aa = isB && w & 2 ? 'a' : '';
  const sfx = isB ? '' : op === Op.BCLR ? 'lr' : 'ctr';
  const disp = ((w & 0xfffc) << 16) >> 16;
  const tgt = isB ? hx(w & 2 ? BigInt(disp) & M64 : (pc + BigInt(disp)) & M64) : '';
  const bhs = !isB && bh ? String(bh) : '';
  const join = (...xs: string[]) => xs.filter((x) => x !== '').join(',');
  const fmt = (m: string, args: string) => (args ? `${m} ${args}` : m);
  const kind = bo & 0x14;
  // (BO 1a00t with at = 01 is the old y bit where bdnz/bdz apply: BI = 0, not bcctr)
  const oldY = kind === 0x10 && (bo & 9) === 1;
  if (
    (kind === 0x14 && bo !== 20) ||
    (oldY && (bi !== 0 || op === Op.BCCTR)) ||
    (op === Op.BCCTR && kind === 0 && (bo & 1) !== 0)
  ) {
    return `.long 0x${(w >>> 0).toString(16)}`;
  }
  let hint = '';
  if (kind === 0x04) hint = (bo & 3) === 2 ? '-' : (bo & 3) === 3 || ((bo & 3) === 1 && !isB) ? '+' : '';
  else if (kind === 0x10) hint = bo & 8 ? (bo & 1 ? '+' : '-') : !isB && bo & 1 ? '+' : '';
  else if (kind === 0) hint = !isB && bo & 1 ? '+' : '';
  const raw = () => fmt(`bc${sfx}${lk}${aa}${hint}`, join(String(bo), crBit(bi), tgt, bhs));
  if (kind === 0x14) return isB || bi !== 0 ? raw() : fmt(`b${sfx}${lk}`, bhs);
  if (kind === 0x10) {
    if (op === Op.BCCTR || bi !== 0) return raw();
    return fmt(`${bo & 2 ? 'bdz' : 'bdnz'}${sfx}${lk}${aa}${hint}`, join(tgt, bhs));
  }
  if (kind === 0x04) {
    const name = (bo & 8 ? BRANCH_TRUE : BRANCH_FALSE)[bi & 3];
    const crf = bi >> 2 || bhs ? `cr${bi >> 2}` : '';
    return fmt(`${name}${sfx}${lk}${aa}${hint}`, join(crf, tgt, bhs));
  }
  if (op === Op.BCCTR) return raw();
  return fmt(`bd${bo & 2 ? 'z' : 'nz'}${bo & 8 ? 't' : 'f'}${sfx}${lk}${aa}${hint}`, join(crBit(bi), tgt, bhs));
}

/** objdump's text of an instruction at pc; `next` is the word after it (a prefixed instruction's suffix). */
export function disassemble(word: number, pc: bigint, next = 0): string {
  const w = word | 0;
  const op = decodeOp(w, next);
  if (op >= FAMILY_BASE) {
    const row = findRow(w, next, true);
    if (row) return familyText(row.def, w, next, pc);
  }
  const rt = (w >>> 21) & 31,
    ra = (w >>> 16) & 31,
    rb = (w >>> 11) & 31;
  const si = (w << 16) >> 16;
  const ui = w & 0xffff;
  const rc = w & 1 ? '.' : '';
  const oe = w & 0x400 ? 'o' : '';
  const name = OP_INFO[op]?.name ?? '.long';
  const fmt = (m: string, args: string) => (args ? `${m} ${args}` : m);
  const btarget = (disp: number, abs: boolean) => hx(abs ? BigInt(disp) & M64 : (pc + BigInt(disp)) & M64);
  const acc = OP_INFO[op]?.access;

  switch (op) {
    case Op.ILLEGAL:
      return `.long 0x${(w >>> 0).toString(16)}`;
    case Op.ADDI:
      if (ra === 0) return fmt('li', `${r(rt)},${si}`);
      return fmt('addi', `${r(rt)},${r(ra)},${si}`);
    case Op.ADDIS:
      if (ra === 0) return fmt('lis', `${r(rt)},${si}`);
      return fmt('addis', `${r(rt)},${r(ra)},${si}`);
    case Op.ADDIC:
    case Op.ADDIC_RC:
    case Op.SUBFIC:
    case Op.MULLI:
      return fmt(name, `${r(rt)},${r(ra)},${si}`);
    case Op.ORI:
      if (rt === 0 && ra === 0 && ui === 0) return 'nop';
      return fmt('ori', `${r(ra)},${r(rt)},${ui}`);
    case Op.ORIS:
    case Op.XORI:
    case Op.XORIS:
    case Op.ANDI_RC:
    case Op.ANDIS_RC:
      if (op === Op.XORI && rt === 0 && ra === 0 && ui === 0) return 'xnop';
      return fmt(name, `${r(ra)},${r(rt)},${ui}`);
    case Op.ADD:
    case Op.SUBF:
    case Op.ADDC:
    case Op.ADDE:
    case Op.SUBFC:
    case Op.SUBFE:
    case Op.MULLW:
    case Op.MULLD:
    case Op.DIVW:
    case Op.DIVWU:
    case Op.DIVD:
    case Op.DIVDU:
      return fmt(name + oe + rc, `${r(rt)},${r(ra)},${r(rb)}`);
    case Op.MULHW:
    case Op.MULHWU:
    case Op.MULHD:
    case Op.MULHDU:
      return fmt(name + rc, `${r(rt)},${r(ra)},${r(rb)}`);
    case Op.NEG:
    case Op.ADDZE:
    case Op.ADDME:
    case Op.SUBFZE:
    case Op.SUBFME:
      return fmt(name + oe + rc, `${r(rt)},${r(ra)}`);
    case Op.OR:
      if (rt === rb) return fmt('mr' + rc, `${r(ra)},${r(rt)}`);
      return fmt('or' + rc, `${r(ra)},${r(rt)},${r(rb)}`);
    case Op.NOR:
      if (rt === rb) return fmt('not' + rc, `${r(ra)},${r(rt)}`);
      return fmt('nor' + rc, `${r(ra)},${r(rt)},${r(rb)}`);
    case Op.AND:
    case Op.XOR:
    case Op.ANDC:
    case Op.ORC:
    case Op.NAND:
    case Op.EQV:
    case Op.SLW:
    case Op.SRW:
    case Op.SRAW:
    case Op.SLD:
    case Op.SRD:
    case Op.SRAD:
      return fmt(name + rc, `${r(ra)},${r(rt)},${r(rb)}`);
    case Op.CMPB:
      return fmt(name, `${r(ra)},${r(rt)},${r(rb)}`);
    case Op.EXTSB:
    case Op.EXTSH:
    case Op.EXTSW:
    case Op.CNTLZW:
    case Op.CNTLZD:
      return fmt(name + rc, `${r(ra)},${r(rt)}`);
    case Op.POPCNTB:
    case Op.POPCNTW:
    case Op.POPCNTD:
      return fmt(name, `${r(ra)},${r(rt)}`);
    case Op.SRAWI:
      return fmt('srawi' + rc, `${r(ra)},${r(rt)},${rb}`);
    case Op.SRADI:
      return fmt('sradi' + rc, `${r(ra)},${r(rt)},${rb | ((w & 2) << 4)}`);
    case Op.CMPI:
    case Op.CMPLI:
    case Op.CMP:
    case Op.CMPL: {
      const bf = (w >>> 23) & 7;
      const l = (w >>> 21) & 1;
      const m =
        (op === Op.CMPI || op === Op.CMP ? 'cmp' : 'cmpl') +
        (l ? 'd' : 'w') +
        (op === Op.CMPI || op === Op.CMPLI ? 'i' : '');
      const crf = bf ? `cr${bf},` : '';
      const y = op === Op.CMPI ? String(si) : op === Op.CMPLI ? String(ui) : r(rb);
      return fmt(m, `${crf}${r(ra)},${y}`);
    }
    case Op.B: {
      const li = ((w & 0x03fffffc) << 6) >> 6;
      return fmt('b' + (w & 1 ? 'l' : '') + (w & 2 ? 'a' : ''), btarget(li, (w & 2) !== 0));
    }
    case Op.BC:
    case Op.BCLR:
    case Op.BCCTR:
      return branchText(op, w, pc);
    case Op.SC: {
      // sc LEV (bit 1) and scv LEV (bit 0, POWER9); the other two forms are the old svc spellings
      const lev = (w >>> 5) & 0x7f;
      if ((w & 3) === 2) return lev ? `sc ${lev}` : 'sc';
      if ((w & 3) === 1) return `scv ${lev}`;
      return `.long 0x${(w >>> 0).toString(16)}`;
    }
    case Op.MCRF:
      return fmt('mcrf', `cr${(w >>> 23) & 7},cr${(w >>> 18) & 7}`);
    case Op.CRXOR:
      if (rt === ra && ra === rb) return fmt('crclr', crBit(rt));
      return fmt(name, `${crBit(rt)},${crBit(ra)},${crBit(rb)}`);
    case Op.CREQV:
      if (rt === ra && ra === rb) return fmt('crset', crBit(rt));
      return fmt(name, `${crBit(rt)},${crBit(ra)},${crBit(rb)}`);
    case Op.CROR:
      if (ra === rb) return fmt('crmove', `${crBit(rt)},${crBit(ra)}`);
      return fmt(name, `${crBit(rt)},${crBit(ra)},${crBit(rb)}`);
    case Op.CRNOR:
      if (ra === rb) return fmt('crnot', `${crBit(rt)},${crBit(ra)}`);
      return fmt(name, `${crBit(rt)},${crBit(ra)},${crBit(rb)}`);
    case Op.CRAND:
    case Op.CRNAND:
    case Op.CRANDC:
    case Op.CRORC:
      return fmt(name, `${crBit(rt)},${crBit(ra)},${crBit(rb)}`);
    case Op.RLWINM: {
      const sh = rb,
        mb = (w >>> 6) & 31,
        me = (w >>> 1) & 31;
      if (mb === 0 && me === 31) return fmt('rotlwi' + rc, `${r(ra)},${r(rt)},${sh}`);
      if (sh === 0 && mb === 0) return fmt('clrrwi' + rc, `${r(ra)},${r(rt)},${31 - me}`);
      if (mb === 0 && me === 31 - sh) return fmt('slwi' + rc, `${r(ra)},${r(rt)},${sh}`);
      if (me === 31 && sh === 32 - mb) return fmt('srwi' + rc, `${r(ra)},${r(rt)},${mb}`);
      if (sh === 0 && me === 31) return fmt('clrlwi' + rc, `${r(ra)},${r(rt)},${mb}`);
      return fmt('rlwinm' + rc, `${r(ra)},${r(rt)},${sh},${mb},${me}`);
    }
    case Op.RLWNM: {
      const mb = (w >>> 6) & 31,
        me = (w >>> 1) & 31;
      if (mb === 0 && me === 31) return fmt('rotlw' + rc, `${r(ra)},${r(rt)},${r(rb)}`);
      return fmt('rlwnm' + rc, `${r(ra)},${r(rt)},${r(rb)},${mb},${me}`);
    }
    case Op.RLWIMI:
      return fmt('rlwimi' + rc, `${r(ra)},${r(rt)},${rb},${(w >>> 6) & 31},${(w >>> 1) & 31}`);
    case Op.RLDICL:
    case Op.RLDICR:
    case Op.RLDIC:
    case Op.RLDIMI: {
      const sh = rb | (((w >>> 1) & 1) << 5);
      const m = ((w >>> 6) & 31) | (((w >>> 5) & 1) << 5);
      if (op === Op.RLDICL) {
        if (m === 0) return fmt('rotldi' + rc, `${r(ra)},${r(rt)},${sh}`);
        if (sh === 0) return fmt('clrldi' + rc, `${r(ra)},${r(rt)},${m}`);
        if (sh + m === 64) return fmt('srdi' + rc, `${r(ra)},${r(rt)},${m}`);
      }
      if (op === Op.RLDICR && sh === 0) return fmt('clrrdi' + rc, `${r(ra)},${r(rt)},${63 - m}`);
      if (op === Op.RLDICR && m === 63 - sh) return fmt('sldi' + rc, `${r(ra)},${r(rt)},${sh}`);
      return fmt(name + rc, `${r(ra)},${r(rt)},${sh},${m}`);
    }
    case Op.RLDCL:
    case Op.RLDCR: {
      const m = ((w >>> 6) & 31) | (((w >>> 5) & 1) << 5);
      if (op === Op.RLDCL && m === 0) return fmt('rotld' + rc, `${r(ra)},${r(rt)},${r(rb)}`);
      return fmt(name + rc, `${r(ra)},${r(rt)},${r(rb)},${m}`);
    }
    case Op.TW:
    case Op.TD: {
      if (op === Op.TW && rt === 31 && ra === 0 && rb === 0) return 'trap';
      const c = TRAP_TO[rt];
      return c ? fmt(`${name}${c}`, `${r(ra)},${r(rb)}`) : fmt(name, `${rt},${r(ra)},${r(rb)}`);
    }
    case Op.TWI:
    case Op.TDI: {
      const c = TRAP_TO[rt];
      return c ? fmt(`${name.slice(0, 2)}${c}i`, `${r(ra)},${si}`) : fmt(name, `${rt},${r(ra)},${si}`);
    }
    case Op.ISYNC:
      return 'isync';
    case Op.SYNC: {
      // L (bits 21-23) and SC (bits 16-17), as objdump spells them
      const l = (w >>> 21) & 7,
        sc = (w >>> 16) & 3;
      const named = SYNC_NAMES[l * 4 + sc];
      if (named) return named;
      if (l === 3 || l > 5) return `.long 0x${(w >>> 0).toString(16)}`;
      return `sync ${l},${sc}`;
    }
    case Op.EIEIO:
      return 'eieio';
    case Op.MFSPR:
    case Op.MTSPR:
      return sprText(op === Op.MFSPR, ra | (rb << 5), r(rt));
    case Op.MFCR:
      return fmt('mfcr', r(rt));
    case Op.MFOCRF:
      return fmt('mfocrf', `${r(rt)},${(w >>> 12) & 0xff}`);
    case Op.MTCRF: {
      const fxm = (w >>> 12) & 0xff;
      return fxm === 0xff ? fmt('mtcr', r(rt)) : fmt('mtcrf', `${fxm},${r(rt)}`);
    }
    case Op.MTOCRF:
      return fmt('mtocrf', `${(w >>> 12) & 0xff},${r(rt)}`);
    case Op.LWARX:
    case Op.LDARX:
      return fmt(name, `${r(rt)},${ra ? r(ra) : '0'},${r(rb)}${w & 1 ? ',1' : ''}`);
    case Op.DCBT:
    case Op.DCBTST: {
      // the touch hint TH (bits 21-25): 0-7 the ct forms, 8-15 the ds forms, 16 dcbt(st)t, 17 dcbna
      const th = rt,
        base = `${ra ? r(ra) : '0'},${r(rb)}`;
      const t = op === Op.DCBT ? 'dcbt' : 'dcbtst';
      if (th < 8) return fmt(`${t}ct`, th ? `${base},${th}` : base);
      if (th < 16) return fmt(`${t}ds`, th !== 8 ? `${base},${th}` : base);
      if (th === 16) return fmt(`${t}t`, base);
      if (th === 17 && op === Op.DCBT) return fmt('dcbna', base);
      return fmt(t, `${base},${th}`);
    }
    case Op.DCBZ:
    case Op.DCBF:
    case Op.DCBST:
    case Op.ICBI:
      return fmt(name, `${ra ? r(ra) : '0'},${r(rb)}`);
  }
  if (acc) {
    if (acc.ea === 'D') return fmt(name, `${r(rt)},${si}(${r(ra)})`);
    if (acc.ea === 'DS') return fmt(name, `${r(rt)},${((w & 0xfffc) << 16) >> 16}(${r(ra)})`);
    if (acc.ea === 'X') return fmt(name, `${r(rt)},${ra ? r(ra) : '0'},${r(rb)}`);
  }
  return `.long 0x${(w >>> 0).toString(16)}`;
}
