// C types from DWARF type DIEs: base types, pointers, arrays with their bounds, structures and
// unions with member offsets and bit-fields, enumerations, typedefs, qualifiers and function
// types. Built on demand and cached per DIE (a structure that points to itself is the same object).
// Names are written as C and GDB write them: "int *", "char [8]", "struct node *", "int (*)(int, int)".
import { DW_AT, DW_ATE, DW_TAG } from './constants';
import type { Die } from './units';

export type CType =
  | { kind: 'void' }
  | { kind: 'base'; name: string; size: number; encoding: number }
  | { kind: 'pointer'; target: CType; size: number }
  | {
      kind: 'array';
      element: CType;
      /** undefined: unknown bound (int a[]) */ count: number | undefined;
      lower: number;
    }
  | StructType
  | {
      kind: 'enum';
      name: string | undefined;
      size: number;
      underlying: CType | undefined;
      enumerators: Array<{ name: string; value: bigint }>;
      isSigned: boolean;
    }
  | { kind: 'typedef'; name: string; target: CType }
  | { kind: 'qualified'; qualifier: 'const' | 'volatile' | 'restrict' | '_Atomic'; target: CType }
  | { kind: 'function'; returns: CType; params: CType[]; varargs: boolean; prototyped: boolean }
  | { kind: 'unknown'; name: string };

export interface StructType {
  kind: 'struct' | 'union' | 'class';
  name: string | undefined;
  size: number;
  members: Member[];
  /** only declared here (struct s;): its members are unknown */
  declaration: boolean;
}

export interface Member {
  name: string | undefined;
  type: CType;
  /** byte offset of the member's storage (for a bit-field: of the bytes that hold it) */
  offset: number;
  /** bit-fields: the size in bits, and the offset in bits from the start of the structure */
  bitSize?: number;
  bitOffset?: number;
}

export const VOID: CType = { kind: 'void' };
const MAX_DEPTH = 64;

export class TypeReader {
  private readonly cache = new Map<Die, CType>();

  /** The type of a DIE's DW_AT_type (void when absent). */
  typeOf(d: Die): CType {
    const t = d.ref(DW_AT.type);
    return t ? this.read(t) : d.has(DW_AT.type) ? { kind: 'unknown', name: '<unreadable type>' } : VOID;
  }

