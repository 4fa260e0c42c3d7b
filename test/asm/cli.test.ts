// `wplab asm` (SCENARIOS.md §5): exit statuses, errors on stderr as FILE:LINE:COL, --listing, --bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../bin/wplab';

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'wplab-asm-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test('asm: a good file exits 0', () => {
  const f = file('good.s', '_start: li 3, 1\n blr\n');
  const r = run(['asm', f]);
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  assert.match(r.out, /\.text 8 bytes at 0x10000000/);
});

test('asm: errors exit 2 with every error as FILE:LINE:COL: message', () => {
  const f = file('bad.s', ' addi 3,3,40000\n ld 3,3(4)\n bogus\n');
  const r = run(['asm', f]);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.deepEqual(r.err.trimEnd().split('\n'), [
    `${f}:1:11: operand out of range (40000 is not between -32768 and 32767)`,
    `${f}:2:7: operand out of domain (3 is not a multiple of 4)`,
    `${f}:3:2: unknown instruction 'bogus'`,
  ]);
});

test('asm --listing: address, bytes in memory order, line number and source', () => {
  const f = file('list.s', '# hello\n li 3, 1\n .data\n .quad 0x1122334455667788, 1\n');
  const r = run(['asm', f, '--listing']);
  assert.equal(r.code, 0);
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines[0], /^\s+1 {2}# hello$/);
  assert.equal(lines[1], '0000000010000000  01006038' + ' '.repeat(15) + '2   li 3, 1');
  assert.equal(lines[3], '0000000010100000  88776655 44332211      4   .quad 0x1122334455667788, 1');
  assert.equal(lines[4], '0000000010100008  01000000 00000000');
});

test('asm --listing abbreviates long data', () => {
  const f = file('space.s', ' .data\n .space 0x100000\n');
  const r = run(['asm', f, '--listing']);
  assert.equal(r.code, 0);
  assert.deepEqual(r.out.trimEnd().split('\n'), [
    ' '.repeat(37) + '    1   .data',
    '0000000010100000  00000000 00000000      2   .space 0x100000',
    '0000000010100008  00000000 00000000',
    '0000000010100010  ... 1048560 more bytes',
  ]);
});

test('asm --bin writes the raw bytes of .text', () => {
  const f = file('bin.s', ' li 3, 1\n blr\n .data\n .long 5\n');
  const out = join(dir, 'out.bin');
  const r = run(['asm', f, '--bin', out]);
  assert.equal(r.code, 0);
  assert.deepEqual([...readFileSync(out)], [0x01, 0x00, 0x60, 0x38, 0x20, 0x00, 0x80, 0x4e]);
});

test('asm: usage errors exit 2', () => {
  assert.equal(run(['asm']).code, 2);
  assert.equal(run(['asm', '--frob', 'x.s']).code, 2);
  assert.equal(run(['asm', 'x.s', '--bin']).code, 2);
  const missing = run(['asm', join(dir, 'nope.s')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.s: the file does not exist/);
});

test('unknown command prints usage and exits 2', () => {
  const r = run(['frobnicate']);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown command 'frobnicate'/);
  assert.match(r.err, /usage: wplab/);
  assert.equal(run([]).code, 2);
});

test('the wplab process sets its exit status', () => {
  const f = file('proc.s', ' bogus\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '../../bin/wplab.ts'), 'asm', f], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 2);
  assert.equal(r.stderr.trim(), `${f}:1:2: unknown instruction 'bogus'`);
});
