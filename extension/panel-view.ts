// The Watchpoint Slots view in the Run and Debug side bar: hosts the panel webview, feeds it from the
// adapter's custom events and requests, and acts on the webview's (checked) messages.
import * as vscode from 'vscode';
import {
  EVENT_COUNTERS,
  EVENT_DECISIONS,
  EVENT_RESET,
  EVENT_SLOTS,
  EVENT_STOPPED,
  REQUEST_DECISIONS,
  REQUEST_PERF,
  REQUEST_SNAPSHOT,
  REQUEST_TIMELINE,
  type CountersEvent,
  type DecisionLogArgs,
  type PanelDecision,
  type SlotsEvent,
  type StoppedEventBody,
  type TimelineResponse,
} from '../debug-adapter/panel-protocol';
import { branchText, effectText } from '../sim/decision-text';
import {
  checkCountersEvent,
  checkDecisionLog,
  checkDecisionsEvent,
  checkPerfResponse,
  checkSlotsEvent,
  checkSnapshot,
  checkStopped,
  checkTimeline,
} from './adapter-events';
import { DecisionPager } from './decision-pager';
import { RecentDecisions } from './recent-decisions';
import { pathKey } from './gutter-model';
import { DEBUG_TYPE } from './launch-config';
import type { FromPanel, PanelRow, ToPanel } from '../contract/panel-messages';
import { checkFromPanel, refusalText } from './panel-messages';

/** The command behind the panel's Export Trace action (extension.ts registers it). */
export const EXPORT_TRACE_COMMAND = 'ppcWatchpointLab.exportTrace';

export const PANEL_VIEW_ID = 'ppcWatchpointLab.panel';
const MAX_TASKS = 256;
const MAX_SOURCES = 4096;

