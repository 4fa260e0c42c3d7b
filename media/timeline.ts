// The panel's timeline: per CPU a row of the task running there, per DAWR slot a strip over the
// machine's clock (icount) showing which breakpoint held the slot when (installed; scheduled out
// while its task was off the CPU, hatched; a perf single step in flight, a band at the bottom), and
// each exception as a mark coloured by the branch the handler took. Hover a mark for the decision,
// click it to open it in the log and its source line; Ctrl+wheel or the buttons zoom, dragging or
// Shift+wheel pans, Fit follows the whole run live. From the keyboard: + and - zoom, the arrows
// pan, Home fits, , and . go from mark to mark (its hover shown), Enter opens it. The host answers each window with
// what falls in it, cut into about one bucket per pixel, so the strip stays light for a million decisions.
import type { TimelineLane, TimelineMark, TimelineResponse, TimelineSegment } from '../debug-adapter/panel-protocol';
import type { PanelRow } from '../contract/panel-messages';
import type { Branch } from '../sim/decision';
import { fmtInt, h } from './dom';

export interface TimelineCallbacks {
  /** ask the host for a window (`to` undefined: up to now) */
  request(from: number, to: number | undefined, buckets: number): void;
  /** ask the host for one decision's row (a hover) */
  detail(seq: number): void;
  /** a mark was clicked: reveal its first decision in the log and open its source line */
  open(mark: TimelineMark): void;
  /** zoom, pan or follow changed: persist */
  changed(): void;
}

export interface TimelineView {
  follow: boolean;
  from: number;
  to: number;
}

const LABEL_W = 58;
const RUN_H = 15;
const LANE_H = 20;
const CPU_GAP = 6;
const AXIS_H = 18;
const PAD_TOP = 2;
const MIN_SPAN = 8;

/** The branch colours: a theme's chart colours, one family per kind of outcome. */
const BRANCH_COLOUR: Record<Branch, string> = {
  'ptrace-report': '--vscode-charts-red',
  'ptrace-report-all': '--vscode-charts-orange',
  'no-hit-sigtrap': '--vscode-charts-yellow',
  'perf-single-step': '--vscode-charts-blue',
  'step-complete': '--vscode-charts-green',
  'perf-emulate': '--vscode-charts-purple',
  'larx-stcx-disable': '--vscode-editorWarning-foreground',
  'unreadable-disable': '--vscode-editorWarning-foreground',
  'emulate-fail-disable': '--vscode-editorWarning-foreground',
  'spurious-dd1': '--vscode-descriptionForeground',
  'step-unclaimed': '--vscode-descriptionForeground',
  'thread-change-pc': '--vscode-descriptionForeground',
};
const FALLBACK: Record<string, string> = {
  '--vscode-charts-red': '#f14c4c',
  '--vscode-charts-orange': '#d18616',
  '--vscode-charts-yellow': '#cca700',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-charts-green': '#89d185',
  '--vscode-charts-purple': '#b180d7',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-debugIcon-breakpointForeground': '#e51400',
  '--vscode-foreground': '#cccccc',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-sideBar-background': '#181818',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-editorWidget-background': '#202020',
  '--vscode-contrastBorder': '',
  '--vscode-editor-font-family': 'monospace',
};

interface Hit {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  mark?: TimelineMark;
  seg?: TimelineSegment;
  lane?: TimelineLane;
  run?: { task: string; from: number; to: number; cpu: number };
}

export class Timeline {
  readonly el: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly wrap: HTMLElement;
  private readonly tip: HTMLElement;
  private readonly range: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly fitBtn: HTMLElement;
  private data: TimelineResponse | undefined;
  private view: TimelineView = { follow: true, from: 0, to: 1 };
  private cursor: number | undefined;
  private hits: Hit[] = [];
  private details = new Map<number, PanelRow | null>();
  private hovered: Hit | undefined;
  /** the mark chosen from the keyboard (, and . move, Enter opens), by its first decision */
  private keySeq: number | undefined;
  private inFlight = false;
  private again = false;
  private raf = 0;
  private lastRequest = 0;
  private lastRtt = 0;
  private timer = 0;
  private drag: { x: number; from: number; to: number; moved: boolean } | undefined;
  private visible = () => true;

