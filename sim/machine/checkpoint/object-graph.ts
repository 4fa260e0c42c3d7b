// A snapshot of an object graph that is restored in place: every object reachable from the roots
// (fields, array elements, map and set entries, bytes of array buffers) is saved, and a restore
// writes the saved values back into the very same objects. Objects made after the snapshot become
// unreachable; the closures the machine's parts hold (callbacks bound to `this`) stay valid because
// no object is replaced. Functions are kept by reference, never walked: state must live in objects.
// Array buffers (memory pages, registers) are copied on write: a buffer whose bytes equal its copy
// in the previous snapshot shares that copy, so a snapshot costs the pages written since the last.
import { ownsSideTables, registeredSideTables, type SideTable } from '../../side-tables';

/** A part of the graph with a state of its own to save (a ring log saved as position + slice). */
export interface CustomPart {
  save(): unknown;
  restore(state: unknown): void;
  /** bytes the saved state holds beyond what the previous snapshot's state shared */
  bytes(state: unknown, previous: unknown): number;
}

export interface GraphOptions {
  /** kept by reference and never walked (immutable: a loaded program) */
  isLeaf?: (o: object) => boolean;
  /** objects saved by their own means, not field by field */
  custom?: ReadonlyMap<object, CustomPart>;
}

type Part =
  | { k: 'obj'; o: Record<string, unknown>; keys: string[]; vals: unknown[] }
  | { k: 'arr'; o: unknown[]; vals: unknown[] }
  | { k: 'map'; o: Map<unknown, unknown>; flat: unknown[] }
  | { k: 'set'; o: Set<unknown>; vals: unknown[] }
  | { k: 'buf'; o: ArrayBuffer; copy: Uint8Array }
  | { k: 'custom'; o: object; part: CustomPart; state: unknown }
  | { k: 'side'; table: SideTable; keys: object[]; vals: unknown[]; all: readonly object[] };

/** What a snapshot costs: bytes of buffers copied afresh, and an estimate of the rest. */
export interface SnapshotSize {
  /** buffer bytes copied for this snapshot (not shared with the previous one) */
  copiedBytes: number;
  /** objects, fields and entries saved, at about 8 bytes a value and 48 an object */
  objectBytes: number;
  /** the custom parts' own estimate */
  customBytes: number;
  objects: number;
}

export class GraphSnapshot {
  private constructor(
    private readonly parts: Part[],
    /** buffer -> its saved bytes (the next snapshot shares the unchanged ones) */
    readonly copies: ReadonlyMap<ArrayBuffer, Uint8Array>,
    /** object saved by a custom part -> its saved state (the next snapshot's size estimate compares with it) */
    private readonly customStates: ReadonlyMap<object, unknown>,
    readonly size: SnapshotSize,
  ) {}

  /** The buffer copies this snapshot holds (a store counts each once however many share it). */
  buffers(): IterableIterator<Uint8Array> {
    return this.copies.values();
  }

