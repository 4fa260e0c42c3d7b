// perf_event_open as a program uses it on breakpoints: every attr size the uapi has had (VER0 leaves
// bp_len unread), a larger attr with a non-zero tail (E2BIG, the size the kernel knows written back),
// the argument errors, read_format (times, id, groups), the ioctls (enable, disable, reset, id,
// refresh, modify attributes), counters inherited by children (attr.inherit) and descriptors
// inherited by fork, slots given back by close, kernel-mode copies counted unless exclude_kernel,
// and kernel symbols from /proc/kallsyms whose accesses a kernel-only counter sees (pid_max at fork).
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/ptrace.h>

static volatile unsigned long a_var __attribute__((aligned(64)));
static volatile unsigned long b_var __attribute__((aligned(64)));
static volatile char buf_var[64] __attribute__((aligned(64)));
static int failures;

static void check(int cond, const char *what) {
  printf("%s %s\n", cond ? "ok  " : "FAIL", what);
  if (!cond) failures++;
}

static void fill(struct perf_event_attr *attr, volatile void *addr, int len, int type) {
  memset(attr, 0, sizeof *attr);
  attr->type = PERF_TYPE_BREAKPOINT;
  attr->size = sizeof *attr;
  attr->bp_type = type;
  attr->bp_addr = (unsigned long)addr;
  attr->bp_len = len;
  attr->exclude_kernel = 1;
  attr->exclude_hv = 1;
}

static int open_attr(void *attr, pid_t pid, int cpu, int group) { return syscall(SYS_perf_event_open, attr, pid, cpu, group, 0); }

static int counter(volatile void *addr, int type) {
  struct perf_event_attr attr;
  fill(&attr, addr, 8, type);
  return open_attr(&attr, 0, -1, -1);
}

static long long value(int fd) {
  long long v = -1;
  if (read(fd, &v, sizeof v) != sizeof v) return -1;
  return v;
}

