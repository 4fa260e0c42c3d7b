# XER through mtxer/mfxer and mtspr/mfspr 1: the defined bits read back, SO stickiness, CA written by mtxer used by adde, LR/CTR via mtspr/mfspr 8/9
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# every defined bit: SO OV CA, OV32 CA32, and the byte count
	lis 4,0xe00c
	ori 4,4,0x7f
	mtxer 4
	mfxer 14
	lis 4,0x2000
	mtspr 1,4
	mfspr 15,1
	li 4,0x7f
	mtxer 4
	mfxer 16
	bl show
	# CA from mtxer feeds adde; adde rewrites CA
	lis 4,0x2000
	mtxer 4
	li 5,1
	li 6,2
	adde 14,5,6
	mfxer 15
	adde 16,5,6
	bl show
	# SO set by mtxer stays through a non-overflowing addo and is copied into cr0 by add.
	lis 4,0x8000
	mtxer 4
	li 5,1
	addo 14,5,5
	mfxer 15
	add. 16,5,5
	mfcr 17
	bl show
	mr 14,17
	# OV without SO from mtxer (not produced by hardware, but writable)
	lis 4,0x4000
	mtxer 4
	mfxer 15
	li 5,1
	addo 16,5,5
	mfxer 16
	bl show
	# OV32 and CA32 written directly
	lis 4,0x000c
	mtxer 4
	mfxer 14
	li 4,0
	mtxer 4
	mfxer 15
	li 16,0
	bl show
	# LR and CTR through the SPR numbers
	li 4,0x1234
	mtspr 8,4
	mflr 14
	li 4,0x5678
	mtspr 9,4
	mfctr 15
	mfspr 16,8
	bl show
	li 0,1
	li 3,1
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
