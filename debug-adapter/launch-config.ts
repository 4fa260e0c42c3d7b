// The launch request's settings: every one checked, with a message that names the setting and says
// why, before anything runs (an invalid launch is an error response, never a half-started session).
import type { CpuModelName, KernelPolicy } from '../sim/hwbp/cpu-model';

export type RearmPolicy = 'gdb' | 'oneshot';
/** "Break on Value Change": stop only when the store changes the value (GDB's watch), or on every store (the kernel's trap). */
export type ValueChangePolicy = 'changed' | 'everyStore';

export interface PerfDecl {
  name: string;
  /** exactly one of addr / symbol */
  addr?: bigint;
  symbol?: string;
  len: number;
  type: 'r' | 'w' | 'rw';
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

export const DEFAULT_MAX_STEPS = 100_000_000;
const CPUS = ['power7', 'power8', 'power9', 'power10'];

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v));

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

/** Checks the launch arguments; the first problem found is the message (naming the setting). */
export function checkLaunch(args: Record<string, unknown> | undefined): Checked<LaunchConfig> {
  const a = args ?? {};
  const bad = (message: string): Checked<LaunchConfig> => ({ ok: false, message });
  const hasProgram = a.program !== undefined && a.program !== '';
  const hasScenario = a.scenario !== undefined && a.scenario !== '';
  if (!hasProgram && !hasScenario) return bad('"program" or "scenario" is required: give an assembly file or a static ppc64le ELF executable to run, or a scenario file.');
  if (hasProgram && hasScenario) return bad('"program" and "scenario" are both set: give one of them.');
  if (hasProgram && typeof a.program !== 'string') return bad(`"program" must be a file path (a string), not ${show(a.program)}.`);
  if (hasScenario && typeof a.scenario !== 'string') return bad(`"scenario" must be a file path (a string), not ${show(a.scenario)}.`);
  if (a.cpu !== undefined && !CPUS.includes(a.cpu as string)) return bad(`"cpu" must be one of ${CPUS.join(', ')}, not ${show(a.cpu)}.`);
  if (a.cpus !== undefined && !(isInt(a.cpus) && a.cpus >= 1 && a.cpus <= 64)) return bad(`"cpus" must be a whole number from 1 to 64, not ${show(a.cpus)}.`);
  if (a.kernel !== undefined && a.kernel !== '6.5' && a.kernel !== '6.6') return bad(`"kernel" must be "6.5" or "6.6" (a string), not ${show(a.kernel)}.`);
  for (const k of ['dawrForceEnable', 'stopOnEntry'] as const) {
    if (a[k] !== undefined && typeof a[k] !== 'boolean') return bad(`"${k}" must be true or false, not ${show(a[k])}.`);
  }
  if (a.ptraceRearm !== undefined && a.ptraceRearm !== 'gdb' && a.ptraceRearm !== 'oneshot') {
    return bad(`"ptraceRearm" must be "gdb" (re-arm one-shot ptrace watchpoints on every resume) or "oneshot" (the raw kernel behaviour), not ${show(a.ptraceRearm)}.`);
  }
  if (a.breakOnValueChange !== undefined && a.breakOnValueChange !== 'changed' && a.breakOnValueChange !== 'everyStore') {
    return bad(`"breakOnValueChange" must be "changed" (stop when a store changes the watched value, as GDB's watch) or "everyStore" (the raw kernel behaviour: every store stops), not ${show(a.breakOnValueChange)}.`);
  }
  if (a.stdin !== undefined && typeof a.stdin !== 'string') return bad(`"stdin" must be a string (the text the program reads), not ${show(a.stdin)}.`);
  if (a.maxSteps !== undefined && !(isInt(a.maxSteps) && a.maxSteps >= 1)) return bad(`"maxSteps" must be a positive whole number of instructions, not ${show(a.maxSteps)}.`);
  if (a.cwd !== undefined && typeof a.cwd !== 'string') return bad(`"cwd" must be a string, not ${show(a.cwd)}.`);
  const perf: PerfDecl[] = [];
  if (a.perf !== undefined) {
    if (!Array.isArray(a.perf)) return bad(`"perf" must be a list of counters, not ${show(a.perf)}.`);
    const names = new Set<string>();
    for (let i = 0; i < a.perf.length; i++) {
      const r = checkPerf(a.perf[i], i);
      if (!r.ok) return r;
      if (names.has(r.value.name)) return bad(`"perf[${i}].name": "${r.value.name}" is used by another counter; names must be unique.`);
      names.add(r.value.name);
      if (r.value.task === undefined && r.value.cpu === undefined) r.value.task = '';
      perf.push(r.value);
    }
  }
  return {
    ok: true,
    value: {
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

function checkPerf(p: unknown, i: number): Checked<PerfDecl> {
  const at = `"perf[${i}]`;
  const bad = (message: string): Checked<PerfDecl> => ({ ok: false, message });
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return bad(`${at}" must be an object like { "name": "w", "symbol": "value", "len": 8, "type": "w" }, not ${show(p)}.`);
  const o = p as Record<string, unknown>;
  const known = ['name', 'addr', 'symbol', 'len', 'type', 'task', 'cpu', 'excludeUser', 'excludeKernel', 'excludeHv', 'perTask', 'perCpu'];
  for (const k of Object.keys(o)) if (!known.includes(k)) return bad(`${at}.${k}" is not a counter setting (known: ${known.join(', ')}).`);
  if (typeof o.name !== 'string' || o.name === '' || /\s/.test(o.name)) return bad(`${at}.name" must be a non-empty name without spaces, not ${show(o.name)}.`);
  if ((o.addr !== undefined) === (o.symbol !== undefined)) return bad(`${at}" needs exactly one of "addr" (an address) or "symbol" (a data symbol of the program).`);
  let addr: bigint | undefined;
  if (o.addr !== undefined) {
    addr = parseAddress(o.addr);
    if (addr === undefined) return bad(`${at}.addr" must be an address (a number or a "0x..." string), not ${show(o.addr)}.`);
  }
  if (o.symbol !== undefined && (typeof o.symbol !== 'string' || o.symbol === '')) return bad(`${at}.symbol" must be a symbol name, not ${show(o.symbol)}.`);
  if (!(isInt(o.len) && o.len >= 1 && o.len <= 4096)) return bad(`${at}.len" must be a byte length from 1 to 4096, not ${show(o.len)}.`);
  if (o.type !== 'r' && o.type !== 'w' && o.type !== 'rw') return bad(`${at}.type" must be "r", "w" or "rw" (HW_BREAKPOINT_R, _W, _RW), not ${show(o.type)}.`);
  if (o.task !== undefined && (typeof o.task !== 'string' || o.task === '')) return bad(`${at}.task" must be a task name, not ${show(o.task)}.`);
  if (o.cpu !== undefined && !(isInt(o.cpu) && o.cpu >= 0)) return bad(`${at}.cpu" must be a CPU number (0, 1, ...), not ${show(o.cpu)}.`);
  for (const k of ['excludeUser', 'excludeKernel', 'excludeHv', 'perTask', 'perCpu']) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') return bad(`${at}.${k}" must be true or false, not ${show(o[k])}.`);
  }
  if (o.perCpu === true && o.cpu === undefined) return bad(`${at}.cpu" is required for a per-CPU counter ("perCpu": true).`);
  const perCpu = o.perCpu === true || (o.task === undefined && o.cpu !== undefined && o.perTask !== true);
  return {
    ok: true,
    value: {
      name: o.name,
      addr,
      symbol: o.symbol as string | undefined,
      len: o.len,
      type: o.type,
      task: perCpu ? undefined : ((o.task as string | undefined) ?? ''),
      cpu: o.cpu as number | undefined,
      excludeUser: o.excludeUser === true,
      excludeKernel: o.excludeKernel === true,
      excludeHv: o.excludeHv === true,
    },
  };
}