export function toRow(d: PanelDecision): PanelRow {
  return {
    d,
    branchText: branchText(d.branch) ?? d.branch,
    effectTexts: d.effects.map((e) => {
      try {
        return effectText(e);
      } catch {
        return e.kind;
      }
    }),
  };
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export class PanelViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private session: Pick<vscode.DebugSession, 'id' | 'name' | 'customRequest'> | undefined;
  private pager: DecisionPager;
  private gen = 0;
  private tasks = new Set<string>();
  private sources = new Map<string, string>(); // pathKey -> path as the adapter wrote it
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  // the last state seen, so an ended session still shows (and pages through its newest decisions)
  private recent = new RecentDecisions(2000);
  private lastSlots: SlotsEvent | undefined;
  private lastCounters: CountersEvent | undefined;
  /** the last stop (its whole sentence) and the last timeline of the whole run: an ended session still shows them */
  private lastStop: StoppedEventBody | undefined;
  private lastTimeline: TimelineResponse | undefined;
  private ended: { id: string; name: string } | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** messages the webview sent that failed their check (kept for the log and for tests) */
  readonly rejected: string[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.pager = new DecisionPager((args) => this.fetchDecisions(args));
    this.subs.push(
      vscode.debug.onDidStartDebugSession((s) => {
        if (s.type === DEBUG_TYPE) this.attach(s);
      }),
      vscode.debug.onDidChangeActiveDebugSession((s) => {
        if (s?.type === DEBUG_TYPE && s !== this.session) this.attach(s);
      }),
      vscode.debug.onDidTerminateDebugSession((s) => this.detach(s)),
      vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
        if (e.session === this.session) this.onAdapterEvent(e.event, e.body);
      }),
    );
    const active = vscode.debug.activeDebugSession;
    if (active?.type === DEBUG_TYPE) this.session = active;
  }

  /** The followed session ended: keep showing its last state. */
  detach(s: Pick<vscode.DebugSession, 'id' | 'name'>): void {
    if (s !== this.session) return;
    this.session = undefined;
    this.ended = { id: s.id, name: s.name };
    const held = this.recent.fetch({ start: 0, count: 0 });
    this.pager.reset(held.total, held.dropped);
    this.post({ type: 'session', state: 'ended', id: s.id, name: s.name });
    this.postCount();
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media, dist] };
    view.webview.html = this.html(view.webview);
    view.webview.onDidReceiveMessage((m: unknown) => this.onPanelMessage(m), undefined, this.subs);
    view.onDidDispose(
      () => {
        if (this.view === view) this.view = undefined;
      },
      undefined,
      this.subs,
    );
  }

  /** The page: a strict CSP (nonce scripts, no inline styles or handlers), scripts and CSS from dist/ and media/
   * only. */
  html(webview: vscode.Webview): string {
    const n = nonce();
    const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${n}'`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      "connect-src 'none'",
      "frame-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('media', 'panel.css')}">
<script nonce="${n}" type="module" src="${uri('dist', 'elements', 'bundled.js')}"></script>
<title>Watchpoint Slots</title>
</head>
<body>
<div id="app" aria-live="off"></div>
<script nonce="${n}" type="module" src="${uri('dist', 'panel.js')}"></script>
</body>
</html>`;
  }

  /** Whether the view is resolved and visible (the tests look). */
  get shown(): boolean {
    return this.view?.visible ?? false;
  }

  /** Every message sent to the webview (the tests listen here). */
  readonly onDidPost = new vscode.EventEmitter<ToPanel>();

  /** Sends to the webview (dropped while it is hidden or disposed: it asks again when it comes back). */
  post(msg: ToPanel): void {
    this.onDidPost.fire(msg);
    void this.view?.webview.postMessage(msg);
  }

  /** Follows this session: its snapshot, events and decision log feed the panel. */
  attach(s: Pick<vscode.DebugSession, 'id' | 'name' | 'customRequest'>, reset = false): void {
    this.session = s;
    this.tasks.clear();
    this.recent.clear();
    this.lastSlots = this.lastCounters = this.ended = this.lastTimeline = undefined;
    if (!reset) this.lastStop = undefined;
    this.pager.reset(0, 0);
    this.post({ type: 'session', state: 'running', id: s.id, name: s.name, ...(reset ? { reset } : {}) });
    void this.snapshot();
  }

  private async snapshot(): Promise<void> {
    const s = this.session;
    if (!s) return;
    let body: unknown;
    try {
      body = await s.customRequest(REQUEST_SNAPSHOT);
    } catch (e) {
      this.log.appendLine(`snapshot request failed: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const snap = checkSnapshot(body);
    if (!snap) {
      this.log.appendLine('snapshot from the adapter has an unexpected shape; ignored');
      return;
    }
    if (s !== this.session) return;
    this.lastSlots = snap.slots;
    this.lastCounters = snap.counters;
    this.post({ type: 'slots', machine: snap.slots.machine, cpus: snap.slots.cpus });
    this.post({ type: 'counters', counters: snap.counters.counters });
    this.noteDecisions(snap.recent);
    this.recent.add(snap.recent, snap.total);
    for (const c of snap.slots.cpus) if (c.task) this.noteTask(c.task);
    this.pager.reset(snap.total, snap.dropped);
    this.postCount();
  }

  /** A custom event of the followed session's adapter. */
  onAdapterEvent(event: string, body: unknown): void {
    if (event === EVENT_RESET) {
      // a step back or reverse continue rebuilt the machine: start again from its snapshot
      if (this.session) this.attach(this.session, true);
    } else if (event === EVENT_SLOTS) {
      const ev = checkSlotsEvent(body);
      if (!ev) return void this.log.appendLine(`${event}: unexpected shape; ignored`);
      for (const c of ev.cpus) if (c.task) this.noteTask(c.task);
      this.lastSlots = ev;
      this.post({ type: 'slots', machine: ev.machine, cpus: ev.cpus });
    } else if (event === EVENT_COUNTERS) {
      const ev = checkCountersEvent(body);
      if (!ev) return void this.log.appendLine(`${event}: unexpected shape; ignored`);
      this.lastCounters = ev;
      this.post({ type: 'counters', counters: ev.counters });
    } else if (event === EVENT_STOPPED) {
      const ev = checkStopped(body);
      if (!ev) return void this.log.appendLine(`${event}: unexpected shape; ignored`);
      this.lastStop = ev;
      this.postStop();
    } else if (event === EVENT_DECISIONS) {
      const ev = checkDecisionsEvent(body);
      if (!ev) return void this.log.appendLine(`${event}: unexpected shape; ignored`);
      this.noteDecisions(ev.decisions);
      this.recent.add(ev.decisions, ev.total);
      if (this.pager.onEvent(ev)) this.scheduleCount();
    }
  }

  private postStop(): void {
    const s = this.lastStop;
    if (s)
      this.post({
        type: 'stopped',
        task: s.task,
        reason: s.reason,
        ...(s.description ? { description: s.description } : {}),
        ...(s.text ? { text: s.text } : {}),
        icount: s.icount,
      });
  }

  /** One decision, from the adapter or (the session ended) the newest ones held here. */
  private async decision(seq: number): Promise<PanelDecision | undefined> {
    const r = await this.fetchDecisions({ start: seq, count: 1 });
    const d = r.decisions[0];
    return d && d.seq === seq ? d : undefined;
  }

  private noteTask(t: string): void {
    if (this.tasks.size < MAX_TASKS) this.tasks.add(t);
  }

  private noteDecisions(ds: readonly PanelDecision[]): void {
    for (const d of ds) {
      this.noteTask(d.task);
      if (d.source && this.sources.size < MAX_SOURCES) this.sources.set(pathKey(d.source.path), d.source.path);
    }
  }

  private scheduleCount(): void {
    if (this.countTimer) return;
    this.countTimer = setTimeout(() => {
      this.countTimer = undefined;
      this.postCount();
    }, 100);
  }

  private postCount(): void {
    const c = this.pager.count();
    this.post({ type: 'decisionCount', gen: this.gen, ...c, tasks: [...this.tasks].sort() });
  }

  private async fetchDecisions(args: DecisionLogArgs) {
    const s = this.session;
    if (!s) return this.recent.fetch(args);
    const res = checkDecisionLog(await s.customRequest(REQUEST_DECISIONS, args));
    if (!res) throw new Error('decision log page from the adapter has an unexpected shape');
    return res;
  }

  /** Every message from the webview is checked before anything is done with it. */
  onPanelMessage(raw: unknown): void {
    const c = checkFromPanel(raw);
    if (!c.ok) {
      this.rejected.push(c.error);
      if (this.rejected.length > 100) this.rejected.shift();
      this.log.appendLine(`panel message rejected: ${c.error}`);
      return;
    }
    void this.handle(c.msg);
  }

  private async handle(m: FromPanel): Promise<void> {
    switch (m.type) {
      case 'ready':
      case 'refresh':
        if (this.session) {
          this.post({ type: 'session', state: 'running', id: this.session.id, name: this.session.name });
          this.postStop();
          await this.snapshot();
        } else if (this.ended) {
          this.post({ type: 'session', state: 'ended', id: this.ended.id, name: this.ended.name });
          if (this.lastSlots) this.post({ type: 'slots', machine: this.lastSlots.machine, cpus: this.lastSlots.cpus });
          if (this.lastCounters) this.post({ type: 'counters', counters: this.lastCounters.counters });
          this.postStop();
          this.postCount();
        } else {
          this.post({ type: 'session', state: 'none' });
          this.postCount();
        }
        return;
      case 'setFilter':
        this.gen = m.gen;
        this.pager.setFilter(m.filter);
        this.postCount();
        return;
      case 'requestDecisions': {
        if (m.gen !== this.gen) return; // a page for a filter that is no longer shown
        try {
          const ds = await this.pager.page(m.start, m.count);
          this.noteDecisions(ds);
          if (m.gen !== this.gen) return;
          this.post({ type: 'decisionPage', gen: m.gen, start: m.start, rows: ds.map(toRow) });
          this.postCount();
        } catch (e) {
          this.log.appendLine(`decision log page failed: ${e instanceof Error ? e.message : String(e)}`);
        }
        return;
      }
      case 'perf': {
        const s = this.session;
        if (!s)
          return this.post({
            type: 'perfResult',
            reqId: m.reqId,
            ok: false,
            message: 'No PowerPC Watchpoint Lab session is running.',
          });
        try {
          const r = checkPerfResponse(await s.customRequest(REQUEST_PERF, m.action));
          // the errno said once ("ENOSPC: cpu0 has 2 ...", not "ENOSPC: ENOSPC: ...")
          if (r && !r.ok) r.message = refusalText(r.error, r.message);
          this.post(
            r
              ? { type: 'perfResult', reqId: m.reqId, ...r }
              : { type: 'perfResult', reqId: m.reqId, ok: false, message: 'unexpected answer from the adapter' },
          );
        } catch (e) {
          this.post({
            type: 'perfResult',
            reqId: m.reqId,
            ok: false,
            message: e instanceof Error ? e.message : String(e),
          });
        }
        return;
      }
      case 'timeline': {
        const s = this.session;
        if (!s) {
          // an ended session: its last timeline of the whole run, whatever window is asked
          return this.post(
            this.lastTimeline
              ? { type: 'timeline', reqId: m.reqId, data: this.lastTimeline }
              : { type: 'timeline', reqId: m.reqId, error: 'no session' },
          );
        }
        try {
          const data = checkTimeline(
            await s.customRequest(REQUEST_TIMELINE, {
              from: m.from,
              ...(m.to !== undefined ? { to: m.to } : {}),
              buckets: m.buckets,
            }),
          );
          if (!data) throw new Error('the timeline from the adapter has an unexpected shape');
          if (m.to === undefined && m.from === 0) this.lastTimeline = data;
          if (s === this.session) this.post({ type: 'timeline', reqId: m.reqId, data });
        } catch (e) {
          this.post({ type: 'timeline', reqId: m.reqId, error: e instanceof Error ? e.message : String(e) });
        }
        return;
      }
      case 'decisionDetail': {
        try {
          const d = await this.decision(m.seq);
          if (d) this.noteDecisions([d]);
          this.post({ type: 'decisionDetail', seq: m.seq, ...(d ? { row: toRow(d) } : {}) });
        } catch (e) {
          this.log.appendLine(`decision ${m.seq}: ${e instanceof Error ? e.message : String(e)}`);
          this.post({ type: 'decisionDetail', seq: m.seq });
        }
        return;
      }
      case 'openDecision': {
        const d = await this.decision(m.seq).catch(() => undefined);
        if (!d?.source) return;
        this.noteDecisions([d]);
        return this.handle({ type: 'openSource', path: d.source.path, line: d.source.line });
      }
      case 'exportTrace':
        await vscode.commands.executeCommand(EXPORT_TRACE_COMMAND);
        return;
      case 'openSource': {
        // only files the adapter named in a decision: the webview cannot make the host open anything else
        const path = this.sources.get(pathKey(m.path));
        if (!path) {
          this.log.appendLine(`openSource: ${m.path} is not a source of this session; ignored`);
          return;
        }
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
        const line = Math.min(m.line - 1, Math.max(0, doc.lineCount - 1));
        const range = new vscode.Range(line, 0, line, 0);
        await vscode.window.showTextDocument(doc, {
          selection: range,
          preserveFocus: false,
          viewColumn: vscode.ViewColumn.One,
        });
        return;
      }
    }
  }

  dispose(): void {
    if (this.countTimer) clearTimeout(this.countTimer);
    this.subs.forEach((s) => s.dispose());
    this.onDidPost.dispose();
  }
}

export function registerPanel(context: vscode.ExtensionContext, log: vscode.OutputChannel): PanelViewProvider {
  const provider = new PanelViewProvider(context.extensionUri, log);
  context.subscriptions.push(
    provider,
    vscode.window.registerWebviewViewProvider(PANEL_VIEW_ID, provider),
    vscode.commands.registerCommand('ppcWatchpointLab.refreshPanel', () =>
      provider.onPanelMessage({ type: 'refresh' }),
    ),
  );
  return provider;
}
