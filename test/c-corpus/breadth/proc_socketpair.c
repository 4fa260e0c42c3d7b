/* IPC over socketpair(AF_UNIX): a request/reply protocol between a parent and a forked child in both
   directions, send/recv with flags (MSG_DONTWAIT on an empty socket: EAGAIN; MSG_NOSIGNAL to a closed
   peer: EPIPE without SIGPIPE), shutdown(SHUT_WR) giving the peer end of file, poll on a socket, fstat type.
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int read_line(int fd, char *buf, int max) {
  int n = 0; char c;
  while (n < max - 1 && read(fd, &c, 1) == 1) { if (c == '\n') break; buf[n++] = c; }
  buf[n] = 0; return n;
}

int main(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) { perror("socketpair"); return 1; }
  struct stat st; fstat(sv[0], &st); printf("is socket=%d\n", S_ISSOCK(st.st_mode));
  char buf[128];
  errno = 0; ssize_t r = recv(sv[0], buf, sizeof buf, MSG_DONTWAIT); printf("empty recv=%zd eagain=%d\n", r, errno == EAGAIN);
  struct pollfd p = {sv[0], POLLIN | POLLOUT, 0}; poll(&p, 1, 0); printf("poll: in=%d out=%d\n", !!(p.revents & POLLIN), !!(p.revents & POLLOUT));
  fflush(stdout);
  pid_t c = fork();
  if (c == 0) {
    close(sv[0]);
    for (;;) {
      int n = read_line(sv[1], buf, sizeof buf);
      if (n == 0) break;
      long v = strtol(buf, NULL, 10); char rep[64]; int k = snprintf(rep, sizeof rep, "%ld squared is %ld\n", v, v * v);
      send(sv[1], rep, k, 0);
    }
    const char *bye = "child done\n"; write(sv[1], bye, strlen(bye));
    _exit(0);
  }
  close(sv[1]);
  for (int i = 1; i <= 5; i++) {
    char q[16]; int k = snprintf(q, sizeof q, "%d\n", i * 7); send(sv[0], q, k, 0);
    read_line(sv[0], buf, sizeof buf); printf("reply: %s\n", buf);
  }
  shutdown(sv[0], SHUT_WR);
  read_line(sv[0], buf, sizeof buf); printf("after shutdown: %s\n", buf);
  r = recv(sv[0], buf, sizeof buf, 0); printf("end of stream recv=%zd\n", r);
  int st2; waitpid(c, &st2, 0); printf("child exit=%d\n", WEXITSTATUS(st2));
  int sp[2]; socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp); close(sp[1]);
  signal(SIGPIPE, SIG_DFL);
  errno = 0; r = send(sp[0], "x", 1, MSG_NOSIGNAL); printf("send to closed peer=%zd epipe=%d\n", r, errno == EPIPE);
  signal(SIGPIPE, SIG_IGN); errno = 0; r = write(sp[0], "x", 1); printf("write to closed peer=%zd epipe=%d\n", r, errno == EPIPE);
  errno = 0; printf("bad family=%d errno=%d\n", socketpair(12345, SOCK_STREAM, 0, sp), errno);
  /* (not on stdin: a runner may give a socket as standard input, as Node's child_process does) */
  int pf[2]; pipe(pf); errno = 0; r = recv(pf[0], buf, 1, 0); printf("recv on a pipe=%zd enotsock=%d\n", r, errno == ENOTSOCK);
  return 0;
}
