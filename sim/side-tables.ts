// State kept beside objects rather than in them: WeakMaps keyed by an object of the machine (the
// futex queues of a page, a process's wait queues). A checkpoint (sim/machine/checkpoint/) cannot
// enumerate a WeakMap, so the modules that keep one name it here (module-level tables), or the
// object that owns one returns it from `checkpointSideTables()`; the checkpoint then saves, for each
// object it saves, that object's entry in each table.

/** A WeakMap whose entries are part of the machine's state. */
export type SideTable = WeakMap<object, unknown>;

const moduleTables: SideTable[] = [];

/** Names a module-level side table (once, when the module loads). */
export function registerSideTable<K extends object, V>(table: WeakMap<K, V>): void {
  moduleTables.push(table as unknown as SideTable);
}

export function registeredSideTables(): readonly SideTable[] {
  return moduleTables;
}

/** An object owning side tables of its own (one per machine). */
export interface OwnsSideTables {
  checkpointSideTables(): SideTable[];
}

export function ownsSideTables(o: object): o is OwnsSideTables {
  return typeof (o as Partial<OwnsSideTables>).checkpointSideTables === 'function';
}
