// Fixed-point instructions beyond the core set of ops.ts (POWER7 to POWER10) that GCC and glibc emit:
// isel, count trailing zeros, modulo, set boolean (setb, setbc...), multiply-add, the POWER10 bit
// manipulation (pdepd/pextd/cfuged/cntlzdm/cnttzdm, byte reversal), divide extended, parity and bit
// permute, addex, addpcis, the byte/halfword/quadword atomics and lq/stq, darn, and the string
// loads/stores (an alignment interrupt in little-endian mode). Rows are in the order of the Fixed
// enum (their operation ids are FIXED_BASE + it). Reserved fields are in each mask: a word with one
// set is not the instruction (qemu raises SIGILL for those, objdump prints .long), except where qemu
// ignores them (cnttz*, setbc*, cmpeqb, pdepd..., addex: RB or Rc), which execute as qemu does.
import { PO, POM, type FamilyDefs, type InsnDef } from './insn-def';

export const FIXED_BASE = 1000;

export const enum Fixed {
  ISEL,
  ISELLT,
  ISELGT,
  ISELEQ,
  CNTTZW,
  CNTTZD,
  MODSW,
  MODUW,
  MODSD,
  MODUD,
  SETB,
  SETBC,
  SETBCR,
  SETNBC,
  SETNBCR,
  MADDHD,
  MADDHDU,
  MADDLD,
  EXTSWSLI,
  ADDPCIS,
  LNIA,
  SUBPCIS,
  CMPEQB,
  CMPRB,
  DARN,
  BRH,
  BRW,
  BRD,
  PDEPD,
  PEXTD,
  CFUGED,
  CNTLZDM,
  CNTTZDM,
  MCRXRX,
  DIVWE,
  DIVWEU,
  DIVDE,
  DIVDEU,
  PRTYW,
  PRTYD,
  BPERMD,
  ADDEX,
  LBARX,
  LHARX,
  LQARX,
  STBCX,
  STHCX,
  STQCX,
  LQ,
  STQ,
  LSWI,
  LSWX,
  STSWI,
  STSWX,
}

