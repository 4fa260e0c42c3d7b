// The C example (examples/c/counter.c under examples/c-counter.yaml) rebuilt from its source with
// its Makefile: the program the repository ships is what the source and build script make, and
// the scenario's expectations hold on the rebuilt binary under 6.6, while 6.5 refuses the
// overlapping watchpoint with ENOSPC.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../bin/wplab';
import { INSTALL, requireTool } from '../helpers/tools';

const EXAMPLES = join(__dirname, '../../examples');

function wplab(...args: string[]): { code: number; out: string } {
  let out = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (out += s) });
  return { code, out };
}

test('examples/c: make rebuilds counter from counter.c, and c-counter.yaml holds on the rebuilt program', (t) => {
  if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc) || !requireTool(t, 'make', 'sudo apt-get install make'))
    return;
  const dir = mkdtempSync(join(tmpdir(), 'wplab-c-example-'));
  try {
    mkdirSync(join(dir, 'c'));
    copyFileSync(join(EXAMPLES, 'c', 'counter.c'), join(dir, 'c', 'counter.c'));
    copyFileSync(join(EXAMPLES, 'c', 'tracer.c'), join(dir, 'c', 'tracer.c'));
    copyFileSync(join(EXAMPLES, 'c', 'Makefile'), join(dir, 'c', 'Makefile'));
    execFileSync('make', ['-C', join(dir, 'c'), 'CC=powerpc64le-linux-gnu-gcc'], { stdio: 'pipe' });
    writeFileSync(join(dir, 'c-counter.yaml'), readFileSync(join(EXAMPLES, 'c-counter.yaml')));
    const r66 = wplab('run', join(dir, 'c-counter.yaml'));
    assert.equal(r66.code, 0, r66.out);
    assert.match(r66.out, /counter = 5/);
    const r65 = wplab('run', join(dir, 'c-counter.yaml'), '--kernel', '6.5');
    assert.equal(r65.code, 1);
    assert.match(r65.out, /sethwdebug .* -> ENOSPC\s+FAIL/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'examples/c: make rebuilds tracer from tracer.c; c-tracer.yaml shows the watchpoint ' +
    'and counter of the tracer process under 6.6 and the 6.5 refusal',
  (t) => {
    if (
      !requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc) ||
      !requireTool(t, 'make', 'sudo apt-get install make')
    )
      return;
    const dir = mkdtempSync(join(tmpdir(), 'wplab-c-tracer-'));
    try {
      mkdirSync(join(dir, 'c'));
      copyFileSync(join(EXAMPLES, 'c', 'tracer.c'), join(dir, 'c', 'tracer.c'));
      copyFileSync(join(EXAMPLES, 'c', 'Makefile'), join(dir, 'c', 'Makefile'));
      execFileSync('make', ['-C', join(dir, 'c'), 'tracer', 'CC=powerpc64le-linux-gnu-gcc'], { stdio: 'pipe' });
      writeFileSync(join(dir, 'c-tracer.yaml'), readFileSync(join(EXAMPLES, 'c-tracer.yaml')));
      const r66 = wplab('run', join(dir, 'c-tracer.yaml'));
      assert.equal(r66.code, 0, r66.out);
      // the guest's breakpoints under their names; ptrace wins, perf counts each store after it runs
      assert.match(r66.out, /slot \d +ptrace:tracer-101:1 +hit/);
      assert.match(r66.out, /perf:pid100:fd3 count=4/);
      assert.equal((r66.out.match(/-> ptrace-report/g) ?? []).length, 4);
      assert.match(r66.out, /\| child exited 0; perf counted 4 stores to total/);
      const r65 = wplab('run', join(dir, 'c-tracer.yaml'), '--kernel', '6.5');
      assert.equal(r65.code, 0, r65.out);
      assert.match(r65.out, /\| PPC_PTRACE_SETHWDEBUG: No space left on device/);
      assert.doesNotMatch(r65.out, /ptrace:tracer-101/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
