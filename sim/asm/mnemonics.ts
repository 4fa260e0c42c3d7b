// The instruction table: mnemonic -> form, fixed bits (primary + extended opcode and any bits an
// extended mnemonic bakes in) and operand list. Extended mnemonics that only fix fields are table
// rows with those bits set (as binutils does: `beq` is bc with BO=12, BI=2); the others (`slwi`,
// `sub`, `mr`, ...) are macros that rewrite their operands onto a base mnemonic, as GNU as does.
import { FAMILIES } from '../cpu/isa/families';
import { sprMnemonics } from '../cpu/isa/spr-names';
import { OP, DS, X, XO, XL, XFX, XS, MD, MDS, M, A, type OperandName } from './encode';

export interface InsnEntry {
  kind: 'insn';
  form: string;
  base: number;
  ops: OperandName[];
  /** a `.` form (Rc=1) exists */
  rc?: boolean;
  /** an `o` form (OE=1) exists */
  oe?: boolean;
  /** conditional branch: `+`/`-` hints allowed */
  cond?: boolean;
  /** update-form load/store: RA must not be 0 (nor RT for loads) */
  update?: 'load' | 'store';
  /** the bit a `.` form sets (default 1; VC-form vector compares use 0x400) */
  rcBit?: number;
  /** a prefixed (8-byte) instruction: `base` is the prefix word, this the suffix's fixed bits */
  suffix?: number;
}

export interface MacroEntry {
  kind: 'macro';
  ops: OperandName[];
  rc?: boolean;
  /** the base mnemonic (without `.`) and its operand values */
  expand: (v: bigint[]) => [string, bigint[]];
}

export type Entry = InsnEntry | MacroEntry;

export const TABLE = new Map<string, Entry>();

function def(name: string, form: string, base: number, ops: OperandName[], extra: Partial<InsnEntry> = {}) {
  TABLE.set(name, { kind: 'insn', form, base: base >>> 0, ops, ...extra });
}
function macro(name: string, ops: OperandName[], expand: MacroEntry['expand'], rc = false) {
  TABLE.set(name, { kind: 'macro', ops, expand, rc });
}
const f = (shift: number, v: number) => (v << shift) >>> 0;

// ---- arithmetic --------------------------------------------------------------------------------
const XO3: [string, number][] = [
  ['add', 266],
  ['addc', 10],
  ['adde', 138],
  ['subf', 40],
  ['subfc', 8],
  ['subfe', 136],
  ['mullw', 235],
  ['mulld', 233],
  ['divw', 491],
  ['divwu', 459],
  ['divd', 489],
  ['divdu', 457],
  ['divwe', 427],
  ['divweu', 395],
  ['divde', 425],
  ['divdeu', 393],
];
for (const [n, xo] of XO3) def(n, 'XO', XO(31, xo), ['RT', 'RA', 'RB'], { rc: true, oe: true });
for (const [n, xo] of [
  ['mulhw', 75],
  ['mulhwu', 11],
  ['mulhd', 73],
  ['mulhdu', 9],
] as const)
  def(n, 'XO', XO(31, xo), ['RT', 'RA', 'RB'], { rc: true });
for (const [n, xo] of [
  ['addze', 202],
  ['addme', 234],
  ['subfze', 200],
  ['subfme', 232],
  ['neg', 104],
] as const)
  def(n, 'XO', XO(31, xo), ['RT', 'RA'], { rc: true, oe: true });
for (const [n, xo] of [
  ['modsw', 779],
  ['moduw', 267],
  ['modsd', 777],
  ['modud', 265],
] as const)
  def(n, 'X', X(31, xo), ['RT', 'RA', 'RB']);
