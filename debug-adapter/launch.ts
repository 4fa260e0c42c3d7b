// Launch: a launch configuration (checked by launch-config.ts) becomes a ready runtime, or the
// errors that say why not. A program (an assembly source or an ELF executable) is loaded into a
// fresh machine as one traced task; a scenario is run through its setup steps to where it hands
// the traced tasks to the debugger. The launch's perf counters are opened on either.
import * as fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Machine } from '../sim/machine/machine';
import type { Task } from '../sim/machine/task';
import { Tracer } from '../sim/machine/tracer';
import { formatDiagnostic, type Program } from '../sim/program';
import { fsHost, MAX_SCENARIO_FILE, programFromBytes, readProgramFile, readTextFile } from '../sim/program-file';
import { compareScenario, compareText } from '../sim/scenario/compare';
import { parseScenario } from '../sim/scenario/parse-scenario';
import { prepareScenario } from '../sim/scenario/scenario-runner';
import { BreakpointIds } from './breakpoint-ids';
import type { LaunchConfig, PerfDecl } from './launch-config';
import { Timeline } from './replay/timeline';
import { Runtime, type LaunchedMachine, type RuntimeSink } from './runtime';
import { hex } from './symbols';
import { targetOf } from './source/source-dap';
import { dwarfProgramOf } from './source/dwarf-program';

/** A ready runtime, or why there is none (and the assembler's or the parser's diagnostics). */
export type LaunchResult = { ok: true; runtime: Runtime } | { ok: false; message: string; diagnostics?: string[] };

type Failure = { ok: false; message: string; diagnostics?: string[] };

/** Builds the machine a launch configuration describes and returns its runtime. What the launch
 * says meanwhile (assembler warnings, the perf counters opened or refused) goes to `sink`. */
export function launch(
  cfg: LaunchConfig,
  sink: RuntimeSink,
  ids: BreakpointIds = new BreakpointIds(),
  timeline: Timeline = new Timeline(),
): LaunchResult {
  const m =
    cfg.program !== undefined ? launchProgram(cfg, cfg.program, sink) : launchScenario(cfg, cfg.scenario as string);
  if (!m.ok) return m;
  const cpus = checkCpus(cfg, m.value.machine);
  if (cpus) return cpus;
  const perf = openPerf(cfg.perf, m.value, sink);
  if (perf) return perf;
  return { ok: true, runtime: new Runtime(m.value, sink, ids, timeline) };
}

function machineFor(cfg: LaunchConfig): { machine: Machine; tracer: Tracer } {
  const machine = new Machine({
    ...(cfg.cpu ? { cpu: cfg.cpu } : {}),
    ...(cfg.cpus ? { cpus: cfg.cpus } : {}),
    ...(cfg.kernel ? { kernel: cfg.kernel } : {}),
    ...(cfg.dawrForceEnable !== undefined ? { dawrForceEnable: cfg.dawrForceEnable } : {}),
    ...(cfg.cwd ? { cwd: cfg.cwd } : {}),
    logCapacity: 1_000_000,
  });
  return { machine, tracer: new Tracer(machine) };
}

function launchProgram(
  cfg: LaunchConfig,
  path: string,
  sink: RuntimeSink,
): { ok: true; value: LaunchedMachine } | Failure {
  // an assembly source or an ELF executable (a regular file of bounded size)
  const src = readProgramFile(path, fsHost(fs));
  if (!src.ok) return { ok: false, message: `"program": ${path}: ${src.message}.` };
  const asm = programFromBytes(path, src.bytes);
  if (!asm.ok) {
    const diagnostics = asm.errors.map(formatDiagnostic);
    if (asm.errors.length === 1 && asm.errors[0].line === 0) {
      return { ok: false, message: `"program": ${diagnostics[0]}`, diagnostics };
    }
    const n = asm.errors.length;
    const errors = `${n} error${n === 1 ? '' : 's'}`;
    const message = `"program": ${path} does not assemble (${errors}):\n${diagnostics.join('\n')}`;
    return { ok: false, message, diagnostics };
  }
  for (const w of asm.warnings ?? []) sink.output('console', formatDiagnostic(w) + '\n');
  const { machine, tracer } = machineFor(cfg);
  const name = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'main';
  const stdin = new TextEncoder().encode(cfg.stdin);
  const t = machine.addTask({ name, program: asm.value, traced: true, stdin });
  return { ok: true, value: { config: cfg, machine, tracer, threads: [t], setupLog: [] } };
}

