/* Timers and waiting for signals: setitimer(ITIMER_REAL) periodic SIGALRM counted in a loop of sigsuspend,
   sigwait and sigtimedwait on blocked signals, sigqueue with a value (SI_QUEUE), timer_create/timer_settime
   with SIGEV_SIGNAL, a nanosleep interrupted by a handler (EINTR) and restarted with SA_RESTART reads.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>

static volatile sig_atomic_t ticks, last_val, last_code;
static void on_alarm(int s) { ticks++; (void)s; }
static void on_rt(int s, siginfo_t *si, void *u) { last_val = si->si_value.sival_int; last_code = si->si_code; (void)s; (void)u; }

int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_handler = on_alarm; sigaction(SIGALRM, &sa, NULL);
  sigset_t block, old; sigemptyset(&block); sigaddset(&block, SIGALRM); sigprocmask(SIG_BLOCK, &block, &old);
  struct itimerval it = {{0, 20000}, {0, 20000}}; setitimer(ITIMER_REAL, &it, NULL);
  while (ticks < 5) sigsuspend(&old);
  struct itimerval off = {{0, 0}, {0, 0}}, prev; setitimer(ITIMER_REAL, &off, &prev);
  printf("ticks=%d interval kept=%ld\n", ticks, (long)prev.it_interval.tv_usec);
  sigprocmask(SIG_SETMASK, &old, NULL);
  sigset_t w; sigemptyset(&w); sigaddset(&w, SIGUSR1); sigaddset(&w, SIGUSR2); sigprocmask(SIG_BLOCK, &w, NULL);
  raise(SIGUSR2); int sig = 0; sigwait(&w, &sig); printf("sigwait got %s\n", sig == SIGUSR2 ? "SIGUSR2" : "other");
  struct timespec to = {0, 5000000}; errno = 0; int r = sigtimedwait(&w, NULL, &to); printf("sigtimedwait timeout r=%d eagain=%d\n", r, errno == EAGAIN);
  union sigval v = {.sival_int = 1234}; sigqueue(getpid(), SIGUSR1, v);
  siginfo_t si; r = sigwaitinfo(&w, &si); printf("sigwaitinfo r=%s code=%s value=%d\n", r == SIGUSR1 ? "SIGUSR1" : "?", si.si_code == SI_QUEUE ? "SI_QUEUE" : "?", si.si_value.sival_int);
  struct sigaction rt; memset(&rt, 0, sizeof rt); rt.sa_sigaction = on_rt; rt.sa_flags = SA_SIGINFO; sigaction(SIGRTMIN, &rt, NULL);
  timer_t tid; struct sigevent sev; memset(&sev, 0, sizeof sev); sev.sigev_notify = SIGEV_SIGNAL; sev.sigev_signo = SIGRTMIN; sev.sigev_value.sival_int = 77;
  r = timer_create(CLOCK_MONOTONIC, &sev, &tid); printf("timer_create=%d\n", r);
  struct itimerspec ts = {{0, 0}, {0, 10000000}}; timer_settime(tid, 0, &ts, NULL);
  struct timespec longsleep = {1, 0}, rem; errno = 0; r = nanosleep(&longsleep, &rem);
  printf("nanosleep interrupted r=%d eintr=%d value=%d code=%s remaining<1s=%d\n", r, errno == EINTR, last_val, last_code == SI_TIMER ? "SI_TIMER" : "?", rem.tv_sec == 0);
  timer_delete(tid);
  sa.sa_flags = SA_RESTART; sigaction(SIGALRM, &sa, NULL); ticks = 0;
  int p[2]; pipe(p); alarm(1);
  char c; if (fork() == 0) { sleep(2); write(p[1], "z", 1); _exit(0); }
  r = read(p[0], &c, 1); printf("read across SA_RESTART alarm r=%d c=%c ticks=%d\n", r, c, ticks);
  return 0;
}
