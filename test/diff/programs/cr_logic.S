# condition register logic: crand cror crxor crnand crnor creqv crandc crorc, crset crclr crmove crnot, mcrf, with numeric and 4*crN+cond operands; printed by mfcr
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# a known CR pattern: 0x9c3a5f06
	lis 20,0x9c3a
	ori 20,20,0x5f06
	mtcr 20
	crand 0,1,2
	cror 4*cr1+gt,4*cr2+lt,4*cr2+gt
	crxor 10,0,3
	crnand 11,8,9
	mfcr 14
	mtcr 20
	crnor 4*cr3+lt,4*cr3+gt,4*cr4+eq
	creqv 13,14,15
	crandc 16,17,18
	crorc 19,20,21
	mfcr 15
	mtcr 20
	crset 4*cr5+eq
	crclr 4*cr0+lt
	crmove 4*cr6+so,4*cr7+lt
	crnot 4*cr7+gt,4*cr7+gt
	crnot 31,29
	mfcr 16
	bl show
	mtcr 20
	mcrf 0,7
	mcrf cr7,cr1
	mcrf 3,3
	mfcr 14
	# crxor of a bit with itself clears it; creqv sets it
	mtcr 20
	crxor 0,0,0
	creqv 4,4,4
	crand 31,31,31
	cror 30,30,30
	mfcr 15
	# all eight fields through mcrf into cr0 and a branch on the result
	mtcr 20
	li 16,0
	mcrf 0,2
	bng nogt
	ori 16,16,1
nogt:
	mcrf 0,4
	bne noeq
	ori 16,16,2
noeq:
	mcrf 0,5
	bnl nolt
	ori 16,16,4
nolt:
	bl show
	li 0,1
	li 3,0x1f
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
