// Assembles and links a source with GNU binutils the way SCENARIOS.md section 6 specifies, and
// returns the bytes and addresses of its output sections: the reference the assembler must match.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** -mpower10 is what lxv/stxv (ISA 3.0) and popcntd need; -mregnames accepts r3/vs0/cr1. */
export const GAS_FLAGS = ['-a64', '-mlittle', '-mpower10', '-mregnames'];
export const LD_FLAGS = ['-Ttext=0x10000000', '-Tdata=0x10100000', '-Tbss=0x10200000'];

export interface GnuSection {
  name: string;
  addr: bigint;
  bytes: Uint8Array;
}

export type GnuResult = { ok: true; sections: Map<string, GnuSection> } | { ok: false; stderr: string };

/** Runs as + ld + objdump/objcopy; `as` is the path of powerpc64le-linux-gnu-as. */
export function gnuAssemble(source: string, as: string): GnuResult {
  const prefix = as.replace(/as$/, '');
  const dir = mkdtempSync(join(tmpdir(), 'wplab-gas-'));
  try {
    const src = join(dir, 'in.s');
    writeFileSync(src, source);
    try {
      execFileSync(as, [...GAS_FLAGS, src, '-o', join(dir, 'in.o')], { stdio: 'pipe' });
      execFileSync(prefix + 'ld', [...LD_FLAGS, join(dir, 'in.o'), '-o', join(dir, 'out')], { stdio: 'pipe' });
    } catch (e) {
      return { ok: false, stderr: String((e as { stderr?: Buffer }).stderr ?? e) };
    }
    const headers = execFileSync(prefix + 'objdump', ['-h', join(dir, 'out')], { encoding: 'utf8' });
    const sections = new Map<string, GnuSection>();
    for (const m of headers.matchAll(/^\s*\d+\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)/gm)) {
      const [, name, size, vma] = m;
      if (!['.text', '.data', '.rodata', '.bss'].includes(name)) continue;
      let bytes = new Uint8Array(parseInt(size, 16));
      if (name !== '.bss') {
        const bin = join(dir, name.slice(1) + '.bin');
        execFileSync(prefix + 'objcopy', ['-O', 'binary', '-j', name, join(dir, 'out'), bin]);
        if (existsSync(bin)) bytes = new Uint8Array(readFileSync(bin));
      }
      sections.set(name, { name, addr: BigInt('0x' + vma), bytes });
    }
    return { ok: true, sections };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
