// Building a C file for F5 without a launch.json: the compiler (a setting, found on PATH), the
// command (powerpc64le-linux-gnu-gcc -g -O0 -static), where the program goes, and what to say when
// no compiler is installed. Pure (no vscode): c-build-task.ts runs it as a VS Code task.
import { existsSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

export const DEFAULT_C_COMPILER = 'powerpc64le-linux-gnu-gcc';
export const C_FLAGS = ['-g', '-O0', '-static'];
export const C_INSTALL = 'sudo apt-get install gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross';
export const C_TASK_TYPE = 'ppc-watchpoint-c';

/** A C source the debugger builds (headers are not programs). */
export function isCSourcePath(p: string): boolean {
  return /\.c$/.test(p);
}

/** The compiler's full path: the setting as a path, or found on PATH; undefined when there is none. */
export function findCompiler(setting: string | undefined, pathEnv = process.env.PATH ?? ''): string | undefined {
  const name = setting && setting.trim() !== '' ? setting.trim() : DEFAULT_C_COMPILER;
  const isFile = (p: string) => {
    try {
      return existsSync(p) && statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (isAbsolute(name) || name.includes('/')) return isFile(name) ? name : undefined;
  for (const dir of pathEnv.split(delimiter)) if (dir && isFile(join(dir, name))) return join(dir, name);
  return undefined;
}

export function missingCompilerMessage(setting: string | undefined): string {
  const name = setting && setting.trim() !== '' ? setting.trim() : DEFAULT_C_COMPILER;
  const where = name.includes('/') ? '' : ' on PATH';
  return (
    `No PowerPC C compiler: "${name}" was not found${where}. Install it with: ${C_INSTALL} ` +
    '(or set "ppcWatchpointLab.cCompiler" to a powerpc64le-linux-gnu-gcc).'
  );
}

/** The program built from a C source: beside it, named .elf (a program built otherwise under the
 * plain name, by a Makefile at -O2 say, is left as it is). */
export function cOutputPath(source: string): string {
  return source.replace(/\.c$/, '') + '.elf';
}

export function cBuildArgs(source: string): string[] {
  return [...C_FLAGS, source, '-o', cOutputPath(source)];
}

/** The configuration that debugs the program built from `source` (after the build). */
export function cLaunchConfig(source: string): Record<string, unknown> {
  const name = source.split(/[\\/]/).pop() ?? source;
  return {
    type: 'ppc-watchpoint',
    request: 'launch',
    name: `Debug ${name}`,
    program: cOutputPath(source),
    cpu: 'power10',
    kernel: '6.6',
    stopOnEntry: true,
  };
}
