// Processes that share memory the old ways: vfork (the child runs in the parent's memory until
// _exit, so its stores are seen), clone(2) through glibc with CLONE_VM and a stack of our own (a
// process, not a thread, sharing the address space), CLONE_FILES sharing the descriptor table, and
// CLONE_VFORK; waitpid with __WALL for a child whose exit signal is not SIGCHLD.
// qemu-differs: qemu-user runs vfork as fork (the child's stores are lost) and refuses clone with CLONE_VM but not CLONE_THREAD
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int shared_counter;
static char note[64];
static int pipe_fds[2];

static int child_fn(void *arg) {
  int add = *(int *)arg;
  shared_counter += add;
  snprintf(note, sizeof note, "written by clone child (+%d)", add);
  return 9;
}

static int files_fn(void *arg) {
  (void)arg;
  /* with CLONE_FILES the descriptor opened here is the parent's too */
  int fd = open("cloned.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  write(fd, "hello", 5);
  return fd;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  shared_counter = 1;
  pid_t pid = vfork();
  if (pid == 0) {
    shared_counter = 42; /* the parent's memory: Linux's vfork shares it until _exit */
    _exit(3);
  }
  int st;
  waitpid(pid, &st, 0);
  printf("after vfork: counter %d, child exit %d\n", shared_counter, WEXITSTATUS(st));

  size_t ss = 256 * 1024;
  char *stack = malloc(ss);
  int add = 5;
  pid = clone(child_fn, stack + ss, CLONE_VM | SIGCHLD, &add);
  printf("clone ok %d\n", pid > 0);
  waitpid(pid, &st, 0);
  printf("after CLONE_VM: counter %d, note [%s], exit %d\n", shared_counter, note, WEXITSTATUS(st));

  /* without CLONE_VM the child has its own copy */
  add = 100;
  pid = clone(child_fn, stack + ss, SIGCHLD, &add);
  waitpid(pid, &st, 0);
  printf("after plain clone: counter %d, exit %d\n", shared_counter, WEXITSTATUS(st));

  /* CLONE_VFORK: the parent sleeps until the child exits */
  add = 1000;
  pid = clone(child_fn, stack + ss, CLONE_VM | CLONE_VFORK | SIGCHLD, &add);
  printf("CLONE_VFORK returned, counter already %d\n", shared_counter);
  waitpid(pid, &st, 0);

  /* an exit signal other than SIGCHLD: waitpid needs __WALL (or __WCLONE) */
  add = 1;
  signal(SIGUSR1, SIG_IGN);
  pid = clone(child_fn, stack + ss, CLONE_VM | SIGUSR1, &add);
  int r = waitpid(pid, &st, 0);
  printf("waitpid without __WALL: %d %s\n", r, r < 0 ? strerror(errno) : "");
  r = waitpid(pid, &st, __WALL);
  printf("waitpid __WALL: same pid %d exit %d counter %d\n", r == pid, WEXITSTATUS(st), shared_counter);

  pid = clone(files_fn, stack + ss, CLONE_VM | CLONE_FILES | SIGCHLD, NULL);
  waitpid(pid, &st, 0);
  int fd = WEXITSTATUS(st);
  printf("CLONE_FILES: the child's fd %d is open here: %d\n", fd, fcntl(fd, F_GETFD) >= 0);
  close(fd);
  pid = clone(files_fn, stack + ss, CLONE_VM | SIGCHLD, NULL);
  waitpid(pid, &st, 0);
  fd = WEXITSTATUS(st);
  printf("without CLONE_FILES: fd %d open here: %d\n", fd, fcntl(fd, F_GETFD) >= 0);
  unlink("cloned.txt");
  free(stack);
  return 0;
}
