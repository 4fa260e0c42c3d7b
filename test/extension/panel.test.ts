import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api } from './helpers';

suite('panel host', () => {
  test('messages from the webview that fail their check are rejected, not acted on', async () => {
    const a = await api();
    const before = a.panel.rejected.length;
    a.panel.onPanelMessage({ type: 'openSource', path: '/etc/passwd', line: 0 });
    a.panel.onPanelMessage({
      type: 'perf',
      reqId: 1,
      action: { action: 'add', name: 'x', addr: 'bad addr!', len: 8, type: 'w', cpu: 0 },
    });
    a.panel.onPanelMessage('ready');
    assert.equal(a.panel.rejected.length, before + 3);
  });

  test('openSource opens only files the adapter named', async () => {
    const a = await api();
    const editorsBefore = vscode.window.visibleTextEditors.map((e) => e.document.uri.fsPath);
    a.panel.onPanelMessage({ type: 'openSource', path: '/etc/hostname', line: 1 });
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(
      !vscode.window.visibleTextEditors.some(
        (e) => e.document.uri.fsPath === '/etc/hostname' && !editorsBefore.includes('/etc/hostname'),
      ),
    );
  });

  test('the page has a strict content security policy', async () => {
    const a = await api();
    const fake = {
      cspSource: 'https://webview.example',
      asWebviewUri: (u: vscode.Uri) => u,
    } as unknown as vscode.Webview;
    const html = a.panel.html(fake);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9]{32}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /'nonce-([A-Za-z0-9]+)'/.exec(csp)![1];
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.ok(scripts.length >= 2);
    for (const s of scripts) assert.ok(s.includes(`nonce="${nonce}"`), `script without the nonce: ${s}`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
  });
});
