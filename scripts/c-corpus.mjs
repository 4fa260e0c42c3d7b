// Runs C programs under qemu-ppc64le and under `wplab exec` and prints what still differs, as a table
// (program x variant) and the failures grouped by kind. The same comparison as
// test/c-corpus/corpus.test.ts, outside the test runner.
//
// Usage: node scripts/c-corpus.mjs [options] [filter | FILE.c ...]
//   filter        a substring of corpus program names (test/c-corpus/programs/*.c and breadth/*.c); none: all of them
//   --set core|breadth   only the programs of that folder (programs/ or breadth/)
//   FILE.c        any C file (a path that exists), with `// args: ...` and a sibling FILE.stdin as in the corpus
//   --opt O0|O2   only that optimisation level      --cpu power8|power9|power10   only that CPU model
//   --ref         check the reference only: every variant builds, qemu gives the same result twice, and the
//                 6 variants agree with each other (a difference between them is reported, not a failure)
//   -v            print the whole explanation of every failure (first differing byte, both outputs around it)
//   --jobs N      processes at once (default 2)
//   --slow        also list the 10 slowest runs (qemu and wplab wall time)
import { existsSync } from 'node:fs';
import {
  Pool,
  VARIANTS,
  checkVariant,
  compareRuns,
  corpusPrograms,
  describeStatus,
  ensureWplabBuilt,
  findTools,
  loadProgram,
} from '../test/c-corpus/harness.mjs';

const argv = process.argv.slice(2);
let refMode = false;
let verbose = false;
let slow = false;
let jobs = 2;
const opts = [];
const cpus = [];
const filters = [];
const sets = [];
const files = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--ref') refMode = true;
  else if (a === '-v' || a === '--verbose') verbose = true;
  else if (a === '--slow') slow = true;
  else if (a === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 2);
  else if (a === '--opt') opts.push('-' + String(argv[++i]).replace(/^-/, ''));
  else if (a === '--cpu') cpus.push(String(argv[++i]));
  else if (a === '--set') sets.push(String(argv[++i]));
  else if (a === '-h' || a === '--help') {
    console.log(
      'usage: node scripts/c-corpus.mjs [--ref] [-v] [--opt O0|O2] [--cpu power8|power9|power10] ' +
        '[--set core|breadth] [--jobs N] [filter | FILE.c ...]',
    );
    process.exit(0);
  } else if (a.startsWith('-')) {
    console.error(`unknown option ${a}`);
    process.exit(2);
  } else if (a.endsWith('.c') && existsSync(a)) files.push(a);
  else filters.push(a);
}

const tools = findTools();
const missing = [
  ['powerpc64le-linux-gnu-gcc', tools.gcc, 'gcc-powerpc64le-linux-gnu'],
  ['qemu-ppc64le', tools.qemu, 'qemu-user'],
  ['env', tools.env, 'coreutils'],
].filter(([, p]) => !p);
if (missing.length) {
  for (const [n, , pkg] of missing) console.error(`${n} not found; install it with: sudo apt-get install ${pkg}`);
  process.exit(2);
}
if (!refMode) {
  const err = ensureWplabBuilt();
  if (err) {
    console.error(err);
    process.exit(2);
  }
}

let programs = files.map(loadProgram);
if (files.length === 0 || filters.length) {
  const corpus = corpusPrograms().filter(
    (p) =>
      (filters.length === 0 || filters.some((f) => p.name.includes(f))) && (sets.length === 0 || sets.includes(p.set)),
  );
  programs = [...programs, ...corpus];
}
if (programs.length === 0) {
  console.error('no program matches');
  process.exit(2);
}
const variants = VARIANTS.filter(
  (v) => (opts.length === 0 || opts.includes(v.opt)) && (cpus.length === 0 || cpus.includes(v.cpu)),
);
if (variants.length === 0) {
  console.error('no variant matches');
  process.exit(2);
}

const pool = new Pool(jobs);
const t0 = Date.now();
let compileMs = 0;
let compiled = 0;
const work = programs.map((p) =>
  variants.map((v) =>
    checkVariant(pool, tools, p, v, { refOnly: refMode, refRuns: refMode ? 2 : 1 }).then((r) => {
      if (r.compileMs) {
        compileMs += r.compileMs;
        compiled++;
      }
      return r;
    }),
  ),
);

/** The short cell text and the one-line kind of one result. */
function classify(r) {
  if (r.compileError)
    return {
      cell: 'CC!',
      kind:
        `does not compile: ` +
        `${r.compileError.split('\n').find((l) => /error/.test(l)) ?? r.compileError.split('\n')[0]}`,
      message: r.compileError,
    };
  if (r.refProblem) return { cell: 'REF!', kind: `reference: ${r.refProblem.split('\n')[0]}`, message: r.refProblem };
  const star = r.ref?.deviation ? '*' : '';
  if (refMode) return { cell: 'ok' + star };
  if (!r.diff) return { cell: 'pass' + star };
  const k = r.diff.kind;
  let cell = 'FAIL';
  if (k.startsWith('timeout')) cell = 'TIME';
  else if (/^SIG[A-Z]+/.test(k)) cell = k.match(/^SIG[A-Z]+/)[0];
  else if (k.startsWith('exit')) cell = `EXIT${k.match(/^exit (\d+)/)?.[1] ?? ''}`;
  else if (k.startsWith('stdout')) cell = `OUT@${k.match(/byte (\d+)/)[1]}`;
  else if (k.startsWith('stderr')) cell = `ERR@${k.match(/byte (\d+)/)[1]}`;
  return { cell, kind: k, message: r.diff.message };
}

