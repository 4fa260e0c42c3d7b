# a jump table of code addresses in .data (.quad labels resolved by the linker), dispatched with ld/mtctr/bctr for every index, and a table of call targets dispatched with bctrl
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
jt:
	.quad case0, case1, case2, case3
ft:
	.quad f_add, f_mul, f_xor
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,jt@ha
	addi 20,20,jt@l
	li 21,0
	li 22,0
dispatch:
	sldi 5,21,3
	ldx 6,20,5
	mtctr 6
	bctr
case0:
	addi 22,22,1
	b next
case1:
	sldi 22,22,4
	b next
case2:
	xori 22,22,0x55
	b next
case3:
	neg 22,22
next:
	addi 21,21,1
	cmpdi 21,4
	blt dispatch
	mr 14,22
	# calls through a function table, result threaded through r3
	lis 20,ft@ha
	addi 20,20,ft@l
	li 3,6
	li 4,7
	li 21,0
calls:
	sldi 5,21,3
	ldx 6,20,5
	mtctr 6
	li 4,7
	bctrl
	addi 21,21,1
	cmpdi 21,3
	blt calls
	mr 15,3
	ld 16,8(20)
	lis 4,f_mul@h
	ori 4,4,f_mul@l
	sub 16,16,4
	bl show
	li 0,1
	mr 3,15
	sc
f_add:
	add 3,3,4
	blr
f_mul:
	mullw 3,3,4
	blr
f_xor:
	xor 3,3,4
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
