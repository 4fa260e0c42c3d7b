# byte and halfword loads: lbz lbzu lbzx lbzux lhz lhzu lhzx lhzux lha lhau lhax lhaux (zero vs sign extension, updated base register)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
bytes:
	.byte 0x81,0x02,0xf3,0x74,0x85,0x96,0x07,0xe8
	.byte 0x11,0xa2,0x33,0xc4,0x55,0x66,0x77,0x88
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,bytes@ha
	addi 20,20,bytes@l
	lbz 14,0(20)
	lbz 15,3(20)
	li 5,9
	lbzx 16,20,5
	bl show
	mr 21,20
	lbzu 14,5(21)
	sub 15,21,20
	li 5,2
	lbzux 16,21,5
	sub 17,21,20
	bl show
	mr 14,17
	# halfwords: 0x0281 at +0, 0x96 85 at +4
	lhz 15,0(20)
	lhz 16,4(20)
	bl show
	lha 14,0(20)
	lha 15,4(20)
	li 5,10
	lhax 16,20,5
	bl show
	mr 21,20
	lhzu 14,12(21)
	sub 15,21,20
	li 5,-10
	lhzux 16,21,5
	sub 17,21,20
	bl show
	mr 14,17
	mr 21,20
	lhau 15,6(21)
	sub 16,21,20
	bl show
	li 5,4
	lhaux 14,21,5
	sub 15,21,20
	li 5,14
	lhzx 16,20,5
	bl show
	# negative displacement from a base past the data
	addi 21,20,16
	lbz 14,-1(21)
	lha 15,-6(21)
	lhz 16,-16(21)
	bl show
	lbz 3,2(20)
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
