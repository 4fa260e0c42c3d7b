// Units of .debug_info (and DWARF 4 .debug_types): their headers, read for every unit when the file
// opens (a few bytes each), and their DIE trees, decoded only when a query needs that unit.
// A DIE's attributes are decoded with the tree; strings, string and address indexes are resolved
// when asked for (DW_FORM_strx needs the unit's DW_AT_str_offsets_base, found in the same DIE).
import type { AbbrevTable } from './abbrev';
import { DW_AT, DW_FORM, DW_UT } from './constants';
import type { DebugSections } from './sections';
import { Cursor, DwarfFail, fail, stringAt } from './reader';
import { hexU64 } from '../hex';

export type AttrValue =
  | { k: 'addr'; v: bigint }
  | { k: 'addrx'; i: number }
  /** data1/2/4/8 (size in bytes; signedness depends on the attribute), udata (size 0) */
  | { k: 'const'; v: bigint; size: number }
  /** sdata, implicit_const */
  | { k: 'sconst'; v: bigint }
  | { k: 'str'; v: string }
  | { k: 'strp'; off: number; line: boolean }
  | { k: 'strx'; i: number }
  /** a reference: the offset of the DIE in its section */
  | { k: 'ref'; off: number }
  | { k: 'sig'; v: bigint }
  | { k: 'block'; b: Uint8Array }
  | { k: 'flag'; v: boolean }
  | { k: 'secoff'; v: number }
  | { k: 'loclistx'; i: number }
  | { k: 'rnglistx'; i: number }
  | { k: 'data16'; b: Uint8Array }
  /** a form that refers to another file (supplementary object, dwz): not followed */
  | { k: 'external'; form: number };

export class Die {
  parent: Die | undefined;
  children: Die[] = [];
  constructor(
    readonly unit: Unit,
    readonly offset: number,
    readonly tag: number,
    readonly ats: number[],
    readonly vals: AttrValue[],
  ) {}

  attr(at: number): AttrValue | undefined {
    const i = this.ats.indexOf(at);
    return i < 0 ? undefined : this.vals[i];
  }
  has(at: number): boolean {
    return this.ats.includes(at);
  }
  /** A string attribute, resolved (strp, line_strp, strx); undefined when absent or unreadable. */
  str(at: number): string | undefined {
    const v = this.attr(at);
    return v ? this.unit.dwarf.stringOf(this.unit, v) : undefined;
  }
  get name(): string | undefined {
    return this.str(DW_AT.name);
  }
  /** An unsigned constant attribute (data forms, udata, sdata as two's complement), or undefined. */
  uint(at: number): bigint | undefined {
    const v = this.attr(at);
    if (!v) return undefined;
    if (v.k === 'const' || v.k === 'sconst') return BigInt.asUintN(64, v.v);
    if (v.k === 'flag') return v.v ? 1n : 0n;
    return undefined;
  }
  /** A signed constant attribute (data1..8 sign-extended from their size). */
  sint(at: number): bigint | undefined {
    const v = this.attr(at);
    if (!v) return undefined;
    if (v.k === 'sconst') return v.v;
    if (v.k === 'const') return v.size === 0 ? v.v : BigInt.asIntN(v.size * 8, v.v);
    return undefined;
  }
  /** A small non-negative number attribute (sizes, lines, counts); undefined when absent or absurd. */
  num(at: number): number | undefined {
    const v = this.uint(at);
    return v === undefined || v > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : Number(v);
  }
  flag(at: number): boolean {
    const v = this.attr(at);
    return v !== undefined && (v.k === 'flag' ? v.v : v.k === 'const' ? v.v !== 0n : false);
  }
  /** The DIE a reference attribute points to (same unit, another unit, or a type unit by signature). */
  ref(at: number): Die | undefined {
    const v = this.attr(at);
    if (!v) return undefined;
    if (v.k === 'ref') return this.unit.dwarf.dieAt(this.unit.section, v.off);
    if (v.k === 'sig') return this.unit.dwarf.typeUnitDie(v.v);
    return undefined;
  }
}

