// Exit path: __builtin_trap() compiles to a trap instruction; Linux/POWER delivers SIGTRAP (status 133).
// SPDX-License-Identifier: MIT
#include <stdio.h>

static int check(int x) { if (x > 2) __builtin_trap(); return x; }

int main(void) {
  for (int i = 0; i < 5; i++) { printf("check %d -> %d\n", i, check(i)); fflush(stdout); }
  return 0;
}
