/* A failed assert prints glibc's message to stderr and aborts (SIGABRT, status 134); stdout is not flushed.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <assert.h>

static int check(int x) { assert(x < 3 && "x must stay small"); return x * 2; }

int main(void) {
  int s = 0;
  for (int i = 0; i < 5; i++) { s += check(i); fprintf(stderr, "checked %d\n", i); printf("buffered %d\n", s); }
  return s;
}
