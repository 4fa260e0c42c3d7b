// The harness itself: a suite with a failing test must come back as a non-zero exit code, with
// mocha's report relayed from the extension host (so a passing extension-host run means something).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { requireChromium, requireCodeServer, runExtensionTests } from './harness';

test(
  'harness: a failing extension-host suite gives a non-zero exit code and its mocha report',
  { timeout: 900_000 },
  async (t) => {
    if (!requireChromium(t)) return;
    if (!(await requireCodeServer(t))) return;
    const r = await runExtensionTests({
      extensionTestsPath: join(import.meta.dirname, 'fixtures', 'failing-suite', 'index.js'),
      timeoutMs: 120_000,
    });
    assert.notEqual(r.exitCode, 0, 'a suite with a failing test must not exit with 0');
    assert.notEqual(r.exitCode, -1, 'the suite never reported through codeAutomationExit');
    const log = r.log.join('\n');
    assert.match(log, /fixture: VS Code 1\.\d+/, 'the suite ran in the extension host');
    assert.match(log, /1 passing/, "mocha's report reached the harness");
    assert.match(log, /1 failing/);
    assert.match(log, /deliberate failure/);
  },
);
