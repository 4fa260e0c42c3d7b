# add family: add/addc/adde/addze/addme/addi/addis/addic/addic. with o and . forms; result, XER (CA/OV/SO/OV32/CA32), CR
# Differential test program: assembled by GNU as/ld and by our assembler, run by qemu-ppc64le and wplab exec.
	.abiversion 2
	.text
	.globl _start
_start:
	# start from a known CR and XER (qemu-user does not start with CR = 0)
	li 0,0
	mtcr 0
	mtxer 0
	# plain add, record form with negative result
	li 0,0
	mtxer 0
	li 4,-5
	li 5,3
	add 14,4,5
	mfxer 15
	mfcr 16
	bl show
	li 4,-5
	li 5,3
	add. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# signed 64-bit overflow: 0x7fffffffffffffff + 1 with addo. (sets OV, SO)
	li 4,-1
	srdi 4,4,1
	li 5,1
	addo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# SO stays set across a non-overflowing addo
	li 4,2
	addo 14,4,4
	mfxer 15
	mfcr 16
	bl show
	# 32-bit overflow only (OV32 but not OV): 0x7fffffff + 1
	li 0,0
	mtxer 0
	lis 4,0x7fff
	ori 4,4,0xffff
	li 5,1
	addo. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# addc: carry out of 64 bits
	li 0,0
	mtxer 0
	li 4,-1
	li 5,2
	addc 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# addc with 32-bit carry only (CA32 but not CA)
	li 4,-1
	clrldi 4,4,32
	li 5,2
	addc. 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# adde uses CA: set CA via addic then adde
	li 4,-1
	addic 6,4,1
	li 4,10
	li 5,20
	adde 14,4,5
	mfxer 15
	mfcr 16
	bl show
	# adde with CA clear, and addeo. overflowing
	li 0,0
	mtxer 0
	li 4,-1
	srdi 4,4,1
	li 5,0
	addeo. 14,4,4
	mfxer 15
	mfcr 16
	bl show
	# addze with CA set, addzeo. at 0x7fff.. + CA
	li 0,0
	mtxer 0
	li 4,-1
	addic 6,4,1
	li 4,-1
	srdi 4,4,1
	addzeo. 14,4
	mfxer 15
	mfcr 16
	bl show
	# addme: ra + CA - 1, with CA clear on 0 (gives -1, CA=0) and set
	li 0,0
	mtxer 0
	li 4,0
	addme. 14,4
	mfxer 15
	mfcr 16
	bl show
	li 4,-1
	addic 6,4,1
	li 4,0
	addmeo 14,4
	mfxer 15
	mfcr 16
	bl show
	# immediates: addi, addis with negative, addi with ra=0 means literal 0
	li 4,100
	addi 14,4,-200
	addis 15,4,-1
	addi 16,0,0x1234
	bl show
	# addic and addic. set CA
	li 0,0
	mtxer 0
	li 4,-3
	addic 14,4,3
	mfxer 15
	mfcr 16
	bl show
	li 4,-3
	addic. 14,4,2
	mfxer 15
	mfcr 16
	bl show
	# exit status: low byte of a sum
	li 3,0x1c1
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
