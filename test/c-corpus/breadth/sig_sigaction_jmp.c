/* Signals: sigaction with SA_SIGINFO, raise, masks and pending signals, sigsetjmp/siglongjmp out of a SIGSEGV
   handler, SA_RESETHAND, SA_NODEFER, alarm with pause, kill to self, sigaltstack.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

static sigjmp_buf env;
static volatile sig_atomic_t count, last_code, alarmed;
static void info_handler(int sig, siginfo_t *si, void *uc) {
  count++; last_code = si->si_code;
  printf("handler sig=%d signo=%d code=%d errno_field=%d\n", sig, si->si_signo, si->si_code, si->si_errno);
  (void)uc;
}
static void segv_handler(int sig, siginfo_t *si, void *uc) {
  printf("SIGSEGV sig=%d code=%d addr_is_bad=%d\n", sig, si->si_code, si->si_addr == (void *)16);
  (void)uc; siglongjmp(env, 1);
}
static void alrm(int s) { alarmed = s; }
static void usr2(int s) { count += 100; (void)s; }

int main(void) {
  struct sigaction sa; memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = info_handler; sa.sa_flags = SA_SIGINFO; sigemptyset(&sa.sa_mask);
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  kill(getpid(), SIGUSR1);
  printf("count=%d last_code=%d (SI_USER=%d SI_TKILL=%d)\n", count, last_code, SI_USER, SI_TKILL);
  sigset_t set, old, pend; sigemptyset(&set); sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1); raise(SIGUSR1);
  sigpending(&pend);
  printf("blocked: pending USR1=%d USR2=%d count=%d\n", sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2), count);
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: count=%d\n", count);
  struct sigaction sv; memset(&sv, 0, sizeof sv);
  sv.sa_sigaction = segv_handler; sv.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigaction(SIGSEGV, &sv, NULL);
  for (int i = 0; i < 3; i++) {
    if (sigsetjmp(env, 1) == 0) {
      volatile int *p = (int *)16; *p = i;
      printf("not reached\n");
    } else printf("recovered %d\n", i);
  }
  struct sigaction ra; memset(&ra, 0, sizeof ra); ra.sa_handler = usr2; ra.sa_flags = SA_RESETHAND;
  sigaction(SIGUSR2, &ra, NULL);
  raise(SIGUSR2);
  struct sigaction now; sigaction(SIGUSR2, NULL, &now);
  printf("after SA_RESETHAND: count=%d handler is default=%d\n", count, now.sa_handler == SIG_DFL);
  signal(SIGALRM, alrm);
  alarm(1);
  while (!alarmed) pause();
  printf("alarm fired: %d, alarm(0) left=%u\n", alarmed, alarm(0));
  stack_t ss; ss.ss_sp = malloc(SIGSTKSZ * 4); ss.ss_size = SIGSTKSZ * 4; ss.ss_flags = 0;
  printf("sigaltstack=%d\n", sigaltstack(&ss, NULL));
  printf("bad signal: %d errno=%d\n", sigaction(999, &sa, NULL), errno);
  printf("SIG_IGN then raise: ");
  signal(SIGUSR1, SIG_IGN); raise(SIGUSR1); printf("survived\n");
  printf("strsignal: %s / %s / %s\n", strsignal(SIGINT), strsignal(SIGSEGV), strsignal(SIGRTMIN + 1));
  fflush(stdout);
  signal(SIGTERM, SIG_DFL);
  raise(SIGTERM);
  return 0;
}
