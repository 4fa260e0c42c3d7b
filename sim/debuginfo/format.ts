// C values as C debuggers print them (GDB's conventions): integers in decimal, chars as `65 'A'`,
// bools as true/false, floats with 9 (float) or 17 (double) significant digits, pointers in hex
// with the symbol they point to (`0x100e0178 <n2>`) or, for char pointers, the string, arrays as
// `{1, 2, 3}` with runs shown as `<repeats N times>`, char arrays as strings, structures and unions
// as `{x = 1, y = 2}`, enumerators by name, bit-fields by their bits, `<optimized out>` where the
// compiler left no location. And the same values as a tree for a Variables view.
import { DW_ATE } from './constants';
import { typeName, strip, sizeOf, isCharType, unqualified, type CType, type StructType } from './types';
import { DwarfFail } from './reader';
import { CValue, type MemoryReader } from './values';

export interface FormatContext extends MemoryReader {
  /** "name" or "name+off" of the symbol holding an address, if any */
  symbolize(addr: bigint): string | undefined;
}

/** GDB's `print elements` (200) and `print repeats` (10) defaults. */
export const PRINT_ELEMENTS = 200;
export const REPEAT_THRESHOLD = 10;

export type Scalar =
  | { kind: 'int'; value: bigint; signed: boolean; size: number }
  | { kind: 'float'; value: number; size: number }
  | { kind: 'pointer'; value: bigint };

function le(b: Uint8Array): bigint {
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

/** IBM double-double (ppc long double): the sum of the two doubles. */
function floatOf(b: Uint8Array, size: number): number {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (size === 4) return dv.getFloat32(0, true);
  if (size === 8) return dv.getFloat64(0, true);
  if (size === 16) return dv.getFloat64(0, true) + dv.getFloat64(8, true);
  return NaN;
}

/** The value of a scalar (integer, enum, float, pointer, bit-field), or why it cannot be read. */
export function readScalar(v: CValue, mem: MemoryReader): Scalar | { error: string; optimizedOut?: boolean } {
  const t = strip(v.type);
  if (v.bits) {
    const n = Math.ceil((v.bits.offset + v.bits.size) / 8);
    const b = v.read(mem, 0, n);
    if (!(b instanceof Uint8Array)) return b;
    let x = (le(b) >> BigInt(v.bits.offset)) & ((1n << BigInt(v.bits.size)) - 1n);
    const signed = isSigned(t);
    if (signed) x = BigInt.asIntN(v.bits.size, x);
    return { kind: 'int', value: x, signed, size: sizeOf(t) };
  }
  const size = sizeOf(t);
  if (t.kind === 'pointer') {
    const b = v.read(mem, 0, t.size);
    if (!(b instanceof Uint8Array)) return b;
    return { kind: 'pointer', value: le(b) };
  }
  if (t.kind === 'base' && (t.encoding === DW_ATE.float || t.encoding === DW_ATE.complex_float)) {
    const b = v.read(mem, 0, size);
    if (!(b instanceof Uint8Array)) return b;
    return { kind: 'float', value: floatOf(b, size), size };
  }
  if (t.kind === 'base' || t.kind === 'enum') {
    if (size < 1 || size > 16) return { error: `an integer of ${size} bytes` };
    const b = v.read(mem, 0, size);
    if (!(b instanceof Uint8Array)) return b;
    const signed = isSigned(t);
    const x = le(b);
    return { kind: 'int', value: signed ? BigInt.asIntN(size * 8, x) : x, signed, size };
  }
  return { error: `${typeName(v.type)} is not a scalar` };
}

function isSigned(t: CType): boolean {
  if (t.kind === 'enum') return t.isSigned;
  return t.kind === 'base' && (t.encoding === DW_ATE.signed || t.encoding === DW_ATE.signed_char);
}

/** C's %.Ng: `prec` significant digits, trailing zeros dropped, exponent form outside 1e-4..1e(prec). */
export function formatG(x: number, prec: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x < 0 ? '-inf' : 'inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const e = Number(x.toExponential(prec - 1).split('e')[1]);
  if (e < -4 || e >= prec) {
    const [m, ex] = x.toExponential(prec - 1).split('e');
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(ex);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = x.toFixed(Math.max(0, prec - 1 - e));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A float as GDB prints it: %.9g for float, %.17g for double; NaNs with their payload. */
export function formatFloat(x: number, size: number, bits?: Uint8Array): string {
  if (Number.isNaN(x) && bits) {
    const v = le(bits.subarray(0, size === 4 ? 4 : 8));
    const width = size === 4 ? 32 : 64;
    const mantBits = size === 4 ? 23n : 52n;
    const neg = (v >> BigInt(width - 1)) & 1n;
    return `${neg ? '-' : ''}nan(0x${(v & ((1n << mantBits) - 1n)).toString(16)})`;
  }
  return formatG(x, size === 4 ? 9 : 17);
}

const ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
  27: '\\033',
};

/** One character as it appears inside quotes (`quote` is escaped). */
export function escapeChar(c: number, quote: string): string {
  if (c === quote.charCodeAt(0) || c === 0x5c) return `\\${String.fromCharCode(c)}`;
  if (c >= 0x20 && c < 0x7f) return String.fromCharCode(c);
  return ESCAPES[c] ?? `\\${c.toString(8).padStart(3, '0')}`;
}

export function formatChar(value: bigint): string {
  const c = Number(BigInt.asUintN(8, value));
  return `${value} '${escapeChar(c, "'")}'`;
}

/** Characters as GDB prints a char array: quoted runs, and `'c' <repeats N times>` for long runs. */
export function formatChars(chars: Uint8Array, truncated: boolean): string {
  let n = chars.length;
  // (a final NUL of a complete array is not shown)
  if (!truncated && n > 0 && chars[n - 1] === 0) n--;
  if (n === 0) return truncated ? '""...' : '""';
  const parts: string[] = [];
  let quoted = '';
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && chars[j] === chars[i]) j++;
    const reps = j - i;
    if (reps > REPEAT_THRESHOLD) {
      if (quoted) parts.push(`"${quoted}"`);
      quoted = '';
      parts.push(`'${escapeChar(chars[i], "'")}' <repeats ${reps} times>`);
    } else for (let k = 0; k < reps; k++) quoted += escapeChar(chars[i], '"');
    i = j;
  }
  if (quoted) parts.push(`"${quoted}"`);
  return parts.join(', ') + (truncated ? '...' : '');
}

