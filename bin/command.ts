// What every `wplab` subcommand looks like: arguments in, text out through io, exit status back.
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** bytes as they are (a program's output through `wplab exec`); absent: decoded and given to out/err */
  outBytes?: (b: Uint8Array) => void;
  errBytes?: (b: Uint8Array) => void;
  /** reads up to `max` bytes of the command's own standard input, waiting for them (empty: end of
   * file); absent: the command has no standard input to give (tests) */
  readStdin?: (max: number) => Uint8Array;
}

export type Command = (args: string[], io: Io) => number;
