// Fixed-point instructions beyond the core set of ops.ts (POWER7 to POWER10): isel, count trailing
// zeros, modulo. Rows are in the order of the Fixed enum (their operation ids are FIXED_BASE + it).
import { PO, POM, type FamilyDefs, type InsnDef } from './insn-def';

export const FIXED_BASE = 1000;

export const enum Fixed {
  ISEL, ISELLT, ISELGT, ISELEQ, CNTTZW, CNTTZD, MODSW, MODUW, MODSD, MODUD,
}

const X = (xo: number) => (PO(31) | (xo << 1)) >>> 0;
const rows: InsnDef[] = [];
function row(i: Fixed, d: InsnDef): void {
  if (rows.length !== i) throw new Error(`fixed-defs: ${d.name} is row ${rows.length}, its enum value is ${i}`);
  rows.push(d);
}
// isel RT,RA|0,RB,BC (A form, xo 15 in bits 1-5); objdump spells BC = lt/gt/eq of cr0 as isellt/gt/eq
row(Fixed.ISEL, { name: 'isel', match: PO(31) | (15 << 1), mask: POM(0x3e), operands: ['RT', 'RA0', 'RB', 'BC'] });
row(Fixed.ISELLT, { name: 'isellt', match: PO(31) | (15 << 1), mask: POM(0x7fe), operands: ['RT', 'RA0', 'RB'], alias: 'isel' });
row(Fixed.ISELGT, { name: 'iselgt', match: PO(31) | (1 << 6) | (15 << 1), mask: POM(0x7fe), operands: ['RT', 'RA0', 'RB'], alias: 'isel' });
row(Fixed.ISELEQ, { name: 'iseleq', match: PO(31) | (2 << 6) | (15 << 1), mask: POM(0x7fe), operands: ['RT', 'RA0', 'RB'], alias: 'isel' });
row(Fixed.CNTTZW, { name: 'cnttzw', match: X(538), mask: POM(0xfffe), operands: ['RA', 'RS'], rc: true });
row(Fixed.CNTTZD, { name: 'cnttzd', match: X(570), mask: POM(0xfffe), operands: ['RA', 'RS'], rc: true });
row(Fixed.MODSW, { name: 'modsw', match: X(779), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
row(Fixed.MODUW, { name: 'moduw', match: X(267), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
row(Fixed.MODSD, { name: 'modsd', match: X(777), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });
row(Fixed.MODUD, { name: 'modud', match: X(265), mask: POM(0x7ff), operands: ['RT', 'RA', 'RB'] });

export const FIXED_DEFS: FamilyDefs = { name: 'fixed', base: FIXED_BASE, defs: rows };
