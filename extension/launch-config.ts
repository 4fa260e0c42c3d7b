// The launch settings of a `ppc-watchpoint` debug configuration: their checks and defaults.
// Pure (no vscode) so the checks are unit-tested under node; the provider shows the messages.

export const DEBUG_TYPE = 'ppc-watchpoint';
export const CPU_MODELS = ['power7', 'power8', 'power9', 'power10'] as const;
export const KERNELS = ['6.5', '6.6'] as const;
const PERF_TYPES = ['r', 'w', 'rw'];
const KNOWN = new Set(['type', 'request', 'name', 'program', 'scenario', 'cpu', 'cpus', 'kernel', 'dawrForceEnable', 'perf',
  'stopOnEntry', 'ptraceRearm', 'breakOnValueChange', 'stdin', 'maxSteps',
  // keys VS Code itself adds or reads on every configuration
  'noDebug', '__sessionId', '__configurationTarget', 'preLaunchTask', 'postDebugTask', 'internalConsoleOptions',
  'debugServer', 'presentation', 'suppressMultipleSessionWarning', '__parentId', 'cwd', 'env', '__workspaceFolder']);

export type LaunchSettings = Record<string, unknown>;

/** An assembly file name, by its extension (GNU as: .S, .s; also .asm). */
export function isAssemblyPath(p: string): boolean {
  return /\.(S|s|asm)$/.test(p);
}

export function isScenarioPath(p: string): boolean {
  return /\.ya?ml$/i.test(p);
}

/**
 * Whether a YAML text is a scenario (SCENARIOS.md section 1): top-level `tasks:` and `steps:`. The
 * debugger offers itself for YAML files (F5, the editor's debug button), but only these are its.
 */
export function looksLikeScenario(text: string): boolean {
  return /^tasks\s*:/m.test(text) && /^steps\s*:/m.test(text);
}

/**
 * Fills a configuration started with no launch.json (F5 on an open file): `program` or `scenario`
 * from the active file. Returns undefined when nothing can be filled (no suitable file open). With
 * the file's text, a YAML file counts only when it is a scenario.
 */
export function configForActiveFile(activePath: string | undefined, languageId: string | undefined, text?: string): LaunchSettings | undefined {
  if (!activePath) return undefined;
  const base = { type: DEBUG_TYPE, request: 'launch', cpu: 'power10', kernel: '6.6', stopOnEntry: true };
  const name = activePath.split(/[\\/]/).pop() ?? activePath;
  if (languageId === 'ppc-asm' || isAssemblyPath(activePath)) return { ...base, name: `Debug ${name}`, program: activePath };
  if (isScenarioPath(activePath) && (text === undefined || looksLikeScenario(text))) return { ...base, name: `Scenario ${name}`, scenario: activePath };
  return undefined;
}

export interface OpenDoc {
  path: string;
  languageId: string;
  text: string;
  untitled: boolean;
}

function inside(path: string, folder: string): boolean {
  const f = folder.replace(/[\\/]+$/, '');
  return path === f || path.startsWith(`${f}/`) || path.startsWith(`${f}\\`);
}

/**
 * The dynamic configurations ("Debug: Select and Start Debugging") for one launch target: VS Code
 * asks once per workspace folder and once more for the user settings (folder undefined). Each open
 * file is offered once: in the folder that holds it, or under the user settings when no workspace
 * folder does.
 */
