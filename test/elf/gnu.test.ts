// Real static executables, built during the run with powerpc64le-linux-gnu-gcc (GNU ld, glibc):
// they parse and map as readelf describes them, the small ones run (execProgram, wplab exec, a
// scenario task with args), and a freestanding program that prints its own registers, argv, envp
// and auxiliary vector from the stack sees exactly the layout create_elf_tables gives.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { main } from '../../bin/wplab';
import { AddressSpace, pageNumber } from '../../sim/cpu/address-space';
import { MMAP_BASE } from '../../sim/elf/exec-image';
import { execProgram, loadProgram } from '../../sim/exec';
import { formatDiagnostic, type Program } from '../../sim/program';
import { programFromBytes } from '../../sim/program-file';
import { parseScenario } from '../../sim/scenario/parse-scenario';
import { runScenario } from '../../sim/scenario/scenario-runner';
import { INSTALL, requireTool } from '../helpers/tools';

const FIX = join(__dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'wplab-elf-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const built = new Map<string, string>();
/** Builds (once) with powerpc64le-linux-gnu-gcc; undefined (test skipped, or failed under CI) without it. */
function gcc(t: TestContext, out: string, args: string[]): string | undefined {
  if (!requireTool(t, 'powerpc64le-linux-gnu-gcc', INSTALL.gcc)) return undefined;
  const exe = join(dir, out);
  if (!built.has(out)) {
    execFileSync('powerpc64le-linux-gnu-gcc', [...args, '-o', exe], { stdio: ['ignore', 'pipe', 'pipe'] });
    built.set(out, exe);
  }
  return exe;
}

const helloStart = (t: TestContext) => gcc(t, 'hello-start', ['-static', '-nostdlib', join(FIX, 'hello-start.S')]);
const helloPie = (t: TestContext) => gcc(t, 'hello-pie', ['-static-pie', '-nostdlib', join(FIX, 'hello-start.S')]);
const glibcHello = (t: TestContext) => gcc(t, 'glibc-hello', ['-static', '-O2', join(FIX, 'glibc-hello.c')]);
const auxdump = (t: TestContext) =>
  gcc(t, 'auxdump', [
    '-static',
    '-nostdlib',
    '-ffreestanding',
    '-fno-builtin',
    '-fno-stack-protector',
    '-O1',
    join(FIX, 'auxdump.c'),
  ]);

function load(path: string): Program {
  const r = programFromBytes(path, readFileSync(path));
  assert.ok(r.ok, r.ok ? '' : formatDiagnostic(r.errors[0]));
  return r.value;
}

function readelf(args: string[], exe: string): string {
  return execFileSync('powerpc64le-linux-gnu-readelf', [...args, '-W', exe], { encoding: 'utf8' });
}

function prot(mem: AddressSpace, addr: bigint): string {
  const p = mem.page(pageNumber(addr));
  return p ? `${p.read ? 'r' : '-'}${p.write ? 'w' : '-'}${p.exec ? 'x' : '-'}` : 'unmapped';
}

test('a -nostdlib static executable linked by GNU ld runs: write and exit by sc', (t) => {
  const exe = helloStart(t);
  if (!exe) return;
  const p = load(exe);
  assert.equal(p.image?.kind, 'exec');
  assert.equal(p.symbols.get('_start')?.value, p.entry);
  assert.equal(p.symbols.get('msg')?.section, '.data');
  const r = execProgram(p);
  assert.equal(new TextDecoder().decode(r.stdout), 'hello\n');
  assert.equal(r.exitCode, 7);
});

test('the same under qemu-ppc64le (the reference): same bytes, same status', (t) => {
  const exe = helloStart(t);
  if (!exe || !requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return;
  const q = spawnSync('qemu-ppc64le', ['-cpu', 'power10', exe], { cwd: dir, timeout: 20000 });
  assert.equal(q.stdout.toString(), 'hello\n');
  assert.equal(q.status, 7);
});

test('a -static-pie executable (ET_DYN without interpreter) loads top-down below mmap_base and runs', (t) => {
  const exe = helloPie(t);
  if (!exe) return;
  assert.match(readelf(['-h'], exe), /Type:\s+DYN/);
  const p = load(exe);
  const img = p.image!;
  assert.equal(img.kind, 'static-pie');
  assert.equal(img.loadBias % 0x10000n, 0n);
  const last = img.segments[img.segments.length - 1];
  assert.equal(img.brkStart, MMAP_BASE, 'the image ends at mmap_base');
  assert.ok(last.vaddr + BigInt(last.memsz) <= MMAP_BASE);
  assert.equal(p.symbols.get('_start')?.value, p.entry);
  const r = execProgram(p);
  assert.equal(new TextDecoder().decode(r.stdout), 'hello\n');
  assert.equal(r.exitCode, 7);
});

test('a glibc -static program: sections, symbols and segments as readelf shows them; bss zero; the break', (t) => {
  const exe = glibcHello(t);
  if (!exe) return;
  const p = load(exe);
  // SHF_ALLOC sections (but .tbss, which takes no address space) with readelf's addresses and sizes
  const secs = [
    ...readelf(['-S'], exe).matchAll(
      /^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]{16})\s+([0-9a-f]+)\s+([0-9a-f]+)\s+\S+\s+(\S*)\s/gm,
    ),
  ]
    .filter((m) => m[6].includes('A') && Number.parseInt(m[5], 16) > 0 && !(m[6].includes('T') && m[2] === 'NOBITS'))
    .map((m) => [m[1], BigInt('0x' + m[3]), Number.parseInt(m[5], 16), m[6].includes('X'), m[2] === 'NOBITS']);
  assert.deepEqual(
    p.sections.map((s) => [s.name, s.addr, s.bytes.length, s.exec, s.nobits]),
    secs,
  );
  // symbols: readelf's value for main, counter, zeros, _start and every global function it lists once
  const syms = [
    ...readelf(['-s'], exe).matchAll(
      /^\s*\d+:\s+([0-9a-f]{16})\s+(0x[0-9a-f]+|\d+)\s+(FUNC|OBJECT)\s+(GLOBAL|LOCAL|WEAK)\s+\S+(?:\s+\[[^\]]*\])?\s+\S+\s+(\S+)$/gm,
    ),
  ];
  const byName = new Map<string, Array<{ value: bigint; size: number; type: string; bind: string }>>();
  for (const m of syms)
    byName.set(m[5], [
      ...(byName.get(m[5]) ?? []),
      { value: BigInt('0x' + m[1]), size: Number(m[2]), type: m[3], bind: m[4] },
    ]);
  for (const name of ['main', 'counter', 'zeros', '_start', 'printf']) {
    const r = byName.get(name)?.[0];
    assert.ok(r, name);
    assert.equal(p.symbols.get(name)?.value, r.value, name);
    assert.equal(p.symbols.get(name)?.size, r.size, name);
    assert.equal(p.symbols.get(name)?.type, r.type === 'FUNC' ? 'function' : 'object', name);
  }
  let checked = 0;
  for (const [name, list] of byName) {
    if (list.length !== 1 || list[0].bind !== 'GLOBAL') continue;
    assert.equal(p.symbols.get(name)?.value, list[0].value, name);
    checked++;
  }
  assert.ok(checked > 500, `${checked} global symbols compared`);
  assert.equal(p.symbols.get('zeros')?.section, '.bss');
  assert.equal(p.symbols.get('main')?.section, '.text');
  // segments: permissions, bss, break, the TLS block
  const loads = [
    ...readelf(['-l'], exe).matchAll(
      /^\s*LOAD\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+([RWE ]+?)\s+0x/gm,
    ),
  ];
  assert.equal(loads.length, 2);
  const { mem, start } = loadProgram(p);
  for (const m of loads) {
    const vaddr = BigInt('0x' + m[2]);
    const flags = m[5].replace(/ /g, '');
    assert.equal(
      prot(mem, vaddr),
      `r${flags.includes('W') ? 'w' : '-'}${flags.includes('E') ? 'x' : '-'}`,
      `segment at ${vaddr.toString(16)}`,
    );
  }
  const zeros = p.symbols.get('zeros')!;
  assert.ok(mem.readBytes(zeros.value, zeros.size)!.every((b) => b === 0));
  assert.equal(mem.read(p.symbols.get('counter')!.value, 4), 5n);
  const lastEnd = BigInt('0x' + loads[1][2]) + BigInt('0x' + loads[1][4]);
  assert.equal(start!.brk, (lastEnd + 0xffffn) & ~0xffffn);
  assert.equal(prot(mem, start!.brk), 'unmapped');
  assert.equal(prot(mem, start!.brk - 1n), 'rw-');
  const tls = readelf(['-l'], exe).match(
    /^\s*TLS\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)/m,
  );
  assert.ok(tls);
  assert.deepEqual(
    [p.image!.tls?.addr, p.image!.tls?.filesz, p.image!.tls?.memsz],
    [BigInt('0x' + tls[2]), Number.parseInt(tls[3], 16), Number.parseInt(tls[4], 16)],
  );
  assert.deepEqual(
    p.image!.tls?.bytes,
    p.image!.file.subarray(Number.parseInt(tls[1], 16), Number.parseInt(tls[1], 16) + Number.parseInt(tls[3], 16)),
  );
  assert.equal(p.image!.segments[0].bytes.length, Number.parseInt(loads[0][3], 16));
  assert.equal(start!.auxv.find((e) => e.type === 3)?.value, 0x10000040n, 'AT_PHDR: the headers in the first PT_LOAD');
  assert.equal(p.image!.file.length, readFileSync(exe).length, 'the raw file is kept (/proc/self/exe)');
});

