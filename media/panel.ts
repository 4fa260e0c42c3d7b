// The Watchpoint Slots panel (webview). It renders only from the host's messages, checks each of
// them first, keeps its view state (filter, expanded rows, scroll, form) with setState so it comes
// back as it was after being hidden or reloaded, and never holds more decision rows than it shows.
import { oneOf } from '../contract/guards';
import { BRANCHES } from '../sim/decision';
import type { Counter, CpuSlots, MachineInfo } from '../debug-adapter/panel-protocol';
import type { DecisionFilter, FromPanel, PanelRow, SessionState, ToPanel } from '../contract/panel-messages';
import { DecisionList, PAGE } from './decision-list';
import { clear, fmtInt, h } from './dom';
import { checkToPanel } from './panel-incoming';
import { Timeline, type TimelineView } from './timeline';

interface VsCodeApi {
  postMessage(m: FromPanel): void;
  getState(): unknown;
  setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
  v: 1;
  filter: DecisionFilter;
  gen: number;
  expanded: number[];
  focus: number;
  scrollTop: number;
  follow: boolean;
  addOpen: boolean;
  collapsed: string[];
  sessionId?: string;
  timeline?: TimelineView;
}

const vscode = acquireVsCodeApi();

function loadState(): ViewState {
  const s = vscode.getState() as Partial<ViewState> | undefined;
  const base: ViewState = {
    v: 1,
    filter: {},
    gen: 1,
    expanded: [],
    focus: 0,
    scrollTop: 0,
    follow: true,
    addOpen: false,
    collapsed: [],
  };
  if (!s || s.v !== 1) return base;
  // the stored state is ours, but check it as any input
  const f = typeof s.filter === 'object' && s.filter ? s.filter : {};
  return {
    ...base,
    filter: {
      cpu: typeof f.cpu === 'number' ? f.cpu : undefined,
      task: typeof f.task === 'string' ? f.task : undefined,
      branch: typeof f.branch === 'string' && oneOf(BRANCHES, f.branch) ? f.branch : undefined,
    },
    gen: typeof s.gen === 'number' ? s.gen + 1 : 1,
    expanded: Array.isArray(s.expanded) ? s.expanded.filter((x): x is number => Number.isInteger(x)).slice(0, 50) : [],
    focus: Number.isInteger(s.focus) ? (s.focus as number) : 0,
    scrollTop: typeof s.scrollTop === 'number' ? s.scrollTop : 0,
    follow: s.follow !== false,
    addOpen: s.addOpen === true,
    collapsed: Array.isArray(s.collapsed) ? s.collapsed.filter((x): x is string => typeof x === 'string') : [],
    sessionId: typeof s.sessionId === 'string' ? s.sessionId : undefined,
    timeline:
      typeof s.timeline === 'object' &&
      s.timeline !== null &&
      typeof s.timeline.from === 'number' &&
      typeof s.timeline.to === 'number'
        ? { follow: s.timeline.follow !== false, from: s.timeline.from, to: s.timeline.to }
        : undefined,
  };
}

const state = loadState();
let session: { state: SessionState; name?: string } = { state: 'none' };
let machine: MachineInfo | undefined;
let cpus: CpuSlots[] = [];
let counters: Counter[] = [];
let tasks: string[] = [];
let total = 0;
let dropped = 0;
let shown = 0;
let exact = true;
let reqId = 0;
const perfPending = new Map<number, string>();

let saveTimer = 0;
function save(): void {
  if (saveTimer) return;
  saveTimer = window.setTimeout(() => {
    saveTimer = 0;
    vscode.setState({
      ...state,
      expanded: list.expandedIndexes(),
      focus: list.focus,
      scrollTop: list.el.scrollTop,
      follow: list.follow,
      timeline: timeline.state,
    } satisfies ViewState);
  }, 150);
}

const list = new DecisionList({
  requestPage: (start, count) => vscode.postMessage({ type: 'requestDecisions', gen: state.gen, start, count }),
  openSource: (r: PanelRow) => {
    if (r.d.source) vscode.postMessage({ type: 'openSource', path: r.d.source.path, line: r.d.source.line });
  },
  changed: save,
  focused: (r: PanelRow | undefined) => timeline.setCursor(r?.d.icount),
});
list.restore(state.expanded, state.focus, state.scrollTop, state.follow);

