// A parent tracing forked children with ptrace watchpoints and perf breakpoint counters, as the
// kernel's ptrace-perf selftests do, checked against what the kernel decides for the machine it runs
// on: the policy (6.5 with its ptrace/perf exclusion, or 6.6) from uname, the slots from
// PPC_PTRACE_GETHWDBGINFO. Overlapping and separate data on one task, a per-CPU counter, slot
// exhaustion and the per-thread handle limit, kernel-mode copies into watched user memory, and the
// 6.5-only refusals with their order dependence between tasks.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/sysinfo.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/ptrace.h>

static volatile unsigned long a_var __attribute__((aligned(64)));
static volatile unsigned long b_var __attribute__((aligned(64)));
static volatile char buf_var[64] __attribute__((aligned(64)));

static int failures, pre, slots, ncpus;

static void check(int cond, const char *what) {
  printf("%s %s\n", cond ? "ok  " : "FAIL", what);
  if (!cond) failures++;
}

/* ---- the children ---- */

static void child_reads(void) {
  unsigned long x = a_var;
  unsigned long y = b_var;
  (void)x;
  (void)y;
}

static void child_copies(void) {
  int p[2];
  pipe(p);
  write(p[1], "0123456789abcdef", 16);
  read(p[0], (char *)buf_var, 16); /* the kernel's copy_to_user writes the watched buffer */
}

static pid_t traced(void (*body)(void)) {
  pid_t c = fork();
  if (c == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    body();
    _exit(0);
  }
  int st;
  waitpid(c, &st, 0);
  return c;
}

static pid_t sleeper(void) {
  pid_t c = fork();
  if (c == 0)
    for (;;) pause();
  return c;
}

static void finish(pid_t c) {
  kill(c, SIGKILL);
  int st;
  waitpid(c, &st, 0);
}

/* ---- the calls ---- */

static int perf_open(pid_t pid, int cpu, volatile void *addr, int len, int type) {
  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.type = PERF_TYPE_BREAKPOINT;
  attr.size = sizeof attr;
  attr.bp_type = type;
  attr.bp_addr = (unsigned long)addr;
  attr.bp_len = len;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  return syscall(SYS_perf_event_open, &attr, pid, cpu, -1, 0);
}

static long count(int fd) {
  long long v = -1;
  if (read(fd, &v, sizeof v) != sizeof v) return -1;
  return (long)v;
}

static long sethw(pid_t pid, int trigger, volatile void *addr, int len) {
  struct ppc_hw_breakpoint bp = {
    .version = 1,
    .trigger_type = trigger,
    .addr_mode = PPC_BREAKPOINT_MODE_RANGE_INCLUSIVE,
    .condition_mode = PPC_BREAKPOINT_CONDITION_NONE,
    .addr = (unsigned long)addr,
    .addr2 = (unsigned long)addr + len,
  };
  return ptrace(PPC_PTRACE_SETHWDEBUG, pid, 0, &bp);
}

/* continues `c` and reports how it stopped: "trap@ADDR" for a watchpoint, "exit", or the signal */
static const char *cont(pid_t c, unsigned long *addr) {
  int st;
  siginfo_t si;
  ptrace(PTRACE_CONT, c, 0, 0);
  waitpid(c, &st, 0);
  if (WIFEXITED(st)) return "exit";
  if (!WIFSTOPPED(st)) return "?";
  memset(&si, 0, sizeof si);
  ptrace(PTRACE_GETSIGINFO, c, 0, &si);
  if (WSTOPSIG(st) == SIGTRAP && si.si_code == TRAP_HWBKPT) {
    if (addr) *addr = (unsigned long)si.si_addr;
    return "watchpoint";
  }
  return strsignal(WSTOPSIG(st));
}

