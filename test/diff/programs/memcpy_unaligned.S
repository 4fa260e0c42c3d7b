# copies with byte (lbzu/stbu), halfword, unaligned doubleword (ld/std at odd addresses, ldu/stdu) and backwards loops; prints the destination
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
src:
	.ascii "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!?"
dst:
	.space 80
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,src@ha
	addi 20,20,src@l
	lis 21,dst@ha
	addi 21,21,dst@l
	# 3 bytes with lbzu/stbu (pre-decremented pointers)
	addi 4,20,-1
	addi 5,21,-1
	li 6,3
	mtctr 6
bytes:
	lbzu 7,1(4)
	stbu 7,1(5)
	bdnz bytes
	# 5 doublewords from src+3 to dst+3 (both unaligned) with ldu/stdu
	addi 4,20,3-8
	addi 5,21,3-8
	li 6,5
	mtctr 6
dwords:
	ldu 7,8(4)
	stdu 7,8(5)
	bdnz dwords
	# 10 halfwords backwards from the end: src+43..62 to dst+43..62
	addi 4,20,63
	addi 5,21,63
	li 6,10
	mtctr 6
halves:
	lhzu 7,-2(4)
	sthu 7,-2(5)
	bdnz halves
	# the last two bytes and a newline
	lhz 7,63(20)
	sth 7,63(21)
	li 7,10
	stb 7,65(21)
	li 0,4
	li 3,1
	mr 4,21
	li 5,66
	sc
	ld 14,0(21)
	li 4,43
	ldx 15,21,4
	ld 16,56(21)
	bl show
	li 0,1
	lbz 3,42(21)
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
