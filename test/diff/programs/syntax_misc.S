# source syntax GNU as accepts: ';' separators, /* */ comments, labels before instructions on one line, numeric local labels (1b/2f), '.' in branch targets and data, string escapes, alignment padding inside .text (nops), data in .text, spaces around operands
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.data
	.p2align 3
esc:
	.ascii "tab\tnl\nq\"bs\\oct\101hex\x42end"
esc_end:
	.byte '\n', '\t', '\\', '\''
rel:
	.long esc_end - ., . - esc
	.quad -1, 0x8000000000000000
	.text
	.globl _start
_start: li 14,0 ; li 15,0   /* two statements and a comment */ ; li 16,0
	li 4,3
1:	addi 14,14,1      # numeric local label, backward reference
	addi 4,4,-1
	cmpwi 4,0
	bne 1b
	b 2f
	li 14,-1
2:	li 5 , 7
	add 15 , 14 , 5
	b .+8
	li 15,-1
	bne .-4+4
	.p2align 4
aligned_code:
	lis 4,aligned_code@h
	ori 4,4,aligned_code@l
	clrldi 16,4,60
	bl show
	b over_data
	.p2align 3
	.quad 0x1122334455667788
	.long 0xdeadbeef
over_data:
	.balign 16
	lis 20,esc@ha
	addi 20,20,esc@l
	li 0,4 ; li 3,1 ; mr 4,20 ; li 5,esc_end-esc ; sc
	li 0,4 ; li 3,1 ; addi 4,20,esc_end-esc ; li 5,1 ; sc
	lwz 14,esc_end-esc+4(20)
	lwz 15,esc_end-esc+8(20)
	lbz 16,esc_end-esc+1(20)
	bl show
	li 0,1 ; li 3,esc_end-esc ; sc

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
