# stores: stb stbu stbx stbux sth sthu sthx sthux stw stwu stwx stwux std stdu stdx stdux into a .bss buffer (truncation, update, unaligned), dumped as doublewords
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 4
buf:
	.space 64
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,buf@ha
	addi 20,20,buf@l
	lis 22,0x1122
	ori 22,22,0x3344
	sldi 22,22,32
	oris 22,22,0x5566
	ori 22,22,0x7788
	stb 22,0(20)
	mr 21,20
	stbu 22,2(21)
	li 5,4
	stbx 22,20,5
	stbux 22,21,5
	sth 22,8(20)
	sthu 22,10(21)
	li 5,13
	sthx 22,20,5
	li 5,4
	sthux 22,21,5
	stw 22,20(20)
	stwu 22,8(21)
	li 5,30
	stwx 22,20,5
	li 5,14
	stwux 22,21,5
	std 22,40(20)
	stdu 22,-8(21)
	li 5,52
	stdx 22,20,5
	li 5,0
	stdux 22,21,5
	sub 23,21,20
	ld 14,0(20)
	ld 15,8(20)
	ld 16,16(20)
	bl show
	ld 14,24(20)
	ld 15,32(20)
	ld 16,40(20)
	bl show
	ld 14,48(20)
	ld 15,56(20)
	mr 16,23
	bl show
	lbz 3,5(20)
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
