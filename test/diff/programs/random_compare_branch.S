# random operands through signed/unsigned word/doubleword compares into several CR fields, CR logic, conditional branches, a bc 0 (decrement CTR, branch while false) loop and not-taken traps; one hash per case
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 3
acc:
	.space 56

	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 30,acc@ha
	addi 30,30,acc@l
	lis 20,0x9e37
	ori 20,20,0x79b9
	sldi 20,20,32
	oris 20,20,0x7f4a
	ori 20,20,0x7c15
	li 29,120
round:
	sldi 4,20,13
	xor 20,20,4
	srdi 4,20,7
	xor 20,20,4
	sldi 4,20,17
	xor 20,20,4
	mr 21,20
	sldi 4,20,13
	xor 20,20,4
	srdi 4,20,7
	xor 20,20,4
	sldi 4,20,17
	xor 20,20,4
	mr 22,20
	clrldi 4,22,58
	srad 23,22,4
	clrldi 4,21,59
	srd 24,21,4
	sradi 24,24,1
	andi. 4,22,64
	beq keep_b
	mr 22,23
keep_b:
	andi. 4,21,128
	beq keep_a
	mr 21,24
keep_a:
	# cmpd 21,22; cmpw cr1,21,22; cmpld cr2,21,22; cmplw cr3,21,22; mfcr 5
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	cmpd 21,22
	cmpw cr1,21,22
	cmpld cr2,21,22
	cmplw cr3,21,22
	mfcr 5
	ld 6,0(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,0(30)
	# cmpdi cr4,21,-100; cmpwi cr5,22,100; cmpldi cr6,21,0x8000; cmplwi cr7,22,0xffff; mfcr 5
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	cmpdi cr4,21,-100
	cmpwi cr5,22,100
	cmpldi cr6,21,0x8000
	cmplwi cr7,22,0xffff
	mfcr 5
	ld 6,8(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,8(30)
	# cmpd 21,22; crnand 5,0,1; crxor 10,2,5; creqv 15,10,0; crorc 20,15,2; mfcr 5
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	cmpd 21,22
	crnand 5,0,1
	crxor 10,2,5
	creqv 15,10,0
	crorc 20,15,2
	mfcr 5
	ld 6,16(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,16(30)
	# li 5,0; cmpd cr3,21,22; bge cr3,1f; ori 5,5,1; 1: bgt cr3,2f; ori 5,5,2; 2: bne cr3,3f; ori 5,5,4; 3:
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	li 5,0
	cmpd cr3,21,22
	bge cr3,1f
	ori 5,5,1
	1: bgt cr3,2f
	ori 5,5,2
	2: bne cr3,3f
	ori 5,5,4
	3:
	ld 6,24(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,24(30)
	# li 5,0; cmplw cr6,21,22; bc 4,4*cr6+lt,1f; ori 5,5,8; 1: bc 12,4*cr6+gt,2f; ori 5,5,16; 2:
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	li 5,0
	cmplw cr6,21,22
	bc 4,4*cr6+lt,1f
	ori 5,5,8
	1: bc 12,4*cr6+gt,2f
	ori 5,5,16
	2:
	ld 6,32(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,32(30)
	# clrldi 4,22,60; addi 4,4,1; mtctr 4; li 5,0; 1: addi 5,5,3; cmpd 5,21; bc 0,lt,1b; mfctr 7; add 5,5,7
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	clrldi 4,22,60
	addi 4,4,1
	mtctr 4
	li 5,0
	1: addi 5,5,3
	cmpd 5,21
	bc 0,lt,1b
	mfctr 7
	add 5,5,7
	ld 6,40(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,40(30)
	# tw 0,21,22; td 0,21,22; tdlgti 21,-1; twllti 22,0; tdllt 21,21; li 5,0; cmpdi 21,0x7fff; ble 1f; li 5,1; 1:
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	tw 0,21,22
	td 0,21,22
	tdlgti 21,-1
	twllti 22,0
	tdllt 21,21
	li 5,0
	cmpdi 21,0x7fff
	ble 1f
	li 5,1
	1:
	ld 6,48(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,48(30)
	addi 29,29,-1
	cmpdi 29,0
	bne round
	li 31,0
print:
	sldi 4,31,3
	ldx 3,30,4
	bl puthex
	addi 31,31,1
	cmpdi 31,7
	blt print
	li 0,1
	ld 3,0(30)
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
