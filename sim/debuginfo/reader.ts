// A bounded cursor over one debug section: every read checks that the bytes are there, so corrupt
// lengths, counts and offsets end in a DwarfFail (a message) instead of reading beyond the section.
// DwarfFail is thrown inside the reader and caught at the module's public functions, which return
// it as a value (see debug-info.ts): no exception leaves the module.
import { hexU64 } from '../hex';

export class DwarfFail {
  constructor(readonly message: string) {}
}

/** A value the program no longer has (a register not saved, an entry value not recoverable): GDB's <optimized out>. */
export class OptimizedOut extends DwarfFail {}

export function fail(message: string): never {
  throw new DwarfFail(message);
}

/** Runs `f`; a DwarfFail becomes `{ ok: false }`, and so does any other exception (a bug must not escape either). */
export function attempt<T>(f: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof DwarfFail) return { ok: false, message: e.message };
    if (e instanceof RangeError)
      return { ok: false, message: `the debug information is too large or corrupt (${e.message})` };
    return { ok: false, message: `cannot read the debug information (internal error: ${String(e).slice(0, 200)})` };
  }
}

const utf8 = new TextDecoder('utf-8');
/** The longest string read (a longer one is cut): a corrupt string table must not make a huge name. */
export const MAX_STRING = 4096;

export class Cursor {
  readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    public end: number,
    /** names the data in messages: "the .debug_info unit at 0x0" */
    readonly what: string,
  ) {
    if (end > bytes.length) this.end = bytes.length;
    if (pos < 0 || pos > this.end)
      fail(`${what}: offset ${hexU64(pos)} is outside its section (${bytes.length} bytes)`);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get left(): number {
    return this.end - this.pos;
  }
  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  need(n: number): void {
    if (n < 0 || this.pos + n > this.end)
      fail(
        `${this.what}: truncated at offset ${hexU64(this.pos)} (${n} more bytes needed, ` +
          `${Math.max(0, this.end - this.pos)} left)`,
      );
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }

  u8(): number {
    if (this.pos >= this.end) this.need(1);
    return this.bytes[this.pos++];
  }
  i8(): number {
    const v = this.u8();
    return v >= 0x80 ? v - 0x100 : v;
  }
  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  i16(): number {
    this.need(2);
    const v = this.view.getInt16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u24(): number {
    this.need(3);
    const b = this.bytes;
    const v = b[this.pos] | (b[this.pos + 1] << 8) | (b[this.pos + 2] << 16);
    this.pos += 3;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }
  i64(): bigint {
    this.need(8);
    const v = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return v;
  }
  /** An unsigned 64-bit value that must fit a JavaScript number (a length, an offset, a count). */
  u64n(what: string): number {
    const v = this.u64();
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail(`${this.what}: ${what} ${hexU64(v)} is too large`);
    return Number(v);
  }

  /** An unsigned LEB128 that must fit a number (2^53); longer encodings are refused. */
  uleb(): number {
    const b0 = this.u8();
    if (b0 < 0x80) return b0;
    let result = b0 & 0x7f;
    let mul = 128;
    for (let i = 1; ; i++) {
      const b = this.u8();
      result += (b & 0x7f) * mul;
      if (b < 0x80) break;
      mul *= 128;
      if (i >= 9) fail(`${this.what}: a LEB128 number at offset ${hexU64(this.pos)} is longer than 10 bytes`);
    }
    if (result > Number.MAX_SAFE_INTEGER)
      fail(`${this.what}: a LEB128 number before offset ${hexU64(this.pos)} is too large`);
    return result;
  }
  /** A signed LEB128 that must fit a number. */
  sleb(): number {
    const v = this.slebBig();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER))
      fail(`${this.what}: a LEB128 number before offset ${hexU64(this.pos)} is too large`);
    return Number(v);
  }
  ulebBig(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; ; i++) {
      const b = this.u8();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (b < 0x80) break;
      if (i >= 9) fail(`${this.what}: a LEB128 number at offset ${hexU64(this.pos)} is longer than 10 bytes`);
    }
    return BigInt.asUintN(64, result);
  }
  slebBig(): bigint {
    let result = 0n;
    let shift = 0n;
    let b = 0;
    for (let i = 0; ; i++) {
      b = this.u8();
      result |= BigInt(b & 0x7f) << shift;
      shift += 7n;
      if (b < 0x80) break;
      if (i >= 9) fail(`${this.what}: a LEB128 number at offset ${hexU64(this.pos)} is longer than 10 bytes`);
    }
    if (b & 0x40 && shift < 64n) result -= 1n << shift;
    return BigInt.asIntN(64, result);
  }

  /** A 4- or 8-byte section offset (32- or 64-bit DWARF). */
  offset(size: 4 | 8): number {
    return size === 4 ? this.u32() : this.u64n('offset');
  }
  /** An address of `size` bytes (1, 2, 4 or 8). */
  address(size: number): bigint {
    switch (size) {
      case 8:
        return this.u64();
      case 4:
        return BigInt(this.u32());
      case 2:
        return BigInt(this.u16());
      case 1:
        return BigInt(this.u8());
      default:
        return fail(`${this.what}: unsupported address size ${size}`);
    }
  }
  /** Reads an unsigned value of 1, 2, 4 or 8 bytes. */
  unsigned(size: number): bigint {
    return this.address(size);
  }

  /** A NUL-terminated UTF-8 string (cut at MAX_STRING characters). */
  cstring(): string {
    const start = this.pos;
    const z = this.bytes.subarray(start, this.end).indexOf(0);
    if (z < 0) fail(`${this.what}: a string at offset ${hexU64(start)} is not terminated`);
    this.pos = start + z + 1;
    return utf8.decode(this.bytes.subarray(start, start + Math.min(z, MAX_STRING)));
  }

  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A cursor over the next `n` bytes (this one moves past them). */
  sub(n: number, what = this.what): Cursor {
    this.need(n);
    const c = new Cursor(this.bytes, this.pos, this.pos + n, what);
    this.pos += n;
    return c;
  }

  /**
   * An initial length (DWARF 7.4): 32-bit, or 0xffffffff then 64-bit. Returns the length and the
   * offset size of what follows; the length must fit what is left.
   */
  initialLength(): { length: number; offsetSize: 4 | 8 } {
    const l = this.u32();
    if (l === 0xffffffff) {
      const len = this.u64n('unit length');
      if (len > this.left) fail(`${this.what}: its length ${hexU64(len)} runs past the end of the section`);
      return { length: len, offsetSize: 8 };
    }
    if (l >= 0xfffffff0) fail(`${this.what}: reserved unit length ${hexU64(l)}`);
    if (l > this.left)
      fail(`${this.what}: its length ${hexU64(l)} runs past the end of the section ` + `(${this.left} bytes left)`);
    return { length: l, offsetSize: 4 };
  }
}

/** A NUL-terminated string at `off` of a string section (.debug_str, .debug_line_str). */
export function stringAt(section: Uint8Array | undefined, off: number, what: string): string {
  if (!section) return fail(`${what} refers to a string section the file does not have`);
  if (off < 0 || off >= section.length)
    fail(`${what}: string offset ${hexU64(off)} is outside its section (${section.length} ` + `bytes)`);
  const z = section.subarray(off, Math.min(section.length, off + MAX_STRING + 1)).indexOf(0);
  if (z < 0 && off + MAX_STRING + 1 >= section.length)
    fail(`${what}: the string at offset ${hexU64(off)} is not terminated`);
  return utf8.decode(section.subarray(off, off + (z < 0 ? MAX_STRING : z)));
}
