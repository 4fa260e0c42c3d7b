// The ELFv2 TOC pointer as GNU ld gives it to a static, non-PIC executable: `.TOC.` is 0x8000 past
// the start of the first writable section (there is no .got here), and ld rewrites the global
// entry prologue
//     0: addis 2,12,.TOC.-0b@ha
//        addi 2,2,.TOC.-0b@l
// into `lis 2,.TOC.@ha; addi 2,2,.TOC.@l` (elf64-ppc.c, R_PPC64_REL16_HA), so we do the same.
import { ExprError, type Expr } from './expression';
import type { AsmState, InsnFixup } from './state';
import { TOC_SYMBOL } from './toc-base';

const tocSym: Expr = { k: 'sym', name: TOC_SYMBOL, col: 0 };

/** `.TOC. - X` where X is at `pc`; true when the expression is exactly that. */
function isTocMinus(st: AsmState, f: InsnFixup, e: Expr, pc: bigint): boolean {
  if (e.k !== 'bin' || e.op !== '-' || e.l.k !== 'sym' || e.l.name !== TOC_SYMBOL) return false;
  try {
    const v = st.evalDeferred({ expr: e.r, sec: f.sec.name, off: f.off, line: f.line, col: f.col }, false);
    return v.v === pc;
  } catch {
    return false;
  }
}

const num = (st: AsmState, f: InsnFixup, e: Expr): bigint | undefined => {
  try {
    return st.evalDeferred({ expr: e, sec: f.sec.name, off: f.off, line: f.line, col: f.col }, true).v;
  } catch {
    return undefined;
  }
};

/** Rewrites every global entry prologue pair in place (after layout, before encoding). */
export function rewriteTocPrologues(st: AsmState): void {
  const insns = st.fixups.filter((f): f is InsnFixup => f.kind === 'insn');
  for (let i = 0; i + 1 < insns.length; i++) {
    const a = insns[i];
    const b = insns[i + 1];
    if (a.sec !== b.sec || b.off !== a.off + 4) continue;
    if (a.mnemonic.toLowerCase() !== 'addis' || b.mnemonic.toLowerCase() !== 'addi' || a.hint || b.hint) continue;
    const [rt, ra, ha] = a.operands;
    const [rt2, ra2, lo] = b.operands;
    if (a.operands.length !== 3 || b.operands.length !== 3) continue;
    if (rt.mem || ra.mem || ha.mem || rt2.mem || ra2.mem || lo.mem) continue;
    if (ha.e.half !== 'ha' || lo.e.half !== 'l') continue;
    if (
      num(st, a, rt.e.expr) !== 2n ||
      num(st, a, ra.e.expr) !== 12n ||
      num(st, b, rt2.e.expr) !== 2n ||
      num(st, b, ra2.e.expr) !== 2n
    )
      continue;
    const pc = a.sec.addr + BigInt(a.off);
    if (!isTocMinus(st, a, ha.e.expr, pc) || !isTocMinus(st, b, lo.e.expr, pc)) continue;
    a.mnemonic = 'lis';
    a.operands = [rt, { mem: false, e: { expr: { ...tocSym, col: ha.e.col }, half: 'ha', col: ha.e.col } }];
    b.operands = [rt2, ra2, { mem: false, e: { expr: { ...tocSym, col: lo.e.col }, half: 'l', col: lo.e.col } }];
  }
}

/** The symbol a branch target is relative to (`f`, `f+4`), if the expression has one. */
function baseSymbol(e: Expr): string | undefined {
  if (e.k === 'sym') return e.name;
  if (e.k === 'bin' && e.op === '+') return baseSymbol(e.l) ?? baseSymbol(e.r);
  if (e.k === 'bin' && e.op === '-') return baseSymbol(e.r) === undefined ? baseSymbol(e.l) : undefined;
  return undefined;
}

/**
 * The local entry offset GNU ld adds to a relative branch to a symbol declared with
 * `.localentry` (the caller shares the TOC, so it skips the TOC setup): 0 when there is none.
 */
export function localEntryOffset(st: AsmState, target: Expr): bigint {
  const name = baseSymbol(target);
  const sym = name === undefined ? undefined : st.symbols.get(name);
  if (!sym?.localEntry) return 0n;
  const v = st.evalDeferred(sym.localEntry, false);
  if (v.sec) throw new ExprError(`the local entry offset of '${name}' must be a constant`, sym.localEntry.col);
  return v.v;
}