function launchScenario(cfg: LaunchConfig, path: string): { ok: true; value: LaunchedMachine } | Failure {
  // (a regular file of bounded size: a device or a FIFO would never end)
  const src = readTextFile(path, fsHost(fs), { kind: 'scenario', max: MAX_SCENARIO_FILE });
  if (!src.ok) return { ok: false, message: `"scenario": ${path}: ${src.message}.` };
  const parsed = parseScenario(src.text, path);
  const where = (e: { file: string; pos: { line: number; col: number }; message: string }) =>
    `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}`;
  if (!parsed.ok) {
    const diagnostics = parsed.errors.map(where);
    return { ok: false, message: `"scenario": ${path} is not valid:\n${diagnostics.join('\n')}`, diagnostics };
  }
  const dir = dirname(path);
  const readFile = (p: string): Uint8Array | { error: string } => {
    const r = readProgramFile(resolve(dir, p), fsHost(fs));
    return r.ok ? r.bytes : { error: r.message };
  };
  const overrides = {
    ...(cfg.cpu ? { cpu: cfg.cpu } : {}),
    ...(cfg.cpus ? { cpus: cfg.cpus } : {}),
    ...(cfg.dawrForceEnable !== undefined ? { dawrForceEnable: cfg.dawrForceEnable } : {}),
  };
  // wplab compare on the launched scenario: its steps from the start under kernel 6.5 and 6.6
  const compare = () => {
    const c = compareScenario(parsed.scenario, { readFile, overrides, maxSteps: cfg.maxSteps });
    if (c.kind === 'input-error') return c.errors.map(where).join('\n');
    return compareText(c, path.replace(/^.*[\\/]/, ''));
  };
  const prep = prepareScenario(parsed.scenario, {
    readFile,
    overrides: { ...overrides, ...(cfg.kernel ? { kernel: cfg.kernel } : {}) },
    maxSteps: cfg.maxSteps,
    logCapacity: 1_000_000,
    resolvePath: (p: string) => resolve(dir, p),
  });
  if (prep.kind === 'input-error') {
    const diagnostics = prep.errors.map(where);
    return { ok: false, message: `"scenario": ${path}:\n${diagnostics.join('\n')}`, diagnostics };
  }
  const threads = prep.machine.tasks.filter((t) => t.traced);
  if (threads.length === 0) return { ok: false, message: `"scenario": ${path} has no traced task to debug.` };
  const value = { config: cfg, machine: prep.machine, tracer: prep.tracer, threads, setupLog: prep.setupLog, compare };
  return { ok: true, value };
}

function checkCpus(cfg: LaunchConfig, machine: Machine): Failure | undefined {
  for (let i = 0; i < cfg.perf.length; i++) {
    const c = cfg.perf[i].cpu;
    if (c !== undefined && c >= machine.config.cpus) {
      const has = machine.config.cpus;
      return { ok: false, message: `"perf[${i}].cpu": CPU ${c} does not exist (the machine has ${has}; see "cpus").` };
    }
  }
  return undefined;
}

/** A C object's address by its name (DWARF), for a perf counter on a C program. */
function cObject(
  p: Program,
  t: Task,
  name: string,
): { ok: true; address: bigint } | { ok: false; message: string } | undefined {
  const model = dwarfProgramOf(p);
  return model?.symbolObject(
    targetOf(t, (a, n) => t.mem.readBytes(a, n)),
    name,
  );
}

/** The launch's perf counters; a kernel refusal is shown (not fatal): the panel shows what holds. */
function openPerf(decls: PerfDecl[], m: LaunchedMachine, sink: RuntimeSink): Failure | undefined {
  const program: Program = m.threads[0].program;
  for (let i = 0; i < decls.length; i++) {
    const d = decls[i];
    let addr = d.addr;
    if (d.symbol !== undefined) {
      const s = program.symbols.get(d.symbol);
      // (in a C program: a C object by name too, a file-scope static or a member: "origin.y")
      const c = s ? undefined : cObject(program, m.threads[0], d.symbol);
      if (!s && !c?.ok) {
        const why = c && !c.ok ? ` (${c.message})` : '';
        return { ok: false, message: `"perf[${i}].symbol": "${d.symbol}" is not a symbol of ${program.file}${why}.` };
      }
      addr = s ? s.value : c?.ok ? c.address : undefined;
    }
    let task: Task | undefined;
    if (d.task !== undefined) {
      task = d.task === '' ? m.threads[0] : m.machine.task(d.task);
      if (!task) {
        const tasks = m.machine.tasks.map((t) => t.name).join(', ');
        return { ok: false, message: `"perf[${i}].task": no task is named "${d.task}" (tasks: ${tasks}).` };
      }
    }
    const r = m.tracer.perfOpen({
      name: d.name,
      task,
      cpu: d.cpu ?? -1,
      addr: addr as bigint,
      len: BigInt(d.len),
      type: d.type,
      excludeUser: d.excludeUser,
      excludeKernel: d.excludeKernel,
      excludeHv: d.excludeHv,
    });
    if (r.ok) {
      const where = task ? ` for ${task.name}` : ` on cpu${d.cpu}`;
      sink.output(
        'console',
        `perf counter "${d.name}": fd ${r.fd}, ${d.type} ${d.len} bytes at ${hex(addr as bigint)}${where}\n`,
      );
    } else sink.output('stderr', `perf[${i}] ("${d.name}"): perf_event_open refused: ${r.message}\n`);
  }
  return undefined;
}