def('addi', 'D', OP(14), ['RT', 'RA0', 'SI']);
def('addis', 'D', OP(15), ['RT', 'RA0', 'SISIGNOPT']);
def('addic', 'D', OP(12), ['RT', 'RA', 'SI']);
def('addic.', 'D', OP(13), ['RT', 'RA', 'SI']);
def('subfic', 'D', OP(8), ['RT', 'RA', 'SI']);
def('mulli', 'D', OP(7), ['RT', 'RA', 'SI']);
def('li', 'D', OP(14), ['RT', 'SI']);
def('lis', 'D', OP(15), ['RT', 'SISIGNOPT']);
def('la', 'D', OP(14), ['RT', 'D', 'RA0']);
def('subi', 'D', OP(14), ['RT', 'RA0', 'NSI']);
def('subis', 'D', OP(15), ['RT', 'RA0', 'NSI']);
def('subic', 'D', OP(12), ['RT', 'RA', 'NSI']);
def('subic.', 'D', OP(13), ['RT', 'RA', 'NSI']);
macro('sub', ['RT', 'RA', 'RB'], (v) => ['subf', [v[0], v[2], v[1]]], true);
macro('subc', ['RT', 'RA', 'RB'], (v) => ['subfc', [v[0], v[2], v[1]]], true);
for (const n of ['sub', 'subc']) {
  // subo, subo., subco, subco.
  macro(n + 'o', ['RT', 'RA', 'RB'], (v) => [n === 'sub' ? 'subfo' : 'subfco', [v[0], v[2], v[1]]], true);
}

// ---- logic -------------------------------------------------------------------------------------
for (const [n, xo] of [
  ['and', 28],
  ['andc', 60],
  ['or', 444],
  ['orc', 412],
  ['xor', 316],
  ['nand', 476],
  ['nor', 124],
  ['eqv', 284],
  ['slw', 24],
  ['srw', 536],
  ['sraw', 792],
  ['sld', 27],
  ['srd', 539],
  ['srad', 794],
] as const)
  def(n, 'X', X(31, xo), ['RA', 'RS', 'RB'], { rc: true });
for (const [n, xo] of [
  ['extsb', 954],
  ['extsh', 922],
  ['extsw', 986],
  ['cntlzw', 26],
  ['cntlzd', 58],
  ['cnttzw', 538],
  ['cnttzd', 570],
] as const)
  def(n, 'X', X(31, xo), ['RA', 'RS'], { rc: true });
for (const [n, xo] of [
  ['popcntb', 122],
  ['popcntw', 378],
  ['popcntd', 506],
] as const)
  def(n, 'X', X(31, xo), ['RA', 'RS']);
def('cmpb', 'X', X(31, 508), ['RA', 'RS', 'RB']);
def('andi.', 'D', OP(28), ['RA', 'RS', 'UI']);
def('andis.', 'D', OP(29), ['RA', 'RS', 'UI']);
def('ori', 'D', OP(24), ['RA', 'RS', 'UI']);
def('oris', 'D', OP(25), ['RA', 'RS', 'UI']);
def('xori', 'D', OP(26), ['RA', 'RS', 'UI']);
def('xoris', 'D', OP(27), ['RA', 'RS', 'UI']);
def('nop', 'D', OP(24), []);
def('xnop', 'D', OP(26), []);
macro('mr', ['RA', 'RS'], (v) => ['or', [v[0], v[1], v[1]]], true);
macro('not', ['RA', 'RS'], (v) => ['nor', [v[0], v[1], v[1]]], true);
def('isel', 'A', A(31, 15), ['RT', 'RA0', 'RB', 'BC']);
def('isellt', 'A', A(31, 15), ['RT', 'RA0', 'RB']);
def('iselgt', 'A', A(31, 15) | f(6, 1), ['RT', 'RA0', 'RB']);
def('iseleq', 'A', A(31, 15) | f(6, 2), ['RT', 'RA0', 'RB']);
def('srawi', 'X', X(31, 824), ['RA', 'RS', 'SH'], { rc: true });
def('sradi', 'XS', XS(31, 413), ['RA', 'RS', 'SH6'], { rc: true });
def('extswsli', 'XS', XS(31, 445), ['RA', 'RS', 'SH6'], { rc: true });

