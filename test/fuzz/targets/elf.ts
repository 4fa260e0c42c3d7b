// Fuzz target: ELF executables. A hand-made static executable (and, where the cross compiler is
// installed, GNU-built ones) truncated anywhere, with bytes corrupted anywhere and header fields set
// to extreme values; read, and when it loads, started and run a few hundred instructions. Every
// refusal must be one line that says why; nothing may throw.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { execProgram } from '../../../sim/exec';
import { formatDiagnostic } from '../../../sim/program';
import { programFromBytes } from '../../../sim/program-file';
import { which } from '../../helpers/tools';
import { buildElf, words } from '../../elf/elf-builder';
import { internal, type Finding, type FuzzTarget } from '../harness';

const FIX = join(__dirname, '..', '..', 'elf', 'fixtures');
let FILES: Uint8Array[] | undefined;

function corpus(): Uint8Array[] {
  if (FILES) return FILES;
  FILES = [
    buildElf({
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
  ];
  if (which('powerpc64le-linux-gnu-gcc')) {
    const dir = mkdtempSync(join(tmpdir(), 'wplab-fuzz-elf-'));
    try {
      execFileSync(
        'powerpc64le-linux-gnu-gcc',
        ['-static', '-nostdlib', join(FIX, 'hello-start.S'), '-o', join(dir, 'a')],
        { stdio: 'ignore' },
      );
      FILES.push(new Uint8Array(readFileSync(join(dir, 'a'))));
    } catch {
      // the hand-made file is enough
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return FILES;
}

export interface ElfInput {
  base: number;
  cut: number | null;
  edits: Array<{ at: number; value: number }>;
  field: { off: number; value: bigint } | null;
}

const EXTREMES = [
  0n,
  1n,
  0xffffn,
  0x10000n,
  0x7fffffffn,
  0xffffffffn,
  0x7fffffffffffffffn,
  0xffffffffffffffffn,
  0xfff0000000000000n,
  0x40n,
  0x1000n,
];

export function bytesOf(i: ElfInput): Uint8Array {
  const files = corpus();
  const b = files[i.base % files.length].slice();
  for (const e of i.edits) b[e.at % b.length] = e.value;
  if (i.field) {
    const off = i.field.off % Math.max(1, b.length - 8);
    new DataView(b.buffer).setBigUint64(off - (off % 8), i.field.value, true);
  }
  return i.cut === null ? b : b.subarray(0, i.cut % (b.length + 1));
}

export const elfTarget: FuzzTarget<ElfInput> = {
  name: 'elf',
  describe:
    'ELF executables: a static executable truncated, corrupted byte by byte and with ' +
    'header fields at extremes; read, started and run',
  arbitrary: () =>
    fc.record({
      base: fc.nat(),
      cut: fc.option(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.nat()), { freq: 3 }),
      edits: fc.array(
        fc.record({
          at: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.nat()),
          value: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0, 0xff, 0x7f, 0x80)),
        }),
        { maxLength: 6 },
      ),
      field: fc.option(
        fc.record({
          off: fc.oneof(fc.constantFrom(24, 32, 40, 72, 80, 96, 104, 128, 136, 152, 160), fc.nat()),
          value: fc.constantFrom(...EXTREMES),
        }),
      ),
    }),
  hangMs: 10_000,
  show: (i) => Buffer.from(bytesOf(i)).toString('base64'),
  check(input: ElfInput): Finding[] {
    const bytes = bytesOf(input);
    const r = programFromBytes('f.elf', bytes);
    if (!r.ok) {
      const out: Finding[] = [];
      // (a corrupted first byte makes it text, read as assembly: one error per line then)
      if (r.errors.length !== 1 && bytes[0] === 0x7f)
        out.push({ kind: 'internal', message: `${r.errors.length} errors for one file` });
      for (const d of r.errors) {
        const line = formatDiagnostic(d);
        if (/[\r\n]/.test(line))
          out.push({ kind: 'internal', message: `not one line: ${JSON.stringify(line.slice(0, 200))}` });
        out.push(...internal(d.message, 'refusal'));
      }
      return out;
    }
    if (!r.value.image) return [];
    const e = execProgram(r.value, { maxSteps: 300 });
    return e.message ? internal(e.message, 'exec') : [];
  },
};