  read(d: Die, depth = 0): CType {
    const had = this.cache.get(d);
    if (had) return had;
    if (depth > MAX_DEPTH) return { kind: 'unknown', name: '<type nested too deep>' };
    // a declaration that names its definition in a type unit (-fdebug-types-section)
    if (d.has(DW_AT.signature)) {
      const def = d.ref(DW_AT.signature);
      if (def && def !== d) {
        const t = this.read(def, depth + 1);
        this.cache.set(d, t);
        return t;
      }
    }
    const sub = (x: Die): CType => {
      const r = x.ref(DW_AT.type);
      return r ? this.read(r, depth + 1) : VOID;
    };
    switch (d.tag) {
      case DW_TAG.base_type: {
        const t: CType = {
          kind: 'base',
          name: cName(d.name ?? '?'),
          size: d.num(DW_AT.byte_size) ?? 0,
          encoding: d.num(DW_AT.encoding) ?? 0,
        };
        this.cache.set(d, t);
        return t;
      }
      case DW_TAG.unspecified_type: {
        const t: CType = d.name === 'void' || d.name === undefined ? VOID : { kind: 'unknown', name: d.name };
        this.cache.set(d, t);
        return t;
      }
      case DW_TAG.pointer_type:
      case DW_TAG.reference_type: {
        const t = { kind: 'pointer', target: VOID, size: d.num(DW_AT.byte_size) ?? 8 } as {
          kind: 'pointer';
          target: CType;
          size: number;
        };
        this.cache.set(d, t);
        t.target = sub(d);
        return t;
      }
      case DW_TAG.typedef: {
        const t = { kind: 'typedef', name: d.name ?? '?', target: VOID } as {
          kind: 'typedef';
          name: string;
          target: CType;
        };
        this.cache.set(d, t);
        t.target = sub(d);
        return t;
      }
      case DW_TAG.const_type:
      case DW_TAG.volatile_type:
      case DW_TAG.restrict_type:
      case DW_TAG.atomic_type: {
        const qualifier =
          d.tag === DW_TAG.const_type
            ? 'const'
            : d.tag === DW_TAG.volatile_type
              ? 'volatile'
              : d.tag === DW_TAG.restrict_type
                ? 'restrict'
                : '_Atomic';
        const t = { kind: 'qualified', qualifier, target: VOID } as {
          kind: 'qualified';
          qualifier: 'const';
          target: CType;
        };
        this.cache.set(d, t);
        t.target = sub(d);
        return t;
      }
      case DW_TAG.structure_type:
      case DW_TAG.union_type: {
        const t = {
          kind: d.tag === DW_TAG.union_type ? 'union' : 'struct',
          name: d.name,
          size: d.num(DW_AT.byte_size) ?? 0,
          members: [] as Member[],
          declaration: d.flag(DW_AT.declaration),
        } as StructType;
        this.cache.set(d, t);
        for (const m of d.children) {
          if (m.tag !== DW_TAG.member) continue;
          const type = sub(m);
          const member: Member = { name: m.name, type, offset: 0 };
          const loc = m.attr(DW_AT.data_member_location);
          if (loc && (loc.k === 'const' || loc.k === 'sconst')) member.offset = Number(BigInt.asIntN(64, loc.v));
          else if (loc && loc.k === 'block') member.offset = constantExprOffset(loc.b) ?? 0;
          const bitSize = m.num(DW_AT.bit_size);
          if (bitSize !== undefined) {
            member.bitSize = bitSize;
            const dbo = m.num(DW_AT.data_bit_offset);
            if (dbo !== undefined) member.bitOffset = dbo;
            else {
              // DWARF 2/3: DW_AT_bit_offset counts from the most significant bit of the storage unit
              const unit = (m.num(DW_AT.byte_size) ?? sizeOf(type)) * 8;
              const bo = m.num(DW_AT.bit_offset) ?? 0;
              member.bitOffset = member.offset * 8 + unit - bo - bitSize;
            }
            member.offset = Math.floor(member.bitOffset / 8);
          }
          t.members.push(member);
        }
        return t;
      }
      case DW_TAG.enumeration_type: {
        const t = {
          kind: 'enum',
          name: d.name,
          size: d.num(DW_AT.byte_size) ?? 4,
          underlying: undefined,
          enumerators: [],
          isSigned: false,
        } as Extract<CType, { kind: 'enum' }>;
        this.cache.set(d, t);
        const under = d.ref(DW_AT.type);
        if (under) t.underlying = this.read(under, depth + 1);
        const u = t.underlying ? strip(t.underlying) : undefined;
        t.isSigned =
          u !== undefined && u.kind === 'base'
            ? u.encoding === DW_ATE.signed || u.encoding === DW_ATE.signed_char
            : false;
        for (const e of d.children) {
          if (e.tag !== DW_TAG.enumerator) continue;
          const v = e.attr(DW_AT.const_value);
          let value = 0n;
          if (v && v.k === 'sconst') {
            value = v.v;
            if (v.v < 0n) t.isSigned = true;
          } else if (v && v.k === 'const') value = t.isSigned ? BigInt.asIntN(Math.max(8, v.size * 8 || 64), v.v) : v.v;
          t.enumerators.push({ name: e.name ?? '?', value });
        }
        return t;
      }
      case DW_TAG.array_type: {
        const element = sub(d);
        const dims = d.children.filter((c) => c.tag === DW_TAG.subrange_type || c.tag === DW_TAG.enumeration_type);
        // int a[2][3] is an array of 2 arrays of 3: build from the last dimension outwards
        let t: CType = element;
        const list = dims.length > 0 ? dims : [undefined];
        for (let i = list.length - 1; i >= 0; i--) {
          const s = list[i];
          let count: number | undefined;
          let lower = 0;
          if (s) {
            lower = Number(s.sint(DW_AT.lower_bound) ?? 0n);
            const cnt = s.num(DW_AT.count);
            const ub = s.attr(DW_AT.upper_bound);
            if (cnt !== undefined) count = cnt;
            else if (ub && (ub.k === 'const' || ub.k === 'sconst')) {
              const u = s.sint(DW_AT.upper_bound) ?? -1n;
              // an upper bound of -1 (unsigned all ones) is GCC's "unknown" (flexible array member)
              const n = u - BigInt(lower) + 1n;
              count = n >= 0n && n < 1n << 40n ? Number(n) : undefined;
              if (ub.k === 'const' && ub.size > 0 && ub.v === (1n << BigInt(ub.size * 8)) - 1n) count = 0;
            }
          }
          t = { kind: 'array', element: t, count, lower };
        }
        this.cache.set(d, t);
        return t;
      }
      case DW_TAG.subroutine_type: {
        const t = {
          kind: 'function',
          returns: VOID,
          params: [] as CType[],
          varargs: false,
          prototyped: d.flag(DW_AT.prototyped),
        } as Extract<CType, { kind: 'function' }>;
        this.cache.set(d, t);
        t.returns = sub(d);
        for (const p of d.children) {
          if (p.tag === DW_TAG.formal_parameter) t.params.push(sub(p));
          else if (p.tag === DW_TAG.unspecified_parameters) t.varargs = true;
        }
        return t;
      }
      default: {
        const t: CType = { kind: 'unknown', name: d.name ?? `<type with tag ${d.tag}>` };
        this.cache.set(d, t);
        return t;
      }
    }
  }
}

/** GCC's names of C's integer types as C programmers (and GDB) write them: "long unsigned int" is "unsigned long". */
const C_NAMES: Record<string, string> = {
  'short int': 'short',
  'short unsigned int': 'unsigned short',
  'long int': 'long',
  'long unsigned int': 'unsigned long',
  'long long int': 'long long',
  'long long unsigned int': 'unsigned long long',
};
export function cName(n: string): string {
  return C_NAMES[n] ?? n;
}

