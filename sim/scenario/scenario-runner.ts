// Runs a scenario: assembles the tasks' programs, builds the machine, performs each step through the
// tracer's calls, records the result and the handler decisions it caused, and checks expectations.
import { checkExecArgs } from '../elf/process-start';
import { programFromBytes } from '../program-file';
import type { Decision } from '../decision';
import type { SlotEvent } from '../hwbp/slot-history';
import type { DecisionLog } from '../hwbp/decision-log';
import { DEFAULT_MAX_STEPS, type MachineConfig } from '../machine/machine-config';
import { Machine } from '../machine/machine';
import { Tracer } from '../machine/tracer';
import type { Task } from '../machine/task';
import type { Program } from '../program';
import { evalExpr, type SymbolLookup } from './expression';
import { OPERATIONS, type IdBinding, type OperationArgs } from './operations';
import type { ArgValue, Expr, Pos, Scenario, ScenarioError, Step, StepResult } from './scenario-types';
import { checkExpectation } from './step-result';

/** A program file's contents (text is assembly source), or why it could not be read (one line). */
export type ProgramContents = string | Uint8Array | { error: string };

export interface RunOptions {
  /** reads a file relative to the scenario (the CLI gives fs; tests give a map): text or bytes (an ELF executable) */
  readFile: (path: string) => ProgramContents | undefined;
  /** flags that override the file's `machine` */
  overrides?: Partial<Pick<MachineConfig, 'cpu' | 'cpus' | 'kernel' | 'dawrForceEnable'>>;
  /** instructions per resume before the step limit stops the task */
  maxSteps?: number;
  logCapacity?: number;
}

export interface StepReport {
  step: Step;
  args: Record<string, string | number | boolean>;
  result: StepResult;
  ok: boolean;
  mismatches: string[];
  /** the sequence numbers of the decisions this step caused: [from, to) (the oldest may have been
   * dropped from the log since) */
  decisionRange: { from: number; to: number };
  /** the decisions of decisionRange still in the log, made when asked (a reporter of a long run
   * reads them one at a time from `RunReport.log` instead) */
  readonly decisions: Decision[];
  /** the machine's clock (icount) before and after the step */
  icount: { from: number; to: number };
}

export interface RunReport {
  scenario: Scenario;
  machine: MachineConfig & { slots: number };
  steps: StepReport[];
  /** every decision still in the log, made when asked (see `log` to read them one at a time) */
  readonly decisions: Decision[];
  /** the machine's decision log: the last `capacity` decisions of the run */
  log: DecisionLog;
  droppedDecisions: number;
  /** what held each slot when, and the task switches (the trace export reads them) */
  slotHistory: SlotEvent[];
  /** the machine's clock at the end */
  icount: number;
  passed: number;
  failed: number;
  /** task name -> what it wrote to stdout/stderr */
  output: Record<string, string>;
}

export type RunOutcome = { kind: 'report'; report: RunReport } | { kind: 'input-error'; errors: ScenarioError[] };

class InputError extends Error {
  constructor(
    readonly pos: Pos,
    message: string,
  ) {
    super(message);
  }
}

/** A scenario's machine, built: its programs, the tracer, and the ids steps have bound so far. */
interface ScenarioRun {
  sc: Scenario;
  machine: Machine;
  tracer: Tracer;
  programs: Map<string, Program>;
  ids: Map<string, IdBinding>;
  firstProgram: Program | undefined;
}

const lookupIn =
  (p: Program | undefined): SymbolLookup =>
  (name) =>
    p?.symbols.get(name)?.value;

/** Every value a step passes is a 64-bit register or struct field (u64, or a negative s64 as two's
 * complement): a value outside that range is an input error, not silently cut (SETHWDEBUG's addr2 of
 * 2^64 is no u64). */
const U64_END = 1n << 64n;
const S64_MIN = -(1n << 63n);

