// SPDX-License-Identifier: MIT
// A small C program with a global worth watching: bump() increments `counter` five times, then
// main prints it. examples/c-counter.yaml runs it under a tracer: perf counts every store to
// `counter` while a ptrace watchpoint on it stops the program before the first one.
// Build: make -C examples/c   (powerpc64le-linux-gnu-gcc -static -O2 -g)
#include <stdio.h>

long counter;     /* the watchable global (.bss) */
long limit = 5;   /* how many times to bump it (.data) */

__attribute__((noinline)) void bump(void) {
  counter++;
}

int main(void) {
  for (long i = 0; i < limit; i++) bump();
  printf("counter = %ld\n", counter);
  return 0;
}
