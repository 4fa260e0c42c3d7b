# lwarx/stwcx.: stwcx. without a reservation fails (cr0), after lwarx to the same word it succeeds, a second stwcx. fails; an atomic add loop; memory printed
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
counter:
	.long 100, 0x55555555
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,counter@ha
	addi 20,20,counter@l
	# no reservation: the store must not happen
	li 4,7
	stwcx. 4,0,20
	mfcr 14
	lwz 15,0(20)
	# reserve, then store conditionally: succeeds
	lwarx 5,0,20
	addi 5,5,1
	stwcx. 5,0,20
	mfcr 16
	bl show
	lwz 14,0(20)
	# the reservation is gone after a successful stwcx.
	li 4,9
	stwcx. 4,0,20
	mfcr 15
	lwz 16,0(20)
	bl show
	# atomic add loop: add 5 three times
	li 17,3
addloop:
	lwarx 4,0,20
	addi 4,4,5
	stwcx. 4,0,20
	bne- addloop
	addi 17,17,-1
	cmpwi 17,0
	bne addloop
	lwz 14,0(20)
	# indexed form with ra != 0 and the EH hint operand
	li 5,4
	lwarx 6,20,5,1
	xori 6,6,0xffff
	stwcx. 6,20,5
	mfcr 15
	lwz 16,4(20)
	bl show
	lwz 3,0(20)
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