  constructor(private readonly cb: TimelineCallbacks) {
    this.canvas = h('canvas', {
      class: 'tlcanvas',
      tabindex: 0,
      role: 'img',
      'aria-label': 'Timeline of the slots and the decisions',
    }) as HTMLCanvasElement;
    this.tip = h('div', { class: 'tltip', role: 'tooltip' });
    this.tip.hidden = true;
    this.wrap = h('div', { class: 'tlwrap' }, this.canvas, this.tip);
    this.range = h('span', { class: 'tlrange muted' });
    this.legend = h('div', { class: 'tllegend' });
    const btn = (label: string, title: string, f: () => void, cls = '') => {
      const b = h('button', { class: `tlbtn ${cls}`, title, 'aria-label': title }, label);
      b.addEventListener('click', f);
      return b;
    };
    this.fitBtn = btn('Fit', 'Show the whole run and follow it live (Home)', () => this.fit(), 'fit');
    const bar = h(
      'div',
      { class: 'tlbar' },
      btn('−', 'Zoom out (-)', () => this.zoom(2)),
      btn('+', 'Zoom in (+)', () => this.zoom(0.5)),
      this.fitBtn,
      this.range,
      btn(
        'Export Trace',
        'Export the session as a Chrome trace (Perfetto, chrome://tracing)',
        () => this.exportTrace(),
        'export',
      ),
    );
    this.el = h('div', { class: 'timeline' }, bar, this.wrap, this.legend);
    this.canvas.addEventListener('pointermove', (e) => this.onMove(e));
    this.canvas.addEventListener('pointerleave', () => {
      if (!this.drag) this.hover(undefined);
    });
    this.canvas.addEventListener('pointerdown', (e) => this.onDown(e));
    this.canvas.addEventListener('pointerup', (e) => this.onUp(e));
    this.canvas.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.canvas.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => {
      this.schedule();
      this.refresh();
    }).observe(this.wrap);
  }

  /** Set by the panel: the timeline asks for data only while it is shown. */
  onlyWhen(visible: () => boolean): void {
    this.visible = visible;
  }

  exportTrace: () => void = () => undefined;

  /** Export Trace needs a running session (the adapter writes the file). */
  setExportable(on: boolean): void {
    const b = this.el.querySelector('.tlbtn.export') as HTMLButtonElement | null;
    if (!b) return;
    b.disabled = !on;
    b.title = on
      ? 'Export the session as a Chrome trace (Perfetto, chrome://tracing)'
      : 'Export Trace needs a running session';
  }

  get state(): TimelineView {
    return { ...this.view };
  }

  restore(v: TimelineView | undefined): void {
    if (v && Number.isFinite(v.from) && Number.isFinite(v.to) && v.to > v.from)
      this.view = { follow: v.follow, from: v.from, to: v.to };
    this.fitBtn.classList.toggle('on', this.view.follow);
  }

  /** A new session, or its history rebuilt (time travel): the data shown is not true any more. */
  reset(): void {
    this.data = undefined;
    this.details.clear();
    this.cursor = undefined;
    this.hover(undefined);
    this.schedule();
    this.refresh(true);
  }

  /** Something changed (a stop, decisions, slots): ask again, at most one request in flight, and
   * while the program runs not more often than every 150 ms nor than four times the last answer
   * took (the adapter computes the window between the machine's chunks: it keeps most of its time
   * for the run). */
  refresh(now = false): void {
    if (!this.visible()) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const wait = now ? 0 : Math.max(0, Math.max(150, 4 * this.lastRtt) - (performance.now() - this.lastRequest));
    if (wait > 0) {
      if (!this.timer)
        this.timer = window.setTimeout(() => {
          this.timer = 0;
          this.refresh(true);
        }, wait);
      return;
    }
    this.inFlight = true;
    this.lastRequest = performance.now();
    const buckets = Math.max(20, Math.min(4000, Math.floor(this.plotWidth())));
    if (this.view.follow) this.cb.request(0, undefined, buckets);
    else this.cb.request(Math.max(0, Math.floor(this.view.from)), Math.ceil(this.view.to), buckets);
  }

  /** The host's answer (or its failure) to the request in flight. */
  setData(d: TimelineResponse | undefined): void {
    this.inFlight = false;
    this.lastRtt = Math.min(5000, performance.now() - this.lastRequest);
    if (d) {
      this.data = d;
      if (this.view.follow) this.view = { follow: true, from: d.from, to: Math.max(d.to, d.from + MIN_SPAN) };
    }
    this.schedule();
    if (this.again) {
      this.again = false;
      this.refresh();
    }
  }

  setDetail(seq: number, row: PanelRow | undefined): void {
    this.details.set(seq, row ?? null);
    if (this.hovered?.mark?.seq === seq) this.showTip(this.hovered);
  }

  /** The decision focused in the log: a line on the strip at its instant. */
  setCursor(icount: number | undefined): void {
    if (icount === this.cursor) return;
    this.cursor = icount;
    this.schedule();
  }

  // ---- view changes ------------------------------------------------------------------------------

  private fit(): void {
    this.view = { ...this.view, follow: true };
    this.fitBtn.classList.add('on');
    this.cb.changed();
    this.refresh(true);
  }

  private setWindow(from: number, to: number): void {
    const end = Math.max(this.data?.now ?? to, MIN_SPAN);
    let span = Math.max(MIN_SPAN, to - from);
    span = Math.min(span, Math.max(end, MIN_SPAN));
    let f = Math.max(0, Math.min(from, end - span));
    if (!Number.isFinite(f)) f = 0;
    this.view = { follow: false, from: f, to: f + span };
    this.fitBtn.classList.remove('on');
    this.schedule();
    this.cb.changed();
    this.refresh();
  }

  /** factor < 1 zooms in, around `at` (a clock value; default the middle) */
  zoom(factor: number, at?: number): void {
    const { from, to } = this.view;
    const c = at ?? (from + to) / 2;
    this.setWindow(c - (c - from) * factor, c + (to - c) * factor);
  }

  pan(fraction: number): void {
    const span = this.view.to - this.view.from;
    this.setWindow(this.view.from + span * fraction, this.view.to + span * fraction);
  }

  // ---- drawing -----------------------------------------------------------------------------------

  private plotWidth(): number {
    return Math.max(40, (this.wrap.clientWidth || 300) - LABEL_W - 4);
  }

  private schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.draw();
    });
  }

  private x(t: number): number {
    const { from, to } = this.view;
    return LABEL_W + ((t - from) / Math.max(1e-9, to - from)) * this.plotWidth();
  }

  private t(x: number): number {
    const { from, to } = this.view;
    return from + ((x - LABEL_W) / this.plotWidth()) * (to - from);
  }

  private draw(): void {
    const d = this.data;
    const cpus = d?.cpus ?? 0;
    const slots = d?.slots ?? 0;
    const height = PAD_TOP + cpus * (RUN_H + slots * LANE_H + CPU_GAP) + AXIS_H;
    const width = this.wrap.clientWidth || 300;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.height = `${Math.max(height, 40)}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(Math.max(height, 40) * dpr);
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const css = getComputedStyle(document.body);
    const col = (v: string) => css.getPropertyValue(v).trim() || FALLBACK[v] || '#888';
    const fg = col('--vscode-foreground');
    const muted = col('--vscode-descriptionForeground');
    const border = col('--vscode-contrastBorder') || col('--vscode-panel-border');
    const font = `11px ${css.getPropertyValue('--vscode-font-family').trim() || 'sans-serif'}`;
    g.clearRect(0, 0, width, height);
    g.font = font;
    g.textBaseline = 'middle';
    this.hits = [];
    const fmt = (n: number) => fmtInt(Math.round(n));
    if (!d) {
      g.fillStyle = muted;
      g.fillText('No timeline yet.', LABEL_W, 20);
      this.range.textContent = '';
      return;
    }
    this.range.textContent =
      `icount ${fmt(this.view.from)} – ${fmt(this.view.to)} · now ` +
      `${fmt(d.now)}${d.decisions ? ` · ${fmt(d.decisions)} decision${d.decisions === 1 ? '' : 's'}` : ''}`;
    const plotR = LABEL_W + this.plotWidth();
    const clipX = (a: number, b: number): [number, number] => [
      Math.max(LABEL_W, this.x(a)),
      Math.min(plotR, this.x(b)),
    ];
    const ptraceC = col('--vscode-debugIcon-breakpointForeground');
    const perfC = col('--vscode-charts-blue');
    const stepC = col('--vscode-charts-yellow');
    const textIn = (s: string, x0: number, x1: number, y: number, colour: string) => {
      const w = x1 - x0 - 6;
      if (w < 18) return;
      let t = s;
      while (t.length > 1 && g.measureText(t).width > w) t = t.slice(0, -2);
      if (t !== s) t = `${t.slice(0, -1)}…`;
      g.fillStyle = colour;
      g.fillText(t, x0 + 3, y);
    };
    let y = PAD_TOP;
    for (let c = 0; c < cpus; c++) {
      // the CPU's row: the task running there
      g.fillStyle = fg;
      g.font = `600 ${font}`;
      g.fillText(`cpu${c}`, 2, y + RUN_H / 2);
      g.font = font;
      for (const r of d.runs.filter((x) => x.cpu === c)) {
        const [x0, x1] = clipX(r.from, r.to);
        if (x1 < x0) continue;
        g.fillStyle = withAlpha(muted, 0.22);
        g.fillRect(x0, y + 2, Math.max(1, x1 - x0), RUN_H - 4);
        textIn(r.task, x0, x1, y + RUN_H / 2, fg);
        this.hits.push({ x0, x1: Math.max(x0 + 1, x1), y0: y, y1: y + RUN_H, run: r });
      }
      const runY = y;
      y += RUN_H;
      for (let s = 0; s < slots; s++) {
        const lane = d.lanes.find((l) => l.cpu === c && l.slot === s);
        g.fillStyle = muted;
        g.fillText(d.model === 'power7' ? `DABR${s || ''}` : `DAWR${s}`, 8, y + LANE_H / 2);
        g.strokeStyle = withAlpha(muted, 0.25);
        g.beginPath();
        g.moveTo(LABEL_W, y + LANE_H - 0.5);
        g.lineTo(plotR, y + LANE_H - 0.5);
        g.stroke();
        for (const seg of lane?.segments ?? []) {
          const [x0, x1raw] = clipX(seg.from, seg.to);
          const x1 = Math.max(x0 + 1, x1raw);
          if (x1raw < x0) continue;
          const oc = seg.owner === 'ptrace' ? ptraceC : perfC;
          if (seg.state === 'installed') {
            g.fillStyle = withAlpha(oc, 0.32);
            g.fillRect(x0, y + 2, x1 - x0, LANE_H - 5);
            g.fillStyle = oc;
            g.fillRect(x0, y + 2, x1 - x0, 1.5);
            textIn(`${seg.label}${seg.task ? ` ${seg.task}` : ''}`, x0, x1, y + LANE_H / 2, fg);
          } else {
            g.save();
            g.beginPath();
            g.rect(x0, y + 2, x1 - x0, LANE_H - 5);
            g.clip();
            g.strokeStyle = withAlpha(oc, 0.45);
            for (let k = x0 - LANE_H; k < x1; k += 6) {
              g.beginPath();
              g.moveTo(k, y + LANE_H - 3);
              g.lineTo(k + LANE_H, y + 2);
              g.stroke();
            }
            g.restore();
            g.setLineDash([3, 2]);
            g.strokeStyle = withAlpha(oc, 0.8);
            g.strokeRect(x0 + 0.5, y + 2.5, x1 - x0 - 1, LANE_H - 6);
            g.setLineDash([]);
            textIn(`${seg.label} (scheduled out)`, x0, x1, y + LANE_H / 2, muted);
          }
          this.hits.push({ x0, x1, y0: y, y1: y + LANE_H, seg, lane });
        }
        for (const [a, b] of lane?.stepping ?? []) {
          const [x0, x1] = clipX(a, b);
          if (x1 < x0) continue;
          g.fillStyle = stepC;
          g.fillRect(x0, y + LANE_H - 6, Math.max(1.5, x1 - x0), 3);
        }
        y += LANE_H;
      }
      // the marks: on the slots they name, or on the CPU's row
      for (const m of d.marks.filter((x) => x.cpu === c)) {
        if (m.icount < this.view.from || m.icount > this.view.to) continue;
        const x = this.x(m.icount);
        const y0 = m.slot < 0 ? runY + 1 : runY + RUN_H + m.slot * LANE_H + 1;
        const hgt = m.slot < 0 ? RUN_H - 2 : LANE_H - 3;
        g.fillStyle = col(BRANCH_COLOUR[m.branch] ?? '--vscode-foreground');
        const w = m.n > 1 ? 3 : 2;
        g.fillRect(Math.round(x - w / 2), y0, w, hgt);
        if (m.branches && m.branches.length > 1) {
          // a second kind in the bucket: its colour in the mark's lower half
          g.fillStyle = col(BRANCH_COLOUR[m.branches.find((b) => b !== m.branch) ?? m.branch] ?? '--vscode-foreground');
          g.fillRect(Math.round(x - w / 2), y0 + hgt / 2, w, hgt / 2);
        }
        this.hits.push({ x0: x - 4, x1: x + 4, y0, y1: y0 + hgt, mark: m });
        if (m.seq === this.keySeq) {
          g.strokeStyle = col('--vscode-focusBorder');
          g.lineWidth = 1.5;
          g.strokeRect(Math.round(x) - 4.5, y0 - 1.5, 9, hgt + 3);
          g.lineWidth = 1;
        }
      }
      y += CPU_GAP;
    }
    // now, the cursor, the axis
    const line = (t: number, colour: string, dash: number[]) => {
      if (t < this.view.from || t > this.view.to) return;
      const x = Math.round(this.x(t)) + 0.5;
      g.strokeStyle = colour;
      g.setLineDash(dash);
      g.beginPath();
      g.moveTo(x, PAD_TOP);
      g.lineTo(x, y);
      g.stroke();
      g.setLineDash([]);
    };
    line(d.now, muted, [2, 2]);
    if (this.cursor !== undefined) line(this.cursor, col('--vscode-focusBorder'), []);
    g.strokeStyle = border;
    g.beginPath();
    g.moveTo(LABEL_W, y + 0.5);
    g.lineTo(plotR, y + 0.5);
    g.stroke();
    const span = this.view.to - this.view.from;
    const step = niceStep(span / Math.max(1, Math.floor(this.plotWidth() / 70)));
    g.fillStyle = muted;
    g.textAlign = 'center';
    for (let t = Math.ceil(this.view.from / step) * step; t <= this.view.to; t += step) {
      const x = this.x(t);
      g.fillRect(Math.round(x), y, 1, 4);
      const label = fmt(t);
      if (x - g.measureText(label).width / 2 > LABEL_W - 4 && x + g.measureText(label).width / 2 < width)
        g.fillText(label, x, y + 11);
    }
    g.textAlign = 'left';
    g.fillText('icount', 2, y + 11);
    // the window and buckets of the data drawn last, and whether its width was asked for (tests wait for it)
    this.canvas.dataset.drawn = `${d.from}-${d.to}`;
    this.canvas.dataset.fits = String(
      Math.abs(d.buckets - Math.max(20, Math.min(4000, Math.floor(this.plotWidth())))) <= 1 &&
        !this.inFlight &&
        !this.again,
    );
    this.canvas.setAttribute(
      'aria-label',
      `Timeline: icount ${fmt(this.view.from)} to ${fmt(this.view.to)}, ${d.decisions} ` +
        `decisions, ${d.marks.length} marks. Keys: + and - zoom, arrows pan, Home fits, ` +
        `comma and period go from mark to mark, Enter opens the mark`,
    );
    this.drawLegend(d);
  }

  private legendKey = '';
  private drawLegend(d: TimelineResponse): void {
    const kinds = [...new Set(d.marks.flatMap((m) => m.branches ?? [m.branch]))];
    const key = kinds.join();
    if (key === this.legendKey) return;
    this.legendKey = key;
    this.legend.replaceChildren(
      ...kinds.map((k) =>
        h('span', { class: `tlkey br-${k}` }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), k),
      ),
      h('span', { class: 'tlkey installed' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'in the slot'),
      h('span', { class: 'tlkey schedout' }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), 'scheduled out'),
      h(
        'span',
        { class: 'tlkey stepping' },
        h('span', { class: 'swatch', 'aria-hidden': 'true' }),
        'single step in flight',
      ),
    );
  }

  // ---- pointer and keyboard ------------------------------------------------------------------------

  private at(e: { offsetX: number; offsetY: number }): Hit | undefined {
    const inLane = this.hits.filter((x) => e.offsetY >= x.y0 && e.offsetY < x.y1);
    // marks win, nearest first
    const marks = inLane.filter((x) => x.mark && e.offsetX >= x.x0 && e.offsetX <= x.x1);
    if (marks.length)
      return marks.sort((a, b) => Math.abs((a.x0 + a.x1) / 2 - e.offsetX) - Math.abs((b.x0 + b.x1) / 2 - e.offsetX))[0];
    return inLane.find((x) => !x.mark && e.offsetX >= x.x0 && e.offsetX <= x.x1);
  }

  private onMove(e: PointerEvent): void {
    if (this.drag) {
      const dx = e.offsetX - this.drag.x;
      if (Math.abs(dx) > 3) this.drag.moved = true;
      if (!this.drag.moved) return;
      const dt = (dx / this.plotWidth()) * (this.drag.to - this.drag.from);
      this.setWindow(this.drag.from - dt, this.drag.to - dt);
      return;
    }
    this.hover(this.at(e));
  }

  private onDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.drag = { x: e.offsetX, from: this.view.from, to: this.view.to, moved: false };
    this.canvas.setPointerCapture(e.pointerId);
  }

  private onUp(e: PointerEvent): void {
    const d = this.drag;
    this.drag = undefined;
    if (this.canvas.hasPointerCapture(e.pointerId)) this.canvas.releasePointerCapture(e.pointerId);
    if (d && !d.moved) {
      const hit = this.at(e);
      if (hit?.mark) this.cb.open(hit.mark);
    }
  }

  private onWheel(e: WheelEvent): void {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      this.zoom(e.deltaY > 0 ? 1.25 : 0.8, this.t(e.offsetX));
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      this.pan(((e.shiftKey ? e.deltaY : e.deltaX) / this.plotWidth()) * 0.5);
    }
  }

  private onKey(e: KeyboardEvent): void {
    switch (e.key) {
      case '+':
      case '=':
        this.zoom(0.5);
        break;
      case '-':
      case '_':
        this.zoom(2);
        break;
      case 'ArrowLeft':
        this.pan(-0.2);
        break;
      case 'ArrowRight':
        this.pan(0.2);
        break;
      case 'Home':
      case '0':
        this.fit();
        break;
      case ',':
      case '.':
        this.stepMark(e.key === '.' ? 1 : -1);
        break;
      case 'Enter': {
        const hit = this.hits.find((x) => x.mark && x.mark.seq === this.keySeq);
        if (hit?.mark) this.cb.open(hit.mark);
        break;
      }
      case 'Escape':
        this.keySeq = undefined;
        this.hover(undefined);
        this.schedule();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  /** The next (or previous) mark in time of the window, chosen from the keyboard: its hover shown. */
  private stepMark(dir: 1 | -1): void {
    const marks = this.hits.filter((x) => x.mark).sort((a, b) => a.mark!.icount - b.mark!.icount || a.y0 - b.y0);
    if (marks.length === 0) return;
    const at = marks.findIndex((x) => x.mark!.seq === this.keySeq);
    const next = marks[at < 0 ? (dir > 0 ? 0 : marks.length - 1) : Math.max(0, Math.min(marks.length - 1, at + dir))];
    this.keySeq = next.mark!.seq;
    this.hover(next);
    this.schedule();
  }

  private hover(hit: Hit | undefined): void {
    this.hovered = hit;
    if (!hit) {
      this.tip.hidden = true;
      return;
    }
    if (hit.mark && !this.details.has(hit.mark.seq)) this.cb.detail(hit.mark.seq);
    this.showTip(hit);
  }

  private showTip(hit: Hit): void {
    const lines: Array<[string, string?]> = [];
    const slot = (n: number) => (this.data?.model === 'power7' ? `DABR${n || ''}` : `DAWR${n}`);
    if (hit.mark) {
      const m = hit.mark;
      const row = this.details.get(m.seq);
      lines.push(
        [`#${m.seq} · ${m.branch}`, 'head'],
        [`cpu${m.cpu} ${m.task} · icount ` + `${fmtInt(m.icount)}${m.slot >= 0 ? ` · ${slot(m.slot)}` : ''}`],
      );
      if (m.n > 1)
        lines.push([
          `${fmtInt(m.n)} decisions here (#${m.seq}…#${m.lastSeq ?? m.seq}): ` +
            `${(m.branches ?? [m.branch]).join(', ')}`,
        ]);
      if (row) {
        const d = row.d;
        lines.push([
          `${d.pc} ` + `${d.insn}${d.access ? ` · ${d.access.kind} ${d.access.size} @${d.access.ea}` : ''}`,
          'mono',
        ]);
        for (const s of d.slots) lines.push([`slot ${s.slot} ${s.bp} ${s.result.toUpperCase()}: ${s.reason}`, 'mono']);
        lines.push([row.branchText]);
        if (d.note) lines.push([d.note, 'note']);
        if (d.source)
          lines.push([`click: open in the log and ${d.source.path.split(/[\\/]/).pop()}:${d.source.line}`, 'hint']);
      } else if (row === undefined) lines.push(['…', 'hint']);
    } else if (hit.seg) {
      const s = hit.seg;
      lines.push(
        [`${slot(hit.lane?.slot ?? 0)} · ${s.label}${s.task ? ` ${s.task}` : ' cpu-wide'}`, 'head'],
        [`${s.type.toUpperCase()} ${s.addr}+${s.len}`, 'mono'],
      );
      const left = s.why
        ? ` (left: ${WHY[s.why] ?? s.why})`
        : this.data && s.to >= this.data.now
          ? ' (still there)'
          : '';
      lines.push([
        s.state === 'installed'
          ? `in the slot from icount ${fmtInt(s.from)} to ${fmtInt(s.to)}${left}`
          : `scheduled out from icount ${fmtInt(s.from)} to ${fmtInt(s.to)}: its task was off ` +
            `the CPU (stopped or switched out); it comes back when the task runs`,
      ]);
    } else if (hit.run) {
      lines.push(
        [`cpu${hit.run.cpu}: ${hit.run.task}`, 'head'],
        [`running from icount ${fmtInt(hit.run.from)} to ${fmtInt(hit.run.to)}`],
      );
    }
    this.tip.replaceChildren(...lines.map(([t, cls]) => h('div', { class: cls ?? '' }, t)));
    this.tip.hidden = false;
    const w = this.wrap.clientWidth;
    const left = Math.min(Math.max(0, hit.x0 + 8), Math.max(0, w - 280));
    this.tip.style.left = `${left}px`;
    this.tip.style.top = `${hit.y1 + 4}px`;
  }
}

const WHY: Record<string, string> = {
  'sched-out': 'its task was scheduled out',
  disabled: 'disabled (a ptrace watchpoint fires once)',
  closed: 'closed or deleted',
  offline: 'its CPU went offline',
};

/** 1, 2 or 5 times a power of ten, at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return Math.max(1, m * p);
  return Math.max(1, 10 * p);
}

/** A colour with an alpha (hex #rgb/#rrggbb or rgb(): theme colours are one of those). */
function withAlpha(c: string, a: number): string {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(c.trim());
  if (hex) {
    let v = hex[1];
    if (v.length === 3 || v.length === 4)
      v = v
        .split('')
        .map((x) => x + x)
        .join('');
    const n = parseInt(v.slice(0, 6), 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(c.trim());
  if (rgb) {
    const [r, g, b] = rgb[1].split(',').map((x) => x.trim());
    return `rgba(${r}, ${g}, ${b}, ${a})`;
  }
  return c;
}