function evalIn(e: Expr, lookup: SymbolLookup): bigint {
  const r = evalExpr(e, lookup);
  if ('error' in r) throw new InputError(r.pos, r.error);
  if (r.value >= U64_END || r.value < S64_MIN)
    throw new InputError(
      e.pos,
      `"${e.text}" is ` +
        `${r.value < 0n ? '-' : ''}0x${(r.value < 0n ? -r.value : r.value).toString(16)}, ` +
        `which does not fit in 64 bits`,
    );
  return r.value;
}

/**
 * Assembles the tasks' programs, builds the machine from the file's `machine` and the overrides, and
 * adds the tasks. Every input error is collected. `resolvePath` names each program by its full path
 * (a debugger's breakpoints match files by it).
 */
function buildScenario(
  sc: Scenario,
  opts: RunOptions,
  resolvePath?: (p: string) => string,
): { kind: 'built'; run: ScenarioRun } | { kind: 'input-error'; errors: ScenarioError[] } {
  const errors: ScenarioError[] = [];
  const programs = new Map<string, Program>();
  // each program file is read and assembled once, however many tasks run it (a program is not
  // changed by running it: each task gets its own memory from it)
  const byPath = new Map<string, Program | 'failed'>();
  for (const t of sc.tasks) {
    const known = byPath.get(t.program);
    if (known === 'failed') continue;
    if (known !== undefined) {
      const tooLong = checkExecArgs([known.file, ...t.args]);
      if (tooLong) errors.push({ file: sc.file, pos: t.pos, message: `task "${t.name}": ${tooLong}` });
      else programs.set(t.name, known);
      continue;
    }
    byPath.set(t.program, 'failed');
    const src = opts.readFile(t.program);
    if (src === undefined || (typeof src === 'object' && 'error' in src)) {
      errors.push({
        file: sc.file,
        pos: t.pos,
        message: `task "${t.name}": cannot read program "${t.program}"${src ? `: ${src.error}` : ''}`,
      });
      continue;
    }
    const r = programFromBytes(resolvePath ? resolvePath(t.program) : t.program, src);
    if (!r.ok) {
      for (const d of r.errors) {
        // an error about the whole file (an ELF executable, a binary file) is reported at the task
        if (d.line === 0)
          errors.push({ file: sc.file, pos: t.pos, message: `task "${t.name}": ${t.program}: ${d.message}` });
        else errors.push({ file: d.file, pos: { line: d.line, col: d.col }, message: d.message });
      }
      continue;
    }
    byPath.set(t.program, r.value);
    const tooLong = checkExecArgs([r.value.file, ...t.args]);
    if (tooLong) {
      errors.push({ file: sc.file, pos: t.pos, message: `task "${t.name}": ${tooLong}` });
      continue;
    }
    programs.set(t.name, r.value);
  }
  if (errors.length > 0) return { kind: 'input-error', errors };

  const machine = new Machine({
    cpu: opts.overrides?.cpu ?? sc.machine.cpu,
    cpus: opts.overrides?.cpus ?? sc.machine.cpus,
    kernel: opts.overrides?.kernel ?? sc.machine.kernel,
    dawrForceEnable: opts.overrides?.dawrForceEnable ?? sc.machine.dawrForceEnable,
    cwd: sc.machine.cwd,
    logCapacity: opts.logCapacity ?? 1_000_000,
  });
  for (const t of sc.tasks) {
    const p = programs.get(t.name) as Program;
    const lookup = lookupIn(p);
    if (t.cpu !== undefined && t.cpu >= machine.config.cpus) {
      errors.push({
        file: sc.file,
        pos: t.pos,
        message: `task "${t.name}": CPU ${t.cpu} does not exist (the machine has ` + `${machine.config.cpus})`,
      });
      continue;
    }
    try {
      machine.addTask({
        name: t.name,
        program: p,
        argv: [p.file, ...t.args],
        entry: t.entry ? evalIn(t.entry, lookup) : undefined,
        regs: t.regs.map((r) => ({ reg: r.reg, value: evalIn(r.value, lookup) })),
        cpu: t.cpu,
        traced: t.traced,
        stdin: t.stdin !== undefined ? new TextEncoder().encode(t.stdin) : undefined,
      });
    } catch (e) {
      if (e instanceof InputError) errors.push({ file: sc.file, pos: e.pos, message: e.message });
      else throw e;
    }
  }
  if (errors.length > 0) return { kind: 'input-error', errors };
  const firstProgram = sc.tasks.length > 0 ? programs.get(sc.tasks[0].name) : undefined;
  return { kind: 'built', run: { sc, machine, tracer: new Tracer(machine), programs, ids: new Map(), firstProgram } };
}

