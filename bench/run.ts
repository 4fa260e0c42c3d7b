// `npm run bench`: runs every bench/*.bench.ts module's exported run() and prints one table.
// A module returns rows; a row may carry a reference figure measured in the same run (e.g. qemu)
// so that the ratio is printed next to it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** the goal, as text (e.g. ">= 100M instr/s") */
  goal?: string;
  /** whether the goal is met, when there is one */
  ok?: boolean;
  /** a reference figure in the same unit (e.g. qemu-ppc64le), and what it is */
  reference?: { name: string; value: number };
  note?: string;
}

export interface BenchModule {
  run(): Promise<BenchRow[]> | BenchRow[];
}

// run from the package root (npm run bench); the package is CommonJS, so no import.meta here
const here = join(process.cwd(), 'bench');
const filter = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (filter.length === 0 || filter.some((s) => f.includes(s)))).sort();

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (Math.abs(v) >= 1e4) return (v / 1e3).toFixed(1) + 'k';
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

async function main(): Promise<void> {
const rows: { file: string; row: BenchRow }[] = [];
let failed = false;
for (const f of files) {
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
    for (const row of await mod.run()) rows.push({ file: f, row });
  } catch (e) {
    failed = true;
    console.error(`${f}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const table = rows.map(({ file, row }) => [
  file.replace(/\.bench\.ts$/, ''),
  row.name,
  `${fmt(row.value)} ${row.unit}`,
  row.goal ?? '',
  row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
  row.reference ? `${row.reference.name}: ${fmt(row.reference.value)} ${row.unit} ` +
    `(x${(row.value / row.reference.value).toFixed(2)})` : '',
  row.note ?? '',
]);
const head = ['bench', 'measure', 'value', 'goal', '', 'reference (ratio)', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of table) console.log(line(r));
process.exitCode = failed ? 1 : 0;
}

void main();
