// Watch and count actions on data definition lines (labels in .data/.bss): CodeLenses above them and
// editor context-menu commands. Extensions cannot create data breakpoints through the API, so the
// watch goes through the adapter (custom request `wplab.watch`) while a session runs, and otherwise
// becomes a source breakpoint on the data line, which the adapter turns into a watchpoint on launch.
import * as vscode from 'vscode';
import { REQUEST_WATCH } from '../debug-adapter/panel-protocol';
import { findDataLines, type DataLine } from './data-lines';
import { DEBUG_TYPE } from './launch-config';

export type WatchKind = 'r' | 'w' | 'rw' | 'perf';

/** The arguments of `wplab.watch` as this extension sends them. */
export interface WatchArgs {
  symbol: string;
  len: number;
  type: 'r' | 'w' | 'rw';
  /** ptrace: a watchpoint (the task stops); perf: a counting perf event */
  mode: 'ptrace' | 'perf';
  source: { path: string; line: number };
}

export interface WatchOutcome {
  via: 'adapter' | 'source-breakpoint' | 'none';
  ok: boolean;
  message: string;
}

const COMMANDS: Array<[string, WatchKind, string]> = [
  ['ppcWatchpointLab.watchRead', 'r', 'Watch read'],
  ['ppcWatchpointLab.watchWrite', 'w', 'Watch write'],
  ['ppcWatchpointLab.watchAccess', 'rw', 'Watch access'],
  ['ppcWatchpointLab.countWithPerf', 'perf', 'Count with perf'],
];

class DataLineLenses implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  refresh(): void { this.changed.fire(); }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('ppcWatchpointLab').get<boolean>('dataLineCodeLens', true)) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const d of findDataLines(doc.getText())) {
      const range = new vscode.Range(d.line - 1, 0, d.line - 1, 0);
      for (const [command, kind, title] of COMMANDS) {
        lenses.push(new vscode.CodeLens(range, { command, title, tooltip: tooltip(kind, d), arguments: [doc.uri, d.line] }));
      }
    }
    return lenses;
  }
}

function tooltip(kind: WatchKind, d: DataLine): string {
  const what = `${d.symbol} (${d.len} byte${d.len > 1 ? 's' : ''})`;
  switch (kind) {
    case 'r': return `ptrace watchpoint on reads of ${what}: the task stops before the load executes`;
    case 'w': return `ptrace watchpoint on writes to ${what}: the task stops before the store executes`;
    case 'rw': return `ptrace watchpoint on every access to ${what}`;
    case 'perf': return `perf hardware breakpoint event counting accesses to ${what} (counted after execute, no stop)`;
  }
}

/** Runs one watch action on `line` (1-based) of `uri`: through the adapter, else a source breakpoint. */
export async function watchDataLine(uri: vscode.Uri, line: number, kind: WatchKind): Promise<WatchOutcome> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const d = findDataLines(doc.getText()).find((x) => x.line === line);
  if (!d) return { via: 'none', ok: false, message: `Line ${line} defines no data: put the cursor on a label in .data or .bss.` };
  const session = vscode.debug.activeDebugSession?.type === DEBUG_TYPE ? vscode.debug.activeDebugSession : undefined;
  if (session) {
    const args: WatchArgs = { symbol: d.symbol, len: d.len, type: kind === 'perf' ? 'rw' : kind, mode: kind === 'perf' ? 'perf' : 'ptrace', source: { path: uri.fsPath, line } };
    try {
      const r = (await session.customRequest(REQUEST_WATCH, args)) as { ok?: unknown; message?: unknown; error?: unknown } | undefined;
      if (r && r.ok === false) {
        const why = [r.error, r.message].filter((x) => typeof x === 'string').join(': ');
        return { via: 'adapter', ok: false, message: `Cannot watch ${d.symbol}: ${why || 'refused by the adapter'}` };
      }
      const said = r && typeof r.message === 'string' ? ` (${r.message})` : '';
      return { via: 'adapter', ok: true, message: `${kind === 'perf' ? 'Counting' : 'Watching'} ${d.symbol}${said}.` };
    } catch (e) {
      return { via: 'adapter', ok: false, message: `Cannot watch ${d.symbol}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  if (kind === 'perf') {
    return { via: 'none', ok: false, message: `Start a debug session to count ${d.symbol} with perf, or declare it in launch.json: "perf": [{ "name": "${d.symbol}", "symbol": "${d.symbol}", "len": ${d.len}, "type": "rw" }].` };
  }
  // no session: a source breakpoint on the data line becomes a watchpoint when the program is launched
  const loc = new vscode.Location(uri, new vscode.Position(line - 1, 0));
  const exists = vscode.debug.breakpoints.some((b) => b instanceof vscode.SourceBreakpoint && b.location.uri.toString() === uri.toString() && b.location.range.start.line === line - 1);
  if (!exists) vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(loc, true)]);
  return { via: 'source-breakpoint', ok: true, message: `Breakpoint on the definition of ${d.symbol}: it becomes a watchpoint when the program starts (choose read / write / access with Edit Breakpoint Mode).` };
}

export function registerDataLineActions(context: vscode.ExtensionContext): void {
  const lenses = new DataLineLenses();
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ language: 'ppc-asm' }, lenses),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('ppcWatchpointLab.dataLineCodeLens')) lenses.refresh(); }),
  );
  for (const [command, kind] of COMMANDS) {
    context.subscriptions.push(vscode.commands.registerCommand(command, async (uri?: unknown, line?: unknown) => {
      const ed = vscode.window.activeTextEditor;
      const target = uri instanceof vscode.Uri ? uri : ed?.document.uri;
      const ln = typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : ed ? ed.selection.active.line + 1 : undefined;
      if (!target || ln === undefined) {
        void vscode.window.showInformationMessage('Open a PowerPC assembly file and put the cursor on a data definition.');
        return { via: 'none', ok: false, message: 'no editor' } satisfies WatchOutcome;
      }
      const out = await watchDataLine(target, ln, kind);
      if (out.ok) void vscode.window.setStatusBarMessage(out.message, 5000);
      else void vscode.window.showWarningMessage(out.message);
      return out;
    }));
  }
}
