// Import cycles among the project's modules, type-only imports included: eslint's import-x/no-cycle
// sees the cycles that change the order modules initialise in, and ignores `import type`; this sees
// the structure, where a type cycle is two modules that cannot be read one without the other.
// Usage: node scripts/import-cycles.mjs   (exit 1 and one line per cycle when there are any)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOTS = ['sim', 'contract', 'debug-adapter', 'extension', 'media', 'bin'];

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const files = ROOTS.filter((r) => existsSync(r)).flatMap((r) => walk(r, []));
const known = new Set(files);
// `import ... from './x'`, `export ... from './x'`, and `import('./x')` in a type
const SPEC = /(?:\bfrom\s*|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const edges = new Map();
for (const f of files) {
  const deps = new Set();
  for (const m of readFileSync(f, 'utf8').matchAll(SPEC)) {
    const base = join(dirname(f), m[1]);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((c) => known.has(c));
    if (target) deps.add(target);
  }
  edges.set(f, [...deps]);
}

// Tarjan's strongly connected components: each with more than one module is a cycle.
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)) {
    if (!idx.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) cycles.push(scc.map((x) => relative('.', x)).sort());
  }
}
for (const f of files) if (!idx.has(f)) connect(f);

for (const c of cycles) console.log(`import cycle: ${c.join(' <-> ')}`);
if (cycles.length > 0) {
  console.log(`${cycles.length} import cycle(s), type-only imports included`);
  process.exit(1);
}