test('a dynamically linked program is refused in one line naming its interpreter', (t) => {
  const exe = gcc(t, 'dynamic-hello', ['-O2', join(FIX, 'glibc-hello.c')]);
  if (!exe) return;
  const r = programFromBytes('dyn', readFileSync(exe));
  assert.ok(!r.ok);
  assert.deepEqual(r.errors.map(formatDiagnostic), [
    'dyn: dynamically linked (interpreter /lib64/ld64.so.2); build it with -static',
  ]);
});

/** The layout fs/exec.c and create_elf_tables give, computed here by hand for the auxdump program. */
function expectedDump(exe: string, argv: string[], envp: string[]): string {
  const top = 0x7ffffff00000n;
  const h = readelf(['-h'], exe);
  const entry = BigInt(h.match(/Entry point address:\s+(0x[0-9a-f]+)/)![1]);
  const phnum = BigInt(h.match(/Number of program headers:\s+(\d+)/)![1]);
  const len = (s: string) => BigInt(Buffer.byteLength(s) + 1);
  let p = top - 8n;
  const execfn = (p -= len(argv[0]));
  const envAt: bigint[] = [];
  for (let i = envp.length - 1; i >= 0; i--) envAt[i] = p -= len(envp[i]);
  const argAt: bigint[] = [];
  for (let i = argv.length - 1; i >= 0; i--) argAt[i] = p -= len(argv[i]);
  p &= ~15n;
  const platform = (p -= 8n); // "power10\0"
  const basePlatform = (p -= 8n);
  const random = (p -= 16n);
  const sp = (random - 36n * 16n - 8n * BigInt(argv.length + envp.length + 3)) & ~15n;
  const h16 = (v: bigint) => `0x${v.toString(16).padStart(16, '0')}`;
  const lines = [
    `sp ${h16(sp)}`,
    `r12 ${h16(entry)}`,
    `r2 ${h16(0n)}`,
    `r0 ${h16(0n)}`,
    `r13 ${h16(0n)}`,
    `argc ${argv.length}`,
  ];
  argv.forEach((a, i) => lines.push(`argv ${h16(argAt[i])} ${a}`));
  envp.forEach((e, i) => lines.push(`env ${h16(envAt[i])} ${e}`));
  const aux: Array<[number, bigint]> = [
    [22, 22n],
    [22, 22n],
    [19, 128n],
    [20, 128n],
    [21, 0n],
    [40, 49152n],
    [41, 0x60080n],
    [42, 32768n],
    [43, 0x80080n],
    [44, 1048576n],
    [45, 0x80080n],
    [46, 4194304n],
    [47, 0x100080n],
    [51, 2528n],
    [16, 0xdc0065c2n],
    [6, 65536n],
    [17, 100n],
    [3, 0x10000040n],
    [4, 56n],
    [5, phnum],
    [7, 0n],
    [8, 0n],
    [9, entry],
    [11, 0n],
    [12, 0n],
    [13, 0n],
    [14, 0n],
    [23, 0n],
    [25, random],
    [26, 0xbef60000n],
    [31, execfn],
    [15, platform],
    [24, basePlatform],
    [27, 28n],
    [28, 32n],
    [0, 0n],
  ];
  for (const [type, value] of aux) {
    lines.push(`aux ${type} ${h16(value)}`);
    if (type === 15 || type === 24) lines.push(`str ${type} power10`);
    if (type === 31) lines.push(`str 31 ${argv[0]}`);
    if (type === 25) lines.push(/^random( \d+){16}$/.source);
  }
  return lines.join('\n');
}

