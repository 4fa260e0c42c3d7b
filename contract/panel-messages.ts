// The messages between the extension and its panel webview: one definition, which the host
// (extension/panel-view.ts, checking what the webview sends in extension/panel-messages.ts) and the
// webview (media/panel.ts, checking what it receives in media/panel-incoming.ts) both import.
import type {
  Counter,
  CpuSlots,
  MachineInfo,
  PanelDecision,
  PerfAction,
  TimelineResponse,
} from '../debug-adapter/panel-protocol';

/** A decision row as the panel shows it: the decision plus the words for it (computed by the host). */
export interface PanelRow {
  d: PanelDecision;
  branchText: string;
  effectTexts: string[];
}

export interface DecisionFilter {
  cpu?: number;
  task?: string;
  branch?: string;
}

// ---- webview -> extension -------------------------------------------------------------------------
export type FromPanel =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'setFilter'; gen: number; filter: DecisionFilter }
  | { type: 'requestDecisions'; gen: number; start: number; count: number }
  | { type: 'perf'; reqId: number; action: PerfAction }
  | { type: 'openSource'; path: string; line: number }
  /** a window of the timeline (`to` absent: up to now) */
  | { type: 'timeline'; reqId: number; from: number; to?: number; buckets: number }
  /** one decision's row (a timeline mark's hover) */
  | { type: 'decisionDetail'; seq: number }
  /** open the source line of a decision (a timeline mark clicked) */
  | { type: 'openDecision'; seq: number }
  | { type: 'exportTrace' };

// ---- extension -> webview -------------------------------------------------------------------------
export const SESSION_STATES = ['none', 'running', 'ended'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export type ToPanel =
  | {
      type: 'session';
      state: SessionState;
      id?: string;
      name?: string;
      message?: string;
      /** the session's history changed (step back): the rows shown are no longer true */ reset?: boolean;
    }
  | { type: 'slots'; machine: MachineInfo; cpus: CpuSlots[] }
  | { type: 'counters'; counters: Counter[] }
  /** how many rows the current filter has; `exact` false while the filtered log is still being counted */
  | {
      type: 'decisionCount';
      gen: number;
      count: number;
      exact: boolean;
      total: number;
      dropped: number;
      tasks: string[];
    }
  | { type: 'decisionPage'; gen: number; start: number; rows: PanelRow[] }
  | { type: 'perfResult'; reqId: number; ok: boolean; error?: string; message?: string }
  | { type: 'timeline'; reqId: number; data?: TimelineResponse; error?: string }
  | { type: 'decisionDetail'; seq: number; row?: PanelRow }
  /** a thread stopped: the whole sentence (the Call Stack view shows the short reason) */
  | { type: 'stopped'; task: string; reason: string; description?: string; text?: string; icount: number };