/** The NUL-terminated string at `addr` (at most PRINT_ELEMENTS characters), GDB style. */
export function readCString(mem: MemoryReader, addr: bigint, limit = PRINT_ELEMENTS): string {
  const out: number[] = [];
  for (let i = 0; i < limit; i++) {
    const b = mem.readMemory(addr + BigInt(i), 1);
    if (!b)
      return out.length === 0
        ? `<error: Cannot access memory at address 0x${addr.toString(16)}>`
        : `${formatChars(new Uint8Array(out), true)}`.replace(/\.\.\.$/, '') +
            `<error: Cannot access memory at address 0x${(addr + BigInt(i)).toString(16)}>`;
    if (b[0] === 0) return formatChars(new Uint8Array([...out, 0]), false);
    out.push(b[0]);
  }
  return formatChars(new Uint8Array(out), true);
}

function enumText(t: Extract<CType, { kind: 'enum' }>, value: bigint): string {
  const hit = t.enumerators.find((e) => e.value === value);
  if (hit) return hit.name;
  // a flag enumeration (every enumerator a distinct bit pattern): (A | B | unknown: 0x8)
  const flags =
    t.enumerators.length > 0 &&
    t.enumerators.every((e) => e.value > 0n && t.enumerators.every((o) => o === e || (o.value & e.value) === 0n));
  if (flags && value > 0n) {
    let left = value;
    const names: string[] = [];
    for (const e of t.enumerators) {
      if ((left & e.value) === e.value) {
        names.push(e.name);
        left &= ~e.value;
      }
    }
    if (names.length > 0) return `(${names.join(' | ')}${left ? ` | unknown: 0x${left.toString(16)}` : ''})`;
  }
  return String(value);
}

export interface FormatOptions {
  /** GDB's top-level pointer form `(int *) 0x...` */
  typePrefix?: boolean;
}

const MAX_DEPTH = 12;

