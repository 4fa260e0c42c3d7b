// `wplab asm FILE.S [--listing] [--bin OUT]` (SCENARIOS.md §5): assembles; exit 0, or 2 with every
// error as FILE:LINE:COL: message on stderr.
import * as fs from 'node:fs';
import { writeFileSync } from 'node:fs';
import { assemble } from '../sim/asm/assembler';
import { formatListing } from '../sim/asm/listing';
import { formatDiagnostic } from '../sim/program';
import { fsHost, readTextFile } from '../sim/program-file';
import type { Io } from './command';

export const ASM_USAGE = 'usage: wplab asm FILE.S [--listing] [--bin OUT]';

export function asmCommand(args: string[], io: Io): number {
  let file: string | undefined;
  let listing = false;
  let binOut: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--listing') listing = true;
    else if (a === '--bin') {
      binOut = args[++i];
      if (binOut === undefined) {
        io.err(`wplab asm: --bin needs an output file\n${ASM_USAGE}\n`);
        return 2;
      }
    } else if (a.startsWith('--')) {
      io.err(`wplab asm: unknown option ${a}\n${ASM_USAGE}\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`wplab asm: only one source file, got '${file}' and '${a}'\n${ASM_USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`${ASM_USAGE}\n`);
    return 2;
  }
  // a regular file of bounded size (a device such as /dev/zero or a FIFO would never end)
  const read = readTextFile(file, fsHost(fs));
  if (!read.ok) {
    io.err(`wplab asm: cannot read ${file}: ${read.message}\n`);
    return 2;
  }
  const source = read.text;
  const result = assemble(source, file);
  if (!result.ok) {
    for (const d of result.errors) io.err(formatDiagnostic(d) + '\n');
    return 2;
  }
  for (const w of result.warnings ?? []) io.err(formatDiagnostic(w) + '\n');
  const program = result.value;
  if (listing) io.out(formatListing(program, source));
  if (binOut !== undefined) {
    const text = program.sections.find((s) => s.name === '.text');
    try {
      writeFileSync(binOut, text ? text.bytes : new Uint8Array());
    } catch (e) {
      io.err(`wplab asm: cannot write ${binOut}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
      return 2;
    }
  }
  if (!listing && binOut === undefined) {
    const sizes = program.sections
      .filter((s) => s.bytes.length > 0)
      .map((s) => `${s.name} ${s.bytes.length} bytes at 0x${s.addr.toString(16)}`);
    io.out(`${file}: ${sizes.join(', ') || 'no output'}\n`);
  }
  return 0;
}
