// Unwinds the stack of a stopped ppc64 thread frame by frame: each caller's registers from the
// call-frame information of the callee (.eh_frame, .debug_frame), with the ELFv2 conventions (the
// CFA is the caller's r1, the return address is the caller's pc, registers the ABI says a function
// preserves keep their value unless the CFI says where they were saved). Code without an FDE (some
// glibc assembly, _start) is unwound by the ABI's back chain: 0(r1) holds the caller's stack
// pointer and 16 bytes above it the saved link register, after a short look at the function's
// prologue to tell whether it has stored them yet.
import type { CallFrameSection, CfaRow, RegisterRule } from './cfi';
import { evaluateAddress, type ExprContext } from './expression';
import { DwarfFail, fail } from './reader';
import { hexU64 } from '../hex';
import type { SymbolIndex } from './symbols';
import { calleeSaved, readLE, registerSize, type Target } from './target';

export interface PhysicalFrame {
  index: number;
  /** the frame's pc (runtime address): the thread's pc for frame 0, a return address above */
  pc: bigint;
  /** the pc to look things up with: pc for frame 0, pc - 1 for a caller (the call instruction; a call may be the last
   * instruction of its function) */
  lookupPc: bigint;
  /** the canonical frame address (the caller's stack pointer), when known */
  cfa: bigint | undefined;
  /** a register of this frame by DWARF number; undefined when not known (not saved by the callee) */
  reg(n: number): bigint | undefined;
  /** where that register's value lives, for a write (GDB's value_assign to a register of a frame):
   * the thread's register itself, or the slot a callee saved it in; undefined when it has no home
   * (not known, or a value the CFI computes) */
  home(n: number): RegisterHome | undefined;
  /** how this frame's caller was found */
  unwinder: 'cfi' | 'back chain' | 'none';
  /** why unwinding stopped after this frame (the last frame only) */
  end?: string;
  /** the caller's frame (undefined for the outermost one) */
  caller?: PhysicalFrame;
}

export type RegisterHome = { kind: 'register'; reg: number } | { kind: 'memory'; addr: bigint; size: number };

export interface UnwindContext {
  target: Target;
  /** the link-time to runtime offset (a static-pie's load bias) */
  bias: bigint;
  frames: CallFrameSection[];
  symbols: SymbolIndex;
  /** is this runtime address in executable code of the program */
  isCode(addr: bigint): boolean;
}

export const MAX_FRAMES = 256;
const LR = 65;

class Regs {
  constructor(
    private readonly get: (n: number) => bigint | undefined,
    readonly home: (n: number) => RegisterHome | undefined,
  ) {}
  reg(n: number): bigint | undefined {
    return this.get(n);
  }
}

function mem64(t: Target, addr: bigint): bigint | undefined {
  const b = t.readMemory(addr, 8);
  return b ? readLE(b, 8) : undefined;
}

/** The CFI row for a runtime pc (first section that covers it). */
function rowFor(ctx: UnwindContext, pc: bigint): CfaRow | undefined {
  for (const s of ctx.frames) {
    const r = s.rowFor(pc - ctx.bias);
    if (r) return r;
  }
  return undefined;
}

function exprContext(ctx: UnwindContext, regs: Regs): ExprContext {
  return {
    addressSize: 8,
    offsetSize: 4,
    bias: ctx.bias,
    reg: (n) => regs.reg(n),
    mem: (a, s) => ctx.target.readMemory(a, s),
  };
}

