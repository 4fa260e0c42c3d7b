# multiply: mulli mullw mulhw mulhwu mulld mulhd mulhdu with o and . forms, negatives and overflow; result, XER, CR
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# mulli with negative immediate; mullw of negatives (64-bit product of the low words)
	li 4,1234
	mulli 14,4,-77
	li 4,-3
	li 5,7
	mullw 15,4,5
	mullw. 16,4,5
	bl show
	mfcr 14
	# mullw uses only the low 32 bits of the operands, result is the full 64-bit product
	lis 4,0x1234
	ori 4,4,0x5678
	sldi 4,4,8
	lis 5,0x0001
	ori 5,5,0x0003
	mullw 15,4,5
	li 16,0
	bl show
	# mullwo. overflows 32 bits: 0x10000 * 0x10000
	lis 4,1
	mullwo. 14,4,4
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,-4
	li 5,5
	mullwo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	lis 4,-32768
	lis 5,0x4000
	mulhw 14,4,5
	li 15,0
	li 16,0
	bl show
	# mulhw / mulhwu: high word of 32x32 product
	lis 4,-32768
	lis 5,0x4000
	mulhw 16,4,5
	bl show
	lis 4,-32768
	lis 5,0x4000
	mulhwu 14,4,5
	li 4,-1
	li 5,-1
	mulhw. 15,4,5
	mfcr 16
	bl show
	li 4,-1
	li 5,-1
	mulhwu. 14,4,5
	mfcr 15
	li 4,-7
	li 5,100
	mulhw 16,4,5
	bl show
	# mulld / mulhd / mulhdu
	li 4,-1
	srdi 4,4,4
	li 5,31
	mulld 14,4,5
	mulhd 15,4,5
	mulhdu 16,4,5
	bl show
	li 4,-1
	li 5,-1
	mulhdu 14,4,5
	mulhd 15,4,5
	mulld. 16,4,5
	bl show
	li 4,1
	rotrdi 4,4,1
	li 5,-1
	mulhd 14,4,5
	mulld 15,4,5
	mulhdu. 16,4,5
	bl show
	# mulldo: 0x1_0000_0000 squared overflows 64 bits
	li 0,0
	mtxer 0
	li 4,1
	sldi 4,4,32
	mulldo 14,4,4
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,-1
	srdi 4,4,1
	li 5,2
	mulldo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 0,0
	mtxer 0
	li 4,-3
	li 5,-5
	mulldo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,12345
	li 5,-9
	mulld 3,4,5
	neg 3,3
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
