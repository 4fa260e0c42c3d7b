// Line tables against GNU's reading of the same files: every row of .debug_line as objdump
// --dwarf=decodedline prints it (versions 3, 4 and 5: GNU as for C and for a .S file, GCC's own
// version 5 table with line_strp names), the line of every instruction as gdb's `info line *ADDR`
// gives it, and breakpoint placement as gdb's `break FILE:LINE` does it, line after line, at -O0
// and -O2 (the line itself, else the next line with code; one address per block; after the
// prologue in C, not in assembly).
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { test, type TestContext } from 'node:test';
import { build, gdb, hex, open, requireGdb, tool } from './harness';
import type { DebugInfo } from '../../sim/debuginfo/debug-info';

interface Build {
  name: string;
  source: string;
  flags: string[];
  /** the .debug_line version this build must have */
  version: number;
}

const BUILDS: Build[] = [
  { name: 'loop.c -O0 (GNU as, line table v3)', source: 'loop.c', flags: ['-g', '-O0', '-static'], version: 3 },
  { name: 'values.c -O0', source: 'values.c', flags: ['-g', '-O0', '-static'], version: 3 },
  { name: 'values.c -O2', source: 'values.c', flags: ['-g', '-O2', '-static'], version: 3 },
  {
    name: 'values.c -O2, GCC writes the line table (v5, line_strp)',
    source: 'values.c',
    flags: ['-g', '-O2', '-static', '-gno-as-loc-support'],
    version: 5,
  },
  {
    name: 'values.c -O0, GNU as --gdwarf-5 (v5 with MD5)',
    source: 'values.c',
    flags: ['-g', '-O0', '-static', '-Wa,--gdwarf-5'],
    version: 5,
  },
  {
    name: 'values.c -O2 -gdwarf64 (64-bit DWARF)',
    source: 'values.c',
    flags: ['-g', '-gdwarf64', '-O2', '-static'],
    version: 3,
  },
  { name: 'values.c -O2 -gdwarf-4', source: 'values.c', flags: ['-gdwarf-4', '-O2', '-static'], version: 3 },
  {
    name: 'values.c -O2 -gdwarf-4, GCC writes the line table (v4)',
    source: 'values.c',
    flags: ['-gdwarf-4', '-O2', '-static', '-gno-as-loc-support'],
    version: 4,
  },
  {
    name: 'start.S (GNU as, -gdwarf-2: line table v3, DWARF 2 unit)',
    source: 'start.S',
    flags: ['-gdwarf-2', '-static', '-nostdlib'],
    version: 3,
  },
  {
    name: 'start.S (GNU as, -gdwarf-4: v4)',
    source: 'start.S',
    flags: ['-gdwarf-4', '-static', '-nostdlib'],
    version: 4,
  },
  { name: 'start.S (GNU as, -g: v5)', source: 'start.S', flags: ['-g', '-static', '-nostdlib'], version: 5 },
];

/** Rows of objdump --dwarf=decodedline: "file line address [view] [x]", "file - address" at a sequence end. */
function objdumpRows(exe: string): string[] {
  const out = tool('powerpc64le-linux-gnu-objdump', ['--dwarf=decodedline', exe]);
  const rows: string[] = [];
  for (const l of out.split('\n')) {
    const m = /^(\S+)\s+(\d+|-)\s+(0x[0-9a-f]+)(?:\s+(\d+))?(?:\s+(x))?\s*$/.exec(l);
    if (!m) continue;
    rows.push(m[2] === '-' ? `end ${m[3]}` : `${basename(m[1])} ${m[2]} ${m[3]}${m[5] ? ' stmt' : ''}`);
  }
  return rows;
}

function ourRows(di: DebugInfo): string[] {
  const rows: string[] = [];
  for (const u of di.dwarf.units) {
    const p = di.dwarf.lineProgram(u);
    if (!p) continue;
    for (const s of p.sequences) {
      for (const r of s.rows) {
        if (r.endSequence) rows.push(`end ${hex(BigInt(r.address))}`);
        else
          rows.push(
            `${basename(p.files[r.file]?.name ?? '?')} ${r.line} ` +
              `${hex(BigInt(r.address))}${r.isStmt ? ' stmt' : ''}`,
          );
      }
    }
  }
  return rows;
}

function sortRows(rows: string[]): string[] {
  const addr = (r: string) => BigInt(r.split(' ').find((x) => x.startsWith('0x')) ?? '0');
  return rows
    .map((r, i) => ({ r, i, a: addr(r) }))
    .sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.i - y.i))
    .map((x) => x.r);
}

/** The functions of the program's own compile units (from its DWARF): [name, start, end]. */
function userFunctions(di: DebugInfo): Array<[string, bigint, bigint]> {
  const out: Array<[string, bigint, bigint]> = [];
  for (const u of di.dwarf.units) {
    const sc = di.scopesOf(u);
    for (const f of sc?.functions ?? []) for (const [s, e] of f.ranges) out.push([f.die.name ?? '?', s, e]);
  }
  return out;
}

function sourceLines(source: string): number {
  return (
    tool('wc', ['-l', `${__dirname}/fixtures/${source}`])
      .trim()
      .split(/\s+/)
      .map(Number)[0] + 1
  );
}

function need(t: TestContext, b: Build): string | undefined {
  return build(t, b.source, b.flags);
}