const nameWidth = Math.min(28, Math.max(7, ...programs.map((p) => p.name.length)));
const cellWidth = 11;
const pad = (s, n) => (s.length > n ? s.slice(0, n - 1) + '~' : s.padEnd(n));
console.log(`${pad('program', nameWidth)} ${variants.map((v) => pad(v.name, cellWidth)).join(' ')}`);

const failures = []; // { prog, variant, kind, message }
const crossVariant = []; // --ref: programs whose variants disagree
const deviations = []; // variants whose reference works around a known qemu deviation
let passed = 0;
let total = 0;
for (let i = 0; i < programs.length; i++) {
  const results = await Promise.all(work[i]);
  const cells = results.map((r, j) => {
    total++;
    if (r.ref?.deviation) deviations.push(`${programs[i].name} [${variants[j].name}]`);
    const c = classify(r);
    if (c.kind) failures.push({ prog: programs[i].name, variant: variants[j].name, kind: c.kind, message: c.message });
    else passed++;
    return c.cell;
  });
  console.log(`${pad(programs[i].name, nameWidth)} ${cells.map((c) => pad(c, cellWidth)).join(' ')}`);
  if (refMode) {
    const base = results.findIndex((r) => r.ref && !r.refProblem);
    for (let j = base + 1; base >= 0 && j < results.length; j++) {
      const r = results[j];
      if (!r.ref || r.refProblem) continue;
      const d = compareRuns(results[base].ref, r.ref, [variants[j].name, variants[base].name]);
      if (d)
        crossVariant.push({
          prog: programs[i].name,
          text: `${variants[j].name} vs ${variants[base].name}: ${d.kind}`,
          message: d.message,
        });
    }
  }
}

if (failures.length) {
  console.log('\nfailures by kind:');
  const byKind = new Map();
  for (const f of failures) {
    const key = f.kind.replace(/byte \d+/, 'byte N').replace(/0x[0-9a-f]+/g, 'ADDR');
    if (!byKind.has(key)) byKind.set(key, []);
    byKind.get(key).push(f);
  }
  for (const [key, fs] of [...byKind].sort((a, b) => b[1].length - a[1].length)) {
    const progs = [...new Set(fs.map((f) => f.prog))];
    const shown = progs.slice(0, 6).join(' ') + (progs.length > 6 ? ` ... (+${progs.length - 6})` : '');
    console.log(`  ${String(fs.length).padStart(4)}  ${key}\n        ${shown}`);
  }
  if (verbose) {
    console.log('');
    for (const f of failures) console.log(`--- ${f.prog} [${f.variant}]\n${f.message}\n`);
  } else console.log('(-v prints each failure in full: the first differing byte and both outputs around it)');
}
const linuxRefs = deviations.filter((d) => programs.find((p) => d.startsWith(`${p.name} [`))?.qemuDiffers);
const power9Refs = deviations.filter((d) => !linuxRefs.includes(d));
if (power9Refs.length) {
  console.log(
    `\n* ${power9Refs.length} reference runs under -cpu power9 instead of power8: qemu ` +
      `7.2 raises SIGILL at mffsl/mffscrni, which ` +
      'POWER8 executes as mffs (glibc relies on it in fegetround and libm):' +
      (verbose ? `\n  ${power9Refs.join(', ')}` : ' (-v lists them)'),
  );
}
if (linuxRefs.length) {
  console.log(
    `\n* ${linuxRefs.length} references are NAME.linux, where qemu-user differs from Linux (\`// qemu-differs:\`):` +
      (verbose ? `\n  ${linuxRefs.join(', ')}` : ' (-v lists them)'),
  );
}
if (refMode) {
  if (crossVariant.length) {
    console.log('\nvariants that disagree (not a failure: each variant is compared with its own qemu run):');
    for (const c of crossVariant) console.log(`  ${c.prog}: ${c.text}${verbose ? `\n${c.message}` : ''}`);
  }
  const statuses = new Map();
  for (let i = 0; i < programs.length; i++) {
    const r = (await Promise.all(work[i])).find((x) => x.ref);
    if (r && r.ref.status !== 0) statuses.set(programs[i].name, describeStatus(r.ref.status));
  }
  if (statuses.size)
    console.log(`\nnon-zero exit statuses under qemu: ` + `${[...statuses].map(([p, s]) => `${p} ${s}`).join(', ')}`);
}
if (slow) {
  const runs = [];
  for (let i = 0; i < programs.length; i++) {
    const rs = await Promise.all(work[i]);
    rs.forEach((r, j) =>
      runs.push({ name: `${programs[i].name} [${variants[j].name}]`, q: r.ref?.ms ?? 0, w: r.ours?.ms ?? 0 }),
    );
  }
  const fmt = (list, key) =>
    list
      .sort((a, b) => b[key] - a[key])
      .slice(0, 10)
      .map((r) => `${r.name} ${r[key]}ms`)
      .join(', ');
  console.log(`\nslowest under qemu: ${fmt(runs, 'q')}`);
  if (!refMode) console.log(`slowest under wplab: ${fmt(runs, 'w')}`);
  const sum = (key) => (runs.reduce((n, r) => n + r[key], 0) / 1000).toFixed(1);
  console.log(
    `total run time: qemu ${sum('q')}s${refMode ? '' : `, wplab ${sum('w')}s`} (summed ` +
      `over runs, ${jobs} at a time)`,
  );
}
const secs = ((Date.now() - t0) / 1000).toFixed(1);
console.log(
  `\n${refMode ? 'reference ok' : 'pass'}: ${passed}/${total} (${programs.length} ` +
    `programs x ${variants.length} variants), ` +
    `${total - passed} failed; ${secs}s` +
    (compiled
      ? `, ${compiled} compiled (${(compileMs / 1000).toFixed(1)}s of compiler time)`
      : ', all binaries cached'),
);
process.exit(failures.length ? 1 : 0);
