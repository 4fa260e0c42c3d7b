// `wplab run FILE.yaml [--kernel 6.5|6.6] [--cpu MODEL] [--cpus N] [--json] [--max-steps N]
// [--trace OUT.json]` and `wplab compare FILE.yaml` (SCENARIOS.md §5). Exit: 0 all expectations
// hold, 1 some failed, 2 the input is invalid (every error at FILE:LINE:COL) or the trace cannot be
// written. --trace writes the run as Chrome trace-event JSON (Perfetto, chrome://tracing) besides
// the usual output, which it leaves unchanged.
import * as fs from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CPU_MODEL_NAMES, type CpuModelName, type KernelPolicy } from '../sim/hwbp/cpu-model';
import { compareScenario, compareText } from '../sim/scenario/compare';
import { parseScenario } from '../sim/scenario/parse-scenario';
import { chunked } from '../sim/scenario/json-stream';
import { writeJsonReport, writeText } from '../sim/scenario/report';
import { traceInputOfRun, writeChromeTrace } from '../sim/scenario/trace-export';
import { fsHost, MAX_SCENARIO_FILE, readProgramFile, readTextFile } from '../sim/program-file';
import { runScenario, type ProgramContents, type RunOptions } from '../sim/scenario/scenario-runner';
import { formatScenarioError, type Scenario } from '../sim/scenario/scenario-types';
import type { Io } from './command';

interface Parsed {
  file: string;
  json: boolean;
  /** --trace: where the Chrome trace goes */
  trace?: string;
  opts: Omit<RunOptions, 'readFile'>;
}

function parseArgs(args: string[], allowed: Set<string>, io: Io): Parsed | undefined {
  let file: string | undefined;
  const p: Parsed = { file: '', json: false, opts: { overrides: {} } };
  const overrides = p.opts.overrides as NonNullable<RunOptions['overrides']>;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = (): string | undefined => {
      const v = args[++i];
      if (v === undefined) io.err(`wplab: ${a} needs a value\n`);
      return v;
    };
    if (a.startsWith('--') && !allowed.has(a)) {
      io.err(`wplab: unknown option ${a}\n`);
      return undefined;
    }
    if (a === '--json') p.json = true;
    else if (a === '--trace') {
      const v = val();
      if (v === undefined || v === '') {
        if (v === '') io.err('wplab: --trace needs a file name\n');
        return undefined;
      }
      p.trace = v;
    } else if (a === '--kernel') {
      const v = val();
      if (v !== '6.5' && v !== '6.6') {
        io.err('wplab: --kernel takes 6.5 or 6.6\n');
        return undefined;
      }
      overrides.kernel = v as KernelPolicy;
    } else if (a === '--cpu') {
      const v = val();
      if (!v || !(CPU_MODEL_NAMES as readonly string[]).includes(v)) {
        io.err(`wplab: --cpu takes one of ${CPU_MODEL_NAMES.join(', ')}\n`);
        return undefined;
      }
      overrides.cpu = v as CpuModelName;
    } else if (a === '--cpus') {
      const n = Number(val());
      if (!Number.isInteger(n) || n < 1 || n > 64) {
        io.err('wplab: --cpus takes a number from 1 to 64\n');
        return undefined;
      }
      overrides.cpus = n;
    } else if (a === '--max-steps') {
      const n = Number(val());
      if (!Number.isInteger(n) || n < 1) {
        io.err('wplab: --max-steps takes a positive number\n');
        return undefined;
      }
      p.opts.maxSteps = n;
    } else if (a === '--dawr-force-enable') overrides.dawrForceEnable = true;
    else if (file === undefined) file = a;
    else {
      io.err(`wplab: unexpected argument ${a}\n`);
      return undefined;
    }
  }
  if (!file) {
    io.err('wplab: which scenario file?\n');
    return undefined;
  }
  p.file = file;
  return p;
}

function load(p: Parsed, io: Io): { scenario: Scenario; readFile: (path: string) => ProgramContents } | undefined {
  // a regular file of bounded size (a device such as /dev/zero or a FIFO would never end)
  const src = readTextFile(p.file, fsHost(fs), { kind: 'scenario', max: MAX_SCENARIO_FILE });
  if (!src.ok) {
    io.err(`wplab: cannot read ${p.file}: ${src.message}\n`);
    return undefined;
  }
  const parsed = parseScenario(src.text, p.file);
  if (!parsed.ok) {
    for (const e of parsed.errors) io.err(formatScenarioError(e) + '\n');
    return undefined;
  }
  const dir = dirname(resolve(p.file));
  // a program: an assembly source or an ELF executable, only a regular file of bounded size
  const readFile = (path: string): ProgramContents => {
    const r = readProgramFile(resolve(dir, path), fsHost(fs));
    return r.ok ? r.bytes : { error: r.message };
  };
  return { scenario: parsed.scenario, readFile };
}

const RUN_FLAGS = new Set(['--json', '--kernel', '--cpu', '--cpus', '--max-steps', '--dawr-force-enable', '--trace']);

/** Writes the run's Chrome trace to `file`; false (after saying why) when it cannot be written. */
function writeTrace(file: string, report: Parameters<typeof traceInputOfRun>[0], name: string, io: Io): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'w');
    const out = fd;
    writeChromeTrace(traceInputOfRun(report, name), (chunk) => fs.writeSync(out, chunk));
    return true;
  } catch (e) {
    io.err(`wplab: cannot write the trace to ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function runCommand(args: string[], io: Io): number {
  const p = parseArgs(args, RUN_FLAGS, io);
  if (!p) return 2;
  const l = load(p, io);
  if (!l) return 2;
  const outcome = runScenario(l.scenario, { ...p.opts, readFile: l.readFile });
  if (outcome.kind === 'input-error') {
    for (const e of outcome.errors) io.err(formatScenarioError(e) + '\n');
    return 2;
  }
  const name = basename(p.file);
  // written in pieces as the decisions are read out of the log (never one string of the whole run)
  const out = chunked(io.out);
  if (p.json) writeJsonReport(outcome.report, name, out.write);
  else writeText(outcome.report, name, out.write);
  out.flush();
  if (p.trace !== undefined && !writeTrace(p.trace, outcome.report, name, io)) return 2;
  return outcome.report.failed > 0 ? 1 : 0;
}

export function compareCommand(args: string[], io: Io): number {
  const p = parseArgs(args, new Set(['--cpu', '--cpus', '--max-steps', '--dawr-force-enable', '--json']), io);
  if (!p) return 2;
  const l = load(p, io);
  if (!l) return 2;
  const c = compareScenario(l.scenario, { ...p.opts, readFile: l.readFile });
  if (c.kind === 'input-error') {
    for (const e of c.errors) io.err(formatScenarioError(e) + '\n');
    return 2;
  }
  const name = basename(p.file);
  if (p.json)
    io.out(
      JSON.stringify(
        {
          scenario: name,
          differences: c.differences,
          pre: { passed: c.pre.passed, failed: c.pre.failed },
          post: { passed: c.post.passed, failed: c.post.failed },
        },
        null,
        2,
      ) + '\n',
    );
  else io.out(compareText(c, name));
  return 0;
}
