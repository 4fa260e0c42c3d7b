# Small workers for the multi-task and kernel-access examples.
	.abiversion 2
	.text
# store_loop: stores r5 into counter r4 times, then traps (traced) or exits (untraced: r6 = 1)
	.globl store_loop
store_loop:
	lis 9,counter@ha
	addi 9,9,counter@l
	mtctr 4
1:	std 5,0(9)
	addi 5,5,1
	bdnz 1b
	cmpdi 6,0
	bne 2f
	.globl store_loop_done
store_loop_done:
	trap
2:	li 0,1
	li 3,0
	sc
	.size store_loop,.-store_loop

# read_then_getcwd: read(0, buf, 16), trap, getcwd(path, 64), trap
	.globl read_then_getcwd
read_then_getcwd:
	li 0,3
	li 3,0
	lis 4,buf@ha
	addi 4,4,buf@l
	li 5,16
	sc
	.globl after_read
after_read:
	trap
	li 0,182
	lis 3,path@ha
	addi 3,3,path@l
	li 4,64
	sc
	.globl after_getcwd
after_getcwd:
	trap
	li 0,1
	li 3,0
	sc

# lock_loop: a lwarx/stwcx. increment of lock, then a trap
	.globl lock_loop
lock_loop:
	lis 9,lock@ha
	addi 9,9,lock@l
	.globl lock_larx
lock_larx:
1:	lwarx 5,0,9
	addi 5,5,1
	.globl lock_stcx
lock_stcx:
	stwcx. 5,0,9
	bne- 1b
	.globl lock_done
lock_done:
	lwz 6,0(9)
	trap

	.data
	.balign 8
	.globl counter
counter: .quad 0
	.size counter,8
	.globl lock
lock:	.long 0
	.long 0
	.size lock,8
	.balign 16
	.globl buf
buf:	.space 16
	.size buf,16
	.globl path
path:	.space 64
	.size path,64