static int near(unsigned long addr, volatile void *var) {
  unsigned long v = (unsigned long)var;
  return addr >= (v & ~7UL) && addr <= ((v + 7) | 7);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct utsname u;
  uname(&u);
  pre = strncmp(u.release, "6.5", 3) == 0;
  ncpus = get_nprocs();
  pid_t c = traced(child_reads);
  struct ppc_debug_info info;
  memset(&info, 0, sizeof info);
  ptrace(PPC_PTRACE_GETHWDBGINFO, c, 0, &info);
  slots = info.num_data_bps;
  printf("kernel %s, %d data breakpoint slot(s), %d CPUs\n", pre ? "6.5" : "6.6", slots, ncpus);
  finish(c);
  if (slots == 0) {
    int fd = perf_open(getpid(), -1, &a_var, 8, HW_BREAKPOINT_R);
    check(fd < 0 && errno == ENODEV, "no breakpoint available: perf_event_open gives ENODEV");
    c = traced(child_reads);
    errno = 0;
    check(sethw(c, PPC_BREAKPOINT_TRIGGER_READ, &a_var, 8) < 0 && errno == ENODEV, "and SETHWDEBUG ENODEV");
    finish(c);
    printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
    return failures != 0;
  }
  unsigned long addr = 0;
  char what[160];

  /* 1. the same doubleword watched by ptrace and counted by perf, on one task */
  c = traced(child_reads);
  int pf = perf_open(c, -1, &a_var, 8, HW_BREAKPOINT_R);
  check(pf >= 0, "perf counter on the child's a");
  errno = 0;
  long h = sethw(c, PPC_BREAKPOINT_TRIGGER_READ, &a_var, 8);
  if (slots < 2) check(h < 0 && errno == ENOSPC, "ptrace watchpoint on the same a: ENOSPC (one slot, taken by perf)");
  else if (pre) check(h < 0 && errno == ENOSPC, "ptrace watchpoint on the same a: ENOSPC (6.5's ptrace/perf exclusion)");
  else {
    check(h == 1, "ptrace watchpoint on the same a: handle 1 (6.6 lets them share the doubleword)");
    const char *s = cont(c, &addr);
    check(!strcmp(s, "watchpoint") && near(addr, &a_var) && count(pf) == 0, "stops before the load of a; perf has counted nothing yet (after-execute)");
    ptrace(PTRACE_SINGLESTEP, c, 0, 0);
    int st;
    waitpid(c, &st, 0);
    check(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTRAP && count(pf) == 1, "a single step executes the load: perf counts 1");
  }
  check(!strcmp(cont(c, NULL), "exit"), "the child runs to its end");
  close(pf);

  /* 2. separate data: perf on a, ptrace on b; the child reads a then b */
  c = traced(child_reads);
  pf = perf_open(c, -1, &a_var, 8, HW_BREAKPOINT_R);
  errno = 0;
  h = sethw(c, PPC_BREAKPOINT_TRIGGER_READ, &b_var, 8);
  if (slots < 2) check(h < 0 && errno == ENOSPC, "ptrace on b besides perf on a: ENOSPC (one slot)");
  else {
    check(h == 1, "ptrace on b besides perf on a: allowed (no overlap, two slots)");
    const char *s = cont(c, &addr);
    check(!strcmp(s, "watchpoint") && near(addr, &b_var) && count(pf) == 1, "perf counted the load of a, ptrace stopped before the load of b");
  }
  check(!strcmp(cont(c, NULL), "exit"), "the child runs to its end");
  close(pf);

  /* 3. slot exhaustion: per-task counters on the child until ENOSPC; then ptrace gets ENOSPC too */
  c = traced(child_reads);
  int fds[4], n = 0;
  for (; n < 4; n++) {
    fds[n] = perf_open(c, -1, &b_var, 8, HW_BREAKPOINT_W);
    if (fds[n] < 0) break;
  }
  snprintf(what, sizeof what, "%d per-task counters fit on the child, the next is ENOSPC", slots);
  check(n == slots && errno == ENOSPC, what);
  errno = 0;
  check(sethw(c, PPC_BREAKPOINT_TRIGGER_WRITE, &b_var, 8) < 0 && errno == ENOSPC, "a ptrace watchpoint then: ENOSPC");
  close(fds[0]);
  h = sethw(c, PPC_BREAKPOINT_TRIGGER_WRITE, &a_var, 8);
  check(h == 1, "after closing one counter, SETHWDEBUG (on other data) succeeds");
  for (int i = 1; i < n; i++) close(fds[i]);
  /* the per-thread handle limit: as many ptrace watchpoints as slots */
  int handles = h > 0;
  while (handles < 4 && sethw(c, PPC_BREAKPOINT_TRIGGER_WRITE, &a_var, 8) > 0) handles++;
  snprintf(what, sizeof what, "%d ptrace watchpoint(s) per thread, then ENOSPC", slots);
  check(handles == slots && errno == ENOSPC, what);
  errno = 0;
  check(ptrace(PPC_PTRACE_DELHWDEBUG, c, 0, (void *)(long)(slots + 1)) < 0 && errno == EINVAL, "DELHWDEBUG of a handle past the slots: EINVAL");
  check(ptrace(PPC_PTRACE_DELHWDEBUG, c, 0, (void *)1L) == 0, "DELHWDEBUG 1");
  errno = 0;
  check(ptrace(PPC_PTRACE_DELHWDEBUG, c, 0, (void *)1L) < 0 && errno == ENOENT, "DELHWDEBUG 1 again: ENOENT");
  finish(c);

  /* 4. a per-CPU counter on every CPU counts whoever reads, wherever it runs */
  c = traced(child_reads);
  int cpufd[8], opened = 0;
  for (int i = 0; i < ncpus && i < 8; i++, opened++) cpufd[i] = perf_open(-1, i, &b_var, 8, HW_BREAKPOINT_R);
  int all = 1;
  for (int i = 0; i < opened; i++) all = all && cpufd[i] >= 0;
  check(all, "a per-CPU counter on b on each CPU");
  check(!strcmp(cont(c, NULL), "exit"), "the child reads b and exits");
  long total = 0;
  for (int i = 0; i < opened; i++) total += count(cpufd[i]);
  check(total == 1, "the per-CPU counters together counted its one load of b");
  for (int i = 0; i < opened; i++) close(cpufd[i]);

  /* 5. kernel-mode access: read() copies into a watched buffer; the stop comes after the call */
  c = traced(child_copies);
  h = sethw(c, PPC_BREAKPOINT_TRIGGER_WRITE, buf_var + 8, 8);
  check(h == 1, "ptrace write watchpoint on buf+8");
  const char *s = cont(c, &addr);
  check(!strcmp(s, "watchpoint") && near(addr, buf_var + 8), "the kernel's copy_to_user hits it: SIGTRAP at the return from read");
  check(ptrace(PTRACE_PEEKDATA, c, (void *)(buf_var + 8), 0) == 0x6665646362613938L, "the copy was made (the stop is after it)");
  finish(c);

  /* 6. 6.5's exclusion across tasks: per-CPU perf against any task's ptrace watchpoint, and the
   * task-on-CPU asymmetry (perf first refuses ptrace, ptrace first allows perf) */
  if (slots >= 2) {
    pid_t x = traced(child_reads), y = traced(child_reads);
    int cpu = perf_open(-1, 0, &a_var, 8, HW_BREAKPOINT_R);
    errno = 0;
    h = sethw(x, PPC_BREAKPOINT_TRIGGER_READ, &a_var, 8);
    if (pre) check(h < 0 && errno == ENOSPC, "per-CPU perf on a, then ptrace on a (another task): ENOSPC on 6.5");
    else check(h == 1, "per-CPU perf on a, then ptrace on a (another task): allowed on 6.6");
    if (h > 0) ptrace(PPC_PTRACE_DELHWDEBUG, x, 0, (void *)h);
    close(cpu);
    /* a perf event of task y bound to CPU 0 exists first: ptrace on x overlapping it */
    int yon0 = perf_open(y, 0, &a_var, 8, HW_BREAKPOINT_R);
    errno = 0;
    h = sethw(x, PPC_BREAKPOINT_TRIGGER_READ, &a_var, 8);
    if (pre) check(h < 0 && errno == ENOSPC, "task-on-CPU perf of y first, ptrace on x after: ENOSPC on 6.5");
    else check(h == 1, "task-on-CPU perf of y first, ptrace on x after: allowed on 6.6");
    if (h > 0) ptrace(PPC_PTRACE_DELHWDEBUG, x, 0, (void *)h);
    close(yon0);
    /* the other order */
    h = sethw(x, PPC_BREAKPOINT_TRIGGER_READ, &a_var, 8);
    yon0 = perf_open(y, 0, &a_var, 8, HW_BREAKPOINT_R);
    check(h == 1 && yon0 >= 0, "ptrace on x first, task-on-CPU perf of y after: allowed on both");
    close(yon0);
    /* different tasks, per-task perf: always allowed */
    int py = perf_open(y, -1, &a_var, 8, HW_BREAKPOINT_R);
    check(py >= 0, "ptrace on x and per-task perf on y, same data: allowed on both");
    close(py);
    finish(x);
    finish(y);
  }

  /* 7. per-task counting: the parent's own reads do not count for the child's counter */
  c = traced(child_reads);
  pf = perf_open(c, -1, &a_var, 8, HW_BREAKPOINT_R);
  unsigned long z = a_var + a_var;
  (void)z;
  check(count(pf) == 0, "the parent's loads of a do not count for the child's counter");
  cont(c, NULL);
  check(count(pf) == 1, "the child's one load does");
  close(pf);

  printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
  return failures != 0;
}
