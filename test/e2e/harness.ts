// End-to-end harness: the extension in a real VS Code (code-server) driven by headless Chromium.
// It starts code-server with folders of its own, opens the workbench with the extension under
// development (and optionally an extension-host test suite) through the URL payload, relays the
// extension host's log, and hands back the page for UI steps or the suite's exit code.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { format } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { ensureCodeServer, serverDirs, startCodeServer, type RunningCodeServer } from '../../scripts/code-server.mjs';
import { INSTALL, requireTool } from '../helpers/tools';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots and other artefacts of the end-to-end runs (git-ignored). */
export const OUTPUT_DIR = join(REPO, 'test', 'output');
export const EXTENSION_TESTS_INDEX = join(REPO, 'out', 'test', 'extension', 'index.js');

/** The flags REAL-VSCODE.md found to work for Debian's chromium here (playwright adds --headless). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Settings that keep the workbench quiet and predictable under test. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'debug.openDebug': 'openOnDebugBreak',
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** The chromium binary, or a skip (a failure under CI=true) naming its install command. */
export function requireChromium(t: TestContext): string | undefined {
  return requireTool(t, process.env.WPLAB_CHROMIUM ?? 'chromium', INSTALL.chromium);
}

/**
 * Installs code-server on first use (about 3 minutes). If that fails, the test is skipped with the
 * reason, except under CI=true, where it fails.
 */
