# getcwd (syscall 182) into a buffer: prints the directory (run with cwd /), the returned length, and the ERANGE error (r3 = 34, cr0.SO set) for a 1-byte buffer
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 3
path:
	.space 128
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,path@ha
	addi 20,20,path@l
	li 0,182
	mr 3,20
	li 4,128
	sc
	mfcr 15
	mr 14,3
	mr 21,3
	# print the string (without its NUL) and a newline
	li 0,4
	li 3,1
	mr 4,20
	addi 5,21,-1
	sc
	li 4,10
	stb 4,-1(1)
	li 0,4
	li 3,1
	addi 4,1,-1
	li 5,1
	sc
	li 16,0
	bl show
	li 0,182
	mr 3,20
	li 4,1
	sc
	mr 14,3
	mfcr 15
	rlwinm 15,15,0,0,3
	li 16,0
	bl show
	li 0,1
	mr 3,21
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
