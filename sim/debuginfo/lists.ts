// Address range lists (DW_AT_ranges: .debug_rnglists in DWARF 5, .debug_ranges before) and
// location lists (.debug_loclists, .debug_loc), with the unit's base address and the GNU
// location-view pairs GCC writes into DWARF 5 location lists.
import { DW_AT, DW_LLE, DW_RLE } from './constants';
import { Cursor, fail } from './reader';
import { hexU64 } from '../hex';
import type { AttrValue, Die, Unit } from './units';

/** [start, end) link-time addresses */
export type Range = [bigint, bigint];

/** The most entries one list may have (bounds the work on a corrupt list). */
const MAX_ENTRIES = 1_000_000;
const MAX_ADDR = (1n << 64n) - 1n;

/** The offset of a list: a section offset, or an index into the unit's offset table (DWARF 5 *x forms). */
function listOffset(u: Unit, v: AttrValue, section: Uint8Array, base: number, what: string): number {
  if (v.k === 'secoff' || v.k === 'const') return Number(v.v);
  if (v.k === 'rnglistx' || v.k === 'loclistx') {
    const size = u.offsetSize;
    const at = base + v.i * size;
    if (at + size > section.length) fail(`${u.what}: ${what} index ${v.i} is outside its offset table`);
    const c = new Cursor(section, at, section.length, what);
    return base + c.offset(size);
  }
  return fail(`${u.what}: ${what} has form ${v.k}, not a list offset`);
}

/** The address ranges a DIE covers: DW_AT_low_pc/high_pc, or DW_AT_ranges; [] when it has neither. */
export function dieRanges(d: Die): Range[] {
  const u = d.unit;
  // DW_AT_ranges wins: a DW_AT_low_pc beside it is the base address of the list (a unit's, often 0)
  const r = d.attr(DW_AT.ranges);
  if (r) return readRanges(u, r, u.bases().low);
  const low = d.attr(DW_AT.low_pc);
  if (!low) return [];
  const lo = u.address(low);
  if (lo === undefined) return [];
  const high = d.attr(DW_AT.high_pc);
  if (!high) return [[lo, lo + 1n]];
  // high_pc as a constant is the length (DWARF 4+); as an address, the end
  const hi = high.k === 'const' || high.k === 'sconst' ? lo + BigInt.asUintN(64, high.v) : u.address(high);
  if (hi === undefined || hi <= lo) return [];
  return [[lo, hi]];
}

export function readRanges(u: Unit, v: AttrValue, baseAddress: bigint): Range[] {
  const out: Range[] = [];
  if (u.version >= 5) {
    const sec = u.dwarf.sections.rnglists;
    if (!sec) return fail(`${u.what} has range lists but the file has no .debug_rnglists`);
    const off = listOffset(u, v, sec, u.bases().rng, 'a range list');
    const c = new Cursor(sec, off, sec.length, `the range list at ${hexU64(off)} (.debug_rnglists)`);
    let base = baseAddress;
    for (let n = 0; n < MAX_ENTRIES; n++) {
      const kind = c.u8();
      switch (kind) {
        case DW_RLE.end_of_list:
          return out;
        case DW_RLE.base_addressx:
          base = u.indexedAddress(c.uleb());
          break;
        case DW_RLE.startx_endx: {
          const s = u.indexedAddress(c.uleb());
          out.push([s, u.indexedAddress(c.uleb())]);
          break;
        }
        case DW_RLE.startx_length: {
          const s = u.indexedAddress(c.uleb());
          out.push([s, s + c.ulebBig()]);
          break;
        }
        case DW_RLE.offset_pair: {
          const s = c.ulebBig();
          const e = c.ulebBig();
          out.push([base + s, base + e]);
          break;
        }
        case DW_RLE.base_address:
          base = c.address(u.addressSize);
          break;
        case DW_RLE.start_end: {
          const s = c.address(u.addressSize);
          out.push([s, c.address(u.addressSize)]);
          break;
        }
        case DW_RLE.start_length: {
          const s = c.address(u.addressSize);
          out.push([s, s + c.ulebBig()]);
          break;
        }
        default:
          return fail(`${c.what}: unknown entry kind ${kind} at ${hexU64(c.pos - 1)}`);
      }
    }
    return fail(`${c.what}: more than ${MAX_ENTRIES} entries`);
  }
  const sec = u.dwarf.sections.ranges;
  if (!sec) return fail(`${u.what} has range lists but the file has no .debug_ranges`);
  const off = listOffset(u, v, sec, 0, 'a range list');
  const c = new Cursor(sec, off, sec.length, `the range list at ${hexU64(off)} (.debug_ranges)`);
  const size = u.addressSize;
  const all = size === 8 ? MAX_ADDR : 0xffffffffn;
  let base = baseAddress;
  for (let n = 0; n < MAX_ENTRIES; n++) {
    const s = c.address(size);
    const e = c.address(size);
    if (s === 0n && e === 0n) return out;
    if (s === all) base = e;
    else out.push([base + s, base + e]);
  }
  return fail(`${c.what}: more than ${MAX_ENTRIES} entries`);
}

