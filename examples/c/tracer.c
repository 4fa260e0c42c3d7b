// SPDX-License-Identifier: MIT
// A tracer of its own, as gdb and perf are at once: it forks a child that sums squares, stops it
// (PTRACE_TRACEME and a SIGSTOP), opens a perf counter on the child's `total` (every store,
// perf_event_open) and sets a ptrace watchpoint on the same `total` (writes, PPC_PTRACE_SETHWDEBUG),
// then lets it run. At each watchpoint stop (before the store) it reads what `total` holds
// (PEEKDATA) and where the store is (GETREGS), single-steps over the store, and sets the one-shot
// watchpoint again; when the child has exited it reads the perf count. Under kernel 6.6 both share
// the doubleword (4 stops, 4 counts: perf counts each store when it really runs); under 6.5 the
// watchpoint is refused with ENOSPC (the ptrace/perf exclusion) and only perf watches. examples/c-tracer.yaml runs it (wplab run), and it debugs like any program (F5 on it
// or a launch configuration with "program": "c/tracer"): its watchpoint and counter occupy the
// panel's slots under its own name, "by pid 100".
// Build: make -C examples/c   (powerpc64le-linux-gnu-gcc -static -O2 -g)
#define _GNU_SOURCE
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/ptrace.h>

volatile long total; /* watched by ptrace and counted by perf */

__attribute__((noinline)) static void work(void) {
  for (long i = 1; i <= 4; i++) total += i * i;
}

static long watch(pid_t child) {
  struct ppc_hw_breakpoint bp = {
    .version = 1,
    .trigger_type = PPC_BREAKPOINT_TRIGGER_WRITE,
    .addr_mode = PPC_BREAKPOINT_MODE_EXACT,
    .condition_mode = PPC_BREAKPOINT_CONDITION_NONE,
    .addr = (unsigned long)&total,
  };
  return ptrace(PPC_PTRACE_SETHWDEBUG, child, 0, &bp);
}

int main(void) {
  /* the child's SIGCHLDs are not needed (waitpid tells everything): blocked, they do not stop a
   * debugger tracing this program either */
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigprocmask(SIG_BLOCK, &chld, NULL);

  pid_t child = fork();
  if (child == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    work();
    _exit(0);
  }
  int status;
  waitpid(child, &status, 0);

  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.type = PERF_TYPE_BREAKPOINT;
  attr.size = sizeof attr;
  attr.bp_type = HW_BREAKPOINT_W;
  attr.bp_addr = (unsigned long)&total;
  attr.bp_len = sizeof total;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  int counter = syscall(SYS_perf_event_open, &attr, child, -1, -1, 0);
  if (counter < 0) perror("perf_event_open");
  long handle = watch(child);
  if (handle < 0) perror("PPC_PTRACE_SETHWDEBUG");

  for (;;) {
    ptrace(PTRACE_CONT, child, 0, 0);
    waitpid(child, &status, 0);
    if (!WIFSTOPPED(status)) break;
    siginfo_t si;
    ptrace(PTRACE_GETSIGINFO, child, 0, &si);
    if (WSTOPSIG(status) != SIGTRAP || si.si_code != TRAP_HWBKPT) continue;
    struct pt_regs regs;
    ptrace(PTRACE_GETREGS, child, 0, &regs);
    long before = ptrace(PTRACE_PEEKDATA, child, (void *)&total, 0);
    printf("watchpoint: the store at %#lx is about to change total (now %ld)\n", (unsigned long)regs.nip, before);
    /* the watchpoint fired before the store and is now off (one-shot): step over the store,
     * then watch again for the next one */
    ptrace(PPC_PTRACE_DELHWDEBUG, child, 0, (void *)handle);
    ptrace(PTRACE_SINGLESTEP, child, 0, 0);
    waitpid(child, &status, 0);
    printf("            total is now %ld\n", ptrace(PTRACE_PEEKDATA, child, (void *)&total, 0));
    handle = watch(child);
  }
  long long n = -1;
  if (counter >= 0) read(counter, &n, sizeof n);
  printf("child exited %d; perf counted %lld stores to total\n", WEXITSTATUS(status), n);
  return 0;
}
