// One instruction: finding its table entry (with `.`/`o` suffixes and `+`/`-` hints), reading its
// operands (pass 1) and, once every label has an address, checking and encoding them (pass 2).
import { hex } from '../hex';
import { applyHint, KIND_CLASSES, OPERANDS, type Operand } from './encode';
import {
  applyHalf,
  evaluate,
  ExprError,
  parseOperandExpr,
  UndefinedSymbol,
  type OperandExpr,
  type TokenStream,
} from './expression';
import { TABLE, type Entry } from './mnemonics';
import { localEntryOffset } from './toc';
import { looksLikeBadRegister, REG_CLASS_NAME } from './registers';
import { undefinedMessage, type AsmState, type InsnFixup, type ParsedOperand } from './state';

export interface Lookup {
  entry: Entry;
  rc: boolean;
  oe: boolean;
}

/** Finds a mnemonic, accepting `.` (record) and `o` (overflow) forms where the ISA has them. */
export function lookupMnemonic(raw: string): Lookup | undefined {
  const name = raw.toLowerCase();
  const exact = TABLE.get(name);
  if (exact) return { entry: exact, rc: false, oe: false };
  let base = name;
  let rc = false;
  if (base.endsWith('.')) {
    base = base.slice(0, -1);
    rc = true;
    const e = TABLE.get(base);
    if (e) return e.rc ? { entry: e, rc, oe: false } : undefined;
  }
  if (base.endsWith('o')) {
    const e = TABLE.get(base.slice(0, -1));
    if (e && e.kind === 'insn' && e.oe && (!rc || e.rc)) return { entry: e, rc, oe: true };
  }
  return undefined;
}

/** Reads `op, op, disp(base), ...` (pass 1). */
export function parseOperands(ts: TokenStream): ParsedOperand[] {
  const out: ParsedOperand[] = [];
  if (ts.atEnd()) return out;
  for (;;) {
    if (ts.isOp(',')) throw new ExprError('missing operand', ts.col());
    const e = parseOperandExpr(ts);
    if (ts.isOp('(')) {
      ts.next();
      const base = parseOperandExpr(ts);
      if (!ts.isOp(')')) throw new ExprError("missing ')'", ts.col());
      ts.next();
      out.push({ mem: true, disp: e, base });
    } else {
      out.push({ mem: false, e });
    }
    if (ts.atEnd()) return out;
    if (!ts.isOp(',')) throw new ExprError(`expected ',' between operands, found '${ts.peek()!.text}'`, ts.col());
    ts.next();
  }
}

const opsOf = (e: Entry): Operand[] => e.ops.map((n) => OPERANDS[n]);

function describe(ops: Operand[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const o = ops[i];
    let s = o.parens ? `${o.name}(${ops[++i].name})` : o.name;
    if (o.optional) s = `[${s}]`;
    parts.push(s);
  }
  return parts.join(',');
}

const ZERO: OperandExpr = { expr: { k: 'num', v: 0n, col: 0 }, col: 0 };
const ONE: OperandExpr = { expr: { k: 'num', v: 1n, col: 0 }, col: 0 };

/** Whether an entry is a prefixed (8-byte) instruction. */
export function isPrefixed(entry: Entry): boolean {
  return entry.kind === 'insn' && entry.suffix !== undefined;
}

/**
 * A prefixed load/store or pla written with its displacement alone (`pld 3,x@pcrel`, `pla 3,16`):
 * GNU as takes RA = 0 and R = 1, and nothing may follow. Returns the operands as if written out.
 */
function bareDisplacement(entry: Entry, written: ParsedOperand[], mnemonic: string): ParsedOperand[] | string {
  const ops = opsOf(entry);
  const at = ops.findIndex((o) => o.parens);
  if (at < 0 || ops[at + 2] !== OPERANDS.PCREL) return written;
  // the written index of the D(RA) slot: operands before it (none of them parenthesised)
  const cur = written[at];
  if (!cur || cur.mem) return written;
  if (written.length > at + 1)
    return `junk after '${mnemonic}''s displacement: with no (RA) it is pc-relative (R=1) and ` + `takes no R operand`;
  return [
    ...written.slice(0, at),
    { mem: true, disp: cur.e, base: { ...ZERO, col: cur.e.col } },
    { mem: false, e: { ...ONE, col: cur.e.col } },
  ];
}

