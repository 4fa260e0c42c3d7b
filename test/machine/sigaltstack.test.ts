// sigaltstack (syscall 185) and SA_ONSTACK delivery: the errors of do_sigaltstack (ENOMEM below
// MINSIGSTKSZ, EINVAL for an unknown mode, EPERM while running on the stack), the old stack given
// back (SS_DISABLE at first), and a handler with SA_ONSTACK entered with r1 inside the alternate
// stack, with uc_stack saved in its frame. Before, the call was ENOSYS and SA_ONSTACK ignored.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest, run } from '../os/guest';

const NR_SIGALTSTACK = 185;

function stackT(g: Guest, sp: bigint, flags: number, size: bigint): bigint {
  const b = g.buf(24);
  const bytes = new Uint8Array(24);
  const dv = new DataView(bytes.buffer);
  dv.setBigUint64(0, sp, true);
  dv.setInt32(8, flags, true);
  dv.setBigUint64(16, size, true);
  g.put(b, bytes);
  return b;
}

function readStackT(g: Guest, at: bigint): { sp: bigint; flags: number; size: bigint } {
  return { sp: g.u64(at, 0), flags: g.u32(at, 8), size: g.u64(at, 16) };
}

test('sigaltstack: SS_DISABLE at first; ENOMEM, EINVAL; install and read back; SS_DISABLE forgets it', () => {
  const g = new Guest();
  const oss = g.buf(24);
  assert.equal(g.call(NR_SIGALTSTACK, 0, oss), 0);
  assert.deepEqual(readStackT(g, oss), { sp: 0n, flags: 2, size: 0n });
  const area = g.buf(65536);
  assert.equal(g.call(NR_SIGALTSTACK, stackT(g, area, 0, 4096n), 0), -E.ENOMEM);
  assert.equal(g.call(NR_SIGALTSTACK, stackT(g, area, 7, 65536n), 0), -E.EINVAL);
  assert.equal(g.call(NR_SIGALTSTACK, stackT(g, area, 0, 65536n), oss), 0);
  assert.deepEqual(readStackT(g, oss), { sp: 0n, flags: 2, size: 0n }, 'oss is the stack before the change');
  assert.equal(g.call(NR_SIGALTSTACK, 0, oss), 0);
  assert.deepEqual(readStackT(g, oss), { sp: area, flags: 0, size: 65536n });
  assert.equal(g.call(NR_SIGALTSTACK, 0x10n, 0), -E.EFAULT);
  assert.equal(g.call(NR_SIGALTSTACK, stackT(g, 0n, 2, 0n), 0), 0);
  assert.equal(g.call(NR_SIGALTSTACK, 0, oss), 0);
  assert.deepEqual(readStackT(g, oss), { sp: 0n, flags: 2, size: 0n });
});

// Installs an alternate stack over `alt` (64 KiB), a SIGUSR1 handler with SA_ONSTACK (r20 = sa_flags),
// sends SIGUSR1 to itself; the handler records r1, sigaltstack(NULL, &oss) while on the stack (ss_flags)
// and a sigaltstack(&ss) attempt (its result), and uc_stack.ss_flags from its frame (r5 = ucontext).
const SRC = (saFlags: string) => `
	lis 9,ss@ha
	addi 9,9,ss@l
	lis 10,alt@ha
	addi 10,10,alt@l
	std 10,0(9)
	li 11,0
	stw 11,8(9)
	lis 11,1
	std 11,16(9)
	mr 3,9
	li 4,0
	SYS 185
	lis 9,act@ha
	addi 9,9,act@l
	lis 10,handler@ha
	addi 10,10,handler@l
	std 10,0(9)
	${saFlags}
	std 10,8(9)
	li 3,10
	mr 4,9
	li 5,0
	li 6,8
	SYS 173
	SYS 20
	li 4,10
	SYS 37
	lis 9,seen@ha
	addi 9,9,seen@l
	lis 10,alt@ha
	addi 10,10,alt@l
	std 10,32(9)
	std 1,40(9)
	li 3,1
	mr 4,9
	li 5,48
	SYS 4
	li 3,0
	SYS 1
handler:
	lis 9,seen@ha
	addi 9,9,seen@l
	std 1,0(9)
	lwz 10,16+8(5)
	std 10,8(9)
	mr 31,9
	li 3,0
	addi 4,9,64
	SYS 185
	lwz 10,64+8(31)
	std 10,16(31)
	lis 3,ss@ha
	addi 3,3,ss@l
	li 4,0
	SYS 185
	std 3,24(31)
	blr
	.data
	.balign 16
ss:	.space 24
act:	.space 32
seen:	.space 96
	.balign 16
alt:	.space 65536
`;

/** the handler's r1, uc_stack.ss_flags, ss_flags seen on the stack, the EPERM try; alt; main's r1 */
function report(src: string): {
  r1: bigint;
  ucFlags: bigint;
  onFlags: bigint;
  setResult: bigint;
  alt: bigint;
  mainR1: bigint;
} {
  const r = run(src, { maxSteps: 100000 });
  assert.equal(r.exitCode, 0, r.message ?? '');
  assert.equal(r.stdout.length, 48);
  const dv = new DataView(r.stdout.buffer, r.stdout.byteOffset, 48);
  const w = (i: number) => dv.getBigUint64(8 * i, true);
  return { r1: w(0), ucFlags: w(1), onFlags: w(2), setResult: BigInt.asIntN(64, w(3)), alt: w(4), mainR1: w(5) };
}

test(
  'SA_ONSTACK: the handler runs on the alternate stack, ' + 'sees SS_ONSTACK, cannot change it (EPERM); uc_stack saved',
  () => {
    const x = report(SRC('lis 10,0x0800\n\tori 10,10,4')); // SA_ONSTACK | SA_SIGINFO
    assert.ok(
      x.r1 > x.alt && x.r1 < x.alt + 65536n,
      `r1 0x${x.r1.toString(16)} inside the alternate stack at 0x${x.alt.toString(16)}`,
    );
    assert.equal(x.onFlags, 1n, 'SS_ONSTACK');
    assert.equal(x.setResult, BigInt(E.EPERM), 'EPERM (sc returns the positive errno with CR0.SO set)');
    assert.equal(x.ucFlags, 0n, 'uc_stack.ss_flags: enabled, not on it at delivery');
  },
);

test('without SA_ONSTACK the handler stays on the normal stack (just below the interrupted r1)', () => {
  const x = report(SRC('li 10,4')); // SA_SIGINFO
  assert.ok(!(x.r1 > x.alt && x.r1 < x.alt + 65536n));
  assert.ok(x.r1 < x.mainR1 && x.mainR1 - x.r1 < 8192n);
  assert.equal(x.onFlags, 0n);
  assert.equal(x.setResult, 0n, 'not on the stack: it may be changed');
});
