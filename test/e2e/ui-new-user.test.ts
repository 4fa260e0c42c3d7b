// Issue 13, "What a new user met in VS Code", replayed in code-server driven by headless Chromium,
// the way a new user does it, from a fresh profile and a workspace with no launch.json: a data
// breakpoint set in one program follows its symbol into the next (refused with the reason where the
// symbol is missing); F5 and the editor's debug button on a scenario; the Watchpoint Slots view
// opened by the first session; Compare as a read-only document; "create a launch.json file" writes
// the configuration once; a CodeLens watch in the Breakpoints view; a stopped program's watchpoints
// in their slots; the short stop reason beside the task's name with the whole sentence in the panel;
// the timeline (hover, click to the log and the source line); Export Trace; and screenshots of the
// panel at 300, 520 and 800 px in the dark, light and high-contrast themes (test/output/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
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
import { traceProblems } from '../helpers/chrome-trace';
import {
  breakOn,
  collapse,
  counterValue,
  panelFrame,
  pane,
  shown,
  themeKind,
  waitCursorLine,
  waitPaused,
  whatTheWorkbenchSays,
} from './ui-helpers';

// A delay (so that the other CPU gets its turns: a CPU runs a slice of 1000 instructions before the
// next one does), then a loop that stores `counter` (line 15), reads `spare` (line 16) and computes a
// while, ten times. The worker starts at `work`.
const LOOP = [
  '# watch-loop.S: a delay, then stores counter, reads spare and computes, ten times', // 1
  '\t.abiversion 2', //                                            2
  '\t.text', //                                                    3
  '\t.globl _start', //                                            4
  '_start:', //                                                    5
  '\tli 7,2000', //                                                6
  '\tmtctr 7', //                                                  7
  '1:\tbdnz 1b', //                                                8
  'work:\tlis 9,counter@ha', //                                    9
  '\taddi 9,9,counter@l', //                                       10
  '\tlis 10,spare@ha', //                                          11
  '\taddi 10,10,spare@l', //                                       12
  '\tli 4,10', //                                                  13
  '\tli 5,1', //                                                   14
  'loop:\tstd 5,0(9)', //                                          15
  '\tld 6,0(10)', //                                               16
  '\tli 7,300', //                                                 17
  '\tmtctr 7', //                                                  18
  '2:\tbdnz 2b', //                                                19
  '\taddi 5,5,1', //                                               20
  '\taddi 4,4,-1', //                                              21
  '\tcmpdi 4,0', //                                                22
  '\tbne loop', //                                                 23
  '\tli 0,1', //                                                   24
  '\tli 3,0', //                                                   25
  '\tsc', //                                                       26
  '\t.data', //                                                    27
  '\t.balign 8', //                                                28
  '\t.globl counter', //                                           29
  'counter:\t.quad 0', //                                          30
  '\t.size counter,8', //                                          31
  '\t.globl spare', //                                             32
  'spare:\t.quad 0', //                                            33
  '\t.size spare,8', //                                            34
  '',
].join('\n');
const STORE_LINE = 15;
const SPARE_LINE = 33;

