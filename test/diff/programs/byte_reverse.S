# byte-reversed loads and stores: lhbrx lwbrx ldbrx sthbrx stwbrx stdbrx (incl. unaligned), compared with the plain loads
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
src:
	.quad 0x0123456789abcdef
	.quad 0xfedcba9876543210
dst:
	.space 32
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,src@ha
	addi 20,20,src@l
	lis 21,dst@ha
	addi 21,21,dst@l
	li 5,0
	lhbrx 14,20,5
	lwbrx 15,20,5
	ldbrx 16,20,5
	bl show
	li 5,6
	lhbrx 14,20,5
	li 5,3
	lwbrx 15,20,5
	li 5,5
	ldbrx 16,20,5
	bl show
	lis 22,0x1122
	ori 22,22,0x3344
	sldi 22,22,32
	oris 22,22,0x5566
	ori 22,22,0x7788
	li 5,0
	stdbrx 22,21,5
	li 5,8
	stwbrx 22,21,5
	li 5,12
	sthbrx 22,21,5
	li 5,17
	stdbrx 22,21,5
	li 5,27
	stwbrx 22,21,5
	ld 14,0(21)
	ld 15,8(21)
	ld 16,16(21)
	bl show
	ld 14,24(21)
	lhz 15,12(21)
	li 5,0
	ldbrx 16,21,5
	bl show
	li 5,0
	lhbrx 3,21,5
	li 0,1
	sc

# ---- shared output routine (copied into every program of the corpus) ----
	.text
# puthex: writes r3 as 16 hex digits and a newline on stdout.
# Clobbers r0, r3-r12, ctr and cr0; uses 32 bytes below r1 as its buffer.
puthex:
	addi 11,1,-16
	li 10,10
	stb 10,0(11)
	li 10,16
	mtctr 10
puthex_loop:
	clrldi 10,3,60
	cmpldi 10,10
	addi 10,10,48
	blt puthex_digit
	addi 10,10,39
puthex_digit:
	stbu 10,-1(11)
	srdi 3,3,4
	bdnz puthex_loop
	li 0,4
	li 3,1
	mr 4,11
	li 5,17
	sc
	li 4,0		# leave nothing derived from the stack address in a register
	li 11,0
	blr
# show: writes r14, r15 and r16 with puthex (by convention a result, then XER, then CR).
show:
	mflr 0
	std 0,-8(1)
	mr 3,14
	bl puthex
	mr 3,15
	bl puthex
	mr 3,16
	bl puthex
	ld 0,-8(1)
	mtlr 0
	blr