// ---- rotates and their extended mnemonics (GNU as macro definitions) ------------------------------
def('rlwinm', 'M', M(21), ['RA', 'RS', 'SH', 'MB', 'ME'], { rc: true });
def('rlwnm', 'M', M(23), ['RA', 'RS', 'RB', 'MB', 'ME'], { rc: true });
def('rlwimi', 'M', M(20), ['RA', 'RS', 'SH', 'MB', 'ME'], { rc: true });
def('rldicl', 'MD', MD(30, 0), ['RA', 'RS', 'SH6', 'MB6'], { rc: true });
def('rldicr', 'MD', MD(30, 1), ['RA', 'RS', 'SH6', 'MB6'], { rc: true });
def('rldic', 'MD', MD(30, 2), ['RA', 'RS', 'SH6', 'MB6'], { rc: true });
def('rldimi', 'MD', MD(30, 3), ['RA', 'RS', 'SH6', 'MB6'], { rc: true });
def('rldcl', 'MDS', MDS(30, 8), ['RA', 'RS', 'RB', 'MB6'], { rc: true });
def('rldcr', 'MDS', MDS(30, 9), ['RA', 'RS', 'RB', 'MB6'], { rc: true });
const RRN: OperandName[] = ['RA', 'RS', 'SH'];
const RRNB: OperandName[] = ['RA', 'RS', 'SH', 'SH'];
const m = (n: bigint, x: bigint) => n & x;
macro('slwi', RRN, ([a, s, n]) => ['rlwinm', [a, s, n, 0n, 31n - n]], true);
macro('srwi', RRN, ([a, s, n]) => ['rlwinm', [a, s, m(32n - n, 31n), n, 31n]], true);
macro('sldi', RRN, ([a, s, n]) => ['rldicr', [a, s, n, 63n - n]], true);
macro('srdi', RRN, ([a, s, n]) => ['rldicl', [a, s, m(64n - n, 63n), n]], true);
macro('rotlwi', RRN, ([a, s, n]) => ['rlwinm', [a, s, n, 0n, 31n]], true);
macro('rotrwi', RRN, ([a, s, n]) => ['rlwinm', [a, s, m(32n - n, 31n), 0n, 31n]], true);
macro('rotlw', ['RA', 'RS', 'RB'], ([a, s, b]) => ['rlwnm', [a, s, b, 0n, 31n]], true);
macro('rotldi', RRN, ([a, s, n]) => ['rldicl', [a, s, n, 0n]], true);
macro('rotrdi', RRN, ([a, s, n]) => ['rldicl', [a, s, m(64n - n, 63n), 0n]], true);
macro('rotld', ['RA', 'RS', 'RB'], ([a, s, b]) => ['rldcl', [a, s, b, 0n]], true);
macro('clrlwi', RRN, ([a, s, n]) => ['rlwinm', [a, s, 0n, n, 31n]], true);
macro('clrrwi', RRN, ([a, s, n]) => ['rlwinm', [a, s, 0n, 0n, 31n - n]], true);
macro('clrldi', RRN, ([a, s, n]) => ['rldicl', [a, s, 0n, n]], true);
macro('clrrdi', RRN, ([a, s, n]) => ['rldicr', [a, s, 0n, 63n - n]], true);
macro('clrlslwi', RRNB, ([a, s, b, n]) => ['rlwinm', [a, s, n, b - n, 31n - n]], true);
macro('clrlsldi', RRNB, ([a, s, b, n]) => ['rldic', [a, s, n, b - n]], true);
macro('extlwi', RRNB, ([a, s, n, b]) => ['rlwinm', [a, s, b, 0n, n - 1n]], true);
macro('extrwi', RRNB, ([a, s, n, b]) => ['rlwinm', [a, s, m(b + n, 31n), 32n - n, 31n]], true);
macro('inslwi', RRNB, ([a, s, n, b]) => ['rlwimi', [a, s, m(-b, 31n), b, b + n - 1n]], true);
macro('insrwi', RRNB, ([a, s, n, b]) => ['rlwimi', [a, s, m(32n - (b + n), 31n), b, b + n - 1n]], true);
macro('extldi', RRNB, ([a, s, n, b]) => ['rldicr', [a, s, b, n - 1n]], true);
macro('extrdi', RRNB, ([a, s, n, b]) => ['rldicl', [a, s, m(b + n, 63n), 64n - n]], true);
macro('insrdi', RRNB, ([a, s, n, b]) => ['rldimi', [a, s, m(64n - (b + n), 63n), b]], true);

