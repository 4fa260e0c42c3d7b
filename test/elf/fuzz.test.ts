// Fuzzing the loader (fast-check, fixed seeds): truncations at every length class and random byte
// corruptions of real ELF files. Whatever the bytes, no exception escapes (reading, loading,
// starting, running a few instructions) and every refusal is exactly one non-empty line.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { execProgram } from '../../sim/exec';
import { formatDiagnostic } from '../../sim/program';
import { programFromBytes } from '../../sim/program-file';
import { which } from '../helpers/tools';
import { buildElf, words } from './elf-builder';

const FIX = join(__dirname, 'fixtures');

/** The files to mutate: a hand-made one always; GNU-built ones where the cross compiler is installed. */
function corpus(): Array<{ name: string; bytes: Uint8Array }> {
  const files = [
    {
      name: 'hand-made',
      bytes: buildElf({
        entry: 0x10000100n,
        segs: [
          { flags: 5, vaddr: 0x10000100n, data: words(0x38000001, 0x38600003, 0x44000002) },
          { flags: 6, vaddr: 0x10010000n, data: new Uint8Array([1, 2, 3]), memsz: 0x3000 },
        ],
        sections: [
          { name: '.text', type: 1, flags: 6, addr: 0x10000100n, seg: 0, size: 12 },
          { name: '.bss', type: 8, flags: 3, addr: 0x10010010n, size: 0x2000 },
        ],
        symbols: [{ name: '_start', value: 0x10000100n, type: 2, bind: 1, shndx: 1 }],
      }),
    },
  ];
  // Under CI the GNU-built files must be there (gnu.test.ts reports a missing compiler as a failure).
  if (which('powerpc64le-linux-gnu-gcc')) {
    const dir = mkdtempSync(join(tmpdir(), 'wplab-elf-fuzz-'));
    try {
      const build = (out: string, args: string[]) => {
        execFileSync('powerpc64le-linux-gnu-gcc', [...args, '-o', join(dir, out)], { stdio: 'ignore' });
        files.push({ name: out, bytes: new Uint8Array(readFileSync(join(dir, out))) });
      };
      build('nostdlib', ['-static', '-nostdlib', join(FIX, 'hello-start.S')]);
      build('static-pie', ['-static-pie', '-nostdlib', join(FIX, 'hello-start.S')]);
      build('glibc', ['-static', '-O2', join(FIX, 'glibc-hello.c')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return files;
}

const files = corpus();

/** Reads, and when it loads, starts and runs a few instructions: nothing may throw; a refusal is one line. */
function check(bytes: Uint8Array): void {
  let r;
  try {
    r = programFromBytes('f', bytes);
  } catch (e) {
    assert.fail(`programFromBytes threw: ${String(e)}`);
  }
  if (!r.ok) {
    assert.equal(r.errors.length, 1, 'one error');
    const line = formatDiagnostic(r.errors[0]);
    assert.ok(line.length > 'f: '.length, 'a message');
    assert.ok(!/[\n\r]/.test(line), `one line: ${JSON.stringify(line)}`);
    assert.ok(line.length < 400, `a short line: ${line.length}`);
    return;
  }
  if (!r.value.image) return; // became assembly text (cannot happen for 0x7f-first bytes, but harmless)
  try {
    execProgram(r.value, { maxSteps: 300 });
  } catch (e) {
    assert.fail(`loading or running a file that was accepted threw: ${String(e)}`);
  }
}

for (const { name, bytes } of files) {
  test(`fuzz ${name}: truncated at every length class`, () => {
    const len = bytes.length;
    // every length up to past the program headers, every length around each 64-byte boundary of the
    // headers, then random lengths over the whole file
    for (let n = 0; n <= Math.min(len, 400); n++) check(bytes.subarray(0, n));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: len }), (n) => {
        check(bytes.subarray(0, n));
      }),
      { seed: 0x5eed, numRuns: 150 },
    );
  });

  test(`fuzz ${name}: random byte corruptions (headers, program and section header tables, anywhere)`, () => {
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shoff = Number(v.getBigUint64(40, true));
    const phEnd = 64 + 56 * v.getUint16(56, true);
    const pos = fc.oneof(
      fc.integer({ min: 0, max: phEnd - 1 }),
      fc.integer({ min: Math.min(shoff, bytes.length - 1), max: bytes.length - 1 }),
      fc.integer({ min: 0, max: bytes.length - 1 }),
    );
    const edit = fc.record({
      at: pos,
      value: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x7f, 0x80)),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const c = bytes.slice();
        for (const e of edits) c[e.at] = e.value;
        check(c);
      }),
      { seed: 0xe1f, numRuns: name === 'glibc' ? 100 : 150 },
    );
  });

  test(`fuzz ${name}: header fields set to extreme values`, () => {
    // 64-bit fields of the ELF header and the first program headers, each set to a boundary value
    const fields = [24, 32, 40, 64 + 8, 64 + 16, 64 + 32, 64 + 40, 120 + 8, 120 + 16, 120 + 32, 120 + 40].filter(
      (o) => o + 8 <= bytes.length,
    );
    const extremes = [
      0n,
      1n,
      0xffffn,
      0x10000n,
      0x7fffffffn,
      0xffffffffn,
      0x7fffffffffffffffn,
      0xffffffffffffffffn,
      0xfff0000000000000n,
      BigInt(bytes.length),
      BigInt(bytes.length + 1),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom(...extremes), (off, value) => {
        const c = bytes.slice();
        new DataView(c.buffer).setBigUint64(off, value, true);
        check(c);
      }),
      { seed: 42, numRuns: 120 },
    );
    // 16-bit counts and sizes
    for (const off of [16, 18, 54, 56, 58, 60, 62]) {
      for (const value of [0, 1, 0x7fff, 0xfffe, 0xffff]) {
        const c = bytes.slice();
        new DataView(c.buffer).setUint16(off, value, true);
        check(c);
      }
    }
  });
}