export interface UnitHeader {
  /** the offset of the unit header in its section */
  offset: number;
  section: 'info' | 'types';
  version: number;
  unitType: number;
  offsetSize: 4 | 8;
  addressSize: number;
  abbrevOffset: number;
  /** where the first DIE starts */
  dieStart: number;
  /** the end of the unit (exclusive) */
  end: number;
  typeSignature?: bigint;
  /** type units: the offset of the type DIE (absolute in the section) */
  typeOffset?: number;
  dwoId?: bigint;
}

/** What a unit needs of the whole file: sections, strings, other units. Implemented by Dwarf (dwarf.ts). */
export interface DwarfContext {
  readonly sections: DebugSections;
  abbrevTable(offset: number): AbbrevTable;
  stringOf(u: Unit, v: AttrValue): string | undefined;
  dieAt(section: 'info' | 'types', offset: number): Die | undefined;
  typeUnitDie(sig: bigint): Die | undefined;
}

/** The most DIEs one unit may have (far above real programs; bounds memory on corrupt input). */
const MAX_DIES = 5_000_000;

export class Unit {
  private diesCache: Die[] | undefined;
  private byOffset: Map<number, Die> | undefined;
  private rootCache: Die | undefined;
  private failure: string | undefined;

  constructor(
    readonly dwarf: DwarfContext,
    readonly header: UnitHeader,
  ) {}

  get section(): 'info' | 'types' {
    return this.header.section;
  }
  get version(): number {
    return this.header.version;
  }
  get addressSize(): number {
    return this.header.addressSize;
  }
  get offsetSize(): 4 | 8 {
    return this.header.offsetSize;
  }
  get what(): string {
    return `the unit at ${hexU64(this.header.offset)} of .debug_${this.header.section}`;
  }

  private bytes(): Uint8Array {
    const b = this.header.section === 'info' ? this.dwarf.sections.info : this.dwarf.sections.types;
    if (!b) return fail(`${this.what}: its section is missing`);
    return b;
  }

  /** The unit's top DIE alone (compile unit, type unit): read without the rest of the tree. */
  root(): Die {
    if (this.rootCache) return this.rootCache;
    if (this.diesCache) return (this.rootCache = this.diesCache[0]);
    const c = new Cursor(this.bytes(), this.header.dieStart, this.header.end, this.what);
    const abbrevs = this.dwarf.abbrevTable(this.header.abbrevOffset);
    const d = readDie(this, c, abbrevs);
    if (!d) fail(`${this.what}: it has no DIE`);
    this.rootCache = d.die;
    return d.die;
  }

  /** Every DIE of the unit, in order (the first is the root); decoded once. */
  dies(): Die[] {
    if (this.diesCache) return this.diesCache;
    if (this.failure) fail(this.failure);
    try {
      this.diesCache = this.parseTree();
    } catch (e) {
      if (e instanceof DwarfFail) this.failure = e.message;
      throw e;
    }
    this.rootCache = this.diesCache[0];
    return this.diesCache;
  }

  dieAt(offset: number): Die | undefined {
    if (!this.byOffset) {
      const m = new Map<number, Die>();
      for (const d of this.dies()) m.set(d.offset, d);
      this.byOffset = m;
    }
    return this.byOffset.get(offset);
  }

