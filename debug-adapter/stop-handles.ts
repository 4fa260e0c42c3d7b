// Variable handles (variablesReference numbers) live from one stop to the next, numbered from a
// base again at each stop so that a replayed history hands out the same numbers. The editor's
// requests can cross a stop: VS Code refreshes an expanded scope after an `invalidated` event, and
// if the program was continued meanwhile, that `variables` request arrives after the next stop with
// a handle of the stop before. Such a handle, not yet given out again, still means what it meant
// (its scope or object read now) instead of an error the Variables view would show in red.
export class StopHandles<T> {
  private next: number;
  private map = new Map<number, T>();
  private previous = new Map<number, T>();

  constructor(private readonly base: number) {
    this.next = base;
  }

  /** At a stop (or when the state they describe changed): numbering starts over. */
  reset(): void {
    this.previous = this.map;
    this.map = new Map();
    this.next = this.base;
  }

  create(value: T): number {
    this.map.set(this.next, value);
    return this.next++;
  }

  get(handle: number): T | undefined {
    return this.map.get(handle) ?? this.previous.get(handle);
  }
}
