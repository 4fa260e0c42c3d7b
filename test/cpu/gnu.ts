// Builds a program with GNU as/ld (the reference toolchain) and runs it under qemu-ppc64le, and turns
// the same linked executable into a Program for the simulator (sections extracted with objcopy), so
// that differences are the interpreter's alone, not the assembler's.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Program, Section } from '../../sim/program';
import { INSTALL, requireTool } from '../helpers/tools';

export interface Built {
  dir: string;
  exe: string;
  program: Program;
  cleanup(): void;
}

/** Assembles and links `source`; undefined (test skipped) when binutils are missing. */
export function buildWithGnu(t: TestContext, source: string): Built | undefined {
  if (!requireTool(t, 'powerpc64le-linux-gnu-as', INSTALL.binutils)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'wplab-cpu-'));
  const src = join(dir, 'p.S');
  writeFileSync(src, source);
  execFileSync('powerpc64le-linux-gnu-as', ['-a64', '-mlittle', '-mpower10', '-o', join(dir, 'p.o'), src]);
  const exe = join(dir, 'p');
  execFileSync('powerpc64le-linux-gnu-ld', [
    '-Ttext=0x10000000',
    '-Tdata=0x10100000',
    '-Tbss=0x10200000',
    '-o',
    exe,
    join(dir, 'p.o'),
  ]);
  const program = programOfElf(dir, exe);
  return { dir, exe, program, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The loaded sections of a linked executable as a Program (extracted with objcopy into `dir`). */
export function programOfElf(dir: string, exe: string): Program {
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
  const entryLine = execFileSync('powerpc64le-linux-gnu-readelf', ['-h', exe], { encoding: 'utf8' }).match(
    /Entry point address:\s+(0x[0-9a-f]+)/,
  );
  return { file: 'p.S', sections, symbols: new Map(), lines: [], entry: BigInt(entryLine![1]) };
}

/** Runs the executable under qemu-ppc64le -cpu power10; undefined (test skipped) when qemu is missing. */
export function runQemu(t: TestContext, exe: string, stdin = ''): { stdout: Buffer; status: number } | undefined {
  if (!requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return undefined;
  const r = spawnSync('qemu-ppc64le', ['-cpu', 'power10', exe], { input: stdin, timeout: 20000 });
  // qemu reports a fatal signal by killing itself with it; a shell shows 128 + signal
  const status =
    r.status ??
    128 +
      (r.signal
        ? (({ SIGSEGV: 11, SIGILL: 4, SIGTRAP: 5, SIGBUS: 7, SIGFPE: 8 } as Record<string, number>)[r.signal] ?? 0)
        : 0);
  return { stdout: r.stdout, status };
}