  private parseTree(): Die[] {
    const c = new Cursor(this.bytes(), this.header.dieStart, this.header.end, this.what);
    const abbrevs = this.dwarf.abbrevTable(this.header.abbrevOffset);
    const out: Die[] = [];
    const stack: Die[] = [];
    while (!c.atEnd) {
      const r = readDie(this, c, abbrevs);
      if (!r) {
        // a null entry ends the children of the innermost open DIE
        if (stack.length === 0) {
          // padding after the root's siblings (GCC never writes it, linkers may): stop
          if (out.length > 0) break;
          continue;
        }
        stack.pop();
        if (stack.length === 0) break;
        continue;
      }
      const d = r.die;
      const parent = stack[stack.length - 1];
      if (parent) {
        d.parent = parent;
        parent.children.push(d);
      } else if (out.length > 0) {
        // a second top-level DIE: not valid, ignore the rest
        break;
      }
      out.push(d);
      if (out.length > MAX_DIES) fail(`${this.what}: more than ${MAX_DIES} DIEs`);
      if (r.hasChildren) stack.push(d);
    }
    if (out.length === 0) fail(`${this.what}: it has no DIE`);
    return out;
  }

  // ---- the unit's bases, from its root DIE -------------------------------------------------

  private basesCache: { str: number; addr: number; rng: number; loc: number; low: bigint } | undefined;
  bases(): { str: number; addr: number; rng: number; loc: number; low: bigint } {
    if (this.basesCache) return this.basesCache;
    const r = this.root();
    const sec = (at: number): number | undefined => {
      const v = r.attr(at);
      return v && (v.k === 'secoff' || v.k === 'const') ? Number(v.v) : undefined;
    };
    const headerSize = this.offsetSize === 8 ? 16 : 8;
    const low = r.attr(DW_AT.low_pc);
    this.basesCache = {
      str: sec(DW_AT.str_offsets_base) ?? headerSize,
      addr: sec(DW_AT.addr_base) ?? sec(DW_AT.GNU_addr_base) ?? headerSize,
      rng: sec(DW_AT.rnglists_base) ?? 0,
      loc: sec(DW_AT.loclists_base) ?? 0,
      low: 0n,
    };
    // (the base address reads addr_base: set it after)
    this.basesCache.low = low ? (this.address(low) ?? 0n) : 0n;
    return this.basesCache;
  }

  /** An address attribute's value (addr, addrx forms); undefined for other forms. */
  address(v: AttrValue): bigint | undefined {
    if (v.k === 'addr') return v.v;
    if (v.k === 'addrx') return this.indexedAddress(v.i);
    return undefined;
  }

  /** Entry `i` of this unit's contribution to .debug_addr. */
  indexedAddress(i: number): bigint {
    const sec = this.dwarf.sections.addr;
    if (!sec) return fail(`${this.what} uses an address index but the file has no .debug_addr`);
    const size = this.addressSize;
    const at = this.bases().addr + i * size;
    const c = new Cursor(sec, 0, sec.length, '.debug_addr');
    if (at < 0 || at + size > sec.length) fail(`${this.what}: address index ${i} is outside .debug_addr`);
    c.pos = at;
    return c.address(size);
  }

  /** Entry `i` of this unit's string offsets (.debug_str_offsets), as a .debug_str offset. */
  indexedStringOffset(i: number): number {
    const sec = this.dwarf.sections.strOffsets;
    if (!sec) return fail(`${this.what} uses a string index but the file has no .debug_str_offsets`);
    const size = this.offsetSize;
    const at = this.bases().str + i * size;
    if (at < 0 || at + size > sec.length) fail(`${this.what}: string index ${i} is outside .debug_str_offsets`);
    const c = new Cursor(sec, at, sec.length, '.debug_str_offsets');
    return c.offset(size);
  }

  stringAtIndex(i: number): string {
    return stringAt(this.dwarf.sections.str, this.indexedStringOffset(i), `${this.what} (string index ${i})`);
  }
}

/** Reads one DIE at the cursor; undefined for a null entry (end of siblings). */
function readDie(u: Unit, c: Cursor, abbrevs: AbbrevTable): { die: Die; hasChildren: boolean } | undefined {
  const offset = c.pos;
  const code = c.uleb();
  if (code === 0) return undefined;
  const a = abbrevs.get(code);
  if (!a) fail(`${u.what}: the DIE at ${hexU64(offset)} uses abbreviation ${code}, which its table does not define`);
  const ats: number[] = new Array(a.specs.length);
  const vals: AttrValue[] = new Array(a.specs.length);
  for (let i = 0; i < a.specs.length; i++) {
    const s = a.specs[i];
    ats[i] = s.at;
    vals[i] = readForm(u, c, s.form, s.implicitConst, 0);
  }
  return { die: new Die(u, offset, a.tag, ats, vals), hasChildren: a.hasChildren };
}

