// Fuzz target: debug information. C programs and a hand-written DWARF 5 file built with the cross
// compiler (where installed), their debug sections (.debug_*, .eh_frame) corrupted at random
// places; the reader opens them and answers every query a debugger asks (breakpoints, lines,
// frames unwound from plausible registers, variables, expressions, stepping). Nothing may throw;
// every message must read as the product's own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { openDebugInfo } from '../../../sim/debuginfo/debug-info';
import { parseElf } from '../../../sim/elf/elf-file';
import { which } from '../../helpers/tools';
import { codeOf, exercise, type ExerciseProgram } from '../../debuginfo/exercise';
import { internal, type Finding, type FuzzTarget } from '../harness';

const FIX = join(__dirname, '..', '..', 'debuginfo', 'fixtures');

interface Program extends ExerciseProgram {
  name: string;
  bytes: Uint8Array;
  regions: Array<[number, number]>;
}

let PROGRAMS: Program[] | undefined;

function corpus(): Program[] {
  if (PROGRAMS) return PROGRAMS;
  PROGRAMS = [];
  if (!which('powerpc64le-linux-gnu-gcc')) return PROGRAMS;
  const dir = mkdtempSync(join(tmpdir(), 'wplab-fuzz-dwarf-'));
  try {
    const builds: Array<[string, string, string[], number]> = [
      ['values -O2', 'values.c', ['-g', '-O2', '-static', '-gno-as-loc-support'], 64],
      ['types (type units)', 'types.c', ['-g', '-O0', '-static', '-fdebug-types-section'], 90],
      ['forms.S', 'forms.S', ['-static', '-nostdlib', '-Wa,--gdwarf-5'], 32],
    ];
    for (const [name, src, flags, lines] of builds) {
      const out = join(dir, name.replace(/\W/g, '_'));
      execFileSync('powerpc64le-linux-gnu-gcc', [...flags, join(FIX, src), '-o', out], { stdio: 'ignore' });
      const bytes = new Uint8Array(readFileSync(out));
      const e = parseElf(bytes);
      const r = openDebugInfo(bytes);
      if (!e.ok || !r.ok) continue;
      const regions: Array<[number, number]> = [];
      for (const s of e.elf.sections)
        if (s.name.startsWith('.debug_') || s.name === '.eh_frame')
          regions.push([Number(s.offset), Number(s.offset + s.size)]);
      PROGRAMS.push({ name, bytes, regions, code: codeOf(r.info), lines });
    }
  } catch {
    // (a build that fails leaves the others)
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return PROGRAMS;
}

export interface DwarfInput {
  program: number;
  edits: Array<{ region: number; at: number; len: number; kind: 'flip' | 'zero' | 'ones' | 'random'; seed: number }>;
  pick: number;
  stackSeed: number;
}

function bytesOf(p: Program, i: DwarfInput): Uint8Array {
  const b = p.bytes.slice();
  for (const e of i.edits) {
    const [s, end] = p.regions[e.region % p.regions.length];
    const at = s + Math.floor(e.at * Math.max(0, end - s - 1));
    let x = e.seed | 1;
    for (let k = 0; k < e.len && at + k < end; k++) {
      x = (x * 1103515245 + 12345) >>> 0;
      b[at + k] =
        e.kind === 'flip' ? b[at + k] ^ (1 << (x & 7)) : e.kind === 'zero' ? 0 : e.kind === 'ones' ? 0xff : x >>> 24;
    }
  }
  return b;
}

function stackOf(seed: number): Uint8Array {
  const s = new Uint8Array(1024);
  let x = seed | 1;
  for (let i = 0; i < s.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    s[i] = x >>> 24;
  }
  return s;
}

export const dwarfTarget: FuzzTarget<DwarfInput> = {
  name: 'dwarf',
  describe:
    'debug information: the debug sections of C programs and a hand-written DWARF 5 file ' +
    'corrupted; every debugger query answered',
  arbitrary: () =>
    fc.record({
      program: fc.nat(),
      edits: fc.array(
        fc.record({
          region: fc.nat(),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          len: fc.integer({ min: 1, max: 64 }),
          kind: fc.constantFrom('flip' as const, 'zero' as const, 'ones' as const, 'random' as const),
          seed: fc.nat(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      pick: fc.nat(),
      stackSeed: fc.nat(),
    }),
  hangMs: 10_000,
  check(i: DwarfInput): Finding[] {
    const programs = corpus();
    if (programs.length === 0) return [];
    const p = programs[i.program % programs.length];
    const findings: Finding[] = [];
    for (const m of exercise(p, bytesOf(p, i), i.pick, stackOf(i.stackSeed))) findings.push(...internal(m, p.name));
    return findings;
  },
  show: (i) => `program ${i.program}, edits ${JSON.stringify(i.edits)}, pick ${i.pick}`,
};
