// The panel's (and the extension's) custom requests (debug-adapter/panel-protocol.ts): snapshots,
// decision pages, the timeline, perf and watch actions, the trace export and the kernel compare.
// Each is handled from explicit inputs and answers a body or a refusal; what the session must
// refresh after it (the panel, the watch list) is named in the answer.
import * as fs from 'node:fs';
import type { Task } from '../sim/machine/task';
import type { AccessType } from './data-breakpoints';
import { parseAddress } from './launch-config';
import { checkDecisionLogArgs, type PanelFeed } from './panel-feed';
import {
  REQUEST_COMPARE,
  REQUEST_DECISIONS,
  REQUEST_EXPORT_TRACE,
  REQUEST_PERF,
  REQUEST_SNAPSHOT,
  REQUEST_TIMELINE,
  REQUEST_WATCH,
  REQUEST_WATCH_LIST,
  type PerfAction,
  type PerfResponse,
  type WatchesEvent,
  type WatchInfo,
} from './panel-protocol';
import { checkTimelineArgs } from './panel-timeline';
import { BadArgs } from './request-args';
import type { Runtime } from './runtime';

export interface PanelInputs {
  /** the launched runtime and its feed (a BadArgs "launch first" before a launch) */
  runtime(): { rt: Runtime; feed: PanelFeed };
  /** the thread the console, memory and the panel's actions mean */
  current(): Task;
  /** the launch settings (the trace's title) */
  launchArgs: Record<string, unknown> | undefined;
  watchList(): WatchInfo[];
}

/** The answer: a body, or a refusal's message; `changed` is what the session refreshes after. */
export type PanelAnswer = { ok: true; body: unknown; changed?: 'perf' | 'watches' } | { ok: false; message: string };

export function panelRequest(command: string, args: unknown, io: PanelInputs): PanelAnswer {
  switch (command) {
    case REQUEST_SNAPSHOT:
      return { ok: true, body: io.runtime().feed.snapshot() };
    case REQUEST_DECISIONS: {
      const { feed } = io.runtime();
      const a = checkDecisionLogArgs(args);
      if (typeof a === 'string') throw new BadArgs(a);
      return { ok: true, body: feed.decisionLog(a) };
    }
    case REQUEST_PERF:
      return { ok: true, body: perfAction(args, io), changed: 'perf' };
    case REQUEST_WATCH:
      return { ok: true, body: watchAction(args, io), changed: 'watches' };
    case REQUEST_TIMELINE: {
      const { feed } = io.runtime();
      const a = checkTimelineArgs(args);
      if (typeof a === 'string') throw new BadArgs(a);
      return { ok: true, body: feed.timeline(a) };
    }
    case REQUEST_EXPORT_TRACE:
      return exportTrace(args, io);
    case REQUEST_WATCH_LIST:
      return { ok: true, body: { watches: io.watchList() } satisfies WatchesEvent };
    case REQUEST_COMPARE: {
      const c = io.runtime().rt.compareKernels();
      return c.ok ? { ok: true, body: { text: c.text } } : c;
    }
    default:
      throw new BadArgs(`unknown request "${command}"`);
  }
}