// Tasks on two CPUs: `main` (traced, cpu0) runs the loop; `worker` (untraced, cpu1) stores its own
// `counter` (another process, the same address), counted by a perf event of the worker. (A per-CPU
// event would not leave room for two ptrace watchpoints of main: the kernel reserves a task's
// breakpoints on every CPU, whatever CPU the task is pinned to.)
const PAIR = [
  'machine: { cpu: power10, cpus: 2, kernel: "6.6" }',
  'tasks:',
  '  - name: main',
  '    program: watch-loop.S',
  '    cpu: 0',
  '  - name: worker',
  '    program: watch-loop.S',
  '    entry: work',
  '    cpu: 1',
  '    traced: false',
  '  - name: idle', //  a second traced task: the Call Stack view lists each thread with its state
  '    program: watch-loop.S',
  '    cpu: 1',
  'steps:',
  '  - perf_open: { id: stores, task: worker, addr: counter, len: 8, type: w, exclude_kernel: true, exclude_hv: true }',
  '    expect: ok',
  '  - cont: main',
  '',
].join('\n');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-ui-new-'));
  writeFileSync(join(dir, 'watch-loop.S'), LOOP);
  writeFileSync(join(dir, 'pair.yaml'), PAIR);
  copyFileSync(join(REPO, 'examples', 'same_watch_addr.yaml'), join(dir, 'same_watch_addr.yaml'));
  copyFileSync(join(REPO, 'examples', 'ptrace-perf-asm.S'), join(dir, 'ptrace-perf-asm.S'));
  return dir;
}

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await runCommand(page, 'View: Show Explorer');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: 30_000 });
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  await page.locator('.monaco-editor .view-lines', { hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** The Run and Debug view in the side bar (its keybinding: a palette command can lose its input to
 * the focus VS Code moves to a new stop). */
async function showRunAndDebug(page: Page): Promise<void> {
  const call = page.locator('.part.sidebar .pane-header', { hasText: /Call Stack|Run\b/ }).first();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Control+Shift+D');
    if (
      await call.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await runCommand(page, 'View: Show Run and Debug');
}

async function stopDebugging(page: Page): Promise<void> {
  await page.keyboard.press('Shift+F5');
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 20_000 });
}

/** The Breakpoints view row of `name`, and its hover text (VS Code's managed hover) or label. */
async function breakpointSays(page: Page, name: RegExp, what: RegExp): Promise<string> {
  const bps = await pane(page, /^\s*Breakpoints/i);
  const row = bps.locator('.monaco-list-row', { hasText: name }).first();
  await shown(row, `the breakpoint ${name} in the Breakpoints view`);
  const label = (await row.getAttribute('aria-label')) ?? '';
  if (what.test(label)) return label;
  let hover = '';
  for (let i = 0; i < 4 && !what.test(hover); i++) {
    for (const target of [
      row.locator('.codicon').first(),
      row.locator('.name, .monaco-highlighted-label').first(),
      row,
    ]) {
      await target.hover().catch(() => undefined);
      const h = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: /\S/ }).first();
      hover = (await h.textContent({ timeout: 3_000 }).catch(() => '')) ?? '';
      if (what.test(hover)) break;
      await page.mouse.move(700, 700);
    }
  }
  return `${label} ${hover}`;
}

/** Preferences: Color Theme, the theme typed, Enter once the list's focused row is that theme. */
async function pickTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.fill(theme);
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme });
  await shown(focused, `${theme} chosen in the theme picker`);
  await input.press('Enter');
}

