// Signals on the whole machine: rt_sigaction/kill/tgkill/rt_sigreturn, the return-to-user delivery
// path, the tracer's resume with a signal, and SEMANTICS §6 as the machine reaches it: thread_change_pc
// cancelling a pending perf step when a handler is delivered, and the do_signal DEBUGREG re-arm quirk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assemble } from '../../sim/asm/assembler';
import { execProgram } from '../../sim/exec';
import { Machine, type TaskSpec } from '../../sim/machine/machine';
import { Tracer } from '../../sim/machine/tracer';
import type { Task } from '../../sim/machine/task';
import type { Program } from '../../sim/program';
import type { KernelPolicy } from '../../sim/hwbp/cpu-model';
import {
  RT_SIGFRAME_SIZE,
  SIGINFO_OFFSET,
  SIGNAL_FRAMESIZE,
  SIGTRAMP_RT64,
  UC_MCONTEXT_OFFSET,
} from '../../sim/machine/signal-frame';
import { parseScenario } from '../../sim/scenario/parse-scenario';
import { runScenario } from '../../sim/scenario/scenario-runner';

const MAX = 1_000_000;

// selfkill: r19 = the SIGUSR1 handler (0 = none installed), r20 = sa_flags. Sets registers the handler
// clobbers, kill(getpid(), SIGUSR1), then at after_kill: r18 != 0 -> exit(0), else trap.
const SRC = `
	.abiversion 2
	.text
	.globl selfkill
selfkill:
	cmpdi 19,0
	beq 2f
	lis 9,act@ha
	addi 9,9,act@l
	std 19,0(9)
	std 20,8(9)
	li 0,173
	li 3,10
	mr 4,9
	lis 5,oact@ha
	addi 5,5,oact@l
	li 6,8
	sc
	mr 21,3
2:	li 14,14
	li 15,15
	li 16,-16
	lis 17,0x1234
	mtctr 17
	li 0,20
	sc
	li 4,10
	li 0,37
	sc
	.globl after_kill
after_kill:
	cmpdi 18,0
	beq 1f
	li 0,1
	li 3,0
	sc
1:
	.globl trapped
trapped:
	trap

# handler: records what it was entered with, counts itself, clobbers r14-r16 and CTR, returns
	.globl handler
handler:
	lis 9,seen@ha
	addi 9,9,seen@l
	std 3,0(9)
	std 1,8(9)
	std 4,16(9)
	mflr 10
	std 10,24(9)
	std 12,32(9)
	std 5,40(9)
	ld 11,0(1)
	std 11,48(9)
	lis 9,handled@ha
	addi 9,9,handled@l
	ld 10,0(9)
	addi 10,10,1
	std 10,0(9)
	li 14,-1
	li 15,-1
	li 16,-1
	mtctr 9
	blr

# handler_touch: stores to watched (for the DEBUGREG quirk)
	.globl handler_touch
handler_touch:
	lis 9,watched@ha
	addi 9,9,watched@l
	.globl touch
touch:
	std 3,0(9)
	blr

# quirk: stores to watched in the main line, then installs handler_touch and kills itself
	.globl quirk
quirk:
	lis 9,watched@ha
	addi 9,9,watched@l
	.globl main_touch
main_touch:
	std 9,0(9)
	lis 19,handler_touch@ha
	addi 19,19,handler_touch@l
	li 20,0
	b selfkill

# errs: rt_sigaction(SIGKILL, act) -> EINVAL, rt_sigaction(SIGUSR1, NULL, oact, 4) -> EINVAL,
# kill(99999, SIGUSR1) -> ESRCH, kill(getpid(), 65) -> EINVAL, tgkill(pid, pid+1, 0) -> ESRCH,
# kill(getpid(), 0) -> 0; each r3 stored into results[]
	.globl errs
errs:
	lis 30,results@ha
	addi 30,30,results@l
	lis 9,act@ha
	addi 9,9,act@l
	li 0,173
	li 3,9
	mr 4,9
	li 5,0
	li 6,8
	sc
	std 3,0(30)
	li 0,173
	li 3,10
	li 4,0
	mr 5,9
	li 6,4
	sc
	std 3,8(30)
	li 0,37
	lis 3,1
	ori 3,3,34463
	li 4,10
	sc
	std 3,16(30)
	li 0,20
	sc
	mr 31,3
	li 0,37
	mr 3,31
	li 4,65
	sc
	std 3,24(30)
	li 0,250
	mr 3,31
	addi 4,31,1
	li 5,0
	sc
	std 3,32(30)
	li 0,37
	mr 3,31
	li 4,0
	sc
	std 3,40(30)
	trap

# badreturn: rt_sigreturn with no frame
	.globl badreturn
badreturn:
	li 0,172
	sc
	trap

# masked: SIG_BLOCK SIGUSR1, tkill(getpid(), SIGUSR1) (stays pending), SIG_UNBLOCK (oset -> results[1]), trap
	.globl masked
masked:
	lis 30,results@ha
	addi 30,30,results@l
	li 10,1
	sldi 10,10,9
	std 10,0(30)
	li 0,174
	li 3,0
	mr 4,30
	li 5,0
	li 6,8
	sc
	li 0,20
	sc
	li 4,10
	li 0,208
	sc
	.globl masked_pending
masked_pending:
	li 0,174
	li 3,1
	mr 4,30
	addi 5,30,8
	li 6,8
	sc
	.globl unblocked
unblocked:
	trap

	.data
	.balign 8
	.globl act
act:	.quad 0, 0, 0, 0
	.globl oact
oact:	.quad -1, -1, -1, -1
	.globl seen
seen:	.space 64
	.globl handled
handled: .quad 0
	.globl watched
watched: .quad 0
	.globl results
results: .space 64
`;