for (const b of BUILDS) {
  test(`${b.name}: every row of .debug_line as objdump decodes it`, (t) => {
    const exe = need(t, b);
    if (!exe) return;
    const di = open(exe);
    const versions = di.dwarf.units.map((u) => di.dwarf.lineProgram(u)?.version);
    assert.ok(
      versions.every((v) => v === b.version),
      `line table versions ${versions.join(', ')}, expected ${b.version}`,
    );
    const theirs = objdumpRows(exe);
    assert.ok(theirs.length > 5, 'objdump printed rows');
    assert.deepEqual(sortRows(ourRows(di)), sortRows(theirs));
  });

  test(`${b.name}: the line of every instruction is gdb's (info line *ADDR)`, (t) => {
    const exe = need(t, b);
    if (!exe) return;
    if (!requireGdb(t)) return;
    const di = open(exe);
    const addrs: bigint[] = [];
    for (const [, s, e] of userFunctions(di)) for (let a = s; a < e; a += 4n) addrs.push(a);
    const out = gdb(
      exe,
      addrs.map((a) => `info line *${hex(a)}`),
    );
    const answers = out.split('\n').filter((l) => /^(Line \d+ of|No line number)/.test(l));
    assert.equal(answers.length, addrs.length);
    addrs.forEach((a, i) => {
      const g = answers[i];
      const ours = di.lineAt(a);
      const m =
        /^Line (\d+) of "([^"]+)"\s+(?:starts at address (0x[0-9a-f]+).*and ends at (0x[0-9a-f]+)|is at address (0x[0-9a-f]+).*but contains no code)/.exec(
          g,
        );
      if (!m) {
        assert.equal(ours, undefined, `${hex(a)}: gdb says "${g}"`);
        return;
      }
      assert.ok(ours, `${hex(a)}: gdb says "${g}", we have no line`);
      assert.equal(`${basename(ours.file)}:${ours.line}`, `${basename(m[2])}:${m[1]}`, `${hex(a)}: gdb says "${g}"`);
      if (m[3]) assert.equal(`${hex(ours.start)}-${hex(ours.end)}`, `${m[3]}-${m[4]}`, `${hex(a)}: gdb says "${g}"`);
    });
  });

  test(`${b.name}: breakpoints on each line go where gdb puts them`, (t) => {
    const exe = need(t, b);
    if (!exe) return;
    if (!requireGdb(t)) return;
    const di = open(exe);
    const n = sourceLines(b.source);
    const cmds: string[] = [];
    for (let l = 1; l <= n; l++) cmds.push(`echo @@${l}\\n`, `break ${b.source}:${l}`);
    cmds.push('echo @@info\\n', 'info breakpoints');
    const out = gdb(exe, cmds);
    // breakpoint number -> requested line
    const byNumber = new Map<string, number>();
    let cur = 0;
    const expected = new Map<number, { line: number; addrs: string[] }>();
    const [head, info] = out.split('@@info');
    for (const l of head.split('\n')) {
      const m = /^@@(\d+)$/.exec(l);
      if (m) cur = Number(m[1]);
      const bm = /^Breakpoint (\d+) at (0x[0-9a-f]+): (?:file \S+, line (\d+)\.|\S+:(\d+)\. \((\d+) locations\))/.exec(
        l,
      );
      if (bm) {
        byNumber.set(bm[1], cur);
        expected.set(cur, { line: Number(bm[3] ?? bm[4]), addrs: [] });
      }
    }
    for (const l of (info ?? '').split('\n')) {
      const m = /^(\d+)(?:\.\d+)?\s.*?(0x[0-9a-f]{16})/.exec(l);
      if (!m) continue;
      const req = byNumber.get(m[1]);
      if (req !== undefined) expected.get(req)?.addrs.push(hex(BigInt(m[2])));
    }
    assert.ok(expected.size > 3, 'gdb placed breakpoints');
    for (let l = 1; l <= n; l++) {
      const ours = di.breakpointLocations(b.source, l);
      const g = expected.get(l);
      if (!g) {
        assert.ok(
          !ours.ok || ours.locations.length === 0,
          `line ${l}: gdb places no breakpoint, we do: ` +
            `${JSON.stringify(ours.ok && ours.locations.map((x) => hex(x.address)))}`,
        );
        continue;
      }
      assert.ok(ours.ok, `line ${l}: ${ours.ok ? '' : ours.message}`);
      assert.deepEqual(
        ours.locations.map((x) => hex(x.address)).sort(),
        [...new Set(g.addrs)].sort(),
        `line ${l}: addresses`,
      );
      assert.equal(ours.line, g.line, `line ${l}: the line reported`);
    }
  });
}

test(
  'a file name matches by its trailing path components; an unknown file or a line past ' + 'the end is a message',
  (t) => {
    const exe = build(t, 'loop.c', ['-g', '-O0', '-static']);
    if (!exe) return;
    const di = open(exe);
    const full = di.sourceFiles().find((f) => f.endsWith('/loop.c'));
    assert.ok(full, `loop.c among ${di.sourceFiles().join(', ')}`);
    const a = di.breakpointLocations(full, 9);
    const b2 = di.breakpointLocations('loop.c', 9);
    const c = di.breakpointLocations('debuginfo/fixtures/loop.c', 9);
    assert.ok(a.ok && b2.ok && c.ok);
    assert.deepEqual(a.locations, b2.locations);
    assert.deepEqual(a.locations, c.locations);
    const none = di.breakpointLocations('nosuch.c', 3);
    assert.ok(!none.ok);
    assert.match(none.message, /no source file named nosuch\.c/);
    const past = di.breakpointLocations('loop.c', 500);
    assert.ok(!past.ok);
    assert.match(past.message, /line 500 of loop\.c has no code/);
    assert.ok(!di.breakpointLocations('loop.c', 0).ok);
  },
);