/** Drags the side bar's edge so that the side bar is `width` px wide. */
async function sidebarWidth(page: Page, width: number): Promise<void> {
  const sb = await page.locator('.part.sidebar').boundingBox();
  if (!sb) throw new Error('no side bar');
  const y = sb.y + sb.height / 2;
  await page.mouse.move(sb.x + sb.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(sb.x + width, y, { steps: 6 });
  await page.mouse.up();
  const now = await page.locator('.part.sidebar').boundingBox();
  if (!now || Math.abs(now.width - width) > 12) throw new Error(`the side bar is ${now?.width} px wide, not ${width}`);
}

/** Clicks the CodeLens `title` above `line` (1-based) of the active editor. */
async function codeLens(page: Page, line: number, title: string): Promise<void> {
  const ed = page.locator('.editor-instance .monaco-editor').first();
  // bring the line into view (Go to Line), then find its text and the CodeLens just above it
  await ed.locator('.view-lines').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await input.press('Enter');
  await waitCursorLine(page, line);
  const lineEl = ed.locator('.view-line', { hasText: /^spare:/ }).first();
  await shown(lineEl, `line ${line} in the editor`);
  const lb = (await lineEl.boundingBox())!;
  const lenses = ed.locator('.codelens-decoration');
  const n = await lenses.count();
  for (let i = 0; i < n; i++) {
    const b = await lenses.nth(i).boundingBox();
    if (!b || b.y > lb.y || lb.y - b.y > lb.height * 2.5) continue;
    await lenses.nth(i).locator('a', { hasText: title }).first().click();
    return;
  }
  throw new Error(`no CodeLens "${title}" above line ${line}`);
}

test('UI, issue 13: what a new user met, and the timeline', { timeout: 1_200_000 }, async (t) => {
  if (!requireChromium(t)) return;
  if (!(await requireCodeServer(t))) return;
  const folder = workspace();
  let wb: Workbench | undefined;
  const done: string[] = [];
  let n = 0;
  const step = async (name: string, fn: () => Promise<void>) => {
    n++;
    try {
      await fn();
      done.push(name);
      console.log(`ui-new-user step ${n} ok: ${name}`);
    } catch (e) {
      const shot = wb
        ? await saveScreenshot(wb.page, `ui-new-user-failure-step-${n}.png`).catch(() => '(no screenshot)')
        : '(no page)';
      const said = wb ? await whatTheWorkbenchSays(wb.page) : '';
      if (wb) {
        const text = await panelFrame(wb.page)
          .locator('body')
          .innerText({ timeout: 3_000 })
          .catch(() => '(no panel)');
        writeFileSync(join(OUTPUT_DIR, `ui-new-user-failure-step-${n}-panel.txt`), text);
      }
      throw new Error(
        `UI step ${n} "${name}" failed: ${(e as Error).message.split('\n')[0]}\n` +
          (said ? `the workbench says: ${said}\n` : '') +
          `steps that passed: ${done.length ? done.join('; ') : 'none'}\nscreenshot: ${shot}` +
          (wb ? `\ncode-server log: ${wb.server.dirs.log}` : ''),
      );
    }
  };
  try {
    let page!: Page;
    let panel!: FrameLocator;
    await step('open the workbench (a fresh profile) on a workspace with no launch.json', async () => {
      mkdirSync(OUTPUT_DIR, { recursive: true });
      wb = await openWorkbench({
        folder,
        settings: { 'workbench.colorTheme': 'Default Dark Modern' },
        viewport: { width: 1400, height: 1000 },
      });
      page = wb.page;
      panel = panelFrame(page);
      const deadline = Date.now() + 60_000;
      while ((await themeKind(page)) !== 'dark' && Date.now() < deadline) await page.waitForTimeout(250);
    });

    await step(
      'defect 9: the first session opens the Watchpoint Slots view (it starts collapsed at ' + 'the bottom)',
      async () => {
        await openFile(page, 'watch-loop.S', 'counter@ha');
        await runCommand(page, 'View: Show Run and Debug');
        const header = page.locator('.part.sidebar .pane-header', { hasText: /Watchpoint Slots/ }).first();
        await shown(header, 'the Watchpoint Slots view in Run and Debug');
        assert.equal(
          await header.getAttribute('aria-expanded'),
          'false',
          'VS Code shows it collapsed before any session',
        );
        await page.locator('.monaco-editor .view-lines').first().click();
        await page.keyboard.press('F5');
        await waitPaused(page, /entry/i);
        const deadline = Date.now() + 15_000;
        while ((await header.getAttribute('aria-expanded')) !== 'true' && Date.now() < deadline)
          await page.waitForTimeout(200);
        assert.equal(await header.getAttribute('aria-expanded'), 'true', 'the first session opened the view');
        await panel.locator('.header .machine', { hasText: /power10/ }).waitFor({ timeout: 15_000 });
        const body = await (await pane(page, /Watchpoint Slots/i)).boundingBox();
        assert.ok(body && body.height >= 100, `the view is ${body?.height} px high`);
      },
    );

    await step('a data breakpoint on counter (Break on Value Change), then the session ends', async () => {
      await breakOn(page, 'counter', 'Break on Value Change');
      await stopDebugging(page);
    });

    await step("defect 2: a scenario gets the editor's debug button and F5", async () => {
      await openFile(page, 'same_watch_addr.yaml', 'same_watch_addr_child');
      await shown(
        page.locator('.editor-actions [aria-label*="Debug This File"]').first(),
        "the editor's debug button on the scenario",
      );
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F5');
      await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
      await showRunAndDebug(page);
      await waitPaused(page, /entry/i);
      const said = await whatTheWorkbenchSays(page);
      assert.doesNotMatch(said, /extension for debugging YAML/);
    });

    await step(
      'defect 4: the data breakpoint on counter follows its symbol: refused here, where ' + 'the program has none',
      async () => {
        const text = await breakpointSays(page, /counter/, /no symbol "counter"/);
        assert.match(text, /no symbol "counter" in ptrace-perf-asm\.S/);
        const row = (await pane(page, /^\s*Breakpoints/i)).locator('.monaco-list-row', { hasText: /counter/ }).first();
        await shown(row.locator('.codicon-debug-breakpoint-data-unverified'), 'the refused data breakpoint shown grey');
      },
    );

    await step(
      'defect 5: Compare opens a read-only document titled after the scenario, closed ' + 'without a save prompt',
      async () => {
        await runCommand(page, 'Compare Kernel 6.5 and 6.6 (this scenario)');
        const tab = page.locator('.tab', { hasText: 'same_watch_addr.yaml: kernel 6.5 vs 6.6' }).first();
        await shown(tab, "the comparison's tab");
        assert.doesNotMatch((await tab.getAttribute('class')) ?? '', /\bdirty\b/);
        await tab.click();
        await page.keyboard.press('Control+W');
        await tab.waitFor({ state: 'detached', timeout: 10_000 });
        assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no "save changes?" dialog');
        await stopDebugging(page);
      },
    );

    await step('defect 6: "create a launch.json file" writes the configuration once', async () => {
      await showRunAndDebug(page);
      await page
        .locator('.part.sidebar a', { hasText: 'create a launch.json file' })
        .first()
        .click({ timeout: 15_000 });
      // VS Code asks which debugger when several could do
      const pick = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'PowerPC Watchpoint Lab' }).first();
      if (
        await pick.waitFor({ state: 'visible', timeout: 8_000 }).then(
          () => true,
          () => false,
        )
      )
        await pick.click();
      const file = join(folder, '.vscode', 'launch.json');
      const deadline = Date.now() + 20_000;
      while (!existsSync(file) && Date.now() < deadline) await page.waitForTimeout(250);
      await page.locator('.tab.active', { hasText: 'launch.json' }).waitFor({ timeout: 15_000 });
      const json = JSON.parse(readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
        configurations: Array<{ type: string }>;
      };
      assert.deepEqual(
        json.configurations.map((c) => c.type),
        ['ppc-watchpoint'],
        'one configuration, once',
      );
      await page.keyboard.press('Control+W');
      rmSync(join(folder, '.vscode'), { recursive: true, force: true });
    });

    await step(
      'defect 6: "Debug: Select and Start Debugging" lists an open file once, and choosing ' + 'it starts it',
      async () => {
        await openFile(page, 'watch-loop.S', 'counter@ha');
        await runCommand(page, 'Debug: Select and Start Debugging');
        const input = page.locator('.quick-input-widget input');
        const ours = page
          .locator('.quick-input-widget .monaco-list-row', { hasText: 'PowerPC Watchpoint Lab' })
          .first();
        await shown(ours, 'the dynamic configurations of PowerPC Watchpoint Lab');
        await ours.click();
        const rows = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Debug watch-loop.S' });
        await shown(rows.first(), 'the open program in the list');
        await page.waitForTimeout(500); // the list is complete (each launch target answered)
        assert.equal(await rows.count(), 1, 'listed once (not again under the user settings)');
        await input.fill('Debug watch-loop.S');
        await shown(
          page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Debug watch-loop.S' }),
          'the program chosen in the list',
        );
        await input.press('Enter');
        await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
        await showRunAndDebug(page);
        await waitPaused(page, /entry/i);
        await stopDebugging(page);
      },
    );

    await step("the two-task scenario: started from the editor's debug button", async () => {
      await openFile(page, 'pair.yaml', 'perf_open');
      await page.locator('.editor-actions [aria-label*="Debug This File"]').first().click();
      await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 30_000 });
      await showRunAndDebug(page);
      await waitPaused(page, /entry/i);
      await panel.locator('.header .machine', { hasText: /2 CPUs/ }).waitFor({ timeout: 15_000 });
    });

    await step(
      'defect 3: a CodeLens watch (Watch read on spare) is in the Breakpoints view with ' + 'its mode',
      async () => {
        await openFile(page, 'watch-loop.S', 'counter@ha');
        await codeLens(page, SPARE_LINE, 'Watch read');
        await showRunAndDebug(page);
        const text = await breakpointSays(page, /watch-loop\.S/, /read|Watch reads|ptrace watchpoint/);
        assert.match(text, /watch-loop\.S/);
        const bps = await pane(page, /^\s*Breakpoints/i);
        assert.ok((await bps.locator('.monaco-list-row', { hasText: /watch-loop\.S/ }).count()) >= 1);
      },
    );

    await step(
      "defect 1: the stopped program's two watchpoints show in cpu0's slots (dimmed: " +
        "scheduled out while stopped); the worker's perf counter in cpu1's",
      async () => {
        const next = panel.locator('table[aria-label="cpu0 slots"] tr.next');
        await panel.locator('table[aria-label="cpu0 slots"] tr.next').nth(1).waitFor({ timeout: 15_000 });
        assert.equal(await next.count(), 2);
        assert.match((await next.allTextContents()).join(' '), /ptrace #1.*ptrace #2|ptrace #2.*ptrace #1/);
        assert.match((await next.first().textContent()) ?? '', /scheduled out while stopped/);
        await shown(
          panel.locator('table[aria-label="cpu1 slots"] tr.occ .owner.perf').first(),
          "the worker's perf counter in cpu1's slot",
        );
      },
    );

    await step(
      "defect 8: a watchpoint stop: the task's name kept and a short reason in the Call " +
        'Stack view; the whole sentence in the panel',
      async () => {
        await page.keyboard.press('F5');
        await waitPaused(page, /Watchpoint \d+ \(write counter\)/i);
        const view = page
          .locator('.part.sidebar .pane')
          .filter({ has: page.locator('.pane-header', { hasText: /Call Stack/i }) })
          .first();
        const text = ((await view.textContent()) ?? '').replace(/\s+/g, ' ');
        assert.match(text, /main \(pid 100\)/, `the task's name in the Call Stack view: "${text.slice(0, 200)}"`);
        assert.doesNotMatch(text, /about to write/, 'the long sentence is not in the Call Stack view');
        await shown(
          panel.locator('.stopline', {
            hasText:
              /main stopped at icount [\d,]+: Watchpoint \d+ \(write counter\): "std r5,0\(r9\)" .* about to write 0x1 /,
          }),
          'the whole sentence in the panel',
        );
        // on: the read watch on spare, then the next store; the worker's stores counted on cpu1
        for (let i = 0; i < 5; i++) {
          const before = (await panel.locator('.stopline').textContent()) ?? '';
          await page.keyboard.press('F5');
          await panel.locator('.stopline').filter({ hasNotText: before }).waitFor({ timeout: 20_000 });
        }
        assert.ok((await counterValue(panel, 'stores')) > 0, "the worker's stores counted on cpu1");
      },
    );

    await step(
      'the timeline: strips per CPU and slot with marks; hover a mark for its decision; ' +
        'click it to the log and the source line',
      async () => {
        for (const v of [
          /^\s*Variables/i,
          /^\s*Watch\b/i,
          /^\s*Call Stack/i,
          /^\s*Breakpoints/i,
          /^\s*Loaded Scripts/i,
        ])
          await collapse(page, v);
        await sidebarWidth(page, 520);
        await pane(page, /Watchpoint Slots/i);
        const canvas = panel.locator('.tlcanvas');
        await shown(canvas, 'the timeline');
        await panel.locator('.tlrange', { hasText: /decisions/ }).waitFor({ timeout: 15_000 });
        await panel.locator('.tllegend', { hasText: 'ptrace-report' }).waitFor({ timeout: 15_000 });
        // find a ptrace-report mark (an opaque red pixel) on cpu0's strips
        const at = await canvas.evaluate((c: HTMLCanvasElement) => {
          const g = c.getContext('2d') as CanvasRenderingContext2D;
          const dpr = window.devicePixelRatio || 1;
          for (const y of [2 + 15 + 10, 2 + 15 + 30]) {
            const row = g.getImageData(0, Math.round(y * dpr), c.width, 1).data;
            for (let x = Math.round(60 * dpr); x < c.width; x++) {
              if (row[4 * x + 3] === 255 && row[4 * x] > 190 && row[4 * x + 1] < 120 && row[4 * x + 2] < 120)
                return { x: x / dpr + 1, y };
            }
          }
          return undefined;
        });
        assert.ok(at, 'a ptrace-report mark on cpu0');
        const box = (await canvas.boundingBox())!;
        await page.mouse.move(box.x + at.x, box.y + at.y);
        const tip = panel.locator('.tltip');
        await shown(tip.filter({ hasText: /ptrace-report/ }), "the mark's hover");
        await tip.filter({ hasText: /std r5,0\(r9\)|ld r6,0\(r10\)/ }).waitFor({ timeout: 10_000 });
        await saveScreenshot(page.locator('.part.sidebar'), 'timeline-hover.png');
        // click: the decision opens in the log, its source line in the editor
        await page.mouse.down();
        await page.mouse.up();
        await shown(panel.locator('.vrow.focused[aria-expanded="true"] .vbody'), 'the decision opened in the log');
        const line = await waitCursorLine(page, STORE_LINE);
        assert.ok(line === STORE_LINE || line === STORE_LINE + 1, `the editor went to the decision's line (${line})`);
      },
    );

    await step('screenshots of the panel at 300, 520 and 800 px, dark, light and high contrast', async () => {
      await page.setViewportSize({ width: 1400, height: 1100 });
      const view = await pane(page, /Watchpoint Slots/i);
      // as a person does it: Preferences: Color Theme, and the theme's name in the picker
      const themes: Array<[string, string, RegExp]> = [
        ['dark', 'Dark Modern', /(^|\s)vs-dark(\s|$)/],
        ['light', 'Light Modern', /(^|\s)vs(\s|$)/],
        ['hc', 'Dark High Contrast', /(^|\s)hc-black(\s|$)/],
      ];
      for (const [name, theme, cls] of themes) {
        if (!cls.test((await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '')) {
          await pickTheme(page, theme);
        }
        const deadline = Date.now() + 20_000;
        while (
          !cls.test((await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '') &&
          Date.now() < deadline
        )
          await page.waitForTimeout(250);
        assert.match(
          (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '',
          cls,
          `theme ${theme}`,
        );
        for (const width of [300, 520, 800]) {
          await sidebarWidth(page, width);
          // the webview has laid out again and the timeline drawn the window asked for its new width
          await panel.locator('.tlcanvas[data-fits="true"]').waitFor({ timeout: 15_000 });
          await panel.locator('.tlrange', { hasText: /decisions/ }).waitFor({ timeout: 15_000 });
          await saveScreenshot(view, `panel-${name}-${width}.png`);
          // the README's picture (media/screenshot-panel.png is copied from it)
          if (name === 'dark' && width === 800) await saveScreenshot(view, 'readme-panel.png');
        }
      }
      await pickTheme(page, 'Dark Modern');
      await sidebarWidth(page, 520);
    });

    await step('Export Trace from the panel: a Chrome trace of the session', async () => {
      // the save dialog proposes the scenario's folder and name: accepted as it is
      const file = join(folder, 'pair.trace.json');
      await panel.locator('.tlbtn.export').click();
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      const deadline0 = Date.now() + 15_000;
      while (!(await input.inputValue()).endsWith('pair.trace.json') && Date.now() < deadline0)
        await page.waitForTimeout(200);
      assert.match(await input.inputValue(), /pair\.trace\.json$/);
      await input.press('Enter');
      const deadline = Date.now() + 30_000;
      while (!existsSync(file) && Date.now() < deadline) await page.waitForTimeout(250);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(traceProblems(doc), []);
      const evs = doc.traceEvents as Array<{ cat?: string; name: string }>;
      assert.ok(evs.some((e) => e.cat === 'decision' && e.name === 'ptrace-report'));
      assert.ok(evs.some((e) => e.cat === 'slot' && e.name === 'perf "stores" worker'));
    });

    await step('step back: the timeline starts over from the rebuilt machine', async () => {
      const before = (await panel.locator('.tlrange').textContent()) ?? '';
      const now = Number(/now ([\d,]+)/.exec(before)?.[1].replace(/,/g, ''));
      await page.locator('.debug-toolbar .action-label.codicon-debug-step-back').first().click();
      await panel.locator('.tlrange').filter({ hasNotText: before }).waitFor({ timeout: 30_000 });
      const after = Number(
        /now ([\d,]+)/.exec((await panel.locator('.tlrange').textContent()) ?? '')?.[1].replace(/,/g, ''),
      );
      assert.ok(after < now, `the clock went back (${now} -> ${after})`);
      await stopDebugging(page);
    });
    console.log(`ui-new-user: ${done.length} steps passed; screenshots in ${OUTPUT_DIR}`);
  } finally {
    await wb?.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
