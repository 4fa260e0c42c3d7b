# The children of the kernel selftest ptrace-perf-hwbreak.c (tools/testing/selftests/powerpc/ptrace/
# ptrace-perf-asm.S, commit 58709f6fc327), with data for them: the selftest passes stack variables;
# here they live in .data so the scenario can name them.
	.abiversion 2
	.text
	.globl same_watch_addr_child
	.type same_watch_addr_child,@function
same_watch_addr_child:
	nop
	.globl same_watch_addr_load
same_watch_addr_load:
	ld 0,0(3)
	nop
	.globl same_watch_addr_trap
same_watch_addr_trap:
	trap
	blr
	.size same_watch_addr_child,.-same_watch_addr_child

	.globl perf_then_ptrace_child
	.type perf_then_ptrace_child,@function
perf_then_ptrace_child:
	nop
	.globl perf_then_ptrace_load1
perf_then_ptrace_load1:
	ld 0,0(3)
	.globl perf_then_ptrace_load2
perf_then_ptrace_load2:
	ld 0,0(4)
	nop
	.globl perf_then_ptrace_trap
perf_then_ptrace_trap:
	trap
	blr
	.size perf_then_ptrace_child,.-perf_then_ptrace_child

	.data
	.balign 8
	.globl value
value:
	.quad 0x1122334455667788
	.size value,8
	.globl perf_value
perf_value:
	.quad 1
	.size perf_value,8
	.globl ptrace_value
ptrace_value:
	.quad 2
	.size ptrace_value,8
