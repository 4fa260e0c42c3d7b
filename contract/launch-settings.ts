// The settings of a `ppc-watchpoint` launch configuration: their checks and defaults, one definition
// for the extension (which shows every problem before the session starts) and the debug adapter
// (which refuses a launch with the first one). Each problem is a sentence that names the setting.
// (package.json's configurationAttributes describe the same settings for the editor's completion.)
import { CPU_MODEL_NAMES, KERNEL_POLICIES, type CpuModelName, type KernelPolicy } from '../sim/hwbp/cpu-model';
import { DEFAULT_MAX_STEPS } from '../sim/machine/machine-config';

export { DEFAULT_MAX_STEPS };

export const DEBUG_TYPE = 'ppc-watchpoint';

export const REARM_POLICIES = ['gdb', 'oneshot'] as const;
export type RearmPolicy = (typeof REARM_POLICIES)[number];
/** "Break on Value Change": stop only when the store changes the value (GDB's watch), or on every
 * store (the kernel's trap). */
export const VALUE_CHANGE_POLICIES = ['changed', 'everyStore'] as const;
export type ValueChangePolicy = (typeof VALUE_CHANGE_POLICIES)[number];
/** the perf counter types a launch may declare (HW_BREAKPOINT_R, _W, _RW) */
export const LAUNCH_PERF_TYPES = ['r', 'w', 'rw'] as const;

export interface PerfDecl {
  name: string;
  /** exactly one of addr / symbol */
  addr?: bigint;
  symbol?: string;
  len: number;
  type: (typeof LAUNCH_PERF_TYPES)[number];
  /** per-task counter (task name; "" = the program's task); absent = per CPU */
  task?: string;
  cpu?: number;
  excludeUser: boolean;
  excludeKernel: boolean;
  excludeHv: boolean;
}

export interface LaunchConfig {
  program?: string;
  scenario?: string;
  cpu?: CpuModelName;
  cpus?: number;
  kernel?: KernelPolicy;
  dawrForceEnable?: boolean;
  perf: PerfDecl[];
  stopOnEntry: boolean;
  ptraceRearm: RearmPolicy;
  breakOnValueChange: ValueChangePolicy;
  stdin: string;
  maxSteps: number;
  /** what getcwd reports in a program launch */
  cwd?: string;
}

/** The settings of this debugger, and the keys VS Code itself adds to or reads from any configuration. */
export const LAUNCH_SETTINGS = [
  'program',
  'scenario',
  'cpu',
  'cpus',
  'kernel',
  'dawrForceEnable',
  'perf',
  'stopOnEntry',
  'ptraceRearm',
  'breakOnValueChange',
  'stdin',
  'maxSteps',
  'cwd',
] as const;
const VSCODE_KEYS = [
  'type',
  'request',
  'name',
  'noDebug',
  '__sessionId',
  '__configurationTarget',
  'preLaunchTask',
  'postDebugTask',
  'internalConsoleOptions',
  'debugServer',
  'presentation',
  'suppressMultipleSessionWarning',
  '__parentId',
  'env',
  '__workspaceFolder',
];
const PERF_SETTINGS = [
  'name',
  'addr',
  'symbol',
  'len',
  'type',
  'task',
  'cpu',
  'excludeUser',
  'excludeKernel',
  'excludeHv',
  'perTask',
  'perCpu',
];

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));
const oneOf = (list: readonly string[], v: unknown): boolean => typeof v === 'string' && list.includes(v);

/** Parses an address given as a number or a string (decimal or 0x hex). */
export function parseAddress(v: unknown): bigint | undefined {
  if (isInt(v) && v >= 0) return BigInt(v);
  // (an address is 64 bits: a longer number is no address, not one cut to 64 bits)
  if (typeof v === 'string' && v.length <= 100 && /^\s*(0x[0-9a-f]+|[0-9]+)\s*$/i.test(v)) {
    const a = BigInt(v.trim());
    return a <= 0xffffffffffffffffn ? a : undefined;
  }
  return undefined;
}

export interface LaunchCheck {
  /** every problem, in the order of the settings; empty when the configuration can be launched */
  problems: string[];
  /** the settings with their defaults filled, when there is no problem */
  config?: LaunchConfig;
}

