# .set/.equ/= constants and GNU as expressions: + - * / % << >> & | ^ ~, unary minus, parentheses, precedence, character constants, '.', symbol differences, forward references
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.set A, 100
	.equ B, A*3-7
	C = (B << 4) | 0xf
	.set D, ~A & 0x7fff
	.set E, -(A / 7) % 5
	.set F, (1 << 12) - 1 ^ 0x555
	.set CH, 'Z' - 'A' + '0'
	.data
str:
	.ascii "expression"
str_end:
	.long str_end - str, FWD * 2
	.short . - str
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	li 14,A
	li 15,B
	li 16,C
	bl show
	li 14,D
	li 15,E
	li 16,F
	bl show
	li 14,CH
	li 15,str_end-str
	li 16,(end_code - _start) / 4
	bl show
	li 14,7 + 3 * 4 - 10 / 3
	li 15,(7 + 3) * (4 - 10) / 3
	li 16,-7 % 3 + (-7 / 2) * 100
	bl show
	li 14,0x7f >> 3 << 2
	li 15,1 | 2 & 3 ^ 4
	li 16,(A % 7) * (B / 10) - -A
	bl show
	lis 20,str@ha
	addi 20,20,str@l
	lwz 14,10(20)
	lwz 15,14(20)
	lhz 16,18(20)
	bl show
here:
	li 14,. - here
	li 15,FWD
	li 16,017 + 0b101
	bl show
	li 0,1
	li 3,B
	sc
end_code:
	.set FWD, 0x321

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
