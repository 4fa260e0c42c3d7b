// A record of the Debug Adapter Protocol traffic of every session, for a developer chasing a UI
// problem: set WPLAB_DAP_TRACE to a file path in the environment VS Code (or code-server) starts
// with, and each message the editor and the adapter exchange is appended to it as one JSON line.
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';

export function registerDapTrace(context: vscode.ExtensionContext): void {
  const file = process.env.WPLAB_DAP_TRACE;
  if (!file) return;
  const start = Date.now();
  const write = (dir: string, m: unknown) => {
    try {
      appendFileSync(file, `${JSON.stringify({ t: Date.now() - start, dir, m })}\n`);
    } catch {
      /* tracing must never break a session */
    }
  };
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterTrackerFactory('ppc-watchpoint', {
      createDebugAdapterTracker: () => ({
        onWillReceiveMessage: (m: unknown) => write('to-adapter', m),
        onDidSendMessage: (m: unknown) => write('from-adapter', m),
        onError: (e: Error) => write('error', e.message),
      }),
    }),
  );
}
