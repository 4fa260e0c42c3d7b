# what a system call leaves in the other registers: r4-r12, r0, CTR, LR, XER and CR fields 1-7 after sched_yield; bctr ignores the low two bits of CTR; read into .text (not writable) fails with EFAULT
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 0,158
	li 4,4
	li 5,5
	li 6,6
	li 7,7
	li 8,8
	li 9,9
	li 10,10
	li 11,11
	li 12,12
	li 3,0x77
	mtctr 3
	lis 3,0x1234
	mtcrf 0x7f,3
	sc
	mr 14,3
	sldi 15,4,4
	or 15,15,5
	sldi 15,15,4
	or 15,15,6
	sldi 15,15,4
	or 15,15,7
	sldi 15,15,4
	or 15,15,8
	sldi 15,15,4
	or 15,15,9
	sldi 15,15,4
	or 15,15,10
	sldi 15,15,4
	or 15,15,11
	sldi 15,15,4
	or 15,15,12
	sldi 15,15,8
	or 15,15,0
	mfctr 16
	mfcr 17
	mfxer 18
	bl show
	mr 14,17
	mr 15,18
	li 16,0
	bl show
	# bctr to a target with the low two bits set in CTR
	lis 4,aligned@h
	ori 4,4,aligned@l
	ori 4,4,3
	mtctr 4
	li 14,1
	bctr
	li 14,2
aligned:
	mfctr 15
	li 16,0
	bl show
	# read(0, _start, 4) with stdin available: the destination is not writable
	li 0,3
	li 3,0
	lis 4,_start@h
	ori 4,4,_start@l
	li 5,4
	sc
	mr 14,3
	mfcr 15
	rlwinm 15,15,0,3,3
	lis 4,_start@h
	ori 4,4,_start@l
	lwz 16,0(4)
	bl show
	li 0,1
	li 3,12
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