function block(c: Cursor, n: number): AttrValue {
  return { k: 'block', b: c.take(n) };
}

/** Reads one attribute value of `form` (DWARF 5 section 7.5.6). */
export function readForm(
  u: Unit,
  c: Cursor,
  form: number,
  implicitConst: bigint | undefined,
  depth: number,
): AttrValue {
  const h = u.header;
  switch (form) {
    case DW_FORM.addr:
      return { k: 'addr', v: c.address(h.addressSize) };
    case DW_FORM.block2:
      return block(c, c.u16());
    case DW_FORM.block4:
      return block(c, c.u32());
    case DW_FORM.data2:
      return { k: 'const', v: BigInt(c.u16()), size: 2 };
    case DW_FORM.data4:
      return { k: 'const', v: BigInt(c.u32()), size: 4 };
    case DW_FORM.data8:
      return { k: 'const', v: c.u64(), size: 8 };
    case DW_FORM.data16:
      return { k: 'data16', b: c.take(16) };
    case DW_FORM.string:
      return { k: 'str', v: c.cstring() };
    case DW_FORM.block:
    case DW_FORM.exprloc:
      return block(c, c.uleb());
    case DW_FORM.block1:
      return block(c, c.u8());
    case DW_FORM.data1:
      return { k: 'const', v: BigInt(c.u8()), size: 1 };
    case DW_FORM.flag:
      return { k: 'flag', v: c.u8() !== 0 };
    case DW_FORM.sdata:
      return { k: 'sconst', v: c.slebBig() };
    case DW_FORM.strp:
      return { k: 'strp', off: c.offset(h.offsetSize), line: false };
    case DW_FORM.line_strp:
      return { k: 'strp', off: c.offset(h.offsetSize), line: true };
    case DW_FORM.udata:
      return { k: 'const', v: c.ulebBig(), size: 0 };
    case DW_FORM.ref_addr:
      // DWARF 2 wrote ref_addr with the address size; later versions with the offset size
      return { k: 'ref', off: h.version <= 2 ? Number(c.address(h.addressSize)) : c.offset(h.offsetSize) };
    case DW_FORM.ref1:
      return { k: 'ref', off: h.offset + c.u8() };
    case DW_FORM.ref2:
      return { k: 'ref', off: h.offset + c.u16() };
    case DW_FORM.ref4:
      return { k: 'ref', off: h.offset + c.u32() };
    case DW_FORM.ref8:
      return { k: 'ref', off: h.offset + c.u64n('reference') };
    case DW_FORM.ref_udata:
      return { k: 'ref', off: h.offset + c.uleb() };
    case DW_FORM.indirect: {
      if (depth > 4) fail(`${u.what}: DW_FORM_indirect nested too deep`);
      const f = c.uleb();
      return readForm(u, c, f, undefined, depth + 1);
    }
    case DW_FORM.sec_offset:
      return { k: 'secoff', v: c.offset(h.offsetSize) };
    case DW_FORM.flag_present:
      return { k: 'flag', v: true };
    case DW_FORM.implicit_const:
      return { k: 'sconst', v: implicitConst ?? 0n };
    case DW_FORM.strx:
    case DW_FORM.GNU_str_index:
      return { k: 'strx', i: c.uleb() };
    case DW_FORM.strx1:
      return { k: 'strx', i: c.u8() };
    case DW_FORM.strx2:
      return { k: 'strx', i: c.u16() };
    case DW_FORM.strx3:
      return { k: 'strx', i: c.u24() };
    case DW_FORM.strx4:
      return { k: 'strx', i: c.u32() };
    case DW_FORM.addrx:
    case DW_FORM.GNU_addr_index:
      return { k: 'addrx', i: c.uleb() };
    case DW_FORM.addrx1:
      return { k: 'addrx', i: c.u8() };
    case DW_FORM.addrx2:
      return { k: 'addrx', i: c.u16() };
    case DW_FORM.addrx3:
      return { k: 'addrx', i: c.u24() };
    case DW_FORM.addrx4:
      return { k: 'addrx', i: c.u32() };
    case DW_FORM.ref_sig8:
      return { k: 'sig', v: c.u64() };
    case DW_FORM.loclistx:
      return { k: 'loclistx', i: c.uleb() };
    case DW_FORM.rnglistx:
      return { k: 'rnglistx', i: c.uleb() };
    case DW_FORM.ref_sup4:
      c.skip(4);
      return { k: 'external', form };
    case DW_FORM.ref_sup8:
      c.skip(8);
      return { k: 'external', form };
    case DW_FORM.strp_sup:
    case DW_FORM.GNU_ref_alt:
    case DW_FORM.GNU_strp_alt:
      c.skip(h.offsetSize);
      return { k: 'external', form };
    default:
      return fail(
        `${u.what}: unknown attribute form ${hexU64(form)} at offset ${hexU64(c.pos)} (the ` +
          `rest of the unit cannot be read)`,
      );
  }
}