function program(src: string, file: string): Program {
  const r = assemble(src, file);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('\n'));
  return r.value;
}

const P = program(SRC, 'signals.S');
const EXAMPLE = program(
  readFileSync(join(__dirname, '../../examples/signal-during-perf-step.S'), 'utf8'),
  'signal-during-perf-step.S',
);

function sym(p: Program, name: string): bigint {
  const s = p.symbols.get(name);
  assert.ok(s, `symbol ${name}`);
  return s.value;
}

function machine(kernel: KernelPolicy = '6.6', cpus = 1): { m: Machine; tr: Tracer } {
  const m = new Machine({ cpu: 'power10', cpus, kernel });
  return { m, tr: new Tracer(m) };
}

function add(m: Machine, spec: Omit<Partial<TaskSpec>, 'entry'> & { entry: string; p?: Program }): Task {
  const p = spec.p ?? P;
  return m.addTask({
    name: spec.name ?? spec.entry,
    program: p,
    entry: sym(p, spec.entry),
    regs: spec.regs,
    cpu: spec.cpu,
    traced: spec.traced ?? true,
  });
}

function reg(tr: Tracer, t: Task, r: string): bigint {
  const v = tr.getReg(t, r);
  assert.ok(v.ok, `getreg ${r}`);
  return v.value;
}

function peek(tr: Tracer, t: Task, addr: bigint): bigint {
  const v = tr.peek(t, addr, 8);
  assert.ok(v.ok, `peek 0x${addr.toString(16)}`);
  return v.value;
}

function stopOf(r: ReturnType<Tracer['cont']>) {
  assert.ok(r.ok, 'resume refused');
  return r.stop;
}

