// The panel webview (dist/panel.js) in headless Chromium, fed by the fake host of
// test/fixtures/panel-harness.html with a log of one million decisions: virtualisation, keyboard,
// filters, perf controls, state restore and the refusal of malformed messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { INSTALL, which } from '../helpers/tools';

const HARNESS = pathToFileURL(resolve('test/fixtures/panel-harness.html')).href;
let ctx: BrowserContext | undefined;
let skip: string | undefined;

before(async () => {
  const exe = which(process.env.WPLAB_CHROMIUM ?? 'chromium');
  if (!exe) {
    skip = `chromium not found; install it with: ${INSTALL.chromium}`;
    if (process.env.CI === 'true') throw new Error(`${skip} (CI=true: a missing tool is a failure)`);
    return;
  }
  assert.ok(
    existsSync('dist/panel.js') && existsSync('dist/elements/bundled.js'),
    'run `npm run build` first (dist/panel.js, dist/elements/bundled.js)',
  );
  ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'wplab-panel-')), {
    executablePath: exe,
    headless: true,
    viewport: { width: 640, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--allow-file-access-from-files',
    ],
  });
});
after(async () => {
  await ctx?.close();
});

type Sent = Array<{ type: string; [k: string]: unknown }>;
const sent = (p: Page) =>
  p.evaluate(() => (window as unknown as { __harness: { sent: unknown[] } }).__harness.sent) as Promise<Sent>;

async function open(query = ''): Promise<Page> {
  const page = await ctx!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(`${HARNESS}?theme=dark${query}`);
  await page.waitForSelector('.vrow:not([hidden]) .vhead .seq');
  return page;
}

const visibleSeqs = (p: Page) =>
  p.$$eval('.vrow:not([hidden]) .seq', (els) => els.map((e) => Number(e.textContent!.slice(1))));

test('a million decisions: follows the newest, and only the rows on screen exist', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open();
  assert.match((await page.textContent('.shown')) ?? '', /1,000,000 shown/);
  const seqs = await visibleSeqs(page);
  assert.ok(seqs.includes(999_999), `newest row not shown: ${seqs}`);
  const rows = await page.$$eval('.vrow', (e) => e.length);
  assert.ok(rows < 60, `${rows} row elements for a million decisions`);
  // the page requests stay near the viewport
  const reqs = (await sent(page)).filter((m) => m.type === 'requestDecisions');
  assert.ok(reqs.length > 0 && reqs.length < 10, `${reqs.length} page requests`);
  assert.ok(
    reqs.every((m) => (m.start as number) >= 999_000 - 200),
    'requested pages far from the viewport',
  );
  // jump to the top from the keyboard
  await page.focus('.vlist');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('.vrow.focused .seq')?.textContent === '#0');
  assert.equal((await visibleSeqs(page))[0], 0);
  assert.deepEqual((page as unknown as { errors: string[] }).errors, []);
  await page.close();
});

test('keyboard: arrows move, Enter expands to the per-slot reasoning, o opens the source line', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open();
  await page.focus('.vlist');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('.vrow.focused .seq')?.textContent === '#999998');
  assert.equal(
    await page.getAttribute('.vlist', 'aria-activedescendant'),
    await page.getAttribute('.vrow.focused', 'id'),
  );
  await page.keyboard.press('Enter');
  await page.waitForSelector('.vrow.focused[aria-expanded="true"] .vbody');
  const body = await page.textContent('.vrow.focused .vbody');
  assert.match(body ?? '', /slot 0\s*ptrace\s*ptrace:child:1\s*HIT/);
  assert.match(body ?? '', /ptrace-report: ptrace wins/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForSelector('.vrow.focused[aria-expanded="false"]');
  await page.keyboard.press('o');
  const opened = (await sent(page)).filter((m) => m.type === 'openSource');
  assert.deepEqual(opened.at(-1), {
    type: 'openSource',
    path: '/work/examples/ptrace-perf-asm.S',
    line: 20 + (999_998 % 8),
  });
  await page.close();
});

test('filters ask the host with a new generation and show its count', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open('&total=3000');
  await page.evaluate(() => {
    const sel = document.querySelector('vscode-single-select[aria-label="filter by kind"]') as HTMLElement & {
      value: string;
    };
    sel.value = 'step-complete';
    sel.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => /600 shown of 3,000/.test(document.querySelector('.shown')?.textContent ?? ''));
  const filters = (await sent(page)).filter((m) => m.type === 'setFilter');
  assert.deepEqual(filters.at(-1)?.filter, { branch: 'step-complete' });
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('.vrow:not([hidden]) .branch')).some(
      (e) => e.textContent === '→ step-complete',
    ),
  );
  const branches = await page.$$eval('.vrow:not([hidden]) .branch', (els) => els.map((e) => e.textContent));
  assert.ok(
    branches.every((b) => b === '→ step-complete'),
    `rows of other kinds shown: ${branches}`,
  );
  await page.close();
});

test('perf controls send checked actions and show the outcome', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open();
  await page.click('vscode-button[aria-label="Disable p"]');
  await page.waitForFunction(() => /Disabling p: done/.test(document.querySelector('.status')?.textContent ?? ''));
  await page.click('vscode-button[aria-label="Close all"]');
  await page.waitForFunction(() =>
    /Closing all failed: EBADF/.test(document.querySelector('.status')?.textContent ?? ''),
  );
  const perf = (await sent(page)).filter((m) => m.type === 'perf').map((m) => m.action);
  assert.deepEqual(perf, [
    { action: 'disable', id: 'p' },
    { action: 'close', id: 'all' },
  ]);
  await page.close();
});

test('malformed messages are ignored; the panel keeps working', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open();
  const before = await page.textContent('.slots');
  await page.evaluate(() => {
    const give = (window as unknown as { __harness: { give(m: unknown): void } }).__harness.give;
    give({ type: 'slots', machine: { cpu: 'x86' }, cpus: 'all of them' });
    give({ type: 'decisionPage', gen: 0, start: 0, rows: [{ d: { seq: '<img src=x onerror=alert(1)>' } }] });
    give({ type: 'evil' });
    give('<script>');
  });
  await page.waitForTimeout(200);
  assert.equal(await page.textContent('.slots'), before);
  assert.equal(await page.$('img'), null);
  assert.deepEqual((page as unknown as { errors: string[] }).errors, []);
  await page.close();
});

test('state survives a reload: filter, expanded row and collapsed sections come back', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open('&total=3000');
  await page.waitForSelector('.vrow.focused .seq');
  await page.focus('.vlist');
  await page.keyboard.press('Enter'); // expand the focused newest row
  await page.click('.sec-counters .sectionhead');
  await page.waitForFunction(() =>
    (window as unknown as { __stored?: string }).__stored?.includes('"collapsed":["counters"]'),
  );
  await page.waitForFunction(() =>
    /"expanded":\[2999\]/.test((window as unknown as { __stored?: string }).__stored ?? ''),
  );
  const stored = await page.evaluate(() => (window as unknown as { __stored: string }).__stored);
  await page.close();
  const again = await open(`&total=3000&state=${encodeURIComponent(stored)}`);
  await again.waitForSelector('.vrow[aria-expanded="true"] .vbody');
  assert.equal(await again.getAttribute('.sec-counters .sectionhead', 'aria-expanded'), 'false');
  assert.equal(await again.textContent('.vrow[aria-expanded="true"] .seq'), '#2999');
  await again.close();
});
