// The C corpus differential harness, shared by test/c-corpus/corpus.test.ts and scripts/c-corpus.mjs
// (plain JavaScript so the script runs on bare Node). A C program is built with
// powerpc64le-linux-gnu-gcc -static in 6 variants (-O0/-O2 x power8/9/10), each binary cached outside
// the repository under a hash of source, flags and compiler version; each binary then runs under
// qemu-ppc64le (the reference) and under `node dist/wplab.js exec` (the product), both with an empty
// environment, in a scratch directory of their own, with the same argv; stdout bytes, stderr bytes
// (less the runner's own line) and exit status (128+N for a signal N) must be identical.
//
// Per program, in its first lines: `// args: one two 3` gives argv[1..] (split on blanks), and a
// sibling NAME.stdin file gives the standard input (bytes, as they are). Where qemu-user itself
// differs from Linux, `// qemu-differs: WHY` in the first lines and a sibling NAME.linux file (the
// stdout Linux/POWER gives, exit status 0, no stderr) make NAME.linux the reference instead.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { constants, homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROGRAMS_DIR = join(ROOT, 'test', 'c-corpus', 'programs');
/** The breadth corpus: programs in the styles of other people's code (libc-heavy, benchmarks, interpreters). */
export const BREADTH_DIR = join(ROOT, 'test', 'c-corpus', 'breadth');
export const WPLAB = join(ROOT, 'dist', 'wplab.js');

export const GCC = 'powerpc64le-linux-gnu-gcc';
export const QEMU = 'qemu-ppc64le';

/** The same flags for every program; only -O and -mcpu vary. -lm goes after the source. */
export const COMMON_FLAGS = ['-static', '-w'];
export const LIBS = ['-lm'];
export const VARIANTS = ['-O0', '-O2'].flatMap((opt) =>
  ['power8', 'power9', 'power10'].map((cpu) => ({ opt, cpu, name: `${opt} ${cpu}` })),
);
/** The variants `npm test` runs for the breadth corpus (scripts/c-corpus.mjs runs all 6): the two ends. */
export const QUICK_VARIANTS = VARIANTS.filter((v) => v.name === '-O0 power10' || v.name === '-O2 power9');

/** Per-run limits: no corpus program comes near them (each is well under 50M instructions). */
export const REF_TIMEOUT_MS = 30_000;
export const PRODUCT_TIMEOUT_MS = 120_000;
export const PRODUCT_MAX_STEPS = 200_000_000;
const MAX_OUTPUT = 16 << 20;

/** ${WPLAB_C_CORPUS_CACHE}, else ${XDG_CACHE_HOME:-~/.cache}/ppc-watchpoint-lab/c-corpus. */
export function cacheDir() {
  if (process.env.WPLAB_C_CORPUS_CACHE) return resolve(process.env.WPLAB_C_CORPUS_CACHE);
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'ppc-watchpoint-lab', 'c-corpus');
}

/** The absolute path of `name` on PATH, or undefined. */
export function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const out = (r.stdout || '').trim();
  return r.status === 0 && out ? out : undefined;
}

/** Where each tool is; a missing one is undefined. */
export function findTools() {
  return { gcc: which(GCC), qemu: which(QEMU), env: which('env') };
}

