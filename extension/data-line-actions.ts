// Watch and count actions on data definition lines (labels in .data/.bss): CodeLenses above them and
// editor context-menu commands. Each one is a breakpoint on the data line with a breakpoint mode
// (Watch writes, Watch reads, Watch access, Count with perf), which the adapter turns into a ptrace
// watchpoint or a perf counter: so every watch a person sets is in the Breakpoints view, with
// enable, disable and remove, and in a session it is set at once (VS Code sends the file's
// breakpoints to the adapter), its refusal shown grey with the kernel's reason.
import * as vscode from 'vscode';
import { EVENT_WATCHES, REQUEST_WATCH_LIST, type WatchesEvent, type WatchInfo } from '../debug-adapter/panel-protocol';
import { findCGlobals } from './c-globals';
import { findDataLines, type DataLine } from './data-lines';
import { pathKey } from './gutter-model';
import { DEBUG_TYPE } from './launch-config';
import { refusalText } from './panel-messages';

export type WatchKind = 'r' | 'w' | 'rw' | 'perf';

/** The breakpoint mode of each action (the adapter's breakpointModes). */
export const MODE_OF: Record<WatchKind, string> = { r: 'read', w: 'write', rw: 'access', perf: 'perf' };
const MODE_WORDS: Record<string, string> = {
  read: 'a watchpoint on reads',
  write: 'a watchpoint on writes',
  access: 'a watchpoint on every access',
  perf: 'a perf counter',
};

export interface WatchOutcome {
  /** breakpoint: a breakpoint on the data line (with its mode); none: nothing was done */
  via: 'breakpoint' | 'none';
  ok: boolean;
  message: string;
  /** the adapter's word on it, in a session */
  watch?: WatchInfo;
}

/** A source breakpoint's mode (VS Code keeps it on the object; the 1.100 typings do not name it). */
export function modeOf(b: vscode.Breakpoint): string | undefined {
  return (b as vscode.Breakpoint & { mode?: string }).mode;
}

/** new SourceBreakpoint(location, enabled, condition, hitCondition, logMessage, mode) */
function sourceBreakpoint(loc: vscode.Location, mode: string): vscode.SourceBreakpoint {
  const Ctor = vscode.SourceBreakpoint as unknown as new (
    l: vscode.Location,
    enabled?: boolean,
    condition?: string,
    hitCondition?: string,
    logMessage?: string,
    mode?: string,
  ) => vscode.SourceBreakpoint;
  return new Ctor(loc, true, undefined, undefined, undefined, mode);
}

const COMMANDS: Array<[string, WatchKind, string]> = [
  ['ppcWatchpointLab.watchRead', 'r', 'Watch read'],
  ['ppcWatchpointLab.watchWrite', 'w', 'Watch write'],
  ['ppcWatchpointLab.watchAccess', 'rw', 'Watch access'],
  ['ppcWatchpointLab.countWithPerf', 'perf', 'Count with perf'],
];

/** The data lines of a document: labels in .data/.bss in assembly, file-scope variables in C. */
export function dataLinesOf(doc: vscode.TextDocument): DataLine[] {
  return doc.languageId === 'c' || /\.[ch]$/.test(doc.uri.path)
    ? findCGlobals(doc.getText())
    : findDataLines(doc.getText());
}

class DataLineLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('ppcWatchpointLab').get<boolean>('dataLineCodeLens', true)) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const d of dataLinesOf(doc)) {
      const range = new vscode.Range(d.line - 1, 0, d.line - 1, 0);
      for (const [command, kind, title] of COMMANDS) {
        lenses.push(
          new vscode.CodeLens(range, { command, title, tooltip: tooltip(kind, d), arguments: [doc.uri, d.line] }),
        );
      }
    }
    return lenses;
  }
}

function tooltip(kind: WatchKind, d: DataLine): string {
  // (a C struct's size is the adapter's to know: DWARF)
  const what = d.len > 0 ? `${d.symbol} (${d.len} byte${d.len > 1 ? 's' : ''})` : d.symbol;
  switch (kind) {
    case 'r':
      return `ptrace watchpoint on reads of ${what}: the task stops before the load executes`;
    case 'w':
      return `ptrace watchpoint on writes to ${what}: the task stops before the store executes`;
    case 'rw':
      return `ptrace watchpoint on every access to ${what}`;
    case 'perf':
      return `perf hardware breakpoint event counting accesses to ${what} (counted after execute, no stop)`;
  }
}

/** The breakpoint on this data line with this mode, if VS Code has one. */
export function dataLineBreakpoint(uri: vscode.Uri, line: number, mode: string): vscode.SourceBreakpoint | undefined {
  return vscode.debug.breakpoints.find(
    (b): b is vscode.SourceBreakpoint =>
      b instanceof vscode.SourceBreakpoint &&
      b.location.uri.toString() === uri.toString() &&
      b.location.range.start.line === line - 1 &&
      (modeOf(b) ?? 'write') === mode,
  );
}

/**
 * The adapter's word on the watch of this line and mode: the next watch list it sends (it sends one
 * after every setBreakpoints), or its list now when nothing is to be sent. Undefined when the
 * adapter made no watch of it (the file is not the session's program).
 */
