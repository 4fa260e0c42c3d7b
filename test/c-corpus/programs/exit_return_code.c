// Exit path: main returns a non-zero status (42) after printing to buffered stdout, which must be
// flushed by the normal exit.
// SPDX-License-Identifier: MIT
#include <stdio.h>

int main(void) {
  printf("returning 42 from main");
  return 42;
}
