// Hostile debug information (fast-check, fixed seeds): real programs whose debug sections
// (.debug_*, .eh_frame) are corrupted at random places: bytes flipped, runs overwritten with
// zeros, 0xff or random bytes. Opening, line queries, breakpoints, unwinding a plausible stack,
// reading variables and evaluating expressions must never throw: every problem is a value, and
// every message is a non-empty string.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { openDebugInfo, type DebugInfo } from '../../sim/debuginfo/debug-info';
import { parseElf } from '../../sim/elf/elf-file';
import { LineStepper } from '../../sim/debuginfo/stepping';
import type { Target } from '../../sim/debuginfo/target';
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
    for (const s of e.elf.sections) if (s.name.startsWith('.debug_') || s.name === '.eh_frame') regions.push([Number(s.offset), Number(s.offset + s.size)]);
    const r = openDebugInfo(bytes);
    assert.ok(r.ok);
    const code: bigint[] = [];
    for (const u of r.info.dwarf.units) for (const f of r.info.scopesOf(u)?.functions ?? []) for (const [s, en] of f.ranges) for (let a = s; a < en; a += 4n) code.push(a);
    out.push({ name, bytes, regions, code, lines });
  };
  add('values -O2 (GCC line table v5)', build(t, 'values.c', ['-g', '-O2', '-static', '-gno-as-loc-support']), 64);
  add('types -O0 (type units)', build(t, 'types.c', ['-g', '-O0', '-static', '-fdebug-types-section']), 90);
  add('forms.S (indexed forms)', build(t, 'forms.S', ['-static', '-nostdlib', '-Wa,--gdwarf-5']), 32);
  add('start.S (DWARF 2)', build(t, 'start.S', ['-gdwarf-2', '-static', '-nostdlib']), 40);
  return out;
}

/** A target whose memory is the file's sections plus a stack of bytes from the test case. */
function target(di: DebugInfo, pc: bigint, stack: Uint8Array): Target {
  const secs = di.elf.sections.filter((s) => (s.flags & 2n) !== 0n);
  const base = 0x7fff0000n;
  return {
    readMemory(a, n) {
      if (n > 1 << 20) return undefined;
      if (a >= base && a + BigInt(n) <= base + BigInt(stack.length)) return stack.slice(Number(a - base), Number(a - base) + n);
      for (const s of secs) {
        if (a >= s.addr && a + BigInt(n) <= s.addr + s.size) {
          if (s.type === 8) return new Uint8Array(n);
          const o = Number(s.offset + (a - s.addr));
          return di.elf.bytes.slice(o, o + n);
        }
      }
      return undefined;
    },
    readRegister(n) {
      if (n === 1) return base + 0x200n;
      if (n === 31) return base + 0x200n;
      if (n === 65) return pc + 0x40n;
      if (n < 64) return BigInt(n) * 0x1111n;
      return undefined;
    },
    pc: () => pc,
  };
}

const isMessage = (m: unknown) => typeof m === 'string' && m.length > 0;

function exercise(c: Corpus, bytes: Uint8Array, pick: number, stack: Uint8Array): void {
  const r = openDebugInfo(bytes);
  if (!r.ok) {
    assert.ok(isMessage(r.message));
    return;
  }
  const di = r.info;
  for (const p of di.problems) assert.ok(isMessage(p));
  const files = di.sourceFiles();
  const file = files[pick % Math.max(1, files.length)] ?? 'values.c';
  for (const line of [1, 5, (pick % c.lines) + 1, 1000]) {
    const b = di.breakpointLocations(file, line);
    if (!b.ok) assert.ok(isMessage(b.message));
  }
  const pc = c.code.length > 0 ? c.code[pick % c.code.length] : 0x10000000n;
  di.lineAt(pc);
  di.lineStepRange(pc);
  di.functionAt(pc);
  di.inlineSkipAt(pc);
  di.functionNamed('main');
  const t = target(di, pc, stack);
  const frames = di.stackFrames(t, 16);
  assert.ok(frames.length >= 1);
  for (const f of frames.slice(0, 4)) {
    assert.ok(typeof f.name === 'string');
    for (const v of di.locals(t, f)) {
      assert.ok(typeof v.value === 'string');
      for (const ch of v.children().slice(0, 4)) assert.ok(typeof ch.value === 'string');
      const info = di.dataBreakpointInfo(v);
      if (!info.ok) assert.ok(isMessage(info.message));
    }
    di.registers(t, f);
  }
  for (const g of di.globals(t).slice(0, 20)) {
    assert.ok(typeof g.value === 'string');
    g.children().slice(0, 4);
  }
  for (const e of ['counter', 'n1.next->name', 'pts[1].y + 1', '*ptr', 'shared.lo', 'sizeof(struct node)', '(char)counter', 'nosuch']) {
    const v = di.evaluate(t, e, frames[0]);
    if (!v.ok) assert.ok(isMessage(v.message));
  }
  const out = di.stepOutTarget(frames, 0);
  if (!out.ok) assert.ok(isMessage(out.message));
  const st = new LineStepper(di, 'over', t);
  st.start(t);
  st.next(t, pc);
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
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.nat(), fc.uint8Array({ minLength: 1024, maxLength: 1024 }), (muts, pick, stack) => {
        const bytes = c.bytes.slice();
        for (const m of muts) {
          const [s, e] = c.regions[m.region];
          const at = s + Math.floor(m.at * Math.max(0, e - s - 1));
          for (let k = 0; k < m.len && at + k < e; k++) {
            const b = at + k;
            bytes[b] = m.kind === 'flip' ? bytes[b] ^ (1 << (m.data[k] & 7)) : m.kind === 'zero' ? 0 : m.kind === 'ones' ? 0xff : m.data[k];
          }
        }
        exercise(c, bytes, pick, stack);
      }),
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
        exercise(c, bytes, cut, new Uint8Array(1024));
      }
    }
  }
});
