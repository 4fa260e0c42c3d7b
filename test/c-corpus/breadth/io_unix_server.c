// A UNIX-domain stream server and its clients, as client/server exercises write them: socket, bind to
// a path in the working directory (and to an abstract name), listen, a forked client connecting and
// talking, accept in a loop (blocking, non-blocking EAGAIN, and woken through poll), getsockname,
// the socket file's stat, and the errors: EADDRINUSE, ECONNREFUSED, ENOENT, ENOTCONN, EISCONN.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static socklen_t addr_of(struct sockaddr_un *a, const char *path, int abstract) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  if (abstract) {
    memcpy(a->sun_path + 1, path, strlen(path));
    return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(path);
  }
  strcpy(a->sun_path, path);
  return sizeof *a;
}

static void client(const char *path, int abstract, int id) {
  int c = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a;
  socklen_t len = addr_of(&a, path, abstract);
  if (connect(c, (struct sockaddr *)&a, len) != 0) _exit(100 + errno);
  char msg[64];
  int n = snprintf(msg, sizeof msg, "hello from client %d", id);
  write(c, msg, n);
  char reply[64] = {0};
  int r = read(c, reply, sizeof reply - 1);
  close(c);
  _exit(r > 0 && strncmp(reply, "ack ", 4) == 0 ? id : 99);
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int s = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un a;
  socklen_t len = addr_of(&a, "server.sock", 0);
  printf("bind %d listen %d\n", bind(s, (struct sockaddr *)&a, len), listen(s, 8));
  struct stat st;
  stat("server.sock", &st);
  printf("socket file: S_ISSOCK %d\n", S_ISSOCK(st.st_mode));
  struct sockaddr_un got;
  socklen_t glen = sizeof got;
  getsockname(s, (struct sockaddr *)&got, &glen);
  printf("getsockname [%s] family %d\n", got.sun_path, got.sun_family);
  int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
  printf("bind same path: %d %s\n", bind(s2, (struct sockaddr *)&a, len), strerror(errno));

  for (int i = 1; i <= 3; i++)
    if (fork() == 0) client("server.sock", 0, i);
  int sum = 0;
  for (int i = 0; i < 3; i++) {
    int c = accept(s, NULL, NULL);
    char buf[64] = {0};
    int n = read(c, buf, sizeof buf - 1);
    int id = buf[n - 1] - '0';
    sum += id;
    char reply[16];
    int m = snprintf(reply, sizeof reply, "ack %d", id);
    write(c, reply, m);
    close(c);
  }
  int status, ok = 0;
  while (wait(&status) > 0) ok += WIFEXITED(status) && WEXITSTATUS(status) >= 1 && WEXITSTATUS(status) <= 3;
  printf("served 3 clients, ids sum %d, clients ok %d\n", sum, ok);

  fcntl(s, F_SETFL, O_NONBLOCK);
  printf("accept with none waiting: %d %s\n", accept(s, NULL, NULL), strerror(errno));
  if (fork() == 0) {
    usleep(5000);
    client("server.sock", 0, 4);
  }
  struct pollfd pf = {.fd = s, .events = POLLIN};
  printf("poll on the listener %d revents %#x\n", poll(&pf, 1, 2000), pf.revents);
  int c = accept4(s, NULL, NULL, SOCK_CLOEXEC);
  printf("accept4 cloexec %d\n", fcntl(c, F_GETFD));
  char buf[64] = {0};
  read(c, buf, sizeof buf - 1);
  write(c, "ack 4", 5);
  close(c);
  wait(&status);
  printf("[%s] client exit %d\n", buf, WEXITSTATUS(status));

  int ab = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
  struct sockaddr_un aa;
  socklen_t alen = addr_of(&aa, "wplab-test-abstract", 1);
  char name[32];
  snprintf(name, sizeof name, "corpus-%d", getpid());
  alen = addr_of(&aa, name, 1);
  printf("abstract bind %d listen %d\n", bind(ab, (struct sockaddr *)&aa, alen), listen(ab, 1));
  if (fork() == 0) client(name, 1, 5);
  pf.fd = ab;
  poll(&pf, 1, 2000);
  c = accept(ab, NULL, NULL);
  memset(buf, 0, sizeof buf);
  read(c, buf, sizeof buf - 1);
  write(c, "ack 5", 5);
  wait(&status);
  printf("abstract: [%s] exit %d\n", buf, WEXITSTATUS(status));

  int x = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un none;
  socklen_t nlen = addr_of(&none, "missing.sock", 0);
  printf("connect to a missing path: %d %s\n", connect(x, (struct sockaddr *)&none, nlen), strerror(errno));
  int bound_only = socket(AF_UNIX, SOCK_STREAM, 0);
  nlen = addr_of(&none, "idle.sock", 0);
  bind(bound_only, (struct sockaddr *)&none, nlen);
  printf("connect to a socket not listening: %d %s\n", connect(x, (struct sockaddr *)&none, nlen), strerror(errno));
  printf("write unconnected: %zd %s\n", write(x, "a", 1), strerror(errno));
  printf("connect to the server %d\n", connect(x, (struct sockaddr *)&a, len));
  printf("connect again: %d %s\n", connect(x, (struct sockaddr *)&a, len), strerror(errno));
  unlink("server.sock");
  unlink("idle.sock");
  printf("after unlink: %d\n", access("server.sock", F_OK));
  return 0;
}
