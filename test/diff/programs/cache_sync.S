# dcbz zeroes the whole 128-byte line containing its address (memory around it printed); dcbf dcbst dcbt dcbtst icbi and sync isync lwsync hwsync eieio leave state unchanged
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 7
lines:
	.space 384
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,lines@ha
	addi 20,20,lines@l
	# fill three lines with distinct words: word i = i * 0x01010101 + 0x100
	li 4,96
	mtctr 4
	mr 5,20
	li 6,0x100
	lis 7,0x0101
	ori 7,7,0x0101
fill:
	stw 6,0(5)
	add 6,6,7
	addi 5,5,4
	bdnz fill
	# dcbz with an address in the middle of the second line (ra + rb form)
	li 5,128+60
	dcbz 20,5
	ld 14,120(20)
	ld 15,128(20)
	ld 16,248(20)
	bl show
	ld 14,256(20)
	# dcbz with ra = 0 (rb holds the full address) on the third line
	addi 5,20,256+127
	dcbz 0,5
	ld 15,256(20)
	ld 16,376(20)
	bl show
	# sum the 96 words: only the first line survives
	li 4,96
	mtctr 4
	mr 5,20
	li 14,0
sum:
	lwz 6,0(5)
	add 14,14,6
	addi 5,5,4
	bdnz sum
	# cache hints and barriers have no architected effect here
	li 5,8
	dcbf 20,5
	dcbst 20,5
	dcbt 20,5
	dcbtst 20,5
	icbi 20,5
	dcbf 0,20
	sync
	isync
	lwsync
	hwsync
	eieio
	sync 0
	ld 15,0(20)
	ld 16,8(20)
	bl show
	lbz 3,4(20)
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
