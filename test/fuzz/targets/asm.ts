// Fuzz target: assembly sources. Real programs (the examples, the differential programs, the test
// fixtures) mutated as a hostile user would: ranges deleted, lines duplicated and swapped,
// characters replaced, and snippets inserted that stress the limits (huge and negative sizes,
// counts and alignments, nested and unterminated .rept/.if, deep expressions, long lines, odd
// bytes). The assembler must give the program or errors at FILE:LINE:COL, quickly, never a crash
// nor an internal error; `wplab asm --listing` must list what assembled.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { assemble } from '../../../sim/asm/assembler';
import { formatListing } from '../../../sim/asm/listing';
import { formatDiagnostic } from '../../../sim/program';
import { internal, type Finding, type FuzzTarget } from '../harness';

const ROOT = join(__dirname, '..', '..', '..');

function corpus(): string[] {
  const out: string[] = [];
  const add = (dir: string, re: RegExp) => {
    for (const f of readdirSync(dir)
      .filter((n) => re.test(n))
      .sort())
      out.push(readFileSync(join(dir, f), 'utf8'));
  };
  add(join(ROOT, 'examples'), /\.S$/);
  add(join(ROOT, 'test', 'adapter', 'fixtures'), /\.S$/);
  add(join(ROOT, 'test', 'asm', 'fixtures'), /\.s$/);
  // a sample of the differential programs (they cover most instructions)
  const diff = readdirSync(join(ROOT, 'test', 'diff', 'programs'))
    .filter((n) => n.endsWith('.S'))
    .sort();
  for (let i = 0; i < diff.length; i += 4)
    out.push(readFileSync(join(ROOT, 'test', 'diff', 'programs', diff[i]), 'utf8'));
  return out;
}

let CORPUS: string[] | undefined;

/** Numbers a hostile user picks: small, boundaries of every width, negative, huge. */
export const hostileNumber: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -4, max: 4096 }).map(String),
  fc
    .integer({ min: 0, max: 64 })
    .chain((k) =>
      fc
        .constantFrom(-1n, 0n, 1n)
        .map((d) => `0x${((1n << BigInt(k)) + d < 0n ? 0n : (1n << BigInt(k)) + d).toString(16)}`),
    ),
  fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }).map(String),
  fc.constantFrom(
    '0x10000000',
    '0x10000000000',
    '200000000',
    '150000',
    '30000000',
    '-1',
    '0xffffffffffffffff',
    '1<<63',
    '(1<<62)*4',
  ),
);

const depth = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 3000 }));

/** Lines that stress the assembler's limits and parsers. */
const snippet: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(hostileNumber, fc.integer({ min: -2, max: 12 }), hostileNumber).map(([r, s, v]) => `\t.fill ${r},${s},${v}`),
  hostileNumber.map((n) => `\t.space ${n}`),
  fc.tuple(hostileNumber, hostileNumber).map(([n, f]) => `\t.skip ${n}, ${f}`),
  hostileNumber.map((n) => `\t.balign ${n}`),
  hostileNumber.map((n) => `\t.p2align ${n}`),
  hostileNumber.map((n) => `\t.org ${n}`),
  fc.tuple(hostileNumber, fc.option(hostileNumber)).map(([n, a]) => `\t.lcomm fz${n.length}, ${n}${a ? `, ${a}` : ''}`),
  fc.tuple(hostileNumber, fc.option(hostileNumber)).map(([n, a]) => `\t.comm fc${n.length}, ${n}${a ? `, ${a}` : ''}`),
  fc.tuple(hostileNumber, fc.boolean()).map(([n, end]) => `\t.rept ${n}\n\tnop\n${end ? '\t.endr' : ''}`),
  fc
    .tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 4 }))
    .map(([k, c]) => `${'\t.rept 2\n'.repeat(k)}\tnop\n${'\t.endr\n'.repeat(Math.max(0, k - c + 1))}`),
  fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.boolean())
    .map(([k, end]) => `${'\t.if 1\n'.repeat(k)}\tnop\n${end ? '\t.endif\n'.repeat(k) : ''}`),
  depth.map((k) => `\tli 3,${'('.repeat(k)}1${')'.repeat(k)}`),
  depth.map((k) => `\t.quad ${'-~!+'.repeat(Math.ceil(k / 4)).slice(0, k)}1`),
  depth.map((k) => `\taddi 3,3,1${'*1+1'.repeat(k)}`),
  depth.map((k) => `\tli 3,fz@l${'+1'.repeat(k)}`),
  fc
    .integer({ min: 1, max: 3000 })
    .map(
      (k) =>
        Array.from({ length: k }, (_, i) => `\t.set z${i}, z${i + 1}+1`).join('\n') + `\n\t.set z${k}, 0\n\t.long z0`,
    ),
  fc.integer({ min: 1, max: 20000 }).map((k) => `\t.byte ${Array.from({ length: k }, (_, i) => i & 0xff).join(',')}`),
  fc.integer({ min: 1, max: 100000 }).map((k) => `\t.ascii "${'x'.repeat(k)}"`),
  fc.string({ maxLength: 80 }).map((t) => `\t.ascii ${JSON.stringify(t)}`),
  fc.string({ maxLength: 60 }).map((t) => `\t.section ${JSON.stringify(t)},"aw"`),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '\t.endr',
    '\t.endif',
    '\t.else',
    '\t.popsection',
    '1:',
    '\tb 1b',
    '\tb 1f',
    '\tlmw 3,0(4)',
    '\t.end',
    '\tsc',
    '\t.text',
    '\t.data',
    '\t.bss',
    '\tnop\x00',
    '\t.macro m',
  ),
  fc.tuple(hostileNumber, hostileNumber).map(([a, b]) => `\taddi ${a},${b},${a}`),
  fc.tuple(hostileNumber, hostileNumber).map(([a, b]) => `\tld 3,${a}(${b})`),
);

