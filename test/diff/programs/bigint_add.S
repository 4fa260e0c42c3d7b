# 256-bit addition and subtraction with carry chains (addc/adde/addze, subfc/subfe/subfze) over four limbs; all limbs and the final carry printed
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
a:
	.quad 0xffffffffffffffff, 0xffffffffffffffff, 0x0000000000000001, 0x8000000000000000
b:
	.quad 0x0000000000000001, 0x0000000000000000, 0xffffffffffffffff, 0x7fffffffffffffff
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,a@ha
	addi 20,20,a@l
	lis 21,b@ha
	addi 21,21,b@l
	# sum = a + b, limb 0 least significant
	ld 4,0(20)
	ld 5,0(21)
	addc 22,4,5
	ld 4,8(20)
	ld 5,8(21)
	adde 23,4,5
	ld 4,16(20)
	ld 5,16(21)
	adde 24,4,5
	ld 4,24(20)
	ld 5,24(21)
	adde 25,4,5
	li 26,0
	addze 26,26
	mr 14,22
	mr 15,23
	mr 16,24
	bl show
	mr 14,25
	mr 15,26
	li 16,0
	bl show
	# diff = b - a (borrow out when a > b)
	ld 4,0(20)
	ld 5,0(21)
	subfc 22,4,5
	ld 4,8(20)
	ld 5,8(21)
	subfe 23,4,5
	ld 4,16(20)
	ld 5,16(21)
	subfe 24,4,5
	ld 4,24(20)
	ld 5,24(21)
	subfe 25,4,5
	li 26,0
	subfze 26,26
	mr 14,22
	mr 15,23
	mr 16,24
	bl show
	mr 14,25
	mr 15,26
	mfxer 16
	bl show
	li 0,1
	mr 3,24
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
