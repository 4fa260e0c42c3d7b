# word rotates rlwinm rlwnm rlwimi (+ record forms), including wrapping masks (MB > ME) that expose the doubled word in the high half
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,0x1234
	ori 20,20,0x5678
	sldi 20,20,32
	oris 20,20,0x9abc
	ori 20,20,0xdef0
	rlwinm 14,20,8,0,31
	rlwinm 15,20,4,24,31
	rlwinm 16,20,0,16,15
	bl show
	# wrapping masks
	rlwinm 14,20,12,28,3
	rlwinm 15,20,31,1,0
	rlwinm 16,20,16,31,0
	bl show
	rlwinm. 14,20,0,0,0
	mfcr 15
	rlwinm. 16,20,0,27,27
	mfcr 17
	bl show
	mr 14,17
	# rlwnm uses the low 5 bits of rb
	li 5,36
	rlwnm 15,20,5,0,31
	li 5,4
	rlwnm 16,20,5,20,11
	bl show
	li 5,0x7ff
	rlwnm. 14,20,5,16,31
	mfcr 15
	li 16,0
	bl show
	# rlwimi inserts under the mask, keeping the rest of ra (including the high word)
	li 4,-1
	mr 14,4
	rlwimi 14,20,0,8,15
	lis 15,0x5555
	sldi 15,15,16
	rlwimi 15,20,16,28,3
	li 16,0x77
	rlwimi. 16,20,4,24,27
	mfcr 17
	bl show
	mr 14,17
	li 15,0
	li 16,0
	bl show
	rlwinm 3,20,28,28,31
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
