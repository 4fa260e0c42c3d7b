# @l @h @ha @higher @highera @highest @highesta on symbols (+offsets) and constants; a 64-bit address built with lis/ori/rldicr/oris/ori; .quad/.long of symbols in .data
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.set BIG, 0x123456789abcdef0
	.data
	.p2align 3
table:
	.quad target, table+8, _start
	.long target, target+0x10
value:
	.quad 0x1122334455667788
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# full 64-bit address of value via the highest/higher/h/l parts
	lis 4,value@highest
	ori 4,4,value@higher
	rldicr 4,4,32,31
	oris 4,4,value@h
	ori 14,4,value@l
	ld 15,0(14)
	# the same with the adjusted (ha) forms and an offset
	lis 4,(value+0x8000)@highesta
	addi 4,4,(value+0x8000)@highera
	sldi 4,4,32
	addis 4,4,(value+0x8000)@ha
	addi 16,4,(value+0x8000)@l
	bl show
	# operators on a constant
	lis 14,BIG@highest
	ori 14,14,BIG@higher
	sldi 14,14,32
	oris 14,14,BIG@h
	ori 14,14,BIG@l
	lis 15,BIG@ha
	li 16,BIG@l
	bl show
	li 14,(BIG>>16)@l
	lis 15,0x9000@ha
	addi 15,15,0x9000@l
	li 16,BIG@highera
	bl show
	# the table holds addresses resolved by the linker
	lis 20,table@ha
	addi 20,20,table@l
	ld 14,0(20)
	ld 15,8(20)
	ld 16,16(20)
	bl show
	lwz 14,24(20)
	lwz 15,28(20)
	lis 16,target@ha
	addi 16,16,target@l
	bl show
	li 0,1
	li 3,(value-table)
	sc
target:
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
