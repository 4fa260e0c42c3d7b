// `wplab exec FILE.S [--stdin TEXT] [--max-steps N]` (SCENARIOS.md §5): assembles (or, for an ELF
// executable, loads) and runs one program alone, untraced; its output goes to stdout/stderr and its
// exit status is ours. A program killed by a signal exits 128 + the signal number, as a shell
// reports it for qemu-ppc64le.
import * as fs from 'node:fs';
import { execProgram } from '../sim/exec';
import { formatDiagnostic } from '../sim/program';
import { fsHost, programFromBytes, readProgramFile } from '../sim/program-file';
import type { Io } from './command';

export const EXEC_USAGE = 'usage: wplab exec FILE.S [--stdin TEXT] [--max-steps N]';

export function execCommand(args: string[], io: Io): number {
  let file: string | undefined;
  let stdin: string | undefined;
  let maxSteps: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--stdin') {
      stdin = args[++i];
      if (stdin === undefined) {
        io.err(`wplab exec: --stdin needs a text\n${EXEC_USAGE}\n`);
        return 2;
      }
    } else if (a === '--max-steps') {
      const v = args[++i];
      if (v === undefined || !/^[0-9]+$/.test(v) || Number(v) <= 0 || !Number.isSafeInteger(Number(v))) {
        io.err(`wplab exec: --max-steps needs a positive whole number, got ${v === undefined ? 'nothing' : `'${v}'`}\n${EXEC_USAGE}\n`);
        return 2;
      }
      maxSteps = Number(v);
    } else if (a.startsWith('--')) {
      io.err(`wplab exec: unknown option ${a}\n${EXEC_USAGE}\n`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      io.err(`wplab exec: only one source file, got '${file}' and '${a}'\n${EXEC_USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined) {
    io.err(`${EXEC_USAGE}\n`);
    return 2;
  }
  const read = readProgramFile(file, fsHost(fs));
  if (!read.ok) {
    io.err(`wplab exec: cannot read ${file}: ${read.message}\n`);
    return 2;
  }
  const asm = programFromBytes(file, read.bytes);
  if (!asm.ok) {
    for (const d of asm.errors) io.err(formatDiagnostic(d) + '\n');
    return 2;
  }
  const r = execProgram(asm.value, { stdin: stdin === undefined ? undefined : new TextEncoder().encode(stdin), maxSteps });
  const dec = new TextDecoder();
  if (r.stdout.length) io.out(dec.decode(r.stdout));
  if (r.stderr.length) io.err(dec.decode(r.stderr));
  if (r.signal) io.err(`wplab exec: ${file}: killed by ${r.signal}: ${r.message ?? ''}\n`);
  else if (r.message) io.err(`wplab exec: ${file}: ${r.message}\n`);
  return r.exitCode;
}
