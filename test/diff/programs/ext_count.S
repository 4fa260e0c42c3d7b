# extsb extsh extsw (+ record forms), cntlzw cntlzd (+ record, incl. zero), popcntb popcntw popcntd, cmpb
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
	ori 20,20,0x80f6
	sldi 20,20,16
	ori 20,20,0x7f85
	extsb 14,20
	extsh 15,20
	extsw 16,20
	bl show
	li 4,0x7f
	extsb. 14,4
	mfcr 15
	li 4,0x180
	extsb. 16,4
	mfcr 17
	bl show
	mr 14,17
	lis 4,0x8000
	extsw. 15,4
	mfcr 16
	bl show
	li 4,-32768
	extsh. 14,4
	mfcr 15
	li 16,0
	bl show
	# count leading zeros
	li 4,1
	cntlzw 14,4
	cntlzd 15,4
	li 4,0
	cntlzw 16,4
	bl show
	li 4,0
	cntlzd. 14,4
	mfcr 15
	lis 4,-1
	cntlzw. 16,4
	mfcr 17
	bl show
	mr 14,17
	li 4,1
	sldi 4,4,40
	cntlzw 15,4
	cntlzd 16,4
	bl show
	# population counts
	lis 4,0x7f03
	ori 4,4,0x0100
	sldi 4,4,32
	oris 4,4,0xffff
	ori 4,4,0x8001
	mr 20,4
	popcntb 14,20
	popcntw 15,20
	popcntd 16,20
	bl show
	li 4,-1
	popcntd 14,4
	popcntw 15,4
	li 4,0
	popcntb 16,4
	bl show
	# cmpb: 0xff in each byte that matches
	lis 4,0x4142
	ori 4,4,0x4344
	sldi 4,4,32
	oris 4,4,0x4546
	ori 4,4,0x4748
	lis 5,0x4100
	ori 5,5,0x4300
	sldi 5,5,32
	oris 5,5,0x4500
	ori 5,5,0x4748
	cmpb 14,4,5
	cmpb 15,4,4
	li 6,0
	cmpb 16,4,6
	bl show
	popcntd 3,20
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
