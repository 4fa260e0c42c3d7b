# compares cmp cmpi cmpl cmpli and cmpd cmpw cmpdi cmpwi cmpld cmplw cmpldi cmplwi into cr0..cr7 (signed vs unsigned, word vs doubleword, SO copied), printed by mfcr
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 20,-1
	li 21,1
	lis 22,0x7fff
	sldi 22,22,16
	ori 22,22,5
	# signed vs unsigned on -1 and 1
	cmpd 20,21
	cmpld cr1,20,21
	cmpw cr2,20,21
	cmplw cr3,20,21
	cmpdi cr4,20,-1
	cmpldi cr5,21,0
	cmpwi cr6,21,2
	cmplwi cr7,20,0xffff
	mfcr 14
	# word compares see only the low word of 0x7fff00000005
	cmpw 22,21
	cmpd cr1,22,21
	cmplw cr2,22,21
	cmpwi cr3,22,5
	cmplwi cr4,22,5
	cmpdi cr5,22,5
	cmpldi cr6,22,0x8000
	cmpwi cr7,22,-32768
	mfcr 15
	# the base forms with explicit L operand
	cmp cr0,0,20,21
	cmp cr1,1,20,21
	cmpl cr2,0,20,21
	cmpl cr3,1,20,21
	cmpi cr4,0,22,5
	cmpi cr5,1,22,5
	cmpli cr6,0,20,65535
	cmpli cr7,1,20,65535
	mfcr 16
	bl show
	# SO from XER is copied into every compare result
	lis 4,0x8000
	mtxer 4
	cmpdi 21,1
	cmpw cr3,20,20
	cmpldi cr7,20,5
	mfcr 14
	li 0,0
	mtxer 0
	cmpw 7,21,20
	mfcr 15
	# numeric field operands and expressions
	cmpd 4*1/4+1,21,20
	cmpw 6,20,21
	cmplw 7-1+0,20,20
	mfcr 16
	bl show
	li 0,1
	li 3,3
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
