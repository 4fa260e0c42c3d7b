// `npm start` (after the build): prints an address that opens the extension under development in
// code-server on examples/, and stops cleanly (server and its process group gone) on Ctrl-C.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, REPO, requireChromium, requireCodeServer } from './harness';

test(
  'npm start: the printed address opens the extension on examples/, Ctrl-C stops everything',
  { timeout: 900_000 },
  async (t) => {
    if (!requireChromium(t)) return;
    if (!(await requireCodeServer(t))) return;
    const root = mkdtempSync(join(tmpdir(), 'wplab-start-'));
    const child = spawn(process.execPath, [join(REPO, 'scripts', 'start.mjs')], {
      cwd: REPO,
      env: { ...process.env, WPLAB_START_PROFILE: join(root, 'profile') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const browser = await launchBrowser();
    try {
      const deadline = Date.now() + 60_000;
      let url: string | undefined;
      while (!url && Date.now() < deadline) {
        url = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?\S+)$/m.exec(out)?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(url, `npm start printed no address:\n${out}`);
      const payload = JSON.parse(new URL(url).searchParams.get('payload') ?? '[]') as string[][];
      assert.deepEqual(
        payload.find((p) => p[0] === 'extensionDevelopmentPath')?.[1]?.endsWith(REPO),
        true,
        'the repository is the extension under development',
      );
      assert.equal(new URL(url).searchParams.get('folder'), join(REPO, 'examples'));

      const page = browser.page;
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.keyboard.press('Control+Shift+D'); // Run and Debug, where the extension's panel lives
      await page
        .locator('.pane-header', { hasText: /Watchpoint Slots/i })
        .first()
        .waitFor({ timeout: 60_000 });
      assert.match(await page.title(), /examples/, 'the examples/ workspace is open');

      const origin = new URL(url).origin;
      child.kill('SIGINT');
      const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('timeout'), 15_000))]);
      assert.equal(code, 0, `npm start did not stop cleanly on Ctrl-C:\n${out}`);
      const answered = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
        () => true,
        () => false,
      );
      assert.equal(answered, false, 'code-server still answers after Ctrl-C');
    } finally {
      await browser.close();
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
      rmSync(root, { recursive: true, force: true });
    }
  },
);
