// Time in a process: alarm and SIGALRM ending pause (EINTR), alarm's return value, an interval timer
// (setitimer) firing again and again, nanosleep taking at least its time on CLOCK_MONOTONIC, a
// nanosleep cut short by a signal handler (EINTR and the time left), SA_RESTART not restarting it,
// sigsuspend waiting for one signal, and sleeping processes: the clock jumps over the idle time.
// reference: qemu (qemu-ppc64le prints the same)
// SPDX-License-Identifier: MIT
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;
static void on_alarm(int sig) {
  (void)sig;
  alarms++;
}

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);

  printf("alarm with none pending: %u\n", alarm(5));
  printf("alarm again: %u seconds were left\n", alarm(1));
  long long t0 = now_ns();
  errno = 0;
  int r = pause();
  long long t1 = now_ns();
  printf("pause: %d %s, alarms %d, at least a second later: %s\n", r, strerror(errno), (int)alarms, t1 - t0 >= 900000000LL ? "yes" : "no");
  printf("alarm(0) after it fired: %u\n", alarm(0));

  /* an interval timer: 3 expiries of 100 ms */
  struct itimerval it = {{0, 100000}, {0, 100000}};
  alarms = 0;
  setitimer(ITIMER_REAL, &it, NULL);
  while (alarms < 3) pause();
  struct itimerval off = {{0, 0}, {0, 0}}, old;
  setitimer(ITIMER_REAL, &off, &old);
  printf("interval timer: %d expiries, interval still %ld us\n", (int)alarms, (long)old.it_interval.tv_usec);

  /* nanosleep: at least the time asked */
  struct timespec req = {0, 250000000}, rem;
  t0 = now_ns();
  r = nanosleep(&req, NULL);
  t1 = now_ns();
  printf("nanosleep 250 ms: %d, slept long enough: %s\n", r, t1 - t0 >= 250000000LL ? "yes" : "no");

  /* interrupted by a handler: EINTR and the time left (SA_RESTART does not restart nanosleep) */
  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, NULL);
  alarm(1);
  req.tv_sec = 3;
  req.tv_nsec = 0;
  errno = 0;
  r = nanosleep(&req, &rem);
  printf("nanosleep 3 s cut by an alarm after 1 s: %d %s, about 2 s left: %s\n", r, strerror(errno), rem.tv_sec == 1 || rem.tv_sec == 2 ? "yes" : "no");

  /* sigsuspend: waits with SIGALRM unblocked, returns EINTR after the handler */
  sigset_t block, none;
  sigemptyset(&block);
  sigaddset(&block, SIGALRM);
  sigprocmask(SIG_BLOCK, &block, NULL);
  alarms = 0;
  alarm(1);
  sigemptyset(&none);
  errno = 0;
  r = sigsuspend(&none);
  sigset_t now;
  sigprocmask(SIG_SETMASK, NULL, &now);
  printf("sigsuspend: %d %s, alarms %d, SIGALRM blocked again after: %d\n", r, strerror(errno), (int)alarms, sigismember(&now, SIGALRM));
  sigprocmask(SIG_UNBLOCK, &block, NULL);

  /* two processes asleep at once: the parent waits for a child that sleeps 2 s */
  t0 = now_ns();
  pid_t c = fork();
  if (c == 0) {
    struct timespec two = {2, 0};
    nanosleep(&two, NULL);
    _exit(0);
  }
  int st;
  waitpid(c, &st, 0);
  t1 = now_ns();
  printf("child slept 2 s while we waited: %s\n", t1 - t0 >= 2000000000LL ? "yes" : "no");

  /* clock_nanosleep to an absolute time */
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_sec += 1;
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
  struct timespec after;
  clock_gettime(CLOCK_MONOTONIC, &after);
  printf("clock_nanosleep to an absolute time: %d, reached it: %s\n", r, (after.tv_sec > until.tv_sec || (after.tv_sec == until.tv_sec && after.tv_nsec >= until.tv_nsec)) ? "yes" : "no");
  return 0;
}
