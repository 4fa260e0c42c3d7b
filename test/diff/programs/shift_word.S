# word shifts slw srw sraw srawi (+ record forms) with amounts 0, 1, 31, 32, 33, 63 and sraw/srawi carry (CA/CA32)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,0x8765
	ori 20,20,0x4321
	oris 20,20,0
	li 4,0x55
	sldi 4,4,40
	or 20,20,4
	# slw/srw by 0, 4, 31, 32, 63
	li 5,4
	slw 14,20,5
	srw 15,20,5
	li 5,0
	slw 16,20,5
	bl show
	li 5,31
	slw 14,20,5
	srw 15,20,5
	li 5,32
	slw 16,20,5
	bl show
	li 5,32
	srw 14,20,5
	li 5,63
	slw 15,20,5
	li 5,0x61
	slw 16,20,5
	bl show
	# record forms
	li 5,8
	slw. 14,20,5
	mfcr 15
	li 5,40
	srw. 16,20,5
	mfcr 17
	bl show
	mr 14,17
	# sraw: negative word shifted right, ones shifted out -> CA
	li 0,0
	mtxer 0
	li 5,4
	sraw 15,20,5
	mfxer 16
	bl show
	li 0,0
	mtxer 0
	lis 4,-1
	ori 4,4,0xff00
	li 5,4
	sraw 14,4,5
	mfxer 15
	li 5,32
	sraw. 16,20,5
	bl show
	mfxer 14
	mfcr 15
	li 0,0
	mtxer 0
	li 5,63
	lis 4,0x7000
	sraw 16,4,5
	bl show
	mfxer 14
	li 0,0
	mtxer 0
	li 5,31
	sraw 15,20,5
	mfxer 16
	bl show
	# srawi with CA set and clear, record form, shift 0
	li 0,0
	mtxer 0
	srawi 14,20,1
	mfxer 15
	srawi 16,20,0
	bl show
	mfxer 14
	li 0,0
	mtxer 0
	lis 4,-2
	srawi. 15,4,16
	mfcr 16
	bl show
	mfxer 14
	li 4,100
	srawi 15,4,31
	mfxer 16
	bl show
	li 5,3
	srw 3,20,5
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