export interface LocEntry {
  /** [start, end) link-time addresses; a default location covers everything */
  start: bigint;
  end: bigint;
  expr: Uint8Array;
  isDefault?: boolean;
}

/** The entries of a location list (DW_AT_location with a list form). */
export function readLocList(u: Unit, v: AttrValue): LocEntry[] {
  const out: LocEntry[] = [];
  if (u.version >= 5) {
    const sec = u.dwarf.sections.loclists;
    if (!sec) return fail(`${u.what} has location lists but the file has no .debug_loclists`);
    const off = listOffset(u, v, sec, u.bases().loc, 'a location list');
    const c = new Cursor(sec, off, sec.length, `the location list at ${hexU64(off)} (.debug_loclists)`);
    let base = u.bases().low;
    const expr = () => c.take(c.uleb());
    for (let n = 0; n < MAX_ENTRIES; n++) {
      const kind = c.u8();
      switch (kind) {
        case DW_LLE.end_of_list:
          return out;
        case DW_LLE.base_addressx:
          base = u.indexedAddress(c.uleb());
          break;
        case DW_LLE.startx_endx: {
          const s = u.indexedAddress(c.uleb());
          const e = u.indexedAddress(c.uleb());
          out.push({ start: s, end: e, expr: expr() });
          break;
        }
        case DW_LLE.startx_length: {
          const s = u.indexedAddress(c.uleb());
          const e = s + c.ulebBig();
          out.push({ start: s, end: e, expr: expr() });
          break;
        }
        case DW_LLE.offset_pair: {
          const s = base + c.ulebBig();
          const e = base + c.ulebBig();
          out.push({ start: s, end: e, expr: expr() });
          break;
        }
        case DW_LLE.default_location:
          out.push({ start: 0n, end: MAX_ADDR, expr: expr(), isDefault: true });
          break;
        case DW_LLE.base_address:
          base = c.address(u.addressSize);
          break;
        case DW_LLE.start_end: {
          const s = c.address(u.addressSize);
          const e = c.address(u.addressSize);
          out.push({ start: s, end: e, expr: expr() });
          break;
        }
        case DW_LLE.start_length: {
          const s = c.address(u.addressSize);
          const e = s + c.ulebBig();
          out.push({ start: s, end: e, expr: expr() });
          break;
        }
        case DW_LLE.GNU_view_pair:
          c.uleb();
          c.uleb();
          break;
        default:
          return fail(`${c.what}: unknown entry kind ${kind} at ${hexU64(c.pos - 1)}`);
      }
    }
    return fail(`${c.what}: more than ${MAX_ENTRIES} entries`);
  }
  const sec = u.dwarf.sections.loc;
  if (!sec) return fail(`${u.what} has location lists but the file has no .debug_loc`);
  const off = listOffset(u, v, sec, 0, 'a location list');
  const c = new Cursor(sec, off, sec.length, `the location list at ${hexU64(off)} (.debug_loc)`);
  const size = u.addressSize;
  const all = size === 8 ? MAX_ADDR : 0xffffffffn;
  let base = u.bases().low;
  for (let n = 0; n < MAX_ENTRIES; n++) {
    const s = c.address(size);
    const e = c.address(size);
    if (s === 0n && e === 0n) return out;
    if (s === all) {
      base = e;
      continue;
    }
    out.push({ start: base + s, end: base + e, expr: c.take(c.u16()) });
  }
  return fail(`${c.what}: more than ${MAX_ENTRIES} entries`);
}
