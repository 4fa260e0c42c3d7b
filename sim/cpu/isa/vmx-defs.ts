// VMX (AltiVec, primary 4): vector integer, permute, logical and float instructions. Rows are in the order of the Vmx enum (their operation ids are VMX_BASE + it).
import type { FamilyDefs, InsnDef } from './insn-def';

export const VMX_BASE = 4000;

export const enum Vmx {
  NONE_YET,
}

const rows: InsnDef[] = [];

export const VMX_DEFS: FamilyDefs = { name: 'vmx', base: VMX_BASE, defs: rows };
