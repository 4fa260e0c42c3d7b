// The newest decisions of a session, kept by the host so the panel can still page through them
// after the session ended (the adapter's log is gone with it). Bounded: a ring of `cap` entries.
import type { DecisionLogArgs, DecisionLogResponse, PanelDecision } from '../debug-adapter/panel-protocol';
import { matchesFilter } from './panel-messages';

export class RecentDecisions {
  private ring: PanelDecision[] = [];
  private total = 0;

  constructor(private readonly cap = 2000) {}

  clear(): void {
    this.ring = [];
    this.total = 0;
  }

  /** Decisions in seq order; ones already held are skipped (a snapshot may overlap the events). */
  add(ds: readonly PanelDecision[], total?: number): void {
    for (const d of ds) {
      const last = this.ring.length ? this.ring[this.ring.length - 1].seq : -1;
      if (d.seq <= last) continue;
      // rows are addressed as dropped + index: keep the held tail contiguous (a batch may skip some)
      if (last >= 0 && d.seq !== last + 1) this.ring = [];
      this.ring.push(d);
    }
    if (this.ring.length > this.cap) this.ring.splice(0, this.ring.length - this.cap);
    this.total = Math.max(this.total, total ?? 0, this.ring.length ? this.ring[this.ring.length - 1].seq + 1 : 0);
  }

  /** Answers a decision-log request as the adapter would, from what is held. */
  fetch(a: DecisionLogArgs): DecisionLogResponse {
    const dropped = this.ring.length ? this.ring[0].seq : this.total;
    const out: PanelDecision[] = [];
    for (const d of this.ring) {
      if (out.length >= a.count) break;
      if (d.seq < a.start) continue;
      if (!a.filter || matchesFilter(d, a.filter)) out.push(d);
    }
    return { decisions: out, total: this.total, dropped };
  }
}