test(
  'a freestanding program reads its registers, argv, envp and auxv from the stack: ' + 'exactly what Linux lays out',
  (t) => {
    const exe = auxdump(t);
    if (!exe) return;
    const argv = [exe, 'one', 'two words', ''];
    const envp = ['A=1', 'HOME=/', 'LANG=C.UTF-8'];
    const r = execProgram(load(exe), { argv, envp, cpu: 'power10' });
    assert.equal(r.exitCode, 0, r.message);
    const got = new TextDecoder().decode(r.stdout).trimEnd().split('\n');
    const want = expectedDump(exe, argv, envp).split('\n');
    assert.equal(got.length, want.length, got.join('\n'));
    for (let i = 0; i < want.length; i++) {
      if (want[i].startsWith('^')) assert.match(got[i], new RegExp(want[i]));
      else assert.equal(got[i], want[i], `line ${i + 1}`);
    }
  },
);

test(
  'the freestanding program under qemu-ppc64le prints the same argv and environment ' + "(its own auxv is qemu's)",
  (t) => {
    const exe = auxdump(t);
    if (!exe || !requireTool(t, 'qemu-ppc64le', INSTALL.qemu)) return;
    const q = spawnSync('qemu-ppc64le', ['-cpu', 'power10', exe, 'one', 'two words'], {
      cwd: dir,
      env: { A: '1', HOME: '/' },
      timeout: 20000,
    });
    assert.equal(q.status, 0);
    const out = q.stdout.toString();
    const strings = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1]);
    const ours = new TextDecoder().decode(
      execProgram(load(exe), { argv: [exe, 'one', 'two words'], envp: ['A=1', 'HOME=/'] }).stdout,
    );
    assert.deepEqual(strings(/^argv \S+ (.*)$/gm, ours), strings(/^argv \S+ (.*)$/gm, out));
    assert.deepEqual(strings(/^env \S+ (.*)$/gm, ours).sort(), strings(/^env \S+ (.*)$/gm, out).sort());
    assert.match(out, /^r2 0x0{16}$/m, 'r2 is 0 at entry under qemu too');
  },
);

