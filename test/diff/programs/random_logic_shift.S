# random operands through logic, extend, count, shift (amounts 0-127 from a register) and rotate/mask forms; each form's results (with XER CA and CR where set) folded into its own hash
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 3
acc:
	.space 328

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
	# and. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	and. 5,21,22
	ld 6,0(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,0(30)
	# andc 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	andc 5,21,22
	ld 6,8(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,8(30)
	# or. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	or. 5,21,22
	ld 6,16(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,16(30)
	# orc 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	orc 5,21,22
	ld 6,24(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,24(30)
	# xor. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	xor. 5,21,22
	ld 6,32(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,32(30)
	# nand 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	nand 5,21,22
	ld 6,40(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,40(30)
	# nor. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	nor. 5,21,22
	ld 6,48(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,48(30)
	# eqv 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	eqv 5,21,22
	ld 6,56(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,56(30)
	# andi. 5,21,0xf0f0
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	andi. 5,21,0xf0f0
	ld 6,64(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,64(30)
	# andis. 5,21,0x8001
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	andis. 5,21,0x8001
	ld 6,72(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,72(30)
	# extsb. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	extsb. 5,21
	ld 6,80(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,80(30)
	# extsh 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	extsh 5,21
	ld 6,88(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,88(30)
	# extsw. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	extsw. 5,21
	ld 6,96(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,96(30)
	# cntlzw. 5,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	cntlzw. 5,22
	ld 6,104(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,104(30)
	# cntlzd 5,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	cntlzd 5,22
	ld 6,112(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,112(30)
	# popcntb 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	popcntb 5,21
	ld 6,120(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,120(30)
	# popcntw 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	popcntw 5,21
	ld 6,128(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,128(30)
	# popcntd 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	popcntd 5,21
	ld 6,136(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,136(30)
	# cmpb 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	cmpb 5,21,22
	ld 6,144(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,144(30)
	# slw. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	slw. 5,21,22
	ld 6,152(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,152(30)
	# srw 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	srw 5,21,22
	ld 6,160(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,160(30)
	# sraw. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	sraw. 5,21,22
	ld 6,168(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,168(30)
	# srawi 5,21,13
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	srawi 5,21,13
	ld 6,176(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,176(30)
	# srawi. 5,21,0
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	srawi. 5,21,0
	ld 6,184(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,184(30)
	# sld 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	sld 5,21,22
	ld 6,192(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,192(30)
	# srd. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	srd. 5,21,22
	ld 6,200(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,200(30)
	# srad 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	srad 5,21,22
	ld 6,208(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,208(30)
	# sradi. 5,21,47
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	sradi. 5,21,47
	ld 6,216(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,216(30)
	# sradi 5,21,1
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	sradi 5,21,1
	ld 6,224(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,224(30)
	# rlwinm. 5,21,7,3,29
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rlwinm. 5,21,7,3,29
	ld 6,232(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,232(30)
	# rlwinm 5,21,29,27,5
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rlwinm 5,21,29,27,5
	ld 6,240(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,240(30)
	# rlwnm. 5,21,22,0,31
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rlwnm. 5,21,22,0,31
	ld 6,248(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,248(30)
	# rlwnm 5,21,22,20,10
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rlwnm 5,21,22,20,10
	ld 6,256(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,256(30)
	# mr 5,22; rlwimi. 5,21,13,9,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mr 5,22
	rlwimi. 5,21,13,9,21
	ld 6,264(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,264(30)
	# mr 5,22; rlwimi 5,21,3,28,2
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mr 5,22
	rlwimi 5,21,3,28,2
	ld 6,272(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,272(30)
	# rldicl. 5,21,17,9
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rldicl. 5,21,17,9
	ld 6,280(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,280(30)
	# rldicr 5,21,41,50
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rldicr 5,21,41,50
	ld 6,288(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,288(30)
	# rldic. 5,21,12,7
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rldic. 5,21,12,7
	ld 6,296(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,296(30)
	# mr 5,22; rldimi 5,21,23,19
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mr 5,22
	rldimi 5,21,23,19
	ld 6,304(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,304(30)
	# rldcl 5,21,22,3
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rldcl 5,21,22,3
	ld 6,312(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,312(30)
	# rldcr. 5,21,22,60
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	rldcr. 5,21,22,60
	ld 6,320(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,320(30)
	addi 29,29,-1
	cmpdi 29,0
	bne round
	li 31,0
print:
	sldi 4,31,3
	ldx 3,30,4
	bl puthex
	addi 31,31,1
	cmpdi 31,41
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
