// Breakpoint ids that outlive the machine: the editor keeps the id of every breakpoint it was
// given, and a restart or a step back builds a new machine and sets the breakpoints again. The same
// breakpoint (same file and line, same address, same watched range and access) gets the same id
// each time, so hitBreakpointIds and breakpoint events still name what the editor shows.
export class BreakpointIds {
  private readonly byKey = new Map<string, number>();
  private next = 1;

  /** The id of the breakpoint `key` names (a new one the first time). */
  of(key: string): number {
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.next++;
      this.byKey.set(key, id);
    }
    return id;
  }

  /** An id for something that has no lasting identity (a refused request, say). */
  fresh(): number {
    return this.next++;
  }
}