let timelineReq = 0;
const timeline = new Timeline({
  request: (from, to, buckets) =>
    vscode.postMessage({ type: 'timeline', reqId: ++timelineReq, from, ...(to !== undefined ? { to } : {}), buckets }),
  detail: (seq) => vscode.postMessage({ type: 'decisionDetail', seq }),
  open: (m) => revealDecision(m.seq),
  changed: save,
});
timeline.restore(state.timeline);
timeline.exportTrace = () => vscode.postMessage({ type: 'exportTrace' });

/** A timeline mark clicked: its decision opened in the log (the whole log, unfiltered: a row's index
 * is then its seq past the dropped ones) and its source line in the editor. */
function revealDecision(seq: number): void {
  if (!exactUnfiltered()) {
    setFilter({});
    renderFilters();
  }
  list.reveal(seq - dropped);
  vscode.postMessage({ type: 'openDecision', seq });
}

// ---- layout -------------------------------------------------------------------------------------
const app = document.getElementById('app') ?? document.body.appendChild(h('div', { id: 'app' }));
const headerEl = h('div', { class: 'header' });
const bannerEl = h('div', { class: 'banner', role: 'status' });
/** why the program stopped, in full (the Call Stack view shows the short reason) */
const stopEl = h('div', { class: 'stopline', role: 'status', 'aria-live': 'polite' });
stopEl.hidden = true;
const slotsEl = h('div', { class: 'slots' });
const countersEl = h('div', { class: 'counters' });
const statusEl = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
const filterEl = h('div', { class: 'filters' });
const shownEl = h('span', { class: 'shown muted' });

