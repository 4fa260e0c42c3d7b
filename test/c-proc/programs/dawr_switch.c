// POWER9's DAWR switch, /sys/kernel/debug/powerpc/dawr_enable_dangerous: off by default (no data
// breakpoint: GETHWDBGINFO reports none and perf_event_open ENODEV), on after writing Y (one DAWR,
// counting), and a counter opened while on goes on counting after N is written (the kernel does not
// clear the DAWRs then), while new ones get ENODEV again. On other models the file does not exist.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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

#define SWITCH "/sys/kernel/debug/powerpc/dawr_enable_dangerous"
static volatile unsigned long a_var __attribute__((aligned(64)));
static int failures;

static void check(int cond, const char *what) {
  printf("%s %s\n", cond ? "ok  " : "FAIL", what);
  if (!cond) failures++;
}

static int counter(void) {
  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.type = PERF_TYPE_BREAKPOINT;
  attr.size = sizeof attr;
  attr.bp_type = HW_BREAKPOINT_R;
  attr.bp_addr = (unsigned long)&a_var;
  attr.bp_len = 8;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  return syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
}

static char state(void) {
  char c = '?';
  int fd = open(SWITCH, O_RDONLY);
  if (fd >= 0) {
    read(fd, &c, 1);
    close(fd);
  }
  return c;
}

static void set(const char *v) {
  int fd = open(SWITCH, O_WRONLY);
  write(fd, v, strlen(v));
  close(fd);
}

static int data_bps(unsigned long *features) {
  pid_t c = fork();
  if (c == 0) {
    ptrace(PTRACE_TRACEME, 0, 0, 0);
    raise(SIGSTOP);
    _exit(0);
  }
  int st;
  waitpid(c, &st, 0);
  struct ppc_debug_info info;
  memset(&info, 0, sizeof info);
  ptrace(PPC_PTRACE_GETHWDBGINFO, c, 0, &info);
  kill(c, SIGKILL);
  waitpid(c, &st, 0);
  *features = info.features;
  return info.num_data_bps;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  unsigned long f;
  if (access(SWITCH, F_OK) != 0) {
    check(errno == ENOENT, "no switch on this model");
    int fd = counter();
    check(fd >= 0 || errno == ENODEV, "perf breakpoints as the model has them");
    printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
    return failures != 0;
  }
  check(state() == 'N', "the switch reads N at boot");
  check(data_bps(&f) == 0 && !(f & 0x10), "GETHWDBGINFO: no data breakpoint, no DAWR feature");
  errno = 0;
  check(counter() < 0 && errno == ENODEV, "perf_event_open: ENODEV");
  set("Y\n");
  check(state() == 'Y', "after writing Y it reads Y");
  check(data_bps(&f) == 1 && (f & 0x10), "GETHWDBGINFO: one data breakpoint, with the DAWR feature");
  int fd = counter();
  check(fd >= 0, "perf_event_open succeeds");
  unsigned long x = a_var;
  long long v = 0;
  read(fd, &v, sizeof v);
  check(v == 1, "and counts a load");
  set("off");
  check(state() == 'N', "\"off\" turns it off");
  x += a_var;
  read(fd, &v, sizeof v);
  check(v == 2, "the counter opened before goes on counting (the DAWRs are not cleared)");
  errno = 0;
  check(counter() < 0 && errno == ENOSPC, "a second counter: ENOSPC (the slot is reserved, checked before the DAWR)");
  close(fd);
  errno = 0;
  check(counter() < 0 && errno == ENODEV, "once it is closed, new counters: ENODEV again");
  set("maybe");
  check(state() == 'N', "a word that is not a boolean changes nothing");
  (void)x;
  printf("%s\n", failures ? "SOME CHECKS FAILED" : "all checks passed");
  return failures != 0;
}
