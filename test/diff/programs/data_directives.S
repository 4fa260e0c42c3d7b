# data directives: .byte .short .long .quad .ascii .asciz .space .align .balign .p2align (with fill), read back as doublewords and the strings written out
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
d_start:
	.byte 1, 2, 0x83, -1, 'A', 'z'
	.short 0x1234, -2
	.align 3
d_long:
	.long 0xdeadbeef, -1, 7
	.p2align 4
d_quad:
	.quad 0x0123456789abcdef, -2
	.byte 0x55
	.balign 8, 0xcc
	.byte 0x66
	.p2align 3, 0xee
msg:
	.ascii "Hi, "
	.asciz "there"
	.asciz "!\n"
msg_end:
	.byte 0x77
	.space 5
	.space 3, 0xab
	.balign 4
tail:
	.short 1,2,3
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	lis 20,d_start@ha
	addi 20,20,d_start@l
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
	ld 16,64(20)
	bl show
	ld 14,72(20)
	ld 15,80(20)
	ld 16,88(20)
	bl show
	# label addresses relative to the start of .data
	lis 4,d_quad@ha
	addi 4,4,d_quad@l
	sub 14,4,20
	lis 4,msg@ha
	addi 4,4,msg@l
	sub 15,4,20
	lis 4,tail@ha
	addi 4,4,tail@l
	sub 16,4,20
	bl show
	li 0,4
	li 3,1
	lis 4,msg@ha
	addi 4,4,msg@l
	li 5,msg_end-msg
	sc
	li 0,1
	li 3,msg_end-d_start
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
