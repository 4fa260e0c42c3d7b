# bubble sort of 12 signed doublewords in .data (ldx/stdx, cmpd, nested loops), the sorted array printed, exit with a checksum
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
arr:
	.quad 42, -7, 1000000000000, 3, -99999, 0, 17, 8, -1, 0x7fffffffffffffff, -0x8000000000000000, 5
	.set N, 12
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,arr@ha
	addi 20,20,arr@l
	li 21,N-1
outer:
	li 22,0
	li 23,0
inner:
	sldi 5,22,3
	addi 6,5,8
	ldx 7,20,5
	ldx 8,20,6
	cmpd 7,8
	ble noswap
	stdx 8,20,5
	stdx 7,20,6
	li 23,1
noswap:
	addi 22,22,1
	cmpd 22,21
	blt inner
	cmpdi 23,0
	beq sorted
	addi 21,21,-1
	cmpdi 21,0
	bgt outer
sorted:
	li 24,0
	li 25,0
printloop:
	sldi 5,24,3
	ldx 3,20,5
	add 25,25,3
	rotldi 25,25,7
	bl puthex
	addi 24,24,1
	cmpdi 24,N
	blt printloop
	mr 3,25
	bl puthex
	li 0,1
	mr 3,25
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
