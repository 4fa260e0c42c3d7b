// Pipes between processes: reads that wait for the writer, end of file when the last writer closes,
// a writer that waits while the pipe is full (128 KiB through a 64 KiB pipe), EPIPE and SIGPIPE when
// no reader is left, O_NONBLOCK giving EAGAIN, and a read interrupted by a signal handler (EINTR
// without SA_RESTART, restarted with it).
// reference: qemu (qemu-ppc64le prints the same)
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;
static void on_alarm(int sig) {
  (void)sig;
  alarms++;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int p[2];
  pipe(p);
  pid_t c = fork();
  if (c == 0) {
    close(p[0]);
    static char big[128 * 1024];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)(i * 7);
    size_t off = 0;
    while (off < sizeof big) {
      ssize_t n = write(p[1], big + off, sizeof big - off);
      if (n <= 0) _exit(1);
      off += n;
    }
    _exit(0);
  }
  close(p[1]);
  unsigned long sum = 0, total = 0;
  char buf[4096];
  ssize_t n;
  while ((n = read(p[0], buf, sizeof buf)) > 0) {
    for (ssize_t i = 0; i < n; i++) sum = sum * 31 + (unsigned char)buf[i];
    total += n;
  }
  int st;
  waitpid(c, &st, 0);
  unsigned long want = 0;
  for (size_t i = 0; i < 128 * 1024; i++) want = want * 31 + (unsigned char)(char)(i * 7);
  printf("128 KiB through a pipe: %lu bytes, same bytes: %s, writer exited %d, then EOF\n", total, sum == want ? "yes" : "no", WEXITSTATUS(st));
  close(p[0]);

  /* no reader: EPIPE, and SIGPIPE (ignored here, then by default in a child) */
  pipe(p);
  close(p[0]);
  signal(SIGPIPE, SIG_IGN);
  errno = 0;
  printf("write with no reader: %d %s\n", (int)write(p[1], "x", 1), strerror(errno));
  signal(SIGPIPE, SIG_DFL);
  c = fork();
  if (c == 0) {
    write(p[1], "x", 1);
    _exit(0);
  }
  waitpid(c, &st, 0);
  printf("a child writing there: killed by %s\n", WIFSIGNALED(st) ? strsignal(WTERMSIG(st)) : "nothing");
  close(p[1]);

  /* O_NONBLOCK: EAGAIN instead of waiting */
  pipe2(p, O_NONBLOCK);
  errno = 0;
  printf("non-blocking read of an empty pipe: %d %s\n", (int)read(p[0], buf, 1), strerror(errno));
  close(p[0]);
  close(p[1]);

  /* a read waiting for a writer that never writes, cut by SIGALRM */
  pipe(p);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_alarm;
  sigaction(SIGALRM, &sa, NULL);
  alarm(1);
  errno = 0;
  printf("read cut by a handler (no SA_RESTART): %d %s\n", (int)read(p[0], buf, 1), strerror(errno));
  /* with SA_RESTART the read goes on after the handler, until the child writes */
  sa.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &sa, NULL);
  c = fork();
  if (c == 0) {
    sleep(2);
    write(p[1], "y", 1);
    _exit(0);
  }
  alarms = 0;
  alarm(1);
  n = read(p[0], buf, 1);
  printf("read with SA_RESTART: %d byte '%c' after %d alarm\n", (int)n, buf[0], (int)alarms);
  waitpid(c, &st, 0);
  return 0;
}