test(
  'a handler runs and returns: entered as handle_rt_signal64 sets it up, every ' + 'register restored by rt_sigreturn',
  () => {
    const { m, tr } = machine();
    const t = add(m, { entry: 'selfkill', regs: [{ reg: 'r19', value: sym(P, 'handler') }] });
    const sp = t.thread.getGpr(1);
    // the tracer sees the self-sent SIGUSR1 first (signal-delivery stop, kill's siginfo: no si_addr)
    assert.deepEqual(stopOf(tr.cont(t, MAX)), {
      event: 'stopped',
      signal: 'SIGUSR1',
      si_code: 'SI_USER',
      pc: sym(P, 'after_kill'),
    });
    assert.equal(t.lastSiginfo?.pid, t.pid, 'si_pid is the sender');
    assert.equal(peek(tr, t, sym(P, 'handled')), 0n, 'no handler before the tracer lets the signal through');
    assert.deepEqual(stopOf(tr.cont(t, MAX, 'SIGUSR1')), {
      event: 'stopped',
      signal: 'SIGTRAP',
      si_code: 'TRAP_BRKPT',
      si_addr: sym(P, 'trapped'),
      pc: sym(P, 'trapped'),
    });
    assert.equal(peek(tr, t, sym(P, 'handled')), 1n);
    const seen = sym(P, 'seen');
    const frame = (sp - RT_SIGFRAME_SIZE) & ~15n;
    assert.equal(peek(tr, t, seen), 10n, 'r3 = SIGUSR1');
    assert.equal(peek(tr, t, seen + 8n), frame - SIGNAL_FRAMESIZE, 'r1 moved down by the frame and __SIGNAL_FRAMESIZE');
    assert.equal(peek(tr, t, seen + 16n), frame + UC_MCONTEXT_OFFSET, 'r4 = &uc.uc_mcontext without SA_SIGINFO');
    assert.equal(peek(tr, t, seen + 24n), SIGTRAMP_RT64, 'lr = the vdso trampoline');
    assert.equal(peek(tr, t, seen + 32n), sym(P, 'handler'), 'r12 = the handler (ELFv2 global entry)');
    assert.equal(peek(tr, t, seen + 48n), sp, 'the back chain points at the interrupted stack');
    // after rt_sigreturn: the interrupted state, kill's return value included
    assert.equal(reg(tr, t, 'r1'), sp);
    assert.equal(reg(tr, t, 'r3'), 0n, 'kill returned 0 before the handler ran, and r3 is back');
    assert.equal(reg(tr, t, 'r14'), 14n);
    assert.equal(reg(tr, t, 'r15'), 15n);
    assert.equal(reg(tr, t, 'r16'), BigInt.asUintN(64, -16n));
    assert.equal(reg(tr, t, 'ctr'), 0x12340000n);
    assert.equal(reg(tr, t, 'r21'), 0n, 'rt_sigaction returned 0');
    assert.equal(reg(tr, t, 'cr') & 0x10000000n, 0n, 'CR0.SO clear (the syscall succeeded)');
    assert.equal(peek(tr, t, sym(P, 'oact')), 0n, 'oact: the previous handler was SIG_DFL');
    assert.equal(t.sig.frames.length, 0, 'the kernel-side frame was popped');
    assert.equal(t.sig.blocked, 0n, 'the mask is back (SIGUSR1 was blocked only while the handler ran)');
  },
);

test('SA_SIGINFO: r4 = &siginfo (si_signo, si_code SI_USER, si_pid), r5 = &ucontext', () => {
  const { m, tr } = machine();
  const t = add(m, {
    entry: 'selfkill',
    regs: [
      { reg: 'r19', value: sym(P, 'handler') },
      { reg: 'r20', value: 4n },
    ],
  });
  const sp = t.thread.getGpr(1);
  stopOf(tr.cont(t, MAX));
  // the frame still holds the siginfo after the handler returned (nothing overwrote it)
  stopOf(tr.cont(t, MAX, 'SIGUSR1'));
  const frame = (sp - RT_SIGFRAME_SIZE) & ~15n;
  assert.equal(peek(tr, t, sym(P, 'seen') + 16n), frame + SIGINFO_OFFSET);
  assert.equal(peek(tr, t, sym(P, 'seen') + 40n), frame);
  const si = frame + SIGINFO_OFFSET;
  assert.equal(peek(tr, t, si) & 0xffffffffn, 10n, 'si_signo');
  assert.equal((peek(tr, t, si) >> 32n) & 0xffffffffn, 0n, 'si_errno');
  assert.equal(peek(tr, t, si + 8n) & 0xffffffffn, 0n, 'si_code SI_USER');
  assert.equal(peek(tr, t, si + 16n) & 0xffffffffn, BigInt(t.pid), 'si_pid');
});

test('untraced: a self-sent SIGUSR1 with no handler kills the task (default action), exit code never reached', () => {
  const { m } = machine();
  const t = add(m, { entry: 'selfkill', traced: false, regs: [{ reg: 'r18', value: 1n }] });
  assert.deepEqual(m.runUntilStop(t, MAX), { event: 'killed', signal: 'SIGUSR1' });
});

