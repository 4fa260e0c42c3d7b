// The decision log as a virtualised tree: a million rows stay smooth because only the rows on screen
// exist in the DOM and only pages near the viewport are held (the host serves pages on request).
// Rows have a fixed height; an expanded row adds its known extra height. Keyboard: arrows, Page
// Up/Down, Home/End move; Enter/Space or Right/Left expand/collapse; `o` opens the source line.
import type { PanelRow } from '../contract/panel-messages';
import { clear, h } from './dom';

/** row height: one line, or two in a narrow side bar (the kind of decision goes on the second line) */
const ROW_H = 22;
const ROW_H_NARROW = 38;
const NARROW = 420;
const LINE_H = 18;
export const PAGE = 100;
const MAX_CACHED_PAGES = 40;
/** browsers cap element heights (Chromium near 33.5M px); beyond this the scroll range is scaled */
const MAX_SCROLL_H = 10_000_000;

export interface ListCallbacks {
  requestPage(start: number, count: number): void;
  openSource(row: PanelRow): void;
  changed(): void; // expansion, focus or scroll changed: persist state
  /** the focused row changed (the timeline draws its instant); undefined while it is not loaded */
  focused?(row: PanelRow | undefined): void;
}

export class DecisionList {
  readonly el: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly empty: HTMLDivElement;
  private count = 0;
  private exact = true;
  private pages = new Map<number, PanelRow[]>();
  private pending = new Set<number>();
  private pageUse = new Map<number, number>();
  private useClock = 0;
  /** expanded rows: index -> extra height */
  private expanded = new Map<number, number>();
  focus = 0;
  follow = true;
  private rowEls: HTMLDivElement[] = [];
  private raf = 0;
  private lastUserInput = -Infinity;
  private rowH = ROW_H;
  private emptyText = 'No decisions yet.';
  /** a row asked for (reveal) before the view had that many rows */
  private pendingReveal: number | undefined;
  private lastFocused: PanelRow | undefined;

  constructor(private readonly cb: ListCallbacks) {
    this.spacer = h('div', { class: 'vspacer' });
    this.empty = h('div', { class: 'vempty' });
    this.el = h(
      'div',
      { class: 'vlist', role: 'tree', tabindex: 0, 'aria-label': 'Decision log', 'aria-multiselectable': 'false' },
      this.spacer,
      this.empty,
    );
    // following the newest row ends only when the person scrolls away (not when a layout change or
    // our own scrolling moves the view), and resumes when they scroll back to the bottom
    const userInput = () => {
      this.lastUserInput = performance.now();
    };
    for (const ev of ['wheel', 'pointerdown', 'touchmove']) this.el.addEventListener(ev, userInput, { passive: true });
    this.el.addEventListener('scroll', () => {
      if (performance.now() - this.lastUserInput < 1000) this.follow = this.atBottom();
      this.schedule();
      this.cb.changed();
    });
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    this.el.addEventListener('click', (e) => this.onClick(e));
    this.el.addEventListener('focus', () => this.schedule());
    new ResizeObserver(() => {
      const narrow = this.el.clientWidth > 0 && this.el.clientWidth < NARROW;
      if (narrow !== (this.rowH === ROW_H_NARROW)) {
        const first = this.indexAt(this.offset());
        this.rowH = narrow ? ROW_H_NARROW : ROW_H;
        this.el.classList.toggle('twoline', narrow);
        this.el.style.setProperty('--row-h', `${this.rowH}px`);
        this.layoutHeight();
        if (!this.follow) this.el.scrollTop = this.top(first) / this.scale();
      }
      if (this.follow) this.pinBottom();
      this.schedule();
    }).observe(this.el);
  }

  get rowCount(): number {
    return this.count;
  }
  expandedIndexes(): number[] {
    return [...this.expanded.keys()];
  }

