// The C corpus (test/c-corpus/programs/*.c) against the reference: every program, built with
// powerpc64le-linux-gnu-gcc -static in 6 variants (-O0/-O2 x power8/9/10), must give under
// `wplab exec --cpu MODEL` the same stdout bytes, stderr bytes and exit status as under
// `qemu-ppc64le -cpu MODEL` (README.md beside this file; harness.mjs does the work, shared with
// scripts/c-corpus.mjs). Each variant is its own test, `PROG [-O2 power9]`. The breadth corpus (breadth/*.c)
// runs here in two variants (QUICK_VARIANTS) to keep the suite's time; scripts/c-corpus.mjs runs all 6.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import {
  GCC,
  Pool,
  QEMU,
  QUICK_VARIANTS,
  VARIANTS,
  checkVariant,
  corpusPrograms,
  ensureWplabBuilt,
  findTools,
  type Tools,
  type VariantResult,
} from './harness.mjs';
import { INSTALL, requireTool } from '../helpers/tools';

const programs = corpusPrograms();
const variantsOf = (p: { set?: string }) => (p.set === 'breadth' ? QUICK_VARIANTS : VARIANTS);
/** Compiles and runs share 2 slots: the CI machine has 2 cores. */
const pool = new Pool(2);
let results: Map<string, Promise<VariantResult>> | undefined;
let buildError: string | undefined;

/** Starts every compile and run at once (the pool orders them), the first time a test needs one. */
function resultsFor(tools: Tools): Map<string, Promise<VariantResult>> {
  if (results) return results;
  buildError = ensureWplabBuilt();
  results = new Map();
  for (const prog of programs)
    for (const v of variantsOf(prog))
      results.set(
        `${prog.name} [${v.name}]`,
        checkVariant(pool, tools, prog, v, { refOnly: buildError !== undefined }),
      );
  return results;
}

function needTools(t: TestContext): Tools | undefined {
  const gcc = requireTool(t, GCC, INSTALL.gcc);
  const qemu = gcc && requireTool(t, QEMU, INSTALL.qemu);
  if (!gcc || !qemu) return undefined;
  return findTools();
}

test('the C corpus has at least 80 programs, and the breadth corpus at least 40', () => {
  const breadth = programs.filter((p) => p.set === 'breadth').length;
  assert.ok(programs.length - breadth >= 80, `only ${programs.length - breadth} programs`);
  assert.ok(breadth >= 40, `only ${breadth} breadth programs`);
});

for (const prog of programs) {
  for (const v of variantsOf(prog)) {
    const name = `${prog.name} [${v.name}]`;
    test(name, async (t) => {
      const tools = needTools(t);
      if (!tools) return;
      const r = await resultsFor(tools).get(name)!;
      if (r.compileError) assert.fail(`${prog.path} does not build:\n${r.compileError}`);
      if (r.refProblem) assert.fail(`the reference run failed (not a wplab bug; fix the program): ${r.refProblem}`);
      if (buildError) assert.fail(buildError);
      if (r.ref?.deviation) t.diagnostic(r.ref.deviation);
      if (r.diff) assert.fail(`${name}: ${r.diff.kind}\n${r.diff.message}`);
    });
  }
}
