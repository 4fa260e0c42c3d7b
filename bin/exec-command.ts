// `wplab exec FILE.S [--stdin TEXT] [--max-steps N] [--mount HOST_DIR:GUEST_DIR[:rw]]...`
// (SCENARIOS.md §5): assembles and runs one program alone, untraced; its output goes to
// stdout/stderr and its exit status is ours. A program killed by a signal exits 128 + the signal
// number, as a shell reports it for qemu-ppc64le. Host directories are visible only where mounted.
import { readFileSync } from 'node:fs';
import { assemble } from '../sim/asm/assembler';
import { execProgram, type ExecMount } from '../sim/exec';
import { formatDiagnostic } from '../sim/program';
import type { Io } from './command';
import { parseMount } from './host-fs';

export const EXEC_USAGE = 'usage: wplab exec FILE.S [--stdin TEXT] [--max-steps N] [--mount HOST_DIR:GUEST_DIR[:rw]]';

export function execCommand(args: string[], io: Io): number {
  let file: string | undefined;
  let stdin: string | undefined;
  let maxSteps: number | undefined;
  const mounts: ExecMount[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--mount') {
      const spec = args[++i];
      const m = spec === undefined ? 'it needs HOST_DIR:GUEST_DIR[:rw]' : parseMount(spec);
      if (typeof m === 'string') {
        io.err(`wplab exec: --mount: ${m}\n${EXEC_USAGE}\n`);
        return 2;
      }
      mounts.push(m);
    } else if (a === '--stdin') {
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
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`wplab exec: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 2;
  }
  const asm = assemble(source, file);
  if (!asm.ok) {
    for (const d of asm.errors) io.err(formatDiagnostic(d) + '\n');
    return 2;
  }
  const r = execProgram(asm.value, { stdin: stdin === undefined ? undefined : new TextEncoder().encode(stdin), maxSteps, mounts });
  const dec = new TextDecoder();
  if (r.stdout.length) io.out(dec.decode(r.stdout));
  if (r.stderr.length) io.err(dec.decode(r.stderr));
  if (r.signal) io.err(`wplab exec: ${file}: killed by ${r.signal}: ${r.message ?? ''}\n`);
  else if (r.message) io.err(`wplab exec: ${file}: ${r.message}\n`);
  return r.exitCode;
}