// ---- compare -----------------------------------------------------------------------------------
def('cmp', 'X', X(31, 0), ['BF', 'L', 'RA', 'RB']);
def('cmpl', 'X', X(31, 32), ['BF', 'L', 'RA', 'RB']);
def('cmpi', 'D', OP(11), ['BF', 'L', 'RA', 'SI']);
def('cmpli', 'D', OP(10), ['BF', 'L', 'RA', 'UI']);
def('cmpw', 'X', X(31, 0), ['OBF', 'RA', 'RB']);
def('cmpd', 'X', X(31, 0) | f(21, 1), ['OBF', 'RA', 'RB']);
def('cmplw', 'X', X(31, 32), ['OBF', 'RA', 'RB']);
def('cmpld', 'X', X(31, 32) | f(21, 1), ['OBF', 'RA', 'RB']);
def('cmpwi', 'D', OP(11), ['OBF', 'RA', 'SI']);
def('cmpdi', 'D', OP(11) | f(21, 1), ['OBF', 'RA', 'SI']);
def('cmplwi', 'D', OP(10), ['OBF', 'RA', 'UI']);
def('cmpldi', 'D', OP(10) | f(21, 1), ['OBF', 'RA', 'UI']);

// ---- branches ----------------------------------------------------------------------------------
def('b', 'I', OP(18), ['LI']);
def('ba', 'I', OP(18) | 2, ['LIA']);
def('bl', 'I', OP(18) | 1, ['LI']);
def('bla', 'I', OP(18) | 3, ['LIA']);
def('bc', 'B', OP(16), ['BO', 'BI', 'BD'], { cond: true });
def('bca', 'B', OP(16) | 2, ['BO', 'BI', 'BDA'], { cond: true });
def('bcl', 'B', OP(16) | 1, ['BO', 'BI', 'BD'], { cond: true });
def('bcla', 'B', OP(16) | 3, ['BO', 'BI', 'BDA'], { cond: true });
def('bclr', 'XL', XL(19, 16), ['BO', 'BI', 'BH'], { cond: true });
def('bclrl', 'XL', XL(19, 16, 1), ['BO', 'BI', 'BH'], { cond: true });
def('bcctr', 'XL', XL(19, 528), ['BO', 'BI', 'BH'], { cond: true });
def('bcctrl', 'XL', XL(19, 528, 1), ['BO', 'BI', 'BH'], { cond: true });
def('blr', 'XL', XL(19, 16) | f(21, 20), []);
def('blrl', 'XL', XL(19, 16, 1) | f(21, 20), []);
def('bctr', 'XL', XL(19, 528) | f(21, 20), []);
def('bctrl', 'XL', XL(19, 528, 1) | f(21, 20), []);

