// Where the debug adapter runs: inside the extension host (default, fastest) or as its own Node
// process over stdio (setting ppcWatchpointLab.adapterMode = "process").
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { DEBUG_TYPE } from './launch-config';

type SessionClass = new () => vscode.DebugAdapter;

/** The adapter's session class, or the reason it cannot be loaded (the adapter is another bundle part). */
function loadSessionClass(): SessionClass | string {
  try {
    // A require in a try: the bundle builds even while debug-adapter/session.ts does not exist yet.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('../debug-adapter/session') as { WatchpointDebugSession?: unknown };
    if (typeof m.WatchpointDebugSession === 'function') return m.WatchpointDebugSession as SessionClass;
    return 'the debug adapter module has no WatchpointDebugSession';
  } catch (e) {
    return `the debug adapter is not part of this build (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
}

export type AdapterMode = 'inline' | 'process';

export function adapterMode(): AdapterMode {
  return vscode.workspace.getConfiguration('ppcWatchpointLab').get<string>('adapterMode') === 'process'
    ? 'process'
    : 'inline';
}

export class AdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly context: vscode.ExtensionContext) {}

  createDebugAdapterDescriptor(): vscode.ProviderResult<vscode.DebugAdapterDescriptor> {
    if (adapterMode() === 'process') {
      const adapterJs = this.context.asAbsolutePath('dist/adapter.js');
      if (!existsSync(adapterJs))
        throw new Error(
          `PowerPC Watchpoint Lab: ${adapterJs} is missing; run "npm run build" or set ` +
            `ppcWatchpointLab.adapterMode to "inline".`,
        );
      return new vscode.DebugAdapterExecutable(process.execPath, [adapterJs], { env: { ELECTRON_RUN_AS_NODE: '1' } });
    }
    const Session = loadSessionClass();
    if (typeof Session === 'string') throw new Error(`PowerPC Watchpoint Lab cannot start: ${Session}.`);
    return new vscode.DebugAdapterInlineImplementation(new Session());
  }
}

export function registerAdapterFactory(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, new AdapterFactory(context)),
  );
}
