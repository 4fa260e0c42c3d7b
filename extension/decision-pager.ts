// Row-index access to the adapter's bounded decision log, with or without a filter, so the panel can
// show a million decisions while holding only the rows on screen. Pure (the adapter request is
// injected) so it is unit-tested under node.
//
// The adapter's `wplab.decisionLog` takes `start` as a sequence number and returns, oldest first, up
// to `count` decisions with seq >= start that match the filter. Unfiltered, row i is seq dropped + i.
// Filtered, rows are found by scanning forward; every PAGE-th row's seq is kept as an anchor so a
// later jump costs one request, and the count is exact once a scan reached the end of the log.
import type {
  DecisionLogArgs,
  DecisionLogResponse,
  DecisionsEvent,
  PanelDecision,
} from '../debug-adapter/panel-protocol';
import type { DecisionFilter } from '../contract/panel-messages';
import { isEmptyFilter, matchesFilter } from './panel-messages';

export type FetchDecisions = (args: DecisionLogArgs) => Promise<DecisionLogResponse>;

export interface DecisionCount {
  count: number;
  exact: boolean;
  total: number;
  dropped: number;
}

const PAGE = 200;

export class DecisionPager {
  private filter: DecisionFilter = {};
  private total = 0;
  private dropped = 0;
  // filtered scan state
  private anchors: number[] = []; // anchors[k]: the seq to start from to get filtered row k*PAGE
  private known = 0; // filtered rows found so far
  private scannedTo = 0; // every seq below this has been scanned
  private complete = false;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly fetch: FetchDecisions) {}

  reset(total: number, dropped: number): void {
    this.total = total;
    this.dropped = dropped;
    this.resetScan();
  }

  setFilter(f: DecisionFilter): void {
    this.filter = { ...f };
    this.resetScan();
  }

  private resetScan(): void {
    this.anchors = [this.dropped];
    this.known = 0;
    this.scannedTo = this.dropped;
    this.complete = false;
  }

  count(): DecisionCount {
    if (isEmptyFilter(this.filter))
      return { count: Math.max(0, this.total - this.dropped), exact: true, total: this.total, dropped: this.dropped };
    return { count: this.known, exact: this.complete, total: this.total, dropped: this.dropped };
  }

  /** Live decisions: returns true when the count changed. A grown `dropped` restarts a filtered scan. */
  onEvent(ev: Pick<DecisionsEvent, 'decisions' | 'total' | 'dropped'>): boolean {
    const before = JSON.stringify(this.count());
    const droppedMore = ev.dropped !== this.dropped;
    this.total = ev.total;
    this.dropped = ev.dropped;
    if (!isEmptyFilter(this.filter)) {
      if (droppedMore) this.resetScan();
      else if (this.complete) {
        // extend the completed scan with the live decisions that match; a batch that skipped some
        // (the adapter sends at most the newest few hundred) leaves the rest to a scan
        if (ev.decisions.length && ev.decisions[0].seq > this.scannedTo) {
          this.complete = false;
          return JSON.stringify(this.count()) !== before;
        }
        for (const d of ev.decisions) {
          if (d.seq < this.scannedTo) continue;
          if (matchesFilter(d, this.filter)) {
            if (this.known % PAGE === 0) this.anchors[this.known / PAGE] = d.seq;
            this.known++;
          }
          this.scannedTo = d.seq + 1;
        }
        this.complete = this.scannedTo >= ev.total;
      }
    }
    return JSON.stringify(this.count()) !== before;
  }

  /** Rows [start, start+count) of the current view (fewer at the end). Requests are serialised. */
  page(start: number, count: number): Promise<PanelDecision[]> {
    const run = () =>
      isEmptyFilter(this.filter) ? this.unfilteredPage(start, count) : this.filteredPage(start, count);
    const p = this.chain.then(run, run);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private async unfilteredPage(start: number, count: number): Promise<PanelDecision[]> {
    const res = await this.fetch({ start: this.dropped + start, count });
    this.total = Math.max(this.total, res.total);
    if (res.dropped !== this.dropped) {
      // the log dropped old decisions meanwhile: ask again at the shifted position
      this.dropped = res.dropped;
      return (await this.fetch({ start: this.dropped + start, count })).decisions.slice(0, count);
    }
    return res.decisions.slice(0, count);
  }

  private async filteredPage(start: number, count: number): Promise<PanelDecision[]> {
    const filter = { ...this.filter };
    // scan forward until the rows wanted are known or the log ends
    while (!this.complete && this.known < start + count) {
      const res = await this.fetch({ start: this.scannedTo, count: PAGE, filter });
      for (const d of res.decisions) {
        if (this.known % PAGE === 0) this.anchors[this.known / PAGE] = d.seq;
        this.known++;
        this.scannedTo = d.seq + 1;
      }
      this.total = Math.max(this.total, res.total);
      if (res.decisions.length < PAGE) {
        this.complete = true;
        this.scannedTo = Math.max(this.scannedTo, res.total);
      }
    }
    if (start >= this.known) return [];
    const k = Math.floor(start / PAGE);
    const rows: PanelDecision[] = [];
    let seq = this.anchors[k];
    let skip = start - k * PAGE;
    while (rows.length < count && seq !== undefined) {
      const res = await this.fetch({ start: seq, count: PAGE, filter });
      const ds = res.decisions;
      if (ds.length === 0) break;
      rows.push(...ds.slice(skip, skip + (count - rows.length)));
      skip = Math.max(0, skip - ds.length);
      seq = ds[ds.length - 1].seq + 1;
      if (ds.length < PAGE) break;
    }
    return rows;
  }
}