/** The caller of a frame by its CFI row; undefined registers where the row says so. */
function unwindByCfi(ctx: UnwindContext, row: CfaRow, regs: Regs): { cfa: bigint; regs: Regs; ra: bigint | undefined } {
  const t = ctx.target;
  let cfa: bigint;
  if (row.cfa.kind === 'reg') {
    const base = regs.reg(row.cfa.reg);
    if (base === undefined) fail(`the CFA is r${row.cfa.reg} + ${row.cfa.offset}, and r${row.cfa.reg} is not known`);
    cfa = BigInt.asUintN(64, base + row.cfa.offset);
  } else cfa = evaluateAddress(row.cfa.expr, exprContext(ctx, regs));
  /** An expression rule's value: the CFA is pushed on the stack first (DW_OP_call_frame_cfa gives
   * it too); undefined where the expression cannot be evaluated here. */
  const ruleAddress = (expr: Uint8Array): bigint | undefined => {
    const ec = exprContext(ctx, regs);
    ec.cfa = () => cfa;
    const withCfa = new Uint8Array(expr.length + 1);
    withCfa[0] = 0x9c; // DW_OP_call_frame_cfa
    withCfa.set(expr, 1);
    try {
      return evaluateAddress(withCfa, ec);
    } catch (e) {
      if (!(e instanceof DwarfFail)) throw e;
      return undefined;
    }
  };
  const cache = new Map<number, bigint | undefined>();
  const valueOf = (n: number): bigint | undefined => {
    if (cache.has(n)) return cache.get(n);
    const rule: RegisterRule | undefined = row.regs.get(n);
    let v: bigint | undefined;
    if (n === 1 && (!rule || rule.kind === 'same' || rule.kind === 'undefined')) v = cfa;
    // (no rule: a preserved register keeps its value; so does the return address register of a
    // leaf function, which has not saved it: LR still holds the return address)
    else if (!rule) v = calleeSaved(n) || n === row.returnRegister ? regs.reg(n) : undefined;
    else {
      const size = registerSize(n);
      const load = (a: bigint) => {
        const b = t.readMemory(a, size);
        return b ? readLE(b, size) : undefined;
      };
      switch (rule.kind) {
        case 'undefined':
          v = undefined;
          break;
        case 'same':
          v = regs.reg(n);
          break;
        case 'offset':
          v = load(cfa + rule.offset);
          break;
        case 'val_offset':
          v = BigInt.asUintN(64, cfa + rule.offset);
          break;
        case 'register':
          v = regs.reg(rule.reg);
          break;
        case 'expression':
        case 'val_expression': {
          const a = ruleAddress(rule.expr);
          v = a === undefined || rule.kind === 'val_expression' ? a : load(a);
          break;
        }
      }
    }
    cache.set(n, v);
    return v;
  };
  const homeOf = (n: number): RegisterHome | undefined => {
    if (n === 1) return undefined;
    const rule: RegisterRule | undefined = row.regs.get(n);
    if (!rule) return calleeSaved(n) || n === row.returnRegister ? regs.home(n) : undefined;
    switch (rule.kind) {
      case 'same':
        return regs.home(n);
      case 'register':
        return regs.home(rule.reg);
      case 'offset':
        return { kind: 'memory', addr: BigInt.asUintN(64, cfa + rule.offset), size: registerSize(n) };
      case 'expression': {
        const addr = ruleAddress(rule.expr);
        return addr === undefined ? undefined : { kind: 'memory', addr, size: registerSize(n) };
      }
      default:
        return undefined;
    }
  };
  const ra = valueOf(row.returnRegister);
  // (an undefined return address rule marks the outermost frame)
  const undefinedRa = row.regs.get(row.returnRegister)?.kind === 'undefined';
  return { cfa, regs: new Regs(valueOf, homeOf), ra: undefinedRa ? undefined : ra };
}

/**
 * What the prologue of the function holding `pc` has done by the time `pc` executes: allocated
 * its frame (stdu r1,-N(r1)), saved the link register (std r0,16(r1) after mflr r0).
 */
function prologueState(ctx: UnwindContext, pc: bigint): { allocated: boolean; lrSaved: boolean } | undefined {
  const sym = ctx.symbols.at(pc - ctx.bias, 'function');
  if (!sym) return undefined;
  const start = sym.start + ctx.bias;
  const n = Number((pc - start) / 4n);
  if (n < 0 || n > 64) return { allocated: true, lrSaved: true };
  const code = ctx.target.readMemory(start, n * 4);
  if (!code) return undefined;
  let allocated = false;
  let lrSaved = false;
  let lrInR0 = false;
  for (let i = 0; i < n; i++) {
    const w = (code[i * 4] | (code[i * 4 + 1] << 8) | (code[i * 4 + 2] << 16) | (code[i * 4 + 3] << 24)) >>> 0;
    if (w === 0x7c0802a6)
      lrInR0 = true; // mflr r0
    else if (w === 0xf8010010 && lrInR0)
      lrSaved = true; // std r0,16(r1)
    else if ((w & 0xffff0003) >>> 0 === 0xf8210001)
      allocated = true; // stdu r1,-N(r1)
    else if ((w & 0xffff07ff) >>> 0 === 0x7c21016a) allocated = true; // stdux r1,r1,rN
  }
  return { allocated, lrSaved };
}

