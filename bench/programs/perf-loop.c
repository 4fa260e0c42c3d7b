// SPDX-License-Identifier: MIT
// The loop of the kernel's perf-hwbreak selftest, written for the benchmark: a process opens a perf
// breakpoint counter on one of its own ints (read and write, user only, disabled at first), enables
// it, loads and stores the int N times, disables it and reads the count, which must be 2N. Every
// hit goes through the system-call path: the event was made by perf_event_open, its fd is the
// process's, and ENABLE/DISABLE/read are the fd's ioctls and read().
// argv[1]: N (default 200000)
#include <linux/hw_breakpoint.h>
#include <linux/perf_event.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 200000;
  volatile int value = 0;
  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.type = PERF_TYPE_BREAKPOINT;
  attr.size = sizeof attr;
  attr.bp_type = HW_BREAKPOINT_RW;
  attr.bp_addr = (unsigned long)&value;
  attr.bp_len = sizeof value;
  attr.disabled = 1;
  attr.exclude_kernel = 1;
  attr.exclude_hv = 1;
  int fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
  if (fd < 0) {
    perror("perf_event_open");
    return 1;
  }
  ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
  for (long i = 0; i < n; i++) {
    int j = value;
    value = j + 1;
  }
  ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
  long long count = 0;
  if (read(fd, &count, sizeof count) != sizeof count) return 1;
  printf("%lld\n", count);
  return count == 2 * n ? 0 : 1;
}
