// Entry point: registers the debugger (configurations, adapter), the panel, the gutter markers, the
// data-line actions and assembler diagnostics. Returns a small API used by the extension tests.
import * as vscode from 'vscode';
import { registerAdapterFactory } from './adapter-factory';
import { registerCBuild } from './c-build-task';
import { registerCompareKernels } from './compare-kernels';
import { registerConfigProviders } from './config-provider';
import { registerDapTrace } from './dap-trace';
import { registerDataLineActions } from './data-line-actions';
import { registerDiagnostics } from './diagnostics';
import { Gutter } from './gutter';
import { registerExportTrace } from './export-trace';
import { DEBUG_TYPE } from './launch-config';
import { PANEL_VIEW_ID, registerPanel, type PanelViewProvider } from './panel-view';

const PANEL_SHOWN_KEY = 'ppcWatchpointLab.panelShownOnce';

export interface ExtensionApi {
  gutter: Gutter;
  panel: PanelViewProvider;
  diagnostics: vscode.DiagnosticCollection;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = vscode.window.createOutputChannel('PowerPC Watchpoint Lab');
  context.subscriptions.push(log);
  registerConfigProviders(context);
  registerCBuild(context);
  registerAdapterFactory(context);
  registerDapTrace(context);
  const diagnostics = registerDiagnostics(context);
  const panel = registerPanel(context, log);
  const gutter = new Gutter(context);
  context.subscriptions.push(
    gutter,
    vscode.commands.registerCommand('ppcWatchpointLab.clearMarkers', () => gutter.clear()),
  );
  registerDataLineActions(context);
  registerCompareKernels(context);
  registerExportTrace(context);
  // VS Code shows a view contributed to Run and Debug collapsed at first: the first session opens it
  // (once: a person who collapses it afterwards keeps it so)
  context.subscriptions.push(
    vscode.debug.onDidStartDebugSession((s) => {
      if (s.type !== DEBUG_TYPE || context.globalState.get<boolean>(PANEL_SHOWN_KEY)) return;
      void context.globalState.update(PANEL_SHOWN_KEY, true);
      void vscode.commands.executeCommand(`${PANEL_VIEW_ID}.focus`);
    }),
  );
  return { gutter, panel, diagnostics };
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
