// Which source lines raised a watchpoint exception, and what to say in their hover.
// Pure (no vscode): gutter.ts turns these markers into decorations. Bounded memory: per line only
// the counts and the latest decision of each kind are kept, however many decisions arrive.
import type { PanelDecision } from '../debug-adapter/panel-protocol';
import { decisionLines } from '../sim/decision-text';

export type MarkerKind = 'ptrace' | 'perf';

export interface LineMarker {
  line: number; // 1-based
  /** ptrace wins the icon when both kinds fired on the line: it is the one that stopped the program */
  kind: MarkerKind;
  ptrace: number;
  perf: number;
  /** the latest decision of each kind on this line */
  lastPtrace?: PanelDecision;
  lastPerf?: PanelDecision;
}

/**
 * Whose exception a decision is: a ptrace watchpoint's (the task stops) or a perf event's (counted).
 * Undefined for decisions no data access on that line raised (a stray single-step, signal delivery).
 */
export function decisionKind(d: PanelDecision): MarkerKind | undefined {
  if (d.branch === 'step-unclaimed' || d.branch === 'thread-change-pc') return undefined;
  if (d.branch === 'step-complete' || d.branch === 'perf-single-step' || d.branch === 'perf-emulate') return 'perf';
  const hit = d.slots.filter((s) => s.result === 'hit');
  if (hit.some((s) => s.owner === 'ptrace')) return 'ptrace';
  if (hit.some((s) => s.owner === 'perf')) return 'perf';
  if (d.branch === 'ptrace-report' || d.branch === 'ptrace-report-all' || d.branch === 'no-hit-sigtrap')
    return 'ptrace';
  // extraneous-only or spurious: attribute to whoever occupied the slots
  if (d.slots.some((s) => s.owner === 'ptrace')) return 'ptrace';
  return d.slots.length ? 'perf' : 'ptrace';
}

/** Normalises a file path so the adapter's and the editor's spellings of one file compare equal. */
export function pathKey(p: string): string {
  let s = p.replace(/\\/g, '/');
  if (/^[A-Za-z]:\//.test(s)) s = s[0].toLowerCase() + s.slice(1);
  return s;
}

export class GutterModel {
  private files = new Map<string, Map<number, LineMarker>>();

  /** Adds decisions; returns the keys (pathKey) of the files whose markers changed. */
  add(decisions: readonly PanelDecision[]): Set<string> {
    const changed = new Set<string>();
    for (const d of decisions) {
      if (!d.source) continue;
      const kind = decisionKind(d);
      if (!kind) continue;
      const key = pathKey(d.source.path);
      let lines = this.files.get(key);
      if (!lines) this.files.set(key, (lines = new Map()));
      let m = lines.get(d.source.line);
      if (!m) lines.set(d.source.line, (m = { line: d.source.line, kind, ptrace: 0, perf: 0 }));
      if (kind === 'ptrace') {
        m.ptrace++;
        m.lastPtrace = d;
        m.kind = 'ptrace';
      } else {
        m.perf++;
        m.lastPerf = d;
      }
      changed.add(key);
    }
    return changed;
  }

  markersFor(path: string): LineMarker[] {
    const lines = this.files.get(pathKey(path));
    return lines ? [...lines.values()].sort((a, b) => a.line - b.line) : [];
  }

  filesWithMarkers(): string[] {
    return [...this.files.keys()];
  }

  clear(): void {
    this.files.clear();
  }
}

/** The hover of a marker, as Markdown: the counts and the latest decision of each kind, verbatim. */
export function markerHover(m: LineMarker): string {
  const parts: string[] = [];
  const counts = [
    m.ptrace ? `${m.ptrace} ptrace stop${m.ptrace > 1 ? 's' : ''}` : '',
    m.perf ? `${m.perf} perf decision${m.perf > 1 ? 's' : ''}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  parts.push(`**Watchpoint exception on this line** (${counts})`);
  for (const [title, d] of [
    ['Latest ptrace decision', m.lastPtrace],
    ['Latest perf decision', m.lastPerf],
  ] as const) {
    if (!d) continue;
    parts.push(
      `${title}:`,
      '```text\n' + [...decisionLines(d), ...(d.note ? [`    ${d.note}`] : [])].join('\n') + '\n```',
    );
  }
  return parts.join('\n\n');
}
