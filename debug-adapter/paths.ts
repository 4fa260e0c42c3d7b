// File paths as the editor and the programs name them.
import { resolve } from 'node:path';

/** The same file (case-insensitively on Windows). */
export function samePath(a: string, b: string): boolean {
  const n = (p: string) => resolve(p).replace(/\\/g, '/');
  return process.platform === 'win32' ? n(a).toLowerCase() === n(b).toLowerCase() : n(a) === n(b);
}
