// Threads (clone with CLONE_THREAD, as glibc's pthread_create calls it): the thread shares memory with
// its process, gettid is its own and getpid the process's, its exit zeroes its CLONE_CHILD_CLEARTID
// word and wakes a futex waiter there (pthread_join), tgkill reaches it by tid, and exit_group from a
// thread ends the whole process. Before, such a clone was ENOSYS (pthread_create failed with EAGAIN).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../os/guest';

// The thread stores gettid, getpid and 42 (r14 = what it does at the end: 0 exit, 1 exit_group(9));
// the tid word gets the tid (CLONE_PARENT_SETTID, the same word as CLONE_CHILD_CLEARTID, as glibc
// passes them); the main thread futex-waits on it until the kernel clears it (the thread's exit), then
// writes [thread's gettid, thread's getpid, main's getpid, the clone result, 0, the shared value] to
// stdout and exits with the shared value (0 if it had not waited).
const SRC = (threadEnd: string) => `
	lis 20,shared@ha
	addi 20,20,shared@l
	li 3,0
	ori 3,3,0xf00
	oris 3,3,0x3d
	lis 4,stack_top@ha
	addi 4,4,stack_top@l
	addi 5,20,40
	li 6,0
	addi 7,20,40
	SYS 120
	cmpdi 3,0
	beq child
	std 3,24(20)
wait:
	lwz 9,40(20)
	cmpwi 9,0
	beq joined
	addi 3,20,40
	li 4,0
	mr 5,9
	li 6,0
	SYS 221
	b wait
joined:
	SYS 20
	std 3,16(20)
	li 3,1
	mr 4,20
	li 5,48
	SYS 4
	ld 3,48(20)
	SYS 234
child:
	SYS 207
	std 3,0(20)
	SYS 20
	std 3,8(20)
	li 9,42
	std 9,48(20)
	${threadEnd}
	.data
	.balign 16
shared:	.space 64
	.balign 16
stack:	.space 16384
stack_top:
`;

test(
  'clone(CLONE_THREAD): shared memory, its own tid, getpid ' + "the process's; its exit clears and wakes the tid word",
  () => {
    const r = run(SRC('li 3,0\n\tSYS 1'), { maxSteps: 1_000_000 });
    assert.equal(r.exitCode, 42, r.message ?? '');
    assert.equal(r.stdout.length, 48);
    const dv = new DataView(r.stdout.buffer, r.stdout.byteOffset, 48);
    const w = (i: number) => Number(dv.getBigInt64(8 * i, true));
    const [tid, pidInThread, mainPid, cloneResult] = [w(0), w(1), w(2), w(3)];
    assert.equal(pidInThread, mainPid, 'getpid in the thread is the process id');
    assert.notEqual(tid, mainPid, 'gettid is the thread own');
    assert.equal(cloneResult, tid, 'clone returns the new tid');
  },
);

test('exit_group from a thread ends the whole process with its status', () => {
  const r = run(SRC('li 3,9\n\tSYS 234'), { maxSteps: 1_000_000 });
  assert.equal(r.exitCode, 9, r.message ?? '');
  assert.equal(r.stdout.length, 0, 'the main thread never got past its wait');
});
