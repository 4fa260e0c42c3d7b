// The program as a debugger sees it, per compile unit: functions with code (their out-of-line
// instances), the blocks inside them (lexical blocks and inlined calls, each with its address
// ranges), the variables and parameters each block declares (names and types through
// DW_AT_abstract_origin and DW_AT_specification), the file-scope variables, and the call sites
// (DW_TAG_call_site) that entry values are recovered from.
import { DW_AT, DW_TAG } from './constants';
import { dieRanges, type Range } from './lists';
import { DwarfFail } from './reader';
import type { Die, Unit } from './units';

export interface Block {
  die: Die;
  kind: 'function' | 'inlined' | 'block';
  /** link-time [start, end) ranges */
  ranges: Range[];
  parent: Block | undefined;
  children: Block[];
}

export interface VarDecl {
  name: string;
  /** the DIE with the location (the concrete one) */
  die: Die;
  /** where name, type and declaration come from (the abstract origin when there is one) */
  origin: Die;
  isParam: boolean;
  /** declared in the abstract instance but absent here: the compiler dropped it */
  missing?: boolean;
}

const MAX_ORIGIN_DEPTH = 16;

/** Follows DW_AT_abstract_origin and DW_AT_specification to the DIE that has the name. */
export function originOf(d: Die): Die {
  let cur = d;
  for (let i = 0; i < MAX_ORIGIN_DEPTH; i++) {
    const next = cur.ref(DW_AT.abstract_origin) ?? cur.ref(DW_AT.specification);
    if (!next || next === cur) break;
    cur = next;
  }
  return cur;
}

/** An attribute of a DIE or, when absent, of its origins. */
export function inherited(d: Die, at: number): Die | undefined {
  let cur: Die | undefined = d;
  for (let i = 0; i < MAX_ORIGIN_DEPTH && cur; i++) {
    if (cur.has(at)) return cur;
    cur = cur.ref(DW_AT.abstract_origin) ?? cur.ref(DW_AT.specification);
  }
  return undefined;
}

export function nameOf(d: Die): string | undefined {
  return inherited(d, DW_AT.name)?.name;
}

function safeRanges(d: Die): Range[] {
  try {
    return dieRanges(d).filter(([s, e]) => e > s && s !== 0n);
  } catch (e) {
    if (e instanceof DwarfFail) return [];
    throw e;
  }
}

export function blockStart(b: Block): bigint {
  let lo: bigint | undefined;
  for (const [s] of b.ranges) if (lo === undefined || s < lo) lo = s;
  return lo ?? 0n;
}

/** The entry address of a function or inlined block: DW_AT_entry_pc, else its lowest address. */
export function entryPc(b: Block): bigint {
  const e = b.die.attr(DW_AT.entry_pc);
  if (e) {
    const a = b.die.unit.address(e);
    if (a !== undefined) return a;
    // DWARF 5: a constant entry_pc is an offset from the low address
    if (e.k === 'const' || e.k === 'sconst') return blockStart(b) + e.v;
  }
  return blockStart(b);
}

export function contains(ranges: Range[], pc: bigint): boolean {
  for (const [s, e] of ranges) if (s <= pc && pc < e) return true;
  return false;
}

export class UnitScopes {
  /** per range of each function: [start, end, function], sorted */
  private readonly index: Array<{ start: bigint; end: bigint; fn: Block }> = [];
  readonly functions: Block[] = [];
  /** file-scope variables (definitions with a location or a constant value) */
  readonly globals: VarDecl[] = [];
  private callSites: Map<bigint, Die> | undefined;

  constructor(readonly unit: Unit) {
    const dies = unit.dies();
    const root = dies[0];
    const walkTop = (d: Die) => {
      for (const c of d.children) {
        if (c.tag === DW_TAG.subprogram) {
          const ranges = safeRanges(c);
          if (ranges.length === 0) continue; // a declaration or an abstract (inline-only) instance
          const fn: Block = { die: c, kind: 'function', ranges, parent: undefined, children: [] };
          this.collectBlocks(fn, c, 0);
          this.functions.push(fn);
          for (const [s, e] of ranges) this.index.push({ start: s, end: e, fn });
        } else if (c.tag === DW_TAG.variable) {
          if (!c.has(DW_AT.location) && !c.has(DW_AT.const_value)) continue;
          const o = originOf(c);
          const name = o.name;
          if (name) this.globals.push({ name, die: c, origin: o, isParam: false });
        } else if (c.tag === DW_TAG.namespace) walkTop(c);
      }
    };
    walkTop(root);
    this.index.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }

