// Hostile debug information (fast-check, fixed seeds): real programs whose debug sections
// (.debug_*, .eh_frame) are corrupted at random places: bytes flipped, runs overwritten with
// zeros, 0xff or random bytes. Opening, line queries, breakpoints, unwinding a plausible stack,
// reading variables and evaluating expressions must never throw: every problem is a value, and
// every message is a non-empty string.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { openDebugInfo } from '../../sim/debuginfo/debug-info';
import { parseElf } from '../../sim/elf/elf-file';
import { internal } from '../fuzz/harness';
import { codeOf, exercise } from './exercise';
import { build } from './harness';

interface Corpus {
  name: string;
  bytes: Uint8Array;
  /** [offset, end) of the debug sections in the file */
  regions: Array<[number, number]>;
  /** code addresses of the program's own functions */
  code: bigint[];
  lines: number;
}

function corpus(t: TestContext): Corpus[] {
  const out: Corpus[] = [];
  const add = (name: string, exe: string | undefined, lines: number) => {
    if (!exe) return;
    const bytes = new Uint8Array(readFileSync(exe));
    const e = parseElf(bytes);
    assert.ok(e.ok);
    const regions: Array<[number, number]> = [];
    for (const s of e.elf.sections)
      if (s.name.startsWith('.debug_') || s.name === '.eh_frame')
        regions.push([Number(s.offset), Number(s.offset + s.size)]);
    const r = openDebugInfo(bytes);
    assert.ok(r.ok);
    out.push({ name, bytes, regions, code: codeOf(r.info), lines });
  };
  add('values -O2 (GCC line table v5)', build(t, 'values.c', ['-g', '-O2', '-static', '-gno-as-loc-support']), 64);
  add('types -O0 (type units)', build(t, 'types.c', ['-g', '-O0', '-static', '-fdebug-types-section']), 90);
  add('forms.S (indexed forms)', build(t, 'forms.S', ['-static', '-nostdlib', '-Wa,--gdwarf-5']), 32);
  add('start.S (DWARF 2)', build(t, 'start.S', ['-gdwarf-2', '-static', '-nostdlib']), 40);
  return out;
}

/** Runs the queries; every message must read as the product's own (not a JavaScript error). */
function check(c: Corpus, bytes: Uint8Array, pick: number, stack: Uint8Array): void {
  for (const m of exercise(c, bytes, pick, stack)) {
    assert.ok(typeof m === 'string' && m.length > 0, 'a message');
    assert.deepEqual(internal(m, c.name), [], `a message a person can read: ${m}`);
  }
}

test('corrupted debug sections: no exception escapes, every problem is a message', (t) => {
  const files = corpus(t);
  if (files.length === 0) return;
  for (const [i, c] of files.entries()) {
    const mutation = fc.record({
      region: fc.nat({ max: c.regions.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      len: fc.integer({ min: 1, max: 64 }),
      kind: fc.constantFrom('flip', 'zero', 'ones', 'random'),
      data: fc.uint8Array({ minLength: 64, maxLength: 64 }),
    });
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.uint8Array({ minLength: 1024, maxLength: 1024 }),
        (muts, pick, stack) => {
          const bytes = c.bytes.slice();
          for (const m of muts) {
            const [s, e] = c.regions[m.region];
            const at = s + Math.floor(m.at * Math.max(0, e - s - 1));
            for (let k = 0; k < m.len && at + k < e; k++) {
              const b = at + k;
              bytes[b] =
                m.kind === 'flip'
                  ? bytes[b] ^ (1 << (m.data[k] & 7))
                  : m.kind === 'zero'
                    ? 0
                    : m.kind === 'ones'
                      ? 0xff
                      : m.data[k];
            }
          }
          check(c, bytes, pick, stack);
        },
      ),
      { seed: 0x5eed + i, numRuns: Number(process.env.DWARF_FUZZ_RUNS ?? 150), endOnFailure: true },
    );
  }
});

test('truncated debug sections (the file cut short inside them) are refused or read in part, never thrown', (t) => {
  const files = corpus(t);
  for (const c of files) {
    for (const [s, e] of c.regions) {
      for (const cut of [s, s + 1, s + 4, Math.floor((s + e) / 2), e - 1]) {
        // the section table says more than the file holds past the cut: elf-file.ts refuses it; a
        // zeroed tail keeps the table valid and the sections short of their contents
        const bytes = c.bytes.slice();
        bytes.fill(0, cut, e);
        check(c, bytes, cut, new Uint8Array(1024));
      }
    }
  }
});
