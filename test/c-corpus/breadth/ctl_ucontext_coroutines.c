// Coroutines on ucontext: getcontext/makecontext/swapcontext/setcontext as generator code and
// cooperative schedulers written before threads were common use them, with uc_link chaining, a
// signal mask saved and restored with each context, and floating-point state kept across switches.
// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

static ucontext_t main_ctx, gen_ctx, done_ctx;
static long yielded;
static int gen_finished;
static char gen_stack[64 * 1024], done_stack[32 * 1024];

static void yield_value(long v) {
  yielded = v;
  swapcontext(&gen_ctx, &main_ctx);
}

/* makecontext passes int arguments. */
static void fib_gen(int limit, int scale) {
  long a = 0, b = 1;
  double acc = 0.5;
  for (int i = 0; i < limit; i++) {
    acc = acc * 1.5 + (double)a;
    yield_value(a * scale);
    long t = a + b;
    a = b;
    b = t;
  }
  printf("generator done, acc=%.6f\n", acc);
}

static void on_done(void) {
  gen_finished = 1;
  printf("uc_link reached\n");
}

/* A round-robin of three tasks that each switch to the next. */
#define NT 3
static ucontext_t task[NT], sched_ctx;
static char task_stack[NT][32 * 1024];
static int steps_left[NT];
static int current;
static char trace[256];

static void task_body(int id) {
  while (steps_left[id] > 0) {
    steps_left[id]--;
    size_t n = strlen(trace);
    trace[n] = (char)('A' + id);
    trace[n + 1] = 0;
    int next = (id + 1) % NT;
    current = next;
    swapcontext(&task[id], &task[next]);
  }
  swapcontext(&task[id], &sched_ctx);
}

static volatile int once;

int main(void) {
  getcontext(&done_ctx);
  done_ctx.uc_stack.ss_sp = done_stack;
  done_ctx.uc_stack.ss_size = sizeof done_stack;
  done_ctx.uc_link = &main_ctx;
  makecontext(&done_ctx, on_done, 0);

  getcontext(&gen_ctx);
  gen_ctx.uc_stack.ss_sp = gen_stack;
  gen_ctx.uc_stack.ss_size = sizeof gen_stack;
  gen_ctx.uc_link = &done_ctx;
  makecontext(&gen_ctx, (void (*)(void))fib_gen, 2, 12, 3);

  double keep = 1.0 / 3.0;
  while (!gen_finished) {
    swapcontext(&main_ctx, &gen_ctx);
    if (!gen_finished) printf("got %ld (keep %.17g)\n", yielded, keep);
  }

  /* getcontext returns twice when setcontext resumes it. */
  ucontext_t here;
  volatile int passes = 0;
  getcontext(&here);
  passes++;
  printf("after getcontext, pass %d\n", passes);
  if (passes < 3) setcontext(&here);

  /* The signal mask is part of the context. */
  sigset_t set, cur;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  ucontext_t masked;
  getcontext(&masked);
  if (!once) {
    once = 1;
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("blocked now %d\n", sigismember(&cur, SIGUSR1));
    setcontext(&masked);
  }
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("after setcontext blocked %d\n", sigismember(&cur, SIGUSR1));

  for (int i = 0; i < NT; i++) {
    getcontext(&task[i]);
    task[i].uc_stack.ss_sp = task_stack[i];
    task[i].uc_stack.ss_size = sizeof task_stack[i];
    task[i].uc_link = &sched_ctx;
    steps_left[i] = 3 + i;
    makecontext(&task[i], (void (*)(void))task_body, 1, i);
  }
  swapcontext(&sched_ctx, &task[0]);
  printf("trace %s, task %d returned to the scheduler\n", trace, current);
  return 0;
}
