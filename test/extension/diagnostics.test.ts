import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, openScratch } from './helpers';

suite('assembler diagnostics', () => {
  test('an assembler error shows as a problem at its line and column', async () => {
    const a = await api();
    const ed = await openScratch('bad.S', '    .text\n_start:\n    addi r3, r40, 1\n');
    await ed.document.save();
    let ds: readonly vscode.Diagnostic[] = [];
    for (let i = 0; i < 50 && ds.length === 0; i++) {
      ds = a.diagnostics.get(ed.document.uri) ?? [];
      if (ds.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(ds.length > 0, 'no diagnostic for r40');
    assert.equal(ds[0].range.start.line, 2);
    assert.equal(ds[0].severity, vscode.DiagnosticSeverity.Error);
  });
});