/** The branch-form suffixes: to a displacement (with a/l/la) or to LR/CTR. */
const TO_DISP: [string, number, OperandName][] = [
  ['', 0, 'BD'],
  ['a', 2, 'BDA'],
  ['l', 1, 'BD'],
  ['la', 3, 'BDA'],
];
const TO_REG: [string, number][] = [
  ['lr', XL(19, 16)],
  ['lrl', XL(19, 16, 1)],
  ['ctr', XL(19, 528)],
  ['ctrl', XL(19, 528, 1)],
];
const CONDS: [string, number, number][] = [
  ['lt', 12, 0],
  ['gt', 12, 1],
  ['eq', 12, 2],
  ['so', 12, 3],
  ['un', 12, 3],
  ['ge', 4, 0],
  ['nl', 4, 0],
  ['le', 4, 1],
  ['ng', 4, 1],
  ['ne', 4, 2],
  ['ns', 4, 3],
  ['nu', 4, 3],
];
for (const [c, bo, bi] of CONDS) {
  const fixed = f(21, bo) | f(16, bi);
  for (const [s, bits, bd] of TO_DISP) def(`b${c}${s}`, 'B', OP(16) | fixed | bits, ['CR', bd], { cond: true });
  for (const [s, base] of TO_REG) def(`b${c}${s}`, 'XL', base | fixed, ['CR'], { cond: true });
}
// decrement CTR and branch: bdnz/bdz, and with a CR bit condition bdnzt/bdnzf/bdzt/bdzf
for (const [c, bo] of [
  ['dnz', 16],
  ['dz', 18],
] as const) {
  for (const [s, bits, bd] of TO_DISP) def(`b${c}${s}`, 'B', OP(16) | f(21, bo) | bits, [bd], { cond: true });
  for (const [s, base] of TO_REG.slice(0, 2)) def(`b${c}${s}`, 'XL', base | f(21, bo), [], { cond: true });
}
for (const [c, bo] of [
  ['dnzt', 8],
  ['dnzf', 0],
  ['dzt', 10],
  ['dzf', 2],
  ['t', 12],
  ['f', 4],
] as const) {
  for (const [s, bits, bd] of TO_DISP) def(`b${c}${s}`, 'B', OP(16) | f(21, bo) | bits, ['BI', bd], { cond: true });
  for (const [s, base] of TO_REG) {
    if (s.startsWith('ctr') && c.startsWith('d')) continue; // CTR-decrementing bcctr is invalid
    def(`b${c}${s}`, 'XL', base | f(21, bo), ['BI'], { cond: true });
  }
}

// ---- condition register --------------------------------------------------------------------------
for (const [n, xo] of [
  ['crand', 257],
  ['cror', 449],
  ['crxor', 193],
  ['crnand', 225],
  ['crnor', 33],
  ['creqv', 289],
  ['crandc', 129],
  ['crorc', 417],
] as const)
  def(n, 'XL', XL(19, xo), ['BT', 'BA', 'BB']);
macro('crset', ['BT'], ([x]) => ['creqv', [x, x, x]]);
macro('crclr', ['BT'], ([x]) => ['crxor', [x, x, x]]);
macro('crmove', ['BT', 'BA'], ([x, y]) => ['cror', [x, y, y]]);
macro('crnot', ['BT', 'BA'], ([x, y]) => ['crnor', [x, y, y]]);
def('mcrf', 'XL', XL(19, 0), ['BF', 'BFA']);

// ---- loads and stores ----------------------------------------------------------------------------
const DLS: [string, number, 'load' | 'store' | undefined][] = [
  ['lbz', 34, undefined],
  ['lbzu', 35, 'load'],
  ['lhz', 40, undefined],
  ['lhzu', 41, 'load'],
  ['lha', 42, undefined],
  ['lhau', 43, 'load'],
  ['lwz', 32, undefined],
  ['lwzu', 33, 'load'],
  ['stb', 38, undefined],
  ['stbu', 39, 'store'],
  ['sth', 44, undefined],
  ['sthu', 45, 'store'],
  ['stw', 36, undefined],
  ['stwu', 37, 'store'],
  ['lmw', 46, undefined],
  ['stmw', 47, undefined],
];
for (const [n, op, u] of DLS)
  def(n, 'D', OP(op), [n.startsWith('l') ? 'RT' : 'RS', 'D', 'RA0'], u ? { update: u } : {});
