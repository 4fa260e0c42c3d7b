// The panel webview (dist/panel.js) in headless Chromium, fed by the fake host of
// test/fixtures/panel-harness.html: what issue 13's new user met there. A stopped task's
// watchpoints show in the slots they take when it runs again (defect 1); the counter table fits at
// 300, 520 and 800 px (defect 7); an old action's result does not linger (defect 9); the stop's
// whole sentence; and the timeline: drawn per CPU and slot, hover for the decision, click to open it
// in the log and its source line, zoom and pan, Fit to follow the run.
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
    viewport: { width: 840, height: 1000 },
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

type Msg = { type: string; [k: string]: unknown };
const sent = (p: Page) =>
  p.evaluate(() => (window as unknown as { __harness: { sent: unknown[] } }).__harness.sent) as Promise<Msg[]>;
const give = (p: Page, m: unknown) =>
  p.evaluate((x) => (window as unknown as { __harness: { give(m: unknown): void } }).__harness.give(x), m);

async function open(query = '', width = 620): Promise<Page> {
  const page = await ctx!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(`${HARNESS}?theme=dark&width=${width}&height=1400${query}`);
  await page.waitForSelector('.vrow:not([hidden]) .vhead .seq');
  return page;
}

/** Waits until the timeline has drawn a window (its range text names it). */
async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() => /icount .* now /.test(document.querySelector('.tlrange')?.textContent ?? ''));
}

