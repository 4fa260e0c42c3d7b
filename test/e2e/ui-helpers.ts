// Helpers of the end-to-end UI tests (code-server driven by headless Chromium): the side bar's panes,
// the panel's webview, the editor's cursor, the Variables view's data breakpoint actions, the Call
// Stack view's state, and what the workbench says. (ui.test.ts has its own copies.)
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A side-bar pane (view) by its title, expanded. */
export async function pane(page: Page, title: RegExp): Promise<Locator> {
  const p = page
    .locator('.part.sidebar .pane')
    .filter({ has: page.locator('.pane-header', { hasText: title }) })
    .first();
  await p.waitFor({ state: 'attached', timeout: 20_000 });
  const header = p.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  return p;
}

export async function collapse(page: Page, title: RegExp): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
  if ((await header.count()) && (await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** The panel's document inside its webview (the outer iframe, then VS Code's active frame). */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/** The editor cursor's line, from the status bar ("Ln 13, Col 1"). */
export async function cursorLine(page: Page): Promise<number> {
  const text = (await page.locator('#status\\.editor\\.selection').textContent({ timeout: 5_000 })) ?? '';
  const m = /Ln (\d+)/.exec(text);
  if (!m) throw new Error(`no cursor position in the status bar ("${text}")`);
  return Number(m[1]);
}

/** Waits until the editor's cursor is on `line`; returns the line it ends on. */
export async function waitCursorLine(page: Page, line: number, timeout = 10_000): Promise<number> {
  const deadline = Date.now() + timeout;
  let now = await cursorLine(page);
  while (now !== line && Date.now() < deadline) {
    await page.waitForTimeout(200);
    now = await cursorLine(page);
  }
  return now;
}

/**
 * The Variables view row of `name`. Scopes other than the one holding it are collapsed first (the
 * view is a virtual list: rows scrolled out of sight do not exist); the data symbols' scope is tried
 * first, then every other scope in turn.
 */
export async function variableRow(page: Page, name: string): Promise<Locator> {
  const view = await pane(page, /^\s*Variables/i);
  const row = view
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.name', { hasText: new RegExp(`^\\s*${name}\\b`) }) })
    .first();
  const scopes = view.locator('.monaco-list-row[aria-level="1"]');
  const scopeNames = async () => (await scopes.allTextContents()).map((x) => x.trim());
  if (await row.isVisible().catch(() => false)) return row;
  // the scopes arrive after the stop is shown
  await shown(scopes.first(), "the Variables view's scopes");
  // collapse every scope, so that all of them are in sight
  for (let guard = 0; guard < 10; guard++) {
    const open = view.locator('.monaco-list-row[aria-level="1"][aria-expanded="true"]');
    if ((await open.count()) === 0) break;
    await open.first().click();
    await page.waitForTimeout(300);
  }
  const names = await scopeNames();
  const order = [...names.filter((x) => /^data/i.test(x)), ...names.filter((x) => !/^data/i.test(x))];
  for (const want of order) {
    for (let i = 0; i < (await scopes.count()); i++) {
      const r = scopes.nth(i);
      const label = ((await r.textContent()) ?? '').trim();
      const open = (await r.getAttribute('aria-expanded')) === 'true';
      if ((label === want) !== open) {
        await r.click();
        await page.waitForTimeout(300);
      }
    }
    try {
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      return row;
    } catch {
      /* not in this scope */
    }
  }
  throw new Error(`no variable "${name}" in the Variables view (scopes: ${names.join(', ')})`);
}

/**
 * Right-click a variable, choose a data breakpoint action ("Break on Value Change"...) and return
 * the breakpoint's row in the Breakpoints view. A workbench menu item listens for the mouse only
 * 100 ms after it renders (VS Code's menu.ts, runOnceToEnableMouseUp: so the right-click's own
 * mouse-up does not choose an item); a robot that clicks at once is ignored, the menu stays open
 * and no setDataBreakpoints reaches the adapter. So the pointer rests on the item first, as a
 * person's does; a click that still changed nothing is tried again, and each retry is logged.
 */
export async function breakOn(page: Page, name: string, action: string): Promise<Locator> {
  const bps = await pane(page, /^\s*Breakpoints/i);
  const bp = bps.locator('.monaco-list-row', { hasText: name }).first();
  for (let attempt = 1; ; attempt++) {
    const row = await variableRow(page, name);
    await row.click({ button: 'right' });
    const item = page.locator('.monaco-menu .action-item', { hasText: action }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await item.hover();
    await page.waitForTimeout(400 * attempt);
    await item.click();
    try {
      await bp.waitFor({ state: 'visible', timeout: attempt < 3 ? 4_000 : 15_000 });
      return bp;
    } catch {
      if (attempt >= 3)
        throw new Error(
          `the data breakpoint on ${name} in the Breakpoints view did not show after ` +
            `${attempt} tries of "${action}"`,
        );
      const menuOpen = await page.locator('.monaco-menu').count();
      console.log(
        `breakOn ${name}: "${action}" changed nothing (context menu ` +
          `${menuOpen ? 'still open' : 'closed'}); trying again`,
      );
      await page.keyboard.press('Escape');
    }
  }
}

/** Waits until the Call Stack view (its header carries the stop's description) says `what`. */
export async function waitPaused(page: Page, what: RegExp, timeout = 30_000): Promise<void> {
  const view = page
    .locator('.part.sidebar .pane')
    .filter({ has: page.locator('.pane-header', { hasText: /Call Stack/i }) })
    .first();
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = ((await view.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ');
    if (what.test(text)) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`the Call Stack view never said ${what} (it says: "${text.slice(0, 300)}")`);
}

/** Waits for `loc` to show; the error says what did not show. */
export async function shown(loc: Locator, what: string, timeout = 15_000): Promise<void> {
  try {
    await loc.waitFor({ state: 'visible', timeout });
  } catch {
    throw new Error(`${what} did not show within ${timeout / 1000} s`);
  }
}

/** The text of open dialogs and notification toasts (an error the product showed the user). */
export async function whatTheWorkbenchSays(page: Page): Promise<string> {
  const texts = await page
    .locator(
      '.monaco-dialog-box .dialog-message-text, .monaco-dialog-box .dialog-message-detail, ' +
        '.notifications-toasts .notification-list-item-message',
    )
    .allTextContents()
    .catch(() => []);
  return texts
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' | ');
}

export async function themeKind(page: Page): Promise<'dark' | 'light' | 'other'> {
  const cls = (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  return /\bvs-dark\b/.test(cls) ? 'dark' : /\bvs\b/.test(cls) ? 'light' : 'other';
}

/** The count of perf counter `name` in the panel. */
export async function counterValue(panel: FrameLocator, name: string): Promise<number> {
  const row = panel
    .locator('table.countertable tbody tr')
    .filter({ has: panel.locator('th', { hasText: new RegExp(`^${name}\\b`) }) })
    .first();
  const text = (await row.locator('td.count').textContent({ timeout: 10_000 })) ?? '';
  const n = Number(text.replace(/[^\d]/g, ''));
  if (!/\d/.test(text) || !Number.isFinite(n)) throw new Error(`perf counter ${name}: no count in "${text}"`);
  return n;
}
