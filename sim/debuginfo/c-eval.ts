// Evaluates the C expressions of c-parse.ts over a frame's variables and the program's globals,
// with C's rules: integer promotions and the usual arithmetic conversions (LP64: int 4 bytes,
// long and pointers 8), pointer arithmetic scaled by the pointee's size, arrays decaying to
// pointers, lvalues that stay in memory (so `&x`, `a[i]`, `p->f` have addresses a data breakpoint
// can watch). Errors are values with GDB's messages ("No symbol "x" in current context.").
import { DW_ATE } from './constants';
import { parseExpression, ParseError, type Expr, type TypeSpec } from './c-parse';
import { readScalar, type FormatContext, type Scalar } from './format';
import { sizeOf, strip, typeName, unqualified, type CType, type Member, type StructType } from './types';
import { DwarfFail } from './reader';
import { CValue } from './values';

export interface EvalScope extends FormatContext {
  /** a variable, function or enumerator visible here; a message when it exists but cannot be read; undefined when
   * unknown */
  lookup(name: string): CValue | { error: string } | undefined;
  /** a type by name: a typedef ("ulong_t"), or a tag ("struct node", "enum color") */
  lookupType(name: string): CType | undefined;
  /** a register by its GDB name (r3, pc, sp, lr, ctr, f1...) */
  register(name: string): CValue | undefined;
}

class EvalError {
  constructor(readonly message: string) {}
}
function err(message: string): never {
  throw new EvalError(message);
}

function base(name: string, size: number, encoding: number): CType {
  return { kind: 'base', name, size, encoding };
}
export const C_TYPES = {
  int: base('int', 4, DW_ATE.signed),
  uint: base('unsigned int', 4, DW_ATE.unsigned),
  long: base('long', 8, DW_ATE.signed),
  ulong: base('unsigned long', 8, DW_ATE.unsigned),
  longlong: base('long long', 8, DW_ATE.signed),
  ulonglong: base('unsigned long long', 8, DW_ATE.unsigned),
  short: base('short', 2, DW_ATE.signed),
  ushort: base('unsigned short', 2, DW_ATE.unsigned),
  // (plain char is unsigned on PowerPC)
  char: base('char', 1, DW_ATE.unsigned_char),
  schar: base('signed char', 1, DW_ATE.signed_char),
  uchar: base('unsigned char', 1, DW_ATE.unsigned_char),
  bool: base('_Bool', 1, DW_ATE.boolean),
  float: base('float', 4, DW_ATE.float),
  double: base('double', 8, DW_ATE.float),
  longdouble: base('long double', 16, DW_ATE.float),
  void: { kind: 'void' } as CType,
};

const BASE_NAMES: Record<string, CType> = {
  int: C_TYPES.int,
  'signed int': C_TYPES.int,
  signed: C_TYPES.int,
  'unsigned int': C_TYPES.uint,
  unsigned: C_TYPES.uint,
  long: C_TYPES.long,
  'long int': C_TYPES.long,
  'signed long': C_TYPES.long,
  'unsigned long': C_TYPES.ulong,
  'unsigned long int': C_TYPES.ulong,
  'long long': C_TYPES.longlong,
  'long long int': C_TYPES.longlong,
  'signed long long': C_TYPES.longlong,
  'unsigned long long': C_TYPES.ulonglong,
  'unsigned long long int': C_TYPES.ulonglong,
  short: C_TYPES.short,
  'short int': C_TYPES.short,
  'signed short': C_TYPES.short,
  'unsigned short': C_TYPES.ushort,
  'unsigned short int': C_TYPES.ushort,
  char: C_TYPES.char,
  'signed char': C_TYPES.schar,
  'unsigned char': C_TYPES.uchar,
  _Bool: C_TYPES.bool,
  float: C_TYPES.float,
  double: C_TYPES.double,
  'long double': C_TYPES.longdouble,
  void: C_TYPES.void,
};

export type EvalResult = { ok: true; value: CValue } | { ok: false; message: string };

