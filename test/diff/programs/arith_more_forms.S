# the remaining o/./o. arithmetic forms: addco addco. adde. addeo addze. addzeo addme addmeo. subfo subfco. subfeo subfzeo subfzeo. subfme. subfmeo mullwo divwuo divdo mulhd. not.; each with XER and CR
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 4,-1
	srdi 4,4,1
	li 5,1
	addco 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,-1
	li 5,1
	addco. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	li 5,-1
	adde. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,1
	rotrdi 4,4,1
	addeo 14,4,4
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,-1
	addic 6,4,1
	li 4,-1
	addze. 14,4
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	srdi 4,4,1
	addzeo 14,4
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,5
	addme 14,4
	mfxer 15
	li 4,1
	rotrdi 4,4,1
	addmeo. 16,4
	mfcr 17
	bl show
	mr 14,17
	mfxer 15
	li 0,0
	mtxer 0
	li 4,1
	li 5,1
	rotrdi 5,5,1
	subfo 16,4,5
	bl show
	mfxer 14
	li 0,0
	mtxer 0
	li 4,7
	li 5,7
	subfco. 15,4,5
	mfcr 16
	bl show
	mfxer 14
	li 0,0
	mtxer 0
	li 4,1
	li 5,1
	rotrdi 5,5,1
	subfeo 15,4,5
	mfxer 16
	bl show
	li 0,0
	mtxer 0
	li 4,1
	rotrdi 4,4,1
	not 4,4
	subfzeo 14,4
	mfxer 15
	li 4,0
	subfzeo. 16,4
	mfcr 17
	bl show
	mr 14,17
	mfxer 15
	li 0,0
	mtxer 0
	li 4,3
	subfme. 16,4
	mfcr 18
	bl show
	mr 14,18
	mfxer 15
	li 0,0
	mtxer 0
	li 4,1
	rotrdi 4,4,1
	not 4,4
	addi 4,4,0
	li 5,-1
	xor 4,4,5
	subfmeo 16,4
	bl show
	mfxer 14
	li 0,0
	mtxer 0
	lis 4,0x4000
	li 5,2
	mullwo 15,4,5
	mfxer 16
	bl show
	li 0,0
	mtxer 0
	li 4,100
	li 5,0
	divwuo 14,4,5
	mfxer 15
	li 0,0
	mtxer 0
	li 4,-100
	li 5,7
	divdo 16,4,5
	bl show
	mfxer 14
	li 4,-1
	li 5,1
	mulhd. 15,4,5
	mfcr 16
	bl show
	li 4,0
	not. 14,4
	mfcr 15
	not 16,4
	bl show
	li 0,1
	li 3,5
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
