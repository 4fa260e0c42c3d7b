// The DWARF expression evaluator (DWARF 5 section 2.5 and 2.6): a stack machine over 64-bit values
// whose result is a location: memory at an address, a register, a value (DW_OP_stack_value), bytes
// (DW_OP_implicit_value), an implicit pointer, or pieces of these (DW_OP_piece, DW_OP_bit_piece).
// Registers, memory, the frame base, the CFA and entry values come from the caller (a frame).
import { DW_OP } from './constants';
import { Cursor, fail, OptimizedOut } from './reader';
import { hexU64 } from '../hex';

export interface BaseTypeInfo {
  size: number;
  /** DW_ATE_* */
  encoding: number;
}

export interface ExprContext {
  addressSize: number;
  offsetSize: 4 | 8;
  /** added to DW_OP_addr and DW_OP_addrx (a static-pie's load bias); 0 for ET_EXEC */
  bias: bigint;
  /** a register of the frame by DWARF number; undefined when the frame does not know it */
  reg(n: number): bigint | undefined;
  /** target memory; undefined when unreadable */
  mem(addr: bigint, size: number): Uint8Array | undefined;
  /** the function's DW_AT_frame_base, evaluated (for DW_OP_fbreg) */
  frameBase?(): bigint;
  /** the canonical frame address (DW_OP_call_frame_cfa) */
  cfa?(): bigint | undefined;
  /** the value a DW_OP_entry_value's sub-expression had on entry to the function */
  entryValue?(expr: Uint8Array): bigint | undefined;
  /** DW_OP_addrx / DW_OP_constx: entry i of the unit's .debug_addr contribution */
  addrIndex?(i: number): bigint;
  /** typed operations (DW_OP_const_type...): the base type DIE at this unit offset */
  baseType?(unitOffset: number): BaseTypeInfo | undefined;
  /** DW_OP_push_object_address */
  objectAddress?: bigint;
  /** DW_OP_form_tls_address: the address of a thread-local offset */
  tlsAddress?(offset: bigint): bigint | undefined;
}

export type PieceLocation =
  | { kind: 'memory'; addr: bigint }
  | { kind: 'register'; reg: number }
  | { kind: 'value'; value: bigint; type?: BaseTypeInfo }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'implicit-pointer'; die: number; offset: bigint }
  /** a piece without a location: that part of the object is optimized out */
  | { kind: 'optimized-out' };

export interface Piece {
  loc: PieceLocation;
  /** the piece's size in bits; undefined for a location that is the whole object */
  sizeBits?: number;
  /** DW_OP_bit_piece: the offset in bits within the location */
  offsetBits?: number;
}

export interface Location {
  pieces: Piece[];
}

const M64 = (1n << 64n) - 1n;
/** Bounds the work of one evaluation (a corrupt or hostile expression may loop with DW_OP_skip/bra). */
const MAX_STEPS = 100_000;
const MAX_STACK = 1000;

export function regName(n: number): string {
  if (n >= 0 && n < 32) return `r${n}`;
  if (n >= 32 && n < 64) return `f${n - 32}`;
  if (n === 65) return 'lr';
  if (n === 66) return 'ctr';
  if (n >= 68 && n < 76) return `cr${n - 68}`;
  if (n === 76) return 'xer';
  if (n >= 77 && n < 109) return `v${n - 77}`;
  return `register ${n}`;
}

function signed(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

interface StackEntry {
  v: bigint;
  type?: BaseTypeInfo;
}

function readUnsigned(b: Uint8Array, size: number): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
  return v;
}

function f64Bits(x: number): bigint {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x, true);
  return dv.getBigUint64(0, true);
}
function bitsF64(v: bigint): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt.asUintN(64, v), true);
  return dv.getFloat64(0, true);
}
function f32Bits(x: number): bigint {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, x, true);
  return BigInt(dv.getUint32(0, true));
}
function bitsF32(v: bigint): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setUint32(0, Number(BigInt.asUintN(32, v)), true);
  return dv.getFloat32(0, true);
}

