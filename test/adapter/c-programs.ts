// C programs the adapter tests debug, built during the run with powerpc64le-linux-gnu-gcc (once per
// set of flags, in a temporary folder), and the lines of their `/* L:name */` markers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { INSTALL, requireTool } from '../helpers/tools';

export const C_FIXTURES = join(__dirname, 'fixtures', 'c');
const dir = mkdtempSync(join(tmpdir(), 'wplab-c-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const built = new Map<string, string>();

/** Builds fixtures/c/`source` with `flags` (default -g -O0 -static), once; undefined when gcc is missing (skipped). */
export function buildC(t: TestContext, source: string, flags: string[] = ['-g', '-O0', '-static']): string | undefined {
  if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc)) return undefined;
  const name = `${source.replace(/\W/g, '_')}${flags.join('').replace(/\W/g, '_')}`;
  const had = built.get(name);
  if (had) return had;
  const exe = join(dir, name);
  execFileSync('powerpc64le-linux-gnu-gcc', [...flags, source, '-o', exe], {
    cwd: C_FIXTURES,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  built.set(name, exe);
  return exe;
}

/** The 1-based line of the `/* L:name *\/` marker in a fixture. */
export function markerLine(source: string, name: string): number {
  const lines = readFileSync(join(C_FIXTURES, source), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(`/* L:${name} */`));
  if (i < 0) throw new Error(`no marker ${name} in ${source}`);
  return i + 1;
}
