// The standalone runner and the syscalls: programs assembled by the project's assembler, run by
// execProgram and by the `wplab exec` command; where qemu-ppc64le is installed, the same source
// built with GNU as/ld must print the same bytes and exit with the same status.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assemble } from '../../sim/asm/assembler';
import { AddressSpace } from '../../sim/cpu/address-space';
import { ThreadState } from '../../sim/cpu/thread-state';
import { execProgram, loadProgram } from '../../sim/exec';
import { Kernel } from '../../sim/os/kernel';
import { MemoryMap } from '../../sim/os/memory-map';
import { ProcessState } from '../../sim/os/process-state';
import type { SyscallContext } from '../../sim/os/syscalls/context';
import { dispatchSyscall } from '../../sim/os/syscalls/table';
import { execCommand } from '../../bin/exec-command';
import { buildWithGnu, runQemu } from './gnu';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEAD = '    .abiversion 2\n    .text\n    .globl _start\n_start:\n';

function asm(src: string) {
  const r = assemble(src, 'prog.S');
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col}: ${e.message}`).join('\n'));
  return r.value;
}

// Echo: reads stdin in chunks of 5 bytes into .bss and writes each chunk back, upper-cased
// (a-z only), then exits with the total length read.
const ECHO =
  HEAD +
  `
    li 20, 0
1:  li 0, 3
    li 3, 0
    lis 4, buf@ha
    addi 4, 4, buf@l
    li 5, 5
    sc
    bso 9f
    cmpdi 3, 0
    beq 8f
    add 20, 20, 3
    mr 5, 3
    lis 4, buf@ha
    addi 4, 4, buf@l
    mtctr 5
    mr 6, 4
2:  lbz 7, 0(6)
    cmplwi 7, 'a'
    blt 3f
    cmplwi 7, 'z'
    bgt 3f
    addi 7, 7, -32
    stb 7, 0(6)
3:  addi 6, 6, 1
    bdnz 2b
    li 0, 4
    li 3, 1
    sc
    b 1b
8:  li 0, 1
    mr 3, 20
    sc
9:  li 0, 1
    li 3, 99
    sc
    .bss
buf: .space 8
`;

test('exec: read/write through the syscalls, exit status from exit()', () => {
  const r = execProgram(asm(ECHO), { stdin: new TextEncoder().encode('hello, world\n') });
  assert.equal(new TextDecoder().decode(r.stdout), 'HELLO, WORLD\n');
  assert.equal(r.exitCode, 13);
  assert.equal(r.signal, undefined);
  assert.ok(r.icount > 50);
});

test('exec: the same program under qemu-ppc64le prints the same and exits the same', (t) => {
  const built = buildWithGnu(t, ECHO);
  if (!built) return;
  try {
    const ref = runQemu(t, built.exe, 'hello, world\n');
    if (!ref) return;
    const sim = execProgram(asm(ECHO), { stdin: new TextEncoder().encode('hello, world\n') });
    assert.equal(Buffer.from(sim.stdout).toString(), ref.stdout.toString());
    assert.equal(sim.exitCode, ref.status);
  } finally {
    built.cleanup();
  }
});

test('syscall errors set CR0.SO and return the errno in r3; success clears SO', () => {
  const src =
    HEAD +
    `
    li 0, 4
    li 3, 7
    li 4, 0
    li 5, 1
    sc
    mfcr 20
    mr 21, 3
    li 0, 4
    li 3, 1
    li 4, 0x100
    li 5, 4
    sc
    mr 22, 3
    li 0, 999
    sc
    mr 23, 3
    li 0, 20
    sc
    mfcr 24
    rldicl 24, 24, 36, 63
    li 0, 182
    lis 3, buf@ha
    addi 3, 3, buf@l
    li 4, 1
    sc
    mr 25, 3
    li 0, 182
    lis 3, buf@ha
    addi 3, 3, buf@l
    li 4, 64
    sc
    add 26, 3, 0
    lis 4, buf@ha
    lbz 27, buf@l(4)
    # the exit status is one of the registers above, chosen by each run below
    li 0, 234
    mr 3, 21
    sc
    .bss
