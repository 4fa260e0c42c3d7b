# ldarx/stdcx.: failure without a reservation, success after ldarx, EH operand, a compare-and-swap loop that fails once on a mismatch
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
cell:
	.quad 0x1111111122222222
	.quad 0
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,cell@ha
	addi 20,20,cell@l
	li 4,-1
	stdcx. 4,0,20
	mfcr 14
	ld 15,0(20)
	ldarx 5,0,20,0
	not 5,5
	stdcx. 5,0,20
	mfcr 16
	bl show
	ld 14,0(20)
	li 4,3
	stdcx. 4,0,20
	mfcr 15
	ld 16,0(20)
	bl show
	# compare-and-swap: expect 5, find something else -> no store, report the found value
	li 21,5
	li 22,77
	ldarx 4,0,20,1
	cmpd 4,21
	bne casfail
	stdcx. 22,0,20
	li 14,1
	b casdone
casfail:
	mr 14,4
casdone:
	# compare-and-swap with the right expected value on the second cell
	li 5,8
	li 21,0
	ldarx 4,20,5
	cmpd 4,21
	bne casfail2
	stdcx. 22,20,5
	mfcr 15
	b casdone2
casfail2:
	li 15,-1
casdone2:
	ld 16,8(20)
	bl show
	ld 3,8(20)
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
