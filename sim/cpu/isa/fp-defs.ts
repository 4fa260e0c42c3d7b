// Scalar floating point: primary opcodes 59 and 63, FP loads and stores, the FPSCR instructions. Rows are in the order of the Fp enum (their operation ids are FP_BASE + it).
import type { FamilyDefs, InsnDef } from './insn-def';

export const FP_BASE = 2000;

export const enum Fp {
  NONE_YET,
}

const rows: InsnDef[] = [];

export const FP_DEFS: FamilyDefs = { name: 'fp', base: FP_BASE, defs: rows };