/** A value as one line of text, GDB style. */
export function formatValue(v: CValue, ctx: FormatContext, opts: FormatOptions = {}, depth = 0): string {
  if (v.data.kind === 'optimized-out') return '<optimized out>';
  if (v.data.kind === 'synthetic-pointer') return '<synthetic pointer>';
  if (v.data.kind === 'error') return `<error: ${v.data.message}>`;
  const t = strip(v.type);
  switch (t.kind) {
    case 'base':
    case 'enum':
    case 'pointer': {
      const s = readScalar(v, ctx);
      if ('error' in s) return s.optimizedOut ? '<optimized out>' : `<error: ${s.error}>`;
      return formatScalar(v.type, s, ctx, opts, v);
    }
    case 'array':
      return formatArray(v, t, ctx, depth);
    case 'struct':
    case 'union':
    case 'class':
      return formatStruct(v, t, ctx, depth);
    case 'function': {
      const a = v.address;
      if (a === undefined) return `{${typeName(v.type)}}`;
      const sym = ctx.symbolize(a);
      return `{${typeName(v.type)}} 0x${a.toString(16)}${sym ? ` <${sym}>` : ''}`;
    }
    case 'void':
      return 'void';
    default:
      return `<unknown type ${typeName(v.type)}>`;
  }
}

export function formatScalar(type: CType, s: Scalar, ctx: FormatContext, opts: FormatOptions = {}, v?: CValue): string {
  const t = strip(type);
  if (s.kind === 'float') {
    const b = v ? v.read(ctx, 0, s.size) : undefined;
    return formatFloat(s.value, s.size, b instanceof Uint8Array ? b : undefined);
  }
  if (s.kind === 'pointer') {
    const target = t.kind === 'pointer' ? strip(t.target) : undefined;
    const hex = `0x${s.value.toString(16)}`;
    const isString = target !== undefined && target.kind === 'base' && isCharType(target);
    // (GDB writes the type in front of a pointer, except a string's)
    const prefix = opts.typePrefix && !isString ? `(${typeName(type)}) ` : '';
    if (s.value === 0n) return `${prefix}${hex}`;
    const sym = ctx.symbolize(s.value);
    const at = `${prefix}${hex}${sym ? ` <${sym}>` : ''}`;
    return isString ? `${at} ${readCString(ctx, s.value)}` : at;
  }
  if (t.kind === 'enum') return enumText(t, s.value);
  if (t.kind === 'base') {
    if (t.encoding === DW_ATE.boolean) return s.value === 0n ? 'false' : s.value === 1n ? 'true' : String(s.value);
    if (isCharType(t) && !v?.bits) return formatChar(s.value);
  }
  return String(s.value);
}

function formatArray(v: CValue, t: Extract<CType, { kind: 'array' }>, ctx: FormatContext, depth: number): string {
  if (depth > MAX_DEPTH) return '{...}';
  const count = t.count ?? 0;
  const el = strip(t.element);
  const es = sizeOf(t.element);
  if (el.kind === 'base' && isCharType(el)) {
    const shown = Math.min(count, PRINT_ELEMENTS);
    const b = v.read(ctx, 0, shown);
    if (!(b instanceof Uint8Array)) return b.optimizedOut ? '<optimized out>' : `<error: ${b.error}>`;
    return formatChars(b, count > shown);
  }
  if (count === 0) return t.count === undefined ? '0x' + (v.address ?? 0n).toString(16) : '{}';
  // GDB's value_print_array_elements: a run of more than 10 equal elements is one item, counted
  // as 10 of the 200 elements printed at most
  const items: string[] = [];
  let printed = 0;
  let i = 0;
  for (; i < count && printed < PRINT_ELEMENTS; i++) {
    const text = formatValue(v.at(i * es, t.element), ctx, {}, depth + 1);
    let reps = 1;
    const bi = es > 0 ? v.read(ctx, i * es, es) : undefined;
    if (bi instanceof Uint8Array) {
      while (i + reps < count) {
        const bj = v.read(ctx, (i + reps) * es, es);
        if (!(bj instanceof Uint8Array) || !bytesEqual(bi, bj)) break;
        reps++;
      }
    }
    if (reps > REPEAT_THRESHOLD) {
      items.push(`${text} <repeats ${reps} times>`);
      i += reps - 1;
      printed += REPEAT_THRESHOLD;
    } else {
      items.push(text);
      printed++;
    }
  }
  return `{${items.join(', ')}${i < count ? '...' : ''}}`;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function formatStruct(v: CValue, t: StructType, ctx: FormatContext, depth: number): string {
  if (t.declaration && t.members.length === 0) return '<incomplete type>';
  if (depth > MAX_DEPTH) return '{...}';
  const parts = t.members.map((m) => {
    const text = formatValue(v.member(m), ctx, {}, depth + 1);
    return m.name === undefined ? text : `${m.name} = ${text}`;
  });
  return `{${parts.join(', ')}}`;
}

// ---- the Variables view's tree ------------------------------------------------------------

export interface VariableNode {
  name: string;
  /** the value text (GDB style) */
  value: string;
  /** the C type's name */
  type: string;
  /** an expression naming the same object (for watch expressions and data breakpoints) */
  evaluateName?: string;
  /** the object's address and size when it is an lvalue in memory (a data breakpoint can watch it) */
  address?: bigint;
  size?: number;
  /** how many children `children()` gives (0: not expandable) */
  childCount: number;
  children(): VariableNode[];
  /** the value itself (for evaluate, casts, data breakpoints) */
  value_: CValue;
}

/** The most children one node lists (elements of a large array beyond are not shown). */
export const MAX_CHILDREN = 1000;

function paren(e: string): string {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_]\w*|->[A-Za-z_]\w*|\[\d+\])*$/.test(e) ? e : `(${e})`;
}