/** Checks a launch configuration's settings; unknown keys are not problems (see unknownSettings). */
export function checkLaunchSettings(args: Record<string, unknown> | undefined): LaunchCheck {
  const a = args ?? {};
  const problems: string[] = [];
  const bad = (message: string): void => void problems.push(message);
  if (a.request !== undefined && a.request !== 'launch') {
    bad(`"request" must be "launch" (attach is not supported), not ${show(a.request)}.`);
  }
  const hasProgram = a.program !== undefined && a.program !== '';
  const hasScenario = a.scenario !== undefined && a.scenario !== '';
  if (!hasProgram && !hasScenario) {
    bad(
      'Give "program" or "scenario" (it is required): an assembly file or a static ppc64le ELF executable ' +
        'to run, or a scenario file.',
    );
  }
  if (hasProgram && hasScenario)
    bad('"program" and "scenario" are both set: give either "program" or "scenario", not both.');
  if (hasProgram && typeof a.program !== 'string')
    bad(`"program" must be a file path (a string), not ${show(a.program)}.`);
  if (hasScenario && typeof a.scenario !== 'string') {
    bad(`"scenario" must be a file path (a string), not ${show(a.scenario)}.`);
  }
  if (a.cpu !== undefined && !oneOf(CPU_MODEL_NAMES, a.cpu)) {
    bad(`"cpu" must be one of ${CPU_MODEL_NAMES.join(', ')}, not ${show(a.cpu)}.`);
  }
  if (a.cpus !== undefined && !(isInt(a.cpus) && a.cpus >= 1 && a.cpus <= 64)) {
    bad(`"cpus" must be a whole number from 1 to 64, not ${show(a.cpus)}.`);
  }
  if (a.kernel !== undefined && !oneOf(KERNEL_POLICIES, a.kernel)) {
    bad(`"kernel" must be ${KERNEL_POLICIES.map((k) => `"${k}"`).join(' or ')} (a string), not ${show(a.kernel)}.`);
  }
  for (const k of ['dawrForceEnable', 'stopOnEntry'] as const) {
    if (a[k] !== undefined && typeof a[k] !== 'boolean') bad(`"${k}" must be true or false, not ${show(a[k])}.`);
  }
  if (a.ptraceRearm !== undefined && !oneOf(REARM_POLICIES, a.ptraceRearm)) {
    bad(
      '"ptraceRearm" must be "gdb" (re-arm one-shot ptrace watchpoints on every resume) or "oneshot" ' +
        `(the raw kernel behaviour), not ${show(a.ptraceRearm)}.`,
    );
  }
  if (a.breakOnValueChange !== undefined && !oneOf(VALUE_CHANGE_POLICIES, a.breakOnValueChange)) {
    bad(
      '"breakOnValueChange" must be "changed" (stop when a store changes the watched value, as GDB\'s watch) ' +
        `or "everyStore" (the raw kernel behaviour: every store stops), not ${show(a.breakOnValueChange)}.`,
    );
  }
  if (a.stdin !== undefined && typeof a.stdin !== 'string') {
    bad(`"stdin" must be a string (the text the program reads), not ${show(a.stdin)}.`);
  }
  if (a.maxSteps !== undefined && !(isInt(a.maxSteps) && a.maxSteps >= 1)) {
    bad(`"maxSteps" must be a positive whole number of instructions, not ${show(a.maxSteps)}.`);
  }
  if (a.cwd !== undefined && typeof a.cwd !== 'string') bad(`"cwd" must be a string, not ${show(a.cwd)}.`);
  const perf: PerfDecl[] = [];
  if (a.perf !== undefined) {
    if (!Array.isArray(a.perf)) bad(`"perf" must be a list of counters, not ${show(a.perf)}.`);
    else {
      const names = new Set<string>();
      a.perf.forEach((p, i) => {
        const r = checkPerf(p, i);
        problems.push(...r.problems);
        if (!r.decl) return;
        if (names.has(r.decl.name)) {
          bad(`"perf[${i}].name": "${r.decl.name}" is used by another counter; names must be unique.`);
        }
        names.add(r.decl.name);
        perf.push(r.decl);
      });
    }
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    config: {
      program: hasProgram ? (a.program as string) : undefined,
      scenario: hasScenario ? (a.scenario as string) : undefined,
      cpu: a.cpu as CpuModelName | undefined,
      cpus: a.cpus as number | undefined,
      kernel: a.kernel as KernelPolicy | undefined,
      dawrForceEnable: a.dawrForceEnable as boolean | undefined,
      perf,
      stopOnEntry: a.stopOnEntry !== false,
      ptraceRearm: (a.ptraceRearm as RearmPolicy | undefined) ?? 'gdb',
      breakOnValueChange: (a.breakOnValueChange as ValueChangePolicy | undefined) ?? 'changed',
      stdin: (a.stdin as string | undefined) ?? '',
      maxSteps: (a.maxSteps as number | undefined) ?? DEFAULT_MAX_STEPS,
      cwd: a.cwd as string | undefined,
    },
  };
}

