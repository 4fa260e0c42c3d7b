# word and doubleword loads: lwz lwzu lwzx lwzux lwa lwax lwaux ld ldu ldx ldux (sign extension, update, unaligned word)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
words:
	.long 0x89abcdef, 0x01234567, 0xfedcba98, 0x7f6e5d4c
	.quad 0x8877665544332211, 0x0102030405060708
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,words@ha
	addi 20,20,words@l
	lwz 14,0(20)
	lwa 15,0(20)
	li 5,4
	lwzx 16,20,5
	bl show
	li 5,8
	lwax 14,20,5
	lwa 15,12(20)
	mr 21,20
	lwzu 16,8(21)
	bl show
	sub 14,21,20
	li 5,4
	lwzux 15,21,5
	sub 16,21,20
	bl show
	li 5,-12
	lwaux 14,21,5
	sub 15,21,20
	# an unaligned word spans two longs
	lwz 16,2(20)
	bl show
	ld 14,16(20)
	ld 15,0(20)
	li 5,24
	ldx 16,20,5
	bl show
	mr 21,20
	ldu 14,8(21)
	sub 15,21,20
	li 5,16
	ldux 16,21,5
	bl show
	sub 14,21,20
	ld 15,-8(21)
	li 5,3
	ldx 16,20,5
	bl show
	lwz 3,28(20)
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
