# doubleword rotates rldicl rldicr rldic rldimi rldcl rldcr (+ record forms) with edge masks
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,0x1234
	ori 20,20,0x5678
	sldi 20,20,32
	oris 20,20,0x9abc
	ori 20,20,0xdef0
	rldicl 14,20,8,0
	rldicl 15,20,60,4
	rldicl 16,20,0,63
	bl show
	rldicr 14,20,4,63
	rldicr 15,20,0,0
	rldicr 16,20,12,31
	bl show
	rldic 14,20,8,8
	rldic 15,20,60,0
	rldic 16,20,32,40
	bl show
	li 14,-1
	rldimi 14,20,16,16
	li 15,0
	rldimi 15,20,0,48
	lis 16,0x7777
	rldimi 16,20,48,8
	bl show
	li 5,68
	rldcl 14,20,5,0
	li 5,32
	rldcl 15,20,5,32
	li 5,124
	rldcr 16,20,5,55
	bl show
	rldicl. 14,20,1,63
	mfcr 15
	rldicr. 16,20,0,2
	mfcr 17
	bl show
	mr 14,17
	rldic. 15,20,0,60
	mfcr 16
	bl show
	li 5,4
	rldcl. 14,20,5,0
	mfcr 15
	rldcr. 16,20,5,3
	mfcr 17
	bl show
	mr 14,17
	li 15,0
	rldimi. 15,20,0,60
	mfcr 16
	bl show
	rldicl 3,20,8,56
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
