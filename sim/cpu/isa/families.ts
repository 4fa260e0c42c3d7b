// The instruction families beyond the core set of ops.ts, merged: every row gets an operation id
// (its family's base + its index), and per primary opcode the rows are kept most specific first, so
// that one lookup serves the decoder (which operation executes) and the disassembler (which spelling
// objdump prints). Rows are data (the *-defs.ts files); the executors are in exec-families.ts.
import type { FamilyDefs, InsnDef } from './insn-def';
import { FIXED_DEFS } from './fixed-defs';
import { FP_DEFS } from './fp-defs';
import { PREFIXED_DEFS } from './prefixed-defs';
import { QP_DEFS } from './qp-defs';
import { VMX_DEFS } from './vmx-defs';
import { VSX_DEFS } from './vsx-defs';
import { VSX_FP_DEFS } from './vsx-fp-defs';

/** Every family, in the order of their bases. */
export const FAMILIES: readonly FamilyDefs[] = [
  FIXED_DEFS,
  FP_DEFS,
  VSX_FP_DEFS,
  VMX_DEFS,
  VSX_DEFS,
  PREFIXED_DEFS,
  QP_DEFS,
];

/** Operation ids of the families start here (the core set of ops.ts stays below). */
export const FAMILY_BASE = 1000;

export interface Row {
  /** this row's own id (what the disassembler and OP_INFO describe) */
  id: number;
  /** the id that executes: the row itself, or for an extended mnemonic the row it spells */
  exec: number;
  def: InsnDef;
  family: string;
}

/** rows by id */
export const ROWS: Row[] = [];
/** per primary opcode of the first word, the rows most specific first */
const byPrimary: Row[][] = Array.from({ length: 64 }, () => []);

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

for (const fam of FAMILIES) {
  if (fam.base < FAMILY_BASE || fam.base + fam.defs.length > 32767)
    throw new Error(`family ${fam.name}: base ${fam.base} out of range`);
  fam.defs.forEach((def, i) => {
    if ((def.match & ~def.mask) >>> 0 !== 0)
      throw new Error(`${fam.name}: ${def.name} has match bits outside its mask`);
    const row: Row = { id: fam.base + i, exec: fam.base + i, def, family: fam.name };
    if (ROWS[row.id]) throw new Error(`family ${fam.name}: id ${row.id} is taken by ${ROWS[row.id].def.name}`);
    ROWS[row.id] = row;
  });
}
// extended mnemonics execute as the row they spell (looked up by name within the family)
for (const fam of FAMILIES) {
  for (let i = 0; i < fam.defs.length; i++) {
    const def = fam.defs[i];
    if (!def.alias) continue;
    const j = fam.defs.findIndex((d) => d.name === def.alias && !d.alias);
    if (j < 0)
      throw new Error(`${fam.name}: ${def.name} is an alias of ${def.alias}, which the family does not define`);
    ROWS[fam.base + i].exec = fam.base + j;
  }
}
for (const row of ROWS) if (row) byPrimary[row.def.match >>> 26].push(row);
for (const list of byPrimary) {
  list.sort((a, b) => {
    const ka = popcount(a.def.mask) + popcount(a.def.suffixMask ?? 0) + (a.def.matches ? 1 : 0);
    const kb = popcount(b.def.mask) + popcount(b.def.suffixMask ?? 0) + (b.def.matches ? 1 : 0);
    return kb - ka;
  });
}

function fits(row: Row, word: number, next: number): boolean {
  const d = row.def;
  if ((word & d.mask) >>> 0 !== d.match) return false;
  if (d.suffixMask !== undefined && (next & d.suffixMask) >>> 0 !== (d.suffixMatch ?? 0)) return false;
  return d.matches === undefined || d.matches(word);
}

/** The most specific row matching an instruction (word, and the next word for prefixed ones). */
export function findRow(word: number, next = 0, forDisassembly = false): Row | undefined {
  for (const row of byPrimary[word >>> 26]) {
    if (forDisassembly ? row.def.asmOnly : row.def.disasmOnly) continue;
    if (fits(row, word, next)) return row;
  }
  return undefined;
}

/** The operation a word executes as (0: none of the families knows it). */
export function decodeFamily(word: number, next = 0): number {
  const row = findRow(word, next);
  return row === undefined ? 0 : row.exec;
}

/** Whether a primary opcode is the prefix of an 8-byte instruction. */
export const PREFIX_PRIMARY = 1;
