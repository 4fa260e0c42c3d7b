// The less common corners of POSIX threads that real programs still use: pthread_atfork handlers
// around a fork from a threaded process, pthread_kill to a thread with a handler, sigwait in a
// dedicated signal thread, thread names, cleanup handlers run by pthread_exit, error-checking
// mutexes, pthread_once, spin locks, pthread_getattr_np of the main thread, a condition variable on
// CLOCK_MONOTONIC timing out, and main ending with pthread_exit while a thread still works (robust
// mutexes: proc_robust_mutex).
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char log_buf[256];
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static void note(const char *s) {
  pthread_mutex_lock(&log_lock);
  strcat(log_buf, s);
  pthread_mutex_unlock(&log_lock);
}

static void prepare(void) { note("P"); }
static void parent(void) { note("p"); }
static void child(void) { note("c"); }

static volatile sig_atomic_t got_usr1;
static void on_usr1(int s) { got_usr1 = s; }

static void *spin_forever_until(void *arg) {
  volatile int *flag = arg;
  while (!*flag) usleep(1000);
  return (void *)(long)got_usr1;
}

static void *signal_thread(void *arg) {
  sigset_t *set = arg;
  int sig = 0;
  sigwait(set, &sig);
  return (void *)(long)sig;
}

static void cleanup(void *arg) { note((const char *)arg); }
static void *with_cleanups(void *arg) {
  (void)arg;
  pthread_cleanup_push(cleanup, "1");
  pthread_cleanup_push(cleanup, "2");
  pthread_exit((void *)77);
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(0);
  return NULL;
}

static int once_count;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void once_fn(void) { once_count++; }
static pthread_spinlock_t spin;
static long spin_total;
static void *spinner(void *arg) {
  pthread_once(&once, once_fn);
  for (int i = 0; i < 1000; i++) {
    pthread_spin_lock(&spin);
    spin_total += (long)arg;
    pthread_spin_unlock(&spin);
  }
  return NULL;
}

static void *last_worker(void *arg) {
  (void)arg;
  usleep(5000);
  printf("last worker finishes after main's pthread_exit\n");
  fflush(stdout);
  return NULL;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pthread_atfork(prepare, parent, child);
  pid_t pid = fork();
  if (pid == 0) {
    printf("child log [%s]\n", log_buf);
    _exit(0);
  }
  waitpid(pid, NULL, 0);
  printf("parent log [%s]\n", log_buf);
  log_buf[0] = 0;

  signal(SIGUSR1, on_usr1);
  volatile int flag = 0;
  pthread_t t;
  pthread_create(&t, NULL, spin_forever_until, (void *)&flag);
  pthread_setname_np(t, "worker-one");
  char name[32];
  pthread_getname_np(t, name, sizeof name);
  printf("thread name [%s]\n", name);
  printf("pthread_kill %d\n", pthread_kill(t, SIGUSR1));
  usleep(10000);
  flag = 1;
  void *ret;
  pthread_join(t, &ret);
  printf("handler ran with %ld\n", (long)ret);

  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  pthread_create(&t, NULL, signal_thread, &set);
  kill(getpid(), SIGUSR2);
  pthread_join(t, &ret);
  printf("sigwait thread got %ld (SIGUSR2 %d)\n", (long)ret, SIGUSR2);

  pthread_create(&t, NULL, with_cleanups, NULL);
  pthread_join(t, &ret);
  printf("cleanups ran [%s], exit value %ld\n", log_buf, (long)ret);

  pthread_mutexattr_t ma;
  pthread_mutexattr_init(&ma);
  pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_t ec;
  pthread_mutex_init(&ec, &ma);
  pthread_mutex_lock(&ec);
  printf("errorcheck relock: %s\n", strerror(pthread_mutex_lock(&ec)));
  pthread_mutex_unlock(&ec);
  printf("errorcheck unlock unowned: %s\n", strerror(pthread_mutex_unlock(&ec)));

  pthread_spin_init(&spin, PTHREAD_PROCESS_PRIVATE);
  pthread_t ts[3];
  for (long i = 0; i < 3; i++) pthread_create(&ts[i], NULL, spinner, (void *)(i + 1));
  for (int i = 0; i < 3; i++) pthread_join(ts[i], NULL);
  printf("spin total %ld once %d\n", spin_total, once_count);

  pthread_condattr_t ca;
  pthread_condattr_init(&ca);
  pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
  pthread_cond_t cv;
  pthread_cond_init(&cv, &ca);
  pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
  struct timespec until;
  clock_gettime(CLOCK_MONOTONIC, &until);
  until.tv_nsec += 20 * 1000 * 1000;
  if (until.tv_nsec >= 1000000000) until.tv_sec++, until.tv_nsec -= 1000000000;
  pthread_mutex_lock(&m);
  printf("timedwait: %s\n", strerror(pthread_cond_timedwait(&cv, &m, &until)));
  pthread_mutex_unlock(&m);
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  printf("deadline passed %d\n", now.tv_sec > until.tv_sec || (now.tv_sec == until.tv_sec && now.tv_nsec >= until.tv_nsec));

  /* the main thread's attributes: glibc finds its stack in /proc/self/maps, its size from RLIMIT_STACK */
  pthread_attr_t mine;
  int gr = pthread_getattr_np(pthread_self(), &mine);
  size_t main_stack = 0;
  void *main_base;
  if (gr == 0) pthread_attr_getstack(&mine, &main_base, &main_stack);
  printf("main thread getattr_np %d stack %zu\n", gr, main_stack);
  pthread_attr_t at;
  pthread_attr_init(&at);
  pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&at, 1 << 20);
  size_t sz;
  pthread_attr_getstacksize(&at, &sz);
  printf("stack size asked %zu\n", sz);
  pthread_create(&t, &at, last_worker, NULL);
  printf("join detached: %s\n", strerror(pthread_join(t, NULL)));
  pthread_exit(NULL);
}
