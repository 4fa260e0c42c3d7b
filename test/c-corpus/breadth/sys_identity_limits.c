// What a portability probe prints about its machine, limited to what Linux/POWER fixes: uname's
// sysname and machine, sched_getaffinity of CPU 0, scheduler policy and priority range, prlimit
// round trips, scheduling policies (kept across fork), clock_getres of the precise clocks, getentropy/getrandom lengths, getauxval keys
// that do not vary, confstr, pathconf on a pipe, sysconf limits that are the kernel's constants.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct utsname u;
  printf("uname %d sysname %s machine %s\n", uname(&u), u.sysname, u.machine);
  cpu_set_t set;
  CPU_ZERO(&set);
  printf("getaffinity %d cpu0 %d\n", sched_getaffinity(0, sizeof set, &set), CPU_ISSET(0, &set));
  printf("sched_getcpu >= 0 %d\n", sched_getcpu() >= 0);
  printf("policy %d other %d\n", sched_getscheduler(0), SCHED_OTHER);
  printf("prio range other %d..%d fifo %d..%d\n", sched_get_priority_min(SCHED_OTHER),
         sched_get_priority_max(SCHED_OTHER), sched_get_priority_min(SCHED_FIFO), sched_get_priority_max(SCHED_FIFO));
  printf("sched_yield %d\n", sched_yield());
  struct sched_param sp = {0};
  printf("getparam %d prio %d\n", sched_getparam(0, &sp), sp.sched_priority);
  struct timespec rr;
  printf("rr_interval %d\n", sched_rr_get_interval(0, &rr) == 0);
  printf("setscheduler batch %d now %#x\n", sched_setscheduler(0, SCHED_BATCH | SCHED_RESET_ON_FORK, &sp),
         sched_getscheduler(0));
  printf("setscheduler other prio 3: %d %s\n", sched_setscheduler(0, SCHED_OTHER, &(struct sched_param){3}),
         strerror(errno));
  fflush(stdout);
  if (fork() == 0) {
    printf("child policy %#x\n", sched_getscheduler(0));
    fflush(stdout);
    _exit(0);
  }
  wait(NULL);
  printf("back to other %d now %d\n", sched_setscheduler(0, SCHED_OTHER, &sp), sched_getscheduler(0));
  printf("getscheduler -1: %d %s\n", sched_getscheduler(-1), strerror(errno));

  struct rlimit old, nw = {1000, 2000}, back;
  printf("prlimit set %d\n", prlimit(0, RLIMIT_NOFILE, &nw, &old));
  printf("prlimit get %d -> %llu %llu\n", prlimit(0, RLIMIT_NOFILE, NULL, &back), (unsigned long long)back.rlim_cur,
         (unsigned long long)back.rlim_max);
  struct rlimit cpu = {RLIM_INFINITY, RLIM_INFINITY};
  getrlimit(RLIMIT_CPU, &cpu);
  printf("cpu infinite %d\n", cpu.rlim_cur == RLIM_INFINITY);
  printf("OPEN_MAX via sysconf %ld\n", sysconf(_SC_OPEN_MAX));
  errno = 0;
  printf("bad resource %d %s\n", getrlimit(99, &cpu), strerror(errno));

  clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
                     CLOCK_BOOTTIME, CLOCK_MONOTONIC_RAW};
  for (unsigned i = 0; i < sizeof ids / sizeof ids[0]; i++) {
    struct timespec r = {9, 9};
    int rc = clock_getres(ids[i], &r);
    printf("clock_getres(%d) %d %lld.%09ld\n", ids[i], rc, (long long)r.tv_sec, r.tv_nsec);
  }
  struct timespec r;
  printf("clock_getres bad %d %s\n", clock_getres(1234, &r), strerror(errno));

  unsigned char buf[300];
  printf("getentropy 256 %d, 257 %d %s\n", getentropy(buf, 256), getentropy(buf, 257), strerror(errno));
  printf("getrandom 300 %ld nonblock %ld\n", (long)getrandom(buf, 300, 0), (long)getrandom(buf, 16, GRND_NONBLOCK));
  printf("getrandom bad flags %ld %s\n", (long)getrandom(buf, 16, 0x100), strerror(errno));

  printf("AT_PAGESZ matches sysconf %d\n", getauxval(AT_PAGESZ) == (unsigned long)sysconf(_SC_PAGESIZE));
  printf("AT_UID %lu AT_EUID %lu AT_SECURE %lu\n", getauxval(AT_UID) == getuid(), getauxval(AT_EUID) == geteuid(),
         getauxval(AT_SECURE));
  errno = 0;
  printf("AT_ENTRY nonzero %d, unknown key %lu errno %s\n", getauxval(AT_ENTRY) != 0, getauxval(12345),
         strerror(errno));
  printf("AT_EXECFN %s\n", (const char *)getauxval(AT_EXECFN));
  printf("AT_RANDOM nonzero %d\n", getauxval(AT_RANDOM) != 0);

  char cs[256];
  size_t n = confstr(_CS_PATH, cs, sizeof cs);
  printf("confstr PATH %zu %s\n", n, cs);
  n = confstr(_CS_GNU_LIBC_VERSION, cs, sizeof cs);
  printf("libc version has glibc %d\n", strncmp(cs, "glibc ", 6) == 0);
  int p[2];
  pipe(p);
  printf("fpathconf PIPE_BUF %ld NAME_MAX %ld\n", fpathconf(p[0], _PC_PIPE_BUF), pathconf(".", _PC_NAME_MAX));
  printf("ARG_MAX %ld CHILD_MAX>0 %d CLK_TCK %ld NGROUPS %ld LINE_MAX %ld\n", sysconf(_SC_ARG_MAX),
         sysconf(_SC_CHILD_MAX) > 0, sysconf(_SC_CLK_TCK), sysconf(_SC_NGROUPS_MAX), sysconf(_SC_LINE_MAX));
  printf("SEM_VALUE_MAX %ld RTSIG_MAX %ld IOV_MAX %ld HOST_NAME_MAX %ld\n", sysconf(_SC_SEM_VALUE_MAX),
         sysconf(_SC_RTSIG_MAX), sysconf(_SC_IOV_MAX), sysconf(_SC_HOST_NAME_MAX));
  printf("SIGRTMIN %d SIGRTMAX %d\n", SIGRTMIN, SIGRTMAX);
  return 0;
}