/** A typed value as a JavaScript number (floats) or bigint (integers). */
function typedNumber(e: StackEntry): number | bigint {
  const t = e.type;
  if (t && t.encoding === 0x4) return t.size === 4 ? bitsF32(e.v) : bitsF64(e.v);
  if (t && (t.encoding === 0x5 || t.encoding === 0x6)) return BigInt.asIntN(t.size * 8, e.v);
  return e.v;
}
function fromNumber(x: number | bigint, t: BaseTypeInfo | undefined): bigint {
  if (t && t.encoding === 0x4) {
    const f = typeof x === 'bigint' ? Number(x) : x;
    return t.size === 4 ? f32Bits(f) : f64Bits(f);
  }
  const i = typeof x === 'bigint' ? x : BigInt(Math.trunc(Number.isFinite(x) ? x : 0));
  return t ? BigInt.asUintN(t.size * 8, i) : BigInt.asUintN(64, i);
}

/**
 * Evaluates a location expression. An empty expression is an optimized-out object. Problems (an
 * unknown operation, a register the frame does not know, unreadable memory) are DwarfFails.
 */
export function evaluateLocation(expr: Uint8Array, ctx: ExprContext): Location {
  if (expr.length === 0) return { pieces: [{ loc: { kind: 'optimized-out' } }] };
  const c = new Cursor(expr, 0, expr.length, 'a DWARF expression');
  const stack: StackEntry[] = [];
  const pieces: Piece[] = [];
  /** the location of the current piece when it is not memory at the top of the stack */
  let pending: PieceLocation | undefined;
  const push = (v: bigint, type?: BaseTypeInfo) => {
    if (stack.length >= MAX_STACK) fail('a DWARF expression grows its stack beyond 1000 entries');
    stack.push({ v: type ? v : BigInt.asUintN(64, v), type });
  };
  const pop = (): bigint => {
    const e = stack.pop();
    if (!e) return fail('a DWARF expression pops an empty stack (corrupt expression)');
    return e.v;
  };
  const popEntry = (): StackEntry => {
    const e = stack.pop();
    if (!e) return fail('a DWARF expression pops an empty stack (corrupt expression)');
    return e;
  };
  const top = (): StackEntry => {
    const e = stack[stack.length - 1];
    if (!e) return fail('a DWARF expression reads an empty stack (corrupt expression)');
    return e;
  };
  const regValue = (n: number): bigint => {
    const v = ctx.reg(n);
    if (v === undefined) fail(`the value of ${regName(n)} is not known in this frame`);
    return v;
  };
  const deref = (addr: bigint, size: number): bigint => {
    const b = ctx.mem(addr, size);
    if (!b) fail(`cannot read memory at ${hexU64(addr)}`);
    return readUnsigned(b, size);
  };
  const baseType = (off: number): BaseTypeInfo | undefined => {
    if (off === 0) return undefined;
    const t = ctx.baseType?.(off);
    if (!t) fail(`a typed DWARF operation names a base type the reader cannot find (unit offset ${hexU64(off)})`);
    return t;
  };
  const endPiece = (sizeBits: number, offsetBits?: number) => {
    let loc: PieceLocation;
    if (pending) loc = pending;
    else if (stack.length > 0) loc = { kind: 'memory', addr: pop() };
    else loc = { kind: 'optimized-out' };
    pieces.push({ loc, sizeBits, offsetBits });
    pending = undefined;
    stack.length = 0;
  };
  /** after a location operation only a piece operation may follow */
  const mustEndOrPiece = (what: string) => {
    if (c.atEnd) return;
    const next = expr[c.pos];
    if (next !== DW_OP.piece && next !== DW_OP.bit_piece)
      fail(`a DWARF expression continues after ${what} (only DW_OP_piece may follow it)`);
  };

  for (let steps = 0; !c.atEnd; steps++) {
    if (steps > MAX_STEPS) fail(`a DWARF expression runs for more than ${MAX_STEPS} operations (a loop?)`);
    const op = c.u8();
    if (op >= DW_OP.lit0 && op <= DW_OP.lit31) {
      push(BigInt(op - DW_OP.lit0));
      continue;
    }
    if (op >= DW_OP.reg0 && op <= DW_OP.reg31) {
      pending = { kind: 'register', reg: op - DW_OP.reg0 };
      mustEndOrPiece('DW_OP_reg');
      continue;
    }
    if (op >= DW_OP.breg0 && op <= DW_OP.breg31) {
      const off = c.slebBig();
      push(regValue(op - DW_OP.breg0) + off);
      continue;
    }
    switch (op) {
      case DW_OP.addr:
        push(c.address(ctx.addressSize) + ctx.bias);
        break;
      case DW_OP.deref:
        push(deref(pop(), ctx.addressSize));
        break;
      case DW_OP.deref_size: {
        const n = c.u8();
        if (n < 1 || n > 8) fail(`DW_OP_deref_size with size ${n}`);
        push(deref(pop(), n));
        break;
      }
      case DW_OP.const1u:
        push(BigInt(c.u8()));
        break;
      case DW_OP.const1s:
        push(BigInt(c.i8()));
        break;
      case DW_OP.const2u:
        push(BigInt(c.u16()));
        break;
      case DW_OP.const2s:
        push(BigInt(c.i16()));
        break;
      case DW_OP.const4u:
        push(BigInt(c.u32()));
        break;
      case DW_OP.const4s:
        push(BigInt(c.i32()));
        break;
      case DW_OP.const8u:
        push(c.u64());
        break;
      case DW_OP.const8s:
        push(c.i64());
        break;
      case DW_OP.constu:
        push(c.ulebBig());
        break;
      case DW_OP.consts:
        push(c.slebBig());
        break;
      case DW_OP.dup:
        push(top().v, top().type);
        break;
      case DW_OP.drop:
        pop();
        break;
      case DW_OP.over: {
        const e = stack[stack.length - 2];
        if (!e) fail('DW_OP_over on a stack of fewer than 2 entries');
        push(e.v, e.type);
        break;
      }
      case DW_OP.pick: {
        const i = c.u8();
        const e = stack[stack.length - 1 - i];
        if (!e) fail(`DW_OP_pick ${i} beyond the stack`);
        push(e.v, e.type);
        break;
      }
      case DW_OP.swap: {
        const a = popEntry();
        const b = popEntry();
        stack.push(a, b);
        break;
      }
      case DW_OP.rot: {
        const a = popEntry();
        const b = popEntry();
        const d = popEntry();
        stack.push(a, d, b);
        break;
      }
      case DW_OP.abs: {
        const e = popEntry();
        const v = typedNumber(e);
        push(fromNumber(typeof v === 'bigint' ? (signed(v) < 0n ? -signed(v) : v) : Math.abs(v), e.type), e.type);
        break;
      }
      case DW_OP.neg: {
        const e = popEntry();
        const v = typedNumber(e);
        push(fromNumber(typeof v === 'bigint' ? -v : -v, e.type), e.type);
        break;
      }
      case DW_OP.not:
        push(~pop() & M64);
        break;
      case DW_OP.plus_uconst:
        push(pop() + c.ulebBig());
        break;
      case DW_OP.and:
      case DW_OP.div:
      case DW_OP.minus:
      case DW_OP.mod:
      case DW_OP.mul:
      case DW_OP.or:
      case DW_OP.plus:
      case DW_OP.shl:
      case DW_OP.shr:
      case DW_OP.shra:
      case DW_OP.xor:
      case DW_OP.eq:
      case DW_OP.ge:
      case DW_OP.gt:
      case DW_OP.le:
      case DW_OP.lt:
      case DW_OP.ne: {
        const be = popEntry();
        const ae = popEntry();
        push(...binary(op, ae, be));
        break;
      }
      case DW_OP.skip: {
        const off = c.i16();
        const to = c.pos + off;
        if (to < 0 || to > expr.length) fail('DW_OP_skip jumps outside the expression');
        c.pos = to;
        break;
      }
      case DW_OP.bra: {
        const off = c.i16();
        if (pop() !== 0n) {
          const to = c.pos + off;
          if (to < 0 || to > expr.length) fail('DW_OP_bra jumps outside the expression');
          c.pos = to;
        }
        break;
      }
      case DW_OP.regx:
        pending = { kind: 'register', reg: c.uleb() };
        mustEndOrPiece('DW_OP_regx');
        break;
      case DW_OP.fbreg: {
        const off = c.slebBig();
        if (!ctx.frameBase) fail('DW_OP_fbreg outside a function (no frame base)');
        push(ctx.frameBase() + off);
        break;
      }
      case DW_OP.bregx: {
        const r = c.uleb();
        push(regValue(r) + c.slebBig());
        break;
      }
      case DW_OP.piece:
        endPiece(c.uleb() * 8);
        break;
      case DW_OP.bit_piece: {
        const size = c.uleb();
        endPiece(size, c.uleb());
        break;
      }
      case DW_OP.nop:
        break;
      case DW_OP.push_object_address:
        if (ctx.objectAddress === undefined) fail('DW_OP_push_object_address without an object');
        push(ctx.objectAddress);
        break;
      case DW_OP.call_frame_cfa: {
        const cfa = ctx.cfa?.();
        if (cfa === undefined) fail('the canonical frame address (CFA) of this frame is not known');
        push(cfa);
        break;
      }
      case DW_OP.implicit_value: {
        const n = c.uleb();
        pending = { kind: 'bytes', bytes: c.take(n) };
        mustEndOrPiece('DW_OP_implicit_value');
        break;
      }
      case DW_OP.stack_value: {
        const e = popEntry();
        pending = { kind: 'value', value: e.v, type: e.type };
        mustEndOrPiece('DW_OP_stack_value');
        break;
      }
      case DW_OP.implicit_pointer:
      case DW_OP.GNU_implicit_pointer: {
        const die = c.offset(ctx.offsetSize);
        pending = { kind: 'implicit-pointer', die, offset: c.slebBig() };
        mustEndOrPiece('DW_OP_implicit_pointer');
        break;
      }
      case DW_OP.addrx:
      case DW_OP.GNU_addr_index: {
        const i = c.uleb();
        if (!ctx.addrIndex) fail('DW_OP_addrx without an address table');
        push(ctx.addrIndex(i) + ctx.bias);
        break;
      }
      case DW_OP.constx:
      case DW_OP.GNU_const_index: {
        const i = c.uleb();
        if (!ctx.addrIndex) fail('DW_OP_constx without an address table');
        push(ctx.addrIndex(i));
        break;
      }
      case DW_OP.entry_value:
      case DW_OP.GNU_entry_value: {
        const sub = c.take(c.uleb());
        const v = ctx.entryValue?.(sub);
        if (v === undefined)
          throw new OptimizedOut(
            'the value this variable had on entry to the function is not known here ' + '(DW_OP_entry_value)',
          );
        push(v);
        break;
      }
      case DW_OP.const_type:
      case DW_OP.GNU_const_type: {
        const t = baseType(c.uleb());
        const n = c.u8();
        const b = c.take(n);
        push(readUnsigned(b, Math.min(n, 8)), t);
        break;
      }
      case DW_OP.regval_type:
      case DW_OP.GNU_regval_type: {
        const r = c.uleb();
        const t = baseType(c.uleb());
        let v = regValue(r);
        // a float held in a floating-point register is in double format there
        if (t && t.encoding === 0x4 && t.size === 4 && r >= 32 && r < 64) v = f32Bits(bitsF64(v));
        push(t && t.size < 8 ? BigInt.asUintN(t.size * 8, v) : v, t);
        break;
      }
      case DW_OP.deref_type:
      case DW_OP.GNU_deref_type: {
        const n = c.u8();
        const t = baseType(c.uleb());
        if (n < 1 || n > 8) fail(`DW_OP_deref_type with size ${n}`);
        push(deref(pop(), n), t);
        break;
      }
      case DW_OP.convert:
      case DW_OP.GNU_convert: {
        const t = baseType(c.uleb());
        const e = popEntry();
        push(fromNumber(typedNumber(e), t), t);
        break;
      }
      case DW_OP.reinterpret: {
        const t = baseType(c.uleb());
        const e = popEntry();
        push(t ? BigInt.asUintN(t.size * 8, e.v) : e.v, t);
        break;
      }
      case DW_OP.form_tls_address:
      case DW_OP.GNU_push_tls_address: {
        const off = pop();
        const a = ctx.tlsAddress?.(off);
        if (a === undefined) fail('thread-local variables are not supported here');
        push(a);
        break;
      }
      case DW_OP.GNU_uninit:
        break;
      case DW_OP.GNU_parameter_ref:
        c.u32();
        fail('DW_OP_GNU_parameter_ref is not supported');
        break;
      case DW_OP.call2:
      case DW_OP.call4:
      case DW_OP.call_ref:
      case DW_OP.GNU_variable_value:
        fail('DWARF expression calls (DW_OP_call*) are not supported');
        break;
      case DW_OP.xderef:
      case DW_OP.xderef_size:
      case DW_OP.xderef_type:
        fail('DW_OP_xderef (address spaces) is not supported');
        break;
      default:
        fail(`unknown DWARF operation ${hexU64(op)} at offset ${c.pos - 1}`);
    }
  }
  if (pieces.length > 0) {
    if (pending || stack.length > 0) fail('a DWARF expression has operations after its last piece');
    return { pieces };
  }
  if (pending) return { pieces: [{ loc: pending }] };
  if (stack.length === 0) fail('a DWARF expression leaves nothing on its stack');
  return { pieces: [{ loc: { kind: 'memory', addr: pop() } }] };
}