  private collectBlocks(parent: Block, d: Die, depth: number): void {
    if (depth > 200) return;
    for (const c of d.children) {
      if (c.tag === DW_TAG.lexical_block || c.tag === DW_TAG.inlined_subroutine) {
        const ranges = safeRanges(c);
        if (ranges.length === 0) {
          // a block without addresses: its contents belong to the enclosing block
          this.collectBlocks(parent, c, depth + 1);
          continue;
        }
        const b: Block = {
          die: c,
          kind: c.tag === DW_TAG.inlined_subroutine ? 'inlined' : 'block',
          ranges,
          parent,
          children: [],
        };
        parent.children.push(b);
        this.collectBlocks(b, c, depth + 1);
      }
    }
  }

  /** The function whose code holds `pc` (link-time). */
  functionAt(pc: bigint): Block | undefined {
    const x = this.index;
    let lo = 0;
    let hi = x.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (x[mid].start <= pc) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = best; i >= 0 && i > best - 32; i--) if (x[i].start <= pc && pc < x[i].end) return x[i].fn;
    return undefined;
  }

  /** The blocks holding `pc`, innermost first, ending with the function. */
  blocksAt(pc: bigint): Block[] {
    const fn = this.functionAt(pc);
    if (!fn) return [];
    const chain: Block[] = [fn];
    let cur = fn;
    for (let depth = 0; depth < 200; depth++) {
      const inner = cur.children.find((b) => contains(b.ranges, pc));
      if (!inner) break;
      chain.push(inner);
      cur = inner;
    }
    return chain.reverse();
  }

  /** A function by name (its out-of-line instance). */
  functionNamed(name: string): Block | undefined {
    return this.functions.find((f) => nameOf(f.die) === name);
  }

  /** The call site whose return address is `returnPc` (link-time). */
  callSiteAt(returnPc: bigint): Die | undefined {
    if (!this.callSites) {
      const m = new Map<bigint, Die>();
      for (const d of this.unit.dies()) {
        if (d.tag !== DW_TAG.call_site && d.tag !== DW_TAG.GNU_call_site) continue;
        const v = d.attr(DW_AT.call_return_pc) ?? d.attr(DW_AT.low_pc);
        const a = v ? d.unit.address(v) : undefined;
        if (a !== undefined) m.set(a, d);
      }
      this.callSites = m;
    }
    return this.callSites.get(returnPc);
  }
}

/** The variables and parameters a block declares directly (not those of nested blocks). */
export function blockVariables(b: Block): VarDecl[] {
  const out: VarDecl[] = [];
  const seenOrigins = new Set<Die>();
  const visit = (d: Die, depth: number) => {
    for (const c of d.children) {
      if (c.tag === DW_TAG.variable || c.tag === DW_TAG.formal_parameter) {
        const o = originOf(c);
        const name = o.name;
        seenOrigins.add(o);
        if (name !== undefined) out.push({ name, die: c, origin: o, isParam: c.tag === DW_TAG.formal_parameter });
      } else if ((c.tag === DW_TAG.lexical_block || c.tag === DW_TAG.inlined_subroutine) && depth < 50) {
        // a nested block without addresses is part of this one
        if (!c.has(DW_AT.low_pc) && !c.has(DW_AT.ranges) && c.tag === DW_TAG.lexical_block) visit(c, depth + 1);
      }
    }
  };
  visit(b.die, 0);
  // parameters of the abstract instance that this instance does not describe: optimized out
  if (b.kind !== 'block') {
    const abs = b.die.ref(DW_AT.abstract_origin);
    if (abs) {
      for (const c of abs.children) {
        if (c.tag !== DW_TAG.formal_parameter || seenOrigins.has(c)) continue;
        const name = c.name;
        if (name !== undefined) out.push({ name, die: c, origin: c, isParam: true, missing: true });
      }
    }
  }
  // parameters first (in declaration order), then variables
  return [...out.filter((v) => v.isParam), ...out.filter((v) => !v.isParam)];
}
