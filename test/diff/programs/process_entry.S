# process entry state: r0, r2-r13, LR, CTR and XER as the loader leaves them (r12 = entry point for
# ELFv2), r1 16-byte aligned, argc = 1 and argv[1] = NULL on the stack (CR is not printed: qemu-user
# does not start with CR = 0)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	std 0,-400(1)
	std 2,-392(1)
	std 3,-384(1)
	std 4,-376(1)
	std 5,-368(1)
	std 6,-360(1)
	std 7,-352(1)
	std 8,-344(1)
	std 9,-336(1)
	std 10,-328(1)
	std 11,-320(1)
	std 12,-312(1)
	std 13,-304(1)
	mflr 4
	std 4,-296(1)
	mfctr 4
	std 4,-288(1)
	mfxer 4
	std 4,-280(1)
	clrldi 4,1,60
	std 4,-272(1)
	addi 20,1,-400
	li 21,17
entry_loop:
	ld 3,0(20)
	bl puthex
	addi 20,20,8
	addi 21,21,-1
	cmpdi 21,0
	bne entry_loop
	# argc and argv[1]
	ld 3,0(1)
	bl puthex
	ld 3,16(1)
	bl puthex
	li 0,1
	li 3,0
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
