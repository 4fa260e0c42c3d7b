// `wplab exec` stops a runaway program at its documented default step limit, 10^8 instructions
// (issue 12 item 9: it ran 10^9, 9 to 25 s), with exit status 124 and a message saying so; the
// built CLI does the same in a few seconds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execCommand } from '../../bin/exec-command';
import { DEFAULT_MAX_STEPS } from '../../sim/exec';

const LOOP = '\t.abiversion 2\n\t.text\n\t.globl _start\n_start:\n1:\tb 1b\n';

test('the default step limit of wplab exec is 10^8 instructions: exit 124, said on stderr', () => {
  assert.equal(DEFAULT_MAX_STEPS, 100_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'wplab-limit-'));
  try {
    const file = join(dir, 'loop.S');
    writeFileSync(file, LOOP);
    let err = '';
    const code = execCommand([file, '--stats'], { out: () => undefined, err: (s) => (err += s) });
    assert.equal(code, 124);
    assert.match(err, /loop\.S: stopped after 100000000 instructions \(the step limit\)/);
    assert.match(err, /^wplab exec: 100000000 instructions in /m);
    // the bundle (what users run), within a few seconds
    const bundle = join(__dirname, '../../dist/wplab.js');
    if (existsSync(bundle)) {
      const r = spawnSync(process.execPath, [bundle, 'exec', file], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 124, r.stderr);
      assert.match(r.stderr, /stopped after 100000000 instructions \(the step limit\)/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
