// Every file the command line reads (a scenario, an assembly source, a task's program, `wplab exec`'s
// program) is a regular file of bounded size (issue 12: `program: /dev/zero` read until the process
// aborted, a FIFO blocked for ever): anything else is refused from its stat, in one line, exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../bin/wplab';

function wplab(...args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    outBytes: () => undefined,
    errBytes: () => undefined,
  });
  return { code, out, err };
}

test('no command reads a device, a FIFO or a folder: each is refused at once, in one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-inputs-'));
  try {
    const fifo = join(dir, 'fifo');
    const haveFifo = spawnSync('mkfifo', [fifo]).status === 0;
    const bad = ['/dev/zero', dir, join(dir, 'missing'), ...(haveFifo ? [fifo] : [])];
    for (const path of bad) {
      // the scenario that names the bad file as a task's program
      const sc = join(dir, 'task.yaml');
      writeFileSync(sc, `tasks:\n  - { name: t, program: ${JSON.stringify(path)} }\nsteps:\n  - cont: t\n`);
      for (const args of [
        ['run', path],
        ['run', path, '--json'],
        ['compare', path],
        ['asm', path],
        ['exec', path],
        ['run', sc],
      ]) {
        const r = wplab(...args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
        assert.equal(r.out, '');
        const lines = r.err
          .trimEnd()
          .split('\n')
          .filter((l) => !l.startsWith('usage') && !l.startsWith(' '));
        assert.equal(lines.length, 1, `${args.join(' ')}: ${r.err}`);
        assert.match(lines[0], /not a regular file|a folder, not a file|does not exist/, `${args.join(' ')}: ${r.err}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
