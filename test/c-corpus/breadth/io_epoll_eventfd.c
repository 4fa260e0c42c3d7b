// An event loop as servers write it: epoll over pipes, a socketpair and an eventfd, level- and
// edge-triggered items (edge: read until EAGAIN), EPOLLONESHOT re-armed with EPOLL_CTL_MOD, a worker
// thread and a forked child waking epoll_wait, timeouts, EPOLLHUP when the writer goes, the
// epoll_ctl errors, an epoll descriptor inside poll(), and eventfd's counter and semaphore modes.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int efd;

static void *poker(void *arg) {
  (void)arg;
  usleep(10000);
  eventfd_write(efd, 5);
  return NULL;
}

static void show(const char *what, int n, struct epoll_event *ev) {
  printf("%s: %d", what, n);
  for (int i = 0; i < n; i++) printf(" [data %llu ev %#x]", (unsigned long long)ev[i].data.u64, ev[i].events);
  printf("\n");
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  /* eventfd alone */
  efd = eventfd(3, EFD_NONBLOCK);
  eventfd_t v = 0;
  printf("eventfd read %d value %llu\n", eventfd_read(efd, &v), (unsigned long long)v);
  printf("empty read %d %s\n", eventfd_read(efd, &v), strerror(errno));
  eventfd_write(efd, 2);
  eventfd_write(efd, 40);
  eventfd_read(efd, &v);
  printf("sum of writes %llu\n", (unsigned long long)v);
  char small[4];
  printf("short read %zd %s\n", read(efd, small, 4), strerror(errno));
  uint64_t bad = UINT64_MAX;
  printf("write ULLONG_MAX %zd %s\n", write(efd, &bad, 8), strerror(errno));
  int sem = eventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
  printf("semaphore reads:");
  while (eventfd_read(sem, &v) == 0) printf(" %llu", (unsigned long long)v);
  printf(" then %s; cloexec %d\n", strerror(errno), fcntl(sem, F_GETFD));
  printf("lseek on eventfd %ld %s\n", (long)lseek(sem, 0, SEEK_SET), strerror(errno));

  int ep = epoll_create1(EPOLL_CLOEXEC);
  int p[2], q[2], sv[2];
  pipe(p);
  pipe2(q, O_NONBLOCK);
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  struct epoll_event e = {.events = EPOLLIN, .data.u64 = 1};
  printf("add pipe %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e));
  e.events = EPOLLIN | EPOLLET;
  e.data.u64 = 2;
  printf("add edge pipe %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, q[0], &e));
  e.events = EPOLLIN;
  e.data.u64 = 3;
  printf("add eventfd %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, efd, &e));
  e.events = EPOLLIN | EPOLLOUT | EPOLLONESHOT;
  e.data.u64 = 4;
  printf("add socket oneshot %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &e));
  printf("add again %d %s\n", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e), strerror(errno));
  printf("mod missing %d %s\n", epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &e), strerror(errno));
  printf("del missing %d %s\n", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], &e), strerror(errno));
  printf("add itself %d %s\n", epoll_ctl(ep, EPOLL_CTL_ADD, ep, &e), strerror(errno));
  printf("add bad fd %d %s\n", epoll_ctl(ep, EPOLL_CTL_ADD, 77, &e), strerror(errno));
  int reg = open("regular.txt", O_CREAT | O_RDWR | O_TRUNC, 0600);
  printf("add regular file %d %s\n", epoll_ctl(ep, EPOLL_CTL_ADD, reg, &e), strerror(errno));
  printf("wait on non-epoll %d %s\n", epoll_wait(reg, &e, 1, 0), strerror(errno));
  close(reg);
  unlink("regular.txt");

  struct epoll_event ev[8];
  int n = epoll_wait(ep, ev, 8, 0);
  show("oneshot socket writable", n, ev);
  n = epoll_wait(ep, ev, 8, 0);
  show("then nothing", n, ev);
  n = epoll_wait(ep, ev, 8, 25);
  show("timeout 25ms", n, ev);

  write(p[1], "abc", 3);
  write(q[1], "xyz", 3);
  n = epoll_wait(ep, ev, 8, -1);
  show("both pipes", n, ev);
  char buf[64];
  read(p[0], buf, 1);
  read(q[0], buf, 1);
  n = epoll_wait(ep, ev, 8, 0);
  show("level still ready, edge not", n, ev);
  write(q[1], "!", 1);
  n = epoll_wait(ep, ev, 8, 0);
  show("edge after new data", n, ev);
  int total = 0, r;
  while ((r = read(q[0], buf, 2)) > 0) total += r;
  printf("edge drained %d bytes then %s\n", total, strerror(errno));
  read(p[0], buf, sizeof buf);

  e.events = EPOLLIN | EPOLLONESHOT;
  e.data.u64 = 4;
  printf("re-arm socket %d\n", epoll_ctl(ep, EPOLL_CTL_MOD, sv[0], &e));
  write(sv[1], "hello", 5);
  n = epoll_wait(ep, ev, 8, 0);
  show("socket readable", n, ev);
  n = epoll_wait(ep, ev, 8, 0);
  show("oneshot disarmed", n, ev);

  pthread_t t;
  pthread_create(&t, NULL, poker, NULL);
  n = epoll_wait(ep, ev, 1, 1000);
  show("thread wrote the eventfd", n, ev);
  pthread_join(t, NULL);
  eventfd_read(efd, &v);
  printf("eventfd value %llu\n", (unsigned long long)v);

  pid_t pid = fork();
  if (pid == 0) {
    usleep(5000);
    write(p[1], "child", 5);
    _exit(0);
  }
  n = epoll_wait(ep, ev, 8, 1000);
  show("child wrote the pipe", n, ev);
  waitpid(pid, NULL, 0);
  n = read(p[0], buf, sizeof buf);
  printf("read %d [%.*s]\n", n, n, buf);

  struct pollfd pf = {.fd = ep, .events = POLLIN};
  printf("poll on epoll fd, idle: %d\n", poll(&pf, 1, 0));
  eventfd_write(efd, 1);
  printf("poll on epoll fd, eventfd set: %d revents %#x\n", poll(&pf, 1, 0), pf.revents);
  eventfd_read(efd, &v);

  close(p[1]);
  n = epoll_wait(ep, ev, 8, 0);
  show("writer closed", n, ev);
  printf("del %d\n", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));
  close(q[0]);
  n = epoll_wait(ep, ev, 8, 0);
  show("after del and close", n, ev);
  printf("maxevents 0: %d %s\n", epoll_wait(ep, ev, 0, 0), strerror(errno));
  return 0;
}
