// What Perfetto's and chrome://tracing's JSON importers need of a trace-event document, checked:
// the JSON Object Format ({ traceEvents: [...] }), known phases with their fields (ts in µs as
// numbers, dur >= 0 for complete events, a scope for instants, numeric counter values), every
// process and thread used named by metadata events, and the slices of one track (pid, tid) never
// partially overlapping (Perfetto drops slices that do not nest). Returns the problems found.
export interface TraceDoc {
  traceEvents: Array<Record<string, unknown>>;
  [k: string]: unknown;
}

export function traceProblems(doc: unknown): string[] {
  const out: string[] = [];
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as TraceDoc).traceEvents))
    return ['not a JSON object with a traceEvents list'];
  const events = (doc as TraceDoc).traceEvents;
  const named = new Set<string>();
  const used = new Set<string>();
  const slices = new Map<string, Array<[number, number, string]>>();
  events.forEach((e, i) => {
    const at = `event ${i} (${JSON.stringify(e).slice(0, 120)})`;
    if (typeof e.ph !== 'string') return out.push(`${at}: no ph`);
    if (typeof e.pid !== 'number') out.push(`${at}: pid is not a number`);
    if (e.ph === 'M') {
      const args = e.args as Record<string, unknown> | undefined;
      if (e.name === 'process_name' && typeof args?.name === 'string') named.add(`${e.pid}`);
      if (e.name === 'thread_name' && typeof args?.name === 'string') named.add(`${e.pid}:${e.tid}`);
      return;
    }
    if (typeof e.name !== 'string' || e.name === '') out.push(`${at}: no name`);
    if (typeof e.ts !== 'number' || !Number.isFinite(e.ts) || e.ts < 0) out.push(`${at}: ts is not a number >= 0`);
    used.add(`${e.pid}`);
    switch (e.ph) {
      case 'X': {
        if (typeof e.tid !== 'number') out.push(`${at}: no tid`);
        if (typeof e.dur !== 'number' || !(e.dur >= 0)) out.push(`${at}: dur is not a number >= 0`);
        used.add(`${e.pid}:${e.tid}`);
        const key = `${e.pid}:${e.tid}`;
        slices.set(key, [
          ...(slices.get(key) ?? []),
          [e.ts as number, (e.ts as number) + (e.dur as number), e.name as string],
        ]);
        break;
      }
      case 'i':
      case 'I':
        if (e.s !== undefined && !['t', 'p', 'g'].includes(e.s as string)) out.push(`${at}: scope ${String(e.s)}`);
        if ((e.s ?? 't') === 't') {
          if (typeof e.tid !== 'number') out.push(`${at}: a thread-scoped instant without tid`);
          used.add(`${e.pid}:${e.tid}`);
        }
        break;
      case 'C': {
        const args = e.args as Record<string, unknown> | undefined;
        if (!args || Object.keys(args).length === 0 || !Object.values(args).every((v) => typeof v === 'number'))
          out.push(`${at}: a counter needs numeric args`);
        break;
      }
      default:
        out.push(`${at}: phase ${e.ph} is not one this exporter writes`);
    }
  });
  for (const u of used)
    if (!named.has(u)) out.push(`${u.includes(':') ? 'thread' : 'process'} ${u} has no name (metadata event)`);
  for (const [key, list] of slices) {
    list.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const open: Array<[number, number, string]> = [];
    for (const s of list) {
      while (open.length && open[open.length - 1][1] <= s[0]) open.pop();
      const parent = open[open.length - 1];
      if (parent && s[1] > parent[1])
        out.push(
          `track ${key}: "${s[2]}" [${s[0]}, ${s[1]}) overlaps "${parent[2]}" [${parent[0]}, ` +
            `${parent[1]}) without nesting`,
        );
      open.push(s);
    }
  }
  return out;
}
