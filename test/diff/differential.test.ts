// Differential tests against the real tools (issue 2): every program of test/diff/programs is
// (a) assembled by our assembler and by GNU as + ld, with identical .text and .data bytes at identical
// addresses, and (b) run by our interpreter and by qemu-ppc64le, with identical stdout and exit status.
// The GNU side (as, ld, qemu) runs once per program, a few at a time, in a temp directory.
import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../../sim/asm/assembler';
import { lineForAddress } from '../../sim/asm/line-table';
import { execProgram, type ExecResult } from '../../sim/exec';
import { formatDiagnostic, type Program, type Result, type Section } from '../../sim/program';
import { INSTALL, requireTool } from '../helpers/tools';
import { GAS_FLAGS, LD_FLAGS } from '../asm/gnu';

const dir = join(__dirname, 'programs');
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.S'))
  .sort();
/** Sections whose bytes must match; .bss has no file contents (its size is checked by test/asm). */
const COMPARED = ['.text', '.data'];
/** Programs handled in parallel on the GNU side (mostly process start-up, so a little above the 2 cores). */
const POOL = 3;
/** Our interpreter's step budget: the longest program of the corpus runs well under 1e6. */
const MAX_STEPS = 5_000_000;

interface Tools {
  as: string;
  ld: string;
  qemu: string;
}

interface Reference {
  /** undefined when GNU as/ld rejected the program (the message is in `error`) */
  sections?: Map<string, { addr: bigint; bytes: Uint8Array }>;
  stdout?: Uint8Array;
  status?: number;
  error?: string;
}

function stdinOf(name: string): Uint8Array {
  const p = join(dir, name.replace(/\.S$/, '.stdin'));
  return existsSync(p) ? new Uint8Array(readFileSync(p)) : new Uint8Array(0);
}

function run(
  file: string,
  args: string[],
  opts: { cwd?: string; input?: Uint8Array } = {},
): Promise<{ stdout: Buffer; stderr: string; status: number }> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      { cwd: opts.cwd, encoding: 'buffer', timeout: 30_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        let status = 0;
        if (err) {
          const e = err as { code?: number | string; signal?: NodeJS.Signals | null };
          if (typeof e.code === 'number') status = e.code;
          else if (e.signal) status = 128 + (constants.signals[e.signal] ?? 0);
          else status = -1;
        }
        resolve({ stdout, stderr: stderr.toString('utf8'), status });
      },
    );
    child.stdin?.on('error', () => undefined); // a program that never reads stdin may exit first
    child.stdin?.end(opts.input ?? new Uint8Array(0));
  });
}

/**
 * The .text and .data sections of a linked ELF64 LE executable: address and file bytes, what
 * `objcopy -O binary -j NAME` extracts for one section. Read here rather than by objcopy/objdump
 * because spawning two more processes per program doubled the file's run time on a loaded machine.
 */
function elfSections(elf: Buffer): Map<string, { addr: bigint; bytes: Uint8Array }> | undefined {
  if (elf.length < 64 || elf.readUInt32BE(0) !== 0x7f454c46 || elf[4] !== 2 || elf[5] !== 1) return undefined;
  const shoff = Number(elf.readBigUInt64LE(0x28));
  const shentsize = elf.readUInt16LE(0x3a);
  const shnum = elf.readUInt16LE(0x3c);
  const strtab = shoff + elf.readUInt16LE(0x3e) * shentsize;
  const strOff = Number(elf.readBigUInt64LE(strtab + 24));
  const out = new Map<string, { addr: bigint; bytes: Uint8Array }>();
  for (let i = 0; i < shnum; i++) {
    const h = shoff + i * shentsize;
    const nameAt = strOff + elf.readUInt32LE(h);
    const sname = elf.toString('latin1', nameAt, elf.indexOf(0, nameAt));
    if (!COMPARED.includes(sname)) continue;
    const off = Number(elf.readBigUInt64LE(h + 24));
    const size = Number(elf.readBigUInt64LE(h + 32));
    out.set(sname, { addr: elf.readBigUInt64LE(h + 16), bytes: new Uint8Array(elf.subarray(off, off + size)) });
  }
  return out;
}

/** GNU as + ld, then qemu-ppc64le with cwd "/" (a signal death is 128 + its number). */
async function reference(tools: Tools, work: string, name: string): Promise<Reference> {
  const base = join(work, name.replace(/\.S$/, ''));
  const src = join(dir, name);
  const as = await run(tools.as, [...GAS_FLAGS, '-o', base + '.o', src]);
  if (as.status !== 0) return { error: `GNU as rejected ${name}:\n${as.stderr}` };
  const ld = await run(tools.ld, [...LD_FLAGS, '-o', base, base + '.o']);
  if (ld.status !== 0) return { error: `GNU ld rejected ${name}:\n${ld.stderr}` };
  const sections = elfSections(readFileSync(base));
  if (!sections) return { error: `GNU ld wrote something that is not a 64-bit little-endian ELF for ${name}` };
  // ulimit -c 0: a program that dies by a signal must not leave a qemu core file behind.
  const q = await run('sh', ['-c', 'ulimit -c 0; exec "$@"', 'sh', tools.qemu, '-cpu', 'power10', base], {
    cwd: '/',
    input: stdinOf(name),
  });
  return { sections, stdout: new Uint8Array(q.stdout), status: q.status };
}

// Built lazily by the first test that has all the tools, then shared by all.
let work: string | undefined;
let references: Map<string, Promise<Reference>> | undefined;