test('untraced: SIG_IGN drops SIGUSR1, SIGCHLD is ignored by default, a handler runs: the task exits 0', () => {
  {
    const { m } = machine();
    const t = add(m, {
      entry: 'selfkill',
      traced: false,
      regs: [
        { reg: 'r18', value: 1n },
        { reg: 'r19', value: 1n },
      ],
    });
    assert.deepEqual(m.runUntilStop(t, MAX), { event: 'exited', exit_code: 0 });
  }
  {
    const { m } = machine();
    const t = add(m, { entry: 'selfkill', traced: false, regs: [{ reg: 'r18', value: 1n }] });
    // patch the `li 4,10` (SIGUSR1) before the kill into `li 4,17` (SIGCHLD)
    const at = sym(P, 'after_kill') - 12n;
    assert.equal(t.mem.read(at, 4), 0x3880000an);
    assert.ok(t.mem.writeBytesAs(at, new Uint8Array([0x11, 0x00, 0x80, 0x38]), true));
    assert.deepEqual(m.runUntilStop(t, MAX), { event: 'exited', exit_code: 0 });
  }
  {
    const { m } = machine();
    const t = add(m, {
      entry: 'selfkill',
      traced: false,
      regs: [
        { reg: 'r18', value: 1n },
        { reg: 'r19', value: sym(P, 'handler') },
      ],
    });
    assert.deepEqual(m.runUntilStop(t, MAX), { event: 'exited', exit_code: 0 });
    assert.equal(t.mem.read(sym(P, 'handled'), 8), 1n);
  }
});

test(
  'the tracer decides: PTRACE_CONT with 0 discards the signal, with SIGUSR1 delivers ' +
    'it (default: killed), SIGKILL kills',
  () => {
    for (const [signal, expected] of [
      [undefined, { event: 'stopped', signal: 'SIGTRAP', si_code: 'TRAP_BRKPT' }],
      ['SIGUSR1', { event: 'killed', signal: 'SIGUSR1' }],
      ['SIGTERM', { event: 'killed', signal: 'SIGTERM' }],
      ['SIGCHLD', { event: 'stopped', signal: 'SIGTRAP', si_code: 'TRAP_BRKPT' }],
      ['SIGKILL', { event: 'killed', signal: 'SIGKILL' }],
    ] as const) {
      const { m, tr } = machine();
      const t = add(m, { entry: 'selfkill' });
      assert.equal(stopOf(tr.cont(t, MAX)).signal, 'SIGUSR1');
      const stop = stopOf(tr.cont(t, MAX, signal));
      for (const [k, v] of Object.entries(expected))
        assert.equal((stop as unknown as Record<string, unknown>)[k], v, `${signal}: ${k}`);
    }
    const { m, tr } = machine();
    const t = add(m, { entry: 'selfkill' });
    const bad = tr.cont(t, MAX, 'SIGBOGUS');
    assert.ok(!bad.ok && bad.errno === 'EIO');
    assert.equal(t.state, 'stopped', 'a refused resume leaves the task stopped');
  },
);

test(
  'PTRACE_SINGLESTEP with the signal: the handler is set up and the task stops with ' +
    'SIGTRAP at its first instruction',
  () => {
    const { m, tr } = machine();
    const t = add(m, { entry: 'selfkill', regs: [{ reg: 'r19', value: sym(P, 'handler') }] });
    stopOf(tr.cont(t, MAX));
    assert.deepEqual(stopOf(tr.singleStep(t, MAX, 'SIGUSR1')), {
      event: 'stopped',
      signal: 'SIGTRAP',
      pc: sym(P, 'handler'),
    });
    assert.equal(peek(tr, t, sym(P, 'handled')), 0n, 'the handler has not run an instruction yet');
    assert.deepEqual(stopOf(tr.singleStep(t, MAX)), {
      event: 'stopped',
      signal: 'SIGTRAP',
      si_code: 'TRAP_TRACE',
      si_addr: sym(P, 'handler') + 4n,
      pc: sym(P, 'handler') + 4n,
    });
    assert.equal(stopOf(tr.cont(t, MAX)).pc, sym(P, 'trapped'));
    assert.equal(peek(tr, t, sym(P, 'handled')), 1n);
  },
);