/** DW_AT_data_member_location as an expression (DWARF 2: DW_OP_plus_uconst N). */
function constantExprOffset(b: Uint8Array): number | undefined {
  if (b.length >= 2 && b[0] === 0x23) {
    let v = 0;
    let mul = 1;
    for (let i = 1; i < b.length && i < 10; i++) {
      v += (b[i] & 0x7f) * mul;
      if (b[i] < 0x80) return v;
      mul *= 128;
    }
  }
  return undefined;
}

/** The type under typedefs and qualifiers. */
export function strip(t: CType): CType {
  for (let i = 0; i < MAX_DEPTH && (t.kind === 'typedef' || t.kind === 'qualified'); i++) t = t.target;
  return t;
}

/** The type under qualifiers only (typedef names stay). */
export function unqualified(t: CType): CType {
  for (let i = 0; i < MAX_DEPTH && t.kind === 'qualified'; i++) t = t.target;
  return t;
}

export function sizeOf(t: CType, depth = 0): number {
  if (depth > MAX_DEPTH) return 0;
  switch (t.kind) {
    case 'void':
      return 1; // (GCC: sizeof(void) is 1)
    case 'base':
    case 'pointer':
    case 'struct':
    case 'union':
    case 'class':
    case 'enum':
      return t.size;
    case 'array':
      return (t.count ?? 0) * sizeOf(t.element, depth + 1);
    case 'typedef':
    case 'qualified':
      return sizeOf(t.target, depth + 1);
    case 'function':
      return 1;
    default:
      return 0;
  }
}

export function isInteger(t: CType): boolean {
  const s = strip(t);
  return (s.kind === 'base' && s.encoding !== DW_ATE.float && s.encoding !== DW_ATE.complex_float) || s.kind === 'enum';
}
export function isFloat(t: CType): boolean {
  const s = strip(t);
  return s.kind === 'base' && s.encoding === DW_ATE.float;
}
export function isSignedInt(t: CType): boolean {
  const s = strip(t);
  if (s.kind === 'enum') return s.isSigned;
  return s.kind === 'base' && (s.encoding === DW_ATE.signed || s.encoding === DW_ATE.signed_char);
}
export function isCharType(t: CType): boolean {
  const s = strip(t);
  return (
    s.kind === 'base' &&
    s.size === 1 &&
    (s.encoding === DW_ATE.signed_char || s.encoding === DW_ATE.unsigned_char || s.encoding === DW_ATE.UTF)
  );
}
export function isScalar(t: CType): boolean {
  const s = strip(t);
  return s.kind === 'base' || s.kind === 'enum' || s.kind === 'pointer';
}

/** The C name of a type: "int", "const char *", "struct point [2]", "int (*)(int, int)". */
export function typeName(t: CType): string {
  return declarator(t, '').trim();
}

/** Writes `t` around the declarator `inner` (C declarations read inside out). */
function declarator(t: CType, inner: string, depth = 0): string {
  if (depth > MAX_DEPTH) return '<type nested too deep>';
  const named = (base: string) => (inner === '' ? base : `${base} ${inner}`);
  switch (t.kind) {
    case 'void':
      return named('void');
    case 'base':
    case 'typedef':
    case 'unknown':
      return named(t.name);
    case 'struct':
    case 'union':
    case 'class':
      return named(`${t.kind} ${t.name ?? '{...}'}`);
    case 'enum':
      return named(`enum ${t.name ?? '{...}'}`);
    case 'pointer': {
      const target = unqualified(t.target);
      const star = `*${inner}`;
      return declarator(
        t.target,
        target.kind === 'array' || target.kind === 'function' ? `(${star})` : star,
        depth + 1,
      );
    }
    case 'array':
      return declarator(t.element, `${inner}[${t.count ?? ''}]`, depth + 1);
    case 'function': {
      const params = t.params.map((p) => typeName(p));
      if (t.varargs) params.push('...');
      const list = params.length === 0 ? (t.prototyped ? 'void' : '') : params.join(', ');
      return declarator(t.returns, `${inner}(${list})`, depth + 1);
    }
    case 'qualified': {
      // (consecutive qualifiers in C's usual order: "const volatile int")
      const quals = new Set<string>([t.qualifier]);
      let under: CType = t.target;
      for (let i = 0; i < MAX_DEPTH && under.kind === 'qualified'; i++) {
        quals.add(under.qualifier);
        under = under.target;
      }
      if (quals.size > 1 && under.kind !== 'pointer') {
        const order = ['const', 'volatile', 'restrict', '_Atomic'].filter((q) => quals.has(q));
        return `${order.join(' ')} ${declarator(under, inner, depth + 1)}`;
      }
      if (t.target.kind === 'pointer') {
        // a qualified pointer: "char * const"
        const p = t.target;
        const target = unqualified(p.target);
        const star = `* ${t.qualifier}${inner === '' ? '' : ' ' + inner}`;
        return declarator(
          p.target,
          target.kind === 'array' || target.kind === 'function' ? `(${star})` : star,
          depth + 1,
        );
      }
      return `${t.qualifier} ${declarator(t.target, inner, depth + 1)}`;
    }
  }
}