/** Matches written operands to the entry's operand list (leaving out optional ones), or an error. */
export function matchOperands(
  entry: Entry,
  given: ParsedOperand[],
  mnemonic: string,
): { op: Operand; e: OperandExpr | undefined }[] | string {
  const ops = opsOf(entry);
  const written = isPrefixed(entry) ? bareDisplacement(entry, given, mnemonic) : given;
  if (typeof written === 'string') return written;
  // count in written operands: `D(RA)` is one
  const slots = ops.length - ops.filter((o) => o.parens).length;
  const optional = ops.filter((o) => o.optional).length;
  if (written.length > slots || written.length < slots - optional) {
    const want = optional ? `${slots - optional} to ${slots}` : `${slots}`;
    const shape = ops.length ? ` (${mnemonic} ${describe(ops)})` : '';
    return `'${mnemonic}' takes ${want} operand${slots === 1 && !optional ? '' : 's'}, not ${written.length}${shape}`;
  }
  let skip = slots - written.length;
  const out: { op: Operand; e: OperandExpr | undefined }[] = [];
  // written slots each operand still needs after it (a `disp(reg)` pair is one slot)
  const requiredAfter = (i: number) =>
    ops.slice(i + 1).filter((o, k, a) => !o.optional && !(k > 0 && a[k - 1].parens)).length;
  let w = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    // as GNU as: an optional operand is left out when the operands still written are no more than
    // the required ones after it (cmpwi [BF],RA,SI leaves out BF; mtfsf FLM,FRB,[L],[W] fills L first)
    if (op.optional && skip > 0 && written.length - w <= requiredAfter(i)) {
      skip--;
      out.push({ op, e: undefined });
      continue;
    }
    const cur = written[w++];
    if (op.parens) {
      if (!cur.mem)
        return (
          `operand ${w} of '${mnemonic}' must be written ${op.name}(${ops[i + 1].name}), e.g. ` +
          `8(r1) (${mnemonic} ${describe(ops)})`
        );
      out.push({ op, e: cur.disp }, { op: ops[++i], e: cur.base });
    } else {
      if (cur.mem) return `operand ${w} of '${mnemonic}' takes no '(register)' (${mnemonic} ${describe(ops)})`;
      out.push({ op, e: cur.e });
    }
  }
  return out;
}

class OperandError extends Error {
  constructor(
    message: string,
    public col: number,
  ) {
    super(message);
  }
}

