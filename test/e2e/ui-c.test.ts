// The end-to-end UI scenario for C, in code-server driven by headless Chromium: open a C example
// (no launch.json), press F5 (the extension builds it with powerpc64le-linux-gnu-gcc -g -O0 -static
// and debugs the output, stopping in main), set "Break on Value Change" on a global from the
// Variables view, continue: the editor stops on the C line of the store, before it executes, and
// the panel shows the kernel's decision with a link to that line. Each step names itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { INSTALL, requireTool } from '../helpers/tools';
import {
  OUTPUT_DIR,
  REPO,
  openWorkbench,
  requireChromium,
  requireCodeServer,
  runCommand,
  saveScreenshot,
  type Workbench,
} from './harness';
import {
  breakOn,
  collapse,
  pane,
  panelFrame,
  shown,
  waitCursorLine,
  waitPaused,
  whatTheWorkbenchSays,
} from './ui-helpers';

const PROGRAM = 'counter.c';

function workspace(): { dir: string; storeLine: number } {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-ui-c-'));
  const src = join(REPO, 'examples', 'c', PROGRAM);
  copyFileSync(src, join(dir, PROGRAM));
  const storeLine =
    readFileSync(src, 'utf8')
      .split('\n')
      .findIndex((l) => /^\s*counter\+\+;/.test(l)) + 1;
  return { dir, storeLine };
}

test(
  'UI (C): F5 builds a C file and stops in main; Break on Value Change stops on the C store; the panel shows it',
  { timeout: 600_000 },
  async (t) => {
    if (!requireChromium(t)) return;
    if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc)) return;
    if (!(await requireCodeServer(t))) return;
    const { dir, storeLine } = workspace();
    assert.ok(storeLine > 0, 'counter.c has the store counter++;');
    let wb: Workbench | undefined;
    const done: string[] = [];
    let n = 0;
    const step = async (name: string, fn: () => Promise<void>) => {
      n++;
      try {
        await fn();
        done.push(name);
        console.log(`ui-c step ${n} ok: ${name}`);
      } catch (e) {
        const shot = wb
          ? await saveScreenshot(wb.page, `ui-c-failure-step-${n}.png`).catch(() => '(no screenshot)')
          : '(no page)';
        const said = wb ? await whatTheWorkbenchSays(wb.page) : '';
        if (wb) {
          const text = await panelFrame(wb.page)
            .locator('body')
            .innerText({ timeout: 3_000 })
            .catch(() => '(no panel)');
          writeFileSync(join(OUTPUT_DIR, `ui-c-failure-step-${n}-panel.txt`), text);
        }
        throw new Error(
          `UI (C) step ${n} "${name}" failed: ${(e as Error).message.split('\n')[0]}\n` +
            (said ? `the workbench says: ${said}\n` : '') +
            `steps that passed: ${done.length ? done.join('; ') : 'none'}\nscreenshot: ${shot}`,
        );
      }
    };
    try {
      let page!: Page;
      let panel!: FrameLocator;
      await step('open the workbench on a folder with a C example', async () => {
        wb = await openWorkbench({ folder: dir });
        page = wb.page;
        panel = panelFrame(page);
        await page.locator('.part.activitybar, .part.sidebar').first().waitFor({ timeout: 30_000 });
      });

      await step(`open ${PROGRAM}`, async () => {
        await runCommand(page, 'View: Show Explorer');
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: PROGRAM })
          .first()
          .click({ timeout: 30_000 });
        await page.locator('.tab.active', { hasText: PROGRAM }).waitFor({ timeout: 15_000 });
        await page.locator('.monaco-editor .view-lines', { hasText: 'counter++' }).first().waitFor({ timeout: 15_000 });
      });

      await step('the Watchpoint Slots panel shows in Run and Debug', async () => {
        await runCommand(page, 'View: Show Run and Debug');
        await collapse(page, /^\s*Watch\b/i);
        await pane(page, /Watchpoint Slots/i);
        await panel.locator('.header').first().waitFor({ timeout: 30_000 });
      });

      await step('F5 without a launch.json: the build task runs and the program stops in main', async () => {
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('F5');
        await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 90_000 });
        await waitPaused(page, /entry/i, 60_000);
        const stack = await pane(page, /Call Stack/i);
        await shown(stack.locator('.monaco-list-row', { hasText: /main/ }).first(), 'main in the Call Stack');
      });

      await step('Break on Value Change on the global counter from the Variables view', async () => {
        const row = await breakOn(page, 'counter', 'Break on Value Change');
        assert.equal(
          await row.locator('.codicon-debug-breakpoint-data-unverified').count(),
          0,
          'the data breakpoint on counter is unverified',
        );
      });

      await step('continue: the editor stops on the C line of the store, the panel shows the decision', async () => {
        await page.keyboard.press('F5');
        await waitPaused(page, /Watchpoint \d+ \(write counter\)/i);
        assert.equal(await waitCursorLine(page, storeLine), storeLine, 'the stop is on the line of counter++');
        const decision = panel
          .locator('.vlist .vrow')
          .filter({ hasText: /ptrace-report/ })
          .first();
        await shown(decision, 'a ptrace-report decision in the panel');
        const link = decision.locator('button.linkbtn');
        const label = (await link.textContent({ timeout: 10_000 })) ?? '';
        assert.match(
          label,
          new RegExp(`counter\\.c:${storeLine}\\s*$`),
          `the decision links to counter.c:${storeLine}`,
        );
        await saveScreenshot(page, 'ui-c-data-breakpoint.png');
      });
    } finally {
      await wb?.close();
    }
  },
);