function referencesFor(tools: Tools): Map<string, Promise<Reference>> {
  if (references) return references;
  work = mkdtempSync(join(tmpdir(), 'wplab-diff-'));
  const w = work;
  const map = new Map<string, Promise<Reference>>();
  const resolvers = new Map<string, (r: Reference) => void>();
  for (const name of programs) map.set(name, new Promise((res) => resolvers.set(name, res)));
  const queue = [...programs];
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const done = resolvers.get(name)!;
      try {
        done(await reference(tools, w, name));
      } catch (e) {
        done({ error: `running the GNU tools on ${name} failed: ${String(e)}` });
      }
    }
  };
  for (let i = 0; i < POOL; i++) void worker();
  references = map;
  return map;
}

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function needTools(t: TestContext): Tools | undefined {
  const as = requireTool(t, 'powerpc64le-linux-gnu-as', INSTALL.binutils);
  const ld = as && requireTool(t, 'powerpc64le-linux-gnu-ld', INSTALL.binutils);
  const qemu = ld && requireTool(t, 'qemu-ppc64le', INSTALL.qemu);
  if (!as || !ld || !qemu) return undefined;
  return { as, ld, qemu };
}

const hex = (b: Uint8Array, i: number, n: number): string => Buffer.from(b.subarray(i, i + n)).toString('hex');

/** Where two outputs first differ, line by line, with both versions of that line. */
function firstDifference(ours: Uint8Array, theirs: Uint8Array): string {
  const a = Buffer.from(ours).toString('latin1').split('\n');
  const b = Buffer.from(theirs).toString('latin1').split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (s: string | undefined): string => (s === undefined ? '(no such line)' : JSON.stringify(s));
      return `first difference at stdout line ${i + 1}: ours ${show(a[i])}, qemu ${show(b[i])}`;
    }
  }
  return 'outputs differ';
}

const ourPrograms = new Map<string, Program>();

test('the differential corpus has at least 40 programs', () => {
  assert.ok(programs.length >= 40, `only ${programs.length} programs in ${dir}`);
});

for (const name of programs) {
  test(`${name}: same .text and .data bytes as GNU as + ld`, async (t) => {
    const tools = needTools(t);
    if (!tools) return;
    const source = readFileSync(join(dir, name), 'utf8');
    const lines = source.split('\n');
    const ours: Result<Program> = assemble(source, name);
    if (!ours.ok) assert.fail(`our assembler rejected ${name}:\n${ours.errors.map(formatDiagnostic).join('\n')}`);
    ourPrograms.set(name, ours.value);
    const ref: Reference = await referencesFor(tools).get(name)!;
    if (!ref.sections) assert.fail(ref.error ?? 'no reference');
    for (const sname of COMPARED) {
      const g: { addr: bigint; bytes: Uint8Array } | undefined = ref.sections.get(sname);
      const mine: Section | undefined = ours.value.sections.find((s) => s.name === sname);
      if (!g || g.bytes.length === 0) {
        assert.ok(!mine || mine.bytes.length === 0, `we produced ${mine?.bytes.length} bytes of ${sname}, GNU ld none`);
        continue;
      }
      assert.ok(
        mine,
        `${sname} missing from our output (GNU ld has ${g.bytes.length} bytes at ` + `0x${g.addr.toString(16)})`,
      );
      assert.equal(`0x${mine.addr.toString(16)}`, `0x${g.addr.toString(16)}`, `${sname} address`);
      const n = Math.min(mine.bytes.length, g.bytes.length);
      for (let i = 0; i < n; i += 4) {
        const a = hex(mine.bytes, i, 4);
        const b = hex(g.bytes, i, 4);
        if (a !== b) {
          const addr: bigint = g.addr + BigInt(i);
          const le = lineForAddress(ours.value, addr);
          const where = le ? `line ${le.line}: ${lines[le.line - 1]?.trim()}` : 'no source line';
          assert.fail(`${name} ${sname}+0x${i.toString(16)} (0x${addr.toString(16)}): ours ${a}, GNU ${b} (${where})`);
        }
      }
      assert.equal(mine.bytes.length, g.bytes.length, `${sname} size`);
    }
  });

  test(`${name}: same stdout and exit status as qemu-ppc64le`, async (t) => {
    const tools = needTools(t);
    if (!tools) return;
    let program = ourPrograms.get(name);
    if (!program) {
      const r: Result<Program> = assemble(readFileSync(join(dir, name), 'utf8'), name);
      if (!r.ok) assert.fail(`our assembler rejected ${name}:\n${r.errors.map(formatDiagnostic).join('\n')}`);
      program = r.value;
    }
    const ref: Reference = await referencesFor(tools).get(name)!;
    if (ref.stdout === undefined || ref.status === undefined) assert.fail(ref.error ?? 'no reference');
    // cwd "/" as for qemu; exitCode is already 128 + the signal number after a fatal signal.
    const ours: ExecResult = execProgram(program, { stdin: stdinOf(name), maxSteps: MAX_STEPS, cwd: '/' });
    const ourStatus = ours.exitCode;
    const same = Buffer.from(ours.stdout).equals(Buffer.from(ref.stdout));
    if (!same) {
      assert.fail(
        `${name}: ${firstDifference(ours.stdout, ref.stdout)}\n--- ours (exit ${ourStatus})\n` +
          `${Buffer.from(ours.stdout).toString('latin1')}${ours.message ? `\n(${ours.message})` : ''}\n--- ` +
          `qemu (exit ${ref.status})\n` +
          Buffer.from(ref.stdout).toString('latin1'),
      );
    }
    assert.equal(
      ourStatus,
      ref.status,
      `${name}: exit status (ours ${ourStatus}${ours.message ? `: ${ours.message}` : ''}, ` + `qemu ${ref.status})`,
    );
  });
}
