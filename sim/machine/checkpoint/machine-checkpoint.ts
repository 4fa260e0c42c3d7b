// A checkpoint of a whole machine: everything that decides its future, restored in place so that
// the run from there is the same run. That is the object graph from the Machine: CPUs and their
// registers and DAWRs, tasks with their signals, timers, wait queues and process tree, address
// spaces (pages copied on write, the lazy pager's mappings), the kernel (file system, pipes, clock,
// random generator), the watchpoint subsystem (breakpoints, perf events, slots), the instruction
// clock (the cores' counts) and the positions of the decision log and the slot history (truncated
// back on restore). A loaded program is immutable and kept by reference.
import { DecisionRecord } from '../../hwbp/decision-record';
import { restoreDecisionLog, saveDecisionLog, type DecisionLogState } from '../../hwbp/decision-log';
import { restoreSlotHistory, saveSlotHistory, type SlotHistoryState } from '../../hwbp/slot-history';
import type { Machine } from '../machine';
import { GraphSnapshot, type CustomPart } from './object-graph';

/** about what a decision record holds (its slots and effects lists, numbers, texts made on read) */
const RECORD_BYTES = 160;
const EVENT_BYTES = 120;

function ringParts(m: Machine): Map<object, CustomPart> {
  const log: CustomPart = {
    save: () => saveDecisionLog(m.log),
    restore: (s) => restoreDecisionLog(m.log, s as DecisionLogState),
    bytes: (s, prev) => ringBytes(s as DecisionLogState, prev as DecisionLogState | undefined, RECORD_BYTES),
  };
  const slots: CustomPart = {
    save: () => saveSlotHistory(m.slotHistory),
    restore: (s) => restoreSlotHistory(m.slotHistory, s as SlotHistoryState),
    bytes: (s, prev) => ringBytes(s as SlotHistoryState, prev as SlotHistoryState | undefined, EVENT_BYTES),
  };
  return new Map<object, CustomPart>([
    [m.log, log],
    [m.slotHistory, slots],
  ]);
}

/** A ring's slice (8 bytes an entry) and the entries made since the previous snapshot. */
function ringBytes(
  s: { next: number; ring: readonly unknown[] },
  prev: { next: number } | undefined,
  each: number,
): number {
  const fresh = Math.min(s.ring.length, s.next - (prev?.next ?? 0));
  return 8 * s.ring.length + each * Math.max(0, fresh);
}

/**
 * The decision log refills the record of the decision it drops once its ring is full; a checkpoint
 * keeps the records of its instant, so from the first checkpoint on every decision gets a record
 * of its own (an own property over the prototype's claim; the log's contents are unchanged).
 */
function keepDecisionRecords(m: Machine): void {
  const log = m.log as { claim: () => DecisionRecord };
  if (Object.prototype.hasOwnProperty.call(log, 'claim')) return;
  log.claim = () => new DecisionRecord();
}

export class MachineCheckpoint {
  private constructor(
    /** the machine's instruction clock at the checkpoint */
    readonly icount: number,
    readonly graph: GraphSnapshot,
  ) {}

  /**
   * Saves the machine (and `extra` objects that belong with it: a debugger's own state; `keep`:
   * objects they lead to that are kept by reference, not saved). With `previous` (the last
   * checkpoint of the same machine) unchanged pages share its copies.
   */
  static take(
    m: Machine,
    previous?: MachineCheckpoint,
    extra: readonly object[] = [],
    keep: readonly object[] = [],
  ): MachineCheckpoint {
    keepDecisionRecords(m);
    const leaves = new Set<object>(m.tasks.map((t) => t.program));
    for (const o of keep) leaves.add(o);
    const graph = GraphSnapshot.take(
      [m, ...extra],
      { isLeaf: (o) => leaves.has(o), custom: ringParts(m) },
      previous?.graph,
    );
    return new MachineCheckpoint(m.icount, graph);
  }

  /** The machine as it was at the checkpoint (the same objects, their saved contents). */
  restore(): void {
    this.graph.restore();
  }

  /** bytes this checkpoint adds beyond the one it was taken after (pages copied, objects, rings) */
  get bytes(): number {
    const s = this.graph.size;
    return s.copiedBytes + s.objectBytes + s.customBytes;
  }
}
