// Thread and process ids with one thread per process: gettid equals getpid, tgkill and tkill to
// ourselves with a handler (si_code SI_TKILL), tgkill with the wrong thread group (ESRCH), and a
// child's ids.
// reference: qemu (qemu-ppc64le prints the same)
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t code, from_self;
static void on_usr1(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  code = si->si_code;
  from_self = si->si_pid == getpid();
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr1;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  pid_t me = getpid();
  printf("gettid == getpid: %d\n", (pid_t)syscall(SYS_gettid) == me);
  printf("tgkill(self): %d, si_code SI_TKILL: %d, si_pid ours: %d\n", (int)syscall(SYS_tgkill, me, me, SIGUSR1), code == SI_TKILL, (int)from_self);
  code = 0;
  printf("tkill(self): %d, si_code SI_TKILL: %d\n", (int)syscall(SYS_tkill, me, SIGUSR1), code == SI_TKILL);
  code = 0;
  printf("kill(self): %d, si_code SI_USER: %d\n", kill(me, SIGUSR1), code == SI_USER);
  pid_t c = fork();
  if (c == 0) {
    int ok = (pid_t)syscall(SYS_gettid) == getpid() && getpid() != me && getppid() == me;
    _exit(ok ? 0 : 1);
  }
  errno = 0;
  printf("tgkill(child's pid as our group): %d %s\n", (int)syscall(SYS_tgkill, me, c, 0), strerror(errno));
  printf("tgkill(child, child, 0): %d\n", (int)syscall(SYS_tgkill, c, c, 0));
  int st;
  waitpid(c, &st, 0);
  printf("child's ids: %s\n", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "ok" : "wrong");
  errno = 0;
  printf("tgkill(reaped child): %d %s\n", (int)syscall(SYS_tgkill, c, c, 0), strerror(errno));
  return 0;
}
