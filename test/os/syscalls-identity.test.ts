// The system call convention and the identity calls: `sc` returns the result in r3, or the positive
// errno in r3 with CR0.SO set (the rest of CR untouched); ENOSYS for a number the kernel has no call
// for; uname; prlimit64 and the resource limits; the registrations glibc's start-up makes (rseq
// writing the CPU number, set_robust_list's size check, set_tid_address).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Machine } from '../../sim/machine/machine';
import { E } from '../../sim/os/errno';
import { Guest, NR, program, run } from './guest';

const RLIMIT = { STACK: 3, NOFILE: 7 } as const;
const INF = 0xffffffffffffffffn;

function words(bytes: Uint8Array): bigint[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.length / 8 }, (_, i) => dv.getBigUint64(8 * i, true));
}

test(
  'after sc: a failure is the positive errno in r3 with CR0.SO set, a success the ' +
    'result with SO clear; the other CR bits stay',
  () => {
    const r = run(`
    lis 30, out@ha
    addi 30, 30, out@l
    lis 9, 0xe234
    ori 9, 9, 0x5678
    mtcrf 0xff, 9
    li 3, 99
    SYS 6
    mfcr 20
    std 20, 0(30)
    std 3, 8(30)
    SYS 20
    mfcr 20
    std 20, 16(30)
    std 3, 24(30)
    li 3, 0
    SYS 9999
    mfcr 20
    std 20, 32(30)
    std 3, 40(30)
    li 3, 5
    SYS 440
    std 3, 48(30)
    li 3, 1
    mr 4, 30
    li 5, 56
    SYS 4
    li 3, 0
    SYS 1
    .data
    .balign 8
out: .space 56
`);
    assert.equal(r.exitCode, 0);
    const [crFail, r3Fail, crOk, r3Ok, crNosys, r3Nosys, r3Unknown] = words(r.stdout);
    assert.equal(crFail, 0xf2345678n); // close(99): SO set, LT/GT/EQ and CR1-7 as they were
    assert.equal(r3Fail, BigInt(E.EBADF));
    assert.equal(crOk, 0xe2345678n); // getpid: SO cleared again
    assert.equal(r3Ok, 100n); // pids are given from 100
    assert.equal(crNosys, 0xf2345678n);
    assert.equal(r3Nosys, BigInt(E.ENOSYS));
    assert.equal(r3Unknown, BigInt(E.ENOSYS)); // a number past the table's end (440)
  },
);

test('a large result is not an error: only -4095..-1 set SO (mmap addresses above 2^63 would be fine)', () => {
  const g = new Guest();
  // lseek to a huge offset returns it as is
  g.mkfile('/tmp/f');
  const fd = g.open('/tmp/f', 0);
  assert.equal(g.sys(NR.lseek, fd, 2n ** 40n, 0), 2n ** 40n);
  // the ENOSYS answer for numbers in the table's range that have no handler, and for negative ones
  // restart_syscall with nothing interrupted to resume: EINTR, as do_no_restart_syscall answers
  assert.equal(g.call(0), -E.EINTR);
  assert.equal(g.call(405), -E.ENOSYS); // a time64 call of 32-bit processes only
  assert.equal(g.sys(-1), BigInt(-E.ENOSYS));
});