function adapterWord(
  session: vscode.DebugSession,
  path: string,
  line: number,
  mode: string,
  pending: boolean,
): Promise<WatchInfo | undefined> {
  const mine = (ws: WatchInfo[]) =>
    ws.find(
      (w) => w.source && pathKey(w.source.path) === pathKey(path) && w.source.line === line && w.source.mode === mode,
    );
  if (!pending) {
    return Promise.resolve(session.customRequest(REQUEST_WATCH_LIST)).then(
      (r) => mine((r as WatchesEvent | undefined)?.watches ?? []),
      () => undefined,
    );
  }
  return new Promise((resolve) => {
    const done = (w: WatchInfo | undefined) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(w);
    };
    const sub = vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
      if (e.session.id !== session.id || e.event !== EVENT_WATCHES) return;
      const body = e.body as WatchesEvent | undefined;
      if (!body || !Array.isArray(body.watches)) return;
      const w = mine(body.watches);
      // the answer to the breakpoints of this file that include ours: its watch, or none (the line
      // is not a data line of the session's program); an earlier answer for the file is not it
      const answers =
        typeof body.file === 'string' &&
        pathKey(body.file) === pathKey(path) &&
        Array.isArray(body.requested) &&
        body.requested.some((r) => r.line === line && r.mode === mode);
      if (w || answers) done(w);
    });
    // a session that never answers (an old adapter) does not hold the command forever
    const timer = setTimeout(() => done(undefined), 10_000);
  });
}

/** Runs one watch action on `line` (1-based) of `uri`: a breakpoint with the action's mode on the data line. */
export async function watchDataLine(uri: vscode.Uri, line: number, kind: WatchKind): Promise<WatchOutcome> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const d = dataLinesOf(doc).find((x) => x.line === line);
  if (!d)
    return {
      via: 'none',
      ok: false,
      message:
        doc.languageId === 'c'
          ? `Line ${line} defines no global variable: put the cursor on a file-scope variable's definition.`
          : `Line ${line} defines no data: put the cursor on a label in .data or .bss.`,
    };
  const mode = MODE_OF[kind];
  const session = vscode.debug.activeDebugSession?.type === DEBUG_TYPE ? vscode.debug.activeDebugSession : undefined;
  const existing = dataLineBreakpoint(uri, line, mode);
  const pending = !existing || !existing.enabled;
  // listen before VS Code sends the breakpoints
  const word = session ? adapterWord(session, uri.fsPath, line, mode, pending) : undefined;
  if (pending) {
    if (existing) vscode.debug.removeBreakpoints([existing]);
    // VS Code keeps one breakpoint per line and column: a second mode on the line (a ptrace watch
    // and a perf count of one variable) takes the next column (the adapter reads only the line)
    const used = new Set(
      vscode.debug.breakpoints
        .filter(
          (b): b is vscode.SourceBreakpoint =>
            b instanceof vscode.SourceBreakpoint &&
            b.location.uri.toString() === uri.toString() &&
            b.location.range.start.line === line - 1,
        )
        .map((b) => b.location.range.start.character),
    );
    let col = 0;
    while (used.has(col)) col++;
    vscode.debug.addBreakpoints([sourceBreakpoint(new vscode.Location(uri, new vscode.Position(line - 1, col)), mode)]);
  }
  const what = `${MODE_WORDS[mode]} on ${d.symbol}`;
  if (!word)
    return {
      via: 'breakpoint',
      ok: true,
      message:
        `Breakpoint on the definition of ${d.symbol} (${mode}): it becomes ${what} when the ` +
        `program starts; the Breakpoints view lists it.`,
    };
  const w = await word;
  if (!w)
    return {
      via: 'breakpoint',
      ok: true,
      message:
        `Breakpoint on the definition of ${d.symbol} (${mode}): it becomes ${what} when this ` + `file's program runs.`,
    };
  if (!w.verified)
    return {
      via: 'breakpoint',
      ok: false,
      message: `Cannot set ${what}: ${refusalText(undefined, w.message ?? 'refused')}`,
      watch: w,
    };
  return {
    via: 'breakpoint',
    ok: true,
    message: `${kind === 'perf' ? 'Counting' : 'Watching'} ` + `${d.symbol}${w.message ? ` (${w.message})` : ''}.`,
    watch: w,
  };
}

export function registerDataLineActions(context: vscode.ExtensionContext): void {
  const lenses = new DataLineLenses();
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider([{ language: 'ppc-asm' }, { language: 'c' }], lenses),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ppcWatchpointLab.dataLineCodeLens')) lenses.refresh();
    }),
  );
  for (const [command, kind] of COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, async (uri?: unknown, line?: unknown) => {
        const ed = vscode.window.activeTextEditor;
        const target = uri instanceof vscode.Uri ? uri : ed?.document.uri;
        const ln =
          typeof line === 'number' && Number.isInteger(line) && line > 0
            ? line
            : ed
              ? ed.selection.active.line + 1
              : undefined;
        if (!target || ln === undefined) {
          void vscode.window.showInformationMessage(
            'Open a PowerPC assembly or C file and put the cursor on a data definition (a global variable).',
          );
          return { via: 'none', ok: false, message: 'no editor' } satisfies WatchOutcome;
        }
        const out = await watchDataLine(target, ln, kind);
        if (out.ok) void vscode.window.setStatusBarMessage(out.message, 5000);
        else void vscode.window.showWarningMessage(out.message);
        return out;
      }),
    );
  }
}