def('ld', 'DS', DS(58, 0), ['RT', 'DS', 'RA0']);
def('ldu', 'DS', DS(58, 1), ['RT', 'DS', 'RA0'], { update: 'load' });
def('lwa', 'DS', DS(58, 2), ['RT', 'DS', 'RA0']);
def('std', 'DS', DS(62, 0), ['RS', 'DS', 'RA0']);
def('stdu', 'DS', DS(62, 1), ['RS', 'DS', 'RA0'], { update: 'store' });
const XLS: [string, number, 'load' | 'store' | undefined][] = [
  ['lbzx', 87, undefined],
  ['lbzux', 119, 'load'],
  ['lhzx', 279, undefined],
  ['lhzux', 311, 'load'],
  ['lhax', 343, undefined],
  ['lhaux', 375, 'load'],
  ['lwzx', 23, undefined],
  ['lwzux', 55, 'load'],
  ['lwax', 341, undefined],
  ['lwaux', 373, 'load'],
  ['ldx', 21, undefined],
  ['ldux', 53, 'load'],
  ['stbx', 215, undefined],
  ['stbux', 247, 'store'],
  ['sthx', 407, undefined],
  ['sthux', 439, 'store'],
  ['stwx', 151, undefined],
  ['stwux', 183, 'store'],
  ['stdx', 149, undefined],
  ['stdux', 181, 'store'],
  ['lhbrx', 790, undefined],
  ['lwbrx', 534, undefined],
  ['ldbrx', 532, undefined],
  ['sthbrx', 918, undefined],
  ['stwbrx', 662, undefined],
  ['stdbrx', 660, undefined],
];
for (const [n, xo, u] of XLS)
  def(n, 'X', X(31, xo), [n.startsWith('l') ? 'RT' : 'RS', 'RA0', 'RB'], u ? { update: u } : {});
def('lwarx', 'X', X(31, 20), ['RT', 'RA0', 'RB', 'EH']);
def('ldarx', 'X', X(31, 84), ['RT', 'RA0', 'RB', 'EH']);
def('lbarx', 'X', X(31, 52), ['RT', 'RA0', 'RB', 'EH']);
def('lharx', 'X', X(31, 116), ['RT', 'RA0', 'RB', 'EH']);
def('stwcx.', 'X', X(31, 150, 1), ['RS', 'RA0', 'RB']);
def('stdcx.', 'X', X(31, 214, 1), ['RS', 'RA0', 'RB']);
def('stbcx.', 'X', X(31, 694, 1), ['RS', 'RA0', 'RB']);
def('sthcx.', 'X', X(31, 726, 1), ['RS', 'RA0', 'RB']);

