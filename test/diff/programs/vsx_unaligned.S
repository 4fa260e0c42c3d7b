# VSX moves at unaligned addresses (lxvd2x/stxvd2x/lxvx/stxvx at odd offsets, lxv/stxv on 16-byte multiples from an odd base), upper registers vs32-vs63 kept apart from vs0-vs31
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 4
src:
	.byte 0x10,0x11,0x12,0x13,0x14,0x15,0x16,0x17,0x18,0x19,0x1a,0x1b,0x1c,0x1d,0x1e,0x1f
	.byte 0x20,0x21,0x22,0x23,0x24,0x25,0x26,0x27,0x28,0x29,0x2a,0x2b,0x2c,0x2d,0x2e,0x2f
	.byte 0x30,0x31,0x32,0x33,0x34,0x35,0x36,0x37,0x38,0x39,0x3a,0x3b,0x3c,0x3d,0x3e,0x3f
dst:
	.space 64, 0xee
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
	li 5,3
	lxvd2x 1,20,5
	li 6,5
	stxvd2x 1,21,6
	li 5,7
	lxvx 33,20,5
	li 6,29
	stxvx 33,21,6
	# vs1 and vs33 are different registers
	stxv 1,48(21)
	ld 14,0(21)
	ld 15,8(21)
	ld 16,16(21)
	bl show
	ld 14,24(21)
	ld 15,32(21)
	ld 16,40(21)
	bl show
	ld 14,48(21)
	ld 15,56(21)
	# lxv from an odd base with a displacement that is a multiple of 16
	addi 4,20,1
	lxv 40,16(4)
	addi 4,21,-13
	stxv 40,16(4)
	ld 16,0(21)
	bl show
	ld 14,8(21)
	li 15,0
	li 16,0
	bl show
	li 0,1
	lbz 3,9(21)
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
