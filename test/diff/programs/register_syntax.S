# operand syntax variants: registers as 3, r3 and %r3, CR fields as crN, numbers and expressions, VSX as vsN and plain numbers; .machine .file .ident .type .size .section .note.GNU-stack accepted
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.file "register_syntax.S"
	.machine power10
	.section .note.GNU-stack,"",@progbits
	.data
	.p2align 4
vec:
	.quad 0x1111111111111111, 0x2222222222222222
vout:
	.space 16
	.text
	.globl _start
	.type _start,@function
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li r14,1
	li %r15,2
	addi 16,r15,3
	add r16,%r16,16
	bl show
	cmpwi cr1,r14,1
	cmpw %cr2,%r15,r14
	cmpd 3,r14,%r15
	mfcr r14
	crandc 4*cr1+eq,4*%cr2+gt,4*cr3+lt
	mfcr %r15
	lis r20,vec@ha
	addi r20,r20,vec@l
	lxv vs5,0(r20)
	stxv 5,16(r20)
	ld r16,24(%r20)
	bl show
	li %r0,1
	li r3,77
	sc
	.size _start,.-_start
	.ident "wplab differential corpus"

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