test('wplab exec takes an ELF executable and passes its arguments', (t) => {
  const exe = helloStart(t);
  const dump = auxdump(t);
  if (!exe || !dump) return;
  let out = '';
  let err = '';
  const code = main(['exec', exe], { out: (s) => (out += s), err: (s) => (err += s) });
  assert.equal(code, 7);
  assert.equal(out, 'hello\n');
  assert.equal(err, '');
  // binary input that is not an ELF never reaches the assembler
  const junk = join(dir, 'junk.bin');
  writeFileSync(junk, Buffer.from([0, 1, 2, 3, 0xfe, 0xff]));
  err = '';
  assert.equal(main(['exec', junk], { out: () => {}, err: (s) => (err += s) }), 2);
  assert.equal(err.trim().split('\n').length, 1);
  assert.match(err, /junk\.bin: a binary file that is neither an ELF executable/);
  // not a regular file
  err = '';
  assert.equal(main(['exec', '/dev/zero'], { out: () => {}, err: (s) => (err += s) }), 2);
  assert.match(err, /cannot read \/dev\/zero: it is not a regular file/);
  err = '';
  assert.equal(main(['exec', dir], { out: () => {}, err: (s) => (err += s) }), 2);
  assert.match(err, /it is a folder, not a file/);
  // a FIFO would block a reader: refused from its stat, never opened
  const fifo = join(dir, 'fifo');
  if (spawnSync('mkfifo', [fifo]).status === 0) {
    err = '';
    assert.equal(main(['exec', fifo], { out: () => {}, err: (s) => (err += s) }), 2);
    assert.match(err, /fifo: it is not a regular file/);
  }
});