test(
  'system call errors: EINVAL for SIGKILL and a bad sigsetsize and signal 65, ESRCH ' +
    'for no such pid or tid, kill(pid, 0) = 0',
  () => {
    const { m, tr } = machine();
    const t = add(m, { entry: 'errs' });
    assert.equal(stopOf(tr.cont(t, MAX)).si_code, 'TRAP_BRKPT');
    const r = sym(P, 'results');
    assert.deepEqual(
      [0n, 8n, 16n, 24n, 32n, 40n].map((o) => peek(tr, t, r + o)),
      [22n, 22n, 3n, 22n, 3n, 0n],
    );
  },
);

test(
  'a blocked signal stays pending (tkill, SI_TKILL) and is delivered on the return ' +
    'from the rt_sigprocmask that unblocks it',
  () => {
    const { m, tr } = machine();
    const t = add(m, { entry: 'masked' });
    assert.deepEqual(stopOf(tr.cont(t, MAX)), {
      event: 'stopped',
      signal: 'SIGUSR1',
      si_code: 'SI_TKILL',
      pc: sym(P, 'unblocked'),
    });
    assert.equal(peek(tr, t, sym(P, 'results') + 8n), 1n << 9n, 'oset: SIGUSR1 was blocked');
    assert.equal(t.sig.blocked, 0n);
    assert.equal(stopOf(tr.cont(t, MAX)).si_code, 'TRAP_BRKPT', 'resumed with data 0: discarded');
  },
);

test("rt_sigreturn without a frame: SIGSEGV (SI_KERNEL), as the kernel's badframe path", () => {
  const { m, tr } = machine();
  const t = add(m, { entry: 'badreturn' });
  const s = stopOf(tr.cont(t, MAX));
  assert.equal(s.signal, 'SIGSEGV');
  assert.equal(s.si_code, 'SI_KERNEL');
  const u = machine();
  const v = add(u.m, { entry: 'badreturn', traced: false });
  assert.deepEqual(u.m.runUntilStop(v, MAX), { event: 'killed', signal: 'SIGSEGV' });
});

test(
  'wplab exec runs the program on the whole machine: rt_sigaction succeeds there (it ' +
    'answered ENOSYS in the old standalone runner)',
  () => {
    const src = `
	.abiversion 2
	.text
	.globl _start
_start:
	li 0,173
	li 3,10
	li 4,0
	li 5,0
	li 6,8
	sc
	li 0,1
	sc
`;
    const r = execProgram(program(src, 'sigaction.S'));
    assert.equal(r.exitCode, 0);
  },
);

// ---- SEMANTICS §6 on the whole machine ----------------------------------------------------------

function branches(m: Machine): string[] {
  return m.log.all().map((d) => d.branch);
}

