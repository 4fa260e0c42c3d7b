// Frames as a source-level debugger shows them: each physical frame of the unwinder, split into
// one frame per inlined call it is inside (GDB's inline frames), each with its function name,
// source line and the blocks whose variables it sees; and the context a DWARF location of that
// frame is evaluated in (registers, memory, frame base, CFA, entry values from the caller's call
// site).
import { DW_AT, DW_TAG } from './constants';
import type { Dwarf } from './dwarf';
import { evaluateAddress, evaluateLocation, type BaseTypeInfo, type ExprContext } from './expression';
import { readLocList } from './lists';
import { DwarfFail, OptimizedOut } from './reader';
import { hexU64 } from '../hex';
import { blockVariables, nameOf, type Block, type UnitScopes, type VarDecl } from './scopes';
import type { SymbolIndex } from './symbols';
import { TypeReader, sizeOf, VOID, type CType } from './types';
import { frameCfa, type PhysicalFrame, type UnwindContext } from './unwind';
import { CValue, valueFromLocation } from './values';
import type { Unit } from './units';
import type { CuLines } from './line-table';

export interface SourcePosition {
  /** the full path of the source file */
  file: string;
  line: number;
  column: number;
}

export interface Frame {
  /** 0 is the innermost (inline frames counted) */
  index: number;
  /** runtime address: the thread's pc for frame 0, the return address of a caller (the same pc for the inline frames
   * of one physical frame) */
  pc: bigint;
  /** the function (or inlined function) name; the ELF symbol without debug information; the address without either */
  name: string;
  /** its source position (the call site's, for a frame an inlined call is inside) */
  source?: SourcePosition;
  /** true for a frame of an inlined call (no registers of its own) */
  inlined: boolean;
  physical: PhysicalFrame;
  /** the compile unit and the blocks (innermost first) whose variables this frame sees */
  unit?: Unit;
  blocks: Block[];
  /** why unwinding stopped after this frame (the outermost frame only) */
  end?: string;
}

/** What frame building needs of the whole program. */
export interface ProgramModel {
  dwarf: Dwarf;
  bias: bigint;
  symbols: SymbolIndex;
  types: TypeReader;
  unwind: UnwindContext;
  scopesOf(u: Unit): UnitScopes | undefined;
  linesOf(u: Unit): CuLines | undefined;
}

function sourceOfLine(m: ProgramModel, u: Unit | undefined, pc: bigint): SourcePosition | undefined {
  if (!u) return undefined;
  const cl = m.linesOf(u);
  const r = cl?.find(Number(pc - m.bias));
  if (!r || !r.file) return undefined;
  return { file: r.file.path, line: r.entry.line, column: r.entry.column };
}

/** The call site position of an inlined block (DW_AT_call_file/line/column). */
function callSite(m: ProgramModel, b: Block): SourcePosition | undefined {
  const u = b.die.unit;
  const line = b.die.num(DW_AT.call_line);
  const fileIdx = b.die.num(DW_AT.call_file);
  if (line === undefined) return undefined;
  const files = m.dwarf.lineProgram(u)?.files;
  const f = fileIdx !== undefined ? files?.[fileIdx] : undefined;
  return { file: f?.path ?? '', line, column: b.die.num(DW_AT.call_column) ?? 0 };
}

