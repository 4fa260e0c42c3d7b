// The `wplab` command line (SCENARIOS.md §5): a thin dispatcher; each subcommand lives in its own
// module and gets its arguments and an Io, and returns the exit status.
import { readSync, writeSync } from 'node:fs';
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

const USAGE =
  'usage: wplab <command> [arguments]\n' +
  '  wplab asm FILE.S [--listing] [--bin OUT]\n' +
  '  wplab exec PROGRAM [--cpu MODEL] [--cpus N] [--kernel 6.5|6.6] [--stdin TEXT] [--max-steps N]' +
  ' [--mount HOST:GUEST[:rw]] [-- ARG...]\n' +
  '  wplab run FILE.yaml [--kernel 6.5|6.6] [--cpu MODEL] [--cpus N] [--json] [--max-steps N] [--trace OUT.json]\n' +
  '  wplab compare FILE.yaml\n';

export function main(argv: string[], io: Io): number {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return 0;
  }
  const cmd =
    name === undefined ? undefined : Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.err((name === undefined ? '' : `wplab: unknown command '${name}'\n`) + USAGE);
    return 2;
  }
  return cmd(rest, io);
}

/** (one shared word to sleep on while a pipe is full) */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `data` to fd before returning: a reader slower than the run (a pipe) makes the
 * writer wait, instead of Node queueing what is written in memory (a long `wplab run` piped to a
 * pager grew to gigabytes so). A reader that has gone (EPIPE: `| head`) ends the process, as
 * SIGPIPE ends a C program.
 */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const buf =
    typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 2);
      else if (code === 'EPIPE') process.exit(141);
      else throw e;
    }
  }
}

/**
 * Reads up to `max` bytes of fd 0, waiting for them (a terminal gives a line at a time): empty at end of
 * file, or when there is no standard input to read (closed, a directory).
 */
export function readStdin(max: number): Uint8Array {
  const buf = Buffer.alloc(Math.max(1, Math.min(max, 65536)));
  for (;;) {
    try {
      const n = readSync(0, buf, 0, buf.length, null);
      return new Uint8Array(buf.buffer, buf.byteOffset, n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(PAUSE, 0, 0, 2);
      else if (code === 'EINTR') continue;
      else return new Uint8Array(0);
    }
  }
}

if (require.main === module) {
  const io: Io = {
    out: (s) => writeAll(1, s),
    err: (s) => writeAll(2, s),
    outBytes: (b) => writeAll(1, b),
    errBytes: (b) => writeAll(2, b),
    readStdin,
  };
  process.exitCode = main(process.argv.slice(2), io);
}