/** Parses and evaluates `src` in `scope`. */
export function evaluateC(src: string, scope: EvalScope): EvalResult {
  const isTypedef = (n: string) => {
    const t = scope.lookupType(n);
    return t !== undefined && scope.lookup(n) === undefined;
  };
  const ast = parseExpression(src, isTypedef);
  if (ast instanceof ParseError) return { ok: false, message: ast.message };
  try {
    return { ok: true, value: new Evaluator(scope).eval(ast) };
  } catch (e) {
    if (e instanceof EvalError || e instanceof DwarfFail) return { ok: false, message: e.message };
    if (e instanceof RangeError) return { ok: false, message: `the expression cannot be evaluated (${e.message})` };
    return { ok: false, message: `the expression cannot be evaluated (internal error: ${String(e).slice(0, 200)})` };
  }
}

function leBytes(v: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = BigInt.asUintN(size * 8, v);
  for (let i = 0; i < size; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

function intValue(type: CType, v: bigint): CValue {
  return new CValue(type, { kind: 'bytes', bytes: leBytes(v, sizeOf(type)) });
}
function floatValue(type: CType, x: number): CValue {
  const size = sizeOf(type);
  const b = new Uint8Array(size);
  const dv = new DataView(b.buffer);
  if (size === 4) dv.setFloat32(0, x, true);
  else {
    dv.setFloat64(0, x, true);
    // (long double, IBM double-double: the low double is 0)
  }
  return new CValue(type, { kind: 'bytes', bytes: b });
}
function pointerValue(type: CType, addr: bigint): CValue {
  return new CValue(type, { kind: 'bytes', bytes: leBytes(addr, 8) });
}
export function pointerTo(t: CType): CType {
  return { kind: 'pointer', target: t, size: 8 };
}

type Num =
  | { kind: 'int'; value: bigint; type: CType }
  | { kind: 'float'; value: number; type: CType }
  | { kind: 'pointer'; value: bigint; type: CType };

function isUnsignedType(t: CType): boolean {
  const s = strip(t);
  if (s.kind === 'enum') return !s.isSigned;
  return (
    s.kind === 'base' &&
    (s.encoding === DW_ATE.unsigned ||
      s.encoding === DW_ATE.unsigned_char ||
      s.encoding === DW_ATE.boolean ||
      s.encoding === DW_ATE.UTF)
  );
}

/** C's integer promotions (LP64). */
function promote(t: CType): CType {
  const s = strip(t);
  const size = sizeOf(s);
  if (size < 4) return C_TYPES.int;
  if (size === 4) return isUnsignedType(s) ? C_TYPES.uint : s.kind === 'base' && s.name === 'int' ? s : C_TYPES.int;
  return isUnsignedType(s) ? (s.kind === 'base' ? s : C_TYPES.ulong) : s.kind === 'base' ? s : C_TYPES.long;
}

function arithmeticType(a: CType, b: CType): CType {
  const pa = promote(a);
  const pb = promote(b);
  const sa = sizeOf(pa);
  const sb = sizeOf(pb);
  if (sa === 8 || sb === 8) {
    const ua = sa === 8 && isUnsignedType(pa);
    const ub = sb === 8 && isUnsignedType(pb);
    if (ua || ub) return ua ? pa : pb;
    return sa === 8 ? pa : pb;
  }
  return isUnsignedType(pa) || isUnsignedType(pb) ? C_TYPES.uint : C_TYPES.int;
}

class Evaluator {
  constructor(private readonly scope: EvalScope) {}

  private resolveType(ts: TypeSpec): CType {
    let t: CType | undefined = BASE_NAMES[ts.base] ?? this.scope.lookupType(ts.base);
    if (!t) err(`No symbol "${ts.base.replace(/^(struct|union|enum) /, '')}" in current context.`);
    for (let i = 0; i < ts.pointers; i++) t = pointerTo(t);
    return t;
  }

  eval(e: Expr): CValue {
    switch (e.k) {
      case 'int': {
        const v = e.value;
        let t: CType;
        if (e.unsigned) t = e.long || v > 0xffffffffn ? C_TYPES.ulong : C_TYPES.uint;
        else if (e.long) t = v > 0x7fffffffffffffffn ? C_TYPES.ulong : C_TYPES.long;
        else t = v <= 0x7fffffffn ? C_TYPES.int : v <= 0x7fffffffffffffffn ? C_TYPES.long : C_TYPES.ulong;
        if (v > 0xffffffffffffffffn) err('Numeric constant too large.');
        return intValue(t, v);
      }
      case 'float':
        return floatValue(e.single ? C_TYPES.float : C_TYPES.double, e.value);
      case 'char':
        return intValue(C_TYPES.char, e.value);
      case 'ident': {
        const v = this.scope.lookup(e.name);
        if (v === undefined) err(`No symbol "${e.name}" in current context.`);
        if (!(v instanceof CValue)) err(v.error);
        return v;
      }
      case 'register': {
        const v = this.scope.register(e.name);
        if (!v) err(`Invalid register \`${e.name}'`);
        return v;
      }
      case 'member': {
        let obj = this.eval(e.obj);
        if (e.arrow) obj = this.deref(obj);
        const t = strip(obj.type);
        if (t.kind !== 'struct' && t.kind !== 'union' && t.kind !== 'class') {
          if (!e.arrow && t.kind === 'pointer')
            err(`The -> operator is needed for a pointer: ${typeName(obj.type)} has no member ` + `"${e.name}".`);
          err(`Attempt to extract a component of a value that is not a structure${e.arrow ? ' pointer' : ''}.`);
        }
        const found = findMember(t, e.name, 0);
        if (!found) err(`There is no member named ${e.name}.`);
        let v = obj;
        for (const m of found) v = v.member(m);
        return v;
      }
      case 'index': {
        const a = this.eval(e.arr);
        const i = this.eval(e.index);
        const at = strip(a.type);
        if (at.kind !== 'array' && at.kind !== 'pointer') {
          const it = strip(i.type);
          if (it.kind === 'array' || it.kind === 'pointer') return this.index(i, a);
          err(`cannot subscript something of type \`${typeName(a.type)}'`);
        }
        return this.index(a, i);
      }
      case 'unary':
        return this.unary(e.op, e.e);
      case 'sizeof': {
        const t = e.type ? this.resolveType(e.type) : this.eval(e.e!).type;
        const s = strip(t);
        if (s.kind === 'function') err('sizeof of a function type');
        // (GDB gives sizeof the type int)
        if (s.kind === 'void') return intValue(C_TYPES.int, 1n);
        return intValue(C_TYPES.int, BigInt(sizeOf(t)));
      }
      case 'cast':
        return this.cast(this.resolveType(e.type), this.eval(e.e));
      case 'binary':
        return this.binary(e.op, e.l, e.r);
      case 'cond': {
        const c = this.truth(this.eval(e.c));
        return c ? this.eval(e.a) : this.eval(e.b);
      }
      case 'call':
        return err('calling functions is not supported (the program would have to run)');
    }
  }

  private scalar(v: CValue): Scalar {
    const s = readScalar(v, this.scope);
    if ('error' in s) err(s.optimizedOut ? 'value has been optimized out' : s.error);
    return s;
  }

  /** A value as a number, arrays and functions decayed to pointers. */
  private num(v: CValue): Num {
    const t = strip(v.type);
    if (t.kind === 'array') {
      const a = v.address;
      if (a === undefined) err('Attempt to take address of value not located in memory.');
      return { kind: 'pointer', value: a, type: pointerTo(t.element) };
    }
    if (t.kind === 'function') {
      const a = v.address;
      if (a === undefined) err('Attempt to take address of value not located in memory.');
      return { kind: 'pointer', value: a, type: pointerTo(v.type) };
    }
    if (t.kind === 'struct' || t.kind === 'union' || t.kind === 'class') err(`a ${t.kind} cannot be used as a number`);
    if (t.kind === 'void') err('a void value cannot be used as a number');
    const s = this.scalar(v);
    if (s.kind === 'float') return { kind: 'float', value: s.value, type: v.type };
    if (s.kind === 'pointer') return { kind: 'pointer', value: s.value, type: v.type };
    return { kind: 'int', value: s.value, type: v.type };
  }

  private truth(v: CValue): boolean {
    const n = this.num(v);
    return n.kind === 'float' ? n.value !== 0 : n.value !== 0n;
  }

  private deref(v: CValue): CValue {
    const t = strip(v.type);
    if (t.kind === 'array') return v.element(0);
    if (t.kind === 'function') return v;
    if (t.kind !== 'pointer') err('Attempt to take contents of a non-pointer value.');
    const target = unqualified(t.target);
    if (strip(target).kind === 'void') err('Attempt to take contents of a non-pointer value.');
    const n = this.num(v);
    return new CValue(t.target, { kind: 'memory', addr: n.value as bigint });
  }

  private index(a: CValue, i: CValue): CValue {
    const n = this.num(i);
    if (n.kind !== 'int') err('the subscript must be an integer');
    const at = strip(a.type);
    if (at.kind === 'array' && a.data.kind === 'bytes') {
      // an array held outside memory (a register, a computed value): elements of its bytes
      return a.element(Number(BigInt.asIntN(64, n.value)));
    }
    const p = this.num(a);
    const pt = strip(p.type);
    if (pt.kind !== 'pointer' || p.kind !== 'pointer') err(`cannot subscript something of type \`${typeName(a.type)}'`);
    const es = BigInt(Math.max(1, sizeOf(pt.target)));
    if (strip(pt.target).kind === 'void') err('Attempt to take contents of a non-pointer value.');
    return new CValue(pt.target, {
      kind: 'memory',
      addr: BigInt.asUintN(64, p.value + BigInt.asIntN(64, n.value) * es),
    });
  }

  private unary(op: string, inner: Expr): CValue {
    if (op === '&') {
      // &*p is p (C 6.5.3.2), with p's own type
      if (inner.k === 'unary' && inner.op === '*') {
        const pv = this.eval(inner.e);
        if (strip(pv.type).kind === 'pointer') return pv;
      }
      const v = this.eval(inner);
      if (v.bits) err('Attempt to take address of value not located in memory.');
      const a = v.address;
      if (a === undefined) {
        if (v.data.kind === 'bytes' && v.data.register !== undefined)
          err(
            `Address requested for identifier "${inner.k === 'ident' ? inner.name : '?'}" which ` + `is in a register.`,
          );
        err('Attempt to take address of value not located in memory.');
      }
      const t = strip(v.type);
      return pointerValue(pointerTo(t.kind === 'function' ? v.type : v.type), a);
    }
    if (op === '*') return this.deref(this.eval(inner));
    const v = this.eval(inner);
    const n = this.num(v);
    if (op === '!') return intValue(C_TYPES.int, (n.kind === 'float' ? n.value === 0 : n.value === 0n) ? 1n : 0n);
    if (n.kind === 'pointer') err(`the operator ${op} does not apply to a pointer`);
    if (n.kind === 'float') {
      if (op === '~') err('the operator ~ does not apply to a floating-point value');
      return floatValue(n.type, op === '-' ? -n.value : n.value);
    }
    const t = promote(n.type);
    const size = sizeOf(t) * 8;
    const wrap = (x: bigint) => (isUnsignedType(t) ? BigInt.asUintN(size, x) : BigInt.asIntN(size, x));
    if (op === '-') return intValue(t, wrap(-n.value));
    if (op === '~') return intValue(t, wrap(~n.value));
    return intValue(t, wrap(n.value));
  }

  private cast(to: CType, v: CValue): CValue {
    const t = strip(to);
    if (t.kind === 'void') return new CValue(to, { kind: 'bytes', bytes: new Uint8Array(0) });
    if (
      t.kind === 'struct' ||
      t.kind === 'union' ||
      t.kind === 'class' ||
      t.kind === 'array' ||
      t.kind === 'function'
    ) {
      // a cast of an lvalue to an aggregate of the same size: a reinterpretation of its memory (GDB allows it)
      if (v.address !== undefined && sizeOf(to) === sizeOf(v.type))
        return new CValue(to, { kind: 'memory', addr: v.address });
      err(`Invalid cast to ${typeName(to)}.`);
    }
    const n = this.num(v);
    const size = sizeOf(t);
    if (t.kind === 'pointer') {
      if (n.kind === 'float') err('Invalid cast: a floating-point value to a pointer.');
      return pointerValue(to, BigInt.asUintN(64, n.value));
    }
    if (t.kind === 'base' && t.encoding === DW_ATE.float) {
      if (n.kind === 'pointer') err('Invalid cast: a pointer to a floating-point type.');
      const x = n.kind === 'float' ? n.value : Number(n.value);
      return floatValue(to, size === 4 ? Math.fround(x) : x);
    }
    if (t.kind === 'base' && t.encoding === DW_ATE.boolean) {
      const z = n.kind === 'float' ? n.value === 0 : n.value === 0n;
      return intValue(to, z ? 0n : 1n);
    }
    let i: bigint;
    if (n.kind === 'float') {
      if (!Number.isFinite(n.value)) err('Invalid cast: the floating-point value is not finite.');
      i = BigInt(Math.trunc(n.value));
    } else i = n.value;
    return intValue(to, BigInt.asUintN(size * 8, i));
  }

  private binary(op: string, le: Expr, re: Expr): CValue {
    if (op === '&&' || op === '||') {
      const l = this.truth(this.eval(le));
      if (op === '&&' && !l) return intValue(C_TYPES.int, 0n);
      if (op === '||' && l) return intValue(C_TYPES.int, 1n);
      return intValue(C_TYPES.int, this.truth(this.eval(re)) ? 1n : 0n);
    }
    const a = this.num(this.eval(le));
    const b = this.num(this.eval(re));
    const cmp = ['==', '!=', '<', '>', '<=', '>='].includes(op);
    // pointers
    if (a.kind === 'pointer' || b.kind === 'pointer') {
      if (cmp) {
        if (a.kind === 'float' || b.kind === 'float') err('a pointer cannot be compared with a floating-point value');
        const x = BigInt.asUintN(64, a.value as bigint);
        const y = BigInt.asUintN(64, b.value as bigint);
        return intValue(C_TYPES.int, compare(op, x, y) ? 1n : 0n);
      }
      if (op === '+' || op === '-') {
        if (a.kind === 'pointer' && b.kind === 'pointer') {
          if (op === '+') err('two pointers cannot be added');
          const es = BigInt(Math.max(1, sizeOf(pointee(a.type))));
          if (sizeOf(pointee(a.type)) !== sizeOf(pointee(b.type)))
            err(
              `First argument of \`-' is a pointer and second argument is neither an integer nor a ` +
                `pointer of the same type.`,
            );
          return intValue(C_TYPES.long, BigInt.asIntN(64, a.value - b.value) / es);
        }
        const p = a.kind === 'pointer' ? a : b;
        const i = a.kind === 'pointer' ? b : a;
        if (i.kind !== 'int') err('only an integer can be added to a pointer');
        if (op === '-' && p === b) err('a pointer cannot be subtracted from an integer');
        const es = BigInt(Math.max(1, sizeOf(pointee(p.type))));
        const off = BigInt.asIntN(64, isUnsignedType(i.type) ? i.value : i.value) * es;
        const pv = p.value as bigint;
        // (the result's type is the pointer type itself, not a typedef of it: GDB's)
        const pt = strip(p.type);
        return pointerValue(
          pt.kind === 'pointer' ? pointerTo(pt.target) : p.type,
          BigInt.asUintN(64, op === '+' ? pv + off : pv - off),
        );
      }
      err(`the operator ${op} does not apply to a pointer`);
    }
    // floating point
    if (a.kind === 'float' || b.kind === 'float') {
      if (['%', '<<', '>>', '&', '|', '^'].includes(op)) err(`Integer only operation ${op}.`);
      const sa = a.kind === 'float' ? sizeOf(a.type) : 0;
      const sb = b.kind === 'float' ? sizeOf(b.type) : 0;
      const rt = sa >= 8 || sb >= 8 ? (sa > 8 || sb > 8 ? C_TYPES.longdouble : C_TYPES.double) : C_TYPES.float;
      const x = a.kind === 'float' ? a.value : Number(isUnsignedType(a.type) ? a.value : BigInt.asIntN(64, a.value));
      const y = b.kind === 'float' ? b.value : Number(isUnsignedType(b.type) ? b.value : BigInt.asIntN(64, b.value));
      if (cmp) return intValue(C_TYPES.int, compare(op, x, y) ? 1n : 0n);
      const single = rt === C_TYPES.float;
      const f = (z: number) => (single ? Math.fround(z) : z);
      switch (op) {
        case '+':
          return floatValue(rt, f(x + y));
        case '-':
          return floatValue(rt, f(x - y));
        case '*':
          return floatValue(rt, f(x * y));
        case '/':
          return floatValue(rt, f(x / y));
      }
      err(`the operator ${op} does not apply here`);
    }
    // integers
    if (op === '<<' || op === '>>') {
      const t = promote(a.type);
      const bits = BigInt(sizeOf(t) * 8);
      const count = b.value;
      const signedCount = isUnsignedType(b.type) ? count : BigInt.asIntN(64, count);
      if (signedCount < 0n || signedCount >= bits) return intValue(t, 0n);
      const wrap = (x: bigint) =>
        isUnsignedType(t) ? BigInt.asUintN(Number(bits), x) : BigInt.asIntN(Number(bits), x);
      const av = isUnsignedType(t) ? BigInt.asUintN(Number(bits), a.value) : BigInt.asIntN(Number(bits), a.value);
      return intValue(t, wrap(op === '<<' ? av << signedCount : av >> signedCount));
    }
    const t = arithmeticType(a.type, b.type);
    const bits = sizeOf(t) * 8;
    const uns = isUnsignedType(t);
    const norm = (x: bigint) => (uns ? BigInt.asUintN(bits, x) : BigInt.asIntN(bits, x));
    const x = norm(a.value);
    const y = norm(b.value);
    if (cmp) return intValue(C_TYPES.int, compare(op, x, y) ? 1n : 0n);
    switch (op) {
      case '+':
        return intValue(t, norm(x + y));
      case '-':
        return intValue(t, norm(x - y));
      case '*':
        return intValue(t, norm(x * y));
      case '/':
        if (y === 0n) err('Division by zero');
        return intValue(t, norm(x / y));
      case '%':
        if (y === 0n) err('Division by zero');
        return intValue(t, norm(x % y));
      case '&':
        return intValue(t, norm(x & y));
      case '|':
        return intValue(t, norm(x | y));
      case '^':
        return intValue(t, norm(x ^ y));
    }
    return err(`the operator ${op} is not supported`);
  }
}

function pointee(t: CType): CType {
  const s = strip(t);
  if (s.kind !== 'pointer') return C_TYPES.char;
  const p = strip(s.target);
  return p.kind === 'void' ? C_TYPES.char : s.target;
}

function compare<T extends bigint | number>(op: string, x: T, y: T): boolean {
  switch (op) {
    case '==':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

/** The path of members to `name`, looking into anonymous structures and unions. */
function findMember(t: StructType, name: string, depth: number): Member[] | undefined {
  if (depth > 16) return undefined;
  for (const m of t.members) if (m.name === name) return [m];
  for (const m of t.members) {
    if (m.name !== undefined) continue;
    const s = strip(m.type);
    if (s.kind === 'struct' || s.kind === 'union') {
      const inner = findMember(s, name, depth + 1);
      if (inner) return [m, ...inner];
    }
  }
  return undefined;
}