/** The source-level frames of physical frames (inline frames inserted). */
export function sourceFrames(m: ProgramModel, phys: PhysicalFrame[]): Frame[] {
  const out: Frame[] = [];
  for (const p of phys) {
    const link = p.lookupPc - m.bias;
    let unit: Unit | undefined;
    let blocks: Block[] = [];
    try {
      unit = m.dwarf.unitForPc(link);
      const sc = unit ? m.scopesOf(unit) : undefined;
      blocks = sc ? sc.blocksAt(link) : [];
    } catch (e) {
      if (!(e instanceof DwarfFail)) throw e;
    }
    if (blocks.length === 0) {
      const sym = m.symbols.at(link, 'function') ?? m.symbols.at(link);
      const src = sourceOfLine(m, unit, p.lookupPc);
      out.push({
        index: out.length,
        pc: p.pc,
        name: sym ? sym.name : hexU64(p.pc),
        source: src,
        inlined: false,
        physical: p,
        unit,
        blocks: [],
        end: p.end,
      });
      continue;
    }
    // split the chain at inlined blocks: [inner..inlined1], [..inlined2], ..., [..function]
    let pos: SourcePosition | undefined = sourceOfLine(m, unit, p.lookupPc);
    let start = 0;
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.kind === 'block') continue;
      const group = blocks.slice(start, i + 1);
      const fnName = nameOf(b.die) ?? m.symbols.at(link, 'function')?.name ?? hexU64(p.pc);
      out.push({
        index: out.length,
        pc: p.pc,
        name: fnName,
        source: pos,
        inlined: b.kind === 'inlined',
        physical: p,
        unit,
        blocks: group,
      });
      // the next frame out is at this inlined call's call site
      if (b.kind === 'inlined') pos = callSite(m, b);
      start = i + 1;
    }
    if (out.length > 0) out[out.length - 1].end = p.end;
  }
  return out;
}

/** The function block (not inlined) that holds a frame's code. */
function functionBlock(f: Frame): Block | undefined {
  let b: Block | undefined = f.blocks[f.blocks.length - 1];
  while (b && b.kind !== 'function') b = b.parent;
  return b;
}

const MAX_ENTRY_DEPTH = 8;

/** The context DWARF expressions of a frame are evaluated in. */
export function frameContext(m: ProgramModel, f: Frame | undefined, u: Unit, depth = 0): ExprContext {
  const t = m.unwind.target;
  const p = f?.physical;
  const ctx: ExprContext = {
    addressSize: u.addressSize,
    offsetSize: u.offsetSize,
    bias: m.bias,
    reg: (n) => p?.reg(n),
    mem: (a, s) => t.readMemory(a, s),
    addrIndex: (i) => u.indexedAddress(i),
    baseType: (off): BaseTypeInfo | undefined => {
      const d = u.dieAt(u.header.offset + off);
      if (!d || d.tag !== DW_TAG.base_type) return undefined;
      return { size: d.num(DW_AT.byte_size) ?? 8, encoding: d.num(DW_AT.encoding) ?? 0 };
    },
  };
  if (p) {
    ctx.cfa = () => frameCfa(m.unwind, p);
    const fn = f ? functionBlock(f) : undefined;
    if (fn) {
      ctx.frameBase = () => {
        const fb = fn.die.attr(DW_AT.frame_base);
        if (!fb) throw new DwarfFail(`the function ${nameOf(fn.die) ?? ''} has no frame base`);
        const sub = { ...ctx, frameBase: undefined };
        if (fb.k === 'block') return evaluateAddress(fb.b, sub);
        const entry = readLocList(fn.die.unit, fb).find(
          (e) => e.isDefault || (e.start <= p.lookupPc - m.bias && p.lookupPc - m.bias < e.end),
        );
        if (!entry) throw new DwarfFail('the frame base is not known at this pc');
        return evaluateAddress(entry.expr, sub);
      };
    }
    ctx.entryValue = (expr) => entryValue(m, p, expr, depth);
  }
  return ctx;
}

