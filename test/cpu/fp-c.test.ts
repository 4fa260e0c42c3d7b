// C-level check of the floating-point families: fixtures/fp-kernels.c compiled by GCC 12 at -O2
// for POWER7 to POWER10 (scalar FP, VSX scalar and GCC's vectorized loops: xvmuldp, xvmaddadp,
// xvdivsp...), freestanding, run under qemu-ppc64le and under the interpreter; the result streams
// must be identical. (glibc programs need the ELF loader and system calls of other parts of the
// simulator; this one needs only write and exit.) A run that stops on an instruction of another
// family not implemented yet is skipped with its name.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { disassemble } from '../../sim/cpu/disasm';
import { execProgram } from '../../sim/exec';
import type { Program, Section } from '../../sim/program';
import { INSTALL, requireTool } from '../helpers/tools';

const SOURCE = readFileSync(join(__dirname, 'fixtures', 'fp-kernels.c'), 'utf8');

function buildC(cpu: string, dir: string): Program {
  const src = join(dir, 'k.c');
  writeFileSync(src, SOURCE);
  const exe = join(dir, `k-${cpu}`);
  execFileSync('powerpc64le-linux-gnu-gcc', [
    '-O2',
    `-mcpu=${cpu}`,
    '-fno-math-errno',
    '-nostdlib',
    '-static',
    '-ffreestanding',
    '-fno-stack-protector',
    '-Wl,--build-id=none',
    '-o',
    exe,
    src,
  ]);
  const sections: Section[] = [];
  const headers = execFileSync('powerpc64le-linux-gnu-objdump', ['-h', exe], { encoding: 'utf8' });
  for (const m of headers.matchAll(
    /^\s*\d+\s+(\.\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+[0-9a-f]+\s+\S+\n\s+(.*)$/gm,
  )) {
    const [, name, size, vma, flags] = m;
    if (!flags.includes('ALLOC')) continue;
    const nobits = !flags.includes('CONTENTS');
    let bytes = new Uint8Array(parseInt(size, 16));
    if (!nobits) {
      const out = join(dir, `sec${sections.length}.bin`);
      execFileSync('powerpc64le-linux-gnu-objcopy', ['-O', 'binary', `--only-section=${name}`, exe, out]);
      if (existsSync(out)) bytes = new Uint8Array(readFileSync(out));
    }
    sections.push({ name, addr: BigInt('0x' + vma), bytes, exec: flags.includes('CODE'), nobits });
  }
  const entry = execFileSync('powerpc64le-linux-gnu-readelf', ['-h', exe], { encoding: 'utf8' }).match(
    /Entry point address:\s+(0x[0-9a-f]+)/,
  )![1];
  return { file: exe, sections, symbols: new Map(), lines: [], entry: BigInt(entry) };
}

for (const cpu of ['power7', 'power8', 'power9', 'power10']) {
  test(`GCC -O2 -mcpu=${cpu} floating-point kernels: same results as qemu`, (t) => {
    if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', 'sudo apt-get install gcc-powerpc64le-linux-gnu')) return;
    if (!requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return;
    const dir = mkdtempSync(join(tmpdir(), 'wplab-fpc-'));
    try {
      const program = buildC(cpu, dir);
      const ref = spawnSync('qemu-ppc64le', ['-cpu', 'power10', program.file], { timeout: 60000, maxBuffer: 1 << 26 });
      assert.equal(ref.status, 0, 'qemu run');
      const sim = execProgram(program, { maxSteps: 50_000_000 });
      if (sim.signal === 'SIGILL') {
        // objdump names the instruction the interpreter does not know
        const m = /0x([0-9a-f]{8}) at 0x([0-9a-f]+)/.exec(sim.message ?? '');
        const dump = execFileSync('powerpc64le-linux-gnu-objdump', ['-d', program.file], {
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        });
        const line = m ? new RegExp(`^\\s+${m[2]}:\\t(?:[0-9a-f]{2} ){4}\\t(\\S+)`, 'm').exec(dump) : null;
        const text = line ? line[1] : m ? disassemble(parseInt(m[1], 16), BigInt('0x' + m[2])) : sim.message;
        if (m && !/^(f|x[sv]|lf|stf|mffs|mtfs)/.test(text ?? '')) {
          t.skip(`needs ${text} (another family)`);
          return;
        }
      }
      assert.equal(sim.exitCode, 0, sim.message ?? '');
      const q = ref.stdout;
      const s = Buffer.from(sim.stdout);
      assert.equal(s.length, q.length, 'output size');
      const diffs: string[] = [];
      for (let i = 0; i < q.length && diffs.length < 10; i += 8) {
        if (q.readBigUInt64LE(i) !== s.readBigUInt64LE(i))
          diffs.push(
            `word ${i / 8}: qemu 0x${q.readBigUInt64LE(i).toString(16)} ours 0x${s.readBigUInt64LE(i).toString(16)}`,
          );
      }
      assert.deepEqual(diffs, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