const X = (xo: number) => (PO(31) | (xo << 1)) >>> 0;
const rows: InsnDef[] = [];
function row(i: Fixed, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`fixed-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
// isel RT,RA|0,RB,BC (A form, xo 15 in bits 1-5); objdump spells BC = lt/gt/eq of cr0 as isellt/gt/eq
row(Fixed.ISEL, { name: 'isel', match: PO(31) | (15 << 1), mask: POM(0x3e), operands: ['RT', 'RA0', 'RB', 'BC'] });
row(Fixed.ISELLT, {
  name: 'isellt',
  match: PO(31) | (15 << 1),
  mask: POM(0x7fe),
  operands: ['RT', 'RA0', 'RB'],
  alias: 'isel',
});
row(Fixed.ISELGT, {
  name: 'iselgt',
  match: PO(31) | (1 << 6) | (15 << 1),
  mask: POM(0x7fe),
  operands: ['RT', 'RA0', 'RB'],
  alias: 'isel',
});
row(Fixed.ISELEQ, {
  name: 'iseleq',
  match: PO(31) | (2 << 6) | (15 << 1),
  mask: POM(0x7fe),
  operands: ['RT', 'RA0', 'RB'],
  alias: 'isel',
});
row(Fixed.CNTTZW, { name: 'cnttzw', match: X(538), mask: POM(0x7fe), operands: ['RA', 'RS'], rc: true });
row(Fixed.CNTTZD, { name: 'cnttzd', match: X(570), mask: POM(0x7fe), operands: ['RA', 'RS'], rc: true });
row(Fixed.MODSW, { name: 'modsw', match: X(779), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
row(Fixed.MODUW, { name: 'moduw', match: X(267), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
row(Fixed.MODSD, { name: 'modsd', match: X(777), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
row(Fixed.MODUD, { name: 'modud', match: X(265), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
// set boolean: setb RT,BFA (ISA 3.0); setbc/setbcr/setnbc/setnbcr RT,BI (ISA 3.1)
row(Fixed.SETB, { name: 'setb', match: X(128), mask: POM(0x3ffff), operands: ['RT', 'BFA'] });
row(Fixed.SETBC, { name: 'setbc', match: X(384), mask: POM(0x7fe), operands: ['RT', 'BI'] });
row(Fixed.SETBCR, { name: 'setbcr', match: X(416), mask: POM(0x7fe), operands: ['RT', 'BI'] });
row(Fixed.SETNBC, { name: 'setnbc', match: X(448), mask: POM(0x7fe), operands: ['RT', 'BI'] });
row(Fixed.SETNBCR, { name: 'setnbcr', match: X(480), mask: POM(0x7fe), operands: ['RT', 'BI'] });
// multiply-add (VA form, primary 4): RT = RA * RB + RC, high (signed/unsigned) or low doubleword
row(Fixed.MADDHD, { name: 'maddhd', match: PO(4) | 48, mask: POM(0x3f), operands: ['RT', 'RA', 'RB', 'RC6'] });
row(Fixed.MADDHDU, { name: 'maddhdu', match: PO(4) | 49, mask: POM(0x3f), operands: ['RT', 'RA', 'RB', 'RC6'] });
row(Fixed.MADDLD, { name: 'maddld', match: PO(4) | 51, mask: POM(0x3f), operands: ['RT', 'RA', 'RB', 'RC6'] });
// extswsli RA,RS,SH (XS form, sh5 in bit 1)
row(Fixed.EXTSWSLI, {
  name: 'extswsli',
  match: PO(31) | (445 << 2),
  mask: POM(0x7fc),
  operands: ['RA', 'RS', 'SH6'],
  rc: true,
});
// addpcis RT,D (DX form): RT = next instruction address + D << 16; lnia RT is D = 0, subpcis negates D
row(Fixed.ADDPCIS, { name: 'addpcis', match: PO(19) | (2 << 1), mask: POM(0x3e), operands: ['RT', 'DXD'] });
row(Fixed.LNIA, { name: 'lnia', match: PO(19) | (2 << 1), mask: POM(0x1fffff), operands: ['RT'], alias: 'addpcis' });
row(Fixed.SUBPCIS, {
  name: 'subpcis',
  match: PO(19) | (2 << 1),
  mask: POM(0x3e),
  operands: ['RT', 'NDXD'],
  alias: 'addpcis',
  asmOnly: true,
});
// byte compares into a CR field (GT = the result)
row(Fixed.CMPEQB, { name: 'cmpeqb', match: X(224), mask: POM(0x6007fe), operands: ['BF', 'RA', 'RB'] });
row(Fixed.CMPRB, { name: 'cmprb', match: X(192), mask: POM(0x4007ff), operands: ['BF', 'L21', 'RA', 'RB'] });
row(Fixed.DARN, { name: 'darn', match: X(755), mask: POM(0x1cffff), operands: ['RT', 'L2'] });
// byte reverse halfwords / words / doubleword (ISA 3.1)
row(Fixed.BRH, { name: 'brh', match: X(219), mask: POM(0xffff), operands: ['RA', 'RS'] });
row(Fixed.BRW, { name: 'brw', match: X(155), mask: POM(0xffff), operands: ['RA', 'RS'] });
row(Fixed.BRD, { name: 'brd', match: X(187), mask: POM(0xffff), operands: ['RA', 'RS'] });
// bit deposit/extract/centrifuge and counts under a mask (ISA 3.1)
row(Fixed.PDEPD, { name: 'pdepd', match: X(156), mask: POM(0x7fe), operands: ['RA', 'RS', 'RB'] });
row(Fixed.PEXTD, { name: 'pextd', match: X(188), mask: POM(0x7fe), operands: ['RA', 'RS', 'RB'] });
row(Fixed.CFUGED, { name: 'cfuged', match: X(220), mask: POM(0x7fe), operands: ['RA', 'RS', 'RB'] });
row(Fixed.CNTLZDM, { name: 'cntlzdm', match: X(59), mask: POM(0x7fe), operands: ['RA', 'RS', 'RB'] });
row(Fixed.CNTTZDM, { name: 'cnttzdm', match: X(571), mask: POM(0x7fe), operands: ['RA', 'RS', 'RB'] });
row(Fixed.MCRXRX, { name: 'mcrxrx', match: X(576), mask: POM(0x7fffff), operands: ['BF'] });
// divide extended (XO form with OE and Rc)
row(Fixed.DIVWE, { name: 'divwe', match: X(427), mask: POM(0x3fe), operands: ['RT', 'RA', 'RB'], rc: true, oe: true });
row(Fixed.DIVWEU, {
  name: 'divweu',
  match: X(395),
  mask: POM(0x3fe),
  operands: ['RT', 'RA', 'RB'],
  rc: true,
  oe: true,
});
row(Fixed.DIVDE, { name: 'divde', match: X(425), mask: POM(0x3fe), operands: ['RT', 'RA', 'RB'], rc: true, oe: true });
row(Fixed.DIVDEU, {
  name: 'divdeu',
  match: X(393),
  mask: POM(0x3fe),
  operands: ['RT', 'RA', 'RB'],
  rc: true,
  oe: true,
});
row(Fixed.PRTYW, { name: 'prtyw', match: X(154), mask: POM(0xffff), operands: ['RA', 'RS'] });
row(Fixed.PRTYD, { name: 'prtyd', match: X(186), mask: POM(0xffff), operands: ['RA', 'RS'] });
row(Fixed.BPERMD, { name: 'bpermd', match: X(252), mask: POM(0x7ff), operands: ['RA', 'RS', 'RB'] });
// addex RT,RA,RB,CY (Z23 form: xo in bits 1-8, CY in 9-10): CY=0 adds with OV as the carry
row(Fixed.ADDEX, { name: 'addex', match: PO(31) | (170 << 1), mask: POM(0x1fe), operands: ['RT', 'RA', 'RB', 'CY'] });
// byte, halfword and quadword reservations
row(Fixed.LBARX, {
  name: 'lbarx',
  match: X(52),
  mask: POM(0x7fe),
  operands: ['RT', 'RA0', 'RB', 'EH'],
  access: { kind: 'larx', size: 1, ea: 'X' },
});
row(Fixed.LHARX, {
  name: 'lharx',
  match: X(116),
  mask: POM(0x7fe),
  operands: ['RT', 'RA0', 'RB', 'EH'],
  access: { kind: 'larx', size: 2, ea: 'X' },
});
row(Fixed.LQARX, {
  name: 'lqarx',
  match: X(276),
  mask: POM(0x7fe),
  operands: ['RTP', 'RA0', 'RB', 'EH'],
  access: { kind: 'larx', size: 16, ea: 'X' },
});
row(Fixed.STBCX, {
  name: 'stbcx.',
  match: (X(694) | 1) >>> 0,
  mask: POM(0x7ff),
  operands: ['RS', 'RA0', 'RB'],
  access: { kind: 'stcx', size: 1, ea: 'X' },
});
row(Fixed.STHCX, {
  name: 'sthcx.',
  match: (X(726) | 1) >>> 0,
  mask: POM(0x7ff),
  operands: ['RS', 'RA0', 'RB'],
  access: { kind: 'stcx', size: 2, ea: 'X' },
});
row(Fixed.STQCX, {
  name: 'stqcx.',
  match: (X(182) | 1) >>> 0,
  mask: POM(0x7ff),
  operands: ['RTP', 'RA0', 'RB'],
  access: { kind: 'stcx', size: 16, ea: 'X' },
});
// load/store quadword into/from an even register pair (RTp = the high doubleword)
row(Fixed.LQ, {
  name: 'lq',
  match: PO(56),
  mask: POM(0),
  operands: ['RTP', 'DQ', 'RA0'],
  access: { kind: 'load', size: 16, ea: 'DQ' },
});
row(Fixed.STQ, {
  name: 'stq',
  match: (PO(62) | 2) >>> 0,
  mask: POM(3),
  operands: ['RTP', 'DS', 'RA0'],
  access: { kind: 'store', size: 16, ea: 'DS' },
});
// string loads/stores: an alignment interrupt in little-endian mode (GNU as refuses them there)
row(Fixed.LSWI, { name: 'lswi', match: X(597), mask: POM(0x7ff), operands: ['RT', 'RA0', 'NB'] });
row(Fixed.LSWX, { name: 'lswx', match: X(533), mask: POM(0x7ff), operands: ['RT', 'RA0', 'RB'] });
row(Fixed.STSWI, { name: 'stswi', match: X(725), mask: POM(0x7ff), operands: ['RS', 'RA0', 'NB'] });
row(Fixed.STSWX, { name: 'stswx', match: X(661), mask: POM(0x7ff), operands: ['RS', 'RA0', 'RB'] });

export const FIXED_DEFS: FamilyDefs = { name: 'fixed', base: FIXED_BASE, defs: rows };
