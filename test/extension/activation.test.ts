import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, api, openScratch, PROGRAM } from './helpers';

suite('activation and contributions', () => {
  test('the extension activates and returns its API', async () => {
    const a = await api();
    assert.ok(a.gutter && a.panel && a.diagnostics);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  test('its commands are registered', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    for (const c of [
      'ppcWatchpointLab.watchRead',
      'ppcWatchpointLab.watchWrite',
      'ppcWatchpointLab.watchAccess',
      'ppcWatchpointLab.countWithPerf',
      'ppcWatchpointLab.debugFile',
      'ppcWatchpointLab.clearMarkers',
      'ppcWatchpointLab.refreshPanel',
      'ppcWatchpointLab.compareKernels',
    ]) {
      assert.ok(all.includes(c), `command ${c} missing`);
    }
  });

  test('.S files open as PowerPC assembly', async () => {
    const langs = await vscode.languages.getLanguages();
    assert.ok(langs.includes('ppc-asm'));
    const ed = await openScratch('lang.S', PROGRAM);
    assert.equal(ed.document.languageId, 'ppc-asm');
  });

  test('the debugger contribution declares every launch setting', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as {
      contributes: {
        debuggers: Array<{
          type: string;
          configurationAttributes: { launch: { properties: Record<string, { description?: string }> } };
        }>;
      };
    };
    const dbg = pkg.contributes.debuggers.find((d) => d.type === 'ppc-watchpoint');
    assert.ok(dbg);
    const props = dbg.configurationAttributes.launch.properties;
    for (const k of [
      'program',
      'scenario',
      'cpu',
      'cpus',
      'kernel',
      'dawrForceEnable',
      'perf',
      'stopOnEntry',
      'ptraceRearm',
      'stdin',
      'maxSteps',
    ]) {
      assert.ok(props[k]?.description, `${k} has no description`);
    }
  });

  test('the Watchpoint Slots view opens', async () => {
    await api();
    await vscode.commands.executeCommand('ppcWatchpointLab.panel.focus');
  });
});
