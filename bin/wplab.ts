// The `wplab` command line (SCENARIOS.md §5): a thin dispatcher; each subcommand lives in its own
// module and gets its arguments and an Io, and returns the exit status.
import { asmCommand } from './asm-command';
import { execCommand } from './exec-command';
import { compareCommand, runCommand } from './run-command';
import type { Command, Io } from './command';

export const COMMANDS: Record<string, Command> = {
  asm: asmCommand,
  exec: execCommand,
  run: runCommand,
  compare: compareCommand,
};

const USAGE = `usage: wplab <command> [arguments]
  wplab asm FILE.S [--listing] [--bin OUT]
  wplab exec PROGRAM [--cpu MODEL] [--cpus N] [--kernel 6.5|6.6] [--stdin TEXT] [--max-steps N] [--mount HOST:GUEST[:rw]] [-- ARG...]
  wplab run FILE.yaml [--kernel 6.5|6.6] [--cpu MODEL] [--cpus N] [--json] [--max-steps N] [--trace OUT.json]
  wplab compare FILE.yaml
`;

export function main(argv: string[], io: Io): number {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const cmd = name === undefined ? undefined : Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err((name === undefined ? '' : `wplab: unknown command '${name}'\n`) + USAGE);
    return 2;
  }
  return cmd(rest, io);
}

if (require.main === module) {
  const io: Io = {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    outBytes: (b) => process.stdout.write(b),
    errBytes: (b) => process.stderr.write(b),
  };
  process.exitCode = main(process.argv.slice(2), io);
}