  static take(roots: readonly object[], opts: GraphOptions = {}, previous?: GraphSnapshot): GraphSnapshot {
    const parts: Part[] = [];
    const seen = new Set<object>();
    const order: object[] = [];
    const stack: object[] = [];
    const copies = new Map<ArrayBuffer, Uint8Array>();
    const customStates = new Map<object, unknown>();
    const tables: SideTable[] = [...registeredSideTables()];
    const prevCopies = previous?.copies;
    const size: SnapshotSize = { copiedBytes: 0, objectBytes: 0, customBytes: 0, objects: 0 };
    const isLeaf = opts.isLeaf;
    const custom = opts.custom;
    const visit = (v: unknown): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      order.push(v);
      stack.push(v);
    };
    for (const r of roots) visit(r);
    const drain = (): void => {
      for (let o = stack.pop(); o !== undefined; o = stack.pop()) {
        if (o instanceof ArrayBuffer) {
          const prev = prevCopies?.get(o);
          let copy: Uint8Array;
          if (prev !== undefined && sameBytes(prev, o)) copy = prev;
          else {
            copy = new Uint8Array(o.slice(0));
            size.copiedBytes += copy.byteLength;
          }
          copies.set(o, copy);
          parts.push({ k: 'buf', o, copy });
          continue;
        }
        if (ArrayBuffer.isView(o)) {
          visit(o.buffer);
          continue;
        }
        const c = custom?.get(o);
        if (c !== undefined) {
          const state = c.save();
          customStates.set(o, state);
          size.customBytes += c.bytes(state, previous?.customStates.get(o));
          parts.push({ k: 'custom', o, part: c, state });
          continue;
        }
        if (isLeaf?.(o) || o instanceof Promise || o instanceof WeakMap || o instanceof WeakSet) continue;
        size.objects++;
        if (Array.isArray(o)) {
          const vals = o.slice();
          for (let i = 0; i < vals.length; i++) visit(vals[i]);
          parts.push({ k: 'arr', o, vals });
          size.objectBytes += 48 + 8 * vals.length;
        } else if (o instanceof Map) {
          const flat: unknown[] = [];
          for (const [key, val] of o) {
            flat.push(key, val);
            visit(key);
            visit(val);
          }
          parts.push({ k: 'map', o, flat });
          size.objectBytes += 48 + 8 * flat.length;
        } else if (o instanceof Set) {
          const vals = [...o];
          for (const v of vals) visit(v);
          parts.push({ k: 'set', o, vals });
          size.objectBytes += 48 + 8 * vals.length;
        } else {
          if (ownsSideTables(o)) for (const t of o.checkpointSideTables()) if (!tables.includes(t)) tables.push(t);
          const rec = o as Record<string, unknown>;
          const keys = Object.keys(rec);
          const vals = new Array<unknown>(keys.length);
          for (let i = 0; i < keys.length; i++) visit((vals[i] = rec[keys[i]]));
          // a frozen object cannot change (nor be written back): only what it leads to is saved
          if (!Object.isFrozen(o)) parts.push({ k: 'obj', o: rec, keys, vals });
          size.objectBytes += 48 + 8 * keys.length;
        }
      }
    };
    drain();
    // side tables: each saved object's entries (their values may lead to more objects: repeat)
    const sides = tables.map((table) => ({
      k: 'side' as const,
      table,
      keys: [] as object[],
      vals: [] as unknown[],
      all: order,
    }));
    let checked = 0;
    while (checked < order.length) {
      const end = order.length;
      for (; checked < end; checked++) {
        const o = order[checked];
        for (const s of sides) {
          if (s.table.has(o)) {
            const v = s.table.get(o);
            s.keys.push(o);
            s.vals.push(v);
            visit(v);
          }
        }
      }
      drain();
    }
    for (const s of sides) parts.push(s);
    return new GraphSnapshot(parts, copies, customStates, size);
  }

  /** Writes the saved state back into the same objects. */
  restore(): void {
    for (const p of this.parts) {
      switch (p.k) {
        case 'obj': {
          const o = p.o;
          const cur = Object.keys(o);
          let same = cur.length === p.keys.length;
          for (let i = 0; same && i < cur.length; i++) same = cur[i] === p.keys[i];
          // fields added since, or deleted and added again (their order matters to iteration)
          if (!same) for (const k of cur) delete o[k];
          for (let i = 0; i < p.keys.length; i++) if (!same || o[p.keys[i]] !== p.vals[i]) o[p.keys[i]] = p.vals[i];
          break;
        }
        case 'arr': {
          const o = p.o;
          o.length = p.vals.length;
          for (let i = 0; i < p.vals.length; i++) if (o[i] !== p.vals[i]) o[i] = p.vals[i];
          break;
        }
        case 'map': {
          const o = p.o;
          let same = o.size * 2 === p.flat.length;
          if (same) {
            let i = 0;
            for (const [key, val] of o) {
              if (key !== p.flat[i] || val !== p.flat[i + 1]) {
                same = false;
                break;
              }
              i += 2;
            }
          }
          if (!same) {
            o.clear();
            for (let i = 0; i < p.flat.length; i += 2) o.set(p.flat[i], p.flat[i + 1]);
          }
          break;
        }
        case 'set': {
          const o = p.o;
          let same = o.size === p.vals.length;
          if (same) {
            let i = 0;
            for (const v of o) if (v !== p.vals[i++]) same = false;
          }
          if (!same) {
            o.clear();
            for (const v of p.vals) o.add(v);
          }
          break;
        }
        case 'buf':
          new Uint8Array(p.o).set(p.copy);
          break;
        case 'custom':
          p.part.restore(p.state);
          break;
        case 'side': {
          // an entry made since for an object saved without one goes
          const kept = new Set(p.keys);
          for (const o of p.all) if (!kept.has(o)) p.table.delete(o);
          for (let i = 0; i < p.keys.length; i++)
            if (p.table.get(p.keys[i]) !== p.vals[i]) p.table.set(p.keys[i], p.vals[i]);
          break;
        }
      }
    }
  }
}

/** Byte equality of a saved copy and a live buffer (by 32-bit words where the length allows). */
function sameBytes(copy: Uint8Array, live: ArrayBuffer): boolean {
  const n = live.byteLength;
  if (copy.byteLength !== n) return false;
  if (n % 4 === 0 && copy.byteOffset % 4 === 0) {
    const a = new Int32Array(copy.buffer, copy.byteOffset, n >> 2);
    const b = new Int32Array(live);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  const b = new Uint8Array(live);
  for (let i = 0; i < n; i++) if (copy[i] !== b[i]) return false;
  return true;
}
