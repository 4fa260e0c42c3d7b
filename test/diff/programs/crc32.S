# bitwise CRC-32 (reflected, poly 0xEDB88320) of a string: lbz, xor, srwi, andi., rlwinm, mask arithmetic, nested counted loops; prints the CRC of "123456789" (cbf43926) and of a longer text
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
s1:
	.ascii "123456789"
s1_end:
s2:
	.ascii "The quick brown fox jumps over the lazy dog"
s2_end:
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 3,s1@ha
	addi 3,3,s1@l
	li 4,s1_end-s1
	bl crc
	mr 14,3
	lis 3,s2@ha
	addi 3,3,s2@l
	li 4,s2_end-s2
	bl crc
	mr 15,3
	li 3,0
	li 4,0
	bl crc
	mr 16,3
	bl show
	li 0,1
	rlwinm 3,14,8,24,31
	sc

# crc(r3 = address, r4 = length) -> r3; clobbers r5-r9, ctr
crc:
	li 5,-1
	clrldi 5,5,32
	lis 9,0xedb8
	ori 9,9,0x8320
	cmpdi 4,0
	beq crc_done
	mtctr 4
crc_byte:
	lbz 6,0(3)
	addi 3,3,1
	xor 5,5,6
	li 7,8
crc_bit:
	andi. 8,5,1
	srwi 5,5,1
	beq crc_nox
	xor 5,5,9
crc_nox:
	addic. 7,7,-1
	bne crc_bit
	bdnz crc_byte
crc_done:
	not 3,5
	clrldi 3,3,32
	blr

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
