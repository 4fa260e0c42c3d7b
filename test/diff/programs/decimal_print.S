# prints signed decimal numbers: divdu/mulld digit extraction, neg, a stack buffer, INT64_MIN and zero edge cases
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
nums:
	.quad 0, 7, -7, 1234567890123, -9223372036854775808, 9223372036854775807, 100, -1
	.set COUNT, 8
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,nums@ha
	addi 20,20,nums@l
	li 21,0
nextnum:
	sldi 5,21,3
	ldx 3,20,5
	bl putdec
	addi 21,21,1
	cmpdi 21,COUNT
	blt nextnum
	li 0,1
	li 3,COUNT
	sc

# putdec: writes r3 as a signed decimal number and a newline (uses 32 bytes below r1)
putdec:
	addi 11,1,-8
	li 10,10
	stb 10,0(11)
	mr 9,3
	cmpdi 3,0
	bge pd_pos
	neg 3,3
pd_pos:
	li 8,10
pd_loop:
	divdu 6,3,8
	mulld 7,6,8
	subf 7,7,3
	addi 7,7,'0'
	stbu 7,-1(11)
	mr 3,6
	cmpdi 3,0
	bne pd_loop
	cmpdi 9,0
	bge pd_write
	li 7,'-'
	stbu 7,-1(11)
pd_write:
	addi 5,1,-7
	subf 5,11,5
	mr 4,11
	li 0,4
	li 3,1
	sc
	li 4,0
	li 11,0
	blr

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