  /** A new filter: everything cached belongs to the old view. */
  resetView(): void {
    this.pages.clear();
    this.pending.clear();
    this.expanded.clear();
    this.count = 0;
    this.focus = 0;
    this.follow = true;
    this.el.scrollTop = 0;
    this.schedule();
  }

  setEmptyText(t: string): void {
    this.emptyText = t;
    this.schedule();
  }

  /** The row count of the view changed (live decisions, a scan that found more, dropped old ones). */
  setCount(count: number, exact: boolean, shift = 0): void {
    if (shift > 0) {
      // the bounded log dropped `shift` old rows: indices move down
      this.pages.clear();
      this.pending.clear();
      const moved = new Map<number, number>();
      for (const [i, x] of this.expanded) if (i - shift >= 0) moved.set(i - shift, x);
      this.expanded = moved;
      this.focus = Math.max(0, this.focus - shift);
    } else if (count !== this.count) {
      // the last page was partial: it has more rows now
      const last = Math.floor(Math.max(0, this.count - 1) / PAGE);
      const p = this.pages.get(last);
      if (p && p.length < PAGE) this.pages.delete(last);
      this.pending.delete(last);
    }
    const wasFollowing = this.follow;
    this.count = count;
    this.exact = exact;
    if (this.pendingReveal !== undefined && this.pendingReveal < count) {
      const i = this.pendingReveal;
      this.pendingReveal = undefined;
      this.layoutHeight();
      this.reveal(i);
      return;
    }
    this.el.style.setProperty('--seqw', `${String(Math.max(0, count - 1) + (shift || 0)).length + 2}ch`);
    if (this.focus >= count) this.focus = Math.max(0, count - 1);
    this.layoutHeight();
    if (wasFollowing && count > 0) {
      this.focus = count - 1;
      this.pinBottom();
    }
    this.schedule();
  }

  addPage(start: number, rows: PanelRow[]): void {
    if (start % PAGE !== 0) return;
    const p = start / PAGE;
    this.pending.delete(p);
    this.pages.set(p, rows);
    this.pageUse.set(p, ++this.useClock);
    this.evict();
    this.schedule();
  }

  /** Focuses row i, opens it and scrolls it into view (a timeline mark was clicked); stops following. */
  reveal(i: number): void {
    if (i < 0) return;
    if (i >= this.count) {
      this.pendingReveal = i;
      return;
    }
    this.follow = false;
    this.focus = i;
    if (!this.expanded.has(i)) {
      const r = this.row(i);
      this.expanded.set(i, r ? this.extraFor(r) : 0);
      if (this.expanded.size > 50) this.expanded.delete(this.expanded.keys().next().value as number);
    }
    this.layoutHeight();
    const view = this.el.clientHeight || 300;
    this.el.scrollTop = Math.max(0, (this.top(i) - view / 3) / this.scale());
    this.el.focus({ preventScroll: true });
    this.schedule();
    this.cb.changed();
  }

  restore(expanded: number[], focus: number, scrollTop: number, follow: boolean): void {
    this.expanded.clear();
    for (const i of expanded) this.expanded.set(i, 0); // extra height is known once the row is loaded
    this.focus = focus;
    this.follow = follow;
    this.pendingScroll = scrollTop;
  }
  private pendingScroll: number | undefined;

  private row(i: number): PanelRow | undefined {
    const p = this.pages.get(Math.floor(i / PAGE));
    return p?.[i % PAGE];
  }

  private extraFor(r: PanelRow): number {
    // slot lines, branch, effects, where/access, the debugger's note
    return (Math.max(1, r.d.slots.length) + 2 + (r.effectTexts.length ? 1 : 0) + (r.d.note ? 1 : 0)) * LINE_H + 6;
  }

  private contentHeight(): number {
    let hgt = this.count * this.rowH;
    for (const x of this.expanded.values()) hgt += x;
    // a view still being counted gets room to scroll on, which asks for more
    return hgt + (this.exact ? 0 : this.rowH * 3);
  }