/** A value as a tree node, its children (members, elements, the pointee) built when asked for. */
export function variableNode(
  name: string,
  v: CValue,
  ctx: FormatContext,
  evaluateName?: string,
  depth = 0,
): VariableNode {
  const t = strip(v.type);
  const size = sizeOf(v.type);
  let childCount = 0;
  let children: () => VariableNode[] = () => [];
  const usable = v.data.kind === 'memory' || v.data.kind === 'bytes';
  if (usable && depth < 64) {
    if (t.kind === 'struct' || t.kind === 'union' || t.kind === 'class') {
      childCount = t.members.length;
      children = () =>
        t.members.map((m, i) =>
          variableNode(
            m.name ?? `<anonymous ${i}>`,
            v.member(m),
            ctx,
            evaluateName && m.name ? `${paren(evaluateName)}.${m.name}` : undefined,
            depth + 1,
          ),
        );
    } else if (t.kind === 'array') {
      const n = Math.min(t.count ?? 0, MAX_CHILDREN);
      childCount = n;
      children = () => {
        const out: VariableNode[] = [];
        for (let i = 0; i < n; i++)
          out.push(
            variableNode(
              `[${i}]`,
              v.element(i),
              ctx,
              evaluateName ? `${paren(evaluateName)}[${i}]` : undefined,
              depth + 1,
            ),
          );
        return out;
      };
    } else if (t.kind === 'pointer') {
      const target = strip(t.target);
      if (target.kind !== 'void' && target.kind !== 'function') {
        const s = readScalar(v, ctx);
        if (!('error' in s) && s.kind === 'pointer' && s.value !== 0n) {
          const pointee = new CValue(unqualified(t.target), { kind: 'memory', addr: s.value });
          const pe = evaluateName ? `*${paren(evaluateName)}` : undefined;
          if (target.kind === 'struct' || target.kind === 'union') {
            // a pointer to a structure opens on the structure's members (p->x)
            childCount = target.members.length;
            children = () =>
              target.members.map((m, i) =>
                variableNode(
                  m.name ?? `<anonymous ${i}>`,
                  pointee.member(m),
                  ctx,
                  evaluateName && m.name ? `${paren(evaluateName)}->${m.name}` : undefined,
                  depth + 1,
                ),
              );
          } else {
            childCount = 1;
            children = () => [variableNode(pe ?? `*${name}`, pointee, ctx, pe, depth + 1)];
          }
        }
      }
    }
  }
  const list = children;
  return {
    name,
    value: formatValue(v, ctx),
    type: typeName(v.type),
    evaluateName,
    address: v.address,
    size: v.bits ? Math.ceil((v.bits.offset + v.bits.size) / 8) : size,
    childCount,
    // (children are read when the view opens them: whatever goes wrong then is one node saying so)
    children: () => {
      try {
        return list();
      } catch (e) {
        const message = e instanceof DwarfFail ? e.message : `internal error: ${String(e).slice(0, 200)}`;
        return [variableNode('<error>', new CValue(v.type, { kind: 'error', message }), ctx)];
      }
    },
    value_: v,
  };
}