/** Settings this debugger does not know (likely typos): a warning, not a reason to refuse the launch. */
export function unknownSettings(c: Record<string, unknown>): string[] {
  return Object.keys(c).filter((k) => !(LAUNCH_SETTINGS as readonly string[]).includes(k) && !VSCODE_KEYS.includes(k));
}

function checkPerf(p: unknown, i: number): { problems: string[]; decl?: PerfDecl } {
  const at = `perf[${i}]`;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    return {
      problems: [
        `${at} must be an object like { "name": "w", "symbol": "value", "len": 8, "type": "w" }, not ${show(p)}.`,
      ],
    };
  }
  const o = p as Record<string, unknown>;
  const problems: string[] = [];
  const bad = (message: string): void => void problems.push(message);
  for (const k of Object.keys(o)) {
    if (!PERF_SETTINGS.includes(k)) {
      bad(
        `${at} has unknown field "${k}": "${at}.${k}" is not a counter setting (known: ${PERF_SETTINGS.join(', ')}).`,
      );
    }
  }
  if (typeof o.name !== 'string' || o.name === '' || /\s/.test(o.name)) {
    bad(`"${at}.name" must be a non-empty name without spaces, not ${show(o.name)}.`);
  }
  if ((o.addr !== undefined) === (o.symbol !== undefined)) {
    bad(`${at} needs exactly one of "addr" or "symbol" (an address, or a data symbol of the program).`);
  }
  const addr = o.addr !== undefined ? parseAddress(o.addr) : undefined;
  if (o.addr !== undefined && addr === undefined) {
    bad(`"${at}.addr" must be an address (a number or a "0x..." string), not ${show(o.addr)}.`);
  }
  if (o.symbol !== undefined && (typeof o.symbol !== 'string' || o.symbol === '')) {
    bad(`"${at}.symbol" must be a symbol name, not ${show(o.symbol)}.`);
  }
  if (!(isInt(o.len) && o.len >= 1 && o.len <= 4096)) {
    bad(`"${at}.len" must be a byte length from 1 to 4096, not ${show(o.len)}.`);
  }
  if (!oneOf(LAUNCH_PERF_TYPES, o.type)) {
    bad(`"${at}.type" must be "r", "w" or "rw" (HW_BREAKPOINT_R, _W, _RW), not ${show(o.type)}.`);
  }
  if (o.task !== undefined && (typeof o.task !== 'string' || o.task === '')) {
    bad(`"${at}.task" must be a task name, not ${show(o.task)}.`);
  }
  if (o.cpu !== undefined && !(isInt(o.cpu) && o.cpu >= 0))
    bad(`"${at}.cpu" must be a CPU number (0, 1, ...), not ${show(o.cpu)}.`);
  for (const k of ['excludeUser', 'excludeKernel', 'excludeHv', 'perTask', 'perCpu']) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') bad(`"${at}.${k}" must be true or false, not ${show(o[k])}.`);
  }
  if (o.perCpu === true && o.cpu === undefined) bad(`"${at}.cpu" is required for a per-CPU counter ("perCpu": true).`);
  if (problems.length > 0) return { problems };
  const perCpu = o.perCpu === true || (o.task === undefined && o.cpu !== undefined && o.perTask !== true);
  return {
    problems,
    decl: {
      name: o.name as string,
      addr,
      symbol: o.symbol as string | undefined,
      len: o.len as number,
      type: o.type as PerfDecl['type'],
      task: perCpu ? undefined : ((o.task as string | undefined) ?? ''),
      cpu: o.cpu as number | undefined,
      excludeUser: o.excludeUser === true,
      excludeKernel: o.excludeKernel === true,
      excludeHv: o.excludeHv === true,
    },
  };
}
