# bit manipulation idioms: lowest set bit (x & -x), clear lowest (x & (x-1)), log2 via cntlzd, parity via popcntb, byte swap via rotates/rlwimi, sign mask via sradi, abs without branches
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,0x0123
	ori 20,20,0x4560
	sldi 20,20,24
	oris 20,20,0x89ab
	neg 4,20
	and 14,20,4
	addi 4,20,-1
	and 15,20,4
	cntlzd 4,20
	subfic 16,4,63
	bl show
	# parity of each byte from popcntb
	popcntb 4,20
	lis 5,0x0101
	ori 5,5,0x0101
	rldimi 5,5,32,0
	and 14,4,5
	# 32-bit byte swap of 0x11223344 with rotlwi + rlwimi
	lis 4,0x1122
	ori 4,4,0x3344
	rotlwi 15,4,8
	rlwimi 15,4,24,0,7
	rlwimi 15,4,24,16,23
	# branchless abs: (x ^ m) - m with m = x >> 63
	li 4,-12345
	sradi 5,4,63
	xor 6,4,5
	subf 16,5,6
	bl show
	# count trailing zeros via popcnt((x & -x) - 1), and a rotate by a register amount
	neg 4,20
	and 4,20,4
	addi 4,4,-1
	popcntd 14,4
	li 5,-20
	rotld 15,20,5
	li 5,13
	rotlw 16,20,5
	bl show
	li 0,1
	mr 3,14
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
