// The launch settings of a `ppc-watchpoint` debug configuration as the editor meets them: filled for
// the open file, offered per folder, and checked before a session starts (the checks are the
// adapter's, contract/launch-settings.ts). Pure (no vscode) so it is unit-tested under node; the
// provider shows the messages.
import { checkLaunchSettings as checkSettings, DEBUG_TYPE } from '../contract/launch-settings';

export { DEBUG_TYPE, unknownSettings } from '../contract/launch-settings';

export type LaunchSettings = Record<string, unknown>;

/** An assembly file name, by its extension (GNU as: .S, .s; also .asm). */
export function isAssemblyPath(p: string): boolean {
  return /\.(S|s|asm)$/.test(p);
}

/** A C source the debugger builds before it debugs it (c-build.ts's build: -g -O0 -static). */
export function isCSource(p: string, languageId?: string): boolean {
  return /\.c$/.test(p) || (languageId === 'c' && !/\.h$/.test(p));
}

/**
 * A configuration whose `program` is a C source (a dynamic one, or launch.json's `${file}` on a .c
 * file): the source to build first; the program built replaces it (`withBuiltProgram`).
 */
export function cSourceToBuild(c: LaunchSettings): string | undefined {
  return typeof c.program === 'string' && /\.c$/.test(c.program) ? c.program : undefined;
}

/** The configuration with the program the build of its C source wrote (its other settings kept). */
export function withBuiltProgram(c: LaunchSettings, built: LaunchSettings): LaunchSettings {
  return { ...c, program: built.program };
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
export function configForActiveFile(
  activePath: string | undefined,
  languageId: string | undefined,
  text?: string,
): LaunchSettings | undefined {
  if (!activePath) return undefined;
  const base = { type: DEBUG_TYPE, request: 'launch', cpu: 'power10', kernel: '6.6', stopOnEntry: true };
  const name = activePath.split(/[\\/]/).pop() ?? activePath;
  if (languageId === 'ppc-asm' || isAssemblyPath(activePath))
    return { ...base, name: `Debug ${name}`, program: activePath };
  // (built when the session starts: the provider runs the build task, then debugs its output)
  if (isCSource(activePath, languageId)) return { ...base, name: `Build and debug ${name}`, program: activePath };
  if (isScenarioPath(activePath) && (text === undefined || looksLikeScenario(text)))
    return { ...base, name: `Scenario ${name}`, scenario: activePath };
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
export function dynamicConfigs(
  docs: readonly OpenDoc[],
  folders: readonly string[],
  folder: string | undefined,
): LaunchSettings[] {
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

/**
 * Problems in a configuration, each a sentence for a person; empty when it can be launched. The
 * adapter's checks (contract/launch-settings.ts), and what only makes sense before a launch, in the
 * editor: a setting with no effect, a counter on a CPU the configuration's machine does not have.
 */
export function checkLaunchSettings(c: LaunchSettings): string[] {
  const errs = checkSettings(c).problems;
  if (c.dawrForceEnable === true && c.cpu !== undefined && c.cpu !== 'power9') {
    errs.push('"dawrForceEnable" only means something on power9 (set "cpu": "power9" or remove it).');
  }
  if (Array.isArray(c.perf)) {
    const cpus = isInt(c.cpus) ? c.cpus : 1;
    c.perf.forEach((p: unknown, i) => {
      const cpu = typeof p === 'object' && p !== null ? (p as Record<string, unknown>).cpu : undefined;
      if (isInt(cpu) && cpu >= cpus) {
        errs.push(
          `perf[${i}].cpu is ${cpu} but the machine has ${cpus} CPU${cpus > 1 ? 's' : ''} (cpu0..cpu${cpus - 1}).`,
        );
      }
    });
  }
  return errs;
}
