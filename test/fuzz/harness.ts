// The fuzzing harness (issue 12): each target generates hostile inputs with fast-check from a fixed
// seed (the same inputs every run), runs each one and reports what went wrong: a crash (an exception
// escaped, or the process would have died), a hang (an input not done in its time), or an internal
// error shown to a user (a message that is a JavaScript error, not a sentence for a person).
// `npm test` runs each target briefly (test/fuzz/fuzz.test.ts); `npm run fuzz` runs them long, each
// in a child process watched for hangs (scripts/fuzz.ts).
import fc from 'fast-check';

export type FindingKind = 'crash' | 'hang' | 'internal';

export interface Finding {
  kind: FindingKind;
  message: string;
}

export interface FuzzTarget<I = unknown> {
  name: string;
  /** what one input is, for the report */
  describe: string;
  arbitrary(): fc.Arbitrary<I>;
  /** runs one input: the findings (none: it behaved). Throwing is a crash. */
  check(input: I): Finding[] | Promise<Finding[]>;
  /** an input not done after this long is a hang */
  hangMs: number;
  /** a short text of the input, for the report */
  show(input: I): string;
}

/** Messages that are JavaScript's, not the product's: an internal error shown to a user. */
export const INTERNAL =
  /internal (assembler )?error|Maximum call stack|call stack size|RangeError|TypeError|ReferenceError|SyntaxError|Cannot (read|convert|create)|is not a function|is not iterable|\[object Object\]|Invalid (typed )?array length|Invalid string length|\bNaN\b|\bundefined\b|\bnull\b(?! \()|\bat [\w.<>$]+ \([^)]*\.[cm]?[jt]s:\d+|\.[cm]?[jt]s:\d+:\d+\)/;

/** The findings of one message a user would see (empty when it reads as the product's own). What
 * the message quotes of the input ('...', "...") is the user's text, not checked. */
export function internal(message: string, where: string): Finding[] {
  const own = message
    .replace(/"(?:[^"\\]|\\.)*"|'[^'\n]*'/g, '""')
    // the product's own words that contain a flagged one
    .replace(/undefined (symbol|local label)|not defined|\bnull\b(?= into)|"null"|(got|not) (null|NaN)/g, '');
  return INTERNAL.test(own) ? [{ kind: 'internal', message: `${where}: ${message.slice(0, 300)}` }] : [];
}

export interface TargetStats {
  name: string;
  tried: number;
  crashes: number;
  hangs: number;
  internal: number;
  /** distinct messages, with how many inputs gave each and one of them */
  messages: Map<string, { count: number; input: string; kind: FindingKind }>;
  ms: number;
}

export function emptyStats(name: string): TargetStats {
  return { name, tried: 0, crashes: 0, hangs: 0, internal: 0, messages: new Map(), ms: 0 };
}

export function record(stats: TargetStats, findings: Finding[], input: string): void {
  const kinds = new Set(findings.map((f) => f.kind));
  if (kinds.has('crash')) stats.crashes++;
  if (kinds.has('hang')) stats.hangs++;
  if (kinds.has('internal')) stats.internal++;
  for (const f of findings) {
    // one entry per message shape (numbers vary from input to input)
    const key = `${f.kind}: ${f.message.replace(/0x[0-9a-f]+|\d+/gi, 'N').slice(0, 200)}`;
    const m = stats.messages.get(key);
    if (m) m.count++;
    else stats.messages.set(key, { count: 1, input: input.slice(0, 500), kind: f.kind });
  }
}

/** The inputs a target tries from `seed`: input i is always the same. */
export function inputs<I>(t: FuzzTarget<I>, seed: number, count: number): I[] {
  return fc.sample(t.arbitrary(), { seed, numRuns: count });
}

/** Runs one input with the crash and hang checks around the target's own. */
export async function runOne<I>(t: FuzzTarget<I>, input: I): Promise<Finding[]> {
  const t0 = Date.now();
  let findings: Finding[];
  try {
    const r = t.check(input);
    findings = r instanceof Promise ? await withTimeout(r, t.hangMs * 3) : r;
  } catch (e) {
    findings = [
      {
        kind: e instanceof HangError ? 'hang' : 'crash',
        message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      },
    ];
  }
  const ms = Date.now() - t0;
  if (ms > t.hangMs && !findings.some((f) => f.kind === 'hang'))
    findings.push({ kind: 'hang', message: `took ${ms} ms (more than ${t.hangMs})` });
  return findings;
}

class HangError extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((res, rej) => {
    const timer = setTimeout(() => rej(new HangError(`not done after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        res(v);
      },
      (e) => {
        clearTimeout(timer);
        rej(e);
      },
    );
  });
}

/** Runs `count` inputs of a target in this process (the short run of `npm test`). */
export async function runTarget<I>(t: FuzzTarget<I>, seed: number, count: number): Promise<TargetStats> {
  const stats = emptyStats(t.name);
  const t0 = Date.now();
  for (const input of inputs(t, seed, count)) {
    stats.tried++;
    record(stats, await runOne(t, input), t.show(input));
  }
  stats.ms = Date.now() - t0;
  return stats;
}

export function formatStats(s: TargetStats): string {
  const lines = [
    `${s.name}: ${s.tried} inputs tried in ${(s.ms / 1000).toFixed(1)} s; crashes ` +
      `${s.crashes}, hangs ${s.hangs}, internal errors ${s.internal}`,
  ];
  for (const [key, m] of s.messages)
    lines.push(`  ${m.count} x ${key}\n    e.g. ${JSON.stringify(m.input).slice(0, 400)}`);
  return lines.join('\n');
}
