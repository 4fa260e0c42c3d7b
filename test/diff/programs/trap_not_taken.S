# tw twi td tdi and every extended trap mnemonic with a false condition: none traps; counts the instructions passed
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 20,5
	li 21,-3
	li 22,5
	lis 23,1
	sldi 23,23,20
	li 14,0
	tw 0,20,21
	tw 4,20,21
	tw 24,20,22
	twi 4,20,6
	twi 16,20,-4
	td 4,23,20
	td 8,21,20
	tdi 4,23,5
	tdi 2,21,-4
	addi 14,14,1
	tweq 20,21
	twne 20,22
	twlt 20,21
	twgt 21,20
	twge 21,20
	twle 20,21
	twllt 21,20
	twlgt 20,21
	twlge 20,21
	twlle 21,20
	twnl 21,20
	twng 20,21
	addi 14,14,1
	tdeq 20,21
	tdne 20,22
	tdlt 23,20
	tdgt 20,23
	tdge 20,23
	tdle 23,20
	tdllt 21,20
	tdlgt 20,21
	addi 14,14,1
	tweqi 20,4
	twnei 20,5
	twlti 20,5
	twgti 20,5
	twgei 21,0
	twlei 20,4
	twllti 21,5
	twlgti 20,-1
	addi 14,14,1
	tdeqi 23,5
	tdnei 22,5
	tdlti 20,-100
	tdgti 21,100
	tdgei 21,0
	tdlei 23,0
	tdllti 21,1
	tdlgti 20,5
	addi 14,14,1
	# word traps compare only the low words: 0x10000 << 20 has low word 0, so lt|gt is false
	li 5,0
	tw 24,23,5
	tdeq 23,5
	addi 14,14,1
	mfcr 15
	mfxer 16
	bl show
	li 0,1
	mr 3,14
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