/** The caller by the ABI back chain (no CFI). */
function unwindByBackChain(
  ctx: UnwindContext,
  frame: PhysicalFrame,
): { cfa: bigint; regs: Regs; ra: bigint | undefined } {
  const t = ctx.target;
  const sp = frame.reg(1);
  if (sp === undefined) fail('the stack pointer (r1) is not known');
  let cfa: bigint;
  let ra: bigint | undefined;
  const state = frame.index === 0 ? prologueState(ctx, frame.pc) : { allocated: true, lrSaved: true };
  if (state && !state.allocated) {
    // a function that has not (yet) allocated its frame: the caller's r1 is ours
    cfa = sp;
    ra = state.lrSaved ? mem64(t, sp + 16n) : frame.reg(LR);
  } else {
    const back = mem64(t, sp);
    if (back === undefined) fail(`cannot read the back chain at ${hexU64(sp)}`);
    cfa = back;
    ra = state && !state.lrSaved ? frame.reg(LR) : mem64(t, back + 16n);
  }
  const regs = new Regs(
    (n) => {
      if (n === 1) return cfa;
      if (n === LR) return ra;
      // callee-saved registers saved by a function without CFI: not known (the back chain does not say where)
      return n === 2 || n === 13 ? frame.reg(n) : undefined;
    },
    (n) => (n === 2 || n === 13 ? frame.home(n) : undefined),
  );
  return { cfa, regs, ra };
}

/** The frames of the stopped thread, innermost first (at most `max`). */
export function unwindStack(ctx: UnwindContext, max = MAX_FRAMES): PhysicalFrame[] {
  const t = ctx.target;
  const frames: PhysicalFrame[] = [];
  const pc0 = t.pc();
  let cur: PhysicalFrame = {
    index: 0,
    pc: pc0,
    lookupPc: pc0,
    cfa: undefined,
    reg: (n) => t.readRegister(n),
    home: (n) => ({ kind: 'register', reg: n }),
    unwinder: 'none',
  };
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(max, MAX_FRAMES); i++) {
    frames.push(cur);
    if (i === max - 1) break;
    let next: { cfa: bigint; regs: Regs; ra: bigint | undefined };
    let how: 'cfi' | 'back chain';
    try {
      const row = rowFor(ctx, cur.lookupPc);
      if (row) {
        next = unwindByCfi(ctx, row, new Regs(cur.reg, cur.home));
        how = 'cfi';
      } else {
        next = unwindByBackChain(ctx, cur);
        how = 'back chain';
      }
    } catch (e) {
      if (!(e instanceof DwarfFail)) throw e;
      cur.end = e.message;
      break;
    }
    cur.cfa = next.cfa;
    cur.unwinder = how;
    const ra = next.ra;
    if (ra === undefined) {
      cur.end = 'the outermost frame (no return address)';
      break;
    }
    if (ra === 0n) {
      cur.end = 'the outermost frame (return address 0)';
      break;
    }
    if (!ctx.isCode(ra - 4n)) {
      cur.end = `the return address ${hexU64(ra)} is not in the program's code`;
      break;
    }
    const prevSp = cur.reg(1);
    if (prevSp !== undefined && next.cfa < prevSp) {
      cur.end =
        `the caller's stack pointer ${hexU64(next.cfa)} is below this frame's ` +
        `(${hexU64(prevSp)}): a corrupt stack`;
      break;
    }
    const key = `${ra}:${next.cfa}`;
    if (seen.has(key)) {
      cur.end = 'the stack repeats (a corrupt stack)';
      break;
    }
    seen.add(key);
    const regs = next.regs;
    const caller: PhysicalFrame = {
      index: i + 1,
      pc: ra,
      lookupPc: ra - 1n,
      cfa: undefined,
      reg: (n) => regs.reg(n),
      home: (n) => regs.home(n),
      unwinder: 'none',
    };
    cur.caller = caller;
    cur = caller;
  }
  return frames;
}

/** The CFA of frame 0 alone (DW_OP_call_frame_cfa of the innermost frame), without unwinding further. */
export function frameCfa(ctx: UnwindContext, frame: PhysicalFrame): bigint | undefined {
  if (frame.cfa !== undefined) return frame.cfa;
  try {
    const row = rowFor(ctx, frame.lookupPc);
    return row ? unwindByCfi(ctx, row, new Regs(frame.reg, frame.home)).cfa : unwindByBackChain(ctx, frame).cfa;
  } catch (e) {
    if (e instanceof DwarfFail) return undefined;
    throw e;
  }
}