static unsigned long kallsym(const char *name) {
  FILE *f = fopen("/proc/kallsyms", "r");
  if (!f) return 0;
  char line[256], sym[128], type;
  unsigned long addr, found = 0;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "%lx %c %127s", &addr, &type, sym) == 3 && !strcmp(sym, name)) found = addr;
  fclose(f);
  return found;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  /* how many slots the machine has (ptrace on a child tells) */
  int slots = 0;
  pid_t t = fork();
  if (t == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    _exit(0);
  }
  int st;
  waitpid(t, &st, 0);
  struct ppc_debug_info info;
  memset(&info, 0, sizeof info);
  ptrace(PPC_PTRACE_GETHWDBGINFO, t, 0, &info);
  slots = info.num_data_bps;
  kill(t, SIGKILL);
  waitpid(t, &st, 0);
  printf("%d slot(s)\n", slots);
  if (slots == 0) {
    check(counter(&a_var, HW_BREAKPOINT_R) < 0 && errno == ENODEV, "no breakpoints: ENODEV");
    printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
    return failures != 0;
  }

  /* the attr's size */
  unsigned char big[512];
  struct perf_event_attr *attr = (struct perf_event_attr *)big;
  memset(big, 0, sizeof big);
  fill(attr, &a_var, 8, HW_BREAKPOINT_R);
  attr->size = 64; /* PERF_ATTR_SIZE_VER0: bp_len (offset 64) is not part of it */
  errno = 0;
  check(open_attr(attr, 0, -1, -1) < 0 && errno == EINVAL, "size 64 (VER0): bp_len unread, so 0: EINVAL");
  attr->size = 72; /* VER1 */
  int fd = open_attr(attr, 0, -1, -1);
  check(fd >= 0, "size 72 (VER1) opens");
  close(fd);
  attr->size = 0; /* means VER0 */
  errno = 0;
  check(open_attr(attr, 0, -1, -1) < 0 && errno == EINVAL, "size 0 is VER0: EINVAL likewise");
  attr->size = 200;
  fd = open_attr(attr, 0, -1, -1);
  check(fd >= 0, "size 200 with a zero tail opens");
  close(fd);
  big[150] = 1;
  attr->size = 200;
  errno = 0;
  check(open_attr(attr, 0, -1, -1) < 0 && errno == E2BIG && attr->size == 136, "size 200 with a non-zero byte past the kernel's attr: E2BIG, size 136 written back");
  big[150] = 0;
  attr->size = 48;
  errno = 0;
  check(open_attr(attr, 0, -1, -1) < 0 && errno == E2BIG, "size 48: E2BIG");

  /* argument errors */
  struct perf_event_attr a;
  fill(&a, &a_var, 8, HW_BREAKPOINT_R);
  errno = 0;
  check(open_attr(&a, -1, -1, -1) < 0 && errno == EINVAL, "pid -1 with cpu -1: EINVAL");
  errno = 0;
  check(open_attr(&a, 999999, -1, -1) < 0 && errno == ESRCH, "a pid that does not exist: ESRCH");
  errno = 0;
  check(open_attr(&a, 0, 64, -1) < 0 && errno == EINVAL, "cpu 64: EINVAL");
  errno = 0;
  check(open_attr(&a, 0, -1, 0) < 0 && errno == EBADF, "group_fd 0 (not a perf event): EBADF");
  errno = 0;
  check(syscall(SYS_perf_event_open, &a, 0, -1, -1, 0x80UL) < 0 && errno == EINVAL, "an unknown flag: EINVAL");
  a.bp_type = HW_BREAKPOINT_EMPTY;
  errno = 0;
  check(open_attr(&a, 0, -1, -1) < 0 && errno == EINVAL, "bp_type EMPTY: EINVAL");
  fill(&a, &a_var, 8, HW_BREAKPOINT_R);
  a.exclude_kernel = 0;
  a.bp_addr = kallsym("pid_max");
  a.exclude_user = 1;
  a.bp_len = 4;
  fd = open_attr(&a, 0, -1, -1);
  check(fd >= 0, "a kernel address with exclude_kernel clear (root): opens");
  close(fd);
  a.exclude_kernel = 1;
  errno = 0;
  check(open_attr(&a, 0, -1, -1) < 0 && errno == EINVAL, "a kernel address with exclude_kernel set: EINVAL");

  /* counting, the ioctls, read_format */
  fill(&a, &a_var, 8, HW_BREAKPOINT_RW);
  a.disabled = 1;
  a.read_format = PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_ID;
  fd = open_attr(&a, 0, -1, -1);
  a_var = a_var + 1; /* disabled: not counted */
  ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
  a_var = a_var + 1; /* a load and a store */
  ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
  a_var = a_var + 1;
  unsigned long long r[3] = {0, 0, 0}, id = 0;
  check(read(fd, r, sizeof r) == 24 && r[0] == 2, "enabled around one a++: counts its load and its store (2)");
  ioctl(fd, PERF_EVENT_IOC_ID, &id);
  check(id != 0 && r[2] == id, "PERF_FORMAT_ID gives the id PERF_EVENT_IOC_ID gives");
  check(r[1] > 0, "TOTAL_TIME_ENABLED is not zero");
  errno = 0;
  check(read(fd, r, 16) < 0 && errno == ENOSPC, "a read smaller than read_format asks: ENOSPC");
  ioctl(fd, PERF_EVENT_IOC_RESET, 0);
  read(fd, r, sizeof r);
  check(r[0] == 0, "RESET: 0");
  errno = 0;
  check(ioctl(fd, PERF_EVENT_IOC_REFRESH, 1) < 0 && errno == EINVAL, "REFRESH of a counting event: EINVAL");
  errno = 0;
  check(ioctl(fd, 0x2400ff, 0) < 0 && errno == ENOTTY, "an unknown ioctl: ENOTTY");
  close(fd);

  /* MODIFY_ATTRIBUTES: the breakpoint moves to b; other fields must stay */
  fill(&a, &a_var, 8, HW_BREAKPOINT_R);
  fd = open_attr(&a, 0, -1, -1);
  a.bp_addr = (unsigned long)&b_var;
  check(ioctl(fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &a) == 0, "MODIFY_ATTRIBUTES to b");
  unsigned long x = a_var + b_var + b_var;
  (void)x;
  check(value(fd) == 2, "then counts the loads of b, not of a");
  a.exclude_user = 1;
  errno = 0;
  check(ioctl(fd, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, &a) < 0 && errno == EINVAL, "MODIFY_ATTRIBUTES changing exclude_user: EINVAL");
  close(fd);

  if (slots >= 2) {
    /* a group: read together with PERF_FORMAT_GROUP, enabled together with PERF_IOC_FLAG_GROUP */
    fill(&a, &a_var, 8, HW_BREAKPOINT_R);
    a.disabled = 1;
    a.read_format = PERF_FORMAT_GROUP | PERF_FORMAT_ID;
    int leader = open_attr(&a, 0, -1, -1);
    fill(&a, &b_var, 8, HW_BREAKPOINT_R);
    a.disabled = 1;
    a.read_format = PERF_FORMAT_GROUP | PERF_FORMAT_ID;
    int sib = open_attr(&a, 0, -1, leader);
    check(leader >= 0 && sib >= 0, "a group of two counters");
    ioctl(leader, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP);
    x = a_var + b_var + b_var;
    ioctl(leader, PERF_EVENT_IOC_DISABLE, PERF_IOC_FLAG_GROUP);
    unsigned long long g[5] = {0};
    check(read(sib, g, sizeof g) == 40 && g[0] == 2 && g[1] == 1 && g[3] == 2, "read of a member gives the group: nr 2, a counted 1, b counted 2");
    close(sib);
    close(leader);
  }

  /* inheritance: attr.inherit counts the children too; without it only the descriptor is shared */
  for (int inherit = 1; inherit >= 0; inherit--) {
    fill(&a, &a_var, 8, HW_BREAKPOINT_R);
    a.inherit = inherit;
    fd = open_attr(&a, 0, -1, -1);
    x = a_var;
    pid_t c = fork();
    if (c == 0) {
      for (int i = 0; i < 3; i++) x += a_var;
      _exit(value(fd) >= 0 ? 0 : 1); /* the descriptor works in the child */
    }
    waitpid(c, &st, 0);
    long long v = value(fd);
    if (inherit) check(v == 4 && WEXITSTATUS(st) == 0, "inherit: the child's 3 loads add to ours (4)");
    else check(v == 1 && WEXITSTATUS(st) == 0, "no inherit: only our load counts (1); the child could read the fd");
    close(fd);
  }

  /* close gives the slot back */
  int fds[4], n = 0;
  for (; n < 4; n++)
    if ((fds[n] = counter(&b_var, HW_BREAKPOINT_W)) < 0) break;
  check(n == slots && errno == ENOSPC, "as many counters as slots, then ENOSPC");
  close(fds[0]);
  int again = counter(&b_var, HW_BREAKPOINT_W);
  check(again >= 0, "closing one lets another open");
  close(again);
  for (int i = 1; i < n; i++) close(fds[i]);

  /* the kernel's copy into a watched buffer: counted unless exclude_kernel */
  for (int excl = 0; excl < 2; excl++) {
    fill(&a, buf_var + 8, 8, HW_BREAKPOINT_W);
    a.exclude_kernel = excl;
    fd = open_attr(&a, 0, -1, -1);
    int p[2];
    pipe(p);
    write(p[1], "0123456789abcdef", 16);
    read(p[0], (char *)buf_var, 16);
    close(p[0]);
    close(p[1]);
    if (excl) check(value(fd) == 0, "exclude_kernel: read()'s copy is not counted");
    else check(value(fd) == 1, "read() copying 16 bytes over it: one kernel-mode store counted");
    close(fd);
  }

  /* kernel symbols: pid_max is read by every fork (alloc_pid) */
  unsigned long pid_max = kallsym("pid_max");
  check(pid_max >= 0xc000000000000000UL, "/proc/kallsyms lists pid_max at a kernel address");
  memset(&a, 0, sizeof a);
  a.type = PERF_TYPE_BREAKPOINT;
  a.size = sizeof a;
  a.bp_type = HW_BREAKPOINT_R;
  a.bp_addr = pid_max;
  a.bp_len = 4;
  a.exclude_user = 1;
  a.exclude_hv = 1;
  fd = open_attr(&a, 0, -1, -1);
  check(fd >= 0, "a kernel-only counter on pid_max");
  for (int i = 0; i < 3; i++) {
    pid_t c = fork();
    if (c == 0) _exit(0);
    waitpid(c, &st, 0);
  }
  check(value(fd) == 3, "three forks: pid_max read three times");
  close(fd);

  printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
  return failures != 0;
}
