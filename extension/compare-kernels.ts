// "Compare kernel 6.5 and 6.6": wplab compare on the scenario of the active session, opened beside the
// editor as a read-only document titled after the scenario (never an Untitled file that asks to be
// saved). The machine the session runs is not touched: the scenario is run twice more, from its
// start, under each policy, by the adapter.
import * as vscode from 'vscode';
import { REQUEST_COMPARE } from '../debug-adapter/panel-protocol';

export const COMPARE_COMMAND = 'ppcWatchpointLab.compareKernels';
/** the read-only documents' scheme: `ppc-wplab-compare:/same_watch_addr.yaml - kernel 6.5 vs 6.6` */
export const COMPARE_SCHEME = 'ppc-wplab-compare';

/** The comparisons made so far, by document URI (their text is the document's content). */
class CompareDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This comparison is gone: run "Compare Kernel 6.5 and 6.6" again.';
  }

  set(uri: vscode.Uri, text: string): void {
    const had = this.texts.has(uri.toString());
    this.texts.set(uri.toString(), text);
    if (had) this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const documents = new CompareDocuments();

/** The document's URI for a scenario: its tab reads `same_watch_addr.yaml: kernel 6.5 vs 6.6`. */
export function compareUri(scenarioPath: string): vscode.Uri {
  const name = scenarioPath.split(/[\\/]/).pop() || 'scenario';
  return vscode.Uri.from({
    scheme: COMPARE_SCHEME,
    path: `/${name}: kernel 6.5 vs 6.6`,
    query: `of=${encodeURIComponent(scenarioPath)}`,
  });
}

/** Returns the comparison's text (for tests), or undefined after telling the user why not. */
export async function compareKernels(): Promise<string | undefined> {
  const s = vscode.debug.activeDebugSession;
  if (!s || s.type !== 'ppc-watchpoint') {
    void vscode.window.showWarningMessage(
      'Compare kernel 6.5 and 6.6: start a PowerPC Watchpoint Lab session from a scenario file first.',
    );
    return undefined;
  }
  let text: unknown;
  try {
    text = ((await s.customRequest(REQUEST_COMPARE)) as { text?: unknown } | undefined)?.text;
  } catch (e) {
    void vscode.window.showWarningMessage(`Compare kernel 6.5 and 6.6: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (typeof text !== 'string') {
    void vscode.window.showWarningMessage('Compare kernel 6.5 and 6.6: the adapter gave no comparison.');
    return undefined;
  }
  const scenario = typeof s.configuration.scenario === 'string' ? s.configuration.scenario : s.name;
  const uri = compareUri(scenario);
  documents.set(uri, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, {
    viewColumn: vscode.ViewColumn.Beside,
    preview: true,
    preserveFocus: true,
  });
  return text;
}

/** Context key: the active debug session was launched from a scenario (the command applies). */
export const SCENARIO_SESSION_KEY = 'ppcWatchpointLab.scenarioSession';

function isScenarioSession(s: vscode.DebugSession | undefined): boolean {
  return s?.type === 'ppc-watchpoint' && typeof s.configuration.scenario === 'string';
}

export function registerCompareKernels(context: vscode.ExtensionContext): void {
  const update = (s: vscode.DebugSession | undefined) =>
    void vscode.commands.executeCommand('setContext', SCENARIO_SESSION_KEY, isScenarioSession(s));
  context.subscriptions.push(
    documents,
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, documents),
    vscode.commands.registerCommand(COMPARE_COMMAND, compareKernels),
    vscode.debug.onDidChangeActiveDebugSession(update),
  );
  update(vscode.debug.activeDebugSession);
}
