# conditional branches: bc with BO/BI variations (incl. CTR decrement forms and +/- hints), beq bne blt bgt ble bge bso bns bnl bng with crN operands; one bit per branch (1 = not taken)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 20,0
	li 22,0
	li 21,5
	# case 0
	cmpwi 21,5
	sldi 20,20,1
	beq case0
	ori 20,20,1
case0:
	# case 1
	cmpwi 21,5
	sldi 20,20,1
	bne case1
	ori 20,20,1
case1:
	# case 2
	cmpwi 21,6
	sldi 20,20,1
	blt case2
	ori 20,20,1
case2:
	# case 3
	cmpwi 21,6
	sldi 20,20,1
	bgt case3
	ori 20,20,1
case3:
	# case 4
	cmpwi 21,5
	sldi 20,20,1
	ble case4
	ori 20,20,1
case4:
	# case 5
	cmpwi 21,4
	sldi 20,20,1
	ble case5
	ori 20,20,1
case5:
	# case 6
	cmpwi 21,4
	sldi 20,20,1
	bge case6
	ori 20,20,1
case6:
	# case 7
	cmpwi 21,6
	sldi 20,20,1
	bge case7
	ori 20,20,1
case7:
	# case 8
	cmpwi 21,6
	sldi 20,20,1
	bnl case8
	ori 20,20,1
case8:
	# case 9
	cmpwi 21,4
	sldi 20,20,1
	bng case9
	ori 20,20,1
case9:
	# case 10
	cmpwi cr1,21,5
	sldi 20,20,1
	beq cr1,case10
	ori 20,20,1
case10:
	# case 11
	cmpwi cr1,21,5
	sldi 20,20,1
	beq case11
	ori 20,20,1
case11:
	# case 12
	cmpwi cr2,21,9
	sldi 20,20,1
	blt cr2,case12
	ori 20,20,1
case12:
	# case 13
	cmpwi cr7,21,9
	sldi 20,20,1
	bgt cr7,case13
	ori 20,20,1
case13:
	# case 14
	cmpwi cr3,21,5
	sldi 20,20,1
	bne+ cr3,case14
	ori 20,20,1
case14:
	# case 15
	cmpwi cr3,21,5
	sldi 20,20,1
	beq- cr3,case15
	ori 20,20,1
case15:
	# case 16
	cmpwi cr4,21,0
	sldi 20,20,1
	bgt+ cr4,case16
	ori 20,20,1
case16:
	# case 17
	cmpwi cr4,21,0
	sldi 20,20,1
	blt- cr4,case17
	ori 20,20,1
case17:
	# case 18
	cmpwi 21,5
	sldi 20,20,1
	beq+ case18
	ori 20,20,1
case18:
	# case 19
	cmpwi 21,5
	sldi 20,20,1
	bne- case19
	ori 20,20,1
case19:
	# case 20
	cmpwi cr5,21,5
	sldi 20,20,1
	bc 12,4*cr5+eq,case20
	ori 20,20,1
case20:
	# case 21
	cmpwi cr5,21,5
	sldi 20,20,1
	bc 4,4*cr5+eq,case21
	ori 20,20,1
case21:
	# case 22
	cmpwi cr6,21,7
	sldi 20,20,1
	bc 12,4*cr6+lt,case22
	ori 20,20,1
case22:
	# case 23
	cmpwi cr6,21,7
	sldi 20,20,1
	bc 12,25,case23
	ori 20,20,1
case23:
	# case 24
	cmpwi cr6,21,7
	sldi 20,20,1
	bc 4,24,case24
	ori 20,20,1
case24:
	# case 25
	cmpwi 21,5
	sldi 20,20,1
	bc 12,2,case25
	ori 20,20,1
case25:
	# case 26
	cmpwi 21,5
	sldi 20,20,1
	bc 20,0,case26
	ori 20,20,1
case26:
	# case 27
	cmpwi 21,5
	sldi 20,20,1
	bc 6,2,case27
	ori 20,20,1
case27:
	# case 28
	cmpwi 21,5
	sldi 20,20,1
	bc 15,2,case28
	ori 20,20,1
case28:
	# case 29
	cmpwi 21,5
	sldi 20,20,1
	bc 14,2,case29
	ori 20,20,1
case29:
	# case 30
	cmpwi 21,5
	sldi 20,20,1
	bc 4,1,case30
	ori 20,20,1
case30:
	# case 31
	cmpwi 21,5
	sldi 20,20,1
	bc 7,0,case31
	ori 20,20,1
case31:
	mr 22,20
	li 20,0
	# case 32
	lis 4,0x8000
	mtxer 4
	cmpwi 21,5
	sldi 20,20,1
	bso case32
	ori 20,20,1
case32:
	# case 33
	lis 4,0x8000
	mtxer 4
	cmpwi cr2,21,5
	sldi 20,20,1
	bns cr2,case33
	ori 20,20,1
case33:
	# case 34
	li 4,0
	mtxer 4
	cmpwi cr2,21,5
	sldi 20,20,1
	bso cr2,case34
	ori 20,20,1
case34:
	# case 35
	li 4,0
	mtxer 4
	cmpwi 21,5
	sldi 20,20,1
	bns case35
	ori 20,20,1
case35:
	# case 36
	li 4,3
	mtctr 4
	sldi 20,20,1
	bc 16,0,case36
	ori 20,20,1
case36:
	# case 37
	li 4,1
	mtctr 4
	sldi 20,20,1
	bc 16,0,case37
	ori 20,20,1
case37:
	# case 38
	li 4,1
	mtctr 4
	sldi 20,20,1
	bc 18,0,case38
	ori 20,20,1
case38:
	# case 39
	li 4,2
	mtctr 4
	cmpwi 21,5
	sldi 20,20,1
	bc 8,2,case39
	ori 20,20,1
case39:
	# case 40
	li 4,2
	mtctr 4
	cmpwi 21,5
	sldi 20,20,1
	bc 0,2,case40
	ori 20,20,1
case40:
	# case 41
	li 4,1
	mtctr 4
	cmpwi 21,5
	sldi 20,20,1
	bc 10,2,case41
	ori 20,20,1
case41:
	# case 42
	li 4,1
	mtctr 4
	cmpwi 21,4
	sldi 20,20,1
	bc 2,2,case42
	ori 20,20,1
case42:
	# case 43
	li 4,1
	mtctr 4
	cmpwi 21,5
	sldi 20,20,1
	bc 2,2,case43
	ori 20,20,1
case43:
	# case 44
	li 4,0
	mtctr 4
	sldi 20,20,1
	bc 16,0,case44
	ori 20,20,1
case44:
	# case 45
	cmpwi 21,5
	sldi 20,20,1
	b case45
	ori 20,20,1
case45:
	# case 46
	cmpwi 21,5
	sldi 20,20,1
	bne cr0,case46
	ori 20,20,1
case46:
	# case 47
	cmpdi 21,-1
	sldi 20,20,1
	bgt 0,case47
	ori 20,20,1
case47:
	# case 48
	cmpdi 1,21,-1
	sldi 20,20,1
	bgt 1,case48
	ori 20,20,1
case48:
	# case 49
	cmpwi 21,5
	sldi 20,20,1
	beq+ cr0,case49
	ori 20,20,1
case49:
	mr 14,22
	mr 15,20
	mfctr 16
	bl show
	popcntd 3,20
	popcntd 4,22
	add 3,3,4
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
