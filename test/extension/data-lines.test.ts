import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WatchOutcome } from '../../extension/data-line-actions';
import { api, openScratch, PROGRAM } from './helpers';

suite('data-line actions', () => {
  test('CodeLenses offer watch and count on the data definition only', async () => {
    await api();
    const ed = await openScratch('lens.S', PROGRAM);
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ed.document.uri)) ??
      [];
    const ours = lenses.filter((l) => l.command?.command.startsWith('ppcWatchpointLab.'));
    assert.deepEqual([...new Set(ours.map((l) => l.range.start.line))], [10]);
    assert.deepEqual(ours.map((l) => l.command?.title).sort(), [
      'Count with perf',
      'Watch access',
      'Watch read',
      'Watch write',
    ]);
  });

  test('without a session, Watch write puts a breakpoint on the data line', async () => {
    await api();
    const ed = await openScratch('watch.S', PROGRAM);
    const out = await vscode.commands.executeCommand<WatchOutcome>('ppcWatchpointLab.watchWrite', ed.document.uri, 11);
    assert.equal(out?.via, 'breakpoint');
    const bp = vscode.debug.breakpoints.find(
      (b) => b instanceof vscode.SourceBreakpoint && b.location.uri.fsPath === ed.document.uri.fsPath,
    );
    assert.ok(bp, 'no breakpoint added');
    assert.equal((bp as vscode.SourceBreakpoint).location.range.start.line, 10);
    vscode.debug.removeBreakpoints([bp]);
  });

  test('in a C file the lenses are above the globals; Watch write puts a breakpoint on the definition', async () => {
    await api();
    const src = ['#include <stdio.h>', 'long counter;', 'static int limit = 5;', 'int main(void) {']
      .concat(['  int local = 1;', '  return local;', '}', ''])
      .join('\n');
    const ed = await openScratch('globals.c', src);
    assert.equal(ed.document.languageId, 'c');
    const uri = ed.document.uri;
    const provided = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lenses = provided ?? [];
    const ours = lenses.filter((l) => l.command?.command.startsWith('ppcWatchpointLab.'));
    assert.deepEqual([...new Set(ours.map((l) => l.range.start.line))], [1, 2]);
    const out = await vscode.commands.executeCommand<WatchOutcome>('ppcWatchpointLab.watchWrite', ed.document.uri, 2);
    assert.equal(out?.via, 'breakpoint');
    const mine = (b: vscode.Breakpoint) => b instanceof vscode.SourceBreakpoint && b.location.uri.fsPath === uri.fsPath;
    const bp = vscode.debug.breakpoints.find(mine);
    assert.ok(bp, 'no breakpoint added');
    assert.equal((bp as vscode.SourceBreakpoint).location.range.start.line, 1);
    vscode.debug.removeBreakpoints([bp]);
    const none = await vscode.commands.executeCommand<WatchOutcome>('ppcWatchpointLab.watchRead', ed.document.uri, 5);
    assert.equal(none?.ok, false);
    assert.match(none?.message ?? '', /defines no global variable/);
  });

  test('on a code line the action explains what it needs', async () => {
    await api();
    const ed = await openScratch('code.S', PROGRAM);
    const out = await vscode.commands.executeCommand<WatchOutcome>('ppcWatchpointLab.watchRead', ed.document.uri, 6);
    assert.equal(out?.ok, false);
    assert.match(out?.message ?? '', /defines no data/);
  });
});
