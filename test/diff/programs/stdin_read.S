# read (syscall 3) from stdin until end of file, upper-cases letters and writes the text back; prints the byte count and a checksum (stdin in stdin_read.stdin)
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.bss
	.p2align 4
inbuf:
	.space 256
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,inbuf@ha
	addi 20,20,inbuf@l
	li 21,0
readloop:
	li 0,3
	li 3,0
	add 4,20,21
	li 5,16
	sc
	bso readerr
	cmpdi 3,0
	beq readdone
	add 21,21,3
	cmpdi 21,240
	blt readloop
readdone:
	# upper-case a..z in place and build a checksum
	li 22,0
	mtctr 21
	mr 5,20
	cmpdi 21,0
	beq nobytes
upper:
	lbz 6,0(5)
	cmplwi 6,'a'
	blt notlower
	cmplwi 6,'z'
	bgt notlower
	addi 6,6,'A'-'a'
	stb 6,0(5)
notlower:
	rotldi 22,22,5
	xor 22,22,6
	addi 5,5,1
	bdnz upper
nobytes:
	li 0,4
	li 3,1
	mr 4,20
	mr 5,21
	sc
	mr 14,21
	mr 15,22
	li 16,0
	bl show
	li 0,1
	mr 3,21
	sc
readerr:
	li 0,1
	li 3,99
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
