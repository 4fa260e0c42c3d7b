// The debug information of real programs opened and queried, with the times as diagnostics (the
// goal, a 1 MB static glibc program opens for debugging in under 300 ms, is measured by `npm run
// bench c-debug` on the bundle, never asserted with a timer here). Opening reads the section table and
// the unit headers only; the first line query parses one line table, the first stop unwinds
// through .eh_frame (indexed on first use) and reads one unit's DIEs. A generated program with
// many units shows that opening does not grow with the amount of DWARF.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { openDebugInfo } from '../../sim/debuginfo/debug-info';
import { build, Sim } from './harness';
import { INSTALL, requireTool } from '../helpers/tools';

function ms(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}

test('a 1 MB static glibc program with -g: open, a line query, a stop (frames, locals, an expression)', (t) => {
  const exe = build(t, 'values.c', ['-g', '-O0', '-static']);
  if (!exe) return;
  const bytes = new Uint8Array(readFileSync(exe));
  assert.ok(bytes.length > 900_000, `${bytes.length} bytes`);
  const times: Record<string, number> = {};
  let t0 = performance.now();
  const r = openDebugInfo(bytes);
  times.open = ms(t0);
  assert.ok(r.ok);
  const di = r.info;
  t0 = performance.now();
  const bp = di.breakpointLocations('values.c', 39);
  times.lineQuery = ms(t0);
  assert.ok(bp.ok);
  t0 = performance.now();
  di.lineAt(bp.locations[0].address);
  times.secondLineQuery = ms(t0);
  const sim = new Sim(exe);
  sim.runToAddress(bp.locations[0].address);
  t0 = performance.now();
  const frames = di.stackFrames(sim.target);
  times.firstUnwind = ms(t0);
  t0 = performance.now();
  const locals = di.locals(sim.target, frames[0]);
  times.firstLocals = ms(t0);
  t0 = performance.now();
  const e = di.evaluate(sim.target, 'n1.next->pts[1].y + counter', frames[0]);
  times.firstExpression = ms(t0);
  t0 = performance.now();
  di.stackFrames(sim.target);
  di.locals(sim.target, frames[1]);
  times.nextStop = ms(t0);
  assert.ok(e.ok);
  assert.equal(locals.length, 3);
  t.diagnostic(
    `${bytes.length} bytes: ${Object.entries(times)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  );
});

test('120 compile units, about 3 MB of debug information: a line query and functionAt find their unit', (t) => {
  if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc)) return;
  const dir = mkdtempSync(join(tmpdir(), 'wplab-dwarf-big-'));
  try {
    const files: string[] = [];
    for (let u = 0; u < 120; u++) {
      let src = `struct s${u} { int a; double b; char name[16]; struct s${u} *next; };\n`;
      for (let f = 0; f < 25; f++) {
        src +=
          `int g${u}_${f} = ${f};\nint f${u}_${f}(int x) {\n  struct s${u} v = { x, x * 0.5, ` +
          `"n", 0 };\n  int y = x + g${u}_${f};\n  for (int i = 0; i < 3; i++) y += v.a * ` +
          `i;\n  return y + (int)v.b;\n}\n`;
      }
      if (u === 0) src += 'int main(void) { return f0_0(1) > 100; }\n';
      const p = join(dir, `u${u}.c`);
      writeFileSync(p, src);
      files.push(p);
    }
    const exe = join(dir, 'big');
    execFileSync('powerpc64le-linux-gnu-gcc', ['-g', '-O0', '-static', ...files, '-o', exe], { stdio: 'ignore' });
    const bytes = new Uint8Array(readFileSync(exe));
    let t0 = performance.now();
    const r = openDebugInfo(bytes);
    const open = ms(t0);
    assert.ok(r.ok);
    assert.equal(r.info.dwarf.units.length, 120);
    t0 = performance.now();
    const bp = r.info.breakpointLocations('u77.c', 10);
    const line = ms(t0);
    assert.ok(bp.ok && bp.locations.length === 1);
    t0 = performance.now();
    const fn = r.info.functionAt(bp.locations[0].address);
    const fnTime = ms(t0);
    assert.equal(fn?.name, 'f77_1');
    t.diagnostic(
      `${bytes.length} bytes, ${r.info.sections.info?.length} bytes of .debug_info: open ` +
        `${open} ms, a line query ${line} ms (every unit's line table), functionAt ${fnTime} ` +
        `ms (one unit's DIEs)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