let compilerIdCache;
/** Identifies the compiler in the cache key: its --version text and the libc.a it links. */
export function compilerId(gcc) {
  if (compilerIdCache) return compilerIdCache;
  const v = spawnSync(gcc, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const libc = spawnSync(gcc, ['-print-file-name=libc.a'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  let libcStamp = '';
  try {
    const s = statSync(libc);
    libcStamp = `${s.size}:${s.mtimeMs}`;
  } catch {
    /* not found: the link will say */
  }
  compilerIdCache = `${v}\n${libc}\n${libcStamp}`;
  return compilerIdCache;
}

/** Reads a program: its name, source, argv[1..] from `// args:` and stdin from NAME.stdin. */
export function loadProgram(file) {
  const path = resolve(file);
  const source = readFileSync(path);
  const name = basename(path).replace(/\.c$/, '');
  let args = [];
  let qemuDiffers;
  for (const line of source.toString('utf8').split('\n').slice(0, 20)) {
    const m = /^\s*(?:\/\/|\/?\*)\s*args:(.*?)(?:\*\/)?\s*$/.exec(line);
    if (m && args.length === 0) args = m[1].trim().split(/\s+/).filter(Boolean);
    const q = /^\s*(?:\/\/|\/?\*)\s*qemu-differs:(.*?)(?:\*\/)?\s*$/.exec(line);
    if (q) qemuDiffers = q[1].trim();
  }
  const stdinPath = path.replace(/\.c$/, '') + '.stdin';
  const stdin = existsSync(stdinPath) ? readFileSync(stdinPath) : undefined;
  const linuxPath = path.replace(/\.c$/, '') + '.linux';
  const linux = qemuDiffers && existsSync(linuxPath) ? readFileSync(linuxPath) : undefined;
  return { name, path, source, args, stdin, stdinPath: stdin ? stdinPath : undefined, qemuDiffers, linux };
}

function programsIn(dir, set) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => ({ ...loadProgram(join(dir, f)), set }));
}

/** Every program of the corpus: programs/ (set 'core'), then breadth/ (set 'breadth'), each sorted by name. */
export function corpusPrograms() {
  return [...programsIn(PROGRAMS_DIR, 'core'), ...programsIn(BREADTH_DIR, 'breadth')];
}

export function compileFlags(variant) {
  return [...COMMON_FLAGS, variant.opt, `-mcpu=${variant.cpu}`];
}

/** Where the binary of one program variant is cached. */
export function binaryPath(tools, prog, variant) {
  const h = createHash('sha256');
  h.update(compilerId(tools.gcc))
    .update('\0')
    .update(compileFlags(variant).join(' '))
    .update('\0')
    .update(LIBS.join(' '))
    .update('\0')
    .update(prog.source);
  const key = h.digest('hex').slice(0, 20);
  return join(cacheDir(), `${prog.name}.${variant.opt.slice(1)}-${variant.cpu}.${key}`);
}

/**
 * Spawns a process, feeds it `input`, collects stdout and stderr as bytes.
 * Resolves { stdout, stderr, status, signal, timedOut, ms }; status is 128+N for a signal N.
 */
export function run(file, args, { cwd, env = {}, input, timeoutMs }) {
  return new Promise((resolveRun) => {
    const t0 = Date.now();
    const child = spawn(file, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const out = [];
    const err = [];
    let outLen = 0;
    let timedOut = false;
    const killAll = () => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killAll();
    }, timeoutMs);
    child.stdout.on('data', (b) => {
      outLen += b.length;
      if (outLen <= MAX_OUTPUT) out.push(b);
      else killAll();
    });
    child.stderr.on('data', (b) => {
      err.push(b);
    });
    child.stdin.on('error', () => undefined); // a program that never reads stdin may exit first
    child.stdin.end(input ?? Buffer.alloc(0));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolveRun({
        stdout: Buffer.alloc(0),
        stderr: Buffer.from(String(e)),
        status: -1,
        signal: null,
        timedOut,
        ms: Date.now() - t0,
      });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const status = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : -1);
      resolveRun({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err),
        status,
        signal,
        timedOut,
        ms: Date.now() - t0,
      });
    });
  });
}

/** Builds one variant (or finds it in the cache). Resolves { binary, cached, ms } or { error }. */
export async function compile(tools, prog, variant) {
  const out = binaryPath(tools, prog, variant);
  if (existsSync(out)) return { binary: out, cached: true, ms: 0 };
  mkdirSync(cacheDir(), { recursive: true });
  const tmp = `${out}.tmp${process.pid}.${Math.random().toString(36).slice(2)}`;
  const r = await run(tools.gcc, [...compileFlags(variant), '-o', tmp, prog.path, ...LIBS], {
    cwd: dirname(prog.path),
    env: process.env,
    timeoutMs: 300_000,
  });
  if (r.status !== 0 || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    return {
      error:
        `${GCC} ${compileFlags(variant).join(' ')} failed (status ` + `${r.status}):\n${r.stderr.toString('utf8')}`,
    };
  }
  renameSync(tmp, out); // atomic: a concurrent run sees the whole file or none
  return { binary: out, cached: false, ms: r.ms };
}

