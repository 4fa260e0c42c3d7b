// What a parent learns about its children besides wait4: SIGCHLD with si_code and si_status (a
// handler with SA_SIGINFO), SA_NOCLDSTOP, a child stopped by SIGSTOP (WUNTRACED) and continued by
// SIGCONT (WCONTINUED), waitid with WSTOPPED/WCONTINUED/WNOWAIT, SIGCHLD ignored (children reaped at
// once, wait gives ECHILD), and SA_NOCLDWAIT.
// SPDX-License-Identifier: MIT
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got, code, status, from;

static void on_chld(int sig, siginfo_t *si, void *uc) {
  (void)sig;
  (void)uc;
  got++;
  code = si->si_code;
  status = si->si_status;
  from = si->si_pid;
}

static const char *cld(int c) {
  switch (c) {
  case CLD_EXITED: return "CLD_EXITED";
  case CLD_KILLED: return "CLD_KILLED";
  case CLD_DUMPED: return "CLD_DUMPED";
  case CLD_STOPPED: return "CLD_STOPPED";
  case CLD_CONTINUED: return "CLD_CONTINUED";
  case CLD_TRAPPED: return "CLD_TRAPPED";
  }
  return "?";
}

/* waits for the SIGCHLD count to reach n (the signal may come after wait returns on another CPU) */
static void await(int n) {
  sigset_t none;
  sigemptyset(&none);
  sigset_t all;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, NULL);
  while (got < n) sigsuspend(&none);
  sigprocmask(SIG_UNBLOCK, &all, NULL);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_chld;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGCHLD, &sa, NULL);

  pid_t c = fork();
  if (c == 0) _exit(3);
  await(1);
  printf("SIGCHLD for an exit: %s status %d from the child: %s\n", cld(code), status, from == c ? "yes" : "no");
  int st;
  waitpid(c, &st, 0);

  c = fork();
  if (c == 0) {
    raise(SIGUSR2);
    _exit(0);
  }
  await(2);
  printf("SIGCHLD for a death: %s status %s\n", cld(code), strsignal(status));
  waitpid(c, &st, 0);

  /* stop and continue, seen by waitpid and by SIGCHLD */
  int fds[2];
  pipe(fds);
  c = fork();
  if (c == 0) {
    char ch;
    close(fds[1]);
    read(fds[0], &ch, 1);
    _exit(ch);
  }
  close(fds[0]);
  kill(c, SIGSTOP);
  pid_t w = waitpid(c, &st, WUNTRACED);
  printf("WUNTRACED: %s, stopped %d by %s\n", w == c ? "the child" : "?", WIFSTOPPED(st), strsignal(WSTOPSIG(st)));
  await(3);
  printf("SIGCHLD for the stop: %s status %s\n", cld(code), strsignal(status));
  kill(c, SIGCONT);
  w = waitpid(c, &st, WCONTINUED);
  printf("WCONTINUED: continued %d\n", WIFCONTINUED(st));
  await(4);
  printf("SIGCHLD for the continue: %s\n", cld(code));
  write(fds[1], "\x09", 1);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  waitid(P_PID, c, &si, WEXITED | WNOWAIT);
  printf("waitid WNOWAIT: %s %d, still there: %s\n", cld(si.si_code), si.si_status, waitpid(c, &st, WNOHANG) == c ? "yes" : "no");
  await(5);

  /* SA_NOCLDSTOP: no SIGCHLD for a stop */
  sa.sa_flags = SA_SIGINFO | SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &sa, NULL);
  int before = got;
  c = fork();
  if (c == 0) {
    raise(SIGSTOP);
    _exit(0);
  }
  waitpid(c, &st, WUNTRACED);
  printf("SA_NOCLDSTOP: stopped %d, SIGCHLD for it: %s\n", WIFSTOPPED(st), got == before ? "no" : "yes");
  kill(c, SIGCONT);
  waitpid(c, &st, 0);
  printf("then exited %d\n", WIFEXITED(st));

  /* SIGCHLD ignored: children are reaped when they exit */
  signal(SIGCHLD, SIG_IGN);
  c = fork();
  if (c == 0) _exit(0);
  errno = 0;
  w = waitpid(c, &st, 0);
  printf("SIGCHLD ignored: waitpid %d %s\n", (int)w, strerror(errno));
  signal(SIGCHLD, SIG_DFL);

  /* SA_NOCLDWAIT with a handler: reaped, and the handler still runs */
  got = 0;
  sa.sa_flags = SA_SIGINFO | SA_NOCLDWAIT;
  sigaction(SIGCHLD, &sa, NULL);
  c = fork();
  if (c == 0) _exit(0);
  await(1);
  errno = 0;
  w = waitpid(c, &st, 0);
  printf("SA_NOCLDWAIT: handler ran, waitpid %d %s\n", (int)w, strerror(errno));
  return 0;
}
