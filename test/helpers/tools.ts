// Finds an external reference tool (GNU as, GCC, qemu-ppc64le, chromium, code-server) for a test.
// Missing tool: the test is skipped with the command that installs it, except under CI=true, where a
// skip of that kind would hide a check that never ran, so it is a failure instead.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';

export const INSTALL = {
  binutils: 'sudo apt-get install binutils-powerpc64le-linux-gnu',
  qemu: 'sudo apt-get install qemu-user',
  gcc: 'sudo apt-get install gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross',
  chromium: 'sudo apt-get install chromium',
} as const;

/** The absolute path of `name` on PATH (or the path itself if it exists), or undefined. */
export function which(name: string): string | undefined {
  if (name.includes('/')) return existsSync(name) ? name : undefined;
  try {
    const out = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns the tool's path, or skips the test (t.skip) and returns undefined, naming the install
 * command. Under CI=true a missing tool throws, failing the test.
 */
export function requireTool(t: TestContext, name: string, installHint: string): string | undefined {
  const p = which(name);
  if (p) return p;
  const msg = `${name} not found; install it with: ${installHint}`;
  if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: a missing reference tool is a failure)`);
  t.skip(msg);
  return undefined;
}