function section(id: string, title: string, ...body: HTMLElement[]): HTMLElement {
  const open = !state.collapsed.includes(id);
  const btn = h(
    'button',
    { class: 'sectionhead', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': `sec-${id}` },
    h('span', { class: 'twisty', 'aria-hidden': 'true' }, open ? '▾' : '▸'),
    title,
  );
  const content = h('div', { id: `sec-${id}`, class: 'sectionbody' }, ...body);
  content.hidden = !open;
  btn.addEventListener('click', () => {
    const nowOpen = content.hidden;
    content.hidden = !nowOpen;
    btn.setAttribute('aria-expanded', nowOpen ? 'true' : 'false');
    (btn.firstChild as HTMLElement).textContent = nowOpen ? '▾' : '▸';
    state.collapsed = nowOpen ? state.collapsed.filter((x) => x !== id) : [...state.collapsed, id];
    if (nowOpen) list.schedule();
    if (nowOpen && id === 'timeline') timeline.refresh(true);
    save();
  });
  return h('section', { class: `sec sec-${id}`, 'aria-label': title }, btn, content);
}

app.append(
  headerEl,
  bannerEl,
  stopEl,
  section('slots', 'Slots per CPU', slotsEl),
  section('timeline', 'Timeline', timeline.el),
  section('counters', 'Perf counters', countersEl),
  section('decisions', 'Decisions', h('div', { class: 'filterbar' }, filterEl, shownEl), list.el),
);
timeline.onlyWhen(() => !state.collapsed.includes('timeline') && session.state !== 'none');

// ---- header and slots -----------------------------------------------------------------------------
function slotName(m: MachineInfo | undefined, slot: number): string {
  return m?.cpu === 'power7' ? `DABR${slot ? slot : ''}` : `DAWR${slot}`;
}

const STATE_TEXT: Record<string, string> = {
  armed: 'armed',
  disabled: 'disabled',
  'step-pending': 'single-step pending',
  off: 'off',
};

function renderHeader(): void {
  clear(headerEl);
  if (machine) {
    const parts = [
      machine.cpu,
      `${machine.cpus} CPU${machine.cpus > 1 ? 's' : ''}`,
      `kernel ${machine.kernel}`,
      `${machine.slots} slot${machine.slots === 1 ? '' : 's'} per CPU`,
    ];
    if (machine.dawrForceEnable) parts.push('DAWR force-enabled');
    headerEl.append(h('span', { class: 'machine' }, parts.join(' · ')));
  } else headerEl.append(h('span', { class: 'muted machine' }, 'No machine yet'));
  const badge = h(
    'vscode-badge',
    { class: `sessionbadge ${session.state}`, variant: 'counter' },
    session.state === 'running' ? 'live' : session.state === 'ended' ? 'ended' : 'idle',
  );
  headerEl.append(badge);
  clear(bannerEl);
  bannerEl.hidden = session.state === 'running';
  if (session.state === 'none')
    bannerEl.append(
      'Start a PowerPC Watchpoint Lab session (F5 on a .S file) to see its slots, counters ' + 'and decisions.',
    );
  if (session.state === 'ended')
    bannerEl.append(`Session ${session.name ? `"${session.name}" ` : ''}ended: showing its last state.`);
}

function renderSlots(): void {
  clear(slotsEl);
  if (!machine) {
    slotsEl.append(h('p', { class: 'muted' }, 'No slots to show.'));
    return;
  }
  if (machine.slots === 0) {
    slotsEl.append(
      h(
        'p',
        { class: 'muted' },
        machine.cpu === 'power9'
          ? 'POWER9: the DAWR is disabled (no hardware watchpoint) unless dawrForceEnable is set.'
          : 'This CPU model has no watchpoint slot.',
      ),
    );
  }
  for (const c of cpus) {
    const b = c.budget;
    const used = b.cpuPinned + b.worstTask;
    const full = used >= b.total && b.total > 0;
    const budgetTitle =
      `reservation budget: ${b.cpuPinned} per-CPU pinned + ${b.worstTask} for the worst ` +
      `task${b.worstTaskName ? ` (${b.worstTaskName})` : ''} of ${b.total} ` +
      `slot${b.total === 1 ? '' : 's'}`;
    const table = h(
      'table',
      { class: 'slottable', 'aria-label': `cpu${c.cpu} slots` },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Slot', 'Occupant', 'Task', 'Requested', 'Programmed', 'Type', 'Privilege', 'State'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
    );
    const tbody = h('tbody');
    for (const s of c.slots) {
      const o = s.occupant ?? s.next;
      if (!o) {
        tbody.append(
          h(
            'tr',
            { class: 'free' },
            h('th', { scope: 'row', class: 'mono' }, slotName(machine, s.slot)),
            h('td', { colspan: 7, class: 'muted' }, 'free'),
          ),
        );
        continue;
      }
      // free now, but its task's breakpoint comes back into it when the task runs here again: shown
      // dimmed, so a stopped program shows its watchpoints in their slots (the live state beside it)
      const next = !s.occupant;
      const why = next
        ? `free now: ${c.nextTask ?? 'its task'} is not running, so the kernel has scheduled ` +
          `its breakpoints out; this one takes the slot when ${c.nextTask ?? 'it'} runs on ` +
          `cpu${c.cpu} again`
        : undefined;
      const stateText = next
        ? o.state === 'disabled'
          ? 'fired (one-shot): off until re-armed'
          : 'scheduled out while stopped'
        : (STATE_TEXT[o.state] ?? o.state);
      tbody.append(
        h(
          'tr',
          { class: `occ ${o.owner} st-${o.state}${next ? ' next' : ''}`, ...(why ? { title: why } : {}) },
          h(
            'th',
            { scope: 'row', class: 'mono' },
            slotName(machine, s.slot),
            next ? h('span', { class: 'freenow' }, 'free now') : null,
          ),
          h(
            'td',
            {},
            h('span', { class: `owner ${o.owner}` }, o.owner),
            ' ',
            o.label,
            o.by ? h('span', { class: 'muted by' }, ` by ${o.by}`) : null,
          ),
          h('td', { 'data-label': 'task' }, o.task ?? h('span', { class: 'muted' }, 'cpu-wide')),
          h('td', { class: 'mono', 'data-label': 'req' }, `${o.addr}+${o.len}`),
          h('td', { class: 'mono', 'data-label': 'hw' }, `${o.hwAddr}+${o.hwLen}`),
          h('td', { class: 'mono' }, o.type.toUpperCase()),
          h('td', { class: 'priv' }, o.privilege.join(' ') || '—'),
          h('td', {}, h('span', { class: `state ${next ? 'next' : o.state}` }, stateText)),
        ),
      );
    }
    table.append(tbody);
    slotsEl.append(
      h(
        'div',
        { class: 'cpu' },
        h(
          'div',
          { class: 'cpuhead' },
          h('strong', {}, `cpu${c.cpu}`),
          c.task
            ? h(
                'span',
                { class: 'muted' },
                c.nextTask && c.nextTask === c.task ? ` ${c.task} (stopped)` : ` running ${c.task}`,
              )
            : null,
          h(
            'span',
            { class: `budget${full ? ' full' : ''}`, title: budgetTitle, 'aria-label': budgetTitle },
            `budget ${used}/${b.total}`,
          ),
          h(
            'span',
            { class: 'muted budgetdetail' },
            `(${b.cpuPinned} pinned + ${b.worstTask} ` + `task${b.worstTaskName ? ` ${b.worstTaskName}` : ''})`,
          ),
        ),
        table,
      ),
    );
  }
}

// ---- counters -------------------------------------------------------------------------------------
let statusTimer = 0;
/** The perf actions' status line: a result stays until the next stop, a new session or 8 s. */
function status(text: string, cls: '' | 'ok' | 'error', linger: boolean): void {
  statusEl.textContent = text;
  statusEl.className = `status${cls ? ` ${cls}` : ''}`;
  if (statusTimer) window.clearTimeout(statusTimer);
  statusTimer = linger ? window.setTimeout(() => status('', '', false), 8000) : 0;
}

function perf(
  action: Parameters<VsCodeApi['postMessage']>[0] extends infer M
    ? M extends { type: 'perf'; action: infer A }
      ? A
      : never
    : never,
  what: string,
): void {
  const id = ++reqId;
  perfPending.set(id, what);
  status(`${what}…`, '', false);
  vscode.postMessage({ type: 'perf', reqId: id, action });
}

function button(
  label: string,
  onClick: () => void,
  attrs: Record<string, string | boolean | undefined> = {},
): HTMLElement {
  const b = h('vscode-button', { secondary: true, ...attrs }, label);
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) onClick();
  });
  return b;
}

