// What every `wplab` subcommand looks like: arguments in, text out through io, exit status back.
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export type Command = (args: string[], io: Io) => number;
