// rt_sigqueueinfo and the POSIX timers (timer_create, timer_settime, timer_gettime, timer_getoverrun,
// timer_delete): both were ENOSYS, so glibc's sigqueue and timer_create failed. A queued signal carries
// the sender's si_code (SI_QUEUE) and si_value; a timer's expiry sends SI_TIMER with its id and
// sigev_value, on the virtual clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E } from '../../sim/os/errno';
import { Guest, run } from '../os/guest';

const SIGUSR1 = 10;

/** Runs a program that leaves `n` 64-bit words at `out` and writes them to stdout. */
function words(src: string, n: number): bigint[] {
  const r = run(
    src +
      `
	.data
	.balign 16
set:	.quad ${1n << BigInt(SIGUSR1 - 1)} | ${1n << 33n}
info:	.space 128
out:	.space 128
spec:	.space 64
ev:	.space 64
tid:	.space 8
`,
    { maxSteps: 1_000_000 },
  );
  assert.equal(r.exitCode, 0, r.message ?? '');
  assert.equal(r.stdout.length, 8 * n);
  const dv = new DataView(r.stdout.buffer, r.stdout.byteOffset, r.stdout.length);
  return Array.from({ length: n }, (_, i) => dv.getBigUint64(8 * i, true));
}

const WRITE_OUT_AND_EXIT = (n: number) => `
	li 3,1
	lis 4,out@ha
	addi 4,4,out@l
	li 5,${8 * n}
	SYS 4
	li 3,0
	SYS 1
`;

test('rt_sigqueueinfo to itself: sigtimedwait takes it with si_code SI_QUEUE, si_pid and si_value', () => {
  const w = words(
    `
	li 3,0
	lis 4,set@ha
	addi 4,4,set@l
	li 5,0
	li 6,8
	SYS 174
	lis 9,info@ha
	addi 9,9,info@l
	li 10,-1
	stw 10,8(9)
	li 10,4321
	stw 10,16(9)
	lis 10,0x1234
	ori 10,10,0x5678
	std 10,24(9)
	SYS 20
	li 4,${SIGUSR1}
	mr 5,9
	SYS 177
	lis 3,set@ha
	addi 3,3,set@l
	lis 4,out@ha
	addi 4,4,out@l
	li 5,0
	li 6,8
	SYS 176
	lis 4,out@ha
	addi 4,4,out@l
	std 3,32(4)
` + WRITE_OUT_AND_EXIT(5),
    5,
  );
  assert.equal(Number(w[4]), SIGUSR1, 'sigtimedwait returned the signal');
  assert.equal(Number(w[0] & 0xffffffffn), SIGUSR1, 'si_signo');
  assert.equal(Number(BigInt.asIntN(32, w[1] & 0xffffffffn)), -1, 'si_code SI_QUEUE');
  assert.equal(Number(w[2] & 0xffffffffn), 4321, 'si_pid as the sender gave it');
  assert.equal(w[3], 0x12345678n, 'si_value');
});

test('rt_sigqueueinfo: EPERM for a non-negative si_code sent to another process, ESRCH for no such process', () => {
  const g = new Guest();
  const info = g.buf(128);
  assert.equal(g.call(177, 99999, SIGUSR1, info), -E.EPERM, "si_code 0 (SI_USER) is the kernel's");
  g.put(info + 8n, new Uint8Array([0xff, 0xff, 0xff, 0xff]));
  assert.equal(g.call(177, 99999, SIGUSR1, info), -E.ESRCH);
});

test(
  'timer_create + timer_settime: the expiry sends SI_TIMER ' +
    'with the timer id and sigev_value; gettime, overrun, delete',
  () => {
    const SIGRT = 34;
    const w = words(
      `
	li 3,0
	lis 4,set@ha
	addi 4,4,set@l
	li 5,0
	li 6,8
	SYS 174
	lis 9,ev@ha
	addi 9,9,ev@l
	li 10,77
	std 10,0(9)
	li 10,${SIGRT}
	stw 10,8(9)
	li 10,0
	stw 10,12(9)
	li 3,1
	mr 4,9
	lis 5,tid@ha
	addi 5,5,tid@l
	SYS 240
	lis 9,spec@ha
	addi 9,9,spec@l
	lis 10,0x98
	ori 10,10,0x9680
	std 10,24(9)
	lis 5,tid@ha
	addi 5,5,tid@l
	lwz 3,0(5)
	li 4,0
	mr 5,9
	li 6,0
	SYS 241
	lis 3,set@ha
	addi 3,3,set@l
	lis 4,out@ha
	addi 4,4,out@l
	li 5,0
	li 6,8
	SYS 176
	lis 4,out@ha
	addi 4,4,out@l
	std 3,32(4)
	lis 5,tid@ha
	addi 5,5,tid@l
	lwz 3,0(5)
	SYS 243
	lis 4,out@ha
	addi 4,4,out@l
	std 3,40(4)
	lis 5,tid@ha
	addi 5,5,tid@l
	lwz 3,0(5)
	SYS 244
	lis 4,out@ha
	addi 4,4,out@l
	std 3,48(4)
	li 3,0
	SYS 244
	lis 4,out@ha
	addi 4,4,out@l
	std 3,56(4)
` + WRITE_OUT_AND_EXIT(8),
      8,
    );
    assert.equal(Number(w[4]), SIGRT, "sigtimedwait took the timer's signal");
    assert.equal(Number(BigInt.asIntN(32, w[1] & 0xffffffffn)), -2, 'si_code SI_TIMER');
    assert.equal(Number(w[2] & 0xffffffffn), 0, 'si_timerid: the first timer is 0');
    assert.equal(w[3], 77n, 'sigev_value');
    assert.equal(w[5], 0n, 'no overrun');
    assert.equal(w[6], 0n, 'timer_delete');
    assert.equal(w[7], BigInt(E.EINVAL), 'deleting it again: EINVAL (sc returns the positive errno)');
  },
);
