# random stores of every width and form (plain, indexed, update, byte-reversed, VSX) at random offsets into a buffer, random loads of every form back; hashes of the loaded values, the update offsets and the final buffer
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 4
buf:
	.space 512
acc:
	.space 16

	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 30,buf@ha
	addi 30,30,buf@l
	lis 20,0x2545
	ori 20,20,0xf491
	sldi 20,20,32
	oris 20,20,0x4f6c
	ori 20,20,0xdd1d
	li 29,200
	li 28,0
	li 27,0
round:
	sldi 4,20,13
	xor 20,20,4
	srdi 4,20,7
	xor 20,20,4
	sldi 4,20,17
	xor 20,20,4
	rldicl 21,20,24,55
	cmpldi 21,495
	ble off_ok
	addi 21,21,-496
off_ok:
	mr 22,20
	rldicl 23,20,40,60
	add 24,30,21
	cmpdi 23,0
	bne st_0
	stbx 22,30,21
	b stored
st_0:
	cmpdi 23,1
	bne st_1
	sthx 22,30,21
	b stored
st_1:
	cmpdi 23,2
	bne st_2
	stwx 22,30,21
	b stored
st_2:
	cmpdi 23,3
	bne st_3
	stdx 22,30,21
	b stored
st_3:
	cmpdi 23,4
	bne st_4
	sthbrx 22,30,21
	b stored
st_4:
	cmpdi 23,5
	bne st_5
	stwbrx 22,30,21
	b stored
st_5:
	cmpdi 23,6
	bne st_6
	stdbrx 22,30,21
	b stored
st_6:
	cmpdi 23,7
	bne st_7
	stb 22,0(24)
	b stored
st_7:
	cmpdi 23,8
	bne st_8
	sth 22,1(24)
	b stored
st_8:
	cmpdi 23,9
	bne st_9
	stw 22,2(24)
	b stored
st_9:
	cmpdi 23,10
	bne st_10
	std 22,4(24)
	b stored
st_10:
	cmpdi 23,11
	bne st_11
	mr 25,24
	stdu 22,8(25)
	b stored
st_11:
	cmpdi 23,12
	bne st_12
	mr 25,24
	stwux 22,25,21
	sub 25,25,24
	add 27,27,25
	b stored
st_12:
	cmpdi 23,13
	bne st_13
	std 20,0(24)
	std 22,8(24)
	lxvd2x 0,30,21
	stxvd2x 0,0,24
	b stored
st_13:
	cmpdi 23,14
	bne st_14
	std 22,0(24)
	std 20,8(24)
	lxvx 1,30,21
	stxvx 1,0,24
	b stored
st_14:
	cmpdi 23,15
	bne st_15
	mr 25,30
	stbux 22,25,21
	sub 25,25,30
	add 27,27,25
	b stored
st_15:
stored:
	rldicl 23,20,44,60
	rldicl 21,20,32,55
	cmpldi 21,495
	ble off2_ok
	addi 21,21,-496
off2_ok:
	add 24,30,21
	cmpdi 23,0
	bne ld_0
	lbzx 5,30,21
	b loaded
ld_0:
	cmpdi 23,1
	bne ld_1
	lhzx 5,30,21
	b loaded
ld_1:
	cmpdi 23,2
	bne ld_2
	lhax 5,30,21
	b loaded
ld_2:
	cmpdi 23,3
	bne ld_3
	lwzx 5,30,21
	b loaded
ld_3:
	cmpdi 23,4
	bne ld_4
	lwax 5,30,21
	b loaded
ld_4:
	cmpdi 23,5
	bne ld_5
	ldx 5,30,21
	b loaded
ld_5:
	cmpdi 23,6
	bne ld_6
	lhbrx 5,30,21
	b loaded
ld_6:
	cmpdi 23,7
	bne ld_7
	lwbrx 5,30,21
	b loaded
ld_7:
	cmpdi 23,8
	bne ld_8
	ldbrx 5,30,21
	b loaded
ld_8:
	cmpdi 23,9
	bne ld_9
	lha 5,1(24)
	b loaded
ld_9:
	cmpdi 23,10
	bne ld_10
	lwa 5,4(24)
	b loaded
ld_10:
	cmpdi 23,11
	bne ld_11
	ld 5,8(24)
	b loaded
ld_11:
	cmpdi 23,12
	bne ld_12
	mr 25,24
	lhau 5,3(25)
	sub 7,25,24
	add 5,5,7
	b loaded
ld_12:
	cmpdi 23,13
	bne ld_13
	mr 25,24
	ldu 5,-8(25)
	sub 7,24,25
	xor 5,5,7
	b loaded
ld_13:
	cmpdi 23,14
	bne ld_14
	lxvd2x 2,0,24
	stxv 2,0(24)
	ld 5,0(24)
	b loaded
ld_14:
	cmpdi 23,15
	bne ld_15
	mr 25,24
	lwzu 5,6(25)
	lbzux 7,25,21
	add 5,5,7
	b loaded
ld_15:
loaded:
	rotldi 28,28,9
	xor 28,28,5
	addi 29,29,-1
	cmpdi 29,0
	bne round
	mr 3,28
	bl puthex
	mr 3,27
	bl puthex
	li 4,64
	mtctr 4
	mr 5,30
	li 26,0
bufsum:
	ld 6,0(5)
	rotldi 26,26,13
	xor 26,26,6
	addi 5,5,8
	bdnz bufsum
	mr 3,26
	bl puthex
	ld 3,0(30)
	bl puthex
	ld 3,504(30)
	bl puthex
	li 0,1
	mr 3,26
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
