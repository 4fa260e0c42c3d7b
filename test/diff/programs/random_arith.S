# random operands (xorshift64, some scaled down to small values and zero) through every add/sub/mul/div form incl. o and . forms; each form's results, XER and CR folded into its own hash, one line per form
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 3
acc:
	.space 312

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
	# add 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	add 5,21,22
	ld 6,0(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,0(30)
	# addo. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addo. 5,21,22
	ld 6,8(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,8(30)
	# addc. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addc. 5,21,22
	ld 6,16(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,16(30)
	# addco 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addco 5,21,22
	ld 6,24(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,24(30)
	# adde 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	adde 5,21,22
	ld 6,32(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,32(30)
	# addeo. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addeo. 5,21,22
	ld 6,40(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,40(30)
	# addze. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addze. 5,21
	ld 6,48(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,48(30)
	# addzeo 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addzeo 5,21
	ld 6,56(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,56(30)
	# addme 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addme 5,21
	ld 6,64(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,64(30)
	# addmeo. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addmeo. 5,21
	ld 6,72(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,72(30)
	# addic. 5,21,-12345
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	addic. 5,21,-12345
	ld 6,80(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,80(30)
	# subf. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subf. 5,21,22
	ld 6,88(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,88(30)
	# subfo 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfo 5,21,22
	ld 6,96(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,96(30)
	# subfco. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfco. 5,21,22
	ld 6,104(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,104(30)
	# subfe 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfe 5,21,22
	ld 6,112(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,112(30)
	# subfeo. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfeo. 5,21,22
	ld 6,120(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,120(30)
	# subfze 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfze 5,21
	ld 6,128(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,128(30)
	# subfzeo. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfzeo. 5,21
	ld 6,136(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,136(30)
	# subfme. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfme. 5,21
	ld 6,144(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,144(30)
	# subfmeo 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfmeo 5,21
	ld 6,152(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,152(30)
	# subfic 5,21,777
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	subfic 5,21,777
	ld 6,160(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,160(30)
	# nego. 5,21
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	nego. 5,21
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
	# mullw. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mullw. 5,21,22
	ld 6,176(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,176(30)
	# mullwo. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mullwo. 5,21,22
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
	# mulhw 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulhw 5,21,22
	ld 6,192(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,192(30)
	# mulhwu. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulhwu. 5,21,22
	ld 6,200(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,200(30)
	# mulld. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulld. 5,21,22
	ld 6,208(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,208(30)
	# mulldo 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulldo 5,21,22
	ld 6,216(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,216(30)
	# mulhd 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulhd 5,21,22
	ld 6,224(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,224(30)
	# mulhdu. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulhdu. 5,21,22
	ld 6,232(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,232(30)
	# mulli 5,21,-3210
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	mulli 5,21,-3210
	ld 6,240(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,240(30)
	# divw. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divw. 5,21,22
	ld 6,248(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,248(30)
	# divwo 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divwo 5,21,22
	ld 6,256(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,256(30)
	# divwu 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divwu 5,21,22
	ld 6,264(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,264(30)
	# divwuo. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divwuo. 5,21,22
	ld 6,272(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,272(30)
	# divd 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divd 5,21,22
	ld 6,280(30)
	rotldi 6,6,5
	xor 6,6,5
	std 6,280(30)
	# divdo. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divdo. 5,21,22
	ld 6,288(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,288(30)
	# divdu. 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divdu. 5,21,22
	ld 6,296(30)
	rotldi 6,6,5
	xor 6,6,5
	mfcr 8
	rotldi 6,6,11
	xor 6,6,8
	std 6,296(30)
	# divduo 5,21,22
	rldicl 4,22,56,63
	sldi 4,4,29
	mtxer 4
	divduo 5,21,22
	ld 6,304(30)
	rotldi 6,6,5
	xor 6,6,5
	mfxer 7
	rotldi 6,6,3
	xor 6,6,7
	std 6,304(30)
	addi 29,29,-1
	cmpdi 29,0
	bne round
	li 31,0
print:
	sldi 4,31,3
	ldx 3,30,4
	bl puthex
	addi 31,31,1
	cmpdi 31,39
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
