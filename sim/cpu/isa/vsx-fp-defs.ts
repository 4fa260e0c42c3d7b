// VSX floating point (primary 60): scalar xs* and vector xv* arithmetic, conversions, compares. Rows are in the order of the VsxFp enum (their operation ids are VSX_FP_BASE + it).
import type { FamilyDefs, InsnDef } from './insn-def';

export const VSX_FP_BASE = 3000;

export const enum VsxFp {
  NONE_YET,
}

const rows: InsnDef[] = [];

export const VSX_FP_DEFS: FamilyDefs = { name: 'vsx-fp', base: VSX_FP_BASE, defs: rows };
