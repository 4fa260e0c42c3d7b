// Type guards for data that crosses a process or a webview boundary (the adapter's events, the
// panel's messages): plain JSON, checked before it is trusted.

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A whole number from 0 to `max`. */
export const isNat = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const optStr = (v: unknown): v is string | undefined => v === undefined || isStr(v);
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/** A value of the machine's clock (icount): a finite number from 0. */
export const isClock = (v: unknown): v is number => isNum(v) && v >= 0;

export const arrOf = <T>(v: unknown, f: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(f);

/** One of the values of an `as const` list. */
export const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);
