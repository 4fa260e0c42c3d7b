// C values: a type and where its bytes are (target memory at an address, which makes it an lvalue
// a data breakpoint can watch; bytes assembled from registers and DWARF pieces; or nothing, when
// the compiler optimized it out). Members, elements and bit-fields are values of the same kind.
import { regName, type Location } from './expression';
import { sizeOf, strip, type CType, type Member } from './types';

export type ValueData =
  | { kind: 'memory'; addr: bigint }
  /** bytes held outside memory (registers, computed values); `valid` marks the bytes known (all when absent) */
  | { kind: 'bytes'; bytes: Uint8Array; valid?: Uint8Array; register?: number }
  | { kind: 'optimized-out' }
  /** DW_OP_implicit_pointer: a pointer to an object that has no address */
  | { kind: 'synthetic-pointer' }
  | { kind: 'error'; message: string };

export interface MemoryReader {
  readMemory(addr: bigint, size: number): Uint8Array | undefined;
}

/** The largest object read whole (bigger ones are read piece by piece as they are shown). */
export const MAX_READ = 1 << 20;

export class CValue {
  constructor(
    readonly type: CType,
    readonly data: ValueData,
    /** a bit-field: its offset in bits from the start of `data`, and its size */
    readonly bits?: { offset: number; size: number },
  ) {}

  get size(): number {
    return sizeOf(this.type);
  }

  /** The address of an lvalue in memory (undefined for values in registers or computed ones). */
  get address(): bigint | undefined {
    return this.data.kind === 'memory' ? this.data.addr : undefined;
  }

  /** `size` bytes at `offset` of the value, or a message saying why they cannot be had. */
  read(mem: MemoryReader, offset = 0, size = this.size): Uint8Array | { error: string; optimizedOut?: boolean } {
    const d = this.data;
    switch (d.kind) {
      case 'memory': {
        if (size > MAX_READ) return { error: `the object is too large to read at once (${size} bytes)` };
        const b = mem.readMemory(d.addr + BigInt(offset), size);
        return b ?? { error: `Cannot access memory at address 0x${(d.addr + BigInt(offset)).toString(16)}` };
      }
      case 'bytes': {
        if (offset + size > d.bytes.length) return { error: 'the value is shorter than its type' };
        if (d.valid)
          for (let i = offset; i < offset + size; i++)
            if (!d.valid[i]) return { error: 'optimized out', optimizedOut: true };
        return d.bytes.subarray(offset, offset + size);
      }
      case 'optimized-out':
        return { error: 'optimized out', optimizedOut: true };
      case 'synthetic-pointer':
        return { error: 'synthetic pointer' };
      case 'error':
        return { error: d.message };
    }
  }

  /** A part of this value at a byte offset, of another type (members, elements, casts of lvalues). */
  at(offset: number, type: CType, bits?: { offset: number; size: number }): CValue {
    const d = this.data;
    let sub: ValueData;
    if (d.kind === 'memory') sub = { kind: 'memory', addr: d.addr + BigInt(offset) };
    else if (d.kind === 'bytes') {
      const size = bits ? Math.ceil((bits.offset + bits.size) / 8) : sizeOf(type);
      if (offset < 0 || offset + size > d.bytes.length) sub = { kind: 'error', message: 'beyond the end of the value' };
      else
        sub = {
          kind: 'bytes',
          bytes: d.bytes.subarray(offset, offset + size),
          valid: d.valid?.subarray(offset, offset + size),
        };
    } else sub = d;
    return new CValue(type, sub, bits);
  }

  member(m: Member): CValue {
    if (m.bitSize !== undefined && m.bitOffset !== undefined) {
      const byte = Math.floor(m.bitOffset / 8);
      return this.at(byte, m.type, { offset: m.bitOffset - byte * 8, size: m.bitSize });
    }
    return this.at(m.offset, m.type);
  }

