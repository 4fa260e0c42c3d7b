/* POSIX threads: create/join with return values, a mutex-protected counter, a condition variable
   producer/consumer, thread-local storage, pthread_once, a barrier-free deterministic result.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long counter;
static __thread int tls_id;
static int queue[16], qhead, qtail, done;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs;
static void init_once(void) { once_runs++; }

static void *adder(void *arg) {
  long n = (long)arg; tls_id = (int)n;
  pthread_once(&once, init_once);
  for (int i = 0; i < 2000; i++) { pthread_mutex_lock(&mu); counter += n; pthread_mutex_unlock(&mu); }
  return (void *)(long)(tls_id * 100);
}
static void *producer(void *arg) {
  for (int i = 1; i <= 50; i++) {
    pthread_mutex_lock(&mu);
    while (qtail - qhead == 16) pthread_cond_wait(&cv, &mu);
    queue[qtail++ % 16] = i; pthread_cond_broadcast(&cv); pthread_mutex_unlock(&mu);
  }
  pthread_mutex_lock(&mu); done = 1; pthread_cond_broadcast(&cv); pthread_mutex_unlock(&mu);
  return arg;
}
static void *consumer(void *arg) {
  long sum = 0;
  for (;;) {
    pthread_mutex_lock(&mu);
    while (qhead == qtail && !done) pthread_cond_wait(&cv, &mu);
    if (qhead == qtail && done) { pthread_mutex_unlock(&mu); break; }
    sum += queue[qhead++ % 16]; pthread_cond_broadcast(&cv); pthread_mutex_unlock(&mu);
  }
  *(long *)arg = sum;
  return NULL;
}

int main(void) {
  pthread_t t[4]; tls_id = 99;
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, adder, (void *)(i + 1));
  long rets = 0;
  for (int i = 0; i < 4; i++) { void *r; pthread_join(t[i], &r); rets += (long)r; }
  printf("counter=%ld rets=%ld main tls=%d once_runs=%d\n", counter, rets, tls_id, once_runs);
  pthread_t p, c; long sum = 0;
  pthread_create(&c, NULL, consumer, &sum); pthread_create(&p, NULL, producer, NULL);
  pthread_join(p, NULL); pthread_join(c, NULL);
  printf("consumed sum=%ld\n", sum);
  pthread_attr_t at; pthread_attr_init(&at); size_t ss; pthread_attr_getstacksize(&at, &ss);
  printf("default stack >= 64K: %d\n", ss >= 65536);
  return 0;
}
