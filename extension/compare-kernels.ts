// "Compare kernel 6.5 and 6.6": wplab compare on the scenario of the active session, its text opened
// beside the editor. The machine the session runs is not touched: the scenario is run twice more,
// from its start, under each policy, by the adapter.
import * as vscode from 'vscode';
import { REQUEST_COMPARE } from '../debug-adapter/panel-protocol';

export const COMPARE_COMMAND = 'ppcWatchpointLab.compareKernels';

/** Returns the comparison's text (for tests), or undefined after telling the user why not. */
export async function compareKernels(): Promise<string | undefined> {
  const s = vscode.debug.activeDebugSession;
  if (!s || s.type !== 'ppc-watchpoint') {
    void vscode.window.showWarningMessage('Compare kernel 6.5 and 6.6: start a PowerPC Watchpoint Lab session from a scenario file first.');
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
  const doc = await vscode.workspace.openTextDocument({ content: text, language: 'plaintext' });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  return text;
}

/** Context key: the active debug session was launched from a scenario (the command applies). */
export const SCENARIO_SESSION_KEY = 'ppcWatchpointLab.scenarioSession';

function isScenarioSession(s: vscode.DebugSession | undefined): boolean {
  return s?.type === 'ppc-watchpoint' && typeof s.configuration.scenario === 'string';
}

export function registerCompareKernels(context: vscode.ExtensionContext): void {
  const update = (s: vscode.DebugSession | undefined) => void vscode.commands.executeCommand('setContext', SCENARIO_SESSION_KEY, isScenarioSession(s));
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPARE_COMMAND, compareKernels),
    vscode.debug.onDidChangeActiveDebugSession(update),
  );
  update(vscode.debug.activeDebugSession);
}
