// "Export Trace" (the panel's action and the command palette): the debug session so far as Chrome
// trace-event JSON that Perfetto and chrome://tracing open. The adapter writes the file (it holds
// the decision log, up to a million decisions, and the slot history); the extension asks where.
import * as vscode from 'vscode';
import { REQUEST_EXPORT_TRACE } from '../debug-adapter/panel-protocol';
import { DEBUG_TYPE } from './launch-config';
import { EXPORT_TRACE_COMMAND } from './panel-view';

function sourceOf(s: vscode.DebugSession): string | undefined {
  const c = s.configuration;
  return typeof c.scenario === 'string' ? c.scenario : typeof c.program === 'string' ? c.program : undefined;
}

/** Writes the trace of the active session to `target` (or where the person says); returns the path. */
export async function exportTrace(target?: vscode.Uri | string): Promise<string | undefined> {
  const s = vscode.debug.activeDebugSession;
  if (!s || s.type !== DEBUG_TYPE) {
    void vscode.window.showWarningMessage(
      'Export Trace: start a PowerPC Watchpoint Lab session first (the trace is of the running session).',
    );
    return undefined;
  }
  let path = typeof target === 'string' ? target : target instanceof vscode.Uri ? target.fsPath : undefined;
  if (!path) {
    const src = sourceOf(s);
    const dir = src ? vscode.Uri.file(src.replace(/[\\/][^\\/]*$/, '')) : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${
      (src ?? s.name)
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.[^.]*$/, '') ?? 'session'
    }.trace.json`;
    const uri = await vscode.window.showSaveDialog({
      defaultUri: dir ? vscode.Uri.joinPath(dir, name) : undefined,
      filters: { 'Chrome trace (JSON)': ['json'] },
      saveLabel: 'Export Trace',
      title: 'Export the session as a Chrome trace (Perfetto, chrome://tracing)',
    });
    if (!uri) return undefined;
    path = uri.fsPath;
  }
  let events = 0;
  try {
    const r = (await s.customRequest(REQUEST_EXPORT_TRACE, { path })) as { events?: unknown } | undefined;
    events = typeof r?.events === 'number' ? r.events : 0;
  } catch (e) {
    void vscode.window.showErrorMessage(`Export Trace: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  void vscode.window.showInformationMessage(
    `Trace of "${s.name}" written to ${path} (${events.toLocaleString('en-US')} events). Open it in Perfetto or chrome://tracing: one microsecond there is one instruction.`,
  );
  return path;
}

export function registerExportTrace(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_TRACE_COMMAND, (target?: vscode.Uri | string) => exportTrace(target)),
  );
}
