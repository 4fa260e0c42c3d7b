// Gutter markers on the lines whose instruction raised a watchpoint exception (ptrace and perf have
// their own icon), with the decision in the hover of the line (an extension cannot give the gutter
// icon a hover of its own: the decoration covers the line's text). Fed by the adapter's decision
// events; cleared when a new session starts, when the user asks, and when time travel rebuilds the
// machine (the decisions that still happened are sent again).
import * as vscode from 'vscode';
import { EVENT_DECISIONS, EVENT_RESET, type DecisionsEvent } from '../debug-adapter/panel-protocol';
import { GutterModel, markerHover, pathKey, type LineMarker } from './gutter-model';
import { DEBUG_TYPE } from './launch-config';
import { checkDecisionsEvent } from './adapter-events';

export class Gutter implements vscode.Disposable {
  readonly model = new GutterModel();
  private readonly types: Record<LineMarker['kind'], vscode.TextEditorDecorationType>;
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = new Set<string>();

  constructor(context: vscode.ExtensionContext) {
    const make = (icon: string, ruler: string) =>
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: vscode.Uri.joinPath(context.extensionUri, 'media', icon),
        gutterIconSize: 'contain',
        overviewRulerColor: new vscode.ThemeColor(ruler),
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
    this.types = {
      ptrace: make('gutter-ptrace.svg', 'editorOverviewRuler.errorForeground'),
      perf: make('gutter-perf.svg', 'editorOverviewRuler.infoForeground'),
    };
    this.subs.push(
      this.types.ptrace,
      this.types.perf,
      vscode.debug.onDidReceiveDebugSessionCustomEvent((e) => {
        if (e.session.type !== DEBUG_TYPE) return;
        if (e.event === EVENT_RESET) return this.clear();
        if (e.event !== EVENT_DECISIONS) return;
        const ev = checkDecisionsEvent(e.body);
        if (ev) this.add(ev);
      }),
      vscode.debug.onDidStartDebugSession((s) => {
        if (s.type === DEBUG_TYPE) this.clear();
      }),
      vscode.debug.onDidTerminateDebugSession((s) => {
        if (s.type === DEBUG_TYPE) this.clear();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.renderAll()),
    );
  }

  add(ev: Pick<DecisionsEvent, 'decisions'>): void {
    for (const f of this.model.add(ev.decisions)) this.dirty.add(f);
    if (!this.timer)
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, 100);
  }

  /** Applies pending changes now (tests call this instead of waiting for the throttle). */
  flush(): void {
    const dirty = this.dirty;
    this.dirty = new Set();
    for (const ed of vscode.window.visibleTextEditors) if (dirty.has(pathKey(ed.document.uri.fsPath))) this.render(ed);
  }

  clear(): void {
    this.model.clear();
    this.dirty.clear();
    this.renderAll();
  }

  /** The decorations an editor of `path` gets, per kind (also used by tests): each covers its line's
   * text, so hovering the line shows the decision. */
  decorationsFor(path: string, doc?: vscode.TextDocument): Record<LineMarker['kind'], vscode.DecorationOptions[]> {
    const out: Record<LineMarker['kind'], vscode.DecorationOptions[]> = { ptrace: [], perf: [] };
    for (const m of this.model.markersFor(path)) {
      const hover = new vscode.MarkdownString(markerHover(m));
      const line = doc ? Math.min(m.line - 1, Math.max(0, doc.lineCount - 1)) : m.line - 1;
      const end = doc ? doc.lineAt(line).range.end.character : Number.MAX_SAFE_INTEGER;
      out[m.kind].push({ range: new vscode.Range(line, 0, line, end), hoverMessage: hover });
    }
    return out;
  }

  private renderAll(): void {
    for (const ed of vscode.window.visibleTextEditors) this.render(ed);
  }

  private render(ed: vscode.TextEditor): void {
    const decos = this.decorationsFor(ed.document.uri.fsPath, ed.document);
    ed.setDecorations(this.types.ptrace, decos.ptrace);
    ed.setDecorations(this.types.perf, decos.perf);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subs.forEach((s) => s.dispose());
  }
}
