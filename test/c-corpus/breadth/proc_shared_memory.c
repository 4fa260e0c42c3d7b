// Memory shared between a parent and its forked children, as textbook multiprocess code shares it:
// MAP_SHARED|MAP_ANONYMOUS counters and arrays, /dev/zero mapped shared, process-shared POSIX
// semaphores and mutexes living in that memory, a child's writes seen after wait, and a
// MAP_PRIVATE mapping that stays private. mremap of the shared region keeps it shared.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
  sem_t items, spaces, lock;
  pthread_mutex_t mutex;
  long counter;
  int ring[8];
  int head, tail;
  long results[4];
};

int main(void) {
  struct shared *sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(sh, 0, sizeof *sh);
  *priv = 1;
  sem_init(&sh->items, 1, 0);
  sem_init(&sh->lock, 1, 1);
  sem_init(&sh->spaces, 1, 8);
  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
  pthread_mutex_init(&sh->mutex, &ma);

  /* Four children add to one counter under the process-shared mutex, each leaving a result. */
  for (int c = 0; c < 4; c++) {
    if (fork() == 0) {
      for (int i = 0; i < 250; i++) {
        pthread_mutex_lock(&sh->mutex);
        sh->counter += c + 1;
        pthread_mutex_unlock(&sh->mutex);
      }
      sh->results[c] = 1000L * (c + 1);
      *priv = 99;
      _exit(c);
    }
  }
  int sum_status = 0, st;
  while (wait(&st) > 0) sum_status += WEXITSTATUS(st);
  printf("counter %ld (want %d), statuses %d, results %ld %ld %ld %ld, private %d\n", sh->counter, 250 * 10, sum_status,
         sh->results[0], sh->results[1], sh->results[2], sh->results[3], *priv);

  /* A producer child and the parent as consumer, through a ring and three semaphores. */
  pid_t prod = fork();
  if (prod == 0) {
    for (int i = 1; i <= 40; i++) {
      sem_wait(&sh->spaces);
      sem_wait(&sh->lock);
      sh->ring[sh->tail++ % 8] = i * i;
      sem_post(&sh->lock);
      sem_post(&sh->items);
      if (i % 8 == 0) usleep(1000);
    }
    _exit(0);
  }
  long total = 0;
  for (int i = 0; i < 40; i++) {
    sem_wait(&sh->items);
    sem_wait(&sh->lock);
    total += sh->ring[sh->head++ % 8];
    sem_post(&sh->lock);
    sem_post(&sh->spaces);
  }
  waitpid(prod, NULL, 0);
  printf("consumed sum of squares %ld\n", total);

  /* /dev/zero mapped shared behaves as shared anonymous memory. */
  int z = open("/dev/zero", O_RDWR);
  volatile int *zm = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, z, 0);
  close(z);
  printf("dev/zero starts %d\n", zm[100]);
  if (fork() == 0) {
    zm[100] = 1234;
    zm[2047] = -5;
    _exit(0);
  }
  wait(NULL);
  printf("dev/zero after child %d %d\n", zm[100], zm[2047]);

  /* Grown with mremap (maybe moved), the region is still the one the child writes (within its first
     64 KiB: the shared object keeps its size, and Linux raises SIGBUS past it). */
  size_t big = 1 << 20;
  char *g = mmap(NULL, 65536, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  strcpy(g, "before");
  g = mremap(g, 65536, big, MREMAP_MAYMOVE);
  printf("mremap ok %d kept [%s]\n", g != MAP_FAILED, g);
  if (fork() == 0) {
    strcpy(g + 65536 - 16, "tail from child");
    strcpy(g, "after");
    _exit(0);
  }
  wait(NULL);
  printf("[%s] [%s]\n", g, g + 65536 - 16);

  /* A page the parent never touched before fork, first written by the child. */
  long *late = mmap(NULL, 1 << 16, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (fork() == 0) {
    late[5000] = 77;
    _exit(0);
  }
  wait(NULL);
  printf("late page %ld\n", late[5000]);
  sem_destroy(&sh->items);
  sem_destroy(&sh->lock);
  sem_destroy(&sh->spaces);
  munmap(sh, sizeof *sh);
  return 0;
}