test('a scenario task may be an ELF executable with args; its symbols name addresses in expressions', (t) => {
  const dump = auxdump(t);
  const hello = glibcHello(t);
  if (!dump || !hello) return;
  const yaml = [
    'tasks:',
    '  - name: dump',
    '    program: auxdump',
    '    args: [ "-v", 42 ]',
    '    traced: true',
    '  - name: hello',
    '    program: glibc-hello',
    'steps:',
    '  - peek: { task: hello, addr: counter, len: 4 }',
    '    expect: 5',
    '  - peek: { task: dump, addr: len, len: 8 }',
    '    expect: 0',
    '  - cont: dump',
    '    expect: { event: exited, exit_code: 0 }',
    '',
  ].join('\n');
  const sc = parseScenario(yaml, join(dir, 's.yaml'));
  assert.ok(sc.ok, sc.ok ? '' : JSON.stringify(sc.errors));
  if (!sc.ok) return;
  assert.deepEqual(sc.scenario.tasks[0].args, ['-v', '42']);
  const rep = runScenario(sc.scenario, { readFile: (p) => readFileSync(join(dir, p)) });
  const show = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  assert.equal(rep.kind, 'report', show(rep));
  if (rep.kind !== 'report') return;
  assert.equal(rep.report.failed, 0, show(rep.report.steps.map((s) => [s.result, s.mismatches])));
  assert.match(
    rep.report.output.dump ?? '',
    /^argc 3\nargv 0x[0-9a-f]+ auxdump\nargv 0x[0-9a-f]+ -v\nargv 0x[0-9a-f]+ 42$/m,
  );
  assert.match(rep.report.output.dump ?? '', /^str 15 power10$/m, "the machine's CPU model (default power10)");
});

test('a scenario naming a dynamically linked program: one input error at the task', (t) => {
  const exe = gcc(t, 'dynamic-hello', ['-O2', join(FIX, 'glibc-hello.c')]);
  if (!exe) return;
  const sc = parseScenario(
    'machine: { cpu: power8 }\ntasks:\n  - name: d\n    program: dynamic-hello\nsteps: ' + '[]\n',
    's.yaml',
  );
  assert.ok(sc.ok);
  if (!sc.ok) return;
  const rep = runScenario(sc.scenario, { readFile: (p) => readFileSync(join(dir, p)) });
  assert.equal(rep.kind, 'input-error');
  if (rep.kind !== 'input-error') return;
  assert.deepEqual(
    rep.errors.map((e) => `${e.file}:${e.pos.line}:${e.pos.col}: ${e.message}`),
    ['s.yaml:3:5: task "d": dynamic-hello: dynamically linked (interpreter /lib64/ld64.so.2); build it with -static'],
  );
});
