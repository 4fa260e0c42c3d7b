// C11 <threads.h> and <stdatomic.h> as portable textbook code writes them: thrd_create/join with
// results, mtx_t and cnd_t for a bounded queue, call_once, tss_t with destructors, _Thread_local
// counters, atomic fetch ops, compare-exchange loops, atomic_flag spinlocks and memory fences.
// SPDX-License-Identifier: MIT
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <threads.h>

static atomic_long total;
static atomic_int ticket;
static atomic_flag spin = ATOMIC_FLAG_INIT;
static long spin_protected;
static _Thread_local int tl_count = 100;
static once_flag once = ONCE_FLAG_INIT;
static int once_runs;
static tss_t key;
static atomic_int destructed;

static void init_once(void) { once_runs++; }
static void tss_dtor(void *p) {
  atomic_fetch_add(&destructed, *(int *)p);
  free(p);
}

static int worker(void *arg) {
  int id = (int)(long)arg;
  call_once(&once, init_once);
  int *mine = malloc(sizeof *mine);
  *mine = id + 1;
  tss_set(key, mine);
  for (int i = 0; i < 1000; i++) {
    atomic_fetch_add_explicit(&total, i, memory_order_relaxed);
    tl_count++;
    while (atomic_flag_test_and_set_explicit(&spin, memory_order_acquire)) thrd_yield();
    spin_protected += 2;
    atomic_flag_clear_explicit(&spin, memory_order_release);
  }
  int expected = atomic_load(&ticket), desired;
  do desired = expected + id; while (!atomic_compare_exchange_weak(&ticket, &expected, desired));
  return tl_count + *(int *)tss_get(key);
}

#define QN 4
static mtx_t qm;
static cnd_t not_empty, not_full;
static int queue[QN], qhead, qcount;
static long consumed_sum;

static int producer(void *arg) {
  (void)arg;
  for (int i = 1; i <= 200; i++) {
    mtx_lock(&qm);
    while (qcount == QN) cnd_wait(&not_full, &qm);
    queue[(qhead + qcount++) % QN] = i;
    cnd_signal(&not_empty);
    mtx_unlock(&qm);
  }
  return 0;
}

static int consumer(void *arg) {
  int n = *(int *)arg;
  for (int i = 0; i < n; i++) {
    mtx_lock(&qm);
    while (qcount == 0) cnd_wait(&not_empty, &qm);
    int v = queue[qhead];
    qhead = (qhead + 1) % QN;
    qcount--;
    consumed_sum += v;
    cnd_signal(&not_full);
    mtx_unlock(&qm);
  }
  return n;
}

int main(void) {
  printf("tss_create %d\n", tss_create(&key, tss_dtor) == thrd_success);
  thrd_t t[4];
  for (long i = 0; i < 4; i++) printf("create %d\n", thrd_create(&t[i], worker, (void *)i) == thrd_success);
  for (int i = 0; i < 4; i++) {
    int res;
    thrd_join(t[i], &res);
    printf("thread %d returned %d\n", i, res);
  }
  printf("total %ld spin %ld ticket %d once %d main tl %d destructed %d\n", atomic_load(&total), spin_protected,
         atomic_load(&ticket), once_runs, tl_count, atomic_load(&destructed));

  mtx_init(&qm, mtx_plain);
  cnd_init(&not_empty);
  cnd_init(&not_full);
  thrd_t p, c1, c2;
  int n1 = 120, n2 = 80, r1, r2;
  thrd_create(&c1, consumer, &n1);
  thrd_create(&c2, consumer, &n2);
  thrd_create(&p, producer, NULL);
  thrd_join(p, NULL);
  thrd_join(c1, &r1);
  thrd_join(c2, &r2);
  printf("consumed %ld by %d+%d\n", consumed_sum, r1, r2);

  mtx_t rm;
  printf("recursive init %d\n", mtx_init(&rm, mtx_plain | mtx_recursive) == thrd_success);
  printf("lock %d lock %d trylock %d\n", mtx_lock(&rm), mtx_lock(&rm), mtx_trylock(&rm));
  mtx_unlock(&rm);
  mtx_unlock(&rm);
  mtx_unlock(&rm);
  mtx_t tm;
  mtx_init(&tm, mtx_timed);
  mtx_lock(&tm);
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  ts.tv_nsec += 1000000;
  if (ts.tv_nsec >= 1000000000) ts.tv_sec++, ts.tv_nsec -= 1000000000;
  printf("timedlock on held %s\n", mtx_timedlock(&tm, &ts) == thrd_timedout ? "timedout" : "other");

  _Atomic unsigned char uc = 250;
  atomic_fetch_add(&uc, 10);
  _Atomic long long ll = 1;
  atomic_fetch_or(&ll, 1LL << 40);
  atomic_fetch_xor(&ll, 3);
  atomic_fetch_and(&ll, ~(1LL << 1));
  _Atomic double d = 1.5;
  d += 2.25;
  atomic_thread_fence(memory_order_seq_cst);
  printf("uc %u ll %#llx d %g lockfree int %d llong %d\n", (unsigned)uc, (unsigned long long)ll, (double)d,
         atomic_is_lock_free(&ticket), atomic_is_lock_free(&ll));
  /* No 16-byte _Atomic struct: qemu 7.2 never completes lqarx/stqcx. loops (gaps/README.md). */
  return 0;
}
