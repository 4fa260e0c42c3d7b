/* Waiting: poll and select on pipes, nanosleep and clock_nanosleep, clock_gettime monotonic ordering,
   clock_getres, times and getrusage sanity, a non-blocking read (EAGAIN), pipe capacity with fcntl.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/resource.h>

int main(void) {
  int p[2]; pipe(p);
  struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
  int r = poll(pf, 2, 0); printf("poll empty: r=%d in=%d out=%d\n", r, pf[0].revents & POLLIN, (pf[1].revents & POLLOUT) != 0);
  write(p[1], "abc", 3);
  r = poll(pf, 1, 100); printf("poll data: r=%d in=%d\n", r, (pf[0].revents & POLLIN) != 0);
  fd_set rs; FD_ZERO(&rs); FD_SET(p[0], &rs); struct timeval tv = {0, 1000};
  r = select(p[0] + 1, &rs, NULL, NULL, &tv); printf("select: r=%d set=%d\n", r, FD_ISSET(p[0], &rs) != 0);
  char buf[8]; printf("read=%zd\n", read(p[0], buf, sizeof buf));
  fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
  printf("nonblock read=%zd errno=%s\n", read(p[0], buf, 1), errno == EAGAIN ? "EAGAIN" : "other");
  FD_ZERO(&rs); FD_SET(p[0], &rs); tv.tv_sec = 0; tv.tv_usec = 20000;
  r = select(p[0] + 1, &rs, NULL, NULL, &tv); printf("select timeout: r=%d\n", r);
  close(p[1]); r = poll(pf, 1, 0); printf("poll after close: hup=%d read=%zd\n", (pf[0].revents & POLLHUP) != 0, read(p[0], buf, 1));
  struct timespec t0, t1, res; clock_gettime(CLOCK_MONOTONIC, &t0);
  struct timespec d = {0, 30 * 1000 * 1000}; printf("nanosleep=%d\n", nanosleep(&d, NULL));
  clock_gettime(CLOCK_MONOTONIC, &t1);
  long el = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
  printf("slept at least 30ms: %d\n", el >= 30000000);
  printf("clock_nanosleep=%d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL));
  clock_getres(CLOCK_MONOTONIC, &res); printf("res <= 1ms: %d\n", res.tv_sec == 0 && res.tv_nsec <= 1000000);
  struct timespec bad = {0, 2000000000}; printf("nanosleep bad=%d errno=%d\n", nanosleep(&bad, NULL), errno);
  struct timeval now; gettimeofday(&now, NULL); printf("gettimeofday after 2020: %d\n", now.tv_sec > 1577836800);
  printf("time matches: %d\n", (long)time(NULL) - now.tv_sec <= 1);
  struct rusage ru; printf("getrusage=%d\n", getrusage(RUSAGE_SELF, &ru));
  clock_t c = clock(); printf("clock non-negative: %d\n", c >= 0);
  int q[2]; pipe(q); printf("pipe size >= 4096: %d\n", fcntl(q[1], F_GETPIPE_SZ) >= 4096);
  fcntl(q[1], F_SETFL, O_NONBLOCK); long tot = 0; char blk[4096]; memset(blk, 'x', sizeof blk); ssize_t w;
  while ((w = write(q[1], blk, sizeof blk)) > 0) tot += w;
  printf("filled pipe: %ld errno=%s\n", tot, errno == EAGAIN ? "EAGAIN" : "other");
  return 0;
}
