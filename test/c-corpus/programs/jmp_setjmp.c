// setjmp/longjmp: returning values (0 becomes 1), jumping out of several nested frames, volatile
// locals kept across the jump, an error-handling "exception" pattern, and sigsetjmp/siglongjmp
// restoring the signal mask.
// SPDX-License-Identifier: MIT
#include <stdio.h>
#include <setjmp.h>
#include <signal.h>

static jmp_buf env;
static int depth_reached;

static void deep(int n) {
  depth_reached = n;
  if (n == 25) longjmp(env, n * 2);
  deep(n + 1);
  printf("never printed\n");
}

static jmp_buf *handler;
static void throw_err(int code) { longjmp(*handler, code); }
static int parse_digit(char c) { if (c < '0' || c > '9') throw_err(100 + c); return c - '0'; }
static int parse_number(const char *s) { int v = 0; while (*s) v = v * 10 + parse_digit(*s++); return v; }

static int try_parse(const char *s, int *out) {
  jmp_buf local, *saved = handler;
  int code;
  handler = &local;
  if ((code = setjmp(local)) == 0) { *out = parse_number(s); handler = saved; return 0; }
  handler = saved;
  return code;
}

int main(void) {
  volatile int counter = 0;
  int r = setjmp(env);
  counter++;
  printf("setjmp returned %d, counter %d\n", r, counter);
  if (r == 0) deep(1);
  printf("after deep: depth %d\n", depth_reached);
  r = setjmp(env);
  if (r == 0) longjmp(env, 0);
  printf("longjmp(0) gives %d\n", r);
  const char *ins[] = {"12345", "12a45", "", "9x"};
  for (int i = 0; i < 4; i++) {
    int v = -1, code = try_parse(ins[i], &v);
    printf("parse [%s]: code %d value %d\n", ins[i], code, v);
  }
  sigjmp_buf sj;
  sigset_t set, cur;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  volatile int phase = 0;
  if (sigsetjmp(sj, 1) == 0) {
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("blocked before jump: %d\n", sigismember(&cur, SIGUSR1));
    phase = 1;
    siglongjmp(sj, 7);
  }
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("after siglongjmp phase %d, blocked restored: %d\n", phase, sigismember(&cur, SIGUSR1));
  if (sigsetjmp(sj, 0) == 0) {
    sigprocmask(SIG_BLOCK, &set, NULL);
    siglongjmp(sj, 1);
  }
  sigprocmask(SIG_BLOCK, NULL, &cur);
  printf("savemask=0 keeps the block: %d\n", sigismember(&cur, SIGUSR1));
  return 0;
}
