# divide: divw divwu divd divdu with o and . forms, negatives, by zero and INT_MIN/-1 (prints what the reference gives); result, XER, CR
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# signed word division truncates toward zero
	li 4,-100
	li 5,7
	divw 14,4,5
	divwu 15,4,5
	li 4,100
	li 5,-7
	divw. 16,4,5
	bl show
	# unsigned word: 0xfffffff0 / 3
	li 4,-16
	li 5,3
	divwu. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# by zero, o forms
	li 0,0
	mtxer 0
	li 4,55
	li 5,0
	divwo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,55
	li 5,0
	divwuo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# INT32_MIN / -1
	li 0,0
	mtxer 0
	lis 4,-32768
	li 5,-1
	divwo 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	lis 4,-32768
	li 5,-1
	divw. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# ordinary divwo: no overflow clears OV but keeps SO
	li 4,1000
	li 5,10
	divwo 14,4,5
	mfxer 15
	li 4,-1000
	li 5,10
	divwo. 16,4,5
	bl show
	# doubleword
	li 0,0
	mtxer 0
	li 4,-1
	li 5,10
	divd 14,4,5
	divdu 15,4,5
	li 4,-12345
	sldi 4,4,20
	li 5,-99
	divd. 16,4,5
	bl show
	li 4,0
	li 5,0
	divdo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,7
	li 5,0
	divduo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,1
	rotrdi 4,4,1
	li 5,-1
	divdo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,1
	rotrdi 4,4,1
	li 5,-1
	divdu. 14,4,5
	mfxer 15
	divduo 16,4,5
	bl show
	# exit with a quotient: 250 / 3 = 83
	li 4,250
	li 5,3
	divwu 3,4,5
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
