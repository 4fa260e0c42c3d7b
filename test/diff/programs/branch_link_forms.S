# more LR forms: bcl 20,31 to read the PC, bcl with a false condition (LR still set), beqlr bnelr bgelr bsolr conditional returns in a classifier
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# the classic position-independent PC read: bcl 20,31,$+4
	bcl 20,31,pc_here
pc_here:
	mflr 14
	lis 4,pc_here@h
	ori 4,4,pc_here@l
	sub 14,14,4
	# a not-taken bcl still writes LR
	li 5,1
	cmpwi 5,2
	bcl 12,2,nowhere
after_bcl:
	mflr 15
	lis 4,after_bcl@h
	ori 4,4,after_bcl@l
	sub 15,15,4
	li 16,0
	bl show
	# pick returns per value
	li 20,0
	li 3,0
	bl pick
	or 20,20,3
	li 3,5
	bl pick
	sldi 20,20,4
	or 20,20,3
	li 3,-5
	bl pick
	sldi 20,20,4
	or 20,20,3
	lis 4,0x8000
	mtxer 4
	li 3,-5
	bl pick
	sldi 20,20,4
	or 20,20,3
	li 4,0
	mtxer 4
	mr 14,20
	li 15,0
	li 16,0
	bl show
	li 0,1
	srdi 3,20,4
	sc
nowhere:
	li 0,1
	li 3,66
	sc

# pick: 1 if r3 == 0 (beqlr), 2 if SO set (bsolr), 3 if r3 > 0 (bgelr cr1 after the eq test), 4 otherwise (bnelr)
pick:
	cmpdi 3,0
	li 3,1
	beqlr
	li 3,2
	bsolr
	crmove 4*cr1+lt,lt
	crmove 4*cr1+gt,gt
	crmove 4*cr1+eq,eq
	li 3,3
	bgelr cr1
	li 3,4
	bnelr
	li 3,15
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
