// The runner behind `wplab exec`: one program started as Linux starts it, untraced, on a machine of
// the given model and policy, run to its exit or fatal signal; what it writes to standard output and
// error goes to the caller's sinks byte for byte.
import type { CpuModelName, KernelPolicy } from './hwbp/cpu-model';
import { Machine } from './machine/machine';
import { SIGNALS, type SignalName } from './machine/signals';
import type { HostFs } from './os/vfs/host-mount';
import { baseName, loadProgram } from './os/program-loader';
import type { Program } from './program';
import { DEFAULT_MAX_STEPS } from './machine/machine-config';
import { errnoName } from './os/errno';
import { syscallName } from './os/syscalls/table';

export { loadProgram };

export { DEFAULT_MAX_STEPS };
/** Exit status when the step limit stops a runaway program (as `timeout` reports). */
export const STEP_LIMIT_STATUS = 124;

export interface ExecResult {
  stdout: Uint8Array;
  stderr: Uint8Array;
  exitCode: number;
  signal?: string;
  message?: string;
  icount: number;
}

export interface ExecMount {
  host: HostFs;
  hostPath: string;
  guestPath: string;
  readOnly: boolean;
}

export interface ExecOptions {
  stdin?: Uint8Array;
  /** more standard input, read as the program asks for it once `stdin` is used up (empty: end of file) */
  stdinSource?: (max: number) => Uint8Array;
  maxSteps?: number;
  cwd?: string;
  cpu?: CpuModelName;
  cpus?: number;
  kernel?: KernelPolicy;
  dawrForceEnable?: boolean;
  /** argv (default: [the program's base name]) and environment (default: none) */
  argv?: readonly string[];
  envp?: readonly string[];
  mounts?: ExecMount[];
  /** told of every system call, after it: its text as strace writes it (`--strace`) */
  strace?: (line: string) => void;
  /** where standard output and error go as they are written (default: collected in the result) */
  stdout?: (bytes: Uint8Array) => void;
  stderr?: (bytes: Uint8Array) => void;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** One line of `--strace`: `pid name(args) = result` with errors as strace writes them. */
function straceLine(pid: number, nr: number, args: bigint[], result: bigint, exited: number | undefined): string {
  const name = syscallName(nr) ?? `syscall_${nr}`;
  const a = args.map((v) => (v < 4096n ? String(v) : `0x${v.toString(16)}`)).join(', ');
  if (exited !== undefined) return `${pid} ${name}(${a}) = ?\n`;
  const res =
    result < 0n && result >= -4095n
      ? `-1 ${errnoName(Number(-result))}`
      : result < 4096n && result > -4096n
        ? String(result)
        : `0x${BigInt.asUintN(64, result).toString(16)}`;
  return `${pid} ${name}(${a}) = ${res}\n`;
}

export function execProgram(p: Program, opts: ExecOptions = {}): ExecResult {
  const m = new Machine({
    cpu: opts.cpu ?? 'power10',
    cpus: opts.cpus ?? 1,
    kernel: opts.kernel ?? '6.6',
    dawrForceEnable: opts.dawrForceEnable ?? false,
    cwd: opts.cwd ?? '/',
  });
  for (const mnt of opts.mounts ?? []) m.kernel.mount(mnt);
  const strace = opts.strace;
  if (strace) m.syscallTrace = (c) => strace(straceLine(c.task.pid, c.nr, c.args, c.result, c.exited));
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const t = m.addTask({
    name: baseName(p.file),
    program: p,
    traced: false,
    stdin: opts.stdin,
    stdinSource: opts.stdinSource,
    argv: opts.argv,
    envp: opts.envp,
    stdout: opts.stdout ?? ((b) => out.push(b.slice())),
    stderr: opts.stderr ?? ((b) => err.push(b.slice())),
  });
  const maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
  const stop = m.runUntilStop(t, maxSteps);
  // The run ends with the initial process, as a PID namespace ends with its init: every process still
  // alive is killed (SIGKILL) and whatever it had not written yet is never written.
  for (const x of [...m.tasks]) if (x !== t && x.alive) m.kill(x);
  const result = (exitCode: number, extra: Partial<ExecResult> = {}): ExecResult => ({
    stdout: concat(out),
    stderr: concat(err),
    exitCode,
    icount: m.icount,
    ...extra,
  });
  switch (stop.event) {
    case 'exited':
      return result(stop.exit_code ?? 0);
    case 'killed': {
      const signo = SIGNALS[stop.signal as SignalName] ?? 0;
      return result(128 + signo, { signal: stop.signal, message: stop.message });
    }
    case 'limit':
      return result(STEP_LIMIT_STATUS, { message: `stopped after ${m.icount} instructions (the step limit)` });
    case 'deadlock':
      return result(STEP_LIMIT_STATUS, { message: stop.message ?? 'deadlock' });
    default:
      return result(STEP_LIMIT_STATUS, {
        message: `stopped by ${stop.signal ?? 'a signal'} at 0x${(stop.pc ?? 0n).toString(16)}`,
      });
  }
}
