// Debug configurations: the initial launch.json entry, F5 on an open .S file with no launch.json,
// the dynamic "debug this file" entries, and the checks of every configuration before it starts.
import * as vscode from 'vscode';
import { DEBUG_TYPE, checkLaunchSettings, configForActiveFile, unknownSettings } from './launch-config';

export class ConfigProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return [{ type: DEBUG_TYPE, request: 'launch', name: 'Debug PowerPC assembly', program: '${file}', cpu: 'power10', kernel: '6.6', stopOnEntry: true }];
  }

  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.ProviderResult<vscode.DebugConfiguration> {
    // F5 with no launch.json: VS Code passes an empty configuration
    if (!config.type && !config.request && !config.name) {
      const doc = vscode.window.activeTextEditor?.document;
      const filled = configForActiveFile(doc?.uri.scheme === 'file' || doc?.uri.scheme === 'vscode-remote' ? doc.uri.fsPath : doc?.uri.path, doc?.languageId);
      if (!filled) {
        void vscode.window.showInformationMessage('Open a PowerPC assembly file (.S, .s, .asm) or a scenario file (.yaml), then press F5 to debug it.');
        return undefined; // abort quietly
      }
      return filled as vscode.DebugConfiguration;
    }
    return config;
  }

  resolveDebugConfigurationWithSubstitutedVariables(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.ProviderResult<vscode.DebugConfiguration> {
    // every launch passes here (F5 without launch.json too): the trust check belongs here
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage('PowerPC Watchpoint Lab: debugging needs a trusted workspace (it reads and runs the files the configuration names).');
      return undefined;
    }
    const errs = checkLaunchSettings(config);
    if (errs.length) {
      void vscode.window.showErrorMessage(`Cannot start "${config.name ?? 'PowerPC Watchpoint Lab'}": ${errs.join(' ')}`, { modal: false });
      return undefined;
    }
    const unknown = unknownSettings(config);
    if (unknown.length) void vscode.window.showWarningMessage(`PowerPC Watchpoint Lab ignores unknown launch setting${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.`);
    return config;
  }
}

/** "Debug: Select and Start Debugging" lists the open assembly file without any launch.json. */
export class DynamicConfigProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    const out: vscode.DebugConfiguration[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      const c = configForActiveFile(doc.uri.fsPath, doc.languageId);
      if (c && !doc.isUntitled) out.push(c as vscode.DebugConfiguration);
    }
    return out;
  }
}

export function registerConfigProviders(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new ConfigProvider()),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new DynamicConfigProvider(), vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.commands.registerCommand('ppcWatchpointLab.debugFile', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      const c = doc && configForActiveFile(doc.uri.fsPath, doc.languageId);
      if (!c) {
        void vscode.window.showInformationMessage('Open a PowerPC assembly file (.S, .s, .asm) to debug it.');
        return false;
      }
      if (doc.isDirty) await doc.save();
      return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(doc.uri), c as vscode.DebugConfiguration);
    }),
  );
}