  element(i: number): CValue {
    const t = strip(this.type);
    if (t.kind !== 'array') return new CValue(this.type, { kind: 'error', message: 'not an array' });
    const es = sizeOf(t.element);
    return this.at(i * es, t.element);
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

function f64(v: bigint): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt.asUintN(64, v), true);
  return dv.getFloat64(0, true);
}

/**
 * The bytes of a register as an object of `type` holds them: the low-order bytes of a GPR, a float
 * converted from the double format a floating-point register keeps it in.
 */
export function registerBytes(reg: number, value: bigint, type: CType, size: number): Uint8Array {
  const t = strip(type);
  if (reg >= 32 && reg < 64 && t.kind === 'base' && t.encoding === 0x4 && t.size === 4) {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setFloat32(0, f64(value), true);
    return out;
  }
  const full = reg >= 77 && reg < 109 ? 16 : 8;
  const b = leBytes(value, Math.max(full, size));
  return b.subarray(0, size);
}

export interface LocationReader extends MemoryReader {
  /** a register of the frame (DWARF number), or undefined when not known */
  reg(n: number): bigint | undefined;
}

/** The value of `type` that a DWARF location describes. */
export function valueFromLocation(loc: Location, type: CType, r: LocationReader): CValue {
  const size = sizeOf(type);
  const pieces = loc.pieces;
  if (pieces.length === 1 && pieces[0].sizeBits === undefined) {
    const l = pieces[0].loc;
    switch (l.kind) {
      case 'memory':
        return new CValue(type, { kind: 'memory', addr: l.addr });
      case 'register': {
        const v = r.reg(l.reg);
        if (v === undefined)
          return new CValue(type, { kind: 'error', message: `${regName(l.reg)} is not saved in this frame` });
        return new CValue(type, { kind: 'bytes', bytes: registerBytes(l.reg, v, type, size), register: l.reg });
      }
      case 'value':
        return new CValue(type, { kind: 'bytes', bytes: leBytes(l.value, Math.max(size, 8)).subarray(0, size) });
      case 'bytes': {
        const b = new Uint8Array(size);
        b.set(l.bytes.subarray(0, size));
        return new CValue(type, { kind: 'bytes', bytes: b });
      }
      case 'implicit-pointer':
        return new CValue(type, { kind: 'synthetic-pointer' });
      case 'optimized-out':
        return new CValue(type, { kind: 'optimized-out' });
    }
  }
  // pieces: assembled bit by bit into a buffer of the type's size
  const bytes = new Uint8Array(size);
  const valid = new Uint8Array(size);
  let bitPos = 0;
  const put = (src: Uint8Array, srcBit: number, nBits: number) => {
    for (let i = 0; i < nBits; i++) {
      const sb = srcBit + i;
      const db = bitPos + i;
      if (db >= size * 8) return;
      const bit = (src[sb >> 3] >> (sb & 7)) & 1;
      if (bit) bytes[db >> 3] |= 1 << (db & 7);
      else bytes[db >> 3] &= ~(1 << (db & 7));
      valid[db >> 3] = 1;
    }
  };
  for (const p of pieces) {
    const nBits = p.sizeBits ?? size * 8 - bitPos;
    const off = p.offsetBits ?? 0;
    const nBytes = Math.ceil((off + nBits) / 8);
    const l = p.loc;
    let src: Uint8Array | undefined;
    switch (l.kind) {
      case 'memory':
        src = r.readMemory(l.addr, nBytes);
        break;
      case 'register': {
        const v = r.reg(l.reg);
        if (v !== undefined) src = registerBytes(l.reg, v, type, Math.max(nBytes, 8));
        break;
      }
      case 'value':
        src = leBytes(l.value, Math.max(nBytes, 8));
        break;
      case 'bytes':
        src = l.bytes.length >= nBytes ? l.bytes : undefined;
        break;
      default:
        src = undefined;
    }
    if (src) put(src, off, nBits);
    bitPos += nBits;
  }
  return new CValue(type, { kind: 'bytes', bytes, valid: valid.every((x) => x === 1) ? undefined : valid });
}
