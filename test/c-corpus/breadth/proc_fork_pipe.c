/* Processes: fork with a pipe, waitpid statuses (exit code, killed by a signal), exec-free pipelines of
   children, SIGCHLD handler, dup2 redirection of a child's stdout into a pipe, getppid consistency.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t chld;
static void on_chld(int s) { chld++; (void)s; }

int main(void) {
  signal(SIGCHLD, on_chld);
  int fds[2]; pipe(fds);
  pid_t me = getpid();
  fflush(stdout);
  pid_t c = fork();
  if (c == 0) {
    close(fds[0]);
    char msg[64]; int n = snprintf(msg, sizeof msg, "child says parent ok=%d", getppid() == me);
    write(fds[1], msg, n); close(fds[1]);
    _exit(42);
  }
  close(fds[1]);
  char buf[128] = {0}; ssize_t n, tot = 0;
  while ((n = read(fds[0], buf + tot, sizeof buf - 1 - tot)) > 0) tot += n;
  close(fds[0]);
  int st; pid_t w = waitpid(c, &st, 0);
  printf("read %zd: %s\nwaited right child=%d exited=%d code=%d\n", tot, buf, w == c, WIFEXITED(st), WEXITSTATUS(st));
  fflush(stdout);
  c = fork();
  if (c == 0) { raise(SIGUSR1); _exit(0); }
  waitpid(c, &st, 0);
  printf("signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
  fflush(stdout);
  c = fork();
  if (c == 0) { volatile int *p = 0; *p = 1; _exit(0); }
  waitpid(c, &st, 0);
  printf("segv child: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
  /* a child writes through dup2 onto the pipe; the parent sums what comes back */
  pipe(fds); fflush(stdout);
  c = fork();
  if (c == 0) {
    dup2(fds[1], 1); close(fds[0]); close(fds[1]);
    for (int i = 1; i <= 100; i++) printf("%d\n", i);
    exit(0);
  }
  close(fds[1]);
  FILE *in = fdopen(fds[0], "r"); int v, sum = 0, lines = 0;
  while (fscanf(in, "%d", &v) == 1) { sum += v; lines++; }
  fclose(in); waitpid(c, &st, 0);
  printf("sum via pipe=%d lines=%d\n", sum, lines);
  pid_t kids[4];
  for (int i = 0; i < 4; i++) { fflush(stdout); kids[i] = fork(); if (kids[i] == 0) _exit(10 + i); }
  int total = 0;
  for (int i = 3; i >= 0; i--) { waitpid(kids[i], &st, 0); total += WEXITSTATUS(st); }
  printf("four children total=%d\n", total);
  printf("wait no children=%d\n", (int)wait(&st));
  printf("SIGCHLD seen: %d\n", chld > 0);
  return 0;
}
