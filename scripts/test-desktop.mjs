// `npm run test:desktop`: runs the extension-host suite (the standard run() + mocha shape, built to
// out/test/extension/index.js) in a desktop VS Code downloaded by @vscode/test-electron. For
// contributors whose machines can download VS Code; `npm test` runs the same suite in code-server.
// Environment: VSCODE_VERSION (default 'stable').
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extensionTestsPath = join(repo, 'out', 'test', 'extension', 'index.js');
if (!existsSync(extensionTestsPath)) {
  console.error(`${extensionTestsPath} is missing: npm run build compiles it from test/extension/index.ts`);
  process.exit(1);
}
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath,
    launchArgs: [join(repo, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
} catch (e) {
  console.error(`desktop extension tests failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
