// Process groups and sessions: a child moved into a group of its own (by itself and by its parent,
// as a shell does), getpgid/getpgrp/getsid of other processes, kill(-pgid) reaching every member
// and nobody else, kill(0) reaching the caller's own group, setsid in a child, and the errors:
// ESRCH for a process that is not a child, EPERM for a group in another session or a session leader.
// reference: qemu (qemu-ppc64le prints the same)
// SPDX-License-Identifier: MIT
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t sleeper(pid_t pgid) {
  pid_t p = fork();
  if (p == 0) {
    if (pgid >= 0) setpgid(0, pgid);
    for (;;) pause();
  }
  if (pgid >= 0) setpgid(p, pgid); /* both sides, as a shell does: no race */
  return p;
}

static const char *how(int st) {
  static char buf[64];
  if (WIFEXITED(st)) snprintf(buf, sizeof buf, "exited %d", WEXITSTATUS(st));
  else if (WIFSIGNALED(st)) snprintf(buf, sizeof buf, "killed by %s", strsignal(WTERMSIG(st)));
  else snprintf(buf, sizeof buf, "0x%x", st);
  return buf;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  /* run in a group of our own, so that kill(0) reaches only this test */
  setpgid(0, 0);
  pid_t me = getpid();
  printf("own group: getpgrp == pid %d, getpgid(0) == pid %d\n", getpgrp() == me, getpgid(0) == me);

  pid_t a = sleeper(0);  /* leads a new group */
  pid_t b = sleeper(a);  /* joins it */
  pid_t c = sleeper(-1); /* stays in ours */
  printf("a leads its group %d, b in a's group %d, c in ours %d\n", getpgid(a) == a, getpgid(b) == a, getpgid(c) == me);
  printf("getsid of a child is ours: %d\n", getsid(a) == getsid(0));

  errno = 0;
  printf("setpgid of a non-child (ourselves' parent): %d %s\n", setpgid(getppid(), 0), strerror(errno));
  errno = 0;
  printf("setpgid into a group that does not exist: %d %s\n", setpgid(c, 424242), strerror(errno));

  kill(-a, SIGTERM);
  int st;
  waitpid(a, &st, 0);
  printf("a: %s\n", how(st));
  waitpid(b, &st, 0);
  printf("b: %s\n", how(st));
  printf("c untouched: %s\n", waitpid(c, &st, WNOHANG) == 0 ? "yes" : "no");
  errno = 0;
  printf("kill(-a) now that the group is empty: %d %s\n", kill(-a, SIGTERM), strerror(errno));

  /* kill(0): our own group, c included; we ignore the signal ourselves */
  signal(SIGUSR1, SIG_IGN);
  kill(0, SIGUSR1);
  waitpid(c, &st, 0);
  printf("c after kill(0, SIGUSR1): %s\n", how(st));

  /* setsid in a child: a new session and group; a group leader cannot */
  int fds[2], go[2];
  pipe(fds);
  pipe(go);
  pid_t s = fork();
  if (s == 0) {
    pid_t sid = setsid();
    char msg[256];
    int n = snprintf(msg, sizeof msg, "setsid in a child: new session %d, sid %d pgid %d\n", sid == getpid(), getsid(0) == getpid(), getpgrp() == getpid());
    errno = 0;
    int again = setsid();
    n += snprintf(msg + n, sizeof msg - n, "setsid again: %d %s\n", again, strerror(errno));
    errno = 0;
    int mv = setpgid(0, getppid());
    n += snprintf(msg + n, sizeof msg - n, "session leader's setpgid: %d %s\n", mv, strerror(errno));
    write(fds[1], msg, n);
    close(fds[1]);
    char ch;
    read(go[0], &ch, 1); /* stays until the parent has looked */
    _exit(0);
  }
  close(fds[1]);
  char buf[512];
  int n, off = 0;
  while ((n = read(fds[0], buf + off, sizeof buf - 1 - off)) > 0) off += n;
  buf[off] = 0;
  fputs(buf, stdout);
  errno = 0;
  printf("setpgid of a child in another session: %d %s\n", setpgid(s, me), strerror(errno));
  write(go[1], "x", 1);
  waitpid(s, &st, 0);
  return 0;
}
