// Runs every test file under test/ (unit, command-line, adapter, end-to-end) with node's test runner.
// Node 20's --test does not expand globs, so the file list is built here.
// Usage: node scripts/test.mjs [substring filter...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules' || name === 'output') continue;
    // test/extension/ is the mocha suite that runs inside VS Code (needs the vscode module): test/e2e runs it
    if (p === join('test', 'extension')) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.(ts|mjs)$/.test(name)) out.push(p);
  }
  return out;
}
const filters = process.argv.slice(2);
const files = walk('test', [])
  .sort()
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