export async function requireCodeServer(t: TestContext): Promise<boolean> {
  try {
    await ensureCodeServer({ log: (m) => console.log(m) });
    return true;
  } catch (e) {
    const msg = `code-server could not be installed: ${(e as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`${msg} (CI=true: a missing tool is a failure)`);
    t.skip(msg);
    return false;
  }
}

export interface WorkbenchOptions {
  /** The workspace folder to open (default: examples/). */
  folder?: string;
  /** The extension to load as under development (default: this repository). */
  extensionDevelopmentPath?: string;
  /** A compiled extension-host test index (`run()` + mocha); its result arrives through codeAutomationExit. */
  extensionTestsPath?: string;
  /** User settings, over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Relay the extension host's log lines to stdout (default true). */
  relay?: boolean;
  /** Browser viewport (default 1400x900). */
  viewport?: { width: number; height: number };
}

export interface Workbench {
  page: Page;
  context: BrowserContext;
  server: RunningCodeServer;
  /** The extension host's log lines seen so far (INFO, WARN, ERR), without the console styling. */
  log: string[];
  /** Resolves with the code the extension host passes to codeAutomationExit (extension tests only). */
  exitCode: Promise<number>;
  /** Writes user settings (merged over what the harness set); VS Code applies them live. */
  writeSettings(settings: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** `%c INFO`, `color: ...`, format, args... -> "INFO <formatted>"; undefined for other console lines. */
async function extensionHostLine(msg: ConsoleMessage): Promise<string | undefined> {
  const text = msg.text();
  const m = /^%c\s*(INFO|WARN|ERR|ERROR|DEBUG|TRACE)\b/.exec(text);
  if (!m) return undefined;
  let parts: unknown[];
  try {
    parts = await Promise.all(msg.args().map((a) => a.jsonValue()));
  } catch {
    return text;
  }
  // Drop the level's format and its CSS argument, then format the rest as console.log would.
  const styles = (String(parts[0] ?? '').match(/%c/g) ?? []).length;
  return `${m[1]} ${format(...parts.slice(1 + styles))}`;
}

/** The extension host's routine complaints in code-server (no gallery, no accounts): not worth relaying. */
const NOISE =
  /^(ERR|WARN) (\{"name":"(Canceled|Failed)"\}|Canceled|Failed: getaddrinfo|Error: Timed out waiting for authentication provider|\[DefaultAccount\]|Creation of workbench contribution)/;

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Headless Chromium (Debian's, through playwright-core; playwright gives it a fresh profile folder).
 * close() waits at most 10 s for a clean exit, then kills the browser's process group: a browser
 * that hangs on the way out must not hang the test run.
 */
export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<Browser> {
  // launchServer rather than launch: a BrowserServer can be killed when it does not close.
  const server = await chromium.launchServer({
    executablePath: process.env.WPLAB_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
  const close = async () => {
    const clean = await Promise.race([
      server.close().then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref()),
    ]);
    if (!clean) await server.kill().catch(() => undefined);
  };
  let browser;
  try {
    browser = await chromium.connect(server.wsEndpoint(), { timeout: 60_000 });
  } catch (e) {
    await close();
    throw e;
  }
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    return { context, page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Starts code-server and a headless Chromium page on its workbench. Call close() when done. */
export async function openWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const root = mkdtempSync(join(tmpdir(), 'wplab-e2e-'));
  const dirs = serverDirs(join(root, 'server'));
  let settings: Record<string, unknown> = { ...QUIET_SETTINGS, ...opts.settings };
  const settingsFile = join(dirs.userData, 'User', 'settings.json');
  const writeSettings = (more: Record<string, unknown>) => {
    settings = { ...settings, ...more };
    mkdirSync(dirname(settingsFile), { recursive: true });
    writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  };
  writeSettings({});

  const folder = opts.folder ?? join(REPO, 'examples');
  mkdirSync(folder, { recursive: true });
  const t0 = Date.now();
  const server = await startCodeServer({ root: dirs.root, smokeTestDriver: true, log: (m) => console.log(m) });
  const t1 = Date.now();
  let browser: Browser | undefined;
  const log: string[] = [];
  let resolveExit!: (code: number) => void;
  const exitCode = new Promise<number>((r) => {
    resolveExit = r;
  });
  const cleanup = async () => {
    await browser?.close();
    await server.stop();
    if (!process.env.WPLAB_KEEP_E2E) rmSync(root, { recursive: true, force: true });
    else console.log(`kept e2e folders in ${root}`);
  };
  try {
    browser = await launchBrowser(opts.viewport);
    const page = browser.page;
    const relay = opts.relay ?? true;
    page.on('console', (msg) => {
      void extensionHostLine(msg).then((line) => {
        if (line === undefined) return;
        log.push(line);
        if (relay && !NOISE.test(line))
          (line.startsWith('INFO') ? process.stdout : process.stderr).write(`[ext-host] ${line}\n`);
      });
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => {
      resolveExit(Number(code));
    });
    const url = server.url({
      folder,
      extensionDevelopmentPath: opts.extensionDevelopmentPath ?? REPO,
      extensionTestsPath: opts.extensionTestsPath,
    });
    await page.goto(url, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    console.log(
      `e2e: code-server ready in ${((t1 - t0) / 1000).toFixed(1)} s, workbench in ` +
        `${((Date.now() - t1) / 1000).toFixed(1)} s`,
    );
  } catch (e) {
    await cleanup();
    throw e;
  }
  const { page, context } = browser;
  let closed = false;
  return {
    page,
    context,
    server,
    log,
    exitCode,
    writeSettings,
    async close() {
      if (closed) return;
      closed = true;
      await cleanup();
    },
  };
}

/**
 * Runs a compiled extension-host suite (`run()` + mocha) in code-server and returns its exit code
 * (0: all passed) and the extension host's log. A suite that does not report within `timeoutMs`
 * counts as failed (exit code -1).
 */
export async function runExtensionTests(
  opts: { extensionTestsPath?: string; folder?: string; timeoutMs?: number } = {},
): Promise<{ exitCode: number; log: string[] }> {
  const wb = await openWorkbench({
    extensionTestsPath: opts.extensionTestsPath ?? EXTENSION_TESTS_INDEX,
    folder: opts.folder,
  });
  try {
    const timeoutMs = opts.timeoutMs ?? 180_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((r) => {
      timer = setTimeout(() => r(-1), timeoutMs);
    });
    const exitCode = await Promise.race([wb.exitCode, timeout]);
    clearTimeout(timer);
    if (exitCode === -1)
      console.error(
        `the extension-host suite did not report within ${timeoutMs / 1000} s; code-server ` +
          `log: ${wb.server.dirs.log}`,
      );
    return { exitCode, log: wb.log };
  } finally {
    await wb.close();
  }
}

/** Runs a command through the command palette (F1), by its title as shown there (an exact match wins). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => undefined);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  const norm = (l: string) => l.replace(/\s+/g, ' ').trim();
  const isTitle = (l: string) => l === title || l.replace(/\.\.\.$|…$/, '') === title;
  // Keyboard, not a click: clicking a row can wait forever while the list re-renders. The list may
  // still be filtering: the focus is moved to the row with the title and checked there (a state)
  // before Enter, again until it holds.
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name').first();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const labels = (await rows.locator('.label-name').allTextContents()).map(norm);
    const exact = labels.findIndex(isTitle);
    const now = norm((await focused.textContent().catch(() => '')) ?? '');
    const at = labels.indexOf(now);
    for (let i = Math.max(0, at); i < exact; i++) await input.press('ArrowDown');
    if (exact < 0 || isTitle(norm((await focused.textContent().catch(() => '')) ?? ''))) break;
    if (Date.now() > deadline) break;
  }
  await input.press('Enter');
}

/** Saves a screenshot under test/output/ and returns its path. */
export async function saveScreenshot(target: Page | import('playwright-core').Locator, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = join(OUTPUT_DIR, name);
  await target.screenshot({ path: file });
  return file;
}