/** The checked value of one operand as the field will hold it (pass 2). */
function operandValue(st: AsmState, f: InsnFixup, op: Operand, e: OperandExpr, pc: bigint): bigint {
  const ctx = st.context({ sec: f.sec.name, off: f.off }, true);
  const val = evaluate(e.expr, ctx);
  const classes = KIND_CLASSES[op.kind];
  if (val.reg && !classes.includes(val.reg.cls)) {
    const want = classes.length ? REG_CLASS_NAME[classes[0]] : 'a number';
    throw new OperandError(`operand ${op.name} must be ${want}, not the register '${val.reg.name}'`, e.col);
  }
  let v = val.v;
  if (e.pcrel) {
    if (!op.insertPrefix || op.kind !== 'imm')
      throw new OperandError(
        `'@pcrel' applies to the displacement or immediate of a prefixed instruction (pld, ` + `pla, paddi...)`,
        e.col,
      );
    v = BigInt.asIntN(64, v - pc);
  }
  if (e.half) {
    v = applyHalf(e.half, v);
    if (op.min < 0n) v = BigInt.asIntN(16, v);
  }
  if (op.kind === 'rel') {
    v = BigInt.asIntN(64, v + localEntryOffset(st, e.expr) - pc);
    if (v % 4n !== 0n) throw new OperandError(`branch target ${hex(val.v)} is not a multiple of 4 bytes away`, e.col);
    if (v < op.min || v > op.max) {
      throw new OperandError(
        `branch target out of range: displacement ${hex(v)} does not fit ` +
          `${op.name === 'BD' ? '16 bits (±32 KiB); use b or bctr for far targets' : '26 bits (±32 MiB)'}`,
        e.col,
      );
    }
    return v;
  }
  // GNU as on a 64-bit host: a 32-bit value written with its sign extension done by hand
  // (0xffffffff for -1) is accepted when the sign-extended (or zero-extended) value fits
  if (op.kind === 'imm' && !e.half && op.max < 1n << 32n) {
    const k = 1n << 32n;
    if (v > op.max && v - k >= op.min && v - k <= op.max) v -= k;
    else if (v < op.min && v + k >= op.min && v + k <= op.max) v += k;
  }
  if (v < op.min || v > op.max) {
    if (op.kind === 'gpr' || op.kind === 'vsr' || op.kind === 'crf' || op.kind === 'crbit')
      throw new OperandError(`register number out of range (${v} is not between ${op.min} and ${op.max})`, e.col);
    const addr = val.sec && !e.half ? ` (it is an address in ${val.sec}; use @l/@ha/@h... to take 16-bit pieces)` : '';
    throw new OperandError(`operand out of range (${v} is not between ${op.min} and ${op.max})${addr}`, e.col);
  }
  if (op.multiple && v % BigInt(op.multiple) !== 0n) {
    throw new OperandError(`operand out of domain (${v} is not a multiple of ${op.multiple})`, e.col);
  }
  if ((op === OPERANDS.FXM4 || op === OPERANDS.OFXM) && (v & (v - 1n)) !== 0n) {
    throw new OperandError(`operand ${op.name} must select exactly one CR field (a power of 2), not ${v}`, e.col);
  }
  return v;
}

/** Operands that must name different registers (by index), as GNU as checks: RTp of a quadword load
 * is a register pair that RA (and RB) must not overlap. */
const DISTINCT: Record<string, [number, number][]> = {
  lq: [[0, 2]],
  plq: [[0, 2]],
  lqarx: [
    [0, 1],
    [0, 2],
  ],
};

/** Encodes an instruction fixup; reports errors on the state and returns its words (two for a
 * prefixed instruction: prefix, suffix) or undefined. */
