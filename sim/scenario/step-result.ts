// The result of one scenario step, and how it is compared with the step's `expect` (SCENARIOS.md §4).
import { hex } from '../hex';
import { evalExpr, type SymbolLookup } from './expression';
import { OPERATIONS } from './operations';
import type { Expectation, Expr, StepResult } from './scenario-types';

export type { StepResult } from './scenario-types';

const NAME_FIELDS = new Set(['event', 'signal', 'si_code', 'status']);

export interface Mismatch {
  message: string;
}

function asBig(v: bigint | number | string | undefined): bigint | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return BigInt(v);
  if (/^-?(0x[0-9a-f]+|\d+)$/i.test(v)) return BigInt(v);
  return undefined;
}

function show(v: bigint | number | string | undefined): string {
  if (v === undefined) return '(absent)';
  if (typeof v === 'bigint') return v > 0xffffn ? hex(v) : v.toString();
  return String(v);
}

function evalOr(e: Expr, lookup: SymbolLookup): bigint | string {
  const r = evalExpr(e, lookup);
  return 'error' in r ? `${r.error} at ${r.pos.line}:${r.pos.col}` : r.value;
}

/** Compares a result with an expectation; returns the mismatches (empty when it holds). */
export function checkExpectation(op: string, result: StepResult, exp: Expectation, lookup: SymbolLookup): Mismatch[] {
  const out: Mismatch[] = [];
  const main = OPERATIONS[op]?.result ?? 'value';
  const compareValue = (
    what: string,
    actual: bigint | number | string | undefined,
    e: Expectation | { kind: 'expr'; expr: Expr },
  ): void => {
    if (e.kind === 'expr' || e.kind === 'range') {
      const lo = evalOr(e.kind === 'expr' ? e.expr : e.lo, lookup);
      const hi = evalOr(e.kind === 'expr' ? e.expr : e.hi, lookup);
      if (typeof lo === 'string' || typeof hi === 'string') {
        out.push({ message: `${what}: ${typeof lo === 'string' ? lo : hi}` });
        return;
      }
      const a = asBig(actual);
      const text = e.kind === 'expr' ? e.expr.text : lo === hi ? e.lo.text : `[${e.lo.text}, ${e.hi.text}]`;
      const want =
        lo === hi ? `${text}${/[a-z_]/i.test(text) ? ` (${hex(lo)})` : ''}` : `${text} = [${hex(lo)}, ${hex(hi)}]`;
      if (a === undefined || a < lo || a > hi) out.push({ message: `${what}: expected ${want}, got ${show(actual)}` });
    } else if (e.kind === 'number') {
      const a = asBig(actual);
      if (a !== e.value) out.push({ message: `${what}: expected ${e.value}, got ${show(actual)}` });
    } else if (e.kind === 'status') {
      if (String(actual) !== e.status) out.push({ message: `${what}: expected ${e.status}, got ${show(actual)}` });
    } else {
      out.push({ message: `${what}: a map cannot be compared with a single value` });
    }
  };
  switch (exp.kind) {
    case 'status':
      if (result.status !== exp.status) out.push({ message: `expected ${exp.status}, got ${describeResult(result)}` });
      break;
    case 'number':
    case 'range':
      if (result.status !== 'ok') out.push({ message: `expected a value, got ${describeResult(result)}` });
      else compareValue(main, result.fields[main], exp);
      break;
    case 'map':
      for (const f of exp.fields) {
        const actual = f.key === 'status' ? result.status : result.fields[f.key];
        if (NAME_FIELDS.has(f.key) && f.value.kind === 'name') {
          if (String(actual ?? '(absent)') !== f.value.name)
            out.push({ message: `${f.key}: expected ${f.value.name}, got ${show(actual)}` });
        } else compareValue(f.key, actual, f.value as Expectation | { kind: 'expr'; expr: Expr });
      }
      break;
  }
  return out;
}

/** One line for a person: `ok fd=3`, `ENOSPC`, `stopped SIGTRAP TRAP_HWBKPT si_addr=0x… pc=0x…`. */
export function describeResult(r: StepResult): string {
  const parts = [r.status];
  for (const [k, v] of Object.entries(r.fields)) {
    if (k === 'event') continue;
    if (k === 'message' && r.status !== 'livelock' && r.status !== 'deadlock') continue;
    if (k === 'message') {
      parts.push(`(${v})`);
      continue;
    }
    const decimal = k === 'count' || k === 'fd' || k === 'handle' || k === 'exit_code' || k.startsWith('num_');
    parts.push(
      NAME_FIELDS.has(k) ? String(v) : `${k}=${typeof v === 'bigint' ? (decimal ? v.toString() : hex(v)) : v}`,
    );
  }
  return parts.join(' ');
}

/** JSON form: counts and values as plain numbers (hex strings above 2^53), addresses as hex strings. */
export function resultToJson(r: StepResult): Record<string, unknown> {
  const o: Record<string, unknown> = { status: r.status };
  for (const [k, v] of Object.entries(r.fields)) {
    if (typeof v === 'bigint') {
      const isAddr = k === 'pc' || k === 'si_addr' || k === 'addr';
      o[k] = isAddr
        ? hex(v)
        : v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)
          ? Number(v)
          : hex(v);
    } else o[k] = v;
  }
  return o;
}