/** DW_OP_entry_value(DW_OP_regN): the value the caller passed, from its call site's DW_AT_call_value. */
function entryValue(m: ProgramModel, callee: PhysicalFrame, expr: Uint8Array, depth: number): bigint | undefined {
  if (depth >= MAX_ENTRY_DEPTH) return undefined;
  let reg: number | undefined;
  if (expr.length === 1 && expr[0] >= 0x50 && expr[0] <= 0x6f) reg = expr[0] - 0x50;
  else if (expr.length >= 2 && expr[0] === 0x90) reg = expr[1] < 0x80 ? expr[1] : undefined;
  if (reg === undefined) return undefined;
  const caller = callee.caller;
  if (!caller) return undefined;
  const link = caller.pc - m.bias;
  const u = m.dwarf.unitForPc(caller.lookupPc - m.bias);
  const sc = u ? m.scopesOf(u) : undefined;
  const site = sc?.callSiteAt(link);
  if (!site || !u) return undefined;
  for (const prm of site.children) {
    if (prm.tag !== DW_TAG.call_site_parameter && prm.tag !== DW_TAG.GNU_call_site_parameter) continue;
    const loc = prm.attr(DW_AT.location);
    if (!loc || loc.k !== 'block') continue;
    const b = loc.b;
    const r =
      b.length === 1 && b[0] >= 0x50 && b[0] <= 0x6f
        ? b[0] - 0x50
        : b.length >= 2 && b[0] === 0x90 && b[1] < 0x80
          ? b[1]
          : undefined;
    if (r !== reg) continue;
    const val = prm.attr(DW_AT.call_value) ?? prm.attr(DW_AT.GNU_call_site_value);
    if (!val || val.k !== 'block') return undefined;
    const frames = sourceFrames(m, [caller]);
    const ctx = frameContext(m, frames[frames.length - 1], u, depth + 1);
    try {
      return evaluateAddress(val.b, ctx);
    } catch (e) {
      if (e instanceof DwarfFail) return undefined;
      throw e;
    }
  }
  return undefined;
}

function constValue(d: VarDecl, type: CType): CValue | undefined {
  const cv = d.die.attr(DW_AT.const_value) ?? d.origin.attr(DW_AT.const_value);
  if (!cv) return undefined;
  const size = Math.max(sizeOf(type), 0);
  const bytes = new Uint8Array(size);
  if (cv.k === 'block' || cv.k === 'data16') bytes.set(cv.b.subarray(0, size));
  else if (cv.k === 'const' || cv.k === 'sconst') {
    let x = BigInt.asUintN(64, cv.v);
    for (let i = 0; i < Math.min(size, 8); i++) {
      bytes[i] = Number(x & 0xffn);
      x >>= 8n;
    }
  } else if (cv.k === 'str' || cv.k === 'strp' || cv.k === 'strx') {
    const s = d.die.unit.dwarf.stringOf(d.die.unit, cv) ?? '';
    bytes.set(new TextEncoder().encode(s).subarray(0, size));
  }
  return new CValue(type, { kind: 'bytes', bytes });
}

/** The value of a variable in a frame (undefined frame: a file-scope variable). */
export function variableValue(m: ProgramModel, d: VarDecl, f: Frame | undefined): CValue {
  let type: CType;
  try {
    const td = d.die.has(DW_AT.type) ? d.die : d.origin;
    type = m.types.typeOf(td);
  } catch (e) {
    if (!(e instanceof DwarfFail)) throw e;
    return new CValue(VOID, { kind: 'error', message: e.message });
  }
  if (d.missing) return new CValue(type, { kind: 'optimized-out' });
  try {
    const c = constValue(d, type);
    if (c) return c;
    const loc = d.die.attr(DW_AT.location);
    if (!loc) {
      // a declaration: the definition may be elsewhere (extern in this unit, defined in another)
      return new CValue(type, { kind: 'optimized-out' });
    }
    const u = d.die.unit;
    const ctx = frameContext(m, f, u);
    const reader = { readMemory: ctx.mem, reg: ctx.reg };
    if (loc.k === 'block') return valueFromLocation(evaluateLocation(loc.b, ctx), type, reader);
    if (!f) return new CValue(type, { kind: 'error', message: 'a location list outside a frame' });
    const pc = f.physical.lookupPc - m.bias;
    const entry = readLocList(u, loc).find((e) => e.isDefault || (e.start <= pc && pc < e.end));
    if (!entry) return new CValue(type, { kind: 'optimized-out' });
    return valueFromLocation(evaluateLocation(entry.expr, ctx), type, reader);
  } catch (e) {
    if (e instanceof OptimizedOut) return new CValue(type, { kind: 'optimized-out' });
    if (!(e instanceof DwarfFail)) throw e;
    return new CValue(type, { kind: 'error', message: e.message });
  }
}

/** The variables a frame sees, innermost first (an inner one hides an outer one of the same name). */
export function frameVariables(f: Frame): VarDecl[] {
  const out: VarDecl[] = [];
  const seen = new Set<string>();
  for (const b of f.blocks) {
    for (const v of blockVariables(b)) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      out.push(v);
    }
  }
  return out;
}