export function encodeInsn(st: AsmState, f: InsnFixup): number[] | undefined {
  const err = (col: number, m: string) => {
    st.error(col, m, f.line);
    return undefined;
  };
  const found = lookupMnemonic(f.mnemonic);
  if (!found) return err(f.col, `unknown instruction '${f.mnemonic}'`);
  const matched = matchOperands(found.entry, f.operands, f.mnemonic);
  if (typeof matched === 'string') return err(f.col, matched);
  const pc = f.sec.addr + BigInt(f.off);
  let values: bigint[] = [];
  let cols: number[] = [];
  let failed = false;
  for (const { op, e } of matched) {
    if (!e) {
      values.push(0n);
      cols.push(f.col);
      continue;
    }
    try {
      // macros get the raw value; the base instruction's operands check the rewritten ones
      values.push(found.entry.kind === 'macro' ? rawValue(st, f, op, e) : operandValue(st, f, op, e, pc));
      cols.push(e.col);
    } catch (x) {
      failed = true;
      if (x instanceof UndefinedSymbol) {
        const hint = looksLikeBadRegister(x.symbol) ? `bad register name '${x.symbol}'` : undefinedMessage(x.symbol);
        err(x.col, hint);
      } else if (x instanceof OperandError || x instanceof ExprError) err(x.col, x.message);
      else throw x;
    }
  }
  if (failed) return undefined;
  let { entry, rc, oe } = found;
  let name = f.mnemonic;
  // macros rewrite onto a base mnemonic (possibly through another macro)
  for (let depth = 0; entry.kind === 'macro' && depth < 4; depth++) {
    const [target, vals] = entry.expand(values);
    name = target + (rc ? '.' : '');
    const next = lookupMnemonic(name);
    if (!next) return err(f.col, `internal: macro target '${name}' missing`);
    ({ entry, rc, oe } = next);
    const ops = opsOf(entry);
    values = [];
    const firstCol = cols[0] ?? f.col;
    for (let i = 0; i < ops.length; i++) {
      const v = vals[i];
      const op = ops[i];
      if (v < op.min || v > op.max)
        return err(
          cols[Math.min(i, cols.length - 1)] ?? firstCol,
          `operand out of range (${v} is not between ${op.min} and ${op.max}) in ${f.mnemonic} ` + `(as ${name})`,
        );
      values.push(v);
    }
    cols = ops.map((_, i) => cols[Math.min(i, cols.length - 1)] ?? firstCol);
  }
  if (entry.kind !== 'insn') return err(f.col, `internal: macro '${f.mnemonic}' does not reach an instruction`);
  const ops = opsOf(entry);
  if (entry.suffix !== undefined) {
    // a prefixed instruction: R=1 (pc-relative) needs RA = 0
    const r = entry.ops.indexOf('PCREL');
    const ra = entry.ops.indexOf('RA0');
    if (r >= 0 && ra >= 0 && values[r] === 1n && values[ra] !== 0n)
      return err(cols[r], 'invalid R operand: R=1 (pc-relative) needs RA = 0');
    let prefix = entry.base;
    let suffix = entry.suffix;
    for (let i = 0; i < ops.length; i++) {
      suffix = (suffix | ops[i].insert(values[i])) >>> 0;
      if (ops[i].insertPrefix) prefix = (prefix | ops[i].insertPrefix!(values[i])) >>> 0;
    }
    return [prefix, suffix];
  }
  let word = entry.base;
  for (let i = 0; i < ops.length; i++) word = (word | ops[i].insert(values[i])) >>> 0;
  if (rc) word = (word | (entry.rcBit ?? 1)) >>> 0;
  if (oe) word = (word | 0x400) >>> 0;
  const distinct = DISTINCT[name.toLowerCase()];
  if (distinct) {
    for (const [a, b] of distinct)
      if (values[a] === values[b]) return err(cols[b], 'source and target register operands must be different');
  }
  if (entry.update) {
    const ra = entry.ops.indexOf('RA0');
    if (values[ra] === 0n || (entry.update === 'load' && values[ra] === values[0]))
      return err(
        cols[ra],
        `invalid register operand when updating: RA must not be ` +
          `0${entry.update === 'load' ? ' or the target register' : ''}`,
      );
  }
  if (f.hint) {
    if (!entry.cond)
      return err(
        f.col,
        `'${f.mnemonic}' is not a conditional branch; '${f.hint}' hints apply to conditional ` + `branches`,
      );
    const hinted = applyHint(word, f.hint);
    if (hinted === undefined)
      return err(f.col, `a '${f.hint}' hint does not apply to this branch condition ` + `(BO=${(word >>> 21) & 0x1f})`);
    word = hinted;
  }
  return [word];
}

/** A macro operand's value: registers and constants as numbers, with @ operators applied. */
function rawValue(st: AsmState, f: InsnFixup, op: Operand, e: OperandExpr): bigint {
  const val = evaluate(e.expr, st.context({ sec: f.sec.name, off: f.off }, true));
  const classes = KIND_CLASSES[op.kind];
  if (val.reg && !classes.includes(val.reg.cls)) {
    const want = classes.length ? REG_CLASS_NAME[classes[0]] : 'a number';
    throw new OperandError(`operand ${op.name} must be ${want}, not the register '${val.reg.name}'`, e.col);
  }
  if ((op.kind === 'gpr' || op.kind === 'crbit') && (val.v < op.min || val.v > op.max))
    throw new OperandError(`register number out of range (${val.v} is not between ${op.min} and ${op.max})`, e.col);
  return e.half ? applyHalf(e.half, val.v) : val.v;
}
