# perf-hwbreak.c runtest_dar_outside, as a program: each case loads and then stores a value of the
# given width at target+offset, then stops at a trap so the tracer can read the counter.
	.abiversion 2
	.text
	.globl _start
_start:
	lis 9,target@ha
	addi 9,9,target@l
	li 5,0x55
case1:	lhz 6,0(9)        # u16 at t+0: bytes 0..1, hardware range only
	sth 5,0(9)
	.globl trap1
trap1:	trap
case2:	lhz 6,1(9)        # u16 at t+1: bytes 1..2, touches byte 2
	sth 5,1(9)
	.globl trap2
trap2:	trap
case3:	lhz 6,5(9)        # u16 at t+5: bytes 5..6, touches byte 5
	sth 5,5(9)
	.globl trap3
trap3:	trap
case4:	lhz 6,6(9)        # u16 at t+6: bytes 6..7, hardware range only
	sth 5,6(9)
	.globl trap4
trap4:	trap
case5:	ld 6,0(9)         # u64 at t+0: the whole doubleword
	std 5,0(9)
	.globl trap5
trap5:	trap
	li 0,1
	li 3,0
	sc

	.data
	.balign 8
	.globl target
target:	.quad 0
	.size target,8
