// The assembler's limits (issue 12): one output limit (256 MiB for all sections together, .bss and
// reservations included) and one expansion limit (4 000 000 tokens of statements run or scanned by
// .rept, nested repeats included), and bounded nesting (.rept/.if, expressions, symbol definitions). Any
// size, count, alignment or depth gives the program or an error at FILE:LINE:COL, quickly, never an
// internal error, a crash or a hang.
import assert from 'node:assert/strict';
import { test as nodeTest } from 'node:test';
import fc from 'fast-check';
import { assemble } from '../../sim/asm/assembler';
import { EXPANSION_LIMIT, OUTPUT_LIMIT } from '../../sim/asm/state';
import { formatDiagnostic } from '../../sim/program';

/** A hang fails the test (after minutes, far above what any run takes) instead of holding the suite. */
const test = (name: string, fn: () => void) => nodeTest(name, { timeout: 180_000 }, fn);

/** Assembles; returns the error lines (FILE:LINE:COL: message), or [] when it assembled. Fails on an
 * internal error. (Bounded work is what the limits guarantee and what the errors show; a hang is
 * caught by the tests' timeout, never by a wall-clock figure a loaded machine can miss.) */
function errors(src: string): string[] {
  const r = assemble(src, 'l.S');
  if (r.ok) return [];
  const lines = r.errors.map(formatDiagnostic);
  for (const l of lines) {
    assert.match(l, /^l\.S:\d+:\d+: /, l);
    assert.doesNotMatch(l, /internal|Maximum call stack|Invalid (typed )?array length|RangeError|TypeError/, l);
  }
  return lines;
}

test('the cases of the issue: each an error at its line and column, at once', () => {
  assert.deepEqual(errors(' .fill 200000000,1,1\n .fill 200000000,1,1\n'), [
    'l.S:2:2: this would make the program larger than 256 MiB (the limit of all sections ' +
      'together): 200000000 bytes so far, 200000000 more here',
  ]);
  assert.deepEqual(errors('.rept 30000000\nnop\n.endr\n'), [
    `l.S:1:1: .rept would expand beyond the limit of a file (${EXPANSION_LIMIT} tokens ` +
      `of statements, nested repeats included)`,
  ]);
  const nested = `${'.rept 2\n'.repeat(50)}nop\n${'.endr\n'.repeat(50)}`;
  assert.match(errors(nested).join('\n'), /^l\.S:\d+:1: \.rept would expand beyond the limit/);
  assert.deepEqual(errors('.rept 30000000\nnop\n'), ['l.S:1:1: .rept without .endr']);
  assert.deepEqual(errors('.balign 0x10000000000\n'), [
    'l.S:1:9: alignment 1099511627776 is larger than a program may be (256 MiB)',
  ]);
  assert.deepEqual(errors('.lcomm y, 0x10000000000\n'), [
    'l.S:1:11: the size 1099511627776 is larger than a program may be (256 MiB)',
  ]);
  assert.match(
    errors(`li 3,${'('.repeat(5000)}1${')'.repeat(5000)}\n`)[0],
    /^l\.S:1:\d+: the expression nests too deeply/,
  );
  assert.match(errors(`li 3,${'-'.repeat(20000)}1\n`)[0], /^l\.S:1:\d+: the expression nests too deeply/);
  assert.match(errors(`li 3,1${'+1'.repeat(20000)}\n`)[0], /^l\.S:1:\d+: the expression is too long/);
});

test('.fill of 150 000 bytes assembles (no spread of a large array), with the bytes GNU as gives', () => {
  const r = assemble(' .data\n .fill 150000,2,0x1234\n .fill 3,8,0x11223344\n', 'f.S');
  assert.ok(r.ok);
  const d = r.value.sections.find((s) => s.name === '.data')!.bytes;
  assert.equal(d.length, 300000 + 24);
  assert.deepEqual([...d.subarray(0, 4)], [0x34, 0x12, 0x34, 0x12]);
  assert.deepEqual([...d.subarray(299998, 300008)], [0x34, 0x12, 0x44, 0x33, 0x22, 0x11, 0, 0, 0, 0]);
});

