// The checks of every message the panel webview sends (contract/panel-messages.ts: untrusted input, a
// compromised or buggy webview must not make the host act on junk), and the host's use of a filter.
// The webview checks what it receives in media/panel-incoming.ts.
import { isNat, isObj, oneOf } from '../contract/guards';
import type { DecisionFilter, FromPanel } from '../contract/panel-messages';
import type { PanelDecision, PerfAction } from '../debug-adapter/panel-protocol';
import { BRANCHES } from '../sim/decision';

export const MAX_PAGE = 500;
const MAX_STR = 256;

type Check = { ok: true; msg: FromPanel } | { ok: false; error: string };

/** A non-empty string of at most `max` characters (what the webview sends is bounded). */
const isText = (v: unknown, max = MAX_STR): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const HEX_OR_DEC = /^(0[xX][0-9a-fA-F]{1,16}|\d{1,20})$/;
const NAME = /^[A-Za-z0-9_.$\-:]+$/;

function onlyKeys(o: Record<string, unknown>, keys: string[]): string | undefined {
  const extra = Object.keys(o).filter((k) => !keys.includes(k));
  return extra.length ? `unexpected field ${extra.map((k) => JSON.stringify(k)).join(', ')}` : undefined;
}

function checkFilter(v: unknown): DecisionFilter | string {
  if (!isObj(v)) return 'filter must be an object';
  const bad = onlyKeys(v, ['cpu', 'task', 'branch']);
  if (bad) return bad;
  const f: DecisionFilter = {};
  if (v.cpu !== undefined) {
    if (!isNat(v.cpu, 1023)) return 'filter.cpu must be a CPU number';
    f.cpu = v.cpu;
  }
  if (v.task !== undefined) {
    if (!isText(v.task) || !NAME.test(v.task)) return 'filter.task must be a task name';
    f.task = v.task;
  }
  if (v.branch !== undefined) {
    if (!oneOf(BRANCHES, v.branch)) return 'filter.branch must be a decision kind';
    f.branch = v.branch;
  }
  return f;
}

function checkPerfAction(v: unknown): PerfAction | string {
  if (!isObj(v)) return 'action must be an object';
  if (v.action === 'enable' || v.action === 'disable' || v.action === 'reset' || v.action === 'close') {
    const bad = onlyKeys(v, ['action', 'id']);
    if (bad) return bad;
    if (!isText(v.id, 128)) return 'id must name a counter';
    return { action: v.action, id: v.id };
  }
  if (v.action !== 'add') return 'action must be add, enable, disable, reset or close';
  const bad = onlyKeys(v, [
    'action',
    'name',
    'addr',
    'len',
    'type',
    'task',
    'cpu',
    'excludeKernel',
    'excludeUser',
    'excludeHv',
  ]);
  if (bad) return bad;
  if (!isText(v.name, 64) || !NAME.test(v.name)) return 'name must be a short name (letters, digits, _ . $ - :)';
  // an address or a symbol: the adapter resolves symbols
  if (
    !isText(v.addr, 128) ||
    !(HEX_OR_DEC.test(v.addr) || /^[A-Za-z_.$][A-Za-z0-9_.$]*([+-](0[xX][0-9a-fA-F]+|\d+))?$/.test(v.addr))
  )
    return 'addr must be an address (0x...) or a symbol';
  if (!isNat(v.len, 4096) || v.len === 0) return 'len must be a byte count from 1 to 4096';
  if (v.type !== 'r' && v.type !== 'w' && v.type !== 'rw') return 'type must be r, w or rw';
  const a: PerfAction = { action: 'add', name: v.name, addr: v.addr, len: v.len, type: v.type };
  if (v.task !== undefined) {
    if (!isText(v.task) || !NAME.test(v.task)) return 'task must be a task name';
    a.task = v.task;
  }
  if (v.cpu !== undefined) {
    if (!isNat(v.cpu, 1023)) return 'cpu must be a CPU number';
    a.cpu = v.cpu;
  }
  if (a.task === undefined && a.cpu === undefined) return 'a counter needs a task or a CPU';
  for (const k of ['excludeKernel', 'excludeUser', 'excludeHv'] as const) {
    if (v[k] !== undefined) {
      if (typeof v[k] !== 'boolean') return `${k} must be true or false`;
      a[k] = v[k] as boolean;
    }
  }
  return a;
}