/** The runner's own last stderr line (wplab's may have its usage line after it): not the program's output. */
const QEMU_LINE = /qemu: uncaught target signal [^\n]*\n?$/;
const WPLAB_LINE = /wplab exec: [^\n]*\n?(?:usage: wplab [^\n]*\n?)?$/;

function splitRunnerLine(stderr, re) {
  const s = stderr.toString('latin1');
  const m = re.exec(s);
  if (!m) return { stderr, note: '' };
  return { stderr: stderr.subarray(0, m.index), note: m[0].split('\n')[0].trim() };
}

/** A scratch directory holding the binary as `./NAME`, so argv[0] is the same string in both runs. */
function scratchWith(binary, name) {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-ccorpus-'));
  copyFileSync(binary, join(dir, name));
  return dir;
}

/**
 * One qemu-ppc64le run of ./NAME in a fresh scratch directory, no environment, no core file; `extra`
 * goes before the program; `keep(dir)` may read the directory before it is removed.
 */
async function qemuRun(tools, prog, binary, cpu, extra = [], keep = undefined) {
  const dir = scratchWith(binary, prog.name);
  try {
    // sh only sets RLIMIT_CORE to 0; env -i removes the PWD that sh exports, so the guest's environ is empty.
    const r = await run(
      '/bin/sh',
      [
        '-c',
        'ulimit -c 0; exec "$@"',
        'sh',
        tools.env,
        '-i',
        tools.qemu,
        '-cpu',
        cpu,
        ...extra,
        `./${prog.name}`,
        ...prog.args,
      ],
      { cwd: dir, input: prog.stdin, timeoutMs: REF_TIMEOUT_MS },
    );
    const { stderr, note } = splitRunnerLine(r.stderr, QEMU_LINE);
    return { ...r, stderr, note, kept: keep?.(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The ISA 3.0 forms of mffs (opcode 63, XO 583, RA != 0: mffsce, mffsl, mffscrn, mffscrni, ...):
 * POWER8 hardware ignores the RA field and executes them as mffs, and glibc relies on it.
 */
const isMffsForm = (word) => (word & 0xfc0007fe) >>> 0 === 0xfc00048e && ((word >>> 16) & 31) !== 0;

/** Whether the SIGILL of a -cpu power8 run is qemu's at such an mffs form: reruns with -d in_asm, reads the last
 * instruction. */
async function sigillAtMffsForm(tools, prog, binary) {
  const logDir = mkdtempSync(join(tmpdir(), 'wplab-ccorpus-log-'));
  const log = join(logDir, 'in_asm.log');
  let text = '';
  try {
    await qemuRun(tools, prog, binary, 'power8', ['-d', 'in_asm', '-D', log]);
    text = readFileSync(log, 'latin1');
  } catch {
    return false;
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
  const lines = text.trimEnd().split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /^0x[0-9a-f]+:\s+([0-9a-f]{8})\b/.exec(lines[i]);
    if (m) return isMffsForm(parseInt(m[1], 16));
  }
  return false;
}

/**
 * The reference: qemu-ppc64le -cpu MODEL ./NAME ARGS, no environment, no core file.
 * One known qemu deviation is worked around: qemu 7.2's -cpu power8 raises SIGILL on mffsl and
 * mffscrni, which glibc executes unconditionally (fegetround; sin, exp and others through
 * SET_RESTORE_ROUND, before testing AT_HWCAP2) because POWER8 hardware decodes them as mffs. Such a
 * run is replaced by the same binary under -cpu power9 (libc.a is the same POWER8 code whatever the
 * -mcpu, only IFUNC choices differ), with `deviation` saying so.
 */
export async function runReference(tools, prog, variant, binary) {
  if (prog.qemuDiffers !== undefined) {
    // qemu-user differs from Linux here (it may even hang): the reference is what Linux gives, NAME.linux
    const missing = `${prog.name}.linux is missing`;
    return {
      stdout: prog.linux ?? Buffer.alloc(0),
      stderr: prog.linux ? Buffer.alloc(0) : Buffer.from(missing),
      status: prog.linux ? 0 : -1,
      signal: null,
      timedOut: false,
      ms: 0,
      note: '',
      deviation: `qemu-user differs from Linux (${prog.qemuDiffers}): the reference is ${prog.name}.linux`,
    };
  }
  const r = await qemuRun(tools, prog, binary, variant.cpu);
  if (
    variant.cpu === 'power8' &&
    r.status === 128 + constants.signals.SIGILL &&
    (await sigillAtMffsForm(tools, prog, binary))
  ) {
    const again = await qemuRun(tools, prog, binary, 'power9');
    return {
      ...again,
      deviation:
        'qemu -cpu power8 raised SIGILL at an ISA 3.0 mffs form (POWER8 executes it as ' +
        'mffs); reference run under -cpu power9',
    };
  }
  return r;
}

/**
 * The product: node dist/wplab.js exec ./NAME --cpu MODEL [--stdin TEXT] [-- ARGS] (SCENARIOS.md §5).
 * stdin goes as --stdin TEXT (the corpus's .stdin files are UTF-8 text) and also on the pipe.
 */
export async function runProduct(prog, variant, binary) {
  const dir = scratchWith(binary, prog.name);
  try {
    const args = [WPLAB, 'exec', `./${prog.name}`, '--cpu', variant.cpu, '--max-steps', String(PRODUCT_MAX_STEPS)];
    if (prog.stdin) args.push('--stdin', prog.stdin.toString('utf8'));
    if (prog.args.length) args.push('--', ...prog.args);
    const r = await run(process.execPath, args, { cwd: dir, input: prog.stdin, timeoutMs: PRODUCT_TIMEOUT_MS });
    const { stderr, note } = splitRunnerLine(r.stderr, WPLAB_LINE);
    return { ...r, stderr, note };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function signalName(status) {
  if (status <= 128) return undefined;
  const n = status - 128;
  return Object.entries(constants.signals).find(([, v]) => v === n)?.[0];
}

export function describeStatus(status) {
  const sig = signalName(status);
  return sig ? `${status} (${sig})` : String(status);
}

function firstDiff(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Lines `line`-2 .. `line`+2 of an output, each JSON-quoted (bytes as latin1), with line numbers. */
function context(label, buf, line) {
  const lines = buf.toString('latin1').split('\n');
  const from = Math.max(0, line - 2);
  const shown = lines
    .slice(from, line + 3)
    .map(
      (l, i) =>
        `    ${String(from + i + 1).padStart(5)} ${JSON.stringify(l.length > 200 ? l.slice(0, 200) + '...' : l)}`,
    );
  return `  ${label}:\n${shown.join('\n')}`;
}

function streamDiff(stream, ours, ref, labels) {
  const at = firstDiff(ours, ref);
  if (at < 0) return undefined;
  const line = ref.subarray(0, at).toString('latin1').split('\n').length - 1; // 0-based, the same in both
  const detail =
    `${stream} differs at byte ${at} (line ${line + 1}; ${labels[0]} ${ours.length} ` +
    `bytes, ${labels[1]} ${ref.length} bytes)`;
  return { at, text: `${detail}\n${context(labels[0], ours, line)}\n${context(labels[1], ref, line)}` };
}

/**
 * Compares the product's run with the reference's. undefined when they agree; else
 * { kind: a short one-line summary, message: the full explanation }.
 */
export function compareRuns(ref, ours, labels = ['wplab', 'qemu']) {
  if (ours.timedOut)
    return {
      kind: `timeout (${PRODUCT_TIMEOUT_MS / 1000}s)`,
      message: `wplab exec did not finish in ${PRODUCT_TIMEOUT_MS / 1000}s`,
    };
  const parts = [];
  const out = streamDiff('stdout', ours.stdout, ref.stdout, labels);
  const err = streamDiff('stderr', ours.stderr, ref.stderr, labels);
  const statusDiffers = ours.status !== ref.status;
  if (statusDiffers)
    parts.push(`exit status ${describeStatus(ours.status)}, ${labels[1]} ` + `${describeStatus(ref.status)}`);
  if (ours.note) parts.push(`${labels[0]}: ${ours.note}`);
  if (ref.note) parts.push(`${labels[1]}: ${ref.note}`);
  if (out) parts.push(out.text);
  if (err) parts.push(err.text);
  if (!statusDiffers && !out && !err) return undefined;
  let kind;
  const sig = signalName(ours.status);
  if (statusDiffers && sig) kind = `${sig}${ours.note ? `: ${ours.note.replace(/^wplab exec: \S+: /, '')}` : ''}`;
  else if (statusDiffers && ours.note) kind = `exit ${ours.status}: ${ours.note.replace(/^wplab exec: (\S+: )?/, '')}`;
  else if (out) kind = `stdout differs at byte ${out.at}`;
  else if (err) kind = `stderr differs at byte ${err.at}`;
  else kind = `exit ${describeStatus(ours.status)}, want ${describeStatus(ref.status)}`;
  return { kind, message: parts.join('\n') };
}

/** A problem with the reference run itself (not a product bug): undefined when it ran normally. */
export function referenceProblem(ref) {
  if (ref.timedOut) return `qemu-ppc64le did not finish in ${REF_TIMEOUT_MS / 1000}s`;
  if (ref.status < 0) return `qemu-ppc64le could not run: ${ref.stderr.toString('utf8')}`;
  return undefined;
}

/** Builds dist/wplab.js when it is missing or older than its sources. Returns an error text or undefined. */
export function ensureWplabBuilt() {
  const newest = (dir) => {
    let m = 0;
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      const s = statSync(p);
      m = Math.max(m, s.isDirectory() ? newest(p) : s.mtimeMs);
    }
    return m;
  };
  const stale =
    !existsSync(WPLAB) || statSync(WPLAB).mtimeMs < Math.max(newest(join(ROOT, 'bin')), newest(join(ROOT, 'sim')));
  if (!stale) return undefined;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? undefined : `npm run build failed: ${r.stderr}`;
}

/**
 * A pool of `size` slots shared by compiles and runs. Jobs with a lower priority number go first,
 * so a binary that has just been built is run before the next one is compiled.
 */
export class Pool {
  constructor(size) {
    this.size = size;
    this.busy = 0;
    this.queue = [];
    this.seq = 0;
  }
  add(priority, fn) {
    return new Promise((res, rej) => {
      this.queue.push({ priority, seq: this.seq++, fn, res, rej });
      this.queue.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
      this.pump();
    });
  }
  pump() {
    while (this.busy < this.size && this.queue.length) {
      const job = this.queue.shift();
      this.busy++;
      Promise.resolve()
        .then(job.fn)
        .then(job.res, job.rej)
        .finally(() => {
          this.busy--;
          this.pump();
        });
    }
  }
}

/**
 * Everything for one program variant: compile, then the reference and (unless refOnly) the product.
 * Resolves { compileError } or { ref, ours?, refProblem?, diff? }.
 */
export function checkVariant(pool, tools, prog, variant, { refOnly = false, refRuns = 1 } = {}) {
  return pool
    .add(2, () => compile(tools, prog, variant))
    .then(async (c) => {
      if (c.error) return { compileError: c.error };
      const refs = [];
      for (let i = 0; i < refRuns; i++) refs.push(pool.add(0, () => runReference(tools, prog, variant, c.binary)));
      const oursP = refOnly ? undefined : pool.add(1, () => runProduct(prog, variant, c.binary));
      const ref = await refs[0];
      const others = await Promise.all(refs.slice(1));
      const ours = await oursP;
      const refProblem =
        referenceProblem(ref) ??
        others
          .map((o) => {
            const d = compareRuns(ref, o, ['qemu run 2', 'qemu run 1']);
            return d && `qemu is not deterministic: ${d.message}`;
          })
          .find(Boolean);
      return {
        ref,
        ours,
        refProblem,
        diff: ours && !refProblem ? compareRuns(ref, ours) : undefined,
        compileMs: c.ms,
        cached: c.cached,
      };
    });
}
