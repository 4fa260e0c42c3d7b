// glibc's own POWER7/8/9/10 string and memory routines (the variants its ifuncs pick by AT_HWCAP2:
// memcpy, memmove, memset, memcmp, memchr, memrchr, rawmemchr, strlen, strnlen, strcmp, strncmp,
// strchr, strchrnul, strrchr, strcpy, stpcpy, strncpy, stpncpy, strcat) called directly from a
// freestanding driver (test/fixtures/vec/glibc-strings.c, linked against libc.a) on many lengths
// and alignments: the interpreter must print what qemu-ppc64le -cpu power10 prints. (The driver is
// compiled for POWER9: POWER10 code would use the prefixed instructions of another family.)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execProgram } from '../../sim/exec';
import { INSTALL, requireTool } from '../helpers/tools';
import { programOfElf } from './gnu';

const FIX = join(__dirname, '..', 'fixtures', 'vec');

test("glibc's vector string routines: same results as qemu-ppc64le -cpu power10", (t) => {
  const gcc = requireTool(t, 'powerpc64le-linux-gnu-gcc', 'sudo apt-get install gcc-powerpc64le-linux-gnu');
  if (!gcc || !requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return;
  const dir = mkdtempSync(join(tmpdir(), 'wplab-glibc-'));
  try {
    const libc = execFileSync(gcc, ['-print-file-name=libc.a'], { encoding: 'utf8' }).trim();
    const exe = join(dir, 'gs');
    execFileSync(gcc, [
      '-O2',
      '-mcpu=power9',
      '-ffreestanding',
      '-fno-builtin',
      '-nostdlib',
      '-static',
      '-o',
      exe,
      join(FIX, 'start.S'),
      join(FIX, 'glibc-strings.c'),
      libc,
    ]);
    const q = spawnSync('qemu-ppc64le', ['-cpu', 'power10', exe], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      timeout: 60000,
    });
    assert.equal(q.status, 0, `qemu: ${q.stderr}`);
    const sim = execProgram(programOfElf(dir, exe), { maxSteps: 100_000_000 });
    assert.equal(sim.exitCode, 0, `simulator: ${sim.message ?? ''}`);
    const ql = q.stdout.split('\n'),
      sl = Buffer.from(sim.stdout).toString('utf8').split('\n');
    assert.ok(ql.length > 10000, `${ql.length} results`);
    const diffs: string[] = [];
    for (let i = 0; i < Math.max(ql.length, sl.length) && diffs.length < 30; i++)
      if (ql[i] !== sl[i]) diffs.push(`line ${i}: qemu "${ql[i]}" sim "${sl[i]}"`);
    assert.deepEqual(diffs, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
