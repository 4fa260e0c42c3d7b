# recursive factorial and fibonacci with stack frames: stdu/ld/std, mflr/mtlr, bl/blr nesting; 20! and fib(16)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 3,20
	bl fact
	mr 14,3
	li 3,16
	bl fib
	mr 15,3
	li 3,1
	bl fact
	mr 16,3
	bl show
	li 3,0
	bl fib
	mr 14,3
	li 3,25
	bl fact
	mr 15,3
	li 3,12
	bl fact
	mr 16,3
	bl show
	li 0,1
	li 3,16
	bl fib
	mr 4,3
	li 0,1
	mr 3,4
	sc

# fact(n) = n <= 1 ? 1 : n * fact(n - 1)
fact:
	cmpdi 3,1
	bgt fact_rec
	li 3,1
	blr
fact_rec:
	mflr 0
	std 0,16(1)
	std 31,-8(1)
	stdu 1,-48(1)
	mr 31,3
	addi 3,3,-1
	bl fact
	mulld 3,3,31
	addi 1,1,48
	ld 0,16(1)
	ld 31,-8(1)
	mtlr 0
	blr

# fib(n) = n < 2 ? n : fib(n - 1) + fib(n - 2)
fib:
	cmpdi 3,2
	bltlr
	mflr 0
	std 0,16(1)
	std 30,-16(1)
	std 31,-8(1)
	stdu 1,-64(1)
	mr 31,3
	addi 3,3,-1
	bl fib
	mr 30,3
	addi 3,31,-2
	bl fib
	add 3,3,30
	ld 1,0(1)
	ld 0,16(1)
	ld 30,-16(1)
	ld 31,-8(1)
	mtlr 0
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