const countersTableEl = h('div');
countersEl.append(countersTableEl);

function renderCounters(): void {
  clear(countersTableEl);
  const live = counters.filter((c) => !c.closed);
  if (live.length === 0) countersTableEl.append(h('p', { class: 'muted' }, 'No perf counter open.'));
  else {
    const table = h(
      'table',
      { class: 'countertable', 'aria-label': 'perf counters' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Counter', 'Scope', 'Range', 'Type', 'Count', 'State', 'Actions'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
    );
    const tbody = h('tbody');
    for (const c of live) {
      const ro = session.state !== 'running';
      tbody.append(
        h(
          'tr',
          { class: c.enabled ? '' : 'disabledrow' },
          h('th', { scope: 'row' }, c.id, h('span', { class: 'muted' }, ` fd ${c.fd}`)),
          h('td', {}, c.task ? `task ${c.task}${c.cpu >= 0 ? ` on cpu${c.cpu}` : ''}` : `cpu${c.cpu}`),
          h('td', { class: 'mono' }, `${c.addr}+${c.len}`),
          h('td', { class: 'mono' }, c.type.toUpperCase()),
          h('td', { class: 'mono count', 'data-label': 'count' }, fmtInt(c.count)),
          h('td', { class: 'cstate' }, c.enabled ? 'enabled' : 'disabled'),
          h(
            'td',
            { class: 'actions' },
            button(
              c.enabled ? 'Disable' : 'Enable',
              () =>
                perf(
                  { action: c.enabled ? 'disable' : 'enable', id: c.id },
                  `${c.enabled ? 'Disabling' : 'Enabling'} ${c.id}`,
                ),
              { disabled: ro, 'aria-label': `${c.enabled ? 'Disable' : 'Enable'} ${c.id}` },
            ),
            button('Reset', () => perf({ action: 'reset', id: c.id }, `Resetting ${c.id}`), {
              disabled: ro,
              'aria-label': `Reset ${c.id}`,
            }),
            button('Close', () => perf({ action: 'close', id: c.id }, `Closing ${c.id}`), {
              disabled: ro,
              'aria-label': `Close ${c.id}`,
            }),
          ),
        ),
      );
    }
    table.append(tbody);
    countersTableEl.append(table);
  }
}

function field(label: string, el: HTMLElement): HTMLElement {
  const id = `f-${label.replace(/\W+/g, '').toLowerCase()}`;
  el.id = id;
  return h('div', { class: 'field' }, h('vscode-label', { for: id }, label), el);
}

function select(options: Array<[string, string]>, value: string, label: string): HTMLElement & { value: string } {
  const s = h('vscode-single-select', { 'aria-label': label }) as HTMLElement & { value: string };
  for (const [v, text] of options) s.append(h('vscode-option', { value: v, selected: v === value }, text));
  s.value = value;
  return s;
}

// The add-counter form is built once and kept (typed values survive updates); only its scope list
// and its button's state follow the session.
const scopeHolder = h('div', { class: 'field' });
let scopeSel: (HTMLElement & { value: string }) | undefined;
let scopeKey = '';
let scopePicked = false;
const addBtn = h('vscode-button', { disabled: true }, 'Add counter');

function updateForm(): void {
  addBtn.toggleAttribute('disabled', session.state !== 'running');
  const opts: Array<[string, string]> = [
    ...tasks.map((t): [string, string] => [`task:${t}`, `task ${t}`]),
    ...Array.from({ length: machine?.cpus ?? 1 }, (_, i): [string, string] => [`cpu:${i}`, `cpu${i} (cpu-wide)`]),
  ];
  const key = opts.map((o) => o[0]).join('\u0000');
  if (key === scopeKey) return;
  scopeKey = key;
  // keep the person's choice; until they chose, default to the first task (a per-task counter)
  const keep = scopePicked ? scopeSel?.value : undefined;
  scopeSel = select(opts, opts.some((o) => o[0] === keep) ? keep! : opts[0][0], 'scope');
  scopeSel.addEventListener('change', () => {
    scopePicked = true;
  });
  clear(scopeHolder);
  scopeHolder.append(field('Scope', scopeSel));
}

function buildAddForm(): HTMLElement {
  // a disclosure button, not <details>: the components inside a closed <details> are outside the
  // rendered tree and the selects never pick up their options
  const details = h('div', { class: 'addform' });
  const body = h('div', { id: 'addform-body', class: 'addformbody' });
  body.hidden = !state.addOpen;
  const toggle = h(
    'button',
    { class: 'disclosure', 'aria-expanded': state.addOpen ? 'true' : 'false', 'aria-controls': 'addform-body' },
    h('span', { class: 'twisty', 'aria-hidden': 'true' }, state.addOpen ? '▾' : '▸'),
    'Add a perf counter',
  );
  toggle.addEventListener('click', () => {
    state.addOpen = body.hidden;
    body.hidden = !state.addOpen;
    toggle.setAttribute('aria-expanded', state.addOpen ? 'true' : 'false');
    (toggle.firstChild as HTMLElement).textContent = state.addOpen ? '▾' : '▸';
    save();
  });
  const name = h('vscode-textfield', { placeholder: 'writes' }) as HTMLElement & { value: string };
  const addr = h('vscode-textfield', { placeholder: '0x10100000 or symbol' }) as HTMLElement & { value: string };
  const len = h('vscode-textfield', { type: 'number', value: '8', min: '1', max: '4096' }) as HTMLElement & {
    value: string;
  };
  const type = select(
    [
      ['w', 'W (writes)'],
      ['r', 'R (reads)'],
      ['rw', 'RW (both)'],
    ],
    'w',
    'type',
  );
  const exU = h('vscode-checkbox', { label: 'exclude user' }) as HTMLElement & { checked: boolean };
  const exK = h('vscode-checkbox', { label: 'exclude kernel' }) as HTMLElement & { checked: boolean };
  const exH = h('vscode-checkbox', { label: 'exclude hv' }) as HTMLElement & { checked: boolean };
  const err = h('div', { class: 'formerror', role: 'alert' });
  addBtn.addEventListener('click', () => {
    if (addBtn.hasAttribute('disabled')) return;
    const n = name.value.trim();
    const a = addr.value.trim();
    const l = Number(len.value);
    const problems: string[] = [];
    if (!/^[A-Za-z0-9_.$\-:]{1,64}$/.test(n)) problems.push('name: letters, digits, _ . $ - :');
    if (!/^(0[xX][0-9a-fA-F]{1,16}|\d+|[A-Za-z_.$][A-Za-z0-9_.$]*([+-](0[xX][0-9a-fA-F]+|\d+))?)$/.test(a))
      problems.push('address: 0x… or a symbol');
    if (!Number.isInteger(l) || l < 1 || l > 4096) problems.push('length: 1 to 4096 bytes');
    err.textContent = problems.join('; ');
    if (problems.length) return;
    const [kind, who] = (scopeSel?.value ?? 'cpu:0').split(':');
    const t = type.value === 'r' || type.value === 'rw' ? type.value : 'w';
    perf(
      {
        action: 'add',
        name: n,
        addr: a,
        len: l,
        type: t,
        ...(kind === 'task' ? { task: who } : { cpu: Number(who) }),
        ...(exU.checked ? { excludeUser: true } : {}),
        ...(exK.checked ? { excludeKernel: true } : {}),
        ...(exH.checked ? { excludeHv: true } : {}),
      },
      `Adding ${n}`,
    );
  });
  body.append(
    h(
      'div',
      { class: 'formgrid' },
      field('Name', name),
      field('Address or symbol', addr),
      field('Length', len),
      field('Type', type),
      scopeHolder,
    ),
    h('div', { class: 'checks' }, exU, exK, exH),
    h('div', { class: 'formactions' }, addBtn, err),
  );
  details.append(toggle, body);
  return details;
}

// ---- decision filters -------------------------------------------------------------------------------
function renderFilters(): void {
  clear(filterEl);
  const cpuSel = select(
    [['', 'all'], ...Array.from({ length: machine?.cpus ?? 1 }, (_, i): [string, string] => [String(i), `cpu${i}`])],
    state.filter.cpu === undefined ? '' : String(state.filter.cpu),
    'filter by CPU',
  );
  const taskSel = select(
    [
      ['', 'all'],
      ...[...new Set([...tasks, ...(state.filter.task ? [state.filter.task] : [])])].map((t): [string, string] => [
        t,
        t,
      ]),
    ],
    state.filter.task ?? '',
    'filter by task',
  );
  const kindSel = select(
    [['', 'all'], ...BRANCHES.map((b): [string, string] => [b, b])],
    state.filter.branch ?? '',
    'filter by kind',
  );
  const onChange = () => {
    const f: DecisionFilter = {};
    if (cpuSel.value !== '') f.cpu = Number(cpuSel.value);
    if (taskSel.value !== '') f.task = taskSel.value;
    if (kindSel.value !== '') f.branch = kindSel.value;
    setFilter(f);
  };
  for (const s of [cpuSel, taskSel, kindSel]) s.addEventListener('change', onChange);
  filterEl.append(
    h('label', { class: 'flabel' }, 'cpu'),
    cpuSel,
    h('label', { class: 'flabel' }, 'task'),
    taskSel,
    h('label', { class: 'flabel' }, 'kind'),
    kindSel,
  );
}

function setFilter(f: DecisionFilter): void {
  state.filter = f;
  state.gen++;
  list.resetView();
  vscode.postMessage({ type: 'setFilter', gen: state.gen, filter: f });
  save();
}

function renderShown(): void {
  const filtered =
    state.filter.cpu !== undefined || state.filter.task !== undefined || state.filter.branch !== undefined;
  const n = exact ? fmtInt(shown) : `${fmtInt(shown)}+`;
  shownEl.textContent =
    `${n} ` +
    `shown${filtered ? ` of ${fmtInt(total - dropped)}` : ''}${dropped ? ` · ${fmtInt(dropped)} oldest dropped` : ''}`;
}

// ---- messages ---------------------------------------------------------------------------------------
let lastTaskKey = '';
let lastCpuCount = -1;
function onMessage(m: ToPanel): void {
  switch (m.type) {
    case 'session':
      if ((m.id && m.id !== state.sessionId) || m.reset) {
        // another session, or a step back rewrote this one's history: the rows cached are not true now
        if (state.sessionId !== undefined) {
          list.resetView();
          total = dropped = shown = 0;
          renderShown();
        }
        if (m.id !== state.sessionId) {
          stopEl.hidden = true;
          status('', '', false);
        }
        state.sessionId = m.id;
        save();
        timeline.reset();
      }
      session = { state: m.state, name: m.name };
      timeline.setExportable(m.state === 'running');
      renderHeader();
      renderCounters();
      updateForm();
      if (m.state === 'running') list.setEmptyText('No watchpoint exception yet.');
      timeline.refresh();
      return;
    case 'slots':
      machine = m.machine;
      cpus = m.cpus;
      renderHeader();
      renderSlots();
      if (machine.cpus !== lastCpuCount) {
        lastCpuCount = machine.cpus;
        renderFilters();
      }
      updateForm();
      timeline.refresh();
      return;
    case 'counters':
      counters = m.counters;
      renderCounters();
      return;
    case 'decisionCount': {
      if (m.gen !== state.gen) return;
      const shift = m.dropped > dropped && exactUnfiltered() ? m.dropped - dropped : 0;
      total = m.total;
      dropped = m.dropped;
      shown = m.count;
      exact = m.exact;
      list.setCount(m.count, m.exact, shift);
      renderShown();
      if (exactUnfiltered()) timeline.refresh();
      const key = m.tasks.join('\u0000');
      if (key !== lastTaskKey) {
        lastTaskKey = key;
        tasks = m.tasks;
        renderFilters();
        updateForm();
      }
      return;
    }
    case 'decisionPage':
      if (m.gen !== state.gen || m.start % PAGE !== 0) return;
      list.addPage(m.start, m.rows);
      return;
    case 'perfResult': {
      const what = perfPending.get(m.reqId) ?? 'perf';
      perfPending.delete(m.reqId);
      // the errno once: the kernel's message usually starts with it ("ENOSPC: cpu0 has 2 ...")
      const why =
        m.message && m.error && !m.message.includes(m.error)
          ? `${m.error}: ${m.message}`
          : m.message || m.error || 'refused';
      if (m.ok) status(`${what}: done${m.message ? ` (${m.message})` : ''}`, 'ok', true);
      else status(`${what} failed: ${why}`, 'error', true);
      return;
    }
    case 'timeline':
      timeline.setData(m.data);
      return;
    case 'decisionDetail':
      timeline.setDetail(m.seq, m.row);
      return;
    case 'stopped':
      stopEl.hidden = false;
      clear(stopEl);
      stopEl.append(
        h('strong', {}, `${m.task} stopped`),
        ` at icount ${fmtInt(m.icount)}: `,
        m.text ?? m.description ?? m.reason,
      );
      stopEl.title = m.text ?? m.description ?? m.reason;
      // an earlier action's result is old news now
      if (!perfPending.size) status('', '', false);
      timeline.refresh();
      return;
  }
}

function exactUnfiltered(): boolean {
  return state.filter.cpu === undefined && state.filter.task === undefined && state.filter.branch === undefined;
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = checkToPanel(e.data);
  if (!m) {
    console.warn('panel: ignored a message of unexpected shape');
    return;
  }
  onMessage(m);
});

renderHeader();
renderSlots();
renderCounters();
countersEl.append(statusEl, buildAddForm());
updateForm();
renderFilters();
renderShown();
vscode.postMessage({ type: 'setFilter', gen: state.gen, filter: state.filter });
vscode.postMessage({ type: 'ready' });
