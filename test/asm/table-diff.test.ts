// Every mnemonic in the instruction table (with its `.` and `o` forms), with pseudo-random operands
// of the right kinds, assembled by sim/asm and by GNU as + ld: the words must be identical. This
// reaches the table rows that the hand-written fixtures do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble } from '../../sim/asm/assembler';
import { OPERANDS, type Operand } from '../../sim/asm/encode';
import { TABLE, type Entry } from '../../sim/asm/mnemonics';
import { lineForAddress } from '../../sim/asm/line-table';
import { formatDiagnostic } from '../../sim/program';
import { INSTALL, requireTool } from '../helpers/tools';
import { gnuAssemble } from './gnu';

/** A small deterministic generator (xorshift32), so that a failure reproduces. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

// lmw/stmw and the string loads/stores are invalid in little-endian mode; lfdp/stfdp (ISA 2.05, phased
// out) GNU as rejects with -mpower10
const LE_INVALID = new Set(['lmw', 'stmw', 'lswi', 'lswx', 'stswi', 'stswx', 'lfdp', 'lfdpx', 'stfdp', 'stfdpx']);
/** GNU as: RTp must differ from RA (and RB) */
const QUAD_DISTINCT = new Set(['lq', 'plq', 'lqarx']);

function operandText(
  op: Operand,
  name: string,
  mnemonic: string,
  r: (n: number) => number,
  prev: string[],
  update = false,
): string {
  const pick = <T>(xs: T[]) => xs[r(xs.length)];
  switch (op) {
    case OPERANDS.BO:
      return String(mnemonic.startsWith('bcctr') ? pick([4, 12, 20]) : pick([0, 2, 4, 8, 10, 12, 16, 18, 20]));
    case OPERANDS.SPR:
      return String(pick([1, 8, 9, 256]));
    case OPERANDS.FXM4:
    case OPERANDS.OFXM:
      return String(1 << r(8));
    case OPERANDS.SYNCL:
      return String(r(3));
    case OPERANDS.DCBL:
      return String(r(2));
    case OPERANDS.BH:
      return String(r(2));
    case OPERANDS.LEV:
      return String(r(2));
    case OPERANDS.PCREL:
      // R=1 needs RA = 0: the pc-relative forms have their own test (prefixed-asm.test.ts)
      return '0';
    case OPERANDS.NSI:
      return String(r(0x8000) - 0x7fff + r(2) * 0x7fff);
  }
  switch (op.kind) {
    case 'gpr': {
      // update forms: RA must differ from 0 and from RT
      if (update && name === 'RA0') {
        const rt = Number(prev[0]);
        let ra = 1 + r(31);
        if (ra === rt) ra = (ra % 31) + 1;
        return String(ra);
      }
      // an even register pair (lq, lqarx...): even numbers, and not one already used (RTp != RA, RB)
      let n = r(32);
      if (op.multiple) n -= n % op.multiple;
      if (QUAD_DISTINCT.has(mnemonic)) while (prev.includes(String(n))) n = (n + 2) % 32;
      return pick([String(n), `r${n}`, `%r${n}`]);
    }
    case 'vsr': {
      // register pairs (lxvp's XTp) must be even
      const n = r(64) & ~((op.multiple ?? 1) - 1);
      return pick([`vs${n}`, String(n)]);
    }
    case 'fpr':
      return pick([`f${r(32)}`, String(r(32))]);
    case 'vr':
      return pick([`v${r(32)}`, String(r(32))]);
    case 'crf':
      return pick([`cr${r(8)}`, String(r(8))]);
    case 'crbit':
      return pick([String(r(32)), `4*cr${r(8)}+${pick(['lt', 'gt', 'eq', 'so'])}`]);
    case 'rel':
      return pick(['target', 'back', '.+8']);
    case 'abs':
      return String(4 * r(0x1000));
    case 'imm': {
      const min = Number(op.min);
      const max = Number(op.max);
      const m = op.multiple ?? 1;
      let v = min + r(max - min + 1);
      v -= ((v % m) + m) % m;
      if (v < min) v += m;
      return String(v);
    }
  }
}