// ---- cache, sync, traps, system ------------------------------------------------------------------
def('dcbz', 'X', X(31, 1014), ['RA0', 'RB']);
def('dcbf', 'X', X(31, 86), ['RA0', 'RB', 'DCBL']);
def('dcbst', 'X', X(31, 54), ['RA0', 'RB']);
def('dcbt', 'X', X(31, 278), ['RA0', 'RB', 'CT']);
def('dcbtst', 'X', X(31, 246), ['RA0', 'RB', 'CT']);
def('icbi', 'X', X(31, 982), ['RA0', 'RB']);
// the touch hints by name (objdump prints these): TH 0-7 ct, 8 ds, 16 t, 17 dcbna
def('dcbtct', 'X', X(31, 278), ['RA0', 'RB', 'TH3']);
def('dcbtstct', 'X', X(31, 246), ['RA0', 'RB', 'TH3']);
def('dcbtds', 'X', X(31, 278) | f(21, 8), ['RA0', 'RB']);
def('dcbtstds', 'X', X(31, 246) | f(21, 8), ['RA0', 'RB']);
def('dcbtt', 'X', X(31, 278) | f(21, 16), ['RA0', 'RB']);
def('dcbtstt', 'X', X(31, 246) | f(21, 16), ['RA0', 'RB']);
def('dcbna', 'X', X(31, 278) | f(21, 17), ['RA0', 'RB']);
def('sync', 'X', X(31, 598), ['SYNCL']);
def('hwsync', 'X', X(31, 598), []);
def('lwsync', 'X', X(31, 598) | f(21, 1), []);
def('ptesync', 'X', X(31, 598) | f(21, 2), []);
def('stsync', 'X', X(31, 598) | f(16, 3), []);
def('stcisync', 'X', X(31, 598) | f(16, 2), []);
def('stncisync', 'X', X(31, 598) | f(21, 1) | f(16, 1), []);
def('phwsync', 'X', X(31, 598) | f(21, 4), []);
def('plwsync', 'X', X(31, 598) | f(21, 5), []);
def('eieio', 'X', X(31, 854), []);
def('isync', 'XL', XL(19, 150), []);
def('sc', 'SC', OP(17) | 2, ['LEV']);
def('scv', 'SC', OP(17) | 1, ['SCVLEV']);
def('tw', 'X', X(31, 4), ['TO', 'RA', 'RB']);
def('td', 'X', X(31, 68), ['TO', 'RA', 'RB']);
def('twi', 'D', OP(3), ['TO', 'RA', 'SI']);
def('tdi', 'D', OP(2), ['TO', 'RA', 'SI']);
def('trap', 'X', X(31, 4) | f(21, 31), []);
const TRAPS: [string, number][] = [
  ['lt', 16],
  ['le', 20],
  ['eq', 4],
  ['ge', 12],
  ['gt', 8],
  ['nl', 12],
  ['ne', 24],
  ['ng', 20],
  ['llt', 2],
  ['lle', 6],
  ['lge', 5],
  ['lgt', 1],
  ['lnl', 5],
  ['lng', 6],
  ['u', 31],
];
for (const [c, to] of TRAPS) {
  def(`tw${c}`, 'X', X(31, 4) | f(21, to), ['RA', 'RB']);
  def(`td${c}`, 'X', X(31, 68) | f(21, to), ['RA', 'RB']);
  def(`tw${c}i`, 'D', OP(3) | f(21, to), ['RA', 'SI']);
  def(`td${c}i`, 'D', OP(2) | f(21, to), ['RA', 'SI']);
}

// ---- special-purpose registers and CR moves -------------------------------------------------------
def('mfspr', 'XFX', XFX(31, 339), ['RT', 'SPR']);
def('mtspr', 'XFX', XFX(31, 467), ['SPR', 'RS']);
const spr = (n: number) => (((n & 0x1f) << 16) | ((n & 0x3e0) << 6)) >>> 0;
// mflr, mtctr, mftb, mfppr32...: every one-operand SPR mnemonic GNU as knows (isa/spr.ts)
for (const { name, mf, spr: n } of sprMnemonics())
  def(name, 'XFX', XFX(31, mf ? 339 : 467) | spr(n), [mf ? 'RT' : 'RS']);
def('mfcr', 'XFX', XFX(31, 19), ['RT', 'OFXM']);
def('mfocrf', 'XFX', XFX(31, 19) | f(20, 1), ['RT', 'FXM4']);
def('mtcrf', 'XFX', XFX(31, 144), ['FXM', 'RS']);
def('mtocrf', 'XFX', XFX(31, 144) | f(20, 1), ['FXM4', 'RS']);
def('mtcr', 'XFX', XFX(31, 144) | f(12, 0xff), ['RS']);

// ---- the instruction families of the interpreter (sim/cpu/isa/*-defs.ts) --------------------------
// Their rows are the single description of those instructions; a name already defined above keeps
// its hand-written entry. Extended mnemonics whose operands fill two fields are macros.
for (const fam of FAMILIES) {
  for (const d of fam.defs) {
    if (d.disasmOnly || TABLE.has(d.name)) continue;
    const expand = d.expand;
    if (expand && d.alias) {
      const target = d.alias;
      macro(d.name, d.operands, (v) => [target, expand(v)], d.rc ?? false);
    } else {
      // an update-form load/store: RA must not be 0 (nor, for a GPR load, the target)
      const update = d.access?.update ? (d.access.kind === 'load' && !d.access.fp ? 'load' : 'store') : undefined;
      def(d.name, 'family', d.match, d.operands, { rc: d.rc, oe: d.oe, rcBit: d.rcBit, suffix: d.suffixMatch, update });
    }
  }
}
