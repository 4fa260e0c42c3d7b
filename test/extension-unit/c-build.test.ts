// The pure parts of F5 on a C file and of the watch actions above C globals: the compiler lookup
// (a setting, PATH), the build command and its output, the message when no compiler is installed,
// and the file-scope variables a C source defines.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  C_INSTALL,
  cBuildArgs,
  cLaunchConfig,
  cOutputPath,
  findCompiler,
  isCSourcePath,
  missingCompilerMessage,
} from '../../extension/c-build';
import { findCGlobals } from '../../extension/c-globals';
import { checkLaunchSettings } from '../../extension/launch-config';

test('the compiler: a name on PATH, a full path, or none (and then the install command)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-cc-'));
  try {
    const cc = join(dir, 'powerpc64le-linux-gnu-gcc');
    writeFileSync(cc, '#!/bin/sh\n');
    chmodSync(cc, 0o755);
    assert.equal(findCompiler(undefined, `/nonexistent:${dir}`), cc);
    assert.equal(findCompiler('', dir), cc);
    assert.equal(findCompiler(cc, ''), cc);
    assert.equal(findCompiler(undefined, '/nonexistent'), undefined);
    assert.equal(findCompiler(join(dir, 'nope-gcc'), dir), undefined);
    assert.equal(findCompiler('my-gcc', dir), undefined);
    const msg = missingCompilerMessage(undefined);
    assert.ok(
      msg.includes(C_INSTALL) &&
        msg.includes('powerpc64le-linux-gnu-gcc') &&
        msg.includes('ppcWatchpointLab.cCompiler'),
      msg,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build: -g -O0 -static, the program beside the source; the launch configuration debugs it', () => {
  assert.ok(isCSourcePath('/w/a.c') && !isCSourcePath('/w/a.h') && !isCSourcePath('/w/a.S'));
  assert.equal(cOutputPath('/w/ex/counter.c'), '/w/ex/counter.elf');
  assert.deepEqual(cBuildArgs('/w/ex/counter.c'), [
    '-g',
    '-O0',
    '-static',
    '/w/ex/counter.c',
    '-o',
    '/w/ex/counter.elf',
  ]);
  const c = cLaunchConfig('/w/ex/counter.c');
  assert.equal(c.program, '/w/ex/counter.elf');
  assert.equal(c.name, 'Debug counter.c');
  assert.deepEqual(checkLaunchSettings(c), []);
});

test('C globals for the watch actions: file-scope definitions, not functions, prototypes, externs, typedefs', () => {
  const src = [
    '#include <stdio.h>', // 1
    'long counter;          /* the watched one; } { ; */', // 2
    'static int a, *b = 0, c[3];', // 3
    'int f(int x);', // 4
    'extern int q;', // 5
    'typedef int T;', // 6
    'struct s { int a; } sv, *sp;', // 7
    'struct point origin = { 1, 2 };', // 8
    'char *s = "a;b{";', // 9
    'int main(void) {', // 10
    '  int inner = 1;', // 11
    '  return inner;', // 12
    '}', // 13
    'unsigned long long big[2];', // 14
    '__attribute__((noinline)) void bump(void) { counter++; }', // 15
    'int after;', // 16
  ].join('\n');
  const got = findCGlobals(src).map((d) => [d.line, d.symbol, d.len]);
  assert.deepEqual(got, [
    [2, 'counter', 8],
    [3, 'a', 4],
    [3, 'b', 8],
    [3, 'c', 12],
    [7, 'sv', 0],
    [7, 'sp', 8],
    [8, 'origin', 0],
    [9, 's', 8],
    [14, 'big', 16],
    [16, 'after', 4],
  ]);
});