function binary(op: number, ae: StackEntry, be: StackEntry): [bigint, BaseTypeInfo?] {
  const t = ae.type ?? be.type;
  if (t && t.encoding === 0x4) {
    const a = Number(typedNumber(ae));
    const b = Number(typedNumber(be));
    switch (op) {
      case DW_OP.plus:
        return [fromNumber(a + b, t), t];
      case DW_OP.minus:
        return [fromNumber(a - b, t), t];
      case DW_OP.mul:
        return [fromNumber(a * b, t), t];
      case DW_OP.div:
        return [fromNumber(a / b, t), t];
      case DW_OP.eq:
        return [a === b ? 1n : 0n];
      case DW_OP.ne:
        return [a !== b ? 1n : 0n];
      case DW_OP.lt:
        return [a < b ? 1n : 0n];
      case DW_OP.le:
        return [a <= b ? 1n : 0n];
      case DW_OP.gt:
        return [a > b ? 1n : 0n];
      case DW_OP.ge:
        return [a >= b ? 1n : 0n];
      default:
        return fail('a bitwise DWARF operation on a floating-point value');
    }
  }
  const size = t ? t.size * 8 : 64;
  const isSigned = !t || t.encoding === 0x5 || t.encoding === 0x6;
  const a = ae.v;
  const b = be.v;
  const sa = BigInt.asIntN(size, a);
  const sb = BigInt.asIntN(size, b);
  const wrap = (v: bigint) => BigInt.asUintN(size, v);
  switch (op) {
    case DW_OP.and:
      return [a & b, t];
    case DW_OP.or:
      return [a | b, t];
    case DW_OP.xor:
      return [a ^ b, t];
    case DW_OP.plus:
      return [wrap(a + b), t];
    case DW_OP.minus:
      return [wrap(a - b), t];
    case DW_OP.mul:
      return [wrap(a * b), t];
    case DW_OP.div:
      if (b === 0n) return fail('a DWARF expression divides by zero');
      return [wrap(isSigned ? sa / sb : a / b), t];
    case DW_OP.mod:
      if (b === 0n) return fail('a DWARF expression divides by zero (DW_OP_mod)');
      return [wrap(t && isSigned ? sa % sb : a % b), t];
    case DW_OP.shl:
      return [b >= BigInt(size) ? 0n : wrap(a << b), t];
    case DW_OP.shr:
      return [b >= BigInt(size) ? 0n : wrap(BigInt.asUintN(size, a) >> b), t];
    case DW_OP.shra:
      return [wrap(b >= BigInt(size) ? (sa < 0n ? -1n : 0n) : sa >> b), t];
    case DW_OP.eq:
      return [sa === sb ? 1n : 0n];
    case DW_OP.ne:
      return [sa !== sb ? 1n : 0n];
    case DW_OP.lt:
      return [(isSigned ? sa < sb : a < b) ? 1n : 0n];
    case DW_OP.le:
      return [(isSigned ? sa <= sb : a <= b) ? 1n : 0n];
    case DW_OP.gt:
      return [(isSigned ? sa > sb : a > b) ? 1n : 0n];
    case DW_OP.ge:
      return [(isSigned ? sa >= sb : a >= b) ? 1n : 0n];
    default:
      return fail(`unknown DWARF operation ${hexU64(op)}`);
  }
}

/** The value an expression computes (DW_AT_frame_base of DW_OP_call_frame_cfa, DW_OP_breg...): a memory location's
 * address, or a register's value. */
export function evaluateAddress(expr: Uint8Array, ctx: ExprContext): bigint {
  const l = evaluateLocation(expr, ctx);
  if (l.pieces.length !== 1) fail('a DWARF expression that should give an address gives pieces');
  const p = l.pieces[0].loc;
  if (p.kind === 'memory') return p.addr;
  if (p.kind === 'register') {
    const v = ctx.reg(p.reg);
    if (v === undefined) fail(`the value of ${regName(p.reg)} is not known in this frame`);
    return v;
  }
  if (p.kind === 'value') return p.value;
  return fail('a DWARF expression that should give an address gives no address');
}
