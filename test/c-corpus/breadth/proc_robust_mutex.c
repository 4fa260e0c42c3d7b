// Robust mutexes as a crash-tolerant server uses them: a thread (or a forked process, with the mutex
// in shared memory) dies holding the lock; the next locker gets EOWNERDEAD, repairs the state and
// calls pthread_mutex_consistent; a robust mutex unlocked without that becomes ENOTRECOVERABLE.
// qemu-differs: qemu-user 7.2 has no set_robust_list, so a dead owner's lock is never released (the program hangs)
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t m;
static int state;

static void *die_holding(void *arg) {
  pthread_mutex_lock(&m);
  state = (int)(long)arg; /* half-done update */
  return NULL;
}

int main(void) {
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
  pthread_mutex_init(&m, &ma);
  pthread_t t;
  pthread_create(&t, NULL, die_holding, (void *)7L);
  pthread_join(t, NULL);
  int r = pthread_mutex_lock(&m);
  printf("lock after the owner thread died: %s (state %d)\n", strerror(r), state);
  state = 0;
  printf("consistent: %d\n", pthread_mutex_consistent(&m));
  pthread_mutex_unlock(&m);
  printf("lock again: %s\n", strerror(pthread_mutex_lock(&m)));
  pthread_mutex_unlock(&m);

  /* Not made consistent: unusable afterwards. */
  pthread_create(&t, NULL, die_holding, (void *)8L);
  pthread_join(t, NULL);
  printf("lock: %s\n", strerror(pthread_mutex_lock(&m)));
  pthread_mutex_unlock(&m);
  printf("after unlock without consistent: %s\n", strerror(pthread_mutex_lock(&m)));

  /* A process-shared robust mutex in shared memory; the child exits holding it. */
  pthread_mutex_t *pm = mmap(NULL, sizeof *pm, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
  pthread_mutex_init(pm, &ma);
  pid_t pid = fork();
  if (pid == 0) {
    pthread_mutex_lock(pm);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  r = pthread_mutex_lock(pm);
  printf("lock after the owner process died: %s\n", strerror(r));
  pthread_mutex_consistent(pm);
  pthread_mutex_unlock(pm);

  /* A waiter blocked on the lock is woken when the owner dies. */
  pid = fork();
  if (pid == 0) {
    pthread_mutex_lock(pm);
    usleep(20000);
    _exit(0);
  }
  usleep(5000);
  r = pthread_mutex_lock(pm);
  printf("waiter woken by the owner's death: %s\n", strerror(r));
  waitpid(pid, NULL, 0);
  return 0;
}
