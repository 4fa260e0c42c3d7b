// Checking a request's arguments: a bad argument is a BadArgs whose message names it; the session
// answers it with an error response and goes on.

/** A request's argument is missing or wrong: the message says which and what it should be. */
export class BadArgs extends Error {}

/** A value as a message names it (objects by kind: a message may not hold braces). */
export function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  return String(v);
}

/** A whole-number argument (offsets, counts): `undefined` gives `dflt`; anything else that is not an
 * integer within [min, max] is a BadArgs that names it. */
export function intArg(
  v: unknown,
  name: string,
  dflt: number,
  min = -Number.MAX_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const from = min > -Number.MAX_SAFE_INTEGER ? ` from ${min}` : '';
    const to = max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : '';
    throw new BadArgs(`"${name}" must be a whole number${from}${to}, not ${shown(v)}`);
  }
  return v;
}