test(
  'uname: struct utsname of six 65-byte fields, NUL-terminated: Linux, wplab, the ' + "policy's release, ppc64le",
  () => {
    for (const kernel of ['6.5', '6.6'] as const) {
      const g = new Guest({ kernel });
      const b = g.buf(390);
      assert.equal(g.call(NR.uname, b), 0);
      const u = g.get(b, 390);
      const field = (i: number) => new TextDecoder().decode(u.subarray(65 * i, u.indexOf(0, 65 * i)));
      assert.equal(field(0), 'Linux');
      assert.equal(field(1), 'wplab');
      assert.equal(field(2), kernel === '6.5' ? '6.5.0' : '6.6.0');
      assert.match(field(3), /^#1 SMP /);
      assert.equal(field(4), 'ppc64le');
      assert.equal(field(5), '(none)');
      for (let i = 0; i < 6; i++) assert.equal(u[65 * i + 64], 0);
      assert.equal(g.call(NR.uname, 0x100), -E.EFAULT);
    }
  },
);

test('prlimit64 and getrlimit: RLIMIT_STACK 8 MiB soft, unlimited hard; setting, EINVAL, ESRCH', () => {
  const g = new Guest();
  const old = g.buf(16);
  assert.equal(g.call(NR.prlimit64, 0, RLIMIT.STACK, 0, old), 0);
  assert.deepEqual(words(g.get(old, 16)), [8n * 1024n * 1024n, INF]);
  assert.equal(g.call(NR.prlimit64, g.t.pid, RLIMIT.NOFILE, 0, old), 0);
  assert.deepEqual(words(g.get(old, 16)), [1024n, 524288n]);
  // set, and get the old value in the same call
  const nw = g.buf(16);
  g.put(nw, new Uint8Array(new BigUint64Array([16n * 1024n * 1024n, INF]).buffer));
  assert.equal(g.call(NR.prlimit64, 0, RLIMIT.STACK, nw, old), 0);
  assert.deepEqual(words(g.get(old, 16)), [8n * 1024n * 1024n, INF]);
  assert.equal(g.call(NR.ugetrlimit, RLIMIT.STACK, old), 0);
  assert.deepEqual(words(g.get(old, 16)), [16n * 1024n * 1024n, INF]);
  // soft above hard: EINVAL; an unknown resource: EINVAL; another process: ESRCH
  g.put(nw, new Uint8Array(new BigUint64Array([10n, 5n]).buffer));
  assert.equal(g.call(NR.prlimit64, 0, RLIMIT.STACK, nw, 0), -E.EINVAL);
  assert.equal(g.call(NR.prlimit64, 0, 16, 0, old), -E.EINVAL);
  assert.equal(g.call(NR.prlimit64, 4242, RLIMIT.STACK, 0, old), -E.ESRCH);
  // RLIMIT_NOFILE above fs.nr_open (1048576): EPERM
  g.put(nw, new Uint8Array(new BigUint64Array([1024n, 2n * 1048576n]).buffer));
  assert.equal(g.call(NR.prlimit64, 0, RLIMIT.NOFILE, nw, 0), -E.EPERM);
  g.put(nw, new Uint8Array(new BigUint64Array([1024n, INF]).buffer)); // unlimited is above it too
  assert.equal(g.call(NR.prlimit64, 0, RLIMIT.NOFILE, nw, 0), -E.EPERM);
  assert.equal(g.call(75, RLIMIT.NOFILE, nw), -E.EPERM); // setrlimit checks the same
});

test(
  'rseq: registration writes the CPU number (cpu_id_start, cpu_id), node_id and ' +
    'mm_cid; EBUSY, EINVAL, EPERM as the kernel checks',
  () => {
    // a program pinned to CPU 2 of 4 registers its rseq area and writes the area to stdout
    const m = new Machine({ cpus: 4 });
    const out: Uint8Array[] = [];
    const t = m.addTask({
      name: 'rs',
      program: program(`
    lis 3, area@ha
    addi 3, 3, area@l
    li 4, 32
    li 5, 0
    lis 6, 0x5305
    ori 6, 6, 0x3053
    SYS 387
    mr 20, 3
    li 3, 1
    lis 4, area@ha
    addi 4, 4, area@l
    li 5, 32
    SYS 4
    mr 3, 20
    SYS 1
    .data
    .balign 32
area: .quad -1, 0, -1, -1
`),
      traced: false,
      cpu: 2,
      stdout: (b) => out.push(b.slice()),
    });
    const stop = m.runUntilStop(t, 10_000);
    assert.deepEqual(stop.event, 'exited');
    assert.equal(stop.exit_code, 0);
    const area = new DataView(out[0].buffer, out[0].byteOffset, 32);
    assert.equal(area.getUint32(0, true), 2); // cpu_id_start
    assert.equal(area.getUint32(4, true), 2); // cpu_id
    assert.equal(area.getBigUint64(8, true), 0n); // rseq_cs: the program's
    assert.equal(area.getUint32(16, true), 0xffffffff); // flags: the program's
    assert.equal(area.getUint32(20, true), 0); // node_id
    assert.equal(area.getUint32(24, true), 0); // mm_cid
    assert.equal(area.getUint32(28, true), 0xffffffff); // past the fields: untouched
    // the checks, call by call
    const g = new Guest();
    const SIG = 0x53053053;
    const a = g.buf(64) + 32n - ((g.buf(0) + 32n) % 32n); // 32-byte aligned
    assert.equal(g.call(NR.rseq, a + 8n, 32, 0, SIG), -E.EINVAL); // misaligned
    assert.equal(g.call(NR.rseq, a, 16, 0, SIG), -E.EINVAL); // too short
    assert.equal(g.call(NR.rseq, a, 32, 2, SIG), -E.EINVAL); // unknown flag
    assert.equal(g.call(NR.rseq, 0x100, 32, 0, SIG), -E.EFAULT);
    assert.equal(g.call(NR.rseq, a, 32, 0, SIG), 0);
    // registered already: the same area EBUSY; another area or length EINVAL; another signature EPERM
    assert.equal(g.call(NR.rseq, a, 32, 0, SIG), -E.EBUSY);
    assert.equal(g.call(NR.rseq, a + 32n, 32, 0, SIG), -E.EINVAL);
    assert.equal(g.call(NR.rseq, a, 64, 0, SIG), -E.EINVAL);
    assert.equal(g.call(NR.rseq, a, 32, 0, SIG + 1), -E.EPERM);
    // unregistration: the same area, length and signature; cpu_id becomes RSEQ_CPU_ID_UNINITIALIZED
    assert.equal(g.call(NR.rseq, a + 32n, 32, 1, SIG), -E.EINVAL);
    assert.equal(g.call(NR.rseq, a, 32, 1, SIG + 1), -E.EPERM);
    assert.equal(g.call(NR.rseq, a, 32, 1, SIG), 0);
    assert.equal(g.u32(a, 0), 0);
    assert.equal(g.u32(a, 4), 0xffffffff);
    assert.equal(g.call(NR.rseq, a, 32, 1, SIG), -E.EINVAL);
    assert.equal(g.call(NR.rseq, a, 32, 0, SIG), 0);
  },
);

test('set_robust_list: only sizeof(struct robust_list_head) (24) is accepted; get_robust_list gives it back', () => {
  const g = new Guest();
  const head = g.buf(24);
  assert.equal(g.call(NR.set_robust_list, head, 16), -E.EINVAL);
  assert.equal(g.call(NR.set_robust_list, head, 32), -E.EINVAL);
  assert.equal(g.call(NR.set_robust_list, head, 24), 0);
  const hp = g.buf(8);
  const lp = g.buf(8);
  assert.equal(g.call(NR.get_robust_list, 0, hp, lp), 0);
  assert.equal(g.u64(hp), head);
  assert.equal(g.u64(lp), 24n);
  assert.equal(g.call(NR.get_robust_list, 4242, hp, lp), -E.ESRCH);
  // set_tid_address returns the thread id
  assert.equal(g.call(NR.set_tid_address, head), g.t.pid);
});

test('getcpu: the CPU the task runs on, node 0', () => {
  const m = new Machine({ cpus: 3 });
  const t = m.addTask({ name: 'c', program: program('1:  b 1b\n'), traced: false, cpu: 1 });
  m.run(t, 10);
  const g = { m, t };
  const mem = t.mem;
  const a = 0x7ffffff00000n - 0x1000n; // on the stack
  assert.equal(g.m.syscallAs(t, NR.getcpu, [a, a + 8n, 0n]), 0n);
  assert.equal(mem.read(a, 4), 1n);
  assert.equal(mem.read(a + 8n, 4), 0n);
});
