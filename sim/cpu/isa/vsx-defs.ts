// VSX non-arithmetic: logical, permute, splat, merge, GPR/VSR moves, and every VMX/VSX load and store. Rows are in the order of the Vsx enum (their operation ids are VSX_BASE + it).
import type { FamilyDefs, InsnDef } from './insn-def';

export const VSX_BASE = 5000;

export const enum Vsx {
  NONE_YET,
}

const rows: InsnDef[] = [];

export const VSX_DEFS: FamilyDefs = { name: 'vsx', base: VSX_BASE, defs: rows };
