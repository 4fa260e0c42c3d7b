# doubleword shifts sld srd srad sradi (+ record forms) with amounts 0..127 and srad/sradi carry
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
	sldi 20,20,32
	oris 20,20,0x0fed
	ori 20,20,0xcba9
	li 5,4
	sld 14,20,5
	srd 15,20,5
	li 5,0
	sld 16,20,5
	bl show
	li 5,63
	sld 14,20,5
	srd 15,20,5
	li 5,64
	sld 16,20,5
	bl show
	li 5,64
	srd 14,20,5
	li 5,127
	sld 15,20,5
	li 5,0x8c
	srd 16,20,5
	bl show
	li 5,36
	sld. 14,20,5
	mfcr 15
	li 5,64
	srd. 16,20,5
	mfcr 17
	bl show
	mr 14,17
	# srad: CA when a negative value loses one bits
	li 0,0
	mtxer 0
	li 5,8
	srad 15,20,5
	mfxer 16
	bl show
	li 0,0
	mtxer 0
	li 5,64
	srad. 14,20,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,0x7ff
	li 5,100
	srad 14,4,5
	mfxer 15
	li 4,-256
	li 5,8
	srad 16,4,5
	bl show
	mfxer 14
	# sradi 0, 1, 63, record form
	li 0,0
	mtxer 0
	sradi 15,20,63
	mfxer 16
	bl show
	li 0,0
	mtxer 0
	sradi 14,20,0
	mfxer 15
	li 16,0
	bl show
	li 0,0
	mtxer 0
	sradi. 14,20,33
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	sradi 14,4,1
	mfxer 15
	li 16,0
	bl show
	mfxer 14
	li 5,60
	srd 3,20,5
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
