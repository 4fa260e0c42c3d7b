// Signals: signal() and sigaction() handlers run by raise() and kill(getpid()), SA_SIGINFO's
// si_signo/si_code, SIG_IGN, blocking with sigprocmask and delivery when unblocked, sigpending,
// SA_RESETHAND, a SIGSEGV handler that escapes with siglongjmp, and strsignal.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <setjmp.h>
#include <unistd.h>

static volatile sig_atomic_t got, count;
static volatile int info_signo, info_code;
static sigjmp_buf recover;

static void on_usr(int sig) { got = sig; count++; }
static void on_info(int sig, siginfo_t *si, void *uc) { (void)uc; info_signo = si->si_signo; info_code = si->si_code; got = sig; }
static void on_segv(int sig) { (void)sig; siglongjmp(recover, 1); }

int main(void) {
  signal(SIGUSR1, on_usr);
  raise(SIGUSR1);
  printf("signal(): got %d count %d\n", got, count);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_info;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);
  printf("sigaction: got %d signo %d code %d (SI_TKILL %d)\n", got, info_signo, info_code, SI_TKILL);
  kill(getpid(), SIGUSR2);
  printf("kill: signo %d code %d (SI_USER %d)\n", info_signo, info_code, SI_USER);
  signal(SIGUSR1, SIG_IGN);
  raise(SIGUSR1);
  printf("ignored, count still %d\n", count);
  signal(SIGUSR1, on_usr);
  sigset_t set, pend;
  sigemptyset(&set); sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR1);
  sigpending(&pend);
  printf("blocked: count %d pending %d\n", count, sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  printf("unblocked: count %d\n", count);
  struct sigaction once;
  memset(&once, 0, sizeof once);
  once.sa_handler = on_usr;
  once.sa_flags = SA_RESETHAND;
  sigaction(SIGUSR1, &once, NULL);
  raise(SIGUSR1);
  struct sigaction now;
  sigaction(SIGUSR1, NULL, &now);
  printf("resethand: count %d handler reset to default %d\n", count, now.sa_handler == SIG_DFL);
  signal(SIGSEGV, on_segv);
  if (sigsetjmp(recover, 1) == 0) {
    volatile int *bad = (int *)16;
    *bad = 1;
    printf("not reached\n");
  } else printf("recovered from SIGSEGV\n");
  printf("strsignal: %s / %s / %s\n", strsignal(SIGSEGV), strsignal(SIGUSR1), strsignal(SIGABRT));
  printf("old-style psignal next\n");
  fflush(stdout);
  psignal(SIGINT, "psignal");
  return 0;
}
