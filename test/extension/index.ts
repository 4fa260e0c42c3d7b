// The extension-host test suite in the standard shape: VS Code (desktop through @vscode/test-electron,
// or code-server through test/e2e) loads this compiled file and calls run(). Mocha runs every
// out/test/extension/*.test.js next to it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function run(): Promise<void> {
  // mocha is external to the bundle: it comes from the extension's node_modules
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof import('mocha');
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
  const dir = __dirname;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no extension tests found in ${dir}`);
  for (const f of files) mocha.addFile(join(dir, f));
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
