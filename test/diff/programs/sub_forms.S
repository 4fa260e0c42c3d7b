# subtract family: subf/subfc/subfe/subfze/subfme/subfic/neg with o and . forms and the sub/subc/subi/subis/subic extended mnemonics; result, XER, CR
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# subf: rb - ra; sub rd,ra,rb = ra - rb
	li 4,7
	li 5,10
	subf 14,4,5
	sub 15,4,5
	subf. 16,5,4
	bl show
	mfcr 14
	mfxer 15
	li 16,0
	bl show
	# subfo.: INT64_MIN - 1 overflows
	li 4,1
	li 5,1
	rotrdi 5,5,1
	subfo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# subfc: CA = no borrow; 5 - 3 (CA=1) and 3 - 5 (CA=0)
	li 0,0
	mtxer 0
	li 4,3
	li 5,5
	subfc 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,5
	li 5,3
	subfc. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,3
	li 5,5
	subc 14,5,4
	mfxer 15
	subfco 16,4,5
	bl show
	# subfe: ~ra + rb + CA, with CA clear then set
	li 0,0
	mtxer 0
	li 4,3
	li 5,10
	subfe 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	addic 6,4,1
	li 4,3
	li 5,10
	subfe. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# subfeo: overflow case 0x7fff.. - (-1)
	li 0,0
	mtxer 0
	li 4,-1
	addic 6,4,1
	li 5,-1
	srdi 5,5,1
	li 4,-1
	subfeo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# subfze: ~ra + CA
	li 0,0
	mtxer 0
	li 4,5
	subfze 14,4
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	addic 6,4,1
	li 4,0
	subfze. 14,4
	mfxer 15
	mfcr 16
	bl show
	# subfme: ~ra + CA - 1
	li 0,0
	mtxer 0
	li 4,5
	subfme 14,4
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	addic 6,4,1
	li 4,-1
	subfmeo. 14,4
	mfxer 15
	mfcr 16
	bl show
	# subfic: imm - ra, CA
	li 0,0
	mtxer 0
	li 4,100
	subfic 14,4,-1
	mfxer 15
	li 4,100
	subfic 16,4,50
	bl show
	mfxer 14
	li 15,0
	li 16,0
	bl show
	# neg, nego. of INT64_MIN, neg. of zero
	li 0,0
	mtxer 0
	li 4,42
	neg 14,4
	li 4,1
	rotrdi 4,4,1
	nego. 15,4
	mfxer 16
	bl show
	li 4,0
	neg. 14,4
	mfcr 15
	li 4,1
	rotldi 4,4,31
	nego 16,4
	bl show
	mfxer 14
	li 15,0
	li 16,0
	bl show
	# subi, subis, subic, subic.
	li 0,0
	mtxer 0
	li 4,10
	subi 14,4,20
	subis 15,4,1
	subic 16,4,10
	bl show
	mfxer 14
	li 4,0
	subic. 15,4,1
	mfcr 16
	bl show
	mfxer 3
	li 0,1
	rldicl 3,3,36,60
	addi 3,3,40
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