/** The decisions, slots and counters as a Chrome trace (Perfetto), written to `path`. */
function exportTrace(args: unknown, io: PanelInputs): PanelAnswer {
  const { feed } = io.runtime();
  const path = (args as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string' || path === '' || path.length > 4096) {
    throw new BadArgs('"path" (the file to write) is required');
  }
  const cfg = io.launchArgs ?? {};
  const base = (p: string) => p.replace(/^.*[\\/]/, '');
  const title =
    typeof cfg.scenario === 'string'
      ? base(cfg.scenario)
      : typeof cfg.program === 'string'
        ? base(cfg.program)
        : 'session';
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'w');
    const out = fd;
    const events = feed.exportTrace(title, (chunk) => fs.writeSync(out, chunk));
    return { ok: true, body: { path, events } };
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return { ok: false, message: `cannot write the trace to ${path}: ${why}` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The panel's perf counter actions: add (perf_event_open), enable, disable, reset, close. */
function perfAction(args: unknown, io: PanelInputs): PerfResponse {
  const { rt } = io.runtime();
  if (typeof args !== 'object' || args === null) throw new BadArgs('arguments must be a perf action');
  const a = args as PerfAction;
  const refusal = (r: { ok: false; errno: string; message: string }): PerfResponse => ({
    ok: false,
    error: r.errno,
    message: r.message,
  });
  if (a.action === 'add') {
    if (
      typeof a.name !== 'string' ||
      a.name === '' ||
      typeof a.addr !== 'string' ||
      typeof a.len !== 'number' ||
      !['r', 'w', 'rw'].includes(a.type)
    ) {
      throw new BadArgs('add needs { name, addr, len, type: r|w|rw }');
    }
    const t = io.current();
    const sym = t.program.symbols.get(a.addr);
    const addr = sym ? sym.value : parseAddress(a.addr);
    if (addr === undefined) {
      return { ok: false, error: 'EINVAL', message: `"${a.addr}" is neither an address nor a symbol` };
    }
    const task = a.task !== undefined ? rt.machine.task(a.task) : a.cpu !== undefined ? undefined : t;
    if (a.task !== undefined && !task) return { ok: false, error: 'ESRCH', message: `no task "${a.task}"` };
    const r = rt.tracer.perfOpen({
      name: a.name,
      task,
      cpu: a.cpu ?? -1,
      addr,
      len: BigInt(a.len),
      type: a.type,
      excludeKernel: a.excludeKernel,
      excludeUser: a.excludeUser,
      excludeHv: a.excludeHv,
    });
    return r.ok ? { ok: true, message: `perf counter "${a.name}" is fd ${r.fd}` } : refusal(r);
  }
  const action = (a as { action: string }).action;
  if (!['enable', 'disable', 'reset', 'close'].includes(action) || typeof (a as { id?: unknown }).id !== 'string') {
    throw new BadArgs('a perf action is add, enable, disable, reset or close (with an id)');
  }
  const id = (a as { id: string }).id;
  const c = rt.machine.hw
    .countersView()
    .counters.filter((x) => x.id === id && !x.closed)
    .pop();
  if (!c) return { ok: false, error: 'EBADF', message: `no open perf counter "${id}"` };
  const r =
    action === 'enable'
      ? rt.tracer.perfEnable(c.fd)
      : action === 'disable'
        ? rt.tracer.perfDisable(c.fd)
        : action === 'reset'
          ? rt.tracer.perfReset(c.fd)
          : rt.tracer.perfClose(c.fd);
  return r.ok ? { ok: true } : refusal(r);
}

/** The editor's data-line actions: { symbol | address, len, type: read|write|access|perf (or
 * r|w|rw with mode ptrace|perf) }. */
function watchAction(args: unknown, io: PanelInputs): { ok: boolean; message: string; error?: string; id?: number } {
  const { rt } = io.runtime();
  if (typeof args !== 'object' || args === null)
    throw new BadArgs('arguments must be { symbol or address, len, type }');
  const o = args as Record<string, unknown>;
  const t = io.current();
  let addr: bigint | undefined;
  let label: string;
  if (typeof o.symbol === 'string') {
    const s = t.program.symbols.get(o.symbol);
    if (!s) return { ok: false, error: 'EINVAL', message: `no symbol "${o.symbol}" in ${t.program.file}` };
    addr = s.value;
    label = o.symbol;
  } else {
    addr = parseAddress(o.address);
    if (addr === undefined) throw new BadArgs('"symbol" or "address" is required');
    label = rt.watches.labelFor(addr, t);
  }
  if (typeof o.len !== 'number' || !Number.isInteger(o.len) || o.len < 1) {
    throw new BadArgs('"len" must be a positive whole number');
  }
  const typeMap: Record<string, AccessType | 'perf'> = {
    read: 'read',
    write: 'write',
    access: 'readWrite',
    perf: 'perf',
    r: 'read',
    w: 'write',
    rw: 'readWrite',
  };
  let kind = typeof o.type === 'string' ? typeMap[o.type] : undefined;
  if (!kind) throw new BadArgs('"type" must be read, write, access or perf');
  if (o.mode === 'perf') kind = 'perf';
  const perfAccess: AccessType =
    o.type === 'r' || o.type === 'read' ? 'read' : o.type === 'w' || o.type === 'write' ? 'write' : 'readWrite';
  const w = rt.addWatch({
    addr,
    len: o.len,
    access: kind === 'perf' ? perfAccess : kind,
    kind: kind === 'perf' ? 'perf' : 'ptrace',
    origin: 'panel',
    label,
    perfName: kind === 'perf' ? label : undefined,
  });
  if (!w.verified) {
    rt.removeWatch(w);
    const m = /^(?:[A-Z_]+ on \w+: |perf_event_open: )?(E[A-Z]+)/.exec(w.message ?? '');
    return { ok: false, error: m?.[1] ?? 'EINVAL', message: w.message ?? 'refused' };
  }
  return { ok: true, message: w.message ?? '', id: w.id };
}
