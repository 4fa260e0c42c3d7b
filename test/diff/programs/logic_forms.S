# logical: and andc or orc xor nand nor eqv (+ record forms), andi. andis. ori oris xori xoris, not, nop, mr, mr.; results and CR0
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,0x0f0f
	ori 20,20,0x3c3c
	sldi 20,20,32
	oris 20,20,0xa5a5
	ori 20,20,0x00ff
	li 21,-1
	xoris 21,21,0x1234
	xori 21,21,0x5678
	rldicr 21,21,0,39
	mr 14,20
	mr 15,21
	li 16,0
	bl show
	and 14,20,21
	andc 15,20,21
	or 16,20,21
	bl show
	orc 14,20,21
	xor 15,20,21
	nand 16,20,21
	bl show
	nor 14,20,21
	eqv 15,20,21
	not 16,20
	bl show
	# record forms: and. giving zero, or. negative, xor. positive
	li 4,0x0f0
	li 5,0x00f
	and. 14,4,5
	mfcr 15
	or. 16,21,4
	mfcr 17
	xor. 18,20,21
	mfcr 19
	bl show
	mr 14,17
	mr 15,18
	mr 16,19
	bl show
	andc. 14,20,20
	mfcr 15
	nor. 16,20,20
	mfcr 17
	eqv. 18,20,20
	mfcr 19
	bl show
	mr 14,17
	mr 15,18
	mr 16,19
	bl show
	nand. 14,21,21
	mfcr 15
	orc. 16,20,20
	mfcr 17
	mr 14,14
	bl show
	mr 14,17
	# immediates: andi. andis. ori oris xori xoris
	andi. 15,20,0x8001
	mfcr 16
	bl show
	andis. 14,20,0xa5a5
	mfcr 15
	andis. 16,20,0x5a5a
	mfcr 17
	bl show
	mr 14,17
	ori 15,20,0xffff
	oris 16,20,0x8000
	bl show
	xori 14,20,0xffff
	xoris 15,20,0xffff
	nop
	ori 0,0,0
	mr. 16,20
	mfcr 17
	bl show
	mr 14,17
	li 4,0
	mr. 15,4
	mfcr 16
	bl show
	xor 3,20,21
	srdi 3,3,56
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