for (const kernel of ['6.6', '6.5'] as const) {
  test(
    `${kernel}: a signal from the other CPU lands while a perf step is pending; the ` +
      `tracer delivers it: thread_change_pc cancels the step, the load re-executes, count ` +
      `exactly +1`,
    () => {
      const { m, tr } = machine(kernel, 2);
      const victim = add(m, { entry: 'victim', p: EXAMPLE, cpu: 0 });
      add(m, { entry: 'killer', p: EXAMPLE, cpu: 1, traced: false, regs: [{ reg: 'r5', value: BigInt(victim.pid) }] });
      const fd = tr.perfOpen({
        name: 'p',
        task: victim,
        cpu: -1,
        addr: sym(EXAMPLE, 'value'),
        len: 8n,
        type: 'r',
        excludeKernel: true,
        excludeHv: true,
      });
      assert.ok(fd.ok);
      const count = () => {
        const c = tr.perfRead(fd.fd);
        assert.ok(c.ok);
        return c.count;
      };
      assert.deepEqual(stopOf(tr.cont(victim, MAX)), {
        event: 'stopped',
        signal: 'SIGUSR1',
        si_code: 'SI_USER',
        pc: sym(EXAMPLE, 'load'),
      });
      assert.deepEqual(branches(m), ['perf-single-step'], 'the step is pending when the signal arrives');
      assert.equal(count(), 0);
      assert.deepEqual(stopOf(tr.cont(victim, MAX, 'SIGUSR1')), {
        event: 'stopped',
        signal: 'SIGTRAP',
        si_code: 'TRAP_BRKPT',
        si_addr: sym(EXAMPLE, 'done'),
        pc: sym(EXAMPLE, 'done'),
      });
      const log = m.log.all();
      assert.deepEqual(
        log.map((d) => d.branch),
        ['perf-single-step', 'thread-change-pc', 'perf-single-step', 'step-complete'],
      );
      const tcp = log[1];
      assert.equal(tcp.pc, '0x' + sym(EXAMPLE, 'load').toString(16), 'cancelled at the load, before the handler frame');
      assert.deepEqual(
        tcp.slots.map((s) => [s.bp, s.result]),
        [['perf:p', 'hit']],
      );
      assert.ok(
        tcp.effects.some((e) => e.kind === 'reinstall'),
        'the DAWR is reprogrammed',
      );
      assert.equal(log[2].pc, tcp.pc, 'after sigreturn the original load fires again');
      assert.equal(log[3].insn, `after ${log[2].insn}`, 'the step is of the load, not of a handler instruction');
      assert.equal(count(), 1, 'nothing lost, nothing counted twice');
      assert.equal(peek(tr, victim, sym(EXAMPLE, 'handled')), 1n);
      assert.equal(reg(tr, victim, 'r4'), 0x1122334455667788n);
    },
  );

  test(
    `${kernel}: both untraced, the kill from cpu1 is delivered to the handler before the ` +
      `victim's next instruction`,
    () => {
      const { m } = machine(kernel, 2);
      const victim = add(m, { entry: 'victim', p: EXAMPLE, cpu: 0, traced: false });
      add(m, { entry: 'killer', p: EXAMPLE, cpu: 1, traced: false, regs: [{ reg: 'r5', value: BigInt(victim.pid) }] });
      const tr = new Tracer(m);
      const fd = tr.perfOpen({
        name: 'p',
        task: victim,
        cpu: -1,
        addr: sym(EXAMPLE, 'value'),
        len: 8n,
        type: 'r',
        excludeKernel: true,
        excludeHv: true,
      });
      assert.ok(fd.ok);
      // the victim ends on `trap`, whose default action (untraced) kills it
      assert.deepEqual(m.runUntilStop(victim, MAX), { event: 'killed', signal: 'SIGTRAP' });
      assert.deepEqual(branches(m), ['perf-single-step', 'thread-change-pc', 'perf-single-step', 'step-complete']);
      const c = tr.perfRead(fd.fd);
      assert.ok(c.ok);
      assert.equal(c.count, 1);
      assert.equal(victim.mem.read(sym(EXAMPLE, 'handled'), 8), 1n);
    },
  );

  test(
    `${kernel}: resumed without the signal (PTRACE_CONT, data 0) the pending step is ` +
      `lost: MSR_SE cleared, the count stays 0 (§6 edge case)`,
    () => {
      const { m, tr } = machine(kernel, 2);
      const victim = add(m, { entry: 'victim', p: EXAMPLE, cpu: 0 });
      add(m, { entry: 'killer', p: EXAMPLE, cpu: 1, traced: false, regs: [{ reg: 'r5', value: BigInt(victim.pid) }] });
      const fd = tr.perfOpen({
        name: 'p',
        task: victim,
        cpu: -1,
        addr: sym(EXAMPLE, 'value'),
        len: 8n,
        type: 'r',
        excludeKernel: true,
        excludeHv: true,
      });
      assert.ok(fd.ok);
      assert.equal(stopOf(tr.cont(victim, MAX)).signal, 'SIGUSR1');
      assert.equal(stopOf(tr.cont(victim, MAX)).pc, sym(EXAMPLE, 'done'));
      assert.deepEqual(branches(m), ['perf-single-step'], 'no thread_change_pc, no second exception, no step');
      const c = tr.perfRead(fd.fd);
      assert.ok(c.ok);
      assert.equal(c.count, 0);
      assert.equal(peek(tr, victim, sym(EXAMPLE, 'handled')), 0n);
    },
  );

  test(
    `${kernel}: do_signal's DEBUGREG quirk: SET_DEBUGREG then SET_DEBUGREG 0 leaves ` +
      `hw_brk[0]; a handler delivery writes it into the DAWR and the handler's store hits ` +
      `it`,
    () => {
      const watched = sym(P, 'watched');
      const { m, tr } = machine(kernel);
      const t = add(m, { entry: 'quirk' });
      assert.ok(tr.setDebugreg(t, watched | 0x4n | 0x2n).ok, 'a write watch (TRANSLATE | WRITE)');
      assert.ok(tr.setDebugreg(t, 0n).ok);
      assert.equal(m.hw.thread(t.pid)?.hwBrk[0].address, watched, 'hw_brk[0] is not cleared');
      // the main-line store is not watched any more
      assert.deepEqual(stopOf(tr.cont(t, MAX)), {
        event: 'stopped',
        signal: 'SIGUSR1',
        si_code: 'SI_USER',
        pc: sym(P, 'after_kill'),
      });
      assert.deepEqual(branches(m), []);
      assert.equal(m.cores[0].getDawr(0), null);
      // delivery to the handler re-arms the raw watch; the handler's store hits a DAWR no breakpoint owns
      assert.deepEqual(stopOf(tr.cont(t, MAX, 'SIGUSR1')), {
        event: 'stopped',
        signal: 'SIGTRAP',
        si_code: 'TRAP_HWBKPT',
        si_addr: watched,
        pc: sym(P, 'touch'),
      });
      const log = m.log.all();
      assert.equal(log.length, 1);
      assert.equal(log[0].branch, 'no-hit-sigtrap');
      assert.deepEqual(log[0].slots, [], 'no breakpoint occupies the slot');
      assert.equal(log[0].pc, '0x' + sym(P, 'touch').toString(16));
      assert.ok(log[0].effects.some((e) => e.kind === 'signal' && e.si_code === 'TRAP_HWBKPT'));
    },
  );

  test(`${kernel}: control for the quirk: with hw_brk never set, the handler's store runs unwatched`, () => {
    const { m, tr } = machine(kernel);
    const t = add(m, { entry: 'quirk' });
    assert.equal(stopOf(tr.cont(t, MAX)).signal, 'SIGUSR1');
    assert.deepEqual(stopOf(tr.cont(t, MAX, 'SIGUSR1')), {
      event: 'stopped',
      signal: 'SIGTRAP',
      si_code: 'TRAP_BRKPT',
      si_addr: sym(P, 'trapped'),
      pc: sym(P, 'trapped'),
    });
    assert.deepEqual(branches(m), []);
    assert.equal(peek(tr, t, sym(P, 'watched')), 10n, 'the handler stored its signal number');
  });
}