test(
  "defect 1: a stopped task's watchpoint shows in the slot it takes when the task " +
    'runs, dimmed, with the live state beside it',
  async (t) => {
    if (skip) return t.skip(skip);
    const page = await open();
    const row = page.locator('table[aria-label="cpu1 slots"] tr.next');
    assert.equal(await row.count(), 1);
    const text = (await row.textContent()) ?? '';
    assert.match(text, /DAWR1\s*free now/);
    assert.match(text, /ptrace #1/);
    assert.match(text, /worker/);
    assert.match(text, /scheduled out while stopped/);
    assert.match((await row.getAttribute('title')) ?? '', /free now: worker is not running/);
    assert.ok(Number(await row.evaluate((e) => getComputedStyle(e).opacity)) < 1, 'dimmed');
    // a slot really in use is not dimmed
    assert.equal(await page.locator('table[aria-label="cpu0 slots"] tr.next').count(), 0);
    await page.close();
  },
);

for (const width of [300, 520, 800]) {
  test(`defect 7: at ${width} px the counter table fits: every Close button is inside the panel`, async (t) => {
    if (skip) return t.skip(skip);
    const page = await open('', width);
    const body = await page.evaluate(() => document.body.getBoundingClientRect().right);
    const closes = await page.$$eval('.countertable vscode-button[aria-label^="Close"]', (els) =>
      els.map((e) => e.getBoundingClientRect().right),
    );
    assert.equal(closes.length, 2);
    for (const r of closes) assert.ok(r <= body + 0.5, `a Close button ends at ${r}, past the panel's edge ${body}`);
    const overflow = await page.$eval('.counters', (e) => e.scrollWidth - e.clientWidth);
    assert.ok(overflow <= 0, `the counters overflow by ${overflow} px`);
    await page.close();
  });
}

test(
  "defect 9: a perf action's result does not linger past the next stop; the stop's " + 'whole sentence is shown',
  async (t) => {
    if (skip) return t.skip(skip);
    const page = await open();
    assert.match(
      (await page.textContent('.stopline')) ?? '',
      /child stopped at icount 7,000,020: Watchpoint 3 \(read value\): "ld r0,0\(r3\)" .* about to read 8 bytes/,
    );
    await page.click('vscode-button[aria-label="Close all"]');
    await page.waitForFunction(() =>
      /Closing all failed: EBADF: counter already closed/.test(document.querySelector('.status')?.textContent ?? ''),
    );
    // the errno is said once when the message already says it
    await give(page, {
      type: 'perfResult',
      reqId: 99,
      ok: false,
      error: 'ENOSPC',
      message: 'ENOSPC: cpu0 has 2 and 2 are already reserved',
    });
    await page.waitForFunction(() =>
      /perf failed: ENOSPC: cpu0 has 2/.test(document.querySelector('.status')?.textContent ?? ''),
    );
    assert.doesNotMatch((await page.textContent('.status')) ?? '', /ENOSPC: ENOSPC/);
    await give(page, { type: 'stopped', task: 'child', reason: 'step', description: 'step', icount: 7_000_021 });
    await page.waitForFunction(() => (document.querySelector('.status')?.textContent ?? '') === '');
    assert.match((await page.textContent('.stopline')) ?? '', /icount 7,000,021/);
    await page.close();
  },
);

test(
  'the timeline: one strip per CPU and slot, asked for about one bucket per pixel, ' + 'with a legend of the branches',
  async (t) => {
    if (skip) return t.skip(skip);
    const page = await open();
    await drawn(page);
    const req = (await sent(page)).filter((m) => m.type === 'timeline');
    assert.ok(req.length >= 1);
    const first = req[0];
    assert.equal(first.from, 0);
    assert.equal(first.to, undefined, 'following the run: up to now');
    const canvasW = await page.$eval('.tlcanvas', (e) => e.getBoundingClientRect().width);
    assert.ok(
      (first.buckets as number) > canvasW * 0.6 && (first.buckets as number) <= canvasW,
      `${first.buckets} buckets for ${canvasW} px`,
    );
    const h = await page.$eval('.tlcanvas', (e) => e.getBoundingClientRect().height);
    assert.ok(h > 2 * (15 + 2 * 20), `the canvas is ${h} px high for 2 CPUs of 2 slots`);
    const legend = await page.$$eval('.tllegend .tlkey', (els) => els.map((e) => e.textContent));
    for (const k of [
      'ptrace-report',
      'perf-single-step',
      'step-complete',
      'in the slot',
      'scheduled out',
      'single step in flight',
    ])
      assert.ok(legend.includes(k), `legend ${legend}`);
    assert.match(
      (await page.getAttribute('.tlcanvas', 'aria-label')) ?? '',
      /Timeline: icount 0 to 7,000,020, 1000000 decisions.*Keys: /,
    );
    assert.deepEqual((page as unknown as { errors: string[] }).errors, []);
    await page.close();
  },
);

/** A point on a mark of cpu0's DAWR0 lane, zoomed in so that marks stand apart. */
async function zoomedMark(page: Page): Promise<{ x: number; y: number }> {
  await page.focus('.tlcanvas');
  // zoom in (keyboard) until a bucket is wider than a decision's spacing: ~7 instructions apart
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('+');
    const span = await page.evaluate(() => {
      const m = /icount ([\d,]+) – ([\d,]+)/.exec(document.querySelector('.tlrange')?.textContent ?? '');
      return m ? Number(m[2].replace(/,/g, '')) - Number(m[1].replace(/,/g, '')) : Infinity;
    });
    if (span < 1000) break;
  }
  // the window the host answers for is the one asked last, and it is drawn
  await page.waitForFunction(() => {
    const h = (
      window as unknown as {
        __harness: {
          sent: Array<{ type: string; to?: number }>;
          received: Array<{ type: string; data?: { from: number; to: number } }>;
        };
      }
    ).__harness;
    const lastReq = h.sent.filter((m) => m.type === 'timeline').at(-1);
    const lastData = h.received.filter((m) => m.type === 'timeline').at(-1);
    const drawn = (document.querySelector('.tlcanvas') as HTMLElement).dataset.drawn;
    return (
      lastReq?.to !== undefined &&
      lastData?.data?.to === Math.ceil(lastReq.to as number) &&
      drawn === `${lastData.data.from}-${lastData.data.to}`
    );
  });
  // find a pixel of a ptrace-report mark (red) on cpu0's DAWR0 row: the lane starts at 2 + 15
  return page.evaluate(() => {
    const c = document.querySelector('.tlcanvas') as HTMLCanvasElement;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    const dpr = window.devicePixelRatio || 1;
    const y = 2 + 15 + 10;
    const row = g.getImageData(0, Math.round(y * dpr), c.width, 1).data;
    for (let x = Math.round(60 * dpr); x < c.width; x++) {
      // an opaque red pixel (the strip's fills are translucent)
      const [r, gg, b, a] = [row[4 * x], row[4 * x + 1], row[4 * x + 2], row[4 * x + 3]];
      if (a === 255 && r > 200 && gg < 110 && b < 110) return { x: x / dpr + 1, y };
    }
    return { x: -1, y };
  });
}

