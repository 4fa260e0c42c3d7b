// `wplab exec PROGRAM [options] [-- ARG...]` (SCENARIOS.md §5): runs one program (an assembly source
// or a static ppc64le ELF executable) untraced on a simulated machine. What it writes to standard
// output and error reaches ours byte for byte, as it writes it; its exit status is ours, and a
// program killed by a signal exits 128 + the signal number, as a shell reports it.
import * as fs from 'node:fs';
import { CPU_MODEL_NAMES, type CpuModelName, type KernelPolicy } from '../sim/hwbp/cpu-model';
import { execProgram, type ExecMount } from '../sim/exec';
import { formatDiagnostic } from '../sim/program';
import { fsHost, programFromBytes, readProgramFile } from '../sim/program-file';
import type { Io } from './command';
import { parseMount } from './host-fs';

export const EXEC_USAGE = `usage: wplab exec PROGRAM [--cpu MODEL] [--cpus N] [--kernel 6.5|6.6] [--dawr-force-enable]
                  [--stdin TEXT | --stdin-file FILE] [--max-steps N] [--mount HOST_DIR:GUEST_DIR[:rw]]...
                  [--env NAME=VALUE]... [--cwd DIR] [--stats] [--strace] [-- ARG...]`;

interface ExecArgs {
  file: string;
  args: string[];
  cpu: CpuModelName;
  cpus: number;
  kernel: KernelPolicy;
  dawrForceEnable: boolean;
  stdin?: Uint8Array;
  maxSteps?: number;
  mounts: string[];
  env: string[];
  cwd: string;
  stats: boolean;
  strace: boolean;
}

function parse(args: string[], io: Io): ExecArgs | undefined {
  const bad = (m: string) => {
    io.err(`wplab exec: ${m}\n${EXEC_USAGE}\n`);
    return undefined;
  };
  const out: Partial<ExecArgs> & { mounts: string[]; env: string[]; args: string[] } = {
    mounts: [],
    env: [],
    args: [],
  };
  const count = (opt: string, v: string | undefined, max: number): number | undefined => {
    if (v === undefined || !/^[0-9]+$/.test(v) || Number(v) <= 0 || Number(v) > max) {
      bad(`${opt} needs a whole number from 1 to ${max}, got ${v === undefined ? 'nothing' : `'${v}'`}`);
      return undefined;
    }
    return Number(v);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = () => args[++i];
    switch (a) {
      case '--':
        out.args.push(...args.slice(i + 1));
        i = args.length;
        break;
      case '--cpu': {
        const m = v();
        if (!CPU_MODEL_NAMES.includes(m as CpuModelName))
          return bad(
            `--cpu must be one of ${CPU_MODEL_NAMES.join(', ')}, got ` + `${m === undefined ? 'nothing' : `'${m}'`}`,
          );
        out.cpu = m as CpuModelName;
        break;
      }
      case '--cpus': {
        const n = count('--cpus', v(), 64);
        if (n === undefined) return undefined;
        out.cpus = n;
        break;
      }
      case '--kernel': {
        const k = v();
        if (k !== '6.5' && k !== '6.6')
          return bad(`--kernel must be 6.5 or 6.6, got ${k === undefined ? 'nothing' : `'${k}'`}`);
        out.kernel = k;
        break;
      }
      case '--dawr-force-enable':
        out.dawrForceEnable = true;
        break;
      case '--stats':
        out.stats = true;
        break;
      case '--strace':
        out.strace = true;
        break;
      case '--stdin': {
        const s = v();
        if (s === undefined) return bad('--stdin needs a text');
        out.stdin = new TextEncoder().encode(s);
        break;
      }
      case '--stdin-file': {
        const f = v();
        if (f === undefined) return bad('--stdin-file needs a file');
        const r = readProgramFile(f, fsHost(fs));
        if (!r.ok) return bad(`cannot read ${f}: ${r.message}`);
        out.stdin = r.bytes;
        break;
      }
      case '--max-steps': {
        const n = count('--max-steps', v(), Number.MAX_SAFE_INTEGER);
        if (n === undefined) return undefined;
        out.maxSteps = n;
        break;
      }
      case '--mount': {
        const m = v();
        if (m === undefined) return bad('--mount needs HOST_DIR:GUEST_DIR[:rw]');
        out.mounts.push(m);
        break;
      }
      case '--env': {
        const e = v();
        if (e === undefined || !/^[^=]+=/.test(e))
          return bad(`--env needs NAME=VALUE, got ${e === undefined ? 'nothing' : `'${e}'`}`);
        out.env.push(e);
        break;
      }
      case '--cwd': {
        const d = v();
        if (d === undefined || !d.startsWith('/'))
          return bad(
            `--cwd needs an absolute path in the simulated file system, got ` +
              `${d === undefined ? 'nothing' : `'${d}'`}`,
          );
        out.cwd = d;
        break;
      }
      default:
        if (a.startsWith('--')) return bad(`unknown option ${a}`);
        // after the program, plain words are its arguments (options for the program itself go after --)
        if (out.file === undefined) out.file = a;
        else out.args.push(a);
    }
  }
  if (out.file === undefined) return bad('no program given');
  return {
    cpu: 'power10',
    cpus: 1,
    kernel: '6.6',
    dawrForceEnable: false,
    cwd: '/',
    stats: false,
    strace: false,
    ...out,
    file: out.file,
  };
}

