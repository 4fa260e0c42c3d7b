# VSX 16-byte moves: lxv/stxv, lxvd2x/stxvd2x, lxvx/stxvx round trips and mixed layouts (lxvd2x then stxv swaps doublewords), vs0..vs63
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 4
src:
	.byte 0x00,0x01,0x02,0x03,0x04,0x05,0x06,0x07
	.byte 0x08,0x09,0x0a,0x0b,0x0c,0x0d,0x0e,0x0f
	.byte 0xf0,0xe1,0xd2,0xc3,0xb4,0xa5,0x96,0x87
	.byte 0x78,0x69,0x5a,0x4b,0x3c,0x2d,0x1e,0x0f
dst:
	.space 96
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
	# same-kind round trips keep the bytes
	lxv 0,0(20)
	stxv 0,0(21)
	li 5,0
	lxvd2x 33,20,5
	li 6,16
	stxvd2x 33,21,6
	ld 14,0(21)
	ld 15,8(21)
	ld 16,24(21)
	bl show
	# mixed: lxvd2x then stxv, lxv then stxvd2x
	li 5,16
	lxvd2x vs40,20,5
	stxv vs40,32(21)
	lxv vs63,16(20)
	li 6,48
	stxvd2x vs63,21,6
	ld 14,32(21)
	ld 15,40(21)
	ld 16,48(21)
	bl show
	ld 14,56(21)
	# lxvx/stxvx (indexed, whole-vector element order) and a negative lxv displacement
	li 5,16
	lxvx 2,20,5
	li 6,64
	stxvx 2,21,6
	addi 7,21,96
	lxv 3,-96(7)
	stxv 3,80(21)
	ld 15,64(21)
	ld 16,80(21)
	bl show
	ld 14,72(21)
	ld 15,88(21)
	li 16,0
	bl show
	lbz 3,40(21)
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