test('the timeline: hover a mark for its decision; click it to open it in the log and its source line', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open('&total=3000');
  await drawn(page);
  const p = await zoomedMark(page);
  assert.ok(p.x > 0, 'no ptrace-report mark found on cpu0 DAWR0');
  const box = (await page.$('.tlcanvas'))!;
  const b = (await box.boundingBox())!;
  await page.mouse.move(b.x + p.x, b.y + p.y);
  await page.waitForFunction(() => {
    const tip = document.querySelector('.tltip') as HTMLElement;
    return (
      !tip.hidden &&
      /ptrace-report/.test(tip.textContent ?? '') &&
      /slot 0 ptrace:child:1 HIT/.test(tip.textContent ?? '')
    );
  });
  const tip = (await page.textContent('.tltip')) ?? '';
  const seq = Number(/#(\d+) · ptrace-report/.exec(tip)?.[1]);
  assert.ok(seq >= 0, tip);
  assert.match(tip, /ld r0,0\(r3\)|std r4,8\(r3\)/);
  assert.ok(
    (await sent(page)).some((m) => m.type === 'decisionDetail' && m.seq === seq),
    'the detail was asked of the host',
  );
  await page.mouse.down();
  await page.mouse.up();
  await page.waitForFunction((s) => document.querySelector('.vrow.focused .seq')?.textContent === `#${s}`, seq);
  assert.equal(await page.getAttribute('.vrow.focused', 'aria-expanded'), 'true', 'the decision is opened in the log');
  assert.ok(
    (await sent(page)).some((m) => m.type === 'openDecision' && m.seq === seq),
    'its source line is opened',
  );
  // the focused decision is drawn as a line on the strip: a later redraw keeps it
  assert.deepEqual((page as unknown as { errors: string[] }).errors, []);
  await page.close();
});

test('the timeline: Ctrl+wheel zooms around the pointer, dragging pans, Fit follows the whole run again', async (t) => {
  if (skip) return t.skip(skip);
  const page = await open();
  await drawn(page);
  const b = (await (await page.$('.tlcanvas'))!.boundingBox())!;
  const last = async () =>
    (await sent(page)).filter((m) => m.type === 'timeline').at(-1) as Msg & { from: number; to?: number };
  const n0 = (await sent(page)).filter((m) => m.type === 'timeline').length;
  await page.mouse.move(b.x + b.width * 0.75, b.y + 30);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  // (a request already on its way may be answered first: wait for the zoomed window's)
  await page.waitForFunction((n) => {
    const reqs = (
      window as unknown as { __harness: { sent: Array<{ type: string; to?: number }> } }
    ).__harness.sent.filter((m) => m.type === 'timeline');
    return reqs.length > n && reqs.at(-1)?.to !== undefined;
  }, n0);
  const z = await last();
  assert.ok(z.to !== undefined, 'a fixed window once zoomed');
  const span = (z.to as number) - z.from;
  assert.ok(span < 7_000_020 * 0.85 && span > 7_000_020 * 0.7, `zoomed to ${span}`);
  assert.ok(z.from > 0, 'around the pointer (three quarters in), not the start');
  // drag to the right: an earlier window of the same span
  const n1 = (await sent(page)).filter((m) => m.type === 'timeline').length;
  await page.mouse.move(b.x + b.width * 0.5, b.y + 30);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * 0.7, b.y + 30, { steps: 5 });
  await page.mouse.up();
  // the drag asks for earlier windows as it goes; the last one asked is drawn
  await page.waitForFunction(
    ([n, from]) => {
      const h = (
        window as unknown as {
          __harness: {
            sent: Array<{ type: string; from?: number; to?: number }>;
            received: Array<{ type: string; data?: { from: number; to: number } }>;
          };
        }
      ).__harness;
      const reqs = h.sent.filter((m) => m.type === 'timeline');
      const lastReq = reqs.at(-1);
      const lastData = h.received.filter((m) => m.type === 'timeline').at(-1)?.data;
      return (
        reqs.length > n &&
        lastReq !== undefined &&
        (lastReq.from as number) < from &&
        lastData !== undefined &&
        lastData.from === lastReq.from
      );
    },
    [n1, z.from] as [number, number],
  );
  const p = await last();
  assert.ok(p.from < z.from, `panned: from ${z.from} to ${p.from}`);
  assert.ok(Math.abs((p.to as number) - p.from - span) <= 2, 'the same span');
  assert.equal(await page.getAttribute('.tlbtn.fit', 'class'), 'tlbtn fit');
  await page.click('.tlbtn.fit');
  await page.waitForFunction(() => {
    const m = (
      window as unknown as { __harness: { sent: Array<{ type: string; to?: number; from?: number }> } }
    ).__harness.sent
      .filter((x) => x.type === 'timeline')
      .at(-1);
    return m?.to === undefined && m?.from === 0;
  });
  assert.match((await page.getAttribute('.tlbtn.fit', 'class')) ?? '', /\bon\b/);
  // the view is kept with the panel's state (a reload comes back to it)
  await page.waitForFunction(() =>
    /"timeline":\{"follow":true/.test((window as unknown as { __stored?: string }).__stored ?? ''),
  );
  await page.close();
});

