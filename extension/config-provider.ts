// Debug configurations: F5 on an open .S file or scenario with no launch.json, the dynamic "debug
// this file" entries, the editor's debug button, and the checks of every configuration before it
// starts. The launch.json a person creates gets package.json's initialConfigurations, once: this
// provider gives no initial configurations of its own (VS Code would write both).
import * as vscode from 'vscode';
import { buildCForDebug } from './c-build-task';
import { isCSourcePath } from './c-build';
import {
  DEBUG_TYPE,
  checkLaunchSettings,
  configForActiveFile,
  cSourceToBuild,
  dynamicConfigs,
  isScenarioPath,
  looksLikeScenario,
  unknownSettings,
  withBuiltProgram,
} from './launch-config';

/** Context key: the active editor holds a scenario file (the editor's debug button shows for it). */
export const SCENARIO_EDITOR_KEY = 'ppcWatchpointLab.scenarioEditor';

const NOTHING_TO_DEBUG =
  'Open a PowerPC assembly file (.S, .s, .asm), a C file (.c) or a scenario file (.yaml with tasks and steps), ' +
  'then press F5 to debug it.';

function pathOf(doc: vscode.TextDocument): string {
  return doc.uri.scheme === 'file' || doc.uri.scheme === 'vscode-remote' ? doc.uri.fsPath : doc.uri.path;
}

/** A C source: F5 builds it first (with the build task) and debugs the program it gives. */
export function isCDocument(doc: vscode.TextDocument | undefined): boolean {
  return !!doc && (doc.languageId === 'c' || isCSourcePath(pathOf(doc))) && !doc.isUntitled;
}

/** The configuration that debugs this document, if it is a program or a scenario. */
export function configForDocument(doc: vscode.TextDocument | undefined): vscode.DebugConfiguration | undefined {
  if (!doc) return undefined;
  return configForActiveFile(pathOf(doc), doc.languageId, isScenarioPath(pathOf(doc)) ? doc.getText() : undefined) as
    vscode.DebugConfiguration | undefined;
}

export class ConfigProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.ProviderResult<vscode.DebugConfiguration> {
    // F5 with no launch.json: VS Code passes an empty configuration
    if (!config.type && !config.request && !config.name) {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && isCDocument(doc)) return buildCForDebug(doc);
      const filled = configForDocument(doc);
      if (!filled) {
        const yaml = doc && isScenarioPath(pathOf(doc));
        void vscode.window.showInformationMessage(
          yaml
            ? `${pathOf(doc).split(/[\\/]/).pop()} is not a PowerPC Watchpoint Lab scenario (a ` +
                `scenario has top-level "tasks:" and "steps:").`
            : NOTHING_TO_DEBUG,
        );
        return undefined; // abort quietly
      }
      return filled;
    }
    return config;
  }

  async resolveDebugConfigurationWithSubstitutedVariables(
    _folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): Promise<vscode.DebugConfiguration | undefined> {
    // every launch passes here (F5 without launch.json too): the trust check belongs here
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(
        'PowerPC Watchpoint Lab: debugging needs a trusted workspace (it reads and runs the ' +
          'files the configuration names).',
      );
      return undefined;
    }
    // a C source as the program ("Select and Start Debugging" on a .c file, or ${file}): built first
    const source = cSourceToBuild(config);
    if (source) {
      const built = await buildCForDebug(await vscode.workspace.openTextDocument(vscode.Uri.file(source)));
      if (!built) return undefined;
      config = withBuiltProgram(config, built) as vscode.DebugConfiguration;
    }
    const errs = checkLaunchSettings(config);
    if (errs.length) {
      void vscode.window.showErrorMessage(
        `Cannot start "${config.name ?? 'PowerPC Watchpoint Lab'}": ${errs.join(' ')}`,
        { modal: false },
      );
      return undefined;
    }
    const unknown = unknownSettings(config);
    if (unknown.length)
      void vscode.window.showWarningMessage(
        `PowerPC Watchpoint Lab ignores unknown launch ` +
          `setting${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}.`,
      );
    return config;
  }
}

/** "Debug: Select and Start Debugging" lists the open programs, C files and scenarios without any launch.json. */
export class DynamicConfigProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    const docs = vscode.workspace.textDocuments
      .filter((d) => d.uri.scheme === 'file' || d.uri.scheme === 'vscode-remote')
      .map((d) => ({
        path: d.uri.fsPath,
        languageId: d.languageId,
        text: isScenarioPath(d.uri.fsPath) ? d.getText() : '',
        untitled: d.isUntitled,
      }));
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    return dynamicConfigs(docs, folders, folder?.uri.fsPath) as vscode.DebugConfiguration[];
  }
}

export function registerConfigProviders(context: vscode.ExtensionContext): void {
  const updateKey = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const scenario = !!doc && isScenarioPath(pathOf(doc)) && looksLikeScenario(doc.getText());
    void vscode.commands.executeCommand('setContext', SCENARIO_EDITOR_KEY, scenario);
  };
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, new ConfigProvider()),
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      new DynamicConfigProvider(),
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.window.onDidChangeActiveTextEditor(updateKey),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) updateKey();
    }),
    vscode.commands.registerCommand('ppcWatchpointLab.debugFile', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (doc && isCDocument(doc)) {
        const built = await buildCForDebug(doc);
        return built ? vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(doc.uri), built) : false;
      }
      const c = configForDocument(doc);
      if (!doc || !c) {
        void vscode.window.showInformationMessage(NOTHING_TO_DEBUG);
        return false;
      }
      if (doc.isDirty) await doc.save();
      return vscode.debug.startDebugging(vscode.workspace.getWorkspaceFolder(doc.uri), c);
    }),
  );
  updateKey();
}
