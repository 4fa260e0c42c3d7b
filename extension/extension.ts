// Entry point: registers the debugger (configurations, adapter), the panel, the gutter markers, the
// data-line actions and assembler diagnostics. Returns a small API used by the extension tests.
import * as vscode from 'vscode';
import { registerAdapterFactory } from './adapter-factory';
import { registerCompareKernels } from './compare-kernels';
import { registerConfigProviders } from './config-provider';
import { registerDapTrace } from './dap-trace';
import { registerDataLineActions } from './data-line-actions';
import { registerDiagnostics } from './diagnostics';
import { Gutter } from './gutter';
import { registerPanel, type PanelViewProvider } from './panel-view';

export interface ExtensionApi {
  gutter: Gutter;
  panel: PanelViewProvider;
  diagnostics: vscode.DiagnosticCollection;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('PowerPC Watchpoint Lab');
  context.subscriptions.push(log);
  registerConfigProviders(context);
  registerAdapterFactory(context);
  registerDapTrace(context);
  const diagnostics = registerDiagnostics(context);
  const panel = registerPanel(context, log);
  const gutter = new Gutter(context);
  context.subscriptions.push(gutter, vscode.commands.registerCommand('ppcWatchpointLab.clearMarkers', () => gutter.clear()));
  registerDataLineActions(context);
  registerCompareKernels(context);
  return { gutter, panel, diagnostics };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