test('any size, count or alignment of every reserving directive: the program, or an error at its column', () => {
  const big = fc.oneof(
    fc.bigInt({ min: 0n, max: 1n << 20n }),
    fc.bigInt({ min: (1n << 27n) - 100n, max: (1n << 29n) + 100n }),
    fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    fc.bigInt({ min: -(1n << 63n), max: -1n }),
  );
  const directive = fc.oneof(
    big.map((n) => `.space ${n}`),
    big.map((n) => `.skip ${n}, 1`),
    big.map((n) => `.zero ${n}`),
    fc.tuple(big, fc.integer({ min: -2, max: 12 })).map(([n, s]) => `.fill ${n}, ${s}, 7`),
    big.map((n) => `.org ${n}`),
    big.map((n) => `.balign ${n}`),
    big.map((n) => `.p2align ${n}`),
    fc.tuple(big, fc.option(big)).map(([n, a]) => `.lcomm y, ${n}${a === null ? '' : `, ${a}`}`),
    fc.tuple(big, fc.option(big)).map(([n, a]) => `.comm z, ${n}${a === null ? '' : `, ${a}`}`),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom('.text', '.data', '.bss'), directive), { minLength: 1, maxLength: 4 }),
      (lines) => {
        const src = lines.map(([sec, d]) => ` ${sec}\n ${d}\n`).join('');
        const r = errors(src);
        if (r.length === 0) {
          const p = assemble(src, 'l.S');
          assert.ok(p.ok);
          const total = p.value.sections.reduce((n, s) => n + s.bytes.length, 0);
          // (the sections' alignment gaps come on top of what the directives reserve)
          assert.ok(total <= 2 * OUTPUT_LIMIT, `${total} bytes`);
        }
      },
    ),
    { seed: 0x256, numRuns: 120 },
  );
});

test('.rept of any count and nesting, terminated or not: bounded work and an error at the .rept', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10_000_000 }), fc.constant(-1)), {
        minLength: 1,
        maxLength: 120,
      }),
      fc.integer({ min: 0, max: 120 }),
      fc.integer({ min: 1, max: 5 }),
      (counts, closes, bodyLen) => {
        const src =
          counts.map((c) => `.rept ${c}\n`).join('') +
          ' nop\n'.repeat(bodyLen) +
          '.endr\n'.repeat(Math.min(closes, counts.length + 2));
        errors(src);
      },
    ),
    { seed: 0x2e9, numRuns: 25 },
  );
});

test('deep nesting anywhere an expression or a block goes: an error, not a stack overflow', () => {
  const depth = fc.integer({ min: 1, max: 30000 });
  fc.assert(
    fc.property(
      fc.oneof(
        depth.map((n) => ` .long ${'('.repeat(n)}1${')'.repeat(n)}`),
        depth.map((n) => ` .quad ${'~-+!'.repeat(Math.ceil(n / 4)).slice(0, n)}1`),
        depth.map((n) => ` addi 3,3,1${'*1'.repeat(n)}`),
        depth.map((n) => ` li 3,x@l${'+1'.repeat(n)}\nx:`),
        depth.map(
          (n) =>
            ` .set s0, ` +
            `1\n${Array.from({ length: Math.min(n, 3000) }, (_, i) => ` .set s${i + 1}, s${i}+1`).join('\n')}\n ` +
            `.long s${Math.min(n, 3000)}`,
        ),
        depth.map(
          (n) =>
            `${Array.from({ length: Math.min(n, 3000) }, (_, i) => ` .set t${i}, t${i + 1}+1`).join('\n')}\n ` +
            `.set t${Math.min(n, 3000)}, 0\n .long t0`,
        ),
        depth.map((n) => `${' .if 1\n'.repeat(Math.min(n, 3000))} nop\n${' .endif\n'.repeat(Math.min(n, 3000))}`),
      ),
      (src) => {
        errors(src);
      },
    ),
    { seed: 0xdee9, numRuns: 80 },
  );
});