/** A line per table row (and per `.`/`o` form), with operands of the kinds the row takes. */
function generate(seed: number): string {
  const r = rng(seed);
  const lines = ['\t.abiversion 2', '\t.text', 'back:\tnop'];
  for (const [mnemonic, entry] of TABLE) {
    if (LE_INVALID.has(mnemonic)) continue;
    const forms = [mnemonic];
    if (entry.rc) forms.push(mnemonic + '.');
    if (entry.kind === 'insn' && entry.oe) forms.push(mnemonic + 'o', mnemonic + 'o.');
    for (const form of forms) lines.push(`\t${form} ${operands(entry, form, r)}`.trimEnd());
  }
  lines.push('target:\tblr', '');
  return lines.join('\n');
}

function operands(entry: Entry, mnemonic: string, r: (n: number) => number): string {
  const ops = entry.ops.map((n) => [OPERANDS[n], n] as const);
  if (entry.kind === 'macro') {
    // rotate/shift macros: keep the pieces small so that every rewrite stays in range
    const regs = ops
      .filter(([o]) => o.kind !== 'imm')
      .map(([o]) => (o.kind === 'crbit' ? String(r(32)) : String(r(32))));
    const imms = ops
      .filter(([o]) => o.kind === 'imm')
      .map(([o]) => Math.min(1 + r(8), Number(o.max)))
      .sort((a, b) => b - a)
      .map(String);
    return [...regs, ...imms].join(', ');
  }
  const out: string[] = [];
  const prev: string[] = [];
  for (let i = 0; i < ops.length; i++) {
    const [op, name] = ops[i];
    if (op.optional && r(2) === 0 && ops.slice(i + 1).every(([o]) => o.optional)) break; // trailing optional left out
    const update = entry.kind === 'insn' && entry.update !== undefined;
    const text = operandText(op, name, mnemonic, r, prev, update);
    prev.push(text.replace(/^%?r/, ''));
    if (op.parens) {
      const [base, baseName] = ops[++i];
      const b = operandText(base, baseName, mnemonic, r, prev, update);
      out.push(`${text}(${b})`);
    } else out.push(text);
  }
  return out.join(', ');
}

for (const seed of [1, 2, 3]) {
  test(`every table mnemonic, random operands (seed ${seed}): same words as GNU as`, (t) => {
    const as = requireTool(t, 'powerpc64le-linux-gnu-as', INSTALL.binutils);
    if (!as) return;
    const source = generate(seed);
    const ours = assemble(source, `table-${seed}.s`);
    if (!ours.ok) assert.fail(ours.errors.slice(0, 20).map(formatDiagnostic).join('\n'));
    const gnu = gnuAssemble(source, as);
    if (!gnu.ok)
      assert.fail(`GNU as/ld rejected the generated source:\n${gnu.stderr.split('\n').slice(0, 20).join('\n')}`);
    const g = gnu.sections.get('.text')!;
    const mine = ours.value.sections.find((s) => s.name === '.text')!;
    assert.equal(mine.bytes.length, g.bytes.length, '.text size');
    const lines = source.split('\n');
    const diffs: string[] = [];
    for (let i = 0; i < g.bytes.length; i += 4) {
      const a = Buffer.from(mine.bytes.subarray(i, i + 4)).toString('hex');
      const b = Buffer.from(g.bytes.subarray(i, i + 4)).toString('hex');
      if (a !== b) {
        const le = lineForAddress(ours.value, g.addr + BigInt(i));
        diffs.push(`${le ? lines[le.line - 1].trim() : '?'}: ours ${a}, GNU ${b}`);
      }
    }
    assert.deepEqual(diffs, []);
  });
}