/** Performs one step, with the decisions it caused and its expectation checked. Throws InputError. */
function runStep(run: ScenarioRun, step: Step, maxSteps: number): StepReport {
  const taskArg = step.args.get('task');
  const taskName = taskArg && taskArg.kind === 'name' ? taskArg.name : undefined;
  const task = taskName ? run.machine.task(taskName) : undefined;
  // a forked process (`main-101`) exists once its parent has forked it, and runs its parent's program
  if (taskName && !task && !run.programs.has(taskName)) {
    const pos = taskArg && taskArg.kind === 'name' ? taskArg.pos : step.pos;
    throw new InputError(pos, `task "${taskName}" does not exist: no task has forked it (yet), or it was reaped`);
  }
  const lookup = lookupIn(taskName ? (run.programs.get(taskName) ?? task?.program) : run.firstProgram);
  const shown: Record<string, string | number | boolean> = {};
  for (const [k, a] of step.args) shown[k] = argText(a);
  const log = run.machine.log;
  const before = log.total;
  const from = run.machine.icount;
  const result = perform(step, task, run.tracer, run.ids, lookup, maxSteps);
  const after = log.total;
  const mismatches = step.expect ? checkExpectation(step.op, result, step.expect, lookup).map((m) => m.message) : [];
  return {
    step,
    args: shown,
    result,
    ok: mismatches.length === 0,
    mismatches,
    decisionRange: { from: before, to: after },
    icount: { from, to: run.machine.icount },
    get decisions() {
      return log.page(before, after - before);
    },
  };
}

export function runScenario(sc: Scenario, opts: RunOptions): RunOutcome {
  const built = buildScenario(sc, opts);
  if (built.kind === 'input-error') return built;
  const { machine } = built.run;
  const reports: StepReport[] = [];
  const maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
  try {
    for (const step of sc.steps) reports.push(runStep(built.run, step, maxSteps));
  } catch (e) {
    if (e instanceof InputError)
      return { kind: 'input-error', errors: [{ file: sc.file, pos: e.pos, message: e.message }] };
    throw e;
  }

  const output: Record<string, string> = {};
  for (const t of machine.tasks) {
    const text = t.output.map((b) => new TextDecoder().decode(b)).join('');
    if (text) output[t.name] = text;
  }
  const withExpect = reports.filter((r) => r.step.expect);
  return {
    kind: 'report',
    report: {
      scenario: sc,
      machine: { ...machine.config, slots: machine.model.breakpointAvailable ? machine.model.slots : 0 },
      steps: reports,
      get decisions() {
        return machine.log.all();
      },
      log: machine.log,
      droppedDecisions: machine.log.dropped,
      slotHistory: machine.slotHistory.all(),
      icount: machine.icount,
      passed: withExpect.filter((r) => r.ok).length,
      failed: withExpect.filter((r) => !r.ok).length,
      output,
    },
  };
}

function argText(a: ArgValue): string | number | boolean {
  switch (a.kind) {
    case 'expr':
      return a.expr.text;
    case 'name':
      return a.name;
    case 'bool':
    case 'int':
      return a.value;
  }
}

