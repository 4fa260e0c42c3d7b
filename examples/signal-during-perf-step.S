# Programs for signal-during-perf-step.yaml: a victim that installs a SIGUSR1 handler and then loads
# a perf-watched doubleword, and a killer that sends it SIGUSR1 from the other CPU.
	.abiversion 2
	.text
# victim: rt_sigaction(SIGUSR1, {handler}, NULL, 8); r3 = &value; load: ld r4,0(r3); done: trap
	.globl victim
victim:
	lis 9,act@ha
	addi 9,9,act@l
	lis 10,handler@ha
	addi 10,10,handler@l
	std 10,0(9)
	li 0,173
	li 3,10
	mr 4,9
	li 5,0
	li 6,8
	sc
	lis 3,value@ha
	addi 3,3,value@l
	.globl load
load:
	ld 4,0(3)
	.globl done
done:
	trap

# handler: counts its runs in `handled` and returns (through the vdso trampoline: rt_sigreturn).
# It clobbers r3 (the signal number), r9 and r10: the load above needs r3 back, which sigreturn does.
	.globl handler
handler:
	lis 9,handled@ha
	addi 9,9,handled@l
	ld 10,0(9)
	addi 10,10,1
	std 10,0(9)
	.globl handler_ret
handler_ret:
	blr

# killer (r5 = the victim's pid): sched_yield, then kill(r5, SIGUSR1), then exit(0)
	.globl killer
killer:
	li 0,158
	sc
	li 0,37
	mr 3,5
	li 4,10
	sc
	li 0,1
	li 3,0
	sc

	.data
	.balign 8
	.globl value
value:	.quad 0x1122334455667788
	.globl handled
handled: .quad 0
	.globl act
act:	.quad 0, 0, 0, 0