export function dynamicConfigs(docs: readonly OpenDoc[], folders: readonly string[], folder: string | undefined): LaunchSettings[] {
  const out: LaunchSettings[] = [];
  const seen = new Set<string>();
  for (const d of docs) {
    if (d.untitled || seen.has(d.path)) continue;
    const home = folders.find((f) => inside(d.path, f));
    if (folder === undefined ? home !== undefined : home !== folder) continue;
    const c = configForActiveFile(d.path, d.languageId, d.text);
    if (!c) continue;
    seen.add(d.path);
    out.push(c);
  }
  return out;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Problems in a configuration, each a sentence for a person; empty when it can be launched. */
export function checkLaunchSettings(c: LaunchSettings): string[] {
  const errs: string[] = [];
  if (c.request !== undefined && c.request !== 'launch') errs.push(`"request" must be "launch" (attach is not supported), not ${JSON.stringify(c.request)}.`);
  const hasProgram = c.program !== undefined && c.program !== '';
  const hasScenario = c.scenario !== undefined && c.scenario !== '';
  if (!hasProgram && !hasScenario) errs.push('Give "program" (an assembly file) or "scenario" (a scenario file).');
  if (hasProgram && hasScenario) errs.push('Give either "program" or "scenario", not both.');
  if (hasProgram && typeof c.program !== 'string') errs.push('"program" must be a file path (a string).');
  if (hasScenario && typeof c.scenario !== 'string') errs.push('"scenario" must be a file path (a string).');
  if (c.cpu !== undefined && !(CPU_MODELS as readonly unknown[]).includes(c.cpu)) errs.push(`"cpu" must be one of ${CPU_MODELS.join(', ')}, not ${JSON.stringify(c.cpu)}.`);
  if (c.cpus !== undefined && !(isInt(c.cpus) && c.cpus >= 1 && c.cpus <= 64)) errs.push(`"cpus" must be a whole number from 1 to 64, not ${JSON.stringify(c.cpus)}.`);
  if (c.kernel !== undefined && !(KERNELS as readonly unknown[]).includes(c.kernel)) errs.push(`"kernel" must be "6.5" or "6.6" (a string), not ${JSON.stringify(c.kernel)}.`);
  for (const k of ['dawrForceEnable', 'stopOnEntry'] as const) {
    if (c[k] !== undefined && typeof c[k] !== 'boolean') errs.push(`"${k}" must be true or false, not ${JSON.stringify(c[k])}.`);
  }
  if (c.dawrForceEnable === true && c.cpu !== undefined && c.cpu !== 'power9') errs.push('"dawrForceEnable" only means something on power9 (set "cpu": "power9" or remove it).');
  if (c.ptraceRearm !== undefined && c.ptraceRearm !== 'gdb' && c.ptraceRearm !== 'oneshot') errs.push(`"ptraceRearm" must be "gdb" or "oneshot", not ${JSON.stringify(c.ptraceRearm)}.`);
  if (c.breakOnValueChange !== undefined && c.breakOnValueChange !== 'changed' && c.breakOnValueChange !== 'everyStore') errs.push(`"breakOnValueChange" must be "changed" or "everyStore", not ${JSON.stringify(c.breakOnValueChange)}.`);
  if (c.stdin !== undefined && typeof c.stdin !== 'string') errs.push('"stdin" must be a string.');
  if (c.maxSteps !== undefined && !(isInt(c.maxSteps) && c.maxSteps >= 1)) errs.push(`"maxSteps" must be a positive whole number, not ${JSON.stringify(c.maxSteps)}.`);
  if (c.perf !== undefined) {
    if (!Array.isArray(c.perf)) errs.push('"perf" must be a list of counters.');
    else c.perf.forEach((p, i) => errs.push(...checkPerf(p, i, c)));
  }
  return errs;
}

/** Settings this debugger does not know (likely typos): a warning, not a reason to refuse the launch. */
export function unknownSettings(c: LaunchSettings): string[] {
  return Object.keys(c).filter((k) => !KNOWN.has(k));
}

function checkPerf(p: unknown, i: number, c: LaunchSettings): string[] {
  const at = `perf[${i}]`;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return [`${at} must be an object like { "name": "w", "symbol": "value", "len": 8, "type": "w" }.`];
  const o = p as Record<string, unknown>;
  const errs: string[] = [];
  if (typeof o.name !== 'string' || o.name === '') errs.push(`${at}.name must be a non-empty string.`);
  const hasAddr = o.addr !== undefined;
  const hasSym = o.symbol !== undefined;
  if (hasAddr === hasSym) errs.push(`${at} needs exactly one of "addr" or "symbol".`);
  if (hasAddr && !(typeof o.addr === 'string' ? /^(0[xX][0-9a-fA-F]+|\d+)$/.test(o.addr) : isInt(o.addr) && o.addr >= 0)) errs.push(`${at}.addr must be an address like "0x10100000", not ${JSON.stringify(o.addr)}.`);
  if (hasSym && (typeof o.symbol !== 'string' || !/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(o.symbol))) errs.push(`${at}.symbol must be a symbol name, not ${JSON.stringify(o.symbol)}.`);
  if (!(isInt(o.len) && o.len >= 1 && o.len <= 4096)) errs.push(`${at}.len must be a byte count from 1 to 4096, not ${JSON.stringify(o.len)}.`);
  if (!PERF_TYPES.includes(o.type as string)) errs.push(`${at}.type must be "r", "w" or "rw", not ${JSON.stringify(o.type)}.`);
  if (o.task !== undefined && (typeof o.task !== 'string' || o.task === '')) errs.push(`${at}.task must be a task name.`);
  if (o.cpu !== undefined) {
    const cpus = isInt(c.cpus) ? c.cpus : 1;
    if (!(isInt(o.cpu) && o.cpu >= 0)) errs.push(`${at}.cpu must be a CPU number.`);
    else if (o.cpu >= cpus) errs.push(`${at}.cpu is ${o.cpu} but the machine has ${cpus} CPU${cpus > 1 ? 's' : ''} (cpu0..cpu${cpus - 1}).`);
  }
  for (const k of ['excludeUser', 'excludeKernel', 'excludeHv']) {
    if (o[k] !== undefined && typeof o[k] !== 'boolean') errs.push(`${at}.${k} must be true or false.`);
  }
  const extra = Object.keys(o).filter((k) => !['name', 'addr', 'symbol', 'len', 'type', 'task', 'cpu', 'excludeUser', 'excludeKernel', 'excludeHv'].includes(k));
  if (extra.length) errs.push(`${at} has unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}.`);
  return errs;
}