/** A step's arguments as the operations table reads them; every problem is an InputError at the step. */
function stepArgs(
  step: Step,
  task: Task | undefined,
  ids: Map<string, IdBinding>,
  lookup: SymbolLookup,
  maxSteps: number,
): OperationArgs {
  const a = step.args;
  const needTask = (): Task => {
    if (!task) throw new InputError(step.pos, `${step.op}: no task`);
    return task;
  };
  return {
    ids,
    maxSteps,
    task: needTask,
    taskIfAny: () => task,
    has: (k) => a.has(k),
    expr(k, dflt) {
      const v = a.get(k);
      if (!v) {
        if (dflt === undefined) throw new InputError(step.pos, `${step.op}: missing "${k}"`);
        return dflt;
      }
      if (v.kind === 'expr') return evalIn(v.expr, lookup);
      if (v.kind === 'int') return BigInt(v.value);
      throw new InputError(step.pos, `${step.op}.${k}: expected an expression`);
    },
    text(k, dflt) {
      const v = a.get(k);
      if (v && v.kind === 'name') return v.name;
      if (dflt === undefined) throw new InputError(step.pos, `${step.op}: missing "${k}"`);
      return dflt;
    },
    bool(k) {
      const v = a.get(k);
      return v !== undefined && v.kind === 'bool' && v.value;
    },
    boundId(k, kind) {
      const v = a.get(k);
      if (v && v.kind === 'int') return v.value;
      const n = v && v.kind === 'name' ? v.name : '';
      const b = ids.get(n);
      if (!b) {
        const pos = v && v.kind === 'name' ? v.pos : step.pos;
        throw new InputError(pos, `id "${n}" is not bound: the step that should have created it failed`);
      }
      if (b.kind !== kind) {
        const what = (x: IdBinding['kind']) => (x === 'fd' ? 'perf fd' : 'ptrace handle');
        throw new InputError(step.pos, `id "${n}" names a ${what(b.kind)}, not a ${what(kind)}`);
      }
      return b.value;
    },
  };
}

function perform(
  step: Step,
  task: Task | undefined,
  tracer: Tracer,
  ids: Map<string, IdBinding>,
  lookup: SymbolLookup,
  maxSteps: number,
): StepResult {
  const op = Object.prototype.hasOwnProperty.call(OPERATIONS, step.op) ? OPERATIONS[step.op] : undefined;
  if (!op) throw new InputError(step.pos, `unknown operation "${step.op}"`);
  return op.apply(stepArgs(step, task, ids, lookup, maxSteps), tracer);
}

// ---- for debuggers: build the machine and run only the setup steps --------------------------------

export interface PreparedScenario {
  kind: 'ready';
  machine: Machine;
  tracer: Tracer;
  /** the steps before the first cont/singlestep, as run */
  setup: StepReport[];
  /** one line per setup step: `[i] op args -> result` */
  setupLog: string[];
}

/**
 * Builds the scenario's machine and tasks and performs its setup steps (those before the first
 * `cont` or `singlestep`): what a debugger launching the scenario does before handing the tasks to
 * the person. `resolvePath` names each program by its full path (breakpoints match files by it).
 */
export function prepareScenario(
  sc: Scenario,
  opts: RunOptions & { resolvePath?: (p: string) => string },
): PreparedScenario | { kind: 'input-error'; errors: ScenarioError[] } {
  const built = buildScenario(sc, opts, opts.resolvePath);
  if (built.kind === 'input-error') return built;
  const { machine, tracer } = built.run;
  const setup: StepReport[] = [];
  const setupLog: string[] = [];
  try {
    for (const step of sc.steps) {
      if (step.op === 'cont' || step.op === 'singlestep') break;
      const r = runStep(built.run, step, opts.maxSteps ?? DEFAULT_MAX_STEPS);
      setup.push(r);
      const fields = Object.entries(r.result.fields)
        .map(([k, v]) => `${k}=${typeof v === 'bigint' ? `0x${v.toString(16)}` : v}`)
        .join(' ');
      const args = Object.entries(r.args)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      const otherwise = r.mismatches.length ? `  (expected otherwise: ${r.mismatches.join('; ')})` : '';
      const result = `${r.result.status}${fields ? ` ${fields}` : ''}${otherwise}`;
      setupLog.push(`[${step.index}] line ${step.pos.line}: ${step.op} ${args} -> ${result}`);
    }
  } catch (e) {
    if (e instanceof InputError)
      return { kind: 'input-error', errors: [{ file: sc.file, pos: e.pos, message: e.message }] };
    throw e;
  }
  return { kind: 'ready', machine, tracer, setup, setupLog };
}
