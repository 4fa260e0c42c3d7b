// Set Value on a C object, as GDB's `set var` assigns: the value of a C expression converted to the
// object's type (an integer, char, enum or pointer; a float or double; a bit-field) and stored where
// DWARF says the object is: its memory (a bit-field's neighbours kept) or the register that holds it
// (a GPR, or an FPR in double format): in a calling frame, where that register lives (the thread's
// register, or the stack slot a callee saved it in, as the call-frame information says). The writes
// go through the writer the session hands in (the runtime's memory write, the Tracer's registers).
import type { Frame, Target, VariableNode } from '../../sim/debuginfo/debug-info';
import { isFloat, isSignedInt, sizeOf, strip } from '../../sim/debuginfo/types';
import type { DwarfProgram } from './dwarf-program';

export interface ValueWriter {
  memory(addr: bigint, bytes: Uint8Array): boolean;
  /** a register by its DWARF number (0-31: the GPRs, 32-63: the FPRs) set to these 64 bits */
  register(reg: number, value: bigint): boolean;
}

export type Assigned = { ok: true } | { ok: false; message: string };

function le(bytes: Uint8Array): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]);
  return x;
}

function leBytes(x: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Number((x >> BigInt(8 * i)) & 0xffn);
  return out;
}

/** The expression's value as a double (GDB converts to the float type the same way). */
function asDouble(m: DwarfProgram, target: Target, expr: string, frame: Frame | undefined): number | string {
  const v = m.evaluate(target, `(double)(${expr})`, frame);
  if (!v.ok) return `${expr}: ${v.message}`;
  const b = v.node.value_.read(target);
  if (!(b instanceof Uint8Array) || b.length !== 8) return `${expr} is not a number (${v.text})`;
  return new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, true);
}

/** The expression's value as an integer of `size` bytes (two's complement). */
function asInteger(
  m: DwarfProgram,
  target: Target,
  expr: string,
  frame: Frame | undefined,
  size: number,
): bigint | string {
  const v = m.evaluate(target, `(long)(${expr})`, frame);
  if (!v.ok) return `${expr}: ${v.message}`;
  try {
    return BigInt.asUintN(size * 8, BigInt(v.text));
  } catch {
    return `${expr} is not a number (${v.text})`;
  }
}

/**
 * Assigns `expr` (evaluated in `frame`) to the object `n` shows; a register of the frame is written
 * where it lives (frame.physical.home: the thread's register, or the slot a callee saved it in).
 */
export function assignValue(
  m: DwarfProgram,
  target: Target,
  frame: Frame | undefined,
  n: VariableNode,
  expr: string,
  w: ValueWriter,
): Assigned {
  const v = n.value_;
  const t = strip(v.type);
  const size = sizeOf(v.type);
  if (n.childCount > 0 && t.kind !== 'pointer')
    return { ok: false, message: `${n.name} is a ${n.type}: set its members one by one` };
  const float = isFloat(v.type);
  if (float ? size !== 4 && size !== 8 : ![1, 2, 4, 8].includes(size) || t.kind === 'array')
    return { ok: false, message: `setting a ${n.type} is not supported` };

  // the new bytes of the object (a bit-field: its value, placed below)
  let bytes: Uint8Array;
  let double = 0;
  if (float) {
    const d = asDouble(m, target, expr, frame);
    if (typeof d === 'string') return { ok: false, message: d };
    double = d;
    bytes = new Uint8Array(size);
    const dv = new DataView(bytes.buffer);
    if (size === 4) dv.setFloat32(0, d, true);
    else dv.setFloat64(0, d, true);
  } else {
    const x = asInteger(m, target, expr, frame, size);
    if (typeof x === 'string') return { ok: false, message: x };
    bytes = leBytes(x, size);
  }

  const d = v.data;
  if (v.bits) {
    if (d.kind !== 'memory') return { ok: false, message: `${n.name} is a bit-field held outside memory: not set` };
    const { offset, size: nBits } = v.bits;
    const nBytes = Math.ceil((offset + nBits) / 8);
    const old = target.readMemory(d.addr, nBytes);
    if (!old) return { ok: false, message: `${n.name}: its memory cannot be read` };
    const mask = ((1n << BigInt(nBits)) - 1n) << BigInt(offset);
    const word = (le(old) & ~mask) | ((le(bytes) << BigInt(offset)) & mask);
    return w.memory(d.addr, leBytes(word, nBytes))
      ? { ok: true }
      : { ok: false, message: `${n.name}: its memory cannot be written` };
  }
  if (d.kind === 'memory')
    return w.memory(d.addr, bytes) ? { ok: true } : { ok: false, message: `${n.name}: its memory cannot be written` };
  if (d.kind === 'bytes' && d.register !== undefined) {
    const reg = d.register;
    let value: bigint;
    if (reg < 32) {
      // as the ABI keeps it in a GPR: sign- or zero-extended to 64 bits
      const x = le(bytes);
      value = !float && isSignedInt(v.type) ? BigInt.asUintN(64, BigInt.asIntN(size * 8, x)) : x;
    } else if (reg < 64 && float) {
      // an FPR holds a float in double format
      const b = new DataView(new ArrayBuffer(8));
      b.setFloat64(0, size === 4 ? Math.fround(double) : double, true);
      value = b.getBigUint64(0, true);
    } else return { ok: false, message: `${n.name} is held in a register that cannot be set here` };
    const home = frame?.physical.home(reg);
    if (!home) return { ok: false, message: `${n.name} is held in a register this frame does not know the place of` };
    if (home.kind === 'memory')
      return w.memory(home.addr, leBytes(value, home.size))
        ? { ok: true }
        : { ok: false, message: `${n.name}: the stack slot its register is saved in cannot be written` };
    return w.register(home.reg, value)
      ? { ok: true }
      : { ok: false, message: `${n.name}: its register cannot be written` };
  }
  return {
    ok: false,
    message: `${n.name} has no location to store to here (optimized out, or computed): it cannot be set`,
  };
}
