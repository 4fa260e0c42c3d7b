# CTR and LR branches: bdnz/bdz loops, bdnzl, bl/blr, bctr/bctrl, blrl, conditional beqlr/bnelr/bltlr/bgelr/bgtlr/blelr/bnslr/beqctr/bnectr/beqctrl, raw bclr/bclrl/bcctr/bcctrl, mtspr/mfspr 8 and 9
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# sum 1..10 with bdnz
	li 4,10
	mtctr 4
	li 14,0
	li 5,1
sumloop:
	add 14,14,5
	addi 5,5,1
	bdnz sumloop
	# bdz: leave when CTR reaches zero
	li 4,5
	mtctr 4
	li 15,0
bdzloop:
	addi 15,15,1
	bdz bdzdone
	b bdzloop
bdzdone:
	mfctr 16
	bl show
	# bdnzl calls while CTR != 0 after the decrement
	li 4,3
	mtctr 4
	li 17,0
	li 19,0
bdnzlloop:
	bdnzl inc17
	addi 19,19,1
	mfctr 4
	cmpdi 4,0
	bne bdnzlloop
	mr 14,17
	mr 15,19
	# bl sets LR to the next instruction's address
	bl getlr
here:
	mr 16,3
	bl show
	lis 14,here@h
	ori 14,14,here@l
	# bctr to a label loaded into CTR
	lis 4,target1@ha
	addi 4,4,target1@l
	mtctr 4
	li 15,1
	bctr
	li 15,2
target1:
	# bctrl calls through CTR
	lis 4,twice@h
	ori 4,4,twice@l
	mtctr 4
	li 3,21
	bctrl
	mr 16,3
	bl show
	# blrl: branch to LR, setting LR
	lis 4,twice@h
	ori 4,4,twice@l
	mtlr 4
	li 3,100
	blrl
	mr 14,3
	# conditional returns: classify returns a code per comparison
	li 3,-5
	bl classify
	sldi 15,3,8
	li 3,0
	bl classify
	or 15,15,3
	sldi 15,15,8
	li 3,9
	bl classify
	or 15,15,3
	sldi 15,15,8
	li 3,1000
	bl classify
	or 15,15,3
	li 16,0
	bl show
	# conditional CTR branches
	lis 4,ctrtarget@h
	ori 4,4,ctrtarget@l
	mtctr 4
	li 14,0
	cmpwi 14,1
	beqctr
	li 14,1
	cmpwi cr1,14,1
	bnectr cr1
	beqctr cr1
	li 14,2
ctrtarget:
	lis 4,twice@h
	ori 4,4,twice@l
	mtctr 4
	li 3,5
	cmpwi cr2,3,5
	beqctrl cr2
	bnectrl cr2
	mr 15,3
	# raw forms: bclrl 20,0 and bcctrl 20,0 always call; bclr 4,2 returns only if not equal
	lis 4,twice@h
	ori 4,4,twice@l
	mtlr 4
	li 3,3
	bclrl 20,0
	mtspr 9,4
	bcctrl 20,0
	bcctrl 4,2
	mr 16,3
	bl show
	bl retne
	mr 14,3
	mfspr 15,8
	li 3,-1
	bl signs
	mr 17,3
	li 3,8
	bl signs
	sldi 17,17,4
	or 14,14,17
	sldi 14,14,4
	or 14,14,3
	lis 4,done@h
	ori 4,4,done@l
	mtspr 9,4
	mfspr 16,9
	bcctr 20,0
	li 14,-1
done:
	bl show
	li 0,1
	li 3,0x2a
	sc

inc17:
	addi 17,17,1
	blr
getlr:
	mflr 3
	blr
twice:
	add 3,3,3
	blr
# returns 1 if r3 < 0, 2 if == 0, 3 if < 10, 4 otherwise
classify:
	mr 4,3
	cmpwi 4,0
	li 3,1
	bltlr
	li 3,2
	beqlr+
	cmpwi cr1,4,10
	li 3,3
	bltlr cr1
	li 3,4
	bgelr- cr1
	li 3,0
	blr
# returns 5 if r3 <= 0 (blelr), 6 otherwise (bnslr)
signs:
	cmpdi 3,0
	li 3,5
	blelr
	li 3,6
	bnslr
	li 3,7
	blr
retne:
	li 3,1
	cmpwi 3,1
	bclr 4,2
	li 3,2
	cmpwi cr3,3,0
	bgtlr cr3
	li 3,99
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
