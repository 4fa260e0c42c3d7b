// Signals read from a descriptor (signalfd), as daemons fold signals into their event loop: the
// signals blocked, then read as struct signalfd_siginfo (signo, code, pid, sigqueue's value), two at
// once, O_NONBLOCK's EAGAIN, poll and epoll woken by a signal a child sends, a blocking read woken
// by a thread's pthread_kill... to the process, a new mask for the same descriptor, and the errors.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

static void *sender(void *arg) {
  (void)arg;
  usleep(5000);
  kill(getpid(), SIGUSR2);
  return NULL;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGRTMIN);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  printf("signalfd ok %d\n", fd >= 0);
  struct signalfd_siginfo si[2];
  printf("empty read %zd %s\n", read(fd, si, sizeof si), strerror(errno));
  raise(SIGUSR1);
  ssize_t n = read(fd, si, sizeof si);
  printf("read %zd: signo %u code %d (SI_TKILL %d) pid is mine %d\n", n, si[0].ssi_signo, si[0].ssi_code, SI_TKILL,
         si[0].ssi_pid == (unsigned)getpid());
  sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = 4242});
  kill(getpid(), SIGUSR2);
  n = read(fd, si, sizeof si);
  printf("two at once %zd: %u (code %d) then %u (int %d, code %d)\n", n, si[0].ssi_signo, si[0].ssi_code,
         si[1].ssi_signo == (unsigned)SIGRTMIN, si[1].ssi_int, si[1].ssi_code);
  printf("short buffer %zd %s\n", read(fd, si, 100), strerror(errno));

  struct pollfd pf = {.fd = fd, .events = POLLIN};
  printf("poll idle %d\n", poll(&pf, 1, 0));
  pid_t pid = fork();
  if (pid == 0) {
    usleep(5000);
    kill(getppid(), SIGUSR1);
    _exit(0);
  }
  printf("poll woken by the child's signal %d revents %#x\n", poll(&pf, 1, 2000), pf.revents);
  read(fd, si, sizeof si);
  printf("it was %u from the child %d\n", si[0].ssi_signo, si[0].ssi_pid == (unsigned)pid);
  waitpid(pid, NULL, 0);
  /* the child's exit sent SIGCHLD, not in the set: it is not read */
  printf("SIGCHLD not read: %zd\n", read(fd, si, sizeof si));

  int ep = epoll_create1(0);
  struct epoll_event e = {.events = EPOLLIN, .data.u32 = 7}, got;
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
  pthread_t t;
  pthread_create(&t, NULL, sender, NULL);
  printf("epoll woken %d data %u\n", epoll_wait(ep, &got, 1, 2000), got.data.u32);
  pthread_join(t, NULL);
  n = read(fd, si, sizeof si);
  printf("read %zd signo %u\n", n, si[0].ssi_signo);

  /* a blocking descriptor: the read sleeps until the signal comes */
  int bfd = signalfd(-1, &set, 0);
  pthread_create(&t, NULL, sender, NULL);
  n = read(bfd, si, sizeof si);
  printf("blocking read %zd signo %u\n", n, si[0].ssi_signo);
  pthread_join(t, NULL);

  sigset_t only1;
  sigemptyset(&only1);
  sigaddset(&only1, SIGUSR1);
  printf("new mask same fd %d\n", signalfd(fd, &only1, 0) == fd);
  raise(SIGUSR2);
  printf("SIGUSR2 no longer read: %zd\n", read(fd, si, sizeof si));
  sigset_t pend;
  sigpending(&pend);
  printf("still pending %d\n", sigismember(&pend, SIGUSR2));
  printf("not a signalfd %d %s\n", signalfd(ep, &set, 0), strerror(errno));
  printf("bad flags %d %s\n", signalfd(-1, &set, 1), strerror(errno));
  return 0;
}