  private top(i: number): number {
    let t = i * this.rowH;
    for (const [j, x] of this.expanded) if (j < i) t += x;
    return t;
  }

  private indexAt(y: number): number {
    const sorted = [...this.expanded].sort((a, b) => a[0] - b[0]);
    let extra = 0;
    for (const [j, x] of sorted) {
      const top = j * this.rowH + extra;
      if (y < top) break;
      if (y < top + this.rowH + x) return j;
      extra += x;
    }
    return Math.max(0, Math.floor((y - extra) / this.rowH));
  }

  private scale(): number {
    const H = this.contentHeight();
    const view = this.el.clientHeight || 1;
    if (H <= MAX_SCROLL_H) return 1;
    return (H - view) / (MAX_SCROLL_H - view);
  }

  private layoutHeight(): void {
    const H = this.contentHeight();
    this.spacer.style.height = `${Math.min(H, MAX_SCROLL_H)}px`;
  }

  private pinBottom(): void {
    this.layoutHeight();
    this.el.scrollTop = this.el.scrollHeight;
  }

  private atBottom(): boolean {
    return this.el.scrollTop + this.el.clientHeight >= this.el.scrollHeight - 4;
  }

  schedule(): void {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.render();
    });
  }

  private evict(): void {
    if (this.pages.size <= MAX_CACHED_PAGES) return;
    const byAge = [...this.pageUse].filter(([p]) => this.pages.has(p)).sort((a, b) => a[1] - b[1]);
    for (const [p] of byAge.slice(0, this.pages.size - MAX_CACHED_PAGES)) {
      this.pages.delete(p);
      this.pageUse.delete(p);
    }
  }

  /** Index -> the content offset at the viewport's top. */
  private offset(): number {
    return this.el.scrollTop * this.scale();
  }

  private render(): void {
    this.layoutHeight();
    if (this.pendingScroll !== undefined && this.count > 0) {
      if (this.follow) this.pinBottom();
      else this.el.scrollTop = this.pendingScroll;
      this.pendingScroll = undefined;
    }
    this.empty.textContent = this.count === 0 ? (this.exact ? this.emptyText : 'Searching the log…') : '';
    this.empty.hidden = this.count !== 0;
    const view = this.el.clientHeight || 300;
    const off = this.offset();
    const first = Math.min(this.indexAt(off), Math.max(0, this.count - 1));
    const visible: number[] = [];
    for (let i = first; i < this.count; i++) {
      if (this.top(i) - off > view) break;
      visible.push(i);
    }
    // ask for pages on screen and one either side
    const pagesWanted = new Set<number>();
    if (visible.length) {
      const lo = Math.max(0, Math.floor(visible[0] / PAGE) - 1);
      const hi = Math.floor((visible[visible.length - 1] + 1) / PAGE) + 1;
      for (let p = lo; p <= hi; p++) pagesWanted.add(p);
    } else if (!this.exact) pagesWanted.add(Math.floor(this.count / PAGE));
    if (!this.exact) pagesWanted.add(Math.floor(this.count / PAGE)); // the scan goes on while looked at
    for (const p of pagesWanted) {
      if (p * PAGE >= this.count && this.exact) continue;
      this.pageUse.set(p, ++this.useClock);
      if (!this.pages.has(p) && !this.pending.has(p)) {
        this.pending.add(p);
        this.cb.requestPage(p * PAGE, PAGE);
      }
    }
    // recycle row elements
    while (this.rowEls.length < visible.length) {
      const el = h('div', { class: 'vrow', role: 'treeitem', 'aria-level': 1 });
      this.rowEls.push(el);
      this.spacer.append(el);
    }
    this.rowEls.forEach((el, k) => {
      const i = visible[k];
      if (i === undefined) {
        el.hidden = true;
        el.removeAttribute('id');
        return;
      }
      el.hidden = false;
      this.fill(el, i);
      el.style.transform = `translateY(${this.el.scrollTop + this.top(i) - off}px)`;
    });
    const focused = this.rowEls.find((el) => el.dataset.index === String(this.focus) && !el.hidden);
    if (focused) this.el.setAttribute('aria-activedescendant', focused.id);
    else this.el.removeAttribute('aria-activedescendant');
    const fr = this.count > 0 ? this.row(this.focus) : undefined;
    if (fr !== this.lastFocused) {
      this.lastFocused = fr;
      this.cb.focused?.(fr);
    }
  }

  private fill(el: HTMLDivElement, i: number): void {
    const r = this.row(i);
    const open = this.expanded.has(i);
    el.dataset.index = String(i);
    el.id = `decision-row-${i}`;
    el.setAttribute('aria-posinset', String(i + 1));
    el.setAttribute('aria-setsize', String(this.count));
    el.setAttribute('aria-expanded', open ? 'true' : 'false');
    el.classList.toggle('focused', i === this.focus);
    el.classList.toggle('open', open);
    const key = r ? `${r.d.seq}:${open}` : `loading:${i}`;
    if (el.dataset.key === key) return;
    el.dataset.key = key;
    clear(el);
    if (!r) {
      el.classList.remove('ptrace', 'perf');
      el.append(h('span', { class: 'muted' }, `row ${i + 1} …`));
      return;
    }
    const d = r.d;
    if (open && (this.expanded.get(i) ?? 0) === 0) {
      this.expanded.set(i, this.extraFor(r));
      this.schedule();
    }
    const hit = d.slots.filter((s) => s.result === 'hit');
    const owner = hit.some((s) => s.owner === 'ptrace')
      ? 'ptrace'
      : hit.some((s) => s.owner === 'perf') || /perf|step-complete/.test(d.branch)
        ? 'perf'
        : '';
    el.classList.toggle('ptrace', owner === 'ptrace');
    el.classList.toggle('perf', owner === 'perf');
    el.classList.toggle('noted', d.note !== undefined);
    el.setAttribute(
      'aria-label',
      `Decision ${d.seq}, cpu${d.cpu} ${d.task}, ${d.insn}, ${d.branch}: ` +
        `${r.branchText}${d.note ? `; ${d.note}` : ''}`,
    );
    const acc = d.access ? `${d.access.kind} ${d.access.size} @${d.access.ea}` : '';
    const head = h(
      'div',
      { class: 'vhead' },
      h('span', { class: 'twisty', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
      h('span', { class: 'seq' }, `#${d.seq}`),
      h('span', { class: 'where' }, `cpu${d.cpu} ${d.task}`),
      h('span', { class: 'mono pc' }, d.pc),
      d.mode === 'kernel' && h('span', { class: 'tag' }, 'kernel'),
      h('span', { class: 'mono insn' }, d.insn),
      acc && h('span', { class: 'muted acc' }, acc),
      h(
        'span',
        { class: 'branch' },
        `→ ${d.branch}`,
        d.note ? h('span', { class: 'notetag', title: d.note }, ' · debugger went on') : null,
      ),
      d.source &&
        h(
          'button',
          {
            class: 'linkbtn',
            'data-open': String(i),
            tabindex: -1,
            title: `Open ${d.source.path}:${d.source.line} (o)`,
            'aria-label': 'Open source line',
          },
          h('span', { class: 'lname' }, baseName(d.source.path)),
          `:${d.source.line}`,
        ),
    );
    el.append(head);
    if (open) {
      const body = h('div', { class: 'vbody' });
      if (d.slots.length === 0) body.append(h('div', { class: 'muted' }, 'no slot was occupied'));
      if (d.note) body.append(h('div', { class: 'note', title: d.note }, d.note));
      for (const s of d.slots) {
        body.append(
          h(
            'div',
            { class: `slotline ${s.result}`, title: `slot ${s.slot} ${s.owner} ${s.bp} ${s.result}: ${s.reason}` },
            h('span', { class: 'mono' }, `slot ${s.slot}`),
            ' ',
            h('span', { class: `owner ${s.owner}` }, s.owner),
            ' ',
            h('span', { class: 'mono' }, s.bp),
            ' ',
            h('span', { class: `result ${s.result}` }, s.result.toUpperCase()),
            ' ',
            h('span', { class: 'muted' }, s.reason),
          ),
        );
      }
      body.append(
        h(
          'div',
          { class: 'branchline', title: `${d.branch}: ${r.branchText}` },
          h('strong', {}, d.branch),
          ': ',
          r.branchText,
        ),
      );
      if (r.effectTexts.length)
        body.append(h('div', { class: 'mono effects', title: r.effectTexts.join('; ') }, r.effectTexts.join('; ')));
      const accText = d.access
        ? `${d.access.kind} of ${d.access.size} byte${d.access.size === 1 ? '' : 's'} at ` + `${d.access.ea}`
        : 'access unknown (instruction unreadable)';
      body.append(h('div', { class: 'muted' }, `${d.pc} ${d.insn}: ${accText} · icount ${d.icount} · ${d.mode} mode`));
      el.append(body);
    }
  }

  private toggle(i: number, open?: boolean): void {
    const isOpen = this.expanded.has(i);
    const want = open ?? !isOpen;
    if (want === isOpen) return;
    if (want) {
      const r = this.row(i);
      // a row still loading opens when it arrives (its height is known then)
      this.expanded.set(i, r ? this.extraFor(r) : 0);
      // keep the number of expanded rows small (the offsets walk them)
      if (this.expanded.size > 50) this.expanded.delete(this.expanded.keys().next().value as number);
    } else this.expanded.delete(i);
    this.schedule();
    this.cb.changed();
  }

  private moveFocus(i: number): void {
    if (this.count === 0) return;
    this.focus = Math.max(0, Math.min(this.count - 1, i));
    const off = this.offset();
    const top = this.top(this.focus) - off;
    const view = this.el.clientHeight;
    const s = this.scale();
    if (top < 0) this.el.scrollTop += top / s;
    else if (top + this.rowH > view) this.el.scrollTop += (top + this.rowH - view) / s;
    this.follow = this.focus === this.count - 1 && this.exact;
    this.schedule();
    this.cb.changed();
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.el.clientHeight / this.rowH) - 1);
    switch (e.key) {
      case 'ArrowDown':
        this.moveFocus(this.focus + 1);
        break;
      case 'ArrowUp':
        this.moveFocus(this.focus - 1);
        break;
      case 'PageDown':
        this.moveFocus(this.focus + page);
        break;
      case 'PageUp':
        this.moveFocus(this.focus - page);
        break;
      case 'Home':
        this.moveFocus(0);
        break;
      case 'End':
        this.moveFocus(this.count - 1);
        break;
      case 'Enter':
      case ' ':
        this.toggle(this.focus);
        break;
      case 'ArrowRight':
        this.toggle(this.focus, true);
        break;
      case 'ArrowLeft':
        this.toggle(this.focus, false);
        break;
      case 'o':
      case 'O': {
        const r = this.row(this.focus);
        if (r?.d.source) this.cb.openSource(r);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  }

  private onClick(e: MouseEvent): void {
    const t = e.target as HTMLElement;
    const link = t.closest('[data-open]') as HTMLElement | null;
    if (link) {
      const r = this.row(Number(link.dataset.open));
      if (r) this.cb.openSource(r);
      return;
    }
    const rowEl = t.closest('.vrow') as HTMLElement | null;
    if (!rowEl?.dataset.index) return;
    const i = Number(rowEl.dataset.index);
    this.focus = i;
    this.el.focus();
    this.toggle(i);
    this.schedule();
  }

  /** For tests and the harness: how many row elements exist (bounded by the viewport, not the log). */
  domRowCount(): number {
    return this.rowEls.filter((r) => !r.hidden).length;
  }
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
