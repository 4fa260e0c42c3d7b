// The extension-host suite (test/extension/, the standard run() + mocha shape, compiled by
// `npm run build` to out/test/extension/index.js) run in a real VS Code: code-server's Node
// extension host, driven by headless Chromium. `npm run test:desktop` runs the same suite in a
// downloaded desktop VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { EXTENSION_TESTS_INDEX, requireChromium, requireCodeServer, runExtensionTests } from './harness';

test('extension-host suite passes in code-server', { timeout: 900_000 }, async (t) => {
  assert.ok(
    existsSync(EXTENSION_TESTS_INDEX),
    `${EXTENSION_TESTS_INDEX} is missing: \`npm run build\` compiles it from test/extension/index.ts`,
  );
  if (!requireChromium(t)) return;
  if (!(await requireCodeServer(t))) return;
  const r = await runExtensionTests({ timeoutMs: 240_000 });
  assert.notEqual(r.exitCode, -1, 'the extension-host suite never reported its result (see the log above)');
  assert.equal(r.exitCode, 0, 'the extension-host suite failed (its mocha report is above)');
  assert.match(r.log.join('\n'), /\d+ passing/, "mocha's report did not reach the harness: did the suite run?");
});