buf: .space 64
`;
  const r = execProgram(asm(src));
  assert.equal(r.exitCode, 9); // EBADF from write(7, ...)
  const full = execProgram(asm(src.replace('mr 3, 21\n    sc', 'mr 3, 22\n    sc')));
  assert.equal(full.exitCode, 14); // EFAULT from write(1, 0x100, 4)
  const nosys = execProgram(asm(src.replace('mr 3, 21\n    sc', 'mr 3, 23\n    sc')));
  assert.equal(nosys.exitCode, 38); // ENOSYS
  const so = execProgram(asm(src.replace('mr 3, 21\n    sc', 'mr 3, 24\n    sc')));
  assert.equal(so.exitCode, 0); // getpid succeeded: SO clear
  const range = execProgram(asm(src.replace('mr 3, 21\n    sc', 'mr 3, 25\n    sc')));
  assert.equal(range.exitCode, 34); // ERANGE: "/" and its NUL need 2 bytes, the buffer has 1
  const cwd = execProgram(asm(src.replace('mr 3, 21\n    sc', 'mr 3, 27\n    sc')), { cwd: '/work' });
  assert.equal(cwd.exitCode, '/'.charCodeAt(0));
});

test(
  'system calls copy into user memory through the context, in kernel mode: getcwd, ' +
    'getpid, sched_yield, exit_group',
  () => {
    const t = new ThreadState();
    const writes: [bigint, number][] = [];
    let exited: number | undefined;
    let yielded = false;
    const kernel = new Kernel({ cpu: 'power10', cpus: 1, policy: '6.6', ticks: () => 0 });
    const home = kernel.fs.mkdirs('/home/lab');
    const mm = new MemoryMap(new AddressSpace());
    const ctx: SyscallContext = {
      t,
      proc: new ProcessState(42, mm, home, '/prog'),
      kernel,
      pid: 42,
      cpu: 0,
      arg: (i) => t.getGpr(3 + i),
      copyToUser: (ea, bytes) => (writes.push([ea, bytes.length]), true),
      copyFromUser: () => undefined,
      stringFromUser: () => -14,
      signals: undefined,
      exit: (code) => (exited = code),
      yieldCpu: () => (yielded = true),
      keepRegisters: () => undefined,
    };
    t.setGpr(3, 0x10200000n);
    t.setGpr(4, 100n);
    assert.equal(dispatchSyscall(182n, ctx), 10n); // "/home/lab" and its NUL
    assert.deepEqual(writes, [[0x10200000n, 10]]);
    t.setGpr(4, 5n);
    assert.equal(dispatchSyscall(182n, ctx), -34n); // ERANGE
    assert.equal(dispatchSyscall(20n, ctx), 42n);
    assert.equal(dispatchSyscall(158n, ctx), 0n);
    assert.equal(yielded, true);
    assert.equal(dispatchSyscall(9999n, ctx), -38n); // ENOSYS
    t.setGpr(3, 0x1ffn);
    dispatchSyscall(234n, ctx);
    assert.equal(exited, 0xff);
  },
);

test('loadProgram: sections mapped with their protections, stack and registers as qemu sets them', () => {
  const p = asm(HEAD + '    nop\n    .data\nx: .quad 5\n');
  const { mem, thread } = loadProgram(p);
  assert.equal(thread.pc, 0x10000000n);
  assert.equal(thread.getGpr(12), 0x10000000n);
  const sp = thread.getGpr(1);
  assert.equal(sp % 16n, 0n);
  assert.ok(sp < 0x7ffffff00000n && sp > 0x7ffffff00000n - 8n * 1024n * 1024n);
  assert.equal(mem.read(sp, 8), 1n); // argc
  assert.equal(mem.read(0x10100000n, 8), 5n);
  assert.equal(mem.write(0x10000000n, 4, 0n), false); // text is read-only
  assert.ok(mem instanceof AddressSpace);
});

test('exec: a runaway program is stopped by the step limit; a fault exits 128 + signal', () => {
  const loop = execProgram(asm(HEAD + '1:  b 1b\n'), { maxSteps: 1000 });
  assert.equal(loop.exitCode, 124);
  assert.match(loop.message ?? '', /step limit/);
  assert.equal(loop.icount, 1000);
  const segv = execProgram(asm(HEAD + '    li 3, 16\n    ld 3, 0(3)\n'));
  assert.equal(segv.exitCode, 139);
  assert.equal(segv.signal, 'SIGSEGV');
});

test("wplab exec FILE.S: output on stdout, the program's exit status, errors with file:line:col", () => {
  const dir = mkdtempSync(join(tmpdir(), 'wplab-exec-'));
  try {
    const file = join(dir, 'echo.S');
    writeFileSync(file, ECHO);
    let out = '';
    let err = '';
    const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
    assert.equal(execCommand([file, '--stdin', 'abc'], io), 3);
    assert.equal(out, 'ABC');
    assert.equal(err, '');
    const bad = join(dir, 'bad.S');
    writeFileSync(bad, HEAD + '    frobnicate 3\n');
    out = err = '';
    assert.equal(execCommand([bad], io), 2);
    assert.match(err, /bad\.S:5:\d+: /);
    assert.equal(execCommand([file, '--max-steps', 'x'], io), 2);
    assert.equal(execCommand([], io), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test(
  'scv 0 (what glibc uses on POWER9 and later): r3 is the result or -errno, CR0 ' +
    'untouched, LR the next instruction',
  () => {
    const src =
      HEAD +
      `    li 0, 4
    li 3, 99
    lis 9, 0x2000
    mtcr 9
    scv 0
after:
    mflr 4
    lis 5, after@ha
    addi 5, 5, after@l
    subf 4, 5, 4
    mfcr 6
    srdi 6, 6, 28
    neg 3, 3
    add 3, 3, 4
    add 3, 3, 6
    li 0, 1
    scv 0
`;
    // -EBADF negated (9) + LR - after (0) + CR0 as set before the call (2: EQ, no SO)
    const r = execProgram(asm(src));
    assert.equal(r.exitCode, 11);
  },
);
