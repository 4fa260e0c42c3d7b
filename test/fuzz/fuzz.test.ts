// The short run of the fuzz targets (issue 12; `npm run fuzz` is the long run): fixed seeds, a few
// dozen hostile inputs each; no crash, no hang, no internal error may be seen.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatStats, runTarget } from './harness';
import { SEED, SHORT, TARGETS } from './targets';

for (const [name, target] of Object.entries(TARGETS)) {
  test(`fuzz ${name}: ${SHORT[name]} inputs (${target.describe})`, async () => {
    const stats = await runTarget(target, SEED, SHORT[name]);
    assert.equal(stats.tried, SHORT[name]);
    assert.equal(stats.crashes + stats.hangs + stats.internal, 0, formatStats(stats));
  });
}
