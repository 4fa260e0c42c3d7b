// Timers as descriptors (timerfd), as event loops and periodic tasks use them: a blocking read of a
// monotonic timer, a periodic one read after a sleep, poll and epoll waking on expiry, an absolute
// CLOCK_REALTIME time already past, timerfd_gettime before and after disarming, TFD_NONBLOCK's EAGAIN
// and the argument errors. Counts that depend on real time are printed as ">= 1".
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static struct itimerspec spec(long vs, long vns, long is, long ins) {
  struct itimerspec t = {{is, ins}, {vs, vns}};
  return t;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int t = timerfd_create(CLOCK_MONOTONIC, 0);
  struct itimerspec s = spec(0, 20 * 1000 * 1000, 0, 0), old, cur;
  printf("settime %d\n", timerfd_settime(t, 0, &s, &old));
  printf("old value %ld.%09ld\n", (long)old.it_value.tv_sec, old.it_value.tv_nsec);
  timerfd_gettime(t, &cur);
  printf("armed, left <= 20ms %d, > 0 %d\n", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec <= 20000000,
         cur.it_value.tv_nsec > 0);
  uint64_t n = 0;
  printf("blocking read %zd count %llu\n", read(t, &n, 8), (unsigned long long)n);
  timerfd_gettime(t, &cur);
  printf("one-shot done: value %ld.%09ld\n", (long)cur.it_value.tv_sec, cur.it_value.tv_nsec);

  int p = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  printf("cloexec %d nonblock %d\n", fcntl(p, F_GETFD), !!(fcntl(p, F_GETFL) & O_NONBLOCK));
  s = spec(0, 5 * 1000 * 1000, 0, 5 * 1000 * 1000);
  timerfd_settime(p, 0, &s, NULL);
  printf("early read %zd %s\n", read(p, &n, 8), strerror(errno));
  usleep(12000);
  read(p, &n, 8);
  printf("periodic after 12ms: count >= 1 %d\n", n >= 1);
  timerfd_gettime(p, &cur);
  printf("interval %ld.%09ld\n", (long)cur.it_interval.tv_sec, cur.it_interval.tv_nsec);

  struct pollfd pf = {.fd = p, .events = POLLIN};
  read(p, &n, 8);
  printf("poll wakes on expiry %d revents %#x\n", poll(&pf, 1, 1000), pf.revents);
  read(p, &n, 8);

  int ep = epoll_create1(0);
  struct epoll_event e = {.events = EPOLLIN, .data.fd = p}, got;
  epoll_ctl(ep, EPOLL_CTL_ADD, p, &e);
  printf("epoll wakes on expiry %d fd ok %d\n", epoll_wait(ep, &got, 1, 1000), got.data.fd == p);
  read(p, &n, 8);

  s = spec(0, 0, 0, 0);
  timerfd_settime(p, 0, &s, &old);
  printf("disarmed: old interval %ld.%09ld\n", (long)old.it_interval.tv_sec, old.it_interval.tv_nsec);
  timerfd_gettime(p, &cur);
  printf("now %ld.%09ld / %ld.%09ld\n", (long)cur.it_value.tv_sec, cur.it_value.tv_nsec, (long)cur.it_interval.tv_sec,
         cur.it_interval.tv_nsec);
  printf("poll disarmed, 10ms: %d\n", poll(&pf, 1, 10));

  int r = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK);
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  s = spec(now.tv_sec - 10, 0, 0, 0);
  printf("absolute past %d\n", timerfd_settime(r, TFD_TIMER_ABSTIME, &s, NULL));
  printf("read at once %zd count %llu\n", read(r, &n, 8), (unsigned long long)n);

  printf("bad clock %d %s\n", timerfd_create(CLOCK_PROCESS_CPUTIME_ID, 0), strerror(errno));
  printf("bad flags %d %s\n", timerfd_create(CLOCK_MONOTONIC, 1), strerror(errno));
  char small[4];
  printf("short read %zd %s\n", read(r, small, 4), strerror(errno));
  s = spec(0, 2000000000L, 0, 0);
  printf("bad nsec %d %s\n", timerfd_settime(r, 0, &s, NULL), strerror(errno));
  printf("settime on a pipe %d %s\n", timerfd_settime(0, 0, &s, NULL), strerror(errno));
  printf("write %zd %s\n", write(r, &n, 8), strerror(errno));
  return 0;
}
