// `wplab exec` without --stdin: the program reads wplab's own standard input, as it asks for it (it
// used to get an empty input: a program reading stdin saw end of file at once). An interactive
// program's prompt is out before the person is asked for a line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execCommand } from '../../bin/exec-command';
import type { Io } from '../../bin/command';
import { ensureWplabBuilt, WPLAB } from '../c-corpus/harness.mjs';

// prompt loop: write "? ", read up to 16 bytes; at end of file exit with the total read, else echo them
const SRC = `    .abiversion 2
    .text
    .globl _start
_start:
    li 20,0
1:  li 0,4
    li 3,1
    lis 4,prompt@ha
    addi 4,4,prompt@l
    li 5,2
    sc
    li 0,3
    li 3,0
    lis 4,buf@ha
    addi 4,4,buf@l
    li 5,16
    sc
    cmpdi 3,0
    beq 2f
    add 20,20,3
    mr 5,3
    li 0,4
    li 3,1
    lis 4,buf@ha
    addi 4,4,buf@l
    sc
    b 1b
2:  li 0,1
    mr 3,20
    sc
    .data
prompt: .ascii "? "
buf: .space 16
`;

function withProgram(fn: (file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-stdin-'));
  try {
    const file = join(dir, 'prompt.S');
    writeFileSync(file, SRC);
    fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("exec without --stdin reads the command's standard input as the program asks: each read after the prompt", () => {
  withProgram((file) => {
    let out = '';
    const seenAtRead: string[] = [];
    const lines = ['one\n', 'two\n'];
    const io: Io = {
      out: (s) => (out += s),
      err: () => undefined,
      readStdin: () => {
        seenAtRead.push(out);
        return new TextEncoder().encode(lines.shift() ?? '');
      },
    };
    assert.equal(execCommand([file], io), 8);
    assert.equal(out, '? one\n? two\n? ');
    assert.deepEqual(
      seenAtRead,
      ['? ', '? one\n? ', '? one\n? two\n? '],
      'the prompt is written before each line is read',
    );
  });
});

test("exec with --stdin TEXT never reads the command's own standard input", () => {
  withProgram((file) => {
    let out = '';
    let reads = 0;
    const io: Io = {
      out: (s) => (out += s),
      err: () => undefined,
      readStdin: () => {
        reads++;
        return new Uint8Array(0);
      },
    };
    assert.equal(execCommand([file, '--stdin', 'abc'], io), 3);
    assert.equal(out, '? abc? ');
    assert.equal(reads, 0);
  });
});

test('the wplab command: a program reads what is piped into `wplab exec` (no --stdin)', () => {
  const err = ensureWplabBuilt();
  assert.equal(err, undefined, err);
  withProgram((file) => {
    const r = spawnSync(process.execPath, [WPLAB, 'exec', file], { input: 'piped input\n', encoding: 'utf8' });
    assert.equal(r.status, 12, r.stderr);
    assert.equal(r.stdout, '? piped input\n? ');
  });
});