test('scenario: cont { task, signal } parses, runs, and an unknown signal name is an input error', () => {
  const files: Record<string, string> = { 'signals.S': SRC };
  const yaml = `
machine: { cpu: power10 }
tasks:
  - name: t
    program: signals.S
    entry: selfkill
    regs: { r19: handler }
steps:
  - cont: t
    expect: { event: stopped, signal: SIGUSR1, si_code: SI_USER, pc: after_kill }
  - cont: { task: t, signal: SIGUSR1 }
    expect: { event: stopped, signal: SIGTRAP, si_code: TRAP_BRKPT }
  - peek: { task: t, addr: handled, len: 8 }
    expect: 1
`;
  const sc = parseScenario(yaml, 's.yaml');
  assert.ok(sc.ok);
  const out = runScenario(sc.scenario, { readFile: (p) => files[p] });
  assert.equal(out.kind, 'report');
  if (out.kind !== 'report') return;
  assert.equal(out.report.failed, 0, JSON.stringify(out.report.steps.map((s) => s.mismatches)));
  assert.equal(out.report.passed, 3);
  const bad = parseScenario(yaml.replace('signal: SIGUSR1 }', 'signal: SIGFOO }'), 's.yaml');
  assert.ok(!bad.ok);
  assert.match(bad.errors[0].message, /SIGFOO/);
});
