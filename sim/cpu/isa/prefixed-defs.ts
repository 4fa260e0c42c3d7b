// Prefixed (8-byte, POWER10) instructions: pla/pli/paddi, pld/pstd and the other MLS/8LS loads and stores. Rows are in the order of the Prefixed enum (their operation ids are PREFIXED_BASE + it).
import type { FamilyDefs, InsnDef } from './insn-def';

export const PREFIXED_BASE = 6000;

export const enum Prefixed {
  NONE_YET,
}

const rows: InsnDef[] = [];

export const PREFIXED_DEFS: FamilyDefs = { name: 'prefixed', base: PREFIXED_BASE, defs: rows };