test(
  'the timeline asks again when the run goes on (a stop), and starts over when the ' +
    'history is rebuilt (time travel)',
  async (t) => {
    if (skip) return t.skip(skip);
    const page = await open();
    await drawn(page);
    const count = async () => (await sent(page)).filter((m) => m.type === 'timeline').length;
    const n0 = await count();
    await give(page, { type: 'stopped', task: 'child', reason: 'step', icount: 7_000_021 });
    await page.waitForFunction(
      (n) =>
        (window as unknown as { __harness: { sent: Array<{ type: string }> } }).__harness.sent.filter(
          (m) => m.type === 'timeline',
        ).length > n,
      n0,
    );
    const n1 = await count();
    await give(page, { type: 'session', state: 'running', id: 's1', name: 'Debug ptrace-perf-asm.S', reset: true });
    await page.waitForFunction(
      (n) =>
        (window as unknown as { __harness: { sent: Array<{ type: string }> } }).__harness.sent.filter(
          (m) => m.type === 'timeline',
        ).length > n,
      n1,
    );
    await drawn(page);
    await page.close();
  },
);

test(
  'the timeline from the keyboard: period and comma go from mark to mark with its ' + 'hover, Enter opens it',
  async (t) => {
    if (skip) return t.skip(skip);
    const page = await open('&total=3000');
    await drawn(page);
    await zoomedMark(page);
    await page.focus('.tlcanvas');
    await page.keyboard.press('.');
    await page.waitForFunction(() => {
      const tip = document.querySelector('.tltip') as HTMLElement;
      return !tip.hidden && /^#\d+ · /.test(tip.textContent ?? '');
    });
    const first = Number(/^#(\d+)/.exec((await page.textContent('.tltip')) ?? '')?.[1]);
    await page.keyboard.press('.');
    await page.waitForFunction(
      (f) => Number(/^#(\d+)/.exec(document.querySelector('.tltip')?.textContent ?? '')?.[1]) > f,
      first,
    );
    await page.keyboard.press(',');
    await page.waitForFunction(
      (f) => Number(/^#(\d+)/.exec(document.querySelector('.tltip')?.textContent ?? '')?.[1]) === f,
      first,
    );
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (f) =>
        (window as unknown as { __harness: { sent: Array<{ type: string; seq?: number }> } }).__harness.sent.some(
          (m) => m.type === 'openDecision' && m.seq === f,
        ),
      first,
    );
    await page.waitForFunction((f) => document.querySelector('.vrow.focused .seq')?.textContent === `#${f}`, first);
    await page.close();
  },
);
