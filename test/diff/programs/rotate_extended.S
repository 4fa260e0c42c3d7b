# extended rotate/shift mnemonics: slwi srwi sldi srdi clrldi clrrdi clrlwi clrrwi rotldi rotlwi rotld rotlw rotrdi rotrwi extlwi extrwi extldi extrdi insrwi insrdi clrlslwi clrlsldi
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
	slwi 14,20,4
	srwi 15,20,4
	sldi 16,20,4
	bl show
	srdi 14,20,4
	clrldi 15,20,36
	clrrdi 16,20,12
	bl show
	clrlwi 14,20,20
	clrrwi 15,20,20
	rotldi 16,20,20
	bl show
	rotlwi 14,20,20
	li 5,20
	rotld 15,20,5
	rotlw 16,20,5
	bl show
	rotrdi 14,20,8
	rotrwi 15,20,8
	extlwi 16,20,8,4
	bl show
	extrwi 14,20,8,4
	extldi 15,20,16,8
	extrdi 16,20,16,8
	bl show
	li 14,-1
	insrwi 14,20,8,4
	li 15,0
	insrdi 15,20,16,8
	clrlslwi 16,20,16,4
	bl show
	clrlsldi 14,20,48,8
	slwi. 15,20,31
	mfcr 16
	bl show
	srdi. 14,20,63
	mfcr 15
	rotlwi. 16,20,16
	mfcr 17
	bl show
	mr 14,17
	li 15,0
	li 16,0
	bl show
	extrwi 3,20,8,8
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
