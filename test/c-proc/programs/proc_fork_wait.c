// fork and wait: exit codes and deaths by signal as wait4 encodes them, waiting for any child,
// WNOHANG while a child still runs, zombies until reaped (kill(pid, 0) succeeds on one), ECHILD
// once every child is collected, getppid in the child, and an orphan adopted by another process.
// Deterministic: every child reports through its exit status or a pipe, the parent prints.
// reference: qemu (qemu-ppc64le prints the same)
// SPDX-License-Identifier: MIT
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void describe(const char *what, int st) {
  if (WIFEXITED(st)) printf("%s: exited %d\n", what, WEXITSTATUS(st));
  else if (WIFSIGNALED(st)) printf("%s: killed by %s%s\n", what, strsignal(WTERMSIG(st)), WCOREDUMP(st) ? " (core)" : "");
  else if (WIFSTOPPED(st)) printf("%s: stopped by %s\n", what, strsignal(WSTOPSIG(st)));
  else printf("%s: status 0x%x\n", what, st);
}

static pid_t spawn(int how) {
  pid_t p = fork();
  if (p < 0) { perror("fork"); exit(2); }
  if (p > 0) return p;
  switch (how) {
  case 0: _exit(0);
  case 1: _exit(42);
  case 2: exit(255); /* the low byte only */
  case 3: raise(SIGTERM); break;
  case 4: *(volatile int *)8 = 1; break; /* SIGSEGV */
  case 5: abort();
  case 6: kill(getpid(), SIGKILL); break;
  }
  _exit(99);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  const char *names[] = {"exit 0", "exit 42", "exit 255", "SIGTERM", "SIGSEGV", "abort", "SIGKILL"};
  pid_t pids[7];
  for (int i = 0; i < 7; i++) pids[i] = spawn(i);
  /* collected in the order they were made, by pid */
  for (int i = 0; i < 7; i++) {
    int st;
    pid_t w = waitpid(pids[i], &st, 0);
    if (w != pids[i]) printf("waitpid(%s) returned the wrong pid\n", names[i]);
    describe(names[i], st);
  }
  errno = 0;
  printf("waitpid with no child left: %d %s\n", (int)waitpid(-1, NULL, 0), strerror(errno));

  /* wait(-1) finds every child, whatever the order they end in */
  int seen = 0;
  for (int i = 0; i < 3; i++) if (fork() == 0) _exit(10 + i);
  for (int i = 0; i < 3; i++) {
    int st;
    if (wait(&st) > 0 && WIFEXITED(st)) seen |= 1 << (WEXITSTATUS(st) - 10);
  }
  printf("wait collected exits 10, 11, 12: %s\n", seen == 7 ? "yes" : "no");

  /* WNOHANG: 0 while the child waits on a pipe, its pid once it exited */
  int fds[2];
  pipe(fds);
  pid_t slow = fork();
  if (slow == 0) {
    char c;
    close(fds[1]);
    read(fds[0], &c, 1); /* blocks until the parent writes */
    _exit(c);
  }
  close(fds[0]);
  int st = 0;
  printf("WNOHANG while it runs: %d\n", (int)waitpid(slow, &st, WNOHANG));
  write(fds[1], "\x07", 1);
  while (waitpid(slow, &st, WNOHANG) == 0) sched_yield();
  describe("pipe child", st);

  /* a zombie: it has exited, kill(pid, 0) still finds it until it is reaped */
  pid_t z = fork();
  if (z == 0) _exit(5);
  siginfo_t si;
  memset(&si, 0, sizeof si);
  waitid(P_PID, z, &si, WEXITED | WNOWAIT); /* waits, leaves it a zombie */
  printf("zombie: kill(pid, 0) = %d, waitid code %s status %d\n", kill(z, 0), si.si_code == CLD_EXITED ? "CLD_EXITED" : "?", si.si_status);
  waitpid(z, &st, 0);
  errno = 0;
  printf("reaped: kill(pid, 0) = %d (%s)\n", kill(z, 0), strerror(errno));

  /* getppid in a child; an orphan gets another parent when its parent exits */
  int p2[2];
  pipe(p2);
  pid_t parent = getpid();
  pid_t mid = fork();
  if (mid == 0) {
    pid_t me = getpid();
    pid_t gc = fork();
    if (gc == 0) {
      int reparented = 0;
      for (int i = 0; i < 1000 && !reparented; i++) {
        if (getppid() != me) reparented = 1;
        else usleep(1000);
      }
      char msg[64];
      int n = snprintf(msg, sizeof msg, "orphan reparented: %s\n", reparented ? "yes" : "no");
      write(p2[1], msg, n);
      _exit(0);
    }
    char msg[64];
    int n = snprintf(msg, sizeof msg, "child's getppid is the parent: %s\n", getppid() == parent ? "yes" : "no");
    write(p2[1], msg, n);
    _exit(0);
  }
  close(p2[1]);
  waitpid(mid, &st, 0);
  char buf[256];
  int n, off = 0;
  while ((n = read(p2[0], buf + off, sizeof buf - 1 - off)) > 0) off += n;
  buf[off] = 0;
  fputs(buf, stdout);
  return 0;
}
