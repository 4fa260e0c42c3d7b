// Assembler errors as editor diagnostics, refreshed when a PowerPC assembly file is opened or saved.
import * as vscode from 'vscode';
import type { Diagnostic, Program, Result } from '../sim/program';

type Assemble = (source: string, file: string) => Result<Program>;

function loadAssembler(): Assemble | undefined {
  try {
    // guarded: the assembler is built by another part of the project and may be absent from a build
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require('../sim/asm/assembler') as { assemble?: Assemble };
    return typeof m.assemble === 'function' ? m.assemble : undefined;
  } catch {
    return undefined;
  }
}

/** Turns the assembler's diagnostics (1-based line/col) into editor ones on the document's text. */
export function toEditorDiagnostics(doc: vscode.TextDocument, ds: readonly Diagnostic[]): vscode.Diagnostic[] {
  return ds.map((d) => {
    const line = Math.min(Math.max(d.line - 1, 0), Math.max(doc.lineCount - 1, 0));
    const text = doc.lineAt(line).text;
    const col = Math.min(Math.max(d.col - 1, 0), text.length);
    // underline the token at the column (to the next blank or comma), at least one character
    const m = /^[^\s,()]+/.exec(text.slice(col));
    const end = Math.min(text.length, col + Math.max(1, m ? m[0].length : 1));
    const diag = new vscode.Diagnostic(
      new vscode.Range(line, col, line, Math.max(end, col)),
      d.message,
      d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
    );
    diag.source = 'ppc-as';
    return diag;
  });
}

export function registerDiagnostics(context: vscode.ExtensionContext): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('ppc-asm');
  const assemble = loadAssembler();
  const enabled = () => vscode.workspace.getConfiguration('ppcWatchpointLab').get<boolean>('diagnosticsOnSave', true);
  const refresh = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'ppc-asm') return;
    if (!assemble || !enabled()) {
      collection.delete(doc.uri);
      return;
    }
    try {
      const res = assemble(doc.getText(), doc.uri.fsPath);
      const ds = res.ok ? (res.warnings ?? []) : res.errors;
      collection.set(doc.uri, toEditorDiagnostics(doc, ds));
    } catch (e) {
      // an assembler bug must not take the editor down: report it on the first line
      const diag = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 1),
        `internal assembler error: ${e instanceof Error ? e.message : String(e)}`,
        vscode.DiagnosticSeverity.Warning,
      );
      collection.set(doc.uri, [diag]);
    }
  };
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidSaveTextDocument(refresh),
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('ppcWatchpointLab.diagnosticsOnSave')) vscode.workspace.textDocuments.forEach(refresh);
    }),
  );
  vscode.workspace.textDocuments.forEach(refresh);
  return collection;
}