/** Checks one message from the webview: its type, every field's type and range, no extra fields. */
export function checkFromPanel(raw: unknown): Check {
  if (!isObj(raw)) return { ok: false, error: 'message is not an object' };
  const fail = (error: string): Check => ({ ok: false, error: `${String(raw.type).slice(0, 40)}: ${error}` });
  switch (raw.type) {
    case 'ready':
    case 'refresh': {
      const bad = onlyKeys(raw, ['type']);
      return bad ? fail(bad) : { ok: true, msg: { type: raw.type } };
    }
    case 'setFilter': {
      const bad = onlyKeys(raw, ['type', 'gen', 'filter']);
      if (bad) return fail(bad);
      if (!isNat(raw.gen)) return fail('gen must be a whole number');
      const f = checkFilter(raw.filter);
      return typeof f === 'string' ? fail(f) : { ok: true, msg: { type: 'setFilter', gen: raw.gen, filter: f } };
    }
    case 'requestDecisions': {
      const bad = onlyKeys(raw, ['type', 'gen', 'start', 'count']);
      if (bad) return fail(bad);
      if (!isNat(raw.gen)) return fail('gen must be a whole number');
      if (!isNat(raw.start)) return fail('start must be a row index');
      if (!isNat(raw.count, MAX_PAGE) || raw.count === 0) return fail(`count must be from 1 to ${MAX_PAGE}`);
      return { ok: true, msg: { type: 'requestDecisions', gen: raw.gen, start: raw.start, count: raw.count } };
    }
    case 'perf': {
      const bad = onlyKeys(raw, ['type', 'reqId', 'action']);
      if (bad) return fail(bad);
      if (!isNat(raw.reqId)) return fail('reqId must be a whole number');
      const a = checkPerfAction(raw.action);
      return typeof a === 'string' ? fail(a) : { ok: true, msg: { type: 'perf', reqId: raw.reqId, action: a } };
    }
    case 'timeline': {
      const bad = onlyKeys(raw, ['type', 'reqId', 'from', 'to', 'buckets']);
      if (bad) return fail(bad);
      if (!isNat(raw.reqId)) return fail('reqId must be a whole number');
      const clock = (v: unknown) =>
        typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
      if (!clock(raw.from)) return fail('from must be a clock value');
      if (raw.to !== undefined && !clock(raw.to)) return fail('to must be a clock value');
      if (!isNat(raw.buckets, 4000) || raw.buckets === 0) return fail('buckets must be from 1 to 4000');
      return {
        ok: true,
        msg: {
          type: 'timeline',
          reqId: raw.reqId,
          from: raw.from as number,
          ...(raw.to !== undefined ? { to: raw.to as number } : {}),
          buckets: raw.buckets,
        },
      };
    }
    case 'decisionDetail':
    case 'openDecision': {
      const bad = onlyKeys(raw, ['type', 'seq']);
      if (bad) return fail(bad);
      if (!isNat(raw.seq)) return fail('seq must be a decision number');
      return { ok: true, msg: { type: raw.type, seq: raw.seq } };
    }
    case 'exportTrace': {
      const bad = onlyKeys(raw, ['type']);
      return bad ? fail(bad) : { ok: true, msg: { type: 'exportTrace' } };
    }
    case 'openSource': {
      const bad = onlyKeys(raw, ['type', 'path', 'line']);
      if (bad) return fail(bad);
      if (!isText(raw.path, 4096)) return fail('path must be a file path');
      if (!isNat(raw.line, 10_000_000) || raw.line === 0) return fail('line must be a 1-based line number');
      return { ok: true, msg: { type: 'openSource', path: raw.path, line: raw.line } };
    }
    default:
      return { ok: false, error: `unknown message type ${JSON.stringify(raw.type)?.slice(0, 40)}` };
  }
}

/**
 * A refusal in words, the errno said once: the kernel's messages start with their errno
 * ("ENOSPC: cpu0 has 2 ..."), and a caller that also has the errno apart must not say it twice.
 */
export function refusalText(error: string | undefined, message: string | undefined): string {
  const m = (message ?? '').trim();
  if (!error) return m || 'refused';
  if (!m) return error;
  return m.includes(error) ? m : `${error}: ${m}`;
}

/** The filter's match, as the host applies it to live decisions. */
export function matchesFilter(d: PanelDecision, f: DecisionFilter): boolean {
  return (
    (f.cpu === undefined || d.cpu === f.cpu) &&
    (f.task === undefined || d.task === f.task) &&
    (f.branch === undefined || d.branch === f.branch)
  );
}

export function isEmptyFilter(f: DecisionFilter): boolean {
  return f.cpu === undefined && f.task === undefined && f.branch === undefined;
}