export function execCommand(args: string[], io: Io): number {
  const a = parse(args, io);
  if (!a) return 2;
  const read = readProgramFile(a.file, fsHost(fs));
  if (!read.ok) {
    io.err(`wplab exec: cannot read ${a.file}: ${read.message}\n`);
    return 2;
  }
  const prog = programFromBytes(a.file, read.bytes);
  if (!prog.ok) {
    for (const d of prog.errors) io.err(formatDiagnostic(d) + '\n');
    return 2;
  }
  const mounts: ExecMount[] = [];
  for (const spec of a.mounts) {
    const m = parseMount(spec);
    if (typeof m === 'string') {
      io.err(`wplab exec: --mount: ${m}\n`);
      return 2;
    }
    mounts.push(m);
  }
  // the program's bytes as it writes them (never re-encoded)
  const dec = new TextDecoder();
  const outBytes = io.outBytes ?? ((b: Uint8Array) => io.out(dec.decode(b)));
  const errBytes = io.errBytes ?? ((b: Uint8Array) => io.err(dec.decode(b)));
  const t0 = performance.now();
  const r = execProgram(prog.value, {
    stdin: a.stdin,
    // without --stdin or --stdin-file the program reads wplab's own standard input, as it asks
    stdinSource: a.stdin === undefined ? io.readStdin : undefined,
    maxSteps: a.maxSteps,
    cpu: a.cpu,
    cpus: a.cpus,
    kernel: a.kernel,
    dawrForceEnable: a.dawrForceEnable,
    cwd: a.cwd,
    argv: [a.file, ...a.args],
    envp: a.env,
    mounts,
    strace: a.strace ? (line) => io.err(line) : undefined,
    stdout: outBytes,
    stderr: errBytes,
  });
  if (a.stats) {
    const s = (performance.now() - t0) / 1000;
    const rss = process.resourceUsage().maxRSS / 1024;
    io.err(
      `wplab exec: ${r.icount} instructions in ${s.toFixed(3)} s ` +
        `(${(r.icount / s / 1e6).toFixed(1)} M/s), peak RSS ${rss.toFixed(0)} MB\n`,
    );
  }
  if (r.signal) io.err(`wplab exec: ${a.file}: killed by ${r.signal}${r.message ? `: ${r.message}` : ''}\n`);
  else if (r.message) io.err(`wplab exec: ${a.file}: ${r.message}\n`);
  return r.exitCode;
}
