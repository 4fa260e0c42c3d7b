/* setjmp/longjmp in loops: retry loops, exceptions across several frames, volatile locals kept,
   nested jump buffers, _setjmp/_longjmp and sigsetjmp without saving the mask.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <setjmp.h>
#include <signal.h>

static jmp_buf jb, outer;
static int depth_reached;
static void thrower(int depth, int code) { depth_reached = depth; if (depth == 0) longjmp(jb, code); thrower(depth - 1, code); }
static void nested(int i) {
  jmp_buf saved; __builtin_memcpy(saved, jb, sizeof jb);
  if (setjmp(jb) == 0) thrower(i, 100 + i); else printf("  inner caught at depth %d\n", depth_reached);
  __builtin_memcpy(jb, saved, sizeof jb);
  if (i % 2) longjmp(outer, i);
}

int main(void) {
  volatile int attempts = 0, total = 0;
  for (int i = 0; i < 6; i++) {
    int r = setjmp(jb);
    if (r == 0) { attempts++; thrower(i * 10, i + 1); }
    total += r;
    printf("iteration %d caught %d attempts %d\n", i, r, attempts);
  }
  printf("total=%d\n", total);
  volatile int retries = 0;
  if (setjmp(jb) < 5) { retries++; if (retries < 5) longjmp(jb, retries); }
  printf("retries=%d\n", retries);
  printf("longjmp(0) gives %d\n", setjmp(jb) ? 1 : (longjmp(jb, 0), 0));
  for (volatile int i = 0; i < 4; i++) {
    int r = setjmp(outer);
    if (r == 0) { nested(i); printf("  nested %d returned\n", i); }
    else printf("  outer caught %d\n", r);
  }
  jmp_buf fast; volatile int k = 0;
  if (_setjmp(fast) < 3) { k++; _longjmp(fast, k); }
  printf("_setjmp k=%d\n", k);
  sigjmp_buf sj; sigset_t set, now; sigemptyset(&set); sigaddset(&set, SIGUSR1);
  if (sigsetjmp(sj, 0) == 0) { sigprocmask(SIG_BLOCK, &set, NULL); siglongjmp(sj, 1); }
  sigprocmask(SIG_BLOCK, NULL, &now); printf("mask kept after sigsetjmp(,0): %d\n", sigismember(&now, SIGUSR1));
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  if (sigsetjmp(sj, 1) == 0) { sigprocmask(SIG_BLOCK, &set, NULL); siglongjmp(sj, 1); }
  sigprocmask(SIG_BLOCK, NULL, &now); printf("mask restored after sigsetjmp(,1): %d\n", sigismember(&now, SIGUSR1));
  return 0;
}