/**
 * The headers of every unit in a section: (length, version, unit type, abbreviation offset,
 * address size, and the type unit's signature). A corrupt header ends the list there; the message
 * says where (the units before it stay usable).
 */
export function readUnitHeaders(
  bytes: Uint8Array | undefined,
  section: 'info' | 'types',
): { headers: UnitHeader[]; problem?: string } {
  const headers: UnitHeader[] = [];
  if (!bytes) return { headers };
  const name = `.debug_${section}`;
  let pos = 0;
  while (pos < bytes.length) {
    const c = new Cursor(bytes, pos, bytes.length, `the unit at ${hexU64(pos)} of ${name}`);
    try {
      const { length, offsetSize } = c.initialLength();
      const end = c.pos + length;
      const version = c.u16();
      if (version < 2 || version > 5) fail(`${c.what}: DWARF version ${version} (versions 2 to 5 are read)`);
      let unitType: number = DW_UT.compile;
      let addressSize: number;
      let abbrevOffset: number;
      const h: Partial<UnitHeader> = {};
      if (version >= 5) {
        unitType = c.u8();
        addressSize = c.u8();
        abbrevOffset = c.offset(offsetSize);
        if (unitType === DW_UT.skeleton || unitType === DW_UT.split_compile) h.dwoId = c.u64();
        else if (unitType === DW_UT.type || unitType === DW_UT.split_type) {
          h.typeSignature = c.u64();
          h.typeOffset = pos + c.offset(offsetSize);
        } else if (unitType !== DW_UT.compile && unitType !== DW_UT.partial)
          fail(`${c.what}: unknown unit type ${unitType}`);
      } else {
        abbrevOffset = c.offset(offsetSize);
        addressSize = c.u8();
        if (section === 'types') {
          unitType = DW_UT.type;
          h.typeSignature = c.u64();
          h.typeOffset = pos + c.offset(offsetSize);
        }
      }
      if (addressSize !== 4 && addressSize !== 8) fail(`${c.what}: address size ${addressSize} (4 or 8 expected)`);
      if (c.pos > end) fail(`${c.what}: its header is longer than the unit`);
      headers.push({
        offset: pos,
        section,
        version,
        unitType,
        offsetSize,
        addressSize,
        abbrevOffset,
        dieStart: c.pos,
        end,
        ...h,
      });
      pos = end;
    } catch (e) {
      if (!(e instanceof DwarfFail)) throw e;
      return { headers, problem: e.message };
    }
  }
  return { headers };
}
