/* More POSIX threads: semaphores, a barrier, a reader-writer lock, thread-specific data with destructors,
   pthread_exit values, detached threads, recursive and error-checking mutexes, __atomic counters, thread ids
   (gettid differs from getpid), pthread_kill with a per-thread handler. (pthread_cancel is left out: its forced
   unwind needs the vDSO's unwind information for the signal trampoline, which wplab does not map.)
   SPDX-License-Identifier: MIT */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>

#define NT 4
static pthread_barrier_t bar; static sem_t sem, done_sem; static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long shared_table[NT]; static long atomic_count; static pthread_key_t key; static int destructed;
static int ids_ok = 1;
static void dtor(void *p) { __atomic_fetch_add(&destructed, 1, __ATOMIC_SEQ_CST); free(p); }

static void *worker(void *arg) {
  long id = (long)arg;
  if (gettid() == getpid()) ids_ok = 0;
  int *mine = malloc(sizeof *mine); *mine = (int)id * 10; pthread_setspecific(key, mine);
  for (int i = 0; i < 1000; i++) __atomic_fetch_add(&atomic_count, 1, __ATOMIC_RELAXED);
  pthread_rwlock_wrlock(&rw); shared_table[id] = id * id; pthread_rwlock_unlock(&rw);
  pthread_barrier_wait(&bar);
  long sum = 0; pthread_rwlock_rdlock(&rw); for (int i = 0; i < NT; i++) sum += shared_table[i]; pthread_rwlock_unlock(&rw);
  sem_wait(&sem); sem_post(&sem);
  if (id == 2) pthread_exit((void *)(sum + *(int *)pthread_getspecific(key)));
  return (void *)(sum + *(int *)pthread_getspecific(key));
}
static void *detached(void *arg) { *(int *)arg = 77; sem_post(&done_sem); return NULL; }
static volatile sig_atomic_t got_usr1_tid;
static void on_usr1(int s) { got_usr1_tid = gettid(); (void)s; }
static void *sig_target(void *arg) { *(pid_t *)arg = gettid(); sem_post(&done_sem); while (!got_usr1_tid) usleep(1000); return NULL; }
int main(void) {
  pthread_key_create(&key, dtor); pthread_barrier_init(&bar, NULL, NT); sem_init(&sem, 0, 0); sem_init(&done_sem, 0, 0);
  pthread_t t[NT];
  for (long i = 0; i < NT; i++) pthread_create(&t[i], NULL, worker, (void *)i);
  sem_post(&sem);
  for (int i = 0; i < NT; i++) { void *r; pthread_join(t[i], &r); printf("thread %d returned %ld\n", i, (long)r); }
  printf("atomic=%ld destructors=%d ids_ok=%d\n", atomic_count, destructed, ids_ok);
  int flag = 0; pthread_t d; pthread_attr_t at; pthread_attr_init(&at); pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  pthread_create(&d, &at, detached, &flag); sem_wait(&done_sem); printf("detached set %d\n", flag);
  pthread_mutexattr_t ma; pthread_mutexattr_init(&ma); pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_t rm; pthread_mutex_init(&rm, &ma);
  printf("recursive: %d %d %d %d\n", pthread_mutex_lock(&rm), pthread_mutex_lock(&rm), pthread_mutex_unlock(&rm), pthread_mutex_unlock(&rm));
  pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK); pthread_mutex_t em; pthread_mutex_init(&em, &ma);
  pthread_mutex_lock(&em); printf("errorcheck relock=%s trylock=%s\n", pthread_mutex_lock(&em) == EDEADLK ? "EDEADLK" : "?",
         pthread_mutex_trylock(&em) == EBUSY ? "EBUSY" : "?");
  pthread_mutex_unlock(&em); printf("unlock unowned=%s\n", pthread_mutex_unlock(&em) == EPERM ? "EPERM" : "?");
  signal(SIGUSR1, on_usr1); pid_t target_tid = 0; pthread_t st;
  pthread_create(&st, NULL, sig_target, &target_tid); sem_wait(&done_sem);
  pthread_kill(st, SIGUSR1); pthread_join(st, NULL);
  printf("signal ran in the target thread: %d\n", got_usr1_tid == target_tid);
  printf("join self=%s\n", pthread_join(pthread_self(), NULL) == EDEADLK ? "EDEADLK" : "?");
  return 0;
}
