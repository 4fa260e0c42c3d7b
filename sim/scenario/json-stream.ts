// Writes a JSON document piece by piece, with exactly the text JSON.stringify(value, null, 2) gives,
// except that arrays may be `LazyArray`s whose elements are produced while writing: a document with
// a million decisions is never one string (V8's limit is 512 MiB) nor a million objects at once.

/** An array whose elements are handed to `emit` one at a time when the document is written (plain
 * JSON data each: no LazyArray inside them). */
export class LazyArray {
  constructor(readonly each: (emit: (v: unknown) => void) => void) {}
}

export type Write = (s: string) => void;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof LazyArray);
}

/** Whether JSON.stringify leaves a property with this value out of an object. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Writes `value` as JSON.stringify(value, null, 2) would, at nesting level `level`. */
export function writeJson(value: unknown, write: Write, level = 0): void {
  const pad = '  '.repeat(level);
  const inner = pad + '  ';
  if (value instanceof LazyArray) {
    let n = 0;
    const nl = `\n${inner}`;
    value.each((v) => {
      write(n === 0 ? `[${nl}` : `,${nl}`);
      // (plain data: the native serializer, indented to this level)
      write(omitted(v) ? 'null' : (JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, nl));
      n++;
    });
    write(n === 0 ? '[]' : `\n${pad}]`);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return write('[]');
    for (let i = 0; i < value.length; i++) {
      write(i === 0 ? `[\n${inner}` : `,\n${inner}`);
      writeJson(omitted(value[i]) ? null : value[i], write, level + 1);
    }
    return write(`\n${pad}]`);
  }
  if (isPlainObject(value)) {
    let n = 0;
    for (const [k, v] of Object.entries(value)) {
      if (omitted(v)) continue;
      write(`${n === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(k)}: `);
      writeJson(v, write, level + 1);
      n++;
    }
    return write(n === 0 ? '{}' : `\n${pad}}`);
  }
  write(JSON.stringify(value) ?? 'null');
}

/** Collects writes into chunks of about `size` characters, handed to `out` (fewer, larger writes). */
export function chunked(out: (s: string) => void, size = 1 << 16): { write: Write; flush: () => void } {
  let parts: string[] = [];
  let n = 0;
  const flush = () => {
    if (n === 0) return;
    out(parts.join(''));
    parts = [];
    n = 0;
  };
  return {
    write: (s) => {
      parts.push(s);
      n += s.length;
      if (n >= size) flush();
    },
    flush,
  };
}