type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; times: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'char'; at: number; ch: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: snippet }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: snippet }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    times: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 5, max: 2000 })),
  }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    kind: fc.constant('char' as const),
    at: fc.nat(),
    ch: fc.oneof(
      fc.constantFrom('(', ')', ',', '@', '"', '\\', ':', '#', '\n', '\x00', '\u00a7', '.', '-', '1'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
  }),
);

export interface AsmInput {
  base: number;
  edits: Edit[];
}

/** The source an input names: a corpus file with its edits applied. */
export function sourceOf(input: AsmInput): string {
  CORPUS ??= corpus();
  let src = CORPUS[input.base % CORPUS.length];
  for (const e of input.edits) {
    const lines = src.split('\n');
    switch (e.kind) {
      case 'delete': {
        const at = e.at % (src.length + 1);
        src = src.slice(0, at) + src.slice(at + e.len);
        break;
      }
      case 'insert': {
        lines.splice(e.at % (lines.length + 1), 0, e.text);
        src = lines.join('\n');
        break;
      }
      case 'duplicate': {
        const i = e.at % lines.length;
        lines.splice(i, 0, ...new Array<string>(e.times).fill(lines[i]));
        src = lines.join('\n');
        break;
      }
      case 'swap': {
        const a = e.a % lines.length;
        const b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        src = lines.join('\n');
        break;
      }
      case 'char': {
        const at = e.at % (src.length + 1);
        src = src.slice(0, at) + e.ch + src.slice(at + 1);
        break;
      }
    }
  }
  return src;
}

export const asmTarget: FuzzTarget<AsmInput> = {
  name: 'asm',
  describe:
    'assembly sources: real programs mutated (deletions, duplications, swaps, odd ' +
    'characters, and hostile directives, counts and expressions)',
  arbitrary: () => fc.record({ base: fc.nat(), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) }),
  // (a source may be up to 256 MiB, and the mutations make sources of tens of MB: those take a
  // few seconds; a hang is what does not end)
  hangMs: 30_000,
  show: (i) => sourceOf(i),
  check(input: AsmInput): Finding[] {
    const src = sourceOf(input);
    const r = assemble(src, 'fuzz.S');
    const out: Finding[] = [];
    if (!r.ok) {
      if (r.errors.length === 0) out.push({ kind: 'internal', message: 'refused with no error' });
      for (const d of r.errors) {
        const line = formatDiagnostic(d);
        if (!/^fuzz\.S:\d+:\d+: /.test(line) || d.line < 1 || d.col < 1)
          out.push({ kind: 'internal', message: `not at FILE:LINE:COL: ${line.slice(0, 200)}` });
        out.push(...internal(d.message, 'error'));
      }
      return out;
    }
    for (const w of r.warnings ?? []) out.push(...internal(w.message, 'warning'));
    // what `wplab asm --listing` prints (small programs: a listing of 256 MiB is not the point)
    const size = r.value.sections.reduce((n, s) => n + s.bytes.length, 0);
    if (size < 1 << 20) formatListing(r.value, src);
    return out;
  },
};
